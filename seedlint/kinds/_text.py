"""Small text helpers shared by several rule kinds (and by nothing else)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from seedlint.engine.document import Document, LowerText
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    QUANTIFIERS,
    words,
)
from seedlint.kinds._wordclass import lemma, noun, noun_or_adjective, verb_base

# how a web address starts ("https://", "www."): the endings and quotation kinds read it
WEB_ADDRESS = r"(?:https?://|www\.)"
# what may stand before an apostrophe that opens a quotation, after which a word stands on
# its own ("'Goverment officials", "('Im"); after anything else an apostrophe is inside a
# word or a possessive's ("rock'n'roll", "(USWDS)’s")
QUOTE_OPENERS = '([{“"‘—–'  # and white space


def word_head(inside: str, behind: str = "") -> str:
    """A look-behind: no character of ``inside`` (a character class's body) before a word,
    unless it is an apostrophe that opens a quotation; ``behind`` is what the pattern has
    matched of the word by then ("." when it starts with the word's first character)."""
    return (
        rf"(?:(?<![{inside}]{behind})|(?<=\A['’]{behind})"
        rf"|(?<=[\s{re.escape(QUOTE_OPENERS)}]['’]{behind}))"
    )


# the marks that may stand either side of a word a text names ('the "linez" method')
NAMING_OPENERS, NAMING_CLOSERS = "\"'“‘", "\"'”’"


def quoted_alone(text: str, start: int, end: int, also: str = "") -> bool:
    """Whether ``text[start:end]`` stands alone between a quotation's marks (or two of
    ``also``, as backticks): named, not used ('the "linez" method', 'the entity "&nbsp;"')."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if not (before and after):
        return False
    return before in NAMING_OPENERS + also and after in NAMING_CLOSERS + also


def opens_quotation(text: str | LowerText, at: int) -> bool:
    """Whether the apostrophe at ``at`` opens a quotation: at the text's start or after
    white space or one of ``QUOTE_OPENERS``."""
    before = text[at - 1] if at else " "
    return before.isspace() or before in QUOTE_OPENERS


# what UTF-8 read as Latin-1 or Windows-1252 leaves inside a word beside its letters
# ("FranÃ§ois", "itâ€™s"), a lost apostrophe's "¿" ("the UK¿s") and the replacement
# character: Latin-1's controls and symbols (not the no-break space nor « and ») and
# Windows-1252's. A run of letters against one is a piece of a word, never a word of its
# own ("ois" is no misspelling)
GLUE_RANGES = (
    (0x80, 0x9F), (0xA1, 0xAA), (0xAC, 0xBA), (0xBC, 0xBF),  # Latin-1's
    (0x192, 0x192), (0x2C6, 0x2C6), (0x2DC, 0x2DC),  # Windows-1252's ƒ ˆ ˜
    (0x2020, 0x2021), (0x2030, 0x2030), (0x20AC, 0x20AC), (0x2122, 0x2122),  # † ‡ ‰ € ™
    (0xFFFD, 0xFFFD),  # what a decoder writes for bytes it cannot read
)  # fmt: skip
WORD_GLUE = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in GLUE_RANGES)  # a class's body
GLUE_CHARACTERS = frozenset(chr(c) for low, high in GLUE_RANGES for c in range(low, high + 1))
# a word's start: no word character, apostrophe, hyphen or ``WORD_GLUE`` before it, but
# an opening mark
WORD_HEAD = word_head(rf"\w'’{WORD_GLUE}-")
# a word's end: no word character or ``WORD_GLUE`` after it
WORD_TAIL = rf"(?![\w{WORD_GLUE}])"
WORD = lazy_compile(
    word_head(rf"\w'’\]{WORD_GLUE}-") + rf"[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w{WORD_GLUE}-])"
)
# an HTML entity ("&ccedil;", "&#231;"), at a place or ending one
ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
ENTITY_AT = lazy_compile(ENTITY)
ENTITY_BEFORE = lazy_compile(ENTITY + r"\Z")
ENTITY_REACH = 40  # characters before a word that may hold an entity ending at it


def against_letter_entity(text: str, start: int, end: int) -> bool:
    """Whether the letters at ``start:end`` stand against an HTML entity for a letter
    ("Fran&ccedil;ois", "caf&eacute;"): a piece of the word the entity stands inside,
    never a word of its own. One for a space or a mark ("teh&nbsp;plan") ends a word."""
    after = ENTITY_AT.match(text, end) if text[end : end + 1] == "&" else None
    before = None
    if text[start - 1 : start] == ";":
        before = ENTITY_BEFORE.search(text, max(0, start - ENTITY_REACH), start)
    return any(m is not None and html.unescape(m.group()).isalpha() for m in (after, before))


SIC = lazy_compile(r"\s*[\[(]sic[\])]", re.IGNORECASE)
# a dash in plain text: two hyphens or more after a word ("late--its") or between spaces
# ("late -- its"); not a command-line option's ("--help")
HYPHEN_RUN = lazy_compile(r"(?<![\s-])-{2,}|(?<![\w-])-{2,}(?![\w-])")
SENTENCE_START = lazy_compile(r"(?:\A|[.!?][”’)]?\s*|[:;\"“‘'(\[—–-]\s*|\n)\s*\Z")
PREVIOUS_WORD = lazy_compile(r"([A-Za-z]+)[ \t\u00a0]+\Z")
JOINING_HYPHENS = "\u2010\u2011"  # the hyphen and the hyphen that breaks no line, as "-"
COMPOUND_PART = 4  # shorter parts of hyphenated compounds are particles: add-ons, T-shirt
NEXT_WORD = lazy_compile(r"[ \t\u00a0]+([A-Za-z]+)")
# the word or number after spaces, whole (not the start of "asses'" or "20th-century")
NEXT_TOKEN = lazy_compile(r"[ \t\u00a0]+([A-Za-z0-9]+)(?![\w'’-])")
# words after which "to" opens an infinitive, never a noun: "harder to manage", "a way to
# manage" (not "prone to", "due to", "lost to")
INFINITIVE_BEFORE = words(
    "how way ways able unable hard harder easy easier difficult need needs needed want wants "
    "wanted try tries tried trying order ability"
)
# "to", "and" or "or", then a word: a verb joined to the one before ("manage to stay",
# "manage and deliver")
JOINED_VERB = lazy_compile(
    r"[ \t\u00a0]+(to|and|or)[ \t\u00a0]+([A-Za-z]+)(?![\w'’-])", re.IGNORECASE
)
# words that open a verb's object: determiners, object and question pronouns
OBJECT_OPENERS = (
    ARTICLES
    | QUANTIFIERS
    | words(
        "my our your his her its their this that each every any another one it them us him "
        "me you whether how what which who whom where when why"
    )
)


def match_case(source: str, replacement: str) -> str:
    """Write ``replacement`` in the capitalisation of ``source``, word by word."""
    source_words = source.split()
    replacement_words = replacement.split(" ")
    if len(source_words) != len(replacement_words):
        source_words = [source] * len(replacement_words)
        source_words[1:] = [w.lower() for w in source_words[1:]]
    return " ".join(
        _match_word(model, word) for model, word in zip(source_words, replacement_words)
    )


def _match_word(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def word_occurrences(text: str, lower: LowerText, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` (lower case) stands in ``text`` (``lower`` is ``text.lower()``, or a
    large text's ``LowerPieces``) as a
    whole word, in any case: the same places as the WORD tokens equal to it, or to it
    followed by a possessive 's; a part of a hyphenated compound counts as a word."""
    if len(lower) != len(text):  # a few characters change length when lower-cased
        for match in WORD.finditer(text):
            token = match.group().lower()
            if token == word or (token[-2:] in ("'s", "’s") and token[:-2] == word):
                yield match.start(), match.start() + len(word)
        return
    size = len(word)
    start = lower.find(word)
    while start != -1:
        end = start + size
        before = lower[start - 1] if start else " "
        if before in JOINING_HYPHENS:
            before = "-"  # "add‑ons" written with a hyphen that breaks no line
        compound = size >= COMPOUND_PART  # "add-ons" is no misspelling of "add-one"
        hyphenated = compound and before == "-" and start > 1 and lower[start - 2].isalpha()
        if before in "'’" and opens_quotation(lower, start - 1):
            before = " "  # "'Goverment officials"
        glued = before in GLUE_CHARACTERS  # "FranÃ§ois" holds no word "ois"
        if (hyphenated or not (before.isalnum() or before in "'’]-_" or glued)) and _ends_word(
            lower, end, compound
        ):
            yield start, end
        start = lower.find(word, end)


def _ends_word(lower: LowerText, end: int, compound: bool = True) -> bool:
    after = lower[end : end + 3]
    if after[:1] in JOINING_HYPHENS:
        after = "-" + after[1:]
    if after[:1] in ("'", "’") and after[1:2].isascii() and after[1:2].isalpha():
        # an apostrophe and letters continue the word, except a possessive 's
        return after[1:2] == "s" and not (after[2:3].isalnum() or after[2:3] in "_-")
    if compound and after[:1] == "-" and after[1:2].isalpha():
        return True  # a part of a compound: "goverment-wide"
    return not after[:1] or not (
        after[:1].isalnum() or after[:1] in "_-" or after[:1] in GLUE_CHARACTERS
    )


def marked_sic(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is marked as quoted verbatim: "Theres [sic]"."""
    return SIC.match(text, end) is not None


HANDLE_BEFORE = lazy_compile(r"@[\w.+-]*\Z")  # "@" and the run of a handle up to a word
ADDRESS_AFTER = lazy_compile(r"[\w.+-]*@\w")  # the rest of an address's local part
HANDLE_REACH = 64
COMPARED = lazy_compile(r"[ \t]*[=!]=")  # a comparison's operator after a word
COMPARED_TO = lazy_compile(r"[=!]=[ \t]*\Z")  # and before one


def written_as_code(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is a name in code or a file's name, not a
    word of prose: a call's name, its brackets empty ("asend()"; "goverment(s)" is prose),
    or a part of a dotted name ("Signal.asend", "nd.ndarrays", "goverment.pdf"), no space
    beside its dot and a lower-case letter or a digit after it ("the goverment.The" lost
    a space between two sentences), an operand of "==" or "!=" ("nd == 0"), or a part of a
    user's handle or an e-mail address ("@parth-paradkar", "jdoe@teh.org")."""
    after = text[end : end + 2]
    if after == "()" or (after[:1] == "." and (after[1:].islower() or after[1:].isdigit())):
        return True
    if COMPARED.match(text, end) or COMPARED_TO.search(text, max(0, start - 4), start):
        return True  # an operand of a comparison: "if (nd == 0)", "nin == nout"
    if HANDLE_BEFORE.search(text, max(0, start - HANDLE_REACH), start):
        return True  # a user's handle or an address: "@parth-paradkar", "jdoe@teh.org"
    if ADDRESS_AFTER.match(text, end):
        return True  # an address's local part: "goverment.office@example.gov"
    return (
        start > 1 and text[start - 1] == "." and text[start - 2].isalnum() and text[start].islower()
    )


def dashes_read(doc: Document) -> Document:
    """``doc``, or where it writes the dash of plain text (``HYPHEN_RUN``: "legal--Iraqs
    weapons", "late--its been") the same document with each such run of hyphens read as
    as many dashes, so that the words either side stand apart as beside "—", where one
    hyphen joins a compound's words. Every offset stays; worked out once per document."""
    if "--" not in doc.text:
        return doc
    return doc.knowledge(_dashes_as_dashes)


def _dashes_as_dashes(doc: Document) -> Document:
    return doc.reread(HYPHEN_RUN.sub(lambda run: "\u2014" * len(run.group()), doc.text))


def at_sentence_start(text: str, start: int) -> bool:
    return SENTENCE_START.search(text, max(0, start - 8), start) is not None


def previous_word(text: str, offset: int) -> str | None:
    match = PREVIOUS_WORD.search(text, max(0, offset - 48), offset)
    return match.group(1) if match else None


def next_word(text: str, offset: int) -> str | None:
    match = NEXT_WORD.match(text, offset)
    return match.group(1) if match else None


def next_token(text: str, offset: int) -> str | None:
    """The word or number right after ``offset`` and spaces; None when punctuation comes
    first or the word goes on with an apostrophe or hyphen."""
    match = NEXT_TOKEN.match(text, offset)
    return match.group(1) if match else None


def infinitive_stands(text: str, start: int, end: int) -> bool:
    """Whether "to" + a word at ``start:end`` is an infinitive by the words around it,
    though no object follows: "to" after a word that takes an infinitive and never a
    noun after "to" ("harder to mange.", "a way to mange"; not "prone to mange" or "due
    to mange"), or the verb joined to another ("to mange to stay"; "agencies to mange
    and deliver", after a plural noun, for after an adjective or participle "to" may be a
    preposition and the verb another clause's: "susceptible to mange and lose their fur";
    nor "to mange and fleas", "to mange and stress": a noun may be joined there)."""
    before = (previous_word(text, start) or "").lower()
    if before in INFINITIVE_BEFORE:
        return True
    joined = JOINED_VERB.match(text, end)
    if joined is None:
        return False
    verb = joined.group(2).lower()
    if joined.group(1).lower() == "to":
        return verb_base(verb)
    plural = noun(before) and not lemma(before)  # an inflected noun: "executives", "teams"
    return plural and verb_base(verb) and not noun_or_adjective(verb)


def opens_object(token: str | None) -> bool:
    """Whether a verb's object may start with ``token``: a determiner or number, an object
    or question pronoun, a noun or an adjective ("current resources", "user experience");
    not a preposition, conjunction, auxiliary or a verb alone ("to mange and fleas",
    "to mange caused by mites")."""
    if token is None:
        return False
    lower = token.lower()
    if lower[0].isdigit() or lower in OBJECT_OPENERS:
        return True
    if lower in PREPOSITIONS or lower in CONJUNCTIONS or lower in AUXILIARIES:
        return False
    return noun_or_adjective(lower)


# what follows a comparative and "than" and never "then" as a time: the words of an
# expectation ("better than expected", "more than ever", "more than likely") and "just"
# and its like ("more than just the code")
COMPARED_WORDS = words(
    "ever expected anticipated planned predicted projected forecast estimated hoped "
    "imagined intended needed necessary required usual likely just simply merely only last"
)
# what follows "then" as a time, though a dictionary reads it as a noun or an adjective:
# "things were better then too", "younger then and now"
THEN_ADVERBS = words(
    "now too still again also anyway already even there here perhaps maybe later instead "
    "afterwards afterward otherwise else either overall"
)
# what may open a clause after "then" as a time as well as after "than": "better then
# when we met", "better than when we met"; "better than if one person"
CLAUSE_AFTER_THEN = words("when where why how whether which who whom whose if")
# after "then" as a time: a stop, a comma, a closing bracket or a dash
THEN_ENDS = ".,;:!?)]}…—–-"
COMPARISON_NEXT = lazy_compile(r"(?:[ \t\u00a0]+\n?|\n)[ \t\u00a0]*(?:([^\W\d_]+)|(\S))")
HAD_BEFORE = lazy_compile(r"(?:\bhad|['’]d)[ \t\u00a0]+\Z", re.IGNORECASE)  # "had better"


def opens_comparison(text: str, start: int, end: int) -> bool | None:
    """Whether a comparative and "then" at ``text[start:end]`` stand for a comparative
    and "than" by what follows. False where "then" is a time: before a stop, a comma, a
    dash, "than", a conjunction or an adverb, or at a paragraph's end ("Things were
    better then.", "higher then than now", "better then too"). None where either may
    stand: before a preposition, an auxiliary, an adverb in -ly, a word that opens a
    clause ("more then in 2019", "better then in many ways", "more then is needed",
    "better then when we met"), or a verb alone after "had better" ("had better then
    eat"). True before anything else, which only a comparison's second term opens with:
    a number or sum, a quotation, a name, a determiner or pronoun, a noun or adjective,
    a verb, "expected", "ever" ("more then 100", "more then \\$100", "more then having",
    "do more then fulfill", "better then expected")."""
    match = COMPARISON_NEXT.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    if word is None:
        return match.group(2) not in THEN_ENDS  # a number, a sum, a quotation
    lower = word.lower()
    if lower == "than" or lower in THEN_ADVERBS:
        return False
    if lower in CLAUSE_AFTER_THEN:
        return None
    if lower in CONJUNCTIONS:
        return False
    if word[0].isupper() or lower in COMPARED_WORDS:
        return True  # a name ("other then English"), an expectation
    if lower.endswith("ing") and lower not in PREPOSITIONS:
        return True  # "more then having", "more then being"
    if lower in PREPOSITIONS or lower in AUXILIARIES or lower.endswith("ly"):
        return None
    if verb_base(lower) and not noun_or_adjective(lower):
        # "do more then fulfill"; but "had better then eat"
        return None if HAD_BEFORE.search(text, max(0, start - 24), start) else True
    return True  # a determiner, a pronoun, a noun or adjective, a past form: "more then doubled"
