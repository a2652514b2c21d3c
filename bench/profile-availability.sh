#!/usr/bin/env bash
# Instruction profile of GET /availability of one facility-month under callgrind, printed as plain text.
# Usage: bench/profile-availability.sh [reads=300] [top=25]
#   env: PORT (18104), FACILITY (gym), MONTHS_AHEAD (6)
#
# Builds release, starts `serve --no-supervise --synchronous full` on a fresh
# database under valgrind --tool=callgrind with instrumentation off, warms up
# with 30 reads, then profiles READS × `GET /availability?facility=FACILITY&
# from=YYYY-MM-01&to=YYYY-MM-last` of the month MONTHS_AHEAD months from
# today (the read bench/booking-mix.sh sends beside its mix: anonymous, no
# category, so every category that books rooms is asked per slot), one after
# another on one keep-alive connection (bench/profile/get.py). Prints the
# instructions per read (every thread of the server, the idle timers too),
# the share of each library and the top functions (bench/lib/callgrind.sh):
# the repeatable measure, on a shared machine, of what booking-mix.sh's
# availability latency depends on. The profile stays in
# .build/profile-availability/availability.callgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
source bench/lib/callgrind.sh
READS="${1:-300}"
TOP="${2:-25}"
PORT="${PORT:-18104}"
FACILITY="${FACILITY:-gym}"
MONTHS_AHEAD="${MONTHS_AHEAD:-6}"
(( READS >= 10 && READS <= 100000 )) || { echo "reads must be 10..100000"; exit 2; }
(( TOP >= 1 && TOP <= 200 )) || { echo "top must be 1..200"; exit 2; }

bench_build_release
OUT="$PWD/.build/profile-availability"
rm -rf "$OUT"
mkdir -p "$OUT"
trap callgrind_stop EXIT
MONTH="$(bench_open_month "$MONTHS_AHEAD")"
LAST_DAY="$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(calendar.monthrange(y,m)[1])" "$MONTH")"
TARGET="/availability?facility=$FACILITY&from=$MONTH-01&to=$MONTH-$LAST_DAY"
bench_machine
echo "profile: $READS x GET $TARGET, one keep-alive connection, callgrind"
bench_load start
callgrind_start
python3 bench/profile/get.py "$PORT" "$TARGET" 30
callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
START=$(date +%s.%N)
python3 bench/profile/get.py "$PORT" "$TARGET" "$READS"
END=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
callgrind_stop
bench_load end
[ -s "$OUT/callgrind.out" ] || { echo "profile: callgrind wrote no profile"; exit 1; }
mv "$OUT/callgrind.out" "$OUT/availability.callgrind"
report "$OUT/availability.callgrind" "$READS" "GET /availability" "$(echo "$END - $START" | bc)"
