"""Surnames written as "I'm" and "I've" without their apostrophe: "Im Dong-hyun" (임),
"Jony Ive". A safe fix must never turn a person's name into a pronoun.

The bare form is a name where the document writes it after a word of a person's name (a
capitalised word inside a sentence, a title, or, opening a sentence, a word no dictionary
lists: "designer Jony Ive", "Sir Jonathan Ive") or before a verb the contraction never
takes ("Ive has left", "Im said"): then no place of it is read as the contraction.
Elsewhere it is the contraction, a guess where a capitalised word other than "I" or a
given name follows ("Im Sung-jae won" is a name; "Hi, Im Sarah" is the pronoun, and so
fixed safely).
"""

from __future__ import annotations

from seedlint.engine.document import Document
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    words,
)
from seedlint.kinds._names import sentence_start
from seedlint.kinds._people import given_name
from seedlint.kinds._text import word_occurrences
from seedlint.kinds._wordclass import lemma, noun

FORMS = frozenset(("Im", "Ive"))  # as written: "IM" is an acronym, "im" no name
# verbs that follow a person's name but never "I'm" or "I've" ("I'm told", "I've had" do)
NAME_VERBS = {
    "Im": words("is was has had does did says said will would can could should may might must"),
    "Ive": words("is was has does did says will would can could should may might must"),
}
FUNCTION_WORDS = ARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES | ADVERBS
PREVIOUS = lazy_compile(r"([A-Za-z][\w'’-]*)(\.?)[ \t\u00a0]+\Z")  # a title may be cut short
NEXT = lazy_compile(r"[ \t\u00a0]+([A-Za-z][\w'’-]*)")
REACH = 40  # characters before a form that hold the word before it


def reading(doc: Document, start: int, end: int) -> bool | None:
    """How the bare form at ``start:end`` (one of ``FORMS``) reads: None where the
    document writes it as a name, else whether the contraction is a guess."""
    text = doc.text
    form = text[start:end]
    places = word_occurrences(text, doc.lowered, form.lower())
    if any(_named_here(text, *place) for place in places if text[place[0] : place[1]] == form):
        return None
    following = NEXT.match(text, end)
    if following is None or not following.group(1)[0].isupper() or following.group(1) == "I":
        return False
    # a given name after it is the speaker's own ("Good morning. Im Stuart Drown."); a
    # Korean given name after the surname is written with its hyphen ("Im Dong-hyun")
    return not given_name(following.group(1))


def _named_here(text: str, start: int, end: int) -> bool:
    """Whether the form at ``start:end`` stands after a word of a person's name or before
    a verb that only a name takes."""
    following = NEXT.match(text, end)
    if following is not None and following.group(1) in NAME_VERBS[text[start:end]]:
        return True
    previous = PREVIOUS.search(text, max(0, start - REACH), start)
    if previous is None or not previous.group(1)[0].isupper() or previous.group(1) == "I":
        return False
    word = previous.group(1)
    lower = word.lower()
    if lower in TITLES:
        return True  # "Sir Jonathan Ive", "Mr. Im"
    if previous.group(2):
        return False  # a sentence's end: "of Virginia. Im sure"
    if not sentence_start(text, previous.start(1)):
        return True  # "designer Jony Ive": a capital inside a sentence is a name's
    # opening a sentence: no word English writes, as most given names are not ("Jony Ive
    # designed", "Jonathan Ive"); not "Yesterday Ive seen", "So Ive asked" ("So" is a
    # given name too)
    return not (lemma(lower) or noun(lower) or lower in FUNCTION_WORDS)
