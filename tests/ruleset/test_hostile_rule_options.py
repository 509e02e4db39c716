"""Options that a rule file may set but no rule can work with are refused when the pack
loads, with the file, line and reason (found by fuzzing rule files): never a traceback,
never an "internal error" for each document later, never a fix that inserts text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_seedlint, seed

pytestmark = pytest.mark.e2e

TEXT = seed("The minster spoke. The café (\x93quoted\x94) is open, they say.")


def pack(tmp_path: Path, rule: str) -> None:
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: HS001\n    name: house\n    severity: error\n    message: m\n" + rule,
        encoding="utf-8",
    )
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("    kind: apostrophe\n    possessives: [' ']\n", "possessive"),
        ("    kind: apostrophe\n    phrases: {' ': \"'\"}\n", "one apostrophe"),
        ("    kind: apostrophe\n    phrases: {Moms Day: \"Mom's Day's\"}\n", "one apostrophe"),
        ("    kind: encoding\n    check: invalid-utf8\n    legacy-encoding: rot13\n", "rot13"),
        ("    kind: encoding\n    check: invalid-utf8\n    legacy-encoding: base64\n", "base64"),
        ("    kind: ending\n    check: truncated\n    terminal: ''\n", "terminal"),
        ("    kind: substitution\n    swap: {minster: ''}\n", "empty correction"),
        ("    kind: substitution\n    swap: {' ': x}\n", "not a word or phrase"),
        ("    kind: substitution\n    swap: {to mange: to manage}\n    object-follows: [mange]\n",
         "'mange' is no entry of swap"),
        ("    kind: substitution\n    swap: {dairy study: diary study}\n    unsure: [dairy]\n",
         "unsure: 'dairy' is no entry of swap or of a list"),
        ("    kind: substitution\n    swap: {more then: more than}\n"
         "    comparison-follows: [then]\n", "comparison-follows: 'then' is no entry of swap"),
        ("    kind: substitution\n    swap: {shoe in: shoo-in}\n    meant-before: {shoe: [the]}\n",
         "meant-before: 'shoe' is no entry of swap"),
        ("    kind: substitution\n    swap: {shoe in: shoo-in}\n    meant-after: {shoe in: the}\n",
         "option 'meant-after' must be a mapping of strings to lists of strings"),
        ("    kind: substitution\n    swap: {shoe in: shoo-in}\n"
         "    meant-before: {shoe in: [the, no]}\n", "unquoted yes, no, on and off"),
    ],
    ids=[
        "blank-possessive", "blank-phrase", "two-apostrophes", "rot13", "base64", "no-terminal",
        "empty-correction", "empty-phrase", "object-of-no-entry", "unsure-of-no-entry",
        "comparison-of-no-entry", "meant-before-of-no-entry", "meant-after-not-a-list",
        "meant-before-yaml-boolean",
    ],
)  # fmt: skip
def test_unusable_options_are_refused_when_the_pack_loads(
    tmp_path: Path, rule: str, reason: str
) -> None:
    pack(tmp_path, rule)
    for command in (["check", "a.txt"], ["test-rules", "house.yaml"]):
        result = run_seedlint(*command, cwd=tmp_path)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith("seedlint: error: ") and "house.yaml:2" in result.stderr
        assert reason in result.stderr


def test_an_ending_rule_may_have_no_closers(tmp_path: Path) -> None:
    pack(tmp_path, "    kind: ending\n    check: truncated\n    closers: ''\n")
    assert run_seedlint("check", "a.txt", cwd=tmp_path).returncode == 0


def test_a_replacement_may_use_the_whole_match(tmp_path: Path) -> None:
    pack(tmp_path, "    kind: pattern\n    regex: 'minster(?!!)'\n    replacement: '\\g<0>!'\n")
    result = run_seedlint("fix", "--diff", "a.txt", cwd=tmp_path)
    assert result.returncode == 1 and "+The minster! spoke." in result.stdout


def test_an_example_whose_fix_does_not_converge_fails_with_the_reason(tmp_path: Path) -> None:
    rule = (
        "    kind: pattern\n    regex: 'z'\n    replacement: 'zz'\n"
        "    examples:\n      - bad: 'z'\n        fixed: 'zz'\n      - good: 'b'\n"
    )
    pack(tmp_path, rule)
    result = run_seedlint("test-rules", "house.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "example 1: fixing failed:" in result.stdout and "did not converge" in result.stdout
    assert "1 rule, 2 examples, 1 failed" in result.stdout


def test_a_pack_without_rules_is_one_line_naming_where_it_was_set(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text("rules: []\n", encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run_seedlint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith("seedlint.yaml:1: the rule packs hold no rule\n")


def test_records_with_integers_longer_than_python_reads_by_default(tmp_path: Path) -> None:
    line = '{"text": "date 2024-01-18 T\\n\\nThe goverment.\\n", "n": ' + "9" * 4301 + "}\n"
    (tmp_path / "big.jsonl").write_text(line, encoding="utf-8")
    check = run_seedlint("check", "--jsonl", "big.jsonl", "--format", "json", cwd=tmp_path)
    assert check.returncode == 1 and json.loads(check.stdout)[0]["code"] == "SL203"
    fix = run_seedlint("fix", "--jsonl", "big.jsonl", "--output-dir", "out", cwd=tmp_path)
    assert fix.returncode == 0
    assert (tmp_path / "out" / "big.jsonl").read_text(encoding="utf-8") == line.replace(
        "goverment", "government"
    )


def test_an_empty_json_lines_file_has_an_empty_normalised_copy(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    result = run_seedlint("fix", "--jsonl", "empty.jsonl", "--output-dir", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "out" / "empty.jsonl").read_bytes() == b""
