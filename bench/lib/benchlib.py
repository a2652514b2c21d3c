"""Reading what a benchmark run left behind, for the bench/ scripts.

- `wrk_output(path)`: the lines a wrk script's done() printed through
  bench/lib/wrkstats.lua (or bench/booking/*.lua): counts, latency per kind,
  duration, wrk's socket errors.
- `metrics(path)`: a `GET /metrics` scrape (Prometheus text) as a dict.
- `database_counts(path)`: bookings made and cancelled, and overlapping live
  units, read from the database file itself.
- `memory(path)`: VmHWM/VmRSS in MiB from the file bench_memory wrote.
- `median`, `percentile`: of a list of numbers.
"""
import re
import sqlite3
import statistics

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def wrk_output(path):
    """{'counts': {key: n}, 'latency': {kind: {...}}, 'duration': s, 'errors': {...}}."""
    out = {"counts": {}, "latency": {}, "duration": None, "errors": {}}
    for line in open(path):
        f = line.split()
        if not f:
            continue
        if f[0] == "count":
            out["counts"][f[1]] = int(f[2])
        elif f[0] == "latency" and len(f) >= 9 and f[2] == "count":
            out["latency"][f[1]] = {"count": int(f[3]), "p50": float(f[5]), "p99": float(f[7]), "max": float(f[9])}
        elif f[0] == "latency":     # bench/booking/*.lua: "latency p50_ms X p99_ms Y max_ms Z"
            out["latency"]["all"] = {"p50": float(f[2]), "p99": float(f[4]), "max": float(f[6])}
        elif f[0] == "duration_s":
            out["duration"] = float(f[1])
        elif f[0] == "wrk_errors":
            out["errors"] = {f[i]: int(f[i + 1]) for i in range(1, len(f) - 1, 2)}
        elif line.strip().startswith("Socket errors:") and not out["errors"]:   # wrk's own summary line
            out["errors"] = {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", line.split(":", 1)[1])}
    if out["duration"] is None:
        raise SystemExit(f"bench: {path} has no duration line: wrk did not finish its run")
    return out


def socket_errors(errors):
    """wrk's connect/read/write/timeout errors (not 'status', which counts 4xx and 5xx answers)."""
    return {k: v for k, v in errors.items() if k != "status" and v}


def metrics(path):
    """{(name, ((label, value), ...)): value} of a Prometheus text scrape."""
    samples = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        m = SAMPLE.match(line.strip())
        if m:
            labels = tuple(sorted(LABEL.findall(m.group(2) or "")))
            samples[(m.group(1), labels)] = float(m.group(3))
    return samples


def metric(samples, name, **labels):
    """The sum of the samples of `name` whose labels include `labels`."""
    want = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and want <= set(ls))


def requests_by_status(samples, route, method):
    """{status: count} of nakano_http_requests_total for one route."""
    out = {}
    for (n, ls), v in samples.items():
        d = dict(ls)
        if n == "nakano_http_requests_total" and d.get("route") == route and d.get("method") == method:
            out[int(d["status"])] = out.get(int(d["status"]), 0) + int(v)
    return out


OVERLAPS = """
    SELECT facility_id, date, division, count(*) FROM booking_units WHERE live = 1
    GROUP BY facility_id, date, division HAVING count(*) > 1
"""


def database_counts(path):
    """Bookings made, cancelled and live, live units, overlapping live units (read-only)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        made = db.execute("SELECT count(*) FROM bookings").fetchone()[0]
        cancelled = db.execute("SELECT count(*) FROM bookings WHERE state LIKE 'cancelled%'").fetchone()[0]
        units = db.execute("SELECT count(*) FROM booking_units WHERE live = 1").fetchone()[0]
        overlaps = db.execute(OVERLAPS).fetchall()
        return {"made": made, "cancelled": cancelled, "live": made - cancelled, "live_units": units,
                "overlaps": overlaps}
    finally:
        db.close()


def memory(path):
    """{'VmHWM': MiB, 'VmRSS': MiB, 'RSSmax': MiB (sampled every 0.1 s), 'cpu': s} (bench_memory)."""
    out, ticks, per_second = {}, None, 100
    for line in open(path):
        name, value = line.split()[:2]
        name = name.rstrip(":")
        if name == "CPUticks":
            ticks = int(value)
        elif name == "CLKTCK":
            per_second = int(value)
        else:
            out[name] = int(value) / 1024
    out["cpu"] = ticks / per_second if ticks is not None else None
    return out


def cpu_seconds(path):
    """The server's CPU seconds in a bench_cpu file."""
    return memory(path)["cpu"]


def generator_cpu(path):
    """The load generator's CPU seconds, user + system, from bash's `time` with TIMEFORMAT='%3U %3S'."""
    user, system = open(path).read().split()[-2:]
    return float(user) + float(system)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def percentile(sorted_values, p):
    """The nearest-rank percentile of an ascending list (p in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]
