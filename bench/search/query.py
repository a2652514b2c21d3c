"""Times GET /registrations searches on one kept-alive connection: ROUNDS of
each query in turn, then the median and p95 in milliseconds and how many
registrations each found.

usage: query.py PORT TOKEN_FILE ROUNDS"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

QUERIES = [
    ("q=山田 (two kanji)", "q=" + urllib.parse.quote("山田")),
    ("q=ﾔﾏﾀﾞ (half-width kana)", "q=" + urllib.parse.quote("ﾔﾏﾀﾞ")),
    ("q=花子 (given name)", "q=" + urllib.parse.quote("花子")),
    ("q=髙橋 (old kanji form)", "q=" + urllib.parse.quote("髙橋")),
    ("q=存在しない名前 (no match)", "q=" + urllib.parse.quote("存在しない名前")),
    ("phone=1234 (last four digits)", "phone=1234"),
    ("corporate_number (exact)", "corporate_number=7000012050002"),
    ("q=中野&limit=500 (a large page)", "q=" + urllib.parse.quote("中野") + "&limit=500"),
]


def main():
    port, token, rounds = int(sys.argv[1]), open(sys.argv[2]).read().strip(), int(sys.argv[3])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": "Bearer " + token}
    times = {label: [] for label, _ in QUERIES}
    found = {}
    for _ in range(rounds):
        for label, query in QUERIES:
            started = time.perf_counter()
            connection.request("GET", "/registrations?" + query, headers=headers)
            response = connection.getresponse()
            body = response.read()
            times[label].append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                sys.exit(f"{label}: {response.status} {body[:200]!r}")
            found[label] = len(json.loads(body))
    print(f"{'query':34} {'found':>6} {'median ms':>10} {'p95 ms':>8}")
    for label, _ in QUERIES:
        series = sorted(times[label])
        p95 = series[min(len(series) - 1, int(len(series) * 0.95))]
        print(f"{label:34} {found[label]:>6} {statistics.median(series):>10.2f} {p95:>8.2f}")


main()
