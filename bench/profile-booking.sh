#!/usr/bin/env bash
# Instruction profile of accepted bookings under callgrind, printed as plain text.
# Usage: bench/profile-booking.sh [bookings=100] [top=25]
#   env: PORT (18101), WARMUP (20 bookings before the profile starts),
#        CANCELS=0 skips the second profile (the cancels),
#        WRITER_ONLY=1 counts only the single writer's batches (Writer.commit
#        and what it calls, on the store-writer thread): the writer's share
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
source bench/lib/callgrind.sh
BOOKINGS="${1:-100}"
TOP="${2:-25}"
PORT="${PORT:-18101}"
WARMUP="${WARMUP:-20}"
CANCELS="${CANCELS:-1}"
if [ "${WRITER_ONLY:-0}" = 1 ]; then
    # Writer.commit(_:) by its mangled name: collection is on only inside it.
    CALLGRIND_OPTIONS='--toggle-collect=$s5Store6WriterC6commit*'
fi
(( BOOKINGS >= 1 && BOOKINGS <= 2000 )) || { echo "bookings must be 1..2000"; exit 2; }
(( TOP >= 1 && TOP <= 200 )) || { echo "top must be 1..200"; exit 2; }

bench_build_release
OUT="$PWD/.build/profile-booking"
rm -rf "$OUT"
mkdir -p "$OUT"
trap callgrind_stop EXIT
bench_machine
echo "profile: $BOOKINGS accepted bookings after $WARMUP warm-up ones, callgrind, synchronous=FULL"
bench_load start

callgrind_start

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
callgrind_stop
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

report "$OUT/bookings.callgrind" "$BOOKINGS" booking "$(echo "$END - $START" | bc)"
if [ "$CANCELS" = 1 ]; then
    [ -s "$OUT/cancels.callgrind" ] || { echo "profile: callgrind wrote no profile of the cancels"; exit 1; }
    echo
    report "$OUT/cancels.callgrind" "$BOOKINGS" cancel "$(echo "$CANCEL_END - $CANCEL_START" | bc)"
fi
