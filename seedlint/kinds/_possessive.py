"""Possessives that lost their apostrophe, told from plurals by what the document says.

"BNPs" and "Makarovs" may be plurals or possessives without their apostrophe. The document
usually settles it: it writes "BNP's" elsewhere, or uses "Makarov" as a name; and a
possessive is followed by what is possessed ("the BNPs leader", "Makarovs team"), where a
plural is followed by its verb ("the MPs voted") or by a function word, and preceded by a
number or quantifier ("two Britains"). A form the document writes more than once, a
common word (one it also writes in lower case), a demonym ("Americans") and a word of a
longer name ("the water firm Aguas Argentinas") are never read as possessives; a common
word is one the document writes in lower case, or one of the 30,000 English words that
codespell's list corrects misspellings into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedlint.engine.document import Document
from seedlint.kinds._english import ADVERBS, DANGLING, PRONOUNS, QUANTIFIERS, is_verb
from seedlint.kinds._names import names_of, sentence_start
from seedlint.kinds._wordlists import vocabulary

ACRONYM_S = re.compile(r"(?<![\w.'’&-])((?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{2,})s(?![\w'’-])")
NAME_S = re.compile(r"(?<![\w.'’&-])([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*)s(?![\w'’-])")
NEXT = re.compile(r"[ \t\u00a0]+([A-Za-z][\w’'-]*)")
PREVIOUS = re.compile(r"([A-Za-z][\w’'-]*)[ \t\u00a0]+\Z")
DEMONYM_ENDINGS = ("an", "ese", "ish", "ite", "i")
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
REACH = 40


def lost_possessives(
    doc: Document, acronyms: bool, names: bool, listed: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """(start of the word, offset of its final s) of each evidenced lost possessive; the
    words of the ``listed`` names (lower-cased, as "uks") are the list's business."""
    text = doc.text
    patterns = [p for p, on in ((ACRONYM_S, acronyms), (NAME_S, names)) if on]
    for pattern in patterns:
        for match in pattern.finditer(text, doc.body_start):
            if match.group().lower() in listed:
                continue
            if _possessive(doc, match, pattern is ACRONYM_S):
                yield match.start(), match.end(1)


def _possessive(doc: Document, match: re.Match[str], acronym: bool) -> bool:
    text = doc.text
    stem, written = match.group(1), match.group()
    following = NEXT.match(text, match.end(), match.end() + REACH)
    if following is None or not _possessed(following.group(1)):
        return False
    previous = PREVIOUS.search(text, max(0, match.start() - REACH), match.start())
    before = previous.group(1) if previous else ""
    if before.lower() in QUANTIFIERS or (not acronym and before.lower() == "the"):
        return False
    if _count(text, written) > 1 or names_of(doc).foreign(match.start()):
        return False
    if _counted(text, match.start()):
        return False
    if acronym:
        return _count(text, stem + "'s") + _count(text, stem + "’s") > 0 or _organisation(
            text, stem
        )
    if before[:1].isupper() and following.group(1)[:1].isupper():
        return False  # inside a name of several words: "National Parks Service"
    return _name(doc, match, stem, before)


def plural_context(doc: Document, start: int) -> bool:
    """Whether the word at ``start`` follows a number or quantifier ("two Britains"), or
    a capitalised word of a longer name ("the water firm Aguas Argentinas")."""
    previous = PREVIOUS.search(doc.text, max(0, start - REACH), start)
    if previous is None:
        return False
    before = previous.group(1)
    if before.lower() in QUANTIFIERS:
        return True
    word = doc.text[start : start + REACH].split(None, 1)[0].rstrip(".,;:!?")
    if word[:-1].isupper() or not before[:1].isupper():
        return False  # "Hitwise UKs": an acronym after a name is still the acronym
    if sentence_start(doc.text, previous.start()):
        return False
    # "Imperial College Londons" where the text writes "Imperial College London" is the
    # possessive of that name; "Aguas Argentinas" is a name of its own
    return not _count(doc.text, f"{before} {word[:-1]}")


def _possessed(word: str) -> bool:
    """What may follow a possessive: a noun or adjective, not a verb or function word."""
    lower = word.lower()
    if word[0].isupper():
        return lower not in DANGLING and lower not in PRONOUNS
    if "'" in word or "’" in word or lower.endswith(("ing", "ly")):
        return False  # "PDFs shouldn’t", "URLs containing", "PMs generally"
    return not (is_verb(lower) or lower in DANGLING or lower in PRONOUNS or lower in ADVERBS)


def _organisation(text: str, stem: str) -> bool:
    """Whether the document spells the acronym out as one body's name: "British National
    Party (BNP)", "BNP (British National Party)"; a plural spelling ("Key Performance
    Indicators (KPIs)") names things that can be counted."""
    name = r"[A-Z][\w&.-]*(?:\s+(?:of|and|for|the|on|&)?\s*[A-Z][\w&.-]*)+"
    spelt = re.search(rf"({name})\s+\({re.escape(stem)}\)|\b{re.escape(stem)}\s+\(({name})\)", text)
    return spelt is not None and not (spelt.group(1) or spelt.group(2)).endswith("s")


def _counted(text: str, start: int) -> bool:
    """After a number, or after "thousands of", "some of": a plural."""
    before = text[max(0, start - REACH) : start]
    if re.search(r"\d[\d,.]*\s+\Z", before):
        return True
    of = re.search(r"([A-Za-z]+)\s+of\s+\Z", before)
    return of is not None and of.group(1).lower() in QUANTIFIERS


def _name(doc: Document, match: re.Match[str], stem: str, before: str) -> bool:
    lower = stem.lower()
    if lower in CALENDAR or lower.endswith(DEMONYM_ENDINGS) or lower.endswith("s"):
        return False
    names = names_of(doc)
    if (
        names.writes_lower(lower)
        or names.writes_lower(lower + "s")
        or lower in vocabulary("codespell")
    ):
        return False  # a common word: "the Banks report", "Working Groups" are plurals
    if sentence_start(doc.text, match.start()):
        return False
    if before[:1].isupper() and not _count(doc.text, f"{before} {stem}"):
        return False  # a word of a longer name ("Aguas Argentinas"), not "Robert Mueller"
    return names.is_name(stem) and _count(doc.text, stem) > 0


def _count(text: str, word: str) -> int:
    return len(re.findall(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", text))
