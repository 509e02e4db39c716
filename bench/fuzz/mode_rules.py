"""The ``rules`` mode: generated rule files (see rule_files.py) used as a rule pack.

Each rule file goes into a fresh folder beside a seedlint.yaml naming it as the rule
pack (alone, or after the bundled one) and a few seeds, and runs through ``check
--format json``, ``test-rules FILE`` and ``fix --output-dir``. Each run: no traceback,
no internal error, exit code 0, 1 or 2, and 2 exactly when it printed an error; every
line on standard error is an error (or a note) starting with "seedlint: error: " that
names the rule file (or, for a rule that failed on a document, the seed); test-rules
prints only lines that start with the rule file, and its tally; JSON that parses; each
run finishes within ``TIME_BOUND``. Nothing is created outside the folder: the python
tags aim at marker paths outside it, which must not appear, and inside it only the
output folder and nothing else is new.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from documents import PARAGRAPHS
from harness import ERROR_PREFIX, Keeper, Stats, cli, failure, verify
from hypothesis import given
from hypothesis import strategies as st
from rule_files import MARKER, RuleFile, rule_files

EXAMPLES_PER_ROUND = 50  # a round's first examples are hypothesis's simplest ones
TIME_BOUND = 20.0  # seconds a run on three small seeds may take, whatever the rules say
RULE_FILE = "fuzz.yaml"
NOTE_PREFIX = "seedlint: note: "
SEEDS = {
    "clean.txt": f"date 2024-01-18 A clean seed\n\n{PARAGRAPHS[0]}\n".encode(),
    "typos.txt": (
        "date 2024-01-18  Teh goverment\n\nThe Prime Minster said teh goverment "
        "dont agree.  It was 'late'.\n\n“Unclosed, he said\n"
    ).encode(),
    "bytes.txt": b"date 2024-01-18 Caf\xe9\r\n\r\nIt was \x92late\x92 at the caf\xe9.\r\n",
}
TALLY = re.compile(r"\d+ rules?, \d+ examples?, \d+ failed\Z")
MARKERS = Path(tempfile.mkdtemp(prefix="seedlint-fuzz-markers-"))


def example(stats: Stats, keeper: Keeper, rule_file: RuleFile, with_default: bool) -> None:
    stats.examples += 1
    stats.rule_files += 1
    stats.characters += len(rule_file.data)
    data = rule_file.data.replace(MARKER.encode(), str(MARKERS / "m").encode())
    packs = "[default, fuzz.yaml]" if with_default else "[fuzz.yaml]"
    config = f"paths: [seeds]\nrule-packs: {packs}\n".encode()
    keeper.note(RULE_FILE, data)
    keeper.note("seedlint.yaml", config)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / RULE_FILE).write_bytes(data)
        (folder / "seedlint.yaml").write_bytes(config)
        (folder / "seeds").mkdir()
        for seed_name, text in SEEDS.items():
            (folder / "seeds" / seed_name).write_bytes(text)
        stats.documents += len(SEEDS)

        result = cli(
            stats, "check", "-j", "1", "--format", "json", cwd=folder, time_bound=TIME_BOUND
        )
        stdout, stderr = verify(result, {0, 1, 2})
        check_errors(result.returncode, stderr, "check")
        if stdout:
            json.loads(stdout)

        rules = str((folder / RULE_FILE).resolve())
        result = cli(stats, "test-rules", RULE_FILE, cwd=folder, time_bound=TIME_BOUND)
        stdout, stderr = verify(result, {0, 1, 2})
        check_errors(result.returncode, stderr, "test-rules")
        for line in stdout.splitlines():
            if not (line.startswith(rules + ":") or TALLY.match(line)):
                raise failure(
                    AssertionError, "test-rules line", f"test-rules printed {line[:300]!r}"
                )

        result = cli(
            stats, "fix", "-j", "1", "--output-dir", "out", cwd=folder, time_bound=TIME_BOUND
        )
        _, stderr = verify(result, {0, 1, 2})
        check_errors(result.returncode, stderr, "fix")
        check_files(folder)


def check_errors(code: int, stderr: str, command: str) -> None:
    """Every line on standard error is an error or a note naming the rule file or a
    seed (fix adds its summary line), and exit code 2 comes exactly with an error."""
    errors = 0
    for line in stderr.split("\n"):
        if not line or (command == "fix" and line.startswith("Fixed ")):
            continue
        if not line.startswith((ERROR_PREFIX, NOTE_PREFIX)):
            raise failure(
                AssertionError, f"{command}: stray line", f"{command} printed {line[:300]!r}"
            )
        # a rule's problem names the rule file, a document's the seed, and a setting's
        # where it came from (the configuration file, or "default")
        named = any(name in line for name in (RULE_FILE, "seeds/", "seedlint.yaml", "default:"))
        if not named:
            raise failure(
                AssertionError,
                f"{command}: unnamed file",
                f"{command}: an error that names no file: {line[:300]!r}",
            )
        errors += line.startswith(ERROR_PREFIX)
    if (code == 2) != bool(errors):
        raise failure(
            AssertionError,
            f"{command}: exit {code} with {bool(errors)} errors",
            f"{command} exited {code} with {errors} error lines: {stderr[-500:]!r}",
        )


def check_files(folder: Path) -> None:
    """No marker file outside the folder; inside it, nothing new but the output."""
    made = sorted(p.name for p in MARKERS.iterdir())
    if made:
        for path in MARKERS.iterdir():
            path.unlink()
        raise failure(AssertionError, "marker", f"a rule file created {made} outside its folder")
    expected = {"seedlint.yaml", RULE_FILE, "seeds", *(f"seeds/{n}" for n in SEEDS)}
    expected |= {"out", *(f"out/{n}" for n in SEEDS)}
    found = {str(p.relative_to(folder)) for p in folder.rglob("*")}
    extra = sorted(found - expected)
    if extra:
        raise failure(AssertionError, "new files", f"the runs created {extra}")
    for seed_name, text in SEEDS.items():
        if (folder / "seeds" / seed_name).read_bytes() != text:
            raise failure(AssertionError, "seed changed", f"seeds/{seed_name} was changed")


def test(stats: Stats, keeper: Keeper) -> object:
    @given(rule_files(), st.integers(0, 4).map(lambda n: n == 0))
    def round_(rule_file: RuleFile, with_default: bool) -> None:
        with keeper.example():
            example(stats, keeper, rule_file, with_default)

    return round_
