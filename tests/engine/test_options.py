"""Options that checks declare and rule files set (seedlint.engine.options): defaults,
required options, every type, choices, each refused with the option's name; and how long
values are shown to people."""

from __future__ import annotations

from typing import Any

import pytest

from seedlint.engine.options import REQUIRED, Option, resolve, shown

SPEC = {
    "regex": Option("str"),
    "count": Option("int", 3),
    "share": Option("number", 0.5),
    "strict": Option("bool", False),
    "words": Option("str-list", []),
    "table": Option("str-map", {}),
    "mode": Option("choice", "fast", choices=("fast", "slow")),
}


def test_defaults_fill_what_is_not_given() -> None:
    assert resolve(SPEC, {"regex": "x"}) == {
        "regex": "x",
        "count": 3,
        "share": 0.5,
        "strict": False,
        "words": [],
        "table": {},
        "mode": "fast",
    }
    assert SPEC["regex"].required and not SPEC["count"].required
    assert Option("str").default is REQUIRED


def test_given_values_of_the_right_type_are_kept() -> None:
    given = {
        "regex": "a+",
        "count": 0,
        "share": 2,  # an integer is a number
        "strict": True,
        "words": ["one", "two"],
        "table": {"teh": "the"},
        "mode": "slow",
    }
    assert resolve(SPEC, given) == given


def test_a_missing_required_option_is_named() -> None:
    with pytest.raises(ValueError, match=r"^missing required option 'regex'$"):
        resolve(SPEC, {"count": 1})


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("regex", 3, "option 'regex' must be a string, not 3"),
        ("count", 2.5, "option 'count' must be an integer, not 2.5"),
        ("count", True, "option 'count' must be an integer, not True"),  # bool is no int
        ("share", "0.5", "option 'share' must be a number, not '0.5'"),
        ("share", False, "option 'share' must be a number, not False"),
        ("strict", "yes", "option 'strict' must be true or false, not 'yes'"),
        ("words", "one", "option 'words' must be a list of strings, not 'one'"),
        ("words", ["one", 2], "option 'words' must be a list of strings, not ['one', 2]"),
        ("table", ["a"], "option 'table' must be a mapping of strings to strings, not ['a']"),
        ("table", {"a": 1}, "option 'table' must be a mapping of strings to strings, not {'a': 1}"),
        ("mode", 1, "option 'mode' must be one of fast, slow, not 1"),
        ("mode", "quick", "option 'mode' must be one of fast, slow, not 'quick'"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(name: str, value: Any, message: str) -> None:
    with pytest.raises(ValueError) as error:
        resolve(SPEC, {"regex": "x", name: value})
    assert str(error.value) == message


def test_unknown_options_are_left_to_the_caller() -> None:
    """The rule loader reports unknown fields with their line; resolve only reads the spec."""
    assert "colour" not in resolve(SPEC, {"regex": "x", "colour": "red"})


def test_long_values_are_cut_for_people() -> None:
    assert shown("text") == "'text'" and shown(3) == "3" and shown(True) == "True"
    assert shown(list("abc")) == "['a', 'b', 'c']"
    assert shown([str(n) for n in range(20)]) == (
        "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … (20 in all)]"
    )
    assert shown({f"k{n}": f"v{n}" for n in range(3)}, limit=2) == (
        "{k0: v0, k1: v1, … (3 in all)}"
    )
    assert shown({"a": "b"}) == "{'a': 'b'}"
    # a table of lists cuts each list, and the table
    table = {f"e{n}": [str(w) for w in range(20)] for n in range(3)}
    assert shown(table, limit=2) == (
        "{e0: [0, 1, … (20 in all)], e1: [0, 1, … (20 in all)], … (3 in all)}"
    )
    assert shown({"shoe in": ["the", "a"]}) == "{shoe in: ['the', 'a']}"
