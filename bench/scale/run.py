"""Large and adversarial input: time and memory of seedlint on a 1 MB line, a 10 MB and a
100 MB file, a folder of 100,000 small files, and lines built to hit the worst case of a
pattern or loop (each must scale linearly: four times the text in about four times the
time). Prints figures and PASS/MISS against the bounds; a benchmark, not a unit test.

    python bench/scale/run.py            # everything, about 5 minutes
    python bench/scale/run.py --quick    # 1 MB line, 10 MB file, adversarial lines
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from wikinews import seeds  # noqa: E402

MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": code, "seconds": seconds, "rss": rss}))
"""

# Lines made to hit the worst case of a pattern or a loop.
ADVERSARIAL = {
    "spaces then a letter": lambda n: " " * n + "x",
    "no-break spaces then a letter": lambda n: "\u00a0" * n + "x",
    "a full stop, no-break spaces, a letter": lambda n: "." + "\u00a0" * n + "x",
    "line breaks then a letter": lambda n: "\n" * n + "x",
    "carriage returns then a letter": lambda n: "\r" * n + "x",
    "blank lines of spaces": lambda n: " \n" * (n // 2) + "x",
    "opening quotes": lambda n: "“" * n,
    "opening brackets": lambda n: "(" * n,
    "closing brackets": lambda n: ")" * n,
    "zero-width spaces": lambda n: "\u200b" * n,
    "tabs between words": lambda n: "a\tb " * (n // 4),
    "entities": lambda n: "&amp;" * (n // 5),
    "mojibake": lambda n: "é" * (n // 2) + "€" * (n // 2) + "x",
    "bad bytes": lambda n: "a\udce9" * (n // 2),
    "words and typos": lambda n: "the goverment dont UKs " * (n // 23),
}


def measure(*args: str, cwd: Path) -> dict:
    """Exit code, wall time and peak RSS (bytes) of one seedlint run, read with
    getrusage(RUSAGE_CHILDREN) in a process of its own so that no other child counts."""
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "seedlint", *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800)
    return json.loads(result.stdout)


def news_text(size: int) -> str:
    """About ``size`` bytes of real news paragraphs as one seed."""
    bodies = [text.partition("\n\n")[2].strip() for _, text in seeds("en")]
    block = "\n\n".join(bodies)
    repeats = size // len(block.encode("utf-8")) + 1
    return "date 2024-01-18 A large seed\n\n" + "\n\n".join([block] * repeats) + "\n"


def row(name: str, figures: dict, bound: str, ok: bool) -> None:
    print(
        f"| {name} | {figures['seconds']:.1f} s | {figures['rss'] / 1e6:.0f} MB | {bound} | "
        f"{'PASS' if ok else 'MISS'} |"
    )


def adversarial() -> None:
    import seedlint

    linter = seedlint.Linter()
    seedlint.fix_text("warm up", linter=linter)
    print("\n| worst case (lint and fix) | 50 kB | 200 kB | ratio | linear (< 8x) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, make in ADVERSARIAL.items():
        times = []
        for n in (50_000, 200_000):
            started = time.perf_counter()
            seedlint.fix_text("date 2024-01-18 T\n\n" + make(n) + "\n", linter=linter)
            times.append(time.perf_counter() - started)
        small, large = times
        ok = large < 8 * small + 0.5
        print(
            f"| {name} | {small:.2f} s | {large:.2f} s | {large / max(small, 1e-9):.1f} | "
            f"{'PASS' if ok else 'MISS'} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("| input | time | peak RSS | bound | |")
        print("| --- | ---: | ---: | --- | --- |")
        words = " ".join(news_text(1_200_000).partition("\n\n")[2].split())
        line = words.encode("utf-8")[:1_000_000].decode("utf-8", "ignore").rsplit(" ", 1)[0]
        (work / "line.txt").write_text(f"date 2024-01-18 One line\n\n{line}.\n", encoding="utf-8")
        checked = measure("check", "--no-cache", "line.txt", cwd=work)
        row(
            "1 MB line, check",
            checked,
            "< 30 s, < 1 GB",
            checked["seconds"] < 30 and checked["rss"] < 1e9,
        )
        fixed = measure("fix", "--in-place", "line.txt", cwd=work)
        row(
            "1 MB line, fix --in-place",
            fixed,
            "< 60 s, < 1 GB",
            fixed["seconds"] < 60 and fixed["rss"] < 1e9,
        )
        text = news_text(10_000_000 if args.quick else 100_000_000)
        (work / "big.txt").write_text(text, encoding="utf-8")
        (work / "tenth.txt").write_text(text[: len(text) // 10], encoding="utf-8")
        del text
        tenth = measure("check", "--no-cache", "tenth.txt", cwd=work)
        whole = measure("check", "--no-cache", "big.txt", cwd=work)
        size = "10 MB" if args.quick else "100 MB"
        row(f"{size} file, check (a tenth of it first)", tenth, "", True)
        linear = whole["seconds"] < 20 * tenth["seconds"] and whole["rss"] < 15 * tenth["rss"]
        row(f"{size} file, check", whole, "10x the text: < 20x time, < 15x memory", linear)
        if not args.quick:
            seeds_folder = work / "seeds"
            clean = "date 2024-01-18 T\n\nClean text.\n"
            for branch in range(100):
                (seeds_folder / f"{branch:02d}").mkdir(parents=True)
                for leaf in range(1000):
                    (seeds_folder / f"{branch:02d}" / f"{leaf:03d}.txt").write_text(clean)
            many = measure("check", "--no-cache", "seeds", cwd=work)
            row(
                "100,000 small files, check",
                many,
                "< 400 s, < 1 GB",
                many["seconds"] < 400 and many["rss"] < 1e9,
            )
    adversarial()


if __name__ == "__main__":
    main()
