#!/usr/bin/env bash
# Where the server's CPU goes under the book-and-cancel mix, printed as plain text.
# Usage: bench/perf-mix.sh [seconds=10]   env: PORT (18104), BENCH_BIN (see bench/lib/server.sh)
#
# Starts the release server on a fresh database (synchronous=FULL), seeds
# 200 economic groups as bench/booking-mix.sh does, and runs its mix
# (`wrk -t2 -c64 -s bench/mix/mix.lua`) for the given time. While it runs,
# from the second second for seconds-3 seconds, it takes two measures of the
# server process, one after the other in two runs on fresh databases:
#   1. `perf stat -e 'syscalls:sys_enter_*'`: system calls per answer;
#   2. `perf record -e cpu-clock -g`: samples by thread and library, and the
#      system calls' share (inclusive) of all samples.
# Each run also prints every thread's user and system CPU and its voluntary
# and involuntary context switches over the whole mix (/proc/PID/task), per
# answer. The event loops name themselves `http-loop-N` and the writer
# `store-writer`, but on this Linux a name set from inside a Foundation
# `Thread` is sometimes not what /proc shows: such a thread appears under
# Dispatch's worker name (`...oot.default-qos`), so tell the threads apart by
# their figures too (the writer is the one with the most system time, from
# its pwrite and fdatasync). perf data stay in .build/perf-mix/.
# Exits non-zero when wrk saw a socket error or a 5xx.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
SECONDS_PER_RUN="${1:-10}"
PORT="${PORT:-18104}"
(( SECONDS_PER_RUN >= 5 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 5..120"; exit 2; }
command -v perf > /dev/null || { echo "perf-mix: perf is not installed"; exit 2; }
export MIX_DAYS=150 CANCEL_LAG=400

bench_require_wrk
bench_build_release
OUT="$PWD/.build/perf-mix"
rm -rf "$OUT"
mkdir -p "$OUT"
trap 'bench_stop_server' EXIT
bench_machine
bench_load start

threads() {   # tid name utime stime voluntary involuntary (ticks, counts)
    for t in /proc/"$BENCH_SERVER"/task/*; do
        echo "$(basename "$t") $(tr ' ' _ < "$t/comm") $(awk '{print $14, $15}' "$t/stat")" \
             "$(awk '/^voluntary_ctxt/ {v=$2} /^nonvoluntary_ctxt/ {n=$2} END {print v, n}' "$t/status")"
    done 2> /dev/null | sort
}

for mode in stat record; do
    DIR="$OUT/$mode"
    bench_start_server "$DIR" "$PORT"
    python3 bench/booking/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" 200 0 0 > "$DIR/seed.out"
    threads > "$DIR/threads.before"
    BOOKING_DATA="$DIR/data.lua" wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/mix/mix.lua \
        "http://127.0.0.1:$PORT" > "$DIR/mix.out" 2>&1 &
    MIX=$!
    sleep 1
    if [ "$mode" = stat ]; then
        perf stat -e 'syscalls:sys_enter_*' -p "$BENCH_SERVER" -o "$DIR/perf.txt" -- sleep $((SECONDS_PER_RUN - 3)) \
            2> "$DIR/perf.err" || true
    else
        perf record -q -e cpu-clock -F 2000 -g -p "$BENCH_SERVER" -o "$DIR/perf.data" -- sleep $((SECONDS_PER_RUN - 3)) \
            2> "$DIR/perf.err" || true
        perf report -i "$DIR/perf.data" --no-children --sort comm,dso -g none --stdio 2> /dev/null > "$DIR/by-thread.txt"
        perf report -i "$DIR/perf.data" --children --sort sym -g none --stdio 2> /dev/null > "$DIR/inclusive.txt"
    fi
    wait "$MIX"
    threads > "$DIR/threads.after"
    bench_stop_server
done
bench_load end

python3 - "$OUT" "$SECONDS_PER_RUN" <<'PY'
import os, re, sys
sys.path.insert(0, "bench/lib")
from benchlib import wrk_output, socket_errors
out, seconds = sys.argv[1], int(sys.argv[2])
window = seconds - 3
tick = os.sysconf("SC_CLK_TCK")
broken = []
for mode in ("stat", "record"):
    d = os.path.join(out, mode)
    mix = wrk_output(os.path.join(d, "mix.out"))
    answers = sum(v for k, v in mix["counts"].items() if "_status_" in k)
    rate = answers / mix["duration"]
    if socket_errors(mix["errors"]) or any("_status_5" in k for k in mix["counts"]):
        broken.append(f"{mode}: socket errors or 5xx: {mix['errors']} {mix['counts']}")
    print(f"{mode} run: {answers} answers in {mix['duration']:.1f} s ({rate:.0f}/s)")
    read = lambda name: {f[0]: f for f in (line.split() for line in open(os.path.join(d, name))) if len(f) == 6}
    before, after = read("threads.before"), read("threads.after")
    total = 0.0
    print(f"  {'thread':<18}{'user us/answer':>15}{'sys us/answer':>15}{'vol. switches':>15}{'invol.':>9}  (per answer)")
    for tid, a in sorted(after.items(), key=lambda kv: -(int(kv[1][2]) + int(kv[1][3]))):
        b = before.get(tid, [tid, a[1], "0", "0", "0", "0"])
        user, system = (int(a[2]) - int(b[2])) / tick, (int(a[3]) - int(b[3])) / tick
        if user + system == 0:
            continue
        total += user + system
        print(f"  {a[1]:<18}{1e6 * user / answers:>15.0f}{1e6 * system / answers:>15.0f}"
              f"{(int(a[4]) - int(b[4])) / answers:>15.2f}{(int(a[5]) - int(b[5])) / answers:>9.2f}")
    print(f"  all threads: {1e6 * total / answers:.0f} us of CPU per answer")
    if mode == "stat":
        calls = []
        for line in open(os.path.join(d, "perf.txt")):
            m = re.match(r"\s*([\d,]+)\s+syscalls:sys_enter_(\w+)", line)
            if m and int(m.group(1).replace(",", "")):
                calls.append((int(m.group(1).replace(",", "")), m.group(2)))
        in_window = rate * window
        print(f"  system calls per answer over {window} s ({in_window:.0f} answers):")
        for n, name in sorted(calls, reverse=True)[:14]:
            print(f"    {name:<16}{n / in_window:8.2f}   ({n})")
    else:
        print("  samples by thread and library (top 14):")
        lines = [l for l in open(os.path.join(d, "by-thread.txt")) if re.match(r"\s+\d+\.\d+%", l)]
        for l in lines[:14]:
            print("   " + l.rstrip())
        wanted = ("__libc_pwrite", "__libc_pread", "fdatasync", "__x64_sys_sendto", "__x64_sys_futex",
                  "__x64_sys_epoll_wait", "__x64_sys_read", "handle_softirqs", "swift_retain", "swift_release")
        print("  inclusive share of all samples:")
        for l in open(os.path.join(d, "inclusive.txt")):
            f = l.split()
            if len(f) >= 4 and f[-1] in wanted:
                print(f"    {f[-1]:<24}{f[0]:>8}")
if broken:
    print("BROKEN RUN: " + "; ".join(broken))
    sys.exit(1)
PY
