"""Possessives that lost their apostrophe, told from plurals by what the document says.

"BNPs" and "Makarovs" may be plurals or possessives without their apostrophe. The word after
them tells much (``next_word_reading``): a possessive is followed by what is possessed ("the
BNPs leader", "Makarovs team"), a plural by its verb ("the MPs voted") or a function word.
Word classes come from a dictionary of English inflections (``_wordclass``): "leader" can
only be a noun, "voted" only a verb, "report" or "team" either. The document settles the
rest: it writes "BNP's" elsewhere, spells the acronym out as one body's name, or uses
"Makarov" as a name ("Makarov said"). A number or quantifier before the word ("two
Britains", "dozens of NGOs") makes it a plural.

An acronym + s is a possessive when a noun follows or the document shows it. A capitalised
word + s is judged by ``_name_possessive``; the word after either is read by
``_possessive_reading``, and what the text writes elsewhere is counted by ``_word_uses``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedlint.engine.document import Document
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    AUXILIARIES,
    CONJUNCTIONS,
    DANGLING,
    PLACE_QUALIFIERS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    words,
)
from seedlint.kinds._name_possessive import (
    Context,
    given_name_here,
    name_uses,
    name_verdict,
    no_plural,
    opening_common_word,
    opening_name_shown,
    plural_already,
    refused_by_form,
    written_as_subject,
)
from seedlint.kinds._names import names_of, sentence_start
from seedlint.kinds._possessive_reading import (
    COUNTABLE,
    DETERMINERS,
    NEXT,
    Reading,
    Verdict,
    next_word_reading,
    word_reading,
)
from seedlint.kinds._text import word_head
from seedlint.kinds._word_uses import (
    PREVIOUS,
    REACH,
    names_company,
    occurrences,
    possessive_count,
    uses_of,
    word_before,
)
from seedlint.kinds._wordclass import plural_noun

# "BNPs", "MPs", "3DSs": capitals and digits, two capitals at least, then s. As NAME_S,
# the first character comes first and the look-behind follows it; the capitals are
# counted after it, one more when it is a capital itself. A word that does not end in s
# is given up at once (ENDS_IN_S, a run taken whole with no backtracking): the patterns
# are tried at every capital of a text, and most capitalised words end otherwise
ENDS_IN_S = r"(?=[A-Za-z0-9]*+(?<=s)(?![\w'’-]))"
# nothing of a word or an abbreviation before the first character ("'BNPs leader" opens a
# quotation)
NAME_HEAD = word_head(r"\w.'’&-", ".")
ACRONYM_S = lazy_compile(
    rf"([A-Z0-9]{NAME_HEAD}{ENDS_IN_S}"
    r"(?:(?<=[A-Z])(?=[A-Z0-9]*[A-Z])|(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z]))"
    r"[A-Z0-9]+)s(?![\w'’-])"
)
# where an acronym + s may end: a capital or digit, then s at the word's end. The search
# starts with its literal s, so it runs at the speed of a scan for that letter, not at every
# capital and digit as ACRONYM_S would (news is full of numbers); ACRONYM_S is then tried
# only at the start of the run of capitals and digits before each such s, the one place a
# match of it ending there can start (see ``acronym_candidates``)
ACRONYM_END = lazy_compile(r"s(?<=[A-Z0-9]s)(?![\w'’-])")
ACRONYM_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# "Makarovs", "DigitalGovs", and "McArthurs": a name may open with a short part. The capital
# comes first, then the look-behind at the character before it: a pattern that starts with
# a look-behind is tried at every offset, one that starts with [A-Z] only at capitals
NAME_S = lazy_compile(
    rf"([A-Z]{NAME_HEAD}{ENDS_IN_S}(?:[a-z]{{2,}}|[a-z](?=[A-Z]))(?:[A-Z][a-z]+)*)"
    r"s(?![\w'’-])"
)
# any capitalised word + 's, ’s or a bare s, taken whole: "DigitalGov's", "Kennedys",
# "Anglo-Saxons". A match of NAME_S is one of these, with the same start and end (its
# look-behind is the same, and it ends where a word ends), so NAME_S is tried only at the
# starts of those that end in a bare s: one scan of the text serves this rule and the
# corpus's (``corpus_possessive``)
CAPITALISED_S = lazy_compile(rf"[A-Z]{NAME_HEAD}[\w-]*+(?:['’]s|(?<=s))(?![\w'’-])")
# how far back the sentence of an elliptical possessive is read for the possessive it
# echoes ("Hammons's approach differs from Buttigiegs in that ...")
SENTENCE_REACH = 300
SENTENCE_END = lazy_compile(r"[.!?…][\"'”’)\]]*\s|\n")
NAME_POSSESSIVE = lazy_compile(r"(?<![\w'’.-])[A-Z][\w-]*['’]s?(?![\w'’-])")
INDEFINITE_ARTICLES = frozenset(["a", "an"])


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
            if verdict != Verdict.NO and not names_of(doc).foreign(match.start()):
                yield match.start(), match.end(1), verdict == Verdict.GUESS
    if names:
        for start, end, stem, verdict in doc.knowledge(name_verdicts):
            if verdict in (Verdict.SURE, Verdict.GUESS) and (stem + "s").lower() not in listed:
                yield start, end, verdict == Verdict.GUESS


def unshown_possessives(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start of the word, offset of its final s, stem) of each capitalised word + s that
    is a possessive if its stem is a name, where the document does not show that it is:
    no possessive of the document alone, but one where the corpus writes the stem's
    possessive and seldom or never the word (``corpus_possessive``)."""
    for start, end, stem, verdict in doc.knowledge(name_verdicts):
        if verdict == Verdict.UNSHOWN:
            yield start, end, stem


def name_verdicts(doc: Document) -> tuple[tuple[int, int, str, Verdict], ...]:
    """(start, offset of the final s, stem, verdict) of each capitalised word + s of the
    body other than a plural (NO): worked out once per document, for this rule and the
    corpus's (``unshown_possessives``). A quotation in another language is never English:
    asked last, since most documents have no candidate left by then."""
    found = []
    text = doc.text
    for start, word in doc.knowledge(capitalised_s):
        if word[-2] in "'’" or (match := NAME_S.match(text, start)) is None:
            continue
        verdict = _possessive(doc, match, False)
        if verdict != Verdict.NO and not names_of(doc).foreign(match.start()):
            found.append((match.start(), match.end(1), match.group(1), verdict))
    return tuple(found)


def capitalised_s(doc: Document) -> tuple[tuple[int, str], ...]:
    """(start, word) of each capitalised word + 's, ’s or a bare s of the body
    (``CAPITALISED_S``), found once per document."""
    return tuple((m.start(), m.group()) for m in CAPITALISED_S.finditer(doc.text, doc.body_start))


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


def _plainly_refused(doc: Document, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s is surely no possessive, asked before the words
    around it are read: ``name_verdict`` refuses it by its form (``refused_by_form``), or as a
    common word that opens a sentence which the document never writes as a name inside
    one, nor one that English writes mostly with 's (``possessive_stem``), and before
    ``name_verdict`` only ``no_plural`` makes one a possessive; every other way ends in a plural
    or in ``name_verdict``."""
    text = doc.text
    stem = match.group(1)
    refused = refused_by_form(match) or (
        opening_common_word(text, match) and not opening_name_shown(doc, stem)
    )
    return refused and not no_plural(doc, match)


def _possessive(doc: Document, match: re.Match[str], acronym: bool) -> Verdict:
    if not acronym and _plainly_refused(doc, match):
        return Verdict.NO
    text = doc.text
    stem, written = match.group(1), match.group()
    if not acronym and plural_already(stem) and occurrences(text, written) == 1:
        # whatever follows: "the Longshoremens and Harbor Workers' Act", "Womens World Cup"
        return Verdict.SURE
    following = NEXT.match(text, match.end(), match.end() + REACH)
    reading = next_word_reading(text, following, acronym) if following else Reading.VERB
    if reading == Reading.VERB:
        if acronym or following is None or not _elliptical(text, match, following):
            return Verdict.NO
        reading = Reading.EITHER  # the document must show the stem a name, as before "team"
    previous = PREVIOUS.search(text, max(0, match.start() - REACH), match.start())
    before = previous.group(1) if previous else ""
    lower_before = before.lower()
    unpluralised = not acronym and no_plural(doc, match)
    if lower_before in QUANTIFIERS or (not acronym and lower_before == "the" and not unpluralised):
        return Verdict.NO  # "the Kennedys", but "the Treasurys budget" is no plural
    in_name = previous is not None and _name_word(text, previous)
    if occurrences(text, written) > 1:
        return Verdict.NO
    if _counted(text, match.start(), acronym):
        return Verdict.NO
    if unpluralised:
        return Verdict.SURE
    if acronym:
        if in_name and following and following.group(2)[:1].isupper():
            # in a name: "Eligibility APIs Initiative"
            return Verdict.SURE if possessive_count(text, stem) else Verdict.NO
        shown = reading == Reading.NOUN or _acronym_evidence(text, stem)
        if not shown:
            return Verdict.NO
        if (
            reading == Reading.NOUN
            and following is not None
            and lower_before not in COUNTABLE
            and plural_noun(following.group(2))
            and _countable(text, stem)
        ):
            # "the MPs expenses" where the text writes "an MP": the owners may be many
            # (MPs'), where "MP's" says one; an agency's initials name one ("the VAs efforts")
            return Verdict.GUESS
        return Verdict.SURE
    next_word = following.group(2) if following else ""
    given = previous is not None and previous.end(1) == match.start() - 1
    given = given and given_name_here(doc, before)
    determined = lower_before in DETERMINERS
    context = Context(
        before if in_name else "",
        next_word,
        reading,
        before if given else "",
        determined,
        lower_before in INDEFINITE_ARTICLES,
    )
    return name_verdict(doc, match, context)


def _countable(text: str, stem: str) -> bool:
    """Whether the document counts the acronym as a noun ("an MP", "each CIO") and does
    not write its possessive ("MP's")."""
    if possessive_count(text, stem):
        return False
    return any(word_before(text, start).lower() in COUNTABLE for start, _ in uses_of(text, stem))


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
    return written_as_subject(text, match.group(1))


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
    if word[:-1].isupper() or not before[:1].isupper() or before in PLACE_QUALIFIERS:
        # "Hitwise UKs": an acronym after a name is still the acronym; "Western
        # Australias wheatbelt": a region's possessive
        return False
    if sentence_start(doc.text, previous.start()):
        return False
    # "Imperial College Londons" where the text writes "Imperial College London" is the
    # possessive of that name; "Aguas Argentinas" is a name of its own
    return not occurrences(doc.text, f"{before} {word[:-1]}")


# what a listed name + s after "the" stands before where it owns nothing, a plural's
# verb, a preposition or a conjunction that opens a clause ("the Canadas in 1840"); not
# "and" or "or", which may join two possessives ("the UKs and Frances positions"). Without
# "the" these may follow a possessive that owns what its sentence names ("from diabetes
# to Alzheimers; he has Crohns in")
OWNS_NOTHING = AUXILIARIES | PREPOSITIONS | (CONJUNCTIONS - {"and", "or"})
SPEECH_VERBS = words("said says told added asked")  # a person speaks: "Cubas said"
# the next word after a word, or a stop that ends its clause, or the text's end
FOLLOWING_OR_STOP = lazy_compile(r"[ \t\u00a0]*(?:([A-Za-z]+)|[.,;:!?)]|\Z)")


def listed_plural(doc: Document, match: re.Match[str]) -> bool:
    """Whether a listed name + s (``match``, as ``possessives:`` finds it) is no
    possessive: a plural after a number or quantifier or a word of a longer name
    (``plural_context``); or, for a name that is no acronym, written so elsewhere too
    ("President Raul Cubas" beside "Cubas government": a surname), before a verb of
    speech ("Cubas said"), or after "the" before a stop or a word of ``OWNS_NOTHING``
    ("the Canadas in 1840", "the Mexicos.")."""
    text = doc.text
    if plural_context(doc, match.start()):
        return True
    if match.group()[:-1].isupper():
        return False  # an acronym's body has no plural: "unlike the FDAs." is elliptical
    following = FOLLOWING_OR_STOP.match(text, match.end())
    if following is not None:
        after = (following.group(1) or "").lower()  # "" for a stop
        if after in SPEECH_VERBS:
            return True
        if (after in OWNS_NOTHING or not after) and word_before(text, match.start()) == "the":
            return True
    written = match.group()
    return any(
        plural_context(doc, start) for start, _ in uses_of(text, written) if start != match.start()
    )


def _acronym_evidence(text: str, stem: str) -> bool:
    """Whether the document writes the acronym's possessive ("BNP's"), spells it out as one
    body's name, or uses it as a name: with no determiner, before a verb or punctuation
    ("when BTP arrived", "by GSA."), and never as a countable noun ("a PDF")."""
    if possessive_count(text, stem):
        return True
    spelt = _spelt_out(text, stem)
    plural = spelt is not None and _plural_name(spelt)
    if _organisation(text, stem, spelt, plural):
        return True
    if any(word_before(text, start).lower() in COUNTABLE for start, _ in uses_of(text, stem)):
        return False  # a countable noun: "a PDF", "each ID"
    for start, end in name_uses(text, stem):
        if plural and _bracketed(text, start, end):
            continue  # "Presidential Innovation Fellows (PIF)": the initials of a plural
        following = NEXT.match(text, end, end + REACH)
        if following is None or following.start() != end:
            return True  # punctuation follows
        if following.group(2)[:1].islower() and word_reading(following.group(2)) == Reading.VERB:
            return True
    return False


def _bracketed(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _organisation(text: str, stem: str, spelt: str | None, plural: bool) -> bool:
    """Whether the document spells the acronym out as one body's name (``spelt``, from
    ``_spelt_out``: "British National Party (BNP)", "BNP (British National Party)"), or
    names a company by it ("HDT Limited"); a ``plural`` spelling ("Key Performance
    Indicators (KPIs)") names things that can be counted."""
    if spelt is not None and not plural:
        return True
    return names_company(text, stem)


def _spelt_out(text: str, stem: str) -> str | None:
    """The capitalised name the document spells the acronym out as, beside it in brackets
    ("British National Party (BNP)", "BNP (British National Party)"); None if none."""
    # the spaces before a word of the name are one run ("\s+\s*" would try every split of
    # a long run)
    name = r"[A-Z][\w&.-]*(?:\s+(?:(?:of|and|for|the|on|&)\s*)?[A-Z][\w&.-]*)+"
    spelt = re.search(rf"({name})\s+\({re.escape(stem)}\)|\b{re.escape(stem)}\s+\(({name})\)", text)
    return None if spelt is None else spelt.group(1) or spelt.group(2)


def _plural_name(name: str) -> bool:
    """Whether a spelled-out name is a plural: its head, the last word before any "of",
    is one ("Key Performance Indicators", "Presidential Innovation Fellows"; not
    "Associated Press", "Department of Veterans Affairs", "Bureau of Labor Statistics")."""
    head = re.split(r"\s+of\s+", name)[0].split()[-1]
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


# a number right before a word, on its line or the line before in its paragraph: never
# a header's or another paragraph's ("date 2002-01-01 Article 102" + "Ansetts plan")
COUNTING_NUMBER = lazy_compile(r"\d(?:[\d,.]*\d)?(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)\Z")


def _counted(text: str, start: int, acronym: bool) -> bool:
    """After a number, or (acronyms) after "thousands of", "some of": a plural. A name's
    plural takes an article there ("some of the Kennedys")."""
    before = text[max(0, start - REACH) : start]
    if COUNTING_NUMBER.search(before):
        return True  # "2,000 NGOs", but not "in late 2010, FSAs office"
    of = re.search(r"([A-Za-z]+)\s+of\s+\Z", before)
    return acronym and of is not None and of.group(1).lower() in QUANTIFIERS
