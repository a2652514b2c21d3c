"""/board rendered by headless Chromium at 1920×1080, with a screenshot."""
import os
import shutil
import struct
import subprocess

import pytest

from conftest import japan_today


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("chromium is not installed (run.sh could not install it with apt-get)")
    return path


def run_chromium(*arguments):
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--window-size=1920,1080", "--enable-logging=stderr", "--v=0", *arguments],
                          capture_output=True, text=True, timeout=120)


def test_board_is_public_html(center):
    response = center.get("/board")
    assert response.status == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<meta http-equiv="refresh" content="60">' in response.text


def test_board_loads_in_chromium_without_errors(center):
    result = run_chromium("--dump-dom", center.url + "/board")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "本日の施設利用状況" in result.stdout
    assert "会議室1" in result.stdout
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []


@pytest.fixture(scope="module")
def gym_closed_today(center):
    """An ad-hoc closure of the gym today, so the board shows one."""
    today = japan_today().isoformat()
    center.post("/closures", {"date": today, "facilities": ["gym"], "reason_en": "air-conditioning inspection",
                              "reason_ja": "空調設備の点検"})
    return today


def test_board_shows_todays_closure_with_its_reason(center, gym_closed_today):
    text = center.get("/board").text
    assert "臨時休館：空調設備の点検" in text
    assert "<strong>体育室</strong>" in text


def test_board_screenshot_is_1920_by_1080(center, bookings, gym_closed_today):
    path = os.environ.get("BOARD_SCREENSHOT", os.path.abspath(".build/board.png"))
    if os.path.exists(path):
        os.remove(path)
    result = run_chromium(f"--screenshot={path}", center.url + "/board")
    assert result.returncode == 0, result.stderr[-2000:]
    with open(path, "rb") as file:
        header = file.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (1920, 1080)
