"""A long fuzz run of seedlint: the Python API, the command line, JSON Lines corpora and
rule files.

    python bench/fuzz/run.py --minutes 10 --mode api --out api.json
    python bench/fuzz/run.py --minutes 10 --mode cli --out cli.json
    python bench/fuzz/run.py --minutes 10 --mode jsonl --out jsonl.json
    python bench/fuzz/run.py --minutes 10 --mode rules --out rules.json

Each mode is a module (mode_api.py, mode_cli.py, mode_jsonl.py, mode_rules.py) that says
what it generates and what it checks. The run goes on in rounds of ``--examples``
examples, each round with a fresh random seed, until the time is up; a failing round is
recorded (the error and hypothesis's shrunk example, whose input files are saved under
``--keep``) and the run goes on.

A failure is shrunk and reported once: a later round that meets it again counts a repeat
and goes on searching. The summary (examples, documents, runs, crashes, non-idempotent
fixes, time-outs, other failures, repeats) is printed as JSON and written to ``--out``.
Exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

MODES = ("api", "cli", "jsonl", "rules")
SHOWN_FAILURE = 4000  # characters of a failure's report in the summary
# Shrinking a failure that runs subprocesses can take hypothesis's full five minutes; a
# shorter bound leaves time for the rest of the run and still gives a small example.
SHRINKING_SECONDS = 60


def load_mode(name: str) -> ModuleType:
    import importlib

    return importlib.import_module(f"mode_{name}")


def run_round(test: Callable[[], None], examples: int, seed: int) -> None:
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    random.seed(seed)
    hypothesis.seed(seed)(config(test))()  # a fresh, reproducible seed per round


def record(stats: Any, seed: int, error: BaseException, keeper: Any, keep: Path | None) -> None:
    """Count a failed round's failures (hypothesis groups distinct ones), and keep the
    input of the last one shrunk."""
    where = ""
    if keep is not None and keeper.failing:
        folder = keep / f"{stats.mode}-seed{seed}"
        keeper.save(folder)
        where = f" (input: {folder})"
    from harness import reported

    for leaf in _leaves(error):
        reported(leaf)
        count(stats, leaf)
        stats.failures.append(f"seed {seed}{where}: {_summary(leaf)}")


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def count(stats: Any, error: BaseException) -> None:
    from harness import Crash, NotIdempotent, TooSlow

    if isinstance(error, NotIdempotent):
        stats.non_idempotent += 1
    elif isinstance(error, TooSlow):
        stats.timeouts += 1
    elif isinstance(error, Crash) or not isinstance(error, AssertionError):
        stats.crashes += 1  # a traceback of seedlint, or an exception of its API
    else:
        stats.other_failures += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--mode", choices=MODES, default="api")
    parser.add_argument("--examples", type=int, default=0, help="per round (default by mode)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keep", type=Path, help="folder for the input files of failed examples")
    parser.add_argument("--shrink-seconds", type=int, default=SHRINKING_SECONDS)
    args = parser.parse_args()
    from harness import Keeper, Stats
    from hypothesis.internal.conjecture import engine

    engine.MAX_SHRINKING_SECONDS = args.shrink_seconds

    mode = load_mode(args.mode)
    examples = args.examples or mode.EXAMPLES_PER_ROUND
    stats = Stats(args.mode)
    keeper = Keeper(stats)
    started = time.monotonic()
    seed = args.seed
    while time.monotonic() - started < args.minutes * 60:
        stats.rounds += 1
        keeper.failing = {}
        try:
            run_round(mode.test(stats, keeper), examples, seed)
        except Exception as error:  # a failed round: recorded, and the run goes on
            record(stats, seed, error, keeper, args.keep)
        seed += 1
        stats.seconds = round(time.monotonic() - started, 1)
        if args.out:
            args.out.write_text(json.dumps(_shown(stats), indent=2) + "\n", encoding="utf-8")
    print(json.dumps(_shown(stats), indent=2))
    return 1 if stats.failed else 0


def _shown(stats: Any) -> dict[str, Any]:
    return asdict(stats)


def _summary(error: BaseException) -> str:
    """The error and its notes (hypothesis's failing example), cut to a readable length:
    the input itself is kept in full under --keep."""
    text = "".join(traceback.format_exception_only(type(error), error)).strip()
    return text if len(text) <= SHOWN_FAILURE else text[: SHOWN_FAILURE - 1] + "…"


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    # the runs' word-list and result caches go to a folder of their own, not the user's
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="seedlint-fuzz-cache-"))
    sys.exit(main())
