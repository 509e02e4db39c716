"""Standard input, as editors and pipes use it: ``check -`` and ``fix -`` (the fixed text
on standard output), named by ``--stdin-filename`` for configuration, per-file-ignores,
``--force-exclude`` and the name in the output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_seedlint, seed

pytestmark = pytest.mark.e2e

SAFE = (ROOT / "tests" / "golden" / "000_427d24922044e314.safe.txt").read_bytes()
TYPO = seed("The Deputy Prime Minster spoke.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seedlint.yaml").write_text(
        'exclude: ["drafts/"]\n'
        'per-file-ignores: {"seeds/quotes/*": [unbalanced-quotes]}\n'
        "severity: {SL010: info}\n"
        # the rules these tests count the findings of (others come and go with the pack)
        "select: [SL001, SL010, SL011, SL201, SL210, SL301]\n",
        encoding="utf-8",
    )
    (tmp_path / "seeds" / "quotes").mkdir(parents=True)
    return tmp_path


def run_bytes(*args: str, cwd: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    """The real command line with bytes in and out (the fixed text must come back exact)."""
    return subprocess.run(
        [sys.executable, "-m", "seedlint", *args], cwd=cwd, input=data, capture_output=True,
        timeout=300,
    )  # fmt: skip


def test_check_reads_standard_input_named_for_settings_and_output(project: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    named = run_seedlint(
        "check", "-", "--stdin-filename", "seeds/quotes/raw.txt", "--format", "json",
        cwd=project, input=text,
    )  # fmt: skip
    assert named.returncode == 1, named.stderr
    found = json.loads(named.stdout)
    assert {f["filename"] for f in found} == {"seeds/quotes/raw.txt"}
    codes = [f["code"] for f in found]
    assert "SL301" not in codes  # per-file-ignores matched the given name
    assert {f["severity"] for f in found if f["code"] == "SL010"} == {"info"}  # configuration

    plain = run_seedlint("check", "-", "--format", "concise", cwd=project, input=text)
    assert plain.returncode == 1
    assert plain.stdout.splitlines()[0] == (
        "-:1:1: SL001 error [header-leading-whitespace] Whitespace before the header's 'date'"
    )
    assert "-:11:1: SL301" in plain.stdout  # no name: no per-file-ignores


def test_stdin_filename_alone_reads_standard_input(project: Path) -> None:
    result = run_seedlint("check", "--stdin-filename", "seeds/a.txt", cwd=project, input=TYPO)
    assert result.returncode == 1
    assert result.stdout.startswith("seeds/a.txt:3:18: SL201 error [minister-typo]")


def test_fix_writes_the_fixed_text_to_standard_output(project: Path) -> None:
    result = run_bytes("fix", "-", "--stdin-filename", "seeds/raw.txt", cwd=project,
                       data=SAMPLE.read_bytes())  # fmt: skip
    assert result.stdout == SAFE
    assert result.returncode == 1  # problems no safe fix repairs remain
    report = result.stderr.decode("utf-8").splitlines()
    assert report == [
        "seeds/raw.txt:11:1: SL301 error [unbalanced-quotes] Quotation mark ” closes nothing "
        "that was opened in its paragraph",
        "seeds/raw.txt:21:1: SL011 error [truncated-ending] Document ends on a dangling speech "
        "introduction: 'Co-chair of NCAB, Sharon Barber commented,'",
        "Fixed 1 file on standard output; 2 problems remain.",
    ]
    assert list(project.rglob("*.txt")) == []  # nothing written


def test_fix_stdin_with_unsafe_fixes_exit_zero_and_show_fixes(project: Path) -> None:
    result = run_bytes("fix", "-", "--unsafe-fixes", "--show-fixes", "--exit-zero", "--quiet",
                       cwd=project, data=TYPO.encode("utf-8"))  # fmt: skip
    assert result.returncode == 0
    assert result.stdout == TYPO.replace("Minster", "Minister").encode("utf-8")
    shown = "-:3:18: fixed SL201 [minister-typo] 'Minster' -> 'Minister'\n"
    assert result.stderr.decode("utf-8") == shown


def test_fix_stdin_keeps_bytes_that_are_not_utf8(project: Path) -> None:
    data = TYPO.encode("utf-8").replace(b"spoke", b"spoke \xff")
    result = run_bytes("fix", "-", cwd=project, data=data)
    assert result.stdout == data.replace(b"Minster", b"Minister")


def test_fix_stdin_diff(project: Path) -> None:
    result = run_seedlint("fix", "-", "--diff", "--stdin-filename", "seeds/a.txt", cwd=project,
                          input=TYPO)  # fmt: skip
    assert result.returncode == 1  # it would change
    assert result.stdout == (
        "--- a/seeds/a.txt\n+++ b/seeds/a.txt\n@@ -1,3 +1,3 @@\n date 2024-01-18 A title\n \n"
        "-The Deputy Prime Minster spoke.\n+The Deputy Prime Minister spoke.\n"
    )
    assert result.stderr == ""
    clean = run_seedlint("fix", "-", "--diff", cwd=project, input=seed("Clean."))
    assert (clean.returncode, clean.stdout) == (0, "")


def test_force_exclude_applies_to_the_stdin_filename(project: Path) -> None:
    data = SAMPLE.read_bytes()
    checked = run_bytes("check", "-", "--stdin-filename", "drafts/raw.txt", "--force-exclude",
                        cwd=project, data=data)  # fmt: skip
    assert checked.returncode == 0
    assert checked.stdout.decode() == "All checks passed (0 files).\n"
    fixed = run_bytes("fix", "-", "--stdin-filename", "drafts/raw.txt", "--force-exclude",
                      cwd=project, data=data)  # fmt: skip
    assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, data, b"")  # passed through
    # without --force-exclude a named document is checked, as a named file is
    unforced = run_bytes("check", "-", "--stdin-filename", "drafts/raw.txt", cwd=project, data=data)
    assert unforced.returncode == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "-", "seeds"], "'-' (standard input) cannot be mixed with other paths"),
        (["check", "seeds", "--stdin-filename", "a.txt"],
         "--stdin-filename names standard input: give '-' as the only path"),
        (["check", "-", "--jsonl"], "--jsonl reads files; standard input is one document"),
        (["fix", "-", "--in-place"], "fixing standard input writes the fixed text to standard "
         "output: drop --in-place and --output-dir"),
        (["fix", "-", "--output-dir", "out"], "fixing standard input writes the fixed text to "
         "standard output: drop --in-place and --output-dir"),
        (["fix", "-", "--format", "json"], "fixing standard input writes the fixed text to "
         "standard output, where a --format json change record would mix with it: use "
         "--show-fixes (to standard error)"),
        (["check", "-", "--cache-dir", "c"],
         "--cache-dir: only files are cached, not JSON Lines records or standard input"),
    ],
)  # fmt: skip
def test_what_standard_input_cannot_do(project: Path, args: list[str], message: str) -> None:
    result = run_seedlint(*args, cwd=project, input=TYPO)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"seedlint: error: {message}\n"


def test_binary_standard_input_is_noted_and_fix_passes_it_through(project: Path) -> None:
    data = b"\x00\x01binary\x00" * 10
    checked = run_bytes("check", "-", cwd=project, data=data)
    assert checked.returncode == 0  # skipped with a note, as a binary file in a folder is
    assert checked.stderr.decode() == (
        "seedlint: note: -: skipped: binary file (NUL byte at byte offset 0)\n"
    )
    fixed = run_bytes("fix", "-", cwd=project, data=data)
    assert fixed.returncode == 0
    assert fixed.stdout == data  # nothing is lost
