"""The corpus index kept between runs, through the real command line: a few named files
(as pre-commit passes them) are judged against every document of the configured corpus
and get the findings a whole-corpus run gives them; files deleted or changed since they
were kept are never reported against; the kept files are data only, and a damaged one
costs one note, never a wrong finding."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from corpus_plants import near_copy
from corpus_rules_data import Found, found, planted, write_files

from conftest import run_seedlint, seed
from seedlint.corpus import CorpusSettings
from seedlint.io.corpus_store import CorpusStore

pytestmark = pytest.mark.e2e

CORPUS_RULES = "SL501,SL502,SL503,SL504"


def check(project: Path, *paths: str, cache: bool = True) -> tuple[int, list[dict], str]:
    caching = ("--cache-dir", "cache") if cache else ("--no-cache",)
    result = run_seedlint(
        "check", *paths, "--select", CORPUS_RULES, "--format", "json", *caching, cwd=project
    )
    return result.returncode, json.loads(result.stdout or "null"), result.stderr


def stores(project: Path) -> list[Path]:
    """The kept index: its base and journal."""
    kept = (project / "cache").glob("corpus-*")
    return sorted(p for p in kept if p.suffix in (".index", ".journal"))


def forget_verdict(project: Path) -> None:
    """Remove the corpus pass's kept verdict, so that a run over the unchanged corpus
    reads the index (with it, that run would not open the index at all)."""
    for verdict in (project / "cache").glob("corpus-*.verdict"):
        verdict.unlink()


def similarities(project: Path) -> Path:
    return next((project / "cache").glob("corpus-*.similar"))


def kept_keys(project: Path) -> set[str]:
    base = next(p for p in stores(project) if p.suffix == ".index")
    name = base.name.removeprefix("corpus-").removesuffix(".index")
    return set(CorpusStore(project / "cache", name, CorpusSettings()).digests)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The planted Wikinews corpus in seeds/ (the configured corpus), checked once whole."""
    (tmp_path / "seedlint.yaml").write_text("paths: [seeds]\n", encoding="utf-8")
    write_files(tmp_path / "seeds", planted().documents)
    code, _, stderr = check(tmp_path)
    assert (code, stderr) == (1, "")
    return tmp_path


def involving(findings: set[Found], names: set[str]) -> set[Found]:
    return {f for f in findings if f.file in names or f.other in names}


def test_a_few_new_files_get_the_findings_of_a_whole_corpus_run(project: Path) -> None:
    articles = planted().documents
    new = {
        "seeds/new/copy.txt": articles["0100.txt"],
        "seeds/new/near.txt": near_copy(articles["0286.txt"], every=61),
        "seeds/0000-first.txt": articles["0150.txt"],  # sorts before its original
        "seeds/new/fresh.txt": seed("A story of its own, told in a few words for once."),
    }
    write_files(project, new)
    code, few, stderr = check(project, *new)
    assert stderr == "" and code == 1
    whole = found(check(project, cache=False)[1])
    assert found(few) == involving(whole, set(new))
    assert {f.file for f in found(few)} == {
        "seeds/new/copy.txt",
        "seeds/new/near.txt",
        "seeds/0150.txt",  # the older file is the copy now, though it was not named
    }


def test_what_one_pre_commit_run_adds_the_next_one_knows(project: Path) -> None:
    base = next(p for p in stores(project) if p.suffix == ".index")
    before = base.read_bytes()
    draft = project / "seeds" / "draft.txt"
    draft.write_text(seed("A draft of a story, written today."), encoding="utf-8")
    assert check(project, "seeds/draft.txt")[0] in (0, 1)
    assert base.read_bytes() == before  # a few files: only the journal is written
    assert [p.suffix for p in stores(project)] == [".index", ".journal"]
    shutil.copy(draft, project / "seeds" / "redraft.txt")
    _, found_now, _ = check(project, "seeds/redraft.txt")
    assert found(found_now) >= {Found("SL501", "seeds/redraft.txt", 1, "seeds/draft.txt")}


def test_an_unchanged_corpus_is_not_written_again(project: Path) -> None:
    kept = [*stores(project), similarities(project)]
    before = {p.name: p.read_bytes() for p in kept}
    assert check(project)[0] == 1
    assert {p.name: p.read_bytes() for p in kept} == before


def test_similarities_measured_once_serve_the_next_run_the_same_findings(project: Path) -> None:
    base = next(p for p in stores(project) if p.suffix == ".index")
    name = base.name.removeprefix("corpus-").removesuffix(".index")
    measured = CorpusStore(project / "cache", name, CorpusSettings()).similarities
    assert measured and all(0.0 <= value <= 1.0 for value in measured.values())
    warm = check(project)
    assert warm == check(project, cache=False)
    assert any(d["code"] == "SL502" for d in warm[1])


def test_a_near_copy_changed_since_is_measured_again(project: Path) -> None:
    _, before, _ = check(project)
    near = next(d for d in before if d["code"] == "SL502")
    changed = project / near["filename"]
    added = " ".join(f"word{number}" for number in range(25))  # 25 shingles more
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{added}.\n", "utf-8")
    warm = check(project)
    assert warm == check(project, cache=False)
    again = next(d for d in warm[1] if d["code"] == "SL502" and d["filename"] == near["filename"])
    assert again["message"] != near["message"]  # another similarity, measured anew


@pytest.mark.parametrize("damage", ["garbage", "pickle", "out of range"])
def test_damaged_similarities_cost_a_note_and_no_wrong_finding(project: Path, damage: str) -> None:
    kept = similarities(project)
    marker = project / "unpickled"
    if damage == "garbage":
        kept.write_bytes(b"\x93" * 50)
    elif damage == "pickle":
        kept.write_bytes(pickle.dumps(Planted(str(marker))))
    else:  # a similarity above 1: valid MessagePack, refused by the schema
        kept.write_bytes(kept.read_bytes().replace(b"\xcb\x3f", b"\xcb\x40"))
    forget_verdict(project)
    code, diagnostics, stderr = check(project)
    assert not marker.exists()
    assert stderr.startswith(f"seedlint: note: cache/{kept.name}: not usable (")
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert (code, diagnostics) == check(project, cache=False)[:2]
    assert check(project)[2] == ""  # written anew


def test_a_deleted_file_is_never_named_and_is_forgotten(project: Path) -> None:
    (project / "seeds" / "0005.txt").unlink()
    _, diagnostics, _ = check(project, "seeds/planted/copy-0.txt")
    assert all("0005.txt" not in d["message"] for d in diagnostics)
    assert "seeds/0005.txt" not in kept_keys(project)
    shutil.copy(project / "seeds" / "planted" / "copy-0.txt", project / "seeds" / "again.txt")
    _, diagnostics, _ = check(project, "seeds/again.txt")
    assert found(diagnostics) == {Found("SL501", "seeds/planted/copy-0.txt", 1, "seeds/again.txt")}


def test_a_changed_file_is_not_reported_against(project: Path) -> None:
    original = project / "seeds" / "0077.txt"
    original.write_text(original.read_text(encoding="utf-8") + "\nA correction.\n", "utf-8")
    _, diagnostics, _ = check(project, "seeds/planted/copy-1.txt")
    assert [d for d in diagnostics if "0077" in d["message"] and d["code"] == "SL501"] == []


def test_a_walk_forgets_files_it_no_longer_finds(project: Path) -> None:
    assert "seeds/0042.txt" in kept_keys(project)
    (project / "seeds" / "0042.txt").unlink()
    check(project, "seeds")
    assert "seeds/0042.txt" not in kept_keys(project)
    assert "seeds/0043.txt" in kept_keys(project)


def test_files_outside_the_configured_corpus_are_judged_on_their_own(project: Path) -> None:
    (project / "drafts").mkdir()
    shutil.copy(project / "seeds" / "0009.txt", project / "drafts" / "copy.txt")
    assert check(project, "drafts/copy.txt") == (0, [], "")
    assert "drafts/copy.txt" not in kept_keys(project)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "pickle", "journal"])
def test_a_damaged_index_costs_a_note_and_no_wrong_finding(project: Path, damage: str) -> None:
    new = project / "seeds" / "new.txt"
    shutil.copy(project / "seeds" / "0100.txt", new)
    check(project, "seeds/new.txt")  # writes a journal
    base, journal = stores(project)
    marker = project / "unpickled"
    if damage == "truncate":
        base.write_bytes(base.read_bytes()[:5000])
    elif damage == "garbage":
        base.write_bytes(b"\x00" * 100)
    elif damage == "pickle":
        base.write_bytes(pickle.dumps(Planted(str(marker))))
    else:
        journal.write_bytes(journal.read_bytes()[:-7])
    _, diagnostics, stderr = check(project, "seeds/new.txt")
    assert not marker.exists()
    damaged = journal if damage == "journal" else base
    assert stderr.startswith(f"seedlint: note: cache/{damaged.name}: not a usable corpus index (")
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    expected = {Found("SL501", "seeds/new.txt", 1, "seeds/0100.txt")}
    assert found(diagnostics) == (expected if damage == "journal" else set())
    assert check(project, "seeds/new.txt")[2] == ""  # the next run finds a usable index


class Planted:
    """Unpickling this would create a file: a kept index is never unpickled."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.path, "w"))


def test_workers_give_the_same_bytes(project: Path) -> None:
    outputs = {
        jobs: run_seedlint(
            "check", "seeds", "--select", CORPUS_RULES, "--no-cache", "-j", jobs, cwd=project
        ).stdout
        for jobs in ("1", "2")
    }
    assert outputs["1"] == outputs["2"] and "SL502" in outputs["1"]


# --- the corpus pass's verdict, kept whole (io/corpus_verdict.py) ------------------------


def verdict(project: Path) -> Path:
    return next((project / "cache").glob("corpus-*.verdict"))


def test_an_unchanged_corpus_is_reported_from_the_verdict_without_the_index(
    project: Path,
) -> None:
    """The index is damaged after the verdict was kept: a run over the unchanged corpus
    does not open it (no note) and gives the findings; the first change opens it."""
    base = stores(project)[0]
    base.write_bytes(b"\x00" * 100)
    expected = check(project, cache=False)[:2]
    code, diagnostics, stderr = check(project)
    assert stderr == "" and (code, diagnostics) == expected
    changed = project / "seeds" / "0077.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA correction.\n", "utf-8")
    code, diagnostics, stderr = check(project)
    assert stderr.startswith(f"seedlint: note: cache/{base.name}: not a usable corpus index (")
    assert (code, diagnostics) == check(project, cache=False)[:2]


def test_a_verdict_is_not_served_to_another_set_of_documents(project: Path) -> None:
    (project / "seeds" / "0042.txt").unlink()
    shutil.copy(project / "seeds" / "0100.txt", project / "seeds" / "0100-again.txt")
    warm = check(project)
    assert warm == check(project, cache=False)
    assert Found("SL501", "seeds/0100.txt", 1, "seeds/0100-again.txt") in found(warm[1])
    assert all("0042.txt" not in d["message"] for d in warm[1])


def test_a_verdict_is_not_served_to_a_run_that_names_the_documents_otherwise(
    project: Path,
) -> None:
    """From the corpus's own folder every document and message has another name."""
    inside = project / "seeds"
    expected = run_seedlint("check", ".", "--select", CORPUS_RULES, "--no-cache", cwd=inside)
    caching = ("--cache-dir", "../cache")
    warm = run_seedlint("check", ".", "--select", CORPUS_RULES, *caching, cwd=inside)
    assert (warm.returncode, warm.stdout, warm.stderr) == (1, expected.stdout, "")
    assert "SL501" in warm.stdout and "seeds/" not in warm.stdout


def test_a_verdict_older_than_the_index_still_gives_the_right_findings(project: Path) -> None:
    """A run of a few files changed a document in the index after the verdict was kept:
    the index's entry is not trusted for it where the verdict's digest stood."""
    kept = verdict(project)
    old_verdict = kept.read_bytes()
    document = project / "seeds" / "0150.txt"
    original = document.read_bytes()
    document.write_bytes(original.replace(b"\n\n", b"\n\nA paragraph added in between.\n\n", 2))
    check(project, "seeds/0150.txt")  # the index keeps the changed document
    assert kept.read_bytes() == old_verdict  # a few files: the verdict stays
    document.write_bytes(original)  # back as the verdict knows it
    shutil.copy(project / "seeds" / "0150.txt", project / "seeds" / "0150-copy.txt")
    warm = check(project)
    assert warm == check(project, cache=False)
    assert Found("SL501", "seeds/0150.txt", 1, "seeds/0150-copy.txt") in found(warm[1])


@pytest.mark.parametrize("damage", ["garbage", "pickle", "wrong digest"])
def test_a_damaged_verdict_costs_a_note_and_no_wrong_finding(project: Path, damage: str) -> None:
    kept = verdict(project)
    marker = project / "unpickled"
    if damage == "garbage":
        kept.write_bytes(b"\x93" * 50)
    elif damage == "pickle":
        kept.write_bytes(pickle.dumps(Planted(str(marker))))
    else:  # valid MessagePack, refused by the schema: a digest one byte short
        data = kept.read_bytes()
        kept.write_bytes(data.replace(b"\xc4\x10", b"\xc4\x0f", 1))
    code, diagnostics, stderr = check(project)
    assert not marker.exists()
    assert stderr.startswith(f"seedlint: note: cache/{kept.name}: not a usable corpus verdict (")
    assert len(stderr.splitlines()) == 1
    assert (code, diagnostics) == check(project, cache=False)[:2]
    assert check(project)[2] == ""  # kept anew


def test_a_verdict_is_not_served_under_other_per_file_ignores(project: Path) -> None:
    """per-file-ignores are no part of the cache's name: the verdict's context holds them."""
    before = check(project)
    assert any(d["filename"].startswith("seeds/planted/") for d in before[1])
    (project / "seedlint.yaml").write_text(
        "paths: [seeds]\nper-file-ignores:\n  'seeds/planted/*': [SL5]\n", encoding="utf-8"
    )
    warm = check(project)
    assert warm == check(project, cache=False)
    assert not any(d["filename"].startswith("seeds/planted/") for d in warm[1])


def test_a_run_outside_the_configured_corpus_is_served_from_its_own_verdict(
    project: Path,
) -> None:
    """Outside the configured paths no index is kept, only the verdict: an unchanged
    re-run reports it (the verdict is not written again); after a change every document
    is fingerprinted again and the findings are a fresh run's."""
    shutil.copytree(project / "seeds", project / "archive")
    expected = check(project, "archive", cache=False)
    assert check(project, "archive") == expected
    (kept,) = (project / "cache").glob("corpus-*-run.verdict")
    written = kept.stat().st_mtime_ns
    assert check(project, "archive") == expected
    assert kept.stat().st_mtime_ns == written  # served: the pass did not run
    shutil.copy(project / "archive" / "0100.txt", project / "archive" / "0100-again.txt")
    warm = check(project, "archive")
    assert warm == check(project, "archive", cache=False)
    assert Found("SL501", "archive/0100.txt", 1, "archive/0100-again.txt") in found(warm[1])
    assert kept.stat().st_mtime_ns != written
