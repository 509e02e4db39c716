"""Compare seedlint's findings on a real-text corpus with the adjudicated record, and update it.

    python bench/accuracy/adjudicate.py --corpus digitalgov_news            # report only
    python bench/accuracy/adjudicate.py --corpus 18f_blog --write-new       # record as false alarms
    python bench/accuracy/adjudicate.py --corpus 18f_blog --real 0042_x.txt:SL203:7 --why "..."
    python bench/accuracy/adjudicate.py --corpus wikinews_en --prune        # drop what is gone

Without a flag nothing is written: the findings not yet adjudicated are printed in context,
with the recorded ones that are no longer raised. `--write-new` records every unadjudicated
finding in false_alarms.tsv, the verdict for anything not shown to be a defect of the
published text; a finding is recorded as a real defect only by naming it with `--real` and
giving the reason with `--why`. `--prune` drops recorded findings the rules no longer raise
(a lost real defect is then gone from known_defects.tsv: do it only when the loss is meant).
Exit code: 0 when the record matches the findings after the requested changes, 1 otherwise,
2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "accuracy")]

from known_findings import (  # noqa: E402
    DiagnosticLike,
    Key,
    Verdicts,
    compare,
    corpus_keys,
    read_verdicts,
    write_verdicts,
)
from seed_corpora import CORPORA, Article, articles, lint_for  # noqa: E402

CONTEXT_CHARS = 100  # shown either side of a flagged span
UNREAD_NOTE = "recorded by --write-new; not yet read"


def in_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The flagged span in [brackets] with up to width characters either side, on its lines."""
    first = max(text.rfind("\n", 0, start) + 1, start - width)
    last_newline = text.find("\n", end)
    last = min(len(text) if last_newline < 0 else last_newline, end + width)
    return repr(f"{text[first:start]}[{text[start:end]}]{text[end:last]}")


def parse_real(spec: str) -> tuple[str, str, int]:
    """FILE:CODE:ROW of a finding to record as a real defect."""
    file, code, row = spec.rsplit(":", 2)
    if not row.isdigit():
        raise ValueError(f"--real {spec!r}: expected FILE:CODE:ROW")
    return file, code, int(row)


def mark_real(verdicts: Verdicts, found: Iterable[Key], specs: list[str], why: str) -> list[Key]:
    """Move every found finding named by a spec to the real defects, with why."""
    marked: list[Key] = []
    for spec in specs:
        file, code, row = parse_real(spec)
        hits = [k for k in found if (k.file, k.code, k.row) == (file, code, row)]
        if not hits:
            raise ValueError(f"--real {spec}: seedlint raises no such finding")
        for key in hits:
            verdicts.false.pop(key, None)
            verdicts.real[key] = why
            marked.append(key)
    return marked


def report(
    corpus: str, found: dict[Key, tuple[Article, DiagnosticLike]], verdicts: Verdicts
) -> bool:
    """Print how the findings differ from the record; True when they match exactly."""
    diff = compare(found, verdicts)
    for key in diff.unexplained:
        article, diagnostic = found[key]
        print(f"new     {corpus}/{key.file}:{key.row} {key.code} [{article.split}]")
        print(f"        {in_context(article.seed, diagnostic.start, diagnostic.end)}")
    for key in diff.lost_real:
        print(f"lost    {corpus}/{key.file}:{key.row} {key.code} {key.flagged} (a real defect)")
    for key in diff.stale_false:
        print(f"gone    {corpus}/{key.file}:{key.row} {key.code} {key.flagged} (a false alarm)")
    print(
        f"{corpus}: {len(found)} findings, {len(verdicts.real)} real defects and "
        f"{len(verdicts.false)} false alarms recorded; {len(diff.unexplained)} new, "
        f"{len(diff.lost_real)} real defects lost, {len(diff.stale_false)} false alarms gone"
    )
    return diff.exact


def adjudicate(corpus: str, args: argparse.Namespace) -> bool:
    found = corpus_keys(articles(corpus), lint_for(corpus))
    verdicts = read_verdicts(corpus)
    changed = False
    if args.real:
        for key in mark_real(verdicts, found, args.real, args.why):
            print(f"real    {corpus}/{key.file}:{key.row} {key.code} {key.flagged}")
        changed = True
    if args.write_new:
        for key in compare(found, verdicts).unexplained:
            verdicts.false[key] = args.note
        changed = True
    if args.prune:
        diff = compare(found, verdicts)
        for key in diff.lost_real:
            del verdicts.real[key]
        for key in diff.stale_false:
            del verdicts.false[key]
        changed = True
    exact = report(corpus, found, verdicts)
    if changed:
        write_verdicts(corpus, verdicts)
    return exact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append", required=True)
    parser.add_argument(
        "--write-new", action="store_true", help="record unadjudicated findings as false alarms"
    )
    parser.add_argument("--note", default=UNREAD_NOTE, help="note for --write-new")
    parser.add_argument(
        "--real",
        action="append",
        default=[],
        metavar="FILE:CODE:ROW",
        help="record this finding as a real defect of the source (with --why)",
    )
    parser.add_argument("--why", default="", help="why the --real findings are real defects")
    parser.add_argument("--prune", action="store_true", help="drop records no longer raised")
    args = parser.parse_args(argv)
    if args.real and not args.why.strip():
        parser.error("--real needs --why: the reason it is a defect of the published text")
    if args.real and len(args.corpus) != 1:
        parser.error("--real needs exactly one --corpus")
    try:
        results = [adjudicate(corpus, args) for corpus in args.corpus]
    except ValueError as error:
        print(f"adjudicate: {error}", file=sys.stderr)
        return 2
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
