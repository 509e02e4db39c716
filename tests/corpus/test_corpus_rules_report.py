"""``seedlint report`` with the corpus rules, through the real command line, opened in a real
headless Chromium (Debian's, as tests/output/test_html_report.py does; the browser tests
skip only when it is not installed): the duplicate clusters come from the duplicate-document
findings, and the corpus findings are in the table with the others."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_plants import COPIED, RETITLED
from corpus_rules_data import planted, write_files, write_jsonl

from conftest import run_seedlint

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "output"))
from test_html_report import (
    MATCHING,
    choose,
    chromium_missing,
    open_report,
    start_chromium,
    table_rows,
    wait_for,
)

COPIES = ("planted/copy-0.txt", "planted/copy-1.txt", "planted/retitled.txt")
CLUSTERS = {
    (f"seeds/{original}", f"seeds/{copy}")
    for original, copy in zip((*COPIED, RETITLED), COPIES, strict=True)
}


def embedded(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page)
    assert match is not None
    return json.loads(match.group(1))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    write_files(root / "seeds", planted().documents)
    result = run_seedlint(
        "report", "seeds", "-o", "report.html", "--generated", "2026-11-28", "--title", "Plants",
        cwd=root,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"Wrote report.html: {len(planted().documents)} files, ")
    return root / "report.html"


@pytest.mark.e2e
def test_clusters_are_the_copies_with_their_first(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert (
        '<p id="clusters-count">3 clusters of identical documents, 6 documents in all.</p>' in page
    )
    listed = re.findall(r"<summary>2 documents: <bdi>([^<]*)</bdi></summary><ul>(.*?)</ul>", page)
    assert sorted(first for first, _ in listed) == sorted(first for first, _ in CLUSTERS)
    for first, members in listed:
        copy = next(c for f, c in CLUSTERS if f == first)
        assert members.count("<li>") == 2 and f">{copy}<" in members and f">{first}<" in members


@pytest.mark.e2e
def test_the_table_holds_the_corpus_findings(report: Path) -> None:
    data = embedded(report.read_text(encoding="utf-8"))
    rules = [rule[0] for rule in data["rules"]]
    codes = [rules[f[1]] for f in data["findings"]]
    assert codes.count("SL501") == 3 and codes.count("SL502") == 5
    assert codes.count("SL503") == 1 and codes.count("SL504") == 20


@pytest.mark.e2e
def test_json_lines_records_make_the_same_clusters(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "corpus.jsonl", planted().documents)
    run_seedlint("report", "--jsonl", "corpus.jsonl", "-o", "r.html", cwd=tmp_path)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "3 clusters of identical documents" in page
    assert "corpus.jsonl#planted/copy-0.txt" in page


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


@pytest.mark.e2e
def test_the_browser_shows_the_clusters_and_filters_the_copies(browser: Any, report: Path) -> None:
    open_report(browser, report)
    browser.execute_script(
        "document.querySelectorAll('.clusters details').forEach(d => d.open = 1)"
    )
    shown = browser.execute_script(
        "return [...document.querySelectorAll('.clusters > li')].map(li => "
        "[...li.querySelectorAll('ul a')].map(a => a.textContent))"
    )
    assert {tuple(sorted(members)) for members in shown} == {
        tuple(sorted(pair)) for pair in CLUSTERS
    }
    choose(browser, "filter-rule", "SL501 duplicate-document")
    wait_for(browser, MATCHING, "3")
    rows = table_rows(browser)
    assert sorted(row[0] for row in rows) == sorted(f"seeds/{copy}:1:1" for copy in COPIES)
    assert all("Same body as seeds/" in row[3] for row in rows)
    browser.find_element("link text", f"seeds/{COPIED[0]}").click()  # a cluster's first
    wait_for(browser, "return document.getElementById('document-filter-path').textContent",
             f"seeds/{COPIED[0]}")  # fmt: skip
