"""The pre-commit hooks, run by the real pre-commit in temporary git repositories.

``try-repo`` builds a fresh virtual environment (and pip-installs this checkout) on every
call, and an installed configuration builds one per pre-commit home, so these tests take
a while; they are marked ``slow`` and run by default (``-m "not slow"`` skips them).
The hook repository is this checkout as it is now, committed into a repository of its own,
so new and changed files are what the hooks run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAFE_FIXED, SAMPLE, seed

README = (ROOT / "README.md").read_text(encoding="utf-8")
SAFE = SAFE_FIXED.read_text(encoding="utf-8")
CLEAN = seed("A clean paragraph of text.")
TYPO = seed("The Deputy Prime Minster spoke.")  # one defect, and a safe fix for it

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One pre-commit home for the module; no user or system git configuration."""
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        # `language: system` hooks run the seedlint and ruff installed beside this python
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
    }


def run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600
    )


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    result = run("git", *args, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "pre_commit", *args, cwd=cwd, env=env)


def new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git("init", "-q", cwd=path, env=env)
    git("config", "user.name", "Seed Tester", cwd=path, env=env)
    git("config", "user.email", "tester@example.org", cwd=path, env=env)
    git("config", "commit.gpgsign", "false", cwd=path, env=env)
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """This checkout's working tree (tracked and new files), committed in a new repository."""
    repo = new_repo(tmp_path_factory.mktemp("hook-repo"), env)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    git("add", "-A", cwd=repo, env=env)
    git("commit", "-q", "-m", "hooks under test", cwd=repo, env=env)
    return repo


@pytest.fixture
def corpus(tmp_path: Path, env: dict[str, str]) -> Path:
    """A repository with the raw sample seed, a clean seed and one with a safe defect."""
    repo = new_repo(tmp_path / "corpus", env)
    shutil.copy(SAMPLE, repo / "raw.txt")
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "typo.txt").write_text(TYPO, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    return repo


def status(output: str, hook: str) -> str:
    """'Passed', 'Failed' or 'Skipped' for a hook's line in pre-commit's report."""
    match = re.search(rf"^{re.escape(hook)}\.+\(?[^)\n]*?\)?(Passed|Failed|Skipped)$", output, re.M)
    assert match, output
    return match.group(1)


def test_try_repo_check_blocks_the_raw_seed_and_passes_a_clean_one(
    hook_repo: Path, corpus: Path, env: dict[str, str]
) -> None:
    raw = pre_commit(
        "try-repo", str(hook_repo), "seedlint-check", "--files", "raw.txt", cwd=corpus, env=env
    )
    assert raw.returncode == 1, raw.stdout + raw.stderr
    assert status(raw.stdout, "seedlint check") == "Failed"
    expected = "raw.txt:7:28: SL201 error [minister-typo] 'Minster' is a typo for 'Minister'"
    assert expected in raw.stdout
    assert (corpus / "raw.txt").read_bytes() == SAMPLE.read_bytes()  # a check changes nothing

    clean = pre_commit(
        "try-repo", str(hook_repo), "seedlint-check", "--files", "clean.txt", cwd=corpus, env=env
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert status(clean.stdout, "seedlint check") == "Passed"


def test_try_repo_fix_rewrites_the_raw_seed_and_fails(
    hook_repo: Path, corpus: Path, env: dict[str, str]
) -> None:
    raw = pre_commit(
        "try-repo", str(hook_repo), "seedlint-fix", "--files", "raw.txt", cwd=corpus, env=env
    )
    assert raw.returncode == 1
    assert status(raw.stdout, "seedlint fix") == "Failed"
    assert "- files were modified by this hook" in raw.stdout
    assert (corpus / "raw.txt").read_text(encoding="utf-8") == SAFE
    # the two findings no safe fix repairs are reported
    assert "raw.txt:11:1: SL301" in raw.stdout and "raw.txt:21:1: SL011" in raw.stdout


def test_try_repo_fix_fails_when_it_changed_a_file_even_with_nothing_left(
    hook_repo: Path, corpus: Path, env: dict[str, str]
) -> None:
    first = pre_commit(
        "try-repo", str(hook_repo), "seedlint-fix", "--files", "typo.txt", cwd=corpus, env=env
    )
    assert first.returncode == 1
    assert "- exit code: 1" in first.stdout  # the hook itself fails, not only pre-commit
    assert "Fixed 1 file in place; 0 problems remain." in first.stdout
    assert (corpus / "typo.txt").read_text(encoding="utf-8") == TYPO.replace("Minster", "Minister")


def test_installed_hooks_stop_a_defective_commit_and_let_a_clean_one_through(
    hook_repo: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """The configuration is the README's snippet, pointed at the hook repository."""
    repo = new_repo(tmp_path / "corpus", env)
    rev = git("rev-parse", "HEAD", cwd=hook_repo, env=env).strip()
    remote = "repo: https://github.com/OWNER/seedlint"
    snippet = next(b for b in README.split("```yaml\n")[1:] if remote in b).split("```", 1)[0]
    snippet = snippet.replace("https://github.com/OWNER/seedlint", str(hook_repo))
    snippet = re.sub(r"rev: v[0-9.]+", f"rev: {rev}", snippet)
    # the README advises one hook; both are installed here to test each
    one_hook = "      - id: seedlint-fix        # or seedlint-check\n"
    assert one_hook in snippet
    snippet = snippet.replace(one_hook, "      - id: seedlint-fix\n      - id: seedlint-check\n")
    (repo / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    installed = pre_commit("install", cwd=repo, env=env)
    assert installed.returncode == 0, installed.stderr
    git("add", "-A", cwd=repo, env=env)
    git("commit", "-q", "-m", "hooks", cwd=repo, env=env)  # no seed: both hooks skipped

    (repo / "seeds").mkdir()
    shutil.copy(SAMPLE, repo / "seeds" / "raw.txt")
    git("add", "-A", cwd=repo, env=env)
    blocked = run("git", "commit", "-m", "a raw seed", cwd=repo, env=env)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert status(output, "seedlint fix") == "Failed"
    assert status(output, "seedlint check") == "Failed"
    assert "seeds/raw.txt:11:1: SL301" in output
    assert git("rev-list", "--count", "HEAD", cwd=repo, env=env).strip() == "1"
    assert (repo / "seeds" / "raw.txt").read_text(encoding="utf-8") == SAFE  # fixed on disk

    git("reset", "-q", cwd=repo, env=env)
    (repo / "seeds" / "raw.txt").unlink()
    (repo / "seeds" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    passed = run("git", "commit", "-m", "a clean seed", cwd=repo, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert status(passed.stdout + passed.stderr, "seedlint check") == "Passed"
    assert git("rev-list", "--count", "HEAD", cwd=repo, env=env).strip() == "2"


def test_the_projects_own_configuration(
    hook_repo: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """seedlint on seeds/ and ruff on the code pass here, and a raw seed in seeds/ fails."""
    clone = tmp_path / "clone"
    git("clone", "-q", str(hook_repo), str(clone), cwd=tmp_path, env=env)
    result = pre_commit("run", "--all-files", cwd=clone, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert status(result.stdout, "seedlint check (seeds/)") == "Passed"
    assert status(result.stdout, "ruff check") == "Passed"

    shutil.copy(SAMPLE, clone / "seeds" / "raw.txt")
    git("add", "seeds/raw.txt", cwd=clone, env=env)
    result = pre_commit("run", "--files", "seeds/raw.txt", cwd=clone, env=env)
    assert result.returncode == 1
    assert status(result.stdout, "seedlint check (seeds/)") == "Failed"
    assert "seeds/raw.txt:7:28: SL201" in result.stdout
