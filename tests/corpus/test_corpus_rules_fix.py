"""``seedlint fix`` with the corpus rules, through the real command line: no document is
ever dropped by default or in place; with --unsafe-fixes into an output folder, later copies
are left out of the fixed corpus (files not written, records not written) and each is
named; boilerplate paragraphs are removed by the unsafe fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_plants import BOILERPLATE, BOILERPLATE_HOSTS, COPIED, RETITLED
from corpus_rules_data import planted, write_files, write_jsonl

from conftest import run_seedlint

pytestmark = pytest.mark.e2e

CORPUS_RULES = "SL501,SL502,SL503,SL504"
COPIES = ("planted/copy-0.txt", "planted/copy-1.txt", "planted/retitled.txt")


@pytest.fixture(scope="module")
def plants() -> dict[str, str]:
    return planted().documents


@pytest.fixture
def project(tmp_path: Path, plants: dict[str, str]) -> Path:
    write_files(tmp_path / "seeds", plants)
    return tmp_path


def fix(project: Path, *args: str) -> tuple[int, str, str]:
    result = run_seedlint("fix", "seeds", "--select", CORPUS_RULES, *args, cwd=project)
    return result.returncode, result.stdout, result.stderr


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.txt"))
    }


def test_by_default_every_document_is_written_as_it_was(project: Path, plants: dict) -> None:
    code, _, err = fix(project, "--output-dir", "out")
    assert code == 1  # the duplicates remain
    assert files(project / "out") == plants
    assert "left" not in err and "kept" not in err


def test_unsafe_fixes_leave_the_later_copies_out_and_say_which(project: Path, plants: dict) -> None:
    code, _, err = fix(project, "--unsafe-fixes", "--output-dir", "out")
    out = files(project / "out")
    assert set(plants) - set(out) == set(COPIES)
    for copy, original in zip(COPIES, (*COPIED, RETITLED), strict=True):
        assert (
            f"seedlint: note: left seeds/{copy} out of the fixed corpus: SL501 "
            f"[duplicate-document] Same body as seeds/{original} (2 documents have this body)"
        ) in err.splitlines()
    for host in BOILERPLATE_HOSTS:  # the boilerplate removed, and nothing else of it
        assert out[host] == plants[host].replace(f"\n\n{BOILERPLATE}", "")
    near = [key for key in plants if key.startswith("planted/near-")]
    assert all(out[key] == plants[key] for key in near)  # near-duplicates: fix is off
    assert files(project / "seeds") == plants  # the originals are untouched
    assert code == 1  # the near-duplicates and the reused title remain


def test_in_place_no_document_is_deleted(project: Path, plants: dict) -> None:
    code, _, err = fix(project, "--unsafe-fixes", "--in-place")
    assert set(files(project / "seeds")) == set(plants)
    assert (
        "seedlint: note: 3 later copies kept: a document is left out only of fixed copies "
        "written to an output folder, never deleted in place"
    ) in err.splitlines()
    host = BOILERPLATE_HOSTS[0]
    assert files(project / "seeds")[host] == plants[host].replace(f"\n\n{BOILERPLATE}", "")
    assert code == 1


def test_the_change_record_names_what_was_left_out(project: Path, plants: dict) -> None:
    code, out, err = fix(project, "--unsafe-fixes", "--output-dir", "out", "--format", "json")
    assert code == 1
    record = json.loads(out)
    dropped = [e for e in record if e["code"] == "SL501"]
    assert [(e["filename"], e["before"], e["after"]) for e in dropped] == [
        (f"seeds/{copy}", plants[copy], "") for copy in COPIES
    ]
    removed = [e for e in record if e["code"] == "SL504"]
    assert len(removed) == len(BOILERPLATE_HOSTS)
    assert all(e["before"] == f"\n\n{BOILERPLATE}" and e["after"] == "" for e in removed)
    assert err == ""


def test_a_diff_drops_nothing(project: Path) -> None:
    code, out, err = fix(project, "--unsafe-fixes", "--diff")
    assert code == 1  # it would change files
    assert "deleted file" not in out and "copy-0.txt" not in out
    assert f"-{BOILERPLATE}" in out
    assert "3 later copies kept" in err


def test_json_lines_copies_are_not_written(tmp_path: Path, plants: dict) -> None:
    write_jsonl(tmp_path / "corpus.jsonl", plants)
    result = run_seedlint(
        "fix", "--jsonl", "corpus.jsonl", "--select", CORPUS_RULES, "--unsafe-fixes",
        "--output-dir", "out", cwd=tmp_path,
    )  # fmt: skip
    lines = (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    written = {json.loads(line)["id"]: json.loads(line)["text"] for line in lines}
    assert set(plants) - set(written) == set(COPIES)
    original = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in original if json.loads(line)["id"] not in COPIES]
    changed = set(BOILERPLATE_HOSTS)
    assert [line for line in kept if json.loads(line)["id"] not in changed] == [
        line for line in lines if json.loads(line)["id"] not in changed
    ]  # every other record byte for byte
    assert "left corpus.jsonl#planted/copy-0.txt out of the fixed corpus" in result.stderr


def test_what_remains_is_placed_in_the_fixed_text(project: Path, plants: dict) -> None:
    """Without --unsafe-fixes the boilerplate stays; a safe fix above it (a run of blank
    lines closed up) moves it up two rows, and it is reported where it now is."""
    host = project / "seeds" / BOILERPLATE_HOSTS[0]
    text = plants[BOILERPLATE_HOSTS[0]].replace(f"\n\n{BOILERPLATE}", f"\n\n\n\n{BOILERPLATE}")
    host.write_text(text, encoding="utf-8")
    row = text[: text.index(BOILERPLATE)].count("\n") + 1
    result = run_seedlint(
        "fix", "seeds", "--select", "SL105,SL504", "--output-dir", "out", cwd=project
    )
    fixed = (project / "out" / BOILERPLATE_HOSTS[0]).read_text(encoding="utf-8")
    assert fixed == plants[BOILERPLATE_HOSTS[0]]
    assert (
        f"seeds/{BOILERPLATE_HOSTS[0]}:{row - 2}:1: SL504 warning [boilerplate-paragraph] "
        "Paragraph found in 20 documents (boilerplate: 3 or more)"
    ) in result.stdout.splitlines()
