"""The corpus rules as ordinary rules of the command line: after the per-document findings,
in path order, in every format; selection, per-file ignores, severities, baselines and the
exit code apply to them; JSON Lines records with a reused ID stay apart; standard input is
one document and gets no corpus finding; and the header's date range."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint, seed

STORY = "The council met on Tuesday and agreed the budget for next year."
SIGN_UP = "Sign up for our weekly newsletter to get these stories in your inbox."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """seeds/: a story filed twice (b.txt copies a.txt, under another date), two stories
    with one title, a sign-up paragraph in three, and the raw sample with its typos."""
    seeds = tmp_path / "seeds"
    (seeds / "later").mkdir(parents=True)
    (seeds / "a.txt").write_text(seed(f"{STORY}\n\n{SIGN_UP}", "Budget agreed"), "utf-8")
    (seeds / "later" / "b.txt").write_text(
        seed(f"{STORY}\n\n{SIGN_UP}", "Budget agreed", "2024-02-01"), "utf-8"
    )
    (seeds / "c.txt").write_text(
        seed(f"The bridge reopened.\n\n{SIGN_UP}", "Budget agreed"), "utf-8"
    )
    (seeds / "d.txt").write_text(seed(f"The school closed.\n\n{SIGN_UP}", "School closed"), "utf-8")
    shutil.copy(SAMPLE, seeds / "raw.txt")
    return tmp_path


def check(project: Path, *args: str) -> tuple[int, str, str]:
    result = run_seedlint("check", "--no-cache", *args, cwd=project)
    return result.returncode, result.stdout, result.stderr


def codes_by_file(output: str) -> list[tuple[str, str]]:
    return [(d["filename"], d["code"]) for d in json.loads(output)]


@pytest.mark.e2e
def test_corpus_findings_follow_the_documents_in_path_order(project: Path) -> None:
    code, out, err = check(project, "seeds", "--format", "concise", "--select", "SL2,SL5")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    corpus = [line for line in lines if " SL5" in line]
    assert corpus == [
        "seeds/a.txt:5:1: SL504 warning [boilerplate-paragraph] Paragraph found in 3 documents "
        "(boilerplate: 3 or more)",
        "seeds/c.txt:1:1: SL503 info [repeated-title] Same title as seeds/a.txt, with another "
        "body (3 documents have this title)",
        "seeds/c.txt:5:1: SL504 warning [boilerplate-paragraph] Paragraph found in 3 documents "
        "(boilerplate: 3 or more)",
        "seeds/d.txt:5:1: SL504 warning [boilerplate-paragraph] Paragraph found in 3 documents "
        "(boilerplate: 3 or more)",
        "seeds/later/b.txt:1:1: SL501 warning [duplicate-document] Same body as seeds/a.txt "
        "(2 documents have this body)",
    ]
    first_corpus = lines.index(corpus[0])
    assert all(" SL2" in line for line in lines[:first_corpus])  # the typos of raw.txt first
    assert lines[-1].startswith("Found ") and "in 5 files" in lines[-1]


@pytest.mark.e2e
@pytest.mark.parametrize("fmt", ["text", "json-lines", "github", "sarif", "junit"])
def test_every_format_carries_them(project: Path, fmt: str) -> None:
    code, out, _ = check(project, "seeds", "--format", fmt, "--select", "SL501")
    assert code == 1
    assert "SL501" in out and "seeds/later/b.txt" in out and "Same body as seeds/a.txt" in out


@pytest.mark.e2e
def test_the_text_format_shows_the_header_and_the_paragraph(project: Path) -> None:
    _, out, _ = check(project, "seeds/a.txt", "seeds/later", "--select", "SL501,SL504")
    assert "   1 | date 2024-02-01 Budget agreed" in out
    assert f"   5 | {SIGN_UP}" not in out  # two documents with it are not "boilerplate"
    _, out, _ = check(project, "seeds", "--select", "SL504")
    assert f"   5 | {SIGN_UP}" in out and "= fix (unsafe): Remove the boilerplate paragraph" in out


@pytest.mark.e2e
def test_selection_severity_per_file_ignores_and_exit_code(project: Path) -> None:
    (project / "seedlint.yaml").write_text(
        "select: [SL5]\nseverity:\n  SL504: info\nper-file-ignores:\n  'seeds/later/*': [SL501]\n",
        encoding="utf-8",
    )
    code, out, _ = check(project, "seeds", "--format", "json")
    found = codes_by_file(out)
    assert ("seeds/later/b.txt", "SL501") not in found
    assert {c for _, c in found} == {"SL503", "SL504"}
    assert code == 0  # info only: below fail-on
    assert {d["severity"] for d in json.loads(out) if d["code"] == "SL504"} == {"info"}
    assert check(project, "seeds", "--ignore", "SL5", "--format", "json")[1].strip() == "[]"


@pytest.mark.e2e
def test_statistics_count_them(project: Path) -> None:
    _, out, _ = check(project, "seeds", "--select", "SL5", "--statistics")
    assert out.splitlines()[:4] == [
        "     1  SL501  [duplicate-document]",
        "     1  SL503  [repeated-title]",
        "     3  SL504  [boilerplate-paragraph]",
        "Found 5 problems (4 warnings, 1 info) in 5 files (0 fixable with `seedlint fix`, "
        "4 more with --unsafe-fixes).",
    ]


@pytest.mark.e2e
def test_a_baseline_records_and_hides_them(project: Path) -> None:
    code, _, err = check(project, "seeds", "--select", "SL5", "--write-baseline", "base.json")
    assert code == 0 and "wrote 5 baseline entries" in err
    assert check(project, "seeds", "--select", "SL5", "--baseline", "base.json")[0] == 0
    shutil.copy(project / "seeds" / "d.txt", project / "seeds" / "e.txt")
    code, out, _ = check(project, "seeds", "--select", "SL5", "--baseline", "base.json", "-q")
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines() if line[:1] not in ("", " ")] == [
        "seeds/e.txt:1:1"
    ]


@pytest.mark.e2e
def test_json_lines_records_with_one_id_stay_apart(tmp_path: Path) -> None:
    lines = [
        {"id": "x", "text": seed(STORY)},
        {"id": "x", "text": seed(STORY, "Another title")},
        {"text": seed(STORY, "A third title")},
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    code, out, err = check(tmp_path, "--jsonl", "c.jsonl", "--select", "SL501", "--format", "json")
    assert (code, err) == (1, "")
    # record numbers come first in path order, then other IDs; the reused one by its line
    assert [(d["filename"], d["message"]) for d in json.loads(out)] == [
        ("c.jsonl#x", "Same body as c.jsonl#3 (3 documents have this body)"),
        ("c.jsonl:2", "Same body as c.jsonl#3 (3 documents have this body)"),
    ]


@pytest.mark.e2e
def test_standard_input_is_one_document(project: Path) -> None:
    text = (project / "seeds" / "a.txt").read_text(encoding="utf-8")
    result = run_seedlint(
        "check", "-", "--stdin-filename", "seeds/z.txt", "--select", "SL5", cwd=project, input=text
    )
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.e2e
def test_rules_lists_them() -> None:
    table = run_seedlint("rules").stdout
    for code, name in [
        ("SL007", "date-out-of-range"),
        ("SL501", "duplicate-document"),
        ("SL502", "near-duplicate"),
        ("SL503", "repeated-title"),
        ("SL504", "boilerplate-paragraph"),
    ]:
        assert any(line.split()[:2] == [code, name] for line in table.splitlines())
    assert "across the corpus" in run_seedlint("explain", "near-duplicate").stdout


@pytest.mark.e2e
def test_bad_corpus_options_are_one_line(project: Path) -> None:
    (project / "seedlint.yaml").write_text(
        "rule-options:\n  near-duplicate: {threshold: 1.5}\n", encoding="utf-8"
    )
    code, _, err = check(project, "seeds")
    assert code == 2
    assert err == (
        f"seedlint: error: {project / 'seedlint.yaml'}:1: SL502 [near-duplicate]: rule-options: "
        "option 'threshold' must be above 0 and at most 1, not 1.5\n"
    )


# --- the header's date range --------------------------------------------------------------


def dated(project: Path, *dates: str) -> None:
    for number, date in enumerate(dates):
        (project / f"{number}.txt").write_text(seed(f"Story {number}.", date=date), "utf-8")


@pytest.mark.e2e
def test_a_date_after_today_is_reported(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text(
        "rule-options:\n  date-out-of-range: {today: '2025-06-01'}\n", encoding="utf-8"
    )
    dated(tmp_path, "2025-06-01", "2025-06-02", "2025-06-03", "2031-02-03")
    code, out, _ = check(tmp_path, ".", "--select", "SL007", "--format", "concise")
    assert code == 1
    assert out.splitlines()[:2] == [
        "2.txt:1:6: SL007 warning [date-out-of-range] Header date 2025-06-03 is in the future "
        "(today is 2025-06-01)",
        "3.txt:1:6: SL007 warning [date-out-of-range] Header date 2031-02-03 is in the future "
        "(today is 2025-06-01)",
    ]  # the day after today passes: a newsroom a time zone ahead (grace-days: 1)


@pytest.mark.e2e
def test_a_date_outside_the_range_is_reported(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text(
        "rule-options:\n  SL007: {earliest: '2010-01-01', latest: '2019-12-31', "
        "today: '2025-06-01', grace-days: 0}\n",
        encoding="utf-8",
    )
    dated(tmp_path, "2009-12-31", "2010-01-01", "2019-12-31", "2020-01-01")
    _, out, _ = check(tmp_path, ".", "--select", "SL007", "--format", "concise", "-q")
    assert out.splitlines() == [
        "0.txt:1:6: SL007 warning [date-out-of-range] Header date 2009-12-31 is before "
        "2010-01-01, the earliest date allowed",
        "3.txt:1:6: SL007 warning [date-out-of-range] Header date 2020-01-01 is after "
        "2019-12-31, the latest date allowed",
    ]


@pytest.mark.e2e
def test_the_clock_is_today_by_default(tmp_path: Path) -> None:
    dated(tmp_path, "2000-01-01", "2999-01-01")
    _, out, _ = check(tmp_path, ".", "--select", "SL007", "--format", "concise", "-q")
    assert [line.split(":")[0] for line in out.splitlines()] == ["1.txt"]


@pytest.mark.e2e
def test_a_bad_date_option_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "seedlint.yaml").write_text(
        "rule-options:\n  SL007: {today: 'yesterday'}\n", encoding="utf-8"
    )
    dated(tmp_path, "2000-01-01")
    code, _, err = check(tmp_path, ".")
    assert code == 2
    assert err == (
        f"seedlint: error: {tmp_path / 'seedlint.yaml'}:1: SL007 [date-out-of-range]: "
        "rule-options: option 'today' must be a date YYYY-MM-DD, not 'yesterday'\n"
    )


def test_the_cache_knows_the_day_it_was_read() -> None:
    from seedlint.kinds.header import KIND

    state = KIND.build("date-range", {"earliest": "", "latest": "", "today": "", "grace-days": 1})
    import datetime

    assert KIND.definition_of(state) == (datetime.date.today().isoformat(),)
    fixed = KIND.build(
        "date-range", {"earliest": "", "latest": "", "today": "2020-01-01", "grace-days": 1}
    )
    assert KIND.definition_of(fixed) == ("",)  # the option itself is in the rule's definition
