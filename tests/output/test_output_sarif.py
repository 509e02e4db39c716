"""Output formats for CI: GitHub Actions commands, SARIF 2.1.0, JSON lines and JUnit XML.

SARIF is validated against the SARIF 2.1.0 JSON schema kept in tests/data/sarif/.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from conftest import SAMPLE, TESTS, run_seedlint, seed
from seedlint.output.base import escape

SCHEMA = json.loads((TESTS / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
CLEAN = seed("A clean paragraph of text.")
# A house rule whose message carries the matched text: a newline, %, commas and colons,
# and a control character, which each format must carry or escape.
HOUSE_RULE = """\
rules:
  - code: HS950
    name: odd-text
    kind: pattern
    regex: 'ODD[^.]*\\.'
    severity: info
    message: "Odd text: {match}"
"""
ODD = seed("Before ODD 100%, a: b\nand \x07 more. After.")
ODD_NAME = "odd, name: 1.txt"
GITHUB = re.compile(
    r"::(?P<level>error|warning|notice) file=(?P<file>[^,:]*),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),"
    r"title=(?P<title>[A-Z]+\d+ [a-z0-9-]+)::(?P<message>[^\r\n]*)"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """seeds/ with the raw sample, a clean seed and a seed the house rule flags."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / "raw.txt")
    (seeds / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (seeds / ODD_NAME).write_text(ODD, encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", encoding="utf-8")
    return tmp_path


def check(project: Path, fmt: str, *args: str) -> tuple[int, str]:
    result = run_seedlint("check", "seeds", "--format", fmt, *args, cwd=project)
    assert result.stderr == ""
    return result.returncode, result.stdout


def json_items(project: Path) -> list[dict]:
    return json.loads(check(project, "json")[1])


def unescape(text: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_commands_for_the_sample() -> None:
    result = run_seedlint("check", "tests/fixtures/", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 6 and all(GITHUB.fullmatch(line) for line in lines)
    assert (
        "::error file=tests/fixtures/000_427d24922044e314.txt,line=7,col=28,endLine=7,"
        "endColumn=35,title=SL201 minister-typo::'Minster' is a typo for 'Minister'"
    ) in lines
    assert lines[-1].startswith("::warning ") and "title=SL010 final-newline" in lines[-1]


def test_github_levels_and_escaping_carry_everything(project: Path) -> None:
    code, out = check(project, "github")
    assert code == 1
    commands = [GITHUB.fullmatch(line) for line in out.splitlines()]
    assert all(commands), out
    expected = json_items(project)
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


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_catches_a_broken_log() -> None:
    """The validation can fail: a result without its message is refused."""
    log = json.loads(run_seedlint("check", "tests/fixtures/", "--format", "sarif").stdout)
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(AssertionError, match="message"):
        validate(log)


def test_sarif_is_valid_and_complete(project: Path) -> None:
    code, out = check(project, "sarif")
    assert code == 1
    log = json.loads(out)
    validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "seedlint" and driver["version"]
    rules = driver["rules"]
    listed = json.loads(run_seedlint("rules", "--format", "json", cwd=project).stdout)
    assert [r["id"] for r in rules] == sorted(r["code"] for r in listed)
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules}["HS950"] == "note"

    expected = json_items(project)
    results = run["results"]
    assert len(results) == len(expected)
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert urlsplit(base).scheme == "file" and base.endswith("/")
    for result, item in zip(results, expected):
        assert result["ruleId"] == item["code"]
        assert rules[result["ruleIndex"]]["id"] == item["code"]
        assert result["message"]["text"] == item["message"]
        assert (
            result["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[item["severity"]]
        )
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not urlsplit(artifact["uri"]).scheme and " " not in artifact["uri"]
        assert unquote(artifact["uri"]) == item["filename"]
        region = location["physicalLocation"]["region"]
        assert region == {
            "startLine": item["location"]["row"],
            "startColumn": item["location"]["column"],
            "endLine": item["end_location"]["row"],
            "endColumn": item["end_location"]["column"],
        }
        assert ("fixes" in result) == (item["fix"] is not None)
        if item["fix"]:
            (change,) = result["fixes"][0]["artifactChanges"]
            assert change["artifactLocation"] == artifact
            edits = [
                (r["insertedContent"]["text"], r["deletedRegion"]["startLine"])
                for r in change["replacements"]
            ]
            assert edits == [(e["content"], e["location"]["row"]) for e in item["fix"]["edits"]]


def test_sarif_of_a_clean_run_is_valid(project: Path) -> None:
    result = run_seedlint("check", "seeds/clean.txt", "--format", "sarif", cwd=project)
    assert result.returncode == 0
    log = json.loads(result.stdout)
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"]


def test_sarif_fingerprints_survive_edits_elsewhere(project: Path) -> None:
    def fingerprints() -> dict[str, tuple[str, int]]:
        log = json.loads(check(project, "sarif", "--select", "SL201")[1])
        return {
            r["partialFingerprints"]["seedlintKey/v1"]: (
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in log["runs"][0]["results"]
        }

    before = fingerprints()
    raw = project / "seeds" / "raw.txt"
    header, body = raw.read_text(encoding="utf-8").split("\n\n", 1)
    raw.write_text(f"{header}\n\nA new first paragraph.\n\n{body}", encoding="utf-8")
    after = fingerprints()
    assert before.keys() == after.keys()
    assert [row for _, row in before.values()] == [7] and [r for _, r in after.values()] == [9]


def test_json_lines_is_the_json_array_one_line_each(project: Path) -> None:
    code, out = check(project, "json-lines")
    assert code == 1
    assert [json.loads(line) for line in out.splitlines()] == json_items(project)


def test_junit(project: Path) -> None:
    code, out = check(project, "junit")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"seeds/clean.txt", "seeds/raw.txt", f"seeds/{ODD_NAME}"}
    expected = json_items(project)
    assert root.get("failures") == str(len(expected))
    raw = suites["seeds/raw.txt"]
    assert raw.get("failures") == raw.get("tests") == "6"
    types = [f.get("type") for f in raw.iter("failure")]
    assert types == ["SL001", "SL210", "SL201", "SL301", "SL011", "SL010"]
    (case,) = suites["seeds/clean.txt"].iter("testcase")
    assert case.find("failure") is None
    (odd,) = [f for f in root.iter("failure") if f.get("type") == "HS950"]
    assert odd.get("message") == "Odd text: ODD 100%, a: b\nand \ufffd more."  # XML 1.0 safe


def test_formats_exit_like_the_others(project: Path) -> None:
    for fmt in ("github", "sarif", "json-lines", "junit"):
        result = run_seedlint("check", "seeds/clean.txt", "--format", fmt, cwd=project)
        assert result.returncode == 0, fmt
    result = run_seedlint("check", "--format", "nope")
    assert result.returncode == 2 and "invalid choice" in result.stderr
