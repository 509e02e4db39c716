"""Each rule kind, through the default rules built on it: what it must and must not flag."""

from __future__ import annotations

import pytest

import seedlint
from conftest import seed


def found(text: str, *select: str) -> list[tuple[str, str]]:
    """(code, flagged text) for the selected rules."""
    return [(d.code, text[d.start : d.end]) for d in seedlint.lint_text(text, select=select)]


def fixed(text: str, *select: str, unsafe: bool = False) -> str:
    return seedlint.fix_text(text, unsafe=unsafe, select=select)[0]


# substitution -------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Prime", "Deputy Prime", "Foreign", "Health"])
def test_minster_after_a_title_is_a_typo(title: str) -> None:
    text = seed(f"The {title} Minster spoke.")
    assert found(text, "SL201") == [("SL201", "Minster")]
    assert fixed(text, "SL201") == seed(f"The {title} Minister spoke.")


@pytest.mark.parametrize("phrase", ["York Minster", "Beverley Minster", "the Minster's bells"])
def test_minster_as_a_church_is_not_flagged(phrase: str) -> None:
    assert found(seed(f"We visited {phrase} today."), "SL2") == []


def test_substitution_keeps_capitalisation() -> None:
    assert fixed(seed("THE PRIME MINSTER SAID SO."), "SL201") == seed("THE PRIME MINISTER SAID SO.")
    assert fixed(seed("The Untied States agreed."), "SL202") == seed("The United States agreed.")
    assert fixed(seed("The goverment agreed."), "SL203") == seed("The government agreed.")
    assert fixed(seed("Goverment sources agreed."), "SL203") == seed("Government sources agreed.")


def test_phrase_matches_across_a_line_break_and_respects_word_boundaries() -> None:
    assert found(seed("The Untied\nStates agreed."), "SL202") == [("SL202", "Untied\nStates")]
    assert found(seed("The Untied Statesmen agreed."), "SL202") == []


def test_ambiguous_misspelling_is_reported_without_a_fix() -> None:
    diagnostics = seedlint.lint_text(seed("He said teh end was ther."), select=["SL203"])
    by_word = {d.message.split("'")[1]: d for d in diagnostics}
    assert by_word["teh"].fix is not None
    assert by_word["ther"].fix is None
    assert "'there' or 'their'" in by_word["ther"].message


def test_names_and_acronyms_are_not_misspellings() -> None:
    text = seed("Governor Ned Lamont met Coco Chanel in Carmel Valley at 7 pm IST; CNA agreed.")
    assert found(text, "SL203") == []


def test_british_spellings_are_correct() -> None:
    text = seed("The colour of the organisation's centre was grey, and it was licenced.")
    assert found(text, "SL203") == []


# apostrophe ---------------------------------------------------------------------------


def test_acronym_possessive_is_found_and_plurals_are_not() -> None:
    text = seed("The UKs plan, the EUs view and the NHSs budget; the MPs, CDs and CEOs agreed.")
    assert [w for _, w in found(text, "SL210")] == ["UKs", "EUs", "NHSs"]


def test_apostrophe_fix_follows_the_documents_style() -> None:
    curly = seed("Japan’s view and the UKs plan.")
    straight = seed("Japan's view and the UKs plan.")
    assert fixed(curly, "SL210") == seed("Japan’s view and the UK’s plan.")
    assert fixed(straight, "SL210") == seed("Japan's view and the UK's plan.")


def test_contractions_that_are_words_are_not_flagged() -> None:
    text = seed("It wont, we cant; its cant was well known, shell and hell were ill.")
    assert found(text, "SL211") == []
    assert fixed(seed("Theyre sure we dont know."), "SL211") == seed("They're sure we don't know.")


# pairs --------------------------------------------------------------------------------


def test_closing_quote_without_opening_is_found() -> None:
    text = seed("He said,\n\nOur values”. Japan is a friend.")
    # the span covers where the opening mark is missing: the paragraph up to the closing one
    assert found(text, "SL301") == [("SL301", "Our values”")]
    assert fixed(text, "SL301", unsafe=True) == seed("He said,\n\n“Our values”. Japan is a friend.")
    assert fixed(text, "SL301") == text  # the fix is unsafe: not applied by default


def test_multi_paragraph_quotation_convention_is_correct() -> None:
    text = seed("“The first paragraph of a long quotation.\n\n“The second.\n\n“The third, closed.”")
    assert found(text, "SL3") == []


def test_unclosed_quotation_at_the_end_of_a_paragraph_is_found() -> None:
    text = seed('She said "it is over.\n\nThen she left.')
    assert found(text, "SL301") == [("SL301", '"it is over.')]


def test_apostrophes_are_not_single_quotes() -> None:
    text = seed("The players’ union, rock ’n’ roll, the ’90s and the teachers' pay, 'quoted' too.")
    assert found(text, "SL302") == []
    assert found(seed("He called it ‘a disaster."), "SL302") == [("SL302", "‘a disaster.")]


def test_brackets() -> None:
    assert found(seed("The board (NCAB met."), "SL303") == [("SL303", "(NCAB met.")]
    assert found(seed("Sins: a) leaving and b) refusing (twice)."), "SL303") == []


# header -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("\n  date 2024-01-18 T\n\nText.\n", "SL001"),
        ("Date: 2024-01-18 T\n\nText.\n", "SL002"),
        ("date 18/01/2024 T\n\nText.\n", "SL002"),
        ("date 2023-02-29 T\n\nText.\n", "SL003"),
        ("date 2024-01-18\n\nText.\n", "SL004"),
        ("date 2024-01-18  T\n\nText.\n", "SL005"),
        ("date 2024-01-18 T\nText.\n", "SL006"),
        ("date 2024-01-18 T\n", "SL012"),
    ],
)
def test_header_problems(text: str, code: str) -> None:
    assert code in {c for c, _ in found(text, "SL0")}


def test_header_fixes() -> None:
    assert fixed("\ufeff  date 2024-01-18 T\n\nText.\n", "SL0") == "date 2024-01-18 T\n\nText.\n"
    assert fixed("date\t2024-01-18  T\nText.\n", "SL0") == "date 2024-01-18 T\n\nText.\n"


def test_valid_header_and_leap_day() -> None:
    assert found("date 2024-02-29 A leap day\n\nText.\n", "SL0") == []


# ending -------------------------------------------------------------------------------


def test_ending_without_newline_and_with_extra_blank_lines() -> None:
    assert fixed(seed("Text.").rstrip("\n"), "SL010") == seed("Text.")
    assert fixed(seed("Text.") + "\n\n", "SL010") == seed("Text.")


def test_truncated_ending_fix_keeps_complete_sentences() -> None:
    text = seed("First.\n\nOne sentence. And then the text stops in the")
    assert found(text, "SL011") == [("SL011", "And then the text stops in the")]
    assert fixed(text, "SL011", unsafe=True) == seed("First.\n\nOne sentence.")


@pytest.mark.parametrize(
    "end",
    [
        "Done.",
        "Done!",
        "Is it?",
        "He said: “It is done.”",
        "(It ended.)",
        "It ended…",
        "'Why?'\u2009\"",
    ],
)
def test_complete_endings(end: str) -> None:
    assert found(seed(end), "SL011") == []


# whitespace ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code", "clean"),
    [
        ("Text.  \n\nMore.", "SL101", "Text.\n\nMore."),
        ("Text.\n\n   More.", "SL102", "Text.\n\nMore."),
        ("One\ttwo.", "SL103", "One two."),
        ("One  two.", "SL104", "One two."),
        ("One.\n\n\n\nTwo.", "SL105", "One.\n\nTwo."),
        ("One.\n\n\u00a0Two.", "SL107", "One.\n\nTwo."),
        ("Hid\u200bden and soft\u00adhyphen.", "SL108", "Hidden and softhyphen."),
        ("A bell\u0007 rang\u001b.", "SL109", "A bell rang."),
    ],
)
def test_whitespace_checks(body: str, code: str, clean: str) -> None:
    assert code in {c for c, _ in found(seed(body), "SL1")}
    assert fixed(seed(body), code) == seed(clean)


def test_crlf_is_one_finding_fixed_everywhere() -> None:
    text = "date 2024-01-18 T\r\n\r\nOne.\r\n\r\nTwo.\r\n"
    diagnostics = seedlint.lint_text(text, select=["SL106"])
    assert len(diagnostics) == 1 and "CRLF" in diagnostics[0].message
    assert fixed(text, "SL106") == "date 2024-01-18 T\n\nOne.\n\nTwo.\n"
    assert "mixed" in seedlint.lint_text(text + "Three.\n", select=["SL106"])[0].message


def test_typography_is_not_damage() -> None:
    text = seed(
        "It is 10\u00a0km long.  Two spaces after a sentence are fine.\n\n"
        "Persian uses a joiner: می\u200cخواهم."
    )
    assert found(text, "SL1") == []


# encoding -----------------------------------------------------------------------------


def test_mojibake_is_repaired_and_curly_quotes_survive() -> None:
    text = seed("The UKâ€™s “plan” for a cafÃ© costs Â£5.")
    assert [c for c, _ in found(text, "SL121")] == ["SL121"] * 3
    assert fixed(text, "SL121") == seed("The UK’s “plan” for a café costs £5.")


def test_html_entities() -> None:
    assert fixed(seed("Marks &amp; Spencer&#8217;s &quot;plan&quot;."), "SL122") == seed(
        'Marks & Spencer’s "plan".'
    )
    assert fixed(seed("Double &amp;amp; escaped."), "SL122") == seed("Double & escaped.")
    assert found(seed("AT&T and R&D & more; &notanentity;"), "SL122") == []


# language -----------------------------------------------------------------------------

FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir "
    "les entreprises touchées par la crise, selon un communiqué publié par le ministère "
    "de l'Économie et des Finances à Paris."
)


def test_french_body_is_flagged_english_and_short_ones_are_not() -> None:
    assert [c for c, _ in found(seed(FRENCH), "SL401")] == ["SL401"]
    assert found(seed("Le gouvernement a annoncé."), "SL401") == []  # too short to judge
    english = (
        "The government announced a series of measures on Tuesday to support the "
        "companies hit by the crisis, according to a statement published on Monday."
    )
    assert found(seed(english * 2), "SL401") == []


def test_language_is_deterministic() -> None:
    mixed = seed(FRENCH + " The government said it would help. " * 2)
    runs = {tuple(d.message for d in seedlint.lint_text(mixed, select=["SL401"])) for _ in range(5)}
    assert len(runs) == 1


# consistency --------------------------------------------------------------------------


def test_mixed_apostrophes_and_quotes_are_info() -> None:
    text = seed('Japan’s and the UK’s plan, but Italy\'s. He said “yes” and "no".')
    diagnostics = seedlint.lint_text(text, select=["SL31"])
    assert {(d.code, d.severity) for d in diagnostics} == {("SL310", "info"), ("SL311", "info")}
    assert fixed(text, "SL310", unsafe=True).count("’") == 3
