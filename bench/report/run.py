"""HTML report benchmark: render time, page size and load time in headless Chromium.

Two reports: the Wikinews articles replicated to 2,225 documents and linted by the current
seedlint (target: the page renders its table within 5 s of navigation), and 100,000 findings
(those findings copied under more folders). For each it prints the time of render_report, the
page's size, the time from navigation to the first page of the table (the script's
"report-rendered" mark, median of several loads), and the time of a filter change and a sort.

With --screenshot PATH it also saves a picture of the Wikinews report (the one in the README):
the articles written out as files, six of them filed a second time, and the page made by
``seedlint report`` itself, so that its duplicate clusters come from the corpus rules.

Usage: ``python bench/report/run.py [--loads 3] [--screenshot docs/report.png]``
Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "output")]

from test_html_report import (  # noqa: E402  (the report helpers, shared with the tests)
    GENERATED,
    chromium_missing,
    full_screenshot,
    open_report,
    start_chromium,
    wikinews_report,
    wikinews_texts,
)

from seedlint.output.html import ReportData, render_report  # noqa: E402

CORPUS_DOCUMENTS = 2_225
BIG_FINDINGS = 100_000
LOAD_TARGET = 5.0  # seconds from navigation to the rendered table, for the 2,225-document corpus
SCREENSHOT_HEIGHT = 2_500  # CSS pixels of the page kept in the screenshot
RENDER_RUNS = 3

# one filter change and one sort, timed inside the page (the handlers run synchronously)
INTERACTION = """
const t0 = performance.now();
const select = document.getElementById('filter-severity');
select.value = '0';
select.dispatchEvent(new Event('change'));
const t1 = performance.now();
document.querySelector('th[data-sort=rule] button').click();
const t2 = performance.now();
select.value = '-1';
select.dispatchEvent(new Event('change'));
return [t1 - t0, t2 - t1];
"""


def grow(data: ReportData, findings: int) -> ReportData:
    """The report's documents and findings copied under more folders until it has this many
    findings (the last copy cut short)."""
    documents, found = list(data.documents), list(data.findings)
    copy = 1
    while len(found) < findings:
        prefix = f"archive-{copy}/"
        documents += [
            msgspec.structs.replace(doc, path=prefix + doc.path, folder=prefix + doc.folder)
            for doc in data.documents
        ]
        found += [msgspec.structs.replace(f, path=prefix + f.path) for f in data.findings]
        copy += 1
    return ReportData(data.title, data.generated, documents, found[:findings], data.clusters)


def command_line_report(folder: Path) -> Path:
    """The Wikinews report as ``seedlint report`` writes it, from the articles as files."""
    for path, (_, text) in wikinews_texts().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    page = folder / "wikinews.html"
    subprocess.run(
        [sys.executable, "-m", "seedlint", "report", "seeds", "--output", str(page),
         "--title", "Seed corpus", "--generated", GENERATED, "--exit-zero", "--quiet"],
        cwd=folder, check=True,
    )  # fmt: skip
    return page


def timed_render(data: ReportData) -> tuple[str, float]:
    times, page = [], ""
    for _ in range(RENDER_RUNS):
        start = time.perf_counter()
        page = render_report(data)
        times.append(time.perf_counter() - start)
    return page, statistics.median(times)


def measure(driver: Any, data: ReportData, folder: Path, name: str, loads: int) -> dict[str, Any]:
    page, render_time = timed_render(data)
    target = folder / f"{name}.html"
    target.write_text(page, encoding="utf-8")
    load_times = []
    for _ in range(loads):
        driver.get("about:blank")
        open_report(driver, target, timeout=120)
        mark = "return performance.getEntriesByName('report-rendered')[0].startTime"
        load_times.append(driver.execute_script(mark) / 1000)
    filter_ms, sort_ms = driver.execute_script(INTERACTION)
    driver.execute_cdp_cmd("Performance.enable", {})
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    heap = next(m["value"] for m in metrics if m["name"] == "JSHeapUsedSize") / 2**20
    return {
        "documents": len(data.documents),
        "findings": len(data.findings),
        "render": render_time,
        "size": target.stat().st_size / 2**20,
        "load": statistics.median(load_times),
        "filter": filter_ms / 1000,
        "sort": sort_ms / 1000,
        "heap": heap,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3, help="page loads per report (median)")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of a report here")
    args = parser.parse_args()
    reason = chromium_missing()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 2

    start = time.perf_counter()
    corpus = wikinews_report(CORPUS_DOCUMENTS, title="Seed corpus (Wikinews, replicated)")
    lint_time = time.perf_counter() - start
    big = grow(corpus, BIG_FINDINGS)
    with tempfile.TemporaryDirectory(prefix="seedlint-report-") as temporary:
        folder = Path(temporary)
        driver = start_chromium(folder / "profile")
        try:
            rows = [
                ("corpus", measure(driver, corpus, folder, "corpus", args.loads)),
                ("100k findings", measure(driver, big, folder, "big", args.loads)),
            ]
            if args.screenshot:
                page = command_line_report(folder / "wikinews")
                open_report(driver, page)
                full_screenshot(driver, args.screenshot, height=SCREENSHOT_HEIGHT)
        finally:
            driver.quit()

    print(f"Linted {CORPUS_DOCUMENTS:,} documents in {lint_time:.1f} s (not part of the report).")
    print()
    print("| report | documents | findings | render_report | size | load to table | filter"
          " | sort | JS heap |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in rows:
        print(
            f"| {label} | {r['documents']:,} | {r['findings']:,} | {r['render']:.2f} s "
            f"| {r['size']:.1f} MiB | {r['load']:.2f} s | {r['filter'] * 1000:.0f} ms "
            f"| {r['sort'] * 1000:.0f} ms | {r['heap']:.0f} MiB |"
        )
    load = rows[0][1]["load"]
    verdict = "met" if load < LOAD_TARGET else "MISSED"
    print()
    print(f"Target: the {CORPUS_DOCUMENTS:,}-document report renders its table in under "
          f"{LOAD_TARGET:.0f} s: {verdict} ({load:.2f} s).")  # fmt: skip
    if args.screenshot:
        print(f"Screenshot: {args.screenshot}")
    return 0 if load < LOAD_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
