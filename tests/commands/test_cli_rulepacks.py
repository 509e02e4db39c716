"""House rule packs through the command line: a pack declares its own code prefix, SL is
kept for the bundled pack, and every problem of every rule file is reported in one run."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import run_seedlint, seed

pytestmark = pytest.mark.e2e

HOUSE = """\
prefix: HS
rules:
  - code: HS001
    name: house-colour
    kind: substitution
    severity: warning
    message: "'{match}' is house style for '{replacement}'"
    swap: {colour: color}
    examples:
      - bad: "The colour was red."
        fixed: "The color was red."
      - good: "The color was red."
"""


def project(tmp_path: Path, pack: str) -> Path:
    (tmp_path / "house.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", "utf-8")
    (tmp_path / "a.txt").write_text(seed("The colour was red."), encoding="utf-8")
    return tmp_path


def test_a_pack_with_its_own_prefix_checks_fixes_and_is_listed(tmp_path: Path) -> None:
    project(tmp_path, HOUSE)
    checked = run_seedlint("check", "a.txt", "--format", "concise", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == (
        "a.txt:3:5: HS001 warning [house-colour] 'colour' is house style for 'color'"
    )
    selected = run_seedlint("check", "a.txt", "--select", "HS", "--quiet", cwd=tmp_path)
    assert "HS001" in selected.stdout
    fixed = run_seedlint("fix", "a.txt", "--diff", cwd=tmp_path)
    assert "+The color was red." in fixed.stdout
    listed = run_seedlint("rules", cwd=tmp_path)
    assert any(line.split()[:2] == ["HS001", "house-colour"] for line in listed.stdout.splitlines())
    tested = run_seedlint("test-rules", "house.yaml", cwd=tmp_path)
    assert (tested.returncode, tested.stdout) == (0, "1 rule, 2 examples, 0 failed\n")


def test_sl_is_kept_for_the_bundled_pack(tmp_path: Path) -> None:
    project(tmp_path, HOUSE.replace("prefix: HS", "prefix: SL").replace("HS001", "SL901"))
    declared = run_seedlint("check", "a.txt", cwd=tmp_path)
    assert declared.returncode == 2 and declared.stdout == ""
    assert declared.stderr == (
        f"seedlint: error: {tmp_path / 'house.yaml'}:1: the code prefix SL is kept for the "
        "bundled rules; give your pack its own (prefix: HS, then codes HS001, HS002, …)\n"
    )
    undeclared = HOUSE.replace("prefix: HS\n", "").replace("HS001", "SL901")
    project(tmp_path, undeclared)
    result = run_seedlint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"seedlint: error: {tmp_path / 'house.yaml'}:2: SL901")
    assert "the prefix SL is kept for the bundled rules" in result.stderr


def test_a_code_must_carry_the_declared_prefix(tmp_path: Path) -> None:
    project(tmp_path, HOUSE.replace("HS001", "XY001"))
    result = run_seedlint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"seedlint: error: {tmp_path / 'house.yaml'}:3: XY001 [house-colour]: code 'XY001' "
        "must be 'HS' and three or four digits\n"
    )


def test_every_problem_of_every_rule_file_in_one_run(tmp_path: Path) -> None:
    broken = textwrap.dedent(
        """\
        prefix: HS
        rules:
          - code: HS001
            name: Bad Name
            kind: substitution
            severity: warning
            message: "m"
            swap: {a: b}
          - code: HS002
            name: second
            kind: substitution
            severity: loud
            message: "m"
            swap: {a: b}
          - code: HS003
            name: third
            kind: no-such-kind
            severity: warning
            message: "m"
        """
    )
    project(tmp_path, broken)
    (tmp_path / "other.yaml").write_text("prefix: hs\nrules: []\n", encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text(
        "rule-packs: [default, house.yaml, other.yaml, missing.yaml]\n", "utf-8"
    )
    result = run_seedlint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    house, other = tmp_path / "house.yaml", tmp_path / "other.yaml"
    assert lines[0].startswith(f"seedlint: error: {house}:3: HS001 [Bad Name]: name 'Bad Name'")
    assert lines[1].startswith(f"seedlint: error: {house}:9: HS002 [second]: severity must be")
    assert lines[2].startswith(f"seedlint: error: {house}:15: HS003 [third]: unknown kind")
    assert lines[3] == (
        f"seedlint: error: {other}:1: prefix must be one to six capital letters, not 'hs'"
    )
    assert lines[4].startswith("seedlint: error: missing.yaml: rule pack not found")
    assert len(lines) == 5
