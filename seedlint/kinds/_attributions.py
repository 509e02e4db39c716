"""Who speaks around a quotation, for the pairs kind: an attribution after a quotation
closed before it ("…, Koch said. “…"; French "…, affirme un manifestant. « …"), one inside
a quotation left open ("“… in government, said Administrator Roth when …"), which shows
the closing mark lost before it, and the speaker a paragraph names ('"…," said UCL
astronomer Angelos Tsiaras.'), which a quotation that runs on into the next paragraph
keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from seedlint.engine.document import Document, Span
from seedlint.engine.patterns import lazy_compile

# "…, Koch said. “…": the quotation was closed before its attribution, whose mark is lost;
# in French the verb comes first, "« … , affirme un manifestant. « …", "…, a-t-il ajouté."
FRENCH_SAYING = (
    r"(?:(?:affirm|ajout|déclar|expliqu|estim|indiqu|précis|soulign|assur|racont|confi|"
    r"comment|insist|témoign|lanc)[eé]|rappel(?:le|é)|poursui(?:t|vi)|conclut?|répondu?|dit)"
)
ATTRIBUTION = lazy_compile(
    r",\s+(?:(?:[A-Z][\w.'’-]*\s+){0,4}(?:said|says|added|asked|explained|noted|stated|"
    r"continued|wrote|told)\b"
    rf"|(?:a(?:-t-(?:il|elle))?\s+)?{FRENCH_SAYING}(?:-t)?(?:-(?:il|elle))?(?![\w'’-]))"
    r"[^.!?\"“”«»]{0,100}[.!?]\s*\Z"
)
ATTRIBUTION_REACH = 160
# "“… in government, said Administrator Roth when …", "“…, Roth said. …" or "“…,
# Stamenković told National Geographic.": an attribution inside a quotation left open: the
# quotation was closed before it and the mark is lost
SAYING = r"said|says|added|explained|noted|stated|continued|wrote"
INNER_ATTRIBUTION = lazy_compile(
    rf",\s+(?:(?:{SAYING})\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]*[\s,.]"
    r"|(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|explained|noted|stated|wrote)[.,;]"
    r"|(?:[A-Z][\w.'’-]*\s+){1,3}told\s+(?:reporters|journalists|(?:[A-Z][\w'’-]*\s+){0,3}"
    r"[A-Z][\w'’-]*)[.,;])"
)
# who speaks: '…," said UCL astronomer Angelos Tsiaras.' or '…," Tsiaras added.'; the
# capitalised words of the phrase name the speaker
SPEECH = rf"(?:{SAYING}|commented|replied)"
SPEAKER = lazy_compile(
    rf"\b{SPEECH}\s+([^.,;:!?\"“”«»]{{1,80}})|((?:[A-Z][\w'’-]*\s+){{1,4}}){SPEECH}\b"
)
# the first quotation of a paragraph, closed, and the attribution after it
FIRST_QUOTATION = lazy_compile(r"\s*[\"“][^\"“”]{1,400}[\"”],?\s+")
CAPITALISED = lazy_compile(r"\b[A-Z][\w'’-]*")
SPEAKING_PRONOUNS = frozenset(["He", "She", "They", "We", "I", "It", "You"])  # no name


def another_speaker(text: str, position: int, doc: Document, following: Span) -> bool:
    """Whether the next paragraph's first quotation is given to someone other than the
    one this paragraph last names as speaking before the open mark ('"…," said Angelos
    Tsiaras. "… now.' then '"It's a good sign", said Ryan Cloutier'): a quotation that
    runs on into the next paragraph keeps its speaker. Each is known by the capitalised
    words of its attribution; one without a name ("he added") tells nothing."""
    attributions = list(SPEAKER.finditer(text, 0, position))
    spoken = _speaker(attributions[-1]) if attributions else frozenset()
    if not spoken:
        return False
    quotation = FIRST_QUOTATION.match(doc.text, following.start, following.end)
    if quotation is None:
        return False
    attribution = SPEAKER.match(doc.text, quotation.end(), following.end)
    next_speaker = _speaker(attribution) if attribution else frozenset()
    return bool(next_speaker) and not spoken & next_speaker


def _speaker(attribution: re.Match[str]) -> frozenset[str]:
    """The capitalised words of an attribution, other than pronouns: who speaks."""
    phrase = attribution.group(1) or attribution.group(2)
    return frozenset(CAPITALISED.findall(phrase)) - SPEAKING_PRONOUNS


def inner_attributions(text: str) -> Callable[[int], re.Match[str] | None]:
    """The first attribution (``INNER_ATTRIBUTION``) at or after a position of a paragraph,
    asked for positions in increasing order. A search is reused while it still answers:
    none was found past an earlier position, or the one found lies at or past this one.
    A search from every open mark of a paragraph of many would read the rest of the
    paragraph each time (quadratic)."""
    searched_from = len(text) + 1  # nothing searched yet
    found: re.Match[str] | None = None

    def first_after(position: int) -> re.Match[str] | None:
        nonlocal searched_from, found
        if position < searched_from or (found is not None and found.start() < position):
            found = INNER_ATTRIBUTION.search(text, position)
            searched_from = position
        return found

    return first_after


def attributed_before(text: str, position: int) -> bool:
    """Whether an attribution ends a sentence right before ``position``: "…, Koch said. “…",
    "…, affirme un manifestant. « …": the quotation was closed before it."""
    return ATTRIBUTION.search(text, max(0, position - ATTRIBUTION_REACH), position) is not None
