"""Injectors for word-level defects found in any text: lost apostrophes and real-word slips.

Unlike the list-bound classes of inject.py (UK's, Iran's, Prime Minster), these take their
place from whatever the article offers:

- acronym_possessive: any ALL-CAPS word of two or more capitals + 's before what it owns
  (a word, a number or a quotation): "the BNP's leader" -> "the BNPs leader", unless the
  article writes that acronym's plural ("APIs"). Not before punctuation or "of", "and",
  "or", "for", "with", where the source's 's is most often a plural written with an
  apostrophe ("offering DVD's of his films", "API's and code"): without it the text is
  correct, and no damage is done;
- name_possessive: a capitalised word + 's that does not start a sentence: "Lenovo's
  profits" -> "Lenovos profits". Only names: a word that the project's corpora (about 2.5
  million words) also write in lower case is a common word whose plural may be meant
  ("Bank's" -> "Banks", "Trump's" -> "trumps", "Let's" -> "lets"), and demonyms, days and
  months are left out too; so is a word whose plain plural the article itself uses;
- contraction_any: any contraction but those whose apostrophe-less form is a common word
  ("I'm" -> "Im", "we've" -> "weve", "we'd" -> "wed"), so never can't, won't, we're, we'll,
  she'll, he'll, it's, I'll, I'd, she'd, let's;
- contraction_word: a contraction whose bare form is a word of its own, of those a reader
  restores from the words around it: "it's" -> "its" ("its been"), "can't" -> "cant",
  "won't" -> "wont", "let's" -> "lets", "I'd" -> "Id", "I'll" -> "Ill". Not "we're",
  "we'll", "she'll", "he'll" or "she'd", whose bare forms ("were", "well", "shell",
  "hell", "shed") stand in the same places as the contractions;
- real_word_slip: a newsroom slip from slips.py where its context makes it unambiguous.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import lru_cache

import seed_corpora
from defect import APOSTROPHES, Defect, body_start, pick_match, replace, same_case, words
from slips import SLIPS, Slip

Injector = Callable[[str, random.Random], Defect | None]
APOSTROPHE = f"[{APOSTROPHES}]"

# Two or more capitals, digits allowed, no lower-case letter; not part of a dotted or
# hyphenated token ("U.S.'s", "COVID-19's" are left alone).
ACRONYM_POSSESSIVE = re.compile(
    rf"(?<![\w.'\u2019-])(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{{2,}}{APOSTROPHE}s\b"
)
# what a possessive's 's stands before: a space, then a word, number or quotation that is
# not a preposition or conjunction (a plural's apostrophe stands before those)
OWNED_AFTER = re.compile(r" (?!(?:of|and|or|for|with)\b)[\w\"'“‘*#]")
NAME_POSSESSIVE = re.compile(
    rf"(?<![\w.'\u2019-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)*){APOSTROPHE}s(?= [A-Za-z])"
)
# After these the next word may start a sentence or a title, so its capital says nothing.
SENTENCE_BOUNDARY = ".!?:;\"“”‘'([{—–-•*#/|"
# Capitalised words whose plural is a word although the corpora never write them in lower
# case: days, months and place names with a plural of their own ("the Americas").
COMMON_CAPITALISED = frozenset(
    words(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december america"
    )
)
DEMONYM_ENDINGS = ("an", "ese", "ish", "ite")  # American's -> Americans is a plural
LOWER_CASE_WORD = re.compile(r"(?<![\w./@'\u2019-])[a-z]+(?![\w/@-])")

CONTRACTIONS_ANY = words(
    "don't doesn't didn't isn't wasn't aren't weren't hasn't haven't hadn't couldn't "
    "wouldn't shouldn't mustn't ain't shan't they're you're they've we've you've I've I'm "
    "that's there's what's who's he's she's here's where's how's we'd you'd they'd he'd "
    "who'd you'll they'll that'll there'll who'll could've would've should've might've"
)
CONTRACTION_ANY = re.compile(
    r"(?<![\w'\u2019])(?:"
    + "|".join(re.escape(w).replace("'", APOSTROPHE) for w in CONTRACTIONS_ANY)
    + r")(?![\w'\u2019])",
    re.IGNORECASE,
)

CONTRACTIONS_WORD = words("it's can't won't let's I'd I'll")
CONTRACTION_WORD = re.compile(
    r"(?<![\w'\u2019])(?:"
    + "|".join(re.escape(w).replace("'", APOSTROPHE) for w in CONTRACTIONS_WORD)
    + r")(?![\w'\u2019])",
    re.IGNORECASE,
)


def drop_first_apostrophe(text: str, match: re.Match[str]) -> Defect:
    cut = match.start() + next(i for i, c in enumerate(match.group()) if c in APOSTROPHES)
    return Defect(text[:cut] + text[cut + 1 :], match.start(), match.end() - 1, match.group())


@lru_cache(maxsize=1)
def lower_case_words() -> frozenset[str]:
    """Every word the project's corpora write in lower case somewhere: the common words."""
    seen: set[str] = set()
    for corpus in seed_corpora.CORPORA:
        for article in seed_corpora.articles(corpus):
            seen.update(LOWER_CASE_WORD.findall(article.seed))
    return frozenset(seen)


def plural_in(text: str, word: str) -> bool:
    """Whether text writes word + s (no apostrophe) anywhere: then word + s is not a slip."""
    return re.search(rf"\b{re.escape(word)}s\b", text, re.IGNORECASE) is not None


def acronym_possessive(text: str, rng: random.Random) -> Defect | None:
    skip = body_start(text)
    places = [
        m
        for m in ACRONYM_POSSESSIVE.finditer(text)
        if m.start() >= skip
        and OWNED_AFTER.match(text, m.end())
        and not plural_in(text, m.group()[:-2])
    ]
    return drop_first_apostrophe(text, rng.choice(places)) if places else None


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at start opens its paragraph, a sentence, a quote or a list item."""
    before = text[:start].rstrip(" ")
    return not before or before[-1] == "\n" or before[-1] in SENTENCE_BOUNDARY


def is_name_possessive(text: str, match: re.Match[str], initial: bool = False) -> bool:
    """Whether a capitalised word's possessive is a name's, mid-sentence (or, with
    ``initial``, opening its sentence, paragraph, quotation or item)."""
    name = match["name"]
    lower = name.lower()
    if lower in COMMON_CAPITALISED or lower.endswith(DEMONYM_ENDINGS) or lower.endswith("s"):
        return False
    common = lower_case_words()
    if lower in common or lower + "s" in common or plural_in(text, name):
        return False
    return starts_sentence(text, match.start()) == initial


def name_possessive(text: str, rng: random.Random) -> Defect | None:
    skip = body_start(text)
    places = [
        m
        for m in NAME_POSSESSIVE.finditer(text)
        if m.start() >= skip and is_name_possessive(text, m)
    ]
    return drop_first_apostrophe(text, rng.choice(places)) if places else None


def name_possessive_initial(text: str, rng: random.Random) -> Defect | None:
    """A name's possessive that opens its sentence: "Makarov's team won" -> "Makarovs team
    won", whose capital tells nothing."""
    skip = body_start(text)
    places = [
        m
        for m in NAME_POSSESSIVE.finditer(text)
        if m.start() >= skip and is_name_possessive(text, m, initial=True)
    ]
    return drop_first_apostrophe(text, rng.choice(places)) if places else None


def contraction_any(text: str, rng: random.Random) -> Defect | None:
    m = pick_match(text, CONTRACTION_ANY, rng)
    return drop_first_apostrophe(text, m) if m else None


def contraction_word(text: str, rng: random.Random) -> Defect | None:
    m = pick_match(text, CONTRACTION_WORD, rng)
    return drop_first_apostrophe(text, m) if m else None


def slip_pattern(slip: Slip) -> re.Pattern[str]:
    """The slip's context with each {w} as its own named group (w0, w1, ...)."""
    parts = slip.context.split("{w}")
    source = parts[0]
    for n, part in enumerate(parts[1:]):
        source += f"(?P<w{n}>{re.escape(slip.intended)})" + part
    return re.compile(source, re.IGNORECASE)


SLIP_PATTERNS = [(slip, slip_pattern(slip)) for slip in SLIPS]


def real_word_slip(text: str, rng: random.Random) -> Defect | None:
    """Replace one word by a listed slip, in a context the article already has."""
    skip = body_start(text)
    places: dict[str, list[tuple[Slip, int, int]]] = {}
    for slip, pattern in SLIP_PATTERNS:
        for m in pattern.finditer(text):
            word = next(name for name, value in m.groupdict().items() if value is not None)
            if m.start(word) >= skip:
                places.setdefault(slip.intended, []).append((slip, m.start(word), m.end(word)))
    if not places:
        return None
    slip, start, end = rng.choice(places[rng.choice(sorted(places))])
    return replace(text, start, end, same_case(text[start:end], slip.slip))
