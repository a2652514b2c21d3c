"""The browser, the service under test (started by run.sh), and the checks
every page gets: axe-core for WCAG 2.1 AA, the HTML as served kept for the
Nu validator, and a screenshot."""
import base64
import importlib.util
import json
import os
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RESULTS = []
# Lines for the end of the run (the validator's result).
SUMMARY = []


def axe_script():
    """axe-core 4 as the axe-playwright-python package ships it (run.sh
    installs it without Playwright, for this file alone): the axe-core that
    axe-selenium-python bundles is 3.1, which has no WCAG 2.1 rules. Found
    without importing the package, which would want Playwright."""
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec is not None and spec.submodule_search_locations, "axe-playwright-python is not installed"
    path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    assert os.path.exists(path), path
    return path


class Center:
    """The JSON API of the service, for what the pages do not do yet: with
    the admin token, or a staff token it mints, as the front desk would use."""

    def __init__(self, url, admin_token):
        self.url = url
        self.admin_token = admin_token
        self.staff_token = self.send("POST", "/tokens", {"role": "staff", "name": "Browser tests desk"},
                                     token=admin_token)["token"]

    def send(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": "Bearer " + (token or self.staff_token)})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read().decode("utf-8"))

    def post(self, path, body=None):
        return self.send("POST", path, body)

    def audit(self):
        return self.send("GET", "/audit", token=self.admin_token)


@pytest.fixture(scope="session")
def center():
    with open(os.environ["CENTER_ADMIN_TOKEN_FILE"], encoding="utf-8") as file:
        return Center(os.environ["CENTER_URL"], file.read().strip())


@pytest.fixture(scope="session")
def url():
    return os.environ["CENTER_URL"]


def new_browser(width, height, phone=False):
    """Headless Chromium in Japanese. A phone is emulated (360 CSS px wide,
    2 device pixels to one, touch): a headless window cannot be narrower
    than 500 px."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={max(width, 500)},{height}", "--lang=ja", "--hide-scrollbars",
                     "--force-color-profile=srgb"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja"})
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height,
                                                                               "pixelRatio": 2, "touch": True}})
    # The performance log lets us read each page's HTML exactly as served.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="module")
def browser():
    """A desk PC's browser (1280 px wide)."""
    driver = new_browser(1280, 900)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def phone():
    """A phone's browser (360 px wide)."""
    driver = new_browser(360, 780, phone=True)
    yield driver
    driver.quit()


def last_document(driver):
    """The last document the browser received (its request id and status),
    from Chromium's network log. Reading the log empties it, so what was
    read is kept on the driver."""
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived" and message["params"]["type"] == "Document":
            driver.center_document = (message["params"]["requestId"], message["params"]["response"]["status"])
    document = getattr(driver, "center_document", None)
    assert document is not None, "no document was received"
    return document


def last_status(driver):
    """The HTTP status of the page shown (a redirect's target, after a 303)."""
    return last_document(driver)[1]


def served_html(driver):
    """The body of the page shown exactly as served (POST results included,
    which a new GET could not see)."""
    return driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": last_document(driver)[0]})["body"]


def check_page(driver, name, print_too=False):
    """axe-core (0 serious or critical WCAG 2.1 AA violations), the served
    HTML kept for the validator, and a full-page screenshot."""
    html = served_html(driver)
    with open(os.path.join(os.environ["SERVED_HTML"], name + ".html"), "w", encoding="utf-8") as file:
        file.write(html)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    # On the emulated phone the layout viewport widens to what overflows:
    # the screen's 360 px are the width the page must fit.
    viewport = driver.execute_script("return navigator.maxTouchPoints > 0 ? screen.width : window.innerWidth")
    assert width <= viewport, f"{name} is {width} px wide in a {viewport}-px window: it scrolls sideways"
    screenshot(driver, name)
    if print_too:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        screenshot(driver, name + "-print")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    axe = Axe(driver, script_url=axe_script())
    axe.inject()
    results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": WCAG_21_AA}}))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    AXE_RESULTS.append({"page": name, "axe": results.get("testEngine", {}).get("version"),
                        "violations": [f"{v['id']} ({v.get('impact')})" for v in results["violations"]],
                        "incomplete": [v["id"] for v in results["incomplete"]],
                        "serious_or_critical": len(serious), "passes": len(results["passes"])})
    assert serious == [], axe.report(serious)


def screenshot(driver, name):
    """The whole page, however long, as the browser lays it out."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    with open(os.path.join(os.environ["SCREENSHOTS"], name + ".png"), "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def pytest_sessionfinish(session, exitstatus):
    if AXE_RESULTS:
        with open(os.path.join(os.environ["SCREENSHOTS"], "axe.json"), "w", encoding="utf-8") as file:
            json.dump(AXE_RESULTS, file, indent=1, ensure_ascii=False)


def pytest_terminal_summary(terminalreporter):
    write = terminalreporter.write_line
    for line in SUMMARY:
        write(line)
    if not AXE_RESULTS:
        return
    write(f"axe-core {AXE_RESULTS[0]['axe']}, WCAG 2.1 A and AA rules, {len(AXE_RESULTS)} pages:")
    for result in AXE_RESULTS:
        violations = ", ".join(result["violations"]) or "none"
        write(f"  {result['page']}: {result['serious_or_critical']} serious or critical; violations: {violations}; "
              f"{result['passes']} rules passed; to review by hand: {', '.join(result['incomplete']) or 'none'}")
