"""Run codespell, typos and proselint on the benchmark documents and map their reports to spans.

Each runner takes a folder of `<doc_id>.txt` files and returns {doc_id: [Finding, ...]}.
Positions: typos gives a byte offset in the line, proselint a character span in the file;
codespell gives only the line and the word, so the word's occurrence in that line is used
(the n-th report of a word on a line is its n-th occurrence; the whole line if not found).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from inject import CLASSES, Case
from score import Finding, Scores, line_span, score

CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")
Findings = dict[str, list[Finding]]


def read(folder: Path, doc_id: str) -> str:
    return (folder / f"{doc_id}.txt").read_text(encoding="utf-8")


def run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode not in (0, 1, 2, 65):  # these tools exit non-zero when they report
        raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr[-500:]}")
    return done.stdout


def codespell(folder: Path) -> Findings:
    out: Findings = {}
    seen: Counter[tuple[str, int, str]] = Counter()
    for raw in run(["codespell", str(folder)]).splitlines():
        m = CODESPELL_LINE.match(raw)
        if not m:
            continue
        doc_id, row, word = Path(m["path"]).stem, int(m["row"]), m["word"]
        text = read(folder, doc_id)
        start, end = line_span(text, row)
        nth = seen[doc_id, row, word]
        seen[doc_id, row, word] += 1
        pattern = rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w'\u2019-])"
        hits = list(re.finditer(pattern, text[start:end]))
        if nth < len(hits):
            start, end = start + hits[nth].start(), start + hits[nth].end()
        message = f"{word} ==> {m['fix']}"
        out.setdefault(doc_id, []).append(Finding(start, end, "codespell", message=message))
    return out


def typos(folder: Path) -> Findings:
    out: Findings = {}
    args = ["typos", "--format", "json", "--no-check-filenames", str(folder)]
    for raw in run(args).splitlines():
        item = json.loads(raw)
        if item.get("type") != "typo":
            continue
        doc_id = Path(item["path"]).stem
        text = read(folder, doc_id)
        line_start, line_end = line_span(text, item["line_num"])
        prefix = text[line_start:line_end].encode("utf-8")[: item["byte_offset"]]
        start = line_start + len(prefix.decode("utf-8", errors="replace"))
        message = f"{item['typo']} ==> {', '.join(item.get('corrections', []))}"
        finding = Finding(start, start + len(item["typo"]), "typos", message=message)
        out.setdefault(doc_id, []).append(finding)
    return out


def proselint(folder: Path) -> Findings:
    """proselint lints "\\n" + text + "\\n", so its spans are one past the file's offsets."""
    out: Findings = {}
    report = json.loads(run(["proselint", "check", "-o", "json", str(folder)]) or "{}")
    for uri, result in report.get("result", {}).items():
        doc_id = Path(unquote(urlparse(uri).path)).stem
        size = len(read(folder, doc_id))
        for d in result.get("diagnostics", []):
            start, end = (min(max(p - 1, 0), size) for p in d["span"])
            finding = Finding(start, end, d["check_path"], message=d["message"])
            out.setdefault(doc_id, []).append(finding)
    return out


TOOLS: dict[str, Callable[[Path], Findings]] = {
    "codespell": codespell,
    "typos": typos,
    "proselint": proselint,
}


def available() -> dict[str, Callable[[Path], Findings]]:
    return {name: runner for name, runner in TOOLS.items() if shutil.which(name)}


def report(cases: list[Case], seedlint_scores: Scores) -> None:
    """Print recall by class and false positives of seedlint and every installed peer."""
    tools = available()
    table: dict[str, Scores] = {"seedlint": seedlint_scores}
    with tempfile.TemporaryDirectory(prefix="seedlint-accuracy-") as tmp:
        folder = Path(tmp)
        for case in cases:
            path = folder / f"{case.doc_id}.txt"
            path.write_text(case.damaged, encoding="utf-8", newline="")
        for name, runner in tools.items():
            table[name] = score(cases, runner(folder))
    names = list(table)
    print("\nrecall by class, seedlint and peer tools (same documents, same span overlap rule)")
    print(f"{'class':28} {'n':>4}" + "".join(f" {name:>10}" for name in names))
    for cls in CLASSES:
        row = f"{cls:28} {seedlint_scores.total[cls]:4}"
        print(row + "".join(f" {table[name].recall(cls):10.3f}" for name in names))
    row = f"{'FP per 100 clean docs':33}"
    print(row + "".join(f" {table[name].fp_per_100():10.1f}" for name in names))
    print(
        "seedlint FPs count error/warning only; every peer report counts. codespell reports a line"
        "\nand a word only: its span is that word's occurrence in the line."
    )
    for name in names[1:]:
        top = ", ".join(f"{code} {n}" for code, n in table[name].false_positives.most_common(5))
        print(f"  {name} on clean docs: {top or 'nothing'}")
    for name in sorted(set(TOOLS) - set(tools)):
        print(f"  {name}: not installed, skipped")
