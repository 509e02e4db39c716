"""The pattern kind: a user's regular expression, refused when it backtracks
catastrophically, and stopped by its time limit on a document where it is merely slow.

The slow regex gets a time limit of 0.2 s (the ``time-limit`` option; 2 s by default), so
that each run that meets it waits a fifth of a second, not two.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import seedlint
from conftest import SAMPLE, run_seedlint, seed
from helpers import FIXED_TYPO, TYPO, codes_by_file, pattern_rule, write_pattern_pack
from seedlint.engine.kind import load_kind
from seedlint.engine.linter import Linter

SLOW_REGEX = "a*a*a*a*b"  # quick on short texts, polynomial on long ones
SLOW = seed("a" * 20000 + "!b.")
TIME_LIMIT = 0.2  # seconds
# a limit reached is a hang ended, not a slow run: the bound proves the limit works
HANG = 60


@pytest.mark.e2e
def test_a_catastrophically_backtracking_regex_is_refused_with_a_reason(tmp_path: Path) -> None:
    write_pattern_pack(tmp_path, "(a|aa)+b")
    result = run_seedlint("check", "--no-cache", str(SAMPLE), cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"seedlint: error: {tmp_path}/house.yaml:2: HS900 [house-rule]: regex '(a|aa)+b' "
        "backtracks catastrophically"
    )
    assert len(result.stderr.splitlines()) == 1


def test_the_time_limit_is_two_seconds_unless_set_and_must_be_positive() -> None:
    assert load_kind("pattern").options_of("pattern")["time-limit"].default == 2.0
    assert pattern_rule("HS900", SLOW_REGEX).state.time_limit == 2.0
    assert pattern_rule("HS900", SLOW_REGEX, options={"time-limit": 0.5}).state.time_limit == 0.5
    for bad in (0, -1):
        with pytest.raises(ValueError, match="option 'time-limit' must be more than 0 seconds"):
            pattern_rule("HS900", SLOW_REGEX, options={"time-limit": bad})


def test_the_time_limit_stops_a_search_and_names_the_rule() -> None:
    linter = Linter([pattern_rule("HS900", SLOW_REGEX, options={"time-limit": TIME_LIMIT})])
    started = time.monotonic()
    with pytest.raises(TimeoutError) as error:
        linter.lint(SLOW)
    assert time.monotonic() - started < HANG
    assert str(error.value) == (
        "HS900 [rule-hs900]: regex 'a*a*a*a*b' ran out of time (0.2 s)"
    )  # plus half as much per megabyte: 20 kB adds 1%, shown as 0.2 s


@pytest.fixture
def slow_project(tmp_path: Path) -> Path:
    """The slow regex as a house rule (with the small time limit); a seed on which it is
    slow and one with a typo."""
    write_pattern_pack(tmp_path, SLOW_REGEX, f"time-limit: {TIME_LIMIT}")
    (tmp_path / "slow.txt").write_text(SLOW, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TYPO, encoding="utf-8")
    return tmp_path


@pytest.mark.e2e
def test_a_slow_regex_is_stopped_by_the_time_limit_and_the_run_goes_on(
    slow_project: Path,
) -> None:
    started = time.monotonic()
    result = run_seedlint("check", "--no-cache", "--format", "json", ".", cwd=slow_project)
    assert time.monotonic() - started < HANG
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: slow.txt: HS900 [house-rule]: regex 'a*a*a*a*b' ran out of time "
        "(0.2 s); the file was not checked\n"
    )
    assert codes_by_file(result) == {"ok.txt": ["SL203"]}


@pytest.mark.e2e
def test_a_file_whose_regex_ran_out_of_time_is_not_fixed(slow_project: Path) -> None:
    fixed = run_seedlint("fix", "--in-place", ".", cwd=slow_project)
    assert (
        fixed.returncode == 2
        and "ran out of time (0.2 s); the file was not changed" in fixed.stderr
    )
    assert (slow_project / "slow.txt").read_text(encoding="utf-8") == SLOW
    assert (slow_project / "ok.txt").read_text(encoding="utf-8") == FIXED_TYPO


@pytest.mark.e2e
def test_a_record_whose_regex_ran_out_of_time_is_named(slow_project: Path) -> None:
    records = [{"id": "slow", "text": SLOW}, {"id": "ok", "text": TYPO}]
    (slow_project / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    lines = run_seedlint("check", "--no-cache", "--jsonl", "c.jsonl", cwd=slow_project)
    assert lines.returncode == 2 and "c.jsonl#slow: HS900 [house-rule]" in lines.stderr
    assert "c.jsonl#ok:3:5: SL203" in lines.stdout


@pytest.mark.parametrize(
    ("body", "repeated"),
    [
        ("We are here to to help.", ["to to"]),
        ("Read the The Commerce Blog.", ["the The"]),  # a function word before itself
        ("Save the file as data data. Then go.", ["data data"]),  # a full stop, not a file
        ("Try the Project Open Data data.json Validator.", []),  # a dotted file name
        ("Instead of: Use: Poor people People with lower incomes.", []),  # table cells
        ("Mentally ill Ill health.", []),
    ],
)
def test_repeated_words_skip_file_names_and_run_together_table_cells(
    body: str, repeated: list[str]
) -> None:
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL204"])
    assert [text[d.start : d.end] for d in diagnostics] == repeated
