#!/usr/bin/env bash
# Opening-day load over HTTP, printed as plain text.
# Usage: bench/booking.sh [seconds=15] [runs=3]
#   env: PORT (18090), CONNS (64), AVAIL_CONNS (8), AVAIL_DELAY_MS (4; 0 = flat out)
#
# Builds release once, then for each run: starts `nakano-center serve
# --no-supervise` with --synchronous full on a fresh database under
# .build/booking-bench (a real disk, so fsync costs what it costs), seeds
# registrations through the API (bench/booking/seed.py: 120 economic groups,
# 120 SMEs, 60 community groups, member tokens for half), and runs two wrk at
# once for SECONDS, all on 127.0.0.1:
#   - bookings: -t2 -c$CONNS, POST /bookings across facilities, dates and
#     divisions (successes and refusals), ~3% POST /bookings/{id}/cancel
#     (bench/booking/book.lua);
#   - availability: -t1 -c$AVAIL_CONNS, GET /availability of the gym for
#     one month (AVAIL_MONTH, default the month just opened to economic
#     groups, Japan time), each connection pausing AVAIL_DELAY_MS between reads (at
#     most ~2,000 reads/s by default), so the latency is measured under the
#     booking load (bench/booking/availability.lua).
# Prints each run and the medians: committed writes/s (bookings made and
# cancelled, counted in the database after the run; the headline), booking
# attempts/s, successful bookings/s, availability reads/s, p50/p99 per wrk,
# refusals by code, and the server's peak memory (VmHWM from /proc/PID/status).
# Exits non-zero when the database and wrk's counts disagree or a 5xx came.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
SECONDS_PER_RUN="${1:-15}"
RUNS="${2:-3}"
PORT="${PORT:-18090}"
CONNS="${CONNS:-64}"
AVAIL_CONNS="${AVAIL_CONNS:-8}"
AVAIL_FACILITY="${AVAIL_FACILITY:-gym}"
AVAIL_MONTH="${AVAIL_MONTH:-$(bench_open_month 6)}"
export AVAIL_DELAY_MS="${AVAIL_DELAY_MS:-4}"
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 1..120"; exit 2; }
(( RUNS >= 1 && RUNS <= 9 )) || { echo "runs must be 1..9"; exit 2; }

bench_require_wrk
bench_build_release
mkdir -p .build/booking-bench
WORK="$(mktemp -d "$PWD/.build/booking-bench/run.XXXXXX")"
trap 'bench_stop_server; rm -rf "$WORK"' EXIT

LAST_DAY="$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(calendar.monthrange(y,m)[1])" "$AVAIL_MONTH")"
AVAIL_URL="http://127.0.0.1:$PORT/availability?facility=$AVAIL_FACILITY&from=$AVAIL_MONTH-01&to=$AVAIL_MONTH-$LAST_DAY"
bench_machine
echo "${SECONDS_PER_RUN}s per run, $RUNS runs; bookings -c$CONNS, availability -c$AVAIL_CONNS ($AVAIL_FACILITY, $AVAIL_MONTH, ${AVAIL_DELAY_MS} ms pause); synchronous=FULL"
bench_load start

for run in $(seq 1 "$RUNS"); do
    DIR="$WORK/$run"
    bench_start_server "$DIR" "$PORT"
    python3 bench/booking/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" > "$DIR/seed.out"
    BOOKING_DATA="$DIR/data.lua" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/booking/book.lua \
        "http://127.0.0.1:$PORT" > "$DIR/book.out" 2>&1 &
    BOOK=$!
    wrk -t1 -c"$AVAIL_CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/booking/availability.lua "$AVAIL_URL" \
        > "$DIR/avail.out" 2>&1 &
    AVAIL=$!
    wait "$BOOK" "$AVAIL"
    sleep 0.5   # the last in-flight requests finish before the database is read
    bench_memory "$DIR/memory"
    bench_stop_server
    [ "$run" = 1 ] && sed 's/^/  /' "$DIR/seed.out"
done
bench_load end

python3 - "$WORK" "$RUNS" "$CONNS" <<'PY'
import os, sys
sys.path.insert(0, "bench/lib")
from benchlib import wrk_output, socket_errors, database_counts, memory, median

work, runs, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cancel_codes = {"invalid_transition", "booking_not_found"}
rows, broken = [], []
for run in range(1, runs + 1):
    d = os.path.join(work, str(run))
    book, avail = wrk_output(os.path.join(d, "book.out")), wrk_output(os.path.join(d, "avail.out"))
    c, t = book["counts"], book["duration"]
    db = database_counts(os.path.join(d, "center.sqlite"))
    responses = sum(v for k, v in c.items() if k.startswith("status_"))
    cancel_answers = c.get("cancelled", 0) + sum(c.get("code_" + code, 0) for code in cancel_codes)
    refusals = {k[5:]: v for k, v in c.items() if k.startswith("code_") and k[5:] not in cancel_codes}
    reads = sum(v for k, v in avail["counts"].items() if k.startswith("status_"))
    row = dict(writes=(db["made"] + db["cancelled"]) / t, attempts=(responses - cancel_answers) / t,
               booked=db["made"] / t, cancels=db["cancelled"] / t,
               book_p50=book["latency"]["all"]["p50"], book_p99=book["latency"]["all"]["p99"],
               reads=reads / avail["duration"], avail_p50=avail["latency"]["all"]["p50"],
               avail_p99=avail["latency"]["all"]["p99"], hwm_mib=memory(os.path.join(d, "memory"))["VmHWM"])
    rows.append(row)
    problems = []
    errors = {**socket_errors(book["errors"]), **socket_errors(avail["errors"])}
    if errors:
        problems.append(f"wrk socket errors {errors}")
    fives = {k: v for k, v in list(c.items()) + list(avail["counts"].items()) if k.startswith("status_5")}
    if fives:
        problems.append(f"5xx answers {fives}")
    if reads != avail["counts"].get("status_200", 0):
        problems.append(f"availability answers not 200: {avail['counts']}")
    for what, seen, held in (("bookings", c.get("booked", 0), db["made"]), ("cancels", c.get("cancelled", 0), db["cancelled"])):
        if not 0 <= held - seen <= conns:    # answers in flight when wrk stopped are committed but unseen
            problems.append(f"wrk saw {seen} {what} succeed, the database holds {held}")
    if db["overlaps"]:
        problems.append(f"overlapping live units: {db['overlaps'][:5]}")
    print(f"run {run}: committed writes/s {row['writes']:.0f} (booked {row['booked']:.0f} + cancelled {row['cancels']:.0f})  "
          f"attempts/s {row['attempts']:.0f}  booking p50/p99 {row['book_p50']:.2f}/{row['book_p99']:.2f} ms  "
          f"availability/s {row['reads']:.0f} p50/p99 {row['avail_p50']:.2f}/{row['avail_p99']:.2f} ms  "
          f"VmHWM {row['hwm_mib']:.1f} MiB")
    print("       refusals: " + ", ".join(f"{k} {v}" for k, v in sorted(refusals.items(), key=lambda kv: -kv[1])))
    for p in problems:
        print(f"       BROKEN: {p}")
    broken += problems

med = lambda key: median([r[key] for r in rows])
print(f"median of {runs}:")
print(f"  committed writes/s     {med('writes'):9.0f}   (bookings made + cancelled, from the database)")
print(f"  successful bookings/s  {med('booked'):9.0f}")
print(f"  cancellations/s        {med('cancels'):9.0f}")
print(f"  booking attempts/s     {med('attempts'):9.0f}   (201s and refusals of POST /bookings; goal >= 8000)")
print(f"  bookings p50 / p99     {med('book_p50'):6.2f} / {med('book_p99'):.2f} ms")
print(f"  availability reads/s   {med('reads'):9.0f}")
print(f"  availability p50 / p99 {med('avail_p50'):6.2f} / {med('avail_p99'):.2f} ms   (goal p99 <= 5 ms)")
print(f"  server VmHWM           {med('hwm_mib'):9.1f} MiB (goal < 100 MiB)")
if broken:
    print(f"BROKEN RUN ({len(broken)} problems)")
    sys.exit(1)
PY
