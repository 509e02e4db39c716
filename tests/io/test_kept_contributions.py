"""The kept names of SL505's corpus group (``io/kept_contributions.py``): kept and loaded
again as they were; a file of other rules or code replaced quietly; a damaged, foreign or
inconsistent one discarded with one note; a pipe under its name never waited on; crafted
entries never crash the pass."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec
import pytest

from conftest import default_linter, seed
from seedlint.engine.corpus import CorpusGroup, TextCorpus, corpus_groups
from seedlint.engine.kind import CorpusRule
from seedlint.io.kept_contributions import FORMAT, VERSION, KeptContributions, KeptFile
from seedlint.kinds.corpus_possessive import KIND, NameUse

DIGEST = bytes(range(16))


@pytest.fixture
def group() -> CorpusGroup:
    linter = default_linter(select=("SL505",))
    [found] = corpus_groups(linter.rules)
    return found


def use(key: str, *possessive: str) -> NameUse:
    return NameUse(key, possessive, ("Kennedy",), ((5, 15, "DigitalGov"),))


def write(path: Path, entries: list[tuple[str, bytes, object]], fingerprint: str = "f") -> None:
    raw = [(key, digest, msgspec.Raw(msgspec.msgpack.encode(c))) for key, digest, c in entries]
    path.write_bytes(msgspec.msgpack.encode(KeptFile(FORMAT, VERSION, fingerprint, raw)))


def test_kept_names_load_as_they_were_saved(tmp_path: Path, group: CorpusGroup) -> None:
    store = KeptContributions(tmp_path, group, "f")
    store.put(use("a.txt", "DigitalGov"), DIGEST)
    store.put(use("b.txt", "DigitalGov", "NASA"), DIGEST)
    store.remove(["b.txt", "never-kept.txt"])
    store.save()
    again = KeptContributions(tmp_path, group, "f")
    assert again.notes == [] and again.digests == {"a.txt": DIGEST}
    assert again.index.get("a.txt") == use("a.txt", "DigitalGov")
    assert again.index.possessive["DigitalGov"] == 1 and again.index.possessive["NASA"] == 0


def test_a_file_of_other_rules_or_code_is_replaced_quietly(
    tmp_path: Path, group: CorpusGroup
) -> None:
    store = KeptContributions(tmp_path, group, "f")
    store.put(use("a.txt", "DigitalGov"), DIGEST)
    store.save()
    other = KeptContributions(tmp_path, group, "another fingerprint")
    assert other.notes == [] and other.digests == {} and len(other.index) == 0
    other.save()  # written anew for these rules
    assert KeptContributions(tmp_path, group, "another fingerprint").notes == []
    assert KeptContributions(tmp_path, group, "f").digests == {}


@pytest.mark.parametrize(
    "content",
    [
        b"\x93damaged",
        msgspec.msgpack.encode({"format": "pickle", "version": 1}),
        msgspec.msgpack.encode(KeptFile("another format", VERSION, "f", [])),
    ],
)
def test_a_damaged_or_foreign_file_is_discarded_with_one_note(
    tmp_path: Path, group: CorpusGroup, content: bytes
) -> None:
    path = tmp_path / f"corpus-{group.name}.kept"
    path.write_bytes(content)
    store = KeptContributions(tmp_path, group, "f")
    assert len(store.notes) == 1 and "discarded" in store.notes[0]
    assert store.digests == {} and len(store.index) == 0


@pytest.mark.parametrize(
    "entry",
    [
        ("a.txt", DIGEST, use("b.txt", "DigitalGov")),  # names another document
        ("a.txt", DIGEST, {"key": "a.txt", "possessive": 3}),  # not a contribution
        ("a.txt", b"short", use("a.txt", "DigitalGov")),  # not a digest
    ],
)
def test_an_inconsistent_entry_discards_the_file(
    tmp_path: Path, group: CorpusGroup, entry: tuple[str, bytes, object]
) -> None:
    write(tmp_path / f"corpus-{group.name}.kept", [entry])
    store = KeptContributions(tmp_path, group, "f")
    assert len(store.notes) == 1 and store.digests == {}


def test_a_pipe_under_its_name_is_never_waited_on(tmp_path: Path, group: CorpusGroup) -> None:
    os.mkfifo(tmp_path / f"corpus-{group.name}.kept")
    store = KeptContributions(tmp_path, group, "f")  # returns: nothing to read
    assert store.digests == {} and store.notes == []


def test_crafted_places_are_stale_never_a_crash(tmp_path: Path, group: CorpusGroup) -> None:
    text = seed("Join us during DigitalGovs webinar.")
    crafted = [
        ("t.txt", DIGEST, NameUse("t.txt", (), (), ((-9, -1, "DigitalGov"), (10**9, 2, "x")))),
        *[(f"w{n}.txt", DIGEST, use(f"w{n}.txt", "DigitalGov")) for n in range(3)],
    ]
    write(tmp_path / f"corpus-{group.name}.kept", crafted)
    store = KeptContributions(tmp_path, group, "f")
    rules = [CorpusRule("SL505", "corpus-possessive", group.state)]
    outcome = KIND.corpus_pass(rules, TextCorpus(store.index, {"t.txt": text}))
    assert outcome.findings == [] and outcome.stale == ("t.txt",)
