"""Reading seeds (seedlint.io.reading): what is not clean UTF-8 text is a defined
outcome. Bytes that are not UTF-8 are reported where they are and kept byte for byte,
UTF-16 and UTF-32 are errors with the command that converts them, binary files are
skipped with a note, and every line-ending style is read; the rest of the run goes on.
Each test runs the real command line, whose output must stay valid UTF-8.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import seedlint
from conftest import run_seedlint
from helpers import CLEAN, TYPO, codes_by_file, diagnostics_by_file
from wikinews import seeds as wikinews_seeds


@pytest.mark.e2e
def test_not_utf8_is_reported_at_the_first_bad_byte_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    data = b"date 2024-01-18 T\n\nThe caf\xe9 is open.\nCr\xe8me for the goverment.\n"
    (folder / "a.txt").write_bytes(data)
    (folder / "b.txt").write_text(TYPO, encoding="utf-8")
    result = run_seedlint("check", "--no-cache", "--format", "json", "seeds", cwd=tmp_path)
    assert result.returncode == 1
    assert codes_by_file(result)["b.txt"] == ["SL203"]  # the other file is still checked
    invalid = [d for d in diagnostics_by_file(result)["a.txt"] if d["code"] == "SL120"]
    assert len(invalid) == 1
    assert invalid[0]["location"] == {"row": 3, "column": 8}
    offset = data.index(b"\xe9")
    assert f"byte 0xE9 at byte offset {offset} (2 invalid in the file)" in invalid[0]["message"]
    assert invalid[0]["fix"]["applicability"] == "unsafe"
    # a word beside a bad byte is not known: nothing offers to rewrite "caf" as "calf"
    beside = [
        d for d in diagnostics_by_file(result)["a.txt"] if d["location"]["row"] == 3 and d["fix"]
    ]
    assert [d["code"] for d in beside] == ["SL120"]


@pytest.mark.e2e
def test_bad_bytes_are_kept_by_safe_fixes_and_transcoded_by_unsafe_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    original = "date 2024-01-18 T\n\nThe café is open.\nCrème for the goverment.\n"
    path.write_bytes(original.encode("cp1252"))
    assert run_seedlint("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 1  # SL120 remains
    expected = original.replace("goverment", "government")
    assert path.read_bytes() == expected.encode("cp1252")  # only the typo changed
    result = run_seedlint("fix", "--in-place", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_bytes() == expected.encode("utf-8")
    assert run_seedlint("check", "--no-cache", "a.txt", cwd=tmp_path).returncode == 0


@pytest.mark.e2e
def test_a_byte_with_no_legacy_meaning_is_reported_without_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    data = b"date 2024-01-18 T\n\nA \x81 byte.\n"
    path.write_bytes(data)
    result = run_seedlint("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    [diagnostic] = diagnostics_by_file(result)["a.txt"]
    assert diagnostic["code"] == "SL120" and diagnostic["fix"] is None
    assert (
        run_seedlint("fix", "--in-place", "--unsafe-fixes", "a.txt", cwd=tmp_path).returncode == 1
    )
    assert path.read_bytes() == data


@pytest.mark.e2e
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


@pytest.mark.e2e
def test_byte_order_mark_is_reported_and_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAN.encode("utf-8"))
    result = run_seedlint("check", "--no-cache", "--format", "json", "bom.txt", cwd=tmp_path)
    assert result.returncode == 1 and codes_by_file(result) == {"bom.txt": ["SL001"]}
    assert run_seedlint("fix", "--in-place", "bom.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == CLEAN.encode("utf-8")


@pytest.mark.e2e
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
    result = run_seedlint("check", "--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"seedlint: error: wide.txt: {message}; seeds are UTF-8: "
        f"iconv -f {message[:6]} -t UTF-8 converts it\n"
    )
    assert "No problems in 1 file checked; 1 could not be checked." in result.stdout


@pytest.mark.e2e
def test_binary_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    result = run_seedlint("check", "--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        result.stderr
        == "seedlint: note: image.txt: skipped: binary file (NUL byte at byte offset 8)\n"
    )
    fixed = run_seedlint("fix", "--output-dir", "../out", ".", cwd=tmp_path)
    assert fixed.returncode == 0 and "skipped: binary file" in fixed.stderr
    assert not (tmp_path.parent / "out" / "image.txt").exists()
    assert (tmp_path.parent / "out" / "ok.txt").exists()


@pytest.mark.e2e
def test_empty_blank_and_header_only_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "header.txt").write_bytes(b"date 2024-01-18 A title\n")
    result = run_seedlint("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert codes_by_file(result) == {
        "empty.txt": ["SL002"],
        "blank.txt": ["SL002", "SL101", "SL101"],
        "header.txt": ["SL012"],
    }
    for _ in range(2):  # fixing converges, and a second run changes nothing
        run_seedlint("fix", "--in-place", ".", cwd=tmp_path)
    assert (tmp_path / "blank.txt").read_bytes() == b"\n\n\n"
    assert run_seedlint("fix", "--diff", ".", cwd=tmp_path).stdout == ""


@pytest.mark.e2e
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
    result = run_seedlint("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    [diagnostic] = diagnostics_by_file(result)["a.txt"]
    assert diagnostic["code"] == "SL106" and kind in diagnostic["message"]
    assert run_seedlint("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == b"date 2024-01-18 T\n\nText.\n"


# --- large inputs ------------------------------------------------------------------------
# Time and memory bounds (a 1 MB line, a 100 MB file, worst-case lines scaling linearly)
# are measured by bench/scale/run.py, which prints figures; these tests check behaviour.


def _news_text(size: int) -> str:
    """About ``size`` bytes of real news paragraphs as one seed."""
    bodies = [text.partition("\n\n")[2].strip() for _, text in wikinews_seeds("en")]
    block = "\n\n".join(bodies)
    repeats = size // len(block.encode("utf-8")) + 1
    return "date 2024-01-18 A large seed\n\n" + "\n\n".join([block] * repeats) + "\n"


@pytest.mark.slow
def test_a_one_megabyte_line_is_checked_and_fixed(tmp_path: Path) -> None:
    words = " ".join(_news_text(1_200_000).partition("\n\n")[2].split())
    line = words.encode("utf-8")[:1_000_000].decode("utf-8", "ignore").rsplit(" ", 1)[0]
    path = tmp_path / "line.txt"
    path.write_text(f"date 2024-01-18 One line\n\n{line}.\n", encoding="utf-8")
    checked = run_seedlint(
        "check", "--no-cache", "--format", "json", "line.txt", cwd=tmp_path, timeout=600
    )
    assert checked.returncode == 1 and json.loads(checked.stdout)
    fixed = run_seedlint("fix", "--in-place", "line.txt", cwd=tmp_path, timeout=600)
    assert fixed.returncode in (0, 1) and "Traceback" not in fixed.stderr
    assert seedlint.fix_text(path.read_text(encoding="utf-8"))[1] == []  # fixed for good
