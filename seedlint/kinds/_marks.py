"""How a quotation mark or bracket reads where it stands, for the pairs kind: whether a
straight mark opens or closes (read from its neighbours), and marks that pair nothing: a
face's mouth (":)", ";-(", "):"), the brackets of a half-open interval ("[0, 1)"), a list's
enumerator ("a)", "iii)"), an apostrophe ("rock 'n' roll", "the players' union"), a unit
mark (5'10"), or an apostrophe before a clipped word ('phone, 'til).
"""

from __future__ import annotations

import re

from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._text import WEB_ADDRESS

OPENING_CONTEXT = set(" \t\r\n([{<—–-/“‘„\"'«\u00a0")
NOT_AFTER_OPENING = set(",;:!?)]}")
# a straight mark, one to three marks of punctuation, the same mark, then no letter: what
# a quotation of punctuation names ('the "?" placeholder', "C's \"?:\" operator")
QUOTED_PUNCTUATION = lazy_compile(r"([\"'])[,;:!?)\]}.]{1,3}\1(?!\w)")
ELLIPSES = ("...", ". . .")  # run together, or spaced as some house styles write them
POSSESSIVE = lazy_compile(r"'s\b")
# "a)", "2)", "10)", "100)", Roman numerals past two letters ("iii)", "viii)", "xiv)"), and
# a number or letter with a full stop ("1.)", "b.)"): a list's item number, which closes
# nothing
ENUMERATOR = lazy_compile(
    r"(?:^|\s)(?:[a-zA-Z0-9]{1,2}|[0-9]{3}|(?:[0-9]{1,2}|[a-zA-Z])\."
    r"|(?=[ivx]{3,8}\Z)x{0,3}(?:ix|iv|v?i{0,3})|(?=[IVX]{3,8}\Z)X{0,3}(?:IX|IV|V?I{0,3}))\Z"
)
ENUMERATOR_REACH = 9  # characters before the bracket that hold the space and the number
CLIPPED = lazy_compile(r"[A-Za-z]+")
# a web address that runs up to the end of the searched stretch: no space or quotation mark
ADDRESS_END = lazy_compile(rf"(?<![\w.]){WEB_ADDRESS}[^\s\"“”]*\Z")
ADDRESS_REACH = 500
# a face: eyes, perhaps a nose or a tear, a mouth of one to three brackets alike (":)",
# ";-(", ":'(", ":o)", ":))", ":]"), standing on its own
MOUTH_LIMIT = 3
# after a face: a space, the text's end, or a stop or comma that ends its sentence ("I
# didn't realize it :).")
FACE_END = r"(?![^\s.,!?;])"
FACE = lazy_compile(
    rf"[:;=][-o'’^]?(?:\){{1,{MOUTH_LIMIT}}}|\({{1,{MOUTH_LIMIT}}}|\]{{1,{MOUTH_LIMIT}}}"
    rf"|\[{{1,{MOUTH_LIMIT}}}){FACE_END}"
)
FACE_BEFORE_MOUTH = ":;=-o'’^"  # what FACE allows just before the mouth: eyes, a nose, a tear
# a face written from right to left, mouth first: "):", "(-:", standing on its own; not
# "(=", which opens an aside that says what something equals: "(= no retries)"
MIRRORED_FACE = lazy_compile(
    rf"(?:\){{1,{MOUTH_LIMIT}}}|\({{1,{MOUTH_LIMIT}}})[-o^]?[:;]{FACE_END}"
)
# a half-open interval of mathematics, "[0, 1)" or "(a, b]": its brackets differ on purpose
BOUND = r"[-+−]?(?:\d+(?:\.\d+)?|[a-zA-Z]|∞)"
INTERVAL = lazy_compile(rf"\[\s*{BOUND}\s*,\s*{BOUND}\s*\)|\(\s*{BOUND}\s*,\s*{BOUND}\s*\]")


def may_close(text: str, position: int) -> bool:
    """A straight mark followed by a letter opens rather than closes: 'a "b" "c'."""
    after = text[position + 1] if position + 1 < len(text) else " "
    before = text[position - 1] if position else " "
    return not (after.isalnum() and before in OPENING_CONTEXT)


def opens(text: str, position: int) -> bool:
    """Whether the straight mark at ``position`` opens a quotation: it follows a space or
    an opening mark and comes before a word ('"Yes', "'Hello"), not a space or
    punctuation; a straight apostrophe before "s" or a number ("'s", "'70s") opens
    nothing."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before not in OPENING_CONTEXT:
        return False
    if text[position] == "'":  # '70s and 's are apostrophes, not quotations
        return after.isalpha() and not POSSESSIVE.match(text, position)
    if after == ".":  # an ellipsis may open a quotation: "...not recognise", ". . . are"
        # and so may a name that starts with a dot: the ".npy" extension, a ".gov" address,
        # a relative path ("./setup.cfg"), and a dot named: '"." segments'
        return (
            text.startswith(ELLIPSES, position + 1)
            or text[position + 2 : position + 3].isalnum()
            or text[position + 2 : position + 3] == "/"
            or QUOTED_PUNCTUATION.match(text, position) is not None
        )
    if after in NOT_AFTER_OPENING:  # punctuation named: the "?" placeholder, C's "?:"
        return QUOTED_PUNCTUATION.match(text, position) is not None
    return not after.isspace()


def clipped(text: str, position: int, elisions: frozenset[str]) -> bool:
    """An apostrophe in front of a clipped word: 'phone, 'til, 'bot nets."""
    word = CLIPPED.match(text, position + 1)
    return word is not None and word.group().lower() in elisions


def not_a_quote(text: str, position: int) -> bool:
    """An apostrophe (rock 'n' roll, the players' union) or a unit mark (5'10"); but not
    the mark after a web address that ends in a digit, which no unit follows
    ("https://twitter.com/phildini/status/580879418337316864")."""
    before = text[position - 1] if position else " "
    return text[position] == "'" or (before.isdigit() and not _after_address(text, position))


def _after_address(text: str, position: int) -> bool:
    """Whether the run of characters with no space before ``position`` is a web address
    (looked for within ``ADDRESS_REACH`` characters, so a long run costs no more)."""
    return ADDRESS_END.search(text, max(0, position - ADDRESS_REACH), position) is not None


def in_face(text: str, position: int) -> bool:
    """Whether the bracket at ``position`` is part of the mouth of a face (``FACE``)."""
    bracket = text[position]
    start = position  # where the mouth starts: back over the brackets alike before this one
    while start > position - MOUTH_LIMIT and start and text[start - 1] == bracket:
        start -= 1
    if not start or text[start - 1] not in FACE_BEFORE_MOUTH:
        # no eyes, nose or tear right before the mouth: most brackets; or a face mouth first
        return (not start or text[start - 1].isspace()) and bool(MIRRORED_FACE.match(text, start))
    for eyes in (start - 1, start - 2):
        face = FACE.match(text, eyes) if eyes >= 0 else None
        if face and face.end() > position and (eyes == 0 or text[eyes - 1].isspace()):
            return True
    return False


# a quotation's marks around one character, which it names: "the ']' character"
AROUND_ONE = frozenset(("''", '""', "‘’", "“”", "«»"))
AROUND_ONE_OPENERS = "'\"‘“«"


def named_character(text: str, position: int) -> bool:
    """Whether the mark at ``position`` stands alone inside a quotation's marks, which name
    it as a character ("flags containing the ']' character", 'a "(" opens it'): the first
    opens, after a space or a bracket, and no letter or digit follows the second (in "the
    'arena'"' as" a stray mark stands between a closing mark and another)."""
    if not position or text[position - 1] + text[position + 1 : position + 2] not in AROUND_ONE:
        return False
    before = text[position - 2] if position > 1 else " "
    after = text[position + 2 : position + 3]
    return (before.isspace() or before in "([{") and not after.isalnum()


# the words beside a mark that the sentence names: "like ( mean", "with [ or {"
NAMING_BEFORE = lazy_compile(r"\b(?:like|with|as|a|an|the|character|characters|is|are)\s+\Z", re.I)
NAMING_AFTER = lazy_compile(r"\s+(?:or|and|means?|is|are)\b", re.IGNORECASE)
NAMING_REACH = 12
# another character named, joined by "and" or "or": "' and \"", "\" and \\"
CHARACTER_AFTER = lazy_compile(r"\s+(?:and|or)\s+[^\w\s](?![^\s.,;:])")
CHARACTER_BEFORE = lazy_compile(r"(?<!\S)[^\w\s]\s+(?:and|or)\s+\Z")


def _spaced_around(text: str, position: int) -> tuple[str, str] | None:
    """The words either side of the mark at ``position`` (``NAMING_REACH`` characters),
    when white space or the text's start stands before it and white space after it."""
    before = text[max(0, position - NAMING_REACH) : position]
    after = text[position + 1 : position + NAMING_REACH]
    if (before and not before[-1].isspace()) or not after[:1].isspace():
        return None
    return before, after


def named_mark(text: str, position: int) -> bool:
    """Whether the straight mark at ``position`` is a character named in a sentence: white
    space on both sides, and "and" or "or" joining it to another character named so
    ('escape " and \\ when', "usage of ' and \" when"; 'He said " and left' lost a word)."""
    around = _spaced_around(text, position)
    if around is None:
        return False
    before, after = around
    return bool(CHARACTER_BEFORE.search(before) or CHARACTER_AFTER.match(after))


def named_opener(text: str, position: int, closer: str) -> bool:
    """Whether the opening mark at ``position`` is a character named in a sentence, not a
    mark: white space on both sides, a word that names a thing before it or a
    conjunction after it ("characters like ( mean the end", "start with [ or {"), and its
    closing mark nowhere after it. "The board ( NCAB met." opened an aside."""
    around = _spaced_around(text, position)
    if around is None or not position:
        return False
    before, after = around
    naming = NAMING_BEFORE.search(before) or NAMING_AFTER.match(after)
    return naming is not None and text.find(closer, position) == -1


def interval_marks(text: str) -> frozenset[int]:
    """Where the brackets of half-open intervals stand ("[0, 1)", "(0, 1]")."""
    return frozenset(
        at for found in INTERVAL.finditer(text) for at in (found.start(), found.end() - 1)
    )


def enumerator(text: str, position: int) -> bool:
    """Whether the bracket at ``position`` closes a list's item number (``ENUMERATOR``)."""
    return ENUMERATOR.search(text, max(0, position - ENUMERATOR_REACH), position) is not None
