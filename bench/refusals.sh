#!/usr/bin/env bash
# Refusals that a read snapshot can decide, at full speed, printed as plain text.
# Usage: bench/refusals.sh [seconds=10] [runs=3]
#   env: PORT (18097), THREADS (2), CONNS (64)
#
# Builds release once. Each run starts `serve --no-supervise --synchronous
# full` on a fresh database under .build/refusals-bench, seeds it with
# bench/refusals/seed.py (an economic group in good standing, an expired
# and a suspended one, a closure of the gym; every case checked once), and
# runs `wrk -t$THREADS -c$CONNS -d${seconds}s` with bench/refusals/refusals.lua:
# POST /bookings, each refused for a reason decidable without the writer
# (window not open, facility closed, registration expired or suspended,
# coupling impossible, malformed values), the cases in turn.
# Prints per run and as medians: refusals/s, p50/p99 over all and per case,
# and how many of the requests reached the single writer (from /metrics:
# nakano_store_writes_total, every outcome) — the figure that shows whether
# the refusals are decided before the writer or inside it. Exits non-zero
# when a run is broken: an answer other than the case's status and code, a
# socket error, or a booking in the database.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
SECONDS_PER_RUN="${1:-10}"
RUNS="${2:-3}"
PORT="${PORT:-18097}"
THREADS="${THREADS:-2}"
CONNS="${CONNS:-64}"
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 1..120"; exit 2; }
(( RUNS >= 1 && RUNS <= 9 )) || { echo "runs must be 1..9"; exit 2; }

bench_require_wrk
bench_build_release
mkdir -p .build/refusals-bench
WORK="$(mktemp -d "$PWD/.build/refusals-bench/run.XXXXXX")"
trap 'bench_stop_server; rm -rf "$WORK"' EXIT
bench_machine
echo "refusals: ${SECONDS_PER_RUN}s x $RUNS runs, wrk -t$THREADS -c$CONNS, POST /bookings refused on a snapshot; synchronous=FULL"
bench_load start
for run in $(seq 1 "$RUNS"); do
    DIR="$WORK/$run"
    bench_start_server "$DIR" "$PORT"
    python3 bench/refusals/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" > "$DIR/seed.out"
    [ "$run" = 1 ] && sed 's/^/  /' "$DIR/seed.out"
    bench_metrics "$DIR" "$PORT" "$DIR/metrics.before"
    bench_cpu > "$DIR/cpu.before"
    { TIMEFORMAT='%3U %3S'; time REFUSAL_DATA="$DIR/data.lua" wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_RUN}s" \
        --timeout 10s -s bench/refusals/refusals.lua "http://127.0.0.1:$PORT" > "$DIR/refusals.out" 2>&1; } 2> "$DIR/wrk.cpu"
    sleep 0.5
    bench_metrics "$DIR" "$PORT" "$DIR/metrics.after"
    bench_memory "$DIR/memory"
    bench_stop_server
done
bench_load end

python3 - "$WORK" "$RUNS" <<'PY'
import os, sys
sys.path.insert(0, "bench/lib")
from benchlib import wrk_output, socket_errors, metrics, metric, database_counts, memory, median, cpu_seconds, generator_cpu

work, runs = sys.argv[1], int(sys.argv[2])
rows, broken = [], []
for run in range(1, runs + 1):
    d = os.path.join(work, str(run))
    out = wrk_output(os.path.join(d, "refusals.out"))
    cases = dict(line.split()[1:3] for line in open(os.path.join(d, "refusals.out")) if line.startswith("case "))
    c, t = out["counts"], out["duration"]
    before, after = metrics(os.path.join(d, "metrics.before")), metrics(os.path.join(d, "metrics.after"))
    db = database_counts(os.path.join(d, "center.sqlite"))
    ok = sum(v for k, v in c.items() if k.endswith("_ok"))
    wrong = {k: v for k, v in c.items() if not k.endswith("_ok")}
    writer = metric(after, "nakano_store_writes_total") - metric(before, "nakano_store_writes_total")
    mem = memory(os.path.join(d, "memory"))
    cpu = mem["cpu"] - cpu_seconds(os.path.join(d, "cpu.before"))
    row = {"refusals": ok / t, "p50": out["latency"]["all"]["p50"], "p99": out["latency"]["all"]["p99"],
           "writer_share": writer / max(ok, 1), "hwm": mem["VmHWM"], "rss": mem["RSSmax"],
           "cpu_us": 1e6 * cpu / max(sum(c.values()), 1),
           "wrk_us": 1e6 * generator_cpu(os.path.join(d, "wrk.cpu")) / max(sum(c.values()), 1),
           "cores": (cpu + generator_cpu(os.path.join(d, "wrk.cpu"))) / t,
           "cases": {code: out["latency"].get(letter, {}) for letter, code in cases.items()}}
    rows.append(row)
    problems = []
    if wrong:
        problems.append(f"answers other than the case's status and code: {wrong}")
    if socket_errors(out["errors"]):
        problems.append(f"wrk socket errors {socket_errors(out['errors'])}")
    if db["made"]:
        problems.append(f"{db['made']} bookings were made")
    if ok == 0:
        problems.append("no refusal was answered")
    print(f"run {run}: refusals/s {row['refusals']:.0f}  p50/p99 {row['p50']:.2f}/{row['p99']:.2f} ms  "
          f"reached the writer: {writer:.0f} of {ok} ({100 * row['writer_share']:.0f} %)  server CPU {row['cpu_us']:.0f} us/answer  "
          f"wrk CPU {row['wrk_us']:.0f} us/answer  cores busy {row['cores']:.2f}  "
          f"VmHWM {row['hwm']:.1f} MiB (sampled RSS max {row['rss']:.1f})")
    print("    p99 by case (ms): " + ", ".join(f"{code} {v['p99']:.2f}" for code, v in row["cases"].items() if v))
    for p in problems:
        print(f"    BROKEN: {p}")
    broken += problems

med = lambda key: median([r[key] for r in rows])
print(f"median of {runs}:")
print(f"  snapshot refusals/s      {med('refusals'):9.0f}   (goal >= 30000)")
print(f"  p50 / p99                {med('p50'):6.2f} / {med('p99'):.2f} ms")
for code in rows[0]["cases"]:
    print(f"    {code:24s} p50/p99 {median([r['cases'][code].get('p50') for r in rows]):6.2f} / "
          f"{median([r['cases'][code].get('p99') for r in rows]):.2f} ms")
print(f"  reached the writer       {100 * med('writer_share'):9.0f} %   (0 % once they are decided on a snapshot)")
print(f"  server CPU per answer    {med('cpu_us'):9.0f} us (all threads, user + system)")
print(f"  wrk CPU per answer       {med('wrk_us'):9.0f} us (the load generator on the same cores)")
print(f"  cores busy               {med('cores'):9.2f} of 2 (server + wrk CPU over wrk's duration)")
print(f"  server VmHWM             {med('hwm'):9.1f} MiB (goal < 100 MiB; sampled RSS max {med('rss'):.1f} MiB)")
if broken:
    print(f"BROKEN RUN ({len(broken)} problems)")
    sys.exit(1)
PY
