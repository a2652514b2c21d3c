#!/usr/bin/env bash
# Registration search at the counter (GET /registrations), printed as plain text.
# Usage: bench/registration-search.sh [registrations=20000] [rounds=100]
#   env: PORT (18110), SEARCH_BUILD (release; debug uses the debug build)
#
# Starts the server once on a fresh database (migrations only), stops it,
# seeds the registrations straight into the file without search keys
# (bench/search/seed.py: Japanese names and フリガナ, old kanji forms, shops,
# phones), starts it again (printing how long filling the keys took, as
# after an upgrade), then times ROUNDS of each query on one kept-alive
# connection (bench/search/query.py): the median and p95 in ms, and how
# many each found (a page holds at most 100 unless limit says more).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
COUNT="${1:-20000}"
ROUNDS="${2:-100}"
PORT="${PORT:-18110}"
(( COUNT >= 1 && COUNT <= 1000000 )) || { echo "registrations must be 1..1000000"; exit 2; }
(( ROUNDS >= 1 && ROUNDS <= 10000 )) || { echo "rounds must be 1..10000"; exit 2; }

if [ "${SEARCH_BUILD:-release}" = debug ]; then
    swift build --product nakano-center 2>&1 | tail -n 1
    BENCH_BIN="$PWD/.build/debug/nakano-center"
else
    bench_build_release
fi
mkdir -p .build/search-bench
WORK="$(mktemp -d "$PWD/.build/search-bench/run.XXXXXX")"
trap 'bench_stop_server; rm -rf "$WORK"' EXIT
bench_machine
bench_load start

bench_start_server "$WORK" "$PORT"
bench_stop_server
python3 bench/search/seed.py "$WORK/center.sqlite" "$COUNT"
# Started by hand: filling the keys of many registrations may take longer
# than bench_start_server waits for /health.
started=$(date +%s.%N)
"$BENCH_BIN" serve --no-supervise --host 127.0.0.1 --port "$PORT" --database "$WORK/center.sqlite" \
    --synchronous full >> "$WORK/server.log" 2>&1 &
BENCH_SERVER=$!
for _ in $(seq 1 1200); do
    curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
    kill -0 "$BENCH_SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.1
done
echo "start with $COUNT registrations to key: $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$started" "$(date +%s.%N)") s to /health"
grep -q "registration search keys filled" "$WORK/server.log" || { echo "bench: the keys were not filled on start"; exit 1; }
python3 bench/search/query.py "$PORT" "$WORK/admin.token" "$ROUNDS"
bench_memory "$WORK/memory"
echo "server memory: $(tr '\n' ' ' < "$WORK/memory")"
bench_load end
