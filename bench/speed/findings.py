"""Every finding of the default rules on the benchmark corpora, written out in full, so that a
change made for speed can be shown to change no finding: run it before and after, compare.

Each line is one diagnostic: path, code, offsets, row and column, message, and the fix
(applicability, message, edits). The full default selection, as ``seedlint check`` runs it.

    python bench/speed/findings.py > before.txt      # the news corpus (2,585 articles)
    python bench/speed/findings.py --corpus replicated --limit 5000 > before.txt
    ... change ...
    python bench/speed/findings.py > after.txt && cmp before.txt after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import corpus  # bench/speed/corpus.py, beside this script

sys.path.insert(0, str(corpus.REPO))

from seedlint.engine.linter import Linter
from seedlint.ruleset.config import Config
from seedlint.ruleset.rulefile import load_rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("news", "real", "replicated"), default="news")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--digest", action="store_true", help="print only a SHA-256 of it all")
    args = parser.parse_args()
    build = {
        "news": corpus.build_news,
        "real": corpus.build_real,
        "replicated": corpus.build_replicated,
    }[args.corpus]
    root = build().path
    files = sorted(root.rglob("*.txt"))[: args.limit or None]
    linter = Linter(load_rules(["default"], Path.cwd()), Config(root=Path.cwd()).lint_settings())
    digest = hashlib.sha256()
    for file in files:
        name = file.relative_to(root).as_posix()
        text = file.read_bytes().decode("utf-8", "surrogateescape")
        for d in linter.lint(text, name):
            fix = "-"
            if d.fix is not None:
                edits = ";".join(f"{e.start}:{e.end}:{e.content!r}" for e in d.fix.edits)
                fix = f"{d.fix.applicability} {d.fix.message!r} {edits}"
            line = (
                f"{d.path}\t{d.code}\t{d.start}-{d.end}\t{d.row}:{d.column}-{d.end_row}:"
                f"{d.end_column}\t{d.severity}\t{d.message!r}\t{fix}"
            )
            if args.digest:
                digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
            else:
                print(line.encode("utf-8", "backslashreplace").decode("utf-8"))
    if args.digest:
        print(f"{len(files)} files {digest.hexdigest()}")


if __name__ == "__main__":
    main()
