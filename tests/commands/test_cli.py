"""The command line (seedlint.commands.cli), run as a user runs it: a subprocess. Paths and
the default of seeds/, selection on the command line, exit codes, quiet and statistics,
colour, and the installed console script.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_seedlint
from helpers import sorted_codes

pytestmark = pytest.mark.e2e


def test_no_path_checks_seeds_recursively_and_only_txt(sample_project: Path) -> None:
    result = run_seedlint("check", "--format", "json", cwd=sample_project)
    assert result.returncode == 1
    files = {Path(item["filename"]).name for item in json.loads(result.stdout)}
    assert files == {"sample.txt"}


def test_clean_file_passes(sample_project: Path) -> None:
    result = run_seedlint("check", "seeds/clean.txt", cwd=sample_project)
    assert result.returncode == 0
    assert result.stdout == "All checks passed (1 file).\n"


def test_select_ignore_by_code_prefix_and_name(sample_project: Path) -> None:
    assert sorted_codes(
        run_seedlint("check", "--format", "json", "--select", "SL0", cwd=sample_project)
    ) == [
        "SL001",
        "SL010",
        "SL011",
    ]
    result = run_seedlint(
        "check", "--format", "json", "--ignore", "SL0,minister-typo", cwd=sample_project
    )
    assert sorted_codes(result) == ["SL210", "SL301", "SL305"]
    result = run_seedlint(
        "check",
        "--format",
        "json",
        "--select",
        "SL201",
        "--extend-select",
        "SL3",
        cwd=sample_project,
    )
    assert sorted_codes(result) == ["SL201", "SL301", "SL305"]


def test_unknown_selector_is_a_usage_error(sample_project: Path) -> None:
    result = run_seedlint("check", "--select", "SL999", cwd=sample_project)
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: --select: 'SL999' selects no rule (did you mean 'SL109'?) "
        "(see 'seedlint rules')\n"
    )


def test_missing_path_is_exit_2(sample_project: Path) -> None:
    result = run_seedlint("check", "nowhere.txt", cwd=sample_project)
    assert result.returncode == 2
    assert result.stderr == "seedlint: error: nowhere.txt: no such file or folder\n"
    assert result.stdout == "No problems in 0 files checked; 1 could not be checked.\n"


def test_exit_zero_quiet_statistics(sample_project: Path) -> None:
    result = run_seedlint(
        "check", "--exit-zero", "--quiet", "--format", "concise", cwd=sample_project
    )
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 7 and "Found" not in result.stdout
    stats = run_seedlint("check", "--statistics", cwd=sample_project)
    assert "     1  SL201  [minister-typo]" in stats.stdout.splitlines()
    assert stats.returncode == 1


def test_colour_only_when_asked_and_never_under_no_color(sample_project: Path) -> None:
    plain = run_seedlint("check", cwd=sample_project)
    assert "\x1b[" not in plain.stdout
    forced = run_seedlint("check", cwd=sample_project, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[31mSL201 error\x1b[0m" in forced.stdout


def test_console_script_is_installed() -> None:
    """The ``seedlint`` command is installed beside the interpreter running the tests, and
    runs without an activated environment."""
    executable = Path(sys.executable).parent / "seedlint"
    assert executable.is_file() and os.access(executable, os.X_OK)
    result = subprocess.run(
        [executable, "--version"], capture_output=True, text=True, env={"PATH": os.defpath}
    )
    assert result.returncode == 0 and result.stdout.startswith("seedlint ")


def test_formats_exit_like_the_others(format_project: Path) -> None:
    for fmt in ("github", "sarif", "json-lines", "junit"):
        result = run_seedlint("check", "seeds/clean.txt", "--format", fmt, cwd=format_project)
        assert result.returncode == 0, fmt
    result = run_seedlint("check", "--format", "nope")
    assert result.returncode == 2 and "invalid choice" in result.stderr
