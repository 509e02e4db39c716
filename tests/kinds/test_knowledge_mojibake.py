"""Mojibake (SL121) is found and repaired through every encoding ftfy knows, and only there.

On ftfy's own test cases (tests/data/ftfy, Apache-2.0, Robyn Speer): every case ftfy repairs
is found and repaired, in Latin-1, Windows-1250 to -1257, ISO-8859-2, MacRoman and code
page 437; correct text raises nothing; curly quotes are kept. The cheap pre-check that gates
ftfy is checked against ftfy itself: its code pages are ftfy's, and a line it passes over is
one ftfy leaves unchanged.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import ftfy
import pytest
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from seedlint.kinds._mojibake import (
    ENCODINGS,
    decoded,
    ftfy_repaired,
    mojibake_hint,
    repaired,
    signs_repaired,
)

CASES = json.loads(
    (Path(__file__).parents[1] / "data" / "ftfy" / "test_cases.json").read_text(encoding="utf-8")
)


def expected(case: dict[str, str]) -> str:
    return case.get("fixed-encoding", case["fixed"])


REPAIRS = [c for c in CASES if c["expect"] == "pass" and c["original"] != expected(c)]
CORRECT = [c for c in CASES if c["expect"] == "pass" and c["original"] == expected(c)]


def found(text: str) -> list[str]:
    return [text[d.start : d.end] for d in seedlint.lint_text(text, select=["SL121"])]


def fixed(text: str) -> str:
    return seedlint.fix_text(text, select=["SL121"])[0]


def test_the_cases_are_ftfys_published_ones() -> None:
    assert len(REPAIRS) == 103 and len(CORRECT) == 48  # ftfy 6.3.1's test_cases.json


@pytest.mark.parametrize("case", REPAIRS, ids=[c["label"] for c in REPAIRS])
def test_every_mixup_ftfy_repairs_is_found_and_repaired(case: dict[str, str]) -> None:
    text = seed(case["original"])
    assert found(text)
    assert fixed(text) == seed(expected(case))


@pytest.mark.parametrize("case", CORRECT, ids=[c["label"] for c in CORRECT])
def test_correct_text_raises_nothing(case: dict[str, str]) -> None:
    assert found(seed(case["original"])) == []


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("Blog Traffic Tip 2 вЂ“ Broadcast", "Blog Traffic Tip 2 – Broadcast"),  # Windows-1251
        ("LiĂ¨ge Avenue de l'HĂ´pital", "Liège Avenue de l'Hôpital"),  # Windows-1250
        ("Le Vigne di Zam√≤", "Le Vigne di Zamò"),  # MacRoman
        ("─îe┼ítina", "Čeština"),  # code page 437
        ("“The UKâ€™s plan,” she said.", "“The UK’s plan,” she said."),  # curly quotes kept
    ],
)
def test_each_encoding_family_with_curly_quotes_kept(bad: str, good: str) -> None:
    assert fixed(seed(bad)) == seed(good)


@pytest.mark.parametrize("sign", "€₹₿₴₩₫₡₂₀₌")
def test_signs_ftfy_leaves_are_repaired_too(sign: str) -> None:
    """U+2080..U+20BF read as Windows-1252: ftfy repairs "â‚¬" (€) but leaves "â‚¿" (₿),
    which its badness test does not flag; both are repaired."""
    bad = sign.encode("utf-8").decode("cp1252")
    assert fixed(seed(f"Jong processed {bad}7300 in fees.")) == seed(
        f"Jong processed {sign}7300 in fees."
    )


def test_signs_ftfy_sees_are_left_to_it_and_words_alone() -> None:
    # ftfy leaves ₿'s mix-up alone, and declines "â‚¬" inside a garble it cannot undo
    assert ftfy_repaired("Jong processed â‚¿7300 in fees.") == "Jong processed â‚¿7300 in fees."
    garble = "ã¢â‚¬â„¢ãƒæ’ã‚â¢ãƒâ¢ã¢â‚¬å¡ã‚â¬"
    assert repaired(garble) == ftfy_repaired(garble)
    # "â" and "‚" apart, or before a letter no continuation byte gives, are words
    assert found(seed("A pâ‚t, a château ‚low‘ and â‚ alone.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The UK’s “plan” — a café, naïve résumé, 10 °C, ±2, µg, Ærø, Åland.",
        "Он сказал: «В Москве всё в порядке».",
        "Η Ελλάδα και η Κύπρος.",
        "Čeština, Słowo, Tiếng Việt, weiß, Zamò, Liège.",
    ],
)
def test_correct_text_in_many_scripts_is_left_alone(text: str) -> None:
    assert found(seed(text)) == []


def test_the_code_pages_are_ftfys() -> None:
    assert [codecs.lookup(e).name for e in ENCODINGS] == [
        codecs.lookup(e.removeprefix("sloppy-")).name for e in CHARMAP_ENCODINGS
    ]
    for mine, theirs in zip(ENCODINGS, CHARMAP_ENCODINGS, strict=True):
        for byte in [0x1A, *range(0x80, 0x100)]:
            ours = decoded(byte, mine)
            if byte == 0x1A and ours == "\x1a":
                continue  # not a sloppy codec: 1A is the control character, as in ftfy
            assert ours == bytes([byte]).decode(theirs), (mine, hex(byte))


# Lines near the edge of the pre-check: mojibake of random text through each code page,
# cut and mixed with the characters ftfy's transcoding steps read as lost bytes.
HIGH_HALVES = sorted({decoded(b, e) for e in ENCODINGS for b in range(0x80, 0x100)})
mojibake = st.builds(
    lambda text, encoding: "".join(decoded(b, encoding) for b in text.encode("utf-8")),
    st.text(st.characters(min_codepoint=0xA0, max_codepoint=0x2FFF), max_size=4),
    st.sampled_from(sorted(ENCODINGS)),
)
pieces = mojibake | st.sampled_from([*HIGH_HALVES, " ", "?", "\ufffd", "a", "Z", "’", "."])
lines = st.lists(pieces, max_size=12).map("".join).filter(lambda t: "\n" not in t)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_a_line_the_precheck_passes_over_is_one_ftfy_leaves_alone(line: str) -> None:
    if mojibake_hint().search(line) is None:
        assert ftfy_repaired(line) == line and signs_repaired(line) == line
    else:
        assert repaired(line) == signs_repaired(ftfy_repaired(line))


def test_the_precheck_passes_over_curly_quotes_and_accents() -> None:
    for line in ["The UK’s “plan” — a café.", "naïve résumé", "Wrocław, Kraków", "10 °C"]:
        assert mojibake_hint().search(line) is None
    assert ftfy.fix_encoding("The UKâ€™s") == "The UK’s"  # the pre-check's premise
