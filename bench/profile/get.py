#!/usr/bin/env python3
"""GET one path COUNT times on one keep-alive connection, for bench/profile-http.sh.

usage: get.py PORT PATH COUNT

Exits 1 unless every answer is 200 with the same body as the first.
"""
import http.client
import sys

port, path, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
first = None
for n in range(count):
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200 or (first is not None and body != first):
        sys.exit(f"profile: GET {path} #{n} answered {response.status} {body[:200]!r}")
    first = body if first is None else first
