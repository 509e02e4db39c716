from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from seedlint.engine.linter import Linter, LintSettings
from seedlint.ruleset.rulefile import load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The runs of the suite keep their caches in a folder of their own, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
SAMPLE = FIXTURES / "000_427d24922044e314.txt"


def run_seedlint(
    *args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command line, as a subprocess."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("FORCE_COLOR", None) if "FORCE_COLOR" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "seedlint", *args],
        cwd=cwd or ROOT,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=input,
        timeout=300,
    )


def default_linter(**settings: object) -> Linter:
    """A linter of the bundled rules, with LintSettings given as keywords."""
    return Linter(load_rules(["default"], ROOT), LintSettings(**settings))  # type: ignore[arg-type]


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def seed(body: str, title: str = "A title", date: str = "2024-01-18") -> str:
    """A well-formed seed around a body of paragraphs."""
    return f"date {date} {title}\n\n{body}\n"
