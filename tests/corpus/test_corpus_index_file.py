"""The index file: whatever lies where the index should be, loading returns an index
or a one-line reason, never raises, never runs code and never hangs; an index is only
used with the settings it was built with; saving replaces the file atomically and never
writes through a symbolic link."""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.corpus import CorpusIndex, CorpusSettings, findings, fingerprint_seed, storage
from wikinews import seeds

SETTINGS = CorpusSettings()
ARTICLES = seeds("en")[:12]


def small_index() -> CorpusIndex:
    index = CorpusIndex(SETTINGS)
    for key, text in ARTICLES:
        index.add(fingerprint_seed(key, text, SETTINGS))
    index.add(fingerprint_seed("copy.txt", ARTICLES[0][1], SETTINGS))
    return index


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("saved") / "corpus.index"
    small_index().save(path)
    return path.read_bytes()


def load_bytes(tmp_path: Path, data: bytes) -> CorpusIndex | str:
    path = tmp_path / "corpus.index"
    path.write_bytes(data)
    return CorpusIndex.load(path, SETTINGS)


def forge(
    data: bytes,
    header: Callable[[storage.Header], storage.Header] = lambda header: header,
    columns: Callable[[dict[str, Any]], None] = lambda columns: None,
) -> bytes:
    """A copy of an index file with its header or columns changed and every checksum made
    right again: what a deliberate forgery looks like."""
    length = int.from_bytes(data[len(storage.MAGIC) : len(storage.MAGIC) + 8], "little")
    old = msgspec.json.decode(data[storage.PREFIX : storage.PREFIX + length], type=storage.Header)
    split = storage._split(memoryview(data[storage.PREFIX + storage._padded(length) :]), old)
    arrays = {name: np.array(column) for name, column in split.items()}
    columns(arrays)
    new = header(old)
    chunks = []
    for name, dtype, _ in storage._columns(old):
        raw = np.ascontiguousarray(arrays[name], dtype=dtype).tobytes()
        chunks.append(raw + bytes(storage._padded(len(raw)) - len(raw)))
    payload = b"".join(chunks)
    new = msgspec.structs.replace(new, columns_crc32=zlib.crc32(payload))
    encoded = msgspec.json.encode(new)
    return (
        storage.MAGIC
        + len(encoded).to_bytes(8, "little")
        + zlib.crc32(encoded).to_bytes(4, "little")
        + bytes(4)
        + encoded
        + bytes(storage._padded(len(encoded)) - len(encoded))
        + payload
    )


def test_a_saved_index_loads_and_is_usable(tmp_path: Path, saved: bytes) -> None:
    index = load_bytes(tmp_path, saved)
    assert isinstance(index, CorpusIndex)
    assert [(f.check, f.key, f.other) for f in findings(index)] == [
        ("duplicate-document", "copy.txt", ARTICLES[0][0])
    ]
    # columns read from the file can be changed like any others
    assert index.remove(ARTICLES[0][0])
    index.add(fingerprint_seed("another.txt", ARTICLES[1][1], SETTINGS))
    assert [(f.key, f.other) for f in findings(index)] == [("another.txt", ARTICLES[1][0])]


def test_a_forgery_that_changes_nothing_loads(tmp_path: Path, saved: bytes) -> None:
    # the forging helper itself is right, so the rejections below are for what it changed
    assert forge(saved) == saved


def test_missing_file_folder_and_fifo_are_refused_without_reading(tmp_path: Path) -> None:
    assert "cannot open" in str(CorpusIndex.load(tmp_path / "absent"))
    assert "not a regular file" in str(CorpusIndex.load(tmp_path))
    os.mkfifo(tmp_path / "fifo")  # would block a plain open() forever: nobody writes
    assert "not a regular file" in str(CorpusIndex.load(tmp_path / "fifo"))


def test_a_pickle_where_the_index_lives_never_runs(tmp_path: Path, saved: bytes) -> None:
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[Any, tuple[str, str]]:
            return open, (str(marker), "w")

    malicious = pickle.dumps(Payload())
    assert "not a seedlint corpus index" in str(load_bytes(tmp_path, malicious))
    # behind a real magic and header, in place of the columns
    reason = load_bytes(tmp_path, saved[: -len(malicious)] + malicious)
    assert "checksum" in str(reason)
    # the same, with every checksum forged to match
    forged = forge(saved, columns=lambda c: c.update(key_text=np.frombuffer(malicious, np.uint8)))
    assert isinstance(load_bytes(tmp_path, forged), str)
    # a numpy archive holding an object array (a pickle inside)
    np.save(tmp_path / "objects.npy", np.array([Payload()], dtype=object), allow_pickle=True)
    assert isinstance(CorpusIndex.load(tmp_path / "objects.npy"), str)
    assert not marker.exists()


def test_every_truncation_is_refused(tmp_path: Path, saved: bytes) -> None:
    step = max(1, len(saved) // 500)
    for length in [*range(0, len(saved), step), len(saved) - 1]:
        result = load_bytes(tmp_path, saved[:length])
        assert isinstance(result, str) and result.count("\n") == 0, length


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_changed_byte_is_refused(tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    saved = tmp_path_factory.getbasetemp() / "flip"
    saved.mkdir(exist_ok=True)
    path = saved / "corpus.index"
    if not path.exists():
        small_index().save(path)
    original = path.read_bytes()
    position = data.draw(st.integers(0, len(original) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda v: v != original[position]))
    damaged = original[:position] + bytes([value]) + original[position + 1 :]
    (saved / "damaged").write_bytes(damaged)
    assert isinstance(CorpusIndex.load(saved / "damaged", SETTINGS), str)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.booleans())
def test_arbitrary_bytes_are_refused(
    tmp_path_factory: pytest.TempPathFactory, junk: bytes, with_magic: bool
) -> None:
    path = tmp_path_factory.getbasetemp() / "junk.index"
    path.write_bytes((storage.MAGIC if with_magic else b"") + junk)
    assert isinstance(CorpusIndex.load(path), str)


FORGERIES: dict[str, tuple[Callable[..., Any], Callable[..., Any], str]] = {
    "a newer version": (
        lambda h: msgspec.structs.replace(h, version=storage.VERSION + 1),
        lambda c: None,
        "version",
    ),
    "another format": (
        lambda h: msgspec.structs.replace(h, format="something else"),
        lambda c: None,
        "format",
    ),
    "a document count past the columns": (
        lambda h: msgspec.structs.replace(h, documents=2**40),
        lambda c: None,
        "truncated or damaged",
    ),
    "invalid settings": (
        lambda h: msgspec.structs.replace(
            h, settings=msgspec.structs.replace(h.settings, num_perm=0)
        ),
        lambda c: None,
        "invalid settings",
    ),
    "a key twice": (
        lambda h: h,
        lambda c: c.update(key_offsets=_twice(c)),
        "listed twice",
    ),
    "falling paragraph offsets": (
        lambda h: h,
        lambda c: c["paragraph_offsets"].__setitem__(1, c["paragraph_offsets"][2] + 1),
        "paragraph offsets",
    ),
    "a span that ends before it starts": (
        lambda h: h,
        lambda c: c["paragraph_spans"].__setitem__((0, 1), -5),
        "paragraph spans",
    ),
    "unknown flags": (lambda h: h, lambda c: c["flags"].__setitem__(0, 0x80), "flags"),
    "keys that are not UTF-8": (
        lambda h: h,
        lambda c: c["key_text"].__setitem__(0, 0xFF),
        "not UTF-8",
    ),
}


def _twice(columns: dict[str, Any]) -> Any:
    """Key offsets that make the first two keys the same (empty) string."""
    offsets = columns["key_offsets"].copy()
    offsets[1] = 0
    offsets[2] = 0
    return offsets


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_forged_files_are_refused_with_a_reason(tmp_path: Path, saved: bytes, name: str) -> None:
    header, columns, reason = FORGERIES[name]
    result = load_bytes(tmp_path, forge(saved, header, columns))
    assert isinstance(result, str) and reason in result, result


def test_unknown_header_fields_are_refused(tmp_path: Path, saved: bytes) -> None:
    length = int.from_bytes(saved[len(storage.MAGIC) : len(storage.MAGIC) + 8], "little")
    header = msgspec.json.decode(saved[storage.PREFIX : storage.PREFIX + length])
    header["run"] = "import os"
    encoded = msgspec.json.encode(header)
    forged = (
        storage.MAGIC
        + len(encoded).to_bytes(8, "little")
        + zlib.crc32(encoded).to_bytes(4, "little")
        + bytes(4)
        + encoded
        + bytes(storage._padded(len(encoded)) - len(encoded))
        + saved[storage.PREFIX + storage._padded(length) :]
    )
    assert "unreadable header" in str(load_bytes(tmp_path, forged))


def test_an_index_of_other_settings_is_refused(tmp_path: Path, saved: bytes) -> None:
    path = tmp_path / "corpus.index"
    path.write_bytes(saved)
    for other in (
        CorpusSettings(shingle_words=4),
        CorpusSettings(num_perm=64),
        CorpusSettings(seed=2),
    ):
        assert "built with other settings" in str(CorpusIndex.load(path, other))
    loaded = CorpusIndex.load(path)  # without expectations, its own settings
    assert isinstance(loaded, CorpusIndex) and loaded.settings == SETTINGS


def test_thresholds_can_change_without_a_rebuild(tmp_path: Path, saved: bytes) -> None:
    path = tmp_path / "corpus.index"
    path.write_bytes(saved)
    stricter = CorpusSettings(threshold=0.95, boilerplate_min_documents=5)
    loaded = CorpusIndex.load(path, stricter)
    assert isinstance(loaded, CorpusIndex) and loaded.settings == stricter
    assert (loaded.bands, loaded.rows) != (CorpusIndex(SETTINGS).bands, CorpusIndex(SETTINGS).rows)
    assert [f.key for f in findings(loaded)] == ["copy.txt"]


def test_saving_replaces_atomically_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "corpus.index"
    index = small_index()
    index.save(path)
    before = os.stat(path).st_ino
    index.remove("copy.txt")
    index.save(path)
    assert os.stat(path).st_ino != before  # a new file renamed over the old one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.index"]
    loaded = CorpusIndex.load(path)
    assert isinstance(loaded, CorpusIndex) and "copy.txt" not in loaded


def test_saving_never_writes_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.write_text("not yours\n")
    inside = tmp_path / "repo"
    inside.mkdir()
    (inside / "corpus.index").symlink_to(outside)
    small_index().save(inside / "corpus.index")
    assert outside.read_text() == "not yours\n"
    assert not (inside / "corpus.index").is_symlink()
    assert isinstance(CorpusIndex.load(inside / "corpus.index"), CorpusIndex)
