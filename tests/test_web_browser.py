"""The page in a real browser, as a finance officer uses it: Debian's headless Chromium driven by Selenium.

Upload the example, read the 2023 total, upload a file with an unknown ladder step, type the step from
the grant letter with the keyboard, see the plan change, download the workbook and check its figures.
The browser is Debian's (``chromium`` and ``chromium-driver``, installed by ``scripts/test``); Selenium is
given the driver's path, so Selenium Manager downloads nothing. On CI a missing browser is an error.

Screenshots of the page are kept as test artefacts (``build/test-artefacts/``); the docs show one
(``docs/_static/web-page.png``, taken by this test with ``NEDTRAPPING_UPDATE_SCREENSHOT=1``).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from nedtrapping.example import example_csv_text
from test_web_serve import ROOT, start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTEFACTS = ROOT / "build" / "test-artefacts"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) or not shutil.which("chromedriver"):
    if os.environ.get("CI") == "true":
        raise RuntimeError("Debian's chromium and chromium-driver are missing: scripts/test installs them")
    pytest.skip("Debian's chromium and chromium-driver are not installed (scripts/test installs them)",
                allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    process, port = start_server()
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,2000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def total(driver: object, year: int) -> str:
    cell = driver.find_element(By.CSS_SELECTOR, f'#totals td[data-year="{year}"][data-figure="grant"]')  # type: ignore[attr-defined]
    return " ".join(cell.text.replace("\u00a0", " ").replace("\u202f", " ").split())


def upload(driver: object, base: str, path: Path) -> None:
    driver.get(base + "/")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "file").send_keys(str(path))  # type: ignore[attr-defined]
    driver.find_element(By.ID, "make-plan").click()  # type: ignore[attr-defined]
    # the form's page has no plan: wait until the plan's page has replaced it
    WebDriverWait(driver, 60, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda d: d.find_element(By.ID, "plan-state"))


def test_upload_supply_download_in_chromium(server: int, browser: object, downloads: Path,
                                            tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{server}"
    example = tmp_path / "eksempel_kommune.csv"
    example.write_text(example_csv_text(), encoding="utf-8")
    upload(browser, base, example)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nb"  # type: ignore[attr-defined]
    # Ruskonsulent 100 %, Erfaringskonsulent 50 %, Miljøterapeut 80 % of 330 000; Boveileder past its four years
    assert total(browser, 2023) == "759 000 kr"

    with_unknown = tmp_path / "stillinger.csv"
    with_unknown.write_text(example_csv_text() + "Eksempel kommune;Oppsøkende team;80;2020;640 000;3,5;\n",
                            encoding="utf-8")
    upload(browser, base, with_unknown)
    assert total(browser, 2022) == "ukjent"
    state = browser.find_element(By.ID, "plan-state").text  # type: ignore[attr-defined]
    assert "ukjente tall" in state
    box = browser.find_element(By.NAME, "supply:2022:ladder.step_3")  # type: ignore[attr-defined]
    label = browser.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]')  # type: ignore[attr-defined]
    assert "trinn 3 i årsstigen" in label.text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTEFACTS / "web-page-unknown.png"))  # type: ignore[attr-defined]
    chart = browser.find_element(By.ID, "chart")  # type: ignore[attr-defined]
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart) > 0  # type: ignore[attr-defined]
    chart.screenshot(str(ARTEFACTS / "web-chart.png"))
    if os.environ.get("NEDTRAPPING_UPDATE_SCREENSHOT") == "1":  # the docs' picture, taken here
        shutil.copyfile(ARTEFACTS / "web-page-unknown.png", ROOT / "docs" / "_static" / "web-page.png")
    # with the keyboard: type the step, Tab to the letter's name, type it, Enter sends the form
    box.click()
    box.send_keys("450 000", Keys.TAB)
    active = browser.switch_to.active_element  # type: ignore[attr-defined]
    assert active.get_attribute("id") == "source"
    active.send_keys("Tilsagnsbrev 2022, Eksempel kommune", Keys.ENTER)
    # the new page replaces the old one while it loads: wait for it, whatever is on screen meanwhile
    WebDriverWait(browser, 60, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda driver: total(driver, 2022) != "ukjent")
    # 2022: 550 000 + 275 000 + 440 000 in year 2, Boveileder 0, and 80 % of the supplied 450 000
    assert total(browser, 2022) == "1 625 000 kr"
    assert browser.find_element(By.ID, "plan-state").get_attribute("class") == "complete"  # type: ignore[attr-defined]
    browser.save_screenshot(str(ARTEFACTS / "web-page.png"))  # type: ignore[attr-defined]

    browser.find_element(By.ID, "download-xlsx").click()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60
    found: list[Path] = []
    while time.monotonic() < deadline:
        found = [p for p in downloads.glob("*.xlsx")]
        if found and not list(downloads.glob("*.crdownload")):
            break
        time.sleep(0.2)
    assert [p.name for p in found] == ["nedtrappingsplan-eksempel-kommune.xlsx"]
    import openpyxl

    sheet = openpyxl.load_workbook(found[0], data_only=True).worksheets[0]
    grants = {(row[1], row[2]): row[4] for row in sheet.iter_rows(min_row=9, values_only=True) if row[2]}  # Plan: the header on row 8
    assert grants[("Oppsøkende team", 2022)] == 360_000  # 80 % of the supplied step
    assert grants[("Oppsøkende team", 2023)] == 264_000  # 80 % of 330 000, its year 4
    assert sum(v for (_, year), v in grants.items() if year == 2023) == 759_000 + 264_000


def test_page_in_english_and_the_rules_and_calendar(server: int, browser: object) -> None:
    base = f"http://127.0.0.1:{server}"
    browser.get(base + "/?lang=en")  # type: ignore[attr-defined]
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"  # type: ignore[attr-defined]
    assert browser.find_element(By.CSS_SELECTOR, 'label[for="file"]').text.startswith("Positions file")  # type: ignore[attr-defined]
    browser.get(base + "/rules/kommunalt-rusarbeid/2022")  # type: ignore[attr-defined]
    assert "trinn 3 i årsstigen" in browser.find_element(By.ID, "rule-values").text  # type: ignore[attr-defined]
    browser.get(base + "/calendar")  # type: ignore[attr-defined]
    assert browser.find_element(By.ID, "ics").get_attribute("href").endswith("/api/calendar?format=ics")  # type: ignore[attr-defined]
    # no script ran and none was refused: the page has none, and the policy forbids it
    assert browser.execute_script("return document.scripts.length") == 0  # type: ignore[attr-defined]
