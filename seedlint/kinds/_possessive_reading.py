"""What the word after a capitalised word or acronym + s makes of it, and the verdicts on
such a word that the lost-possessive rule's modules return (NO, SURE, GUESS, UNSHOWN).

``next_word_reading`` is NOUN where only a possessive fits the next word ("the BNPs
leader"), VERB where only a plural does ("the MPs voted"), EITHER where both may ("the
BTPs report"), and PARTICIPLE for a past participle before a bare noun, which may be an
adjective or a plural's verb ("Tescos preferred store size"). Word classes come from a
dictionary of English inflections (``_wordclass``).
"""

from __future__ import annotations

import re
from enum import Enum, IntEnum

from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ADJECTIVE_ENDINGS,
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    DANGLING,
    PARTICIPLE_ADJECTIVES,
    POSSESSIVE_DETERMINERS,
    PRONOUNS,
    QUANTIFIERS,
    VERB_PREFIXES,
    VERBS,
)
from seedlint.kinds._word_uses import REACH
from seedlint.kinds._wordclass import (
    adjective,
    lemma,
    noun,
    noun_or_adjective,
    past_tense,
    verb_base,
)

NEXT = lazy_compile(r"[ \t\u00a0]+([\"“‘]?)([A-Za-z0-9][\w’'-]*)")
SHORTEST_SUPERLATIVE = 6  # "oldest"; "best", "rest" and "nest" are words of their own
VERB_ENDINGS = ("ed", "ing", "ly", "s")  # what an unlisted word may be a verb or adverb by
LIST_ENDS = frozenset(["etc", "et"])  # "etc.", "et cetera", "et al."
# what opens a verb's object, and never what a possessive owns: "URLs use the address"
OBJECT_STARTS = ARTICLES | POSSESSIVE_DETERMINERS
SINGULAR_VERBS = frozenset(["is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"])
HEAD_REACH = 3  # words after a participle read for its noun's number
COUNTABLE = frozenset(["a", "an", "one", "each", "every", "another", "per"])
WH_WORDS = frozenset(["where", "when", "why", "how", "whether", "whatever", "wherever"])
DETERMINERS = (
    ARTICLES
    | COUNTABLE
    | QUANTIFIERS
    | POSSESSIVE_DETERMINERS
    | frozenset(["this", "that", "these", "those", "any"])
)


class Verdict(IntEnum):
    """What a word + s is found to be."""

    NO = 0  # a plural, or nothing to report
    SURE = 1  # a possessive: a safe fix
    GUESS = 2  # likely a possessive: an unsafe fix
    # a possessive where a noun follows, if its stem is a name, which the document does
    # not show ("during DigitalGovs webinar" in a document that writes DigitalGov nowhere
    # else): no finding of the document alone; the corpus may show it (``corpus_possessive``)
    UNSHOWN = 3


class Reading(Enum):
    """What the word after a word + s makes of it."""

    NOUN = "noun"  # only a possessive fits: "the BNPs leader"
    VERB = "verb"  # only a plural fits: "the MPs voted"
    EITHER = "either"  # both may: "the BTPs report"
    # a past participle before a noun: an adjective ("Tescos preferred store size") or a
    # plural's verb ("Tescos sold milk"), told apart by no rule here: at best a guess
    PARTICIPLE = "participle"


def next_word_reading(text: str, following: re.Match[str], acronym: bool) -> Reading:
    """NOUN when only a possessive fits the next word ("the BNPs leader"), VERB when only a
    plural does ("the MPs voted", "URLs containing"), EITHER when both may ("the BTPs
    report", a number, a quoted or capitalised title: "ABCs "A Tribute"", "OMBs A Guide").
    After an acronym, a word that may be an adjective reads as a noun only before a noun
    ("the BNPs new leader"; "keep the URLs simple" may be a plural); after a name, a word
    that may be both is a noun before a singular subject's verb ("Fords report was late"),
    and an adjective in a verb's form whose verb is no longer used owns nothing of a verb
    ("Naurus unpaid bills")."""
    quote, word = following.group(1), following.group(2)
    lower = word.lower()
    if quote or word[0].isdigit():
        return Reading.EITHER
    if word[0].isupper():
        if lower in DANGLING or lower in PRONOUNS or lower in WH_WORDS:
            # a title: "OMBs A Guide to ...", "Treasurys My Retirement Account"
            title = lower in ARTICLES or lower in POSSESSIVE_DETERMINERS
            return Reading.EITHER if title else Reading.VERB
        return Reading.NOUN
    if "-" in lower:
        prefix, rest = lower.split("-", 1)
        if prefix not in VERB_PREFIXES:
            return Reading.NOUN  # a compound modifier: "soon-to-be-released", "web-based"
        lower = rest  # "re-elected" reads as "elected"
    reading = word_reading(lower)
    early = reading == Reading.VERB and lower in ADVERBS
    if early and not acronym and _adjective_before_noun(text, following):
        return Reading.NOUN  # "President Yeltsins early response"; "the MPs early voted"
    if reading == Reading.VERB and _adverb_before_adjective(text, following):
        # the adverb modifies the adjective of what is owned: "Mr Arafats increasingly
        # shaky authority"; "the MPs increasingly voted" has a verb after it
        after = _adjacent(text, following)
        assert after is not None
        return next_word_reading(text, after, acronym)
    if (
        not acronym
        and reading == Reading.VERB
        and past_tense(lower)
        and _noun_follows(text, following)
    ):
        return Reading.PARTICIPLE  # a participle before its noun: "Tescos preferred store size"
    if not acronym and reading == Reading.EITHER and _singular_verb_after(text, following):
        # a noun, the head of a singular subject: "Endeavours launch was delayed" (a
        # plural's verb takes no second verb); an acronym's plural may head a clause that
        # is one ("how the MPs vote is up to them")
        return Reading.NOUN
    shown = not noun(lower) and lower.endswith(ADJECTIVE_ENDINGS)  # "available"
    if reading != Reading.VERB and (verb_base(lower) or third_person(lower)):
        after = _adjacent(text, following)
        if after is not None and after.group(2).lower() in OBJECT_STARTS:
            return Reading.VERB  # a verb and its object: "older SDKs fire the exposures"
    if acronym and reading == Reading.NOUN and (adjective(lower) or shown):
        after = NEXT.match(text, following.end(), following.end() + REACH)
        if after is None or after.group(1) or word_reading(after.group(2).lower()) != Reading.NOUN:
            return Reading.EITHER  # "keep the URLs simple and short", "the CPUs available"
    return reading


def _adjacent(text: str, following: re.Match[str]) -> re.Match[str] | None:
    """The word right after the word of ``following``, spaces only between, no quotation
    mark before it; None where there is none."""
    after = NEXT.match(text, following.end(), following.end() + REACH)
    if after is None or after.group(1) or after.start() != following.end():
        return None
    return after


def _singular_verb_after(text: str, following: re.Match[str]) -> bool:
    """Whether a singular subject's verb follows the word of ``following`` ("launch was",
    "report has")."""
    after = _adjacent(text, following)
    return after is not None and after.group(2) in SINGULAR_VERBS


def _adjective_before_noun(text: str, following: re.Match[str]) -> bool:
    """Whether the word of ``following``, an adverb that is an adjective too ("early",
    "late"), stands before a lower-case noun that is no verb ("early response")."""
    after = _adjacent(text, following) if adjective(following.group(2)) else None
    return (
        after is not None
        and after.group(2).islower()
        and word_reading(after.group(2)) == Reading.NOUN
    )


def _adverb_before_adjective(text: str, following: re.Match[str]) -> bool:
    """Whether the word of ``following`` is an adverb in -ly, no verb, before a lower-case
    adjective that is no verb either ("increasingly shaky")."""
    word = following.group(2)
    if not (word.endswith("ly") and word.islower()) or verb_base(word) or past_tense(word):
        return False
    after = _adjacent(text, following)
    if after is None:
        return False
    adjective_word = after.group(2)
    return (
        adjective_word.islower()
        and adjective(adjective_word)
        and not (verb_base(adjective_word) or past_tense(adjective_word))
    )


def _noun_follows(text: str, following: re.Match[str]) -> bool:
    """Whether lower-case nouns or adjectives, no determiner and no plural, follow the
    word of ``following`` ("preferred store size", "prescribed adaptive ideology"): a
    verb takes no bare singular noun for its object ("sold milk" aside), and a plural
    ("preferred store brands") may well be one."""
    found = False
    end = following.end()
    for _ in range(HEAD_REACH):
        after = NEXT.match(text, end, end + REACH)
        if after is None or after.group(1) or after.start() != end:
            break
        word = after.group(2)
        reading = word_reading(word)
        if not word.islower() or word in DETERMINERS:
            break
        if not (reading == Reading.NOUN or (reading == Reading.EITHER and noun_or_adjective(word))):
            break
        if word.endswith("s") and noun(word) and not lemma(word):
            return False  # a plural noun
        found, end = True, after.end()
    return found


def word_reading(lower: str) -> Reading:
    """The reading of a lower-case word: the dictionary tells nouns and adjectives from
    verbs; of the words that may be both, those in the list of verbs common after a plural
    subject ("report", "plan", "use") may be either, the others ("team", "brother") are read
    as the nouns they mostly are."""
    if "'" in lower or "’" in lower or lower in DANGLING or lower in PRONOUNS or lower in WH_WORDS:
        return Reading.VERB  # "PDFs shouldn’t", "MPs in", "FAQs where"
    if lower in ADVERBS:
        return Reading.VERB  # "PMs also"
    if lower in LIST_ENDS:
        return Reading.VERB  # a list's end: "Linux, macOS, BSDs etc."
    if lower in PARTICIPLE_ADJECTIVES:
        return Reading.NOUN  # "Naurus unpaid bills"
    if lower.endswith("ily") and adjective(lower[:-3] + "y") and not noun(lower):
        # an adverb of an adjective in -y, which the word lists may call an adjective
        return Reading.VERB  # "our URLs easily"; "family" and "wily" are no such
    nominal = noun_or_adjective(lower)
    if lower in VERBS or lower in AUXILIARIES:
        return Reading.EITHER if nominal else Reading.VERB
    if lower.endswith("ing"):
        return Reading.EITHER if nominal else Reading.VERB  # "opening"; "URLs containing"
    if past_tense(lower) or verb_base(lower):
        return Reading.NOUN if nominal else Reading.VERB
    if lower.endswith("ly") and not nominal:
        return Reading.VERB  # an adverb: "PMs generally"
    if not nominal and third_person(lower):
        return Reading.VERB  # a verb of a subject before: "Support for the URIs requires"
    return Reading.NOUN


def third_person(lower: str) -> bool:
    """Whether ``lower`` is a verb's third person singular ("requires", "fixes",
    "applies"), which the word lists do not hold."""
    if not lower.endswith("s"):
        return False
    if lower.endswith("ies"):
        return verb_base(lower[:-3] + "y")
    return verb_base(lower[:-1]) or (lower.endswith("es") and verb_base(lower[:-2]))


def unknown_word(word: str) -> bool:
    """Whether ``word`` is lower case, known to no word list and has no verb's ending."""
    if not word.islower() or word.endswith(VERB_ENDINGS) or lemma(word) or noun(word):
        return False
    return not (word in VERBS or word in DANGLING or word in PRONOUNS or word in ADVERBS)


def lower_noun(word: str) -> bool:
    """Whether ``word`` is a lower-case noun or adjective (a superlative too: "Islams
    holiest site") and not a verb's -s form that news writes after a name ("says",
    "does", "plans")."""
    if not word.islower() or past_tense(word):
        return False  # "said" may be an adjective, but not after a name
    if not noun_or_adjective(word):
        return _superlative(word)
    verbs = VERBS | AUXILIARIES
    return not (word.endswith("s") and (word[:-1] in verbs or word[:-2] in verbs))


def _superlative(word: str) -> bool:
    """Whether ``word`` is an adjective's superlative, which the dictionary does not list:
    "holiest" (holy), "largest" (large), "biggest" (big), "oldest" (old)."""
    if not word.endswith("est") or len(word) < SHORTEST_SUPERLATIVE:
        return False
    stem = word[:-3]
    bases = [stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else ""]
    if len(stem) > 1 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])  # "biggest"
    return any(base and adjective(base) for base in bases)
