"""The kept corpus index on real files (seedlint.io.corpus_store): a base and a journal of
the changes since, each replaced whole; what is saved is what loads; a journal grows until
it is folded into a new base; a journal left from an older base is ignored; anything else
unusable is discarded with a note."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seedlint.corpus import CorpusSettings, Fingerprint, fingerprint_seed
from seedlint.io.corpus_store import JOURNAL_MINIMUM, CorpusStore, digest
from wikinews import seeds

SETTINGS = CorpusSettings()
ARTICLES = dict(seeds("en"))
NAME = "duplicates-test"


def store(folder: Path) -> CorpusStore:
    return CorpusStore(folder, NAME, SETTINGS)


def put(kept: CorpusStore, key: str, text: str) -> None:
    kept.put(fingerprint_seed(key, text, SETTINGS), digest(text.encode()))


def state(kept: CorpusStore) -> tuple[dict[str, bytes], list[str]]:
    keys = sorted(kept.index)
    return {key: kept.digests[key] for key in kept.digests}, keys


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    kept = store(tmp_path)
    assert not kept.found and kept.notes == []
    for name, text in list(ARTICLES.items())[:50]:
        put(kept, f"seeds/{name}", text)
    kept.save()
    return tmp_path


def test_what_is_saved_loads(saved: Path) -> None:
    kept = store(saved)
    assert kept.found and kept.notes == []
    digests, keys = state(kept)
    assert keys == sorted(f"seeds/{name}" for name in list(ARTICLES)[:50])
    assert digests == {
        f"seeds/{name}": digest(text.encode()) for name, text in list(ARTICLES.items())[:50]
    }
    assert [p.suffix for p in sorted(saved.glob("corpus-*"))] == [".index"]


def test_a_few_changes_go_to_the_journal(saved: Path) -> None:
    base = saved / f"corpus-{NAME}.index"
    before = base.read_bytes()
    kept = store(saved)
    put(kept, "seeds/new.txt", ARTICLES["0100.txt"])
    put(kept, "seeds/0001.txt", ARTICLES["0002.txt"])  # replaced
    kept.remove(["seeds/0003.txt"])
    kept.save()
    assert base.read_bytes() == before
    again = store(saved)
    assert again.notes == []
    assert state(again) == state(kept)
    assert again.digests["seeds/0001.txt"] == digest(ARTICLES["0002.txt"].encode())
    assert "seeds/0003.txt" not in again.index and "seeds/0003.txt" not in again.digests


def test_a_long_journal_is_folded_into_a_new_base(saved: Path) -> None:
    kept = store(saved)
    texts = list(ARTICLES.values())
    for number in range(JOURNAL_MINIMUM + 1):
        put(kept, f"more/{number:05d}.txt", texts[number % len(texts)] + f"\n{number}\n")
    kept.save()
    assert [p.suffix for p in sorted(saved.glob("corpus-*"))] == [".index"]
    assert state(store(saved)) == state(kept)


def test_a_journal_of_an_older_base_is_ignored(saved: Path) -> None:
    kept = store(saved)
    put(kept, "seeds/new.txt", ARTICLES["0100.txt"])
    kept.save()
    journal = saved / f"corpus-{NAME}.journal"
    shutil.copy(journal, saved / "old.journal")
    kept = store(saved)
    for number in range(JOURNAL_MINIMUM + 1):  # a new base, and the journal removed...
        put(kept, f"more/{number:05d}.txt", f"date 2024-01-18 T\n\nText {number}.\n")
    kept.save()
    shutil.copy(saved / "old.journal", journal)  # ...but a crash left the old one
    again = store(saved)
    assert again.notes == []
    assert state(again) == state(kept)


def test_paragraph_hashes_of_64_bits_go_through_the_journal(saved: Path) -> None:
    kept = store(saved)
    big = Fingerprint("seeds/big.txt", b"\x01" * 16, "t", b"", ((2**64 - 1, 20, 30),))
    kept.put(big, b"\x02" * 16)
    kept.save()
    table = store(saved).index.table()
    hashes, spans = table.paragraphs(table.rows["seeds/big.txt"])
    assert hashes.tolist() == [2**64 - 1] and spans.tolist() == [[20, 30]]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[:100], "truncated or damaged"),
        (lambda data: data.replace(b"seedlint-store", b"seedlint-stork"), "not a seedlint corpus"),
        (lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:], "checksum mismatch"),
        (lambda data: data[:-1] + bytes([data[-1] ^ 1]), "checksum mismatch"),
    ],
)
def test_a_damaged_base_is_discarded_with_its_reason(saved: Path, damage, reason: str) -> None:
    base = saved / f"corpus-{NAME}.index"
    base.write_bytes(damage(base.read_bytes()))
    kept = store(saved)
    assert not kept.found and len(kept.index) == 0
    assert len(kept.notes) == 1 and reason in kept.notes[0]
    assert kept.notes[0].startswith(f"{base}: not a usable corpus index (")


def test_a_base_of_other_settings_is_not_used(saved: Path) -> None:
    other = CorpusStore(saved, NAME, CorpusSettings(shingle_words=4))
    assert not other.found and "other fingerprinting settings" in other.notes[0]
    # thresholds are not fingerprinting settings: the same base serves them
    assert CorpusStore(saved, NAME, CorpusSettings(threshold=0.9)).found
