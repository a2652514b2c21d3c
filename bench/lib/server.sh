# Shell helpers for the benchmark scripts (sourced, never run): build the
# release server, start it on a fresh database, wait for /health, read its
# peak memory, stop it, and print the machine's load. The caller runs from
# the repository root with `set -euo pipefail`.

export PATH="/opt/swift/usr/bin:$PATH"

# The release binary, built once (the build's last line is printed). With
# BENCH_BIN set, that binary is measured as it is and nothing is built (a
# copy of an earlier build, for a before/after run side by side).
if [ -n "${BENCH_BIN:-}" ]; then
    bench_build_release() {
        [ -x "$BENCH_BIN" ] || { echo "bench: no binary at BENCH_BIN=$BENCH_BIN"; exit 1; }
        echo "bench: measuring $BENCH_BIN as it is (BENCH_BIN)"
    }
else
    BENCH_BIN="$PWD/.build/release/nakano-center"
    bench_build_release() {
        swift build -c release --product nakano-center 2>&1 | tail -n 1
        [ -x "$BENCH_BIN" ] || { echo "bench: no release binary at $BENCH_BIN"; exit 1; }
    }
fi

# wrk from apt when missing.
bench_require_wrk() {
    command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
}

# "load average 1.23 0.98 0.77" with a label: printed at a script's start and
# end, so a later run on a quiet machine can be compared with this one.
bench_load() {
    echo "load average ($1): $(cut -d' ' -f1-3 /proc/loadavg)   [$(date -u +%H:%M:%SZ)]"
}

# One line about the machine and the build.
bench_machine() {
    echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# bench_start_server DIR PORT [extra serve options...]
# Starts the server alone (--no-supervise, so BENCH_SERVER is the process
# that serves and its /proc figures are the server's own) on a fresh
# database DIR/center.sqlite with synchronous=FULL, logging to
# DIR/server.log, and waits up to 10 s for /health. The first admin token
# is in DIR/admin.token.
BENCH_SERVER=""
BENCH_DIR=""
bench_start_server() {
    local dir="$1" port="$2"
    shift 2
    mkdir -p "$dir"
    "$BENCH_BIN" serve --no-supervise --host 127.0.0.1 --port "$port" --database "$dir/center.sqlite" \
        --synchronous full "$@" > "$dir/server.log" 2>&1 &
    BENCH_SERVER=$!
    BENCH_DIR="$dir"
    bench_sample_rss "$BENCH_SERVER" "$dir/rss.max"
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return 0
        kill -0 "$BENCH_SERVER" 2>/dev/null || break
        sleep 0.1
    done
    echo "bench: the server did not answer /health on port $port"
    cat "$dir/server.log"
    exit 1
}

# bench_sample_rss PID FILE: in the background, reads VmRSS of PID every
# 0.1 s (no process started per sample) and keeps the largest seen (kB) in
# FILE, until PID exits: the server's memory sampled throughout a run, beside
# the kernel's own peak (VmHWM).
bench_sample_rss() {
    local pid="$1" file="$2"
    (
        max=0
        while [ -r "/proc/$pid/status" ]; do
            rss=0
            while read -r key value _; do
                [ "$key" = "VmRSS:" ] && rss="$value"
            done < "/proc/$pid/status" 2> /dev/null || true
            # Written aside and renamed: a reader never sees the file empty.
            if [ "$rss" -gt "$max" ]; then max="$rss"; echo "$max" > "$file.new" && mv -f "$file.new" "$file"; fi
            sleep 0.1
        done
    ) &
}

# The peak and current resident memory of the running server, as
# "VmHWM: N" / "VmRSS: N" lines (kB), and the largest VmRSS sampled since it
# started ("RSSmax: N"), into the file $1; and its CPU time so far
# ("CPUticks: N", user + system, in clock ticks of "CLKTCK: N").
bench_memory() {
    awk '/VmHWM|VmRSS/ {print $1, $2}' "/proc/$BENCH_SERVER/status" > "$1"
    echo "RSSmax: $(cat "$BENCH_DIR/rss.max" 2> /dev/null || echo 0)" >> "$1"
    bench_cpu >> "$1"
}

# "CPUticks: N" (user + system time of the running server, in clock ticks)
# and "CLKTCK: N": read before and after a load, the server's CPU time per
# request, a figure the machine's other load disturbs much less than req/s.
bench_cpu() {
    awk '{print "CPUticks:", $14 + $15}' "/proc/$BENCH_SERVER/stat"
    echo "CLKTCK: $(getconf CLK_TCK)"
}

# GET /metrics with the admin token of DIR into the file $3.
bench_metrics() {
    local dir="$1" port="$2"
    curl -fsS -H "Authorization: Bearer $(cat "$dir/admin.token")" "http://127.0.0.1:$port/metrics" > "$3"
}

# SIGTERM, and wait: the server finishes in-flight requests and closes the
# database, so the file can be read afterwards.
bench_stop_server() {
    if [ -n "$BENCH_SERVER" ]; then
        kill -TERM "$BENCH_SERVER" 2>/dev/null || true
        wait "$BENCH_SERVER" 2>/dev/null || true
        BENCH_SERVER=""
    fi
}

# The month that has just opened to a category whose window opens on the
# first of the month N months before (economic groups: 6), in Japan time.
bench_open_month() {
    python3 -c "
import datetime, sys
d = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).date()
m = d.month - 1 + int(sys.argv[1])
print(f'{d.year + m // 12}-{m % 12 + 1:02d}')" "$1"
}
