"""Faults while fixing: every one is a defined outcome and no original is lost. An output
that would overwrite an input stops before writing, a read-only destination or a full
disk is one error line with the original intact, a link is never written through, and a
run killed (SIGKILL) or interrupted (Ctrl-C) leaves each file old or new, never half.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import seedlint
from conftest import default_linter, run_seedlint, seed
from helpers import FIXED_TYPO, TYPO, many_seeds, temporaries, wait_until


@pytest.mark.e2e
def test_in_place_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    """A link in a cloned tree may point anywhere (~/.bashrc): in place, seedlint fixes
    files, not what links name; the target is fixed when it is named itself."""
    (tmp_path / "real.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "link.txt").symlink_to("../real.txt")
    result = run_seedlint("fix", "--in-place", "seeds", cwd=tmp_path)
    assert result.returncode == 1  # the problem remains
    assert (
        "seeds/link.txt: a symbolic link; fixed in place only through its target" in result.stderr
    )
    assert (tmp_path / "seeds" / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == TYPO
    assert run_seedlint("fix", "--in-place", "real.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == FIXED_TYPO


@pytest.mark.e2e
def test_an_output_that_would_overwrite_an_input_stops_before_writing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "first.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "seeds" / "x.txt").write_text(TYPO, encoding="utf-8")
    result = run_seedlint(
        "fix", "other/first.txt", "seeds/x.txt", "--output-dir", "seeds", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: the output folder seeds overlaps the input seeds/x.txt: fixed copies "
        "would replace or mix with originals (choose another --output-dir, or --in-place)\n"
    )
    assert not (tmp_path / "seeds" / "first.txt").exists()  # nothing was written
    assert (tmp_path / "seeds" / "x.txt").read_text(encoding="utf-8") == TYPO


@pytest.mark.e2e
@pytest.mark.parametrize("where", ["output-dir", "in-place"])
def test_a_read_only_destination_is_one_error_and_the_original_is_intact(
    tmp_path: Path, permissions: Callable[[], None] | None, where: str
) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "out").mkdir()
    locked = tmp_path / ("out" if where == "output-dir" else "seeds")
    locked.chmod(0o555)
    options = ["--output-dir", "out"] if where == "output-dir" else ["--in-place"]
    try:
        result = run_seedlint("fix", "seeds", *options, cwd=tmp_path, preexec=permissions)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    destination = "out/a.txt" if where == "output-dir" else "seeds/a.txt"
    unchanged = "; seeds/a.txt is unchanged" if where == "output-dir" else ""
    assert re.fullmatch(
        rf"seedlint: error: \S*{destination}: cannot write: Permission denied{unchanged}\n"
        r"Fixed 0 files (into out|in place); 1 problem remains.\n",
        result.stderr,
    ), result.stderr
    assert (folder / "a.txt").read_text(encoding="utf-8") == TYPO
    assert list((tmp_path / "out").iterdir()) == [] and temporaries(tmp_path) == []


def _file_size_limit(limit: int) -> Callable[[], None]:
    def limit_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_writes


@pytest.mark.e2e
def test_a_full_disk_simulated_by_a_file_size_limit(tmp_path: Path) -> None:
    """A disk that fills up, simulated with RLIMIT_FSIZE (writes past 64 kB fail with EFBIG),
    which needs no privileges: the write fails, the run stops, the original is intact."""
    path = tmp_path / "big.txt"
    text = seed("\n\n".join(["The goverment agreed."] + ["Another full sentence."] * 5000))
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 64 * 1024
    result = run_seedlint(
        "fix", "--in-place", "big.txt", cwd=tmp_path, preexec=_file_size_limit(65536)
    )
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: big.txt: cannot write: File too large\n"
        "Fixed 0 files in place; 1 problem remains.\n"
    )
    assert path.read_text(encoding="utf-8") == text and temporaries(tmp_path) == []


@pytest.mark.e2e
def test_a_full_disk_on_a_tiny_tmpfs(tmp_path: Path) -> None:
    """A real full disk: a 1 MB tmpfs, mounted when the tests may mount (root)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the RLIMIT_FSIZE test covers the case")
    try:
        path = disk / "big.txt"
        text = seed("\n\n".join(["The goverment agreed."] + ["Another sentence here."] * 27000))
        path.write_text(text, encoding="utf-8")  # about 650 kB: no room for a second copy
        result = run_seedlint("fix", "--in-place", "big.txt", cwd=disk)
        assert result.returncode == 2
        assert "big.txt: cannot write: No space left on device\n" in result.stderr
        assert path.read_text(encoding="utf-8") == text and temporaries(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.slow
def test_sigkill_in_the_middle_of_an_in_place_run_leaves_each_file_old_or_new(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "seeds"
    originals = many_seeds(folder, 2000, 8)
    for path in list(originals)[::3]:
        path.chmod(0o640)
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "fix", "--in-place", "-q", "seeds"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first = next(iter(originals))
    wait_until(lambda: first.read_bytes() != originals[first])
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    linter = default_linter()
    new = 0
    for path, before in originals.items():
        now = path.read_bytes()
        if now != before:
            fixed, _ = seedlint.fix_text(before.decode("utf-8"), linter=linter)
            assert now == fixed.encode("utf-8"), f"{path.name} is neither old nor new"
            new += 1
        assert stat.S_IMODE(path.stat().st_mode) == (0o640 if int(path.stem) % 3 == 0 else 0o644)
    assert 0 < new < len(originals), "the kill did not land in the middle of the run"
    # what the killed write left is a temporary file that no later run reads as input
    assert all(not p.name.endswith(".txt") for p in temporaries(folder))


@pytest.mark.slow
def test_ctrl_c_exits_130_with_a_short_message_and_no_half_written_output(
    tmp_path: Path,
) -> None:
    originals = many_seeds(tmp_path / "seeds", 1500, 8)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "fix", "-q", "seeds", "--output-dir", "out"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until(lambda: out.is_dir() and len(os.listdir(out)) > 5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr == "seedlint: interrupted\n"
    written = sorted(out.iterdir())
    assert 0 < len(written) < len(originals) and temporaries(out) == []
    linter = default_linter()
    for path in written:
        before = originals[tmp_path / "seeds" / path.name].decode("utf-8")
        assert path.read_text(encoding="utf-8") == seedlint.fix_text(before, linter=linter)[0]


@pytest.mark.e2e
@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_in_place_fixes_keep_a_files_line_ending_style(tmp_path: Path, newline: bytes) -> None:
    """With SL106 off, the line breaks that fixes insert follow the file's own style."""
    path = tmp_path / "a.txt"
    lines = [b"date 2024-01-18 T", b"", b"The goverment agreed.", b"", b"", b"", b"Second."]
    path.write_bytes(newline.join(lines))  # extra blank lines, no final newline
    path.chmod(0o604)
    result = run_seedlint("fix", "--in-place", "--ignore", "SL106", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = [b"date 2024-01-18 T", b"", b"The government agreed.", b"", b"Second.", b""]
    assert path.read_bytes() == newline.join(expected)
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
