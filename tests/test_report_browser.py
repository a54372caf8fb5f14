"""The HTML report in a real browser: headless Chromium driven by Selenium.

Chromium and its driver come from Debian (``chromium``, ``chromium-driver``),
installed by ``scripts/install_system_deps.sh`` which ``make test`` runs; the
tests skip, saying why, only when they are missing. The browser runs offline
with a fresh profile. Set ``TEXTREPAIR_SCREENSHOT=docs/report.png`` to also
write the screenshot of the seeds report there (see docs/results/report.md).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS

from textrepair import Change, repair
from textrepair.report import Document, build_report, hunks, step_classes

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
    reason="headless browser test needs Debian's chromium and chromium-driver "
    "(run scripts/install_system_deps.sh as root, or make test)",
)
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is missing: pip install -e '.[test]'"
)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402

DAMAGED = "It ’s rare , but ( FDA ) says so .\nThe patientsare fine , mostly .\n"
HOSTILE = (
    "<script>alert(1)</script> &amp; <img src=x onerror=\"window.__pwned=1\"> "
    "It ’s rare , but it happens .\n"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000", f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options
    )
    try:
        yield driver
    finally:
        driver.quit()


def open_page(browser: Any, path: Path, docs: list[Document], **kwargs: Any) -> None:
    page, _ = build_report(docs, **kwargs)
    path.write_text(page, encoding="utf-8")
    browser.get(path.resolve().as_uri())
    assert browser.execute_script("return document.body.getAttribute('data-ready')") == "1"


def seed_documents() -> list[Document]:
    docs = []
    for p in SEEDS:
        text = p.read_bytes().decode("utf-8")
        docs.append(Document(p.name, text, repair(text).changes))
    return docs


def visible_edits(browser: Any) -> list[Any]:
    return list(browser.find_elements(By.CSS_SELECTOR, "#view .e:not(.off)"))


def steps_of(edit: Any) -> list[str]:
    return [x.split()[0] for x in edit.get_attribute("data-e").split(";")]


def confidences_of(edit: Any) -> list[float]:
    return [float(x.split()[1]) for x in edit.get_attribute("data-e").split(";")]


def drawn_documents(browser: Any) -> list[str]:
    return [s.get_attribute("id") for s in browser.find_elements(By.CSS_SELECTOR, "#view .doc")]


def shown_counter(browser: Any) -> str:
    return str(browser.find_element(By.ID, "shown").text)


@pytest.fixture
def seeds_report(browser: Any, tmp_path: Path) -> list[Document]:
    docs = seed_documents()
    open_page(browser, tmp_path / "seeds.html", docs, title="textrepair report: the five seeds")
    return docs


def test_seed_edits_are_rendered_with_reasons(browser: Any, seeds_report: list[Document]) -> None:
    changes = [c for d in seeds_report for c in d.changes]
    expected = sum(len(hunks(d.text, d.changes)) for d in seeds_report)
    assert changes and expected
    edits = visible_edits(browser)
    assert len(edits) == expected
    assert edits[0].is_displayed()
    assert shown_counter(browser) == f"{len(changes)} of {len(changes)} edits shown"
    reasons = browser.execute_script(
        "return Array.from(document.querySelectorAll('#reasons li'), li => li.textContent)"
    )
    assert set(reasons) == {c.reason for c in changes}
    # The style sheet applied (its CSP hash matched): edits have a background colour.
    background = edits[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    problems = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert problems == []
    # Offline: the page loaded nothing besides itself.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_unchecking_a_normaliser_hides_its_edits(
    browser: Any, seeds_report: list[Document]
) -> None:
    step = "detokenize_ptb_spacing"
    index = str(step_classes()[step])
    total = sum(len(d.changes) for d in seeds_report)
    own = sum(1 for d in seeds_report for c in d.changes if c.step == step)
    assert own
    box = browser.find_element(By.CSS_SELECTOR, f'.step-filter[value="{index}"]')
    box.click()
    assert not box.is_selected()
    edits = browser.find_elements(By.CSS_SELECTOR, "#view .e")
    only_own = [e for e in edits if set(steps_of(e)) == {index}]
    assert only_own
    assert all("off" in e.get_attribute("class").split() for e in only_own)
    assert not any(e.find_element(By.TAG_NAME, "del").is_displayed() for e in only_own[:5])
    assert all(set(steps_of(e)) != {index} for e in visible_edits(browser))
    assert shown_counter(browser) == f"{total - own} of {total} edits shown"
    box.click()
    assert shown_counter(browser) == f"{total} of {total} edits shown"


def test_minimum_confidence_filters_edits(browser: Any, seeds_report: list[Document]) -> None:
    threshold = 0.95
    total = sum(len(d.changes) for d in seeds_report)
    kept = sum(1 for d in seeds_report for c in d.changes if c.confidence >= threshold)
    assert 0 < kept < total, "the seeds should have edits on both sides of the threshold"
    browser.execute_script(
        "var r = document.getElementById('min-conf'); r.value = arguments[0];"
        "r.dispatchEvent(new Event('input'));", str(threshold),
    )
    assert shown_counter(browser) == f"{kept} of {total} edits shown"
    for e in visible_edits(browser):
        assert max(confidences_of(e)) >= threshold


def test_keyboard_reaches_an_edit_and_shows_its_reason(
    browser: Any, seeds_report: list[Document], tmp_path: Path
) -> None:
    ActionChains(browser).send_keys("n").perform()
    active = browser.switch_to.active_element
    assert "e" in active.get_attribute("class").split()
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    first = min((c for d in seeds_report for c in d.changes), key=lambda c: c.orig_start)
    assert first.reason in tip.text
    ActionChains(browser).send_keys("n").perform()
    assert browser.switch_to.active_element != active

    # The screenshot: the top of the page, with one restored word's tooltip open.
    browser.execute_script("window.scrollTo(0, 0)")
    spun = step_classes()["restore_spun_words"]
    browser.execute_script(
        "var e = Array.from(document.querySelectorAll('#view .e'))"
        ".find(e => e.getAttribute('data-e').split(' ')[0] === arguments[0]);"
        "e.focus({preventScroll: true});", str(spun),
    )
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("TEXTREPAIR_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)


def test_navigation_between_documents_and_pages(browser: Any, tmp_path: Path) -> None:
    docs = [
        Document(f"doc{i}.txt", DAMAGED, repair(DAMAGED).changes) for i in range(5)
    ]
    open_page(browser, tmp_path / "nav.html", docs, page_size=2)
    assert drawn_documents(browser) == ["doc-0", "doc-1"]
    assert browser.find_element(By.ID, "page-label").text == "page 1 of 3"
    for _ in range(3):
        ActionChains(browser).send_keys("]").perform()
    assert drawn_documents(browser) == ["doc-2", "doc-3"]
    assert browser.switch_to.active_element.get_attribute("id") == "doc-2-name"
    ActionChains(browser).send_keys("n").perform()  # first edit of document 2
    active = browser.switch_to.active_element
    assert active.find_element(By.XPATH, "./ancestor::section").get_attribute("id") == "doc-2"
    browser.find_element(By.ID, "next-page").click()
    assert browser.find_element(By.ID, "page-label").text == "page 3 of 3"
    assert drawn_documents(browser) == ["doc-4"]
    per_doc = len(hunks(DAMAGED, repair(DAMAGED).changes))
    for _ in range(per_doc + 1):  # past the last edit of the page: stays on the last edit
        browser.find_element(By.ID, "next-edit").click()
    last = browser.switch_to.active_element
    assert last.find_element(By.XPATH, "./ancestor::section").get_attribute("id") == "doc-4"
    browser.find_element(By.ID, "prev-edit").click()
    browser.find_element(By.ID, "prev-edit").click()
    assert browser.switch_to.active_element != last


def test_hostile_input_shows_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    evil = Change(
        '"><img src=y onerror="window.__pwned=2">', 0, 0, "", "<b id=injected>x</b>",
        "<script>window.__pwned=3</script>", 1.0,
    )
    docs = [
        Document("<script>alert(5)</script>.txt", HOSTILE, repair(HOSTILE).changes),
        Document("log.txt", "", [evil]),
    ]
    open_page(browser, tmp_path / "hostile.html", docs)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018
    assert browser.execute_script("return window.__pwned") is None
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.find_elements(By.CSS_SELECTOR, "img, #injected, main b") == []
    text = browser.execute_script("return document.querySelector('#doc-0 .text').textContent")
    assert "<script>alert(1)</script> &amp; <img src=x" in text
    name = browser.find_element(By.CSS_SELECTOR, "#doc-0 .docname").text
    assert name == "<script>alert(5)</script>.txt"


def test_input_and_output_views_read_as_the_texts(
    browser: Any, seeds_report: list[Document]
) -> None:
    doc = next(d for d in seeds_report if d.changes)  # drawn as doc-0
    text = "return document.querySelector('#doc-0 .text').innerText"
    mode = Select(browser.find_element(By.ID, "mode"))
    mode.select_by_value("input")
    assert browser.execute_script(text) == doc.text
    mode.select_by_value("output")
    assert browser.execute_script(text) == repair(doc.text).text
    mode.select_by_value("diff")
    assert browser.execute_script(text) not in (doc.text, repair(doc.text).text)
