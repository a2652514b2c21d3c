#!/usr/bin/env bash
# Instruction profile of bookings refused on the arrival snapshot, under callgrind, printed as plain text.
# Usage: bench/profile-refusals.sh [refusals=1100] [top=25]
#   env: PORT (18103)
#
# Builds release, starts `serve --no-supervise --synchronous full` on a fresh
# database under valgrind --tool=callgrind with instrumentation off, seeds it
# as bench/refusals.sh does (bench/refusals/seed.py: its eleven cases, each
# checked once), warms up with 110 refusals, then profiles REFUSALS more, the
# cases in turn, one after another on one keep-alive connection
# (bench/profile/refuse.py). Prints the instructions per refusal (every
# thread of the server, the idle timers too), the share of each library and
# the top functions (bench/lib/callgrind.sh): the repeatable measure on a
# shared machine of what bench/refusals.sh measures in refusals/s. The
# profile stays in .build/profile-refusals/refusals.callgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
source bench/lib/callgrind.sh
REFUSALS="${1:-1100}"
TOP="${2:-25}"
PORT="${PORT:-18103}"
(( REFUSALS >= 11 && REFUSALS <= 100000 )) || { echo "refusals must be 11..100000"; exit 2; }
(( TOP >= 1 && TOP <= 200 )) || { echo "top must be 1..200"; exit 2; }

bench_build_release
OUT="$PWD/.build/profile-refusals"
rm -rf "$OUT"
mkdir -p "$OUT"
trap callgrind_stop EXIT
bench_machine
echo "profile: $REFUSALS POST /bookings refused on the arrival snapshot (the cases of bench/refusals/seed.py in turn), callgrind"
bench_load start
callgrind_start
python3 bench/refusals/seed.py "$PORT" "$OUT/admin.token" "$OUT/data.lua" | sed 's/^/  /'
python3 bench/profile/refuse.py "$PORT" "$OUT/data.json" 110
callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
START=$(date +%s.%N)
python3 bench/profile/refuse.py "$PORT" "$OUT/data.json" "$REFUSALS"
END=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
callgrind_stop
bench_load end
[ -s "$OUT/callgrind.out" ] || { echo "profile: callgrind wrote no profile"; exit 1; }
mv "$OUT/callgrind.out" "$OUT/refusals.callgrind"
report "$OUT/refusals.callgrind" "$REFUSALS" refusal "$(echo "$END - $START" | bc)"
