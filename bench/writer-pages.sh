#!/usr/bin/env bash
# What the single writer writes per committed booking write, printed as plain text.
# Usage: bench/writer-pages.sh [seconds=10]
#   env: PORT (18105), THREADS (2), CONNS (64), MIX_GROUPS (200), MIX_DAYS (150),
#        CANCEL_LAG (400), SERVE_OPTIONS (extra `serve` options), PAGE_SIZE (an
#        empty database made with this page size before the server opens it), KEEP=1
#        (keep the run's files under .build/writer-pages)
#
# One run of the book-and-cancel mix of bench/booking-mix.sh on a fresh
# database (release server alone, synchronous=FULL). Over the run but its
# first and last second it prints, from /metrics: the writer connection's
# page cache (`sqlite3_db_status`): pages written (the WAL frames of its
# commits) per batch and per committed write, pages found in its cache and
# read from the file, and the WAL checkpoints commits caused; the writer
# thread's and the whole server's CPU per committed write; with perf, the
# writer thread's pwrite64/pread64/fdatasync/fsync calls per committed
# write, by file (tracepoints: nothing slows the writer). The server is
# killed (SIGKILL) one second before wrk ends, so its WAL holds the commits
# since the WAL last restarted: bench/writer/wal-frames.py reads those frames
# and names the b-tree (table or index) of each page. Last, the database's
# size before and after, and `dbstat`: its pages and bytes by b-tree, and
# the bytes per row (leaf cell) of each.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
SECONDS_PER_RUN="${1:-10}"
PORT="${PORT:-18105}"
THREADS="${THREADS:-2}"
CONNS="${CONNS:-64}"
MIX_GROUPS="${MIX_GROUPS:-200}"
export MIX_DAYS="${MIX_DAYS:-150}" CANCEL_LAG="${CANCEL_LAG:-400}"
(( SECONDS_PER_RUN >= 2 && SECONDS_PER_RUN <= 120 )) || { echo "seconds must be 2..120"; exit 2; }

bench_require_wrk
bench_build_release
mkdir -p .build/writer-pages
WORK="$(mktemp -d "$PWD/.build/writer-pages/run.XXXXXX")"
trap 'bench_stop_server; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
bench_machine
bench_load start
DIR="$WORK/mix"
if [ -n "${PAGE_SIZE:-}" ]; then
    mkdir -p "$DIR"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA page_size=' + str(int(sys.argv[2]))); c.execute('VACUUM'); c.execute('PRAGMA journal_mode=WAL'); c.close()" "$DIR/center.sqlite" "$PAGE_SIZE"
fi
# shellcheck disable=SC2086
bench_start_server "$DIR" "$PORT" ${SERVE_OPTIONS:-}
python3 bench/booking/seed.py "$PORT" "$DIR/admin.token" "$DIR/data.lua" "$MIX_GROUPS" 0 0 > "$DIR/seed.out"
stat -c %s "$DIR/center.sqlite" > "$DIR/size.before"
BOOKING_DATA="$DIR/data.lua" wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/mix/mix.lua \
    "http://127.0.0.1:$PORT" > "$DIR/mix.out" 2>&1 &
MIX=$!
sleep 1
WRITER_TID=""
for _ in $(seq 1 20); do
    for task in /proc/"$BENCH_SERVER"/task/*; do
        [ "$(cat "$task/comm" 2> /dev/null)" = store-writer ] && WRITER_TID="${task##*/}"
    done
    [ -n "$WRITER_TID" ] && break
    sleep 0.1
done
[ -n "$WRITER_TID" ] || { echo "bench: no store-writer thread in the server (pid $BENCH_SERVER)"; tail -5 "$DIR/server.log"; exit 1; }
ls -l /proc/"$BENCH_SERVER"/fd > "$DIR/fds" 2> /dev/null || true
bench_metrics "$DIR" "$PORT" "$DIR/metrics.before"
cut -d' ' -f1 /proc/"$BENCH_SERVER"/task/"$WRITER_TID"/schedstat > "$DIR/writer.cpu.before"
bench_cpu > "$DIR/cpu.before"
if command -v perf > /dev/null; then
    perf record -q -e syscalls:sys_enter_pwrite64,syscalls:sys_enter_pread64,syscalls:sys_enter_fdatasync,syscalls:sys_enter_fsync \
        -t "$WRITER_TID" -o "$DIR/syscalls.data" -- sleep $(( SECONDS_PER_RUN - 2 )) > /dev/null 2>&1 || true
else
    sleep $(( SECONDS_PER_RUN - 2 ))
fi
bench_metrics "$DIR" "$PORT" "$DIR/metrics.after"
cut -d' ' -f1 /proc/"$BENCH_SERVER"/task/"$WRITER_TID"/schedstat > "$DIR/writer.cpu.after"
bench_cpu > "$DIR/cpu.after"
kill -KILL "$BENCH_SERVER"
wait "$BENCH_SERVER" 2> /dev/null || true
BENCH_SERVER=""
wait "$MIX" || true
echo "files when killed: database $(( $(stat -c %s "$DIR/center.sqlite") / 1048576 )) MiB, WAL $(( $(stat -c %s "$DIR/center.sqlite-wal") / 1048576 )) MiB"
cp "$DIR/center.sqlite" "$DIR/killed.sqlite"
cp "$DIR/center.sqlite-wal" "$DIR/killed.sqlite-wal"
cp "$DIR/center.sqlite" "$DIR/read.sqlite"
cp "$DIR/center.sqlite-wal" "$DIR/read.sqlite-wal"
bench_load end

[ -f "$DIR/syscalls.data" ] && perf script -i "$DIR/syscalls.data" -F event,trace > "$DIR/syscalls.txt" 2> /dev/null || true
python3 - "$DIR" "$(( SECONDS_PER_RUN - 2 ))" <<'PY'
import os, re, sqlite3, sys
sys.path.insert(0, "bench/lib")
from benchlib import metrics, metric, cpu_seconds
d, seconds = sys.argv[1], int(sys.argv[2])
before, after = metrics(os.path.join(d, "metrics.before")), metrics(os.path.join(d, "metrics.after"))
delta = lambda name, **labels: metric(after, name, **labels) - metric(before, name, **labels)
writes = delta("nakano_store_writes_total", outcome="committed")
batches = delta("nakano_store_write_batches_total")
written = delta("nakano_store_writer_pages_total", event="written")
hits, misses = delta("nakano_store_writer_pages_total", event="hit"), delta("nakano_store_writer_pages_total", event="miss")
commit = delta("nakano_store_commit_seconds_total")
size_before = int(open(os.path.join(d, "size.before")).read())
db = sqlite3.connect(os.path.join(d, "read.sqlite"))
page_size = db.execute("PRAGMA page_size").fetchone()[0]
size_after = db.execute("PRAGMA page_count").fetchone()[0] * page_size
print(f"writer over {seconds} s of the mix: {writes:.0f} committed writes ({writes / seconds:.0f}/s) in {batches:.0f} batches"
      f" ({writes / max(batches, 1):.1f} per batch); COMMIT {commit:.2f} s ({1e3 * commit / max(batches, 1):.2f} ms per batch,"
      f" {1e6 * commit / max(writes, 1):.0f} us per write)")
writer_cpu = (int(open(os.path.join(d, "writer.cpu.after")).read()) - int(open(os.path.join(d, "writer.cpu.before")).read())) / 1e9
server_cpu = cpu_seconds(os.path.join(d, "cpu.after")) - cpu_seconds(os.path.join(d, "cpu.before"))
print(f"  CPU per committed write: writer thread {1e6 * writer_cpu / max(writes, 1):.0f} us, whole server {1e6 * server_cpu / max(writes, 1):.0f} us"
      f" (user + system, the kernel's file work included)")
print(f"  pages written {written:.0f}: {written / max(batches, 1):.1f} per batch, {written / max(writes, 1):.2f} per write"
      f" ({written * page_size / max(writes, 1) / 1024:.1f} KiB of {page_size} B pages per write)")
print(f"  WAL checkpoints a commit caused: {delta('nakano_store_wal_checkpoints_total', by='writer'):.0f} by the writer inside COMMIT,"
      f" {delta('nakano_store_wal_checkpoints_total', by='background'):.0f} asked of the checkpointer's connection")
print(f"  page cache: {hits / max(writes, 1):.0f} hits and {misses / max(writes, 1):.2f} misses (reads from the file) per write")
print(f"  database {size_before / 2**20:.1f} -> {size_after / 2**20:.1f} MiB after the kill and recovery"
      f" ({(size_after - size_before) / max(writes, 1):.0f} B per write, the run's last second included)")
if os.path.exists(os.path.join(d, "syscalls.txt")):
    names = {}
    for line in open(os.path.join(d, "fds")):
        parts = line.split(" -> ")
        if len(parts) == 2:
            names[parts[0].split()[-1]] = os.path.basename(parts[1].strip())
    calls, volume = {}, {}
    for line in open(os.path.join(d, "syscalls.txt")):
        found = re.search(r"sys_enter_(\w+): fd: (0x[0-9a-f]+)(?:, buf: 0x[0-9a-f]+, count: (0x[0-9a-f]+))?", line)
        if not found:
            continue
        event, fd, count = found.group(1), str(int(found.group(2), 16)), found.group(3)
        key = (event, names.get(fd, "fd " + fd))
        calls[key] = calls.get(key, 0) + 1
        volume[key] = volume.get(key, 0) + (int(count, 16) if count else 0)
    print("writer thread's file calls per committed write (perf, the same window):")
    for key in sorted(calls, key=lambda k: -calls[k]):
        print(f"  {key[0]:10} {key[1]:20} {calls[key] / max(writes, 1):7.2f} calls, {volume[key] / max(writes, 1) / 1024:6.1f} KiB")
print("database by b-tree (dbstat: pages, bytes of the b-tree's pages, rows' payload):")
rows = db.execute("""SELECT name, count(*), sum(pgsize), sum(payload), sum(ncell) FILTER (WHERE pagetype = 'leaf')
                     FROM dbstat GROUP BY name ORDER BY 3 DESC LIMIT 16""").fetchall()
counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("bookings", "booking_units", "audit_log", "idempotency_keys")}
for name, pages, size, payload, cells in rows:
    print(f"  {name:36} {pages:7} pages {size / 2**20:7.1f} MiB  payload {payload / 2**20:6.1f} MiB  {size / max(cells or 1, 1):6.0f} B per leaf cell")
print("rows: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
db.close()
PY
echo "WAL of the killed server (the commits since its last restart):"
python3 bench/writer/wal-frames.py "$DIR/killed.sqlite" "$DIR/killed.sqlite-wal" | sed 's/^/  /'
