"""The encoding kind, through the bundled rules on it (SL120-SL122): bytes that are not
UTF-8 and lone surrogates, mojibake and HTML entities."""

from __future__ import annotations

import seedlint
from conftest import seed
from helpers import fixed, found


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


def test_lone_surrogates_through_the_api() -> None:
    text = seed("A \ud800 B \ud83d\ude00 C caf\udce9.")
    diagnostics = seedlint.lint_text(text)
    [invalid] = [d for d in diagnostics if d.code == "SL120"]
    assert (invalid.row, invalid.column) == (3, 3)
    assert "lone surrogate U+D800" in invalid.message and "(4 invalid" in invalid.message
    safe, _ = seedlint.fix_text(text)
    assert safe == text  # nothing beside them is touched without --unsafe-fixes
    unsafe, _ = seedlint.fix_text(text, unsafe=True)
    assert unsafe == seed("A \ufffd B 😀 C café.")


def test_one_word_s_repair_is_one_finding_and_separate_words_are_not() -> None:
    """ftfy repairs "â€™Ã’" to "’Ò"; the differ finds the "’" the two share inside it and
    splits the change in two. One word's repair is one finding (a part of it fixed alone
    is no repair); words with a space between them stay findings of their own."""
    text = seed("A doneâ€™Ã’ deal, a cafÃ© and donâ€™t.")
    spans = [text[d.start : d.end] for d in seedlint.lint_text(text, select=["SL121"])]
    assert spans == ["â€™Ã’", "Ã©", "â€™"]
    assert seedlint.fix_text(text)[0] == seed("A done’Ò deal, a café and don’t.")
