"""SARIF 2.1.0 (seedlint.output.sarif), validated against the SARIF 2.1.0 JSON schema kept
in tests/data/sarif/: rules, results, locations, fixes, and fingerprints that survive
edits elsewhere in a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from conftest import TESTS, run_seedlint
from helpers import check_format, json_items

pytestmark = pytest.mark.e2e

SCHEMA = json.loads((TESTS / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


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


def test_sarif_is_valid_and_complete(format_project: Path) -> None:
    code, out = check_format(format_project, "sarif")
    assert code == 1
    log = json.loads(out)
    validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "seedlint" and driver["version"]
    rules = driver["rules"]
    listed = json.loads(run_seedlint("rules", "--format", "json", cwd=format_project).stdout)
    assert [r["id"] for r in rules] == sorted(r["code"] for r in listed)
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules}["HS950"] == "note"

    expected = json_items(format_project)
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


def test_sarif_of_a_clean_run_is_valid(format_project: Path) -> None:
    result = run_seedlint("check", "seeds/clean.txt", "--format", "sarif", cwd=format_project)
    assert result.returncode == 0
    log = json.loads(result.stdout)
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"]


def test_sarif_fingerprints_survive_edits_elsewhere(format_project: Path) -> None:
    def fingerprints() -> dict[str, tuple[str, int]]:
        log = json.loads(check_format(format_project, "sarif", "--select", "SL201")[1])
        return {
            r["partialFingerprints"]["seedlintKey/v1"]: (
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in log["runs"][0]["results"]
        }

    before = fingerprints()
    raw = format_project / "seeds" / "raw.txt"
    header, body = raw.read_text(encoding="utf-8").split("\n\n", 1)
    raw.write_text(f"{header}\n\nA new first paragraph.\n\n{body}", encoding="utf-8")
    after = fingerprints()
    assert before.keys() == after.keys()
    assert [row for _, row in before.values()] == [7] and [r for _, r in after.values()] == [9]
