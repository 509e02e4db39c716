"""The README says what is true: it starts with the two commands a new user copies, and the
sample output it shows is what the command line prints today."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, run_seedlint

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


def test_the_readme_starts_with_two_commands_install_and_check_then_test() -> None:
    first = BLOCK.search(README)
    assert first is not None and first.start() < README.index("\n## ")
    commands = first.group(2).splitlines()
    assert len(commands) == 2
    assert "pip install" in commands[0] and commands[0].endswith("seedlint check seeds/")
    assert commands[1].endswith("python -m pytest -q")


@pytest.mark.e2e
def test_the_sample_findings_shown_are_what_check_prints() -> None:
    prompt = "$ seedlint check tests/fixtures/ --format concise\n"
    shown = next(b.group(2) for b in BLOCK.finditer(README) if b.group(2).startswith(prompt))
    result = run_seedlint("check", "tests/fixtures/", "--format", "concise", cwd=ROOT)
    assert result.returncode == 1
    assert shown[len(prompt) :] == result.stdout


@pytest.mark.e2e
def test_the_seeds_folder_passes_as_the_first_command_says() -> None:
    result = run_seedlint("check", "seeds/", cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")
