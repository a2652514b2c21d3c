#!/usr/bin/env bash
# Committed booking writes per second on the book-and-cancel mix, printed as plain text.
# Usage: bench/booking-mix.sh [seconds=10] [runs=3]
#   env: PORT (18096), THREADS (2), CONNS (64), MIX_GROUPS (200), MIX_DAYS (150),
#        CANCEL_LAG (400 per wrk thread), AVAIL_CONNS (8), AVAIL_DELAY_MS (4),
#        AVAIL=0 skips the second phase
#
# Builds release once. Each run has two phases, each on its own fresh
# database under .build/mix-bench with `serve --no-supervise --synchronous
# full`, seeded through the API by bench/booking/seed.py with MIX_GROUPS economic
# groups (a member token for every second one, the staff token for the rest):
#   1. the mix alone: `wrk -t$THREADS -c$CONNS -d${seconds}s` with
#      bench/mix/mix.lua: POST /bookings of random rooms and divisions over the
#      last MIX_DAYS days of the economic groups' window, and
#      POST /bookings/{id}/cancel of each booking made, once CANCEL_LAG more
#      are waiting in its wrk thread;
#   2. the same mix with a steady stream of GET /availability beside it
#      (bench/booking/availability.lua, -t1 -c$AVAIL_CONNS, each connection
#      pausing AVAIL_DELAY_MS): availability latency under that load.
# The counts are read from the database and from /metrics after each phase,
# not only from wrk. Prints each phase and the medians: committed booking
# writes/s (bookings made + cancels), each of them, refusals/s by code,
# p50/p99 of bookings and of cancels (per request kind, bench/lib/wrkstats.lua),
# availability p50/p99, the writer's requests and batches (the bookings
# their arrival snapshot let through and every cancel: a refusal decided on
# the snapshot never reaches it), the server's CPU time per answer, and its
# peak memory (VmHWM from /proc, and VmRSS sampled every 0.1 s). Exits
# non-zero when a run is broken: a 5xx, a socket
# error, a cancel refused, or counts that disagree between wrk, /metrics and
# the database.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
SECONDS_PER_RUN="${1:-10}"
RUNS="${2:-3}"
PORT="${PORT:-18096}"
THREADS="${THREADS:-2}"
CONNS="${CONNS:-64}"
MIX_GROUPS="${MIX_GROUPS:-200}"
AVAIL="${AVAIL:-1}"
AVAIL_CONNS="${AVAIL_CONNS:-8}"
export MIX_DAYS="${MIX_DAYS:-150}" CANCEL_LAG="${CANCEL_LAG:-400}" AVAIL_DELAY_MS="${AVAIL_DELAY_MS:-4}"
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 1..120"; exit 2; }
(( RUNS >= 1 && RUNS <= 9 )) || { echo "runs must be 1..9"; exit 2; }
(( MIX_GROUPS >= 1 && MIX_GROUPS <= 2000 )) || { echo "MIX_GROUPS must be 1..2000"; exit 2; }

bench_require_wrk
bench_build_release
mkdir -p .build/mix-bench
WORK="$(mktemp -d "$PWD/.build/mix-bench/run.XXXXXX")"
trap 'bench_stop_server; rm -rf "$WORK"' EXIT

AVAIL_MONTH="$(bench_open_month 6)"
LAST_DAY="$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(calendar.monthrange(y,m)[1])" "$AVAIL_MONTH")"
AVAIL_URL="http://127.0.0.1:$PORT/availability?facility=gym&from=$AVAIL_MONTH-01&to=$AVAIL_MONTH-$LAST_DAY"
bench_machine
echo "mix: ${SECONDS_PER_RUN}s x $RUNS runs, wrk -t$THREADS -c$CONNS, $MIX_GROUPS economic groups, last $MIX_DAYS days of" \
     "their window, cancel lag $CANCEL_LAG per thread; availability phase: -c$AVAIL_CONNS gym $AVAIL_MONTH," \
     "${AVAIL_DELAY_MS} ms pause; synchronous=FULL"
bench_load start

phases="mix"
[ "$AVAIL" = 1 ] && phases="mix mix+availability"
for run in $(seq 1 "$RUNS"); do
    for phase in $phases; do
        DIR="$WORK/$run-$phase"
        bench_start_server "$DIR" "$PORT"
        python3 bench/booking/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" "$MIX_GROUPS" 0 0 > "$DIR/seed.out"
        bench_metrics "$DIR" "$PORT" "$DIR/metrics.before"
        bench_cpu > "$DIR/cpu.before"
        { TIMEFORMAT='%3U %3S'; time BOOKING_DATA="$DIR/data.lua" wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_RUN}s" \
            --timeout 10s -s bench/mix/mix.lua "http://127.0.0.1:$PORT" > "$DIR/mix.out" 2>&1; } 2> "$DIR/wrk.cpu" &
        MIX=$!
        if [ "$phase" = "mix+availability" ]; then
            wrk -t1 -c"$AVAIL_CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/booking/availability.lua \
                "$AVAIL_URL" > "$DIR/avail.out" 2>&1
        fi
        wait "$MIX"
        sleep 0.5   # the last in-flight requests finish before the counts are read
        bench_metrics "$DIR" "$PORT" "$DIR/metrics.after"
        bench_memory "$DIR/memory"
        bench_stop_server
        [ "$run" = 1 ] && [ "$phase" = mix ] && sed 's/^/  /' "$DIR/seed.out"
    done
done
bench_load end

python3 - "$WORK" "$RUNS" "$CONNS" "$phases" <<'PY'
import os, sys
sys.path.insert(0, "bench/lib")
from benchlib import wrk_output, socket_errors, metrics, metric, requests_by_status, database_counts, memory, median, cpu_seconds, generator_cpu

work, runs, conns, phases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
broken = []
results = {phase: [] for phase in phases}
for run in range(1, runs + 1):
    for phase in phases:
        d = os.path.join(work, f"{run}-{phase}")
        mix = wrk_output(os.path.join(d, "mix.out"))
        c, t = mix["counts"], mix["duration"]
        before, after = metrics(os.path.join(d, "metrics.before")), metrics(os.path.join(d, "metrics.after"))
        db = database_counts(os.path.join(d, "center.sqlite"))
        booked = requests_by_status(after, "/bookings", "POST")
        cancels = requests_by_status(after, "/bookings/{id}/cancel", "POST")
        delta = lambda name, **labels: metric(after, name, **labels) - metric(before, name, **labels)
        row = {
            "made": db["made"] / t, "cancelled": db["cancelled"] / t,
            "writes": (db["made"] + db["cancelled"]) / t,
            "answered": sum(v for k, v in c.items() if "_status_" in k) / t,
            "book_p50": mix["latency"].get("b", {}).get("p50"), "book_p99": mix["latency"].get("b", {}).get("p99"),
            "cancel_p50": mix["latency"].get("c", {}).get("p50"), "cancel_p99": mix["latency"].get("c", {}).get("p99"),
            "hwm": memory(os.path.join(d, "memory"))["VmHWM"],
            "rss": memory(os.path.join(d, "memory"))["RSSmax"],
            "cpu_us": 1e6 * (memory(os.path.join(d, "memory"))["cpu"] - cpu_seconds(os.path.join(d, "cpu.before")))
                      / max(sum(v for k, v in c.items() if "_status_" in k), 1),
            "wrk_us": 1e6 * generator_cpu(os.path.join(d, "wrk.cpu"))
                      / max(sum(v for k, v in c.items() if "_status_" in k), 1),
            "cores": (memory(os.path.join(d, "memory"))["cpu"] - cpu_seconds(os.path.join(d, "cpu.before"))
                      + generator_cpu(os.path.join(d, "wrk.cpu"))) / t,
            "batches": delta("nakano_store_write_batches_total"),
            "per_batch": delta("nakano_store_write_batch_size_sum") / max(delta("nakano_store_write_batch_size_count"), 1),
            "writer_items": delta("nakano_store_writes_total"),
            "commit_s": delta("nakano_store_commit_seconds_total"),
            "pages": delta("nakano_store_writer_pages_total", event="written")
                     / max(delta("nakano_store_writes_total", outcome="committed"), 1),
            "writer_checkpoints": delta("nakano_store_wal_checkpoints_total", by="writer"),
        }
        refusals = {k[len("b_code_"):]: v / t for k, v in c.items() if k.startswith("b_code_")}
        row["refusals"] = refusals
        label = f"run {run} {phase}"
        # Broken-run checks: what the clients saw, what the server counted and what the database holds agree.
        problems = []
        if socket_errors(mix["errors"]):
            problems.append(f"wrk socket errors {socket_errors(mix['errors'])}")
        fives = {k: v for k, v in c.items() if "_status_5" in k}
        if fives:
            problems.append(f"5xx answers {fives}")
        bad_cancels = {k: v for k, v in c.items() if k.startswith("c_status_") and k != "c_status_200"}
        if bad_cancels:
            problems.append(f"cancels not answered 200: {bad_cancels} {dict((k, v) for k, v in c.items() if k.startswith('c_code_'))}")
        if booked.get(201, 0) != db["made"]:
            problems.append(f"/metrics counts {booked.get(201, 0)} bookings answered 201, the database holds {db['made']}")
        if cancels.get(200, 0) != db["cancelled"]:
            problems.append(f"/metrics counts {cancels.get(200, 0)} cancels answered 200, the database holds {db['cancelled']} cancelled")
        for kind, status, held in (("b", 201, db["made"]), ("c", 200, db["cancelled"])):
            seen = c.get(f"{kind}_status_{status}", 0)
            if not 0 <= held - seen <= conns:   # answers still in flight when wrk stopped are committed but unseen
                problems.append(f"wrk saw {seen} answers {status} of kind {kind}, the database holds {held}")
        if db["made"] == 0:
            problems.append("no booking was made")
        if db["overlaps"]:
            problems.append(f"overlapping live units: {db['overlaps'][:5]}")
        if phase == "mix+availability":
            avail = wrk_output(os.path.join(d, "avail.out"))
            reads = sum(v for k, v in avail["counts"].items() if k.startswith("status_"))
            row.update(reads=reads / avail["duration"], avail_p50=avail["latency"]["all"]["p50"],
                       avail_p99=avail["latency"]["all"]["p99"])
            if reads != avail["counts"].get("status_200", 0) or socket_errors(avail["errors"]):
                problems.append(f"availability answers not 200: {avail['counts']} {avail['errors']}")
        results[phase].append(row)
        print(f"{label}: committed writes/s {row['writes']:.0f} (bookings {row['made']:.0f} + cancels {row['cancelled']:.0f}); "
              f"answers/s {row['answered']:.0f}; booking p50/p99 {row['book_p50']:.2f}/{row['book_p99']:.2f} ms; "
              f"cancel p50/p99 {row['cancel_p50']:.2f}/{row['cancel_p99']:.2f} ms; server CPU {row['cpu_us']:.0f} us/answer; "
              f"wrk CPU {row['wrk_us']:.0f} us/answer; cores busy {row['cores']:.2f}; "
              f"VmHWM {row['hwm']:.1f} MiB (sampled RSS max {row['rss']:.1f})"
              + (f"; availability {row['reads']:.0f}/s p50/p99 {row['avail_p50']:.2f}/{row['avail_p99']:.2f} ms"
                 if "reads" in row else ""))
        print(f"    refusals/s: " + (", ".join(f"{k} {v:.0f}" for k, v in sorted(refusals.items(), key=lambda kv: -kv[1])) or "none")
              + f"; writer: {row['writer_items']:.0f} requests, {row['batches']:.0f} batches of {row['per_batch']:.1f}, "
              f"{row['commit_s']:.2f} s in COMMIT, {row['pages']:.2f} pages written per committed write, "
              f"{row['writer_checkpoints']:.0f} checkpoints in COMMIT; "
              f"database: {db['made']} made, {db['cancelled']} cancelled, {db['live_units']} live units")
        for p in problems:
            print(f"    BROKEN: {p}")
        broken += [f"{label}: {p}" for p in problems]

for phase in phases:
    rows = results[phase]
    med = lambda key: median([r.get(key) for r in rows])
    codes = sorted({code for r in rows for code in r["refusals"]})
    print(f"median of {runs} ({phase}):")
    print(f"  committed booking writes/s {med('writes'):9.0f}   (goal >= 10000)")
    print(f"    bookings made/s          {med('made'):9.0f}")
    print(f"    cancels/s                {med('cancelled'):9.0f}")
    print(f"  refusals/s by code         " + (", ".join(f"{c} {median([r['refusals'].get(c, 0) for r in rows]):.0f}" for c in codes) or "none"))
    print(f"  booking p50 / p99          {med('book_p50'):6.2f} / {med('book_p99'):.2f} ms   (goal p99 <= 20 ms)")
    print(f"  cancel p50 / p99           {med('cancel_p50'):6.2f} / {med('cancel_p99'):.2f} ms")
    if phase == "mix+availability":
        print(f"  availability reads/s       {med('reads'):9.0f}")
        print(f"  availability p50 / p99     {med('avail_p50'):6.2f} / {med('avail_p99'):.2f} ms   (goal p99 <= 5 ms)")
    print(f"  writer requests per batch  {med('per_batch'):9.1f}")
    print(f"  writer pages per write     {med('pages'):9.2f} (WAL frames of its commits per committed write)")
    print(f"  server CPU per answer      {med('cpu_us'):9.0f} us (all threads, user + system; the mix's booking wrk only)")
    print(f"  booking wrk CPU per answer {med('wrk_us'):9.0f} us (the load generator on the same cores)")
    print(f"  cores busy                 {med('cores'):9.2f} of 2 (server + booking wrk; availability wrk not counted)")
    print(f"  server VmHWM               {med('hwm'):9.1f} MiB (goal < 100 MiB; sampled RSS max {med('rss'):.1f} MiB)")
if broken:
    print(f"BROKEN RUN ({len(broken)} problems)")
    sys.exit(1)
PY
