"""Every pair of options of ``check``, ``fix`` and ``report`` either works or is refused
in one line with exit 2: nothing given on the command line is silently ignored.

The expected refusals are written out below, pair by pair, from what each option means;
every other pair must run (exit 0 or 1, no error). The runs (several hundred) go through
``seedlint.commands.cli.main`` in one separate Python process, each in a fresh copy of a
small project, with standard input, output and error of its own.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap

import pytest

from conftest import seed

pytestmark = pytest.mark.slow

TYPO = seed("The Deputy Prime Minster spoke.")
SETTINGS = {"config", "isolated", "select", "extend-select", "ignore", "fail-on", "stdin", "named"}
STDIN = {"stdin", "named"}
RECORDS = {"jsonl", "fields"}

# name -> the arguments it adds; "stdin" and "named" replace the path with "-"
COMMON = {
    "config": ["--config", "seedlint.yaml"],
    "isolated": ["--isolated"],
    "jobs": ["--jobs", "1"],
    "jsonl": ["--jsonl"],
    "fields": ["--jsonl", "--text-field", "text", "--id-field", "id"],
    "stdin": [],
    "named": ["--stdin-filename", "corpus/a.txt"],
    "force-exclude": ["--force-exclude"],
    "select": ["--select", "SL2"],
    "extend-select": ["--extend-select", "SL0"],
    "ignore": ["--ignore", "SL201"],
    "fail-on": ["--fail-on", "error"],
    "exit-zero": ["--exit-zero"],
    "quiet": ["--quiet"],
    "show-settings": ["--show-settings"],
}
FORMATS = ("concise", "json", "json-lines", "github", "sarif", "junit")
OPTIONS = {
    "check": {
        **COMMON,
        **{f"format-{f}": ["--format", f] for f in FORMATS},
        "output-file": ["--output-file", "report.out"],
        "statistics": ["--statistics"],
        "no-cache": ["--no-cache"],
        "cache-dir": ["--cache-dir", "cache"],
        "baseline": ["--baseline", "base.json"],
        "write-baseline": ["--write-baseline", "new.json"],
    },
    "fix": {
        **COMMON,
        "output-dir": ["--output-dir", "out"],
        "in-place": ["--in-place"],
        "diff": ["--diff"],
        "unsafe-fixes": ["--unsafe-fixes"],
        "show-fixes": ["--show-fixes"],
        "exit-non-zero-on-fix": ["--exit-non-zero-on-fix"],
        "format-json": ["--format", "json"],
        "no-cache": ["--no-cache"],
    },
    "report": {
        **COMMON,
        "title": ["--title", "A title"],
        "generated": ["--generated", "2024-01-18"],
    },
}


def same_option(a: str, b: str) -> bool:
    """Two settings of one option: the later would simply win."""
    return (
        (a.startswith("format-") and b.startswith("format-"))
        or {a, b} == RECORDS
        or {a, b} == STDIN
    )


def refused(command: str, pair: set[str]) -> bool:
    """Whether the pair must be refused, from what the options mean."""
    if "show-settings" in pair and not pair <= SETTINGS | {"show-settings"}:
        return True  # it prints the settings instead of running: nothing else applies
    if pair == {"isolated", "config"}:
        return True
    if pair & RECORDS and pair & STDIN:
        return True  # records are read from files
    if command == "check":
        statistics_elsewhere = {f"format-{f}" for f in ("json-lines", "github", "sarif", "junit")}
        return (
            ("statistics" in pair and bool(pair & statistics_elsewhere))
            or pair == {"no-cache", "cache-dir"}
            or ("cache-dir" in pair and bool(pair & (RECORDS | STDIN)))
            or pair == {"baseline", "write-baseline"}
        )
    if command == "fix":
        where = {"output-dir", "in-place", "diff"}
        return (
            len(pair & where) == 2
            or pair in ({"diff", "format-json"}, {"diff", "show-fixes"})
            or pair == {"format-json", "show-fixes"}
            or ("diff" in pair and bool(pair & RECORDS))
            or (bool(pair & STDIN) and bool(pair & {"in-place", "output-dir", "format-json"}))
        )
    return False


def argv(command: str, pair: tuple[str, ...]) -> list[str]:
    options = OPTIONS[command]
    args = [command, "-" if set(pair) & STDIN else "corpus"]
    if command == "report" and "show-settings" not in pair:
        args += ["--output", "report.html"]
    for name in pair:
        args += options[name]
    return args


def runs() -> list[list[str]]:
    found = []
    for command, options in OPTIONS.items():
        names = sorted(options)
        pairs = [(n,) for n in names] + [
            p for p in itertools.combinations(names, 2) if not same_option(*p)
        ]
        found += [argv(command, p) for p in pairs]
    return found


DRIVER = textwrap.dedent(
    """
    import io, json, os, shutil, sys
    from seedlint.commands.cli import main

    template, work, runs = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
    stdin_text = open(os.path.join(template, "corpus", "a.txt"), "rb").read()
    results = []
    for number, args in enumerate(runs):
        folder = os.path.join(work, str(number))
        shutil.copytree(template, folder)
        os.chdir(folder)
        streams = [io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2)]
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_text), encoding="utf-8")
        sys.stdout, sys.stderr = streams
        try:
            code = main(args)
        except SystemExit as exit:
            code = exit.code
        except BaseException as error:
            code = "raised " + type(error).__name__ + ": " + str(error)
        output = []
        for stream in streams:
            stream.flush()
            output.append(stream.buffer.getvalue().decode("utf-8", "replace"))
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        os.chdir(work)
        shutil.rmtree(folder)
        results.append({"args": args, "code": code, "stdout": output[0], "stderr": output[1]})
    print(json.dumps(results))
    """
)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    template = tmp_path_factory.mktemp("template")
    (template / "corpus").mkdir()
    (template / "corpus" / "a.txt").write_text(TYPO, encoding="utf-8")
    record = {"id": "r1", "text": TYPO}
    (template / "corpus" / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (template / "seedlint.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    (template / "base.json").write_text('{"version": 1, "entries": []}\n', encoding="utf-8")
    work = tmp_path_factory.mktemp("runs")
    listed = work / "runs.json"
    listed.write_text(json.dumps(runs()), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(template), str(work), str(listed)],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_every_pair_works_or_is_refused_in_one_line(results: list[dict[str, object]]) -> None:
    assert len(results) == len(runs()) > 700
    refusals = [r for r in results if refused(r["args"][0], set(_names(r["args"])))]  # type: ignore[index,arg-type]
    assert 60 < len(refusals) < len(results) - 400  # both kinds are well represented
    wrong = []
    for result in results:
        args = result["args"]
        assert isinstance(args, list)
        stderr = str(result["stderr"])
        pair = set(_names(args))
        if refused(args[0], pair):
            ok = (
                result["code"] == 2
                and result["stdout"] == ""
                and len(stderr.splitlines()) == 1
                and stderr.startswith("seedlint")
                and ": error: " in stderr
            )
        else:
            ok = result["code"] in (0, 1) and "seedlint: error" not in stderr
            ok = ok and "Traceback" not in stderr
        if not ok:
            wrong.append(f"{' '.join(args)} -> {result['code']}: {stderr.strip()[:300]}")
    assert wrong == []


def _names(args: list[str]) -> tuple[str, ...]:
    """The option names a run was made from (the inverse of ``argv``)."""
    command = args[0]
    for pair in [(n,) for n in OPTIONS[command]] + list(
        itertools.combinations(sorted(OPTIONS[command]), 2)
    ):
        if argv(command, pair) == args:
            return pair
    raise AssertionError(args)


def test_refusals_name_what_to_do(results: list[dict[str, object]]) -> None:
    """A sample of the refusals, word for word."""
    expected = {
        ("check", "format-sarif", "statistics"): "--statistics prints counts per rule in "
        "text, concise, json only: choose one of them with --format",
        ("check", "cache-dir", "no-cache"): "--no-cache and --cache-dir contradict each other: "
        "drop one",
        ("check", "output-file", "show-settings"): "--show-settings prints the settings instead "
        "of running: drop --output-file",
        ("fix", "diff", "show-fixes"): "--diff shows every change already: drop --show-fixes",
        ("fix", "format-json", "show-fixes"): "--format json lists every applied edit already: "
        "drop --show-fixes",
        ("fix", "diff", "jsonl"): "--diff does not apply to --jsonl; fix into --output-dir instead",
        ("report", "show-settings", "title"): "--show-settings prints the settings instead of "
        "running: drop --title",
        ("check", "config", "isolated"): "--isolated ignores configuration files; drop --config",
    }
    found = {}
    for result in results:
        args = result["args"]
        assert isinstance(args, list)
        found[(args[0], *_names(args))] = str(result["stderr"])
    for key, message in expected.items():
        assert found[key] == f"seedlint: error: {message}\n", key
    mutually_exclusive = found[("fix", "diff", "in-place")]
    assert mutually_exclusive == (
        "seedlint fix: error: argument --in-place: not allowed with argument --diff "
        "(see 'seedlint fix --help')\n"
    )
