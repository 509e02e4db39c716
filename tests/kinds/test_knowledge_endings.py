"""truncated-ending (SL011) knows the endings that are finished without a full stop.

A list, a line-up, a credit or a sign-off ends an article as published; markup residue and
an unfinished sentence do not, whatever comes before them.
"""

from __future__ import annotations

import pytest

import seedlint
from conftest import seed


def flagged(body: str) -> list[str]:
    text = seed(body)
    return [text[d.start : d.end] for d in seedlint.lint_text(text, select=["SL011"])]


@pytest.mark.parametrize(
    "ending",
    [
        "Chelsea won 2-0 at home.\n\nReferee: J Smith (England)",
        "The crowd sang.\n\nAttendance: 10,481",
        "Chelsea: Cech; Ferreira, Terry, Carvalho, Gallas; Makelele, Lampard",
        "The winners were named.\n\nBest actor: John Doe (US), Richard Roe (UK)",
        "The talks went on.\n\nAdditional reporting by Jane Doe",
        "Thanks for reading.\n\nJane Doe, US Department of Agriculture",
        "Thanks for reading.\n\nJane Doe — product manager, 10x, GSA",
        "Contact\n\nJane Doe | jdoe (at) agency (dot) gov",
        "Further reading:\n\nUse common, everyday words\n\nFocus on verbs, not nouns",
        "For more details, visit: https://www.example.gov/challenge/",
        "It was settled in 1999. https://example.org/history ↩",
        "It helps the public. (Slides 194-205)",
        "The team mentioned A vs. B before.\n\nRelated:\n\nA Title\n\nA vs. B: the Problem",
        "Let us know how we can help.\n\nTeam 18F",
        "We will be back next year.\n\nThanks, the Login.gov team!",
        "We hope you enjoy it.\n\nThe Django Team July 2006",  # a sign-off and its date
        "We hope you enjoy it.\n\nTeam 18F, March 3, 2016",
        "I hope you find it useful!\n\n~Timothy Crosley",  # a credit's mark before the name
        "I hope you find it useful!\n\nTimothy Crosley",  # a writer's name alone
        "MIT License.\n\nCopyright (c) 2024 Jane Doe",
        "Space is limited.\n\nRegister at Eventbrite for 18F Demo Day",
        "It was a joint effort.\n\n18F launch team: Jane Doe, John Roe, and Ann Poe",
    ],
)
def test_finished_endings_are_not_truncations(ending: str) -> None:
    assert flagged(ending) == []


@pytest.mark.parametrize(
    ("ending", "span"),
    [
        ("A sentence.\n\nOne sentence. And then the text stops in the", "And then the"),
        ("Watch the video.\n\n[youtube=http://www.youtube.com/watch?v=x1&w=600]", "[youtube="),
        ("Read on.\n\nItem one\n\nItem two\n\n:clap: :clap:", ":clap:"),
        ("She served at VA in 2013._", "She served"),
        ("Read on.\n\nItem one\n\nItem two, and then the", "Item two"),
        ("A full sentence.\n\nCo-chair of NCAB, Sharon Barber commented,", "Co-chair"),
        # an invitation cut before the name it leads to, a team that is only "our team"
        ("A full sentence.\n\nLearn more about the Digital", "Learn more"),
        ("A full sentence.\n\nRead the full report on the", "Read the"),
        ("A full sentence. We thank our team", "We thank"),
        ("A full sentence.\n\nOur team", "Our team"),
        ("A full sentence.\n\nThe Django Team may 2006 be", "The Django"),  # no date ends it
        # a name alone whose first word is no given name
        ("A full sentence.\n\nCrosley Timothy", "Crosley"),
    ],
)
def test_unfinished_endings_and_residue_are_found(ending: str, span: str) -> None:
    found = flagged(ending)
    assert len(found) == 1 and found[0].startswith(span)


@pytest.mark.parametrize(
    "ending",
    [
        # closing formulae, alone or after the last sentence, perhaps decorated
        "We built a tool.\n\nThanks for reading",
        "We built a tool.\n\nStay tuned",
        "We built a tool. See you there",
        "We built a tool.\n\nCheers",
        "We built a tool.\n\nHappy Holidays from all of us at DigitalGov",
        "We built a tool.\n\nHappy coding! 🎉",
        "We built a tool.\n\nThanks! :)",
        "We built a tool. Enjoy :-)",
        # calls to write or sign up
        "We built a tool.\n\nInterested in joining us? Apply today",
        "We built a tool.\n\nQuestions? Email us",
        "We built a tool.\n\nSubscribe to our newsletter",
        # addresses: a bare domain, a hashtag, a telephone number
        "We built a tool.\n\nLearn more at Digital.gov",
        "We built a tool.\n\nJoin the conversation on Twitter using #GovUX",
        "We built a tool.\n\nFor help, call 1-800-FED-INFO",
        "We built a tool.\n\nFor help, call (202) 555-0100",
        # where the post first appeared, its series, its helpers
        "We built a tool.\n\nThis post originally appeared on the 18F blog",
        "We built a tool.\n\nCross-posted from the GSA blog",
        "We built a tool.\n\nOriginally published on March 3, 2016",
        "We built a tool.\n\nThis post is part of our series on accessibility",
        "We built a tool.\n\nSpecial thanks to Jane Doe and John Roe for their help",
        "We built a tool.\n\nThanks to Ann Poe for the drawings",
        # a line of hashtags, a date, a labelled title
        "We built a tool.\n\n#DigitalGov #OpenData",
        "We built a tool.\n\nMarch 3, 2016",
        "We built a tool.\n\nRelated: How we built the tool",
        # words ending on a full date, a writer's line
        "We built a tool.\n\nNote: this post was updated on March 3, 2016",
        "We built a tool. Last updated 2016-03-03",
        "We built a tool.\n\nJane Doe is a designer at 18F",
        "We built a tool.\n\nJohn Roe was the lead engineer with the Department of Labor",
        # credits, valedictions, calls, file notes, a link to a brand
        "We built a tool.\n\nGuest post by Jane Doe",
        "We built a tool.\n\nJane Doe, Jane Roe and John Poe contributed to this post",
        "We built a tool.\n\nCheers, Jane",
        "We built a tool.\n\nBest regards, Jane Doe",
        "We built a tool.\n\nUntil next time, happy designing",
        "We built a tool.\n\nHave a great weekend",
        "We built a tool.\n\nLet us know what you think in the comments",
        "We built a tool.\n\nShare this post",
        "We built a tool.\n\nDownload the slides (PPT, 2 MB)",
        "We built a tool.\n\nWatch the video on YouTube",
        # labelled notes, footnotes, disclaimers, a series' part
        "We built a tool.\n\nEditor’s note: This post is part of our series on accessibility",
        "We built a tool.\n\nUpdate: The form is back online and works again",
        "We built a tool.\n\nDisclaimer: References to brands do not imply endorsement by GSA",
        "We built a tool.\n\n[1] Source: GAO report GAO-19-123",
        "We built a tool.\n\n*Names have been changed to protect privacy",
        "We built a tool.\n\nThe views expressed are those of the author",
        "We built a tool.\n\nPart 2 of 3 in our series on content strategy",
        # a link's text naming what it leads to; closing wishes and thanks
        "We built a tool.\n\nRead the full report",
        "We built a tool.\n\nSubscribe to the newsletter",
        "We built a tool.\n\nLearn more about the program",
        "We built a tool.\n\nThanks to everyone who joined us",
        "We built a tool.\n\nStay safe and healthy",
        "We built a tool.\n\nKeep up the great work",
    ],
)
def test_closings_calls_and_notes_are_finished_endings(ending: str) -> None:
    assert flagged(ending) == []


@pytest.mark.parametrize(
    ("ending", "span"),
    [
        # the same openings, cut: on a word that ends nothing, or past the formula
        ("We built a tool.\n\nThanks to the new law, agencies now", "Thanks to"),
        ("We built a tool.\n\nThanks to the new law, agencies can", "Thanks to"),
        ("We built a tool.\n\nHappy holidays to all of", "Happy"),
        ("We built a tool.\n\nStay tuned for the next post on the", "Stay tuned"),
        ("We built a tool.\n\nThis post originally appeared on the", "This post"),
        ("We built a tool.\n\nQuestions? Email us at", "Email us"),
        ("We built a tool.\n\nSubscribe to our newsletter and the", "Subscribe"),
        ("We built a tool.\n\nThe agency said its new tool 🎉", "The agency"),
        ("We built a tool.\n\nHappy coding and the :-)", "Happy"),
        ("We built a tool.\n\nWe met on March 3, 2016 and", "We met"),
        ("We built a tool.\n\nJane Doe is a designer at the", "Jane Doe"),
        ("We built a tool.\n\nJane Doe is a designer who", "Jane Doe"),
        ("We built a tool.\n\nThe update in March 3", "The update"),
        ("We built a tool.\n\nBest Practices", "Best Practices"),  # a heading, not a name
        ("We built a tool.\n\nGuest post by the", "Guest post"),
        ("We built a tool.\n\nWatch the video on the", "Watch"),
        ("We built a tool.\n\nDownload the slides (PPT", "Download"),
        ("We built a tool.\n\nEditor’s note: This post is part of the", "Editor’s note"),
        ("We built a tool.\n\nUpdate: The agency said that", "Update"),
        ("We built a tool.\n\n[1] Source: GAO report on the", "[1]"),
        ("We built a tool.\n\n*Names have been changed to", "*Names"),
        ("We built a tool.\n\nThe views expressed here are those of the", "The views"),
        ("We built a tool.\n\nPart 2 of 3 in our", "Part 2"),
        # a bullet's mark is markup, no footnote's; a heading names no series
        ("We built a tool.\n\n* This figure excludes contractors", "* This"),
        ("We built a tool.\n\nVideo transcript", "Video transcript"),
        # a link's text cut, or naming nothing; navigation left by a scraper
        ("We built a tool.\n\nRead the full report on the", "Read the"),
        ("We built a tool.\n\nLearn more about the program and how to apply", "Learn more"),
        ("We built a tool.\n\nRead more", "Read more"),
        ("We built a tool.\n\nBack to top", "Back to top"),
        ("We built a tool.\n\nThanks to everyone who", "Thanks to"),
    ],
)
def test_cut_closings_calls_and_notes_are_found(ending: str, span: str) -> None:
    found = flagged(ending)
    assert len(found) == 1 and found[0].startswith(span)


def test_a_lone_heading_after_prose_is_a_missing_section() -> None:
    assert flagged("The last sentence of the article.\n\nConclusion") == ["Conclusion"]


def test_abbreviations_end_no_sentence() -> None:
    # "vs." and "U.S." inside the last paragraph do not make a fragment of what follows
    found = flagged("Prose ends here.\n\nSome prose about the U.S. Web Design System and more of")
    assert found == ["Some prose about the U.S. Web Design System and more of"]


def test_an_invitation_is_a_short_line() -> None:
    # few words but a long line: no invitation (and no search that grows with its square)
    assert flagged("We built a tool.\n\nRegister at Eventbrite for 18F Demo Day") == []
    assert len(flagged("We built a tool.\n\nRead " + "1 " * 150 + "Demo Day")) == 1


@pytest.mark.parametrize("ending", ["2021", "* * *", "(3/4)", "—"])
def test_an_ending_without_a_word_is_judged_without_error(ending: str) -> None:
    assert len(flagged(f"We built a tool.\n\n{ending}")) <= 1


@pytest.mark.parametrize(
    "ending", ["Back to top", "Next post »", "Continue reading →", "Read more"]
)
def test_navigation_a_scraper_kept_is_named_as_such(ending: str) -> None:
    text = seed(f"We built a tool.\n\n{ending}")
    (found,) = seedlint.lint_text(text, select=["SL011"])
    assert "on navigation left by a scraper" in found.message
    assert found.fix is not None  # the unsafe fix deletes it, as any unfinished ending


def test_a_sentence_about_navigation_is_no_navigation() -> None:
    (found,) = seedlint.lint_text(
        seed("We built a tool.\n\nWe moved the back to top"), select=["SL011"]
    )
    assert "mid-sentence" in found.message
