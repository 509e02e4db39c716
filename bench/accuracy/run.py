"""Accuracy benchmark for seedlint: injected defects in Wikinews seeds, recall and restoration.

    python bench/accuracy/run.py [--peers] [--strict] [--show N] [--per-class N] [--seed N]

Always exits 0 unless --strict is given and a target is missed (then 1).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import peers
from inject import CLASSES, REPO, RESTORABLE, Case, build_cases
from score import (
    CLEAN_UNCHANGED_TARGET,
    FP_TARGET,
    RECALL_TARGET,
    RESTORE_TARGET,
    Finding,
    Scores,
    score,
    snippet,
    unexplained_change,
)


def load_seedlint() -> ModuleType:
    """Import seedlint from this checkout, ahead of any installed copy."""
    sys.path.insert(0, str(REPO))
    return importlib.import_module("seedlint")


def lint_all(seedlint: ModuleType, cases: Iterable[Case]) -> tuple[dict[str, list[Finding]], int]:
    findings: dict[str, list[Finding]] = {}
    crashes = 0
    for case in cases:
        try:
            diagnostics = seedlint.lint_text(case.damaged)
        except Exception:
            crashes += 1
            print(f"lint_text crashed on {case.doc_id}:\n{traceback.format_exc(limit=3)}")
            continue
        findings[case.doc_id] = [
            Finding(d.start, d.end, f"{d.code} {d.name}", d.severity, d.message)
            for d in diagnostics
        ]
    return findings, crashes


def fix_all(seedlint: ModuleType, cases: Iterable[Case]) -> dict[str, str | None]:
    """fix_text result of every document whose restoration is scored (None when it crashed)."""
    fixed: dict[str, str | None] = {}
    for case in cases:
        if not case.restorable:
            continue
        try:
            fixed[case.doc_id] = seedlint.fix_text(case.damaged)[0]
        except Exception:
            fixed[case.doc_id] = None
            print(f"fix_text crashed on {case.doc_id}:\n{traceback.format_exc(limit=3)}")
    return fixed


def first_difference(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def mark(ok: bool) -> str:
    return "" if ok else "  MISS"


def report_seedlint(
    cases: list[Case], scores: Scores, fixed: dict[str, str | None], show: int
) -> list[str]:
    """Print the seedlint table; return the targets that were missed."""
    missed: list[str] = []
    restored: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    failures: dict[str, list[tuple[Case, tuple[int, int] | None]]] = {}
    for case in cases:
        if case.doc_id not in fixed:
            continue
        tried[case.cls] += 1
        out = fixed[case.doc_id]
        change = (0, 0) if out is None else unexplained_change(case, out)
        exact[case.cls] += out == case.original
        if out is not None and change is None:
            restored[case.cls] += 1
        else:
            failures.setdefault(case.cls, []).append((case, change if out is not None else None))

    head = f"{'class':24} {'n':>4} {'recall':>7} {'line':>6} {'target':>7}"
    print(head + f" {'restored':>9} {'exact':>6} {'target':>7}")
    for cls in CLASSES:
        recall = scores.recall(cls)
        ok = recall >= RECALL_TARGET[cls]
        if not ok:
            missed.append(f"recall {cls} {recall:.3f} < {RECALL_TARGET[cls]}")
        row = f"{cls:24} {scores.total[cls]:4} {recall:7.3f} {scores.recall(cls, line=True):6.3f}"
        row += f" {'>=' + str(RECALL_TARGET[cls]):>7}"
        if RESTORABLE[cls]:
            share = restored[cls] / tried[cls] if tried[cls] else float("nan")
            if share < RESTORE_TARGET:
                missed.append(f"restoration {cls} {share:.3f} < {RESTORE_TARGET}")
                ok = False
            row += f" {share:9.3f} {exact[cls] / max(tried[cls], 1):6.3f}"
            row += f" {'>=' + str(RESTORE_TARGET):>7}"
        else:
            row += f" {'-':>9} {'-':>6} {'-':>7}"
        print(row + mark(ok))
    print(
        "(restored: fix_text output equals the original seed apart from known defects of the"
        "\n published text, see source_defects.py; exact: byte-identical)"
    )

    total = sum(tried[c] for c in CLASSES)
    print(f"\nrestored overall: {sum(restored[c] for c in CLASSES)}/{total} restorable documents")
    unchanged = restored["clean"] / max(tried["clean"], 1)
    ok = unchanged >= CLEAN_UNCHANGED_TARGET
    if not ok:
        missed.append(f"clean unchanged {unchanged:.3f} < {CLEAN_UNCHANGED_TARGET}")
    print(
        f"clean documents unchanged by fix_text: {restored['clean']}/{tried['clean']}"
        f" = {unchanged:.3f} (target >= {CLEAN_UNCHANGED_TARGET}){mark(ok)};"
        f" byte-identical: {exact['clean']}"
    )
    fp = scores.fp_per_100()
    ok = fp <= FP_TARGET
    if not ok:
        missed.append(f"false positives {fp:.2f} per 100 clean docs > {FP_TARGET}")
    print(
        f"false positives (error/warning) on {scores.clean_docs} clean documents: "
        f"{sum(scores.false_positives.values())} = {fp:.2f} per 100"
        f" (target <= {FP_TARGET}){mark(ok)}"
    )
    for code, count in scores.false_positives.most_common():
        print(f"  {count:4}  {code}")
        for example in scores.examples[code]:
            print(f"          {example}")
    found = sum(scores.source_found.values())
    print(f"known defects of the published text flagged on clean documents: {found}")
    for code, count in scores.source_found.most_common():
        print(f"  {count:4}  {code}")
    print(f"info-level diagnostics on clean documents: {sum(scores.info.values())}")
    for code, count in scores.info.most_common():
        print(f"  {count:4}  {code}")

    if show:
        show_misses(scores, show)
        show_failures(failures, fixed, show)
    return missed


def show_misses(scores: Scores, show: int) -> None:
    print("\nmissed defects (damaged text around the defect):")
    for cls in CLASSES:
        for case in scores.missed.get(cls, [])[:show]:
            where = snippet(case.damaged, case.start, case.end)
            print(f"  {cls:24} {case.doc_id}: {where} (was {case.original_text[:20]!r})")


def show_failures(
    failures: dict[str, list[tuple[Case, tuple[int, int] | None]]],
    fixed: dict[str, str | None],
    show: int,
) -> None:
    print("\nfailed restorations (original vs fix_text output at the first unexplained change):")
    for cls in (*CLASSES, "clean"):
        for case, change in failures.get(cls, [])[:show]:
            out = fixed[case.doc_id]
            if out is None or change is None:
                print(f"  {cls:24} {case.doc_id}: fix_text crashed")
                continue
            i, j = change
            print(f"  {cls:24} {case.doc_id}: expected {snippet(case.original, i, i + 1, 25)}")
            print(f"  {'':24} {'':{len(case.doc_id)}}  got      {snippet(out, j, j + 1, 25)}")


def report_peers(cases: list[Case], seedlint_scores: Scores) -> None:
    tools = peers.available()
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
    print(f"{'class':24} {'n':>4}" + "".join(f" {name:>10}" for name in names))
    for cls in CLASSES:
        row = f"{cls:24} {seedlint_scores.total[cls]:4}"
        print(row + "".join(f" {table[name].recall(cls):10.3f}" for name in names))
    row = f"{'FP per 100 clean docs':29}"
    print(row + "".join(f" {table[name].fp_per_100():10.1f}" for name in names))
    print(
        "seedlint FPs count error/warning only; every peer report counts. codespell reports a line"
        "\nand a word only: its span is that word's occurrence in the line."
    )
    for name in names[1:]:
        top = ", ".join(f"{code} {n}" for code, n in table[name].false_positives.most_common(5))
        print(f"  {name} on clean docs: {top or 'nothing'}")
    for name in sorted(set(peers.TOOLS) - set(tools)):
        print(f"  {name}: not installed, skipped")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", action="store_true", help="also run codespell, typos, proselint")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="examples of misses")
    parser.add_argument("--per-class", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    began = time.perf_counter()
    seedlint = load_seedlint()
    cases = build_cases(args.per_class, seed=args.seed)
    clean = sum(case.cls == "clean" for case in cases)
    print(
        f"seedlint accuracy: {len(cases)} documents from Wikinews ({len(cases) - clean} damaged, "
        f"{clean} clean), seed {args.seed}\n"
    )
    findings, crashes = lint_all(seedlint, cases)
    scores = score(cases, findings)
    missed = report_seedlint(cases, scores, fix_all(seedlint, cases), args.show)
    if crashes:
        missed.append(f"lint_text crashed on {crashes} documents")
    if args.peers:
        report_peers(cases, scores)

    print(f"\n{len(missed)} targets missed" + "".join(f"\n  {m}" for m in missed))
    print(f"time: {time.perf_counter() - began:.1f} s")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
