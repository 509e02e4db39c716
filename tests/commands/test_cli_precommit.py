"""The pre-commit set-up a user can copy today, run by the real pre-commit: a ``repo:
local`` hook with ``language: python`` that installs seedlint from a path, and the
bundled hooks, which pass ``--force-exclude`` so that the configuration's ``exclude``
holds for the files pre-commit names.

pre-commit builds a virtual environment and pip-installs seedlint into it, so these
tests take a while; they are marked ``slow`` (``-m "not slow"`` skips them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLE, seed

pytestmark = pytest.mark.slow

# The configuration as a user writes it; the dependency is the one line they change: a
# path (or URL) of seedlint, or a version from a package index once it is published.
LOCAL_SNIPPET = """\
# .pre-commit-config.yaml
repos:
  - repo: local
    hooks:
      - id: seedlint-fix
        name: seedlint fix
        entry: seedlint fix --in-place --exit-non-zero-on-fix --force-exclude
        language: python
        additional_dependencies: ["seedlint @ file:///path/to/seedlint"]
        types: [text]
        files: \\.txt$
"""
SAFE = (ROOT / "tests" / "golden" / "000_427d24922044e314.safe.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900
    )


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    result = run("git", *args, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """This working tree (tracked and new files), copied: pip builds in the folder it is
    given, and builds no files into the real one."""
    copy = tmp_path_factory.mktemp("seedlint-source")
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


def corpus(path: Path, env: dict[str, str]) -> Path:
    """A repository whose configuration excludes drafts/, with the raw sample seed in
    seeds/ and in drafts/."""
    path.mkdir(parents=True)
    git("init", "-q", cwd=path, env=env)
    git("config", "user.name", "Seed Tester", cwd=path, env=env)
    git("config", "user.email", "tester@example.org", cwd=path, env=env)
    (path / "seedlint.yaml").write_text('exclude: ["drafts/"]\n', encoding="utf-8")
    for folder in ("seeds", "drafts"):
        (path / folder).mkdir()
        shutil.copy(SAMPLE, path / folder / "raw.txt")
    return path


def test_the_local_snippet_installs_seedlint_and_honours_exclude(
    checkout: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    repo = corpus(tmp_path / "corpus", env)
    config = LOCAL_SNIPPET.replace("file:///path/to/seedlint", checkout.as_uri())
    hooks = yaml.safe_load(config)["repos"][0]["hooks"]
    assert [h["language"] for h in hooks] == ["python"]
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)

    result = run(sys.executable, "-m", "pre_commit", "run", "--all-files", cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^seedlint fix\.+Failed$", output, re.M), output
    assert "- files were modified by this hook" in output
    assert (repo / "seeds" / "raw.txt").read_text(encoding="utf-8") == SAFE
    assert (repo / "drafts" / "raw.txt").read_bytes() == SAMPLE.read_bytes()  # excluded
    # what no safe fix repairs is reported once, for the seed that was checked only
    assert output.count("seeds/raw.txt:11:1: SL301") == 1
    assert "drafts/" not in output

    git("add", "-A", cwd=repo, env=env)
    again = run(sys.executable, "-m", "pre_commit", "run", "--all-files", cwd=repo, env=env)
    assert again.returncode == 1  # the two findings without a safe fix remain
    assert "- files were modified by this hook" not in again.stdout


def test_the_bundled_hooks_pass_force_exclude(
    checkout: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert all("--force-exclude" in hook["entry"].split() for hook in hooks)

    source = tmp_path / "hooks"
    shutil.copytree(checkout, source)
    git("init", "-q", cwd=source, env=env)
    git("add", "-A", cwd=source, env=env)
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "hooks",
        cwd=source, env=env)  # fmt: skip
    repo = corpus(tmp_path / "corpus", env)
    (repo / "drafts" / "clean.txt").write_text(seed("A clean paragraph."), encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    result = run(
        sys.executable, "-m", "pre_commit", "try-repo", str(source), "seedlint-check",
        "--files", "drafts/raw.txt", "drafts/clean.txt", cwd=repo, env=env,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # the raw seed in drafts/ is excluded
    assert re.search(r"^seedlint check\.+Passed$", output, re.M), output

    result = run(
        sys.executable, "-m", "pre_commit", "try-repo", str(source), "seedlint-check",
        "--files", "seeds/raw.txt", "drafts/raw.txt", cwd=repo, env=env,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "seeds/raw.txt:7:28: SL201" in output and "drafts/raw.txt" not in output
