"""The pattern kind: a user's regular expression, refused when it backtracks
catastrophically, and stopped by its time limit on a document where it is merely slow.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import SAMPLE, run_seedlint, seed
from helpers import codes_by_file, write_pattern_pack

CLEAN = seed("The government agreed.")
TYPO = seed("The goverment agreed.")
FIXED_TYPO = CLEAN


def test_a_catastrophically_backtracking_regex_is_refused_with_a_reason(tmp_path: Path) -> None:
    write_pattern_pack(tmp_path, "(a|aa)+b")
    result = run_seedlint("check", "--no-cache", str(SAMPLE), cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"seedlint: error: {tmp_path}/house.yaml:2: HS900 [house-rule]: regex '(a|aa)+b' "
        "backtracks catastrophically"
    )
    assert len(result.stderr.splitlines()) == 1


def test_a_slow_regex_is_stopped_by_the_time_limit_and_the_run_goes_on(tmp_path: Path) -> None:
    write_pattern_pack(tmp_path, "a*a*a*a*b")  # quick on short texts, polynomial on long ones
    slow = seed("a" * 20000 + "!b.")
    (tmp_path / "slow.txt").write_text(slow, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TYPO, encoding="utf-8")
    started = time.monotonic()
    result = run_seedlint("check", "--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 60
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: slow.txt: HS900 [house-rule]: regex 'a*a*a*a*b' ran out of time "
        "(2.0 s); the file was not checked\n"
    )
    assert codes_by_file(result) == {"ok.txt": ["SL203"]}
    fixed = run_seedlint("fix", "--in-place", ".", cwd=tmp_path, timeout=120)
    assert (
        fixed.returncode == 2
        and "ran out of time (2.0 s); the file was not changed" in fixed.stderr
    )
    assert (tmp_path / "slow.txt").read_text(encoding="utf-8") == slow
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == FIXED_TYPO
    records = [{"id": "slow", "text": slow}, {"id": "ok", "text": TYPO}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    lines = run_seedlint("check", "--no-cache", "--jsonl", "c.jsonl", cwd=tmp_path, timeout=120)
    assert lines.returncode == 2 and "c.jsonl#slow: HS900 [house-rule]" in lines.stderr
    assert "c.jsonl#ok:3:5: SL203" in lines.stdout
