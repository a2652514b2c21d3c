#!/usr/bin/env bash
# The whole-API extremes run: starts the real service (a separate process,
# so a crash is a dead process) on a loopback port with a fresh database,
# then bench/extremes/extremes.py sends every operation of /openapi.json that
# takes a date, month, instant or number the extremes of each (years 1, 1899,
# 1900, 2200, 2201, 9999; months 0, 1, 12, 13; days 0, 1, 28-32; 0, -1,
# 2^63-1, 2^63, -2^63, 1e308, ""). Prints the count of requests and of 5xx;
# exits non-zero on any 5xx or if the service stops serving.
#
#   bench/extremes.sh
#
# Environment: NAKANO_BIN (default .build/debug/nakano-center, built if
# missing), PORT (default: a free port), CONFIG_DIR and SCHEDULES_DIR
# (default: the checkout's Config and schedules), KEEP_GOING=1 to restart a
# dead service on a fresh database and carry on after the request that
# killed it (to count every such request, not only the first).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

BIN="${NAKANO_BIN:-.build/debug/nakano-center}"
if [ ! -x "$BIN" ]; then
  echo "== build $BIN"
  swift build --product nakano-center 2>&1 | tail -n 1
fi
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
TMP="$(mktemp -d)"
SERVER=
stop_server() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; SERVER=; }
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT

start_server() {
  rm -rf "$TMP/db" && mkdir -p "$TMP/db"
  "$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$TMP/db/center.sqlite" \
    --config-dir "${CONFIG_DIR:-Config}" --schedules-dir "${SCHEDULES_DIR:-schedules}" >"$TMP/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do
    [ -s "$TMP/db/admin.token" ] && curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "== the service did not start:"; tail -n 20 "$TMP/server.log"; exit 1
}

sent=0 fivexx=0 deaths=0 skip=0 status=0
while :; do
  start_server
  set +e
  python3 bench/extremes/extremes.py "http://127.0.0.1:$PORT" "$(cat "$TMP/db/admin.token")" --skip "$skip" | tee "$TMP/run.out"
  run=${PIPESTATUS[0]}
  set -e
  counts=$(grep '^extremes-counts:' "$TMP/run.out" || true)
  sent=$((sent + $(sed -nE 's/.*sent=([0-9]+).*/\1/p' <<<"$counts")))
  fivexx=$((fivexx + $(sed -nE 's/.*fivexx=([0-9]+).*/\1/p' <<<"$counts")))
  if [ "$run" -ne 0 ]; then status=1; fi
  if [ "$run" -eq 3 ] || ! kill -0 "$SERVER" 2>/dev/null; then
    deaths=$((deaths + 1))
    echo "== the service process died; what it said:"
    grep -m 8 -E 'Fatal error|crashed|Unexpectedly|at /.*\.swift:[0-9]+' "$TMP/server.log" | cut -c1-240 || tail -n 5 "$TMP/server.log"
    status=1
    wait "$SERVER" 2>/dev/null || true
    SERVER=
    if [ "${KEEP_GOING:-0}" = 1 ]; then
      skip=$(sed -nE 's/.*index=([0-9]+).*/\1/p' <<<"$counts")
      echo "== KEEP_GOING: a fresh service, on from request $((skip + 1))"
      continue
    fi
  fi
  break
done
echo "extremes total: $sent requests, $fivexx 5xx, $deaths time(s) the service died"
exit "$status"
