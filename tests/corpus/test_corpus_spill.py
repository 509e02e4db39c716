"""The shingle sets fingerprints carry: the sets the near-duplicate check would make from
the bodies, kept aside on disk by the run, and measured instead of the bodies read and
hashed again, with the same findings."""

from __future__ import annotations

import io

import numpy as np
import pytest
from corpus_plants import planted
from hypothesis import given
from hypothesis import strategies as st

from seedlint.corpus import CorpusIndex, CorpusSettings, CorpusText, fingerprint_seed, seed_parts
from seedlint.corpus.checks import check
from seedlint.corpus.fingerprint import SHINGLES_SENT, shingle_set
from seedlint.corpus.minhash import shingle_hashes, signature
from seedlint.io.shingle_spill import ShingleSpill
from wikinews import seeds

SETTINGS = CorpusSettings()
words = st.lists(
    st.sampled_from(["the", "minister", "said", "a", "York", "vote", "é"]), max_size=60
)


@given(words)
def test_a_fingerprint_carries_its_bodys_shingle_set_and_the_same_signature(
    body: list[str],
) -> None:
    text = "date 2020-01-02 A title\n\n" + " ".join(body) + "\n"
    found = fingerprint_seed("a.txt", text, SETTINGS)
    body_text = seed_parts(text)[1]
    expected = shingle_set(body_text, SETTINGS.shingle_words)
    assert np.array_equal(np.frombuffer(found.shingles, dtype=np.uint64), expected)
    hashes = shingle_hashes(body_text, SETTINGS.shingle_words)  # repeats and all
    if len(hashes):
        raw = signature(hashes, SETTINGS.num_perm, SETTINGS.seed).astype("<u4").tobytes()
        assert found.signature == raw
    else:
        assert found.signature == b""


def test_a_very_long_body_carries_no_set() -> None:
    body = " ".join(f"w{number}" for number in range(SHINGLES_SENT + 10))
    found = fingerprint_seed("long.txt", f"date 2020-01-02 Long\n\n{body}\n", SETTINGS)
    assert found.shingles == b""
    assert len(found.signature) == SETTINGS.num_perm * 4


def test_the_spill_gives_back_each_set_it_kept() -> None:
    spill = ShingleSpill(limit=64)
    first = np.array([1, 5, 2**64 - 1], dtype=np.uint64)
    spill.put("a", first.tobytes())
    spill.put("b", np.array([7], dtype=np.uint64).tobytes())
    spill.put("b", np.array([8, 9], dtype=np.uint64).tobytes())  # replaces
    assert spill.get("a").tolist() == first.tolist()  # type: ignore[union-attr]
    assert spill.get("b").tolist() == [8, 9]  # type: ignore[union-attr]
    spill.put("c", b"")  # no set: nothing kept
    spill.put("d", np.arange(4, dtype=np.uint64).tobytes())  # past the limit: not kept
    assert spill.get("c") is None and spill.get("d") is None and spill.get("e") is None
    spill.put("a", np.arange(9, dtype=np.uint64).tobytes())  # too large now: a is dropped
    assert spill.get("a") is None
    spill.close()
    assert spill.get("b") is None


class Indexed:
    """An index of ``texts`` (key -> seed) with each fingerprint's set kept aside, and a
    source of their titles and bodies that notes each key it is asked for."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.index = CorpusIndex(SETTINGS)
        self.spill = ShingleSpill()
        self.reads: list[str] = []
        for key, text in texts.items():
            found = fingerprint_seed(key, text, SETTINGS)
            self.spill.put(key, found.shingles)
            self.index.add(found)

    def source(self, key: str) -> CorpusText:
        self.reads.append(key)
        title, body, _, _ = seed_parts(self.texts[key])
        return CorpusText(title, body)


def test_the_check_measures_the_sets_sent_and_reads_no_body() -> None:
    """With every entry known to match and its set at hand, the pass reads no document;
    its findings, near-duplicates and their exact similarities included, are those it
    finds reading every body."""
    run = Indexed(dict(planted().documents))
    verified = frozenset(run.texts)
    read_all = check(run.index, source=run.source, verified=verified)
    assert any(f.check == "near-duplicate" and f.exact is not None for f in read_all.findings)
    assert run.reads  # the bodies of the pairs measured
    run.reads.clear()
    sent = check(run.index, source=run.source, verified=verified, sent=run.spill.get)
    assert run.reads == []
    assert sent.findings == read_all.findings


def test_an_entry_not_known_to_match_is_read_whatever_was_sent() -> None:
    """A set is taken only for an entry known to match its document (fingerprinted in this
    run): another one's document is read, which checks it."""
    key, text = seeds("en")[0]
    copy = text.replace("\n\n", "\n\nAn added line.\n\n", 1)
    run = Indexed({key: text, "copy.txt": copy})
    report = check(run.index, source=run.source, verified=frozenset({key}), sent=run.spill.get)
    assert "copy.txt" in run.reads and key not in run.reads
    assert [f.check for f in report.findings] == ["near-duplicate"]


def test_a_spill_that_cannot_write_keeps_nothing_and_the_check_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No writable temporary folder, or a full disk: the spill keeps nothing, never
    raises, and the check reads the bodies it measures, with the same findings."""
    import tempfile

    def unwritable(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", unwritable)
    run = Indexed(dict(planted().documents))
    assert run.spill.get(next(iter(run.texts))) is None
    verified = frozenset(run.texts)
    sent = check(run.index, source=run.source, verified=verified, sent=run.spill.get)
    assert run.reads
    monkeypatch.undo()
    assert sent.findings == check(run.index, source=run.source, verified=verified).findings


class _FullDisk(io.BytesIO):
    def write(self, data: object) -> int:
        raise OSError(28, "No space left on device")


def test_a_write_that_fails_midway_drops_every_set(monkeypatch: pytest.MonkeyPatch) -> None:
    spill = ShingleSpill()
    spill.put("a", np.arange(3, dtype=np.uint64).tobytes())
    monkeypatch.setattr(spill, "_file", _FullDisk())
    spill.put("b", np.arange(3, dtype=np.uint64).tobytes())
    assert spill.get("a") is None and spill.get("b") is None
    spill.put("c", np.arange(3, dtype=np.uint64).tobytes())  # nothing more is kept
    assert spill.get("c") is None
