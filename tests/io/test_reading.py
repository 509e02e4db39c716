"""Every failure mode is a defined outcome: bad input, bad configuration, faults while
fixing, signals and large inputs. Each test runs the real command line in a subprocess
(or the API where a race has to be set up exactly), and fails if the behaviour regresses.

Running as root, permissions do not stop reads or writes; the tests that need them to
start the subprocess without the capabilities that let root ignore them
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so the same code path is tested either way.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import seedlint
from conftest import SAMPLE, default_linter, seed
from seedlint.commands.work import CheckContext, check_item
from seedlint.io.atomic import TEMPORARY, ChangedMeanwhile, write_atomic
from seedlint.io.discovery import Patterns
from seedlint.io.reading import read_with_state
from seedlint.io.sources import file_items
from wikinews import seeds as wikinews_seeds

CLEAN = seed("The government agreed.")
TYPO = seed("The goverment agreed.")
FIXED_TYPO = CLEAN


def cli(
    *args: str,
    cwd: Path,
    preexec: Callable[[], None] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """The real command line. Its output must be valid UTF-8 and never a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "seedlint", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        preexec_fn=preexec,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def found(result: subprocess.CompletedProcess[str]) -> dict[str, list[dict]]:
    """JSON diagnostics by file name."""
    by_file: dict[str, list[dict]] = {}
    for item in json.loads(result.stdout):
        by_file.setdefault(Path(item["filename"]).name, []).append(item)
    return by_file


def codes(result: subprocess.CompletedProcess[str]) -> dict[str, list[str]]:
    return {name: [d["code"] for d in items] for name, items in found(result).items()}


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMPORARY.match(p.name)]


def _drop_root_powers() -> None:
    """preexec_fn: drop, before exec, the capabilities that let root ignore permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def permissions() -> Callable[[], None] | None:
    """A preexec_fn under which file permissions apply (None when not root)."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run(["true"], preexec_fn=_drop_root_powers, capture_output=True)
    if probe.returncode != 0:
        pytest.skip("running as root without the right to drop capabilities")
    return _drop_root_powers


# --- bad input ---------------------------------------------------------------------------


def test_not_utf8_is_reported_at_the_first_bad_byte_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    data = b"date 2024-01-18 T\n\nThe caf\xe9 is open.\nCr\xe8me for the goverment.\n"
    (folder / "a.txt").write_bytes(data)
    (folder / "b.txt").write_text(TYPO, encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "json", "seeds", cwd=tmp_path)
    assert result.returncode == 1
    assert codes(result)["b.txt"] == ["SL203"]  # the other file is still checked
    invalid = [d for d in found(result)["a.txt"] if d["code"] == "SL120"]
    assert len(invalid) == 1
    assert invalid[0]["location"] == {"row": 3, "column": 8}
    offset = data.index(b"\xe9")
    assert f"byte 0xE9 at byte offset {offset} (2 invalid in the file)" in invalid[0]["message"]
    assert invalid[0]["fix"]["applicability"] == "unsafe"
    # a word beside a bad byte is not known: nothing offers to rewrite "caf" as "calf"
    beside = [d for d in found(result)["a.txt"] if d["location"]["row"] == 3 and d["fix"]]
    assert [d["code"] for d in beside] == ["SL120"]


def test_bad_bytes_are_kept_by_safe_fixes_and_transcoded_by_unsafe_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    original = "date 2024-01-18 T\n\nThe café is open.\nCrème for the goverment.\n"
    path.write_bytes(original.encode("cp1252"))
    assert cli("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 1  # SL120 remains
    expected = original.replace("goverment", "government")
    assert path.read_bytes() == expected.encode("cp1252")  # only the typo changed
    result = cli("fix", "--in-place", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_bytes() == expected.encode("utf-8")
    assert cli("check", "--no-cache", "a.txt", cwd=tmp_path).returncode == 0


def test_a_byte_with_no_legacy_meaning_is_reported_without_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    data = b"date 2024-01-18 T\n\nA \x81 byte.\n"
    path.write_bytes(data)
    result = cli("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    [diagnostic] = found(result)["a.txt"]
    assert diagnostic["code"] == "SL120" and diagnostic["fix"] is None
    assert cli("fix", "--in-place", "--unsafe-fixes", "a.txt", cwd=tmp_path).returncode == 1
    assert path.read_bytes() == data


def test_json_output_of_bad_bytes_is_valid_even_with_a_strict_stdout(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"date 2024-01-18 T\n\nIt ends caf\xe9")
    result = subprocess.run(
        [sys.executable, "-m", "seedlint", "check", "--no-cache", "--format", "json", "a.txt"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    items = json.loads(result.stdout.decode("utf-8"))
    assert "SL120" in {item["code"] for item in items}


def test_lone_surrogates_through_the_api() -> None:
    text = seed("A \ud800 B \ud83d\ude00 C caf\udce9.")
    diagnostics = seedlint.lint_text(text)
    [invalid] = [d for d in diagnostics if d.code == "SL120"]
    assert (invalid.row, invalid.column) == (3, 3)
    assert "lone surrogate U+D800" in invalid.message and "(4 invalid" in invalid.message
    safe, _ = seedlint.fix_text(text)
    assert safe == text  # nothing beside them is touched without --unsafe-fixes
    unsafe, _ = seedlint.fix_text(text, unsafe=True)
    assert unsafe == seed("A \ufffd B 😀 C café.")


def test_byte_order_mark_is_reported_and_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN.encode("utf-8"))
    result = cli("check", "--no-cache", "--format", "json", "bom.txt", cwd=tmp_path)
    assert result.returncode == 1 and codes(result) == {"bom.txt": ["SL001"]}
    assert cli("fix", "--in-place", "bom.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == CLEAN.encode("utf-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (CLEAN.encode("utf-16"), "UTF-16 text (byte-order mark FF FE)"),
        (CLEAN.encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16 text (byte-order mark FE FF)"),
        (CLEAN.encode("utf-16-le"), "UTF-16 text (no byte-order mark)"),
        (CLEAN.encode("utf-32"), "UTF-32 text (byte-order mark FF FE 00 00)"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-16-no-bom", "utf-32"],
)
def test_utf16_and_utf32_are_errors_and_the_run_goes_on(
    tmp_path: Path, data: bytes, message: str
) -> None:
    (tmp_path / "wide.txt").write_bytes(data)
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    result = cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"seedlint: error: wide.txt: {message}; seeds are UTF-8: "
        f"iconv -f {message[:6]} -t UTF-8 converts it\n"
    )
    assert "No problems in 1 file checked; 1 could not be checked." in result.stdout


def test_binary_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    result = cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        result.stderr
        == "seedlint: note: image.txt: skipped: binary file (NUL byte at byte offset 8)\n"
    )
    fixed = cli("fix", "--output-dir", "../out", ".", cwd=tmp_path)
    assert fixed.returncode == 0 and "skipped: binary file" in fixed.stderr
    assert not (tmp_path.parent / "out" / "image.txt").exists()
    assert (tmp_path.parent / "out" / "ok.txt").exists()


def test_empty_blank_and_header_only_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "header.txt").write_bytes(b"date 2024-01-18 A title\n")
    result = cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert codes(result) == {
        "empty.txt": ["SL002"],
        "blank.txt": ["SL002", "SL101", "SL101"],
        "header.txt": ["SL012"],
    }
    for _ in range(2):  # fixing converges, and a second run changes nothing
        cli("fix", "--in-place", ".", cwd=tmp_path)
    assert (tmp_path / "blank.txt").read_bytes() == b"\n\n\n"
    assert cli("fix", "--diff", ".", cwd=tmp_path).stdout == ""


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"date 2024-01-18 T\r\n\r\nText.\r\n", "CRLF line endings (3 line breaks)"),
        (b"date 2024-01-18 T\r\rText.\r", "CR line endings (3 line breaks)"),
        (b"date 2024-01-18 T\r\n\nText.\r", "mixed line endings (2 line breaks)"),
    ],
    ids=["crlf", "cr", "mixed"],
)
def test_line_endings_are_reported_and_fixed_to_lf(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = cli("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    [diagnostic] = found(result)["a.txt"]
    assert diagnostic["code"] == "SL106" and kind in diagnostic["message"]
    assert cli("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == b"date 2024-01-18 T\n\nText.\n"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_in_place_fixes_keep_a_files_line_ending_style(tmp_path: Path, newline: bytes) -> None:
    """With SL106 off, the line breaks that fixes insert follow the file's own style."""
    path = tmp_path / "a.txt"
    lines = [b"date 2024-01-18 T", b"", b"The goverment agreed.", b"", b"", b"", b"Second."]
    path.write_bytes(newline.join(lines))  # extra blank lines, no final newline
    path.chmod(0o604)
    result = cli("fix", "--in-place", "--ignore", "SL106", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = [b"date 2024-01-18 T", b"", b"The government agreed.", b"", b"Second.", b""]
    assert path.read_bytes() == newline.join(expected)
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


# --- paths -------------------------------------------------------------------------------


def test_symbolic_links_are_followed_once_and_loops_detected(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TYPO, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(TYPO, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # a folder loop
    (folder / "link.txt").symlink_to("a.txt")
    (folder / "loop.txt").symlink_to("loop.txt")  # a link to itself
    result = cli("check", "--no-cache", "--format", "json", "seeds", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr == "seedlint: error: seeds/loop.txt: cannot read: symbolic link loop\n"
    names = sorted(d["filename"] for d in json.loads(result.stdout))
    assert names == ["seeds/a.txt", "seeds/link.txt", "seeds/sub/b.txt"]


def test_in_place_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    """A link in a cloned tree may point anywhere (~/.bashrc): in place, seedlint fixes
    files, not what links name; the target is fixed when it is named itself."""
    (tmp_path / "real.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "link.txt").symlink_to("../real.txt")
    result = cli("fix", "--in-place", "seeds", cwd=tmp_path)
    assert result.returncode == 1  # the problem remains
    assert (
        "seeds/link.txt: a symbolic link; fixed in place only through its target" in result.stderr
    )
    assert (tmp_path / "seeds" / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == TYPO
    assert cli("fix", "--in-place", "real.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == FIXED_TYPO


def test_missing_unreadable_and_unlistable_paths_do_not_stop_the_run(
    tmp_path: Path, permissions: Callable[[], None] | None
) -> None:
    folder = tmp_path / "seeds"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "hidden.txt").write_text(TYPO, encoding="utf-8")
    (folder / "locked.txt").write_text(TYPO, encoding="utf-8")
    (folder / "ok.txt").write_text(TYPO, encoding="utf-8")
    (folder / "locked.txt").chmod(0)
    (folder / "closed").chmod(0)
    try:
        result = cli(
            "check", "--no-cache", "--format", "json", "nowhere.txt", "seeds",
            cwd=tmp_path, preexec=permissions,
        )  # fmt: skip
    finally:
        (folder / "closed").chmod(0o755)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "seedlint: error: nowhere.txt: no such file or folder",
        "seedlint: error: seeds/locked.txt: cannot read: Permission denied",
        "seedlint: error: seeds/closed: cannot list folder: Permission denied",
    ]
    assert codes(result) == {"ok.txt": ["SL203"]}


def test_a_fifo_is_skipped_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    result = cli("check", "--no-cache", ".", cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    assert result.stderr == "seedlint: note: pipe.txt: skipped: not a regular file\n"


def test_a_file_that_disappears_during_the_run_is_an_error_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TYPO, encoding="utf-8")
    context = CheckContext(default_linter())
    items = list(file_items([str(tmp_path)], Patterns(tmp_path, ["*.txt"], [])))
    first = check_item(items[0], context)
    (tmp_path / "b.txt").unlink()
    rest = [check_item(item, context) for item in items[1:]]
    assert [r.problem.message if r.problem else None for r in (first, *rest)] == [
        None,
        f"{tmp_path}/b.txt: no such file or folder",
        None,
    ]
    assert [len(r.diagnostics) for r in (first, *rest)] == [1, 0, 1]


def test_a_file_changed_during_an_in_place_fix_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TYPO, encoding="utf-8")
    _, state = read_with_state(path)
    path.write_text("edited meanwhile\n", encoding="utf-8")
    with pytest.raises(ChangedMeanwhile):
        write_atomic(path, CLEAN.encode("utf-8"), expected=state)
    assert path.read_text(encoding="utf-8") == "edited meanwhile\n"
    assert temporaries(tmp_path) == []


# --- faults while fixing -----------------------------------------------------------------


def test_an_output_that_would_overwrite_an_input_stops_before_writing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "first.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "seeds" / "x.txt").write_text(TYPO, encoding="utf-8")
    result = cli("fix", "other/first.txt", "seeds/x.txt", "--output-dir", "seeds", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: the output folder seeds overlaps the input seeds/x.txt: fixed copies "
        "would replace or mix with originals (choose another --output-dir, or --in-place)\n"
    )
    assert not (tmp_path / "seeds" / "first.txt").exists()  # nothing was written
    assert (tmp_path / "seeds" / "x.txt").read_text(encoding="utf-8") == TYPO


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
        result = cli("fix", "seeds", *options, cwd=tmp_path, preexec=permissions)
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


def test_a_full_disk_simulated_by_a_file_size_limit(tmp_path: Path) -> None:
    """A disk that fills up, simulated with RLIMIT_FSIZE (writes past 64 kB fail with EFBIG),
    which needs no privileges: the write fails, the run stops, the original is intact."""
    path = tmp_path / "big.txt"
    text = seed("\n\n".join(["The goverment agreed."] + ["Another full sentence."] * 5000))
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 64 * 1024
    result = cli("fix", "--in-place", "big.txt", cwd=tmp_path, preexec=_file_size_limit(65536))
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: big.txt: cannot write: File too large\n"
        "Fixed 0 files in place; 1 problem remains.\n"
    )
    assert path.read_text(encoding="utf-8") == text and temporaries(tmp_path) == []


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
        result = cli("fix", "--in-place", "big.txt", cwd=disk)
        assert result.returncode == 2
        assert "big.txt: cannot write: No space left on device\n" in result.stderr
        assert path.read_text(encoding="utf-8") == text and temporaries(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def _many_seeds(folder: Path, count: int, paragraphs: int) -> dict[Path, bytes]:
    body = SAMPLE.read_text(encoding="utf-8").partition("\n\n")[2].strip()
    folder.mkdir(parents=True)
    originals = {}
    for number in range(count):
        text = f"date 2024-01-18 Seed {number}\n\n" + "\n\n".join([body] * paragraphs)
        path = folder / f"{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        originals[path] = text.encode("utf-8")
    return originals


def _wait_until(condition: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_sigkill_in_the_middle_of_an_in_place_run_leaves_each_file_old_or_new(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "seeds"
    originals = _many_seeds(folder, 2000, 8)
    for path in list(originals)[::3]:
        path.chmod(0o640)
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "fix", "--in-place", "-q", "seeds"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first = next(iter(originals))
    _wait_until(lambda: first.read_bytes() != originals[first])
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


def test_a_later_run_removes_the_temporary_files_a_killed_run_left(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    stale = tmp_path / ".a.txt.k3x9_q2z.tmp"
    stale.write_bytes(b"half a file \x00")
    (tmp_path / "seedlint.yaml").write_text("include: ['*']\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert set(found(result)) == {"a.txt", "seedlint.yaml"}  # the temporary file is not input
    assert cli("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 0
    assert not stale.exists()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED_TYPO


def test_ctrl_c_exits_130_with_a_short_message_and_no_half_written_output(
    tmp_path: Path,
) -> None:
    originals = _many_seeds(tmp_path / "seeds", 1500, 8)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "fix", "-q", "seeds", "--output-dir", "out"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until(lambda: out.is_dir() and len(os.listdir(out)) > 5)
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


def test_ctrl_c_at_a_terminal_stops_a_parallel_check_without_tracebacks(tmp_path: Path) -> None:
    """A terminal sends SIGINT to the whole process group: the workers too."""
    _many_seeds(tmp_path / "seeds", 1500, 8)
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "check", "--no-cache", "--jobs", "2", "seeds"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stdout.readline()  # results are coming
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr == "seedlint: interrupted\n"


# --- bad configuration -------------------------------------------------------------------


def test_yaml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text("select: [SL0\nignore: []\n", encoding="utf-8")
    result = cli("check", "--no-cache", cwd=tmp_path)
    assert result.returncode == 2
    assert re.fullmatch(
        r"seedlint: error: \S*seedlint\.yaml:2: YAML error, column 7: .+\n", result.stderr
    )


def test_yaml_tags_that_build_objects_are_refused_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text(
        "select: !!python/object/apply:os.system ['touch built']\n", encoding="utf-8"
    )
    result = cli("check", "--no-cache", cwd=tmp_path)
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
    result = cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "selects no rule" in result.stderr


def _pattern_pack(folder: Path, regex: str) -> None:
    (folder / "house.yaml").write_text(
        textwrap.dedent(
            f"""\
            rules:
              - code: HS900
                name: house-rule
                kind: pattern
                regex: '{regex}'
                replacement: 'c'
                severity: warning
                message: "found {{match}}"
            """
        ),
        encoding="utf-8",
    )
    (folder / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", encoding="utf-8")


def test_a_catastrophically_backtracking_regex_is_refused_with_a_reason(tmp_path: Path) -> None:
    _pattern_pack(tmp_path, "(a|aa)+b")
    result = cli("check", "--no-cache", str(SAMPLE), cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"seedlint: error: {tmp_path}/house.yaml:2: HS900 [house-rule]: regex '(a|aa)+b' "
        "backtracks catastrophically"
    )
    assert len(result.stderr.splitlines()) == 1


def test_a_slow_regex_is_stopped_by_the_time_limit_and_the_run_goes_on(tmp_path: Path) -> None:
    _pattern_pack(tmp_path, "a*a*a*a*b")  # quick on short texts, polynomial on long ones
    slow = seed("a" * 20000 + "!b.")
    (tmp_path / "slow.txt").write_text(slow, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TYPO, encoding="utf-8")
    started = time.monotonic()
    result = cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 60
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: slow.txt: HS900 [house-rule]: regex 'a*a*a*a*b' ran out of time "
        "(2.0 s); the file was not checked\n"
    )
    assert codes(result) == {"ok.txt": ["SL203"]}
    fixed = cli("fix", "--in-place", ".", cwd=tmp_path, timeout=120)
    assert (
        fixed.returncode == 2
        and "ran out of time (2.0 s); the file was not changed" in fixed.stderr
    )
    assert (tmp_path / "slow.txt").read_text(encoding="utf-8") == slow
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == FIXED_TYPO
    records = [{"id": "slow", "text": slow}, {"id": "ok", "text": TYPO}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    lines = cli("check", "--no-cache", "--jsonl", "c.jsonl", cwd=tmp_path, timeout=120)
    assert lines.returncode == 2 and "c.jsonl#slow: HS900 [house-rule]" in lines.stderr
    assert "c.jsonl#ok:3:5: SL203" in lines.stdout


# --- large inputs ------------------------------------------------------------------------
# Time and memory bounds (a 1 MB line, a 100 MB file, worst-case lines scaling linearly)
# are measured by bench/scale/run.py, which prints figures; these tests check behaviour.


def _news_text(size: int) -> str:
    """About ``size`` bytes of real news paragraphs as one seed."""
    bodies = [text.partition("\n\n")[2].strip() for _, text in wikinews_seeds("en")]
    block = "\n\n".join(bodies)
    repeats = size // len(block.encode("utf-8")) + 1
    return "date 2024-01-18 A large seed\n\n" + "\n\n".join([block] * repeats) + "\n"


def test_a_one_megabyte_line_is_checked_and_fixed(tmp_path: Path) -> None:
    words = " ".join(_news_text(1_200_000).partition("\n\n")[2].split())
    line = words.encode("utf-8")[:1_000_000].decode("utf-8", "ignore").rsplit(" ", 1)[0]
    path = tmp_path / "line.txt"
    path.write_text(f"date 2024-01-18 One line\n\n{line}.\n", encoding="utf-8")
    checked = cli("check", "--no-cache", "--format", "json", "line.txt", cwd=tmp_path, timeout=600)
    assert checked.returncode == 1 and json.loads(checked.stdout)
    fixed = cli("fix", "--in-place", "line.txt", cwd=tmp_path, timeout=600)
    assert fixed.returncode in (0, 1) and "Traceback" not in fixed.stderr
    assert seedlint.fix_text(path.read_text(encoding="utf-8"))[1] == []  # fixed for good


@pytest.mark.parametrize(
    "make",
    [
        lambda n: " " * n + "x",
        lambda n: "\n" * n + "x",
        lambda n: "“" * n,
        lambda n: "(" * n,
        lambda n: "\u200b" * n,
        lambda n: "&amp;" * (n // 5),
        lambda n: "a\udce9" * (n // 2),
        lambda n: "the goverment dont UKs " * (n // 23),
    ],
)
def test_worst_case_lines_are_linted_and_fixed(make: Callable[[int], str]) -> None:
    text = "date 2024-01-18 T\n\n" + make(20_000) + "\n"
    fixed, _ = seedlint.fix_text(text, unsafe=True)
    assert seedlint.fix_text(fixed, unsafe=True)[1] == []


@pytest.mark.slow
def test_a_folder_of_a_hundred_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    for branch in range(100):
        (folder / f"{branch:02d}").mkdir(parents=True)
        for leaf in range(1000):
            text = TYPO if leaf == 0 else CLEAN
            (folder / f"{branch:02d}" / f"{leaf:03d}.txt").write_text(text, encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "concise", "-q", "seeds", cwd=tmp_path)
    assert len(result.stdout.splitlines()) == 100  # one typo per folder, every file read
