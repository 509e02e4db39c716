"""``seedlint --help`` and each command's help list every option, with its default for
every option that takes a value (or says it is required; flags are off unless given, as
each help says); usage errors are one line."""

from __future__ import annotations

import re

import pytest

from conftest import run_seedlint

pytestmark = pytest.mark.e2e

READING = [
    "--config", "--isolated", "--jobs", "--jsonl", "--parquet", "--text-field", "--id-field",
    "--stdin-filename", "--force-exclude", "--select", "--extend-select", "--ignore",
    "--fail-on", "--exit-zero", "--quiet", "--show-settings",
]  # fmt: skip
COMMANDS = {
    "check": [*READING, "--format", "--output-file", "--statistics", "--no-cache",
              "--cache-dir", "--baseline", "--write-baseline", "--engine", "--scheduler"],
    "fix": [*READING, "--output-dir", "--in-place", "--diff", "--unsafe-fixes", "--show-fixes",
            "--exit-non-zero-on-fix", "--format", "--no-cache", "--engine", "--scheduler"],
    "report": [*READING, "--output", "--title", "--generated"],
    "rules": ["--config", "--isolated", "--format"],
    "explain": ["--config", "--isolated"],
    "test-rules": ["--config"],
    "init": ["--force"],
    "server": [],
}  # fmt: skip
ENTRY = re.compile(r"^  (-\S.*?)(?=^  -|^\S|\Z)", re.M | re.S)


def entries(help_text: str) -> dict[str, str]:
    """Each option's help entry (its own line or lines), by every name it has."""
    found = {}
    for match in ENTRY.finditer(help_text.split("options:", 1)[1]):
        raw = match.group(1)
        head = re.split(r"\s{2,}|\n", raw, maxsplit=1)[0]  # the names, before the help
        entry = " ".join(raw.split())
        for name in re.findall(r"(?:^|, )(--?[a-z][a-z-]*)", head):
            found[name] = entry
    return found


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_is_listed_with_its_default(command: str) -> None:
    result = run_seedlint(command, "--help")
    assert result.returncode == 0
    listed = entries(result.stdout)
    assert sorted(set(listed) - {"-h", "--help", "-j", "-q", "-o"}) == sorted(COMMANDS[command])
    for option in COMMANDS[command]:
        entry = listed[option]
        takes_value = re.match(rf"{option} [A-Z{{]", entry) is not None
        if takes_value:  # a default, or why there is none
            assert "(default: " in entry or "(required" in entry, entry
    assert "Flags (options without a value) are off unless given." in result.stdout


def test_the_top_level_help_lists_every_command() -> None:
    result = run_seedlint("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert re.search(rf"^    {command}\b", result.stdout, re.M), command
    assert "'seedlint COMMAND --help' lists a command's options." in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bogus"], "seedlint: error: unrecognized arguments: --bogus "
         "(see 'seedlint --help')"),
        (["check", "--format", "xml"], "seedlint check: error: argument --format: invalid "
         "choice: 'xml' (choose from 'text', 'concise', 'json', 'json-lines', 'github', "
         "'sarif', 'junit') "
         "(see 'seedlint check --help')"),
        (["frobnicate"], "seedlint: error: argument COMMAND: invalid choice: 'frobnicate' "
         "(choose from 'check', 'fix', 'report', 'rules', 'explain', 'test-rules', 'init', "
         "'server') "
         "(see 'seedlint --help')"),
        ([], "seedlint: error: the following arguments are required: COMMAND "
         "(see 'seedlint --help')"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    result = run_seedlint(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


SHUTIL_HELP = """
import shutil
from seedlint.commands import cli
cli.terminal_columns = lambda: shutil.get_terminal_size().columns
cli.main(["check", "--help"])
"""
WIDTHS = """
import shutil, sys
from seedlint.commands.cli import terminal_columns
print(shutil.get_terminal_size().columns, terminal_columns())
"""


@pytest.mark.parametrize("columns", [None, "50", "200", "0", "-3", "wide"])
def test_help_is_as_wide_as_shutil_says_the_terminal_is(columns: str | None) -> None:
    """The width is found without importing shutil (a start-up cost), as shutil finds it:
    $COLUMNS, else the terminal of standard output (a real one here), else 80."""
    import os
    import pty
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns is not None:
        env["COLUMNS"] = columns
    main, tty = pty.openpty()
    for stdout in (tty, subprocess.PIPE):
        result = subprocess.run(
            [sys.executable, "-c", WIDTHS], stdout=stdout, stderr=subprocess.PIPE,
            env=env, timeout=60, check=True,
        )  # fmt: skip
        output = os.read(main, 1000).decode() if stdout == tty else result.stdout.decode()
        expected, found = output.split()
        assert found == expected
    os.close(main)
    os.close(tty)
    usage_lines = []
    for width in ("60", "200"):  # the same help as with shutil's width
        ours = run_seedlint("check", "--help", env={"COLUMNS": width}).stdout
        env["COLUMNS"] = width
        result = subprocess.run(
            [sys.executable, "-c", SHUTIL_HELP], capture_output=True, text=True, env=env,
            timeout=60, check=True,
        )  # fmt: skip
        assert ours == result.stdout
        usage_lines.append(len(ours.split("\n\n")[0].splitlines()))
    assert usage_lines[0] > usage_lines[1]  # wrapped to the width
