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
from seedlint.kinds.corpus_possessive import KIND, NameCounts, NameUse, NameUses

DIGEST = bytes(range(16))


@pytest.fixture
def group() -> CorpusGroup:
    linter = default_linter(select=("SL505",))
    [found] = corpus_groups(linter.rules)
    return found


def use(key: str, *possessive: str) -> NameUse:
    return NameUse(key, possessive, ("Kennedy",), ((5, 15, "DigitalGov"),))


def write(
    path: Path,
    entries: list[tuple[str, bytes, object]],
    fingerprint: str = "f",
    summary: object = None,
) -> None:
    """A kept file of these entries, with the summary their index makes of them (or the
    one given)."""
    if summary is None:
        index = NameUses()
        for _, _, contribution in entries:
            if isinstance(contribution, NameUse):
                index.add(contribution)
        summary = index.summary()
    encode = msgspec.msgpack.encode
    kept = KeptFile(
        FORMAT,
        VERSION,
        fingerprint,
        msgspec.Raw(encode(summary)),
        [key for key, _, _ in entries],
        b"".join(digest for _, digest, _ in entries),
        [msgspec.Raw(encode(contribution)) for _, _, contribution in entries],
    )
    path.write_bytes(encode(kept))


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


def test_a_file_of_another_version_is_replaced_quietly(tmp_path: Path, group: CorpusGroup) -> None:
    path = tmp_path / f"corpus-{group.name}.kept"
    older = {"format": FORMAT, "version": 1, "fingerprint": "f", "entries": [["a.txt", DIGEST]]}
    path.write_bytes(msgspec.msgpack.encode(older))
    store = KeptContributions(tmp_path, group, "f")
    assert store.notes == [] and store.digests == {}
    store.save()
    assert msgspec.msgpack.decode(path.read_bytes(), type=KeptFile).version == VERSION


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
        msgspec.msgpack.encode(
            {"format": "another format", "version": VERSION, "fingerprint": "f"}
        ),
        # the version of this seedlint, but not its form
        msgspec.msgpack.encode({"format": FORMAT, "version": VERSION, "fingerprint": "f"}),
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
    ("entries", "summary"),
    [
        ([("a.txt", b"short", use("a.txt", "DigitalGov"))], None),  # not a digest
        ([("a.txt", DIGEST, use("a.txt")), ("a.txt", DIGEST, use("a.txt"))], None),  # twice
        # a summary whose candidates are another document's
        ([("a.txt", DIGEST, use("a.txt"))], NameCounts({}, {}, (use("b.txt"),))),
        ([("a.txt", DIGEST, use("a.txt"))], NameCounts({"NASA": -2}, {}, ())),  # no count
        ([("a.txt", DIGEST, use("a.txt"))], {"possessive": {}}),  # no summary at all
    ],
)
def test_an_inconsistent_file_is_discarded_when_read(
    tmp_path: Path, group: CorpusGroup, entries: list[tuple[str, bytes, object]], summary: object
) -> None:
    write(tmp_path / f"corpus-{group.name}.kept", entries, summary=summary)
    store = KeptContributions(tmp_path, group, "f")
    assert len(store.notes) == 1 and store.digests == {} and len(store.index) == 0


def test_a_contribution_is_decoded_only_when_its_document_changes(
    tmp_path: Path, group: CorpusGroup
) -> None:
    """An entry nobody needs is never decoded (this one could not be) and is written back
    as it was read; the counts come from the summary."""
    path = tmp_path / f"corpus-{group.name}.kept"
    entries = [
        ("a.txt", DIGEST, NameUse("a.txt", ("NASA",), (), ())),
        ("b.txt", DIGEST, NameUse("b.txt", ("NASA",), (), ())),
        ("z.txt", DIGEST, {"not": "a contribution"}),
    ]
    counts = NameCounts({"NASA": 2, "Zed": 1}, {}, ())
    write(path, entries, summary=counts)
    store = KeptContributions(tmp_path, group, "f")
    assert store.notes == [] and len(store.index) == 3
    assert store.index.possessive["Zed"] == 1  # as the summary says: z.txt is not read
    store.put(NameUse("a.txt", (), ("NASA",), ()), DIGEST)  # a.txt changed: read, replaced
    assert store.index.possessive["NASA"] == 1 and store.index.bare["NASA"] == 1
    store.save()
    kept = msgspec.msgpack.decode(path.read_bytes(), type=KeptFile)
    assert bytes(kept.entries[2]) == msgspec.msgpack.encode({"not": "a contribution"})
    again = KeptContributions(tmp_path, group, "f")
    assert again.index.get("a.txt") == NameUse("a.txt", (), ("NASA",), ())
    assert (again.index.possessive["NASA"], again.index.possessive["Zed"]) == (1, 1)


@pytest.mark.parametrize(
    "entry",
    [
        NameUse("b.txt", ("NASA",), (), ()),  # names another document
        {"key": "a.txt", "possessive": 3},  # not a contribution
    ],
)
def test_an_unusable_entry_found_when_read_discards_the_file_with_one_note(
    tmp_path: Path, group: CorpusGroup, entry: object
) -> None:
    """The run goes on with what it contributes since; the next starts afresh."""
    write(
        tmp_path / f"corpus-{group.name}.kept",
        [("a.txt", DIGEST, entry)],
        summary=NameCounts({}, {}, ()),
    )
    told: list[str] = []
    store = KeptContributions(tmp_path, group, "f", told.append)
    assert store.notes == [] and told == []
    store.put(NameUse("a.txt", ("NASA",), (), ()), DIGEST)
    assert len(told) == 1 and "'a.txt'" in told[0] and "discarded" in told[0]
    assert store.digests == {"a.txt": DIGEST} and store.index.possessive["NASA"] == 1
    store.save()
    assert KeptContributions(tmp_path, group, "f").notes == []
    write(
        tmp_path / f"corpus-{group.name}.kept",
        [("a.txt", DIGEST, entry)],
        summary=NameCounts({}, {}, ()),
    )
    removing = KeptContributions(tmp_path, group, "f", told.append)
    removing.remove(["a.txt"])
    assert len(told) == 2 and removing.digests == {} and len(removing.index) == 0


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
