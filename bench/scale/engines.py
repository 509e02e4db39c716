"""Records per second of check and fix on a sharded JSON Lines corpus, for the local
engine (1 and 2 processes) and the Dask engine (a LocalCluster of 1 and 2 workers); the
Dask engine's fixed start-up and its overhead per task (one shard = one task). Prints a
Markdown table and the figures as JSON; a benchmark, not a unit test.

The corpus repeats the Wikinews seeds of tests/data/wikinews (CC BY 2.5) with distinct
ids, so the duplicate rule fires on most records: a heavy case for the corpus pass.

    python bench/scale/engines.py                 # 50 MB in 20 shards, about 15 minutes
    python bench/scale/engines.py --megabytes 500 --shards 200
    python bench/scale/engines.py --megabytes 5   # a quick look
    python bench/scale/engines.py --engines dask --workers 2 --ignore SL5   # without the
                                                  # corpus rules: their cost is the difference
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "distributed"))

from corpus_shards import write_shards  # noqa: E402

RECORD_BYTES = 2630  # the average record of corpus_shards.jsonl_bytes, measured
OVERHEAD_TASKS = 200  # one-record shards, against one shard of as many records
# peak RSS of the largest process the run waited for, as bench/scale/run.py measures it,
# and the CPU time of every process of the run (on a shared machine, wall time is not
# the work's alone: CPU time per record is what capacity planning starts from)
MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"code": code, "seconds": seconds, "rss": usage.ru_maxrss * 1024, "cpu": cpu}))
"""


def measure(*args: str, cwd: Path) -> dict[str, float]:
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "seedlint", *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=7200)
    figures: dict[str, float] = json.loads(result.stdout)
    assert figures["code"] in (0, 1), result.stderr  # ran; 1: problems found
    return figures


def engines(workers: list[int], kinds: list[str]) -> list[tuple[str, list[str]]]:
    runs = []
    if "local" in kinds:
        runs += [(f"local, {n} process{'es' * (n > 1)}", ["--jobs", str(n)]) for n in workers]
    if "dask" in kinds:
        runs += [
            (f"dask, {n} worker{'s' * (n > 1)}", ["--engine", "dask", "--jobs", str(n)])
            for n in workers
        ]
    return runs


def throughput(
    folder: Path,
    records: int,
    runs: list[tuple[str, list[str]]],
    commands: list[str],
    ignore: list[str],
) -> list[dict[str, object]]:
    rows = []
    common = ["--isolated", "--jsonl", "corpus", *ignore]
    for command in commands:
        for number, (name, flags) in enumerate(runs):
            # a folder per run: a fix into one that a Dask run used would resume it
            output = ["--output-dir", f"out{number}"]
            extra = ["--format", "concise"] if command == "check" else output
            figures = measure(command, *common, *extra, *flags, cwd=folder)
            figures |= {"command": command, "engine": name, "records": records}
            figures["per_second"] = records / figures["seconds"]
            rows.append(figures)
            print(
                f"| {command} | {name} | {figures['seconds']:.1f} s | "
                f"{figures['per_second']:.0f} | {figures['cpu'] / records * 1000:.2f} ms | "
                f"{figures['rss'] / 1e6:.0f} MB |",
                flush=True,
            )
    return rows


def overhead(folder: Path, ignore: list[str]) -> dict[str, float]:
    """The Dask engine's start-up (one tiny shard, against the local engine), and its
    cost per task: OVERHEAD_TASKS one-record shards against one shard of as many
    records, on one worker, so that the difference is the tasks' alone."""
    write_shards(folder / "one", 1, 1)
    write_shards(folder / "many", OVERHEAD_TASKS, 1)
    write_shards(folder / "single", 1, OVERHEAD_TASKS)
    check = ["check", "--isolated", "--jsonl", "--format", "concise", *ignore]
    local = measure(*check, "one", "--jobs", "1", cwd=folder)["seconds"]
    dask = ["--engine", "dask", "--jobs", "1"]
    start = measure(*check, "one", *dask, cwd=folder)["seconds"]
    many = measure(*check, "many", *dask, cwd=folder)["seconds"]
    single = measure(*check, "single", *dask, cwd=folder)["seconds"]
    per_task = (many - single) / (OVERHEAD_TASKS - 1)
    return {"local_start": local, "dask_start": start, "per_task": per_task}


def parent_cost(
    folder: Path, records: int, commands: list[str], ignore: list[str]
) -> dict[str, float]:
    """CPU time per record of the seedlint process alone (it orders the results, reports,
    runs the corpus pass): the run uses a dask scheduler and worker started here, whose
    CPU time is not the measured process's."""
    from cluster_fixtures import start_cluster, stop_cluster

    cluster = start_cluster(folder / "cluster", workers=1)
    costs = {}
    try:
        for command in commands:
            extra = ["--format", "concise"] if command == "check" else ["--output-dir", "outp"]
            figures = measure(
                command, "--isolated", "--jsonl", "corpus", *extra,
                "--engine", "dask", "--scheduler", cluster.address, *ignore, cwd=folder,
            )  # fmt: skip
            costs[command] = figures["cpu"] / records
    finally:
        stop_cluster(cluster)
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--workers", default="1,2", help="process counts, comma-separated")
    parser.add_argument("--commands", default="check,fix", help="commands, comma-separated")
    parser.add_argument("--engines", default="local,dask", help="engines, comma-separated")
    parser.add_argument("--no-overhead", action="store_true", help="skip the per-task runs")
    parser.add_argument(
        "--parent", action="store_true", help="only the seedlint process's CPU per record"
    )
    parser.add_argument("--ignore", help="codes to pass to --ignore (SL5: the corpus rules)")
    args = parser.parse_args()
    workers = [int(n) for n in args.workers.split(",")]
    records = int(args.megabytes * 1e6 / RECORD_BYTES)
    per_shard = max(1, records // args.shards)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        paths = write_shards(folder / "corpus", args.shards, per_shard)
        size = sum(p.stat().st_size for p in paths)
        total = per_shard * args.shards
        print(f"corpus: {args.shards} shards, {total} records, {size / 1e6:.1f} MB\n")
        ignore = ["--ignore", args.ignore] if args.ignore else []
        if args.parent:
            commands = args.commands.split(",")
            for command, cpu in parent_cost(folder, total, commands, ignore).items():
                print(f"{command}: the seedlint process, {cpu * 1000:.2f} ms CPU per record")
            return
        print(
            "| command | engine | wall time | records/s | CPU per record "
            "| peak RSS (largest process) |"
        )
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        runs = engines(workers, args.engines.split(","))
        rows = throughput(folder, total, runs, args.commands.split(","), ignore)
        costs = {"local_start": 0.0, "dask_start": 0.0, "per_task": 0.0}
        if not args.no_overhead:
            costs = overhead(folder, ignore)
    print(
        f"\nstart-up: local {costs['local_start']:.2f} s, dask {costs['dask_start']:.2f} s; "
        f"dask overhead per task: {costs['per_task'] * 1000:.1f} ms"
    )
    print(json.dumps({"corpus_bytes": size, "runs": rows, "overhead": costs}, indent=1))


if __name__ == "__main__":
    main()
