"""bench/replay-lottery.py, run as anyone would run it, replays the
checked-in ballot to the checked-in result. That result is the Swift draw's
own output (CenterDomainTests' LotteryReplayTests checks that the file is
exactly what the Swift code writes, and rewrites it with
NAKANO_WRITE_LOTTERY_FIXTURE=1), so the replay equals the draw. It also
refuses a seed that is not the committed one, and reads the seed from
--seed when the ballot was published without it."""
import hashlib
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOL = ROOT / "bench" / "replay-lottery.py"
FIXTURES = ROOT / "Tests" / "fixtures" / "lottery"


def replay(*arguments, stdin=None):
    return subprocess.run([sys.executable, str(TOOL), *arguments], input=stdin, capture_output=True, text=True, timeout=60)


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_replay_gives_the_swift_draws_result():
    result = replay(str(FIXTURES / "ballot.json"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == fixture("result.json")


def test_replay_names_the_same_winners_as_the_swift_draw():
    replayed = json.loads(replay(str(FIXTURES / "ballot.json")).stdout)
    drawn = fixture("result.json")
    assert [(w["facility"], w["date"], w["division"], w["entry"]) for w in replayed["winners"]] == \
        [(w["facility"], w["date"], w["division"], w["entry"]) for w in drawn["winners"]]
    assert len(drawn["winners"]) > 0


def test_replay_takes_the_seed_from_the_command_line():
    ballot = fixture("ballot.json")
    seed = ballot.pop("seed")
    result = replay("-", "--seed", seed, stdin=json.dumps(ballot))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == fixture("result.json")


def test_replay_checks_the_seed_against_the_published_commitment():
    ballot = fixture("ballot.json")
    assert hashlib.sha256(ballot["seed"].encode("ascii")).hexdigest() == ballot["commitment"]


def test_replay_refuses_a_seed_that_is_not_the_committed_one():
    other = hashlib.sha256(b"another seed").hexdigest()
    result = replay(str(FIXTURES / "ballot.json"), "--seed", other)
    assert result.returncode == 1
    assert "not the published commitment" in result.stderr
    assert result.stdout == ""


def test_replay_refuses_a_ballot_without_a_seed():
    ballot = fixture("ballot.json")
    ballot["seed"] = None
    result = replay("-", stdin=json.dumps(ballot))
    assert result.returncode == 1
    assert "no seed" in result.stderr


def test_replay_names_the_path_of_a_broken_ballot():
    ballot = fixture("ballot.json")
    ballot["entries"][3]["applicant"] = "A99"
    result = replay("-", stdin=json.dumps(ballot))
    assert result.returncode == 1
    assert result.stderr.strip() == 'replay-lottery: $.entries[3].applicant: unknown applicant "A99"'


def test_replay_prints_a_table_on_request():
    result = replay(str(FIXTURES / "ballot.json"), "--format", "text")
    assert result.returncode == 0
    drawn = fixture("result.json")
    lines = result.stdout.splitlines()
    assert lines[0] == f"{drawn['round']} {drawn['month']}  seed {drawn['seed']}"
    for line in drawn["order"]:
        outcome = "won" if line["outcome"] == "won" else "lost: " + line["reason"]
        assert f"{line['rank']:>4}  {line['entry']}  {line['applicant']}  {line['tier']}  {outcome}" in lines
    assert lines[-1] == f"open first come: {len(drawn['unwon'])} slots"
