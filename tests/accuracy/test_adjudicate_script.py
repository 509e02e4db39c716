"""bench/accuracy/adjudicate.py, run as a process on a copy of the 18F corpus and its record.

The script must report without writing, record new findings only as false alarms unless a
finding is named with --real and a reason, prune only when asked, and fail cleanly on bad
arguments.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from known_findings import read_rows
from seed_corpora import CORPORA, read_tsv

REPO = Path(__file__).resolve().parents[2]
CORPUS = "18f_blog"
KNOWN_WHY = "why it is a real defect of the source"
BAD_ARGUMENTS = 2
RECORDS = ("known_defects.tsv", "false_alarms.tsv")

# nine runs of the script, each linting a corpus after loading langdetect's profiles;
# what the rules find on the corpora is pinned by test_known_findings in the quick run
pytestmark = pytest.mark.slow


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the script, the shared modules and the 18F data, laid out as in the repo.

    Of the articles, the copy keeps the first and those the record names: the others draw
    no finding, so the script finds what it finds on the whole corpus, in a fifth of the
    time."""
    (tmp_path / "bench" / "accuracy").mkdir(parents=True)
    shutil.copy(REPO / "bench" / "accuracy" / "adjudicate.py", tmp_path / "bench" / "accuracy")
    (tmp_path / "tests" / "accuracy").mkdir(parents=True)
    for module in ("seed_corpora.py", "known_findings.py"):
        shutil.copy(REPO / "tests" / "accuracy" / module, tmp_path / "tests" / "accuracy")
    corpus = CORPORA[CORPUS]
    home = tmp_path / "tests" / "data" / CORPUS
    articles = home / corpus.articles.relative_to(corpus.home)
    articles.mkdir(parents=True)
    for record in (corpus.known_defects, corpus.false_alarms, corpus.home / "README.md"):
        shutil.copy(record, home)
    header, first, *rest = (corpus.articles / "index.tsv").read_text("utf-8").splitlines(True)
    named = {row["file"] for record in RECORDS for row in read_tsv(corpus.home / record)}
    kept = [first, *(line for line in rest if line.split("\t", 1)[0] in named)]
    (articles / "index.tsv").write_text(header + "".join(kept), encoding="utf-8", newline="")
    for line in kept:
        name = line.split("\t", 1)[0]
        shutil.copy(corpus.articles / name, articles / name)
    return tmp_path


def run(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = checkout / "bench" / "accuracy" / "adjudicate.py"
    return subprocess.run(
        [sys.executable, str(script), "--corpus", CORPUS, *args],
        capture_output=True,
        text=True,
        check=False,
    )


def home(checkout: Path) -> Path:
    return checkout / "tests" / "data" / CORPUS


def drop_first_row(path: Path) -> str:
    """Remove the first data row of a TSV and return it."""
    header, first, *rest = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "".join(rest), encoding="utf-8")
    return first


def test_matching_record_reports_and_exits_zero(checkout: Path) -> None:
    done = run(checkout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 new, 0 real defects lost, 0 false alarms gone" in done.stdout


def test_new_findings_are_shown_not_written(checkout: Path) -> None:
    known = home(checkout) / "known_defects.tsv"
    row = drop_first_row(known)
    before = known.read_bytes()
    done = run(checkout)
    assert done.returncode == 1
    file, code, number = row.split("\t")[:3]
    assert f"new     {CORPUS}/{file}:{number} {code}" in done.stdout
    assert known.read_bytes() == before


def test_write_new_records_false_alarms_never_real_defects(checkout: Path) -> None:
    known, false = home(checkout) / "known_defects.tsv", home(checkout) / "false_alarms.tsv"
    row = drop_first_row(known)
    real_before = read_rows(known, KNOWN_WHY)
    done = run(checkout, "--write-new")
    assert done.returncode == 0, done.stdout + done.stderr
    assert read_rows(known, KNOWN_WHY) == real_before
    file, code, number, flagged = row.split("\t")[:4]
    recorded = {k: note for k, note in read_rows(false, "note").items() if k.file == file}
    assert any((k.code, k.row, k.flagged) == (code, int(number), flagged) for k in recorded)
    assert run(checkout).returncode == 0


def test_real_needs_a_reason_and_moves_the_finding(checkout: Path) -> None:
    known, false = home(checkout) / "known_defects.tsv", home(checkout) / "false_alarms.tsv"
    first_false = false.read_text(encoding="utf-8").splitlines()[1].split("\t")
    spec = ":".join(first_false[:3])
    refused = run(checkout, "--real", spec)
    assert refused.returncode == BAD_ARGUMENTS
    assert "--real needs --why" in refused.stderr
    done = run(checkout, "--real", spec, "--why", "checked against the source")
    assert done.returncode == 0, done.stdout + done.stderr
    real = read_rows(known, KNOWN_WHY)
    moved = [k for k in real if ":".join((k.file, k.code, str(k.row))) == spec]
    assert moved and all(real[k] == "checked against the source" for k in moved)
    assert not any(k in read_rows(false, "note") for k in moved)


def test_real_must_name_a_raised_finding(checkout: Path) -> None:
    done = run(checkout, "--real", "0001_nothing.txt:SL203:3", "--why", "x")
    assert done.returncode == BAD_ARGUMENTS
    assert "seedlint raises no such finding" in done.stderr
    assert "Traceback" not in done.stderr


def test_prune_drops_only_what_is_gone(checkout: Path) -> None:
    false = home(checkout) / "false_alarms.tsv"
    stale = "0001_2014-03-19-hello-world-we-are-18f.txt\tSL203\t3\t'nothing'\tstale\n"
    with false.open("a", encoding="utf-8") as handle:
        handle.write(stale)
    before = len(read_rows(false, "note"))
    reported = run(checkout)
    assert reported.returncode == 1
    assert "gone    18f_blog/0001_2014-03-19-hello-world-we-are-18f.txt:3 SL203" in reported.stdout
    assert run(checkout, "--prune").returncode == 0
    assert len(read_rows(false, "note")) == before - 1
