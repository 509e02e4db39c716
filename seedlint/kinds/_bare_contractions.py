"""Contractions whose bare form is a word of its own, read by the words around them.

"its", "cant", "wont", "lets", "Id", "Ill", "wed" and "hed" are words ("its own", "pious
cant", "as is his wont", "it lets you", "the id", "ill health", "they wed", a headline's
"hed"), so a bare form is a contraction only where the words beside it leave no other
reading (``reads_as_contraction``):

- "its" is a possessive determiner, which a noun phrase follows. Before an article or
  another determiner ("its a"), "not" or "been", a question word, a subject or object
  pronoun ("its just I didn't"), a possessive pronoun or "enough" ("its ours", "its
  enough to"), a preposition that no noun phrase starts with ("its about", "its up to"),
  an adverb of place ("its here", "its everywhere"), "called" or "going to" it is "it's";
  so it is before an adjective that opens a clause ("its important to", "its clear
  that"), and before a word shown to be an adjective or a participle and no noun,
  followed by a preposition, a clause's opener or a full stop ("its designed for", "its
  painful. But"), also with an adverb in -ly between ("its available publicly and will
  be"), before a list of adjectives that ends so ("its current, accurate, and complete.")
  and before a hyphenated word whose last part is one ("its counter-productive."). Where
  a clause starts ("whether its", "as its", "Its" at a sentence's start) it is "it's"
  before a verb's participle and its object or a full stop ("whether its designing an",
  "its always changing."), or before a comma if no noun ("If its promising,"), and before
  "time to", "best to", "part of" or "all" ("but its all part of"; "gave its all in" is
  owned), and "key to" before a verb. So it is before such an adjective and a gerund with
  its object ("its nice seeing you") or "and" or "but" and a clause of its own ("its
  exciting and the team cheers"), before a measure ("its 1,057 pages long"), and before
  an adjective or participle that "enough" follows ("its big enough to"). Up to two
  adverbs may come first ("its also a", "its just really hard to", "its very, very
  unfair"); an adverb alone tells nothing: "its truly unique architecture" is a
  possessive. A capitalised word after it is a name ("its API"), a gerund elsewhere is
  owned ("its voting in", "objected to its being sold"), and a word the word lists do not
  know may be a noun ("its lifecycle."). Those lists know only the adjectives that have a
  comparative, so an ending tells the others ("available", "relevant", "responsive").
  After a form of "have" it is owned ("has its good and bad"), and so is a second "its"
  that "and" or "or" joins to that one ("has its good and its bad").
- "cant" and "wont" after a subject pronoun ("You cant."), before a verb's base form
  ("cant wait", "wont be"; not "wont to", which is the adjective), or an adverb and a
  verb ("wont necessarily work"), unless a determiner comes before ("the cant of
  politics", "as is his wont").
- "lets" before a verb's base form where no subject stands before it: at a sentence's
  start ("Lets take a look"), after "so", "now", "then" ("so lets start"), after a comma
  that follows such a word ("Now, lets look") or before a verb that is no noun ("start,
  lets map out"); "it lets users", "an app that lets people" and "the app, which is free,
  lets people apply" have their subject. Before "not" and a verb's base form anywhere
  ("but lets not forget"): the verb "lets" takes its object first.
- "Id" and "Ill", written so (never "ill", "ID"), before a verb that is no noun or one of
  the words a subject's "I'd" or "I'll" is followed by ("Id like", "Ill be"), or a verb
  and its object ("Ill flip the focus"), or, inside a sentence after a word in lower case,
  a comma or "And", any verb ("And Ill work"), and "Id" before a verb and a preposition
  ("Id go to"); not after a determiner ("your Id", "the Ill").
- "wed" and "hed" where a clause needs its subject and a verb follows: after a word that
  opens a clause ("thought wed hit", "how wed make", "say hed ordered", "But wed run"),
  and "Hed" opening a sentence ("Hed gone through"); "they wed last year" has its subject.

A capitalised bare form is read only at a sentence's start ("Its a", "Cant wait"): inside
one, "Cant" and "Wont" are surnames, unless a pronoun that is only ever a subject stands
right before them and a verb after ("They Cant Stop All of Us", a title), and "Its" a
title's word, unless a word in lower case follows it, which makes it a sentence's start
whose stop was lost ("for common tasks Its easier to"). A heading in title case is read
as if written in lower case ("Why Its Important", "Apple Updates Its Software").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ADJECTIVE_ENDINGS,
    ADVERBS,
    ARTICLES,
    CONJUNCTIONS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    words,
)
from seedlint.kinds._names import HEADING_CHARS, heading, title_case
from seedlint.kinds._people import given_name
from seedlint.kinds._text import NEXT_TOKEN, at_sentence_start, previous_word
from seedlint.kinds._wordclass import adjective, noun, past_tense, verb_base

BARE_FORMS = frozenset(("its", "cant", "wont", "lets", "id", "ill", "wed", "hed"))
# after a word, where its phrase ends ("its painful. But", "its painful, but"); not a
# comma alone, which may stand between two adjectives ("its agile, lean methodology")
WORD_BEFORE = lazy_compile(r"([A-Za-z]+)\Z")  # the word that ends a stretch of text
WORD = lazy_compile(r"[A-Za-z]+")
SUBJECT_CONTRACTED = lazy_compile(
    r"[ \t\u00a0]+(?:i|you|we|they|he|she|it|there|that)['’](?:s|re|m|ve|ll|d)\b", re.IGNORECASE
)
QUESTION_CONTRACTED = lazy_compile(r"[ \t\u00a0]+(?:what|who|where|how)['’]s\b", re.IGNORECASE)
NEXT_WORDS = lazy_compile(r"[ \t\u00a0]+([A-Za-z]+(?:-[A-Za-z]+)*)")  # a word, maybe hyphenated
# a number, a unit in the plural and what it measures: "1,057 pages long", "3 hours late"
MEASURE = lazy_compile(
    r"[ \t\u00a0]+\d[\d,.]*[ \t\u00a0]+[a-z]+s[ \t\u00a0]+"
    r"(?:long|old|away|ago|late|early|wide|tall|high|deep|thick|apart|behind|ahead)\b"
    # then no noun it would make an adjective of ("its 30 years old fleet" may be owned)
    r"(?=[ \t\u00a0]*(?:[.,;:!?)\"”’—–-]|\Z|\n|(?:and|but|or|so|with|by|in|on|at|from|to|"
    r"when|if|because|now|already|yet)\b))"
)
REPEATED_ADVERB = lazy_compile(r",[ \t\u00a0]+(very|really|so|much)\b(?![\w'’-])", re.IGNORECASE)
COMPOUND = lazy_compile(r"[ \t\u00a0]+([A-Za-z]+(?:-[A-Za-z]+)+)\b(?![-'’])")
SHORT_TITLE = 80  # the longest heading of one or two long words ("Why Its Important")
# "have" and what it owns, then "and" or "or" right before a second "its": "has its good
# and its bad", "had its ups and its downs"
HAVE_ITS_AND = lazy_compile(
    r"\b(?:have|has|had|having)[ \t\u00a0]+its(?:[ \t\u00a0]+[a-z]+){1,3}"
    r"[ \t\u00a0]+(?:and|or)[ \t\u00a0]+\Z",
    re.IGNORECASE,
)
# the first word of the last sentence (or part after a colon) that starts in a stretch of
# text, and no full stop after it
SENTENCE_FIRST_WORD = lazy_compile(r"(?:\A|[.!?:]\s+|\n)[\"“‘']?([A-Za-z]+)[^.!?:\n]*\Z")
PAUSE = lazy_compile(
    r"[.;:!?]|[ \t\u00a0]*[—–]|[ \t\u00a0]+-[ \t\u00a0]"
    r"|,[ \t\u00a0]+(?:but|so|because|although|though|yet)\b"
    # a clause of its own after "and" or "or", or a comma: "its messy, and you don't want",
    # "once its ready, we'll hold"
    r"|(?:,|,?[ \t\u00a0]+(?:and|or))[ \t\u00a0]+(?:i|you|we|they|he|she|it|there)\b"
    # a second predicate of the same subject: "its fast and can quickly provide"
    r"|,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+(?:can|could|will|would|should|may|might|must"
    r"|is|was|has|does)\b"
    r"|,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+(?:how|what|why|when|where|whether|who)\b"
    r"|,[\"”’']"  # a comma that closes a quotation: "how its beneficial,” said"
    r"|,?[ \t\u00a0]+or[ \t\u00a0]+not\b"  # "whether its documented correctly or not"
)
# the next item of a list of adjectives, maybe after an adverb in -ly: "its current,
# accurate, and complete.", "its helpful and sorely needed."
LIST_ITEM = lazy_compile(
    r"(?:,[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or)[ \t\u00a0]+)"
    r"(?:([a-z]+ly)[ \t\u00a0]+)?([a-z]+)\b"
)
LIST_ITEMS = 4  # adjectives read after the first
FOLLOWING = 4  # words read after a bare form
DETERMINERS = (
    ARTICLES | (POSSESSIVE_DETERMINERS - {"its"}) | words("this that these those another such")
)
# prepositions that a noun phrase cannot start with after "its" (not "down payment",
# "inside track", "past record", "per capita", "as yet", ...)
# "except" too: "change its except clauses" owns them, and "it's except" is no English
OPENING_PREPOSITIONS = PREPOSITIONS - words(
    "down inside outside past near under underneath beneath below above per as till except"
)
QUESTION_WORDS = words("what how why where when who whether")
# what no possessive is followed by: "its ours", "its enough to"
NEVER_OWNED = words("mine yours ours theirs hers enough")
OBJECT_PRONOUNS = words("me us you him them")
VERB_OBJECTS = OBJECT_PRONOUNS | {"it"}  # a verb's object pronoun: "Ill move it"
SUBJECT_PRONOUNS = words("i you we they he she it")
HAVE_FORMS = words("have has had having")
PEOPLE_SUBJECTS = SUBJECT_PRONOUNS - {"it"}  # "its time we", not "its time it"
ONLY_SUBJECTS = PEOPLE_SUBJECTS - {"you"}  # never an object: "thank you", "give it"
# adjectives that open a clause after "it's": "it's important to", "it's clear that"
CLAUSE_ADJECTIVES = words(
    "important hard harder easy easier possible impossible difficult clear unclear crucial "
    "critical essential vital necessary helpful useful likely unlikely true fair safe okay "
    "ok good great bad better common rare natural normal interesting surprising obvious "
    "tough tempting tricky challenging fine wise smart nice fun cool exciting wrong "
    "unfortunate unusual worthwhile free simple open ready quick cheap expensive awesome "
    "straightforward perfect notable imperative ideal official fake fast slow crazy weird "
    "strange funny sad scary similar familiar amazing humiliating frustrating encouraging "
    "confusing disappointing fascinating annoying reassuring worrying alarming shocking refreshing "
    "rewarding overwhelming inspiring embarrassing exhausting inevitable ironic odd "
    "remarkable unacceptable understandable undeniable unfair unbelievable incredible "
    "ridiculous absurd short late early "
    # adjectives that never stand before a noun: "its alive", "its aware of"
    "alive alone afraid awake asleep aware unaware ablaze"
)
# adjectives that are nouns as often ("its brief to the court"): "it's" only before a
# stop where a clause starts ("even if its brief.")
NOUN_ADJECTIVES = words("brief long")
# those of them that the word lists also know as nouns, but no possessive owns alone
# ("at the start its easy."; "paid its fine.", "keeps its cool.", "the bank and its safe.")
NEVER_OWNED_ALONE = words(
    "absurd bad cheap clear crazy easy fake funny great hard impossible inevitable necessary "
    "notable odd perfect possible ready simple smart straightforward surprising tempting "
    "tough true unaware unfortunate vital weird wise worrying"
)
CLAUSE_OPENERS = words("to that for whether when if how what why")
# adverbs of place, which say where "it's" is and which no possessive owns
PLACE_ADVERBS = words("here there everywhere anywhere nowhere somewhere elsewhere")
# irregular past participles, which the word lists know only as past tenses' verbs
PARTICIPLES = words(
    "gone grown shown known done seen given taken made built held kept left found set put "
    "run led written driven broken chosen spoken stolen frozen hidden forgotten begun"
)
# what follows a predicate after "it's" ("important to", "used by", "possible the")
AFTER_PREDICATE = (
    CLAUSE_OPENERS
    | OPENING_PREPOSITIONS
    | DETERMINERS
    | QUESTION_WORDS
    | words("because anywhere everywhere nowhere somewhere now today anymore there here")
    # after an adjective or participle, what says how much: "its big enough to", "its well
    # written enough"; no possessive's noun stands after it
    | words("enough")
)
# words that follow "it's" before the only words that may come next: "its worth noting",
# "its one of the best", "its thanks to"
AFTER_ITS_BEFORE = {
    "worth": words(""),
    "one": words("of that we you they i he she"),  # "Its one we readily accept"
    "thanks": words("to"),
}
# nouns that say "it's" at a clause's start before these: "now its time to go", "learned
# that its best to"; not after a verb ("used its time to", "did its best to")
CLAUSE_NOUNS = {
    "time": words("to for that"),
    "best": words("to"),
    "kind": words("of"),  # "Its kind of like a password"; not "the first of its kind"
    "sort": words("of"),
    "part": words("of"),  # "Its part of who we are"; not "did its part of the work"
    "subject": words("to"),  # "but its subject to review"; not "changed its subject to"
}
WORTH_BEFORE = DETERMINERS | words("its it")  # "its worth its weight", "its worth it"
# participles that an infinitive follows where no noun could: "its trying to help"
BEFORE_INFINITIVE = words(
    "trying going starting beginning continuing hoping seeking aiming struggling getting "
    "looking working serving helping failing refusing preparing managing attempting "
    "threatening waiting learning needing expecting promising"
)
# what follows a determiner in a time ("its meeting a week later")
TIMES = words(
    "year years week weeks month months day days time morning afternoon evening night "
    "decade decades hour hours minute minutes season spring summer autumn fall winter weekend next "
    "last previous following same"
)
# words that head what a possessive owns though no noun ("did its best to", "on its own
# in", "its only hope", "buried its dead in", "flew its wounded to"); a superlative in
# -est is one too ("its closest to")
HEADS = words(
    "own best worst most least utmost first last next only former latter dead wounded "
    "injured poor rich elderly young sick faithful unemployed homeless disabled needy "
    "vulnerable missing displaced"
)
# adverbs that stand between "it's" and what follows it ("it's also a", "it's really
# important to")
ADVERBS_AFTER = words(
    "also just always never often sometimes certainly definitely really truly ultimately "
    "probably already actually usually generally simply clearly obviously basically "
    "exactly essentially still too so quite rather even very extremely fairly pretty "
    "incredibly now much more less downright well"
)
ADVERBS_BEFORE_VERB = words(
    "never always just really actually even ever necessarily probably definitely certainly "
    "also easily quickly simply only briefly all first"
)
# what "I'd" and "I'll" are followed by that is also a noun ("like", "love", "bet")
AFTER_I = words(
    "be been have never always also just probably definitely really rather already actually "
    "like love say bet try use talk share cover need see tell take make get let keep show "
    "send give start call hate guess want prefer recommend suggest imagine think expect"
)
# words that open a clause whose subject comes next ("thought wed hit", "how wed make")
SUBJECT_BEFORE = words(
    "that if how what when where why whether because unless until once though although "
    "thought think thinks said say says knew know hoped hope hopes wish wished felt feel "
    "guess figured believed believe realised realized decided promised assumed sure"
)
# words that open a sentence before its subject: "so lets start", "now its time"
SENTENCE_OPENERS = words("now so then first okay ok hey please")
# words before a comma that opens a sentence: "Now, lets look", "For example, lets say"
COMMA_OPENERS = SENTENCE_OPENERS | words(
    "finally next again example instance well today instead together alright right also"
)
# words that open a sentence with a phrase before its subject: "To start, lets map out",
# "In short, lets say", "If you can, lets meet"
PHRASE_OPENERS = (PREPOSITIONS | CONJUNCTIONS | words("when once")) - words("and or nor")
# words after which a clause starts: "said its time", "now its time", "but its necessary"
CLAUSE_START = SUBJECT_BEFORE | SENTENCE_OPENERS | words("but while as")
# words after "wed" the verb that are also verbs' base forms: "they wed last year"
WED_AFTER = words("last back up down out off over still even right near close round early late")
DETERMINED = ARTICLES | POSSESSIVE_DETERMINERS
# what follows "all" that a possessive owns: "gave its all in", "put its all into"
GIVEN_ALL = words("in into to for on at and")
# what an object may start with, besides a pronoun
OBJECT_STARTS = DETERMINERS | words(
    "some many several few all each every both any two three four five six seven eight nine ten "
    "more much less"
)
# a phrasal verb's particle: "showing up", "figuring out"; not "back", as in "when its
# founding back in 1990"
PARTICLES = words("up out down off away")
MODALS = words("will would shall should can could may might must")
# verbs after "let's" that never follow "lets" with its subject ("he lets go", "the council
# lets land" may): "email us and lets talk"
# words after which "lets" and a verb have no subject: "but lets also be", "say lets go"
LETS_CLAUSE_BEFORE = words("but say says said")
LETS_VERBS = words("talk chat see hope face start begin meet try look say think discuss dive")
FUNCTION_WORDS = (
    DETERMINERS | PREPOSITIONS | CONJUNCTIONS | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | QUESTION_WORDS
)


def verb_after_subject(text: str, start: int, end: int) -> bool:
    """Whether the "Cant" or "Wont" at ``start:end`` stands between a pronoun that is only
    ever a subject and a verb: a surname never does ("They Cant Stop All of Us", a title
    in title case; not "thank you Cant for")."""
    bare = text[start:end].lower()
    if bare not in ("cant", "wont"):
        return False
    if (previous_word(text, start) or "").lower() not in ONLY_SUBJECTS:
        return False
    after = [word.lower() for word, _, _ in _following(text, end)] + ["", ""]
    return _verb_follows(after, bare == "wont")


def reads_as_contraction(text: str, start: int, end: int) -> bool:
    """Whether the bare form at ``text[start:end]`` (one of the module's) is the contraction
    by the words around it; see the module docstring."""
    written = text[start:end]
    bare = written.lower()
    written_before = previous_word(text, start) or ""
    before = written_before.lower()
    capital = written[0].isupper() and bare not in ("id", "ill")
    if bare == "its" and capital and (title := _title(text, start, end)) is not None:
        return title
    following = _following(text, end)
    # inside a sentence a capital "Its" before a word in lower case opens a sentence whose
    # stop was lost ("for common tasks Its easier to", "In particular, Its a"); before a
    # capital it is a title's word ("the book Its Time Has Come")
    lost_stop = bare == "its" and bool(following) and following[0][0].islower()
    # a subject pronoun before a capital "Cant" is asked last: few bare forms get there
    if (
        capital
        and not lost_stop
        and not at_sentence_start(text, start)
        and not verb_after_subject(text, start, end)
    ):
        return False
    if bare == "its":
        # "have" owns what follows it: "has its good and bad", never "has it's"; so it
        # does a second "its" joined to the first ("has its good and its bad")
        if before in HAVE_FORMS or (
            before in ("and", "or") and HAVE_ITS_AND.search(text, max(0, start - 60), start)
        ):
            return False
        return _its(text, start, following, capital)
    after = [word.lower() for word, _, _ in following] + ["", ""]
    first = after[0]
    if bare in ("cant", "wont"):
        if first in SUBJECT_PRONOUNS:  # a question: "Why cant you solve"
            return at_sentence_start(text, start) or before in QUESTION_WORDS
        if before in SUBJECT_PRONOUNS or before == "who":
            # "You cant.", "someone who cant.": neither the noun nor the adjective
            return not (bare == "wont" and first == "to")
        return before not in DETERMINED and _verb_follows(after, bare == "wont")
    if bare == "lets":
        if first == "not" and verb_base(after[1]):
            return True  # "Lets not forget": the verb "lets" takes its object before "not"
        if before == "and" and first in LETS_VERBS and not verb_base(after[1]):
            return True  # "email us and lets talk"; not "and lets talk happen"
        if before in LETS_CLAUSE_BEFORE and _verb_follows(after):
            # "but lets also be realistic", "I say lets leave that": a subject would
            # stand between
            return after[0] in ADVERBS_BEFORE_VERB or not noun(after[0]) or before != "but"
        if after[:3] == ["you", "and", "i"] and len(after) > 3 and verb_base(after[3]):
            # "lets you and I work together": the pair is the subject of "let's", where no
            # subject stands before (not "the tool lets you and I share", loosely written)
            return _lets_opens(text, start, after[3])
        return _verb_follows(after) and _lets_opens(text, start, after[0])
    if bare in ("id", "ill"):
        if written not in ("Id", "Ill") or before in DETERMINED:
            return False
        if first in AFTER_I or (verb_base(first) and not noun(first)):
            return True
        if verb_base(first) and _inside_clause(text, start, written_before):
            return True  # "And Ill work to": capitalised inside a sentence, only the pronoun
        if first == "much" and after[1] in ("rather", "prefer", "sooner"):
            return True  # "Id much rather be"
        if verb_base(first) and (after[1] in OBJECT_STARTS or after[1] in VERB_OBJECTS):
            return True  # "Ill flip the focus", "Ill move it"; "Ill health" owns none
        if bare == "id" and verb_base(first) and (after[1] in PREPOSITIONS | PARTICLES):
            return True  # "Id go to your site"; not "Ill", "Ill will towards" is a noun's
        # "Id collected" (I had); not "Ill advised", the adjective
        return bare == "id" and (past_tense(first) or first in PARTICIPLES)
    if bare in ("wed", "hed"):
        # "Hed" opens a sentence too ("Hed gone through"); "Wed" may be a day's name
        opens = before in SUBJECT_BEFORE or written_before == "But" or written == "Hed"
        # "how hed been", "Hed gone"
        verb = verb_base(first) or past_tense(first) or first in PARTICIPLES or first == "been"
        return opens and first not in WED_AFTER and verb
    return False


def _inside_clause(text: str, start: int, before: str) -> bool:
    """Whether a word at ``start`` stands inside a sentence after ``before`` (the word
    before it, as written), a word in lower case or one that opens a sentence before its
    subject ("And", "But"), or after a comma; not after a capitalised word, whose name or
    title it may go on ("the Mentally Ill work")."""
    if at_sentence_start(text, start):
        return False
    return before.islower() or before in ("And", "But", "So", "Then") or _after_comma(text, start)


def _title(text: str, start: int, end: int) -> bool | None:
    """How "Its" at ``start:end`` reads in a heading in title case, where every word is
    capitalised ("Why Its Important", "Its About Device Versions", "Apple Updates Its
    Software"): as the heading would in lower case with a full stop at its end. None
    where the line is no such heading."""
    # a line longer than a heading is none: no need to look further ("Its" in a large text)
    reach_start, reach_end = max(0, start - HEADING_CHARS), min(len(text), end + HEADING_CHARS)
    line_start = text.rfind("\n", reach_start, start) + 1
    line_end = text.find("\n", end, reach_end)
    line_end = reach_end if line_end < 0 else line_end
    if (not line_start and reach_start) or line_end - line_start > HEADING_CHARS:
        return None
    line = text[line_start:line_end]
    lowered = line.lower() + "."
    if len(lowered) != len(line) + 1 or not (heading(line) or _short_title(line)):
        return None
    at = start - line_start
    return _its(lowered, at, _following(lowered, at + len("its")), not at)


def _short_title(line: str) -> bool:
    """Whether ``line`` is a short heading with every word of four letters or more
    capitalised ("Why Its Important", "Its Time to Act"), which ``heading`` leaves to
    the sentence it may be."""
    if len(line) > SHORT_TITLE or line.rstrip().endswith((".", "!", "?")):
        return False
    return title_case(WORD.findall(line), least=1, share=1.0)


def _following(text: str, end: int) -> list[tuple[str, bool, int]]:
    """The words after ``end`` (up to FOLLOWING, as written), each with whether a pause
    mark follows it and where it ends; they stop at punctuation, a number or a hyphenated
    word. An adverb said twice ("very, very") is read once."""
    found: list[tuple[str, bool, int]] = []
    while len(found) < FOLLOWING:
        repeated = REPEATED_ADVERB.match(text, end) if found else None
        if repeated is not None and repeated.group(1).lower() == found[-1][0].lower():
            end = repeated.end()  # "very, very": the adverb said twice, read once
        if (match := NEXT_TOKEN.match(text, end)) is None:
            break
        if not match.group(1).isalpha():
            break  # a number: "its 3,000 employees"
        end = match.end()
        found.append((match.group(1), PAUSE.match(text, end) is not None, end))
        if found[-1][1]:
            break
    return found


def _its(text: str, start: int, following: list[tuple[str, bool, int]], opens: bool) -> bool:
    """Whether "its" before these words is "it's": what follows it at once or after up to
    two adverbs ("its also a", "its just really hard to"), or a measure ("its 1,057 pages
    long"). ``opens``: "Its" opens a sentence."""
    if not following and MEASURE.match(text, start + len("its")):
        return True  # "its 1,057 pages long"; a number it owns is none: "its 3,000 staff"
    # whether a clause starts at "its", asked only where needed
    clause = partial(bool, True) if opens else partial(_its_clause, text, start)
    for at, (written, pause, end) in enumerate(following[:3]):
        if not written.islower() and written not in ("OK", "I"):
            return False  # a name or a title's word: "its API", "its How To Sell page"
        word = written.lower()
        next_word = following[at + 1][0].lower() if at + 1 < len(following) else ""
        if at and word == "called":
            return False  # "its so called reforms": "so-called" without its hyphen
        if _after_its(word, next_word, pause) or _predicate(word, next_word, pause, clause):
            return True
        if at + 1 < len(following) and (
            (_predicative(word) and _adverb(next_word))
            or (_participle(word) and next_word not in AFTER_PREDICATE and _predicative(next_word))
        ):
            # a predicate and its adverb ("its available publicly and will be", "its used
            # widely in"), a participle and its adjective ("its made available to
            # everyone", "its kept secret."), where a pause or a predicate's next word
            # follows; not "its available publicly funded programs", "its published
            # annual report"
            then = following[at + 2][0].lower() if at + 2 < len(following) else ""
            if following[at + 1][1] or then in AFTER_PREDICATE:
                return True
        if _comma_ends(text, start, word, end, clause):
            return True  # "Its true, the gallery", "its gone, freeing"; not "its free, open"
        if _listed(text, word, end):
            return True  # "its current, accurate, and complete."
        if word in AFTER_ITS_BEFORE:  # "its worth noting", "its one of", "its thanks to"
            return next_word in AFTER_ITS_BEFORE[word] or (
                word == "worth" and (next_word.endswith("ing") or next_word in WORTH_BEFORE)
            )
        if word == "key":  # "Its key to have"; not "its key to success", "its key that"
            then = following[at + 2][0] if at + 2 < len(following) else ""
            verb = then.islower() and verb_base(then) and (not noun(then) or then in AFTER_I)
            return next_word == "to" and verb
        if word == "incumbent":  # "its incumbent on us to"; "its incumbent on the ballot" owns
            then = following[at + 2][0].lower() if at + 2 < len(following) else ""
            return next_word in ("on", "upon") and then in OBJECT_PRONOUNS
        if word in CLAUSE_ADJECTIVES:
            if next_word in ("and", "but") and _clause_after(text, following, at + 1):
                if clause():
                    return True  # "its very exciting and the team", "its tough but it's"
            elif at + 2 < len(following) and _gerund_clause(
                next_word, following[at + 2][0].lower()
            ):
                return True  # "its nice seeing you", "its great having the team"
            elif at + 1 < len(following) and _named_subject(following[at + 1][0]) and clause():
                return True  # a clause's subject by name: "Its important John Howard deliver"
        if word == "time" and next_word in PEOPLE_SUBJECTS:
            return True  # "decides its time she became": a clause's subject, owned by none
        if word in CLAUSE_NOUNS:  # "now its just time to go", not "used its time to"
            return next_word in CLAUSE_NOUNS[word] and clause()
        if word.endswith("ing"):  # "whether its designing an interface"
            later = [found[0].lower() for found in following[at + 1 : at + 3]] + ["", ""]
            # "If its promising, you'll"; not "since its founding, and", a noun
            ended = text[end : end + 1] in (".", "!", "?", ";") or (
                text[end : end + 1] == "," and not noun(word)
            )
            return _progressive(word, later[0], later[1], ended) and clause()
        if word in ("most", "least"):  # "its usually most helpful to"; "did its most to"
            if next_word in AFTER_PREDICATE or not (
                next_word in CLAUSE_ADJECTIVES or _predicative(next_word)
            ):
                return False
        elif word == "first":  # "when its first released."; not "its first released single"
            if not (past_tense(next_word) or next_word in PARTICIPLES):
                return False
        elif word == "only":  # "its only when", "its only about", "its only a"; not "its only hope"
            if next_word == "one" and clause():
                return True  # "Its only one Test match"; "lost its only one" owns it
            owned = noun(next_word) and next_word not in PREPOSITIONS | DETERMINERS
            if next_word not in QUESTION_WORDS and (owned or next_word in ("", "to")):
                return False
        elif not _adverb(word):
            return False
    # what follows "its" or its adverbs may be a hyphenated word or a contraction ("its
    # what's inside"), where the words stop
    end = following[-1][2] if following else start + len("its")
    if QUESTION_CONTRACTED.match(text, end):
        return True
    return len(following) < FOLLOWING and _compound(text, end)


def _named_subject(written: str) -> bool:
    """Whether ``written`` is a capitalised given name, which a possessive and its
    adjective never own ("its important John Howard deliver"; "its great joy" owns)."""
    return written[:1].isupper() and given_name(written)


def _clause_after(text: str, following: list[tuple[str, bool, int]], at: int) -> bool:
    """Whether a clause of its own opens after the word ``following[at]`` ("and", "but"):
    a determiner, a subject pronoun or its contraction ("it's") comes next, where the
    adjectives of what a possessive owns would go on ("its tough but fair rules")."""
    if at + 1 < len(following):
        then = following[at + 1][0].lower()
        return then in DETERMINERS or then in SUBJECT_PRONOUNS
    return SUBJECT_CONTRACTED.match(text, following[at][2]) is not None


def _compound(text: str, end: int) -> bool:
    """Whether a hyphenated word after ``end`` is the predicate of "it's": its last part an
    adjective or participle that is no noun, before a pause or what follows a predicate
    ("its counter-productive."); not "its well-known brand"."""
    match = COMPOUND.match(text, end)
    if match is None or not match.group(1).islower():
        return False
    last = match.group(1).rsplit("-", 1)[1]
    if not (last in CLAUSE_ADJECTIVES or _predicative(last)):
        return False
    following = NEXT_TOKEN.match(text, match.end())
    after = following.group(1).lower() if following else ""
    return PAUSE.match(text, match.end()) is not None or after in AFTER_PREDICATE


def _listed(text: str, word: str, end: int) -> bool:
    """Whether ``word``, ending at ``end``, opens a list of adjectives that ends what
    "it's" says: "its current, accurate, and complete.", "its safe and easy to"; not
    "its agile, lean methodology", whose last word a noun follows. One of them at least is
    no noun: "in its red, white and blue." may own the colours."""
    shown = False  # an adjective that is no noun is among them
    for count in range(LIST_ITEMS + 1):
        listed = word in CLAUSE_ADJECTIVES
        # an adverb is no item, though the word lists may call it an adjective: "to its
        # caller, again without"
        if word in HEADS or word in ADVERBS or not _adjectival(word):
            return False
        shown = shown or listed or _predicative(word)
        paused = PAUSE.match(text, end) is not None  # before "and there", which is no item
        item = None if paused else LIST_ITEM.match(text, end)
        if item is None:
            if not (count and shown):
                return False  # one word: what ``_predicate`` reads
            following = NEXT_TOKEN.match(text, end)
            return paused or (following is not None and following.group(1) in AFTER_PREDICATE)
        if item.group(1) is None or _adverb(item.group(1)):
            word, end = item.group(2), item.end()  # "sorely needed": the adverb's adjective
        else:
            word, end = item.group(1), item.end(1)  # "and friendly staff": no adverb
    return False


def _progressive(word: str, next_word: str, then: str, ended: bool) -> bool:
    """Whether ``word`` in -ing, before ``next_word`` and ``then``, is a verb's present
    participle going on with its object ("designing an interface", "helping them") or an
    infinitive ("trying to"), or ending a clause (``ended``: "its always changing."), or
    "being" is the passive ("being requested"). Most such words are nouns too ("its
    meeting", "its funding"), which a time may follow ("when its meeting a week later
    ended")."""
    if word == "being":
        return past_tense(next_word) or next_word in PARTICIPLES
    if next_word == "to":
        return word in BEFORE_INFINITIVE  # not "its training to prepare staff"
    if not _verb_in_ing(word):
        return False
    if word in ("becoming", "getting"):  # "its getting better", "its becoming more costly"
        if next_word in ("more", "less", "better", "worse"):
            return True
        # after these a comparative is one though the word lists know a noun of it too
        # ("getting younger")
        return _comparative(next_word, nouns=True) or _predicative(next_word)
    if next_word in OBJECT_PRONOUNS or next_word == "its":  # "its expanding its reach"
        return True
    if next_word in PARTICLES:  # "now its showing up again"
        return True
    # "its just enforcing two of the criteria", "its doing more harm"; not "since its
    # founding two decades ago", "when its founding more than"
    return ended or (next_word in OBJECT_STARTS and then not in TIMES and then != "than")


def _gerund_clause(word: str, then: str) -> bool:
    """Whether ``word`` in -ing opens a gerund's clause after an adjective that opens one
    ("nice seeing you", "great having the team"): a verb's -ing form before its object, a
    determiner or an object pronoun, which no noun takes; not before a noun ("hard working
    staff"), a preposition ("good standing in") or "that" ("good understanding that")."""
    if not word.endswith("ing") or then == "that":
        return False
    if not (then in DETERMINERS or then in OBJECT_PRONOUNS):
        return False
    return _verb_in_ing(word)


def _verb_in_ing(word: str) -> bool:
    """Whether ``word`` in -ing is a verb's: "designing" (design), "making" (make),
    "getting" (get)."""
    stem = word[:-3]
    return verb_base(stem) or verb_base(stem + "e") or verb_base(stem[:-1])


def _participle(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb's past participle and no noun or adjective
    ("made", "kept", "considered"), which no possessive owns before an adjective."""
    if noun(word) or adjective(word):
        return False
    return word in PARTICIPLES or (word.endswith("ed") and past_tense(word))


def _adjectival(word: str) -> bool:
    """Whether ``word`` (lower case) may be an item of a list of adjectives: a listed one,
    one the word lists know, or one shown to be no noun ("its current, accurate")."""
    return word in CLAUSE_ADJECTIVES or adjective(word) or _predicative(word)


def _adverb(word: str) -> bool:
    """Whether ``word`` (lower case) is an adverb that may stand between "it's" and what
    follows it: a listed one, or one in -ly that is no noun ("particularly"; not
    "family")."""
    if word in ADVERBS_AFTER:
        return True
    return word.endswith("ly") and word not in HEADS and not noun(word)


def _predicate(word: str, next_word: str, pause: bool, clause: Callable[[], bool]) -> bool:
    """Whether ``word`` before ``next_word`` (lower case, "" when none) is the predicate of
    "it's", no noun a possessive owns: an adjective that opens a clause ("important to",
    "possible the two"), or a word that is no noun (a participle, an adjective) before a
    preposition, a clause's opener or a pause ("used to", "designed for", "estimated
    that", "painful, but"). ``clause()`` tells whether a clause starts at "its", where a
    listed adjective before a pause is the predicate even if it may be a noun ("Its free,
    but")."""
    if word in PLACE_ADVERBS:
        return True  # "its here to stay", "its there.", "Because its everywhere."
    if word in NOUN_ADJECTIVES:
        return pause and clause()
    if word == "all":  # "its all about", "but its all part of"; not "gave its all in"
        return bool(next_word) and (next_word not in GIVEN_ALL or clause())
    if word in CLAUSE_ADJECTIVES:
        if next_word in AFTER_PREDICATE or next_word in SUBJECT_PRONOUNS:
            return True
        # before a full stop, a noun too may end what "its" owns: "paid its fine.",
        # "gave its all.", "at its open."
        return pause and (not noun(word) or word in NEVER_OWNED_ALONE or clause())
    if next_word in OBJECT_PRONOUNS:  # "its helped us": a participle owns no pronoun
        return past_tense(word) and not noun(word)
    return (pause or next_word in AFTER_PREDICATE or next_word == "as") and _predicative(word)


def _predicative(word: str) -> bool:
    """Whether ``word`` (lower case) is shown to be an adjective or a participle, and no
    noun: a word the word lists do not know may be a noun ("its lifecycle."), and a
    gerund is one the possessive owns ("its voting in")."""
    if word in HEADS or word.endswith(("est", "ing", "ment")) or noun(word):
        return False
    return (
        adjective(word)
        or past_tense(word)
        or word.endswith(ADJECTIVE_ENDINGS)
        or word in PARTICIPLES
        or _comparative(word)
    )


def _comparative(word: str, nouns: bool = False) -> bool:
    """Whether ``word`` (lower case) is an adjective's comparative in -er, which the word
    lists do not hold ("tastier", "bigger", "safer"), and no noun ("paper", "border";
    ``nouns`` allows them where no noun can stand)."""
    if not word.endswith("er") or len(word) < 5 or (noun(word) and not nouns):
        return False
    stem = word[:-2]
    if stem.endswith("i"):
        return adjective(stem[:-1] + "y")  # tastier: tasty
    if stem[-1] == stem[-2] and adjective(stem[:-1]):
        return True  # bigger: big; but smaller: small
    return adjective(stem) or adjective(stem + "e")  # safer: safe


def _opens_clause(text: str, start: int, openers: frozenset[str]) -> bool:
    """Whether a clause starts at ``start``: at a sentence's start, after a comma, after
    "And", "Or" or "But" opening a sentence, or after one of ``openers``. "lets" takes
    only the words that open a sentence ("so lets start"): after "that" it is a verb whose
    subject "that" is ("an app that lets people enter")."""
    if at_sentence_start(text, start) or _after_comma(text, start):
        return True
    before = previous_word(text, start) or ""
    return before.lower() in openers or before in ("And", "Or", "But")


def _its_clause(text: str, start: int) -> bool:
    """Whether a clause starts at "its" at ``start``: where ``_opens_clause`` says, or
    after ", and" or ", or" ("has dwindled, and its becoming easier")."""
    if _opens_clause(text, start, CLAUSE_START):
        return True
    before = previous_word(text, start) or ""
    return before in ("and", "or") and _after_comma(text, text.rfind(before, 0, start))


def _comma_ends(text: str, start: int, word: str, end: int, clause: Callable[[], bool]) -> bool:
    """Whether a comma at ``end``, after ``word``, ends what "its" at ``start`` says:
    ``word`` an adjective that opens a clause or no noun at all, where a clause starts at
    "its", and no adjective after the comma goes on with a list ("its free, open source").
    A word that may be a noun ends it only where no comma comes before "its", which may
    list what the possessive owns ("its debt, its fine, and")."""
    if text[end : end + 1] != ",":
        return False
    if word in CLAUSE_ADJECTIVES and noun(word):
        if _after_comma(text, start):
            return False
    elif word not in CLAUSE_ADJECTIVES and not _predicative(word):
        return False
    if not clause():
        return False
    following = NEXT_WORDS.match(text, end + 1)
    if following is None:
        return True
    # a hyphenated word's last part: "its thoughtful, well-researched content"
    then = following.group(1).rsplit("-", 1)[-1].lower()
    if then in FUNCTION_WORDS:  # which the word lists may call adjectives: "the"
        return True
    return not _adjectival(then)


def _after_comma(text: str, start: int) -> bool:
    return text[max(0, start - 3) : start].rstrip().endswith(",")


def _lets_opens(text: str, start: int, verb: str) -> bool:
    """Whether "lets" at ``start``, before ``verb``, has no subject before it: at a
    sentence's start or after a word that opens one ("So lets start", "And lets be"). After
    a comma only where a sentence's first word or a word that opens one stands before it
    ("Bill, lets go", "For example, lets consider"), the sentence opens with a phrase of
    its own ("To start, lets map out") or the verb is no noun: "The app, which is free,
    lets people apply" has its subject before the comma."""
    if not _after_comma(text, start):
        return _opens_clause(text, start, SENTENCE_OPENERS)
    comma = text.rindex(",", 0, start)
    before = WORD_BEFORE.search(text, max(0, comma - 32), comma)
    if before is None:
        return not noun(verb)
    opens = at_sentence_start(text, before.start())  # "Bill, lets go", "Now, lets look"
    if opens or before.group(1).lower() in COMMA_OPENERS or not noun(verb):
        return True
    # a sentence that opens with a phrase of its own: "To start, lets map out"
    first = SENTENCE_FIRST_WORD.search(text, max(0, start - 160), start)
    return first is not None and first.group(1).lower() in PHRASE_OPENERS


def _after_its(word: str, next_word: str, pause: bool) -> bool:
    """Whether ``word`` (lower case, as written) opens what only follows "it's", before
    ``next_word`` ("" where a number or punctuation follows; ``pause``: a full stop)."""
    if word in DETERMINERS or word in QUESTION_WORDS or word in OBJECT_PRONOUNS:
        return True
    if word in SUBJECT_PRONOUNS:
        return True  # "its just I didn't": a clause's subject, which no possessive owns
    if word in NEVER_OWNED:
        return True
    if word == "no":
        return bool(next_word)  # "its no longer"; not "its no 2 seed"
    if word in ("not", "been", "become", "got", "gotten", "called", "too", "neither", "either"):
        return True
    if word in ("something", "nothing", "everything", "anything", "because"):
        return True
    if word == "going":
        return next_word == "to"
    if word == "about":
        return next_word not in ("page", "us", "section")  # "its about page"
    # not before a number: "its about 2,000 staff", "its over 100 members" own the staff
    return word in OPENING_PREPOSITIONS and bool(next_word or pause)


def _verb_follows(after: list[str], wont: bool = False) -> bool:
    """Whether a verb's base form follows (``after``: the next words, lower case), maybe
    after an adverb ("cant wait", "wont necessarily work", "Lets all say"); "wont to" is
    the adjective."""
    first, second = after[0], after[1]
    if (wont and first == "to") or first in MODALS:
        return False  # "Cant will speak" is a name: no modal follows "can't"
    if first in ADVERBS_BEFORE_VERB:
        return verb_base(second)
    return verb_base(first)
