#!/usr/bin/env bash
# Load figures for the HTTP server, printed as plain text.
# Usage: bench/http.sh [port]    (default 18080)
# Builds release, starts `nakano-center serve` on 127.0.0.1, waits for
# /health, runs wrk (-t2 -d10s --latency) on GET /health and GET /facilities
# at 64 and 1000 connections, then holds 10,000 idle keep-alive connections
# and checks a sample still answers. Stops the server at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18080}"
TMPDIR="${TMPDIR:-/tmp}"
WORK="$(mktemp -d "$TMPDIR/http-bench.XXXXXX")"

swift build -c release --product nakano-center
.build/release/nakano-center serve --host 127.0.0.1 --port "$PORT" --database "$WORK/center.sqlite" \
    > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null || { echo "server did not answer /health"; cat "$WORK/server.log"; exit 1; }

command -v wrk > /dev/null || apt-get install -y wrk > /dev/null

printf '%-12s %6s %12s %10s %10s %8s\n' path conns req/s p50 p99 errors
for path in /health /facilities; do
    for conns in 64 1000; do
        out="$(wrk -t2 -c"$conns" -d10s --latency "http://127.0.0.1:$PORT$path" 2>&1)"
        rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
        p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
        p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
        errors="$(awk '/Socket errors|Non-2xx/ {print}' <<< "$out" | tr '\n' ' ')"
        printf '%-12s %6s %12s %10s %10s %8s\n' "$path" "$conns" "$rps" "$p50" "$p99" "${errors:-0}"
    done
done

echo "10,000 idle keep-alive connections:"
python3 - "$PORT" <<'PY'
import resource, socket, sys, time
port = int(sys.argv[1])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
N = 10_000
request = b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"

def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        body += s.recv(4096)
    return int(head.split(b" ")[1])

socks, errors, start = [], 0, time.time()
for i in range(N):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(request)
        socks.append(s)
    except OSError as e:
        errors += 1
ok = 0
for s in socks:
    try:
        ok += read_response(s) == 200
    except OSError:
        errors += 1
print(f"  opened {len(socks)}, first answers 200: {ok}, errors: {errors}, {time.time() - start:.1f}s")
time.sleep(1)
sample = socks[:: max(1, len(socks) // 200)]
again = 0
for s in sample:
    try:
        s.sendall(request)
        again += read_response(s) == 200
    except OSError:
        pass
print(f"  after holding them all open: {again}/{len(sample)} sampled connections answered again")
for s in socks:
    s.close()
PY
