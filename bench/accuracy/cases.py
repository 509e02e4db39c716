"""The damaged documents of one defect class that seedlint misses or does not restore.

    python bench/accuracy/cases.py --corpus 18f_blog --class apostrophe-name-any [--seed N]

For one corpus's development split (never a validation split: its documents are not read
while rules are tuned), it builds the same damaged documents as run.py and prints, one
line each, the defects no diagnostic covers ("missed") and the repairable ones whose
fix_text differs from fix_text of the clean twin ("not twin"): where the fixed texts part,
damaged fix first, then the twin's fix. A restored case found by an unsafe fix only shows
as "not twin" with the damage left in place.
"""

from __future__ import annotations

import argparse
import sys
from difflib import SequenceMatcher

from inject import CLASSES, Case  # first: it puts the shared corpus loader on the path
from run import DEVELOPMENT, load_seedlint, run_group
from score import snippet
from seed_corpora import CORPORA, articles, fix_for

WIDTH = 40  # characters shown either side of a defect or a difference


def parting(damaged_fix: str, twin_fix: str) -> str:
    """The first place two fixed texts differ, as 'damaged fix' != 'twin fix'."""
    matcher = SequenceMatcher(None, damaged_fix, twin_fix, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return f"{snippet(damaged_fix, a1, a2, WIDTH)} != {snippet(twin_fix, b1, b2, WIDTH)}"
    return "(same)"


def report(cases: list[Case], missed: list[Case], twins: dict[str, str | None], corpus: str) -> int:
    """Print the missed and not-twin cases; return how many were printed. The fix is the
    one run.py scores: fix_text with the corpus's languages allowed."""
    fix = fix_for(corpus)
    shown = 0
    for case in missed:
        print(f"missed    {case.doc_id}: {snippet(case.damaged, case.start, case.end, WIDTH)}")
        shown += 1
    for case in cases:
        twin = twins.get(case.article)
        if not case.restorable or twin is None:
            continue
        fixed = str(fix(case.damaged, path=f"{case.article}.txt")[0])
        if fixed != twin:
            print(f"not twin  {case.doc_id}: {parting(fixed, twin)}")
            shown += 1
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    development = [c for c in CORPORA if articles(c, [DEVELOPMENT])]
    parser.add_argument("--corpus", choices=sorted(development), required=True)
    parser.add_argument("--class", dest="cls", choices=CLASSES, required=True)
    parser.add_argument("--per-class", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    seedlint = load_seedlint()
    result, cases, _ = run_group(seedlint, args.corpus, DEVELOPMENT, args.per_class, args.seed)
    chosen = [c for c in cases if c.cls == args.cls]
    missed = result.scores.missed.get(args.cls, [])
    print(f"== {args.corpus}/{DEVELOPMENT} {args.cls}: {len(chosen)} documents ==")
    shown = report(chosen, missed, result.published.fixed, args.corpus)
    print(f"{len(missed)} missed, {shown - len(missed)} not twin")
    return 0


if __name__ == "__main__":
    sys.exit(main())
