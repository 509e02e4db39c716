"""Possessives that lost their apostrophe, told from plurals by what the document says.

"BNPs" and "Makarovs" may be plurals or possessives without their apostrophe. The word after
them tells much (``_reading``): a possessive is followed by what is possessed ("the BNPs
leader", "Makarovs team"), a plural by its verb ("the MPs voted") or a function word. Word
classes come from a dictionary of English inflections (``_wordclass``): "leader" can only be
a noun, "voted" only a verb, "report" or "team" either. The document settles the rest: it
writes "BNP's" elsewhere, spells the acronym out as one body's name, or uses "Makarov" as
a name ("Makarov said"). A number or quantifier before the word ("two Britains", "dozens
of NGOs") makes it a plural.

An acronym + s is a possessive when a noun follows or the document shows it. A capitalised
word + s needs the document's evidence that its stem is a name, and stronger evidence
(the possessive written elsewhere, or the stem as the subject of a verb) when the next word
may be a verb ("Makarovs team") or the stem ends like a demonym ("Americans", "Israelis").
Where the document writes the stem nowhere else, lists of people's names (``_people``)
stand in: a surname after a given name before a noun ("Robert Muellers investigation",
"Steve Grunwells WordPress plugin") or a person's title ("President Bartletts wise
secretary"), or a given name or surname alone before a noun ("Brendas programs",
"Nielsens findings", "Islams holiest site"); not a surname that ends
in s of its own ("Serena Williams match"), a company named so ("Reuters reporters"), a
plural noun ("Bill Gates foundation") or a verb after it ("Jessica Arriens says"). Such a
fix is a guess (a rare surname may end in s), offered but never applied by a plain
``fix``; it is safe where the document writes the surname as such elsewhere ("Heather
Heyer" beside "Heather Heyers mother", "Biden said" beside "Joe Bidens son"; for a
surname that is also a given name only the full name counts). A stem that is a
common word ("Ford") counts as a name when the document writes it as a name, the subject
of a verb, and a lower-case noun follows ("Fords internal testing"), or writes it before
the same capitalised word elsewhere ("the Amazon Kindle Fire", "Amazons Kindle Fire").
A superlative after the word reads as the adjective it is ("Islams holiest site"). A
word that can have no plural in s is a possessive, safe to fix: a common noun whose
plural ends in -ies, capitalised as a body's name ("the Treasurys budget"), or a name no
dictionary lists that ends in x ("Netflixs Chaos Monkey"). A stem that ends like a
demonym is a person's name where the document writes a title before it ("President Hosni
Mubarak" beside "Hosnis creation") or its full name as a subject ("Nancy Pelosi accused").
A given name the document writes before a surname ("Eric Brassil") is a person's, so its
+ s with no determiner or name before it is no plural ("Erics team"), safe to fix. A name
of several words ends where the document writes it with 's or as the subject of a verb
("Cat Posey shared" beside "Cat Poseys Tech Superwomen"), though a capitalised word
follows. A possessive before a preposition has left its noun out when its sentence names
that noun with another possessive and the document writes the stem as a subject
("Bonnell's insight echoed Frangiones in terms of"). A past participle before a singular
noun ("Tescos preferred store size") may be an adjective or a plural's verb ("Tescos sold
milk"): with the stem's possessive or use as a subject elsewhere, a guess.

Where the document says nothing of a stem, English at large may: a stem whose possessive
it writes many times as often as its + s form (``_people.possessive_stem``: "Shakespeare's"
against "Shakespeares", "Panama's" against "Panamas", the hats) before a noun, with no
determiner or word of a name before it, is a guess ("Shakespeares plays", "Costcos
store"), at a sentence's start too.

A sentence's first word is read as any other where its stem is no dictionary word: its
capital tells nothing, but the document's evidence does ("Makarov said" ... "Makarovs
team then won"). Never read as possessives: a form the document writes more than once, a
common word (one
the document writes in lower case, a dictionary word ending in s such as "corps", or one
of the 30,000 English words codespell corrects misspellings into, unless used as above),
and a word of a longer name ("the water firm Aguas Argentinas") whose stem the document
never uses alone. A capitalised word + s that stands where a name's possessive would, but
whose stem the document writes nowhere else ("during DigitalGovs webinar"), or a common
word opening a sentence that the document writes as a name but never as one that says or
owns something ("sailed to Jersey" ... "Jerseys goalkeeper"), is no finding of the
document alone: the corpus may show the stem a name (``corpus_possessive``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from seedlint.engine.document import Document
from seedlint.kinds._english import (
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    DANGLING,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    TITLES,
    VERB_PREFIXES,
    VERBS,
    words,
)
from seedlint.kinds._names import names_of, sentence_start
from seedlint.kinds._people import (
    common_surname,
    given_name,
    possessive_stem,
    surname,
    surname_ending_in_s,
)
from seedlint.kinds._word_runs import WORD_RUN, WordRuns, joins
from seedlint.kinds._wordclass import (
    adjective,
    lemma,
    noun,
    noun_or_adjective,
    past_tense,
    verb_base,
)
from seedlint.kinds._wordlists import vocabulary

# "BNPs", "MPs", "3DSs": capitals and digits, two capitals at least, then s. As NAME_S,
# the first character comes first and the look-behind follows it; the capitals are
# counted after it, one more when it is a capital itself. A word that does not end in s
# is given up at once (ENDS_IN_S, a run taken whole with no backtracking): the patterns
# are tried at every capital of a text, and most capitalised words end otherwise
ENDS_IN_S = r"(?=[A-Za-z0-9]*+(?<=s)(?![\w'’-]))"
ACRONYM_S = re.compile(
    rf"([A-Z0-9](?<![\w.'’&-].){ENDS_IN_S}"
    r"(?:(?<=[A-Z])(?=[A-Z0-9]*[A-Z])|(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z]))"
    r"[A-Z0-9]+)s(?![\w'’-])"
)
# where an acronym + s may end: a capital or digit, then s at the word's end. The search
# starts with its literal s, so it runs at the speed of a scan for that letter, not at every
# capital and digit as ACRONYM_S would (news is full of numbers); ACRONYM_S is then tried
# only at the start of the run of capitals and digits before each such s, the one place a
# match of it ending there can start (see ``acronym_candidates``)
ACRONYM_END = re.compile(r"s(?<=[A-Z0-9]s)(?![\w'’-])")
ACRONYM_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# "Makarovs", "DigitalGovs", and "McArthurs": a name may open with a short part. The capital
# comes first, then the look-behind at the character before it: a pattern that starts with
# a look-behind is tried at every offset, one that starts with [A-Z] only at capitals
NAME_S = re.compile(
    rf"([A-Z](?<![\w.'’&-].){ENDS_IN_S}(?:[a-z]{{2,}}|[a-z](?=[A-Z]))(?:[A-Z][a-z]+)*)"
    r"s(?![\w'’-])"
)
NEXT = re.compile(r"[ \t\u00a0]+([\"“‘]?)([A-Za-z0-9][\w’'-]*)")
PREVIOUS = re.compile(r"([A-Za-z][\w’'-]*)[ \t\u00a0]+\Z")
DEMONYM_ENDINGS = ("an", "ese", "ish", "ite", "i", "ic")
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
# how far back the sentence of an elliptical possessive is read for the possessive it
# echoes ("Hammons's approach differs from Buttigiegs in that ...")
SENTENCE_REACH = 300
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")
NAME_POSSESSIVE = re.compile(r"(?<![\w'’.-])[A-Z][\w-]*['’]s?(?![\w'’-])")
SHORTEST_SUPERLATIVE = 6  # "oldest"; "best", "rest" and "nest" are words of their own
TITLE_OPENERS = frozenset(["The", "A", "An"])  # a title after a name: "Dan Sheldons The ..."
VERB_ENDINGS = ("ed", "ing", "ly", "s")  # what an unlisted word may be a verb or adverb by
# what follows the acronym of a company's name: "HDT Limited", "ACME Inc."
COMPANY = r"(?:Limited|Ltd|Inc|Incorporated|Corp|Corporation|plc|PLC|LLC|LLP|GmbH|AG|Kft)\b"
# companies and bodies named after a person, with an s of their own: not a possessive
# ("Reuters reporters", "Barclays Bank"), though their stem is a surname of the census lists
NAMES_IN_S = frozenset(
    ["Reuters", "Starbucks", "Lloyds", "Barclays", "Harrods", "Selfridges", "Sears", "Rutgers"]
)
# what a place named after a person is: United States place names drop the possessive
# apostrophe by rule ("Jacksons Gap", "Harpers Ferry", "Taylors Falls")
PLACE_FEATURES = words(
    "Bay Beach Bend Bluff Bridge Brook Canyon Corner Corners Cove Creek Crossing Falls Ferry "
    "Fork Gap Grove Harbor Hill Hills Hollow Island Junction Lake Landing Mill Mills Mountain "
    "Neck Pass Peak Point Pond Ridge River Run Springs Station Valley Village"
)
VOWELS = frozenset("aeiou")
PERSON_TITLES = TITLES - frozenset(["st", "saint"])
# capitalised inside a sentence, these open a title: "for Treasurys My Retirement Account"
POSSESSIVE_DETERMINERS = frozenset(["my", "your", "our", "their", "his", "her", "its"])
NO, SURE, GUESS = 0, 1, 2  # verdicts on a word + s: a plural, a possessive, likely one
# a possessive where a noun follows, if its stem is a name, which the document does not
# show ("during DigitalGovs webinar" in a document that writes DigitalGov nowhere else):
# no finding of the document alone; the corpus may show it (``corpus_possessive``)
UNSHOWN = 3
NOUN, EITHER, VERB = "noun", "either", "verb"  # what the word after "XXXs" makes of it
# a past participle before a noun: an adjective ("Tescos preferred store size") or a
# plural's verb ("Tescos sold milk"), told apart by no rule here: at best a guess
PARTICIPLE = "participle"
HEAD_REACH = 3  # words after a participle read for its noun's number
INDEFINITE_ARTICLES = frozenset(["a", "an"])
FOLLOWING_WORDS = re.compile(r"[ \t\u00a0]+([\w’'-]+)[ \t\u00a0]+([\w’'-]+)")
LAST_PART = re.compile(r"(?<=[a-z])[A-Z][a-z]*\Z")  # of a name in two cases: "Bus" of "SaferBus"
COUNTABLE = frozenset(["a", "an", "one", "each", "every", "another", "per"])
WH_WORDS = frozenset(["where", "when", "why", "how", "whether", "whatever", "wherever"])
DETERMINERS = (
    ARTICLES
    | COUNTABLE
    | QUANTIFIERS
    | frozenset(
        ["my", "your", "his", "her", "its", "our", "their", "this", "that", "these", "those", "any"]
    )
)


def lost_possessives(
    doc: Document, acronyms: bool, names: bool, listed: frozenset[str]
) -> Iterator[tuple[int, int, bool]]:
    """(start of the word, offset of its final s, whether the fix is a guess) of each
    evidenced lost possessive; the words of the ``listed`` names (lower-cased, as "uks")
    are the list's business. A fix is a guess when the evidence is a list of names, not
    the document: a rare surname may end in s of its own ("Jessica Arriens match")."""
    text = doc.text
    if acronyms:
        for match in acronym_candidates(text, doc.body_start):
            if match.group().lower() in listed:
                continue
            verdict = _possessive(doc, match, True)
            # a quotation in another language is never English: asked last, since most
            # documents have no candidate left by then and need not find their quotations
            if verdict != NO and not names_of(doc).foreign(match.start()):
                yield match.start(), match.end(1), verdict == GUESS
    if names:
        for start, end, stem, verdict in doc.knowledge(name_verdicts):
            if verdict in (SURE, GUESS) and (stem + "s").lower() not in listed:
                yield start, end, verdict == GUESS


def unshown_possessives(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start of the word, offset of its final s, stem) of each capitalised word + s that
    is a possessive if its stem is a name, where the document does not show that it is:
    no possessive of the document alone, but one where the corpus writes the stem's
    possessive and seldom or never the word (``corpus_possessive``)."""
    for start, end, stem, verdict in doc.knowledge(name_verdicts):
        if verdict == UNSHOWN:
            yield start, end, stem


def name_verdicts(doc: Document) -> tuple[tuple[int, int, str, int], ...]:
    """(start, offset of the final s, stem, verdict) of each capitalised word + s of the
    body other than a plural (NO): worked out once per document, for this rule and the
    corpus's (``unshown_possessives``). A quotation in another language is never English:
    asked last, since most documents have no candidate left by then."""
    found = []
    for match in NAME_S.finditer(doc.text, doc.body_start):
        verdict = _possessive(doc, match, False)
        if verdict != NO and not names_of(doc).foreign(match.start()):
            found.append((match.start(), match.end(1), match.group(1), verdict))
    return tuple(found)


def acronym_candidates(text: str, start: int) -> Iterator[re.Match[str]]:
    """What ``ACRONYM_S.finditer(text, start)`` finds, found from the word ends: a match
    ends in s after a capital or digit and starts where the run of capitals and digits
    before that s starts (the look-behind refuses any later start, since a capital or digit
    is a word character), so ACRONYM_S is tried there alone."""
    for end in ACRONYM_END.finditer(text, start):
        at = end.start()
        while at > 0 and text[at - 1] in ACRONYM_CHARACTERS:
            at -= 1
        if at >= start and (match := ACRONYM_S.match(text, at)) is not None:
            yield match


def _refused_by_form(text: str, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s is no name's possessive by its form, the first
    question of ``_name`` and the cheapest: a day or month ("Mondays"), a stem in s
    ("Joneses"), a word of its own ("Peace Corps"), or a name whose last part is one
    ("SaferBus", "GovPlus")."""
    lower = match.group(1).lower()
    if lower in CALENDAR or lower.endswith("s") or lemma(lower + "s"):
        return True
    last_part = LAST_PART.search(match.group())
    return last_part is not None and lemma(last_part.group().lower())


def _opening_common_word(text: str, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s opens a sentence and its stem is a word of the
    dictionary or of codespell's ("Teams", "Agencys"): its capital says nothing, and it may
    be any common word's plural. Another that opens a sentence is read on, as a name if
    the document shows it one ("Makarov said" ... "Makarovs team won")."""
    if not sentence_start(text, match.start()):
        return False
    lower = match.group(1).lower()
    return bool(lemma(lower) or noun(lower) or lower in vocabulary("codespell"))


def _plainly_refused(doc: Document, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s is surely no possessive, asked before the words
    around it are read: ``_name`` refuses it by its form (``_refused_by_form``), or as a
    common word that opens a sentence which the document never writes as a name inside
    one, nor one that English writes mostly with 's (``possessive_stem``), and before
    ``_name`` only ``_no_plural`` makes one a possessive; every other way ends in a plural
    or in ``_name``."""
    text = doc.text
    stem = match.group(1)
    refused = _refused_by_form(text, match) or (
        _opening_common_word(text, match)
        and not names_of(doc).is_name(stem)
        and not possessive_stem(stem)
    )
    return refused and not _no_plural(doc, match)


def _possessive(doc: Document, match: re.Match[str], acronym: bool) -> int:
    if not acronym and _plainly_refused(doc, match):
        return NO
    text = doc.text
    stem, written = match.group(1), match.group()
    following = NEXT.match(text, match.end(), match.end() + REACH)
    reading = _reading(text, following, acronym) if following else VERB
    if reading == VERB:
        if acronym or following is None or not _elliptical(text, match, following):
            return NO
        reading = EITHER  # the document must show the stem a name, as before "team"
    previous = PREVIOUS.search(text, max(0, match.start() - REACH), match.start())
    before = previous.group(1) if previous else ""
    lower_before = before.lower()
    unpluralised = not acronym and _no_plural(doc, match)
    if lower_before in QUANTIFIERS or (not acronym and lower_before == "the" and not unpluralised):
        return NO  # "the Kennedys", but "the Treasurys budget" is no plural
    in_name = previous is not None and _name_word(text, previous)
    if _count(text, written) > 1:
        return NO
    if _counted(text, match.start(), acronym):
        return NO
    if unpluralised:
        return SURE
    if acronym:
        if in_name and following and following.group(2)[:1].isupper():
            # in a name: "Eligibility APIs Initiative"
            return SURE if _possessives(text, stem) else NO
        return SURE if reading == NOUN or _acronym_evidence(text, stem) else NO
    next_word = following.group(2) if following else ""
    given = previous is not None and previous.end(1) == match.start() - 1
    given = given and _given_name(doc, before)
    determined = lower_before in DETERMINERS
    context = Context(
        before if in_name else "",
        next_word,
        reading,
        before if given else "",
        determined,
        lower_before in INDEFINITE_ARTICLES,
    )
    return _name(doc, match, context)


def _elliptical(text: str, match: re.Match[str], following: re.Match[str]) -> bool:
    """Whether a name + s before a preposition may be a possessive whose noun is left out
    because its sentence has named it with another possessive: "Hammons's approach
    differs from Buttigiegs in that ...", "Bonnell’s insight echoed Frangiones in
    terms of ..."; the stem must be the subject of a verb elsewhere ("Buttigieg
    proposed")."""
    if following.group(1) or following.group(2) not in PREPOSITIONS:
        return False
    start = match.start()
    before = text[max(0, start - SENTENCE_REACH) : start]
    if "'s" not in before and "’s" not in before:
        return False  # most plurals before a preposition: no possessive near at all
    ends = list(SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    if NAME_POSSESSIVE.search(sentence) is None:
        return False
    return _subject(text, match.group(1))


def _no_plural(doc: Document, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s can be no plural, so that only the possessive is
    left: a common noun whose plural ends in -ies, capitalised inside a sentence as a
    body's name ("the Treasurys budget", "the Armys plan"; not a given name or surname,
    "the Sallys", "the Kennedys"), or a name no dictionary lists that ends in x, whose
    plural ends in -xes ("Netflixs Chaos Monkey"; not "boxs", "Alexs", "Wilcoxs")."""
    stem = match.group(1)
    lower = stem.lower()
    if given_name(stem) or surname(stem) or stem[1:] != lower[1:]:
        return False  # one capital: "DigitalGovs" may be a name of its own
    if _consonant_y(lower):
        if sentence_start(doc.text, match.start()):
            return False  # the capital may be the sentence's: "Citys ..."
        return noun(lower) and noun(lower[:-1] + "ies")
    return lower.endswith("x") and not (lemma(lower) or noun(lower))


def _name_word(text: str, previous: re.Match[str]) -> bool:
    """Whether the word before is capitalised as a word of a name, not as a function word
    or because it opens a sentence ("During ABCs ...", "For DigitalGovs ...")."""
    word = previous.group(1)
    if not word[:1].isupper() or word.lower() in DANGLING or word.lower() in PRONOUNS:
        return False
    return not sentence_start(text, previous.start())


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


def _reading(text: str, following: re.Match[str], acronym: bool) -> str:
    """NOUN when only a possessive fits the next word ("the BNPs leader"), VERB when only a
    plural does ("the MPs voted", "URLs containing"), EITHER when both may ("the BTPs
    report", a number, a quoted or capitalised title: "ABCs "A Tribute"", "OMBs A Guide").
    After an acronym, a word that may be an adjective reads as a noun only before a noun
    ("the BNPs new leader"; "keep the URLs simple" may be a plural)."""
    quote, word = following.group(1), following.group(2)
    lower = word.lower()
    if quote or word[0].isdigit():
        return EITHER
    if word[0].isupper():
        if lower in DANGLING or lower in PRONOUNS or lower in WH_WORDS:
            # a title: "OMBs A Guide to ...", "Treasurys My Retirement Account"
            return EITHER if lower in ARTICLES or lower in POSSESSIVE_DETERMINERS else VERB
        return NOUN
    if "-" in lower:
        prefix, rest = lower.split("-", 1)
        if prefix not in VERB_PREFIXES:
            return NOUN  # a compound modifier: "soon-to-be-released", "web-based"
        lower = rest  # "re-elected" reads as "elected"
    reading = _word_reading(lower)
    if not acronym and reading == VERB and past_tense(lower) and _noun_follows(text, following):
        return PARTICIPLE  # a participle before its noun: "Tescos preferred store size"
    if acronym and reading == NOUN and adjective(lower):
        after = NEXT.match(text, following.end(), following.end() + REACH)
        if after is None or after.group(1) or _word_reading(after.group(2).lower()) != NOUN:
            return EITHER  # "keep the URLs simple and short"
    return reading


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
        reading = _word_reading(word)
        if not word.islower() or word in DETERMINERS:
            break
        if not (reading == NOUN or (reading == EITHER and noun_or_adjective(word))):
            break
        if word.endswith("s") and noun(word) and not lemma(word):
            return False  # a plural noun
        found, end = True, after.end()
    return found


def _word_reading(lower: str) -> str:
    """The reading of a lower-case word: the dictionary tells nouns and adjectives from
    verbs; of the words that may be both, those in the list of verbs common after a plural
    subject ("report", "plan", "use") may be either, the others ("team", "brother") are read
    as the nouns they mostly are."""
    if "'" in lower or "’" in lower or lower in DANGLING or lower in PRONOUNS or lower in WH_WORDS:
        return VERB  # "PDFs shouldn’t", "MPs in", "FAQs where"
    if lower in ADVERBS:
        return VERB  # "PMs also"
    nominal = noun_or_adjective(lower)
    if lower in VERBS or lower in AUXILIARIES:
        return EITHER if nominal else VERB
    if lower.endswith("ing"):
        return EITHER if nominal else VERB  # "opening"; "URLs containing"
    if past_tense(lower) or verb_base(lower):
        return NOUN if nominal else VERB
    if lower.endswith("ly") and not nominal:
        return VERB  # an adverb: "PMs generally"
    return NOUN


def _acronym_evidence(text: str, stem: str) -> bool:
    """Whether the document writes the acronym's possessive ("BNP's"), spells it out as one
    body's name, or uses it as a name: with no determiner, before a verb or punctuation
    ("when BTP arrived", "by GSA."), and never as a countable noun ("a PDF")."""
    if _possessives(text, stem):
        return True
    spelt = _spelt_out(text, stem)
    plural = spelt is not None and _plural_name(spelt)
    if _organisation(text, stem, spelt, plural):
        return True
    if any(_word_before(text, start).lower() in COUNTABLE for start, _ in _uses(text, stem)):
        return False  # a countable noun: "a PDF", "each ID"
    for start, end in _name_uses(text, stem):
        if plural and _bracketed(text, start, end):
            continue  # "Presidential Innovation Fellows (PIF)": the initials of a plural
        following = NEXT.match(text, end, end + REACH)
        if following is None or following.start() != end:
            return True  # punctuation follows
        if following.group(2)[:1].islower() and _word_reading(following.group(2)) == VERB:
            return True
    return False


def _bracketed(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _possessives(text: str, stem: str) -> int:
    return _count(text, stem + "'s") + _count(text, stem + "’s")


def _word_before(text: str, start: int) -> str:
    previous = PREVIOUS.search(text, max(0, start - REACH), start)
    return previous.group(1) if previous else ""


def _name_uses(text: str, stem: str, full_names: bool = False) -> Iterator[tuple[int, int]]:
    """Where the document writes ``stem`` as a name: not after a determiner ("an MP", "the
    average Hispanic") or a noun or adjective ("brand Hispanic"), nor with 's; after a
    capitalised word (a longer name: "Ivan Makarov") only with ``full_names``."""
    for found in _uses(text, stem):
        before = _word_before(text, found[0])
        lower = before.lower()
        capitalised = before[:1].isupper()
        if capitalised and not full_names:
            continue
        if lower in DETERMINERS and not (full_names and lower == "that"):
            continue  # "that" opens a clause before a subject: "that Buttigieg proposed"
        # a capitalised word before is the name's own ("Nancy Pelosi accused"), no noun
        if not capitalised and lower and lower not in DANGLING and _word_reading(lower) == NOUN:
            continue
        yield found


def _uses(text: str, stem: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<![\w'’.-]){re.escape(stem)}(?![\w'’-])", text)``.
    Such a match is a whole word run (``_word_runs``) that is the stem, so in a long text
    only the places where the index has that run are tried, with the pattern's
    look-arounds: a scan of the whole text per name (and a pattern compiled per name)
    would grow with the square of its length."""
    if len(text) < COUNTED_FROM or not WORD_RUN.fullmatch(stem) or not WordRuns.holds(stem):
        pattern = rf"(?<![\w'’.-]){re.escape(stem)}(?![\w'’-])"
        yield from (m.span() for m in re.finditer(pattern, text))
        return
    for at in _word_runs(text).offsets(stem):
        end = at + len(stem)
        if STARTS_A_NAME.match(text, at) and ENDS_A_NAME.match(text, end):
            yield at, end


# the look-arounds of a name's uses, tried where the index has its run
STARTS_A_NAME = re.compile(r"(?<![\w'’.-])")
ENDS_A_NAME = re.compile(r"(?![\w'’-])")
ENDS_A_NAME_ALONE = re.compile(r"(?=['’]s\b|[^\w'’-]|\Z)")


def _subject(text: str, stem: str, present: bool = False) -> bool:
    """Whether the document writes ``stem`` as a name and the subject of a verb: "Makarov
    said", "Ivan Makarov smiled"; with ``present``, also of a verb in the present that is
    no noun's plural ("SaferRide provides"): a singular subject, but "Ford provides" does
    not keep "Fords" from meaning the cars, so such evidence makes a guess at most."""
    for _, end in _name_uses(text, stem, full_names=True):
        following = NEXT.match(text, end, end + REACH)
        if following is None or following.group(1) or following.start() != end:
            continue
        word = following.group(2).lower()
        if word in AUXILIARIES or past_tense(word) or (present and _present_verb(word)):
            return True
    return False


def _present_verb(word: str) -> bool:
    """Whether a lower-case word is only a verb's third person present: "provides",
    "allows", "relies"; not "uses" or "reports", which are nouns' plurals too."""
    if not word.endswith("s") or noun_or_adjective(word):
        return False
    if word.endswith("ies") and verb_base(word[:-3] + "y"):
        return True
    return verb_base(word[:-1]) or (word.endswith("es") and verb_base(word[:-2]))


def _alone(text: str, stem: str) -> bool:
    """Whether the document writes ``stem`` (or its possessive) with no capitalised word
    before it, as a surname used alone ("Mueller said" beside "Robert Mueller")."""
    return any(not _word_before(text, at)[:1].isupper() for at, _ in _alone_uses(text, stem))


def _alone_uses(text: str, stem: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<![\w'’.-]){re.escape(stem)}(?=['’]s\b|[^\w'’-]|\Z)",
    text)``. Such a match starts a whole word run: the stem, or the stem, ' or ’ and s,
    then nothing or more apostrophes (and perhaps more of a word), so in a long text only
    the index's places of those runs are tried (see ``_uses``)."""
    if len(text) < COUNTED_FROM or not WORD_RUN.fullmatch(stem) or not WordRuns.holds(stem):
        pattern = rf"(?<![\w'’.-]){re.escape(stem)}(?=['’]s\b|[^\w'’-]|\Z)"
        yield from (m.span() for m in re.finditer(pattern, text))
        return
    runs = _word_runs(text)
    places = {*runs.offsets(stem)}
    for possessive in (stem + "'s", stem + "’s"):
        places.update(runs.offsets(possessive), runs.offsets_continued(possessive))
    for at in sorted(places):
        end = at + len(stem)
        if STARTS_A_NAME.match(text, at) and ENDS_A_NAME_ALONE.match(text, end):
            yield at, end


def _organisation(text: str, stem: str, spelt: str | None, plural: bool) -> bool:
    """Whether the document spells the acronym out as one body's name (``spelt``, from
    ``_spelt_out``: "British National Party (BNP)", "BNP (British National Party)"), or
    names a company by it ("HDT Limited"); a ``plural`` spelling ("Key Performance
    Indicators (KPIs)") names things that can be counted."""
    if spelt is not None and not plural:
        return True
    return _company(text, stem)


def _company(text: str, stem: str) -> bool:
    """Whether the document names a company by ``stem``: "HDT Limited was registered",
    "ACME Inc.", "Carnival Corporation"."""
    return re.search(rf"(?<![\w'’.-]){re.escape(stem)}\s+{COMPANY}", text) is not None


def _spelt_out(text: str, stem: str) -> str | None:
    """The capitalised name the document spells the acronym out as, beside it in brackets
    ("British National Party (BNP)", "BNP (British National Party)"); None if none."""
    name = r"[A-Z][\w&.-]*(?:\s+(?:of|and|for|the|on|&)?\s*[A-Z][\w&.-]*)+"
    spelt = re.search(rf"({name})\s+\({re.escape(stem)}\)|\b{re.escape(stem)}\s+\(({name})\)", text)
    return None if spelt is None else spelt.group(1) or spelt.group(2)


def _plural_name(name: str) -> bool:
    """Whether a spelled-out name is a plural: its head, the last word before any "of",
    is one ("Key Performance Indicators", "Presidential Innovation Fellows"; not
    "Associated Press", "Department of Veterans Affairs", "Bureau of Labor Statistics")."""
    head = re.split(r"\s+of\s+", name)[0].split()[-1]
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _counted(text: str, start: int, acronym: bool) -> bool:
    """After a number, or (acronyms) after "thousands of", "some of": a plural. A name's
    plural takes an article there ("some of the Kennedys")."""
    before = text[max(0, start - REACH) : start]
    if re.search(r"\d(?:[\d,.]*\d)?\s+\Z", before):
        return True  # "2,000 NGOs", but not "in late 2010, FSAs office"
    of = re.search(r"([A-Za-z]+)\s+of\s+\Z", before)
    return acronym and of is not None and of.group(1).lower() in QUANTIFIERS


@dataclass(frozen=True)
class Context:
    """What surrounds a capitalised word + s: the capitalised word of a name before it
    ("" when none), the word after it, that word's reading, and the given name right before
    it ("Robert" of "Robert Muellers"; "" when none)."""

    before: str
    next_word: str
    reading: str
    given: str
    determined: bool = False  # after a determiner: "a Reuters reporter", "his Starbucks cup"
    indefinite: bool = False  # after "a" or "an", which count the noun after: "an Angies List"


def _name(doc: Document, match: re.Match[str], context: Context) -> int:
    text = doc.text
    stem, written = match.group(1), match.group()
    lower = stem.lower()
    if _refused_by_form(text, match):
        return NO  # "Mondays", "Joneses", "Peace Corps"
    if _opening_common_word(text, match) and not _opening_name(doc, stem, context):
        # a common word whose capital is the sentence's ("Teams", "Bills"), unless English
        # hardly writes its + s form but as a possessive ("Panamas attempt"); one the
        # document writes as a name, before a noun, is left to the corpus to judge
        # ("the Panama Canal" ... "Jerseys goalkeeper")
        if (
            _possessive_in_english(written, context)
            or _opening_surname(doc, match, context)
            or _parallel_possessive(text, match, context)
        ):
            return GUESS
        undecided = names_of(doc).is_name(stem) and not names_of(doc).writes_lower(lower)
        if undecided and context.reading == NOUN and not (context.before or context.determined):
            return UNSHOWN
        return NO
    names = names_of(doc)
    if names.writes_lower(lower) or names.writes_lower(lower + "s"):
        return NO  # a common word: "the Banks report", "Working Groups" are plurals
    if context.given and _surname(written) and _noun_after(context):
        # "Robert Muellers investigation", "Leonie Watsons tips": safe where the document
        # writes the surname as such ("after Clinton resigned", "Heather Heyer")
        return SURE if _writes_surname(doc, stem, context.given) else GUESS
    if context.given and _titled_person(text, match, context) and _noun_after(context):
        return GUESS  # "Governor Chris Christies deputy": christies is a plural noun too
    if lower in vocabulary("codespell") and not _common_word_as_name(doc, stem, context):
        return NO
    if not _named(text, stem, names.is_name(stem)):
        single = (
            _single_use(written, context)
            or _titled_surname(written, context)
            or _possessive_in_english(written, context)
            or _parallel_possessive(text, match, context)
        )
        if single:
            return GUESS
        return UNSHOWN if _unshown(text, stem, context) else NO
    before, next_word = context.before, context.next_word
    alone = _alone(text, stem)
    if before[:1].isupper() and before.lower() not in TITLES:
        if not (
            alone or _count(text, f"{before} {stem}") or _possessives(text, f"{before} {stem}")
        ):
            return NO  # a word of a longer name ("Aguas Argentinas"), not "Robert Mueller"
        if next_word[:1].isupper() and not (alone or _whole_name(text, f"{before} {stem}")):
            return NO  # inside a name of several words: "National Parks Service"
    if context.reading == PARTICIPLE:
        # the document's own possessive or the stem as a subject: "Tesco's plan",
        # "Johnson said" beside "Johnsons stated intent"
        return GUESS if _possessives(text, stem) or _subject(text, stem) else NO
    if context.reading == EITHER or lower.endswith(DEMONYM_ENDINGS):
        if _possessives(text, stem) or _subject(text, stem):
            return SURE
        if context.reading == NOUN and _titled(text, stem):
            return SURE  # a person's name, no demonym: "President Hosni Mubarak"
        if context.reading == NOUN and _after_given_name(doc, stem):
            # a surname, perhaps a demonym too: "Alan Kurdi" ... "Kurdis image"
            return GUESS
        # a given name the document uses, before a noun: "Eric said ... Erics team"
        if not (given_name(stem) and _lower_noun(next_word)):
            evidence = _possessive_in_english(written, context) or _subject(text, stem, True)
            return GUESS if evidence else NO
        # safe where the document names the person in full ("Eric Brassil"): a given
        # name + s with no determiner and no name before it is no plural
        person = not (before or context.determined) and _full_name_with(doc, stem, written)
        return SURE if person else GUESS
    return SURE


def _unshown(text: str, stem: str, context: Context) -> bool:
    """Whether a capitalised word + s the document gives no evidence about stands where a
    name's possessive would: no determiner or word of a longer name before it, a noun
    after it (a lower-case one, or a capitalised one: "DigitalGovs YouTube channel"), and
    its stem written nowhere else in the document, in any case."""
    if context.before or context.determined or context.reading != NOUN:
        return False
    return not (_count(text, stem) or _count(text, stem.lower()))


def _whole_name(text: str, name: str) -> bool:
    """Whether the document writes ``name`` (two words or more) as a whole name, which a
    capitalised word after it does not go on: with 's ("De La Fuente's running mate"), or
    as the subject of a verb where its last word is no dictionary word ("Cat Posey
    shared"; not "National Park reopened" beside "National Parks Service")."""
    if _possessives(text, name):
        return True
    last = name.rsplit(" ", 1)[-1].lower()
    return not (lemma(last) or noun(last)) and _subject(text, name)


def _full_name_with(doc: Document, given: str, written: str) -> bool:
    """Whether the document writes the given name ``given`` before a surname, a name it
    uses that no dictionary lists ("Eric Brassil", "Maura Newell"), and ``written`` (the
    given name + s) is no surname in s or name of its own ("Edgar Davids")."""
    if _in_s_of_its_own(written):
        return False
    names = names_of(doc)
    for found in re.finditer(rf"(?<![\w'’.-]){re.escape(given)} ([A-Z][a-z]+)\b", doc.text):
        surname_word = found.group(1)
        lower = surname_word.lower()
        if names.is_name(surname_word) and not (lemma(lower) or noun(lower)):
            return True
    return False


def _titled(text: str, stem: str) -> bool:
    """Whether the document writes ``stem`` after a person's title ("President Hosni
    Mubarak", "Dr. Hosni"); a saint's ("St Lucian") names a place's people too."""
    pattern = rf"\b([A-Z][a-z]+)\.?[ \u00a0]+{re.escape(stem)}(?![\w'’-])"
    return any(m.group(1).lower() in PERSON_TITLES for m in re.finditer(pattern, text))


def _writes_surname(doc: Document, stem: str, given: str) -> bool:
    """Whether the document writes ``stem`` as the surname it is: after the same given
    name ("Heather Heyer", "Ben Franklin's"), or with 's or alone as a name ("after Biden
    said") where the stem is no given name. A surname that ends in s of its own ("Jessica
    Arriens") is never written so; but a given name + s is often a surname ("Edgar
    Davids"), and the document may write another person's given name alone ("David
    said")."""
    text = doc.text
    if _count(text, f"{given} {stem}") or _possessives(text, f"{given} {stem}"):
        return True  # "Ben Franklin" or "Ben Franklin’s" beside "Ben Franklins jetpack"
    if given_name(stem):
        return False
    return bool(_possessives(text, stem)) or (names_of(doc).is_name(stem) and _alone(text, stem))


def _given_name(doc: Document, word: str) -> bool:
    """Whether ``word`` is a given name here: in the census list, capitalised, and never
    written in lower case by the document ("Will", "Hope", "May" often are)."""
    lower = word.lower()
    if not word[:1].isupper() or word.isupper() or lower in CALENDAR or lower in DANGLING:
        return False
    return given_name(word) and not names_of(doc).writes_lower(lower)


def _noun_after(context: Context) -> bool:
    """Whether the word after a given name and surname + s is what it possesses: a noun
    or a name ("tips", "offer", "WordPress", "word-to-markdown"), a word no dictionary
    lists ("blog"), or a title ("Dan Sheldons The Government IT Self-Harm Playbook"); not
    a verb that takes a singular subject ("says", "said")."""
    following = context.next_word
    if following in TITLE_OPENERS:
        return True
    if following[:1].isupper() or "-" in following:
        return context.reading == NOUN
    return _lower_noun(following) or _unknown(following)


def _unknown(word: str) -> bool:
    """Whether ``word`` is lower case, known to no word list and has no verb's ending."""
    if not word.islower() or word.endswith(VERB_ENDINGS) or lemma(word) or noun(word):
        return False
    return not (word in VERBS or word in DANGLING or word in PRONOUNS or word in ADVERBS)


def _lower_noun(word: str) -> bool:
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


def _surname(written: str) -> bool:
    """Whether ``written`` after a given name is a surname + s: not a surname ending in s
    of its own ("Serena Williams", "Bill Gates"), nor a plural noun ("Art Galleries",
    "Steve Jobs") unless the stem is one of the most frequent surnames ("Ian Smiths")."""
    lower = written.lower()
    if surname_ending_in_s(written) or lemma(lower):
        return False
    return not noun(lower) or common_surname(written[:-1])


def _common_word_as_name(doc: Document, stem: str, context: Context) -> bool:
    """Whether a stem that is also a common word ("Ford") is a name here: the document
    writes it capitalised inside sentences and never in lower case, as the subject of a
    verb or with 's ("Ford said"), and a lower-case noun follows ("Fords internal
    testing"). A capitalised word after it may go on with a name ("Veterans Affairs"),
    unless the document writes the name before that word elsewhere ("the Amazon Kindle
    Fire ... Amazons Kindle Fire")."""
    if context.before or not names_of(doc).is_name(stem):
        return False
    following = context.next_word
    if following[:1].isupper() and context.reading == NOUN:
        return bool(_count(doc.text, f"{stem} {following}"))
    if not _lower_noun(following):
        return False
    return bool(_possessives(doc.text, stem)) or _subject(doc.text, stem)


def _opening_name(doc: Document, stem: str, context: Context) -> bool:
    """Whether a common word that opens a sentence is a name there: the document shows it
    a name as ``_common_word_as_name`` asks ("Laura said" ... "Lauras dedication"), and
    the word after it is no verb, or the document writes the stem's possessive: before a
    word that may be a verb, a plural is likelier at a sentence's start than inside one,
    where a name's capital is its own ("Cooper said" ... "Coopers make barrels")."""
    if not _common_word_as_name(doc, stem, context):
        return False
    return context.reading == NOUN or bool(_possessives(doc.text, stem))


def _opening_surname(doc: Document, match: re.Match[str], context: Context) -> bool:
    """Whether a common word + s that opens a sentence before a noun is a surname's or a
    company's possessive, where the document writes the word after a given name ("Maurice
    Kent, the lead analyst" ... "Kents short takeaway") or before a company's suffix
    ("Carnival Corporation" ... "Carnivals global family"), and never in lower case: a
    family's plural takes "the" at a sentence's start. A guess, since the word may be a
    craft's plural too ("Smiths tools")."""
    stem, written = match.group(1), match.group()
    if context.reading != NOUN or context.determined or _in_s_of_its_own(written):
        return False
    if names_of(doc).writes_lower(stem.lower()):
        return False
    return _after_given_name(doc, stem) or _company(doc.text, stem)


def _after_given_name(doc: Document, stem: str) -> bool:
    """Whether the document writes ``stem`` after a given name, as a surname: "Maurice
    Kent", "Abdullah Kurdi"."""
    text = doc.text
    return any(_given_name(doc, _word_before(text, at)) for at, _ in _uses(text, stem))


def _single_use(written: str, context: Context) -> bool:
    """A given name or surname the document writes only here, with its apostrophe lost
    ("Brendas programs", "Nielsens weekly ratings", "Islams holiest site"): a name of the
    census lists whose + s form is no dictionary word, surname or name in s of its own,
    with no capitalised word of a name nor a determiner before it, and a noun after it:
    a lower-case one, or after a surname a capitalised word that is a noun and no name
    ("Forresters Customer Experience Index"; not "Angelos Tsiaras", nor a place named so
    without an apostrophe, "Jacksons Gap"). Other words written
    once stay alone: "Nunjucks templates", "Thanos helmet", "SpaceApps Challenge" are
    names that end in s."""
    stem, following = written[:-1], context.next_word
    if context.before or context.determined or context.reading != NOUN:
        return False
    if _dictionary(written) or _in_s_of_its_own(written):
        return False
    if _lower_noun(following):
        return given_name(stem) or surname(stem)
    title = following[:1].isupper() and not following.isupper() and noun(following.lower())
    if not title or following in PLACE_FEATURES:
        return False
    return surname(stem) and not (given_name(following) or surname(following))


def _possessive_in_english(written: str, context: Context) -> bool:
    """A stem that English writes with 's far more often than with a bare s, before what
    it would own ("Shakespeares plays", "Costcos store", "Panamas attempt"), with no
    determiner or given name before it, perhaps the last word of a longer name ("East
    Anglias medical school"), or after "a" or "an" before a noun they count ("an Angies
    List"): the s form is hardly ever a word of its own (English writes "Panamas", the
    hats, far less often than "Panama's"); not a surname or name in s ("Hawkes",
    "Starbucks")."""
    if context.given or context.reading not in (NOUN, EITHER):
        return False
    if context.determined and not (context.indefinite and context.reading == NOUN):
        return False  # "the Shakespeares", but not "an Angies List": "an" counts "List"
    if _in_s_of_its_own(written):
        return False
    stem = written[:-1]
    if not possessive_stem(stem) or not _plural_in_s(stem):
        return False
    following = context.next_word
    if following in PLACE_FEATURES:
        return False  # a place named so without an apostrophe: "Jacksons Gap"
    if context.reading == NOUN:
        return True  # "Shakespeares plays leading up to": a noun here
    # a word that may be a verb, which a lower-case noun's reading settles ("Costcos store")
    return _lower_noun(following) or _unknown(following)


def _parallel_possessive(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether another name's possessive stands before the same two words elsewhere in
    the document, with no determiner or given name before this one: a list or parallel
    headings ("Google's SpecialAnnouncement documentation" ... "Bings SpecialAnnouncement
    documentation"). One word is too little, as the reading of a word after a plural
    may be wrong ("Quorbits search daily" beside "Google's search"); and a name in s of
    its own is none ("Gray Brooks work at 18F" beside "Eric's work")."""
    if context.given or context.determined or context.reading not in (NOUN, EITHER):
        return False
    after = FOLLOWING_WORDS.match(text, match.end())
    if after is None or _in_s_of_its_own(match.group()):
        return False
    phrase = rf"{re.escape(after.group(1))}[ \t\u00a0]+{re.escape(after.group(2))}"
    return re.search(rf"[A-Z][\w.-]*['’]s {phrase}(?![\w'’-])", text) is not None


def _in_s_of_its_own(written: str) -> bool:
    """Whether ``written`` is a surname or a company's name that ends in s of its own:
    "Williams", "Reuters", "Starbucks"."""
    return surname_ending_in_s(written) or written in NAMES_IN_S


def _consonant_y(lower: str) -> bool:
    """Whether a word ends in a consonant and y, so that its plural ends in -ies."""
    return lower.endswith("y") and lower[-2:-1] not in VOWELS


def _plural_in_s(stem: str) -> bool:
    """Whether ``stem`` + s is the plural English would write: always for a name ("the
    Kennedys"), for a common noun unless it ends in a consonant and y or in a hiss
    ("agencies", "boxes"), whose + s form is a misspelling of unknown intent ("Agencys
    budgets": "Agency's" or "Agencies'"), about which English frequencies tell nothing."""
    lower = stem.lower()
    if not noun(lower):
        return True
    if _consonant_y(lower):
        return False
    return not lower.endswith(("s", "x", "z", "ch", "sh"))


def _titled_surname(written: str, context: Context) -> bool:
    """A surname of the census lists after a person's title, written only here, before a
    lower-case noun or adjective ("President Bartletts wise secretary"); not a surname or
    name in s of its own ("Senator Collins", "Prince Williams")."""
    if context.before.lower() not in PERSON_TITLES or context.reading != NOUN:
        return False
    if _in_s_of_its_own(written):
        return False
    return surname(written[:-1]) and _lower_noun(context.next_word)


def _titled_person(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether a person's title stands before the given name before a surname of the
    census lists + s, whose + s form is no surname or name of its own ("Governor Chris
    Christies deputy"; not "Senator Bill Nelsons" where Nelsons is a surname)."""
    written = match.group()
    if _in_s_of_its_own(written) or not surname(written[:-1]):
        return False
    title = _word_before(text, match.start() - 1 - len(context.given))
    return title.lower() in PERSON_TITLES


def _dictionary(written: str) -> bool:
    lower = written.lower()
    return noun(lower) or lemma(lower) or lower in vocabulary("codespell")


def _named(text: str, stem: str, used_as_name: bool) -> bool:
    """Whether the document shows ``stem`` to be a name: it writes it capitalised inside a
    sentence (``used_as_name``) or with 's; or, for a word no dictionary lists
    ("DigitalGov"), anywhere, headings and the title included."""
    if used_as_name or _possessives(text, stem):
        return True
    return not lemma(stem.lower()) and _count(text, stem) > 0


def _count(text: str, word: str) -> int:
    r"""How many times ``word`` stands in ``text`` with no word character or apostrophe on
    either side: what ``re.findall(r"(?<![\w'’])WORD(?![\w'’])")`` counts (matches do
    not overlap). In a long text a word, or two words and a space, is looked up in the
    text's index of where each word stands, made once: a scan of the whole text per
    candidate would make a long document's check grow with the square of its length. A
    short text is scanned, which costs less than counting all of it."""
    if len(text) >= COUNTED_FROM:
        runs = _word_runs(text)
        if WORD_RUN.fullmatch(word) and runs.holds(word):
            return runs.count(word)
        first, space, second = word.partition(" ")
        pair = space and WORD_RUN.fullmatch(first) and WORD_RUN.fullmatch(second)
        if pair and runs.holds(second):
            return runs.count_pair(first, second)
    return _scan_count(text, word)


# Texts at least this long have their words counted once instead of scanned per word
# (a news article is a few thousand characters; scanning one costs microseconds; a text
# of tens of thousands with hundreds of names costs a scan per name).
COUNTED_FROM = 16_384
# The last text's word runs: the rules of one document, run one after another, ask about
# the same text; more would keep earlier large texts alive past their documents.
_TEXTS_COUNTED = 1


@lru_cache(maxsize=_TEXTS_COUNTED)
def _word_runs(text: str) -> WordRuns:
    return WordRuns(text)


def _scan_count(text: str, word: str) -> int:
    """``_count`` for any other string, by scanning the text."""
    count = 0
    size = len(word)
    at = text.find(word)
    while at != -1:
        end = at + size
        if (at == 0 or not joins(text[at - 1])) and (end == len(text) or not joins(text[end])):
            count += 1
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return count
