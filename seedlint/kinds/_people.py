"""People's names: which words are given names, and which surnames end in s of their own.

"Robert Muellers investigation" is "Robert Mueller's investigation" with the apostrophe
lost, even in a document that writes "Mueller" nowhere else: a given name before a
capitalised word makes that word a surname, and a surname + s before a noun is a
possessive. Unless the surname ends in s itself: "Serena Williams match", "Chris Evans
film" are correct as written, so surnames are known too; and one of the most frequent
surnames stays a surname when its plural is a word ("Ian Smiths government", "Ben
Franklins jetpack"), while a rare one does not ("Steve Jobs biography").

Both lists come from the United States Census Bureau's 1990 name files (public domain),
as shipped by the Python package "names" 0.3.0 (MIT License); see the header of each file
in ``data/``. The given names are all 5,163 of the male and female files; the surnames are
the 18,839 that at least 0.001% of people bore (1,943 of them end in s).

Beyond people, English at large tells which names are hardly ever written with a bare s:
"Shakespeare's" is many times as frequent as "Shakespeares", "Panama's" as "Panamas",
while "Simpsons" and "Starbucks" are words of their own. ``possessive_stem`` answers from
a list written from wordfreq's English frequencies by ``tools/possessives.py`` (CC BY-SA
4.0; see its header). Of those, the stems whose + s form English writes at most a tenth as
often, or too seldom for wordfreq to list ("Tasmania's" against "Tasmanias"), are hardly
ever written with a bare s but as a lost possessive: ``possessive_only_stem``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = "data"
COMMON = 1000  # the most frequent surnames, of which "Franklin" is one and "Job" not


@cache
def _read(name: str) -> dict[str, int]:
    """The names of a list file (lower-cased), each with its place in the file."""
    # the package's data folder beside this module (importlib.resources, with zipfile,
    # would cost the first document that names someone 5 ms)
    text = Path(__file__).with_name(DATA).joinpath(name).read_text(encoding="utf-8")
    # one name a line: the lines are split and lower-cased in C, and the dictionary built
    # from the end so that a name's first place is the one it keeps
    names = [line for line in text.lower().split("\n") if line and line[0] != "#"]
    return dict(zip(reversed(names), range(len(names) - 1, -1, -1), strict=True))


def given_name(word: str) -> bool:
    """Whether ``word`` is a given name in the census lists: "Robert", "Leonie"."""
    return word.lower() in _read("given_names.txt")


def surname(word: str) -> bool:
    """Whether ``word`` is a surname in the census list: "Smith", "Mueller"."""
    return word.lower() in _read("surnames.txt")


def common_surname(word: str) -> bool:
    """Whether ``word`` is one of the most frequent surnames: "Smith", "Franklin"."""
    return _read("surnames.txt").get(word.lower(), COMMON) < COMMON


def surname_ending_in_s(word: str) -> bool:
    """Whether ``word`` is a surname that ends in s of its own: "Williams", "Roberts"."""
    return word[-1:] in "sS" and surname(word)


def possessive_stem(word: str) -> bool:
    """Whether English text writes ``word`` + 's at least three times as often as ``word``
    + s: "Shakespeare", "Costco", "Panama"; not "Simpson", "Starbuck" or "Team"."""
    return word.lower() in _read("possessives.txt")


def possessive_only_stem(word: str) -> bool:
    """Whether English text writes ``word`` + 's at least ten times as often as ``word`` +
    s, or often while hardly ever + s: "Tasmania", "Mugabe", "Germany"; not "Patton"."""
    return word.lower() in _read("possessives_only.txt")
