"""langdetect's profiles kept as a table per machine: the same answers, read back fast,
and a damaged table is never trusted."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from langdetect import DetectorFactory, detect_langs, detector_factory

from conftest import ROOT
from seedlint.kinds import _langprofiles

SAMPLES = [
    *(
        p.read_text(encoding="utf-8")[:600]
        for p in sorted(ROOT.glob("tests/data/wikinews/wikinews_fr/0*.txt"))[:8]
    ),
    *(
        p.read_text(encoding="utf-8")[:600]
        for p in sorted(ROOT.glob("tests/data/wikinews/wikinews_en/0*.txt"))[:8]
    ),
    "Dies ist ein kurzer deutscher Satz über das Wetter in Berlin.",
    "Questa è una frase italiana sul tempo a Roma.",
]


def answers() -> list[list[tuple[str, float]]]:
    found = []
    for text in SAMPLES:
        DetectorFactory.seed = 0
        found.append([(language.lang, language.prob) for language in detect_langs(text)])
    return found


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of its own, and langdetect's factory reset before and after."""
    monkeypatch.setenv("SEEDLINT_WORDLIST_CACHE", str(tmp_path))
    detector_factory._factory = None
    yield tmp_path
    detector_factory._factory = None


def test_the_kept_table_gives_langdetects_own_answers(kept: Path) -> None:
    detector_factory.init_factory()
    expected = answers()
    detector_factory._factory = None
    built = _langprofiles.load_factory()  # no table yet: langdetect builds it, it is kept
    assert isinstance(built.word_lang_prob_map, dict)
    assert len(list(kept.glob("langdetect-*.bin"))) == 1
    detector_factory._factory = None
    read = _langprofiles.load_factory()
    assert isinstance(read.word_lang_prob_map, _langprofiles.Rows)
    assert read.langlist == built.langlist
    assert answers() == expected


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncate", "magic", "header"])
def test_a_damaged_table_is_built_again(kept: Path, damage: str) -> None:
    _langprofiles.load_factory()
    detector_factory._factory = None
    (table,) = kept.glob("langdetect-*.bin")
    data = table.read_bytes()
    if damage == "truncate":
        table.write_bytes(data[: len(data) // 2])
    elif damage == "magic":
        table.write_bytes(b"PICKLE!!" + data[8:])
    else:
        table.write_bytes(data[:16] + b"{not json" + data[25:])
    factory = _langprofiles.load_factory()
    assert isinstance(factory.word_lang_prob_map, dict)  # built by langdetect, not read
    assert table.read_bytes() == data  # and kept again, whole


def test_every_ngram_is_found_with_its_probabilities(kept: Path) -> None:
    """The hash table holds every n-gram of langdetect's own map, with the same floats, and
    nothing else: a string that is no n-gram of it is absent, and asking for it fails as a
    dict does."""
    detector_factory.init_factory()
    own = detector_factory._factory.word_lang_prob_map
    detector_factory._factory = None
    _langprofiles.load_factory()  # built and kept
    detector_factory._factory = None
    rows = _langprofiles.load_factory().word_lang_prob_map
    assert isinstance(rows, _langprofiles.Rows)
    assert len(rows) == len(own)
    for ngram, probabilities in own.items():
        assert ngram in rows
        assert list(rows[ngram]) == probabilities
    assert list(rows) == list(own)
    for absent in ["", "zzzz", "\U0001f600", "a" * 40, "\ud800"]:
        assert absent not in rows
        with pytest.raises(KeyError):
            rows[absent]
    assert 3 not in rows  # type: ignore[comparison-overlap]


@pytest.mark.parametrize("fill", [b"\xff\xff\xff\xff", (1).to_bytes(4, sys.byteorder)])
def test_a_table_with_damaged_slots_finds_nothing_and_never_loops(kept: Path, fill: bytes) -> None:
    """Slots that point past the rows (0xffffffff) are read as empty; slots that are all
    full and all point at row 0 make a lookup of any other n-gram try every slot once and
    end. Either way a text is then undecided: never a crash or a hang."""
    _langprofiles.load_factory()
    detector_factory._factory = None
    (table,) = kept.glob("langdetect-*.bin")
    data = bytearray(table.read_bytes())
    rows = _langprofiles.load_factory().word_lang_prob_map
    assert isinstance(rows, _langprofiles.Rows)
    first = next(iter(rows))
    size = len(rows._slots) * _langprofiles.INDEX
    start = data.index(bytes(rows._slots))  # the slots as written
    data[start : start + size] = fill * len(rows._slots)
    table.write_bytes(bytes(data))
    detector_factory._factory = None
    damaged = _langprofiles.load_factory().word_lang_prob_map
    assert isinstance(damaged, _langprofiles.Rows)
    assert "the" not in damaged
    if fill[0] == 1:
        assert first in damaged  # row 0 is where every slot points
        return
    DetectorFactory.seed = 0
    from langdetect.lang_detect_exception import LangDetectException

    with pytest.raises(LangDetectException):
        detect_langs(SAMPLES[0])


def test_a_table_cut_short_after_it_was_opened_leaves_a_text_undecided(kept: Path) -> None:
    """The rows are read from the open file as langdetect asks for them: a file cut short
    in between (by another program) makes a text undecided, never a crash."""
    from seedlint.kinds.language import detect

    _langprofiles.load_factory()
    detector_factory._factory = None
    rows = _langprofiles.load_factory().word_lang_prob_map
    assert isinstance(rows, _langprofiles.Rows)
    (table,) = kept.glob("langdetect-*.bin")
    with table.open("r+b") as opened:
        opened.truncate(64)
    detect.cache_clear()
    assert detect(SAMPLES[-1]) == ("", 0.0)
    detect.cache_clear()
