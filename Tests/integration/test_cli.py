"""The command line's refusals: each is one clear line on standard error
with a non-zero exit status, never a Swift value dump such as
`Refusal<Code>(code: ...)`. Runs the debug binary run.sh built, on a database
of its own."""
import pathlib
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "nakano-center"


def run(*arguments):
    with tempfile.TemporaryDirectory() as directory:
        command = [str(BINARY), *arguments, "--config-dir", str(ROOT / "Config"),
                   "--schedules-dir", str(ROOT / "schedules"), "--database", directory + "/center.sqlite"]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("arguments, message", [
    (["token", "create", "--role", "staff", "--name", "Desk", "--expires", "2020-01-01T00:00:00+09:00"],
     "cannot create the token: the expiry 2020-01-01T00:00:00+09:00 is not in the future (now: "),
    (["token", "create", "--role", "staff", "--name", "Desk", "--expires", "2027-02-30T00:00:00+09:00"],
     '--expires: no such day: "2027-02-30" (2027-02 has 28 days)'),
    (["token", "create", "--role", "staff", "--name", "Desk", "--expires", "9999-12-31T00:00:00Z"],
     '--expires must be from 1900-01-01T00:00:00+09:00 to 2200-12-31T23:59:59+09:00, got "9999-12-31T00:00:00Z"'),
    (["token", "create", "--role", "member", "--name", "Chair"],
     "cannot create the token: a member token belongs to a registration"),
    (["token", "create", "--role", "member", "--name", "Chair", "--registration", "first"],
     '--registration must be a registration id such as 12, got "first"'),
    (["token", "revoke", "--id", "999"], "cannot revoke token 999: no live token has id 999"),
    (["token", "revoke", "--id", "-1"], '--id must be a token id (a positive integer), got "-1"'),
    (["serve", "--port", "eighty"], '--port must be 0...65535, got "eighty"'),
])
def test_refusal_is_one_clear_line(arguments, message):
    result = run(*arguments)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    # A message ending in "(now: " names the current time after it.
    assert lines[0] == message if not message.endswith("(now: ") else lines[0].startswith(message)
    assert "Error(" not in result.stderr
