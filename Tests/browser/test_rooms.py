"""The ward facilities' ways of booking in a real browser, on the server's
clock of Wednesday 2 December 2026, 9:40 (run.sh), inside the lottery's
entry period for January 2027 (the 1st to the 9th). A general group's
member enters the gym's lottery on a phone and reads the round's public
page; the same member waits for a taken room slot, and when its holder
cancels, sees the offer on the home page and takes it. At the desk PC a
staff member books a weekly series and reads each date's answer, and books
a consultation room by the hour, and the nursery room alone with the
approval the rule asks for. Every page through axe-core, the validator and a
screenshot (conftest.check_page)."""
import os

import pytest
from selenium.webdriver.common.by import By

from conftest import check_page, last_status
from test_pages import click_and_wait, fill, heading, sign_in, sign_out, submit

MEMBER_LOGIN = "nakano.badminton"
MEMBER_PASSWORD = "hane-wo-utsu-suiyoubi-no-yoru"


def press(driver, label, within=""):
    click_and_wait(driver, driver.find_element(By.XPATH, f"{within}//button[normalize-space()='{label}']"))


def set_values(driver, **fields):
    for name, value in fields.items():
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, name), value)


@pytest.fixture(scope="module")
def club(center):
    """A general group with a member account, signed up with its code."""
    return center.post("/registrations", {"category": "general", "name": "中野バドミントンクラブ", "contact": "0353331111",
                                          "in_ward": True, "evidence": {}})["id"]


@pytest.fixture(scope="module")
def holder(center):
    return center.post("/registrations", {"category": "general", "name": "先に予約した会", "contact": "0353332222",
                                          "in_ward": True, "evidence": {}})["id"]


def test_the_clubs_member_signs_up_and_enters_the_gyms_lottery(phone, url, center, club):
    code = center.post(f"/registrations/{club}/signup-code")["code"]
    phone.delete_all_cookies()
    phone.get(url + "/signup")
    fill(phone, code=code, login=MEMBER_LOGIN, password=MEMBER_PASSWORD, password_again=MEMBER_PASSWORD)
    submit(phone)
    assert heading(phone) == "マイページ"
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "抽選の申込みと結果"))
    assert heading(phone) == "抽選の申込み"
    assert "申込み受付中" in phone.find_element(By.TAG_NAME, "main").text
    check_page(phone, "member-lottery-phone")
    phone.find_element(By.CSS_SELECTOR, "#facility option[value=gym]").click()
    set_values(phone, date="2027-01-13")
    for division in ("division-am", "division-pm"):
        box = phone.find_element(By.ID, division)
        phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    fill(phone, purpose="バドミントン練習会", attendees="24")
    press(phone, "抽選に申し込む")
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text.startswith("抽選に申し込みました。")
    assert "申込み済み（抽選待ち）" in phone.find_element(By.TAG_NAME, "main").text
    check_page(phone, "member-lottery-entered-phone")


def test_the_rounds_public_page_shows_the_commitment_and_no_names(phone, url):
    phone.get(url + "/lottery/halls-general/2027-01")
    main = phone.find_element(By.TAG_NAME, "main").text
    assert "申込み受付中" in main and "中野バドミントンクラブ" not in main
    commitment = phone.find_element(By.XPATH, "//dt[normalize-space()='種のハッシュ（SHA-256）']/following-sibling::dd[1]").text
    assert len(commitment) == 64 and all(c in "0123456789abcdef" for c in commitment), commitment
    check_page(phone, "lottery-round-phone")
    phone.get(url + "/lottery")
    check_page(phone, "lottery-rounds-phone")


def test_the_member_waits_for_a_taken_slot(phone, url, center, holder):
    center.post("/bookings", {"facility": "creative-room", "date": "2026-12-18", "divisions": ["pm"], "registration": holder,
                              "purpose": "研修", "attendees": 10})
    phone.get(url + "/my/waiting")
    assert heading(phone) == "キャンセル待ち"
    phone.find_element(By.CSS_SELECTOR, "#facility option[value=creative-room]").click()
    set_values(phone, date="2026-12-18")
    phone.find_element(By.CSS_SELECTOR, "#division option[value=pm]").click()
    fill(phone, purpose="作戦会議", attendees="12")
    press(phone, "キャンセル待ちに申し込む")
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text == "キャンセル待ちに申し込みました。"
    assert "待っています（1番目）" in phone.find_element(By.CSS_SELECTOR, "ul.cards").text
    check_page(phone, "member-waiting-phone")


def test_when_the_slot_frees_the_member_sees_the_offer_and_takes_it(phone, url, center, holder):
    booking = center.send("GET", f"/bookings?registration={holder}")
    first = booking[0] if isinstance(booking, list) else booking["bookings"][0]
    center.post(f"/bookings/{first['id']}/cancel", {"reason": "予定の変更"})
    phone.get(url + "/")
    offer = phone.find_element(By.CSS_SELECTOR, "section.offer").text
    assert "キャンセル待ちの枠が空きました" in offer and "までにお返事ください" in offer, offer
    check_page(phone, "member-home-offer-phone")
    press(phone, "予約する（承諾）")
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text.startswith("キャンセル待ちの枠を予約しました")
    assert "創作室" in phone.find_element(By.CSS_SELECTOR, "section[aria-labelledby=bookings]").text
    check_page(phone, "member-home-accepted-phone")


def test_staff_book_a_weekly_series_and_read_each_dates_answer(browser, url, center, club):
    center.post("/bookings", {"facility": "meeting-room-2", "date": "2026-12-15", "divisions": ["night"],
                              "registration": club, "purpose": "別の会", "attendees": 5})
    sign_in(browser, url, os.environ["STAFF_LOGIN"], os.environ["STAFF_PASSWORD"])
    browser.get(f"{url}/desk/registrations/{club}")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "定期利用で予約する"))
    assert heading(browser) == "定期利用の予約"
    check_page(browser, "desk-series-new")
    browser.find_element(By.CSS_SELECTOR, "#facility option[value=meeting-room-2]").click()
    browser.find_element(By.ID, "division-night").click()
    browser.find_element(By.ID, "weekday-tuesday").click()
    set_values(browser, **{"from": "2026-12-03", "through": "2026-12-28"})
    fill(browser, purpose="定例の練習会議", attendees="10")
    press(browser, "まとめて予約する")
    assert last_status(browser) == 201
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "3日のうち2日を予約しました。" in main, main
    assert "予約できません" in main
    check_page(browser, "desk-series-outcome")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "定期利用のページを開く"))
    check_page(browser, "desk-series")


def test_staff_book_a_consultation_room_by_the_hour(browser, url, club):
    browser.get(f"{url}/desk/book?registration={club}&facility=consultation-room-1&month=2026-12")
    check_page(browser, "desk-book-hourly-grid")
    for hour in ("h14", "h15"):
        box = browser.find_element(By.ID, f"slot-2026-12-17-{hour}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    fill(browser, attendees="3", purpose="創業相談")
    press(browser, "料金を確認する")
    facts = browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "14:00〜16:00" in facts and "¥600" in facts, facts
    press(browser, "予約を確定する")
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "予約しました。"
    check_page(browser, "desk-booking-hourly")
    sign_out(browser)


def test_staff_book_the_nursery_room_alone_with_an_approval(browser, url, center):
    parents = center.post("/registrations", {"category": "general", "name": "中野子育てひろば", "contact": "0353333333",
                                             "in_ward": True, "evidence": {}})["id"]
    sign_in(browser, url, os.environ["STAFF_LOGIN"], os.environ["STAFF_PASSWORD"])
    browser.get(f"{url}/desk/book?registration={parents}&facility=nursery-room&month=2026-12")
    assert "この部屋だけを使う場合の承認" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, "desk-book-nursery-grid")
    box = browser.find_element(By.ID, "slot-2026-12-17-am")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    fill(browser, attendees="6", purpose="創業者向け講座の託児", approved_by="受付 佐藤", approval_reason="センター主催講座の託児")
    press(browser, "料金を確認する")
    facts = browser.find_element(By.CSS_SELECTOR, ".facts").text
    assert "受付 佐藤（センター主催講座の託児）" in facts, facts
    press(browser, "予約を確定する")
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "予約しました。"
    assert "受付 佐藤" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    check_page(browser, "desk-booking-nursery")
    sign_out(browser)
