#!/usr/bin/env bash
# Instruction profile of accepted bookings under callgrind, printed as plain text.
# Usage: bench/profile-booking.sh [bookings=100] [top=25]
#   env: PORT (18101), WARMUP (20 bookings before the profile starts)
#
# Builds release, starts `serve --no-supervise --synchronous full` on a fresh
# database under valgrind --tool=callgrind with instrumentation off, seeds
# 20 economic groups through the API (bench/booking/seed.py), chooses free
# units (bench/profile/book.py plan), makes WARMUP bookings (first-use
# costs: prepared statements, caches), switches
# instrumentation on (callgrind_control -i on), makes BOOKINGS more, one
# after another, each accepted (bench/profile/book.py), switches it off and
# stops the server. Instruction counts do not depend on the machine's load,
# so this is the repeatable measure on a shared machine. Prints the
# instructions per booking (every thread of the server, the idle timers
# too), the share of each library, and the top functions by their own
# instructions (callgrind_annotate, names demangled with `swift demangle
# --simplified`), then by inclusive count, of all and of the service's own
# code. The full profile stays in .build/profile-booking/callgrind.out for
# callgrind_annotate or kcachegrind. Exits non-zero when a booking is not
# answered 201 or no profile was written.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
BOOKINGS="${1:-100}"
TOP="${2:-25}"
PORT="${PORT:-18101}"
WARMUP="${WARMUP:-20}"
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
callgrind_control -i on "$VALGRIND" > /dev/null
START=$(date +%s.%N)
python3 bench/profile/book.py book "$PORT" "$OUT/plan.json" "$WARMUP" "$BOOKINGS"
END=$(date +%s.%N)
callgrind_control -i off "$VALGRIND" > /dev/null
kill -TERM "$VALGRIND"
wait "$VALGRIND" || true
VALGRIND=""
bench_load end
[ -s "$OUT/callgrind.out" ] || { echo "profile: callgrind wrote no profile"; exit 1; }

TOTAL="$(awk '/^totals:/ {print $2; exit}' "$OUT/callgrind.out")"
python3 -c "import sys; t, n, s = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]); \
print(f'{t:,} instructions for {n} bookings: {t // n:,} per booking ({s:.1f} s under callgrind)')" \
    "$TOTAL" "$BOOKINGS" "$(echo "$END - $START" | bc)"
# The functions of a callgrind_annotate table, demangled, the object path shortened to its file name.
# $2, when given, keeps only the functions of that object file.
functions() {
    callgrind_annotate --inclusive="$1" --threshold=100 "$OUT/callgrind.out" 2>/dev/null \
        | awk -v top="$TOP" -v object="${2:-}" '/^-+$/ {n++}
              n >= 3 && /^ *[0-9,]+ / && !/PROGRAM TOTALS/ && index($0, object "]") && shown++ < top {print}' \
        | { swift demangle --simplified --compact 2>/dev/null || cat; } \
        | sed -E 's| \[[^]]*/([^]/]+)\]$| [\1]|; s|^( *[0-9,]+ \( *[0-9.]+%\)  )[^ ]*/([^/: ]+):|\1\2:|' | cut -c1-200
}
echo "own instructions by object file:"
callgrind_annotate --inclusive=no --threshold=100 "$OUT/callgrind.out" 2>/dev/null | python3 -c "
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
echo "top $TOP by own instructions (Ir, % of all, function):"
functions no
echo "top $TOP by inclusive instructions (a name ending in '2 is a recursion cycle: its figure counts some calls twice):"
functions yes
echo "top $TOP of the service's own functions (nakano-center) by inclusive instructions:"
functions yes /nakano-center
