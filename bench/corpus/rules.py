"""Cost of the corpus rules through the command line: per 1,000 documents in a whole
``seedlint check`` (every default rule, against the same run with the corpus rules
ignored), and for one new file checked against a kept 100,000-document index, as
pre-commit runs it (a fresh process: start, configuration, rules, loading the index,
linting and fingerprinting the file, the corpus pass, the journal written). Prints
figures; a benchmark, not a unit test. Run by bench/corpus/run.py, or alone:

    python bench/corpus/rules.py --check-size 10000 --index-size 100000

The documents are bench/corpus/run.py's synthetic corpus written out as files (1% exact
copies, 1% near-copies, 2% with a boilerplate paragraph), in a folder that a
``seedlint.yaml`` names as the corpus (``paths``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import SEED, corpus, near  # noqa: E402

RUNS = 3  # each timing is the median (whole corpus) or best (pre-commit) of this many
NEW_FILES = 3  # pre-commit: a different new file each run, as commits bring them


def write(folder: Path, size: int) -> None:
    for key, text in corpus(size):
        path = folder / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "seedlint.yaml").write_text("paths: [corpus]\n", encoding="utf-8")


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def seedlint(folder: Path, *args: str) -> tuple[float, int, str, float]:
    """(seconds, peak RSS in bytes, stdout, CPU seconds) of one ``seedlint`` run in a
    fresh process (CPU time: user and system, of the process and its workers). Peak RSS
    comes from GNU time where it is installed: the ``ru_maxrss`` that ``os.wait4`` gives
    never reads below this process's own RSS at the fork, and this process has just
    written the corpus (bench/speed/run.py measures the same way)."""
    command = [sys.executable, "-m", "seedlint", *args]
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r") as rss,
    ):
        if GNU_TIME:
            command = [GNU_TIME, "-f", "%M", "-o", rss.name, *command]
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=folder,
            stdout=out,
            stderr=err,
            env={**os.environ, "NO_COLOR": "1"},
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode not in (0, 1):
            raise RuntimeError(f"seedlint {' '.join(args)} failed: {err.read().decode()}")
        lines = rss.read().split()  # "Command exited with non-zero status N" may come first
        peak_kb = int(lines[-1]) if GNU_TIME and lines else usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime
        return elapsed, peak_kb * 1024, out.read().decode(), cpu


def check_cost(size: int) -> dict[str, float]:
    """Seconds per 1,000 documents of a whole check with and without the corpus rules."""
    with tempfile.TemporaryDirectory(prefix="seedlint-corpus-rules-") as name:
        folder = Path(name)
        write(folder, size)
        common = ("check", "corpus", "--no-cache", "--format", "concise", "-q")
        options = {"with": (), "without": ("--ignore", "SL5"), "alone": ("--select", "SL5")}
        times: dict[str, list[tuple[float, float]]] = {key: [] for key in options}
        for _ in range(RUNS):  # interleaved, so that a busy moment hits each alike
            for key, extra in options.items():
                seconds, _, _, cpu = seedlint(folder, *common, *extra)
                times[key].append((seconds, cpu))
        figures: dict[str, float] = {"documents": size}
        for key, runs in times.items():
            figures[f"{key}_per_1000"] = statistics.median(r[0] for r in runs) / size * 1000
            figures[f"{key}_cpu_per_1000"] = statistics.median(r[1] for r in runs) / size * 1000
        for unit in ("", "cpu_"):
            figures[f"corpus_{unit}per_1000"] = (
                figures[f"with_{unit}per_1000"] - figures[f"without_{unit}per_1000"]
            )
        return figures


def pre_commit(size: int) -> dict[str, object]:
    """One new file against a kept index of ``size`` documents (see the docstring)."""
    with tempfile.TemporaryDirectory(prefix="seedlint-corpus-index-") as name:
        folder = Path(name)
        write(folder, size)
        build, build_rss, _, build_cpu = seedlint(
            folder, "check", "corpus", "--select", "SL5", "--cache-dir", "cache", "-q"
        )
        index_bytes = sum(p.stat().st_size for p in (folder / "cache").glob("corpus-*"))
        rng = random.Random(SEED)
        documents = corpus(min(size, 2000))
        runs = []
        for number in range(NEW_FILES):
            new = folder / "corpus" / "new" / f"document-{number}.txt"
            new.parent.mkdir(exist_ok=True)
            new.write_text(near(documents[1500 + number][1], rng), encoding="utf-8")
            seconds, rss, out, cpu = seedlint(
                folder, "check", str(new.relative_to(folder)), "--cache-dir", "cache",
                "--format", "concise", "-q",
            )  # fmt: skip
            without = seedlint(
                folder, "check", str(new.relative_to(folder)), "--cache-dir", "cache",
                "--format", "concise", "-q", "--ignore", "SL5",
            )  # fmt: skip
            runs.append((seconds, rss, out.strip(), cpu, without[0], without[3]))
        best = min(runs)
        return {
            "documents": size,
            "build": build,
            "build_cpu": build_cpu,
            "build_rss": build_rss,
            "index_bytes": index_bytes,
            "best": best[0],
            "median": statistics.median(r[0] for r in runs),
            "cpu": statistics.median(r[3] for r in runs),
            "without": statistics.median(r[4] for r in runs),
            "without_cpu": statistics.median(r[5] for r in runs),
            "rss": best[1],
            "findings": best[2],
        }


def report(check_size: int, index_size: int) -> None:
    cost = check_cost(check_size)
    print(f"\n`seedlint check` of {check_size:,} files (every default rule, no cache, "
          f"2 workers), median of {RUNS}, seconds per 1,000 documents:")  # fmt: skip
    print(
        f"- with the corpus rules {cost['with_per_1000']:.2f} s, without them (--ignore SL5) "
        f"{cost['without_per_1000']:.2f} s: the corpus rules cost "
        f"{cost['corpus_per_1000']:.2f} s per 1,000 documents "
        f"({cost['corpus_cpu_per_1000']:.2f} s of CPU); the corpus rules alone "
        f"(--select SL5) {cost['alone_per_1000']:.2f} s"
    )
    kept = pre_commit(index_size)
    print(f"\nOne new file against a kept {index_size:,}-document index (pre-commit style, "
          f"`seedlint check FILE` with every default rule, a fresh process):")  # fmt: skip
    print(
        f"- best {kept['best']:.3f} s, median {kept['median']:.3f} s of {NEW_FILES} new files "
        f"(median CPU {kept['cpu']:.3f} s); the same check without the corpus rules "
        f"{kept['without']:.3f} s (CPU {kept['without_cpu']:.3f} s); "
        f"peak RSS {float(kept['rss']) / 1e6:.0f} MB"
    )
    print(f"- findings: {kept['findings']!r}")
    print(
        f"- building the index first (`seedlint check corpus --select SL5`): "
        f"{kept['build']:.1f} s ({kept['build_cpu']:.1f} s of CPU), peak RSS "
        f"{float(kept['build_rss']) / 1e6:.0f} MB, {float(kept['index_bytes']) / 1e6:.1f} MB kept"
    )
    print(f"- load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-size", type=int, default=10_000)
    parser.add_argument("--index-size", type=int, default=100_000)
    args = parser.parse_args()
    report(args.check_size, args.index_size)


if __name__ == "__main__":
    main()
