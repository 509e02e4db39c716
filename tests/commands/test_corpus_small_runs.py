"""A run with too few documents for any corpus rule to find something skips the corpus
rules' fingerprints and pass (and numpy, which only they need), and reports what a run
with them would: nothing of the corpus rules, the same per-document findings. Two files
are enough for them to run again, and a kind that can report on one document is never
skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, default_linter, run_seedlint, seed
from seedlint.engine.corpus import can_report, corpus_groups
from seedlint.engine.kind import Kind

STORY = "The council met on Tuesday and agreed the budget for next year."

# runs the real command line in a fresh interpreter and says which heavy modules it loaded
PROBE = (
    "import sys\n"
    "from seedlint.commands.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "print('numpy', 'numpy' in sys.modules, file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def probe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


@pytest.mark.e2e
def test_one_file_loads_no_numpy_and_reports_the_same(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes(SAMPLE.read_bytes())
    probed = probe("check", "--no-cache", "--format", "concise", "one.txt", cwd=tmp_path)
    assert probed.returncode == 1
    assert probed.stderr.splitlines()[-1] == "numpy False"
    # the same findings as the linter gives the document on its own, no corpus finding
    found = [d for d in default_linter().lint(SAMPLE.read_text("utf-8"), "one.txt")]
    lines = [line for line in probed.stdout.splitlines() if line.startswith("one.txt:")]
    assert len(lines) == len(found) > 0
    assert all(f":{d.row}:{d.column}: {d.code} " in line for d, line in zip(found, lines))
    assert not any(" SL5" in line for line in lines)


@pytest.mark.e2e
def test_two_copies_are_still_compared(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(seed(STORY, "Budget agreed"), "utf-8")
    probed = probe("check", "--no-cache", "--format", "concise", "--select", "SL5", ".",
                   cwd=tmp_path)  # fmt: skip
    assert probed.stderr.splitlines()[-1] == "numpy True"
    assert "b.txt:1:1: SL501 " in probed.stdout


@pytest.mark.e2e
def test_a_file_against_the_kept_index_is_still_judged(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "seedlint.yaml").write_text("paths: [seeds]\n", "utf-8")
    for name in ("a.txt", "b.txt"):
        (seeds / name).write_text(seed(STORY, "Budget agreed"), "utf-8")
    first = run_seedlint("check", "--select", "SL5", "--format", "concise", "seeds",
                         cwd=tmp_path)  # fmt: skip
    assert "seeds/b.txt:1:1: SL501 " in first.stdout
    # one file named, as pre-commit names it: judged against the index the cache keeps
    again = run_seedlint("check", "--select", "SL5", "--format", "concise", "seeds/b.txt",
                         cwd=tmp_path)  # fmt: skip
    assert "seeds/b.txt:1:1: SL501 " in again.stdout


class OneDocumentKind(Kind[None]):
    """A corpus kind of the base contract, which may report on a single document."""

    name = "one-document"
    corpus = True


@pytest.mark.parametrize(("documents", "expected"), [(0, False), (1, False), (2, True)])
def test_duplicates_need_two_documents(documents: int, expected: bool) -> None:
    groups = corpus_groups(default_linter().rules)
    assert groups
    assert can_report(groups, documents) is expected


def test_a_kind_that_does_not_say_is_never_skipped() -> None:
    assert OneDocumentKind().corpus_min_documents(None) == 1
    groups = corpus_groups(default_linter().rules)
    rule = groups[0].rules[0]
    other = type(groups[0])(OneDocumentKind(), (), (rule,))
    assert can_report([*groups, other], 1)
    assert not can_report(groups, 1)


def test_the_corpus_package_still_gives_every_public_name() -> None:
    import seedlint.corpus as corpus

    for name in corpus.__all__:
        assert getattr(corpus, name) is not None, name
    with pytest.raises(AttributeError):
        corpus.no_such_name  # noqa: B018
    # the module of that name is imported by the index: the name stays the function
    import seedlint.corpus.index  # noqa: F401

    module = sys.modules["seedlint.corpus.fingerprint"]
    assert corpus.fingerprint is module.fingerprint
