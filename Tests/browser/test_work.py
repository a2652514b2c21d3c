"""The day's work in a real browser, on the server's clock of Wednesday
2 December 2026, 9:40 in Japan (run.sh). At the desk PC a staff member
signs in, finds a registration by its フリガナ, books the 3F large meeting
room from the month grid after the fee quote, takes a part payment and the
rest, and opens the receipt; on today's sheet takes a payment, checks a
booking in and marks another a no-show; cancels a booking with the refund
shown first and pays the refund out; declares a closure after the bookings
it hits are shown; registers a freelancer, warned of a possible duplicate,
which prints the sign-up slip. On the freelancer's phone: sign-up with the
slip's code, a desk for the afternoon, check-in with the code the lobby
screen shows, and the calendar address. A planner dry-runs a delay and sees
the booking it would displace. Every page through axe-core, the validator
and a screenshot (conftest.check_page)."""
import os
import re
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import check_page, last_status
from test_pages import click_and_wait, error_of, fill, heading, sign_in, sign_out, submit

TODAY = os.environ.get("CENTER_TODAY", "2026-12-02")
FREELANCER_LOGIN = "tanaka.freelance"
FREELANCER_PASSWORD = "nakano-de-shigoto-wo-suru-hi"


def set_values(driver, **fields):
    """Date and month fields take their value as the page would send it:
    typing into them follows the browser's locale."""
    for name, value in fields.items():
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, name), value)


def register(center, category, name, kana=None, contact="0312345678"):
    body = {"category": category, "name": name, "contact": contact, "in_ward": True, "evidence": {}}
    if kana:
        body["name_kana"] = kana
    return center.post("/registrations", body)["id"]


@pytest.fixture(scope="module")
def shop(center):
    """A general registration the front desk will find by its フリガナ."""
    return register(center, "general", "中野写真館", kana="ナカノ シャシンカン")


@pytest.fixture(scope="module")
def ward_booking(center):
    """The ward's booking of the event corner in October 2027, inside the
    layout works' closure once it is delayed a month."""
    ward = register(center, "ward", "中野区 産業振興課")
    return center.post("/bookings", {"facility": "event-corner", "date": "2027-10-15", "divisions": ["am"],
                                     "registration": ward, "purpose": "説明会", "attendees": 20})["id"]


@pytest.fixture(scope="module")
def shared():
    return {}


def notice(driver):
    return driver.find_element(By.CSS_SELECTOR, ".notice").text


def press(driver, label, within=""):
    """Clicks the button labelled `label` (inside the XPath `within`) and waits for the next page."""
    click_and_wait(driver, driver.find_element(By.XPATH, f"{within}//button[normalize-space()='{label}']"))


# --- The front desk -----------------------------------------------------------

def test_staff_open_the_desk_and_find_a_registration_by_its_kana(browser, url, shop):
    sign_in(browser, url, os.environ["STAFF_LOGIN"], os.environ["STAFF_PASSWORD"])
    assert heading(browser) == "窓口業務"
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "利用登録を探す"))
    fill(browser, q="しゃしんかん")
    submit(browser)
    assert last_status(browser) == 200
    assert "シャシンカン" in browser.find_element(By.CSS_SELECTOR, "table.data").text
    check_page(browser, "desk-registrations-found")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, str(shop)))
    assert heading(browser) == "中野写真館"
    assert "指定管理者" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    check_page(browser, "desk-registration")


def test_a_registration_is_found_by_the_last_digits_of_its_phone(browser, url, shop):
    browser.get(url + "/desk/registrations?q=5678")
    assert str(shop) in browser.find_element(By.CSS_SELECTOR, "table.data").text


def test_staff_book_the_third_floor_large_meeting_room_after_the_fee_quote(browser, url, shop, shared):
    browser.get(f"{url}/desk/registrations/{shop}")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "部屋を予約する"))
    assert browser.find_element(By.CSS_SELECTOR, "#facility option[selected]").text == "大会議室（3階）"
    check_page(browser, "desk-book-grid")
    for division in ("am", "pm"):
        box = browser.find_element(By.ID, f"slot-2026-12-16-{division}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    fill(browser, attendees="40", purpose="写真の展示会の準備")
    press(browser, "料金を確認する")
    assert heading(browser) == "予約内容と使用料の確認", browser.find_element(By.TAG_NAME, "main").text
    facts = browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "大会議室" in facts and "令和8年12月16日(水)" in facts and "お支払いの期限（いま予約した場合）" in facts
    fee = re.search(r"使用料の合計\s*(¥[\d,]+)", facts)
    assert fee, facts
    shared["fee"] = fee.group(1)
    check_page(browser, "desk-book-confirm")
    press(browser, "予約を確定する")
    assert notice(browser) == "予約しました。"
    assert shared["fee"] in browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "仮予約" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    shared["booking"] = browser.current_url.split("/desk/bookings/")[1].split("?")[0]
    check_page(browser, "desk-booking")


def test_staff_take_a_part_payment_then_the_rest_and_open_the_receipt(browser, url, shared):
    browser.get(f"{url}/desk/bookings/{shared['booking']}")
    fee = int(shared["fee"].replace("¥", "").replace(",", ""))
    assert browser.find_element(By.ID, "amount").get_attribute("value") == str(fee)
    fill(browser, amount="1000")
    browser.find_element(By.CSS_SELECTOR, "#method option[value=cash]").click()
    press(browser, "入金を記録する")
    assert notice(browser).startswith("入金を記録しました。")
    ledger = browser.find_element(By.CSS_SELECTOR, "section.ledger").text
    assert "一部入金" in ledger and "¥1,000" in ledger, ledger
    check_page(browser, "desk-booking-part-paid")
    assert browser.find_element(By.ID, "amount").get_attribute("value") == str(fee - 1000)
    browser.find_element(By.CSS_SELECTOR, "#method option[value=card]").click()
    press(browser, "入金を記録する")
    assert "入金済" in browser.find_element(By.CSS_SELECTOR, "section.ledger").text
    assert not browser.find_elements(By.ID, "amount")
    buttons = browser.find_elements(By.XPATH, "//section[contains(@class,'ledger')]//button[normalize-space()='領収書を発行']")
    assert len(buttons) == 2
    click_and_wait(browser, buttons[1])
    assert last_status(browser) == 200
    assert "/desk/receipts/2026-" in browser.current_url
    receipt = browser.find_element(By.TAG_NAME, "main").text
    assert "領収書" in receipt and "中野写真館" in receipt and f"¥{fee - 1000:,}" in receipt, receipt
    assert "使用料の一部として" in receipt
    check_page(browser, "desk-receipt", print_too=True)
    browser.get(f"{url}/desk/bookings/{shared['booking']}")
    assert browser.find_elements(By.CSS_SELECTOR, "a.receipt-link")


def test_a_taken_division_is_no_longer_a_box_to_tick_but_can_be_waited_for(browser, url, shop):
    browser.get(f"{url}/desk/book?registration={shop}&facility=large-meeting-room&month=2026-12")
    assert not browser.find_elements(By.ID, "slot-2026-12-16-am")
    cell = browser.find_element(By.XPATH, "//tr[th='12/16(水)']/td[1]")
    assert cell.text.startswith("予約済み") and "キャンセル待ち" in cell.text


def test_todays_sheet_takes_payment_checks_in_and_marks_a_no_show(browser, url, center, shop):
    afternoon = center.post("/bookings", {"facility": "meeting-room-1", "date": TODAY, "divisions": ["pm"],
                                          "registration": shop, "purpose": "打合せ", "attendees": 6})
    morning = center.post("/bookings", {"facility": "meeting-room-2", "date": TODAY, "divisions": ["am"],
                                        "registration": shop, "purpose": "面談", "attendees": 4})
    browser.get(url + "/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "本日の予約表"))
    assert heading(browser).startswith("本日の予約表")
    assert "中野写真館" in browser.find_element(By.CSS_SELECTOR, "table.sheet").text
    check_page(browser, "desk-today", print_too=True)
    row = f"//table[contains(@class,'sheet')]//tr[th/a='{afternoon['id']}']"
    click_and_wait(browser, browser.find_element(By.XPATH, row + "//a[normalize-space()='入金']"))
    assert browser.current_url.endswith(f"/desk/bookings/{afternoon['id']}#payment")
    press(browser, "入金を記録する")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "本日の予約表"))
    press(browser, "チェックイン", within=row)
    assert notice(browser) == "チェックインしました。"
    assert "利用中" in browser.find_element(By.XPATH, row).text
    press(browser, "無断キャンセル", within=f"//table[contains(@class,'sheet')]//tr[th/a='{morning['id']}']")
    assert notice(browser).startswith("無断キャンセルを記録しました。")
    assert "無断不使用" in browser.find_element(By.XPATH, f"//tr[th/a='{morning['id']}']").text
    check_page(browser, "desk-today-after")


def test_cancelling_shows_the_refund_first_and_the_ledger_after(browser, url, center, shop):
    booking = center.post("/bookings", {"facility": "japanese-room", "date": "2026-12-23", "divisions": ["am"],
                                        "registration": shop, "purpose": "茶会", "attendees": 8})
    center.post(f"/bookings/{booking['id']}/payment")
    browser.get(f"{url}/desk/bookings/{booking['id']}")
    refund = browser.find_element(By.CSS_SELECTOR, ".refund").text
    assert "100%" in refund and "21日前" in refund, refund
    check_page(browser, "desk-booking-cancel")
    press(browser, "予約を取り消す")
    assert notice(browser) == "予約を取り消しました。"
    assert "取消し（利用者）" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    refunds = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=refunds]").text
    assert "取消し" in refunds and "(100%)" in refunds.replace("（", "(").replace("）", ")"), refunds
    check_page(browser, "desk-booking-refund")
    press(browser, f"¥{booking['fee_total']:,} を支払う")
    assert notice(browser) == "還付金の支払を記録しました。"


def test_a_closure_shows_the_bookings_it_hits_then_cancels_only_the_closed_day(browser, url, center, shop):
    booking = center.post("/bookings", {"facility": "japanese-room", "date": "2026-12-24", "days": 2, "divisions": ["pm"],
                                        "registration": shop, "purpose": "写真展", "attendees": 8})
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "休館日"))
    assert heading(browser) == "休館日"
    assert "年末年始" in browser.find_element(By.TAG_NAME, "main").text
    set_values(browser, date="2026-12-25")
    browser.find_element(By.ID, "closure-japanese-room").click()
    fill(browser, reason_ja="畳の張り替え")
    press(browser, "かかる予約を確かめる")
    assert heading(browser) == "臨時休館の確認"
    assert str(booking["id"]) in browser.find_element(By.CSS_SELECTOR, "table.data").text
    assert browser.find_element(By.ID, f"whole-{booking['id']}")
    check_page(browser, "desk-closure-check")
    press(browser, "臨時休館を登録する")
    assert notice(browser).startswith("臨時休館を登録しました。")
    closure = browser.find_element(By.CSS_SELECTOR, "article.closure").text
    assert "畳の張り替え" in closure and "休館の日だけ取消し：12/25(金)" in closure, closure
    check_page(browser, "desk-closures")


def test_staff_register_a_freelancer_warned_of_a_possible_duplicate(browser, url, center, shared):
    register(center, "general", "田中 みなみ", contact="08055556666")
    browser.get(url + "/desk/registrations/new")
    check_page(browser, "desk-registration-new")
    submit(browser)
    assert error_of(browser, "name") == "氏名・団体名を入力してください。"
    check_page(browser, "desk-registration-new-error")
    browser.find_element(By.CSS_SELECTOR, "#category option[value=freelancer]").click()
    fill(browser, name="田中みなみ", name_kana="タナカ ミナミ", contact="080-5555-6666", postal_code="164-0001",
         address="中野区中野2-13-14")
    submit(browser)
    assert last_status(browser) == 409
    warning = browser.find_element(By.CSS_SELECTOR, "fieldset.duplicates").text
    assert "氏名と電話番号が同じ" in warning, warning
    check_page(browser, "desk-registration-duplicate")
    browser.find_element(By.ID, "confirm_new").click()
    submit(browser)
    assert last_status(browser) == 201
    assert heading(browser) == "サインアップコードのお知らせ"
    assert "利用登録をしました" in notice(browser)
    assert "指定管理者" in browser.find_element(By.CSS_SELECTOR, ".slip").text
    shared["code"] = browser.find_element(By.CSS_SELECTOR, ".signup-code").text
    check_page(browser, "desk-registration-slip", print_too=True)


def test_the_lobby_screen_shows_the_check_in_code(browser, url, shared):
    browser.get(url + "/")
    link = browser.find_element(By.CSS_SELECTOR, "a.board-link").get_attribute("href")
    browser.get(url + "/board")
    assert "チェックインコード" not in browser.page_source
    browser.get(link)
    shared["lobby_code"] = browser.find_element(By.CSS_SELECTOR, ".lobby-code strong").text
    assert re.fullmatch(r"\d{3} \d{3}", shared["lobby_code"]), shared["lobby_code"]
    browser.get(url + "/")
    sign_out(browser)


# --- The freelancer on a phone ------------------------------------------------

def test_the_freelancer_signs_up_with_the_slips_code(phone, url, shared):
    phone.delete_all_cookies()
    phone.get(url + "/signup")
    fill(phone, code=shared["code"], login=FREELANCER_LOGIN, password=FREELANCER_PASSWORD, password_again=FREELANCER_PASSWORD)
    submit(phone)
    assert heading(phone) == "マイページ"
    check_page(phone, "member-home-new-phone")


def test_the_freelancer_books_a_desk_for_the_afternoon(phone, url):
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "フリーデスクを予約する"))
    assert heading(phone) == "フリーデスクの予約"
    check_page(phone, "member-desks-phone")
    row = phone.find_element(By.XPATH, "//table[contains(@class,'desks')]//tr[th='12/2(水)']")
    click_and_wait(phone, row.find_elements(By.TAG_NAME, "button")[1])
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text == "フリーデスクを予約しました。"
    assert "本日のチェックイン" in phone.find_element(By.TAG_NAME, "main").text
    check_page(phone, "member-booked-phone")


def test_a_wrong_code_is_named_next_to_the_field(phone, url):
    field = phone.find_element(By.CSS_SELECTOR, "form.check-in input[inputmode=numeric]")
    field.send_keys("000000")
    click_and_wait(phone, phone.find_element(By.XPATH, "//form[contains(@class,'check-in')]//button"))
    field = phone.find_element(By.CSS_SELECTOR, "form.check-in input[inputmode=numeric]")
    message = error_of(phone, field.get_attribute("id"))
    assert message.startswith("チェックインコードが違います。"), message
    check_page(phone, "member-check-in-error-phone")


def test_the_freelancer_checks_in_with_the_lobby_code(phone, url, shared):
    field = phone.find_element(By.CSS_SELECTOR, "form.check-in input[inputmode=numeric]")
    field.clear()
    field.send_keys(shared["lobby_code"])
    click_and_wait(phone, phone.find_element(By.XPATH, "//form[contains(@class,'check-in')]//button"))
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text == "チェックインしました。"
    assert "利用中" in phone.find_element(By.CSS_SELECTOR, "ul.cards").text
    check_page(phone, "member-checked-in-phone")


def test_the_freelancer_makes_a_calendar_address(phone, url):
    press(phone, "配信用URLを発行する")
    assert heading(phone) == "カレンダー配信用のURL"
    address = phone.find_element(By.ID, "feed-url").get_attribute("value")
    assert re.fullmatch(re.escape(url) + r"/feeds/nkf_[0-9a-f]{64}/calendar\.ics", address), address
    check_page(phone, "member-calendar-url-phone")
    with urllib.request.urlopen(address, timeout=10) as feed:
        assert feed.read().decode("utf-8").startswith("BEGIN:VCALENDAR")
    phone.get(url + "/")
    assert "発行済みです" in phone.find_element(By.CSS_SELECTOR, "section[aria-labelledby=calendar]").text


# --- The planner --------------------------------------------------------------

def test_the_planner_sees_the_roadmap_as_of_a_date(browser, url):
    sign_in(browser, url, os.environ["PLANNER_LOGIN"], os.environ["PLANNER_PASSWORD"])
    assert heading(browser) == "改修ロードマップ"
    set_values(browser, as_of="2027-09-30")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='この日で見る']"))
    assert "令和9年9月30日" in browser.find_element(By.TAG_NAME, "caption").text
    image = browser.find_element(By.CSS_SELECTOR, ".chart img")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image)
    check_page(browser, "planner-roadmap")


def test_the_planner_dry_runs_a_delay_and_sees_what_it_displaces(browser, url, ward_booking):
    browser.get(url + "/planner/items/layout-circulation-works")
    check_page(browser, "planner-item")
    set_values(browser, planned_end="2027-10", closure_0_from="2027-08-01", closure_0_to="2027-10-31")
    browser.find_element(By.CSS_SELECTOR, "#status option[value=delayed]").click()
    submit(browser)
    assert heading(browser).startswith("試算の結果"), browser.find_element(By.TAG_NAME, "main").text
    assert "取り消される予約：1件" in browser.find_element(By.TAG_NAME, "main").text
    assert str(ward_booking) in browser.find_element(By.CSS_SELECTOR, "table.data").text
    check_page(browser, "planner-dry-run")


def test_the_planner_closures_and_manager_terms(browser, url):
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "部屋ごとの休館"))
    assert "イベントコーナー" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, "planner-closures")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "指定管理者"))
    check_page(browser, "planner-managers")
    sign_out(browser)
