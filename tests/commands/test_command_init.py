"""``seedlint init``: a starter configuration for a folder of seeds, never over one that
exists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint
from seedlint.ruleset.config import load_config

pytestmark = pytest.mark.e2e


def test_init_writes_a_starter_configuration(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SAMPLE, tmp_path / "seeds" / "raw.txt")
    result = run_seedlint("init", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "seedlint: wrote seedlint.yaml\n")
    config = load_config(tmp_path / "seedlint.yaml")
    assert config.paths == ["seeds"] and config.select == ["ALL"] and config.fail_on == "warning"
    assert run_seedlint("check", "--format", "json", cwd=tmp_path).returncode == 1  # seeds/
    again = run_seedlint("init", cwd=tmp_path)
    assert again.returncode == 2 and "exists (--force replaces it)" in again.stderr
    assert run_seedlint("init", "--force", cwd=tmp_path).returncode == 0


def test_init_leaves_a_configured_folder_alone(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.seedlint]\nignore = ["SL2"]\n', "utf-8")
    result = run_seedlint("init", cwd=tmp_path)
    assert result.returncode == 2 and "pyproject.toml already configures seedlint" in result.stderr
    assert not (tmp_path / "seedlint.yaml").exists()
    (tmp_path / "other").mkdir()
    assert run_seedlint("init", cwd=tmp_path / "other").returncode == 0
    assert load_config(tmp_path / "other" / "seedlint.yaml").paths == ["."]
