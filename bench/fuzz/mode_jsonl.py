"""The ``jsonl`` mode: generated JSON Lines corpora through the real command line.

For each corpus (see jsonl_lines.py): ``check --jsonl --format json``, then, safe and
with ``--unsafe-fixes``, ``fix --jsonl --output-dir`` and the same fix of its output; and
for one of the two, ``fix --jsonl --in-place`` on a copy. Each run: no traceback, UTF-8
output, the exit code the documented rules give (2 exactly when a line is not a usable
record or a fix did not converge; else 1 when something at or above fail-on is found or
remains), JSON that parses with one entry per finding the API makes.

Each fixed file has as many lines as the corpus. A line that is not a usable record, or
whose text the API's fix leaves as it is, is copied byte for byte. A changed record
differs only in its text value: the bytes before and after the value's literal are the
corpus's, the new literal reads back as the API's fixed text, and the record read
faithfully (duplicate keys, member order, exact numbers) equals the old one with only
that value replaced. Fixing the output (when it differs) again changes no byte, and the in-place fix
writes what the fix into a folder wrote, leaving nothing else beside it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from harness import Keeper, NotIdempotent, Stats, cli, verify
from hypothesis import given
from hypothesis import strategies as st
from jsonl_lines import Corpus, corpora
from jsonl_oracle import Line, body_of, parse, read, replaced, split_lines
from linters import LINTER

from seedlint.engine.fixer import FixDidNotConverge, fix_document

EXAMPLES_PER_ROUND = 40  # a round's first examples are hypothesis's simplest ones
NAME = "corpus.jsonl"


@dataclass(frozen=True)
class Expected:
    """What the API says of one line, for one fix mode."""

    line: Line
    fixed: str | None  # the fixed text of a usable record whose fix converged
    findings: int  # of the text as it is
    fails: bool  # a finding at or above fail-on in the text as it is
    remains: bool  # one in the text as the fix leaves it

    @property
    def error(self) -> bool:
        return (not self.line.blank and not self.line.usable) or (
            self.line.usable and self.fixed is None
        )


def expect(line: Line, unsafe: bool) -> Expected:
    if line.text is None:
        return Expected(line, None, 0, False, False)
    found = LINTER.lint(line.text)
    fails = any(map(LINTER.fails, found))
    try:
        result = fix_document(LINTER, line.text, unsafe=unsafe)
    except FixDidNotConverge:
        return Expected(line, None, len(found), fails, fails)
    remains = any(map(LINTER.fails, result.remaining))
    return Expected(line, result.text, len(found), fails, remains)


def exit_code(expected: list[Expected], fixing: bool) -> int:
    if any(e.error for e in expected):
        return 2
    return int(any(e.remains if fixing else e.fails for e in expected))


def options(corpus: Corpus) -> list[str]:
    fields = ["--text-field", corpus.text_field, "--id-field", corpus.id_field]
    # the API judges one record at a time: the corpus rules (SL5), which judge records
    # against each other, are left to their own tests (tests/corpus)
    return ["--isolated", "-j", "1", "--ignore", "SL5", "--jsonl", *fields]


def example(stats: Stats, keeper: Keeper, corpus: Corpus, in_place_unsafe: bool) -> None:
    lines = [read(raw, corpus.text_field) for raw in split_lines(corpus.data)]
    stats.examples += 1
    stats.lines += len(lines)
    stats.documents += sum(line.usable for line in lines)
    stats.characters += len(corpus.data)
    keeper.note(NAME, corpus.data)
    keeper.note("fields.txt", f"{corpus.text_field}\n{corpus.id_field}\n".encode())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / NAME).write_bytes(corpus.data)
        safe = [expect(line, unsafe=False) for line in lines]
        result = cli(stats, "check", *options(corpus), NAME, "--format", "json", cwd=folder)
        stdout, _ = verify(result, {exit_code(safe, fixing=False)})
        findings = json.loads(stdout)
        assert len(findings) == sum(e.findings for e in safe), "findings differ from the API's"
        for unsafe in (False, True):
            expected = [expect(line, unsafe) for line in lines] if unsafe else safe
            fix_run(stats, folder, corpus, expected, unsafe, in_place=unsafe == in_place_unsafe)
        assert (folder / NAME).read_bytes() == corpus.data, "the corpus itself was changed"


def fix_run(
    stats: Stats,
    folder: Path,
    corpus: Corpus,
    expected: list[Expected],
    unsafe: bool,
    in_place: bool,
) -> None:
    how = "unsafe" if unsafe else "safe"
    extra = ["--unsafe-fixes"] if unsafe else []
    code = exit_code(expected, fixing=True)
    out = f"out-{how}"
    run = cli(stats, "fix", *options(corpus), NAME, "--output-dir", out, *extra, cwd=folder)
    verify(run, {code})
    output = folder / f"out-{how}" / NAME
    written = output.read_bytes() if output.exists() else None
    assert written is not None or not expected, f"fix ({how}) wrote no {NAME}"
    written = written or b""
    compare(expected, split_lines(written), corpus.text_field, how)

    if written != corpus.data:  # else the first run has shown what a second one does
        again = cli(stats, "fix", *options(corpus), str(output), "--output-dir", f"again-{how}",
                    *extra, cwd=folder)  # fmt: skip
        verify(again, {0, 1, 2})
        if (folder / f"again-{how}" / NAME).read_bytes() != written:
            raise NotIdempotent(f"fixing the output of fix ({how}) changed it")

    if not in_place:
        return
    copy = folder / f"in-place-{how}" / NAME
    copy.parent.mkdir()
    shutil.copyfile(folder / NAME, copy)
    verify(cli(stats, "fix", *options(corpus), str(copy), "--in-place", *extra, cwd=folder), {code})
    assert copy.read_bytes() == written, f"fix --in-place ({how}) differs from --output-dir"
    left = sorted(p.name for p in copy.parent.iterdir())
    assert left == [NAME], f"fix --in-place ({how}) left {left}"


def compare(expected: list[Expected], written: list[bytes], text_field: str, how: str) -> None:
    assert len(written) == len(expected), (
        f"fix ({how}) wrote {len(written)} lines for {len(expected)}"
    )
    for number, (want, new) in enumerate(zip(expected, written), 1):
        line = want.line
        where = f"fix ({how}), line {number}"
        if want.fixed is None or want.fixed == line.text:
            assert new == line.raw, f"{where}: changed, but its text was not fixed: {new!r}"
            continue
        assert line.span is not None and line.value is not None
        start, end = line.span
        after = line.raw[end:]
        assert new[:start] == line.raw[:start], f"{where}: bytes before the text changed"
        assert new.endswith(after) and len(new) - len(after) >= start, (
            f"{where}: bytes after the text changed: {new!r}"
        )
        literal = new[start : len(new) - len(after)]
        value = parse(literal)
        assert value == want.fixed, f"{where}: the new text is {value!r}, not {want.fixed!r}"
        reading = parse(body_of(new))
        assert reading == replaced(line.value, text_field, want.fixed), (
            f"{where}: the record changed beyond its text: {new!r}"
        )


def test(stats: Stats, keeper: Keeper) -> object:
    @given(corpora(), st.booleans())
    def round_(corpus: Corpus, in_place_unsafe: bool) -> None:
        with keeper.example():
            example(stats, keeper, corpus, in_place_unsafe)

    return round_
