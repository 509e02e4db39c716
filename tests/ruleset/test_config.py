"""Configuration (seedlint.ruleset.config): pyproject.toml and seedlint.yaml, which wins,
per-file ignores, languages, include and exclude, rule options, and a bad setting as one
line with its file and line, exit code 2. Run as a user runs them: a subprocess.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_seedlint, seed
from helpers import CLEAN, sorted_codes

FRENCH = seed(
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir les "
    "entreprises touchées par la crise, selon un communiqué publié par le ministère de "
    "l'Économie et des Finances à Paris."
)

pytestmark = pytest.mark.e2e


def test_pyproject_configuration(sample_project: Path) -> None:
    (sample_project / "pyproject.toml").write_text(
        '[tool.seedlint]\nignore = ["SL2"]\nseverity = { "SL3" = "info", "SL0" = "info" }\n',
        encoding="utf-8",
    )
    result = run_seedlint("check", "--format", "json", cwd=sample_project)
    assert sorted_codes(result) == ["SL001", "SL010", "SL011", "SL301", "SL305"]
    assert result.returncode == 0  # everything left is info, below fail-on: warning


def test_yaml_configuration_wins_and_per_file_ignores(sample_project: Path) -> None:
    (sample_project / "pyproject.toml").write_text(
        '[tool.seedlint]\nselect = ["SL0"]\n', encoding="utf-8"
    )
    (sample_project / "seedlint.yaml").write_text(
        "select: [SL2]\nper-file-ignores:\n  'seeds/raw/*': [SL210]\n", encoding="utf-8"
    )
    # (seed() gives every document one title: the corpus rules would report it repeated)
    checked = run_seedlint("check", "--format", "json", "--ignore", "SL5", cwd=sample_project)
    assert sorted_codes(checked) == ["SL201"]


def test_languages_setting_accepts_french(sample_project: Path) -> None:
    (sample_project / "seeds" / "fr.txt").write_text(FRENCH, encoding="utf-8")
    assert "SL401" in sorted_codes(
        run_seedlint("check", "--format", "json", "seeds/fr.txt", cwd=sample_project)
    )
    (sample_project / "seedlint.yaml").write_text("languages: [en, fr]\n", encoding="utf-8")
    result = run_seedlint("check", "seeds/fr.txt", cwd=sample_project)
    assert result.returncode == 0, result.stdout


def test_include_exclude_and_rule_options(sample_project: Path) -> None:
    (sample_project / "seedlint.yaml").write_text(
        "include: ['*.md']\nselect: [SL0]\n", encoding="utf-8"
    )
    result = run_seedlint("check", "--format", "json", "seeds", cwd=sample_project)
    assert {Path(i["filename"]).name for i in json.loads(result.stdout)} == {"notes.md"}
    (sample_project / "seedlint.yaml").write_text(
        "exclude: ['seeds/raw/*']\nrule-options:\n  minister-typo: {preceded-by: [york]}\n",
        encoding="utf-8",
    )
    assert run_seedlint("check", "seeds", cwd=sample_project).returncode == 0
    (sample_project / "seeds" / "york.txt").write_text(
        seed("We saw York Minster."), encoding="utf-8"
    )
    # (seed() gives every document one title: the corpus rules would report it repeated)
    checked = run_seedlint("check", "--format", "json", "--ignore", "SL5", cwd=sample_project)
    assert sorted_codes(checked) == ["SL201"]


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
    sample_project: Path, content: str, message: str
) -> None:
    (sample_project / "seedlint.yaml").write_text(content, encoding="utf-8")
    result = run_seedlint("check", cwd=sample_project)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


def test_yaml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text("select: [SL0\nignore: []\n", encoding="utf-8")
    result = run_seedlint("check", "--no-cache", cwd=tmp_path)
    assert result.returncode == 2
    assert re.fullmatch(
        r"seedlint: error: \S*seedlint\.yaml:2: YAML error, column 7: .+\n", result.stderr
    )


def test_yaml_tags_that_build_objects_are_refused_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text(
        "select: !!python/object/apply:os.system ['touch built']\n", encoding="utf-8"
    )
    result = run_seedlint("check", "--no-cache", cwd=tmp_path)
    assert result.returncode == 2 and "YAML error" in result.stderr
    assert not (tmp_path / "built").exists()


@pytest.mark.parametrize(
    "content",
    ["ignore: [HS999]\n", "per-file-ignores:\n  '*.txt': [no-such-rule]\n"],
    ids=["ignore", "per-file-ignores"],
)
def test_a_selector_for_a_rule_that_does_not_exist_is_an_error(
    tmp_path: Path, content: str
) -> None:
    (tmp_path / "seedlint.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run_seedlint("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "selects no rule" in result.stderr
