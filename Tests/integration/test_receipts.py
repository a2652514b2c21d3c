"""The counter's money and search as clients use them: a receipt printed by
headless Chromium on one A5 (or A4) page, the day's takings read by Python's
csv module as Excel would, and a Japanese name search."""
import csv
import io
import os
import re
import subprocess
import tempfile
import urllib.parse

import pytest

from conftest import REGISTRATION_NAME, japan_today
from test_board import chromium

# PDF points (1/72 inch): A5 landscape and A4 portrait.
A5_LANDSCAPE = (595.3, 419.5)
A4_PORTRAIT = (595.3, 841.9)


@pytest.fixture(scope="module")
def receipt(center, bookings):
    """The receipt of the paid booking's payment, issued once."""
    return center.post(f"/bookings/{bookings.paid}/receipt", {})


def test_the_receipt_names_the_payer_amount_purpose_and_issuer(center, receipt):
    lines = receipt["lines"]
    assert lines[0] == "領収書"
    assert re.fullmatch(r"No\. \d{4}-000001（令和\d+年度）", lines[1])
    assert f"{REGISTRATION_NAME} 様" in lines
    assert receipt["amount"] > 0 and f"金額 ¥{receipt['amount']:,}-（税込）" in lines
    assert lines[-2:] == ["中野区産業振興センター", receipt["issuer"]]
    again = center.get(f"/receipts/{receipt['number']}", token=center.admin_token).json()
    assert again["lines"] == lines


def print_pdf(center, receipt, paper):
    """The receipt's page as headless Chromium prints it, and the page boxes of the PDF."""
    page = center.get(f"/receipts/{receipt['number']}.html?paper={paper}", token=center.admin_token)
    assert page.status == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    with tempfile.TemporaryDirectory() as work:
        html, pdf = os.path.join(work, "receipt.html"), os.path.join(work, "receipt.pdf")
        with open(html, "wb") as file:
            file.write(page.body)
        dom = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + html],
                             capture_output=True, text=True, timeout=120)
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + html], capture_output=True, text=True, timeout=120)
        assert os.path.exists(pdf), "Chromium printed no PDF"
        data = open(pdf, "rb").read()
    boxes = [tuple(float(v) for v in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", data) for box in [box.decode()]]
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    return dom.stdout, pages, boxes


@pytest.mark.parametrize("paper, size", [("a5", A5_LANDSCAPE), ("a4", A4_PORTRAIT)])
def test_the_receipt_prints_on_one_page_of_its_paper(center, receipt, paper, size):
    dom, pages, boxes = print_pdf(center, receipt, paper)
    for line in receipt["lines"]:
        assert line.replace("&", "&amp;") in dom
    assert pages == 1
    assert boxes and all(abs(w - size[0]) < 2 and abs(h - size[1]) < 2 for w, h in boxes), boxes


def test_the_days_takings_csv_opens_as_excel_reads_it(center, receipt):
    today = japan_today().isoformat()
    report = center.get(f"/reports/daily-takings?date={today}", token=center.admin_token).json()
    response = center.get(f"/reports/daily-takings?date={today}&format=csv", token=center.admin_token)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in response.body
    rows = list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["日付", "支払方法", "入金件数", "入金額", "還付件数", "還付額", "差引"]
    assert [row[1] for row in rows[1:]] == ["現金", "カード", "振込", "請求書払い", "合計"]
    assert rows[-1][3] == str(report["total"]["received"]) and report["total"]["received"] >= receipt["amount"]


def test_a_japanese_name_search_finds_the_registration(center, bookings):
    query = urllib.parse.quote("山田 商店")
    found = center.get(f"/registrations?q={query}", token=center.admin_token)
    assert found.status == 200
    assert bookings.registration in [r["id"] for r in found.json()]
    invalid = center.get("/registrations?q=%8ER%93c", token=center.admin_token)
    assert invalid.status == 400 and invalid.json()["error"]["code"] == "invalid_encoding"
