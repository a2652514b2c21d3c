#!/usr/bin/env bash
# Our HTTP server against Hummingbird 2 on the same machine, printed as plain text.
# Usage: bench/compare-http.sh [rounds=3] [seconds=10]
#   env: PORT (18099; Hummingbird on PORT+1, the ceiling on PORT+2), THREADS (2), CONNS (64),
#        HB_BIN (a Hummingbird yardstick binary already built: nothing is built for it)
#
# Builds both in release: the service (`nakano-center`) and the minimal
# Hummingbird server of bench/hummingbird/yardstick (its own scratch path,
# .build-hummingbird). Starts the service alone on a fresh database, fetches
# its GET /facilities into a file and starts Hummingbird serving that file,
# so both send the same bytes (checked), then for each round runs
# `wrk -t$THREADS -c$CONNS -d${seconds}s --latency` on GET /health and GET
# /facilities of each server in turn (who goes first alternates by round).
# Prints every measurement (with each server's CPU time per request, user +
# system of all its threads: a figure the machine's other load disturbs far
# less than req/s), the medians, our req/s over Hummingbird's (the
# median of each round's ratio, as both ran side by side in it; goals:
# /health >= 1.5x, /facilities >= 2x) and both servers' peak memory. Our
# /health answers from a database round trip (SELECT 1 on a reader) at
# most a second old (docs/API.md); Hummingbird's answers from memory. A third
# server, the ceiling (bench/ceiling/ceiling.c, built with gcc), answers the
# same bytes and does nothing else: its req/s over Hummingbird's is the most
# that any server could reach over Hummingbird on this machine with wrk on
# the same cores, printed beside each goal. Exits non-zero when a run is broken: bodies that
# differ, a non-2xx answer or a socket error.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
ROUNDS="${1:-3}"
SECONDS_PER_RUN="${2:-10}"
PORT="${PORT:-18099}"
HB_PORT=$((PORT + 1))
THREADS="${THREADS:-2}"
CONNS="${CONNS:-64}"
(( ROUNDS >= 1 && ROUNDS <= 9 )) || { echo "rounds must be 1..9"; exit 2; }
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 60 )) || { echo "seconds must be 1..60"; exit 2; }

bench_require_wrk
bench_build_release
if [ -z "${HB_BIN:-}" ]; then
    swift build -c release --package-path bench/hummingbird/yardstick --scratch-path .build-hummingbird 2>&1 | tail -n 1
    HB_BIN="$PWD/.build-hummingbird/release/HummingbirdBench"
fi
[ -x "$HB_BIN" ] || { echo "compare-http: no Hummingbird binary at $HB_BIN"; exit 1; }
mkdir -p .build/compare-http
CEILING_PORT=$((PORT + 2))
CEILING_BIN="$PWD/.build/compare-http/ceiling"
gcc -O2 -Wall -o "$CEILING_BIN" bench/ceiling/ceiling.c -lpthread
WORK="$(mktemp -d "$PWD/.build/compare-http/run.XXXXXX")"
HB=""
CEILING=""
trap 'bench_stop_server; for p in $HB $CEILING; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

bench_machine
echo "compare-http: $ROUNDS rounds, wrk -t$THREADS -c$CONNS -d${SECONDS_PER_RUN}s --latency; ours on $PORT, Hummingbird on $HB_PORT"
bench_load start
bench_start_server "$WORK/ours" "$PORT"
OURS_PID="$BENCH_SERVER"
curl -fsS "http://127.0.0.1:$PORT/facilities" > "$WORK/facilities.json"
"$HB_BIN" "$HB_PORT" "$WORK/facilities.json" > "$WORK/hummingbird.log" 2>&1 &
HB=$!
"$CEILING_BIN" "$CEILING_PORT" "$WORK/facilities.json" > "$WORK/ceiling.log" 2>&1 &
CEILING=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$HB_PORT/health" > /dev/null 2>&1 && curl -fsS "http://127.0.0.1:$CEILING_PORT/health" > /dev/null 2>&1 && break
    sleep 0.1
done
for path in /health /facilities; do
    curl -fsS "http://127.0.0.1:$PORT$path" > "$WORK/ours.body"
    curl -fsS "http://127.0.0.1:$HB_PORT$path" > "$WORK/hb.body" \
        || { echo "compare-http: Hummingbird did not answer $path"; cat "$WORK/hummingbird.log"; exit 1; }
    curl -fsS "http://127.0.0.1:$CEILING_PORT$path" > "$WORK/ceiling.body" \
        || { echo "compare-http: the ceiling did not answer $path"; cat "$WORK/ceiling.log"; exit 1; }
    cmp -s "$WORK/ours.body" "$WORK/hb.body" || { echo "compare-http: the bodies of $path differ"; exit 1; }
    cmp -s "$WORK/ours.body" "$WORK/ceiling.body" || { echo "compare-http: the ceiling's $path differs"; exit 1; }
    echo "  $path: the same $(wc -c < "$WORK/ours.body") bytes from all three"
done

TICK="$(getconf CLK_TCK)"
printf '%-5s %-12s %-12s %10s %8s %8s %9s  %s\n' round path server req/s p50 p99 cpu/req errors
for round in $(seq 1 "$ROUNDS"); do
    case $(( round % 3 )) in
        1) order="ours hummingbird ceiling" ;;
        2) order="hummingbird ceiling ours" ;;
        *) order="ceiling ours hummingbird" ;;
    esac
    for path in /health /facilities; do
        for server in $order; do
            port="$PORT"; pid="$OURS_PID"
            [ "$server" = hummingbird ] && { port="$HB_PORT"; pid="$HB"; }
            [ "$server" = ceiling ] && { port="$CEILING_PORT"; pid="$CEILING"; }
            ticks_before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
            out="$(wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$port$path" 2>&1)"
            ticks_after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
            requests="$(awk '/requests in/ {print $1}' <<< "$out")"
            # The server's CPU time (user + system, all threads) per request, in microseconds.
            cpu="$(awk -v t=$((ticks_after - ticks_before)) -v hz="$TICK" -v n="${requests:-0}" \
                'BEGIN { printf "%.1fus", (n > 0 ? t * 1e6 / hz / n : 0) }')"
            rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
            p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
            p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
            errors="$(awk '/Socket errors|Non-2xx/ {printf "%s; ", $0}' <<< "$out")"
            printf '%-5s %-12s %-12s %10s %8s %8s %9s  %s\n' "$round" "$path" "$server" "$rps" "$p50" "$p99" "$cpu" "${errors:-none}"
            echo "$round $path $server $rps $p50 $p99 $cpu ${errors:+broken}" >> "$WORK/results"
        done
    done
done
awk '/VmHWM/ {print $2}' "/proc/$OURS_PID/status" > "$WORK/ours.hwm"
awk '/VmHWM/ {print $2}' "/proc/$HB/status" > "$WORK/hb.hwm"
bench_load end

python3 - "$WORK" <<'PY'
import os, re, sys
sys.path.insert(0, "bench/lib")
from benchlib import median

work = sys.argv[1]
def ms(text):   # wrk prints 1.23ms, 456.00us or 1.02s
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rows = [line.split() for line in open(os.path.join(work, "results"))]
broken = [r for r in rows if len(r) > 7]
goals = {"/health": 1.5, "/facilities": 2.0}
print("medians:")
for path, goal in goals.items():
    figures = {}
    for server in ("ours", "hummingbird", "ceiling"):
        mine = [r for r in rows if r[1] == path and r[2] == server]
        figures[server] = (median([float(r[3]) for r in mine]), median([ms(r[4]) for r in mine]), median([ms(r[5]) for r in mine]),
                           median([float(r[6].rstrip("us")) for r in mine]))
    (ours, op50, op99, ocpu), (hb, hp50, hp99, hcpu) = figures["ours"], figures["hummingbird"]
    ceiling, _, _, ccpu = figures["ceiling"]
    # Each round measures both one after the other, so a round's ratio is the fairest on a noisy machine.
    rps = {(r[0], r[2]): float(r[3]) for r in rows if r[1] == path}
    ratios = [rps[(n, "ours")] / rps[(n, "hummingbird")] for n in sorted({r[0] for r in rows}, key=int)]
    print(f"  {path:12s} ours {ours:9.0f} req/s (p50 {op50:.2f} p99 {op99:.2f} ms, {ocpu:.1f} us CPU/request)   "
          f"Hummingbird {hb:9.0f} req/s (p50 {hp50:.2f} p99 {hp99:.2f} ms, {hcpu:.1f} us CPU/request)")
    reach = [rps[(n, "ceiling")] / rps[(n, "hummingbird")] for n in sorted({r[0] for r in rows}, key=int)]
    print(f"  {'':12s} ceiling {ceiling:9.0f} req/s ({ccpu:.1f} us CPU/request): the most any server could reach here is "
          f"{median(reach):.2f}x Hummingbird ({' / '.join(f'{x:.2f}' for x in reach)})")
    print(f"  {'':12s} ratio {median(ratios):.2f}x, the median of the rounds' ratios "
          f"({' / '.join(f'{x:.2f}' for x in ratios)}; of the medians {ours / hb:.2f}x)   (goal >= {goal}x)")
hwm = lambda name: int(open(os.path.join(work, name)).read()) / 1024
print(f"  peak memory: ours {hwm('ours.hwm'):.1f} MiB, Hummingbird {hwm('hb.hwm'):.1f} MiB")
if broken:
    print(f"BROKEN RUN: {len(broken)} measurements had socket errors or non-2xx answers")
    sys.exit(1)
PY
