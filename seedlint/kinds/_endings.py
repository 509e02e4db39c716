"""What a last paragraph without a closing full stop is: finished furniture, or damage.

News and web articles end on things that are complete without a full stop: the last item
of a list, a line-up or a result line ("Referee: J Smith (England)", "Attendance: 10,481"),
a credit ("Additional reporting by Jane Doe", "~Jane Doe", "Copyright (c) 2024 Jane Doe"),
a sign-off or contact line ("Jane Doe, Department of Agriculture", "Jane Doe | jdoe (at)
agency (dot) gov", "Team 18F", a writer's name alone after a finished sentence), a link
inviting the reader to what it names ("Register at Eventbrite for 18F Demo Day"), a
sentence that ends on an address (no stop, so that nobody copies it into the address), a
footnote's back-link arrow, a citation in brackets after the last sentence, a quoted title
after a colon, a closing formula ("Thanks for reading", "Stay tuned", "Happy coding! 🎉"), a
short call to write or subscribe ("Email us", "Subscribe to our newsletter"), a note of
where the post first appeared ("Cross-posted from the GSA blog"), a line of hashtags, words
ending on a full date ("Updated March 3, 2016"), a writer's line ("Jane Doe is a designer at
18F"), a labelled link to what comes next ("Related: How we built it"), a link's text that
names what it leads to ("Read the full report", "Subscribe to the newsletter"), a labelled note
("Editor's note: …", "Update: …", "Disclaimer: …"), a footnote ("[1] Source: …", "*Names
have been changed …"), a disclaimer of the writer's views, the number of a series' part.

Navigation a scraper kept ("Back to top", "Next post", "Continue reading") and markup left
by a converter are never furniture: shortcodes (``[youtube=…]``), heading
anchors (``{#toc5}``), emoji codes (``:clap:``), stray emphasis marks (``_._``), and image
captions and credits ("Photo credit: …", "(Image: …)"); neither is a sentence whose last
word cannot end one ("the", "of", "and", …), or one that stops on a comma.
"""

from __future__ import annotations

import re

from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import AUXILIARIES, DANGLING, NOT_AN_END, PRONOUNS
from seedlint.kinds._people import given_name
from seedlint.kinds._text import WEB_ADDRESS

ITEM_WORDS = 45  # a list item, heading or credit is shorter than this; prose may not be
TITLE_SHARE = 0.75
LABEL_WORDS = 4  # "Referee", "Subs not used", "Best supporting actor"

SHORTCODE = lazy_compile(
    r"\[(?:youtube|soundcloud|vimeo|slideshare|embed|caption|video|audio)\b[^\]]*\]",
    re.IGNORECASE,
)
RESIDUE = lazy_compile(
    r"\{#[^}\s]*\}"  # heading anchors
    r"|(?<![\w:/]):[a-z][a-z0-9_+-]*:(?![\w/])"  # emoji codes
    r"|(?<![\w@/])_|_(?![\w])|(?-i:[a-z0-9]_[A-Z][a-z])"  # emphasis marks around words
    r"|(?<![\w.])[*\\]+(?![\w])"
    r"|\((?:image|photo|picture|video|illustration)s?\b[^)]*\)"
    r"|(?:\A|(?<=[.!?] ))(?:image|photo|picture|video|illustration)s?\s+"
    r"(?:credit|courtesy|by|source)\b",
    re.IGNORECASE,
)
# an address's local part is matched from the start of its run only: tried at every letter
# of a long run without "@", the search would grow with the square of the run's length
LOCAL_PART = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
ADDRESS = lazy_compile(rf"{WEB_ADDRESS}\S+|{LOCAL_PART}")
# a bare domain (Login.gov), a handle or hashtag, a telephone number: addresses too
# (tried from the start of a run only, like LOCAL_PART)
DOMAIN = r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:gov|mil|edu|org|com|net|io|int|info|us|uk)/?"
PHONE = (
    r"(?<![\w-])(?:\+?1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}"
    r"|(?<![\w-])1-8\d\d-[0-9A-Z-]{7,9}"
)
ADDRESS_END = lazy_compile(rf"(?:{WEB_ADDRESS}\S+|{LOCAL_PART}|[@#]\w+|{DOMAIN}|{PHONE})\s*\Z")
# ↩ ↵ after a footnote; a run is tried from its start only (linear in a long run of spaces)
BACK_LINKS = lazy_compile(r"(?<![\s\u21a9\u21b5\ufe0e])[\s\u21a9\u21b5\ufe0e]+\Z")
CITATION_AFTER = lazy_compile(r"[.!?…][\"'”’]?\s+\([^()\n]{1,80}\)\s*\Z")
TITLE_AFTER_COLON = lazy_compile(r":\s*[“\"][^“”\"\n]+[”\"]\s*\Z")
# a link's file type and size after its name: "Download the slides (PPT, 2 MB)"
FILE_NOTE = lazy_compile(
    r"\((?:pdf|pptx?|docx?|xlsx?|csv|zip|txt|mp3|mp4|excel|word|powerpoint)\b[^()\n]{0,40}\)\s*\Z",
    re.IGNORECASE,
)
CREDIT = lazy_compile(
    r"(?:(?:additional|further|extra)\s+)?(?:reporting|writing|research|editing|"
    r"translation|interviews?|compiled|written|edited|produced|translated|reported|"
    r"contributed|(?:guest\s+|blog\s+)?post|article|story|transcribed|curated|moderated|"
    r"hosted|presented)(?:\s+\w+){0,2}\s+by\s+\S"
    r"|by\s+[A-Z]"
    r"|[—–~-]+\s*[A-Z]"
    r"|(?:copyright|©)\s",  # a copyright notice: "Copyright (c) 2024 Jane Doe"
    re.IGNORECASE,
)
# a writer's name signing off alone: a given name the census lists, then up to two more
# capitalised words ("Timothy Crosley", "Jane Q. Doe")
SIGNATURE = lazy_compile(r"([A-Z][a-z]+)(?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)){0,2}\Z")
LABEL = lazy_compile(rf"([A-Z0-9][\w’'&./-]*(?:\s+[\w’'&./-]+){{0,{LABEL_WORDS - 1}}}):\s+\S")
NAME_THEN_ROLE = lazy_compile(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*)+\s*(?:,|\||—|–|-\s|\()")
# the words a post signs off with, before the writer's or team's name
VALEDICTION = r"cheers|thanks|thank you|best|regards|sincerely|warmly|onward"
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "Team 18F", "The 18F team", "Cheers, the Login.gov team": a team's or writer's sign-off,
# perhaps dated ("The Django Team July 2006", "Team 18F, March 3, 2016")
SIGNER = r"(?!(?:Our|My|Your|Their|This|That|The)\b)[A-Z0-9][\w.&-]*"  # a name's word
SIGN_OFF = lazy_compile(
    rf"(?i:(?:{VALEDICTION}),?\s+)?"
    rf"(?:(?i:team)\s+{SIGNER}(?:\s+{SIGNER})?"
    rf"|(?i:the\s+)?{SIGNER}(?:\s+{SIGNER}){{0,2}}\s+(?i:team))"
    rf"(?:,?\s+(?i:{MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}}-\d\d-\d\d))?"
    r"\s*!?\Z"
)
SIGN_OFF_WORDS = 9  # a valediction, three names, "team" and a date
# "Register at Eventbrite for 18F Demo Day": a link's words inviting the reader, ending on
# the name of what it links to (two capitalised words or more)
INVITATION = lazy_compile(
    r"(?:register|read|learn|sign up|download|apply|join|visit|subscribe|follow|watch|see|"
    r"find|contact|explore|view|listen|attend|rsvp|discover|check out)\b(?-i:.*"
    r"(?:(?:[A-Z0-9][\w.&’'-]*\s+){1,}[A-Z0-9][\w.&’'-]*"
    # or one name with two capitals or more, a brand's or an acronym (YouTube, GSA)
    r"|\s(?=[\w.&’'-]*[A-Z][\w.&’'-]*[A-Z])[\w.&’'-]+))\s*\Z",
    re.IGNORECASE,
)
INVITATION_WORDS = 12
# an invitation's line is short: a line of few words but many other characters ("Read 1 1
# 1 ... x") is none, and INVITATION's search for the capitalised words it ends on would
# grow with the square of its length
INVITATION_CHARS = 240
# a link's text inviting the reader to a thing it names in lower case ("Read the full
# report", "Subscribe to the newsletter", "Learn more about the program"): the verb, a
# determiner, and words that end on a noun (``link_text``); "Read more" names nothing
LINK_TEXT = lazy_compile(
    r"(?:read|view|download|watch|see|visit|explore|check\s+out|take|subscribe\s+to|follow"
    r"|share|browse|listen\s+to|join|attend|complete|fill\s+out|sign\s+up\s+for"
    r"|register\s+for|learn\s+more\s+about|find\s+out\s+more\s+about)"
    r"\s+(?:the|our|this|these|those|a|an|your|all|its|their)\s+[\w\s’'&-]*\Z",
    re.IGNORECASE,
)
LINK_WORDS = 10
LINK_ENDS = frozenset({"online", "here", "today", "now"})  # "Take the survey online"
# the closing words of a post, complete as they stand: a thank-you, a farewell, a wish
CLOSING = lazy_compile(
    r"(?:(?:(?:many|special|big|huge|a big)\s+)?(?:thanks|thank you)(?:\s+(?:so much|again|all|"
    r"everyone))?(?:\s+for\s+(?:reading|listening|watching|your\s+\w+(?:\s+\w+)?))?"
    r"|cheers|enjoy|onward(?:\s+and\s+upward)?|stay tuned|stay safe(?:\s+and\s+\w+)?"
    r"|keep\s+up\s+the\s+(?:great|good|amazing|excellent)\s+work|more to come|see you"
    r"(?:\s+(?:there|soon|next\s+\w+|then|in\s+\w+))?|good luck|have fun|best wishes"
    r"|have\s+a\s+(?:great|good|nice|wonderful|happy|safe|restful)\s+\w+"
    r"|(?:until next time,?\s+)?happy\s+\w+(?:\s+\w+)?(?:\s+from\s+(?:all\s+of\s+us\s+at\s+)?\S.*)?"
    r"|until next time"
    # a valediction and the writer's name: "Cheers, Jane", "Best regards, Jane Doe"
    rf"|(?:best regards|kind regards|warm regards|all the best|{VALEDICTION}),\s+"
    r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    r")[!.]*\s*\Z",
    re.IGNORECASE,
)
# a short call to write or sign up, which names no object it could have lost
CALL = lazy_compile(
    r"(?:apply|register|subscribe|sign up|join us|email us|e-mail us|contact us|call us|"
    r"write to us|get in touch|let us know(?:\s+what\s+you\s+think)?|tell us what you think|"
    r"share this (?:post|page|story|article)|reach out)(?:\s+(?:today|now|in\s+the\s+comments|"
    r"here|online|below|anytime|soon|to\s+our\s+(?:newsletter|blog|podcast|mailing\s+list)"
    r"|for\s+(?:updates|our\s+newsletter)))?[!.]*\s*\Z",
    re.IGNORECASE,
)
# "Jane Doe and John Roe contributed to this post"
CONTRIBUTED = lazy_compile(
    r".*\bcontributed\s+to\s+this\s+(?:post|report|article|story|piece|series)\s*\Z",
    re.IGNORECASE,
)
# thanks to the people who helped: "Special thanks to Jane Doe", "Thanks to Ann for her help"
# (not "Thanks to the new law, agencies can", a sentence cut after its opening phrase)
ACKNOWLEDGEMENT = lazy_compile(
    r"(?:(?:special|many|big|huge|a\s+big|a\s+special)\s+thanks\s+(?:also\s+)?(?:to|go)\s"
    r"|thanks\s+(?:also\s+)?go(?:es)?\s+(?:out\s+)?to\s|we(?:'d|’d|\s+would)\s+like\s+to\s+thank\s"
    r"|thanks\s+to\s+[^,;:]*\bfor\s"
    # "Thanks to everyone who joined us": the people thanked, then what they did
    r"|thanks\s+(?:again\s+)?to\s+(?:everyone|everybody|all|those)\s+(?:of\s+you\s+)?(?:who|that)\s)",
    re.IGNORECASE,
)
# where a post first appeared, or the series it belongs to
PROVENANCE = lazy_compile(
    r"(?:this\s+(?:post|article|story|piece|blog\s+post|entry)\s+(?:(?:was|has\s+been|is)\s+)?"
    r"(?:originally\s+|first\s+)?(?:appeared|published|posted|cross-?posted|reposted|"
    r"republished|adapted|excerpted)|(?:originally|first)\s+(?:appeared|published|posted)"
    r"|cross-?posted|reposted|republished|posted|excerpted|adapted)\s+(?:on|in|at|from|by|with)\s"
    r"|this\s+(?:post|article|story|piece)\s+is\s+(?:the\s+\w+\s+)?(?:part|installment|entry)"
    r"\s+(?:of|in)\s+(?:our|a|the)\s+(?:\w+\s+){0,3}series\b"
    # a numbered part: "Part 2 of 3 in our series on content strategy"
    r"|(?:this\s+is\s+)?(?:part|installment|episode)\s+\w+\s+(?:of|in)\s+(?:\w+\s+){0,3}"
    r"(?:series|parts?)\b"
    # a disclaimer of the writer's views: "The views expressed are those of the author"
    r"|(?:the\s+)?(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\s",
    re.IGNORECASE,
)
HASHTAGS = lazy_compile(r"(?:#\w+[\s,]*)+\Z")  # a line of hashtags alone
# a full date at the end ("Updated March 3, 2016", "this post was updated on 2016-03-03")
DATE_END = lazy_compile(
    rf"(?<![\w-])(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d)\s*\Z",
    re.IGNORECASE,
)
DATE_REACH = 40  # characters from the end where a date is looked for
# a writer's line: "Jane Doe is a designer at 18F", ending on the name of where they work
BIO = lazy_compile(
    r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}\s+(?:is|was|serves\s+as|works\s+as)\s+"
    r"(?:a|an|the)\s.*\s[A-Z0-9][\w.&’'-]*\s*\Z"
)
# labels whose line names a title, which may read as a clause ("Related: How we built it")
TITLE_LABELS = frozenset(
    {"related", "see also", "read more", "further reading", "previously", "next", "up next",
     "more", "resources", "source", "sources", "tags", "topics", "filed under", "also read"}
)  # fmt: skip
# labels of a note, complete as it stands though it reads as a clause ("Editor's note: This
# post is part of our series", "Update: the form is back online")
NOTE_LABELS = frozenset(
    {"editor's note", "editors note", "editor's notes", "author's note", "note", "notes",
     "update", "updated", "disclaimer", "disclosure", "correction", "clarification",
     "footnote", "footnotes"}
)  # fmt: skip
# a footnote opens on its mark: "[1] Source: GAO", "*Names have been changed", "¹ Data from"
FOOTNOTE = lazy_compile(r"(?:\[\d{1,3}\]\s*|\*{1,3}(?=[A-Za-z0-9])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)\S")
# emoji and faces that decorate a finished ending ("Happy coding! 🎉", "Thanks! :)")
DECORATION = lazy_compile(
    r"(?:\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2764\uFE0F\u200D]+"
    r"|\s+(?:[:;=8][-^']?[)(DPp3]|<3|\^_\^))+\s*\Z"
)
DECORATION_REACH = 64  # characters from the end where decoration is looked for
OBFUSCATED_ADDRESS = lazy_compile(r"\((?:at|dot)\)", re.IGNORECASE)
IMAGE_WORDS = frozenset({"image", "photo", "picture", "video", "caption", "illustration"})
WORD = lazy_compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
TERMINAL = ".!?…"
INNER_FRAGMENT = lazy_compile(f"[a-z]{NOT_AN_END}[.!?…]\\s+[-–—a-z]")


# a backslash left at the start of a paragraph by a Markdown converter (a hard line break's
# mark): it is no ending, and what follows it is read as the paragraph
LEADING_BACKSLASH = lazy_compile(r"\A\\+[ \t]+")


# what a scraper keeps of a page's navigation when it takes the last paragraph with the
# article ("Back to top", "Next post", "Continue reading"): no ending of the article
NAVIGATION = lazy_compile(
    r"(?:back\s+to\s+top|return\s+to\s+top|top\s+of\s+(?:the\s+)?page|previous\s+post"
    r"|next\s+post|previous\s+article|next\s+article|older\s+posts|newer\s+posts"
    r"|read\s+more|continue\s+reading|skip\s+to\s+(?:main\s+)?content|print\s+this\s+page)"
    r"[\s.:!»›>→-]*\Z",
    re.IGNORECASE,
)


def navigation(paragraph: str) -> bool:
    """Whether the paragraph is nothing but a link of a page's navigation."""
    return NAVIGATION.match(paragraph.strip()) is not None


def residue(paragraph: str) -> bool:
    """Whether the paragraph holds markup or caption residue (addresses aside; a stray
    backslash at its start aside)."""
    paragraph = LEADING_BACKSLASH.sub("", paragraph)
    return bool(SHORTCODE.search(paragraph) or RESIDUE.search(ADDRESS.sub(" ", paragraph)))


def undecorated(paragraph: str) -> str:
    """The paragraph without the emoji and faces it ends on (itself when none): a cheap
    test of the last character first, since most paragraphs end on a letter or a stop."""
    last = paragraph[-1:]
    if not last or (last.isascii() and last not in ")(DPp3^"):
        return paragraph
    found = DECORATION.search(paragraph, max(0, len(paragraph) - DECORATION_REACH))
    return paragraph[: found.start()].rstrip() if found else paragraph


def finished_fragment(fragment: str) -> bool:
    """Whether what follows the last sentence of the last paragraph (all of it when it has
    none) is a closing formula, a call to write or sign up, a note of where the post
    first appeared, a line of hashtags, words ending on a date, a writer's line: finished
    without a full stop."""
    fragment = fragment.strip()
    words = WORD.findall(fragment)
    if len(words) > ITEM_WORDS or (words and _dangles(fragment, words)):
        return False
    if CLOSING.match(fragment) or CALL.match(fragment) or HASHTAGS.match(fragment):
        return True
    if DATE_END.search(fragment, max(0, len(fragment) - DATE_REACH)) or BIO.match(fragment):
        return True
    if PROVENANCE.match(fragment) or ACKNOWLEDGEMENT.match(fragment):
        return True
    return bool(CONTRIBUTED.match(fragment)) or link_text(fragment, words)


def link_text(fragment: str, words: list[str]) -> bool:
    """Whether the fragment is a link's text naming what it leads to (``LINK_TEXT``),
    short, and ending on a lower-case noun or on where the thing is ("online"); a capital
    at the end opens the name of what it leads to ("Learn more about the Digital"), which
    ``INVITATION`` wants whole."""
    if not words or len(words) > LINK_WORDS or not words[-1].islower():
        return False
    from seedlint.kinds._wordclass import noun  # the dictionary, asked of few endings

    return LINK_TEXT.match(fragment) is not None and (words[-1] in LINK_ENDS or noun(words[-1]))


def complete_without_stop(paragraph: str) -> bool:
    """A sentence ending that needs no full stop: an address, back-link arrows after a
    finished sentence, a citation in brackets after it, a quoted title after a colon, a
    link's file type in brackets."""
    text = paragraph.rstrip()
    arrows = BACK_LINKS.search(text)
    if arrows and any(c in arrows.group() for c in "\u21a9\u21b5"):
        text = text[: arrows.start()].rstrip()
        if text[-1:] in TERMINAL + "”’\"')":
            return True
    return bool(
        ADDRESS_END.search(text)
        or CITATION_AFTER.search(text)
        or TITLE_AFTER_COLON.search(text)
        or FILE_NOTE.search(text)
    )


def furniture(paragraphs: list[str]) -> bool:
    """Whether the last paragraph is a list item, line-up, credit or sign-off: finished
    as it stands. ``paragraphs`` are the document's, in order, at least one."""
    last = paragraphs[-1].strip()
    words = WORD.findall(last)
    if not words or len(words) > ITEM_WORDS or _dangles(last, words):
        return False
    if CREDIT.match(last) or OBFUSCATED_ADDRESS.search(last) or FOOTNOTE.match(last):
        return True
    if _labelled(last) or _name_then_role(last) or _sign_off(last, words):
        return True
    previous = paragraphs[-2].strip() if len(paragraphs) > 1 else ""
    if _signature(last, previous):
        return True
    if INNER_FRAGMENT.search(last):
        return False  # a sentence, then words that continue none: "Done! from the archive"
    # a run of unpunctuated short paragraphs, or of titles, is a list: its last item needs
    # no stop
    return _short(previous) and (previous[-1] not in TERMINAL or _title(previous))


def _title(text: str) -> bool:
    """Title case: most words of four letters or more are capitalised."""
    long_words = [w for w in WORD.findall(text) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return bool(long_words) and capitalised >= TITLE_SHARE * len(long_words)


def _dangles(text: str, words: list[str]) -> bool:
    return text[-1] in ",;:-–—(" or words[-1].lower() in DANGLING


def _short(text: str) -> bool:
    return 0 < len(WORD.findall(text)) <= ITEM_WORDS


def _finite(words: list[str]) -> bool:
    """Whether the words hold a clause's verb or subject pronoun: then they are prose
    ("US" and "IT" in capitals are names, not pronouns)."""
    lowered = (w.lower() for w in words if w == "I" or w[1:].islower() or w.islower())
    return any(w in AUXILIARIES or w in PRONOUNS for w in lowered)


def _labelled(text: str) -> bool:
    """'Referee: J Smith (England)', 'Attendance: 10,481': a short label, then names or
    figures and no clause."""
    match = LABEL.match(text)
    if not match:
        return False
    label = WORD.findall(match.group(1).lower().replace("’", "'"))
    written = " ".join(label)
    if written in TITLE_LABELS or written in NOTE_LABELS:
        return True
    if IMAGE_WORDS.intersection(label) or _finite(label):
        return False
    return not _finite(WORD.findall(text[match.end() :]))


def _signature(text: str, previous: str) -> bool:
    """'Timothy Crosley' after 'I hope you find it useful!': a writer's name alone after
    a finished sentence, its first word a given name."""
    match = SIGNATURE.match(text)
    return match is not None and previous[-1:] in TERMINAL + '”’")' and given_name(match.group(1))


def _sign_off(text: str, words: list[str]) -> bool:
    """'Team 18F', 'The 18F team', 'Register at Eventbrite for 18F Demo Day': a sign-off,
    or a link inviting the reader to what it names."""
    if len(words) <= SIGN_OFF_WORDS and SIGN_OFF.match(text):
        return True
    if len(words) > INVITATION_WORDS or len(text) > INVITATION_CHARS:
        return False
    return INVITATION.match(text) is not None


def _name_then_role(text: str) -> bool:
    """'Jane Doe, Department of Agriculture', 'Jane Doe — product manager, GSA'."""
    match = NAME_THEN_ROLE.match(text)
    return match is not None and not _finite(WORD.findall(text))
