"""Capitalised bare contractions that are names, or words of a title, instead.

"Im" and "Ive" are surnames too ("Im Dong-hyun" (임), "Jony Ive"), "Shant" and "Hes" are
names, "the Whos" live in Whoville: a safe fix must never turn them into pronouns.

- No contraction follows a person's title ("Dr. Hes"), nor a determiner but where a
  title's words follow ("The Ive family", "the Whos down in Whoville"; not "our Youll
  Have Them at Swipe webinar").
- "Im" and "Ive" are names wherever the document writes one after a word of a person's
  name (a capitalised word inside a sentence, a title, or, opening a sentence, a word no
  dictionary lists: "designer Jony Ive", "Sir Jonathan Ive") or before a verb the
  contraction never takes ("Ive has left", "Im said").
- Before a capitalised word that is no dictionary word, given name, acronym or brand ("Im
  Sung-jae won", "Shant Hovnanian said") the contraction is a guess; before one that is
  ("Dont Look Up", "Good morning. Im Stuart Drown.", "Whats GitHub") it is fixed safely.
"""

from __future__ import annotations

from seedlint.engine.document import Document
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ADJECTIVE_ENDINGS,
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
from seedlint.kinds._wordclass import adjective, lemma, noun, past_tense, verb_base

FORMS = frozenset(("Im", "Ive"))  # as written: "IM" is an acronym, "im" no name
# verbs that follow a person's name but never "I'm" or "I've" ("I'm told", "I've had" do)
NAME_VERBS = {
    "Im": words("is was has had does did says said will would can could should may might must"),
    "Ive": words("is was has does did says will would can could should may might must"),
}
# what a contraction never follows: "the I've", "his I'm"; not "her" or "that" ("told her
# Im", "said that Im")
DETERMINERS = ARTICLES | words("my your our their his")
FUNCTION_WORDS = ARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES | ADVERBS
PREVIOUS = lazy_compile(r"([A-Za-z][\w'’-]*)(\.?)[ \t\u00a0]+\Z")  # a title may be cut short
NEXT = lazy_compile(r"[ \t\u00a0]+([A-Za-z][\w'’-]*)")
REACH = 40  # characters before a form that hold the word before it


def reading(doc: Document, start: int, end: int) -> bool | None:
    """How the capitalised bare contraction at ``start:end`` reads: None where it is a
    name, else whether the contraction is a guess (see the module docstring)."""
    text = doc.text
    form = text[start:end]
    previous = PREVIOUS.search(text, max(0, start - REACH), start)
    following = NEXT.match(text, end)
    title = following is not None and following.group(1)[0].isupper()  # "our Youll Have Them"
    if previous is not None and previous.group(1).istitle() and previous.group(1).lower() in TITLES:
        return None  # "Dr. Hes"; not "at gsa.gov. Wed like to"
    if previous is not None and previous.group(1).lower() in DETERMINERS and not title:
        return None  # "The Ive family", "the Whos down in Whoville"
    if form in FORMS:
        places = word_occurrences(text, doc.lowered, form.lower())
        if any(_named_here(text, *at) for at in places if text[at[0] : at[1]] == form):
            return None
    if following is None or not title or following.group(1) == "I":
        return False
    # a given name after it is the speaker's own ("Good morning. Im Stuart Drown."), a
    # word a title's ("Dont Look Up"); a Korean given name after the surname is written
    # with its hyphen ("Im Dong-hyun")
    return not _known(following.group(1))


def _known(word: str) -> bool:
    """Whether ``word`` is an acronym, a given name or a word English writes (the word
    lists know only the adjectives that have a comparative: an ending tells the others,
    "Important")."""
    lower = word.lower()
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return True  # an acronym or a brand names no person: "Whats HTTPS?", "GitHub"
    if given_name(word) or lower in FUNCTION_WORDS or lower.endswith(ADJECTIVE_ENDINGS):
        return True
    return lemma(lower) or noun(lower) or adjective(lower) or verb_base(lower) or past_tense(lower)


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
