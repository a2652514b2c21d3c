#!/usr/bin/env python3
"""Seeds an empty server for bench/booking.sh and bench/crash.sh, through the API.

usage: seed.py PORT ADMIN_TOKEN_FILE OUT.lua [economic small_business community]

Mints a staff token, registers economic groups, SMEs and community groups
(POST /registrations), mints a member token for every second registration
(POST /registrations/{id}/tokens), and writes OUT.lua: a Lua table with the
staff token, the registrations (id, category, token) and, per category, the
dates a booking may name (mostly inside the category's window, a few just
past it so that window_not_open appears too). Also writes OUT.json with the
same data for the Python tools.
"""
import datetime
import http.client
import json
import sys

port, admin_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
counts = [int(x) for x in sys.argv[4:7]] if len(sys.argv) >= 7 else [120, 120, 60]
admin = open(admin_file).read().strip()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def call(method, path, body, token):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    conn.request(method, path, body=json.dumps(body), headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status not in (200, 201):
        sys.exit(f"seed: {method} {path} -> {response.status} {data[:300]!r}")
    return json.loads(data)


staff = call("POST", "/tokens", {"role": "staff", "name": "Bench front desk"}, admin)["token"]
evidence = {
    "economic_group": {"has_office_in_ward": True},
    "small_business": {"sector": "services", "capital_yen": 10_000_000, "regular_employees": 20, "has_office_in_ward": True},
    "community_group": {"member_count": 8, "members_in_ward": 5},
}
registrations = []
for category, count in zip(["economic_group", "small_business", "community_group"], counts):
    for n in range(count):
        reg = call("POST", "/registrations", {"category": category, "name": f"Bench {category} {n}",
                                              "contact": "03-0000-0000", "in_ward": n % 7 != 0,
                                              "evidence": evidence[category]}, staff)
        token = staff
        if n % 2 == 0:
            token = call("POST", f"/registrations/{reg['id']}/tokens", {"name": f"member {n}"}, staff)["token"]
        registrations.append({"id": reg["id"], "category": category, "token": token})

# The windows of Config/center.json (first of the month, N months before);
# the server's clock is the real one, so "today" is today in Japan.
today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).date()


def month_add(d, months):
    m = d.month - 1 + months
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)


def dates(months_before, closes_days_before=0):
    first = today + datetime.timedelta(days=max(closes_days_before + 1, 2))
    last = month_add(today, months_before + 1) - datetime.timedelta(days=1)   # end of the last open month
    inside = [(first + datetime.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    beyond = [(last + datetime.timedelta(days=i)).isoformat() for i in range(1, 15)]
    return inside, beyond


windows = {"economic_group": dates(6), "small_business": dates(3), "community_group": dates(2, 3)}


def lua(value):
    if isinstance(value, dict):
        return "{" + ",".join(f"[{lua(k)}]={lua(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ",".join(lua(v) for v in value) + "}"
    if isinstance(value, str):
        return json.dumps(value)
    return str(value)


data = {"staff": staff, "registrations": registrations,
        "inside": {k: v[0] for k, v in windows.items()}, "beyond": {k: v[1] for k, v in windows.items()}}
with open(out, "w") as f:
    f.write("return " + lua(data) + "\n")
with open(out.rsplit(".", 1)[0] + ".json", "w") as f:
    json.dump(data, f)
print(f"seeded {len(registrations)} registrations "
      f"({', '.join(f'{c} {n}' for c, n in zip(['economic', 'sme', 'community'], counts))}), "
      f"{sum(r['token'] != staff for r in registrations)} member tokens, today in Japan {today}")
