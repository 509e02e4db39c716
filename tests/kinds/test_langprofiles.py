"""langdetect's profiles kept as a table per machine: the same answers, read back fast,
and a damaged table is never trusted."""

from __future__ import annotations

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
