"""SL211 on bare forms that are words of their own ("its", "cant", "wont", "lets", "Id",
"Ill", "wed", "hed"): a contraction where the words around leave no other reading, the
word everywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import seed
from helpers import fixed, found
from seedlint.ruleset.rulefile import RuleFileError, load_rules

# (damaged sentence, the same sentence fixed)
CONTRACTIONS = [
    ("Its a long road.", "It's a long road."),
    ("We know its not simple.", "We know it's not simple."),
    ("Now its been a year.", "Now it's been a year."),
    ("Ask them what its about.", "Ask them what it's about."),
    ("The plan says its up to us.", "The plan says it's up to us."),
    ("I think its important to ask.", "I think it's important to ask."),
    ("Maybe its possible the two signals met.", "Maybe it's possible the two signals met."),
    ("Its also a way to learn.", "It's also a way to learn."),
    ("Its just really hard to stay calm.", "It's just really hard to stay calm."),
    ("Its particularly important to plan.", "It's particularly important to plan."),
    ("They say its designed for speed.", "They say it's designed for speed."),
    ("I know its painful, but we go on.", "I know it's painful, but we go on."),
    ("Act before its too late.", "Act before it's too late."),
    (
        "Those things fit nowhere. Because its everywhere.",
        "Those things fit nowhere. Because it's everywhere.",
    ),
    (
        "The data are not lost: its somewhere in the archive.",
        "The data are not lost: it's somewhere in the archive.",
    ),
    (
        "We keep it safe, whether its documented correctly or not.",
        "We keep it safe, whether it's documented correctly or not.",
    ),
    ("Meet often, even if its brief.", "Meet often, even if it's brief."),
    (
        "Pay for a tool, and its made available to all.",
        "Pay for a tool, and it's made available to all.",
    ),
    ("It ran late because its short.", "It ran late because it's short."),
    ("Its worth noting the cost.", "It's worth noting the cost."),
    ("Now its time to act.", "Now it's time to act."),
    ("Its one of the best.", "It's one of the best."),
    ("Its going to rain.", "It's going to rain."),
    ("Its no longer clear.", "It's no longer clear."),
    ("We won and its over. Its 100 years old.", "We won and it's over. It's 100 years old."),
    ("Its called a draft.", "It's called a draft."),
    ("The app and its one of the best.", "The app and it's one of the best."),
    ("Its also worth noting the cost.", "It's also worth noting the cost."),
    ("Its much more important to ask.", "It's much more important to ask."),
    ("Now its become clear that it works.", "Now it's become clear that it works."),
    ("Its neither classified nor secret.", "It's neither classified nor secret."),
    ("Its definitely something to see.", "It's definitely something to see."),
    ("Its here: the new plan.", "It's here: the new plan."),
    ("Its fairly straightforward to do.", "It's fairly straightforward to do."),
    ("Its free for anyone to use.", "It's free for anyone to use."),
    ("Users cant wait for it.", "Users can't wait for it."),
    ("They cant all be right.", "They can't all be right."),
    ("Why cant you solve it?", "Why can't you solve it?"),
    ("But I think its incumbent on us to act.", "But I think it's incumbent on us to act."),
    (
        "Before we leave this city, lets you and I work together.",
        "Before we leave this city, let's you and I work together.",
    ),
    ("Lets you and I start.", "Let's you and I start."),
    (
        'The event, "They Cant Stop All of Us", drew crowds.',
        'The event, "They Can\'t Stop All of Us", drew crowds.',
    ),
    ("He said We Wont Back Down was the song.", "He said We Won't Back Down was the song."),
    ("It wont necessarily work.", "It won't necessarily work."),
    ("We wont be long.", "We won't be long."),
    ("Lets take a look.", "Let's take a look."),
    ("So lets start here.", "So let's start here."),
    ("Now, lets all say it.", "Now, let's all say it."),
    ("To start, lets discuss the plan.", "To start, let's discuss the plan."),
    ("Bill, lets go back in time.", "Bill, let's go back in time."),
    ("Done. To define the phrase, lets look back.", "Done. To define the phrase, let's look back."),
    ("Id like that.", "I'd like that."),
    ("It was a place where Id collected tools.", "It was a place where I'd collected tools."),
    ("Ill be there.", "I'll be there."),
    ("He said Ill cover it.", "He said I'll cover it."),
    ("I thought wed hit the wall.", "I thought we'd hit the wall."),
    ("But wed run it again.", "But we'd run it again."),
    ("He did not say hed ordered it.", "He did not say he'd ordered it."),
    # adjectives the word lists know only by their ending, and lists of adjectives
    ("I think its available to all.", "I think it's available to all."),
    ("Its searchable. It helps.", "It's searchable. It helps."),
    ("Check its current, accurate, and complete.", "Check it's current, accurate, and complete."),
    ("In a place where its safe and easy to try.", "In a place where it's safe and easy to try."),
    # an item of the list after its adverb in -ly
    (
        "Thanks, its extremely helpful and sorely needed.",
        "Thanks, it's extremely helpful and sorely needed.",
    ),
    ("Its messy, and you know it.", "It's messy, and you know it."),
    ("Its free, but it takes time.", "It's free, but it takes time."),
    ("Ask whether its unclear who decides.", "Ask whether it's unclear who decides."),
    ("Its written as a set of rules.", "It's written as a set of rules."),
    ("Its also helped us to focus.", "It's also helped us to focus."),
    ("Its usually most helpful to ask.", "It's usually most helpful to ask."),
    ("Its only when we ask that we learn.", "It's only when we ask that we learn."),
    ("You could say its worth its weight in gold.", "You could say it's worth its weight in gold."),
    ("Its thanks to her that it works.", "It's thanks to her that it works."),
    ("Its another thing to read it.", "It's another thing to read it."),
    ("Ask them whether its OK for you.", "Ask them whether it's OK for you."),
    ("Its time for action.", "It's time for action."),
    ("I learned that its best to wait.", "I learned that it's best to wait."),
    ("Whether its designing an interface or not.", "Whether it's designing an interface or not."),
    ("Be it the way that its trying to help.", "Be it the way that it's trying to help."),
    ("They asked why its being requested.", "They asked why it's being requested."),
    ("How do you do it? You cant.", "How do you do it? You can't."),
    ("Its building a better plan.", "It's building a better plan."),
    ("On top of that, its always changing.", "On top of that, it's always changing."),
    ("Its also serving to protect them.", "It's also serving to protect them."),
    ("Its just time to act.", "It's just time to act."),
    ("Related, its one that will take time.", "Related, it's one that will take time."),
    ("They grow and its because of him.", "They grow and it's because of him."),
    ("It is not easy, but its necessary.", "It is not easy, but it's necessary."),
    ("They wrote “hopes.” Its easy to think so.", "They wrote “hopes.” It’s easy to think so."),
    ("The team.Its based on trust.", "The team.It's based on trust."),
    ("Its amazing how many know.", "It's amazing how many know."),
    (
        "I love that its very new and exciting and there is more.",
        "I love that it's very new and exciting and there is more.",
    ),
    ("Once its ready, we will ship.", "Once it's ready, we will ship."),
    ("I like it because its similar to my work.", "I like it because it's similar to my work."),
    ("But with sauce, its tastier.", "But with sauce, it's tastier."),
    ("Now its getting better.", "Now it's getting better."),
    (
        "There is an app, and now its expanding its reach.",
        "There is an app, and now it's expanding its reach.",
    ),
    ("Its kind of like a key.", "It's kind of like a key."),
    ("It helps. Its counter-productive to wait.", "It helps. It's counter-productive to wait."),
    ("Its downright patriotic to help.", "It's downright patriotic to help."),
    ("Its humiliating because it hurts.", "It's humiliating because it hurts."),
    ("He said, “hey lets get that done.”", "He said, “hey let’s get that done.”"),
    (
        "She said: “When we start, lets treat it as new.”",
        "She said: “When we start, let’s treat it as new.”",
    ),
    ("Id been there before.", "I'd been there before."),
    ("Next time, Ill flip the focus.", "Next time, I'll flip the focus."),
    ("In this article, Ill review six ways.", "In this article, I'll review six ways."),
    ("Its fast and can quickly help.", "It's fast and can quickly help."),
    ("It is not their job, its ours.", "It is not their job, it's ours."),
    ("Its enough to make your head spin.", "It's enough to make your head spin."),
    ("Its all part of the plan.", "It's all part of the plan."),
    ("Its one we readily accept.", "It's one we readily accept."),
    ("Skip it unless its part of a redesign.", "Skip it unless it's part of a redesign."),
    ("Try it. If its promising, go on.", "Try it. If it's promising, go on."),
    ("We show how its beneficial,” she said.", "We show how it’s beneficial,” she said."),
    ("For common tasks Its easier to apply.", "For common tasks It's easier to apply."),
    ("In particular, Its a great feeling.", "In particular, It's a great feeling."),
    ("Sound familiar? Its notable that it works.", "Sound familiar? It's notable that it works."),
    ("Its key to have a plan.", "It's key to have a plan."),
    ("We crossed the Channel, its crazy.", "We crossed the Channel, it's crazy."),
    ("We test the tool as its being built.", "We test the tool as it's being built."),
    ("As its just enforcing two rules, it ran.", "As it's just enforcing two rules, it ran."),
    ("Not because its perfect, but now.", "Not because it's perfect, but now."),
    ("Logs dwindled, and its becoming easier.", "Logs dwindled, and it's becoming easier."),
    ("Tell us if its helpful and how to help.", "Tell us if it's helpful and how to help."),
    ("If it works here, its possible anywhere.", "If it works here, it's possible anywhere."),
    ("Its true, the gallery is good.", "It's true, the gallery is good."),
    ("The name is dull, but its what's inside.", "The name is dull, but it's what's inside."),
    ("Email us and lets talk.", "Email us and let's talk."),
    ("Once we agree, Ill move it.", "Once we agree, I'll move it."),
    (
        "So, its imperative to act. Its ideal to have both.",
        "So, it's imperative to act. It's ideal to have both.",
    ),
    ("Lets first define the terms.", "Let's first define the terms."),
    (
        "In a few decades, its gone, freeing the ice.",
        "In a few decades, it's gone, freeing the ice.",
    ),
    ("He said: “Its official — I am on.”", "He said: “It’s official — I am on.”"),
    ("I don't believe it, its fake.", "I don't believe it, it's fake."),
    ("Whether its amazing, we will see.", "Whether it's amazing, we will see."),
    ("And now its showing up again.", "And now it's showing up again."),
    ("If it fails, its doing more harm.", "If it fails, it's doing more harm."),
    ("We go on because its worth it.", "We go on because it's worth it."),
    ("It is not done when its first released.", "It is not done when it's first released."),
    (
        "With new ideas, its expected there are bugs.",
        "With new ideas, it's expected there are bugs.",
    ),
    # an adjective no possessive owns alone, before a pause: no clause start needed
    ("At the start its easy - don't break.", "At the start it's easy - don't break."),
    ("In the end its great.", "In the end it's great."),
    # "been" after "hed" and "wed"
    ("He told us how hed been in the trenches.", "He told us how he'd been in the trenches."),
    (
        'He said: "Hed gone through six weeks of it."',
        'He said: "He\'d gone through six weeks of it."',
    ),
    ("I think its inevitable that it changes.", "I think it's inevitable that it changes."),
    ("I think Id much rather be here.", "I think I'd much rather be here."),
    # from the State of the Union addresses' damaged copies
    ("It is not older; its getting younger.", "It is not older; it's getting younger."),
    ("Find someone who cant. Then help.", "Find someone who can't. Then help."),
    ("We see it, but lets also be realistic.", "We see it, but let's also be realistic."),
    ("I say lets leave that to history.", "I say let's leave that to history."),
    ("Right now its only about 3 workers.", "Right now it's only about 3 workers."),
    (
        "A worker decides its time she became her own boss.",
        "A worker decides it's time she became her own boss.",
    ),
    # "enough" after an adjective or participle says how much: no noun is owned
    ("Review it so that its well written enough.", "Review it so that it's well written enough."),
    ("I think its big enough to matter.", "I think it's big enough to matter."),
    # a determiner after "only" opens what "it's" says; an adverb said twice is one
    ("Its only a game.", "It's only a game."),
    ("It is unfair. And its very, very unfair.", "It is unfair. And it's very, very unfair."),
    # a clause's subject after "it's" and an adverb: no possessive owns a pronoun
    (
        'He said: "Its just I didn\'t get the wickets."',
        "He said: \"It's just I didn't get the wickets.\"",
    ),
    # a measure: a number, a unit in the plural and what it measures
    ("It was late, and its 1,057 pages long.", "It was late, and it's 1,057 pages long."),
    ("Its 200 miles away, and its 3 hours late.", "It's 200 miles away, and it's 3 hours late."),
    # an adjective that opens a clause, then "and" or "but" and a clause of its own
    (
        "After a win, its very, very exciting and the team cheers.",
        "After a win, it's very, very exciting and the team cheers.",
    ),
    ("I know its hard but the team tries.", "I know it's hard but the team tries."),
    ("I say its tough but we try.", "I say it's tough but we try."),
    (
        "As I say its always tough but it's a good side.",
        "As I say it's always tough but it's a good side.",
    ),
    # "getting" before a comparative of a stem in a double consonant
    ("The deficit fell, and its getting smaller.", "The deficit fell, and it's getting smaller."),
    # "Ill" and "Id" capitalised inside a sentence: the pronoun's, before a verb
    ("And Ill work to strengthen it.", "And I'll work to strengthen it."),
    (
        "If you pass it, Ill work hard. But Id work on it.",
        "If you pass it, I'll work hard. But I'd work on it.",
    ),
    # an adjective that opens a clause before a gerund with its object
    ("Its nice seeing you here.", "It's nice seeing you here."),
    ("Its great having the team back.", "It's great having the team back."),
    # "lets not" before a verb: the verb "lets" takes its object first
    ("Lets not forget the veterans.", "Let's not forget the veterans."),
    ("We won, but lets not get caught again.", "We won, but let's not get caught again."),
    # two hyphens are a dash of plain text: what follows opens a phrase
    (
        "We had one Pearl Harbor--lets not get caught.",
        "We had one Pearl Harbor--let's not get caught.",
    ),
    ("It was late--its been a long day.", "It was late--it's been a long day."),
    # a clause's subject by name after an adjective that opens a clause; "only one"
    ("Its important John Howard deliver.", "It's important John Howard deliver."),
    ("Its only one Test match.", "It's only one Test match."),
    # only "have" and what it owns make a second "its" a possessive
    ("It has its charm, and its clear why.", "It has its charm, and it's clear why."),
    ("The firm lost its way and its hard to say.", "The firm lost its way and it's hard to say."),
    # a predicate and an adverb in -ly, then a pause or what follows a predicate
    (
        "It evolves, but its available publicly and will grow.",
        "It evolves, but it's available publicly and will grow.",
    ),
    (
        "The fact that its implemented entirely in Python.",
        "The fact that it's implemented entirely in Python.",
    ),
    # "Id" before a verb and a preposition
    ("It matters. Id go to your site for that.", "It matters. I'd go to your site for that."),
]

# the same bare forms where they are the words they are
WORDS = [
    "The lawyer filed its brief.",
    "The agency gave its brief to the team.",
    "The firm kept its published annual report.",
    "The company released its considered opinion.",
    "The dog wagged its tail.",
    "The club and its tough but fair rules.",  # the possessive's adjectives go on
    "Every plan has its good and bad.",  # "have" owns what follows: never "has it's"
    "The city has its good and its bad.",  # and so a second "its" joined to the first
    "It returns an error to its caller, again without a trace.",  # an adverb lists nothing
    "Code need not change its except clauses.",  # "it's except" is no English
    "It lost its great joy, and the team lost its only one.",  # owned
    "From a script, im.show() opens it and dont.run() runs it.",  # names in code
    "The plan had its ups and its downs, or its quirks or its charms.",
    "It had its fair share, and having its say mattered.",
    "The city is known for its truly unique architecture.",
    "We asked whether its new staff or not would come.",  # owned: a noun before "or not"
    "The company said its new chief would start in May.",
    "It did its best to win, on its own.",
    "It is one of its kind.",
    "Give it its due.",
    "It cut its 3,000 jobs.",
    "It kept its No. 1 ranking and its no 2 seed.",
    "It pressed on with its so called reforms.",
    "The firm and its around 2,000 staff moved; it paid its over 100 members.",
    "It doubled its more than 2,000 staff and its much larger rival.",
    "It has its more important role and its less known branch.",
    "They sold its building a year ago.",
    "Ohio delayed its voting in March.",
    "It revised its API for the new release.",
    "Its members voted on Tuesday.",
    "It praised its agile, lean methods.",
    "It praised its helpful and highly trained staff and its helpful and friendly staff.",
    "We saw its lifecycle.",
    "It raised its prices.",
    "It kept its open door policy and its free time.",
    "The firm paid its fine. It gave its all. Shares rose at its open.",
    "The army buried its dead in the valley and flew its wounded to a hospital.",
    "The firm runs its very own store.",
    "Visit its about page.",
    "The company used its time to plan.",
    "The cant of politics tired her.",
    "As is his wont, he spoke last.",
    "They were wont to say so.",
    "The tool lets users choose.",
    "It is an app that lets people apply online.",
    "The app, which is free, lets people apply and lets staff choose.",
    "Done. The site, built in 2019 for the public, lets people apply.",
    "Please show your Id card.",
    "Ill health forced him to retire.",
    "Ill will grew between them.",
    "They wed last year.",
    "The couple that wed in June moved.",
    "Mr Cant spoke first. Cant will speak again at noon.",
    "The panel chose them, Cant and Wont, to lead. We thank you Cant for the work.",
    "We thank you Cant for the work. They Cant family moved. We met Cant. He Wont, too.",
    "The party kept its incumbent on the ballot. The seat and its incumbent upon retiring.",
    "This tool lets you and I share files. It lets you and I.",
    "It gave its available funds to its most loyal staff and its only hope.",
    "It kept its current, accurate records and its safe and easy access.",
    "It used its historic, iconic building as its official residence.",
    "The firm said its training to prepare staff was cut, and its funding the year after.",
    "They objected to its being sold. It did its most to win.",
    "It kept its well-known brand and its long-term plan; it sold its so-called assets.",
    "It is the first of its kind. It sold its paper, its border and its safer cars.",
    "Its changing of the guard drew crowds. It hid its one remaining store.",
    "It said that its meeting a week later ended well, and when its funding the next year rose.",
    "Its worth to the city is clear. Its time was up.",
    "Join us at https://gitter.im/python or at notes.its now.",
    "The team gave its all in the final and put its all into the game.",
    "Its key to success was luck. It kept its key that opens the gate.",
    "The crew did its part of the work, and the magazine changed its subject to art.",
    "The book Its Time Has Come sold well.",
    "Since its founding, the firm has grown. Since its founding two decades ago, it grew.",
    "It served as its chair. It is the same as its free counterpart.",
    "The firm paid its debt, its fine, and its costs.",
    "It is free, and lets people apply.",
    "If its proven, reliable method works, it wins. It sold its used, old cars.",
    "As its thoughtful, well-researched content shows, it is good.",
    "The band played its first released single.",
    "When its founding more than a century ago was marked, it grew.",
    "The robot grips and lets go. The council lets land to farmers and lets talk happen.",
    "It paid its fine. The bank kept its safe. The captain keeps its cool.",
    "The village and its common. The party and its ideal. Right its wrong.",
    "They wed in June. Wed, March 4: the couple wed on Wed in the rain.",
    "The app is slow but lets users try it. The rule says lets are taxed.",
    "Its only hope is rain; its only son left.",
    "The club took its time to decide, and its time it kept.",
    "The tool lets not only users but admins in. The landlord lets not one room but two.",
    "The village kept its well. The firm and its well known brand. It sold its well water.",
    "The firm and its very, very old brand. It sold its only one.",
    "Its hard working staff won. The firm kept its good standing in the market.",
    "It kept its good understanding that growth matters. They liked its easy reading style.",
    "It cut its 3,000 employees. It doubled its 30 years old fleet.",
    "The city and its great and the good. It kept its red and the blue flags.",
    "Programs for the Mentally Ill work well. Ill work conditions hurt.",
    "We think Ill health matters.",
    "It said its available publicly funded programs grew. It shows its widely used tool.",
    "Ill will towards them grew.",
    "Run the tool with --its-own-flag or its--verbose mode to see its--not our--view.",
]


@pytest.mark.parametrize(("damaged", "restored"), CONTRACTIONS)
def test_a_bare_form_the_words_around_read_as_a_contraction_is_restored(
    damaged: str, restored: str
) -> None:
    assert fixed(seed(damaged), "SL211") == seed(restored)


@pytest.mark.parametrize("text", WORDS)
def test_a_bare_form_that_is_the_word_it_is_stays(text: str) -> None:
    assert found(seed(text), "SL211") == []


def test_the_fix_follows_the_documents_apostrophe() -> None:
    text = seed("We don’t know. Its not clear.")
    assert fixed(text, "SL211") == seed("We don’t know. It’s not clear.")


def test_a_listed_phrase_and_the_reading_report_one_finding() -> None:
    # "wed be" is a listed phrase; "thought wed be" is also read as a contraction
    assert found(seed("I thought wed be late."), "SL211") == [("SL211", "wed be")]


def test_a_bare_form_without_a_reading_is_a_one_line_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - code: XX001\n    name: word-forms\n    kind: apostrophe\n"
        "    severity: error\n    message: '{match}'\n    word-contractions:\n      well: we'll\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="no reading of 'well' is known") as error:
        load_rules([str(rules)], tmp_path)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("heading", "restored"),
    [
        ("Why Its Important", "Why It's Important"),
        ("Its Time to Act", "It's Time to Act"),
        (
            "Testing Is About More than Vendors, Its About Device Versions",
            "Testing Is About More than Vendors, It's About Device Versions",
        ),
        ("Module 2: Its All About the Teams", "Module 2: It's All About the Teams"),
        ("Apple Updates Its Software", "Apple Updates Its Software"),
        ("The City and Its Past", "The City and Its Past"),
        ("Its Members Vote Today", "Its Members Vote Today"),
        ("Its API", "Its API"),
    ],
)
def test_a_heading_in_title_case_reads_as_if_written_in_lower_case(
    heading: str, restored: str
) -> None:
    text = seed(f"Some text here.\n\n{heading}\n\nMore text follows.")
    assert fixed(text, "SL211") == seed(f"Some text here.\n\n{restored}\n\nMore text follows.")
