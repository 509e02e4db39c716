"""The command line and its configuration, run as a user runs them: a subprocess."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint, seed

CLEAN = seed("A clean paragraph of text.")
FRENCH = seed(
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir les "
    "entreprises touchées par la crise, selon un communiqué publié par le ministère de "
    "l'Économie et des Finances à Paris."
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with seeds/: the raw sample in a subfolder, a clean seed, a non-seed file."""
    seeds = tmp_path / "seeds"
    (seeds / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE, seeds / "raw" / "sample.txt")
    (seeds / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (seeds / "notes.md").write_text("not a seed", encoding="utf-8")
    return tmp_path


def codes(result) -> list[str]:
    return sorted(item["code"] for item in json.loads(result.stdout))


def test_no_path_checks_seeds_recursively_and_only_txt(project: Path) -> None:
    result = run_seedlint("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    files = {Path(item["filename"]).name for item in json.loads(result.stdout)}
    assert files == {"sample.txt"}


def test_clean_file_passes(project: Path) -> None:
    result = run_seedlint("check", "seeds/clean.txt", cwd=project)
    assert result.returncode == 0
    assert result.stdout == "All checks passed (1 file).\n"


def test_select_ignore_by_code_prefix_and_name(project: Path) -> None:
    assert codes(run_seedlint("check", "--format", "json", "--select", "SL0", cwd=project)) == [
        "SL001",
        "SL010",
        "SL011",
    ]
    result = run_seedlint("check", "--format", "json", "--ignore", "SL0,minister-typo", cwd=project)
    assert codes(result) == ["SL210", "SL301"]
    result = run_seedlint(
        "check", "--format", "json", "--select", "SL201", "--extend-select", "SL3", cwd=project
    )
    assert codes(result) == ["SL201", "SL301"]


def test_unknown_selector_is_a_usage_error(project: Path) -> None:
    result = run_seedlint("check", "--select", "SL999", cwd=project)
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: --select: 'SL999' selects no rule (did you mean 'SL109'?) "
        "(see 'seedlint rules')\n"
    )


def test_pyproject_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.seedlint]\nignore = ["SL2"]\nseverity = { "SL3" = "info", "SL0" = "info" }\n',
        encoding="utf-8",
    )
    result = run_seedlint("check", "--format", "json", cwd=project)
    assert codes(result) == ["SL001", "SL010", "SL011", "SL301"]
    assert result.returncode == 0  # everything left is info, below fail-on: warning


def test_yaml_configuration_wins_and_per_file_ignores(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.seedlint]\nselect = ["SL0"]\n', encoding="utf-8")
    (project / "seedlint.yaml").write_text(
        "select: [SL2]\nper-file-ignores:\n  'seeds/raw/*': [SL210]\n", encoding="utf-8"
    )
    assert codes(run_seedlint("check", "--format", "json", cwd=project)) == ["SL201"]


def test_languages_setting_accepts_french(project: Path) -> None:
    (project / "seeds" / "fr.txt").write_text(FRENCH, encoding="utf-8")
    assert "SL401" in codes(run_seedlint("check", "--format", "json", "seeds/fr.txt", cwd=project))
    (project / "seedlint.yaml").write_text("languages: [en, fr]\n", encoding="utf-8")
    result = run_seedlint("check", "seeds/fr.txt", cwd=project)
    assert result.returncode == 0, result.stdout


def test_include_exclude_and_rule_options(project: Path) -> None:
    (project / "seedlint.yaml").write_text("include: ['*.md']\nselect: [SL0]\n", encoding="utf-8")
    result = run_seedlint("check", "--format", "json", "seeds", cwd=project)
    assert {Path(i["filename"]).name for i in json.loads(result.stdout)} == {"notes.md"}
    (project / "seedlint.yaml").write_text(
        "exclude: ['seeds/raw/*']\nrule-options:\n  minister-typo: {preceded-by: [york]}\n",
        encoding="utf-8",
    )
    assert run_seedlint("check", "seeds", cwd=project).returncode == 0
    (project / "seeds" / "york.txt").write_text(seed("We saw York Minster."), encoding="utf-8")
    assert codes(run_seedlint("check", "--format", "json", cwd=project)) == ["SL201"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selct: [SL0]\n", "seedlint.yaml:1: unknown setting 'selct' (did you mean 'select'?)"),
        ("select: SL0\n", "seedlint.yaml:1: 'select' must be a list of strings, not 'SL0'"),
        ("fail-on: fatal\n", "'fail-on' must be one of info, warning, error"),
        ("select: [SL0\n", "seedlint.yaml:2: YAML error"),
        ("rule-options:\n  SL201: {colour: red}\n", "unknown option 'colour' in rule-options"),
        ("rule-packs: [missing.yaml]\n", "missing.yaml: rule pack not found"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(
    project: Path, content: str, message: str
) -> None:
    (project / "seedlint.yaml").write_text(content, encoding="utf-8")
    result = run_seedlint("check", cwd=project)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


def test_missing_path_is_exit_2(project: Path) -> None:
    result = run_seedlint("check", "nowhere.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "seedlint: error: nowhere.txt: no such file or folder\n"
    assert result.stdout == "No problems in 0 files checked; 1 could not be checked.\n"


def test_exit_zero_quiet_statistics(project: Path) -> None:
    result = run_seedlint("check", "--exit-zero", "--quiet", "--format", "concise", cwd=project)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 6 and "Found" not in result.stdout
    stats = run_seedlint("check", "--statistics", cwd=project)
    assert "     1  SL201  [minister-typo]" in stats.stdout.splitlines()
    assert stats.returncode == 1


def test_colour_only_when_asked_and_never_under_no_color(project: Path) -> None:
    plain = run_seedlint("check", cwd=project)
    assert "\x1b[" not in plain.stdout
    forced = run_seedlint("check", cwd=project, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[31mSL201 error\x1b[0m" in forced.stdout


def test_rules_and_explain() -> None:
    table = run_seedlint("rules").stdout.splitlines()
    assert table[0].split() == ["code", "name", "kind", "severity", "fix", "selected"]
    assert "SL201  minister-typo" in "\n".join(table)
    for query in ("SL201", "minister-typo", "sl201"):
        page = run_seedlint("explain", query)
        assert page.returncode == 0
        assert page.stdout.startswith("SL201 [minister-typo]")
        assert "York Minster is a cathedral." in page.stdout
        assert "fix: safe" in page.stdout
    assert "fix: unsafe" in run_seedlint("explain", "truncated-ending").stdout
    missing = run_seedlint("explain", "SL999")
    assert missing.returncode == 2 and "no rule 'SL999'" in missing.stderr


def test_console_script_is_installed() -> None:
    executable = shutil.which("seedlint")
    assert executable is not None
    import subprocess

    result = subprocess.run([executable, "--version"], capture_output=True, text=True)
    assert result.stdout.startswith("seedlint ")
