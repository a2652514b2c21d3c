"""The CSV reports, read back with Python's csv module as Excel would open them."""
import csv
import datetime
import io

FISCAL_YEAR_HEADERS = {
    "utilization": ["年度", "年月", "施設ID", "施設", "利用可能コマ数", "予約コマ数", "利用コマ数", "無断キャンセル"],
    "revenue": ["年度", "年月", "指定管理者ID", "指定管理者", "事業者", "使用料", "還付", "減免", "差引収入",
                "うち区の使用料", "うち指定管理者の利用料金"],
    "lockers": ["年度", "年月", "ロッカー数", "貸出中", "新規契約", "契約終了", "賃料"],
}
FIELDS = {
    "utilization": ["fiscal_year", "month", "facility", "facility_name_ja", "open_units", "booked_units", "used_units",
                    "no_show_units"],
    "revenue": ["fiscal_year", "month", "manager", "manager_label", "operator_ja", "fees", "refunds", "exemptions", "net",
                "ward_usage_fees", "manager_fee_income"],
    "lockers": ["fiscal_year", "month", "lockers", "leased", "started", "ended", "fees"],
}


def fiscal_year(date_text):
    date = datetime.date.fromisoformat(date_text)
    return date.year if date.month >= 4 else date.year - 1


def read_csv(response):
    assert response.status == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.body.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"), newline="")))


def check_report(center, name, year):
    path = f"/reports/{name}?fiscal_year={year}"
    lines = center.get(path, token=center.admin_token).json()
    rows = read_csv(center.get(path + "&format=csv", token=center.admin_token))
    assert rows[0] == FISCAL_YEAR_HEADERS[name]
    assert len(rows) == len(lines) + 1
    for row, line in zip(rows[1:], lines):
        assert row == [str(line[key]) for key in FIELDS[name]]
    return lines


def test_utilization_csv_matches_json_and_counts_the_bookings(center, bookings):
    year = fiscal_year(bookings.dates[0])
    lines = check_report(center, "utilization", year)
    month = bookings.dates[0][:7]
    line = next(l for l in lines if l["facility"] == "meeting-room-1" and l["month"] == month)
    assert line["booked_units"] >= 2
    assert line["open_units"] > line["booked_units"]


def test_revenue_csv_matches_json_and_holds_the_paid_fee(center, bookings):
    year = fiscal_year(bookings.dates[0])
    lines = check_report(center, "revenue", year)
    paid = center.get(f"/bookings/{bookings.paid}", token=center.admin_token).json()
    assert sum(line["fees"] for line in lines) == paid["fee_total"]


def test_utilization_has_a_line_per_month_for_the_flexible_desks(center, bookings):
    lines = center.get(f"/reports/utilization?fiscal_year={fiscal_year(bookings.dates[0])}", token=center.admin_token).json()
    assert len([line for line in lines if line["facility"] == "flexible-desks"]) == 12


def test_lockers_csv_matches_json(center, bookings):
    lines = check_report(center, "lockers", fiscal_year(bookings.dates[0]))
    assert len(lines) == 12


def test_accept_header_gives_the_same_csv(center, bookings):
    year = fiscal_year(bookings.dates[0])
    by_header = center.get(f"/reports/utilization?fiscal_year={year}", token=center.admin_token,
                           headers={"Accept": "text/csv"})
    assert by_header.headers["content-disposition"] == f'attachment; filename="utilization-FY{year}.csv"'
    assert read_csv(by_header)[0] == FISCAL_YEAR_HEADERS["utilization"]


def test_community_quota_csv_matches_json(center, bookings):
    month = bookings.dates[0][:7]
    lines = center.get(f"/reports/community-quota?month={month}", token=center.admin_token).json()
    rows = read_csv(center.get(f"/reports/community-quota?month={month}&format=csv", token=center.admin_token))
    assert "利用可能コマ数" in rows[0]
    assert [row[1] for row in rows[1:]] == [line["facility"] for line in lines]
    assert [int(row[4]) for row in rows[1:]] == [line["bookable_units"] for line in lines]


def test_bad_fiscal_year_is_422(center):
    assert center.get("/reports/utilization?fiscal_year=abc", token=center.admin_token).status == 422
