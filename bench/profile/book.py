#!/usr/bin/env python3
"""Accepted bookings, one after another, for bench/profile-booking.sh.

usage: book.py plan PORT DATA.json COUNT PLAN.json   choose COUNT free units -> PLAN.json
       book.py book PORT PLAN.json FIRST N [IDS]     book units FIRST .. FIRST+N-1 of the plan
       book.py cancel PORT PLAN.json IDS             cancel the bookings listed in IDS

plan (before the profile starts): reads GET /availability of the meeting
rooms over the last 150 days of the economic groups' window, asked as that
category (a slot asked for no category is free only where every category
may book it, and the other windows are shorter), and picks COUNT
free divisions on open days, the k-th on a day 11 further on than the
(k-1)-th, each for the k-th registration in turn with its own token
(member or staff), so no registration nears its monthly or consecutive-day
limit. The same seed gives the same plan, so runs are comparable.

book: books them, one request at a time on one keep-alive connection: the
full path of a booking that is accepted (parse, decode, token, the writer's
rules, insert, audit, commit, answer). Exits 1 unless every one is 201. With
IDS, writes each booking's id and token there (one JSON line each).

cancel: cancels the bookings of IDS, one at a time on one connection, each by
the token that booked it, as bench/mix/mix.lua does: the full path of a cancel
that is accepted. Exits 1 unless every one is 200.
"""
import http.client
import json
import sys

ROOMS = ["meeting-room-1", "meeting-room-2", "japanese-room", "creative-room", "special-meeting-room", "event-corner"]


def plan(conn, data, count):
    groups = [r for r in data["registrations"] if r["category"] == "economic_group"]
    window = data["inside"]["economic_group"][-150:]
    free = {}                                       # date -> [(room, division)] in a fixed order
    for room in ROOMS:
        for start in range(0, len(window), 28):     # GET /availability takes a few weeks at a time
            conn.request("GET", f"/availability?facility={room}&from={window[start]}"
                                f"&to={window[min(start + 27, len(window) - 1)]}&category=economic_group")
            response = conn.getresponse()
            answer = response.read()
            if response.status != 200:
                sys.exit(f"profile: GET /availability answered {response.status} {answer[:300]!r}")
            for day in json.loads(answer):
                if day["open"]:
                    free.setdefault(day["date"], []).extend(
                        (room, d["division"]) for d in day["divisions"] if d["status"] == "free")
    dates, taken, bookings = sorted(day for day in free if free[day]), set(), []
    for k in range(count):
        day = dates[(k * 11) % len(dates)]
        room, division = next(u for u in free[day] if (day, u) not in taken)
        taken.add((day, (room, division)))
        reg = groups[k % len(groups)]
        bookings.append({"token": reg["token"], "body": {
            "facility": room, "date": day, "divisions": [division], "registration": reg["id"],
            "purpose": "Profiled seminar", "attendees": 10}})
    return bookings


def book(conn, bookings, first, ids=None):
    for k, b in enumerate(bookings, start=first):
        conn.request("POST", "/bookings", body=json.dumps(b["body"]),
                     headers={"Authorization": f"Bearer {b['token']}", "Content-Type": "application/json",
                              "Idempotency-Key": f"profile-{k}"})
        response = conn.getresponse()
        answer = response.read()
        if response.status != 201:
            sys.exit(f"profile: booking {k} ({b['body']}) answered {response.status} {answer[:300]!r}")
        if ids is not None:
            ids.write(json.dumps({"id": json.loads(answer)["id"], "token": b["token"]}) + "\n")


def cancel(conn, booked):
    for k, b in enumerate(booked):
        conn.request("POST", f"/bookings/{b['id']}/cancel", body='{"reason":"plans changed"}',
                     headers={"Authorization": f"Bearer {b['token']}", "Content-Type": "application/json",
                              "Idempotency-Key": f"profile-cancel-{k}"})
        response = conn.getresponse()
        answer = response.read()
        if response.status != 200:
            sys.exit(f"profile: cancel of booking {b['id']} answered {response.status} {answer[:300]!r}")


if __name__ == "__main__":
    conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[2]), timeout=600)
    if sys.argv[1] == "plan":
        json.dump(plan(conn, json.load(open(sys.argv[3])), int(sys.argv[4])), open(sys.argv[5], "w"))
    elif sys.argv[1] == "book":
        first, n = int(sys.argv[4]), int(sys.argv[5])
        ids = open(sys.argv[6], "w") if len(sys.argv) > 6 else None
        book(conn, json.load(open(sys.argv[3]))[first:first + n], first, ids)
    elif sys.argv[1] == "cancel":
        cancel(conn, [json.loads(line) for line in open(sys.argv[4])])
    else:
        sys.exit(__doc__)
