"""The HTML report: one self-contained page a corpus curator opens from disk.

The page needs no network: its style, script and charts are inline. The summary and the
charts (findings per rule, per document, per month of the header date, per folder, and the
sizes of duplicate clusters) are rendered here as HTML and inline SVG (drawn by ``charts.py``),
so they print and read with scripts off. The findings are embedded once, as compact JSON in a
``<script type="application/json">`` block, and the inline script (``html_assets/report.js``)
shows them a page at a time, filtered and sorted, so 100,000 findings load without freezing.

Every string from documents is untrusted. In markup it is HTML-escaped; in the JSON block
``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no ``</script>`` or ``<!--`` can end
the block; the script only ever sets ``textContent``. A Content-Security-Policy naming the
hashes of the inline script and style lets nothing else run or load. Findings, documents and
clusters are sorted here, so the same input gives the same page byte for byte, whatever order
it came in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any, TypeVar
from urllib.parse import quote

import msgspec

from seedlint.output.charts import (
    EXACT_BINS,
    Bar,
    bins,
    column_chart,
    empty,
    esc,
    horizontal_chart,
    number,
    plural,
)

SEVERITIES = ("error", "warning", "info")  # also the order of the severity sort, worst first
FIX_KINDS = ("safe", "unsafe", "")  # "" is no fix

CONTEXT = 60  # characters of the source line kept on each side of a finding
LONG_SPAN = 80  # longer spans are kept by their two ends
EDGE = 24  # characters kept of each end of a long span
LONG_FIX = 120  # longer fix texts are cut down to the places that change
FIX_CONTEXT = 20  # unchanged characters kept on each side of a place a long fix changes
COMPARE_CHUNK = 64  # equal-length fix texts are compared this many characters at a time
MAX_PLACES = 3  # changed places shown of a long fix; the others are counted
CLIP_PRE, CLIP_POST, CLIP_NEXT_LINE = 1, 2, 4  # flags: context cut on the left, right; span
# goes on past the end of its line
MAX_BARS = 30  # bars in a per-rule or per-folder chart; the rest are summed in a note
MAX_CLUSTERS = 200  # duplicate clusters listed with their members; the rest are counted
MAX_MONTHS = 360  # a longer span of header dates is charted per year rather than per month

Key = TypeVar("Key")
_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-\d{2}")
_UNSAFE_CHARACTERS = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ReportDocument(msgspec.Struct, frozen=True):
    path: str  # as shown to users, e.g. "seeds/2024/a.txt" or "corpus.jsonl#42"
    folder: str  # grouping key for the "by folder" chart and filter
    date: str  # the header date "YYYY-MM-DD", or "" when the document has none
    findings: int


class ReportFinding(msgspec.Struct, frozen=True):
    path: str
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    message: str
    row: int
    column: int
    end_row: int
    end_column: int
    line: str  # the source line holding the finding, without its line break
    fix: str  # "safe" | "unsafe" | "" (no fix)
    before: str  # the fix's text before and after ("" when no fix)
    after: str


class ReportData(msgspec.Struct, frozen=True):
    title: str
    generated: str  # the generation date, given by the caller (the page never reads a clock)
    documents: list[ReportDocument]
    findings: list[ReportFinding]
    clusters: list[list[str]]  # duplicate clusters: lists of document paths, may be empty


def render_report(data: ReportData) -> str:
    """The report as one HTML page. Raises ValueError for an unknown severity or fix kind."""
    data = _normalised(data)
    # the policy hashes each element's exact text, the line break after the tag included
    css = "\n" + _asset("report.css")
    script = "\n" + _asset("report.js")
    folder_of = {doc.path: doc.folder for doc in data.documents}
    for f in data.findings:  # a finding of a document not listed: grouped by its parent
        if f.path not in folder_of:
            folder_of[f.path] = posixpath.dirname(f.path) or "."
    body = "\n".join(
        [
            _header(data),
            _summary(data),
            _charts(data, folder_of),
            _clusters(data.clusters),
            _findings_section(data, folder_of),
        ]
    )
    policy = (
        "default-src 'none'; "
        f"script-src '{_sha256(script)}'; style-src '{_sha256(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{esc(data.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        '<a class="skip-link" href="#findings">Skip to the findings table</a>\n'
        f'<main id="main">\n{body}\n</main>\n'
        f'<script type="application/json" id="report-data">{_payload(data, folder_of)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


# --- input: cleaned, checked, sorted ---------------------------------------------------------


def _clean(text: str) -> str:
    """Text that encodes as UTF-8 and parses as HTML: lone surrogates (undecodable file names)
    and control characters become U+FFFD."""
    if text.isprintable():  # the common case, and a quick test: no control or surrogate
        return text
    return _UNSAFE_CHARACTERS.sub("\ufffd", text)


def _normalised(data: ReportData) -> ReportData:
    """The data cleaned and in one order, so that input order never changes the page."""
    findings = []
    for f in data.findings:
        if f.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {f.severity!r} in a finding of {f.path!r}")
        if f.fix not in FIX_KINDS:
            raise ValueError(f"unknown fix kind {f.fix!r} in a finding of {f.path!r}")
        findings.append(
            ReportFinding(
                _clean(f.path), _clean(f.code), _clean(f.name), f.severity, _clean(f.message),
                f.row, f.column, f.end_row, f.end_column, _clean(f.line), f.fix,
                _clean(f.before), _clean(f.after),
            )
        )  # fmt: skip
    findings.sort(key=_finding_key)
    documents: dict[str, ReportDocument] = {}
    for doc in sorted(data.documents, key=lambda d: (d.path, d.folder, d.date, d.findings)):
        clean = ReportDocument(_clean(doc.path), _clean(doc.folder), doc.date, doc.findings)
        documents.setdefault(clean.path, clean)  # a path listed twice counts once
    clusters = sorted(
        (sorted({_clean(path) for path in cluster}) for cluster in data.clusters if cluster),
        key=lambda members: (-len(members), members),
    )
    return ReportData(
        _clean(data.title), _clean(data.generated), list(documents.values()), findings, clusters
    )


def _finding_key(f: ReportFinding) -> tuple[Any, ...]:
    return (
        f.path, f.row, f.column, f.end_row, f.end_column, f.code, f.name,
        SEVERITIES.index(f.severity), f.message, FIX_KINDS.index(f.fix), f.before, f.after, f.line,
    )  # fmt: skip


# --- the embedded findings -------------------------------------------------------------------


def _payload(data: ReportData, folder_of: dict[str, str]) -> str:
    """The findings as compact JSON, safe inside a script element.

    Paths, folders, rules and messages are stored once each, in sorted tables, and findings
    refer to them by index: the page then sorts by comparing integers. A finding is
    [document, rule, severity, message, row, column, context before, span, span end,
    context after, clip flags, fix kind, fix before, fix after, changed places left out].
    """
    paths = sorted({doc.path for doc in data.documents} | {f.path for f in data.findings})
    folders = sorted({folder_of[path] for path in paths})
    rules = sorted({(f.code, f.name) for f in data.findings})
    messages = sorted({f.message for f in data.findings})
    path_index, rule_index = _index(paths), _index(rules)
    folder_index, message_index = _index(folders), _index(messages)
    rows = []
    for f in data.findings:
        before, head, tail, after, clip = _context(f)
        fix_before, fix_after, more = _fix_texts(f.before, f.after)
        rows.append(
            [
                path_index[f.path], rule_index[(f.code, f.name)], SEVERITIES.index(f.severity),
                message_index[f.message], f.row, f.column, before, head, tail, after, clip,
                FIX_KINDS.index(f.fix), fix_before, fix_after, more,
            ]
        )  # fmt: skip
    payload = {
        "docs": [[path, folder_index[folder_of[path]]] for path in paths],
        "folders": folders,
        "rules": [list(rule) for rule in rules],
        "messages": messages,
        "findings": rows,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _index(values: Sequence[Any]) -> dict[Any, int]:
    return {value: number for number, value in enumerate(values)}


def _context(f: ReportFinding) -> tuple[str, str, str, str, int]:
    """The source line around the finding: before, span (or its head), span tail, after, flags.

    Columns are 1-based and the end column is the first one past the span; a span going on to
    later lines runs to the end of this one.
    """
    line = f.line
    start = min(max(f.column - 1, 0), len(line))
    if f.end_row > f.row:
        end, clip = len(line), CLIP_NEXT_LINE
    else:
        end, clip = min(max(f.end_column - 1, start), len(line)), 0
    left, right = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
    clip |= CLIP_PRE if left else 0
    clip |= CLIP_POST if right < len(line) else 0
    span = line[start:end]
    head, tail = (span[:EDGE], span[-EDGE:]) if len(span) > LONG_SPAN else (span, "")
    return line[left:start], head, tail, line[end:right], clip


def _fix_texts(before: str, after: str) -> tuple[str, str, int]:
    """A fix's before and after; long ones cut down to the places that change, each with a
    little context, and the number of changed places left out.

    Equal lengths mean substitutions (say, every curly apostrophe of a document made
    straight): those are compared position by position, each run of changes one place.
    Otherwise the place is what lies between the common start and the common end.
    """
    if len(before) <= LONG_FIX and len(after) <= LONG_FIX:
        return before, after, 0
    if len(before) == len(after):
        places = [(start, end, start, end) for start, end in _changed_runs(before, after)]
    else:
        prefix = 0
        while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < min(len(before), len(after)) - prefix
            and before[-1 - suffix] == after[-1 - suffix]
        ):
            suffix += 1
        places = [(prefix, len(before) - suffix, prefix, len(after) - suffix)]
    shown = places[:MAX_PLACES]
    cut_before = _excerpt(before, [(start, end) for start, end, _, _ in shown])
    cut_after = _excerpt(after, [(start, end) for _, _, start, end in shown])
    return cut_before, cut_after, len(places) - len(shown)


def _changed_runs(before: str, after: str) -> list[tuple[int, int]]:
    """[start, end) runs where two strings of one length differ, runs closer than twice the
    context merged."""
    runs: list[tuple[int, int]] = []
    for chunk in range(0, len(before), COMPARE_CHUNK):
        end = chunk + COMPARE_CHUNK
        if before[chunk:end] == after[chunk:end]:  # most of the text: compared at C speed
            continue
        for position in range(chunk, min(end, len(before))):
            if before[position] == after[position]:
                continue
            if runs and position - runs[-1][1] <= 2 * FIX_CONTEXT:
                runs[-1] = (runs[-1][0], position + 1)
            else:
                runs.append((position, position + 1))
    return runs


def _excerpt(text: str, places: list[tuple[int, int]]) -> str:
    """The places of text, in order, each with FIX_CONTEXT characters on either side, and "…"
    wherever text is left out; a place longer than LONG_FIX keeps its two ends."""
    pieces, shown_to = [], 0
    for start, end in places:
        left, right = max(shown_to, start - FIX_CONTEXT), min(len(text), end + FIX_CONTEXT)
        if left > shown_to:
            pieces.append("…")
        middle = text[left:right]
        if len(middle) > LONG_FIX:
            middle = f"{middle[: LONG_FIX // 2]}…{middle[-LONG_FIX // 2 :]}"
        pieces.append(middle)
        shown_to = right
    if shown_to < len(text):
        pieces.append("…")
    return "".join(pieces)


# --- markup helpers --------------------------------------------------------------------------


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _asset(name: str) -> str:
    text = (resources.files("seedlint.output") / "html_assets" / name).read_text(encoding="utf-8")
    if "</" in text and name.endswith(".js"):
        raise RuntimeError(f"{name} must not contain '</': it would end its script element")
    return text


def _doc_link(path: str) -> str:
    """A link that filters the findings table to one document (the script reads the hash)."""
    return f'<a href="#doc={esc(quote(path, safe=""))}"><bdi>{esc(path)}</bdi></a>'


# --- header and summary ----------------------------------------------------------------------


def _header(data: ReportData) -> str:
    return (
        f'<header>\n<h1>{esc(data.title)}</h1>\n<p class="generated">Generated '
        f"<time>{esc(data.generated)}</time> by seedlint</p>\n</header>"
    )


def _summary(data: ReportData) -> str:
    severity = Counter(f.severity for f in data.findings)
    fixes = Counter(f.fix for f in data.findings)
    clean = sum(1 for doc in data.documents if doc.findings == 0)
    share = f"{100 * clean / len(data.documents):.0f}%" if data.documents else "–"
    items = [
        ("documents", "Documents", len(data.documents), ""),
        ("findings", "Findings", len(data.findings), ""),
        ("error", "Errors", severity["error"], "sev-error"),
        ("warning", "Warnings", severity["warning"], "sev-warning"),
        ("info", "Info", severity["info"], "sev-info"),
        ("safe", "Fixable safely", fixes["safe"], ""),
        ("unsafe", "Fixable unsafely", fixes["unsafe"], ""),
        ("clean", f"Documents clean ({share})", clean, ""),
    ]
    cards = "\n".join(
        f'<div class="card {css}"><dt>{label}</dt>'
        f'<dd id="total-{key}" data-value="{value}">{number(value)}</dd></div>'
        for key, label, value, css in items
    )
    return (
        '<section aria-labelledby="summary-title">\n<h2 id="summary-title">Summary</h2>\n'
        f'<dl class="summary">\n{cards}\n</dl>\n</section>'
    )


# --- charts ----------------------------------------------------------------------------------


def _by_severity(pairs: Iterable[tuple[Key, str]]) -> dict[Key, Counter[str]]:
    """Counts of each severity for each key, from (key, severity) pairs."""
    grouped: dict[Key, Counter[str]] = {}
    for (key, severity), count in Counter(pairs).items():
        grouped.setdefault(key, Counter())[severity] = count
    return grouped


def _severity_parts(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple((f"bar-{sev}", counts[sev]) for sev in SEVERITIES if counts[sev])


def _charts(data: ReportData, folder_of: dict[str, str]) -> str:
    legend = "".join(
        f'<li><span class="swatch bar-{sev}" aria-hidden="true"></span>{sev}</li>'
        for sev in SEVERITIES
    )
    figures = [
        _rule_chart(data.findings),
        _document_chart(data.documents),
        _time_chart(data, folder_of),
        _folder_chart(data, folder_of),
    ]
    return (
        '<section aria-labelledby="charts-title">\n<h2 id="charts-title">Charts</h2>\n'
        f'<ul class="legend" aria-label="Colours">{legend}</ul>\n'
        f'<div class="charts">\n{"".join(figures)}</div>\n</section>'
    )


def _figure(key: str, caption: str, chart: str, note: str = "") -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    return (
        f'<figure class="chart" id="chart-{key}" aria-labelledby="chart-{key}-title">\n'
        f'<figcaption id="chart-{key}-title">{caption}</figcaption>\n{chart}\n{note_html}'
        "</figure>\n"
    )


def _rule_chart(findings: Sequence[ReportFinding]) -> str:
    by_rule = _by_severity(((f.code, f.name), f.severity) for f in findings)
    bars = [
        Bar(f"{code} {name}", _severity_parts(counts)) for (code, name), counts in by_rule.items()
    ]
    return _figure("rules", "Findings per rule", *_ranked_bars(bars, "rule", "findings"))


def _folder_chart(data: ReportData, folder_of: dict[str, str]) -> str:
    by_folder = _by_severity((folder_of[f.path], f.severity) for f in data.findings)
    documents = Counter(doc.folder for doc in data.documents)
    bars = [
        Bar(f"{folder} ({plural(documents[folder], 'doc')})", _severity_parts(counts))
        for folder, counts in by_folder.items()
    ]
    return _figure("folders", "Findings per folder", *_ranked_bars(bars, "folder", "findings"))


def _ranked_bars(bars: list[Bar], thing: str, unit: str) -> tuple[str, str]:
    """A horizontal bar chart of the largest bars, and a note summing the ones left out."""
    bars = sorted(bars, key=lambda bar: (-bar.total, bar.label))
    shown, rest = bars[:MAX_BARS], bars[MAX_BARS:]
    note = ""
    if rest:
        left_out = sum(bar.total for bar in rest)
        note = f"{plural(len(rest), 'more ' + thing)} with {plural(left_out, unit[:-1])}."
    return horizontal_chart(shown, unit), note


def _document_chart(documents: Sequence[ReportDocument]) -> str:
    columns = bins([doc.findings for doc in documents], low=0)
    bars = [Bar(label, (("bar-plain", count),)) for label, count in columns]
    chart = column_chart(bars, [bar.label for bar in bars], "documents")
    return _figure("documents", "Documents by their number of findings", chart)


def _time_chart(data: ReportData, folder_of: dict[str, str]) -> str:
    date_of = {doc.path: doc.date for doc in data.documents if _DATE.fullmatch(doc.date)}
    dated = [(date_of[f.path][:7], f.severity) for f in data.findings if f.path in date_of]
    by_month = _by_severity(dated)
    undated = len(data.findings) - len(dated)
    note = f"{plural(undated, 'finding')} in documents with no header date." if undated else ""
    if not by_month:
        return _figure("time", "Findings per month of the header date", empty(), note)
    keys, unit = _months(min(by_month), max(by_month)), "month"
    if len(keys) > MAX_MONTHS:  # columns would be too thin to see: one per year instead
        by_year: dict[str, Counter[str]] = {}
        for month, counts in by_month.items():
            by_year.setdefault(month[:4], Counter()).update(counts)
        keys, by_month, unit = _years(min(by_year), max(by_year)), by_year, "year"
    bars = [Bar(key, _severity_parts(by_month.get(key, Counter()))) for key in keys]
    chart = column_chart(bars, _time_labels(keys), "findings")
    return _figure("time", f"Findings per {unit} of the header date", chart, note)


def _months(first: str, last: str) -> list[str]:
    """Every month from first to last ("YYYY-MM"), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _years(first: str, last: str) -> list[str]:
    return [f"{year:04d}" for year in range(int(first), int(last) + 1)]


def _time_labels(keys: list[str]) -> list[str]:
    """Axis labels: every column when few, else the first column of each year (thinned)."""
    if len(keys) <= EXACT_BINS:
        return keys
    years = sorted({key[:4] for key in keys})
    step = -(-len(years) // EXACT_BINS)  # ceiling: at most EXACT_BINS labels
    shown = set(years[::step])
    labels, seen = [], set()
    for key in keys:
        year = key[:4]
        labels.append(year if year in shown and year not in seen else "")
        seen.add(year)
    return labels


# --- duplicate clusters ----------------------------------------------------------------------


def _clusters(clusters: list[list[str]]) -> str:
    head = (
        '<section aria-labelledby="clusters-title">\n'
        '<h2 id="clusters-title">Duplicate clusters</h2>\n'
    )
    if not clusters:
        return head + '<p class="empty" id="clusters-none">No duplicate clusters.</p>\n</section>'
    sizes = bins([len(cluster) for cluster in clusters], low=2)
    bars = [Bar(label, (("bar-plain", count),)) for label, count in sizes]
    chart = column_chart(bars, [bar.label for bar in bars], "clusters")
    figure = _figure("clusters", "Clusters by size", chart)
    items = []
    for cluster in clusters[:MAX_CLUSTERS]:
        members = "".join(f"<li>{_doc_link(path)}</li>" for path in cluster)
        items.append(
            f"<li><details><summary>{plural(len(cluster), 'document')}: "
            f"<bdi>{esc(cluster[0])}</bdi></summary><ul>{members}</ul></details></li>"
        )
    rest = len(clusters) - MAX_CLUSTERS
    more = f'<p class="note">{plural(rest, "more cluster")} not listed.</p>' if rest > 0 else ""
    return (
        head + f'<p id="clusters-count">{plural(len(clusters), "cluster")} of identical documents, '
        f"{plural(sum(map(len, clusters)), 'document')} in all.</p>\n"
        + f'<div class="charts">{figure}<div class="cluster-list"><ol class="clusters">'
        + f"{''.join(items)}</ol>\n{more}</div></div>\n"
        + "</section>"
    )


# --- the findings table (filled in by the script) --------------------------------------------


def _options(entries: Iterable[tuple[int, str, int]], everything: str, total: int) -> str:
    options = [f'<option value="-1">{everything} ({number(total)})</option>']
    options += [
        f'<option value="{value}">{esc(label)} ({number(count)})</option>'
        for value, label, count in entries
        if count
    ]
    return "".join(options)


def _findings_section(data: ReportData, folder_of: dict[str, str]) -> str:
    total = len(data.findings)
    rules = sorted({(f.code, f.name) for f in data.findings})
    by_rule = Counter((f.code, f.name) for f in data.findings)
    paths = {doc.path for doc in data.documents} | {f.path for f in data.findings}
    folders = sorted({folder_of[path] for path in paths})
    by_folder = Counter(folder_of[f.path] for f in data.findings)
    by_severity = Counter(f.severity for f in data.findings)
    by_fix = Counter(f.fix for f in data.findings)
    rule_options = _options(
        ((n, f"{code} {name}", by_rule[(code, name)]) for n, (code, name) in enumerate(rules)),
        "All rules", total,
    )  # fmt: skip
    severity_options = _options(
        ((n, sev, by_severity[sev]) for n, sev in enumerate(SEVERITIES)), "All severities", total
    )
    fix_labels = ("safe fix", "unsafe fix", "no fix")
    fix_options = _options(
        ((n, fix_labels[n], by_fix[kind]) for n, kind in enumerate(FIX_KINDS)), "Any fix", total
    )
    folder_options = _options(
        ((n, folder, by_folder[folder]) for n, folder in enumerate(folders)), "All folders", total
    )
    return _asset("findings.html").format(
        rule_options=rule_options,
        severity_options=severity_options,
        folder_options=folder_options,
        fix_options=fix_options,
    )
