"""The lottery as the running service publishes it: every round's month
whose draw has run (the server draws at start the months whose time has
come, entries or none) has its seed revealed, matching the commitment, and
its published ballot replays with bench/replay-lottery.py to the service's
own result. A whole month with entries is drawn on the manual clock in
CenterAPITests' LotteryMonthEndpointTests."""
import hashlib
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOL = ROOT / "bench" / "replay-lottery.py"


def drawn_months(center):
    months = center.get("/lottery-rounds").json()
    assert months, "the configuration has lottery rounds"
    return [m for m in months if m["phase"] in ("drawn", "first_come")]


def test_every_round_month_is_public_with_its_schedule(center):
    for month in center.get("/lottery-rounds").json():
        assert month["entry_opens"] < month["entry_closes"] < month["draw_at"] < month["first_come_opens"]
        if month["phase"] != "not_open":
            assert len(month["commitment"]) == 64


def test_a_drawn_month_reveals_the_committed_seed_and_replays_to_its_result(center, tmp_path):
    drawn = drawn_months(center)
    assert drawn, "the server draws at start the months whose draw time has passed"
    for month in drawn:
        path = f"/lottery-rounds/{month['round']}/{month['month']}"
        assert hashlib.sha256(month["seed"].encode("ascii")).hexdigest() == month["commitment"]
        ballot = center.get(path + "/ballot")
        assert ballot.status == 200
        (tmp_path / "ballot.json").write_bytes(ballot.body)
        replayed = subprocess.run([sys.executable, str(TOOL), str(tmp_path / "ballot.json")],
                                  capture_output=True, text=True, timeout=60)
        assert replayed.returncode == 0, replayed.stderr
        assert json.loads(replayed.stdout) == center.get(path + "/result").json()


def test_an_unknown_round_is_not_found(center):
    answer = center.get("/lottery-rounds/no-such-round/2027-01")
    assert answer.status == 404
    assert answer.json()["error"]["code"] == "lottery_round_not_found"
