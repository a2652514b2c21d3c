#!/usr/bin/env python3
"""Crash-safety run for bench/crash.sh.

usage: crash.py BINARY WORKDIR KILLS PORT

Starts `BINARY serve --synchronous full` on WORKDIR/center.sqlite, seeds it
through the API (seed.py), then keeps a write load of POST /bookings running
from several client threads while it kills the server with SIGKILL at random
moments KILLS times, restarting it after each kill. Every booking answered
201 goes into a ledger (WORKDIR/ledger.jsonl: its id and the exact body).
At the end it restarts the server once more and checks:
  - every acknowledged booking is present and unchanged (GET /bookings/{id}
    equals the 201 body) and its units are live in booking_units;
  - PRAGMA integrity_check is "ok" (Python sqlite3 on the file, server stopped);
  - no two live booking units overlap (same facility, date, division).
Prints the counts; exits 1 when any check fails.
"""
import atexit
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

binary, work, kills, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
here = os.path.dirname(os.path.abspath(__file__))
database = os.path.join(work, "center.sqlite")
log = open(os.path.join(work, "server.log"), "ab")
CLIENTS = 12
rng = random.Random(int(os.environ.get("CRASH_SEED", str(int(time.time())))))


def start_server():
    # --no-supervise: the process killed is the one that writes (a supervisor
    # would restart its worker itself; this test restarts the server).
    process = subprocess.Popen([binary, "serve", "--no-supervise", "--host", "127.0.0.1", "--port", str(port),
                                "--database", database, "--synchronous", "full"], stdout=log, stderr=log)
    deadline = time.time() + 30
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"crash: the server exited with {process.returncode} on start; see {work}/server.log")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                c.close()
                return process
        except OSError:
            pass
        time.sleep(0.05)
    process.kill()
    sys.exit("crash: the server did not answer /health within 30 s")


server = start_server()


def stop_server_at_exit():
    if server.poll() is None:
        server.kill()
        server.wait()


atexit.register(stop_server_at_exit)
signal.signal(signal.SIGTERM, lambda *_: sys.exit("crash: stopped by SIGTERM"))
seed = subprocess.run([sys.executable, os.path.join(here, "..", "booking", "seed.py"), str(port),
                       os.path.join(work, "admin.token"), os.path.join(work, "data.lua"), "30", "30", "20"],
                      capture_output=True, text=True)
if seed.returncode != 0:
    sys.exit(f"crash: seeding failed: {seed.stdout}{seed.stderr}")
data = json.load(open(os.path.join(work, "data.json")))
staff = data["staff"]
facilities = ["multipurpose-hall", "gym", "small-gym", "large-meeting-room", "meeting-room-1", "meeting-room-2",
              "japanese-room", "creative-room", "event-corner", "special-meeting-room"]
spans = [["am"], ["pm"], ["night"], ["am", "pm"], ["pm", "night"], ["am", "pm", "night"]]

ledger_lock = threading.Lock()
ledger = {}                       # id -> the 201 body (parsed)
ledger_file = open(os.path.join(work, "ledger.jsonl"), "w")
counts = {"sent": 0, "acknowledged": 0, "refused": 0, "no_answer": 0}
stop = threading.Event()


def client(n):
    r = random.Random(rng.random())
    connection = None
    while not stop.is_set():
        registration = r.choice(data["registrations"])
        inside = data["inside"][registration["category"]]
        body = json.dumps({"facility": r.choice(facilities), "date": r.choice(inside),
                           "divisions": r.choice(spans), "registration": registration["id"],
                           "purpose": f"Crash test {n}", "attendees": 10, "admission_charged": 0, "commercial": False})
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", "/bookings", body=body, headers={
                "Authorization": f"Bearer {registration['token']}", "Content-Type": "application/json"})
            with ledger_lock:
                counts["sent"] += 1
            response = connection.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            with ledger_lock:
                counts["no_answer"] += 1
            if connection is not None:
                connection.close()
            connection = None
            time.sleep(0.02)
            continue
        if response.status == 201:
            booking = json.loads(payload)
            with ledger_lock:
                counts["acknowledged"] += 1
                ledger[booking["id"]] = booking
                ledger_file.write(json.dumps({"id": booking["id"], "body": booking}) + "\n")
                ledger_file.flush()
        else:
            with ledger_lock:
                counts["refused"] += 1


threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
for t in threads:
    t.start()
started = time.time()
for k in range(kills):
    time.sleep(rng.uniform(0.15, 1.2))
    server.send_signal(signal.SIGKILL)
    server.wait()
    server = start_server()
time.sleep(0.5)
stop.set()
for t in threads:
    t.join(timeout=15)
load_seconds = time.time() - started

# Check every acknowledged booking through the API of the restarted server.
with ledger_lock:
    expected = dict(ledger)
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
missing, changed = [], []
for booking_id, body in expected.items():
    connection.request("GET", f"/bookings/{booking_id}", headers={"Authorization": f"Bearer {staff}"})
    response = connection.getresponse()
    stored = response.read()
    if response.status != 200:
        missing.append(booking_id)
    elif json.loads(stored) != body:
        changed.append(booking_id)
connection.close()
server.send_signal(signal.SIGTERM)
server.wait(timeout=30)

db = sqlite3.connect(database)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
overlaps = db.execute("""
    SELECT count(*) FROM (SELECT facility_id, date, division FROM booking_units WHERE live = 1
                          GROUP BY facility_id, date, division HAVING count(*) > 1)""").fetchone()[0]
units_short = []
for booking_id, body in expected.items():
    live = db.execute("SELECT count(*) FROM booking_units WHERE booking_id = ? AND live = 1", (booking_id,)).fetchone()[0]
    if live != len(body["divisions"]):
        units_short.append(booking_id)
rows = db.execute("SELECT count(*) FROM bookings").fetchone()[0]
live_units = db.execute("SELECT count(*) FROM booking_units WHERE live = 1").fetchone()[0]
db.close()

verified = len(expected) - len(missing) - len(changed)
print(f"kills (SIGKILL) and restarts   {kills}")
print(f"load                           {load_seconds:.1f} s, {CLIENTS} clients; requests sent {counts['sent']}, "
      f"without an answer (cut by a kill) {counts['no_answer']}, refused {counts['refused']}")
print(f"bookings acknowledged 201      {len(expected)}")
print(f"verified present and unchanged {verified}   (missing {len(missing)}, changed {len(changed)}, "
      f"units not live {len(units_short)})")
print(f"bookings in the database       {rows} (acknowledged ones plus any committed whose answer a kill cut)")
print(f"integrity_check                {integrity}")
print(f"overlapping live units         {overlaps}   ({live_units} live units)")
ok = not missing and not changed and not units_short and integrity == "ok" and overlaps == 0 and len(expected) > 0
print("crash safety: " + ("OK" if ok else "FAILED") + (f"   missing {missing[:10]} changed {changed[:10]}" if not ok else ""))
sys.exit(0 if ok else 1)
