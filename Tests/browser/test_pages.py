"""The pages in a real browser. At the desk PC: the sign-in page, a wrong
password, throttling, a staff member's sign-in, a sign-up code printed on
the slip, sign-out. On a phone: a member signs up with a code the front
desk issued through the API and lands on their home page, then signs out
everywhere. The language switch, Japanese to English and back. Every page
is checked by axe-core, kept for the HTML validator and photographed
(conftest.check_page). The tests run in file order and share two browsers."""
import os
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import check_page, last_status

MEMBER_LOGIN = "hanako@example.jp"
MEMBER_PASSWORD = "aoi-sora-no-shita-de-hataraku"
SECOND_MEMBER_LOGIN = "yamada.taro"
SECOND_MEMBER_PASSWORD = "nakano-no-machi-de-mise-wo-hiraku"


def fill(driver, **fields):
    for name, value in fields.items():
        element = driver.find_element(By.ID, name)
        element.clear()
        element.send_keys(value)


def submit(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def click_and_wait(driver, element):
    """Clicks and waits for the next page to have loaded: until then,
    finding an element could find it on the page being left. The page being
    left is marked; the browser may refuse to answer while it navigates."""
    driver.execute_script("window.centerLeaving = true")
    element.click()
    WebDriverWait(driver, 30, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script("return window.centerLeaving !== true && document.readyState === 'complete'"))


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def error_of(driver, field):
    """The error shown for `field`: right after the field, named by its
    aria-describedby, the field marked invalid, and linked from the summary."""
    element = driver.find_element(By.ID, field)
    error = driver.find_element(By.ID, field + "-error")
    follows = driver.execute_script("return arguments[0].nextElementSibling === arguments[1]", element, error)
    assert follows, f"the error of {field} is not right after it"
    assert field + "-error" in (element.get_attribute("aria-describedby") or "").split()
    assert element.get_attribute("aria-invalid") == "true"
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]
    assert any(link.endswith("#" + field) for link in links), f"the summary does not link to {field}"
    return error.text


def sign_in(driver, url, login, password):
    driver.get(url + "/signin")
    fill(driver, login=login, password=password)
    submit(driver)


def sign_out(driver, label="サインアウト"):
    click_and_wait(driver, driver.find_element(By.XPATH, f"//header//button[normalize-space()='{label}']"))


def sign_out_everywhere(driver):
    """The home page's button, under 「ほかの端末でのサインイン」."""
    section = driver.find_element(By.CSS_SELECTOR, "main section[aria-labelledby=other-devices]")
    assert section.find_element(By.TAG_NAME, "h2").text == "ほかの端末でのサインイン"
    click_and_wait(driver, section.find_element(By.XPATH, ".//button[normalize-space()='すべての端末からサインアウト']"))


def new_registration(center, name):
    return center.post("/registrations", {"category": "freelancer", "name": name, "contact": "09012345678",
                                          "in_ward": True, "evidence": {}})["id"]


@pytest.fixture(scope="module")
def slip():
    """What the desk page's slip showed: its registration and code."""
    return {}


# --- At the desk PC ---------------------------------------------------------

def test_root_leads_to_the_sign_in_page(browser, url):
    browser.get(url + "/")
    assert browser.current_url == url + "/signin"
    assert heading(browser) == "サインイン"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    check_page(browser, "signin")


def test_focus_is_visible(browser, url):
    browser.get(url + "/signin")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    assert browser.switch_to.active_element.is_displayed()
    browser.switch_to.active_element.send_keys(Keys.TAB)
    style = browser.execute_script("const s = getComputedStyle(document.activeElement);"
                                   "return [s.outlineStyle, s.outlineWidth]")
    assert style == ["solid", "4px"]


def test_wrong_password_shows_the_error_next_to_the_field(browser, url):
    sign_in(browser, url, os.environ["STAFF_LOGIN"], "not-the-password")
    assert last_status(browser) == 422
    assert error_of(browser, "password") == "ログインIDまたはパスワードが正しくありません。"
    assert browser.find_element(By.ID, "login").get_attribute("value") == os.environ["STAFF_LOGIN"]
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
    check_page(browser, "signin-error")


def test_empty_fields_are_named_each_next_to_its_own(browser, url):
    browser.get(url + "/signin")
    submit(browser)
    assert error_of(browser, "login") == "ログインIDを入力してください。"
    assert error_of(browser, "password") == "パスワードを入力してください。"


@pytest.fixture(scope="module")
def throttle():
    """How long the throttled page said to wait."""
    return {}


def test_repeated_failures_are_throttled_and_audited(browser, url, center, throttle):
    """Five failures are free; then each attempt must wait a growing delay,
    and the page says so under the password field (429, Retry-After)."""
    login = os.environ["THROTTLED_LOGIN"]
    statuses = []
    for _ in range(10):
        sign_in(browser, url, login, "guess-" + str(len(statuses)))
        statuses.append(last_status(browser))
        if statuses[-1] == 429:
            break
    assert statuses[:5] == [422] * 5, statuses
    assert statuses[-1] == 429, statuses
    message = error_of(browser, "password")
    assert message.startswith("サインインの失敗が続いたため、受け付けを一時停止しています。"), message
    wait = re.search(r"(\d+)秒後にもう一度お試しください。", message)
    assert wait, message
    throttle["seconds"] = int(wait.group(1))
    check_page(browser, "signin-throttled")
    failures = [e for e in center.audit() if e["action"] == "signin.failure" and login in (e.get("after") or "")]
    assert len(failures) == statuses.count(422), failures
    assert all("wrong_password" in e["after"] and "127.0.0.1" in e["after"] for e in failures)


def test_the_wait_is_a_delay_not_a_lock(browser, url, throttle):
    """Nothing locks an account: once the wait has passed, the right password
    signs in (and the account starts afresh)."""
    time.sleep(throttle["seconds"] + 1)
    sign_in(browser, url, os.environ["THROTTLED_LOGIN"], os.environ["THROTTLED_PASSWORD"])
    assert heading(browser) == "窓口業務"
    sign_out(browser)
    assert heading(browser) == "サインイン"


def test_staff_sign_in_reaches_the_desk(browser, url):
    sign_in(browser, url, os.environ["STAFF_LOGIN"], os.environ["STAFF_PASSWORD"])
    assert browser.current_url == url + "/"
    assert heading(browser) == "窓口業務"
    assert "desk1" in browser.find_element(By.CSS_SELECTOR, ".who").text
    session = browser.get_cookie("nc_session")
    assert session["httpOnly"] and session["sameSite"] == "Lax" and session["path"] == "/"
    assert "expiry" not in session, "a staff session cookie must end with the browser"
    check_page(browser, "staff-home")


def test_an_unknown_registration_is_named_next_to_the_field(browser, url):
    browser.get(url + "/")
    fill(browser, registration="９９９９")
    submit(browser)
    assert last_status(browser) == 404
    message = error_of(browser, "registration")
    assert "9999" in message and not message[0].isascii(), message
    check_page(browser, "staff-home-error")


def test_staff_print_a_sign_up_code_on_the_slip(browser, url, center, slip):
    registration = new_registration(center, "山田 太郎")
    browser.get(url + "/")
    fill(browser, registration=str(registration))
    submit(browser)
    assert heading(browser) == "サインアップコードのお知らせ"
    code = browser.find_element(By.CSS_SELECTOR, ".signup-code").text
    assert len(code) == 14 and code[4] == "-" and code[9] == "-"
    assert "山田 太郎" in browser.find_element(By.CSS_SELECTOR, ".slip").text
    assert url + "/signup" in browser.find_element(By.CSS_SELECTOR, ".steps").text
    slip.update(code=code, registration=registration)
    check_page(browser, "signup-slip", print_too=True)


def test_staff_sign_out(browser, url):
    browser.get(url + "/")
    sign_out(browser)
    assert browser.current_url == url + "/signin?done=signed-out"
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "サインアウトしました。"
    assert browser.get_cookie("nc_session") is None
    check_page(browser, "signin-signed-out")
    browser.get(url + "/")
    assert browser.current_url == url + "/signin"


# --- On a member's phone ----------------------------------------------------

@pytest.fixture(scope="module")
def api_code(center):
    """A code the front desk issued through the JSON API."""
    registration = new_registration(center, "中野 花子")
    issued = center.post(f"/registrations/{registration}/signup-code")
    assert issued["registration"] == registration and issued["existing_login"] is None
    return issued["code"]


def test_sign_in_page_on_a_phone(phone, url):
    phone.get(url + "/signin")
    assert phone.execute_script("return window.innerWidth") == 360
    check_page(phone, "signin-phone")


def test_sign_up_refuses_differing_passwords_next_to_the_field(phone, url, api_code):
    phone.get(url + "/signup")
    check_page(phone, "signup-phone")
    fill(phone, code=api_code.lower(), login=MEMBER_LOGIN, password=MEMBER_PASSWORD,
         password_again=MEMBER_PASSWORD + "x")
    submit(phone)
    assert "確認用のパスワードが一致しません。" in error_of(phone, "password_again")
    assert phone.find_element(By.ID, "code").get_attribute("value") == api_code.lower()
    check_page(phone, "signup-error-phone")


@pytest.fixture(scope="module")
def first_session():
    """The member's session cookie from signing up."""
    return {}


def test_a_member_signs_up_with_the_code_and_lands_on_home(phone, url, api_code, first_session):
    phone.get(url + "/signup")
    fill(phone, code=api_code.replace("-", " ").lower(), login=MEMBER_LOGIN, password=MEMBER_PASSWORD,
         password_again=MEMBER_PASSWORD)
    submit(phone)
    assert phone.current_url == url + "/"
    assert heading(phone) == "マイページ"
    assert "中野 花子" in phone.find_element(By.CSS_SELECTOR, ".facts").text
    session = phone.get_cookie("nc_session")
    assert session["httpOnly"] and "expiry" in session, "a member stays signed in on their phone"
    first_session.update(session)
    check_page(phone, "member-home-phone")


def test_the_code_works_once(phone, url, api_code):
    phone.delete_all_cookies()
    phone.get(url + "/signup")
    fill(phone, code=api_code, login="someone.else", password=MEMBER_PASSWORD, password_again=MEMBER_PASSWORD)
    submit(phone)
    assert error_of(phone, "code").startswith("サインアップコードが正しくないか、有効期限が切れています。")


def test_a_member_signs_out_everywhere_and_signs_in_again(phone, url, first_session):
    """Signed in anew (the sign-up's session still open, as on a lost
    phone), the member signs out everywhere: both sessions end."""
    sign_in(phone, url, MEMBER_LOGIN, MEMBER_PASSWORD)
    assert heading(phone) == "マイページ"
    sign_out_everywhere(phone)
    assert phone.find_element(By.CSS_SELECTOR, ".notice").text == "すべての端末からサインアウトしました。"
    check_page(phone, "signin-everywhere-phone")
    phone.add_cookie({"name": "nc_session", "value": first_session["value"], "path": "/"})
    phone.get(url + "/")
    assert heading(phone) == "サインイン", "the sign-up's session outlived signing out everywhere"
    fill(phone, login=MEMBER_LOGIN, password=MEMBER_PASSWORD)
    submit(phone)
    assert heading(phone) == "マイページ"


# --- The slip's code at a desk PC, and the language switch --------------------

def test_sign_up_page_on_a_desk_pc(browser, url, slip):
    browser.get(url + "/signup")
    assert heading(browser) == "サインアップ"
    check_page(browser, "signup")
    fill(browser, code=slip["code"], login=SECOND_MEMBER_LOGIN, password=SECOND_MEMBER_PASSWORD,
         password_again=SECOND_MEMBER_PASSWORD)
    submit(browser)
    assert heading(browser) == "マイページ"
    assert "山田 太郎" in browser.find_element(By.CSS_SELECTOR, ".facts").text
    check_page(browser, "member-home")


def test_language_switch_japanese_to_english_and_back(browser, url):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a.language"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert heading(browser) == "My page"
    check_page(browser, "member-home-en")
    sign_out(browser, "Sign out")
    assert heading(browser) == "Sign in"
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "You have signed out."
    check_page(browser, "signin-en")
    browser.get(url + "/signup")
    assert heading(browser) == "Sign up"
    check_page(browser, "signup-en")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a.language"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    assert heading(browser) == "サインアップ"
