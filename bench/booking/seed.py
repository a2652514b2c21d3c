#!/usr/bin/env python3
"""Seeds an empty server for the booking benchmarks, through the API.

usage: seed.py PORT ADMIN_TOKEN_FILE OUT.lua [economic small_business community]

Mints a staff token, registers economic groups, SMEs and community groups
(POST /registrations), mints a member token for every second registration
(POST /registrations/{id}/tokens), and writes OUT.lua: a Lua table with the
staff token, the registrations (id, category, token) and, per category, the
dates a booking may name (mostly inside the category's window, a few just
past it so that window_not_open appears too). Also writes OUT.json with the
same data for the Python tools.

bench/booking.sh, bench/booking-mix.sh and bench/crash.sh run it as a
script; bench/refusals/seed.py and bench/burst/burst.py import it (`Seeder`,
`windows`, `write_data`) to seed the same way and add what they need.
"""
import datetime
import http.client
import json
import sys

CATEGORIES = ["economic_group", "small_business", "community_group"]
EVIDENCE = {
    "economic_group": {"has_office_in_ward": True},
    "small_business": {"sector": "services", "capital_yen": 10_000_000, "regular_employees": 20, "has_office_in_ward": True},
    "community_group": {"member_count": 8, "members_in_ward": 5},
}


class Seeder:
    """One keep-alive connection to the server, the admin token and a staff token minted with it."""

    def __init__(self, port, admin_file):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.admin = open(admin_file).read().strip()
        self.staff = self.call("POST", "/tokens", {"role": "staff", "name": "Bench front desk"}, self.admin)["token"]

    def call(self, method, path, body, token=None):
        """The JSON answer of a 200 or 201; any other status stops the seeding."""
        headers = {"Authorization": f"Bearer {token or self.staff}", "Content-Type": "application/json"}
        self.conn.request(method, path, body=json.dumps(body), headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status not in (200, 201):
            sys.exit(f"seed: {method} {path} -> {response.status} {data[:300]!r}")
        return json.loads(data)

    def registration(self, category, n, member_token, **fields):
        """Registers one (in the ward unless n % 7 == 0); its member token, or the staff token."""
        reg = self.call("POST", "/registrations", {"category": category, "name": f"Bench {category} {n}",
                                                   "contact": "03-0000-0000", "in_ward": n % 7 != 0,
                                                   "evidence": EVIDENCE[category], **fields})
        token = self.staff
        if member_token:
            token = self.call("POST", f"/registrations/{reg['id']}/tokens", {"name": f"member {n}"})["token"]
        return {"id": reg["id"], "category": category, "token": token}

    def registrations(self, counts):
        """`counts` economic groups, SMEs and community groups; a member token for every second of each."""
        return [self.registration(category, n, n % 2 == 0)
                for category, count in zip(CATEGORIES, counts) for n in range(count)]


def japan_today():
    """Today in Japan: the server's clock is the real one."""
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).date()


def month_add(d, months):
    m = d.month - 1 + months
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)


def windows(today):
    """Per category, (dates inside its window, 14 dates just past it): the windows of Config/center.json
    (first of the month, N months before; community groups close 3 days before use)."""
    def dates(months_before, closes_days_before=0):
        first = today + datetime.timedelta(days=max(closes_days_before + 1, 2))
        last = month_add(today, months_before + 1) - datetime.timedelta(days=1)   # end of the last open month
        inside = [(first + datetime.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
        beyond = [(last + datetime.timedelta(days=i)).isoformat() for i in range(1, 15)]
        return inside, beyond
    return {"economic_group": dates(6), "small_business": dates(3), "community_group": dates(2, 3)}


def lua(value):
    if isinstance(value, dict):
        return "{" + ",".join(f"[{lua(k)}]={lua(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ",".join(lua(v) for v in value) + "}"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_data(out, data):
    """OUT.lua (`return {...}`) and OUT.json with the same data."""
    with open(out, "w") as f:
        f.write("return " + lua(data) + "\n")
    with open(out.rsplit(".", 1)[0] + ".json", "w") as f:
        json.dump(data, f)


def main():
    port, admin_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    counts = [int(x) for x in sys.argv[4:7]] if len(sys.argv) >= 7 else [120, 120, 60]
    seeder = Seeder(port, admin_file)
    registrations = seeder.registrations(counts)
    today = japan_today()
    w = windows(today)
    write_data(out, {"staff": seeder.staff, "registrations": registrations,
                     "inside": {k: v[0] for k, v in w.items()}, "beyond": {k: v[1] for k, v in w.items()}})
    print(f"seeded {len(registrations)} registrations "
          f"({', '.join(f'{c} {n}' for c, n in zip(['economic', 'sme', 'community'], counts))}), "
          f"{sum(r['token'] != seeder.staff for r in registrations)} member tokens, today in Japan {today}")


if __name__ == "__main__":
    main()
