"""Lost possessives of capitalised words + s ("Makarovs team", "Shakespeares plays"), told
from plurals by what the document, lists of names and English at large say of the stem.

A capitalised word + s needs the document's evidence that its stem is a name, and stronger
evidence (the possessive written elsewhere, or the stem as the subject of a verb) when the
next word may be a verb ("Makarovs team") or the stem ends like a demonym ("Americans",
"Israelis"). Where the document writes the stem nowhere else, lists of people's names
(``_people``) stand in: a surname after a given name before a noun ("Robert Muellers
investigation", "Steve Grunwells WordPress plugin") or a person's title ("President
Bartletts wise secretary"), or a given name or surname alone before a noun ("Brendas
programs", "Nielsens findings", "Islams holiest site"); not a surname that ends in s of its
own ("Serena Williams match"), a company named so ("Reuters reporters"), a plural noun
("Bill Gates foundation") or a verb after it ("Jessica Arriens says"). Such a fix is a
guess (a rare surname may end in s), offered but never applied by a plain ``fix``; it is
safe where the document writes the surname as such elsewhere ("Heather Heyer" beside
"Heather Heyers mother", "Biden said" beside "Joe Bidens son"; for a surname that is also a
given name only the full name counts). A stem that is a common word ("Ford") counts as a
name when the document writes it as a name, the subject of a verb, and a lower-case noun
follows ("Fords internal testing"), or writes it before the same capitalised word elsewhere
("the Amazon Kindle Fire", "Amazons Kindle Fire"). A superlative after the word reads as
the adjective it is ("Islams holiest site"), and an adverb in -ly before an adjective as
part of what is owned ("Mr Arafats increasingly shaky authority"). Letters after a full
name are the name's ("Lionel Robbards QC"), and a word that makes a region, an era or a
regime of a place opens no longer name ("Western Australias wheatbelt", "Communist Chinas
invasion"). A plural already ("Longshoremen", "Children") takes no plural's s: its + s is a
possessive whatever follows ("the Longshoremens and Harbor Workers' Act"). A title + s
before people's names is a plural title ("Senators McCain and Feingold"); a common word
after a title only a person's name follows is a surname ("Vice President Gores
suggestion"). A word that can have no plural in s is a possessive, safe to fix: a common
noun whose plural ends in -ies, capitalised as a body's name ("the Treasurys budget"), or a
name no dictionary lists that ends in x ("Netflixs Chaos Monkey"). A stem that ends like a
demonym is a person's name where the document writes a title before it ("President Hosni
Mubarak" beside "Hosnis creation") or its full name as a subject ("Nancy Pelosi accused").
A given name the document writes before a surname ("Eric Brassil") is a person's, so its +
s with no determiner or name before it is no plural ("Erics team"), safe to fix. A name of
several words ends where the document writes it with 's or as the subject of a verb ("Cat
Posey shared" beside "Cat Poseys Tech Superwomen"), though a capitalised word follows. A
possessive before a preposition has left its noun out when its sentence names that noun
with another possessive and the document writes the stem as a subject ("Bonnell's insight
echoed Frangiones in terms of"). A past participle before a singular noun ("Tescos
preferred store size") may be an adjective or a plural's verb ("Tescos sold milk"): with
the stem's possessive or use as a subject elsewhere, a guess.

Where the document says nothing of a stem, English at large may: a stem whose possessive it
writes many times as often as its + s form (``_people.possessive_stem``: "Shakespeare's"
against "Shakespeares", "Panama's" against "Panamas", the hats) before a noun, with no
determiner or word of a name before it, is a guess ("Costcos store"), at a sentence's
start too; safe before a noun where English writes the + s form hardly ever but as a lost
possessive, ten times less often or too seldom to count (``possessive_only_stem``:
"Shakespeares plays", "Tasmanias east coast", after a given name too: "Robert Mugabes
government"), unless the name's plural takes -es ("Cruzs campaign").

A sentence's first word is read as any other where its stem is no dictionary word: its
capital tells nothing, but the document's evidence does ("Makarov said" ... "Makarovs team
then won"). Never read as possessives: a form the document writes more than once, a common
word (one the document writes in lower case, a dictionary word ending in s such as "corps",
or one of the 30,000 English words codespell corrects misspellings into, unless used as
above or a place no dictionary lists whose + s English writes mostly as a possessive,
"Adelaides eastern suburbs"), and a word of a longer name ("the water firm Aguas
Argentinas") whose stem the document never uses alone. A capitalised word + s that stands
where a name's possessive would, but whose stem the document writes nowhere else ("during
DigitalGovs webinar"), or a common word opening a sentence that the document writes as a
name but never as one that says or owns something ("sailed to Jersey" ... "Jerseys
goalkeeper"), is no finding of the document alone: the corpus may show the stem a name
(``corpus_possessive``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec

from seedlint.engine.document import Document
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    AUXILIARIES,
    DANGLING,
    PERSONAL_TITLES,
    PLACE_QUALIFIERS,
    POST_NOMINALS,
    TITLES,
    words,
)
from seedlint.kinds._names import names_of, sentence_start
from seedlint.kinds._people import (
    common_surname,
    given_name,
    possessive_only_stem,
    possessive_stem,
    surname,
    surname_ending_in_s,
)
from seedlint.kinds._possessive_reading import (
    DETERMINERS,
    NEXT,
    Reading,
    Verdict,
    lower_noun,
    third_person,
    unknown_word,
    word_reading,
)
from seedlint.kinds._word_uses import (
    PERSON_TITLES,
    REACH,
    after_title,
    names_company,
    occurrences,
    possessive_count,
    uses_of,
    word_before,
    written_alone,
)
from seedlint.kinds._wordclass import (
    lemma,
    noun,
    noun_or_adjective,
    past_tense,
)
from seedlint.kinds._wordlists import vocabulary

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
TITLE_OPENERS = frozenset(["The", "A", "An"])  # a title after a name: "Dan Sheldons The ..."
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
FOLLOWING_WORDS = lazy_compile(r"[ \t\u00a0]+([\w’'-]+)[ \t\u00a0]+([\w’'-]+)")
# a name's possessive before two capitalised words, perhaps a person's full name: "DAB's
# Horace Cheung"
POSSESSIVE_BEFORE_NAME = lazy_compile(
    r"(?<![\w'’.-])[A-Z][\w.-]*['’]s[ \t\u00a0]+([A-Z][a-z]+)[ \t\u00a0]+([A-Z][\w'’-]*)"
)
# the two words after a possessive's 's ("Google's SpecialAnnouncement documentation"),
# read without taking them (possessives may overlap: "A's B's C d")
POSSESSIVE_BEFORE_WORDS = lazy_compile(r"['’]s (?=([\w’'-]+)[ \t\u00a0]+([\w’'-]+)(?![\w'’-]))")
# the capitalised words after a title + s, the first and perhaps one after "and": "Senators
# McCain and Feingold"
PEOPLE_AFTER = lazy_compile(
    r"[ \t\u00a0]+([A-Z][\w'’-]*)(?:[ \t\u00a0]+and[ \t\u00a0]+([A-Z][\w'’-]*))?"
)
LAST_PART = lazy_compile(r"(?<=[a-z])[A-Z][a-z]*\Z")  # of a name in two cases: "Bus" of "SaferBus"


def refused_by_form(match: re.Match[str]) -> bool:
    """Whether a capitalised word + s is no name's possessive by its form, the first
    question of ``name_verdict`` and the cheapest: a day or month ("Mondays"), a stem in s
    ("Joneses"), a word of its own ("Peace Corps"), or a name whose last part is one
    ("SaferBus", "GovPlus")."""
    lower = match.group(1).lower()
    if lower in CALENDAR or lower.endswith("s") or lemma(lower + "s"):
        return True
    last_part = LAST_PART.search(match.group())
    return last_part is not None and lemma(last_part.group().lower())


def opening_common_word(text: str, match: re.Match[str]) -> bool:
    """Whether a capitalised word + s opens a sentence and its stem is a word of the
    dictionary or of codespell's ("Teams", "Agencys"): its capital says nothing, and it may
    be any common word's plural. Another that opens a sentence is read on, as a name if
    the document shows it one ("Makarov said" ... "Makarovs team won")."""
    if not sentence_start(text, match.start()):
        return False
    lower = match.group(1).lower()
    return bool(lemma(lower) or noun(lower) or lower in vocabulary("codespell"))


def plural_already(stem: str) -> bool:
    """Whether ``stem`` is a plural already, which takes no s of a plural: "Longshoremen",
    "Women", "Children" ("the Longshoremens union" is the men's); not a word of its own in
    -men ("Specimen", "Omen", "Yemen")."""
    lower = stem.lower()
    if lower == "children":
        return True
    return lower.endswith("men") and not lemma(lower) and noun(lower[:-3] + "man")


def opening_name_shown(doc: Document, stem: str) -> bool:
    """Whether a common word whose + s opens a sentence ("Teams", "Fords") may be a name
    there at all: the document writes it as a name inside a sentence, English writes it
    mostly with 's (``possessive_stem``), or its plural takes -es, so that its + s is no
    plural. Else it is a common word's plural, whatever the rest of the document says."""
    return names_of(doc).is_name(stem) or possessive_stem(stem) or plural_in_es(stem)


def no_plural(doc: Document, match: re.Match[str]) -> bool:
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


def name_uses(text: str, stem: str, full_names: bool = False) -> Iterator[tuple[int, int]]:
    """Where the document writes ``stem`` as a name: not after a determiner ("an MP", "the
    average Hispanic") or a noun or adjective ("brand Hispanic"), nor with 's; after a
    capitalised word (a longer name: "Ivan Makarov") only with ``full_names``."""
    for found in uses_of(text, stem):
        before = word_before(text, found[0])
        lower = before.lower()
        capitalised = before[:1].isupper()
        if capitalised and not full_names:
            continue
        if lower in DETERMINERS and not (full_names and lower == "that"):
            continue  # "that" opens a clause before a subject: "that Buttigieg proposed"
        # a capitalised word before is the name's own ("Nancy Pelosi accused"), no noun
        if (
            not capitalised
            and lower
            and lower not in DANGLING
            and word_reading(lower) == Reading.NOUN
        ):
            continue
        yield found


def written_as_subject(text: str, stem: str, present: bool = False) -> bool:
    """Whether the document writes ``stem`` as a name and the subject of a verb: "Makarov
    said", "Ivan Makarov smiled"; with ``present``, also of a verb in the present that is
    no noun's plural ("SaferRide provides"): a singular subject, but "Ford provides" does
    not keep "Fords" from meaning the cars, so such evidence makes a guess at most. A
    short name in brackets after the whole one is its subject too: "World Wonder Ring
    Stardom (Stardom) announced"."""
    for start, end in name_uses(text, stem, full_names=True):
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            end += 1
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
    return not noun_or_adjective(word) and third_person(word)


class Context(msgspec.Struct, frozen=True):
    """What surrounds a capitalised word + s: the capitalised word of a name before it
    ("" when none), the word after it, that word's reading, and the given name right before
    it ("Robert" of "Robert Muellers"; "" when none)."""

    before: str
    next_word: str
    reading: Reading
    given: str
    determined: bool = False  # after a determiner: "a Reuters reporter", "his Starbucks cup"
    indefinite: bool = False  # after "a" or "an", which count the noun after: "an Angies List"


def name_verdict(doc: Document, match: re.Match[str], context: Context) -> Verdict:
    """The verdict on a capitalised word + s: what the document, lists of names and English
    at large say of it (``_shown``), or, short of a sure possessive, what its form says: a
    stem whose plural takes -es ("Bangladeshs economy", "Bushs victory": the Bush family
    are "the Bushes") has no plural in s. Its + s form is a possessive before what it owns,
    safe for a name no word list holds; a guess for a common word ("Boxs": perhaps a
    misspelled "Boxes") or a person's name (a family's possessive, "the Wilcoxes' farm",
    that lost its -es); safe for any of them where a given name, a middle initial or a
    person's title before it names one person ("George W. Bushs victory", "Senator Cruzs
    campaign")."""
    if _post_nominal(doc.text, match, context) or _plural_title(doc.text, match, context):
        return Verdict.NO
    verdict = _shown(doc, match, context)
    written = match.group()
    if verdict == Verdict.SURE or not _no_plural_before_noun(written, context):
        return verdict
    stem = match.group(1)
    lower = stem.lower()
    if _one_person(doc.text, match, context):
        return Verdict.SURE
    if lemma(lower) or noun(lower) or given_name(stem) or surname(stem):
        return Verdict.GUESS
    return Verdict.SURE


# a middle initial after a given name, right before a surname: "George W. "
MIDDLE_INITIAL = lazy_compile(r"(?<![\w.’'-])[A-Z][a-z]+ [A-Z]\. \Z")


def _one_person(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether the words before a name + s make it one person's, never a family's: a given
    name ("Ted Cruzs"), a given name and a middle initial ("George W. Bushs") or a
    person's title ("Senator Cruzs")."""
    start = match.start()
    if context.given or word_before(text, start).lower() in PERSON_TITLES:
        return True
    return MIDDLE_INITIAL.search(text, max(0, start - 40), start) is not None


def _shown(doc: Document, match: re.Match[str], context: Context) -> Verdict:
    text = doc.text
    stem, written = match.group(1), match.group()
    lower = stem.lower()
    if refused_by_form(match):
        return Verdict.NO  # "Mondays", "Joneses", "Peace Corps"
    if opening_common_word(text, match) and not _opening_name(doc, stem, context):
        if not opening_name_shown(doc, stem):
            return Verdict.NO  # "Teams", "Bills": as the early refusal (``_possessive``)
        # a common word whose capital is the sentence's ("Teams", "Bills"), unless English
        # hardly writes its + s form but as a possessive ("Panamas attempt"); one the
        # document writes as a name, before a noun, is left to the corpus to judge
        # ("the Panama Canal" ... "Jerseys goalkeeper")
        if _possessive_only(written, context):
            return Verdict.SURE  # "Tasmanias east coast": hardly ever a word of its own
        if (
            _possessive_in_english(written, context)
            or _opening_surname(doc, match, context)
            or _parallel_possessive(doc, match, context)
        ):
            return Verdict.GUESS
        undecided = names_of(doc).is_name(stem) and not names_of(doc).writes_lower(lower)
        bare = not (context.before or context.determined)
        if undecided and context.reading == Reading.NOUN and bare:
            return Verdict.UNSHOWN
        return Verdict.NO
    names = names_of(doc)
    if names.writes_lower(lower) or names.writes_lower(lower + "s"):
        return Verdict.NO  # a common word: "the Banks report", "Working Groups" are plurals
    if context.given and _surname(written) and _noun_after(context):
        # "Robert Muellers investigation", "Leonie Watsons tips": safe where the document
        # writes the surname as such ("after Clinton resigned", "Heather Heyer"), or
        # English writes it only with 's ("Robert Mugabes government")
        written_so = _writes_surname(doc, stem, context.given) or _bare_s_unwritten(stem)
        return Verdict.SURE if written_so else Verdict.GUESS
    if context.given and _titled_person(text, match, context) and _noun_after(context):
        # "Governor Chris Christies deputy": christies is a plural noun too; not
        # "President Robert Mugabes government"
        return Verdict.SURE if _bare_s_unwritten(stem) else Verdict.GUESS
    if _codespell_word(stem) and not _common_word_as_name(doc, stem, context):
        return Verdict.NO
    if not _named(text, stem, names.is_name(stem)):
        if _possessive_only(written, context):
            return Verdict.SURE  # "Fijis suspension was lifted"
        single = (
            _single_use(written, context)
            or _titled_surname(written, context)
            or _possessive_in_english(written, context)
            or _parallel_possessive(doc, match, context)
        )
        if single:
            return Verdict.GUESS
        return Verdict.UNSHOWN if _unshown(text, stem, context) else Verdict.NO
    before, next_word = context.before, context.next_word
    # written alone, or after a person's title: "Mr Arafat" beside "Yasser Arafats call"
    alone = written_alone(text, stem) or after_title(text, stem)
    if before[:1].isupper() and before.lower() not in TITLES:
        if not (
            alone
            or occurrences(text, f"{before} {stem}")
            or possessive_count(text, f"{before} {stem}")
            or (before in PLACE_QUALIFIERS and possessive_stem(stem))
        ):
            return Verdict.NO  # a word of a longer name ("Aguas Argentinas"), not "Robert Mueller"
        if next_word[:1].isupper() and not (alone or _whole_name(text, f"{before} {stem}")):
            return Verdict.NO  # inside a name of several words: "National Parks Service"
    if context.reading == Reading.PARTICIPLE:
        # the document's own possessive or the stem as a subject: "Tesco's plan",
        # "Johnson said" beside "Johnsons stated intent"
        shown = possessive_count(text, stem) or written_as_subject(text, stem)
        return Verdict.GUESS if shown else Verdict.NO
    if context.reading == Reading.EITHER or lower.endswith(DEMONYM_ENDINGS):
        if possessive_count(text, stem) or written_as_subject(text, stem):
            return Verdict.SURE
        if context.reading == Reading.NOUN and after_title(text, stem):
            return Verdict.SURE  # a person's name, no demonym: "President Hosni Mubarak"
        if context.reading == Reading.NOUN and after_given_name(doc, stem):
            # a surname, perhaps a demonym too: "Alan Kurdi" ... "Kurdis image"
            return Verdict.GUESS
        # a given name the document uses, before a noun: "Eric said ... Erics team"
        if not (given_name(stem) and lower_noun(next_word)):
            evidence = _possessive_in_english(written, context) or written_as_subject(
                text, stem, True
            )
            return Verdict.GUESS if evidence else Verdict.NO
        # safe where the document names the person in full ("Eric Brassil"): a given
        # name + s with no determiner and no name before it is no plural
        person = not (before or context.determined) and _full_name_with(doc, stem, written)
        return Verdict.SURE if person else Verdict.GUESS
    return Verdict.SURE


def _post_nominal(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether letters written after a name follow a word + s inside a longer name
    ("Lionel Robbards QC told", "Martin Luther Kings Jr."): the s is the name's own. Not
    when a noun follows the letters, which the name then owns ("Mary Robbards PhD
    thesis")."""
    if not context.before or context.next_word not in POST_NOMINALS:
        return False
    after = FOLLOWING_WORDS.match(text, match.end())
    if after is None or not after.group(2).islower():
        return True
    return word_reading(after.group(2)) != Reading.NOUN


def _plural_title(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether a title + s with no determiner stands before people's names: "Senators
    McCain and Feingold", "Presidents Bush and Clinton", a plural title. A name is a
    capitalised word no dictionary lists, the next or the one after "and"; a word a
    dictionary lists ("Presidents Council") is left to the rest of the reading."""
    if context.determined or match.group(1).lower() not in TITLES:
        return False
    people = PEOPLE_AFTER.match(text, match.end())
    return people is not None and any(
        name is not None and not _dictionary(name) for name in people.groups()
    )


def _unshown(text: str, stem: str, context: Context) -> bool:
    """Whether a capitalised word + s the document gives no evidence about stands where a
    name's possessive would: no determiner or word of a longer name before it, a noun
    after it (a lower-case one, or a capitalised one: "DigitalGovs YouTube channel"), and
    its stem written nowhere else in the document, in any case."""
    if context.before or context.determined or context.reading != Reading.NOUN:
        return False
    return not (occurrences(text, stem) or occurrences(text, stem.lower()))


def _whole_name(text: str, name: str) -> bool:
    """Whether the document writes ``name`` (two words or more) as a whole name, which a
    capitalised word after it does not go on: with 's ("De La Fuente's running mate"), or
    as the subject of a verb where its last word is no dictionary word ("Cat Posey
    shared"; not "National Park reopened" beside "National Parks Service")."""
    if possessive_count(text, name):
        return True
    last = name.rsplit(" ", 1)[-1].lower()
    return not (lemma(last) or noun(last)) and written_as_subject(text, name)


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


def _writes_surname(doc: Document, stem: str, given: str) -> bool:
    """Whether the document writes ``stem`` as the surname it is: after the same given
    name ("Heather Heyer", "Ben Franklin's"), or with 's or alone as a name ("after Biden
    said") where the stem is no given name. A surname that ends in s of its own ("Jessica
    Arriens") is never written so; but a given name + s is often a surname ("Edgar
    Davids"), and the document may write another person's given name alone ("David
    said")."""
    text = doc.text
    if occurrences(text, f"{given} {stem}") or possessive_count(text, f"{given} {stem}"):
        return True  # "Ben Franklin" or "Ben Franklin’s" beside "Ben Franklins jetpack"
    if given_name(stem):
        return False
    return bool(possessive_count(text, stem)) or (
        names_of(doc).is_name(stem) and written_alone(text, stem)
    )


def given_name_here(doc: Document, word: str) -> bool:
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
        return context.reading == Reading.NOUN
    return lower_noun(following) or unknown_word(following)


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
    Fire ... Amazons Kindle Fire"). After a title that only a person's name follows, it
    is a surname before a lower-case noun ("Vice President Gores suggestion")."""
    if context.before.lower() in PERSONAL_TITLES:
        return lower_noun(context.next_word)
    if context.before or not names_of(doc).is_name(stem):
        return False
    following = context.next_word
    if following[:1].isupper() and context.reading == Reading.NOUN:
        return bool(occurrences(doc.text, f"{stem} {following}"))
    if not lower_noun(following):
        return False
    return bool(possessive_count(doc.text, stem)) or written_as_subject(doc.text, stem)


def _opening_name(doc: Document, stem: str, context: Context) -> bool:
    """Whether a common word that opens a sentence is a name there: the document shows it
    a name as ``_common_word_as_name`` asks ("Laura said" ... "Lauras dedication"), and
    the word after it is no verb, or the document writes the stem's possessive: before a
    word that may be a verb, a plural is likelier at a sentence's start than inside one,
    where a name's capital is its own ("Cooper said" ... "Coopers make barrels")."""
    if not _common_word_as_name(doc, stem, context):
        return False
    return context.reading == Reading.NOUN or bool(possessive_count(doc.text, stem))


def _opening_surname(doc: Document, match: re.Match[str], context: Context) -> bool:
    """Whether a common word + s that opens a sentence before a noun is a surname's or a
    company's possessive, where the document writes the word after a given name ("Maurice
    Kent, the lead analyst" ... "Kents short takeaway") or before a company's suffix
    ("Carnival Corporation" ... "Carnivals global family"), and never in lower case: a
    family's plural takes "the" at a sentence's start. A guess, since the word may be a
    craft's plural too ("Smiths tools")."""
    stem, written = match.group(1), match.group()
    if context.reading != Reading.NOUN or context.determined or _in_s_of_its_own(written):
        return False
    if names_of(doc).writes_lower(stem.lower()):
        return False
    return after_given_name(doc, stem) or names_company(doc.text, stem)


def after_given_name(doc: Document, stem: str) -> bool:
    """Whether the document writes ``stem`` after a given name, as a surname: "Maurice
    Kent", "Abdullah Kurdi"."""
    text = doc.text
    return any(given_name_here(doc, word_before(text, at)) for at, _ in uses_of(text, stem))


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
    if context.before or context.determined or context.reading != Reading.NOUN:
        return False
    if _dictionary(written) or _in_s_of_its_own(written):
        return False
    if lower_noun(following):
        return given_name(stem) or surname(stem)
    title = following[:1].isupper() and not following.isupper() and noun(following.lower())
    if not title or following in PLACE_FEATURES:
        return False
    return surname(stem) and not (given_name(following) or surname(following))


def _possessive_only(written: str, context: Context) -> bool:
    """A stem that ``_possessive_in_english`` reads as a possessive before a noun, whose
    + s form English hardly ever writes but as a lost possessive (``possessive_only_stem``:
    "Tasmanias east coast", "Fijis suspension"): the fix is safe. Not a name whose plural
    takes -es, whose family's possessive may have lost it ("Cruzs campaign": ``name_verdict``
    guesses)."""
    if context.reading != Reading.NOUN or not _bare_s_unwritten(written[:-1]):
        return False
    return _possessive_in_english(written, context)


def _bare_s_unwritten(stem: str) -> bool:
    """Whether English writes ``stem`` + s hardly ever but as a lost possessive, and its
    plural takes no -es that a family's possessive may have lost ("Bush": "the Bushes'
    ranch")."""
    return possessive_only_stem(stem) and not plural_in_es(stem)


def _possessive_in_english(written: str, context: Context) -> bool:
    """A stem that English writes with 's far more often than with a bare s, before what
    it would own ("Shakespeares plays", "Costcos store", "Panamas attempt"), with no
    determiner or given name before it, perhaps the last word of a longer name ("East
    Anglias medical school"), or after "a" or "an" before a noun they count ("an Angies
    List"): the s form is hardly ever a word of its own (English writes "Panamas", the
    hats, far less often than "Panama's"); not a surname or name in s ("Hawkes",
    "Starbucks")."""
    if context.given or context.reading not in (Reading.NOUN, Reading.EITHER):
        return False
    if context.determined and not (context.indefinite and context.reading == Reading.NOUN):
        return False  # "the Shakespeares", but not "an Angies List": "an" counts "List"
    if _in_s_of_its_own(written):
        return False
    stem = written[:-1]
    if not possessive_stem(stem) or not _plural_in_s(stem):
        return False
    following = context.next_word
    if following in PLACE_FEATURES:
        return False  # a place named so without an apostrophe: "Jacksons Gap"
    if context.reading == Reading.NOUN:
        return True  # "Shakespeares plays leading up to": a noun here
    # a word that may be a verb, which a lower-case noun's reading settles ("Costcos store")
    return lower_noun(following) or unknown_word(following)


def _parallel_possessive(doc: Document, match: re.Match[str], context: Context) -> bool:
    """Whether another name's possessive stands before the same two words elsewhere in
    the document, with no determiner or given name before this one: a list or parallel
    headings ("Google's SpecialAnnouncement documentation" ... "Bings SpecialAnnouncement
    documentation"); or, where a person's full name follows, before another person's full
    name ("DAB's Horace Cheung" ... "Demosistos Nathan Law": a party's or a company's
    people). One word is too little, as the reading of a word after a plural may be wrong
    ("Quorbits search daily" beside "Google's search"); and a name in s of its own is
    none ("Gray Brooks work at 18F" beside "Eric's work")."""
    if context.given or context.determined or context.reading not in (Reading.NOUN, Reading.EITHER):
        return False
    after = FOLLOWING_WORDS.match(doc.text, match.end())
    if after is None or _in_s_of_its_own(match.group()):
        return False
    owned, before_people = doc.knowledge(_possessives_before)
    if (after.group(1), after.group(2)) in owned:
        return True
    return before_people and _full_name(after.group(1), after.group(2))


def _possessives_before(doc: Document) -> tuple[frozenset[tuple[str, str]], bool]:
    """The two words after each name's possessive in the document ("Google's
    SpecialAnnouncement documentation"), and whether one stands before a person's full
    name ("DAB's Horace Cheung"): found once per document, where a search of the text
    per name would grow with the square of a long text's length."""
    text = doc.text
    owned = set()
    # each 's and the two words after it, then whether a capital stands in the run of
    # word characters, full stops and hyphens before it ("Google's", "eBay's"): a search
    # from the apostrophe, which most of a text holds none of
    for found in POSSESSIVE_BEFORE_WORDS.finditer(text):
        start = end = found.start()
        while start and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
            start -= 1
        if any("A" <= character <= "Z" for character in text[start:end]):
            owned.add((found[1], found[2]))
    people = any(_full_name(*found.groups()) for found in POSSESSIVE_BEFORE_NAME.finditer(text))
    return frozenset(owned), people


def _full_name(first: str, second: str) -> bool:
    """Whether two words are a person's full name: a given name of the census lists, then
    a capitalised word ("Horace Cheung", "Nathan Law")."""
    return first[1:].islower() and given_name(first) and second[:1].isupper()


def plural_in_es(stem: str) -> bool:
    """Whether ``stem`` takes -es for its plural, a name too: it ends in sh, x or z ("the
    Bushes", "the Coxes", "the Cruzes"), so its + s form is no plural. Not ch, as German
    names in -chs are names of their own ("Fuchs", "Sachs")."""
    return stem.lower().endswith(("sh", "x", "z"))


def _no_plural_before_noun(written: str, context: Context) -> bool:
    """A name + s that can be no plural (``plural_in_es``), with no determiner before it
    and what it would own after it (``_noun_after``: "Bushs victory", "Cruzs campaign";
    not "Bushs said"): only the possessive is left. Not a word or name with an s of its
    own."""
    if not plural_in_es(written[:-1]) or context.determined or context.reading == Reading.VERB:
        return False  # the form first: it is asked of every word + s short of a sure verdict
    if _in_s_of_its_own(written) or not _noun_after(context):
        return False
    return not _dictionary(written)


def _in_s_of_its_own(written: str) -> bool:
    """Whether ``written`` is a surname or a company's name that ends in s of its own:
    "Williams", "Reuters", "Starbucks"."""
    return surname_ending_in_s(written) or written in NAMES_IN_S


def _consonant_y(lower: str) -> bool:
    """Whether a word ends in a consonant and y, so that its plural ends in -ies."""
    return lower.endswith("y") and lower[-2:-1] not in VOWELS


def _plural_in_s(stem: str) -> bool:
    """Whether ``stem`` + s is the plural English would write: here, for any name ("the
    Kennedys"; a name in sh, x or z is judged by ``plural_in_es`` in ``name_verdict``),
    and for a common noun unless it ends in a consonant and y or in a hiss ("agencies",
    "boxes"), whose + s form is a misspelling of unknown intent ("Agencys budgets":
    "Agency's" or "Agencies'"), about which English frequencies tell nothing."""
    lower = stem.lower()
    if not noun(lower):
        return True
    if _consonant_y(lower):
        return False
    return not (plural_in_es(lower) or lower.endswith(("s", "ch")))


def _titled_surname(written: str, context: Context) -> bool:
    """A surname of the census lists after a person's title, written only here, before a
    lower-case noun or adjective ("President Bartletts wise secretary"); not a surname or
    name in s of its own ("Senator Collins", "Prince Williams")."""
    if context.before.lower() not in PERSON_TITLES or context.reading != Reading.NOUN:
        return False
    if _in_s_of_its_own(written):
        return False
    return surname(written[:-1]) and lower_noun(context.next_word)


def _titled_person(text: str, match: re.Match[str], context: Context) -> bool:
    """Whether a person's title stands before the given name before a surname of the
    census lists + s, whose + s form is no surname or name of its own ("Governor Chris
    Christies deputy"; not "Senator Bill Nelsons" where Nelsons is a surname)."""
    written = match.group()
    if _in_s_of_its_own(written) or not surname(written[:-1]):
        return False
    title = word_before(text, match.start() - 1 - len(context.given))
    return title.lower() in PERSON_TITLES


def _codespell_word(stem: str) -> bool:
    """Whether a stem is one of the words codespell corrects into, read as a common word:
    one the dictionary knows ("team"), or a word English writes with + s about as often as
    with 's ("America": "the Americas"); not a place or name it does not know whose + s
    English writes mostly as a possessive ("Adelaides eastern suburbs", "Western
    Australias wheatbelt")."""
    lower = stem.lower()
    if lower not in vocabulary("codespell"):
        return False
    return bool(lemma(lower) or noun(lower)) or not possessive_stem(stem)


def _dictionary(written: str) -> bool:
    lower = written.lower()
    return noun(lower) or lemma(lower) or lower in vocabulary("codespell")


def _named(text: str, stem: str, used_as_name: bool) -> bool:
    """Whether the document shows ``stem`` to be a name: it writes it capitalised inside a
    sentence (``used_as_name``) or with 's; or, for a word no dictionary lists
    ("DigitalGov"), anywhere, headings and the title included."""
    if used_as_name or possessive_count(text, stem):
        return True
    return not lemma(stem.lower()) and occurrences(text, stem) > 0
