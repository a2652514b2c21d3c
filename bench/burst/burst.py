#!/usr/bin/env python3
"""The opening-day burst for bench/burst.sh.

usage: burst.py seed PORT DIR CLIENTS     registrations for CLIENTS clients -> DIR/data.json
       burst.py run PORT DIR              the burst against a server seeded so -> DIR/results.json
       burst.py check DIR                 the checks, on DIR/center.sqlite after the server stopped

seed: through the API with bench/booking/seed.py's `Seeder`: one registration
per client, half economic groups, 30 % SMEs, 20 % community groups (a member
token for every second one of each, the front desk's staff token for the
others).

run: every client opens its own connection at the same moment (asyncio, all
connects issued before any answer is read) and, as soon as it is connected,
sends one POST /bookings of one division of what has just opened to its
category (Japan time): the month 6 months ahead for economic groups, 3 for
SMEs, and for community groups the one day their window opened today, the
same date 2 months ahead (目的外使用規則 第2条). The rooms are those no lottery
round draws (Config/center.json "lottery": the hall and the gyms are drawn,
and open first come to these categories only after their draw). Half the
clients want a "hot" unit (a weekend day of the large or the special meeting
room, or for community groups their day in one of those), so many want the
same one; the others any of those rooms, days and divisions. BURST_SEED
fixes the choice. For each client it keeps the moments (monotonic) it started to
connect, had sent its request and had its answer, the status and the code.

check: prints the figures and exits 1 when the run is broken:
  - every client answered: 201, or a 4xx with a JSON error code;
  - the database holds exactly the bookings answered 201, each with the unit
    it asked for, and no two live units overlap (same facility, date,
    division);
  - first come, first served, as far as a client can see it. "First" is the
    order in which the requests reach the single writer's queue: requests are
    read and parsed on several event-loop threads, so two sent a moment apart
    may reach the queue in either order, and the writer then takes them in
    queue order, a group-commit batch at a time, each seeing the writes
    before it. What a client can check: (a) no request is refused slot_taken
    before the request that holds the unit was even sent, and no slot_taken
    names a unit nobody holds (broken if either happens); (b) how far the
    writer's order (booking ids of the 201s) departs from the order the
    requests were sent: how many winners were overtaken by a request sent
    after them, and by how much at most; and for contested units, how often
    the unit went to a client other than the first to send (figures).
"""
import asyncio
import datetime
import json
import os
import random
import resource
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "booking"))
from seed import Seeder, japan_today, month_add  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from benchlib import OVERLAPS, percentile  # noqa: E402

MONTHS_AHEAD = {"economic_group": 6, "small_business": 3, "community_group": 2}
# The rooms no lottery round draws for these categories (the hall and the
# gyms are drawn first, and a request for them before their first-come time
# is refused lottery_pending, which is no contest for a unit).
HOT_ROOMS = ["large-meeting-room", "special-meeting-room"]
ROOMS = HOT_ROOMS + ["meeting-room-1", "meeting-room-2", "japanese-room", "creative-room", "event-corner"]
DIVISIONS = ["am", "pm", "night"]
DEADLINE_S = 60


def seed(port, work, clients):
    seeder = Seeder(port, os.path.join(work, "admin.token"))
    economic, sme = clients // 2, clients * 3 // 10
    registrations = seeder.registrations([economic, sme, clients - economic - sme])
    json.dump({"staff": seeder.staff, "registrations": registrations}, open(os.path.join(work, "data.json"), "w"))
    print(f"seeded {len(registrations)} registrations (economic {economic}, sme {sme}, "
          f"community {clients - economic - sme}), {sum(r['token'] != seeder.staff for r in registrations)} member tokens")


def wishes(registrations, rng):
    """(registration, token, facility, date, division) for each client."""
    today = japan_today()
    out = []
    for reg in registrations:
        first = month_add(today, MONTHS_AHEAD[reg["category"]])
        if reg["category"] == "community_group":
            # The same date 2 months ahead, or the month's last day when it has none.
            last = (month_add(first, 1) - datetime.timedelta(days=1)).day
            days = [first.replace(day=min(today.day, last))]
        else:
            days = [first + datetime.timedelta(days=i) for i in range((month_add(first, 1) - first).days)]
        if rng.random() < 0.5:
            facility, day = rng.choice(HOT_ROOMS), rng.choice([d for d in days if d.weekday() >= 5] or days)
        else:
            facility, day = rng.choice(ROOMS), rng.choice(days)
        out.append((reg, facility, day.isoformat(), rng.choice(DIVISIONS)))
    return out


class Client(asyncio.Protocol):
    """One connection, one request, one answer."""

    def __init__(self, request, record, done):
        self.request, self.record, self.done = request, record, done
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.request)
        self.record["sent"] = time.monotonic()

    def data_received(self, data):
        self.buffer += data
        head, sep, body = self.buffer.partition(b"\r\n\r\n")
        if not sep:
            return
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if len(body) < length:
            return
        self.record["answered"] = time.monotonic()
        self.record["status"] = int(head.split(b" ", 2)[1])
        try:
            answer = json.loads(body[:length])
        except ValueError:
            answer = {}
        if self.record["status"] == 201:
            self.record["id"] = answer.get("id")
        else:
            self.record["code"] = (answer.get("error") or {}).get("code")
        self.transport.close()

    def connection_lost(self, exc):
        if "answered" not in self.record:
            self.record["error"] = f"connection closed before the answer: {exc}"
        if not self.done.done():
            self.done.set_result(None)


async def burst(port, data, rng):
    loop = asyncio.get_running_loop()
    records, requests = [], []
    for n, (reg, facility, day, division) in enumerate(wishes(data["registrations"], rng)):
        body = json.dumps({"facility": facility, "date": day, "divisions": [division], "registration": reg["id"],
                           "purpose": "Opening-day booking", "attendees": 10}).encode()
        requests.append(b"POST /bookings HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        b"Authorization: Bearer " + reg["token"].encode() + b"\r\n"
                        b"Content-Type: application/json\r\nIdempotency-Key: burst-" + str(n).encode() + b"\r\n"
                        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        records.append({"client": n, "facility": facility, "date": day, "division": division})

    async def one(request, record):
        done = loop.create_future()
        record["start"] = time.monotonic()
        try:
            await loop.create_connection(lambda: Client(request, record, done), "127.0.0.1", port)
            await done
        except OSError as e:
            record["error"] = f"{type(e).__name__}: {e}"

    start = time.monotonic()
    tasks = [asyncio.ensure_future(one(r, rec)) for r, rec in zip(requests, records)]
    _, pending = await asyncio.wait(tasks, timeout=DEADLINE_S)
    for task in pending:
        task.cancel()
    for rec in records:
        for key in ("start", "sent", "answered"):
            if key in rec:
                rec[key] -= start
        if "answered" not in rec and "error" not in rec:
            rec["error"] = f"no answer within {DEADLINE_S} s"
    return records


def run(port, work):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    data = json.load(open(os.path.join(work, "data.json")))
    if hard < len(data["registrations"]) + 100:
        sys.exit(f"burst: the open-file limit {hard} is too low for {len(data['registrations'])} clients")
    rng = random.Random(int(os.environ.get("BURST_SEED", "1")))
    records = asyncio.run(burst(port, data, rng))
    json.dump(records, open(os.path.join(work, "results.json"), "w"))


def check(work):
    records = json.load(open(os.path.join(work, "results.json")))
    problems = []
    unanswered = [r for r in records if "error" in r]
    bad = [r for r in records if "status" in r and not (r["status"] == 201 or (400 <= r["status"] < 500 and r.get("code")))]
    if unanswered:
        problems.append(f"{len(unanswered)} clients had no answer, e.g. {unanswered[0]}")
    if bad:
        problems.append(f"{len(bad)} answers neither 201 nor a 4xx with a code, e.g. {bad[0]}")
    answered = [r for r in records if "answered" in r]
    waits = sorted(r["answered"] - r["start"] for r in answered)
    since_burst = sorted(r["answered"] for r in answered)
    codes = {}
    for r in answered:
        key = "201" if r["status"] == 201 else f"{r['status']} {r.get('code')}"
        codes[key] = codes.get(key, 0) + 1

    db = sqlite3.connect(f"file:{os.path.join(work, 'center.sqlite')}?mode=ro", uri=True)
    overlaps = db.execute(OVERLAPS).fetchall()
    units = {row[0]: row[1:] for row in db.execute(
        "SELECT booking_id, facility_id, date, division FROM booking_units WHERE live = 1")}
    held = {u: b for b, u in units.items()}
    made = db.execute("SELECT count(*) FROM bookings").fetchone()[0]
    db.close()
    winners = [r for r in answered if r["status"] == 201]
    if overlaps:
        problems.append(f"overlapping live units: {overlaps[:5]}")
    if made != len(winners):
        problems.append(f"the database holds {made} bookings, {len(winners)} were answered 201")
    for r in winners:
        if units.get(r["id"]) != (r["facility"], r["date"], r["division"]):
            problems.append(f"booking {r['id']} answered 201 holds {units.get(r['id'])}, not what it asked")
            break

    # First come, first served, as far as a client can see it.
    by_id = {r["id"]: r for r in winners}
    refused_early = unheld = 0
    contested = not_first = 0
    lead_ms = []
    wanted = {}
    for r in answered:
        wanted.setdefault((r["facility"], r["date"], r["division"]), []).append(r)
    for unit, contenders in wanted.items():
        holder = by_id.get(held.get(unit))
        for r in contenders:
            if r.get("code") == "slot_taken":
                if holder is None:
                    unheld += 1
                elif r["answered"] < holder["sent"]:
                    refused_early += 1
        if holder and len(contenders) > 1:
            contested += 1
            earliest = min(contenders, key=lambda r: r["sent"])
            if earliest is not holder:
                not_first += 1
                lead_ms.append((holder["sent"] - earliest["sent"]) * 1000)
    if unheld:
        problems.append(f"{unheld} requests were refused slot_taken for a unit nobody holds")
    if refused_early:
        problems.append(f"{refused_early} requests were refused slot_taken before the request holding the unit was sent")
    overtaken, most_ms, latest = 0, 0.0, float("-inf")
    for r in sorted(winners, key=lambda r: r["id"]):   # the writer's order
        if r["sent"] < latest:
            overtaken += 1
            most_ms = max(most_ms, (latest - r["sent"]) * 1000)
        latest = max(latest, r["sent"])

    sent = sorted(r["sent"] for r in records if "sent" in r)
    summary = {
        "clients": len(records), "answered": len(answered), "booked": len(winners),
        "wait_p50": percentile(waits, 50), "wait_p99": percentile(waits, 99), "wait_max": waits[-1] if waits else None,
        "last_answer": since_burst[-1] if since_burst else None,
        "sent_spread": (sent[-1] - sent[0]) if sent else None,
        "contested": contested, "not_first": not_first, "lead_max_ms": max(lead_ms, default=0.0),
        "overtaken": overtaken, "overtaken_by_max_ms": most_ms, "codes": codes, "problems": problems,
    }
    json.dump(summary, open(os.path.join(work, "summary.json"), "w"))
    print(f"  {summary['answered']}/{summary['clients']} answered ({', '.join(f'{k}: {v}' for k, v in sorted(codes.items(), key=lambda kv: -kv[1]))}); "
          f"wait p50/p99/max {summary['wait_p50']:.3f}/{summary['wait_p99']:.3f}/{summary['wait_max']:.3f} s "
          f"(last answer {summary['last_answer']:.3f} s after the burst began; all sent within {summary['sent_spread']:.3f} s)")
    print(f"  database: {made} bookings, {len(units)} live units, {len(overlaps)} overlapping; "
          f"first come: {contested} contested units, {not_first} went to a later sender (by at most {summary['lead_max_ms']:.1f} ms); "
          f"{overtaken} of {len(winners)} winners overtaken in the writer's order by a request sent after them (by at most {most_ms:.1f} ms)")
    for p in problems:
        print(f"  BROKEN: {p}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif command == "run":
        run(int(sys.argv[2]), sys.argv[3])
    elif command == "check":
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
