#!/usr/bin/env bash
# Opening-day load over HTTP, printed as plain text.
# Usage: bench/booking.sh [seconds=15] [runs=3]
#   env: PORT (18090), CONNS (64), AVAIL_CONNS (8), AVAIL_DELAY_MS (4; 0 = flat out)
#
# Builds release once, then for each run: starts `nakano-center serve` with
# --synchronous full on a fresh database under .build/booking-bench (a real
# disk, so fsync costs what it costs), seeds registrations through the API
# (bench/booking/seed.py: 120 economic groups, 120 SMEs, 60 community groups,
# member tokens for half), and runs two wrk at once for SECONDS, all on
# 127.0.0.1:
#   - bookings: -t2 -c$CONNS, POST /bookings across facilities, dates and
#     divisions (successes and refusals), ~3% POST /bookings/{id}/cancel
#     (bench/booking/book.lua);
#   - availability: -t1 -c$AVAIL_CONNS, GET /availability of the gym for
#     one month (AVAIL_MONTH, default the month just opened to economic
#     groups: 2027-05 on 2026-11-25), each connection pausing AVAIL_DELAY_MS between reads (at
#     most ~2,000 reads/s by default), so the latency is measured under the
#     booking load (bench/booking/availability.lua).
# Prints each run and the medians: booking attempts/s, successful bookings/s,
# availability reads/s, p50/p99 per wrk, refusals by code, and the server's
# peak memory (VmHWM from /proc/PID/status).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
SECONDS_PER_RUN="${1:-15}"
RUNS="${2:-3}"
PORT="${PORT:-18090}"
CONNS="${CONNS:-64}"
AVAIL_CONNS="${AVAIL_CONNS:-8}"
AVAIL_FACILITY="${AVAIL_FACILITY:-gym}"
# Default: the month that has just opened to economic groups (6 months ahead, Japan time).
AVAIL_MONTH="${AVAIL_MONTH:-$(python3 -c "
import datetime
d = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).date()
m = d.month - 1 + 6
print(f'{d.year + m // 12}-{m % 12 + 1:02d}')")}"
export AVAIL_DELAY_MS="${AVAIL_DELAY_MS:-4}"
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 1..120"; exit 2; }
(( RUNS >= 1 && RUNS <= 9 )) || { echo "runs must be 1..9"; exit 2; }

command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
swift build -c release --product nakano-center 2>&1 | tail -n 1
BIN="$PWD/.build/release/nakano-center"
BASE="$PWD/.build/booking-bench"
mkdir -p "$BASE"
WORK="$(mktemp -d "$BASE/run.XXXXXX")"
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

LAST_DAY="$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(calendar.monthrange(y,m)[1])" "$AVAIL_MONTH")"
AVAIL_URL="http://127.0.0.1:$PORT/availability?facility=$AVAIL_FACILITY&from=$AVAIL_MONTH-01&to=$AVAIL_MONTH-$LAST_DAY"
echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ); ${SECONDS_PER_RUN}s per run, $RUNS runs;" \
     "bookings -c$CONNS, availability -c$AVAIL_CONNS ($AVAIL_FACILITY, $AVAIL_MONTH, ${AVAIL_DELAY_MS} ms pause); synchronous=FULL"

for run in $(seq 1 "$RUNS"); do
    DIR="$WORK/$run"
    mkdir -p "$DIR"
    "$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$DIR/center.sqlite" --synchronous full \
        > "$DIR/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
        sleep 0.1
    done
    curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null || { echo "server did not answer /health"; cat "$DIR/server.log"; exit 1; }
    python3 bench/booking/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" > "$DIR/seed.out"
    BOOKING_DATA="$DIR/data.lua" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/booking/book.lua \
        "http://127.0.0.1:$PORT" > "$DIR/book.out" 2>&1 &
    BOOK=$!
    wrk -t1 -c"$AVAIL_CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/booking/availability.lua "$AVAIL_URL" \
        > "$DIR/avail.out" 2>&1 &
    AVAIL=$!
    wait "$BOOK" "$AVAIL"
    awk '/VmHWM|VmRSS/ {print $1, $2}' "/proc/$SERVER/status" > "$DIR/memory"
    kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    [ "$run" = 1 ] && sed 's/^/  /' "$DIR/seed.out"
done

python3 - "$WORK" "$RUNS" <<'PY'
import statistics, sys, os
work, runs = sys.argv[1], int(sys.argv[2])
cancel_codes = {"invalid_transition", "booking_not_found"}

def parse(path):
    counts, info = {}, {}
    for line in open(path):
        f = line.split()
        if f and f[0] == "count":
            counts[f[1]] = int(f[2])
        elif f and f[0] == "latency":
            info.update(p50=float(f[2]), p99=float(f[4]), max=float(f[6]))
        elif f and f[0] == "duration_s":
            info["duration"] = float(f[1])
        elif "Socket errors" in line:
            info["socket_errors"] = line.strip()
    return counts, info

rows, refusals_all = [], []
for run in range(1, runs + 1):
    d = os.path.join(work, str(run))
    book, binfo = parse(os.path.join(d, "book.out"))
    avail, ainfo = parse(os.path.join(d, "avail.out"))
    mem = dict(line.split() for line in open(os.path.join(d, "memory")))
    responses = sum(v for k, v in book.items() if k.startswith("status_"))
    cancel_answers = book.get("cancelled", 0) + sum(book.get("code_" + c, 0) for c in cancel_codes)
    attempts = responses - cancel_answers
    t = binfo["duration"]
    refusals = {k[5:]: v for k, v in book.items() if k.startswith("code_") and k[5:] not in cancel_codes}
    refusals_all.append(refusals)
    reads = sum(v for k, v in avail.items() if k.startswith("status_"))
    row = dict(attempts=attempts / t, booked=book.get("booked", 0) / t, cancels=book.get("cancelled", 0) / t,
               book_p50=binfo["p50"], book_p99=binfo["p99"], reads=reads / ainfo["duration"],
               avail_p50=ainfo["p50"], avail_p99=ainfo["p99"], hwm_mib=int(mem["VmHWM:"]) / 1024,
               non2xx_avail=reads - avail.get("status_200", 0),
               errors=(binfo.get("socket_errors", "") + " " + ainfo.get("socket_errors", "")).strip())
    rows.append(row)
    print(f"run {run}: attempts/s {row['attempts']:.0f}  booked/s {row['booked']:.0f}  cancels/s {row['cancels']:.0f}  "
          f"booking p50/p99 {row['book_p50']:.2f}/{row['book_p99']:.2f} ms  "
          f"availability/s {row['reads']:.0f} p50/p99 {row['avail_p50']:.2f}/{row['avail_p99']:.2f} ms  "
          f"VmHWM {row['hwm_mib']:.1f} MiB" + (f"  [{row['errors']}]" if row["errors"] else "")
          + (f"  availability non-200: {row['non2xx_avail']}" if row["non2xx_avail"] else ""))
    print("       refusals: " + ", ".join(f"{k} {v}" for k, v in sorted(refusals.items(), key=lambda kv: -kv[1])))

med = lambda key: statistics.median(r[key] for r in rows)
print(f"median of {runs}:")
print(f"  booking attempts/s     {med('attempts'):9.0f}   (goal >= 8000)")
print(f"  successful bookings/s  {med('booked'):9.0f}")
print(f"  cancellations/s        {med('cancels'):9.0f}")
print(f"  bookings p50 / p99     {med('book_p50'):6.2f} / {med('book_p99'):.2f} ms")
print(f"  availability reads/s   {med('reads'):9.0f}")
print(f"  availability p50 / p99 {med('avail_p50'):6.2f} / {med('avail_p99'):.2f} ms   (goal p99 <= 5 ms)")
print(f"  server VmHWM           {med('hwm_mib'):9.1f} MiB (goal < 100 MiB)")
PY
