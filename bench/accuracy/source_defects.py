"""Defects already present in the published Wikinews text, as collected.

A finding on one of these in a clean document is a true finding, not a false positive, and a
fix that changes only these places still counts as restoring (or leaving unchanged) a document.
Listed by hand after reading each place; add to it only with the same care. The project's
tests keep a similar list keyed by rule code (tests/data/wikinews/known_defects.tsv); this one
is keyed by text so that it applies to the peer tools too.
"""

from __future__ import annotations

import re

# Two or more consecutive spaces, counting no-break spaces (". \xa0Next" in 0249, 0255, 0256).
EVERYWHERE = (r"[ \u00a0]{2,}",)

BY_ARTICLE: dict[str, tuple[str, ...]] = {
    "0007": ("Represenative",),
    "0020": ("Xtra\u200d's",),  # zero-width joiner inside an English possessive
    "0050": ("diplayed",),
    "0067": ("intregrate",),
    "0078": ("(paraffin}",),
    "0080": ("recongnize",),
    "0090": ('Adult Swim television channel "human claw"\n',),  # caption residue at the end
    "0091": ("Sirhan in 2016 (Image: CDCR)\n",),  # caption residue at the end
    "0092": ("{1000 UTC)", 'anything?"'),  # stray quote in a transcript
    "0153": ("mulitple",),
    "0179": ("anynomous",),
    "0206": ("noone",),
    "0219": ("profesional",),
    "0235": ("secretery",),
    # ends without a full stop (and "knocked of" for "knocked off")
    "0243": (
        "In other results, Maroochydore defeated Caboolture 43\u20135, and University knocked",
    ),
    "0249": ("previusly",),
    "0256": ("Ukranian", "Post'\u200ds"),
    "0266": ("Technlogy",),
    "0267": ("Untied Nations",),
    "0272": ("Brazillian",),
    "0280": ('added, "There', "decision.\u201c", "recieve"),  # quote opened with ", closed with “
    "0284": ("collasped",),
    "0286": ("diety", 'said," [Warhol]', 'looked".'),  # misplaced opening quote
}


def known_spans(article: str, text: str) -> list[tuple[int, int]]:
    """[start, end) of every known source defect of the article, as found in text."""
    patterns = [*EVERYWHERE, *(re.escape(s) for s in BY_ARTICLE.get(article, ()))]
    return [m.span() for p in patterns for m in re.finditer(p, text)]
