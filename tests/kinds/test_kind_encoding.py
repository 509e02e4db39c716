"""The encoding kind, through the bundled rules on it (SL120-SL122): bytes that are not
UTF-8 and lone surrogates, mojibake and HTML entities."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("body", "decoded"),
    [
        (
            'The entity "&nbsp;" keeps two words together.',
            'The entity "\u00a0" keeps two words together.',
        ),
        ("Use `&amp;` in a link.", "Use `&` in a link."),
        ("Use &lt; and &gt; for brackets.", "Use < and > for brackets."),
        ("Use &lt;, &gt; for brackets.", "Use <, > for brackets."),
        ("Write an ampersand as &amp; in a link.", "Write an ampersand as & in a link."),
        ("Encode the less-than sign as &lt;.", "Encode the less-than sign as <."),
        ("The decimal code &#39; is longer.", "The decimal code ' is longer."),
    ],
)
def test_an_entity_a_text_names_is_reported_with_its_fix_unsafe(body: str, decoded: str) -> None:
    """Text about markup names entities rather than uses them: decoding one changes what
    the sentence says, so only --unsafe-fixes does it."""
    text = seed(body)
    assert found(text, "SL122")
    assert fixed(text, "SL122") == text
    assert fixed(text, "SL122", unsafe=True) == seed(decoded)


@pytest.mark.parametrize(
    ("body", "decoded"),
    [
        ("Tom &amp; Jerry went home.", "Tom & Jerry went home."),
        (
            "Marks &amp; Spencer said the HTML version was late.",
            "Marks & Spencer said the HTML version was late.",
        ),
        (
            "The entity that runs the UK&#8217;s railways.",
            "The entity that runs the UK’s railways.",
        ),
        ("A caf&eacute; may escape the tax.", "A café may escape the tax."),
        ("They escaped &amp; hid.", "They escaped & hid."),
        # attached to the words they quote, beside each other and a cue: used
        (
            "He listed &quot;red&quot;, &quot;green&quot; and &quot;blue&quot; as decimal.",
            'He listed "red", "green" and "blue" as decimal.',
        ),
    ],
)
def test_an_entity_in_use_is_fixed_safely_beside_such_words(body: str, decoded: str) -> None:
    assert fixed(seed(body), "SL122") == seed(decoded)


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


@pytest.mark.parametrize(
    ("body", "piece", "code"),
    [
        ("It was \u00e2\u20ac\u009cfine\u00e2\u20ac\u009d today.", "\u009d", "SL109"),
        ("Voil\u00c3\u00a0 un bel exemple.", "\u00a0 ", "SL104"),
        ("Voil\u00c3\u00a0\nun exemple.", "\u00a0", "SL107"),
        ("A soft\u00c2\u00adhyphen.", "\u00ad", "SL108"),
    ],
)
def test_a_piece_of_mojibake_is_the_encoding_rules_finding_alone(
    body: str, piece: str, code: str
) -> None:
    """A control character, a no-break or invisible character that is a byte of
    mis-decoded UTF-8 is part of the mojibake: SL121 reports and repairs it, and the
    whitespace rule that names it in explained-by leaves it, unless SL121 is ignored."""
    text = seed(body)
    assert {c for c, _ in found(text, "SL1")} == {"SL121"}
    assert (code, piece) in found(text, code)
    assert "\u00c3" not in fixed(text, "SL1") and "\u00e2" not in fixed(text, "SL1")
