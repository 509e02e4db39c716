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
user's cache folder (beside the parsed codespell list, see ``_wordlists``) as JSON named
by the file's size and time, read back as data (lists of strings, validated); a damaged
copy is ignored and the file read again.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import msgspec

from seedlint.kinds._wordlists import cache_folder, keep_data

NOUN, VERB, ADJECTIVE = "N", "V", "A"  # the word classes of infl.csv
PAST = 2  # the column of a verb's past tense ("<>" when it has none of its own)
PREFIX = "wordclass-"


@dataclass(frozen=True)
class Lexicon:
    lemmas: frozenset[str]
    nouns: frozenset[str]  # lemmas and plurals
    adjectives: frozenset[str]
    verb_bases: frozenset[str]
    past_tenses: frozenset[str]


def source() -> Path | None:
    """pyinflect's infl.csv, found without importing pyinflect (its import loads the data
    into its own structures); None when pyinflect is not installed."""
    spec = importlib.util.find_spec("pyinflect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "infl.csv"
    return path if path.is_file() else None


class Kept(msgspec.Struct, frozen=True):
    """The lexicon as kept in the cache folder."""

    lemmas: list[str]
    nouns: list[str]
    adjectives: list[str]
    verb_bases: list[str]
    past_tenses: list[str]


@cache
def lexicon() -> Lexicon:
    path = source()
    if path is None:
        return _parse(None)
    status = path.stat()
    copy = cache_folder() / f"{PREFIX}{status.st_size}-{status.st_mtime_ns}.json"
    try:
        kept = msgspec.json.decode(copy.read_bytes(), type=Kept)
    except (OSError, msgspec.ValidationError, msgspec.DecodeError):
        pass  # no copy yet, or a damaged one: read the file
    else:
        return Lexicon(*(frozenset(words) for words in msgspec.structs.astuple(kept)))
    found = _parse(path)
    sets = (found.lemmas, found.nouns, found.adjectives, found.verb_bases, found.past_tenses)
    data = msgspec.json.encode(Kept(*(sorted(words) for words in sets)))
    keep_data(copy, data, (f"{PREFIX}*.json",))
    return found


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
    return Lexicon(
        frozenset(lemmas),
        frozenset(nouns),
        frozenset(adjectives),
        frozenset(bases),
        frozenset(pasts),
    )


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


def adjective(word: str) -> bool:
    """Whether ``word`` (lower case) may be an adjective: "simple", "new"."""
    return word in lexicon().adjectives


def lemma(word: str) -> bool:
    """Whether ``word`` (lower case) is a dictionary word in its own right."""
    return word in lexicon().lemmas
