# Shell helpers for the callgrind profiles (sourced after bench/lib/server.sh,
# never run): start the release server under callgrind with instrumentation
# off, and print a profile's instructions per operation, the share of each
# library and the top functions (demangled). The caller sets OUT, PORT and TOP.

# callgrind_start: the server under valgrind on a fresh database OUT/center.sqlite,
# its pid in VALGRIND, waiting for /health. CALLGRIND_OPTIONS are added to
# valgrind's (WRITER_ONLY=1 in profile-booking.sh: the single writer's batches alone). Valgrind 3.19 dies on libdispatch's
# sigsuspend (bench/profile/sigsuspend-shim.c), so a shim built with gcc is preloaded.
VALGRIND=""
callgrind_start() {
    command -v valgrind > /dev/null || apt-get install -y valgrind > /dev/null
    gcc -shared -fPIC -O2 -o "$OUT/sigsuspend-shim.so" bench/profile/sigsuspend-shim.c
    LD_PRELOAD="$OUT/sigsuspend-shim.so" valgrind --tool=callgrind --instr-atstart=no ${CALLGRIND_OPTIONS:-} --callgrind-out-file="$OUT/callgrind.out" \
        "$BENCH_BIN" serve --no-supervise --host 127.0.0.1 --port "$PORT" --database "$OUT/center.sqlite" \
        --synchronous full > "$OUT/server.log" 2>&1 &
    VALGRIND=$!
    for _ in $(seq 1 600); do
        curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
        kill -0 "$VALGRIND" 2>/dev/null || break
        sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null \
        || { echo "profile: the server did not start under valgrind"; cat "$OUT/server.log"; exit 1; }
}

# callgrind_stop: SIGTERM, and wait (callgrind writes OUT/callgrind.out).
callgrind_stop() {
    if [ -n "$VALGRIND" ]; then
        kill -TERM "$VALGRIND" 2>/dev/null || true
        wait "$VALGRIND" 2>/dev/null || true
        VALGRIND=""
    fi
}

# The functions of a callgrind_annotate table of profile $1, demangled, the object path shortened to its file name.
# $3, when given, keeps only the functions of that object file.
functions() {
    callgrind_annotate --inclusive="$2" --threshold=100 "$1" 2>/dev/null \
        | awk -v top="$TOP" -v object="${3:-}" '/^-+$/ {n++}
              n >= 3 && /^ *[0-9,]+ / && !/PROGRAM TOTALS/ && index($0, object "]") && shown++ < top {print}' \
        | { swift demangle --simplified --compact 2>/dev/null || cat; } \
        | sed -E 's| \[[^]]*/([^]/]+)\]$| [\1]|; s|^( *[0-9,]+ \( *[0-9.]+%\)  )[^ ]*/([^/: ]+):|\1\2:|' | cut -c1-200
}
# report PROFILE COUNT WHAT SECONDS: instructions per WHAT, by library, the top functions.
report() {
    local profile="$1" count="$2" what="$3" seconds="$4"
    local total
    total="$(awk '/^totals:/ {print $2; exit}' "$profile")"
    python3 -c "import sys; t, n, s, w = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]; \
print(f'{t:,} instructions for {n} x {w}: {t // n:,} per {w} ({s:.1f} s under callgrind)')" \
        "$total" "$count" "$seconds" "$what"
    echo "own instructions by object file ($what):"
    callgrind_annotate --inclusive=no --threshold=100 "$profile" 2>/dev/null | python3 -c "
import re, sys
total, by = 0, {}
for line in sys.stdin:
    m = re.match(r' *([0-9,]+) \( *[0-9.]+%\)  .*\[(?:.*/)?([^]/]+)\]$', line)
    if m and 'PROGRAM TOTALS' not in line:
        n = int(m.group(1).replace(',', ''))
        by[m.group(2)] = by.get(m.group(2), 0) + n
        total += n
for name, n in sorted(by.items(), key=lambda kv: -kv[1])[:8]:
    print(f'  {100 * n / total:5.1f} %  {name}')
"
    echo "top $TOP by own instructions ($what; Ir, % of all, function):"
    functions "$profile" no
    echo "top $TOP by inclusive instructions ($what; a name ending in '2 is a recursion cycle: its figure counts some calls twice):"
    functions "$profile" yes
    echo "top $TOP of the service's own functions (nakano-center) by inclusive instructions ($what):"
    functions "$profile" yes /nakano-center
}
