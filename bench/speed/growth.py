"""Growth: how a check's time grows with the length of a worst-case line.

A rule whose search is tried at every offset of a long run it then fails on (a regular
expression without a left boundary, an end-anchored pattern) takes time that grows with the
square of the run's length: a 20,000-character line of letters once took 10 s to fix. This
script lints and fixes, in-process with the bundled rules, documents made of one line of
each shape below at two lengths, one twice the other, and prints the time ratio. Linear work
doubles (ratio about 2); a ratio of 3 or more at these sizes means quadratic work, and the
script says MISS and exits 1.

    python bench/speed/growth.py                    # 20,000 and 40,000 characters
    python bench/speed/growth.py --length 50000     # 50,000 and 100,000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import corpus  # bench/speed/corpus.py, beside this script

sys.path.insert(0, str(corpus.REPO))

import seedlint

HEADER = "date 2024-01-18 Title\n\n"
# time(2n) / time(n) above this is read as worse than linear (noise on a busy machine
# gives 2.5 at most; quadratic work gives 4)
QUADRATIC_RATIO = 3.0
ROUNDS = 3  # the best of a few runs of each size: a busy machine only adds time
Shape = Callable[[int], str]
COMMON_WORDS = ["Plan", "Bill", "Member", "Group", "Leader", "Player", "Worker", "Farmer"]

SHAPES: dict[str, Shape] = {
    "spaces then a letter": lambda n: " " * n + "x",
    "line breaks": lambda n: "\n" * n + "x",
    "opening quotation marks": lambda n: "“" * n,
    "opening brackets": lambda n: "(" * n,
    "zero-width spaces": lambda n: "\u200b" * n,
    "HTML entities": lambda n: "&amp;" * (n // 5),
    "undecodable bytes": lambda n: "a\udce9" * (n // 2),
    "typos and lost apostrophes": lambda n: "the goverment dont UKs " * (n // 23),
    "one long word": lambda n: "a" * n,
    "letters and full stops": lambda n: "a." * (n // 2),
    "capitals and spaces": lambda n: "A " * (n // 2),
    "at signs": lambda n: "a@" * (n // 2),
    "address prefixes": lambda n: "http://" * (n // 7),
    "quoted words": lambda n: "'a " * (n // 3),
    # words after a single mark that opens a quotation, each a candidate of a word rule
    "words after opening marks": lambda n: "'the the 'Goverment 'BNPs 'Its been " * (n // 37),
    "possessive names": lambda n: "Ab's " * (n // 5),
    # every name another: each is a candidate whose uses elsewhere in the text are asked
    "distinct names that lost an apostrophe": lambda n: "".join(
        f"Mr {_name(i)} said {_name(i)}s team came. " for i in range(n // 40)
    ),
    # each opens a sentence before a capitalised word: what other names' possessives own
    # is asked of each
    "distinct names that open sentences": lambda n: "".join(
        f"{_name(i)}s Team won. " for i in range(n // 20)
    ),
    # each a common word's plural opening a sentence: whether the word is a surname or a
    # company's name is asked of each
    "common words that open sentences": lambda n: "".join(
        f"{COMMON_WORDS[i % len(COMMON_WORDS)]}s Team won. " for i in range(n // 20)
    ),
    # a run of spaces after a capitalised word, then an acronym + s: whether the document
    # spells the acronym out, or names a company by it, reads across the run
    "spaces inside a name, then an acronym": lambda n: "KAB" + " " * n + "the KABs report Inc.",
    "sentences": lambda n: "The minister said it was fine. " * (n // 31),
    "hyphens": lambda n: "-" * n,
    "digits": lambda n: "1" * n,
    # a last paragraph that opens as an invitation ("Read ...") and holds few words: the
    # ending check reads what such a line ends on
    "an invitation, then figures": lambda n: "Read " + "1 " * (n // 2) + "x",
    # words twice before closing marks, misspellings set against their corrections, marks
    # named as characters and handles: each read in a window around it
    "repeats before closing marks, mentions": lambda n: (
        "'a a' the the’ delimiter rather than delimitor, ' and \" ( or @teh-x nd == 0 " * (n // 76)
    ),
}


def _name(number: int) -> str:
    """A made-up capitalised name per number: Bab, Bac, ... (no name ends in s)."""
    letters = "bcdfghjklmnpqrtvwxz"
    word = ""
    while True:
        number, digit = divmod(number, len(letters))
        word = letters[digit] + "a" + word
        if not number:
            return "K" + word


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        seedlint.lint_text(text)
        seedlint.fix_text(text, unsafe=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--length", type=int, default=20_000, help="the shorter line's length")
    args = parser.parse_args()
    seedlint.lint_text(HEADER + "Warm up.\n")  # rule loading is not counted
    short, long = args.length, 2 * args.length
    print(f"| shape | {short:,} chars (s) | {long:,} chars (s) | ratio | |")
    print("| --- | ---: | ---: | ---: | --- |")
    missed = 0
    for name, shape in SHAPES.items():
        first = seconds(HEADER + shape(short) + "\n")
        second = seconds(HEADER + shape(long) + "\n")
        ratio = second / first if first > 0 else 0.0
        verdict = "MISS" if ratio >= QUADRATIC_RATIO else "ok"
        missed += verdict == "MISS"
        print(f"| {name} | {first:.3f} | {second:.3f} | {ratio:.1f} | {verdict} |", flush=True)
    print(f"\n{missed} shape(s) grow faster than linearly (ratio >= {QUADRATIC_RATIO}).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
