"""The linter (seedlint.engine.linter): which rules run (selection, per-file ignores with
gitignore patterns, language scoping), how the settings adjust them (severities, rule
options, each refused with a reason), and the diagnostics it makes of their findings.
"""

from __future__ import annotations

import pytest

import seedlint
from conftest import default_linter, seed
from helpers import pattern_rule
from seedlint.engine.diagnostics import Severity
from seedlint.engine.linter import Linter, LintSettings, RuleOptionsError
from seedlint.engine.selectors import SelectorError

FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir "
    "les entreprises touchées par la crise, selon un communiqué publié par le ministère "
    "de l'Économie et des Finances à Paris. Le Prime Minster a parlé."
)
ENGLISH = (
    "The government announced a series of measures on Tuesday to support the companies "
    "hit by the crisis, according to a statement published by the ministry in London on "
    "Monday evening. The Prime Minster spoke about it at length in Parliament."
)
SHORT = "The Prime Minster spoke."  # too short for its language to be told
RULES = [
    pattern_rule("HS001", "alpha"),
    pattern_rule("HS002", "beta", "BETA"),
    pattern_rule("HS010", "gamma", severity=Severity.INFO),
    pattern_rule("XY001", "delta", severity=Severity.ERROR),
]


def codes(linter: Linter, rules: object = None) -> list[str]:
    chosen = linter.rules if rules is None else rules
    return [r.code for r in chosen]  # type: ignore[attr-defined]


# --- selection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (LintSettings(), ["HS001", "HS002", "HS010", "XY001"]),
        (LintSettings(select=("HS",)), ["HS001", "HS002", "HS010"]),
        (LintSettings(select=("HS00",), extend_select=("XY001",)), ["HS001", "HS002", "XY001"]),
        (LintSettings(select=("ALL",), ignore=("HS0", "rule-xy001")), []),
        (LintSettings(select=("rule-hs010", "hs002")), ["HS002", "HS010"]),  # names, any case
        (LintSettings(ignore=("HS001",)), ["HS002", "HS010", "XY001"]),
    ],
)
def test_selection_by_code_prefix_and_name(settings: LintSettings, expected: list[str]) -> None:
    linter = Linter(RULES, settings)
    assert codes(linter) == expected
    assert len(linter.all_rules) == len(RULES)  # the others stay known (for explain, rules)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (LintSettings(select=("HS003",)), "select: 'HS003' selects no rule (did you mean"),
        (LintSettings(ignore=("nope",)), "ignore: 'nope' selects no rule (see 'seedlint rules')"),
        (LintSettings(per_file_ignores={"*.txt": ("ZZ",)}), "per-file-ignores: 'ZZ' selects"),
        (LintSettings(severity={"HS9": Severity.INFO}), "severity: 'HS9' selects no rule"),
        (LintSettings(rule_options={"HS7": {}}), "rule-options: 'HS7' selects no rule"),
    ],
)
def test_a_selector_that_names_no_rule_is_refused(settings: LintSettings, message: str) -> None:
    with pytest.raises(SelectorError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Linter(RULES, settings)


# --- per-file ignores ------------------------------------------------------------------


def test_per_file_ignores_follow_gitignore_patterns() -> None:
    linter = Linter(
        RULES,
        LintSettings(
            per_file_ignores={
                "seeds/raw/*": ("HS001",),
                "drafts/": ("HS0",),  # a folder, at any depth
                "*.md": ("ALL",),  # a name, at any depth
                "/top.txt": ("XY001",),  # anchored to the configuration's folder
            }
        ),
    )
    every = codes(linter)
    assert codes(linter, linter.rules_for("seeds/raw/a.txt")) == ["HS002", "HS010", "XY001"]
    # a folder that a pattern names is ignored with everything in it, as git does
    assert codes(linter, linter.rules_for("seeds/raw/deeper/a.txt")) == ["HS002", "HS010", "XY001"]
    assert codes(linter, linter.rules_for("seeds/rawer/a.txt")) == every
    assert codes(linter, linter.rules_for("a/drafts/b/c.txt")) == ["XY001"]
    assert codes(linter, linter.rules_for("notes.md")) == []
    assert codes(linter, linter.rules_for("sub/notes.md")) == []
    assert codes(linter, linter.rules_for("top.txt")) == ["HS001", "HS002", "HS010"]
    assert codes(linter, linter.rules_for("sub/top.txt")) == every
    assert linter.rules_for(None) is linter.rules and linter.rules_for("a.txt") is linter.rules
    # one list per set of ignores, shared by every file that has that set
    assert linter.rules_for("seeds/raw/a.txt") is linter.rules_for("seeds/raw/b.txt")


def test_lint_with_a_files_rules_leaves_out_the_ignored_ones() -> None:
    linter = Linter(RULES, LintSettings(per_file_ignores={"old/*": ("HS001",)}))
    text = seed("alpha beta")
    assert [d.code for d in linter.lint(text, "new/a.txt", linter.rules_for("new/a.txt"))] == [
        "HS001",
        "HS002",
    ]
    assert [d.code for d in linter.lint(text, "old/a.txt", linter.rules_for("old/a.txt"))] == [
        "HS002"
    ]


# --- severities and rule options -------------------------------------------------------


def test_severity_overrides_apply_in_order_and_decide_failure() -> None:
    linter = Linter(
        RULES,
        LintSettings(
            severity={"HS": Severity.ERROR, "rule-hs002": Severity.INFO},
            fail_on=Severity.ERROR,
        ),
    )
    severities = {r.code: r.severity for r in linter.rules}
    assert severities == {
        "HS001": Severity.ERROR,
        "HS002": Severity.INFO,  # the later, narrower selector wins
        "HS010": Severity.ERROR,
        "XY001": Severity.ERROR,  # not selected by either: as its rule file says
    }
    found = {d.code: d for d in linter.lint(seed("alpha beta gamma"))}
    assert found["HS001"].severity == "error" and linter.fails(found["HS001"])
    assert found["HS002"].severity == "info" and not linter.fails(found["HS002"])


def test_rule_options_reconfigure_a_rule() -> None:
    text = seed("alpha ALPHA")
    assert len(Linter(RULES, LintSettings(select=("HS001",))).lint(text)) == 1
    linter = Linter(
        RULES, LintSettings(select=("HS001",), rule_options={"HS001": {"ignore-case": True}})
    )
    assert [(d.row, d.column) for d in linter.lint(text)] == [(3, 1), (3, 7)]
    assert linter.rules[0].options["ignore-case"] is True
    assert RULES[0].options["ignore-case"] is False  # the loaded rule is left as it was


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"colour": "red"},
            "HS001 [rule-hs001]: unknown option 'colour' in rule-options (its check "
            "'pattern' takes regex, replacement, delete, ignore-case, multiline, gate, "
            "time-limit)",
        ),
        (
            {"ignore-case": "yes"},
            "HS001 [rule-hs001]: rule-options: option 'ignore-case' must be true or false, "
            "not 'yes'",
        ),
        (
            {"regex": "("},
            "HS001 [rule-hs001]: rule-options: invalid regex '(': missing ) at position 1",
        ),
        (
            {"time-limit": 0},
            "HS001 [rule-hs001]: rule-options: option 'time-limit' must be more than 0 seconds",
        ),
    ],
)
def test_rule_options_that_do_not_fit_are_refused(options: dict, message: str) -> None:
    with pytest.raises(RuleOptionsError) as error:
        Linter(RULES, LintSettings(rule_options={"HS001": options}))
    assert str(error.value) == message


def test_rule_options_of_the_bundled_rules() -> None:
    """The bundled minister-typo rule flags 'Minster' after the titles it lists; given York
    as one, it flags York Minster too."""
    text = seed("We saw York Minster.")
    assert default_linter(select=("SL201",)).lint(text) == []
    york = default_linter(
        select=("SL201",), rule_options={"minister-typo": {"preceded-by": ["york"]}}
    )
    assert [d.message for d in york.lint(text)] == ["'Minster' is a typo for 'Minister'"]
    with pytest.raises(RuleOptionsError, match="option 'preceded-by' must be a list of strings"):
        default_linter(rule_options={"minister-typo": {"preceded-by": "york"}})


# --- language scoping ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("languages", "body", "language", "expected"),
    [
        (None, FRENCH, "fr", ["SL401"]),  # French, not allowed: flagged, no English rule
        (None, ENGLISH, "en", ["SL201"]),
        (None, SHORT, "", ["SL201"]),  # cannot be told, en allowed: English rules run
        (("fr",), SHORT, "", []),  # cannot be told, en not allowed: they do not
        (("en", "fr"), FRENCH, "fr", []),  # French allowed: still no English rule on it
        (("en", "fr"), SHORT, "", ["SL201"]),
    ],
    ids=["fr", "en", "short", "short-fr-only", "fr-allowed", "short-en-fr"],
)
def test_an_english_rule_runs_only_on_english_or_unidentified_documents(
    languages: tuple[str, ...] | None, body: str, language: str, expected: list[str]
) -> None:
    linter = default_linter(select=("SL201", "SL401"), languages=languages)
    assert {r.code: r.language for r in linter.rules} == {"SL201": "en", "SL401": ""}
    text = seed(body)
    assert linter.document(text).language == language
    assert [d.code for d in linter.lint(text)] == expected


def test_a_rule_without_a_language_runs_on_every_document() -> None:
    rules = [pattern_rule("HS001", "Minster"), pattern_rule("HS002", "Minster", language="en")]
    linter = Linter([*default_linter().all_rules, *rules], LintSettings(select=("HS",)))
    assert [d.code for d in linter.lint(seed(FRENCH))] == ["HS001"]
    assert [d.code for d in linter.lint(seed(ENGLISH))] == ["HS001", "HS002"]


def test_without_a_language_rule_no_document_is_identified() -> None:
    linter = Linter([pattern_rule("HS002", "Minster", language="en")])
    assert linter.document(seed(FRENCH)).language == ""
    assert [d.code for d in linter.lint(seed(FRENCH))] == ["HS002"]  # en allowed by default


# --- diagnostics -----------------------------------------------------------------------


def test_diagnostics_are_located_sorted_and_carry_their_fix() -> None:
    linter = Linter(
        [pattern_rule("HS002", "beta", "BETA"), pattern_rule("HS001", r"a(?P<tail>l\w+)")],
        LintSettings(),
    )
    text = "date 2024-01-18 T\r\n\r\nbeta alpha\r\nalpha beta\r\n"
    found = linter.lint(text, "a.txt")
    assert [(d.code, d.row, d.column, d.end_row, d.end_column) for d in found] == [
        ("HS002", 3, 1, 3, 5),
        ("HS001", 3, 6, 3, 11),
        ("HS001", 4, 1, 4, 6),
        ("HS002", 4, 7, 4, 11),
    ]  # by row, then column, whatever order the rules ran in
    assert all(d.path == "a.txt" and text[d.start : d.end] in ("alpha", "beta") for d in found)
    beta = found[0]
    assert beta.fix is not None and beta.fix.applicability == "safe"
    assert [(e.start, e.end, e.content) for e in beta.fix.edits] == [(21, 25, "BETA")]
    assert found[1].fix is None and found[1].message == "found alpha"


def test_a_fix_that_changes_nothing_is_no_fix() -> None:
    linter = Linter([pattern_rule("HS002", "(?i)beta", "BETA")])
    found = linter.lint(seed("BETA beta"))
    assert [d.fix is not None for d in found] == [False, True]


def test_a_message_field_a_finding_does_not_set_reads_as_empty() -> None:
    rule = pattern_rule("HS001", r"a(?P<tail>x)?", message="[{tail}] in {match}")
    assert [d.message for d in Linter([rule]).lint("ab ax")] == ["[] in a", "[x] in ax"]


def test_a_slow_search_names_its_rule() -> None:
    slow = pattern_rule("HS009", "a*a*a*a*b", options={"time-limit": 0.05})
    with pytest.raises(TimeoutError, match=r"^HS009 \[rule-hs009\]: regex 'a\*a\*a\*a\*b' ran"):
        Linter([slow]).lint(seed("a" * 1000 + "!b."))


@pytest.mark.parametrize(
    ("damaged", "original"),
    [
        ("furthe\x07r strengthening", "further strengthening"),
        ("to ser\u2060ve their country", "to serve their country"),
        ("the D\x08efinition list", "the Definition list"),
    ],
)
def test_a_word_interrupted_by_an_invisible_character_is_one_word(
    damaged: str, original: str
) -> None:
    """ "furthe" of "furthe\\x07r" is no misspelling: fixed beside the deletion of the
    character, it would give "furtherr". The character's own finding removes it, and the
    word is whole again."""
    text = seed(f"We met {damaged} today.")
    codes = {d.code for d in seedlint.lint_text(text)}
    assert codes <= {"SL108", "SL109"}
    assert seedlint.fix_text(text)[0] == seed(f"We met {original} today.")


def test_a_misspelling_beside_an_invisible_character_between_words_is_reported() -> None:
    text = seed("The goverment\u200b said so.")
    assert [d.code for d in seedlint.lint_text(text)] == ["SL203", "SL108"]
    assert seedlint.fix_text(text)[0] == seed("The government said so.")


# --- one cause, one finding ------------------------------------------------------------


def test_a_finding_explained_by_another_rules_is_left_out() -> None:
    """A rule's finding that starts inside a finding of a rule it names in
    ``explained-by`` is the same damage and is left out; apart from one, or without the
    other rule selected (or with it ignored for the file), it is reported."""
    from msgspec.structs import replace

    rules = [
        pattern_rule("HS001", "alpha beta"),
        replace(pattern_rule("HS002", "beta|gamma alpha"), explained_by=("HS001",)),
    ]
    # the second "beta" starts inside HS001's finding; "gamma alpha" only overlaps one
    text = seed("alpha beta, and beta alone; gamma alpha beta")
    linter = Linter(rules)
    assert [(d.code, text[d.start : d.end]) for d in linter.lint(text)] == [
        ("HS001", "alpha beta"),
        ("HS002", "beta"),
        ("HS002", "gamma alpha"),
        ("HS001", "alpha beta"),
    ]
    alone = Linter(rules, LintSettings(select=("HS002",)))
    assert len(alone.lint(text)) == 4
    ignoring = Linter(rules, LintSettings(per_file_ignores={"old/*": ("HS001",)}))
    assert len(ignoring.lint(text, "old/a.txt", ignoring.rules_for("old/a.txt"))) == 4


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quotation or bracket left open by a cut-off ending: the ending's finding only
        ('He said, "We will', ["SL011"]),
        ("“We are here,” he said. “We will go to the", ["SL011"]),
        ("(The report was", ["SL011"]),
        # a quotation left open in a paragraph that ends whole is its own damage
        ("“We are here, he said. It was good.", ["SL301"]),
        ("“We are here, he said.\n\nThe report was", ["SL301", "SL011"]),
        # a bracket opened before the sentence the ending cuts off is its own damage too
        ("See [the guide]( for more. Photo Credit: Lihua Peng/iStock", ["SL303", "SL011"]),
    ],
)
def test_a_cut_off_ending_is_one_finding(body: str, expected: list[str]) -> None:
    assert [d.code for d in default_linter().lint(seed(body))] == expected
