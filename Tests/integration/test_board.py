"""/board rendered by headless Chromium at 1920×1080, with a screenshot."""
import os
import shutil
import struct
import subprocess

import pytest


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


def test_board_screenshot_is_1920_by_1080(center):
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
