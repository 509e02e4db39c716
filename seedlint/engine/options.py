"""Typed options that checks declare and that rule files set.

A check lists its options as ``{"name": Option(...)}``; the rule loader checks every
rule's settings against that table, so a mistyped option is reported with its file and
line before anything runs, and ``seedlint explain`` shows each option's help and value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import msgspec

REQUIRED: Any = object()


class Option(msgspec.Struct, frozen=True):
    type: str  # str, int, number, bool, str-list, str-map, str-lists-map, choice
    default: Any = REQUIRED
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_str_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    )


def _is_str_lists_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and _is_str_list(item) for key, item in value.items()
    )


CHECKS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "str-list": _is_str_list,
    "str-map": _is_str_map,
    "str-lists-map": _is_str_lists_map,
    "choice": lambda v: isinstance(v, str),
}

TYPE_NAMES = {
    "str": "a string",
    "int": "an integer",
    "number": "a number",
    "bool": "true or false",
    "str-list": "a list of strings",
    "str-map": "a mapping of strings to strings",
    "str-lists-map": "a mapping of strings to lists of strings",
    "choice": "one of",
}


# YAML 1.1 reads an unquoted yes, no, on or off as a boolean: in a list of words that is
# a surprise worth naming
BOOLEAN_HINT = " (YAML reads unquoted yes, no, on and off as true and false: quote them)"


def _holds_a_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, list):
        return any(_holds_a_boolean(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_a_boolean(k) or _holds_a_boolean(v) for k, v in value.items())
    return False


def resolve(spec: Mapping[str, Option], given: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults filled in, types checked; raises ValueError naming the option."""
    values: dict[str, Any] = {}
    for name, option in spec.items():
        if name not in given:
            if option.required:
                raise ValueError(f"missing required option '{name}'")
            values[name] = option.default
            continue
        value = given[name]
        if not CHECKS[option.type](value):
            expected = TYPE_NAMES[option.type]
            if option.type == "choice":
                expected += " " + ", ".join(option.choices)
            words = option.type.startswith("str")
            hint = BOOLEAN_HINT if words and _holds_a_boolean(value) else ""
            raise ValueError(f"option '{name}' must be {expected}, not {shown(value)}{hint}")
        if option.type == "choice" and value not in option.choices:
            raise ValueError(
                f"option '{name}' must be one of {', '.join(option.choices)}, not {value!r}"
            )
        values[name] = value
    return values


def shown(value: Any, limit: int = 12) -> str:
    """An option's value for people: long lists and tables cut to their first items."""
    if isinstance(value, list) and len(value) > limit:
        return f"[{', '.join(map(str, value[:limit]))}, … ({len(value)} in all)]"
    if isinstance(value, dict) and any(isinstance(v, list) for v in value.values()):
        # a table of lists ("meant-before"): each list cut as a list is
        items = list(value.items())[:limit]
        shown_items = ", ".join(f"{k}: {shown(v, limit)}" for k, v in items)
        more = f", … ({len(value)} in all)" if len(value) > limit else ""
        return "{" + shown_items + more + "}"
    if isinstance(value, dict) and len(value) > limit:
        items = list(value.items())[:limit]
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + f", … ({len(value)} in all)}}"
    return repr(value) if isinstance(value, str) else str(value)
