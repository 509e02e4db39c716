"""What the whole suite shares: where things are, the real command line as a subprocess of
the interpreter running the tests, linters of the bundled rules, seeds, and the folders
that several modules check (built once per session). Plain helpers that are not fixtures
live in helpers.py.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from seedlint.engine.linter import Linter, LintSettings
from seedlint.ruleset.rulefile import load_rules
from wikinews import seeds as wikinews_seeds

# A test run started in the background by a non-interactive shell ignores Ctrl-C, and an
# ignored signal stays ignored in every process it starts; the tests that press Ctrl-C on
# a command line need it delivered, so the suite's children get the default again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The property tests draw the same examples on every run, so that a run's verdict depends
# on the code and not on the draw: a new draw that fails is a finding to reproduce, not a
# red CI on an unrelated change. HYPOTHESIS_PROFILE=explore draws new examples each run
# (as bench/fuzz does, for minutes).
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
SAMPLE = FIXTURES / "000_427d24922044e314.txt"
# the sample after its safe fixes, and after all of them: reviewed by hand
SAFE_FIXED = GOLDEN / "000_427d24922044e314.safe.txt"
UNSAFE_FIXED = GOLDEN / "000_427d24922044e314.unsafe.txt"
CLI_TIMEOUT = 300  # seconds: a run that takes this long is hung, not slow
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """An end-to-end test is a slow one: the quick tier (-m 'not slow') is the engine, the
    kinds, the rules and the in-process I/O, and runs in well under a minute."""
    for item in items:
        if item.get_closest_marker("e2e") is not None:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The runs of the suite keep their caches in a folder of their own, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


def run_seedlint(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = CLI_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """The real command line, as a subprocess of this interpreter (no activated virtual
    environment needed). Its output must be valid UTF-8, and never a traceback."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if "FORCE_COLOR" not in (env or {}):
        environment.pop("FORCE_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "seedlint", *args],
        cwd=cwd or ROOT,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        input=input,
        preexec_fn=preexec,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def default_linter(**settings: object) -> Linter:
    """A linter of the bundled rules, with LintSettings given as keywords."""
    return Linter(load_rules(["default"], ROOT), LintSettings(**settings))  # type: ignore[arg-type]


def seed(body: str, title: str = "A title", date: str = "2024-01-18") -> str:
    """A well-formed seed around a body of paragraphs."""
    return f"date {date} {title}\n\n{body}\n"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _drop_root_powers() -> None:
    """preexec_fn: drop, before exec, the capabilities that let root ignore permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def permissions() -> Callable[[], None] | None:
    """A preexec_fn under which file permissions apply (None when not root).

    Running as root, permissions do not stop reads or writes; the tests that need them
    start the subprocess without the capabilities that let root ignore them, so the same
    code path is tested either way."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run(["true"], preexec_fn=_drop_root_powers, capture_output=True)
    if probe.returncode != 0:
        pytest.skip("running as root without the right to drop capabilities")
    return _drop_root_powers


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A folder with seeds/: the raw sample in a subfolder, a clean seed, a non-seed file."""
    seeds = tmp_path / "seeds"
    (seeds / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE, seeds / "raw" / "sample.txt")
    (seeds / "clean.txt").write_text(seed("A clean paragraph of text."), encoding="utf-8")
    (seeds / "notes.md").write_text("not a seed", encoding="utf-8")
    return tmp_path


# A house rule whose message carries the matched text: a newline, %, commas and colons,
# and a control character, which each output format must carry or escape.
HOUSE_RULE = """\
rules:
  - code: HS950
    name: odd-text
    kind: pattern
    regex: 'ODD[^.]*\\.'
    severity: info
    message: "Odd text: {match}"
"""
ODD = seed("Before ODD 100%, a: b\nand \x07 more. After.")
ODD_NAME = "odd, name: 1.txt"


@pytest.fixture
def format_project(tmp_path: Path) -> Path:
    """seeds/ with the raw sample, a clean seed and a seed the house rule flags: what the
    output formats are tested on."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / "raw.txt")
    (seeds / "clean.txt").write_text(seed("A clean paragraph of text."), encoding="utf-8")
    (seeds / ODD_NAME).write_text(ODD, encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def wikinews_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 288 English Wikinews articles as seed files, plus the raw sample. Shared by the
    session: a test that changes a file puts it back."""
    folder = tmp_path_factory.mktemp("wikinews")
    for name, text in wikinews_seeds("en"):
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(SAMPLE, folder / "sample.txt")
    return folder
