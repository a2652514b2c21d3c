#!/usr/bin/env bash
# Instruction profile of accepted bookings under callgrind, printed as plain text.
# Usage: bench/profile-booking.sh [bookings=100] [top=25]
#   env: PORT (18101), WARMUP (20 bookings before the profile starts),
#        CANCELS=0 skips the second profile (the cancels)
#
# Builds release, starts `serve --no-supervise --synchronous full` on a fresh
# database under valgrind --tool=callgrind with instrumentation off, seeds
# 20 economic groups through the API (bench/booking/seed.py), chooses free
# units (bench/profile/book.py plan), makes WARMUP bookings (first-use
# costs: prepared statements, caches), switches
# instrumentation on (callgrind_control -i on), makes BOOKINGS more, one
# after another, each accepted (bench/profile/book.py), switches it off and
# dumps that profile; then cancels the BOOKINGS bookings it made, each by
# the token that made it (bench/profile/book.py cancel), as a second profile,
# and stops the server. Instruction counts do not depend on the machine's load,
# so this is the repeatable measure on a shared machine. Prints the
# instructions per booking (every thread of the server, the idle timers
# too), the share of each library, and the top functions by their own
# instructions (callgrind_annotate, names demangled with `swift demangle
# --simplified`), then by inclusive count, of all and of the service's own
# code; then the same for one cancel. The profiles stay in
# .build/profile-booking/ (bookings.callgrind, cancels.callgrind) for
# callgrind_annotate or kcachegrind. Exits non-zero when a booking is not
# answered 201, a cancel 200, or no profile was written.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
BOOKINGS="${1:-100}"
TOP="${2:-25}"
PORT="${PORT:-18101}"
WARMUP="${WARMUP:-20}"
CANCELS="${CANCELS:-1}"
(( BOOKINGS >= 1 && BOOKINGS <= 2000 )) || { echo "bookings must be 1..2000"; exit 2; }
(( TOP >= 1 && TOP <= 200 )) || { echo "top must be 1..200"; exit 2; }
command -v valgrind > /dev/null || apt-get install -y valgrind > /dev/null

bench_build_release
OUT="$PWD/.build/profile-booking"
rm -rf "$OUT"
mkdir -p "$OUT"
VALGRIND=""
trap '[ -n "$VALGRIND" ] && { kill -TERM "$VALGRIND" 2>/dev/null; wait "$VALGRIND" 2>/dev/null; }; true' EXIT
bench_machine
echo "profile: $BOOKINGS accepted bookings after $WARMUP warm-up ones, callgrind, synchronous=FULL"
bench_load start

# Valgrind 3.19 dies on libdispatch's sigsuspend (bench/profile/sigsuspend-shim.c).
gcc -shared -fPIC -O2 -o "$OUT/sigsuspend-shim.so" bench/profile/sigsuspend-shim.c
LD_PRELOAD="$OUT/sigsuspend-shim.so" valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/callgrind.out" \
    "$BENCH_BIN" serve --no-supervise --host 127.0.0.1 --port "$PORT" --database "$OUT/center.sqlite" \
    --synchronous full > "$OUT/server.log" 2>&1 &
VALGRIND=$!
for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
    kill -0 "$VALGRIND" 2>/dev/null || break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null || { echo "profile: the server did not start under valgrind"; cat "$OUT/server.log"; exit 1; }

python3 bench/booking/seed.py "$PORT" "$OUT/admin.token" "$OUT/data.lua" 20 0 0 | sed 's/^/  /'
python3 bench/profile/book.py plan "$PORT" "$OUT/data.json" $((WARMUP + BOOKINGS)) "$OUT/plan.json"
python3 bench/profile/book.py book "$PORT" "$OUT/plan.json" 0 "$WARMUP"
callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
START=$(date +%s.%N)
python3 bench/profile/book.py book "$PORT" "$OUT/plan.json" "$WARMUP" "$BOOKINGS" "$OUT/booked.jsonl"
END=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
if [ "$CANCELS" = 1 ]; then
    # A dump writes the bookings' profile and zeroes the counters for the cancels'.
    callgrind_control -d bookings "$VALGRIND" > /dev/null 2>&1
    callgrind_control -i on "$VALGRIND" > /dev/null 2>&1
    CANCEL_START=$(date +%s.%N)
    python3 bench/profile/book.py cancel "$PORT" "$OUT/plan.json" "$OUT/booked.jsonl"
    CANCEL_END=$(date +%s.%N)
    callgrind_control -i off "$VALGRIND" > /dev/null 2>&1
fi
kill -TERM "$VALGRIND"
wait "$VALGRIND" || true
VALGRIND=""
bench_load end
if [ "$CANCELS" = 1 ]; then
    DUMP="$(ls "$OUT"/callgrind.out.* 2>/dev/null | head -n 1)"
    [ -s "$DUMP" ] || { echo "profile: callgrind wrote no profile of the bookings"; exit 1; }
    mv "$DUMP" "$OUT/bookings.callgrind"
    mv "$OUT/callgrind.out" "$OUT/cancels.callgrind"
else
    mv "$OUT/callgrind.out" "$OUT/bookings.callgrind"
fi
[ -s "$OUT/bookings.callgrind" ] || { echo "profile: callgrind wrote no profile"; exit 1; }

# The functions of a callgrind_annotate table of profile $1, demangled, the object path shortened to its file name.
# $3, when given, keeps only the functions of that object file.
functions() {
    callgrind_annotate --inclusive="$2" --threshold=100 "$1" 2>/dev/null \
        | awk -v top="$TOP" -v object="${3:-}" '/^-+$/ {n++}
              n >= 3 && /^ *[0-9,]+ / && !/PROGRAM TOTALS/ && index($0, object "]") && shown++ < top {print}' \
        | { swift demangle --simplified --compact 2>/dev/null || cat; } \
        | sed -E 's| \[[^]]*/([^]/]+)\]$| [\1]|; s|^( *[0-9,]+ \( *[0-9.]+%\)  )[^ ]*/([^/: ]+):|\1\2:|' | cut -c1-200
}
# report PROFILE COUNT WHAT SECONDS: instructions per WHAT, by library, the top functions.
report() {
    local profile="$1" count="$2" what="$3" seconds="$4"
    local total
    total="$(awk '/^totals:/ {print $2; exit}' "$profile")"
    python3 -c "import sys; t, n, s, w = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]; \
print(f'{t:,} instructions for {n} {w}s: {t // n:,} per {w} ({s:.1f} s under callgrind)')" \
        "$total" "$count" "$seconds" "$what"
    echo "own instructions by object file ($what):"
    callgrind_annotate --inclusive=no --threshold=100 "$profile" 2>/dev/null | python3 -c "
import re, sys
total, by = 0, {}
for line in sys.stdin:
    m = re.match(r' *([0-9,]+) \( *[0-9.]+%\)  .*\[(?:.*/)?([^]/]+)\]$', line)
    if m and 'PROGRAM TOTALS' not in line:
        n = int(m.group(1).replace(',', ''))
        by[m.group(2)] = by.get(m.group(2), 0) + n
        total += n
for name, n in sorted(by.items(), key=lambda kv: -kv[1])[:8]:
    print(f'  {100 * n / total:5.1f} %  {name}')
"
    echo "top $TOP by own instructions ($what; Ir, % of all, function):"
    functions "$profile" no
    echo "top $TOP by inclusive instructions ($what; a name ending in '2 is a recursion cycle: its figure counts some calls twice):"
    functions "$profile" yes
    echo "top $TOP of the service's own functions (nakano-center) by inclusive instructions ($what):"
    functions "$profile" yes /nakano-center
}
report "$OUT/bookings.callgrind" "$BOOKINGS" booking "$(echo "$END - $START" | bc)"
if [ "$CANCELS" = 1 ]; then
    [ -s "$OUT/cancels.callgrind" ] || { echo "profile: callgrind wrote no profile of the cancels"; exit 1; }
    echo
    report "$OUT/cancels.callgrind" "$BOOKINGS" cancel "$(echo "$CANCEL_END - $CANCEL_START" | bc)"
fi
