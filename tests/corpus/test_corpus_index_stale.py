"""An index outlives the files it describes: with a source of the current files, a
finding never names a file that is gone or has changed since it was indexed; such
entries are reported as stale, and the findings are what they would be without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_plants import indexed, near_copy

from seedlint.corpus import (
    CorpusIndex,
    CorpusSettings,
    CorpusText,
    Source,
    check,
    fingerprint_seed,
    seed_parts,
)
from seedlint.corpus.minhash import U64
from wikinews import seeds

SETTINGS = CorpusSettings()
ARTICLES = dict(seeds("en"))


def files_source(root: Path) -> Source:
    """The current title and body of a file of the folder; None once it is gone."""

    def current(key: str) -> CorpusText | None:
        path = root / key
        if not path.is_file():
            return None
        title, body, _, _ = seed_parts(path.read_text(encoding="utf-8"))
        return CorpusText(title, body)

    return current


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A folder of files, and its index saved beside them, as a pre-commit run leaves it."""
    root = tmp_path / "repo"
    root.mkdir()
    files = {
        "a.txt": ARTICLES["0001.txt"],
        "b.txt": ARTICLES["0001.txt"],
        "c.txt": ARTICLES["0001.txt"],
        "m.txt": ARTICLES["0041.txt"],
        "n.txt": near_copy(ARTICLES["0041.txt"]),
        "o.txt": ARTICLES["0002.txt"],
    }
    index = CorpusIndex(SETTINGS)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
        index.add(fingerprint_seed(name, text, SETTINGS))
    index.save(tmp_path / "corpus.index")
    return root


def loaded(repository: Path) -> CorpusIndex:
    index = CorpusIndex.load(repository.parent / "corpus.index", SETTINGS)
    assert isinstance(index, CorpusIndex)
    return index


def named(index: CorpusIndex, keys: list[str], root: Path | None) -> list[tuple[str, str, str]]:
    report = check(index, keys, source=None if root is None else files_source(root))
    return [(f.check, f.key, f.other) for f in report.findings]


def test_a_deleted_file_is_never_named(repository: Path) -> None:
    (repository / "a.txt").unlink()
    index = loaded(repository)
    # trusting the index names the deleted file: this is what the source prevents
    assert named(index, ["c.txt"], None) == [("duplicate-document", "c.txt", "a.txt")]
    report = check(index, ["c.txt"], source=files_source(repository))
    assert [(f.key, f.other) for f in report.findings] == [("c.txt", "b.txt")]
    assert report.findings[0].count == 2  # a.txt no longer counts
    assert report.stale == ("a.txt",)
    assert "a.txt" in index  # the caller's index is left for the caller to update


def test_a_changed_file_is_never_named(repository: Path) -> None:
    assert named(loaded(repository), ["n.txt"], repository) == [
        ("near-duplicate", "n.txt", "m.txt")
    ]
    (repository / "m.txt").write_text(ARTICLES["0003.txt"], encoding="utf-8")
    report = check(loaded(repository), ["n.txt"], source=files_source(repository))
    assert report.findings == () and report.stale == ("m.txt",)


def test_a_retitled_file_is_stale_too(repository: Path) -> None:
    text = (repository / "a.txt").read_text(encoding="utf-8")
    _, _, body = text.partition("\n\n")
    (repository / "a.txt").write_text("date 2020-01-01 Another title\n\n" + body, encoding="utf-8")
    report = check(loaded(repository), ["b.txt", "c.txt"], source=files_source(repository))
    assert report.stale == ("a.txt",)
    assert [(f.key, f.other) for f in report.findings] == [("c.txt", "b.txt")]


def test_every_finding_on_the_whole_corpus_is_verified(repository: Path) -> None:
    (repository / "a.txt").unlink()
    (repository / "m.txt").unlink()
    report = check(loaded(repository), source=files_source(repository))
    assert [(f.check, f.key, f.other) for f in report.findings] == [
        ("duplicate-document", "c.txt", "b.txt")
    ]
    assert report.stale == ("a.txt", "m.txt")


def test_keys_that_are_gone_can_be_pruned_and_saved(repository: Path) -> None:
    (repository / "b.txt").unlink()
    index = loaded(repository)
    gone = [key for key in index if not (repository / key).exists()]
    assert gone == ["b.txt"]
    for key in gone:
        assert index.remove(key)
    index.save(repository.parent / "corpus.index")
    pruned = loaded(repository)
    assert list(pruned) == ["a.txt", "c.txt", "m.txt", "n.txt", "o.txt"]
    assert named(pruned, ["c.txt"], repository) == [("duplicate-document", "c.txt", "a.txt")]


def test_a_memo_of_similarities_measures_each_pair_of_bodies_once(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seedlint.corpus import similarity

    measured: list[int] = []
    read: list[str] = []
    plain = similarity.jaccard

    def counted(first: U64, second: U64) -> float:
        measured.append(1)
        return plain(first, second)

    monkeypatch.setattr(similarity, "jaccard", counted)
    index = CorpusIndex.load(repository.parent / "corpus.index", SETTINGS)
    assert isinstance(index, CorpusIndex)
    files = files_source(repository)

    def source(key: str) -> CorpusText | None:
        read.append(key)
        return files(key)

    without = check(index, source=source)
    first_run = len(measured)
    memo: dict[bytes, float] = {}
    assert check(index, source=source, memo=memo) == without
    assert len(measured) == 2 * first_run and len(memo) == first_run > 0
    assert check(index, source=source, memo=memo) == without
    assert len(measured) == 2 * first_run  # every pair served from the memo
    # entries known to match their documents are served without being read
    read.clear()
    everything = frozenset(index)
    assert check(index, source=source, memo=memo, verified=everything) == without
    assert read == [] and len(measured) == 2 * first_run


def test_a_memo_never_serves_a_stale_entry(repository: Path) -> None:
    index = CorpusIndex.load(repository.parent / "corpus.index", SETTINGS)
    assert isinstance(index, CorpusIndex)
    memo: dict[bytes, float] = {}
    source = files_source(repository)
    check(index, source=source, memo=memo)
    assert memo
    (repository / "n.txt").write_text(ARTICLES["0002.txt"], encoding="utf-8")
    fresh = check(index, source=source)
    assert "n.txt" in fresh.stale
    assert check(index, source=source, memo=memo) == fresh


@pytest.mark.parametrize("kept_bytes", [8 << 20, 0])
def test_a_rows_shingles_are_made_once_while_kept_and_the_findings_do_not_depend_on_it(
    kept_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Near copies of one story each meet the earliest: each copy's shingle set is made
    once while the sets fit, and twice for each pair measured when none is kept."""
    from seedlint.corpus import similarity

    made: list[int] = []
    measured: list[int] = []
    plain_set, plain_jaccard = similarity.shingle_set, similarity.jaccard

    def counted_set(body: str, words: int) -> U64:
        made.append(1)
        return plain_set(body, words)

    def counted_jaccard(left: U64, right: U64) -> float:
        measured.append(1)
        return plain_jaccard(left, right)

    monkeypatch.setattr(similarity, "shingle_set", counted_set)
    monkeypatch.setattr(similarity, "jaccard", counted_jaccard)
    monkeypatch.setattr(similarity, "SHINGLE_BYTES_KEPT", kept_bytes)
    texts = {f"{n}.txt": near_copy(ARTICLES["0041.txt"], every) for n, every in
             enumerate([97, 101, 103, 107, 109, 113])}  # fmt: skip
    index, source = indexed(texts, SETTINGS)
    report = check(index, source=source)
    near = [(f.key, f.other) for f in report.findings if f.check == "near-duplicate"]
    assert near == [(f"{n}.txt", "0.txt") for n in range(1, 6)]
    assert len(measured) == 5  # each pair once: the scan, then the report, which reuses it
    assert len(made) == (len(texts) if kept_bytes else 2 * len(measured))


@pytest.mark.parametrize("kept", [256, 0])
def test_a_text_read_again_is_checked_again(
    repository: Path, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the texts read last are kept: a document read again, its first reading no
    longer kept, is checked again, and one changed in between is stale. Here n.txt
    changes after its first reading; kept, that reading is what the check compares."""
    from seedlint.corpus import checks

    monkeypatch.setattr(checks, "TEXTS_KEPT", kept)
    files = files_source(repository)
    reads: dict[str, int] = {}

    def source(key: str) -> CorpusText | None:
        reads[key] = reads.get(key, 0) + 1
        text = files(key)
        if key == "n.txt" and reads[key] > 1 and text is not None:
            return CorpusText(text.title, "Another story altogether.")
        return text

    report = check(loaded(repository), source=source)
    near = [(f.key, f.other) for f in report.findings if f.check == "near-duplicate"]
    if kept:
        assert (near, report.stale, reads["n.txt"]) == ([("n.txt", "m.txt")], (), 1)
    else:
        assert (near, report.stale) == ([], ("n.txt",))
