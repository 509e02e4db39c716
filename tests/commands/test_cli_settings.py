"""Settings through the command line: selectors with did-you-mean, configuration errors
that name file and line (YAML and pyproject.toml), ``--config /dev/null``, ``--isolated``,
``--fail-on``, ``--show-settings`` with where each value came from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_seedlint, seed

pytestmark = pytest.mark.e2e

TYPO = seed("The Deputy Prime Minster spoke.")
NO_NEWLINE = "date 2024-01-18 A title\n\nText without a final newline."  # SL010, a warning


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "typo.txt").write_text(TYPO, encoding="utf-8")
    return tmp_path


def one_error(result: object, message: str) -> None:
    """Exit 2, nothing on standard output, and the one line (a message ending in "…" is
    the start of the line)."""
    assert getattr(result, "returncode") == 2  # noqa: B009
    assert getattr(result, "stdout") == ""  # noqa: B009
    stderr = getattr(result, "stderr")  # noqa: B009
    if message.endswith("…"):
        assert stderr.startswith(f"seedlint: error: {message[:-1]}") and stderr.count("\n") == 1
    else:
        assert stderr == f"seedlint: error: {message}\n"


def test_a_misspelt_selector_gets_a_suggestion(project: Path) -> None:
    result = run_seedlint("check", "seeds", "--select", "minster-typo", cwd=project)
    one_error(
        result,
        "--select: 'minster-typo' selects no rule (did you mean 'minister-typo'?) "
        "(see 'seedlint rules')",
    )
    ignored = run_seedlint("check", "seeds", "--ignore", "final-newlin", cwd=project)
    one_error(
        ignored,
        "--ignore: 'final-newlin' selects no rule (did you mean 'final-newline'?) "
        "(see 'seedlint rules')",
    )


@pytest.mark.parametrize(
    ("yaml", "line", "message"),
    [
        ("fail-on: warning\nselect: [minster-typo]\n", 2,
         "select: 'minster-typo' selects no rule (did you mean 'minister-typo'?) "
         "(see 'seedlint rules')"),
        ('per-file-ignores:\n  "x/*": [SL999]\n', 1,
         "per-file-ignores: 'SL999' selects no rule (did you mean 'SL109'?) "
         "(see 'seedlint rules')"),
        ("ignore: []\nseverity: {SL201: loud}\n", 2,
         "severity of 'SL201' must be one of info, warning, error, not 'loud'"),
        ("fail-on: loud\n", 1, "'fail-on' must be one of info, warning, error"),
        ("selcet: [SL2]\n", 1, "unknown setting 'selcet' (did you mean 'select'?)"),
        ("\nrule-options: {minister-typo: {nope: 1}}\n", 2,
         "SL201 [minister-typo]: unknown option 'nope' in rule-options (its check "
         "'substitution' takes swap, …"),
        ("paths: seeds\n", 1, "'paths' must be a list of strings, not 'seeds'"),
    ],
)  # fmt: skip
def test_configuration_errors_name_file_and_line(
    project: Path, yaml: str, line: int, message: str
) -> None:
    (project / "seedlint.yaml").write_text(yaml, encoding="utf-8")
    one_error(run_seedlint("check", cwd=project), f"{project / 'seedlint.yaml'}:{line}: {message}")


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('select = ["ALL"]\nseverity = {SL201 = "loud"}\n', 6,
         "severity of 'SL201' must be one of info, warning, error, not 'loud'"),
        ('ignore = ["SL9"]\n', 5, "ignore: 'SL9' selects no rule (did you mean 'SL109'?) "
         "(see 'seedlint rules')"),
        ('fail-on = "loud"\n', 5, "'fail-on' must be one of info, warning, error"),
        ("\n[tool.seedlint.rule-options]\nSL201 = {nope = 1}\n", 6,
         "SL201 [minister-typo]: unknown option 'nope' in rule-options (its check "
         "'substitution' takes swap, …"),
    ],
)  # fmt: skip
def test_pyproject_errors_name_file_and_line_too(
    project: Path, toml: str, line: int, message: str
) -> None:
    text = '[project]\nname = "corpus"\n\n[tool.seedlint]\n' + toml
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run_seedlint("check", cwd=project)
    one_error(result, f"{project / 'pyproject.toml'}:{line}: {message}")


def test_config_dev_null_is_the_empty_configuration(project: Path) -> None:
    (project / "seedlint.yaml").write_text("ignore: [SL201]\n", encoding="utf-8")
    configured = run_seedlint("check", "seeds", cwd=project)
    assert configured.returncode == 0
    empty = run_seedlint("check", "seeds", "--config", os.devnull, cwd=project)
    assert empty.returncode == 1 and "SL201" in empty.stdout
    shown = run_seedlint("check", "--config", os.devnull, "--show-settings", cwd=project)
    assert shown.stdout.splitlines()[:3] == [
        f"root: '{project}'    # {os.devnull}",
        "paths: ['seeds']    # default",
        "include: ['*.txt']    # default",
    ]
    for command in ("rules", "test-rules"):
        other = run_seedlint(command, "--config", os.devnull, cwd=project)
        assert (other.returncode, other.stderr) == (0, ""), command
    missing = run_seedlint("check", "--config", "nowhere.yaml", cwd=project)
    one_error(missing, "nowhere.yaml: configuration file not found")


def test_isolated_ignores_the_configuration(project: Path) -> None:
    (project / "seedlint.yaml").write_text("ignore: [SL201]\nfail-on: loud\n", encoding="utf-8")
    assert run_seedlint("check", "seeds", cwd=project).returncode == 2  # the bad file is read
    isolated = run_seedlint("check", "seeds", "--isolated", cwd=project)
    assert isolated.returncode == 1 and "SL201" in isolated.stdout
    both = run_seedlint("check", "--isolated", "--config", "seedlint.yaml", cwd=project)
    one_error(both, "--isolated ignores configuration files; drop --config")


def test_fail_on_decides_the_exit_code_and_says_so(project: Path) -> None:
    (project / "seeds" / "typo.txt").write_text(NO_NEWLINE, encoding="utf-8")  # a warning only
    (project / "seedlint.yaml").write_text("select: [SL010]\n", encoding="utf-8")
    default = run_seedlint("check", "seeds", cwd=project)
    assert default.returncode == 1
    assert default.stdout.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 file (1 fixable with `seedlint fix`)."
    )
    lenient = run_seedlint("check", "seeds", "--fail-on", "error", cwd=project)
    assert lenient.returncode == 0
    assert lenient.stdout.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 file (1 fixable with `seedlint fix`). "
        "None at or above 'error' (fail-on)."
    )
    (project / "seedlint.yaml").write_text("select: [SL010]\nfail-on: error\n", encoding="utf-8")
    assert run_seedlint("check", "seeds", cwd=project).returncode == 0
    strict = run_seedlint("check", "seeds", "--fail-on", "info", cwd=project)
    assert strict.returncode == 1  # the command line wins over the file
    fixed = run_seedlint("fix", "seeds", "--diff", "--fail-on", "error", cwd=project)
    assert fixed.returncode == 1  # --diff: 1 when it would change, whatever fail-on says


def test_show_settings_says_where_each_value_came_from(project: Path) -> None:
    (project / "seedlint.yaml").write_text(
        'paths: [seeds]\nper-file-ignores: {"seeds/quotes/*": [SL3]}\nfail-on: error\n',
        encoding="utf-8",
    )
    (project / "seeds" / "quotes").mkdir()
    config = project / "seedlint.yaml"
    result = run_seedlint(
        "check", "--show-settings", "--select", "SL2,SL3", "--ignore", "SL210",
        "seeds/typo.txt", "seeds/quotes/q.txt", cwd=project,
    )  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert f"root: '{project}'    # {config}" in lines
    assert f"paths: ['seeds']    # {config}:1" in lines
    assert "select: ['SL2', 'SL3']    # --select" in lines
    assert "ignore: ['SL210']    # --ignore" in lines
    assert f"fail-on: 'error'    # {config}:3" in lines
    assert "exclude: []    # default" in lines
    selected = next(line for line in lines if line.startswith("# selected rules"))
    count = int(selected.split("(")[1].split(")")[0])
    assert "SL210" not in selected and "SL201" in selected and "SL301" in selected
    assert f"# rules for seeds/typo.txt ({count})" in lines
    quotes = next(line for line in lines if line.startswith("# rules for seeds/quotes/q.txt"))
    assert quotes.startswith("# rules for seeds/quotes/q.txt (") and "turn off SL301" in quotes


def test_show_settings_for_fix_and_report_too(project: Path) -> None:
    for command in ("fix", "report"):
        result = run_seedlint(command, "--show-settings", "--select", "SL2", cwd=project)
        assert result.returncode == 0, result.stderr
        assert "select: ['SL2']    # --select" in result.stdout.splitlines()
    assert not (project / "normalised").exists()


def test_no_cache_is_accepted_by_fix_and_changes_nothing(project: Path) -> None:
    plain = run_seedlint("fix", "seeds", "--diff", cwd=project)
    uncached = run_seedlint("fix", "seeds", "--diff", "--no-cache", cwd=project)
    assert (uncached.returncode, uncached.stdout, uncached.stderr) == (
        plain.returncode, plain.stdout, plain.stderr,
    )  # fmt: skip
    assert "+The Deputy Prime Minister spoke." in uncached.stdout
    checked = run_seedlint("check", "seeds", "--no-cache", "--cache-dir", "c", cwd=project)
    one_error(checked, "--no-cache and --cache-dir contradict each other: drop one")
    cache = {"SEEDLINT_CACHE_DIR": str(project / "cache")}
    run_seedlint("check", "seeds", "--no-cache", cwd=project, env=cache)
    assert not (project / "cache").exists()
    run_seedlint("check", "seeds", cwd=project, env=cache)
    assert (project / "cache").is_dir()  # the same run with the cache writes it
