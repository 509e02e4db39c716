"""A one-line progress display for long runs: done, rate and time left, on standard error
when it is a terminal, and never otherwise (CI logs, pipes and redirects stay clean)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_SECONDS = 1.0  # runs shorter than this never show a progress line
EVERY = 0.1  # seconds between redraws


class Progress:
    def __init__(
        self, total: int | None, unit: str, stream: TextIO = sys.stderr, enabled: bool | None = None
    ) -> None:
        self.total, self.unit, self.stream = total, unit, stream
        terminal = hasattr(stream, "isatty") and stream.isatty()
        self.enabled = terminal and not os.environ.get("CI") if enabled is None else enabled
        self.done = 0
        self.start = self.drawn = time.monotonic()
        self.shown = False

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and now - self.start >= MIN_SECONDS and now - self.drawn >= EVERY:
            self.drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self.shown = True

    def line(self, now: float) -> str:
        rate = self.done / max(now - self.start, 1e-9)
        text = f"{self.done:,}"
        if self.total:
            text += f"/{self.total:,}"
        text += f" {self.unit} {rate:,.0f}/s"
        if self.total and rate:
            left = int((self.total - self.done) / rate)
            text += f" {left // 60}:{left % 60:02d} left"
        return text

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
