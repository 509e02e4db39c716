"""substitution: known misspellings and real-word typos, replaced case-aware.

Finds words and phrases listed in a swap table (``swap:``) or in a bundled list
(``lists: [codespell]``, codespell's maintained misspelling dictionary). A phrase may hold
several words; matching ignores case and respects word boundaries. ``preceded-by`` and
``followed-by`` restrict a rule to a context (either one suffices), so "Prime Minster" is
caught while "York Minster" is not. The fix writes the replacement in the capitalisation
of the source ("MINSTER" -> "MINISTER", "Minster" -> "Minister"). Entries with several candidate
corrections are reported without a fix: a person picks. A word followed by "[sic]" is
quoted as written and never reported. With ``skip-names``, acronyms and capitalised
words inside a sentence are taken for names ("Carmel Valley", "Ned Lamont").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.kinds._text import (
    at_sentence_start,
    marked_sic,
    match_case,
    next_word,
    previous_word,
    word_occurrences,
)
from seedlint.kinds._wordlists import load_list, source_of


@dataclass(frozen=True)
class State:
    words: dict[str, str]  # lower-case single word -> correction(s), "a|b" when ambiguous
    listed: frozenset[str]  # the words' keys, for a set-to-set disjointness test
    phrase_words: tuple[frozenset[str], ...]  # a document lacking them has none of the phrases
    phrases: dict[str, str]
    phrase_pattern: re.Pattern[str] | None
    preceded_by: frozenset[str]
    followed_by: frozenset[str]
    skip_names: bool
    name_max_length: int
    lists: tuple[str, ...]


class Substitution(Kind[State]):
    name = "substitution"
    checks = single_check(
        "substitution",
        "listed misspellings and phrases, replaced case-aware",
        fields=("match", "replacement"),
        fixable=True,
        options={
            "swap": Option("str-map", {}, help="misspelling or phrase -> correction"),
            "lists": Option("str-list", [], help="bundled misspelling lists to load: codespell"),
            "exclude": Option("str-list", [], help="entries never to report"),
            "preceded-by": Option("str-list", [], help="report only after one of these words"),
            "followed-by": Option("str-list", [], help="report only before one of these words"),
            "skip-names": Option(
                "bool", False, help="skip acronyms, and capitalised words inside a sentence"
            ),
            "name-max-length": Option(
                "int",
                7,
                help="with skip-names: longer capitalised words are checked anyway "
                "('Parliment' is likelier a typo than a name)",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        table: dict[str, str] = {}
        for name in options["lists"]:
            table.update(load_list(name))
        table.update({key.lower(): value for key, value in options["swap"].items()})
        for word in options["exclude"]:
            table.pop(word.lower(), None)
        phrases = {" ".join(key.split()): table.pop(key) for key in [k for k in table if " " in k]}
        words = table
        pattern = None
        if phrases:
            alternatives = sorted(phrases, key=len, reverse=True)
            body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)
            pattern = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE)
        return State(
            words=words,
            listed=frozenset(words),
            phrase_words=tuple(frozenset(p.split()) for p in phrases),
            phrases=phrases,
            phrase_pattern=pattern,
            preceded_by=frozenset(w.lower() for w in options["preceded-by"]),
            followed_by=frozenset(w.lower() for w in options["followed-by"]),
            skip_names=options["skip-names"],
            name_max_length=options["name-max-length"],
            lists=tuple(options["lists"]),
        )

    def data_files(self, state: State) -> list[Path]:
        return [source_of(name) for name in state.lists]

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        text = doc.text
        # a cheap test first: most documents hold none of the listed words
        present = doc.lower_words.intersection(state.listed) if state.words else ()
        if present:
            found = []
            for word in present:  # usually one or two words: find just those
                for start, end in word_occurrences(text, doc.lower, word):
                    found.append((start, end, state.words[word]))
            for start, end, correction in sorted(found):
                yield from _finding(doc, start, end, correction, state)
        if state.phrase_pattern is not None and any(
            w <= doc.lower_words for w in state.phrase_words
        ):
            for match in state.phrase_pattern.finditer(text):
                correction = state.phrases[" ".join(match.group().lower().split())]
                yield from _finding(doc, match.start(), match.end(), correction, state)


KIND = Substitution()


def _name(text: str, start: int, end: int, correction: str, state: State) -> bool:
    """An acronym, or a short capitalised word inside a sentence whose correction is not
    a name: "CNA", "Carmel Valley", "Ned Lamont". Long words are checked anyway, since
    "Parliment" or "Goverment" are far likelier than a name of that shape."""
    word = text[start:end]
    if word.isupper() and len(word) > 1:
        return True
    return (
        word[0].isupper()
        and len(word) <= state.name_max_length
        and correction[0].islower()
        and not at_sentence_start(text, start)
    )


def _in_context(text: str, start: int, end: int, state: State) -> bool:
    before = previous_word(text, start)
    after = next_word(text, end)
    return (before is not None and before.lower() in state.preceded_by) or (
        after is not None and after.lower() in state.followed_by
    )


def _finding(
    doc: Document, start: int, end: int, correction: str, state: State
) -> Iterator[Finding]:
    text = doc.text
    if (state.preceded_by or state.followed_by) and not _in_context(text, start, end, state):
        return
    if marked_sic(text, end) or (state.skip_names and _name(text, start, end, correction, state)):
        return
    source = text[start:end]
    # a correction with an apostrophe (dont -> don't) is written in the document's style
    candidates = [
        match_case(source, c).replace("'", doc.apostrophe) for c in correction.split("|") if c
    ]
    replacement = " or ".join(f"'{c}'" for c in candidates)
    edits = None
    if "|" not in correction:
        replacement = candidates[0]
        edits = (Edit(start, end, replacement),)
    yield Finding(
        start,
        end,
        {"match": source, "replacement": replacement},
        edits,
        f"Replace with '{replacement}'" if edits else "",
    )
