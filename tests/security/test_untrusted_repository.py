"""What a cloned repository holds is untrusted: its cache folder, configuration, rule
files, file names and links never run code, never write outside where seedlint was asked
to write, and never crash it (one line, exit 2). One test per finding of the security
review (SECURITY.md lists them); each drives the real command line on real files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_seedlint, seed
from helpers import FIXED_TYPO as FIXED
from helpers import TYPO


def one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("seedlint: error: "), result.stderr
    for fragment in fragments:
        assert fragment in first, result.stderr


# --- 2. the output folder: links planted in it are never written through -----------------


def _project(tmp_path: Path) -> Path:
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    (tmp_path / "seeds" / "a.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "seeds" / "sub" / "b.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.txt").write_text("victim\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    return tmp_path


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("out/a.txt", "../outside/victim.txt"),  # a file link out of the output folder
        ("out/a.txt", "../seeds/a.txt"),  # a link to an input: it would replace the original
        ("out/sub", "../outside"),  # a linked subfolder
    ],
    ids=["file-out", "to-input", "folder"],
)
def test_fix_never_writes_through_a_link_in_the_output_folder(
    tmp_path: Path, link: str, target: str
) -> None:
    project = _project(tmp_path)
    (project / link).symlink_to(target)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and not p.is_symlink()}
    result = run_seedlint("fix", "seeds", "--output-dir", "out", cwd=project)
    assert result.returncode == 2
    assert "is a symbolic link; seedlint never writes through links" in result.stderr
    assert (project / "outside" / "victim.txt").read_text(encoding="utf-8") == "victim\n"
    assert (project / "seeds" / "a.txt").read_text(encoding="utf-8") == TYPO
    assert (project / link).is_symlink()
    for path, data in before.items():
        if "out" not in path.relative_to(project).parts[:1]:
            assert path.read_bytes() == data, path


@pytest.mark.e2e
def test_pipes_in_the_output_or_cache_folder_are_never_waited_on_or_replaced(
    tmp_path: Path,
) -> None:
    # a FIFO under the name of a copy, of the cache or of the corpus index: a read would
    # wait for a writer forever, a rename would replace it; neither happens
    project = _project(tmp_path)
    os.mkfifo(project / "out" / "a.txt")
    result = run_seedlint("fix", "seeds", "--output-dir", "out", cwd=project, timeout=120)
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr
    assert stat.S_ISFIFO(os.stat(project / "out" / "a.txt").st_mode)
    cache = project / "cache"
    assert run_seedlint("check", "seeds", "--cache-dir", "cache", cwd=project).returncode == 1
    kept = sorted(p for p in cache.iterdir() if p.name != ".gitignore")
    assert kept
    for path in kept:
        path.unlink()
        os.mkfifo(path)
    (project / "seeds" / "a.txt").write_text(TYPO + "\nMore.\n", encoding="utf-8")
    again = run_seedlint("check", "seeds", "--cache-dir", "cache", cwd=project, timeout=120)
    one_error_line(again, "not a regular file")
    assert all(stat.S_ISFIFO(os.stat(path).st_mode) for path in kept)


@pytest.mark.e2e
def test_a_linked_output_folder_from_the_configuration_is_refused(tmp_path: Path) -> None:
    """The default output folder comes with the repository: `normalised -> ~/.ssh`."""
    project = _project(tmp_path)
    (project / "normalised").symlink_to(project / "outside")
    result = run_seedlint("fix", "seeds", cwd=project)
    assert result.returncode == 2 and "is a symbolic link" in result.stderr
    assert sorted(p.name for p in (project / "outside").iterdir()) == ["victim.txt"]


@pytest.mark.e2e
def test_stale_temporary_clean_up_never_deletes_through_links(tmp_path: Path) -> None:
    project = _project(tmp_path)
    keep = project / "outside" / ".a.txt.abcdefgh.tmp"
    keep.write_text("not seedlint's\n", encoding="utf-8")
    (project / "out" / ".a.txt.k3x9_q2z.tmp").symlink_to(keep)
    result = run_seedlint("fix", "seeds/a.txt", "--output-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert keep.read_text(encoding="utf-8") == "not seedlint's\n"
    assert (project / "out" / "a.txt").read_text(encoding="utf-8") == FIXED


# --- 3. an output folder that overlaps an input is refused, nothing written ---------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("paths", "output"),
    [(["seeds/sub"], "seeds"), (["other", "seeds/sub"], "seeds"), (["seeds"], "seeds/sub")],
    ids=["holds-the-input", "holds-one-input", "inside-the-input"],
)
def test_an_output_folder_overlapping_any_input_is_refused(
    tmp_path: Path, paths: list[str], output: str
) -> None:
    project = _project(tmp_path)
    (project / "other").mkdir()
    (project / "other" / "y.txt").write_text(TYPO, encoding="utf-8")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run_seedlint("fix", *paths, "--output-dir", output, cwd=project)
    one_error_line(result, "overlaps the input")
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


@pytest.mark.e2e
def test_an_output_folder_reached_through_a_link_to_an_input_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "alias").symlink_to(project / "seeds")
    result = run_seedlint("fix", "seeds/sub", "--output-dir", "alias", cwd=project)
    one_error_line(result, "overlaps the input")
    assert (project / "seeds" / "sub" / "b.txt").read_text(encoding="utf-8") == TYPO


@pytest.mark.e2e
def test_two_inputs_that_map_to_one_output_are_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "other").mkdir()
    (project / "other" / "a.txt").write_text(seed("Another."), encoding="utf-8")
    result = run_seedlint("fix", "seeds/a.txt", "other/a.txt", "--output-dir", "out", cwd=project)
    one_error_line(result, "would both be written to")
    assert list((project / "out").iterdir()) == []


# --- 4. JSON Lines in place: a record added meanwhile is never lost ------------------------


@pytest.mark.slow
def test_fix_jsonl_in_place_refuses_to_replace_a_file_that_changed_meanwhile(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "c.jsonl"
    record = {"id": 0, "text": TYPO}
    lines = [json.dumps({**record, "id": n}) + "\n" for n in range(40_000)]
    corpus.write_text("".join(lines), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "fix", "--jsonl", "--in-place", "-j", "1", "c.jsonl"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    sibling = tmp_path / "c.jsonl.seedlint-fixed"
    while process.poll() is None and not any(tmp_path.glob(".c.jsonl.seedlint-fixed.*.tmp")):
        pass  # the fixed copy is being written
    appended = json.dumps({"id": "late", "text": "date 2024-01-18 T\n\nLate.\n"}) + "\n"
    with corpus.open("a", encoding="utf-8") as stream:
        stream.write(appended)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 2
    assert "changed while being fixed" in stderr and "c.jsonl.seedlint-fixed" in stderr
    assert corpus.read_text(encoding="utf-8") == "".join(lines) + appended  # nothing lost
    assert sibling.read_text(encoding="utf-8").count("government") == 40_000


# --- 5. JSON Lines records: only the text field of a changed record changes -----------------


@pytest.mark.e2e
def test_fix_jsonl_changes_nothing_but_the_text_field(tmp_path: Path) -> None:
    lines = [
        b'{"id": 1, "text": "date 2024-01-18 T\\n\\nThe goverment agreed.\\n", "n": 1e400, '
        b'"f": 0.10000000000000000555}\n',
        b'{"id": 2, "text": "date 2024-01-18 T\\n\\nThe goverment agreed \\ud800.\\n"}\n',
        b'{"id": 3, "k": 1, "k": 2, "text": "date 2024-01-18 T\\n\\nThe goverment.\\n"}\n',
        b'{"id": 4, "sep": "a\xe2\x80\xa8b", "text": "date 2024-01-18 T\\n\\nClean.\\n"}\n',
        b'{"id": 5, "text": "bad \xe9 byte"}\n',
        b"\n",
        b'{"id": 6, "text": "date 2024-01-18 T\\n\\nThe goverment agreed.\\n"}',
    ]
    (tmp_path / "c.jsonl").write_bytes(b"".join(lines))
    result = run_seedlint("fix", "--jsonl", "c.jsonl", "--output-dir", "out", cwd=tmp_path)
    assert result.returncode == 2 and "c.jsonl:5: not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    written = (tmp_path / "out" / "c.jsonl").read_bytes().split(b"\n")
    original = b"".join(lines).split(b"\n")
    assert len(written) == len(original)
    for before, after in zip(original, written, strict=True):
        if b"goverment" in before:
            assert after == before.replace(b"goverment", b"government")
        else:
            assert after == before  # byte for byte: numbers, duplicate keys, U+2028, bad bytes
    assert json.loads(written[1])["text"].endswith("\ud800.\n")  # still an escape, valid JSON
    assert stat.S_IMODE((tmp_path / "out" / "c.jsonl").stat().st_mode) == 0o644


# --- 6 and 16. YAML: aliases, nesting, duplicate keys; one line each, at once --------------


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{x}: &{x} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
    for p, x in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (BILLION_LAUGHS, "YAML aliases are not allowed"),
        ("select: " + "[" * 500 + "]" * 500 + "\n", "nested more than"),
        ("select: [SL1]\nignore: []\nselect: [SL2]\n", "seedlint.yaml:3: duplicate key 'select'"),
        ("1: 2\n", "keys must be strings"),
        ("null: 1\n", "keys must be strings"),
        ("severity: {1: error}\n", "keys must be strings"),
        ("per-file-ignores: {1: [SL101]}\n", "keys must be strings"),
        ("severity: {SL201: fatal}\n", "seedlint.yaml:1: severity of 'SL201' must be one of"),
        ("ignore: [minster-typo]\n", "seedlint.yaml:1: ignore: 'minster-typo' selects no rule"),
    ],
    ids=["aliases", "deep", "duplicate", "int-key", "null-key", "nested-key", "glob-key",
         "bad-severity", "selector"],
)  # fmt: skip
def test_a_hostile_or_broken_configuration_is_one_line(
    tmp_path: Path, content: str, fragment: str
) -> None:
    (tmp_path / "seedlint.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    one_error_line(run_seedlint("check", "a.txt", cwd=tmp_path, timeout=30), fragment)


@pytest.mark.e2e
def test_a_pyproject_whose_section_is_not_a_table_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\nseedlint = 5\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    one_error_line(run_seedlint("check", "a.txt", cwd=tmp_path), "must be a table")


HOUSE = """\
rules:
  - code: HS001
    name: house-rule
    kind: pattern
    regex: 'goverment'
    severity: error
    message: "{message}"
"""


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("message", "fragment"),
    [
        ("{match:d}", "takes no format spec"),
        ("{match:{match}}", "takes no format spec"),
        ("{match:>99999999999}", "takes no format spec"),
        ("{match!r}", "takes no format spec or conversion"),
        ("{match", "message template"),
    ],
)
def test_message_templates_are_checked_when_rules_load(
    tmp_path: Path, message: str, fragment: str
) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE.format(message=message), encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", "utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    one_error_line(run_seedlint("check", "a.txt", cwd=tmp_path), "house.yaml:2: HS001", fragment)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("rules:\n  - code: HS001\n    1: 2\n", "house.yaml:3: keys must be strings"),
        (BILLION_LAUGHS, "YAML aliases are not allowed"),
        ("rules:\n  - code: HS001\n    name: a\n    name: b\n", "duplicate key 'name'"),
        ("rules: !!python/object/apply:os.system ['touch PWNED']\n", "house.yaml:1"),
    ],
    ids=["int-key", "aliases", "duplicate", "python-tag"],
)
def test_a_hostile_rule_file_is_one_line_and_runs_nothing(
    tmp_path: Path, content: str, fragment: str
) -> None:
    (tmp_path / "house.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", "utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    one_error_line(run_seedlint("check", "a.txt", cwd=tmp_path, timeout=30), fragment)
    assert not (tmp_path / "PWNED").exists()


# --- 7. other inputs that must give one line, not a traceback -------------------------------


@pytest.mark.e2e
def test_jsonl_on_a_missing_file_a_folder_without_records_and_a_fifo(tmp_path: Path) -> None:
    one_error_line(run_seedlint("check", "--jsonl", "missing.jsonl", cwd=tmp_path), "missing")
    os.mkfifo(tmp_path / "pipe.jsonl")
    result = run_seedlint("check", "--jsonl", "pipe.jsonl", cwd=tmp_path, timeout=30)
    one_error_line(result, "pipe.jsonl: not a regular file")
    (tmp_path / "empty").mkdir()
    quiet = run_seedlint("check", "--jsonl", "empty", cwd=tmp_path)
    assert quiet.returncode == 0 and "no JSON Lines files" in quiet.stderr


@pytest.mark.e2e
def test_fix_jsonl_onto_a_read_only_folder_is_one_line(
    tmp_path: Path, permissions: Callable[[], None] | None
) -> None:
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": TYPO}) + "\n", encoding="utf-8")
    (tmp_path / "out").mkdir(mode=0o555)
    (tmp_path / "out").chmod(0o555)
    result = run_seedlint(
        "fix", "--jsonl", "c.jsonl", "--output-dir", "out", cwd=tmp_path, preexec=permissions
    )
    (tmp_path / "out").chmod(0o755)
    one_error_line(result, "cannot write")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.e2e
def test_sarif_for_a_file_named_with_a_byte_that_is_not_utf8(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xe9name.txt"), "wb") as stream:
        stream.write(TYPO.encode())
    result = run_seedlint("check", ".", "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    [found] = json.loads(result.stdout)["runs"][0]["results"]
    uri = found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bad%E9name.txt"


@pytest.mark.e2e
def test_a_deeply_nested_baseline_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    result = run_seedlint("check", "a.txt", "--baseline", "base.json", cwd=tmp_path)
    one_error_line(result, "base.json: not a seedlint baseline")


# --- 8. a fix that re-creates its own match stops at once -------------------------------------


@pytest.mark.e2e
def test_a_fix_that_grows_the_text_stops_at_once(tmp_path: Path) -> None:
    rule = HOUSE.replace("'goverment'", "'agreed'").format(message="grows")
    rule += "    replacement: 'agreed agreed'\n"
    (tmp_path / "house.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    text = seed("\n\n".join(["They agreed on it."] * 1300))
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    result = run_seedlint("fix", "--in-place", "big.txt", cwd=tmp_path, timeout=60)
    one_error_line(result, "HS001 did not converge", "re-creates what it fixes")
    assert (tmp_path / "big.txt").read_text(encoding="utf-8") == text


# --- 10. terminal escapes in file names and text are shown, never obeyed --------------------


@pytest.mark.e2e
def test_control_characters_are_escaped_in_every_human_format(tmp_path: Path) -> None:
    (tmp_path / "esc\x1b[2J.txt").write_bytes(b"\x1b[2J\x1b]0;HACKED\x07\n\nText.\n")
    (tmp_path / "new\nline.txt").write_text(TYPO, encoding="utf-8")
    for fmt in ("text", "concise", "github"):
        result = run_seedlint("check", ".", "--format", fmt, cwd=tmp_path)
        assert result.returncode == 1
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, fmt
        assert "esc\\x1b[2J.txt:1:1:" in result.stdout or "esc\\x1b[2J.txt,line=1" in result.stdout
        assert "new\\nline.txt" in result.stdout
        lines = [line for line in result.stdout.splitlines() if "goverment" in line]
        assert all("new\\nline.txt" in line for line in lines if "SL203" in line), fmt
    concise = run_seedlint("check", ".", "--format", "concise", cwd=tmp_path).stdout
    assert concise.count("\n") == len(concise.splitlines())  # one finding, one line


# --- 12. an exact code is never taken for a prefix -------------------------------------------


@pytest.mark.e2e
def test_an_exact_code_names_one_rule_and_a_prefix_names_many(tmp_path: Path) -> None:
    pack = "prefix: HS\nrules:\n" + "".join(
        f"  - code: {code}\n    name: r{code.lower()}\n    kind: pattern\n    regex: '{word}'\n"
        f"    severity: error\n    message: m\n"
        for code, word in (("HS201", "alpha"), ("HS2010", "beta"))
    )
    (tmp_path / "house.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / "seedlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(seed("alpha beta"), encoding="utf-8")

    def codes(*args: str) -> list[str]:
        out = run_seedlint("check", "a.txt", "--format", "json", *args, cwd=tmp_path).stdout
        return sorted(item["code"] for item in json.loads(out))

    assert codes() == ["HS201", "HS2010"]
    assert codes("--ignore", "HS201") == ["HS2010"]
    assert codes("--select", "HS201") == ["HS201"]
    assert codes("--select", "HS20") == ["HS201", "HS2010"]


# --- 13, 14 and 15. modes, long names, links to the same file ---------------------------------


def _umask_022() -> None:
    os.umask(0o022)


@pytest.mark.e2e
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "seeds" / "a.txt").chmod(0o640)
    run_seedlint("fix", "seeds", "--output-dir", "out", cwd=project, preexec=_umask_022)
    assert stat.S_IMODE((project / "out" / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((project / "out" / "sub").stat().st_mode) == 0o755
    run_seedlint("check", "seeds", "--write-baseline", "base.json", cwd=project, preexec=_umask_022)
    assert stat.S_IMODE((project / "base.json").stat().st_mode) == 0o644
    run_seedlint("fix", "seeds", "--in-place", cwd=project, preexec=_umask_022)
    assert stat.S_IMODE((project / "seeds" / "a.txt").stat().st_mode) == 0o640


@pytest.mark.e2e
@pytest.mark.parametrize("length", [242, 255])
def test_long_file_names_are_fixed_and_one_failure_stops_no_other(
    tmp_path: Path, length: int, permissions: Callable[[], None] | None
) -> None:
    name = "x" * (length - 4) + ".txt"
    locked = tmp_path / "locked"
    locked.mkdir()
    for path in (tmp_path / name, locked / "a.txt", tmp_path / "ok.txt"):
        path.write_text(TYPO, encoding="utf-8")
        path.chmod(0o666)
    locked.chmod(0o555)  # a.txt cannot be replaced there
    result = run_seedlint(
        "fix", "--in-place", name, "locked/a.txt", "ok.txt", cwd=tmp_path, preexec=permissions
    )
    locked.chmod(0o755)
    assert result.returncode == 2
    assert "locked/a.txt: cannot write: Permission denied" in result.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == FIXED
    assert (locked / "a.txt").read_text(encoding="utf-8") == TYPO
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == FIXED  # after the failure


@pytest.mark.e2e
def test_in_place_says_when_a_file_had_other_hard_links(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    result = run_seedlint("fix", "--in-place", "a.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert "a.txt: had 2 hard links; the fixed file replaced this name only" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == TYPO
