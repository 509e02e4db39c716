"""Quotation rules know how news writes quotations across paragraphs, and report one cause once.

unbalanced-quotes (SL301), unclosed-single-quote (SL302), merged-paragraphs (SL304),
unquoted-speech (SL305), mixed-apostrophes (SL310).
"""

from __future__ import annotations

import pytest

import seedlint
from conftest import seed


def codes(text: str, *select: str) -> list[tuple[str, str]]:
    return [(d.code, text[d.start : d.end]) for d in seedlint.lint_text(text, select=select)]


def fixed(text: str, *select: str) -> str:
    return seedlint.fix_text(text, unsafe=True, select=select)[0]


MERGED = (
    '"We are still in it. "The players are down but they are ready. "We go on and we win," he said.'
)


def test_merged_paragraphs_are_one_finding_and_no_unbalanced_quote() -> None:
    text = seed(f"The coach spoke.\n\n{MERGED}")
    found = codes(text, "SL3")
    assert [code for code, _ in found] == ["SL304"]
    assert "3 paragraphs" in seedlint.lint_text(text, select=["SL304"])[0].message


def test_merged_paragraphs_fix_splits_at_each_reopening() -> None:
    assert fixed(seed(MERGED), "SL304") == seed(
        '"We are still in it.\n\n"The players are down but they are ready.\n\n'
        '"We go on and we win," he said.'
    )
    # after the split the paragraphs follow the multi-paragraph convention: nothing left
    assert codes(fixed(seed(MERGED), "SL304"), "SL3") == []


def test_a_lost_closing_mark_before_an_attribution_is_no_merge() -> None:
    text = seed("“We try hard, Koch said. “And we will go on.”")
    assert [code for code, _ in codes(text, "SL3")] == ["SL301"]


@pytest.mark.parametrize(
    "attribution",
    ["affirme un manifestant, Abdel Nasser", "a-t-il ajouté", "dit-elle", "a déclaré le maire"],
)
def test_a_lost_closing_mark_before_a_french_attribution_is_no_merge(attribution: str) -> None:
    """In French the verb comes first: "« …, affirme X. « …" closed the first quotation
    before its attribution."""
    text = seed(f"« Nous restons fermes, {attribution}. « Tous ces retards posent question ».")
    assert [code for code, _ in codes(text, "SL3")] == ["SL301"]


def test_only_the_last_open_quotation_continues_into_the_next_paragraph() -> None:
    text = seed('He said "One thing and "Another thing.\n\n"The rest of it."')
    assert codes(text, "SL301") == [("SL301", '"One thing and "Another thing.')]


@pytest.mark.parametrize(
    ("following", "flagged"),
    [
        # another speaker's quotation: the one left open did not run on
        ('"It is a good sign", said Ryan Cloutier of the Center.', True),
        ('"It is a good sign," Cloutier added.', True),
        # the same speaker, or one not named: the convention holds
        ('"It is a good sign," Tsiaras added.', False),
        ('"It is a good sign," he added. "Fine."', False),
        ('"It is a good sign, and we know it."', False),
    ],
)
def test_a_quotation_runs_on_only_with_its_speaker(following: str, flagged: bool) -> None:
    opened = '"This is right," said UCL astronomer Angelos Tsiaras. "It is the best one now.'
    found = codes(seed(f"{opened}\n\n{following}"), "SL301")
    assert found == ([("SL301", '"It is the best one now.')] if flagged else [])


def test_a_quoted_list_closes_at_its_last_item() -> None:
    text = seed("The law says the agency must:\n\n“Publish data\n\nKeep records\n\nReport yearly.”")
    assert codes(text, "SL301") == []
    # but a quotation left open before a paragraph that opens another is still unclosed
    assert codes(seed("He said “yes\n\nItem\n\nShe said “no.”"), "SL301") != []


def test_a_link_arrow_is_no_guillemet() -> None:
    assert codes(seed("Join the community »"), "SL301") == []
    assert codes(seed("Il a dit « non » et « oui"), "SL301") != []


@pytest.mark.parametrize(
    "address", ["https://twitter.com/phildini/status/580879418337316864", "www.gsa.gov/2015"]
)
def test_a_mark_after_a_web_address_ending_in_a_digit_is_a_quotation_mark(address: str) -> None:
    """A straight mark after a digit is a unit (5'10", a 12" pipe), but no unit follows a
    web address: the mark quotes it, and one that lost its partner is found."""
    assert codes(seed(f'Read "{address}" first.'), "SL3") == []
    assert [code for code, _ in codes(seed(f'{address}" was the post.'), "SL3")] == ["SL301"]
    assert codes(seed('He is 5\'10" tall and owns a 12" pipe.'), "SL3") == []


@pytest.mark.parametrize(
    "opening",
    [
        'They were told to prepare a "quasi-state of war.',  # after an article
        'Fellows have begun their "tour of duty in tech.',  # after a possessive
        'She said the state must "make the websites work.',  # in lower case
    ],
)
def test_a_partial_quotation_is_never_carried_into_the_next_paragraph(opening: str) -> None:
    """Only a quotation of whole sentences runs on open into a paragraph that reopens;
    news style closes a partial one at the end of its paragraph."""
    text = seed(f'{opening} The report came later.\n\n"We are ready," said the army.')
    assert [code for code, _ in codes(text, "SL301")] == ["SL301"]
    whole = seed('He said: "We are here. We stay.\n\n"And we win," he said.')
    assert codes(whole, "SL301") == []
    # a passage set off after an article may still run on as a quoted list
    listed = seed("The article states the “Testing covers:\n\nBrowsers\n\nPhones”")
    assert codes(listed, "SL301") == []


def test_an_attribution_with_told_shows_where_the_quotation_closed() -> None:
    text = seed(
        '"I checked it five times, Stamenkovic told National Geographic.'
        '\n\n"Our work is new," he said.'
    )
    assert [code for code, _ in codes(text, "SL301")] == ["SL301"]
    assert codes(seed('"When I came, John told Mary we should go.\n\n"So we went."'), "SL301") == []


def test_clipped_words_keep_their_apostrophe() -> None:
    text = seed("Criminals rent 'bot nets, answer the 'phone and wait 'til dawn.")
    assert codes(text, "SL302") == []
    assert codes(seed("He called it 'a disaster."), "SL302") == [("SL302", "'a disaster.")]


def test_speech_without_its_marks_is_found_and_quoted_in_the_documents_style() -> None:
    text = seed("Signing for Japan, Dr Endo commented,\n\nWe hope to go on with “our” work.")
    assert codes(text, "SL305") == []  # it has a quotation mark: the quotation rules' case
    text = seed("“Yes,” he said. Signing for Japan, Dr Endo commented,\n\nWe hope to go on.")
    assert [code for code, _ in codes(text, "SL305")] == ["SL305"]
    assert fixed(text, "SL305").endswith("commented,\n\n“We hope to go on.”\n")
    assert codes(seed("Here is what we were told:\n\nWe must go on."), "SL305") == []
    assert codes(seed("The results told us two things:\n\nWe must go on."), "SL305") == []


def test_a_straight_apostrophe_in_the_title_of_a_curly_document_is_consistent() -> None:
    text = seed("Japan’s plan and the UK’s plan.", title="Italy's plan")
    assert codes(text, "SL310") == []
    assert codes(seed("Japan’s plan and Italy's plan, the UK’s too."), "SL310") != []


@pytest.mark.parametrize("ellipsis", ["...", ". . ."])
def test_a_quotation_may_open_on_an_ellipsis(ellipsis: str) -> None:
    text = seed(f'"None of us," he said, "{ellipsis} are willing to fail." They went on.')
    assert codes(text, "SL301") == []
    lost = seed(f'"None of us," he said, "{ellipsis} are willing to fail. They went on.')
    assert [code for code, _ in codes(lost, "SL301")] == ["SL301"]


@pytest.mark.parametrize(
    ("quoted", "code", "fix"),
    [
        ("'Goverment officials are wrong,' he said.", "SL203", "Government"),
        ("'Untied States officials are wrong,' he said.", "SL202", "United States"),
        ("'BNPs leader is wrong,' he said.", "SL210", "BNP's"),
        ("'Youve got it wrong,' he said.", "SL211", "You've"),
        ("'the the officials are wrong,' he said.", "SL204", "'the officials"),
        ("'Its been a long day,' he said.", "SL211", "It's"),
        ("He said: ’Its been a long day.’", "SL211", "It’s"),
        ("They told him, ('Im sure') and left.", "SL211", "I'm"),
    ],
)
def test_a_word_after_a_single_mark_that_opens_a_quotation_is_read(
    quoted: str, code: str, fix: str
) -> None:
    # the quotation mark is the apostrophe's character, but with no word before it, it
    # joins no word: what follows is read as after a double mark
    text = seed(quoted)
    assert [c for c, _ in codes(text, "SL2")] == [code]
    assert fix in fixed(text, code)
    double = seed(quoted.replace("'", '"').replace("’", '"').replace('"Im', "'Im"))
    assert codes(double, "SL2") == codes(text, "SL2")


@pytest.mark.parametrize(
    "quoted", ["He called it 'a good good' idea.", "He said ‘the the’.", "'no no' 'it it'"]
)
def test_a_word_written_twice_before_a_closing_mark_is_found(quoted: str) -> None:
    # the closing mark is the apostrophe's character, but no letter follows it
    repeats = [fix for _, fix in codes(seed(quoted), "SL204")]
    double = seed(quoted.replace("'", '"').replace("‘", '"').replace("’", '"'))
    assert repeats and repeats == [fix for _, fix in codes(double, "SL204")]


@pytest.mark.parametrize("word", ["it it's", "the dogs dogs's"])
def test_a_word_and_its_apostrophe_s_is_no_repeat(word: str) -> None:
    assert codes(seed(f"It was {word} there."), "SL204") == []


@pytest.mark.parametrize(
    "joined", ["a rock'n'roll band", "the (USWDS)’s guide", "o'goverment", "the UK'BNPs"]
)
def test_an_apostrophe_after_a_word_or_a_bracket_opens_no_quotation(joined: str) -> None:
    assert codes(seed(f"It was {joined} there."), "SL2") == []
