#!/usr/bin/env bash
# Slowloris against the real service (docs/SERVER.md §1.13): N
# connections trickle a request head one byte at a time (reconnecting when
# cut off, as the attack does) while a probe measures normal GET /health
# requests; then it reports how the trickling connections ended.
#
#   bench/slowloris.sh [connections=1000] [probe-seconds=15] [byte-interval-seconds=1]
#
# Goal: p99 of the normal requests <= 50 ms, and every trickling connection
# answered 408 and closed at the header deadline (10 s by default).
# Builds release unless NAKANO_SKIP_BUILD=1. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

CONNECTIONS="${1:-1000}"
PROBE_SECONDS="${2:-15}"
INTERVAL="${3:-1}"
HEADER_DEADLINE=10

if [ "${NAKANO_SKIP_BUILD:-0}" != 1 ]; then
  echo "== build release"
  swift build -c release 2>&1 | tail -n 1
fi
BIN=.build/release/nakano-center

TMP="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$TMP/center.sqlite" >"$TMP/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null

echo "== slowloris: $CONNECTIONS connections, one byte per ${INTERVAL}s, probe ${PROBE_SECONDS}s, port $PORT"
python3 - "$PORT" "$CONNECTIONS" "$PROBE_SECONDS" "$INTERVAL" "$HEADER_DEADLINE" <<'PY'
import asyncio, multiprocessing, socket, statistics, sys, time

port, connections, probe_seconds, interval, deadline = (int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]),
                                                         float(sys.argv[4]), float(sys.argv[5]))
HEAD = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Slow: " + b"a" * 4096

def probe(seconds, out):
    """Normal clients, in a process of their own: one keep-alive client in a
    loop, and every tenth request on a new connection."""
    request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    def exchange(sock):
        start = time.perf_counter()
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
        while len(rest) < length:
            rest += sock.recv(65536)
        status = int(head.split(b" ")[1])
        return status, (time.perf_counter() - start) * 1000
    kept, fresh, errors = [], [], 0
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        try:
            if n % 10 == 0:
                start = time.perf_counter()
                with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                    status, _ = exchange(s)
                fresh.append((time.perf_counter() - start) * 1000)
            else:
                status, ms = exchange(sock)
                kept.append(ms)
            if status != 200:
                errors += 1
        except Exception:
            errors += 1
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        time.sleep(0.005)
    out.put((kept, fresh, errors))

async def trickler(stats, stop_at):
    """One slowloris connection at a time: trickle until the server cuts it
    off, note how, reconnect until the run ends."""
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            stats["connect_errors"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["opened"] += 1
        first = time.monotonic()
        got = b""
        closed_by_server = False
        read = asyncio.ensure_future(reader.read(4096))
        sent = 0
        while time.monotonic() < stop_at:
            if not read.done():
                try:
                    writer.write(HEAD[sent:sent + 1])
                    sent += 1
                except Exception:
                    pass
            done, _ = await asyncio.wait({read}, timeout=interval)
            if read in done:
                try:
                    chunk = read.result()
                except Exception:
                    chunk = b""
                if chunk:
                    got += chunk
                    read = asyncio.ensure_future(reader.read(4096))
                    continue
                closed_by_server = True
                break
        if closed_by_server:
            stats["closed"] += 1
            stats["close_after"].append(time.monotonic() - first)
            if got.startswith(b"HTTP/1.1 408 "):
                stats["answered_408"] += 1
        else:
            read.cancel()
            stats["open_at_end"] += 1
        writer.close()

async def main():
    stats = dict(opened=0, closed=0, answered_408=0, open_at_end=0, connect_errors=0, close_after=[])
    ramp = 2.0
    stop_at = time.monotonic() + ramp + probe_seconds
    tasks = []
    for i in range(connections):
        tasks.append(asyncio.ensure_future(trickler(stats, stop_at)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.sleep(ramp)
    out = multiprocessing.Queue()
    p = multiprocessing.Process(target=probe, args=(probe_seconds, out))
    p.start()
    kept, fresh, errors = await asyncio.get_running_loop().run_in_executor(None, out.get)
    p.join()
    await asyncio.gather(*tasks)
    return stats, kept, fresh, errors

def pct(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q / 100 * len(values)))]

stats, kept, fresh, errors = asyncio.run(main())
closes = stats["close_after"]
at_deadline = [c for c in closes if deadline - 0.5 <= c <= deadline + 1.5]
print(f"normal requests (keep-alive): n={len(kept)} p50={pct(kept, 50):.2f} ms p99={pct(kept, 99):.2f} ms max={max(kept or [0]):.2f} ms")
print(f"normal requests (new connection each): n={len(fresh)} p50={pct(fresh, 50):.2f} ms p99={pct(fresh, 99):.2f} ms max={max(fresh or [0]):.2f} ms")
print(f"normal request errors: {errors}")
print(f"trickling connections: opened={stats['opened']} closed_by_server={stats['closed']} answered_408={stats['answered_408']} "
      f"still_open_at_end={stats['open_at_end']} connect_errors={stats['connect_errors']}")
if closes:
    print(f"closed after first byte: min={min(closes):.2f} s median={statistics.median(closes):.2f} s max={max(closes):.2f} s; "
          f"at the {deadline:.0f} s deadline (−0.5/+1.5 s): {len(at_deadline)}")
ok = pct(kept, 99) <= 50 and errors == 0 and stats["closed"] > 0 and len(at_deadline) == stats["closed"] \
    and stats["answered_408"] == stats["closed"]
print("RESULT:", "PASS" if ok else "FAIL", "(goal: p99 <= 50 ms, no errors, every trickler answered 408 and closed at the deadline)")
sys.exit(0 if ok else 1)
PY
