"""Write ``seedlint/kinds/data/possessives.txt``: the words English text writes with 's far
more often than with a bare s ("Shakespeare's" against "Shakespeares", "Panama's" against
"Panamas"), from wordfreq's English word frequencies.

A capitalised word + s that its document writes nowhere else may be a plural or a name
that ends in s ("the Simpsons", "Starbucks"), or a possessive that lost its apostrophe.
Where English at large writes the stem's possessive far more often than the stem + s, the
s form is hardly ever a word of its own: the lost-possessive rule reads it as a possessive
(a guess, never fixed by a plain ``fix``). The list keeps a stem when its possessive is at
least ``--margin`` Zipf units more frequent than its + s form (0.5: about three times).

A second list, ``possessives_only.txt``, keeps the stems whose possessive is at least
``--only-margin`` Zipf units (1.0: ten times) more frequent than their + s form, or than
the least frequency wordfreq lists where it lists no + s form at all ("Tasmania's" is
listed, "Tasmanias" is not), and at least ``--only-least`` Zipf frequent: their + s form is
hardly ever written but as a lost possessive, so that a fix resting on it is safe.

    pip install wordfreq        # only to write the list; seedlint never imports it
    python tools/possessives.py

wordfreq's data is licensed CC BY-SA 4.0, and so is the list written from it (see the
header it gets).
"""

from __future__ import annotations

import argparse
import math
from importlib import metadata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "seedlint" / "kinds" / "data"
OUT, ONLY_OUT = DATA / "possessives.txt", DATA / "possessives_only.txt"
LEAST = 1.0  # the Zipf frequency below which wordfreq's "large" list holds no word
SHORTEST = 3  # letters of a stem; shorter ones are initials and acronyms, judged otherwise
# words whose 's is most often "is" or "has" ("there's", "who's", "let's"), not possessive
CONTRACTED = frozenset(
    [
        "it", "he", "she", "that", "there", "here", "what", "who", "where", "when", "why",
        "how", "let", "this", "one", "everyone", "everybody", "everything", "nothing",
        "someone", "somebody", "something", "nobody",
    ]
)  # fmt: skip

HEADER = """\
# Stems that English text writes with 's at least {ratio:.0f} times as often as with a bare s
# (Zipf frequency of "stem's" at least {margin} above that of "stem" + "s"), lower case, one a
# line, sorted. Written by tools/possessives.py from wordfreq {version} (Robyn Speer,
# https://github.com/rspeer/wordfreq), English, "large" list. wordfreq's data is licensed
# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/) and derives from Wikipedia,
# SUBTLEX, OpenSubtitles, NewsCrawl, GlobalVoices, Google Books Ngrams, Reddit and Twitter
# text; this list, a work derived from it, is licensed CC BY-SA 4.0 as well.
"""
ONLY_HEADER = """\
# Stems that English text writes with 's at least {ratio:.0f} times as often as with a bare s,
# or than wordfreq's least listed frequency where it lists no bare s form (Zipf frequency of
# "stem's" at least {margin} above the greater of that of "stem" + "s" and {least}), and at a
# Zipf frequency of at least {frequent}; lower case, one a line, sorted. Written by
# tools/possessives.py from wordfreq {version} (Robyn Speer, https://github.com/rspeer/wordfreq),
# English, "large" list. wordfreq's data is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/) and derives from Wikipedia, SUBTLEX,
# OpenSubtitles, NewsCrawl, GlobalVoices, Google Books Ngrams, Reddit and Twitter text; this
# list, a work derived from it, is licensed CC BY-SA 4.0 as well.
"""


def zipf(frequency: float) -> float:
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def stems(frequencies: dict[str, float], margin: float, least: float = 0.0) -> list[str]:
    """The stems whose possessive is at least ``margin`` Zipf units more frequent than
    their + s form (taken as ``least`` where that is less) and at least ``margin`` +
    ``least`` frequent."""
    found = []
    for word, frequency in frequencies.items():
        stem = word[:-2]
        if not word.endswith("'s") or not (stem.isascii() and stem.isalpha()):
            continue
        if stem in CONTRACTED:
            continue
        plural = max(zipf(frequencies.get(stem + "s", 0)), least)
        if len(stem) >= SHORTEST and zipf(frequency) >= plural + margin:
            found.append(stem)
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--margin", type=float, default=0.5)
    parser.add_argument("--only-margin", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only-out", type=Path, default=ONLY_OUT)
    args = parser.parse_args()
    import wordfreq

    frequencies = wordfreq.get_frequency_dict("en", "large")
    version = metadata.version("wordfreq")
    listed = stems(frequencies, args.margin)
    header = HEADER.format(ratio=10**args.margin, margin=args.margin, version=version)
    args.out.write_text(header + "\n".join(listed) + "\n", encoding="utf-8")
    print(f"{len(listed)} stems written to {args.out}")
    only = stems(frequencies, args.only_margin, LEAST)
    header = ONLY_HEADER.format(
        ratio=10**args.only_margin,
        margin=args.only_margin,
        least=LEAST,
        frequent=LEAST + args.only_margin,
        version=version,
    )
    args.only_out.write_text(header + "\n".join(only) + "\n", encoding="utf-8")
    print(f"{len(only)} stems written to {args.only_out}")


if __name__ == "__main__":
    main()
