#!/usr/bin/env python3
"""Replays a lottery draw of the Nakano center from its published ballot.

Anyone can check a draw with this script and Python's standard library
alone: it reads the ballot the service publishes (the entries, the
applicants' tiers and allowances, the free slots, the community quota and,
after the draw, the revealed seed), checks that the seed is the one whose
SHA-256 was published as the commitment before the entries closed, and
draws exactly as the service does (docs/DOMAIN.md "Lottery rounds (抽選)"):

  1. key of an entry = SHA-256 of the text "SEED:ENTRY_ID", in hex;
  2. entries ordered by tier (the ballot's order), then key, then id;
  3. in that order an entry wins all its slots unless one is not free
     (slot_unavailable), one was won before (slot_taken), its applicant's
     wins plus its units pass wins_allowed (win_limit_reached), or its units
     pass what the community quota leaves in the facility
     (community_quota_reserved).

The output is the result the service publishes, as JSON (keys sorted, two
spaces), or a table with --format text.

    python3 bench/replay-lottery.py ballot.json
    python3 bench/replay-lottery.py ballot.json --seed 0123...cdef
    python3 bench/replay-lottery.py ballot.json --format text

Exit status 0 on success, 1 when the ballot or the seed is refused (one
line on standard error), 2 for bad arguments.
"""
import argparse
import hashlib
import json
import re
import signal
import sys

BALLOT_FORMAT = "nakano-center-lottery-ballot/1"
RESULT_FORMAT = "nakano-center-lottery-result/1"
HEX64 = re.compile(r"[0-9a-f]{64}")
PLAIN_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Refused(Exception):
    """The ballot cannot be drawn; the message says why."""


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ceiling(bookable_units, share):
    """floor(U x (1 - share)), with the share in basis points (CommunityQuota)."""
    held = int(share * 10_000 + 0.5)
    return bookable_units * (10_000 - held) // 10_000


def slot_of(value):
    return (value["facility"], value["date"], value["division"])


def slot_json(slot):
    return {"facility": slot[0], "date": slot[1], "division": slot[2]}


def check(ballot):
    """The checks of LotteryBallot.check, with the same paths."""
    def refuse(path, message):
        raise Refused(f"{path}: {message}")

    if ballot.get("format") != BALLOT_FORMAT:
        refuse("$.format", f'expected "{BALLOT_FORMAT}"')
    if not isinstance(ballot.get("commitment"), str) or not HEX64.fullmatch(ballot["commitment"]):
        refuse("$.commitment", "expected 64 lowercase hex digits")
    tiers = ballot["tiers"]
    if not tiers:
        refuse("$.tiers", "at least one tier")
    if len(set(tiers)) != len(tiers):
        refuse("$.tiers", "a tier is listed twice")
    def check_id(value, path, seen):
        if not isinstance(value, str) or not PLAIN_ID.fullmatch(value):
            refuse(path, "expected 1–64 of A–Z a–z 0–9 _ . -")
        if value in seen:
            refuse(path, f'repeated id "{value}"')
        seen.add(value)

    applicant_ids = set()
    for i, applicant in enumerate(ballot["applicants"]):
        path = f"$.applicants[{i}]"
        check_id(applicant["id"], f"{path}.id", applicant_ids)
        if applicant["tier"] not in tiers:
            refuse(f"{path}.tier", f'unknown tier "{applicant["tier"]}"')
        if applicant["wins_allowed"] < 0:
            refuse(f"{path}.wins_allowed", "must not be negative")
    entry_ids = set()
    for i, entry in enumerate(ballot["entries"]):
        path = f"$.entries[{i}]"
        check_id(entry["id"], f"{path}.id", entry_ids)
        if entry["applicant"] not in applicant_ids:
            refuse(f"{path}.applicant", f'unknown applicant "{entry["applicant"]}"')
        if not DATE.fullmatch(entry["date"]) or entry["date"][:7] != ballot["month"]:
            refuse(f"{path}.date", f'not in {ballot["month"]}')
        if not entry["divisions"]:
            refuse(f"{path}.divisions", "at least one division")
        if len(set(entry["divisions"])) != len(entry["divisions"]):
            refuse(f"{path}.divisions", "a division is listed twice")
    slots = set()
    for i, slot in enumerate(ballot["available"]):
        if slot_of(slot) in slots:
            refuse(f"$.available[{i}]", "repeated slot {} {} {}".format(*slot_of(slot)))
        slots.add(slot_of(slot))
    facilities = set()
    for i, limit in enumerate(ballot["quota"]):
        path = f"$.quota[{i}]"
        if limit["facility"] in facilities:
            refuse(f"{path}.facility", f'repeated facility "{limit["facility"]}"')
        facilities.add(limit["facility"])
        if not 0 <= limit["share"] <= 1 or limit["bookable_units"] < 0 or limit["non_community_booked"] < 0:
            refuse(path, "share must be within 0…1 and the unit counts not negative")
        expected = ceiling(limit["bookable_units"], limit["share"])
        if limit["ceiling"] != expected:
            refuse(f"{path}.ceiling", f"expected {expected}")


def draw(ballot):
    """The result of LotteryDraw.draw for `ballot` (a dict read from JSON)."""
    check(ballot)
    seed = ballot.get("seed")
    if seed is None:
        raise Refused("the ballot has no seed: the draw needs the revealed seed (--seed)")
    if not HEX64.fullmatch(seed):
        raise Refused("$.seed: expected 64 lowercase hex digits")
    if sha256_hex(seed) != ballot["commitment"]:
        raise Refused(f"the seed's SHA-256 is {sha256_hex(seed)}, not the published commitment {ballot['commitment']}")

    tier_rank = {tier: rank for rank, tier in enumerate(ballot["tiers"])}
    applicants = {applicant["id"]: applicant for applicant in ballot["applicants"]}
    keyed = []
    for entry in ballot["entries"]:
        applicant = applicants[entry["applicant"]]
        key = sha256_hex(seed + ":" + entry["id"])
        keyed.append((tier_rank[applicant["tier"]], key, entry["id"], entry, applicant))
    keyed.sort(key=lambda item: item[:3])

    free = {slot_of(slot) for slot in ballot["available"]}
    quota_left = {limit["facility"]: max(0, limit["ceiling"] - limit["non_community_booked"]) for limit in ballot["quota"]}
    holder = {}
    won = {}
    order = []
    for rank, (_, key, entry_id, entry, applicant) in enumerate(keyed, start=1):
        slots = [(entry["facility"], entry["date"], division) for division in entry["divisions"]]
        units = len(slots)
        if not all(slot in free for slot in slots):
            reason = "slot_unavailable"
        elif any(slot in holder for slot in slots):
            reason = "slot_taken"
        elif won.get(applicant["id"], 0) + units > applicant["wins_allowed"]:
            reason = "win_limit_reached"
        elif entry["facility"] in quota_left and units > quota_left[entry["facility"]]:
            reason = "community_quota_reserved"
        else:
            reason = None
            for slot in slots:
                holder[slot] = (entry_id, applicant["id"])
            won[applicant["id"]] = won.get(applicant["id"], 0) + units
            if entry["facility"] in quota_left:
                quota_left[entry["facility"]] -= units
        line = {"rank": rank, "entry": entry_id, "applicant": applicant["id"], "tier": applicant["tier"], "key": key,
                "outcome": "won" if reason is None else "lost"}
        if reason is not None:
            line["reason"] = reason
        order.append(line)

    asked = {}
    for entry in ballot["entries"]:
        for division in entry["divisions"]:
            slot = (entry["facility"], entry["date"], division)
            asked[slot] = asked.get(slot, 0) + 1
    available = [slot_of(slot) for slot in ballot["available"]]
    summary = [dict(slot_json(slot), available=True, entries=asked[slot], won=slot in holder)
               for slot in available if slot in asked]
    summary += [dict(slot_json(slot), available=False, entries=asked[slot], won=False)
                for slot in sorted(slot for slot in asked if slot not in free)]
    return {
        "format": RESULT_FORMAT,
        "round": ballot["round"],
        "month": ballot["month"],
        "commitment": ballot["commitment"],
        "seed": seed,
        "order": order,
        "winners": [dict(slot_json(slot), entry=holder[slot][0], applicant=holder[slot][1])
                    for slot in available if slot in holder],
        "unwon": [slot_json(slot) for slot in available if slot not in holder],
        "summary": summary,
    }


def as_text(result):
    lines = [f"{result['round']} {result['month']}  seed {result['seed']}", "",
             "rank  entry  applicant  tier  outcome"]
    for line in result["order"]:
        outcome = "won" if line["outcome"] == "won" else "lost: " + line["reason"]
        lines.append(f"{line['rank']:>4}  {line['entry']}  {line['applicant']}  {line['tier']}  {outcome}")
    lines += ["", "winners"]
    lines += [f"  {w['facility']} {w['date']} {w['division']}: {w['entry']} ({w['applicant']})" for w in result["winners"]]
    lines += ["", f"open first come: {len(result['unwon'])} slots"]
    return "\n".join(lines)


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends the script quietly
    parser = argparse.ArgumentParser(description="Replay a Nakano center lottery draw from its published ballot.")
    parser.add_argument("ballot", help="the published ballot (JSON); - reads standard input")
    parser.add_argument("--seed", help="the revealed seed, when the ballot does not carry it")
    parser.add_argument("--format", choices=["json", "text"], default="json")
    arguments = parser.parse_args(argv)
    try:
        if arguments.ballot == "-":
            ballot = json.load(sys.stdin)
        else:
            with open(arguments.ballot, encoding="utf-8") as file:
                ballot = json.load(file)
        if arguments.seed is not None:
            ballot["seed"] = arguments.seed
        result = draw(ballot)
    except (OSError, ValueError) as error:
        print(f"replay-lottery: cannot read the ballot: {error}", file=sys.stderr)
        return 1
    except (KeyError, TypeError) as error:
        print(f"replay-lottery: the ballot is not in the published shape: {error!r}", file=sys.stderr)
        return 1
    except Refused as error:
        print(f"replay-lottery: {error}", file=sys.stderr)
        return 1
    if arguments.format == "text":
        print(as_text(result))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
