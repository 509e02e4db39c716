"""substitution: known misspellings and real-word typos, replaced case-aware.

Finds words and phrases listed in a swap table (``swap:``) or in a bundled list
(``lists: [codespell]``, codespell's maintained misspelling dictionary). A phrase may hold
several words; matching ignores case and respects word boundaries. ``preceded-by`` and
``followed-by`` restrict a rule to a context (either one suffices), so "Prime Minster" is
caught while "York Minster" is not; entries listed in ``object-follows`` are reported only
before a word that can open a verb's object ("to mange current resources", not "lost its
fur to mange."), where only the verb they stand for fits. The fix writes the replacement
in the capitalisation of the source ("MINSTER" -> "MINISTER", "Minster" -> "Minister").
Entries with several candidate corrections are reported without a fix: a person picks. A
word followed by "[sic]" is quoted as written and never reported. Words inside a quotation
in another language (``« la loi dont il parle »``) are not English and never reported.
Two hyphens or more after a word are the dash of plain text, which stands between words
("late--goverment"); one joins a compound's.

With ``skip-names``, a word that may be a name is read with what the document tells about
it (``_names``): acronyms, CamelCase brands ("GameBoy"), spellings whose correction
differs only by a space, hyphen or capital ("Doubleclick"), words of a multi-word name
("Teh Hong Piow", "Malcom P. McLean"), words the document uses as names ("Analysys ...
Analysys") and words after a word that introduces a name (``name-introducers``: "the firm
Analysys", "a startup called Zenefits") are names, unless the document itself spells the
corrected name ("the Foriegn Minister" beside "the Foreign Minister"). A capitalised word
is fixed safely only where it cannot be a name (at a sentence start, used nowhere as one)
or is the document's misspelling of its own name; a single capitalised word inside a
sentence longer than ``name-max-length``, or before an office's word ("the Foriegn
Minister Alexander Downer"), is reported with its fix offered as a guess. A word after a
person's title ("Mr. Thier", at a sentence's start too) is a name. A misspelling of a
word that names a public body when capitalised (``institution-words``: "the Goverment
must", "the Federal Goverment", "Foriegn Minister") is fixed safely alone inside a
sentence or beside an office's or another such word: no person is called so. A
misspelling set against one of its corrections ("rather than", "instead of", "not",
"versus"), after a word that calls it one ("misspelled", "typo") or alone inside
quotation marks ('the "linez" method') is mentioned, not used ("use delimiter rather than
delimitor"): its fix is a guess. Names in code, files, handles and addresses ("asend()",
"nd.ndarrays", "@parth-paradkar", "jdoe@teh.org") and words with a capital inside that
start in lower case ("nD", "iPhone") are not prose and never reported, nor are the
letters against a mojibake character or an HTML entity for a letter ("FranÃ§ois",
"Fran&ccedil;ois" hold no word "ois"), which are a piece of a word the encoding rules
repair. A word in capitals is an acronym, unless it has five letters or more and stands
beside another word in capitals, as a heading's words do ("FORIEGN AFFAIRS"): then it is
reported, its fix a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import LARGE_TEXT, Document, letter_words
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import HONORIFICS, words
from seedlint.kinds._names import names_of, sentence_start
from seedlint.kinds._text import (
    WORD_HEAD,
    WORD_TAIL,
    against_letter_entity,
    dashes_read,
    infinitive_stands,
    marked_sic,
    match_case,
    next_token,
    next_word,
    opens_comparison,
    opens_object,
    previous_word,
    quoted_alone,
    word_occurrences,
    written_as_code,
)
from seedlint.kinds._wordlists import Table, load_table, source_of


class Corrections:
    """A rule's single words: lower-case word -> correction(s), "a|b" when ambiguous. The
    entries of its lists (the later list's where two list a word), under its swaps, less
    its excludes. A list's 65,000 words are looked up bucket by bucket (``Table``), as
    documents ask, instead of being made a dictionary and a set when the rule is built
    (30 ms of every start); which of a document's words are listed is asked word by word
    for the first documents, then of the set of every listed word, made once (one set
    operation per document)."""

    __slots__ = ("_any", "_asked", "_excluded", "_listed", "_swaps", "_tables")

    def __init__(self, tables: list[Table], swaps: dict[str, str], excluded: set[str]) -> None:
        self._tables = tables
        self._swaps = {k: v for k, v in swaps.items() if k not in excluded}
        self._excluded = frozenset(excluded)
        self._listed: frozenset[str] | None = None
        self._asked = 0
        self._any = bool(self._swaps) or any(
            any(w not in excluded for w in table.bucket(key))
            for table in tables
            for key in table.bucket_keys()
        )

    def get(self, word: str) -> str | None:
        found = self._swaps.get(word)
        if found is not None or word in self._excluded:
            return found
        for table in reversed(self._tables):
            found = table.get(word)
            if found is not None:
                return found
        return None

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __bool__(self) -> bool:
        return self._any

    def present(self, words: frozenset[str]) -> frozenset[str]:
        """The listed words among ``words``."""
        if self._listed is None:
            self._asked += 1
            if self._asked <= WORD_BY_WORD_DOCUMENTS:
                return frozenset(w for w in words if self.get(w) is not None)
            listed = {w for table in self._tables for w in table.words()}
            self._listed = frozenset((listed | set(self._swaps)) - self._excluded)
        return words.intersection(self._listed)


class State(msgspec.Struct, frozen=True):
    words: Corrections  # single words (see Corrections)
    phrase_words: tuple[frozenset[str], ...]  # a document lacking them has none of the phrases
    phrases: dict[str, str]
    phrase_source: str | None  # the pattern of every phrase (see phrase_pattern)
    preceded_by: frozenset[str]
    followed_by: frozenset[str]
    skip_names: bool
    name_max_length: int
    lists: tuple[str, ...]
    capitalised: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    introducers: frozenset[str] = frozenset()
    object_follows: frozenset[str] = frozenset()  # entries reported only before an object
    unsure: frozenset[str] = frozenset()  # entries whose fix is always a guess
    comparison_follows: frozenset[str] = frozenset()  # "then" for "than" (opens_comparison)
    # entry -> the words right before (after) it beside which it is meant as written
    meant_after: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)
    meant_before: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)
    # the phrases in the pattern's order, each with its words when they are all plain
    # (ASCII letters and digits; else None); and each phrase's own pattern, compiled on first use
    phrase_order: tuple[tuple[str, frozenset[str] | None], ...] = ()
    phrase_patterns: dict[str, re.Pattern[str]] = msgspec.field(default_factory=dict)
    # a word of each phrase (its longest letter run, likely its rarest) -> the phrases
    # (numbers in phrase_words) it stands for: a document holds a phrase's words only if
    # it holds that one, which one set operation finds; "" -> phrases of digits alone
    phrase_firsts: dict[str, tuple[int, ...]] = msgspec.field(default_factory=dict)
    # first word -> the plain phrases (numbers in phrase_order) that open with it
    order_firsts: dict[str, tuple[int, ...]] = msgspec.field(default_factory=dict)
    all_plain: bool = False  # every phrase is of plain words (see _phrase_matches)
    # the plain phrases by a word a text must hold to spell them, each with the words a
    # text spelling it holds (see _spelt_phrases)
    spelling_gates: dict[str, tuple[tuple[str, tuple[frozenset[str], str]], ...]] = msgspec.field(
        default_factory=dict
    )

    @property
    def phrase_pattern(self) -> re.Pattern[str] | None:
        """Every phrase in one pattern, compiled when first used: most documents are
        searched phrase by phrase (``_phrase_matches``), and a run that never needs it
        does not pay for compiling it."""
        return None if self.phrase_source is None else _compiled(self.phrase_source)


class Substitution(Kind[State]):
    name = "substitution"
    checks = single_check(
        "substitution",
        "listed misspellings and phrases, replaced case-aware",
        fields=("match", "replacement", "suggestions"),
        fixable=True,
        guesses=True,
        options={
            "swap": Option("str-map", {}, help="misspelling or phrase -> correction"),
            "lists": Option("str-list", [], help="bundled misspelling lists to load: codespell"),
            "exclude": Option("str-list", [], help="entries never to report"),
            "preceded-by": Option("str-list", [], help="report only after one of these words"),
            "followed-by": Option("str-list", [], help="report only before one of these words"),
            "object-follows": Option(
                "str-list",
                [],
                help="entries of swap reported only before a word that can open their object "
                "(a determiner, a pronoun, a number, a noun or an adjective): 'to mange' is "
                "'to manage' in 'to mange current resources', not in 'lost its fur to mange.'",
            ),
            "unsure": Option(
                "str-list",
                [],
                help="entries of swap or words of a list whose fix is a guess: a slip in "
                "most texts, meant in some ('a dairy study' of farms, 'the Defence Council' "
                "that governs, 'pervious concrete' that lets water through)",
            ),
            "comparison-follows": Option(
                "str-list",
                [],
                help="entries of swap that write 'then' for 'than' after a comparative: "
                "reported where a comparison's second term follows ('more then 100', "
                "'better then expected'), as a guess before a preposition, and not where "
                "'then' is a time ('Things were better then.', 'higher then than now')",
            ),
            "meant-after": Option(
                "str-lists-map",
                {},
                help="entry of swap -> words right after which it is meant as written and "
                "never reported ('quiet a few': [to] leaves 'to quiet a few critics')",
            ),
            "meant-before": Option(
                "str-lists-map",
                {},
                help="entry of swap -> words right before which it is meant as written and "
                "never reported ('shoe in': [the] leaves 'a shoe in the car')",
            ),
            "skip-names": Option(
                "bool", False, help="skip acronyms, and capitalised words inside a sentence"
            ),
            "name-max-length": Option(
                "int",
                7,
                help="with skip-names: longer capitalised words are checked anyway "
                "('Parliment' is likelier a typo than a name), their fix offered as a guess",
            ),
            "capitalised-words": Option(
                "str-list",
                [],
                help="with skip-names: corrections English always capitalises (months, "
                "days): their capital says nothing about a name",
            ),
            "institution-words": Option(
                "str-list",
                [],
                help="with skip-names: corrections that name a public body when capitalised "
                "('the Goverment', 'Foriegn Minister'): a misspelling of one alone or beside "
                "an office's word is fixed safely",
            ),
            "name-introducers": Option(
                "str-list",
                [],
                help="with skip-names: words after which a capitalised word is a name "
                "(the firm Analysys, a startup called Zenefits)",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        for key, value in options["swap"].items():
            # an empty phrase matches between any two characters; an empty correction
            # leaves nothing to suggest (a correction ending in "|" reports without a fix)
            if not key.split():
                raise ValueError(f"swap: {key!r} is not a word or phrase")
            if not value.strip("|").strip():
                raise ValueError(f"swap: '{key}' has an empty correction")
        tables = [load_table(name) for name in options["lists"]]
        swaps = {key.lower(): value for key, value in options["swap"].items()}
        entries = {" ".join(key.split()) for key in swaps}
        object_follows = frozenset(map(entry_key, options["object-follows"]))
        unsure = frozenset(map(entry_key, options["unsure"]))
        comparison = frozenset(map(entry_key, options["comparison-follows"]))
        meant_after = _beside(options["meant-after"])
        meant_before = _beside(options["meant-before"])
        # an unsure entry may be a word of a list too: "cheeper", a young bird, as well
        # as a slip for "cheaper"
        in_lists = {word for word in unsure if any(t.get(word) is not None for t in tables)}
        if unknown := sorted(unsure - entries - in_lists):
            raise ValueError(f"unsure: '{unknown[0]}' is no entry of swap or of a list")
        for option, named in (
            ("object-follows", object_follows),
            ("comparison-follows", comparison),
            ("meant-after", frozenset(meant_after)),
            ("meant-before", frozenset(meant_before)),
        ):
            if unknown := sorted(named - entries):
                raise ValueError(f"{option}: '{unknown[0]}' is no entry of swap")
        excluded = {word.lower() for word in options["exclude"]}
        # the phrases in the order a table of every entry would hold them: the lists' in
        # order, then the swaps' (a swap of a listed phrase keeps the list's place)
        table: dict[str, str] = {}
        for listed in tables:
            table.update(listed.phrases)
        table.update({key: value for key, value in swaps.items() if " " in key})
        for word in excluded:
            table.pop(word, None)
        phrases = {" ".join(key.split()): value for key, value in table.items()}
        words = Corrections(tables, {k: v for k, v in swaps.items() if " " not in k}, excluded)
        alternatives = sorted(phrases, key=len, reverse=True)
        source = _phrase_source(alternatives) if phrases else None
        phrase_order = tuple(
            (p, frozenset(p.split()) if PLAIN_WORDS.fullmatch(p) else None) for p in alternatives
        )
        plain = [p for p, words in phrase_order if words is not None]
        return State(
            words=words,
            phrase_words=tuple(_gate_words(p) for p in phrases),
            phrases=phrases,
            phrase_source=source,
            preceded_by=frozenset(w.lower() for w in options["preceded-by"]),
            followed_by=frozenset(w.lower() for w in options["followed-by"]),
            skip_names=options["skip-names"],
            name_max_length=options["name-max-length"],
            lists=tuple(options["lists"]),
            capitalised=frozenset(w.lower() for w in options["capitalised-words"]),
            institutions=frozenset(w.lower() for w in options["institution-words"]),
            introducers=frozenset(w.lower() for w in options["name-introducers"]),
            object_follows=object_follows,
            unsure=unsure,
            comparison_follows=comparison,
            meant_after=meant_after,
            meant_before=meant_before,
            phrase_order=phrase_order,
            phrase_firsts=_by_first_word([_gate_key(p) for p in phrases]),
            order_firsts=_by_first_word(plain),
            all_plain=all(words is not None for _, words in phrase_order),
            spelling_gates=_spelling_gates(plain),
        )

    def data_files(self, state: State) -> list[Path]:
        return [source_of(name) for name in state.lists]

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        doc = dashes_read(doc)  # "late--goverment": two hyphens stand between words
        text = doc.text
        # a cheap test first: most documents hold none of the listed words
        present = state.words.present(doc.lower_words) if state.words else ()
        if present:
            found = []
            for word in present:  # usually one or two words: find just those
                for start, end in word_occurrences(text, doc.lowered, word):
                    found.append((start, end, state.words[word]))
            for start, end, correction in sorted(found):
                yield from _finding(doc, start, end, correction, state)
        if state.phrase_source is not None and _holds_a_phrase(doc.lower_words, state):
            for match in _phrase_matches(doc, state):
                correction = state.phrases[entry_key(match.group())]
                yield from _finding(doc, match.start(), match.end(), correction, state)


KIND = Substitution()

# documents whose listed words are looked up one by one (about 0.1 ms each) before the set
# of every listed word is made (17 ms): a pre-commit run of a few files never makes it
WORD_BY_WORD_DOCUMENTS = 64
# the rules' whole-table patterns kept compiled (a phrase's own pattern is kept in its State)
PHRASE_PATTERNS_KEPT = 16
PLAIN_WORDS = lazy_compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
# a phrase before "-led", "-related" … makes an adjective that keeps the phrase's meaning
# and slip ("Untied States-led", "costumer service-minded"); before another word a hyphen
# may make another word of its last one ("key roll-out", "to breath-test")
COMPOUND_TAILS = (
    "led|minded|related|based|wide|level|focused|oriented|driven|specific|friendly|owned"
    "|funded|backed|sponsored|centric|facing"
)
PHRASE_LETTERS = lazy_compile("[a-z]+")


def entry_key(written: str) -> str:
    """A phrase as the table's entries are compared: lower case, words single-spaced."""
    return " ".join(written.lower().split())


def _beside(option: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """``meant-after`` or ``meant-before``: each entry and word as the table and the
    text's words are compared, in lower case with single spaces."""
    return {
        entry_key(entry): frozenset(w.lower() for w in beside) for entry, beside in option.items()
    }


def _by_first_word(phrases: list[str]) -> dict[str, tuple[int, ...]]:
    """First word -> the numbers of the phrases that open with it, in order ("" for a
    phrase of no word)."""
    found: dict[str, list[int]] = {}
    for number, phrase in enumerate(phrases):
        found.setdefault((phrase.split() or [""])[0], []).append(number)
    return {first: tuple(numbers) for first, numbers in found.items()}


def _gate_key(phrase: str) -> str:
    """The longest of the phrase's gate words (the first in alphabetical order of those as
    long), or "" when it has none."""
    return min(_gate_words(phrase), key=lambda w: (-len(w), w), default="")


def _gate_words(phrase: str) -> frozenset[str]:
    """The words ``Document.lower_words`` holds of a text that holds the phrase: its runs
    of letters ("508 complaint" gives "complaint"; digits are no such word)."""
    return frozenset(letter_words(phrase.lower())[0])


def _holds_a_phrase(words: frozenset[str], state: State) -> bool:
    """Whether ``words`` holds every word of some phrase (``phrase_words``)."""
    phrase_words = state.phrase_words
    if "" in state.phrase_firsts:
        return True  # a phrase of digits alone: no word tells whether it may stand
    return any(
        phrase_words[number] <= words
        for first in words.intersection(state.phrase_firsts)
        for number in state.phrase_firsts[first]
    )


def _phrase_source(alternatives: list[str]) -> str:
    """Every phrase, each a whole word run: nothing of a word on either side, and no
    hyphen after it but the hyphen of a compound adjective made of it (``COMPOUND_TAILS``)."""
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)
    return rf"{WORD_HEAD}(?:{body}){WORD_TAIL}(?!-(?!(?:{COMPOUND_TAILS})(?![\w-])))"


@lru_cache(maxsize=PHRASE_PATTERNS_KEPT)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _phrase_pattern(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(_phrase_source(alternatives), re.IGNORECASE)


def _phrase_matches(doc: Document, state: State) -> Iterator[re.Match[str]]:
    """What ``state.phrase_pattern.finditer(doc.text)`` finds, found far faster: only
    the phrases that can match in this document are tried, and only where they start.

    A match of a phrase of plain words (ASCII letters and digits) is, lower-cased, those
    words between characters that are neither (the look-arounds and \\s+ see to it),
    unless the text holds one of the four characters that IGNORECASE equates with an
    ASCII letter (İ, the one character whose lower case is longer, among them: so offsets
    in ``doc.lower`` are offsets in the text). So such a phrase matches only where the
    lower-cased text, its whitespace runs made single spaces, spells it
    (``_spelt_phrases``: in most documents, none), and only at an offset where its first
    word stands in it. At each such offset, left to right and past each match as finditer
    goes, the phrases are tried one by one in the pattern's order, each with the
    pattern's look-arounds: the first that matches is the alternative the whole pattern
    would have matched there; a phrase the text does not spell matches nowhere.
    """
    text = doc.text
    # a large text is searched with the whole pattern: the offsets of its phrases' first
    # words (every "the") would take several times its size
    if doc.holds_ascii_lookalike or not state.all_plain or len(text) > LARGE_TEXT:
        assert state.phrase_pattern is not None
        yield from state.phrase_pattern.finditer(text)
        return
    lower = doc.lower
    spelt = _spelt_phrases(doc, state)
    if not spelt:
        return  # most documents that hold a phrase's words hold none of the phrases
    order = state.phrase_order
    # first word -> the phrases opening with it that the text spells, in pattern order
    tried: dict[str, list[int]] = {}
    for first in {phrase.split()[0] for phrase in spelt}:
        tried[first] = [n for n in state.order_firsts[first] if order[n][0] in spelt]
    firsts_at: dict[int, list[str]] = {}  # offset -> the first words that stand there
    for first in tried:
        at = lower.find(first)
        while at != -1:
            firsts_at.setdefault(at, []).append(first)
            at = lower.find(first, at + 1)
    done = 0
    for at in sorted(firsts_at):
        if at < done:
            continue
        here = firsts_at[at]
        numbers = tried[here[0]] if len(here) == 1 else sorted(n for f in here for n in tried[f])
        for number in numbers:
            match = _single_phrase(state, order[number][0]).match(text, at)
            if match is not None:
                done = match.end()
                yield match
                break


def _spelt_phrases(doc: Document, state: State) -> frozenset[str]:
    """The phrases (all plain, see ``_phrase_matches``) that the lower-cased text spells
    with each of its whitespace runs made one space: only these can match. A match is, in
    ``doc.lower``, the phrase's words with whitespace between them (``\\s+``, which is
    ``str.isspace``, what ``str.split`` splits on), so with every run of whitespace
    written as one space the phrase stands there as the table writes it. Only the phrases
    whose letter runs the text holds are asked (see ``_spelling_gate``)."""
    words, stems = doc.lower_words, doc.apostrophe_stems
    gates = state.spelling_gates
    keys = words.intersection(gates)
    if stems:
        keys |= stems.intersection(gates)
    asked = [
        phrase
        for key in keys
        for phrase, (inner, last) in gates[key]
        if inner <= words and (not last or last in words or last in stems)
    ]
    asked.extend(phrase for phrase, _ in gates.get("", ()))
    if not asked:
        return frozenset()
    spaced = doc.single_spaced_lower
    return frozenset(phrase for phrase in asked if phrase in spaced)


def _spelling_gate(phrase: str) -> tuple[frozenset[str], str]:
    """What ``Document.lower_words`` holds of every text in which a plain phrase matches:
    the runs of letters of its words, each a whole word of the text (on either side a
    character that is no letter and no apostrophe: whitespace inside the phrase, the
    look-behind before it, a digit inside a word), except the last word's last run when
    the word ends with a letter, which may run on past an apostrophe ("free reign'd"
    holds "reign'd", and "reign" is one of ``apostrophe_stems``). That run is given apart
    ("" when there is none)."""
    runs = [run for word in phrase.split() for run in PHRASE_LETTERS.findall(word)]
    last = runs.pop() if phrase[-1:].isalpha() else ""
    return frozenset(runs), last


def _spelling_gates(
    phrases: list[str],
) -> dict[str, tuple[tuple[str, tuple[frozenset[str], str]], ...]]:
    """The longest letter run of each plain phrase (the first in alphabetical order of
    those as long; "" when it has none) -> the phrases it stands for, each with its
    ``_spelling_gate``: a text can spell a phrase only if it holds that run (as a word,
    or, the last one, as a word's stem)."""
    found: dict[str, list[tuple[str, tuple[frozenset[str], str]]]] = {}
    for phrase in phrases:
        inner, last = gate = _spelling_gate(phrase)
        key = min({*inner, last} - {""}, key=lambda w: (-len(w), w), default="")
        found.setdefault(key, []).append((phrase, gate))
    return {key: tuple(listed) for key, listed in found.items()}


def _single_phrase(state: State, phrase: str) -> re.Pattern[str]:
    pattern = state.phrase_patterns.get(phrase)
    if pattern is None:
        pattern = state.phrase_patterns[phrase] = _phrase_pattern([phrase])
    return pattern


# words of an office, which a qualifier rather than a person's name stands before
OFFICES = words(
    "minister ministry secretary president chancellor ambassador commissioner governor "
    "general director premier treasurer spokesman spokeswoman envoy consul department "
    "office affairs"
)
NEXT_CAPITALISED = lazy_compile(r"[ \t\u00a0]+([A-Z][a-z]+)\b")
OFFICE_REACH = 20  # characters after a word that hold the office's word
INSTITUTION_MIN = 6  # letters of a misspelt body's word: shorter ones may be names ("Forin")
# a capitalised word before a word of a name: an initial or a short title with its full
# stop ("P.", "Mr."), or a word without one ("O'Sullivan." ends a sentence)
PREVIOUS_IN_RUN = lazy_compile(r"([A-Z](?:[a-z]{0,3}\.|[\w'’-]*))[ \t\u00a0]+\Z")
NAME_JOINERS = lazy_compile(r"[ \t\u00a0]+(?=[A-Z](?:[a-z]|\.))")  # "Hong", "P."
SEPARATORS = lazy_compile(r"[\s'’-]")


def _name_check(doc: Document, start: int, end: int, correction: str, state: State) -> bool | None:
    """None when the word is a name (skip it); otherwise whether its fix is a guess."""
    text = doc.text
    word = text[start:end]
    if not word[0].isupper() or not state.skip_names:
        return False
    if word.isupper() and len(word) > 1:
        if len(word) >= SHOUTED_MIN and _shouted(text, start, end):
            # a word of a heading in capitals ("FORIEGN AFFAIRS"), unless the document
            # uses it as a name ("ANALYSYS LTD" beside "Analysys"): a name may be written
            # so too, so its fix is a guess
            return None if names_of(doc).is_name(word) else True
        return None  # an acronym
    if any(c.isupper() for c in word[1:]) or _spaced(word, correction):
        return None  # GameBoy, Doubleclick: a brand's own spelling
    if _introduced(text, start, state.introducers):
        return None  # "the firm Analysys", "a startup called Zenefits"
    previous = PREVIOUS_IN_RUN.search(text, max(0, start - INTRODUCER_REACH), start)
    if previous is not None and previous.group(1).rstrip(".").lower() in HONORIFICS:
        return None  # a name after an honorific, at a sentence's start too: "Mr. Thier"
    names = names_of(doc)
    first = correction.split("|")[0]
    institution = first in state.institutions and len(word) >= INSTITUTION_MIN
    if _in_run(text, end, previous):
        if _writes_corrected_run(text, start, end, first) or names.is_name(first):
            return False
        once = text.count(word) == 1  # a word written again so may be a name the text uses
        if institution and once and _beside_office(text, end, previous, state.institutions):
            return False  # "the Federal Goverment", "Foriegn Minister Alexander Downer"
        # a long word of a name of several words is likelier an institution's word
        # misspelt ("Federal Trade Commision") than a person's name, and so is one before
        # an office ("Foriegn Minister Alexander Downer"): reported, as a guess
        long = len(word) > state.name_max_length or _before_office(text, end)
        return True if long and once else None
    if bool(first) and names.is_name(first):
        return False  # the document's own name, misspelt
    if text.count(word) > 1 and names.is_name(word):
        return None  # a name the document writes again and again: "Malcom ... Malcom"
    if first[:1].isupper() or first.lower() in state.capitalised:
        return False  # a name misspelt ("Ukranian"), a month
    if names.is_name(word) and sentence_start(text, start):
        return None  # used as a name elsewhere in the document
    if sentence_start(text, start) or institution:
        return False  # "the Goverment must": a body's name, no person's
    if len(word) > state.name_max_length and doc.text.count(word) == 1:
        return True
    return None


# letters of a word in capitals beside another that is read as a heading's word: shorter
# ones are acronyms ("ACHIVE" is not one, "PROMIS" is, alone in its parentheses)
SHOUTED_MIN = 5
# a word of two capitals or more just before or after a word, on its line
CAPITALS_BEFORE = lazy_compile(r"\b[A-Z]{2,}[,:;]?[ \t\u00a0]+\Z")
CAPITALS_AFTER = lazy_compile(r"[,:;]?[ \t\u00a0]+[A-Z]{2,}\b")


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether the word in capitals at ``start``-``end`` stands beside another word in
    capitals: a heading's or a shouted phrase's, not an acronym alone among words."""
    return bool(
        CAPITALS_AFTER.match(text, end)
        or CAPITALS_BEFORE.search(text, max(0, start - INTRODUCER_REACH), start)
    )


PREVIOUS_WORD = lazy_compile(r"([A-Za-z-]+)[ \t\u00a0]+\Z")
INTRODUCER_REACH = 40  # characters before a word that may hold the word introducing it


def _introduced(text: str, start: int, introducers: frozenset[str]) -> bool:
    """Whether the word at ``start`` follows one of the words that introduce a name."""
    if not introducers:
        return False
    previous = PREVIOUS_WORD.search(text, max(0, start - INTRODUCER_REACH), start)
    return previous is not None and previous.group(1).lower() in introducers


def _spaced(word: str, correction: str) -> bool:
    return any(SEPARATORS.sub("", c).lower() == word.lower() for c in correction.split("|"))


def _in_run(text: str, end: int, previous: re.Match[str] | None) -> bool:
    """A word of a name of several words: a capitalised word or an initial beside it
    (``previous``: the capitalised word before it, ``PREVIOUS_IN_RUN``)."""
    if NAME_JOINERS.match(text, end):
        return True
    return previous is not None and not sentence_start(text, previous.start())


def _before_office(text: str, end: int, offices: frozenset[str] = OFFICES) -> bool:
    """Whether an office's word follows the word ending at ``end``: "Minister", "Affairs"."""
    following = NEXT_CAPITALISED.match(text, end, end + OFFICE_REACH)
    return following is not None and following.group(1).lower() in offices


def _beside_office(
    text: str, end: int, previous: re.Match[str] | None, institutions: frozenset[str]
) -> bool:
    """Whether the capitalised word before the word ending at ``end``, or the one after
    it, is an office's word or another word of a public body's name ("Federal")."""
    offices = OFFICES | institutions
    if previous is not None and previous.group(1).rstrip(".").lower() in offices:
        return True
    return _before_office(text, end, offices)


def _writes_corrected_run(text: str, start: int, end: int, correction: str) -> bool:
    """Whether the document writes the name with the correction: "Foreign Minister"."""
    following = re.match(r"[ \t\u00a0]+([A-Z][\w'’-]*)", text[end : end + 40])
    if not correction or following is None:
        return False
    corrected = correction[0].upper() + correction[1:] + " " + following.group(1)
    return corrected in text


def _in_context(text: str, start: int, end: int, state: State) -> bool:
    before = previous_word(text, start)
    after = next_word(text, end)
    return (before is not None and before.lower() in state.preceded_by) or (
        after is not None and after.lower() in state.followed_by
    )


def _object_or_verb(
    text: str, start: int, end: int, entry: str, object_follows: frozenset[str]
) -> bool:
    """Whether an entry read only as a verb stands as one here: an object follows it, or
    for "to" + a verb ("to mange"), the words around it leave no noun after "to"."""
    if entry not in object_follows or opens_object(next_token(text, end)):
        return True
    return entry.startswith("to ") and infinitive_stands(text, start, end)


def _meant_beside(text: str, start: int, end: int, entry: str, state: State) -> bool:
    """Whether a word that ``meant-after`` or ``meant-before`` lists for the entry stands
    right before or after it: "to quiet a few critics", "a shoe in the car"."""
    after = state.meant_after.get(entry)
    if after is not None and (previous_word(text, start) or "").lower() in after:
        return True
    before = state.meant_before.get(entry)
    return before is not None and (next_word(text, end) or "").lower() in before


MENTION_REACH = 40  # characters before a word where a word may call it a misspelling
# words that call what follows a misspelling: "the misspelled keyword delimitor"
MENTION_CUES = lazy_compile(r"\b(?:misspel\w*|typos?)\b", re.IGNORECASE)  # not "typography"
# what stands between a word and its correction set against it: "delimiter rather than
# delimitor", "delimitor (not delimiter)", "delimitor -> delimiter"
MARKS_AROUND = r"""[\s"'“”‘’(),]*"""
CONTRAST = (
    rf"{MARKS_AROUND}(?:rather\s+than|instead\s+of|in\s+place\s+of|not|vs\.?|versus|->|→)"
    rf"{MARKS_AROUND}"
)


CONTRAST_BEFORE = lazy_compile(rf"{CONTRAST}\Z", re.IGNORECASE)  # "delimiter rather than "
CONTRAST_AFTER = lazy_compile(rf"\A{CONTRAST}", re.IGNORECASE)  # " (not government"


def _mentioned(text: str, start: int, end: int, correction: str) -> bool:
    """Whether the word at ``text[start:end]`` may be mentioned as a misspelling, not
    used: it stands alone inside quotation marks ('the "linez" method'), a word before it
    calls it one, or one of its corrections is set against it."""
    if quoted_alone(text, start, end):
        return True
    reach = max(0, start - MENTION_REACH)
    if MENTION_CUES.search(text, reach, start):
        return True
    candidates = [c for c in correction.lower().split("|") if c]
    against = CONTRAST_BEFORE.search(text, reach, start)
    if against is not None:  # the correction, then the word
        written = text[reach : against.start()].lower()
        if any(_ends_on(written, c) for c in candidates):
            return True
    against = CONTRAST_AFTER.match(text, end, end + MENTION_REACH)
    if against is not None:  # the word, then its correction
        written = text[against.end() : against.end() + MENTION_REACH].lower()
        return any(_starts_with(written, c) for c in candidates)
    return False


def _ends_on(written: str, word: str) -> bool:
    """Whether ``written`` ends on ``word``, whole."""
    if not written.endswith(word):
        return False
    before = written[-len(word) - 1 : -len(word)]
    return not (before.isalnum() or before in "_-")


def _starts_with(written: str, word: str) -> bool:
    """Whether ``written`` starts with ``word``, whole."""
    after = written[len(word) : len(word) + 1]
    return written.startswith(word) and not (after.isalnum() or after in "_-")


def _finding(
    doc: Document, start: int, end: int, correction: str, state: State
) -> Iterator[Finding]:
    text = doc.text
    if (state.preceded_by or state.followed_by) and not _in_context(text, start, end, state):
        return
    entry = entry_key(text[start:end])
    if state.object_follows and not _object_or_verb(text, start, end, entry, state.object_follows):
        return
    if _meant_beside(text, start, end, entry, state):
        return
    compared: bool | None = True
    if entry in state.comparison_follows:
        compared = opens_comparison(text, start, end)
        if compared is False:
            return  # "Things were better then.": a time
    if marked_sic(text, end) or written_as_code(text, start, end) or names_of(doc).foreign(start):
        return
    if against_letter_entity(text, start, end):
        return  # "Fran&ccedil;ois" holds no word "ois"
    if text[start].islower() and not text[start:end].islower():
        return  # a capital inside a word that starts in lower case: "nD", "iPhone", "eBay"
    guess = _name_check(doc, start, end, correction, state)
    if guess is None:
        return
    # a misspelling set against its correction or called one is a mention ("use
    # delimiter rather than delimitor"): a fix would change what the text says; an entry
    # listed as unsure may be meant
    guess = guess or _mentioned(text, start, end, correction)
    if entry in state.unsure or compared is None:
        guess = True
    source = text[start:end]
    # a correction with an apostrophe (dont -> don't) is written in the document's style
    candidates = [
        match_case(source, c).replace("'", doc.apostrophe) for c in correction.split("|") if c
    ]
    # "replacement" is the text itself (or the choices, joined by "or"); "suggestions"
    # quotes each choice, for messages that offer one or several alike
    replacement = " or ".join(candidates)
    suggestions = " or ".join(f"'{c}'" for c in candidates)
    edits = None
    if "|" not in correction:
        edits = (Edit(start, end, replacement),)
    yield Finding(
        start,
        end,
        {"match": source, "replacement": replacement, "suggestions": suggestions},
        edits,
        f"Replace with '{replacement}'" if edits else "",
        guess=guess,
    )
