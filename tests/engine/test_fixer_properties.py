"""Properties of the fixer, on arbitrary Unicode and on seeds assembled from realistic
pieces (real sentences, and the damage pipelines do; see helpers.py): each pass changes
only what its edits name, and the --diff output reproduces the fixed copy."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seedlint
from conftest import default_linter
from helpers import documents, realistic
from seedlint.commands.sinks import unified_diff
from seedlint.engine.fixer import apply, choose

LINTER = default_linter()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents, st.booleans())
def test_each_pass_changes_only_the_edited_ranges(text: str, unsafe: bool) -> None:
    for _ in range(10):
        chosen = choose(LINTER.lint(text), unsafe)
        if not chosen:
            return
        edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))
        new = apply(text, edits)
        # the new text is the old one's unedited stretches, in order, with each edit's
        # content between them: nothing outside an edited range moved or changed
        position = previous_end = 0
        for edit in edits:
            assert edit.start >= previous_end  # chosen edits never overlap
            stretch = text[previous_end : edit.start]
            assert new[position : position + len(stretch)] == stretch
            position += len(stretch)
            assert new[position : position + len(edit.content)] == edit.content
            position += len(edit.content)
            previous_end = edit.end
        assert new[position:] == text[previous_end:]
        text = new


@pytest.mark.e2e
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(realistic)
def test_diff_applied_with_patch_reproduces_the_copy(tmp_path: Path, text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode("utf-8"))
    fixed, _ = seedlint.fix_text(text, unsafe=True, linter=LINTER)
    diff = unified_diff(text, fixed, "seed.txt")
    if diff:
        subprocess.run(
            ["patch", "-p1", "--quiet", "--binary"],
            input=diff.encode("utf-8"),
            cwd=tmp_path,
            check=True,
        )
    assert path.read_bytes() == fixed.encode("utf-8")


INTERRUPTERS = ["\x07", "\x08", "\x1b", "\x7f", "\u200b", "\u2060", "\ufeff", "\u00ad"]


@SETTINGS
@given(realistic, st.sampled_from(INTERRUPTERS), st.randoms(use_true_random=False))
def test_a_character_inside_a_word_is_removed_and_nothing_else_changes(
    text: str, interrupter: str, random: Any
) -> None:
    """A control or invisible character put inside a word is deleted, and the fix of the
    damaged text is the fix of the text without it: no check reads the word's halves as
    words of their own ("furthe" of "furthe\\x07r" fixed to "furtherr")."""
    inside = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
    if not inside:
        return
    at = random.choice(inside)
    damaged = text[:at] + interrupter + text[at:]
    assert seedlint.fix_text(damaged)[0] == seedlint.fix_text(text)[0]
