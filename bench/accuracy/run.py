"""Accuracy benchmark for seedlint: every corpus and split, published and with injected defects.

    python bench/accuracy/run.py [--peers] [--strict] [--show N] [--per-class N] [--seed N]
                                 [--corpus NAME ...]

For each corpus split (Wikinews English development, digital.gov development and validation,
18F validation) it lints every published article (false alarms and precision per rule against
tests/data/<corpus>/known_defects.tsv) and up to --per-class damaged copies per defect class
(recall; for repairable classes, whether fix_text of the damaged copy equals fix_text of its
clean twin). Examples (--show) of false alarms, of misses and of damaged copies whose fix
differs from the twin's are shown for development splits only. Then ftfy's
own test cases, wrapped as seeds: mojibake found and repaired (bench/accuracy/mojibake_cases.py).
Always exits 0 unless --strict is given and a target is missed (then 1).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import mojibake_cases
import peers
import seed_corpora
from inject import CLASSES, LANGUAGE_FREE, REPO, RESTORABLE, Case, build_cases, load_articles
from published import Published, evaluate
from score import (
    CLEAN_UNCHANGED_TARGET,
    FP_TARGET,
    RECALL_TARGET,
    RESTORE_TARGET,
    Finding,
    Scores,
    score,
    snippet,
)

DEVELOPMENT = "development"


@dataclass
class GroupResult:
    """Figures of one corpus split."""

    corpus: str
    split: str
    published: Published
    scores: Scores
    twin: Counter[str] = field(default_factory=Counter)  # fix(damaged) == fix(original)
    exact: Counter[str] = field(default_factory=Counter)  # fix(damaged) == original
    tried: Counter[str] = field(default_factory=Counter)
    unrestored: dict[str, list[Case]] = field(default_factory=dict)  # fix(damaged) != twin's
    missed: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.corpus}/{self.split}"


def load_seedlint() -> ModuleType:
    """Import seedlint from this checkout, ahead of any installed copy."""
    sys.path.insert(0, str(REPO))
    return importlib.import_module("seedlint")


def lint_all(
    lint: Callable[..., Sequence[Any]], cases: Iterable[Case]
) -> tuple[dict[str, list[Finding]], int]:
    findings: dict[str, list[Finding]] = {}
    crashes = 0
    for case in cases:
        try:
            # named as its article's file: judged among the corpus's other articles too
            diagnostics = lint(case.damaged, path=f"{case.article}.txt")
        except Exception:
            crashes += 1
            print(f"lint_text crashed on {case.doc_id}:\n{traceback.format_exc(limit=3)}")
            continue
        findings[case.doc_id] = [
            Finding(d.start, d.end, f"{d.code} {d.name}", d.severity, d.message)
            for d in diagnostics
        ]
    return findings, crashes


def check_fixes(fix: Callable[[str, str], str], cases: list[Case], result: GroupResult) -> None:
    """For each repairable damaged document: does fix_text give what it gives the clean twin?"""
    for case in cases:
        if not case.restorable:
            continue
        result.tried[case.cls] += 1
        try:
            # named as its article's file: fixed among the corpus's other articles too
            out = fix(case.damaged, f"{case.article}.txt")
        except Exception:
            print(f"fix_text crashed on {case.doc_id}:\n{traceback.format_exc(limit=3)}")
            continue
        twin = result.published.fixed.get(case.article)
        restored = twin is not None and out == twin
        result.twin[case.cls] += restored
        if not restored:
            result.unrestored.setdefault(case.cls, []).append(case)
        result.exact[case.cls] += out == case.original


def run_group(
    seedlint: ModuleType, corpus: str, split: str, per_class: int, seed: int
) -> tuple[GroupResult, list[Case], dict[str, list[Finding]]]:
    articles = seed_corpora.articles(corpus, [split])
    seeds = {a.article_id: a.seed for a in articles}
    lint, fixed = seed_corpora.lint_for(corpus), seed_corpora.fix_for(corpus)

    def fix(text: str, path: str | None = None) -> str:
        return str(fixed(text, path=path)[0])

    published = evaluate(corpus, articles, lint, fix)
    english = seed_corpora.CORPORA[corpus].languages == ("en",)
    classes = CLASSES if english else LANGUAGE_FREE
    return damaged_result(corpus, split, seeds, published, (lint, fix), per_class, seed, classes)


def damaged_result(
    corpus: str,
    split: str,
    seeds: dict[str, str],
    published: Published,
    lint_and_fix: tuple[Callable[..., Sequence[Any]], Callable[[str, str], str]],
    per_class: int,
    seed: int,
    classes: Sequence[str] = CLASSES,
) -> tuple[GroupResult, list[Case], dict[str, list[Finding]]]:
    """Recall and restored shares of damaged copies of ``seeds`` (article id -> seed),
    beside the figures of their clean versions (``published``)."""
    lint, fix = lint_and_fix
    cases = build_cases(per_class, seed=seed, articles=seeds, clean_share=0, classes=classes)
    findings, crashes = lint_all(lint, cases)
    result = GroupResult(corpus, split, published, score(cases, findings))
    if crashes:
        result.missed.append(f"lint_text crashed on {crashes} documents")
    check_fixes(fix, cases, result)
    return result, cases, findings


def share(hits: int, total: int) -> float:
    return hits / total if total else float("nan")


def report_published(result: GroupResult, show: int) -> None:
    pub = result.published
    fa = pub.per_100(pub.false_alarms)
    if fa > FP_TARGET:
        result.missed.append(f"{result.name}: false alarms {fa:.2f} per 100 > {FP_TARGET}")
    unchanged = share(pub.unchanged_by_fix, pub.articles)
    if unchanged < CLEAN_UNCHANGED_TARGET:
        result.missed.append(f"{result.name}: unchanged by fix {unchanged:.3f}")
    print(
        f"published articles as clean documents: {pub.articles}\n"
        f"  findings (error/warning): {sum(pub.findings.values())} = "
        f"{pub.per_100(pub.findings):.1f} per 100; real defects of the text: "
        f"{sum(pub.real.values())}\n"
        f"  false alarms: {sum(pub.false_alarms.values())} = {fa:.2f} per 100 "
        f"(target <= {FP_TARGET}); not yet adjudicated: {sum(pub.unadjudicated.values())}\n"
        f"  unchanged by fix_text apart from real defects: {pub.unchanged_by_fix}/"
        f"{pub.articles} = {unchanged:.3f} (target >= {CLEAN_UNCHANGED_TARGET})"
    )
    print(f"  {'rule':8} {'findings':>8} {'real':>5} {'false':>6} {'precision':>9}")
    for code, total in sorted(pub.findings.items()):
        false = pub.false_alarms[code]
        print(f"  {code:8} {total:8} {pub.real[code]:5} {false:6} {pub.precision(code):9.2f}")
        if show and result.split == DEVELOPMENT:
            for example in pub.examples.get(code, [])[:show]:
                print(f"             {example}")


def report_damaged(result: GroupResult, show: int) -> None:
    scores = result.scores
    print(
        f"\n{'class':28} {'n':>4} {'recall':>7} {'line':>6} {'target':>7} {'twin':>6} {'exact':>6}"
    )
    for cls in CLASSES:
        recall = scores.recall(cls)
        ok = not scores.total[cls] or recall >= RECALL_TARGET[cls]
        if not ok:
            result.missed.append(f"{result.name}: recall {cls} {recall:.3f}")
        row = f"{cls:28} {scores.total[cls]:4} {recall:7.3f} {scores.recall(cls, line=True):6.3f}"
        row += f" {'>=' + str(RECALL_TARGET[cls]):>7}"
        if RESTORABLE[cls] and result.tried[cls]:
            twin = share(result.twin[cls], result.tried[cls])
            if twin < RESTORE_TARGET:
                result.missed.append(f"{result.name}: twin fix {cls} {twin:.3f}")
                ok = False
            row += f" {twin:6.3f} {share(result.exact[cls], result.tried[cls]):6.3f}"
        else:
            row += f" {'-':>6} {'-':>6}"
        print(row + ("" if ok else "  MISS"))
    if show:
        for cls in CLASSES:
            for case in scores.missed.get(cls, [])[:show]:
                where = snippet(case.damaged, case.start, case.end)
                print(f"  missed {cls:26} {case.doc_id}: {where}")
        for cls in CLASSES:  # found or not, the fix gives another text than the twin's
            for case in result.unrestored.get(cls, [])[:show]:
                where = snippet(case.damaged, case.start, case.end)
                print(f"  not restored {cls:20} {case.doc_id}: {where}")


def report_summary(results: list[GroupResult]) -> None:
    names = [r.name for r in results]
    width = max(16, *(len(n) for n in names))
    print("\n== summary: every corpus and split ==")
    print(f"{'':28}" + "".join(f" {n:>{width}}" for n in names))
    rows = {
        "false alarms / 100 articles": [
            r.published.per_100(r.published.false_alarms) for r in results
        ],
        "findings / 100 articles": [r.published.per_100(r.published.findings) for r in results],
    }
    for label, values in rows.items():
        print(f"{label:28}" + "".join(f" {v:>{width}.2f}" for v in values))
    print("recall (twin fix rate)")
    for cls in CLASSES:
        cells = []
        for r in results:
            cell = "-" if not r.scores.total[cls] else f"{r.scores.recall(cls):.2f}"
            if RESTORABLE[cls] and r.tried[cls]:
                cell += f" ({share(r.twin[cls], r.tried[cls]):.2f})"
            cells.append(cell)
        print(f"  {cls:26}" + "".join(f" {c:>{width}}" for c in cells))


def report_peers(cases: list[Case], seedlint: ModuleType, articles: dict[str, str]) -> None:
    """codespell, typos and proselint on the Wikinews documents, scored like seedlint."""
    clean = [Case(f"{a}-clean", a, "clean", t, t, 0, 0, "", True) for a, t in articles.items()]
    documents = cases + clean
    findings, _ = lint_all(seedlint.lint_text, documents)
    peers.report(documents, score(documents, findings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", action="store_true", help="also run codespell, typos, proselint")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="examples of misses")
    parser.add_argument("--per-class", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--corpus", choices=sorted(seed_corpora.CORPORA), action="append")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    seedlint = load_seedlint()
    results: list[GroupResult] = []
    for corpus in args.corpus or seed_corpora.CORPORA:
        for split in seed_corpora.SPLITS:
            if not seed_corpora.articles(corpus, [split]):
                continue
            result, cases, _ = run_group(seedlint, corpus, split, args.per_class, args.seed)
            print(f"\n== {result.name}: {len(cases)} damaged documents, seed {args.seed} ==")
            report_published(result, args.show)
            # a validation split's misses stay unread, like its false alarms
            report_damaged(result, args.show if split == DEVELOPMENT else 0)
            results.append(result)
            if args.peers and corpus == "wikinews_en":
                report_peers(cases, seedlint, load_articles(corpus, [split]))
    report_summary(results)
    missed = [m for r in results for m in r.missed]
    missed += mojibake_cases.report(seedlint)
    print(f"\n{len(missed)} targets missed" + "".join(f"\n  {m}" for m in missed))
    print(f"time: {time.perf_counter() - began:.1f} s")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
