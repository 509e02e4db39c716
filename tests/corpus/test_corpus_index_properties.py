"""Properties of the corpus checks on small random corpora built from real paragraphs:
findings do not depend on the order documents arrive in, nor on replaced or removed
entries along the way; findings on a few documents (scanning) equal the findings on all
(grouping) restricted to them; an index saved and loaded gives the same findings, and
the same documents save to the same bytes; merged indexes equal one built whole.

The corpora are small and much repeated (few paragraphs, few titles), with loose
settings, so that every check has findings to compare.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedlint.corpus import (
    CorpusIndex,
    CorpusSettings,
    CorpusText,
    Fingerprint,
    check,
    findings,
    fingerprint_seed,
    seed_parts,
)
from seedlint.corpus.seeds import title_and_body
from seedlint.corpus.storage import encode
from wikinews import seeds

SETTINGS = CorpusSettings(
    shingle_words=3, num_perm=32, threshold=0.5, boilerplate_min_documents=2, seed=7
)
ARTICLES = seeds("en")
# real paragraphs, and two of them with one word changed (near-duplicate material)
PARAGRAPHS = [text.split("\n\n")[1] for _, text in ARTICLES[:6]]
PARAGRAPHS += [PARAGRAPHS[0].replace(" the ", " a ", 1), PARAGRAPHS[1][:-12] + "yesterday."]
# bodies drawn often, so that copies and near-copies are common
BODIES = [
    [PARAGRAPHS[0], PARAGRAPHS[1]],
    [PARAGRAPHS[6], PARAGRAPHS[1]],
    [PARAGRAPHS[2]],
    [PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[0]],
    [],
]
TITLES = ["", "Storm hits coast", "storm   HITS coast", "Election results"]
KEYS = [
    "a.txt",
    "b.txt",
    "b/c.txt",
    "c.jsonl#2",
    "c.jsonl#9",
    "c.jsonl#10",
    "c.jsonl",
    "é.txt",
    "z#x.txt",
    "Z.txt",
    "\udce9.txt",  # a file name that is not UTF-8, as os.fsdecode gives it
]

documents = st.lists(
    st.tuples(
        st.sampled_from(KEYS),
        st.sampled_from(TITLES),
        st.one_of(st.sampled_from(BODIES), st.lists(st.sampled_from(PARAGRAPHS), max_size=5)),
    ),
    unique_by=lambda item: item[0],
    max_size=len(KEYS),
)
RUN = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def render(title: str, paragraphs: list[str]) -> str:
    return f"date 2024-01-18 {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def prints(corpus: list[tuple[str, str, list[str]]]) -> list[Fingerprint]:
    return [fingerprint_seed(key, render(title, body), SETTINGS) for key, title, body in corpus]


def build(items: list[Fingerprint]) -> CorpusIndex:
    index = CorpusIndex(SETTINGS)
    for item in items:
        index.add(item)
    return index


def source(corpus: list[tuple[str, str, list[str]]]):  # type: ignore[no-untyped-def]
    texts = {key: render(title, body) for key, title, body in corpus}

    def current(key: str) -> CorpusText | None:
        if key not in texts:
            return None
        title, body, _, _ = seed_parts(texts[key])
        return CorpusText(title, body)

    return current


@RUN
@given(documents, st.randoms(use_true_random=False), documents)
def test_findings_do_not_depend_on_arrival_order(corpus, random, noise) -> None:  # type: ignore[no-untyped-def]
    items = prints(corpus)
    shuffled = list(items)
    random.shuffle(shuffled)
    # entries that come and go on the way: replaced by the real ones or removed
    twisted = build(prints(noise))
    for item in shuffled:
        twisted.add(item)
    for item in prints(noise):
        if item.key not in {i.key for i in items}:
            assert twisted.remove(item.key)
    expected = findings(build(items))
    assert findings(twisted) == expected
    assert findings(build(shuffled), source=source(corpus)) == findings(
        build(items), source=source(corpus)
    )
    assert len(twisted) == len(items) and list(twisted) == list(build(items))


@RUN
@given(documents, st.data())
def test_scanning_a_few_equals_grouping_all(corpus, data) -> None:  # type: ignore[no-untyped-def]
    index = build(prints(corpus))
    keys = data.draw(st.sets(st.sampled_from(KEYS)))
    for current in (None, source(corpus)):
        everything = findings(index, source=current)
        scanned = check(index, keys, source=current, scan=True).findings
        grouped = check(index, keys, source=current, scan=False).findings
        assert list(scanned) == list(grouped) == [f for f in everything if f.key in keys]
        # with the findings on other documents that name one of the keys
        scanned = check(index, keys, source=current, include_named=True, scan=True).findings
        grouped = check(index, keys, source=current, include_named=True, scan=False).findings
        expected = [f for f in everything if f.key in keys or f.other in keys]
        assert list(scanned) == list(grouped) == expected


@RUN
@given(documents, st.randoms(use_true_random=False))
def test_saved_and_loaded_indexes_give_the_same_findings(corpus, random) -> None:  # type: ignore[no-untyped-def]
    items = prints(corpus)
    index = build(items)
    with TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.index"
        index.save(path)
        loaded = CorpusIndex.load(path, SETTINGS)
        assert isinstance(loaded, CorpusIndex)
        assert findings(loaded) == findings(index)
        assert findings(loaded, source=source(corpus)) == findings(index, source=source(corpus))
        loaded.save(path)
        saved_again = path.read_bytes()
    random.shuffle(items)
    assert encode(SETTINGS, build(items).table()) == saved_again


@RUN
@given(documents, documents)
def test_merged_indexes_equal_one_built_whole(first, second) -> None:  # type: ignore[no-untyped-def]
    # the second part's entries replace the first's of the same key, as when added later
    combined = build(prints(first))
    for item in prints(second):
        combined.add(item)
    part = build(prints(first))
    extra = build(prints(second))
    part.merge(extra)
    assert findings(part) == findings(combined)
    assert encode(SETTINGS, part.table()) == encode(SETTINGS, combined.table())


@given(
    st.lists(
        st.sampled_from(["date 2020-01-02 A title", " date 2020-01-02", "date x", "\n", "\r\n",
                         "\n\n", "A paragraph.", "  indented", "\ufeff", "word"]),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_title_and_body_are_those_of_the_whole_parse(text: str) -> None:
    """Reading a document again for its body skips the paragraphs, and nothing else."""
    assert title_and_body(text) == seed_parts(text)[:2]


spans = st.tuples(st.integers(0, 2**64 - 1), st.integers(0, 2**40), st.integers(0, 2**40))


@given(st.lists(st.tuples(st.sampled_from(KEYS), st.lists(spans, max_size=6)), max_size=8))
def test_staged_fingerprints_make_the_table_their_tuples_make(rows) -> None:  # type: ignore[no-untyped-def]
    """The index keeps added fingerprints with their paragraphs packed into bytes until it
    builds its table: the table is the one their (hash, start, end) tuples make, column
    for column, whatever the hashes (up to 2**64 - 1) and the number of paragraphs."""
    from seedlint.corpus.fingerprint import EMPTY_BODY_HASH
    from seedlint.corpus.table import Table

    latest = {key: Fingerprint(key, EMPTY_BODY_HASH, "", b"", tuple(p)) for key, p in rows}
    index = CorpusIndex(SETTINGS)
    for key, paragraphs in rows:
        index.add(Fingerprint(key, EMPTY_BODY_HASH, "", b"", tuple(paragraphs)))
    built = index.table()
    expected = Table.from_fingerprints(list(latest.values()), SETTINGS.num_perm)
    assert built.keys == expected.keys
    assert built.paragraph_offsets.tolist() == expected.paragraph_offsets.tolist()
    assert built.paragraph_hashes.dtype == np.uint64 and built.paragraph_spans.dtype == np.int64
    assert built.paragraph_hashes.tolist() == [
        h for p in latest.values() for h, _, _ in p.paragraphs
    ]
    assert built.paragraph_spans.tolist() == [
        [s, e] for p in latest.values() for _, s, e in p.paragraphs
    ]
    for row, key in enumerate(built.keys):
        hashes, where = built.paragraphs(row)
        assert [(int(h), *map(int, w)) for h, w in zip(hashes, where)] == list(
            latest[key].paragraphs
        )
