"""Helpers that several test modules share and that are not fixtures: what the bundled
rules find in a text, rules of the pattern kind, reading the command line's JSON output,
temporary files a writer left, folders of many seeds, rule packs of one pattern rule,
and the hypothesis strategies that build seeds from realistic pieces.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import seedlint
from conftest import SAMPLE, run_seedlint, seed
from seedlint.engine.diagnostics import FixMode, Severity
from seedlint.engine.kind import load_kind
from seedlint.engine.options import resolve
from seedlint.engine.rule import Rule
from seedlint.io.atomic import TEMPORARY

# a seed the bundled rules find nothing in, and the same seed with one typo (SL203, safe)
CLEAN = seed("The government agreed.")
TYPO = seed("The goverment agreed.")
FIXED_TYPO = CLEAN

# --- what the bundled rules find -------------------------------------------------------


def found(text: str, *select: str) -> list[tuple[str, str]]:
    """(code, flagged text) for the selected rules."""
    return [(d.code, text[d.start : d.end]) for d in seedlint.lint_text(text, select=select)]


def fixed(text: str, *select: str, unsafe: bool = False) -> str:
    """The text after the selected rules' fixes."""
    return seedlint.fix_text(text, unsafe=unsafe, select=select)[0]


def pattern_rule(
    code: str,
    regex: str,
    replacement: str | None = None,
    *,
    language: str = "",
    severity: Severity = Severity.WARNING,
    message: str = "found {match}",
    options: dict[str, Any] | None = None,
) -> Rule:
    """A rule of the pattern kind, as a rule file would give it (named rule-<code>): with a
    replacement, its fix is safe."""
    kind = load_kind("pattern")
    given = {"regex": regex, **({} if replacement is None else {"replacement": replacement})}
    settings = resolve(kind.options_of("pattern"), {**given, **(options or {})})
    return Rule(
        code=code,
        name=f"rule-{code.lower()}",
        kind="pattern",
        check="pattern",
        severity=severity,
        message=message,
        options=settings,
        fix=FixMode.OFF if replacement is None else FixMode.SAFE,
        language=language,
        implementation=kind,
        state=kind.build("pattern", settings),
    )


# --- the command line's JSON output ----------------------------------------------------


def diagnostics_by_file(result: subprocess.CompletedProcess[str]) -> dict[str, list[dict]]:
    """JSON diagnostics by file name (the last part of the path)."""
    by_file: dict[str, list[dict]] = {}
    for item in json.loads(result.stdout):
        by_file.setdefault(Path(item["filename"]).name, []).append(item)
    return by_file


def codes_by_file(result: subprocess.CompletedProcess[str]) -> dict[str, list[str]]:
    return {name: [d["code"] for d in items] for name, items in diagnostics_by_file(result).items()}


def sorted_codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Every code in a JSON report, sorted, files together."""
    return sorted(item["code"] for item in json.loads(result.stdout))


def check_format(project: Path, fmt: str, *args: str) -> tuple[int, str]:
    """``seedlint check seeds --format fmt`` in a project: exit code and standard output;
    nothing may be written to standard error."""
    result = run_seedlint("check", "seeds", "--format", fmt, *args, cwd=project)
    assert result.stderr == ""
    return result.returncode, result.stdout


def json_items(project: Path) -> list[dict[str, Any]]:
    """The JSON report of a project's seeds: what the other formats must carry."""
    items: list[dict[str, Any]] = json.loads(check_format(project, "json")[1])
    return items


# --- files -----------------------------------------------------------------------------


def temporaries(folder: Path) -> list[Path]:
    """The atomic writer's temporary files anywhere below ``folder``."""
    return sorted(p for p in folder.rglob("*") if TEMPORARY.match(p.name))


def many_seeds(folder: Path, count: int, paragraphs: int) -> dict[Path, bytes]:
    """``count`` seeds of ``paragraphs`` copies of the sample's body (each with its
    defects), named 00000.txt and on; their bytes by path."""
    body = SAMPLE.read_text(encoding="utf-8").partition("\n\n")[2].strip()
    folder.mkdir(parents=True)
    originals = {}
    for number in range(count):
        text = f"date 2024-01-18 Seed {number}\n\n" + "\n\n".join([body] * paragraphs)
        path = folder / f"{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        originals[path] = text.encode("utf-8")
    return originals


def wait_until(condition: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def write_pattern_pack(folder: Path, regex: str, *options: str) -> None:
    """house.yaml with one pattern rule, HS900 [house-rule], replacing ``regex`` with 'c'
    (``options`` are more lines of the rule, such as 'time-limit: 0.2'), and a
    seedlint.yaml that adds it to the bundled rules."""
    extra = "".join(f"    {line}\n" for line in options)
    (folder / "house.yaml").write_text(
        textwrap.dedent(
            f"""\
            rules:
              - code: HS900
                name: house-rule
                kind: pattern
                regex: '{regex}'
                replacement: 'c'
                severity: warning
                message: "found {{match}}"
            """
        )
        + extra,
        encoding="utf-8",
    )
    (folder / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", encoding="utf-8")


# --- properties (hypothesis) -----------------------------------------------------------

QUICK_EXAMPLES = 100  # what a long property is tried on in a quick run (-m "not slow")


def example_counts(full: int) -> list[Any]:
    """Parameters for a long property: a quick run on QUICK_EXAMPLES examples, and the full
    run on ``full``, marked slow (skipped by -m "not slow", run by CI)."""
    return [
        pytest.param(QUICK_EXAMPLES, id="quick"),
        pytest.param(full, id="full", marks=pytest.mark.slow),
    ]


def property_settings(examples: int) -> settings:
    """Hypothesis settings for a property tried on ``examples`` inputs, however long."""
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


# --- seeds from realistic pieces (hypothesis) ------------------------------------------
# Real sentences, and the damage that pipelines do; the fixer's properties and the
# never-raise properties run on them.

SENTENCES = [
    "The Memorandum was signed during a three-day visit to the UK.",
    "Co-chaired by Deputy Prime Minister Oliver Dowden, NCAB was formed in 2022.",
    "“Cyber is the new frontier,” he said.",
    'She said "it is over" and left.',
    "Japan’s Keidanren met the board (NCAB) on Tuesday.",
    "York Minster hosted 300 guests; MPs and CEOs attended.",
]
DAMAGE = [
    "UKs",
    "Prime Minster",
    "“",
    "”",
    '"',
    "&amp;",
    "â€™",
    "\u200b",
    "  ",
    "\t",
    "dont",
    "goverment",
    "\u00a0",
    "(",
    "\x07",
    "Sharon Barber commented,",
]
HEADERS = [
    "date 2024-01-18 A title",
    " date 2024-01-18 A title",
    "date 2023-02-29 T",
    "date  2024-01-18 T",
    "Date: 2024",
    "\n\ndate 2024-01-18 T",
    "",
]
SEPARATORS = ["\n\n", "\n\n\n", "\r\n\r\n", "\n", "\n \n"]
ENDINGS = ["\n", "", "\n\n", "\r\n"]

paragraph = st.lists(st.sampled_from(SENTENCES + DAMAGE), min_size=1, max_size=6).map(" ".join)
realistic = st.builds(
    lambda header, parts, separator, ending: header + separator + separator.join(parts) + ending,
    st.sampled_from(HEADERS),
    st.lists(paragraph, min_size=0, max_size=5),
    st.sampled_from(SEPARATORS),
    st.sampled_from(ENDINGS),
)
documents = st.one_of(realistic, st.text(max_size=300))
