"""The ``cli`` mode: a folder of up to 25 generated files through the real command line.

``check --format json``, then ``fix --in-place`` twice, safe and then with
``--unsafe-fixes``. No traceback, exit codes 0 or 1 (2 only when a file is one that must
be refused, such as UTF-16), JSON that parses, output that is UTF-8; each file comes out
of the first fix byte for byte as the API's file-level fix makes it, a refused file is
never rewritten, and the second fix changes no byte.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from documents import as_file, files, texts
from harness import Keeper, NotIdempotent, Stats, cli, verify
from hypothesis import given
from hypothesis import strategies as st
from linters import LINTER
from mode_api import file_fix

from seedlint.io.reading import Unreadable, check_text

EXAMPLES_PER_ROUND = 10
MAX_FILES = 25


def example(stats: Stats, keeper: Keeper, batch: list[bytes]) -> None:
    stats.examples += 1
    stats.documents += len(batch)
    stats.characters += sum(map(len, batch))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "seeds").mkdir()
        refused = 0
        for number, data in enumerate(batch):
            (folder / "seeds" / f"{number:03d}.txt").write_bytes(data)
            keeper.note(f"{number:03d}.txt", data)
            try:
                check_text(Path("seed.txt"), data)
            except Unreadable as problem:
                refused += not problem.is_note
        allowed = {0, 1, 2} if refused else {0, 1}
        # the API judges one document at a time: the corpus rules (SL5), which judge
        # documents against each other, are left to their own tests (tests/corpus)
        per_document = ["--ignore", "SL5"]
        checked = cli(
            stats, "check", "--no-cache", *per_document, "--format", "json", "seeds", cwd=folder
        )
        stdout, _ = verify(checked, allowed)
        json.loads(stdout)
        for unsafe in (False, True):
            options = [*per_document, "--unsafe-fixes"] if unsafe else per_document
            before = {p: p.read_bytes() for p in (folder / "seeds").iterdir()}
            verify(cli(stats, "fix", "--in-place", *options, "seeds", cwd=folder), allowed)
            after = {p: p.read_bytes() for p in before}
            for path, data in before.items():
                try:
                    check_text(path, data)
                except Unreadable:
                    assert after[path] == data, f"{path.name}: a refused file was rewritten"
                    continue
                expected = file_fix(LINTER, data, unsafe)
                assert after[path] == expected, f"{path.name}: the CLI and the API differ"
            verify(cli(stats, "fix", "--in-place", *options, "seeds", cwd=folder), allowed)
            for path, data in after.items():
                if path.read_bytes() != data:
                    raise NotIdempotent(f"{path.name}: a second fix (unsafe={unsafe}) changed it")


def test(stats: Stats, keeper: Keeper) -> object:
    @given(st.lists(files | texts.map(as_file), min_size=1, max_size=MAX_FILES))
    def round_(batch: list[bytes]) -> None:
        with keeper.example():
            example(stats, keeper, batch)

    return round_
