"""What every fuzz mode shares: the run's figures, the kinds of failure, running the real
command line with a time bound, the checks every run must pass, and keeping the input of
a failed example so that it can be reproduced.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

TRACEBACK = "Traceback (most recent call last)"
INTERNAL_ERROR = "internal error ("
ERROR_PREFIX = "seedlint: error: "
DEFAULT_TIME_BOUND = 600.0  # seconds a command-line run may take before it is a failure


@dataclass
class Stats:
    mode: str
    seconds: float = 0.0
    rounds: int = 0
    examples: int = 0
    documents: int = 0  # api: texts and files; cli: files; jsonl: usable records
    characters: int = 0  # of text or bytes generated
    lines: int = 0  # jsonl: lines of the generated corpora
    rule_files: int = 0  # rules: rule files written
    cli_runs: int = 0
    crashes: int = 0
    non_idempotent: int = 0
    timeouts: int = 0
    other_failures: int = 0
    repeats: int = 0  # examples that hit a failure an earlier round reported
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.crashes + self.non_idempotent + self.timeouts + self.other_failures


class Crash(AssertionError):
    """seedlint printed a traceback, or reported an internal error."""


class NotIdempotent(AssertionError):
    """Fixing the output of a fix changed it."""


class TooSlow(AssertionError):
    """A command-line run took longer than its time bound."""


_KINDS: dict[tuple[type[AssertionError], str], type[AssertionError]] = {}
SEEDLINT_FRAME = re.compile(r'File "[^"]*/(seedlint/[^"]+)", line (\d+)')
EXCEPTION_LINE = re.compile(r"^([\w.]*(?:Error|Exception|Exit|Interrupt|Converge)\b)", re.M)


# signatures of the failures that earlier rounds reported (and shrank)
REPORTED: set[str] = set()


class Repeat(Exception):
    """A failure that an earlier round already reported: counted, not shrunk again, so
    that a known problem does not take each round's time from the search for others."""


def failure(base: type[AssertionError], signature: str, message: str) -> Exception:
    """An exception of a subclass of ``base`` made for ``signature``: hypothesis tells
    failures apart by their type and place, so each distinct problem is found, shrunk and
    reported on its own instead of hiding behind the first one of its round. A failure
    reported by an earlier round is a ``Repeat``."""
    if signature in REPORTED:
        return Repeat(signature)
    key = (base, signature)
    if key not in _KINDS:
        name = f"{base.__name__}_{len(_KINDS) + 1}"
        _KINDS[key] = type(name, (base,), {"signature": signature})
    return _KINDS[key](message)


def traceback_signature(stderr: str) -> str:
    """Where a traceback ends in seedlint, and the exception it ends with."""
    frames = SEEDLINT_FRAME.findall(stderr)
    exceptions = EXCEPTION_LINE.findall(stderr)
    place = f"{frames[-1][0]}:{frames[-1][1]}" if frames else "?"
    return f"{exceptions[-1] if exceptions else '?'} at {place}"


def reported(error: BaseException) -> None:
    """Record a failure a round reported, so that later rounds count it as a repeat."""
    signature = getattr(type(error), "signature", None)
    if signature is not None:
        REPORTED.add(signature)


class Keeper:
    """The input files of the example being run; those of the last example that failed
    (hypothesis replays the shrunk one last) are what a failed round saves."""

    def __init__(self, stats: Stats) -> None:
        self.stats = stats
        self.current: dict[str, bytes] = {}
        self.failing: dict[str, bytes] = {}

    @contextmanager
    def example(self) -> Iterator[None]:
        """Around one example: its inputs are kept when it fails; a repeat of a failure
        already reported is counted and ends the example quietly."""
        self.current = {}
        try:
            yield
        except Repeat:
            self.stats.repeats += 1
        except BaseException:
            self.failing = dict(self.current)
            raise

    def note(self, name: str, data: bytes) -> None:
        self.current[name] = data

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.failing.items():
            (folder / name).write_bytes(data)


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", **(extra or {})}
    env.pop("FORCE_COLOR", None)
    return env


def cli(
    stats: Stats,
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    time_bound: float = DEFAULT_TIME_BOUND,
) -> subprocess.CompletedProcess[bytes]:
    """The real command line, as a subprocess through this interpreter, one core."""
    stats.cli_runs += 1
    command = [sys.executable, "-m", "seedlint", *args]
    try:
        return subprocess.run(
            command, cwd=cwd, env=environment(env), capture_output=True, timeout=time_bound
        )
    except subprocess.TimeoutExpired:
        what = " ".join(args)
        raise failure(TooSlow, args[0], f"seedlint {what}: over {time_bound:g} s") from None


def verify(result: subprocess.CompletedProcess[bytes], allowed: Iterable[int]) -> tuple[str, str]:
    """(stdout, stderr) of a run that printed no traceback, only UTF-8, and exited with an
    allowed code."""
    stderr = result.stderr.decode("utf-8")  # must be valid UTF-8
    stdout = result.stdout.decode("utf-8")
    what = " ".join(str(a) for a in result.args[3:])
    if TRACEBACK in stderr or TRACEBACK in stdout:
        signature = traceback_signature(stderr + stdout)
        raise failure(Crash, signature, f"seedlint {what}: traceback:\n{_tail(stderr)}")
    if INTERNAL_ERROR in stderr:
        signature = stderr[stderr.index(INTERNAL_ERROR) :].split(":")[0]
        raise failure(Crash, signature, f"seedlint {what}: {_tail(stderr)}")
    allowed = set(allowed)
    if result.returncode not in allowed:
        signature = f"{result.args[3]}: exit {result.returncode} for {sorted(allowed)}"
        raise failure(
            AssertionError,
            signature,
            f"seedlint {what}: exit {result.returncode}, expected one of {sorted(allowed)}: "
            f"{_tail(stderr)}",
        )
    return stdout, stderr


def _tail(text: str, limit: int = 1500) -> str:
    return text if len(text) <= limit else "…" + text[-limit:]
