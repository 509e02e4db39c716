"""The pairs kind, through the bundled rules on it (SL301-SL303): quotation marks and
brackets that close nothing or are never closed, and the conventions that are correct."""

from __future__ import annotations

import pytest

from conftest import seed
from helpers import fixed, found


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


def test_an_attribution_inside_an_open_quotation_shows_where_it_closed() -> None:
    """The next paragraph reopens, which would carry the quotation over, but ", said
    Administrator Roth" cannot be inside it: the closing mark was lost before it."""
    text = seed(
        '"We lead in adopting technology in government, said Administrator Roth at the day.'
        '\n\nThe panel followed.\n\n"A strong leader," she said. "We are."'
    )
    assert found(text, "SL301") == [
        (
            "SL301",
            '"We lead in adopting technology in government, said Administrator Roth at the day.',
        )
    ]
    assert fixed(text, "SL301", unsafe=True) == text.replace(
        "government, said", 'government," said'
    )
    narrated = seed("“When I arrived, John said we should go.\n\n“So we went.”")
    assert found(narrated, "SL301") == []
    plain = seed("“It is hard, said Roth.\n\n“We will try.”")
    assert found(plain.replace(", said Roth", " said Roth"), "SL301") == []


def test_a_straight_quotation_left_open_inside_a_curly_one_is_the_one_found() -> None:
    """The curly closing mark closes the curly quotation around the straight one; the
    straight mark, whose quotation ended with the one around it, is what lost its
    closing mark, and no quotation is carried into the next paragraph."""
    text = seed(
        '“I bought into the notion that it would "change the world. But that is hard.”'
        "\n\n“I joined 18F later.”"
    )
    assert found(text, "SL301") == [("SL301", '"change the world. But that is hard.”')]
    # no fix: a mark at the paragraph's end would not balance it
    assert fixed(text, "SL301", unsafe=True) == text
    nested = seed('“I bought into the notion that it would "change the world." But not.”')
    assert found(nested, "SL301") == []
    # one style closing the other, with nothing of its own style around: the mixed close
    assert found(seed('"He said it is over.” Then he left.'), "SL301") == []


def test_a_quoted_list_runs_only_through_paragraphs_without_quotations() -> None:
    """An open quotation closed some paragraphs later is a quoted list only when nothing
    between quotes: past a paragraph with a quotation of its own, the closing mark at the
    end of a later one lost its opening mark."""
    listed = seed("The rules say:\n\n“First, be kind\n\nSecond, be brief.”")
    assert found(listed, "SL301") == []
    quoted = seed(
        "“It was a good year for us all.\n\nShe added: “I liked it.” - Jane Doe"
        "\n\nI enjoyed it too.” - John Roe"
    )
    assert [text for _, text in found(quoted, "SL301")] == [
        "“It was a good year for us all.",
        "I enjoyed it too.”",
    ]


def test_apostrophes_are_not_single_quotes() -> None:
    text = seed("The players’ union, rock ’n’ roll, the ’90s and the teachers' pay, 'quoted' too.")
    assert found(text, "SL302") == []
    assert found(seed("He called it ‘a disaster."), "SL302") == [("SL302", "‘a disaster.")]


def test_brackets() -> None:
    assert found(seed("The board (NCAB met."), "SL303") == [("SL303", "(NCAB met.")]
    assert found(seed("Sins: a) leaving and b) refusing (twice)."), "SL303") == []


def test_faces_are_no_brackets_and_a_bracket_after_one_still_closes() -> None:
    faces = seed("So happy :)) and so sad :'( today, a clown :o) too.\n\nSteps: i) ask, iii) wait.")
    assert found(faces, "SL303") == []
    # the second bracket closes the parenthesis: a face, then its closing bracket
    closed = seed("We love it (so much :)) and more.")
    assert found(closed, "SL303") == []
    unclosed = seed("We love it (so much :) and more.")
    assert [code for code, _ in found(unclosed, "SL303")] == ["SL303"]


def test_mirrored_faces_dotted_enumerators_and_half_open_intervals_close_nothing() -> None:
    text = seed(
        "Sad news ): but (: we go on.\n\nThere are two ways: 1.) by mail and 2.) online."
        "\n\n1.) Open the form.\n\nScores lie in [0, 1) and weights in (0, 1]."
        "\n\nNice :] and not so nice :[ today."
    )
    assert found(text, "SL303") == []
    # a bracket lost beside them is still found: a word's full stop is no enumerator,
    # a bracket without eyes beside it no face, and an interval has a comma between bounds
    for lost in ("We did it.) Then more.", "Sad news ) but we go.", "Scores lie in [0 1) now."):
        assert [code for code, _ in found(seed(lost), "SL303")] == ["SL303"], lost


def test_a_bracket_closes_after_a_hyphen_before_a_letter() -> None:
    # only a straight quotation mark there may open; a bracket or curly mark closes
    text = seed("The books she (co-)authored and the “great-”and the (arg-)partition.")
    assert found(text, "SL301", "SL303") == []
    assert [code for code, _ in found(seed("The books she (co-authored."), "SL303")] == ["SL303"]


def test_a_mark_named_in_quotation_marks_is_no_mark() -> None:
    text = seed("Flags with the ']' character, a literal '[' and the ‘(’ and “)” and \"(\".")
    assert found(text, "SL301", "SL302", "SL303") == []
    # a bracket beside one quotation mark only is a bracket
    lost = seed("He wrote '[ draft' then.")
    assert [code for code, _ in found(lost, "SL303")] == ["SL303"]
    # nor is a mark between a quotation's closing mark and another: a stray one
    stray = seed("“The ability to be 'in the arena'\"' as he would say.”")
    assert [code for code, _ in found(stray, "SL301")] == ["SL301"]


def test_a_quotation_of_punctuation_or_of_a_name_starting_with_a_dot_opens() -> None:
    text = seed('The "?" placeholder, C\'s "?:" operator, the ".npy" and ".gov" names.')
    assert found(text, "SL301", "SL302") == []
    # a mark before punctuation that no mark closes at once still opens nothing
    stray = seed('It was ", and" then.')
    assert [code for code, _ in found(stray, "SL301")] == ["SL301", "SL301"]


def test_a_face_before_a_stop_is_a_face_and_may_close_an_aside() -> None:
    text = seed("I didn't realize it :). Commit, then release :(. We love it (so much :). Fine.")
    assert found(text, "SL303") == []
    # "(=" opens an aside that says what something equals; no face written backwards
    assert found(seed("Retries are set to 0 (= no retries) now."), "SL303") == []
    unclosed = seed("We love it (so much :) and more.")
    assert [code for code, _ in found(unclosed, "SL303")] == ["SL303"]


def test_an_opening_bracket_named_in_a_sentence_is_no_bracket() -> None:
    text = seed("Characters like ( mean the end. Structures start with [ or {.")
    assert found(text, "SL303") == []
    # a spaced bracket that opens an aside is still one
    assert [code for code, _ in found(seed("The board ( NCAB met."), "SL303")] == ["SL303"]


def test_quotation_marks_named_in_a_sentence_and_quoted_paths_and_dots_balance() -> None:
    text = seed(
        'Escape " and \\ when writing; it fixes uneven usage of \' and " in args. Read '
        '"./setup.cfg" by default. "." segments are ignored.'
    )
    assert found(text, "SL301", "SL302") == []
    # a mark spaced alone that joins no other character is a stray one
    assert [code for code, _ in found(seed('He said " and left.'), "SL301")] == ["SL301"]


@pytest.mark.parametrize(
    "body",
    [
        '&quot;Hello," he said.',
        'He said "hello.&quot; Then left.',
        "He said &#8220;hello.\u201d",
        "He said \u201chello&rdquo; and left.",
        "&ldquo;Hello,&rdquo; he said.",
        "&#40;See the guide) for more.",
        "The &#39;term' is &apos;used'.",
        "Mick Whelan commented, \u00e2\u20ac\u0153We have been working closely.\u201d",
        "He said \u201cWe are here.\u00e2\u20ac\u009d Then left.",
        "\u00c2\u00abBonjour\u00bb dit-il.",
        # the mojibake of a dash holds a curly mark: "–" is "â€“", "—" is "â€”"
        'It was 40\u00e2\u20ac\u201c17 percent, "a lot" they said.',
        "The 1\u00e2\u20ac\u201d2 split, \u201cso\u201d they said.",
    ],
)
def test_an_encoded_mark_is_that_mark(body: str) -> None:
    """A mark written as an HTML entity or as the mojibake of a curly mark opens or
    closes as the mark does: the damage is the encoding rules' finding (SL121, SL122),
    and the pairs are balanced, so no unsafe fix inserts a second mark beside it ('“He
    said “hello.””')."""
    text = seed(body)
    assert {code for code, _ in found(text, "SL12", "SL3")} <= {"SL121", "SL122"}
    assert fixed(text, "SL12", "SL3", unsafe=True) == fixed(text, "SL12")


def test_a_mark_left_open_as_an_entity_is_reported_at_the_entity() -> None:
    """Findings on the decoded text are placed in the original one, edits too."""
    text = seed("&ldquo;Hello,&rdquo; he said, &ldquo;and bye.\n\nAT&T;s (see it.")
    assert found(text, "SL301", "SL303") == [
        ("SL301", "&ldquo;and bye."),
        ("SL303", "(see it."),
    ]
    assert fixed(text, "SL301", unsafe=True) == seed(
        "&ldquo;Hello,&rdquo; he said, &ldquo;and bye.\u201d\n\nAT&T;s (see it."
    )
    mojibake = seed(
        "\u00e2\u20ac\u0153Hello,\u00e2\u20ac\u009d he said, \u00e2\u20ac\u0153and bye."
    )
    assert found(mojibake, "SL301") == [("SL301", "\u00e2\u20ac\u0153and bye.")]
