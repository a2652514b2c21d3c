"""The day's work in a real browser, on the server's clock of Wednesday
2 December 2026, 9:40 in Japan (run.sh). At the desk PC a staff member
signs in, finds a registration by name, books the 3F large meeting room
from the month grid after the fee, and cancels another booking with the
refund shown first; registers a freelancer, which prints the sign-up slip.
On the freelancer's phone: sign-up with the slip's code, a desk for the
afternoon, and check-in with the code the lobby screen shows. A planner
dry-runs a delay and sees the booking it would displace. Every page through
axe-core, the validator and a screenshot (conftest.check_page)."""
import os
import re

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


def register(center, category, name):
    return center.post("/registrations", {"category": category, "name": name, "contact": "0312345678", "in_ward": True,
                                          "evidence": {}})["id"]


@pytest.fixture(scope="module")
def shop(center):
    """A general registration the front desk will find by its name."""
    return register(center, "general", "中野 スタジオ")


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


# --- The front desk -----------------------------------------------------------

def test_staff_open_the_desk_and_find_a_registration_by_name(browser, url, shop):
    sign_in(browser, url, os.environ["STAFF_LOGIN"], os.environ["STAFF_PASSWORD"])
    assert heading(browser) == "窓口業務"
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "利用登録を探す"))
    fill(browser, q="すたじお")
    submit(browser)
    assert last_status(browser) == 200
    check_page(browser, "desk-registrations-found")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, str(shop)))
    assert heading(browser) == "中野 スタジオ"
    check_page(browser, "desk-registration")


def test_staff_book_the_third_floor_large_meeting_room_after_the_fee(browser, url, shop, shared):
    browser.get(f"{url}/desk/registrations/{shop}")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "部屋を予約する"))
    assert browser.find_element(By.CSS_SELECTOR, "#facility option[selected]").text == "大会議室（3階）"
    check_page(browser, "desk-book-grid")
    for division in ("am", "pm"):
        box = browser.find_element(By.ID, f"slot-2026-12-16-{division}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    fill(browser, attendees="40", purpose="写真の展示会の準備")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='料金を確認する']"))
    assert heading(browser) == "予約内容と使用料の確認", browser.find_element(By.TAG_NAME, "main").text
    facts = browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "大会議室" in facts and "令和8年12月16日(水)" in facts
    fee = re.search(r"使用料の合計\s*(¥[\d,]+)", facts)
    assert fee, facts
    shared["fee"] = fee.group(1)
    check_page(browser, "desk-book-confirm")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='予約を確定する']"))
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "予約しました。"
    assert shared["fee"] in browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "仮予約（未入金）" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    shared["booking"] = browser.current_url.split("/desk/bookings/")[1].split("?")[0]
    check_page(browser, "desk-booking")


def test_a_taken_division_is_no_longer_a_box_to_tick(browser, url, shop):
    browser.get(f"{url}/desk/book?registration={shop}&facility=large-meeting-room&month=2026-12")
    assert not browser.find_elements(By.ID, "slot-2026-12-16-am")
    cell = browser.find_element(By.XPATH, "//tr[th='12/16(水)']/td[1]")
    assert cell.text == "予約済み"


def test_todays_sheet_lists_the_day_and_prints(browser, url, center, shop):
    center.post("/bookings", {"facility": "meeting-room-1", "date": TODAY, "divisions": ["pm"], "registration": shop,
                              "purpose": "打合せ", "attendees": 6})
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "本日の予約表"))
    assert heading(browser).startswith("本日の予約表")
    assert "中野 スタジオ" in browser.find_element(By.CSS_SELECTOR, "table.sheet").text
    check_page(browser, "desk-today", print_too=True)
    click_and_wait(browser, browser.find_element(By.XPATH, "//table[contains(@class,'sheet')]//button[normalize-space()='入金を記録']"))
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "入金を記録しました。"
    click_and_wait(browser, browser.find_element(By.XPATH, "//table[contains(@class,'sheet')]//button[normalize-space()='チェックイン']"))
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "チェックインしました。"
    assert "利用中" in browser.find_element(By.CSS_SELECTOR, "table.sheet").text


def test_cancelling_shows_the_refund_first(browser, url, center, shop):
    booking = center.post("/bookings", {"facility": "japanese-room", "date": "2026-12-23", "divisions": ["am"],
                                        "registration": shop, "purpose": "茶会", "attendees": 8})
    center.post(f"/bookings/{booking['id']}/payment")
    browser.get(f"{url}/desk/bookings/{booking['id']}")
    refund = browser.find_element(By.CSS_SELECTOR, ".refund").text
    assert "100%" in refund and "21日前" in refund, refund
    check_page(browser, "desk-booking-cancel")
    submit_cancel = browser.find_element(By.XPATH, "//button[normalize-space()='予約を取り消す']")
    click_and_wait(browser, submit_cancel)
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "予約を取り消しました。"
    assert "取消し（利用者）" in browser.find_element(By.CSS_SELECTOR, ".facts").text


def test_closures_by_room(browser, url):
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "休館日"))
    assert heading(browser) == "休館日"
    assert "年末年始" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, "desk-closures")


def test_staff_register_a_freelancer_and_print_the_slip(browser, url, shared):
    browser.get(url + "/desk/registrations/new")
    check_page(browser, "desk-registration-new")
    submit(browser)
    assert error_of(browser, "name") == "氏名・団体名を入力してください。"
    check_page(browser, "desk-registration-new-error")
    browser.find_element(By.CSS_SELECTOR, "#category option[value=freelancer]").click()
    fill(browser, name="田中 みなみ", contact="090-1234-5678")
    submit(browser)
    assert last_status(browser) == 201
    assert heading(browser) == "サインアップコードのお知らせ"
    assert "利用登録をしました" in browser.find_element(By.CSS_SELECTOR, ".notice").text
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
    assert "チェックイン済み" in phone.find_element(By.CSS_SELECTOR, "ul.cards").text
    check_page(phone, "member-checked-in-phone")


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
