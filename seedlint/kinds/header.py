"""header: the ``date YYYY-MM-DD Title`` line that opens every seed.

A rule picks one check:

- ``leading-whitespace``: spaces, line breaks or a byte-order mark before ``date``;
  fixed by deleting them.
- ``format``: line 1 is not ``date``, a space, an ISO date and a title.
- ``date``: the date is not a real calendar day (2024-02-30), or before ``min-year``.
- ``date-range``: a real date after ``today`` (the system's date unless set, so that
  results can be made not to depend on the day; ``grace-days`` later still pass, for a
  newsroom a time zone ahead), or outside ``earliest`` .. ``latest`` when set.
- ``title``: the title is missing.
- ``spacing``: fields separated by anything but one space; fixed to one space.
- ``blank-line``: the header is not followed by a blank line; fixed by inserting one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile

LEADING = lazy_compile(r"[\s\ufeff\u200b]+")
FIELDS_PATTERN = lazy_compile(
    r"(?P<keyword>date)(?P<sep1>[ \t\u00a0]+)(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:(?P<sep2>[ \t\u00a0]+)(?P<title>\S.*?))?[ \t\u00a0]*\Z"
)


class State(msgspec.Struct, frozen=True):
    check: str
    options: dict[str, Any]


class Header(Kind[State]):
    name = "header"
    checks = declare(
        Check("leading-whitespace", "whitespace or a byte-order mark before 'date'", fixable=True),
        Check("format", "line 1 is not 'date YYYY-MM-DD Title'", fields=("found",)),
        Check(
            "date",
            "a date that is not a real calendar day, or too early",
            fields=("date",),
            options={"min-year": Option("int", 1800, help="earliest year accepted")},
        ),
        Check(
            "date-range",
            "a date in the future, or outside the range allowed",
            fields=("date", "why"),
            options={
                "earliest": Option("str", "", help="earliest date allowed (YYYY-MM-DD), if any"),
                "latest": Option("str", "", help="latest date allowed (YYYY-MM-DD), if any"),
                "today": Option("str", "", help="today's date (YYYY-MM-DD); default: the clock"),
                "grace-days": Option("int", 1, help="days after today still accepted"),
            },
        ),
        Check("title", "a header without a title", fields=("date",)),
        Check("spacing", "fields not separated by one space", fields=("found",), fixable=True),
        Check("blank-line", "no blank line after the header", fixable=True),
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        if check == "date-range":
            options = {**options, **_date_bounds(options)}
        return State(check, options)

    def definition_of(self, state: State) -> tuple[Any, ...]:
        # "today" read from the clock changes results from one day to the next
        return (state.options.get("today-read", ""),)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        return _find(doc, state.check, state.options)


KIND = Header()


def _find(doc: Document, kind: str, options: dict[str, Any]) -> Iterator[Finding]:
    header = doc.header
    if header is None:
        if kind == "format":  # an empty or blank file has no header either
            first = doc.line_span(1)
            found = doc.text[first.start : first.end][:40]
            yield Finding(first.start, max(first.end, first.start + 1), {"found": found})
        return
    lead = LEADING.match(doc.text, header.start, header.end)
    start = lead.end() if lead else header.start
    if kind == "leading-whitespace":
        if lead:
            yield Finding(0, start, {}, (Edit(0, start, ""),), "Delete the leading whitespace")
        return
    line = doc.text[start : header.end]
    fields = FIELDS_PATTERN.match(line)
    if kind == "format":
        if fields is None:
            yield Finding(start, header.end, {"found": line[:40]})
        return
    if fields is None:
        return
    yield from CHECKS[kind](doc, start, fields, options)


FieldCheck = Callable[[Document, int, re.Match[str], dict[str, Any]], Iterator[Finding]]


def _date(
    doc: Document, start: int, fields: re.Match[str], options: dict[str, Any]
) -> Iterator[Finding]:
    value = fields.group("date")
    try:
        valid = datetime.date.fromisoformat(value).year >= options["min-year"]
    except ValueError:
        valid = False
    if not valid:
        yield Finding(start + fields.start("date"), start + fields.end("date"), {"date": value})


def _date_bounds(options: dict[str, Any]) -> dict[str, Any]:
    """The range options as dates (ValueError naming a bad one), with "today" read from
    the clock when not set."""
    bounds: dict[str, Any] = {}
    for name in ("earliest", "latest", "today"):
        value = options[name]
        try:
            bounds[f"{name}-date"] = datetime.date.fromisoformat(value) if value else None
        except ValueError:
            raise ValueError(f"option '{name}' must be a date YYYY-MM-DD, not {value!r}") from None
    if options["grace-days"] < 0:
        raise ValueError("option 'grace-days' must be 0 or more")
    if bounds["today-date"] is None:
        today = datetime.date.today()
        bounds["today-date"], bounds["today-read"] = today, today.isoformat()
    return bounds


def _date_range(
    doc: Document, start: int, fields: re.Match[str], options: dict[str, Any]
) -> Iterator[Finding]:
    value = fields.group("date")
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        return  # not a calendar date: the date check says so
    today, earliest = options["today-date"], options["earliest-date"]
    latest = options["latest-date"]
    why = ""
    if earliest is not None and date < earliest:
        why = f"before {earliest.isoformat()}, the earliest date allowed"
    elif latest is not None and date > latest:
        why = f"after {latest.isoformat()}, the latest date allowed"
    elif (date - today).days > options["grace-days"]:
        why = f"in the future (today is {today.isoformat()})"
    if why:
        span = (start + fields.start("date"), start + fields.end("date"))
        yield Finding(*span, {"date": value, "why": why})


def _title(
    doc: Document, start: int, fields: re.Match[str], options: dict[str, Any]
) -> Iterator[Finding]:
    if fields.group("title") is None:
        end = start + fields.end()
        yield Finding(end - 1, end, {"date": fields.group("date")})


def _spacing(
    doc: Document, start: int, fields: re.Match[str], options: dict[str, Any]
) -> Iterator[Finding]:
    for separator in ("sep1", "sep2"):
        if fields.group(separator) not in (None, " "):
            span = (start + fields.start(separator), start + fields.end(separator))
            found = repr(fields.group(separator))
            yield Finding(*span, {"found": found}, (Edit(*span, " "),), "Use one space")


def _blank_line(
    doc: Document, start: int, fields: re.Match[str], options: dict[str, Any]
) -> Iterator[Finding]:
    if doc.body_start >= len(doc.text):
        return  # nothing after the header line
    second = doc.line_around(doc.body_start)
    if doc.text[second.start : second.end].strip(" \t"):
        at = second.start
        yield Finding(at, second.end, {}, (Edit(at, at, "\n"),), "Insert a blank line")


CHECKS: dict[str, FieldCheck] = {
    "date": _date,
    "date-range": _date_range,
    "title": _title,
    "spacing": _spacing,
    "blank-line": _blank_line,
}
