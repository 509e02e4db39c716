"""``seedlint report``: one self-contained HTML file about a corpus, for a curator to open
from disk: totals, charts, duplicate clusters and every finding, filterable.

The documents are checked as ``seedlint check`` checks them (the same sources, settings
and workers), and the corpus rules judge the documents of the run (no kept index): their
findings join the others, and the documents of each duplicate-document finding and the
first copy it names make the page's duplicate clusters. The page is written atomically to
``--output``.
"""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path

from msgspec.structs import replace

from seedlint.commands.check import note
from seedlint.commands.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    choose_jobs,
    documents,
    load_setup,
    record_fields,
)
from seedlint.commands.corpus import CorpusRun, corpus_work
from seedlint.commands.work import CheckContext, check_item
from seedlint.engine.corpus import CorpusDiagnostic
from seedlint.engine.diagnostics import Diagnostic
from seedlint.io.atomic import write_named
from seedlint.io.pool import ordered_map
from seedlint.output.html import ReportData, ReportDocument, ReportFinding, render_report

DUPLICATE_CHECK = "duplicate-document"  # the check whose findings make clusters
HEADER_DATE = re.compile(r"[\s\ufeff]*date (\d{4}-\d{2}-\d{2})\b")


def report_finding(d: Diagnostic, lines: list[str], text: str) -> ReportFinding:
    """A diagnostic as the report shows it: its source line, and its fix as before/after
    (the stretch from the first edit's start to the last edit's end)."""
    fix, before, after = "", "", ""
    if d.fix is not None:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        low, high = edits[0].start, max(e.end for e in edits)
        pieces, position = [], low
        for edit in edits:
            pieces += [text[position : edit.start], edit.content]
            position = edit.end
        pieces.append(text[position:high])
        fix, before, after = d.fix.applicability.value, text[low:high], "".join(pieces)
    line = lines[d.row - 1] if d.row <= len(lines) else ""
    return ReportFinding(
        d.path, d.code, d.name, d.severity.value, d.message, d.row, d.column, d.end_row,
        d.end_column, line.rstrip("\r"), fix, before, after,
    )  # fmt: skip


def folder_of(name: str) -> str:
    """The grouping a document is shown under: its folder, or its JSON Lines file."""
    if "#" in name:
        return name.rsplit("#", 1)[0]
    parent = Path(name).parent.as_posix()
    return "." if parent in ("", ".") else parent


def run_report(args: argparse.Namespace) -> int:
    setup = load_setup(args)
    if args.show_settings:
        from seedlint.commands.settings import show_settings

        return show_settings(setup, args)
    linter = setup.linter
    docs = documents(args, setup)
    reported: list[ReportDocument] = []
    findings: list[ReportFinding] = []
    errors = failing = 0
    work = None if docs.stdin else corpus_work(linter, setup.config.root)
    corpus = None if work is None else CorpusRun(linter, work, None, *record_fields(args))
    context = CheckContext(linter, None, work)
    for item, result in ordered_map(
        check_item, docs.items, context, choose_jobs(args.jobs, docs.known)
    ):
        if corpus is not None:
            corpus.add(item, result.contribution)
        if result.problem is not None:
            note(result.problem.message, "error" if result.problem.error else "note")
            errors += result.problem.error
            continue
        if not item.checkable:
            continue
        text = result.text or ""
        lines = text.split("\n")
        found = [report_finding(d, lines, text) for d in result.diagnostics]
        failing += sum(map(linter.fails, result.diagnostics))
        date = ""
        if result.text is not None:
            match = HEADER_DATE.match(text)
            date = match.group(1) if match else ""
        else:  # a clean document's text is not sent back: read its date from the item
            date = _date_of(item.path) if item.path is not None else _date_text(item.text)
        reported.append(ReportDocument(item.name, folder_of(item.name), date, len(found)))
        findings.extend(found)
    clusters: list[list[str]] = []
    if corpus is not None:
        by_key = corpus.diagnostics()
        reported, more = _with_corpus(corpus, by_key, reported)
        findings += more
        failing += sum(linter.fails(c.diagnostic) for items in by_key.values() for c in items)
        clusters = duplicate_clusters(corpus, by_key)
    title = args.title or f"seedlint report: {', '.join(args.paths) or 'configured paths'}"
    generated = args.generated or datetime.date.today().isoformat()
    page = render_report(ReportData(title, generated, reported, findings, clusters))
    write_named(args.output, page.encode("utf-8"))
    if not args.quiet:
        print(f"Wrote {args.output}: {len(reported)} {docs.unit}s, {len(findings)} findings.")
    if errors:
        return EXIT_ERROR
    return EXIT_FOUND if failing and not args.exit_zero else EXIT_CLEAN


def _with_corpus(
    corpus: CorpusRun, found: dict[str, list[CorpusDiagnostic]], reported: list[ReportDocument]
) -> tuple[list[ReportDocument], list[ReportFinding]]:
    """The documents with their counts of corpus findings added, and those findings."""
    findings: list[ReportFinding] = []
    counts: dict[str, int] = {}
    for key, items in found.items():
        text = corpus.text(key) or ""
        lines = text.split("\n")
        name = corpus.name(key)
        findings += [report_finding(item.diagnostic, lines, text) for item in items]
        counts[name] = counts.get(name, 0) + len(items)
    documents = [replace(d, findings=d.findings + counts.get(d.path, 0)) for d in reported]
    return documents, findings


def duplicate_clusters(
    corpus: CorpusRun, found: dict[str, list[CorpusDiagnostic]]
) -> list[list[str]]:
    """Each first copy with the documents that repeat it (duplicate-document findings)."""
    clusters: dict[str, list[str]] = {}
    for key, items in found.items():
        for item in items:
            if item.check == DUPLICATE_CHECK and item.other:
                clusters.setdefault(item.other, [corpus.name(item.other)]).append(corpus.name(key))
    return list(clusters.values())


def _date_text(text: str | None) -> str:
    match = HEADER_DATE.match(text or "")
    return match.group(1) if match else ""


def _date_of(path: Path) -> str:
    try:
        with open(path, "rb") as stream:
            head = stream.read(64).decode("utf-8", "replace")
    except OSError:
        return ""
    return _date_text(head)
