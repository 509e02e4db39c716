"""Mojibake found and repaired on ftfy's own test cases, each wrapped as a seed document.

    python bench/accuracy/mojibake_cases.py [--show N] [--speed] [--strict]

The cases are ftfy's published test cases (tests/data/ftfy/test_cases.json, Apache-2.0,
attribution in tests/data/ftfy/README.md). Each becomes the body of a seed, is checked with
the mojibake rule alone (SL121), and fixed with it alone. Three groups:

- ftfy's repairs: cases ftfy is known to get right ("expect": "pass") whose text its
  encoding repair changes. Found: SL121 reports something; repaired: the fix gives ftfy's
  "fixed-encoding" text (curly quotes kept). Target: both >= 0.95.
- correct text: "pass" cases that ftfy leaves as they are. Target: no finding.
- ftfy's known failures ("expect": "fail"): seedlint inherits them; shown, not targeted.

The repairs are also counted per encoding, as ftfy explains its own fix. --speed times the
cheap pre-check against ftfy's badness test over every document of the corpora.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "data" / "ftfy" / "test_cases.json"
TARGET = 0.95
HEADER = "date 2024-01-18 A title\n\n"
CODE = "SL121"


@dataclass(frozen=True)
class Outcome:
    label: str
    group: str  # "repair", "correct" or "known failure"
    family: str  # how ftfy explains its repair: the encoding, or the step
    found: bool
    repaired: bool


def cases() -> list[dict[str, str]]:
    loaded: list[dict[str, str]] = json.loads(CASES.read_text(encoding="utf-8"))
    return loaded


def expected(case: dict[str, str]) -> str:
    """What ftfy's encoding repair alone should give ("fixed-encoding", else "fixed")."""
    return case.get("fixed-encoding", case["fixed"])


def group_of(case: dict[str, str]) -> str:
    if case["expect"] != "pass":
        return "known failure"
    return "repair" if case["original"] != expected(case) else "correct"


def family_of(text: str) -> str:
    """The encoding ftfy decodes through first, or the name of its first step."""
    import ftfy

    plan = ftfy.fix_encoding_and_explain(text).explanation or []
    for action, name in plan:
        if action == "encode":
            return name.removeprefix("sloppy-")
    return plan[0][1] if plan else "-"


def evaluate(seedlint: ModuleType) -> list[Outcome]:
    outcomes = []
    for case in cases():
        seed = f"{HEADER}{case['original']}\n"
        found = bool(seedlint.lint_text(seed, select=[CODE]))
        fixed = seedlint.fix_text(seed, select=[CODE])[0]
        group = group_of(case)
        outcomes.append(
            Outcome(
                case["label"],
                group,
                family_of(case["original"]) if group == "repair" else "-",
                found,
                fixed == f"{HEADER}{expected(case)}\n",
            )
        )
    return outcomes


def report(seedlint: ModuleType, show: int = 0) -> list[str]:
    """Print the figures; return the targets missed."""
    outcomes = evaluate(seedlint)
    repairs = [o for o in outcomes if o.group == "repair"]
    correct = [o for o in outcomes if o.group == "correct"]
    failures = [o for o in outcomes if o.group == "known failure"]
    found = share(sum(o.found for o in repairs), len(repairs))
    fixed = share(sum(o.repaired for o in repairs), len(repairs))
    alarms = sum(o.found for o in correct)
    print(f"\n== ftfy's test cases as seeds ({CASES.relative_to(REPO)}) ==")
    print(f"ftfy's repairs: {len(repairs)}; found {found:.3f}, repaired {fixed:.3f} (>= {TARGET})")
    families: Counter[str] = Counter(o.family for o in repairs)
    for family, total in sorted(families.items()):
        mine = [o for o in repairs if o.family == family]
        print(
            f"  {family:28} {total:4}  found {sum(o.found for o in mine):3}"
            f"  repaired {sum(o.repaired for o in mine):3}"
        )
    print(f"correct text: {len(correct)}; false alarms {alarms} (target 0)")
    broken = [o for o in failures if o.label.lower().find("false positive") < 0]
    print(
        f"ftfy's known failures: {len(failures)}; flagged {sum(o.found for o in failures)}, "
        f"repaired as intended {sum(o.repaired for o in failures)} "
        f"({len(broken)} mojibake ftfy repairs wrongly or not at all, "
        f"{len(failures) - len(broken)} correct text ftfy changes)"
    )
    for outcome in [o for o in repairs if not o.repaired][:show]:
        print(f"  not repaired: {outcome.label} ({outcome.family})")
    for outcome in [o for o in correct if o.found][:show]:
        print(f"  false alarm: {outcome.label}")
    missed = []
    if found < TARGET or fixed < TARGET:
        missed.append(f"ftfy cases: found {found:.3f}, repaired {fixed:.3f} < {TARGET}")
    if alarms:
        missed.append(f"ftfy cases: {alarms} false alarms on correct text")
    return missed


def share(hits: int, total: int) -> float:
    return hits / total if total else float("nan")


def report_speed() -> None:
    """The pre-check over every corpus document, against ftfy's badness test on the same."""
    sys.path.insert(0, str(REPO / "tests" / "accuracy"))
    import seed_corpora
    from ftfy.badness import is_bad

    from seedlint.kinds._mojibake import mojibake_hint

    texts = [a.seed for corpus in seed_corpora.CORPORA for a in seed_corpora.articles(corpus)]
    for name, test in (("pre-check", mojibake_hint().search), ("ftfy is_bad", is_bad)):
        began = time.perf_counter()
        passed = sum(1 for t in texts if not t.isascii() and test(t))
        elapsed = time.perf_counter() - began
        print(
            f"{name:12} {elapsed / len(texts) * 1e6:8.1f} us per document "
            f"({len(texts)} documents, {sum(map(len, texts)) / 1e6:.1f} M characters; "
            f"{passed} pass)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, metavar="N", help="examples of misses")
    parser.add_argument("--speed", action="store_true", help="time the pre-check")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    import seedlint

    missed = report(seedlint, args.show)
    if args.speed:
        report_speed()
    print(f"{len(missed)} targets missed" + "".join(f"\n  {m}" for m in missed))
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
