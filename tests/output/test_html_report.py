"""The HTML report, built from seedlint's findings on the Wikinews articles and opened in a
real headless Chromium (Debian's /usr/bin/chromium with its chromedriver; nothing is
downloaded). The browser tests skip only when Chromium is not installed, and are marked
slow (starting Chromium and rendering take seconds): -m "not slow" runs the rest.

The helpers here (turning diagnostics into report findings, building a corpus report,
starting Chromium) are also used by bench/report/run.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

import seedlint
from seedlint.commands.report import report_finding
from seedlint.output.html import ReportData, ReportDocument, ReportFinding, render_report
from wikinews import seeds

ROOT = Path(__file__).resolve().parents[2]
ARTIFACT = ROOT / "test-artifacts" / "report.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# headless, and quiet on a machine with no network: no updates, sync, QUIC or other probes
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
GENERATED = "2026-11-28"
RENDER_TIMEOUT = 30  # seconds for a page to render its table (generous: CI machines vary)


# --- report data from the real linter ----------------------------------------------------------


def lint_documents(
    texts: dict[str, tuple[str, str]],
) -> tuple[list[ReportDocument], list[ReportFinding]]:
    """Documents and findings for {path: (folder, text)}, linted by the current seedlint."""
    documents, findings = [], []
    for path, (folder, text) in texts.items():
        lines = text.split("\n")
        found = [report_finding(d, lines, text) for d in seedlint.lint_text(text, path=path)]
        match = re.match(r"date (\d{4}-\d{2}-\d{2}) ", text)
        documents.append(ReportDocument(path, folder, match.group(1) if match else "", len(found)))
        findings += found
    return documents, findings


def duplicate_clusters(texts: dict[str, tuple[str, str]]) -> list[list[str]]:
    """Paths of documents whose bodies (all after the header line) are identical."""
    groups: dict[str, list[str]] = {}
    for path, (_, text) in texts.items():
        body = text.partition("\n")[2]
        groups.setdefault(hashlib.sha256(body.encode()).hexdigest(), []).append(path)
    return [paths for paths in groups.values() if len(paths) > 1]


def wikinews_texts(documents: int | None = None) -> dict[str, tuple[str, str]]:
    """{path: (folder, seed text)} for the Wikinews articles, English and French.

    With ``documents``, the articles are replicated up to that many, each copy under its own
    batch folder and dated a year earlier than the one before, as a growing corpus would be.
    Without it, six articles are filed a second time under seeds/incoming, as duplicates.
    """
    articles = [(lang, name, text) for lang in ("en", "fr") for name, text in seeds(lang)]
    texts: dict[str, tuple[str, str]] = {}
    if documents is None:
        for lang, name, text in articles:
            year = text[5:9]
            texts[f"seeds/{lang}/{year}/{name}"] = (f"seeds/{lang}/{year}", text)
        for lang, name, text in articles[:: len(articles) // 6][:6]:
            texts[f"seeds/incoming/{lang}-{name}"] = ("seeds/incoming", text)
        return texts
    for number in range(documents):
        lang, name, text = articles[number % len(articles)]
        batch = number // len(articles)
        year = int(text[5:9]) - batch
        text = f"{text[:5]}{year:04d}{text[9:]}"
        folder = f"batch-{batch}/{lang}/{year}"
        texts[f"{folder}/{name}"] = (folder, text)
    return texts


def wikinews_report(documents: int | None = None, title: str = "Seed corpus") -> ReportData:
    texts = wikinews_texts(documents)
    docs, findings = lint_documents(texts)
    return ReportData(title, GENERATED, docs, findings, duplicate_clusters(texts))


# --- the browser -------------------------------------------------------------------------------


def chromium_missing() -> str:
    """Why the browser tests cannot run, or "" when they can."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        return f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"
    return ""


def start_chromium(profile: Path, width: int = 1280, height: int = 1000) -> Any:
    """Debian's Chromium through its own chromedriver, headless, with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def open_report(driver: Any, path: Path, timeout: float = RENDER_TIMEOUT) -> None:
    """Load a report from disk and wait until its script has rendered the table."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.dataset.state") == "rendered"
    )


def wait_for(driver: Any, script: str, expected: Any, timeout: float = 10) -> None:
    """Wait until a script returns the expected value (hash changes are handled later)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script) == expected)


MATCHING = "return document.getElementById('status').dataset.matching"


def console_errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def table_rows(driver: Any) -> list[list[str]]:
    return driver.execute_script(  # type: ignore[no-any-return]
        "return [...document.querySelectorAll('#rows tr')]"
        ".map(tr => [...tr.cells].map(td => td.textContent))"
    )


def full_screenshot(driver: Any, target: Path, height: int | None = None) -> None:
    """A PNG of the page from the top, down to ``height`` CSS pixels or to its end."""
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    clip = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], height or size[1])}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": {**clip, "scale": 1}},
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(shot["data"]))


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wikinews() -> ReportData:
    return wikinews_report()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser: Any, wikinews: ReportData, tmp_path: Path) -> Any:
    """The Wikinews report, loaded and rendered, with the console log emptied."""
    target = tmp_path / "report.html"
    target.write_text(render_report(wikinews), encoding="utf-8")
    browser.get_log("browser")
    open_report(browser, target)
    return browser


XSS_NAME = "<script>alert(1)</script>.txt"
XSS_TAG = '<img src=x onerror="window.injected=1">'
XSS_LINE = f"He wrote {XSS_TAG} and </script><!-- then teh end"
TAG_COLUMN = XSS_LINE.index(XSS_TAG) + 1
TEH_COLUMN = XSS_LINE.index("teh") + 1


def hostile_report() -> ReportData:
    """Untrusted names and text everywhere a document can put them."""
    path = f"seeds/<b>bold</b>/{XSS_NAME}"
    folder = "seeds/<b>bold</b>"
    documents = [
        ReportDocument(path, folder, "2024-01-18", 2),
        ReportDocument("seeds/\"quoted\" & 'single'.txt", "seeds", "2024-02-01", 0),
        ReportDocument("seeds/\ud800bad-bytes.txt", "seeds", "not a date", 0),
    ]
    findings = [
        ReportFinding(
            path, "SL999", "</script>", "error", "</script><script>window.injected=2</script>",
            1, TAG_COLUMN, 1, TAG_COLUMN + len(XSS_TAG), XSS_LINE, "unsafe", XSS_TAG, "</script>",
        ),
        ReportFinding(
            path, "SL203", "misspelling", "warning", "'teh' & <teh>", 1, TEH_COLUMN, 1,
            TEH_COLUMN + 3, XSS_LINE, "safe", "teh", "the",
        ),
    ]  # fmt: skip
    clusters = [[path, "seeds/\"quoted\" & 'single'.txt"]]
    return ReportData("<i>Hostile</i> </title><script>window.injected=3</script>", GENERATED,
                      documents, findings, clusters)  # fmt: skip


def embedded(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page)
    assert match is not None
    return json.loads(match.group(1))  # type: ignore[no-any-return]


# --- without a browser -------------------------------------------------------------------------


def test_the_same_input_in_any_order_gives_the_same_bytes(wikinews: ReportData) -> None:
    first = render_report(wikinews)
    shuffled = ReportData(
        wikinews.title, wikinews.generated, wikinews.documents[::-1], wikinews.findings[::-1],
        [cluster[::-1] for cluster in wikinews.clusters[::-1]],
    )  # fmt: skip
    assert render_report(shuffled) == first
    assert render_report(wikinews) == first
    changed = ReportData("Seed corpus", "2026-11-29", wikinews.documents, wikinews.findings, [])
    assert render_report(changed) != first


def test_the_page_needs_nothing_from_outside(wikinews: ReportData) -> None:
    page = render_report(wikinews)
    markup = re.sub(r'<script type="application/json".*?</script>', "", page, flags=re.S)
    assert not re.search(r"https?://|//[a-z]", markup)  # no URL outside the embedded findings
    assert not re.search(r"\b(src|href)=\"(?!#)", markup)  # links stay inside the page
    assert "@import" not in markup and "url(" not in markup
    assert page.count("<script") == 2 and page.count("<style>") == 1


def test_embedded_findings_are_the_input(wikinews: ReportData) -> None:
    data = embedded(render_report(wikinews))
    assert len(data["findings"]) == len(wikinews.findings)
    expected = Counter((f.path, f.code, f.message, f.row, f.column) for f in wikinews.findings)
    shown = Counter(
        (data["docs"][f[0]][0], data["rules"][f[1]][0], data["messages"][f[3]], f[4], f[5])
        for f in data["findings"]
    )
    assert shown == expected


def test_hostile_strings_stay_text_in_the_markup() -> None:
    page = render_report(hostile_report())
    assert page.count("<script") == 2  # the JSON block and the report's own script
    assert "<b>bold</b>" not in page and "<img" not in page and "<i>Hostile" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in page  # in the cluster list
    data = embedded(page)  # the block ends where it should, and parses
    assert f"seeds/<b>bold</b>/{XSS_NAME}" in [doc[0] for doc in data["docs"]]
    assert "</script><script>window.injected=2</script>" in data["messages"]
    assert "\ud800" not in page and "seeds/\ufffdbad-bytes.txt" in page
    page.encode("utf-8")  # no lone surrogate left to fail the write


def test_bad_severity_is_refused_with_a_clear_message() -> None:
    data = hostile_report()
    bad = msgspec.structs.replace(data.findings[0], severity="fatal")
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        render_report(ReportData("t", GENERATED, data.documents, [bad], []))


def test_long_lines_and_fixes_are_cut_to_what_matters() -> None:
    words = [f"word{n}" for n in range(400)]
    line = " ".join(words)
    curly = "".join(f"{w} it’s " if n % 50 == 0 else f"{w} " for n, w in enumerate(words))
    column = line.index("word200") + 1
    finding = ReportFinding(
        "a.txt", "SL310", "mixed-apostrophes", "info", "mixed", 3, column, 3, column + 7, line,
        "unsafe", curly, curly.replace("’", "'"),
    )  # fmt: skip
    data = embedded(render_report(ReportData("t", GENERATED, [], [finding], [])))
    row = data["findings"][0]
    assert row[7] == "word200"  # the span
    assert len(row[6]) == 60 and len(row[9]) == 60 and row[10] == 3  # cut on both sides
    before, after, more = row[12], row[13], row[14]
    assert before.count("it’s") == 3 and after.count("it's") == 3 and more == 5
    assert before.endswith("…") and len(before) < 200
    assert before.replace("’", "'") == after  # the same places of both texts


def test_an_empty_corpus_renders() -> None:
    page = render_report(ReportData("Empty", GENERATED, [], [], []))
    assert 'id="total-findings" data-value="0"' in page and "No duplicate clusters." in page


# --- in the browser ----------------------------------------------------------------------------


@pytest.mark.slow
def test_loads_without_errors_and_shows_the_input_totals(
    page: Any, wikinews: ReportData, tmp_path: Path
) -> None:
    assert console_errors(page) == []
    severity = Counter(f.severity for f in wikinews.findings)
    fixes = Counter(f.fix for f in wikinews.findings)
    expected = {
        "documents": len(wikinews.documents),
        "findings": len(wikinews.findings),
        "error": severity["error"],
        "warning": severity["warning"],
        "info": severity["info"],
        "safe": fixes["safe"],
        "unsafe": fixes["unsafe"],
        "clean": sum(1 for doc in wikinews.documents if doc.findings == 0),
    }
    shown = {
        key: int(page.find_element("id", f"total-{key}").text.replace(",", "")) for key in expected
    }
    assert shown == expected
    assert len(table_rows(page)) == min(100, len(wikinews.findings))
    status = page.find_element("id", "status").text
    assert f"of {len(wikinews.findings):,} findings" in status
    assert page.execute_script("return document.querySelectorAll('svg[role=img]').length") == 5
    full_screenshot(page, tmp_path / "report.png", height=2400)
    ARTIFACT.parent.mkdir(exist_ok=True)
    shutil.copyfile(tmp_path / "report.png", ARTIFACT)
    assert ARTIFACT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def choose(driver: Any, select_id: str, text_start: str) -> None:
    from selenium.webdriver.support.ui import Select

    select = Select(driver.find_element("id", select_id))
    labels = [option.text for option in select.options]
    select.select_by_visible_text(next(label for label in labels if label.startswith(text_start)))


@pytest.mark.slow
def test_filters_by_rule_severity_and_folder(page: Any, wikinews: ReportData) -> None:
    folder_of = {doc.path: doc.folder for doc in wikinews.documents}
    choose(page, "filter-rule", "SL203 misspelling")
    misspellings = [f for f in wikinews.findings if f.code == "SL203"]
    status = page.find_element("id", "status")
    assert status.get_attribute("data-matching") == str(len(misspellings))
    assert {row[1] for row in table_rows(page)} == {"SL203 misspelling"}
    assert "rule SL203 misspelling" in status.text  # the filters in use, said in words

    choose(page, "filter-rule", "All rules")
    choose(page, "filter-severity", "warning")
    warnings = [f for f in wikinews.findings if f.severity == "warning"]
    assert status.get_attribute("data-matching") == str(len(warnings))
    assert sorted(row[0] for row in table_rows(page)) == sorted(
        f"{f.path}:{f.row}:{f.column}" for f in warnings
    )

    choose(page, "filter-severity", "All severities")
    choose(page, "filter-folder", "seeds/fr/2012")
    french = [f for f in wikinews.findings if folder_of[f.path] == "seeds/fr/2012"]
    assert status.get_attribute("data-matching") == str(len(french))
    assert all(row[0].startswith("seeds/fr/2012/") for row in table_rows(page))

    choose(page, "filter-rule", "SL401")  # filters combine
    both = [f for f in french if f.code == "SL401"]
    assert status.get_attribute("data-matching") == str(len(both))
    page.find_element("id", "filter-reset").click()
    assert status.get_attribute("data-matching") == str(len(wikinews.findings))
    assert console_errors(page) == []


@pytest.mark.slow
def test_sorts_by_severity_both_ways(page: Any, wikinews: ReportData) -> None:
    button = page.find_element("css selector", "th[data-sort=severity] button")
    button.click()
    order = [row[2] for row in table_rows(page)]
    assert order[0] == "error" and order == sorted(order, key=("error", "warning", "info").index)
    header = page.find_element("css selector", "th[data-sort=severity]")
    assert header.get_attribute("aria-sort") == "ascending"
    button.click()
    assert table_rows(page)[0][2] == "info"
    assert header.get_attribute("aria-sort") == "descending"
    page.find_element("css selector", "th[data-sort=document] button").click()
    paths = [row[0].rsplit(":", 2)[0] for row in table_rows(page)]
    assert paths == sorted(paths) and paths[0] == min(f.path for f in wikinews.findings)


@pytest.mark.slow
def test_pages_through_all_findings(page: Any, wikinews: ReportData) -> None:
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("id", "page-size")).select_by_visible_text("50")
    seen = []
    while True:
        seen += [row[0] for row in table_rows(page)]
        next_button = page.find_element("id", "page-next")
        if not next_button.is_enabled():
            break
        next_button.click()
    assert seen == [f"{f.path}:{f.row}:{f.column}" for f in sorted(
        wikinews.findings, key=lambda f: (f.path, f.row, f.column, f.end_row, f.end_column, f.code)
    )]  # fmt: skip
    pages = -(-len(wikinews.findings) // 50)
    assert page.find_element("id", "page-info").text == f"Page {pages} of {pages}"
    page.find_element("id", "page-first").click()
    assert page.find_element("id", "page-previous").is_enabled() is False


@pytest.mark.slow
def test_rows_show_the_span_and_the_fix(page: Any, wikinews: ReportData) -> None:
    choose(page, "filter-rule", "SL203 misspelling")
    first = min(
        (f for f in wikinews.findings if f.code == "SL203"), key=lambda f: (f.path, f.row, f.column)
    )
    cell = page.find_element("css selector", "#rows tr:first-child mark")
    assert cell.text == first.line[first.column - 1 : first.end_column - 1]
    fix = page.find_element("css selector", "#rows tr:first-child td.fix")
    assert fix.find_element("tag name", "del").text == first.before
    assert fix.find_element("tag name", "ins").text == first.after
    assert first.fix in fix.text


@pytest.mark.slow
def test_cluster_links_show_that_document(page: Any, wikinews: ReportData) -> None:
    with_findings = {f.path for f in wikinews.findings}
    members = [path for cluster in wikinews.clusters for path in cluster]
    target = next(path for path in members if path in with_findings)
    page.execute_script("document.querySelectorAll('.clusters details').forEach(d => d.open = 1)")
    page.find_element("link text", target).click()
    wanted = [f for f in wikinews.findings if f.path == target]
    wait_for(page, MATCHING, str(len(wanted)))
    assert page.find_element("id", "document-filter-path").text == target
    assert {row[0].rsplit(":", 2)[0] for row in table_rows(page)} == {target}
    page.find_element("id", "document-filter-clear").click()
    wait_for(page, MATCHING, str(len(wikinews.findings)))


@pytest.mark.slow
def test_keyboard_reaches_the_table_first(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    body = page.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    active = page.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.value_of_css_property("outline-style") != "none"
    active.send_keys(Keys.ENTER)
    assert page.switch_to.active_element.get_attribute("id") == "findings"
    sort = page.find_element("css selector", "th[data-sort=rule] button")
    sort.send_keys(Keys.ENTER)
    header = page.find_element("css selector", "th[data-sort=rule]")
    assert header.get_attribute("aria-sort") == "ascending"
    assert page.execute_script(
        "return [...document.querySelectorAll('select,input')].every(e => e.labels.length > 0)"
    )


@pytest.mark.slow
def test_dark_mode_and_print(page: Any, tmp_path: Path) -> None:
    background = "return getComputedStyle(document.documentElement).backgroundColor"
    light = page.execute_script(background)
    emulate = "Emulation.setEmulatedMedia"
    page.execute_cdp_cmd(emulate, {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    dark = page.execute_script(background)
    assert light != dark
    page.execute_cdp_cmd(emulate, {"media": "print", "features": []})
    hidden = page.execute_script(
        "return ['#filters', '.pager', '.skip-link'].map(s => getComputedStyle("
        "document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    page.execute_cdp_cmd(emulate, {"media": "", "features": []})
    pdf = base64.b64decode(page.execute_cdp_cmd("Page.printToPDF", {})["data"])
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.slow
def test_summary_and_charts_work_with_scripts_off(
    browser: Any, wikinews: ReportData, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    target.write_text(render_report(wikinews), encoding="utf-8")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(target.as_uri())
        total = browser.find_element("id", "total-findings").text
        charts = browser.find_elements("css selector", "svg[role=img] rect")
        controls = browser.find_element("id", "filters").is_displayed()
        notice = browser.find_element("tag name", "noscript").get_attribute("textContent")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert total == f"{len(wikinews.findings):,}"
    assert len(charts) > 20 and not controls
    assert "needs JavaScript" in notice


@pytest.mark.slow
def test_hostile_names_and_text_do_not_break_out(browser: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    data = hostile_report()
    target = tmp_path / f"{XSS_NAME.replace('/', '_')}.html"
    target.write_text(render_report(data), encoding="utf-8")
    browser.get_log("browser")
    open_report(browser, target)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - an alert would mean a script ran
    assert browser.execute_script("return window.injected") is None
    assert browser.execute_script("return document.querySelectorAll('script').length") == 2
    assert browser.find_elements("css selector", "img, b, i") == []
    assert browser.title == data.title
    rows = table_rows(browser)
    assert rows[0][0] == f"{data.findings[0].path}:1:{TAG_COLUMN}"
    assert rows[0][1] == "SL999 </script>"
    assert rows[0][3] == data.findings[0].message
    mark = browser.find_element("css selector", "#rows tr:first-child mark").text
    assert mark.replace("·", " ") == data.findings[0].before
    assert browser.find_element("css selector", "#rows tr:first-child ins").text == "</script>"
    browser.find_element("css selector", ".clusters summary").click()
    link = browser.find_element("link text", data.findings[0].path)
    link.click()
    wait_for(browser, "return document.getElementById('document-filter-path').textContent",
             data.findings[0].path)  # fmt: skip
    assert browser.find_element("id", "status").get_attribute("data-matching") == "2"
    assert console_errors(browser) == []
