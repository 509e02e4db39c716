"""apostrophe: possessives and contractions that lost their apostrophe.

Finds ``UKs`` (for UK's), ``Japans`` (for Japan's) and ``dont`` (for don't). Possessives
come from a list of names that have no plausible plural (``possessives:``, matched
case-sensitively, so "MPs" or "CEOs" are never touched unless listed); contractions from
a table of bare forms that cannot be anything else (``contractions:``; "Im" and "Ive" are
surnames too, read by ``_named_contractions``), and from bare forms that are words of their
own ("its", "cant", "lets"; ``word-contractions:``) where the words around them leave the
contraction as the one reading ("its been", "cant wait", "Lets start";
``_bare_contractions``). A listed name after a number or quantifier ("two Britains") or
after a capitalised word of a longer name ("Aguas Argentinas") is not a possessive, nor
is one that is no acronym before a verb of speech ("Cubas said"), after "the" before a
verb, a preposition or a stop ("the Canadas in 1840") or written so in a longer name
elsewhere (``_possessive.listed_plural``). With ``acronym-evidence`` and
``name-evidence`` any acronym or name + s is read with what the document says about it
(``_possessive``: "BNP's" written elsewhere, "Makarov" used as a name, a noun after it).
A contraction's bare form in capitals of three letters or fewer ("IM") may be an acronym
and is left alone, as is anything inside a quotation in another language (French "dont").
A bare form that is also a word ("wed") is listed with the words after it that leave one
reading (``wed like to: we'd like to``). The option ``phrases:`` names fixed phrases
whose possessive is never a plural ("Valentines Day", "Parkinsons disease"), matched as
written. The fix writes the apostrophe its paragraph writes more often near it (a text
pasted together from several sources keeps each part's marks), else the document's own
style: ’ where it writes curly apostrophes, or no apostrophe but curly quotation marks; '
otherwise. A word followed by "[sic]" is quoted as written and left alone. Two hyphens or
more are read as the dash of plain text ("legal--Iraqs weapons", "late--its been"), one
as a compound's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds import _named_contractions as named_contractions
from seedlint.kinds._bare_contractions import (
    BARE_FORMS,
    reads_as_contraction,
    verb_after_subject,
)
from seedlint.kinds._names import names_of
from seedlint.kinds._possessive import listed_plural, lost_possessives
from seedlint.kinds._text import (
    WORD_HEAD,
    dashes_read,
    marked_sic,
    match_case,
    opens_quotation,
    word_head,
    word_occurrences,
    written_as_code,
)

BOUNDARY_BEFORE = WORD_HEAD  # "'Youve got", not "rock'n'roll"
BOUNDARY_AFTER = r"(?![\w'’-])"
# not a part of a web address or a file's name, "gitter.im/python", "notes.ive"; a
# capital after a full stop starts a sentence whose space was lost ("done.Im sure")
NO_DOMAIN = r"(?:(?<!\w\.)|(?-i:(?=[A-Z])))"  # in capitals whatever the pattern's case
ACRONYM = 3  # a bare form in capitals this short may be an acronym: IM, IVE
# an apostrophe after a letter, either mark ("GSA’s", "agencies’"): the writer's style
# where it stands; between two letters ("GSA’s"), what the document's style counts
WRITTEN_APOSTROPHE = lazy_compile(r"['’](?<=[^\W\d_]['’])")
INSIDE_WORD = lazy_compile(r"['’](?<=[^\W\d_]['’])(?=[^\W\d_])")
CURLY_MARKS = lazy_compile("[“”‘’]")
# a word of a phrase that ``Document.lower_words`` holds wherever the phrase stands: ASCII
# letters only, as its words are (``letter_words``)
ASCII_WORD = lazy_compile("[A-Za-z]+")
NEAR = 1000  # characters either side of a fix whose apostrophes are counted


class State(msgspec.Struct, frozen=True):
    # the listed names by the lower-cased word their + s makes ("uks": UK, "kongs": Hong
    # Kong), None when none is listed: a document is searched for the names whose + s its
    # words hold (``possessive_in``), since an alternation of all 300 costs 8 ms to compile
    possessive_names: dict[str, tuple[str, ...]] | None
    # the other patterns' sources, compiled on first use (``compiled``)
    contraction_source: str | None
    contractions: dict[str, str]
    possessive_words: frozenset[str]  # lower-cased "names" forms: "uks", "kongs"
    # the first words of the bare contractions: "dont"; "wed" of "wed like to"
    contraction_words: frozenset[str] = frozenset()
    acronym_evidence: bool = False
    name_evidence: bool = False
    phrase_source: str | None = None
    phrase_marks: dict[str, int] | None = None  # bare phrase -> where its apostrophe goes
    # each phrase's words that ``Document.lower_words`` holds wherever it stands, lower-cased
    # ("valentines", "day"), and the word of each that opens the gate ("valentines"); None
    # when a phrase has no word that tells (see ``_phrase_words``): the text is searched
    phrase_words: tuple[frozenset[str], ...] | None = None
    phrase_keys: frozenset[str] = frozenset()
    # bare forms that are words of their own -> their contraction ("its" -> "it's")
    word_contractions: dict[str, str] | None = None
    # listed names whose + s is no word of ASCII letters that ``Document.lower_words`` can
    # hold ("MI5s"): searched for with the others wherever the gate lets a document in
    possessive_unworded: tuple[str, ...] = ()

    def possessive_in(self, words: frozenset[str]) -> re.Pattern[str]:
        """The pattern of the listed names whose + s is one of ``words``. A name + s stands
        between the pattern's boundaries, where its last word + s of ASCII letters is one
        of the document's words (``letter_words``), so no other listed name can match."""
        assert self.possessive_names is not None
        names = set(self.possessive_unworded)
        for form in words & self.possessive_words:
            names.update(self.possessive_names.get(form, ()))
        return possessive_pattern(tuple(sorted(names)))

    @property
    def contraction(self) -> re.Pattern[str] | None:
        return compiled(self.contraction_source, re.IGNORECASE)

    @property
    def phrase(self) -> re.Pattern[str] | None:
        return compiled(self.phrase_source)


@lru_cache(maxsize=64)
def compiled(source: str | None, flags: int = 0) -> re.Pattern[str] | None:
    return None if source is None else re.compile(source, flags)


@lru_cache(maxsize=256)
def possessive_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Each of ``names`` + s, the s a group, between a word's boundaries."""
    return re.compile(f"(?:{_bounded_alternation(list(names))})(s){BOUNDARY_AFTER}")


# BOUNDARY_BEFORE, looked at from behind a word's first character: a pattern that starts
# with a look-behind is tried at every offset of the text, one that starts with its words'
# first characters only where one of them stands
BOUNDARY_BEHIND_FIRST = word_head(r"\w'’-", r"[\s\S]")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _bounded_alternation(words: list[str]) -> str:
    """``BOUNDARY_BEFORE(?:ALTERNATION)`` with the boundary behind the first character:
    the words are grouped by it (each group keeps the alternation's order, and only one
    group can match at an offset), so that the boundary is compiled once per group."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}{BOUNDARY_BEHIND_FIRST}(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


class Apostrophe(Kind[State]):
    name = "apostrophe"
    checks = single_check(
        "apostrophe",
        "possessives and contractions that lost their apostrophe",
        fields=("match", "replacement"),
        fixable=True,
        guesses=True,
        options={
            "possessives": Option(
                "str-list", [], help="names whose bare '+s' form is a possessive"
            ),
            "contractions": Option("str-map", {}, help="bare form -> contraction written with '"),
            "phrases": Option(
                "str-map", {}, help="bare fixed phrase -> the phrase written with its '"
            ),
            "acronym-evidence": Option(
                "bool", False, help="any acronym + s the document shows to be a possessive"
            ),
            "name-evidence": Option(
                "bool", False, help="any name + s the document shows to be a possessive"
            ),
            "word-contractions": Option(
                "str-map",
                {},
                help="bare form that is also a word -> contraction, where the words around "
                "it leave one reading",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        return _build(options)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        return _find(doc, state)


KIND = Apostrophe()


def _build(options: dict[str, Any]) -> State:
    names = options["possessives"]
    for name in names:
        if not name.split():  # an empty alternative would match before every "s"
            raise ValueError(f"possessives: {name!r} is not a name")
    table = {key.lower(): value for key, value in options["contractions"].items()}
    if any(not bare.strip() for bare in table):
        raise ValueError("contractions: a bare form is empty")
    for bare, written in table.items():
        if written.replace("'", "").lower() != bare:
            raise ValueError(f"contraction '{written}' is not '{bare}' with apostrophes")
    forms = {name: name.split()[-1].lower() + "s" for name in names}  # "Hong Kong": "kongs"
    possessive: dict[str, tuple[str, ...]] | None = None
    unworded = []
    if names:
        possessive = {}
        for name, form in forms.items():
            if ASCII_WORD.fullmatch(form):
                possessive[form] = (*possessive.get(form, ()), name)
            else:
                unworded.append(name)
    contraction = None
    if table:
        alternation = _alternation(list(table))
        contraction = f"{BOUNDARY_BEFORE}{NO_DOMAIN}(?:{alternation}){BOUNDARY_AFTER}"
    possessive_words = frozenset(forms.values())
    marks = _phrase_marks(options["phrases"])
    phrase = None
    if marks:
        phrase = f"(?:{_bounded_alternation(list(marks))}){BOUNDARY_AFTER}"
    word_table = _word_table(options["word-contractions"])
    return State(
        possessive,
        contraction,
        table,
        possessive_words,
        frozenset(bare.split()[0] for bare in table),
        options["acronym-evidence"],
        options["name-evidence"],
        phrase,
        marks,
        *_phrase_words(marks),
        word_contractions=word_table or None,
        possessive_unworded=tuple(unworded),
    )


def _word_table(options: dict[str, str]) -> dict[str, str]:
    """The ``word-contractions`` table, lower-cased: only the bare forms whose reading
    ``_bare_contractions`` knows."""
    table = {bare.lower(): written for bare, written in options.items()}
    for bare, written in table.items():
        if bare not in BARE_FORMS:
            known = ", ".join(sorted(BARE_FORMS))
            raise ValueError(f"word-contractions: no reading of '{bare}' is known ({known})")
        if written.replace("'", "").lower() != bare:
            raise ValueError(f"word-contractions: '{written}' is not '{bare}' with apostrophes")
    return table


def _phrase_marks(phrases: dict[str, str]) -> dict[str, int]:
    """Where each fixed phrase takes its one apostrophe: "Valentines Day" -> 9."""
    marks: dict[str, int] = {}
    for bare, written in phrases.items():
        if not bare.split() or written.count("'") != 1 or written.replace("'", "") != bare:
            raise ValueError(f"phrases: '{written}' is not '{bare}' with one apostrophe")
        marks[bare] = written.index("'")
    return marks


def _phrase_words(
    marks: dict[str, int],
) -> tuple[tuple[frozenset[str], ...] | None, frozenset[str]]:
    """Each phrase's words of ASCII letters, lower-cased, and a key word of each for the
    cheap gate: the one that takes the apostrophe ("valentines" of "Valentines Day") where
    it is ASCII letters, else the phrase's longest ("cat" of "Schrödingers cat"). Inside a
    phrase such a word stands between spaces, at its ends beside no word character or
    apostrophe (the pattern's boundaries), so that its lower case is one of the document's
    words (``letter_words``) wherever the phrase stands. None when a phrase has no such
    word: the gate cannot tell."""
    needed, keys = [], set()
    for bare, mark in marks.items():
        words = bare.split(" ")
        marked = words[bare[:mark].count(" ")]
        ascii_words = sorted((w.lower() for w in words if ASCII_WORD.fullmatch(w)), key=len)
        if not ascii_words:
            return None, frozenset()
        keys.add(marked.lower() if ASCII_WORD.fullmatch(marked) else ascii_words[-1])
        needed.append(frozenset(ascii_words))
    return tuple(needed), frozenset(keys)


def _phrases_possible(words: frozenset[str], state: State) -> bool:
    """Whether the document holds every word of a phrase that ``phrase_words`` lists: where
    it holds none, no phrase stands in it. The key words are tried first, at once."""
    needed = state.phrase_words
    if needed is None:
        return True
    return not words.isdisjoint(state.phrase_keys) and any(n <= words for n in needed)


def _find(doc: Document, state: State) -> Iterator[Finding]:
    doc = dashes_read(doc)
    text = doc.text
    words = doc.lower_words  # cheap gates: most documents hold none of the forms
    places: list[tuple[int, int, bool]] = []  # start, offset of the s, fix is a guess
    possessive = state.possessive_names is not None
    if possessive and not words.isdisjoint(state.possessive_words):
        for match in state.possessive_in(words).finditer(text):
            if not (marked_sic(text, match.end()) or listed_plural(doc, match)):
                places.append((match.start(), match.start(1), False))
    if state.acronym_evidence or state.name_evidence:
        listed = state.possessive_words if possessive else frozenset()
        evidenced = lost_possessives(doc, state.acronym_evidence, state.name_evidence, listed)
        places.extend(p for p in evidenced if not marked_sic(text, p[1] + 1))
    if (
        state.phrase_marks
        and _phrases_possible(words, state)
        and (phrase := state.phrase) is not None
    ):
        for match in phrase.finditer(text, doc.body_start):
            places.append((match.start(), match.start() + state.phrase_marks[match.group()], False))
    sure = {(start, insert_at) for start, insert_at, guess in places if not guess}
    for start, insert_at, guess in sorted(set(places)):
        if guess and (start, insert_at) in sure:
            continue  # the same place found with evidence that makes the fix safe
        mark = apostrophe_near(doc, insert_at)
        replacement = f"{text[start:insert_at]}{mark}s"
        yield Finding(
            start,
            insert_at + 1,
            {"match": text[start : insert_at + 1], "replacement": replacement},
            (Edit(insert_at, insert_at, mark),),
            f"Write '{replacement}'",
            guess=guess,
        )
    yield from _contractions(doc, state, words)


def _contractions(doc: Document, state: State, words: frozenset[str]) -> Iterator[Finding]:
    """The bare contractions of the table, then the bare forms that are words of their own
    where the words around them read as the contraction (``_bare_contractions``)."""
    text = doc.text
    found: set[int] = set()
    if state.contractions and not words.isdisjoint(state.contraction_words):
        assert state.contraction is not None
        for match in state.contraction.finditer(text):
            if _plain_case(match.group()):
                found.add(match.start())
                yield from _contraction(doc, *match.span(), state.contractions)
    if state.word_contractions and not words.isdisjoint(state.word_contractions):
        yield from _word_contractions(doc, state.word_contractions, words, found)


def _word_contractions(
    doc: Document, table: dict[str, str], words: frozenset[str], found: set[int]
) -> Iterator[Finding]:
    """The bare forms of ``table`` that the document holds, where the words around them
    read as the contraction; each form is found as a word in the lower-cased text, a
    search for its letters in C ("its" stands in most documents: a pattern of all the
    forms, in any case, costs a document of news 300 µs)."""
    text = doc.text
    places = sorted(
        place
        for bare in table.keys() & words
        for place in word_occurrences(text, doc.lowered, bare)
        if place[0] >= doc.body_start and place[0] not in found and _whole(text, *place)
    )
    for start, end in places:
        if reads_as_contraction(text, start, end) and not _named(doc, start, end):
            yield from _contraction(doc, start, end, table)


def _whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its own, not part of "its-", "it's",
    "e-cant" or a web address; a quotation may open with an apostrophe before it ("'Its")."""
    sides = (text[start - 1 : start], text[end : end + 1])  # "" at the text's ends
    if sides[0] in ("'", "’") and opens_quotation(text, start - 1):
        sides = ("", sides[1])
    if any(side and (side.isalnum() or side in "_'’-") for side in sides):
        return False
    # "example.its" is a web address; "organization.Its based" a sentence without its space
    return not (sides[0] == "." and text[start - 2 : start - 1].isalnum() and text[start].islower())


def _named(doc: Document, start: int, end: int) -> bool:
    """Whether a capitalised bare form is a name the document writes elsewhere ("Mr Cant",
    "Cant said"); "Id" and "Ill" are written so wherever they stand, and "Its" is no name
    but a title's word ("Why Its Important"). A "Cant" after a subject pronoun is the verb
    there ("They Cant Stop"), so it is a name only where the document writes it in
    another place."""
    text = doc.text
    source = text[start:end]
    if source in ("Id", "Ill", "Its") or not source[0].isupper():
        return False
    if verb_after_subject(text, start, end) and not any(
        not verb_after_subject(text, *place)
        for place in word_occurrences(text, doc.lowered, source.lower())
        if text[place[0] : place[1]] == source
    ):
        return False
    return names_of(doc).is_name(source)


def _contraction(doc: Document, start: int, end: int, table: dict[str, str]) -> Iterator[Finding]:
    """The finding of the bare contraction at ``start:end``, unless it is quoted as written,
    a name in code ("im.show()"), a name ("Jony Ive", ``_named_contractions``) or stands
    in a quotation in another language."""
    source = doc.text[start:end]
    if marked_sic(doc.text, end) or written_as_code(doc.text, start, end):
        return
    if names_of(doc).foreign(start):
        return
    guess = False
    # the bare forms that are words of their own are read by ``_bare_contractions``
    if source[:1].isupper() and source.lower() not in BARE_FORMS:
        read = named_contractions.reading(doc, start, end)
        if read is None:
            return
        guess = read
    mark = apostrophe_near(doc, start)
    replacement = match_case(source, table[source.lower()].replace("'", mark))
    yield Finding(
        start,
        end,
        {"match": source, "replacement": replacement},
        (Edit(start, end, replacement),),
        f"Write '{replacement}'",
        guess=guess,
    )


def apostrophe_near(doc: Document, at: int) -> str:
    """The apostrophe its paragraph writes more often near ``at`` ("GSA’s", "agencies’"),
    else the document's style: a text pasted together from several sources keeps each
    part's own marks."""
    spans = doc.paragraphs
    index = bisect.bisect_right([span.start for span in spans], at) - 1
    if index >= 0 and at < spans[index].end:
        start, end = max(spans[index].start, at - NEAR), min(spans[index].end, at + NEAR)
        marks = [mark.group() for mark in WRITTEN_APOSTROPHE.finditer(doc.text, start, end)]
        curly = marks.count("’")
        if 2 * curly != len(marks):
            return "’" if 2 * curly > len(marks) else "'"
    return doc.knowledge(_style)


def _style(doc: Document) -> str:
    """The document's apostrophe: its own style, or where it writes no apostrophe inside a
    word, ’ when it writes curly quotation marks ("“", "agencies’") and ' otherwise."""
    if doc.text.isascii() or INSIDE_WORD.search(doc.text):
        return doc.apostrophe
    return "’" if CURLY_MARKS.search(doc.text) else "'"


def _plain_case(source: str) -> bool:
    """Lower case, capitalised, or capitals longer than an acronym ("IM", "WHOs" are not
    contractions)."""
    if source.isupper():
        return len(source) > ACRONYM
    return source.islower() or (source[0].isupper() and source[1:].islower())
