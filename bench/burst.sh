#!/usr/bin/env bash
# The opening-day burst: CLIENTS connect at once and each books one division, printed as plain text.
# Usage: bench/burst.sh [clients=2000] [runs=3]
#   env: PORT (18098), BURST_SEED (1: which client wants which unit)
#
# Builds release once, raises the open-file limit (the server and the
# clients each hold a descriptor per client), seeds one registration per
# client through the API once (bench/burst/burst.py seed: half economic
# groups, 30 % SMEs, 20 % community groups) and keeps that database as a
# template. Each run copies the template, starts `serve --no-supervise
# --synchronous full` on the copy, lets every client connect at the same
# moment and book one division of what has just opened to its category
# (Japan time; the rooms no lottery round draws: see burst.py), stops the
# server and checks the database
# (bench/burst/burst.py run, check). Prints per run and as medians: answers
# by status and code, the wait of each client (connect to answer) p50/p99/max,
# how first-come order held as far as a client can observe it (see
# burst.py for what "first" means), and the server's peak memory. Exits
# non-zero when a run is broken: a client without an answer, a 5xx or a 4xx
# without a code, a booking answered 201 missing from the database or one
# there that nobody was told of, overlapping live units, or a slot_taken
# that no booking explains.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
CLIENTS="${1:-2000}"
RUNS="${2:-3}"
PORT="${PORT:-18098}"
(( CLIENTS >= 2 && CLIENTS <= 10000 )) || { echo "clients must be 2..10000"; exit 2; }
(( RUNS >= 1 && RUNS <= 9 )) || { echo "runs must be 1..9"; exit 2; }
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) >= CLIENTS + 200 )) || ulimit -n $((CLIENTS + 200)) \
    || { echo "burst: cannot raise the open-file limit to $((CLIENTS + 200))"; exit 1; }

bench_build_release
mkdir -p .build/burst-bench
WORK="$(mktemp -d "$PWD/.build/burst-bench/run.XXXXXX")"
trap 'bench_stop_server; rm -rf "$WORK"' EXIT
bench_machine
echo "burst: $CLIENTS clients at once, one division each of the month just opened to their category" \
     "(economic $(bench_open_month 6), SME $(bench_open_month 3), community $(bench_open_month 2)); $RUNS runs; synchronous=FULL; open files $(ulimit -n)"

TEMPLATE="$WORK/template"
bench_start_server "$TEMPLATE" "$PORT"
python3 bench/burst/burst.py seed "$PORT" "$TEMPLATE" "$CLIENTS" | sed 's/^/  /'
bench_stop_server
bench_load start

status=0
for run in $(seq 1 "$RUNS"); do
    DIR="$WORK/$run"
    mkdir -p "$DIR"
    cp "$TEMPLATE"/center.sqlite* "$TEMPLATE/admin.token" "$TEMPLATE/data.json" "$DIR/"
    bench_start_server "$DIR" "$PORT"
    python3 bench/burst/burst.py run "$PORT" "$DIR"
    bench_memory "$DIR/memory"
    bench_stop_server
    echo "run $run: server VmHWM $(awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "$DIR/memory")" \
         "(sampled RSS max $(awk '/RSSmax/ {printf "%.1f MiB", $2 / 1024}' "$DIR/memory"))"
    python3 bench/burst/burst.py check "$DIR" || status=1
done
bench_load end

python3 - "$WORK" "$RUNS" <<'PY'
import json, os, sys
sys.path.insert(0, "bench/lib")
from benchlib import memory, median

work, runs = sys.argv[1], int(sys.argv[2])
rows = []
for run in range(1, runs + 1):
    summary = json.load(open(os.path.join(work, str(run), "summary.json")))
    summary["hwm"] = memory(os.path.join(work, str(run), "memory"))["VmHWM"]
    summary["rss"] = memory(os.path.join(work, str(run), "memory"))["RSSmax"]
    rows.append(summary)
med = lambda key: median([r[key] for r in rows])
print(f"median of {runs}:")
print(f"  answered            {med('answered'):6.0f} of {rows[0]['clients']}   (goal: all)")
print(f"  booked (201)        {med('booked'):6.0f}")
print(f"  wait p50 / p99      {med('wait_p50'):.3f} / {med('wait_p99'):.3f} s")
print(f"  wait max            {med('wait_max'):.3f} s   (goal <= 2 s)")
print(f"  last answer         {med('last_answer'):.3f} s after the burst began")
print(f"  contested units     {med('contested'):6.0f}, given to a later sender {med('not_first'):.0f} (by at most {med('lead_max_ms'):.1f} ms)")
print(f"  winners overtaken   {med('overtaken'):6.0f} (by at most {med('overtaken_by_max_ms'):.1f} ms)")
print(f"  server VmHWM        {med('hwm'):6.1f} MiB (goal < 100 MiB; sampled RSS max {med('rss'):.1f} MiB)")
PY
[ "$status" = 0 ] || { echo "BROKEN RUN"; exit 1; }
