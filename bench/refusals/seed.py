#!/usr/bin/env python3
"""Seeds an empty server for bench/refusals.sh and checks each refusal case once.

usage: seed.py PORT ADMIN_TOKEN_FILE OUT.lua

Through the API, the same way as bench/booking/seed.py (its `Seeder`): an
economic group in good standing, one whose registration expired (valid
2024-04-01 to 2026-03-31), one suspended (PATCH suspended_until), and a
closure (臨時休館) of the gym over three days of the month that has just
opened. Then writes OUT.lua with the cases: requests that every one of them
is refused for a reason a read snapshot taken on arrival can decide, without
the single writer (docs/API.md lists the codes):

  window_not_open         a date past the economic groups' window
  facility_closed         the gym on a day of the closure
  registration_expired    the expired registration
  registration_suspended  the suspended registration
  coupling_required       the cooking room with no Japanese-style or creative room booked
  divisions_repeated, division_not_offered, divisions_required, purpose_invalid,
  facility_not_found, and an out-of-range `attendees`: malformed values

Each case is sent once here first; a case that is not answered with its
status and code stops the seeding (exit 1), so the benchmark never measures
requests that do something else.
"""
import datetime
import http.client
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "booking"))
from seed import Seeder, japan_today, windows, write_data  # noqa: E402

port, admin_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
seeder = Seeder(port, admin_file)
today = japan_today()
inside, beyond = windows(today)["economic_group"]
open_month = inside[-1][:7]                       # the month that has just opened to economic groups
good = seeder.registration("economic_group", 1, False)
expired = seeder.registration("economic_group", 2, False, valid_from="2024-04-01", valid_until="2026-03-31")
suspended = seeder.registration("economic_group", 3, False)
seeder.call("PATCH", f"/registrations/{suspended['id']}",
            {"suspended_until": (today + datetime.timedelta(days=90)).isoformat()})
closed = [f"{open_month}-1{d}" for d in (0, 1, 2)]
seeder.call("POST", "/closures", {"date": closed[0], "to": closed[-1], "facilities": ["gym"],
                                  "reason_en": "Bench: floor works", "reason_ja": "床工事"})
date = f"{open_month}-20"


def booking(registration, facility="multipurpose-hall", on=date, divisions=("am",), purpose="Seminar", attendees=10):
    return {"facility": facility, "date": on, "divisions": list(divisions), "registration": registration["id"],
            "purpose": purpose, "attendees": attendees}


cases = [
    ("window_not_open", 409, booking(good, on=beyond[0])),
    ("facility_closed", 409, booking(good, facility="gym", on=closed[1])),
    ("registration_expired", 409, booking(expired)),
    ("registration_suspended", 409, booking(suspended)),
    ("coupling_required", 409, booking(good, facility="cooking-room")),
    ("divisions_repeated", 422, booking(good, divisions=("am", "am"))),
    ("division_not_offered", 422, booking(good, divisions=("evening",))),
    ("divisions_required", 422, booking(good, divisions=())),
    ("purpose_invalid", 422, booking(good, purpose="")),
    ("facility_not_found", 404, booking(good, facility="ballroom")),
    ("invalid_body", 422, booking(good, attendees=0)),
]

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
for n, (code, status, body) in enumerate(cases):
    conn.request("POST", "/bookings", body=json.dumps(body),
                 headers={"Authorization": f"Bearer {seeder.staff}", "Content-Type": "application/json",
                          "Idempotency-Key": f"refusal-check-{n}"})
    response = conn.getresponse()
    answer = response.read()
    got = json.loads(answer).get("error", {}).get("code") if answer.startswith(b"{") else None
    if (response.status, got) != (status, code):
        sys.exit(f"refusals seed: case {code} expected {status} {code}, got {response.status} {answer[:300]!r}")

write_data(out, {"staff": seeder.staff,
                 "cases": [{"code": code, "status": status, "body": json.dumps(body, separators=(",", ":"))}
                           for code, status, body in cases]})
print(f"seeded 3 registrations (good, expired, suspended) and a gym closure {closed[0]}..{closed[-1]}; "
      f"{len(cases)} refusal cases each answered as expected once; today in Japan {today}")
