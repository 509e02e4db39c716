"""``seedlint fix``: fixed copies, in place, as a diff, or as a record of changes; safe and
unsafe repairs, never losing text. (Faults while fixing: test_command_fix_faults.py.)"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import SAFE_FIXED, SAMPLE, UNSAFE_FIXED, run_seedlint, seed

pytestmark = pytest.mark.e2e

SAFE = SAFE_FIXED.read_text(encoding="utf-8")
UNSAFE = UNSAFE_FIXED.read_text(encoding="utf-8")
TYPO = seed("The Deputy Prime Minster spoke.")  # one defect, and a safe fix for it


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "2024" / "sample.txt")
    (folder / "clean.txt").write_text(seed("Nothing to fix here."), encoding="utf-8")
    return folder


def test_fix_writes_copies_and_leaves_originals(corpus: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.rglob("*.txt")}
    result = run_seedlint("fix", "seeds", cwd=corpus.parent)
    assert result.returncode == 1  # unsafe findings remain
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.rglob("*.txt")} == before
    out = corpus.parent / "normalised"
    assert (out / "2024" / "sample.txt").read_text(encoding="utf-8") == SAFE
    assert (out / "clean.txt").read_bytes() == (corpus / "clean.txt").read_bytes()
    assert "Fixed 1 file into normalised;" in result.stderr  # relative to the working folder
    assert "3 problems remain" in result.stderr


def test_unsafe_fixes_leave_nothing(corpus: Path) -> None:
    result = run_seedlint(
        "fix", "seeds", "--unsafe-fixes", "--output-dir", "out", cwd=corpus.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (corpus.parent / "out" / "2024" / "sample.txt").read_text(encoding="utf-8") == UNSAFE


@pytest.mark.parametrize(
    ("paths", "output"),
    [(["seeds"], "seeds/fixed"), (["seeds"], "seeds"), (["seeds/2024"], "seeds"), (["seeds"], ".")],
    ids=["inside", "same", "holding", "parent"],
)
def test_an_output_folder_overlapping_an_input_is_refused_before_writing(
    corpus: Path, paths: list[str], output: str
) -> None:
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    result = run_seedlint("fix", *paths, "--output-dir", output, cwd=corpus.parent)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "overlaps the input" in result.stderr
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before
    assert not (corpus / "fixed").exists()


def test_in_place_rewrites_atomically_and_keeps_the_mode(corpus: Path) -> None:
    target = corpus / "2024" / "sample.txt"
    target.chmod(0o640)
    clean_mtime = (corpus / "clean.txt").stat().st_mtime_ns
    result = run_seedlint("fix", "seeds", "--in-place", cwd=corpus.parent)
    assert result.returncode == 1
    assert target.read_text(encoding="utf-8") == SAFE
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (corpus / "clean.txt").stat().st_mtime_ns == clean_mtime  # unchanged: not rewritten
    assert not [p for p in corpus.rglob("*") if p.name.endswith(".tmp")]


def test_diff_writes_nothing_and_patch_reproduces_the_copy(corpus: Path) -> None:
    original = (corpus / "2024" / "sample.txt").read_bytes()
    result = run_seedlint("fix", "seeds", "--diff", "--unsafe-fixes", cwd=corpus.parent)
    assert result.returncode == 1
    assert (corpus / "2024" / "sample.txt").read_bytes() == original
    assert not (corpus.parent / "normalised").exists()
    assert "\\ No newline at end of file" in result.stdout
    subprocess.run(
        ["patch", "-p1", "--quiet"], input=result.stdout, text=True, cwd=corpus.parent, check=True
    )
    assert (corpus / "2024" / "sample.txt").read_text(encoding="utf-8") == UNSAFE
    again = run_seedlint("fix", "seeds", "--diff", "--unsafe-fixes", cwd=corpus.parent)
    assert again.returncode == 0 and again.stdout == ""


def test_show_fixes_and_json_change_record(corpus: Path) -> None:
    shown = run_seedlint("fix", "seeds", "--show-fixes", "--output-dir", "out", cwd=corpus.parent)
    assert (
        "seeds/2024/sample.txt:7:28: fixed SL201 [minister-typo] 'Minster' -> 'Minister'"
        in shown.stdout
    )
    record = json.loads(
        run_seedlint(
            "fix", "seeds", "--format", "json", "--output-dir", "out", cwd=corpus.parent
        ).stdout
    )
    assert record[2] == {
        "filename": "seeds/2024/sample.txt",
        "code": "SL201",
        "name": "minister-typo",
        "applicability": "safe",
        "row": 7,
        "column": 28,
        "before": "Minster",
        "after": "Minister",
    }


def test_select_and_exit_zero_apply_to_fix(corpus: Path) -> None:
    result = run_seedlint(
        "fix", "seeds", "--select", "SL201", "--output-dir", "out", "--exit-zero", cwd=corpus.parent
    )
    assert result.returncode == 0
    copy = (corpus.parent / "out" / "2024" / "sample.txt").read_text(encoding="utf-8")
    assert "Prime Minister," in copy and copy.startswith(" date")


def test_rule_that_does_not_converge_is_an_error_not_a_loop(corpus: Path) -> None:
    (corpus.parent / "grow.yaml").write_text(
        "rules:\n  - code: HS950\n    name: grow\n    kind: pattern\n    regex: 'a'\n"
        "    replacement: 'aa'\n    severity: warning\n    message: grows\n",
        encoding="utf-8",
    )
    (corpus.parent / "seedlint.yaml").write_text("rule-packs: [grow.yaml]\n", encoding="utf-8")
    original = (corpus / "clean.txt").read_bytes()
    result = run_seedlint("fix", "seeds/clean.txt", "--in-place", cwd=corpus.parent)
    assert result.returncode == 2
    assert "HS950 did not converge" in result.stderr
    assert (corpus / "clean.txt").read_bytes() == original


def test_crlf_file_fixed_in_place_keeps_other_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2024-01-18 T\r\n\r\nThe goverment agreed.\r\n")
    os.chmod(path, 0o600)
    assert run_seedlint("fix", str(path), "--in-place", "--ignore", "SL106").returncode == 0
    assert path.read_bytes() == b"date 2024-01-18 T\r\n\r\nThe government agreed.\r\n"


def test_exit_non_zero_on_fix(tmp_path: Path) -> None:
    """The option the fix hook uses: 1 when a file changed, even with --exit-zero."""
    path = tmp_path / "typo.txt"
    path.write_text(TYPO, encoding="utf-8")
    plain = run_seedlint("fix", str(path), "--in-place")
    assert plain.returncode == 0 and "Minister" in path.read_text(encoding="utf-8")
    path.write_text(TYPO, encoding="utf-8")
    flagged = run_seedlint("fix", str(path), "--in-place", "--exit-non-zero-on-fix", "--exit-zero")
    assert flagged.returncode == 1
    again = run_seedlint("fix", str(path), "--in-place", "--exit-non-zero-on-fix")
    assert again.returncode == 0  # nothing left to change
