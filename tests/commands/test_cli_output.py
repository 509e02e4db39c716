"""What the command line prints: severity on every finding and counts by severity in the
summary, paths relative to the working directory (also when they come from the
configuration), --output-file, --statistics, and the wording of the closing lines."""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint, seed

pytestmark = pytest.mark.e2e

TYPO = seed("The Deputy Prime Minster spoke.")


# the rules these tests count the findings of (others come and go with the rule pack)
SELECT = "select: [SL001, SL010, SL011, SL201, SL210, SL301]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seedlint.yaml").write_text("paths: [seeds]\n" + SELECT, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    shutil.copy(SAMPLE, tmp_path / "seeds" / "raw.txt")
    return tmp_path


def test_text_and_concise_show_severity_and_count_by_it(project: Path) -> None:
    (project / "seedlint.yaml").write_text(
        "paths: [seeds]\nseverity: {SL210: info, SL001: warning}\n" + SELECT, encoding="utf-8"
    )
    concise = run_seedlint("check", "--format", "concise", cwd=project)
    lines = concise.stdout.splitlines()
    assert lines[:3] == [
        "seeds/raw.txt:1:1: SL001 warning [header-leading-whitespace] Whitespace before the "
        "header's 'date'",
        "seeds/raw.txt:1:81: SL210 info [missing-possessive-apostrophe] 'UKs' has lost its "
        "apostrophe: 'UK’s'",
        "seeds/raw.txt:7:28: SL201 error [minister-typo] 'Minster' is a typo for 'Minister'",
    ]
    summary = (
        "Found 6 problems (3 errors, 2 warnings, 1 info) in 1 file (4 fixable with `seedlint "
        "fix`, 2 more with --unsafe-fixes)."
    )
    assert lines[-1] == summary
    text = run_seedlint("check", cwd=project)
    assert "seeds/raw.txt:7:28: SL201 error [minister-typo] 'Minster' is a typo for 'Minister'" in (
        text.stdout.splitlines()
    )
    assert text.stdout.splitlines()[-1] == summary
    below = run_seedlint("check", "--select", "SL210", cwd=project)
    assert below.returncode == 0
    assert below.stdout.splitlines()[-1] == (
        "Found 1 problem (1 info) in 1 file (1 fixable with `seedlint fix`). "
        "None at or above 'warning' (fail-on)."
    )


def test_configured_paths_print_relative_to_the_working_directory(project: Path) -> None:
    here = run_seedlint("check", "--format", "concise", "--select", "SL201", cwd=project)
    assert here.stdout.startswith("seeds/raw.txt:7:28: SL201 ")
    # --config from a folder above: still relative to where the command runs
    above = run_seedlint(
        "check", "--config", f"{project.name}/seedlint.yaml", "--format", "concise",
        "--select", "SL201", cwd=project.parent,
    )  # fmt: skip
    assert above.stdout.startswith(f"{project.name}/seeds/raw.txt:7:28: SL201 ")
    # from a folder the files are not below: absolute, as nothing shorter names them
    (project / "elsewhere").mkdir()
    beside = run_seedlint(
        "check", "--config", "../seedlint.yaml", "--format", "concise", "--select", "SL201",
        cwd=project / "elsewhere",
    )  # fmt: skip
    assert beside.stdout.startswith(f"{project}/seeds/raw.txt:7:28: SL201 ")
    # the same in the fix report
    fixed = run_seedlint(
        "fix", "--config", f"{project.name}/seedlint.yaml", "--diff", "--select", "SL201",
        cwd=project.parent,
    )  # fmt: skip
    assert fixed.stdout.startswith(f"--- a/{project.name}/seeds/raw.txt\n")
    shown = run_seedlint(
        "fix", "--config", f"{project.name}/seedlint.yaml", "--show-fixes",
        "--output-dir", "out", "--select", "SL201", cwd=project.parent,
    )  # fmt: skip
    assert shown.stdout.startswith(f"{project.name}/seeds/raw.txt:7:28: fixed SL201 ")


def test_output_file_holds_what_standard_output_would(project: Path) -> None:
    printed = run_seedlint("check", "--format", "json", cwd=project)
    written = run_seedlint("check", "--format", "json", "--output-file", "report.json", cwd=project)
    assert written.returncode == printed.returncode == 1
    assert written.stdout == ""
    assert (project / "report.json").read_text(encoding="utf-8") == printed.stdout
    assert len(json.loads(printed.stdout)) == 6
    text = run_seedlint("check", "-o", "report.txt", cwd=project)
    assert (
        (project / "report.txt")
        .read_text(encoding="utf-8")
        .endswith("(4 fixable with `seedlint fix`, 2 more with --unsafe-fixes).\n")
    )
    assert text.stdout == ""


def _drain(pipe: Path, into: list[bytes]) -> threading.Thread:
    """A reader of a named pipe, as a shell's ``cat pipe`` would be."""

    def read() -> None:
        with open(pipe, "rb") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize(
    ("command", "starts"),
    [
        (["check", "--format", "json", "-o", "{pipe}"], b"["),
        (["check", "--write-baseline", "{pipe}"], b"{"),
        (["report", "--output", "{pipe}"], b"<!DOCTYPE html>"),
    ],
    ids=["output-file", "baseline", "report"],
)
def test_output_named_to_a_pipe_goes_into_it_and_leaves_it_a_pipe(
    project: Path, command: list[str], starts: bytes
) -> None:
    # renaming a new file over a device or pipe would replace it ("-o /dev/null" as root
    # made /dev/null a regular file for every program): it is written as it stands
    pipe = project / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = _drain(pipe, received)
    result = run_seedlint(*(part.format(pipe=pipe) for part in command), cwd=project)
    reader.join(timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISFIFO(os.stat(pipe, follow_symlinks=False).st_mode)
    assert received and received[0].lstrip().startswith(starts), received


def test_statistics_in_text_concise_and_json(project: Path) -> None:
    rows = [
        "     1  SL001  [header-leading-whitespace]",
        "     1  SL010  [final-newline]",
        "     1  SL011  [truncated-ending]",
        "     1  SL201  [minister-typo]",
        "     1  SL210  [missing-possessive-apostrophe]",
        "     1  SL301  [unbalanced-quotes]",
    ]
    for fmt in ("text", "concise"):
        result = run_seedlint("check", "--statistics", "--format", fmt, cwd=project)
        assert result.stdout.splitlines()[:6] == rows
    counted = json.loads(
        run_seedlint("check", "--statistics", "--format", "json", cwd=project).stdout
    )
    assert [(e["code"], e["name"], e["count"]) for e in counted] == [
        (r.split()[1], r.split()[2].strip("[]"), 1) for r in rows
    ]
    quiet = run_seedlint("check", "--statistics", "--quiet", cwd=project)
    assert quiet.stdout.splitlines() == rows  # no summary


def test_closing_lines_of_fix_count_properly(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(seed("The Deputy Prime Minster said ”yes."), encoding="utf-8")
    result = run_seedlint("fix", str(one), "--in-place", cwd=tmp_path)
    assert result.stderr.splitlines()[-1] == "Fixed 1 file in place; 1 problem remains."
    clean = tmp_path / "clean.txt"
    clean.write_text(seed("Nothing to fix."), encoding="utf-8")
    result = run_seedlint("fix", str(clean), "--output-dir", "out", cwd=tmp_path)
    assert result.stderr.splitlines()[-1] == "Fixed 0 files into out; 0 problems remain."


def test_baseline_runs_say_what_they_recorded_and_hid(project: Path) -> None:
    recorded = run_seedlint("check", "--write-baseline", "baseline.json", cwd=project)
    assert recorded.returncode == 0
    assert recorded.stdout == "Recorded 6 findings in the baseline (1 file).\n"
    assert "All checks passed" not in recorded.stdout + recorded.stderr
    hidden = run_seedlint("check", "--baseline", "baseline.json", cwd=project)
    assert hidden.returncode == 0
    assert hidden.stdout == "All checks passed (1 file; 6 hidden by the baseline).\n"
    (project / "seeds" / "new.txt").write_text(TYPO, encoding="utf-8")
    partly = run_seedlint("check", "--baseline", "baseline.json", "--format", "concise",
                          cwd=project)  # fmt: skip
    assert partly.returncode == 1
    assert partly.stdout.splitlines()[-1] == (
        "Found 1 problem (1 error) in 2 files (1 fixable with `seedlint fix`); "
        "6 hidden by the baseline."
    )


def test_test_rules_counts_in_the_singular(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "prefix: HS\nrules:\n  - code: HS001\n    name: house-colour\n    kind: substitution\n"
        "    severity: warning\n    message: \"'{match}' is '{replacement}' here\"\n"
        "    swap: {colour: color}\n    examples:\n      - bad: The colour was red.\n",
        encoding="utf-8",
    )
    result = run_seedlint("test-rules", str(pack), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 rule, 1 example, 0 failed\n")


def test_init_writes_every_setting_and_the_result_loads(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TYPO, encoding="utf-8")
    result = run_seedlint("init", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == "seedlint: wrote seedlint.yaml\n"
    written = (tmp_path / "seedlint.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in written.splitlines() if line[:1].isalpha()]
    assert keys == [
        "paths", "include", "exclude", "rule-packs", "select", "extend-select", "ignore",
        "per-file-ignores", "severity", "rule-options", "languages", "fail-on", "output-dir",
    ]  # fmt: skip
    shown = run_seedlint("check", "--show-settings", cwd=tmp_path)
    config = tmp_path / "seedlint.yaml"
    assert f"extend-select: []    # {config}:9" in shown.stdout.splitlines()
    assert f"rule-options: {{}}    # {config}:15" in shown.stdout.splitlines()
    assert run_seedlint("check", cwd=tmp_path).stdout.startswith("seeds/a.txt:3:18: SL201")
    again = run_seedlint("init", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (
        2, "seedlint: error: seedlint.yaml exists (--force replaces it)\n"
    )  # fmt: skip


def test_old_word_list_copies_are_pruned_from_the_user_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in ("codespell-1-2.marshal", "codespell-3-4.marshal", "codespell-5-6.json"):
        (cache / name).write_bytes(b"x" * 1000)
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    env = {"SEEDLINT_WORDLIST_CACHE": str(cache)}
    result = run_seedlint("check", "a.txt", cwd=tmp_path, env=env)
    assert result.returncode == 1
    left = sorted(p.name for p in cache.glob("codespell-*"))
    assert len(left) == 1 and left[0].endswith(".txt")
    assert left[0] not in ("codespell-5-6.json",)
