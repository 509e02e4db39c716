"""The progress line: drawn on a terminal for long runs, absent from pipes and CI logs."""

from __future__ import annotations

import io
import time

from seedlint.output import progress
from seedlint.output.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_for_long_runs(monkeypatch) -> None:
    monkeypatch.setattr(progress, "MIN_SECONDS", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    bar = Progress(200, "files", stream)
    for _ in range(100):
        bar.advance()
        time.sleep(0.0005)
    bar.close()
    out = stream.getvalue()
    assert "\r100/200 files " in out and "left" in out
    assert out.endswith("\r\x1b[K")


def test_progress_is_silent_off_a_terminal_and_under_ci(monkeypatch) -> None:
    monkeypatch.setattr(progress, "MIN_SECONDS", 0.0)
    piped = io.StringIO()
    bar = Progress(10, "files", piped)
    bar.advance(10)
    bar.close()
    assert piped.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    terminal = Terminal()
    Progress(10, "files", terminal).advance(10)
    assert terminal.getvalue() == ""


def test_records_without_a_total_show_count_and_rate() -> None:
    bar = Progress(None, "records", io.StringIO(), enabled=True)
    bar.done = 1500
    assert bar.line(bar.start + 3).startswith("1,500 records 500/s")
