"""Which English words may be a noun or adjective, and which a verb after a plural subject.

Read from the Automatically Generated Inflection Database (AGID, Kevin Atkinson,
http://wordlist.aspell.net/other), as the pyinflect package ships it (``infl.csv``, one
lemma and word class a line with its inflections: ``report,V,reported,<>,reporting,reports``,
``report,N,reports``). Only the file is read; pyinflect's code is never imported.

A word after "XXXs" tells a plural ("the MPs voted") from a possessive ("the BNPs leader"):
a plural subject is followed by a finite verb, the base form or the past ("report",
"voted"), a possessive by a noun or adjective. ``finite_verb`` and ``noun_or_adjective``
answer for one lower-case word; a word may be both ("report", "offer"), and then only
what the document says settles it. ``lemma`` tells whether a word is a dictionary word of
its own ("corps", "news"), not just an inflection.

Reading the 120,000 lines costs half a second, so the five word sets are kept in the
user's cache folder (beside the parsed codespell list, see ``_wordlists``) as a text file
named by the file's size and time: a line per set and pair of first letters ("re" holds
"report", "reported", ...), read back as data, and each line made a set only when a
lookup first needs it (building all 280,000 strings costs 50 ms, most runs look up a few
words). The copy's first line holds its length and checksum (CRC-32); a damaged copy is
ignored and the file read again.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import msgspec

from seedlint.io.reading import read_regular
from seedlint.io.usercache import cache_folder, framed, framed_body, keep_data

NOUN, VERB, ADJECTIVE = "N", "V", "A"  # the word classes of infl.csv
PAST = 2  # the column of a verb's past tense ("<>" when it has none of its own)
PREFIX = "wordclass-"
OLD_COPIES = (f"{PREFIX}*.json", f"{PREFIX}*.txt")
FORMAT = "seedlint word classes 1"  # the copy's first line: this, its body's length and CRC
KEY_LENGTH = 2  # the letters that name a word's bucket
# between the set's name, the bucket's key and its words: no word holds one, as words are
# the comma-separated fields of a line
SEPARATOR = ","


class Words:
    """A set of words, made bucket by bucket (the words sharing their first letters) as
    lookups need them: ``raw`` is each bucket's words joined by SEPARATOR, in UTF-8 (decoded
    when the bucket is made: most of the copy is never decoded)."""

    __slots__ = ("_built", "_raw")

    def __init__(self, raw: dict[str, bytes]) -> None:
        self._raw = raw
        self._built: dict[str, frozenset[str]] = {}

    @classmethod
    def of(cls, words: Iterable[str]) -> Words:
        buckets: dict[str, list[str]] = {}
        for word in sorted(words):
            buckets.setdefault(word[:KEY_LENGTH], []).append(word)
        return cls({k: SEPARATOR.join(found).encode() for k, found in buckets.items()})

    def __contains__(self, word: str) -> bool:
        key = word[:KEY_LENGTH]
        bucket = self._built.get(key)
        if bucket is None:
            raw = self._raw.get(key)
            bucket = frozenset(() if raw is None else _words(raw))
            self._built[key] = bucket
        return word in bucket

    def buckets(self) -> dict[str, bytes]:
        return self._raw

    def all(self) -> frozenset[str]:
        return frozenset(w for raw in self._raw.values() for w in _words(raw))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and self.all() == other.all()

    __hash__ = None  # type: ignore[assignment]


class Lexicon(msgspec.Struct, frozen=True):
    lemmas: Words
    nouns: Words  # lemmas and plurals
    adjectives: Words
    verb_bases: Words
    past_tenses: Words


SETS = ("lemmas", "nouns", "adjectives", "verb_bases", "past_tenses")  # Lexicon's fields


def source() -> Path | None:
    """pyinflect's infl.csv, found without importing pyinflect (its import loads the data
    into its own structures); None when pyinflect is not installed."""
    spec = importlib.util.find_spec("pyinflect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "infl.csv"
    return path if path.is_file() else None


@cache
def lexicon() -> Lexicon:
    path = source()
    if path is None:
        return _parse(None)
    status = path.stat()
    copy = cache_folder() / f"{PREFIX}{status.st_size}-{status.st_mtime_ns}.txt"
    try:
        kept = _read_copy(read_regular(copy))
    except OSError:
        kept = None  # no copy yet
    if kept is not None:
        return kept
    found = _parse(path)
    keep_data(copy, _copy_of(found), OLD_COPIES)
    return found


def _words(raw: bytes) -> list[str]:
    return raw.decode("utf-8").split(SEPARATOR)


def _copy_of(found: Lexicon) -> bytes:
    """The text kept in the cache folder: FORMAT, the body's length and CRC-32 on the first
    line, then a line per set and bucket: name, key and words, SEPARATOR between them."""
    comma = SEPARATOR.encode()
    lines = [
        comma.join((name.encode(), key.encode("utf-8"), raw))
        for name in SETS
        for key, raw in getattr(found, name).buckets().items()
    ]
    return framed(FORMAT, b"\n".join(lines))


def _read_copy(data: bytes) -> Lexicon | None:
    """The lexicon a copy holds; None when it is damaged or of another format. Read as
    bytes, split in C, each line's words kept undecoded (a copy of ASCII words, as
    pyinflect's are, is valid UTF-8 throughout; another is decoded once to make sure)."""
    body = framed_body(FORMAT, data)
    if body is None:
        return None
    comma = SEPARATOR.encode()
    sets: dict[bytes, dict[str, bytes]] = {name.encode(): {} for name in SETS}
    for line in data.split(b"\n")[1:] if len(body) else ():
        first = line.find(comma)
        second = line.find(comma, first + 1)
        found = sets.get(line[:first])
        if first < 0 or second < 0 or found is None:
            return None
        found[line[first + 1 : second].decode("utf-8")] = line[second + 1 :]
    return Lexicon(*(Words(sets[name.encode()]) for name in SETS))


def _parse(path: Path | None) -> Lexicon:
    lemmas: set[str] = set()
    nouns: set[str] = set()
    adjectives: set[str] = set()
    bases: set[str] = set()
    pasts: set[str] = set()
    if path is not None:
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split(",")
            if len(fields) < 3:
                continue
            lemma, kind = fields[0], fields[1]
            lemmas.add(lemma)
            if kind == NOUN:
                nouns.add(lemma)
                nouns.update(fields[2].split("/"))
            elif kind == ADJECTIVE:
                adjectives.add(lemma)
            elif kind == VERB:
                bases.add(lemma)
                pasts.update(f for f in fields[PAST].split("/") if f != "<>")
    return Lexicon(*map(Words.of, (lemmas, nouns, adjectives, bases, pasts)))


def verb_base(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb's base form: "report", "vote"."""
    return word in lexicon().verb_bases


def past_tense(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb's past tense: "reported", "said"."""
    return word in lexicon().past_tenses


def noun_or_adjective(word: str) -> bool:
    return word in lexicon().nouns or word in lexicon().adjectives


def noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a noun or a noun's plural: "report", "stones"."""
    return word in lexicon().nouns


def plural_noun(word: str) -> bool:
    """Whether ``word`` is a noun's plural in -s, -es or -ies ("expenses", "salaries",
    "fans"); not a noun in -s of its own ("news", "series") or a verb's."""
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith("ss") or not noun(lower):
        return False
    stems = [lower[:-1], lower[:-2] if lower.endswith("es") else ""]
    if lower.endswith("ies"):
        stems.append(lower[:-3] + "y")
    return any(stem and noun(stem) for stem in stems)


def adjective(word: str) -> bool:
    """Whether ``word`` (lower case) may be an adjective: "simple", "new"."""
    return word in lexicon().adjectives


def lemma(word: str) -> bool:
    """Whether ``word`` (lower case) is a dictionary word in its own right."""
    return word in lexicon().lemmas
