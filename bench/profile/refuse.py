#!/usr/bin/env python3
"""Refused bookings, one after another, for bench/profile-refusals.sh.

usage: refuse.py PORT DATA.json COUNT

Sends COUNT POST /bookings on one keep-alive connection, the cases of
bench/refusals/seed.py (DATA.json) in turn, each with its own
Idempotency-Key, as bench/refusals/refusals.lua does: the full path of a
refusal decided on the arrival snapshot. Exits 1 unless every answer has
its case's status and code.
"""
import http.client
import json
import sys

port, data, count = int(sys.argv[1]), json.load(open(sys.argv[2])), int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
cases = data["cases"]
for n in range(count):
    case = cases[n % len(cases)]
    conn.request("POST", "/bookings", body=case["body"],
                 headers={"Authorization": f"Bearer {data['staff']}", "Content-Type": "application/json",
                          "Idempotency-Key": f"profile-refusal-{n}"})
    response = conn.getresponse()
    answer = response.read()
    got = json.loads(answer).get("error", {}).get("code") if answer.startswith(b"{") else None
    if (response.status, got) != (case["status"], case["code"]):
        sys.exit(f"profile: refusal {n} expected {case['status']} {case['code']}, got {response.status} {answer[:300]!r}")
