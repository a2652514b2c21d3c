#!/usr/bin/env bash
# Instruction profile of the HTTP server's request path under callgrind, printed as plain text.
# Usage: bench/profile-http.sh [requests=2000] [top=25]
#   env: PORT (18102)
#
# Builds release, starts `serve --no-supervise --synchronous full` on a fresh
# database under valgrind --tool=callgrind with instrumentation off, warms up,
# then profiles REQUESTS × GET /health (a database round trip at most a
# second old, docs/API.md) and REQUESTS ×
# GET /facilities (the ~1 KB-per-facility catalogue), each one after another
# on one keep-alive connection (bench/profile/get.py), the first profile
# dumped before the second starts. Prints, for each, the instructions per
# request (every thread of the server, the idle timers too), the share of
# each library and the top functions (bench/lib/callgrind.sh). Instruction
# counts do not depend on the machine's load: this is the before/after
# measure of the request path on a shared machine; bench/compare-http.sh
# measures requests/s against Hummingbird. The profiles stay in
# .build/profile-http/ (health.callgrind, facilities.callgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
source bench/lib/callgrind.sh
REQUESTS="${1:-2000}"
TOP="${2:-25}"
PORT="${PORT:-18102}"
(( REQUESTS >= 10 && REQUESTS <= 100000 )) || { echo "requests must be 10..100000"; exit 2; }
(( TOP >= 1 && TOP <= 200 )) || { echo "top must be 1..200"; exit 2; }

bench_build_release
OUT="$PWD/.build/profile-http"
rm -rf "$OUT"
mkdir -p "$OUT"
trap callgrind_stop EXIT
bench_machine
echo "profile: $REQUESTS x GET /health, then $REQUESTS x GET /facilities, one keep-alive connection, callgrind"
bench_load start
callgrind_start
python3 bench/profile/get.py "$PORT" /health 200
python3 bench/profile/get.py "$PORT" /facilities 200
callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
START=$(date +%s.%N)
python3 bench/profile/get.py "$PORT" /health "$REQUESTS"
MIDDLE=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
callgrind_control -d health "$VALGRIND" > /dev/null 2>&1
callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
RESTART=$(date +%s.%N)
python3 bench/profile/get.py "$PORT" /facilities "$REQUESTS"
END=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
callgrind_stop
bench_load end
DUMP="$(ls "$OUT"/callgrind.out.* 2>/dev/null | head -n 1)"
[ -s "$DUMP" ] && [ -s "$OUT/callgrind.out" ] || { echo "profile: callgrind wrote no profile"; exit 1; }
mv "$DUMP" "$OUT/health.callgrind"
mv "$OUT/callgrind.out" "$OUT/facilities.callgrind"
report "$OUT/health.callgrind" "$REQUESTS" "GET /health" "$(echo "$MIDDLE - $START" | bc)"
echo
report "$OUT/facilities.callgrind" "$REQUESTS" "GET /facilities" "$(echo "$END - $RESTART" | bc)"
