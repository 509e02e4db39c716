"""GitHub Actions workflow commands (seedlint.output.github): one annotation per finding, at
its level, with everything the JSON report says carried through GitHub's escaping.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_seedlint
from helpers import check_format, json_items
from seedlint.output.base import escape

GITHUB = re.compile(
    r"::(?P<level>error|warning|notice) file=(?P<file>[^,:]*),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),"
    r"title=(?P<title>[A-Z]+\d+ [a-z0-9-]+)::(?P<message>[^\r\n]*)"
)

pytestmark = pytest.mark.e2e


def unescape(text: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_commands_for_the_sample() -> None:
    result = run_seedlint("check", "tests/fixtures/", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 7 and all(GITHUB.fullmatch(line) for line in lines)
    assert (
        "::error file=tests/fixtures/000_427d24922044e314.txt,line=7,col=28,endLine=7,"
        "endColumn=35,title=SL201 minister-typo::'Minster' is a typo for 'Minister'"
    ) in lines
    assert lines[-1].startswith("::warning ") and "title=SL010 final-newline" in lines[-1]


def test_github_levels_and_escaping_carry_everything(format_project: Path) -> None:
    code, out = check_format(format_project, "github")
    assert code == 1
    commands = [GITHUB.fullmatch(line) for line in out.splitlines()]
    assert all(commands), out
    expected = json_items(format_project)
    assert len(commands) == len(expected)
    for match, item in zip(commands, expected):
        level = {"error": "error", "warning": "warning", "info": "notice"}[item["severity"]]
        assert match["level"] == level
        assert unescape(match["file"]) == item["filename"]
        # control characters are written as escapes (\x07), a line break as %0A
        assert unescape(match["message"]) == escape(item["message"]).replace("\\n", "\n")
        assert (int(match["line"]), int(match["col"])) == tuple(item["location"].values())
        assert (int(match["endLine"]), int(match["endColumn"])) == tuple(
            item["end_location"].values()
        )
    odd = [m for m in commands if m["title"] == "HS950 odd-text"]
    assert odd[0]["level"] == "notice"
    assert odd[0]["file"] == "seeds/odd%2C name%3A 1.txt"
    assert odd[0]["message"] == "Odd text: ODD 100%25, a: b%0Aand \\x07 more."
