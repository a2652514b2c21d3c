#!/usr/bin/env bash
# Integration checks with the tools people already use: the real service is
# built and started on a loopback port with a fresh database, bookings are made
# through the API, then pytest reads the iCalendar feeds with `icalendar`, the
# CSV reports with Python's csv module, /metrics with prometheus_client's
# parser, validates /openapi.json with openapi-spec-validator, and renders
# /board in headless Chromium (screenshot: .build/board.png).
# Installs what it needs idempotently: a venv under .build/, Chromium from apt.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"

venv=.build/venv-integration
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import icalendar, prometheus_client, openapi_spec_validator, pytest" 2>/dev/null; then
  "$venv/bin/pip" install -q icalendar prometheus_client openapi-spec-validator pytest
fi

if ! command -v chromium >/dev/null 2>&1; then
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
    echo "integration: chromium could not be installed with apt-get; the /board rendering check will be skipped"
  fi
fi

swift build 2>&1 | tail -n 1

work=$(mktemp -d)
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/debug/nakano-center serve --port "$port" --database "$work/center.sqlite" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if [ -s "$work/admin.token" ] && "$venv/bin/python" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$port/health" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

export CENTER_URL="http://127.0.0.1:$port"
export CENTER_ADMIN_TOKEN_FILE="$work/admin.token"
export PYTHONDONTWRITEBYTECODE=1
export BOARD_SCREENSHOT="$PWD/.build/board.png"
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/integration
