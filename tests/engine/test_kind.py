"""The kind contract (seedlint.engine.kind): what every built-in kind declares, and a kind
from another distribution, registered through the ``seedlint.kinds`` entry point group,
used by a rule file through the real command line.

The third-party kind is a real distribution: a module and its ``*.dist-info`` (METADATA and
entry_points.txt) in a folder put on PYTHONPATH for the subprocess, which is how an
installed plug-in is found.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from types import MappingProxyType

import pytest

from conftest import run_seedlint, seed
from seedlint.engine.kind import (
    BUILTIN_KINDS,
    Check,
    Kind,
    declare,
    kind_names,
    load_kind,
    single_check,
)
from seedlint.engine.options import CHECKS, Option, resolve

# --- the contract of the built-in kinds ------------------------------------------------


@pytest.mark.parametrize("name", BUILTIN_KINDS)
def test_each_built_in_kind_declares_its_checks(name: str) -> None:
    kind = load_kind(name)
    assert isinstance(kind, Kind) and kind.name == name
    assert kind.checks and isinstance(kind.checks, MappingProxyType)  # shared: read-only
    for check_name, check in kind.checks.items():
        assert isinstance(check, Check) and check.name == check_name
        assert check.summary and check.summary == check.summary.strip()
        assert all(isinstance(field, str) and field.isidentifier() for field in check.fields)
        spec = kind.options_of(check_name)
        for option_name, option in spec.items():
            assert option.type in CHECKS, f"{name}.{check_name}: {option_name}"
            if option.type == "choice":
                assert option.choices
        optional = {n: o for n, o in spec.items() if not o.required}
        # every default is a value of the option's own type
        assert resolve(optional, {}) == {n: o.default for n, o in optional.items()}
    single = len(kind.checks) == 1
    assert kind.default_check == (next(iter(kind.checks)) if single else None)


def test_load_kind_knows_the_built_in_kinds_and_refuses_others() -> None:
    assert set(BUILTIN_KINDS) <= set(kind_names())
    assert load_kind("pattern") is load_kind("pattern")  # loaded once, shared by its rules
    with pytest.raises(KeyError):
        load_kind("no-such-kind")


def test_declare_and_single_check() -> None:
    checks = declare(Check("a", "first"), Check("b", "second", fixable=True))
    assert list(checks) == ["a", "b"] and checks["b"].fixable
    with pytest.raises(TypeError):
        checks["c"] = Check("c", "third")  # type: ignore[index]
    (only,) = single_check("solo", "one thing", fields=("word",)).values()
    assert (only.name, only.summary, only.fields) == ("solo", "one thing", ("word",))


class _Base(Kind[None]):
    name = "base"
    checks = single_check("base", "nothing")
    options = MappingProxyType({"shared": Option("int", 1)})


def test_a_kind_without_build_or_find_is_incomplete() -> None:
    kind = _Base()
    with pytest.raises(NotImplementedError):
        kind.build("base", {})
    with pytest.raises(NotImplementedError):
        list(kind.find(None, None))  # type: ignore[arg-type]
    assert kind.options_of("base") == {"shared": Option("int", 1)}
    assert kind.message_fields("base", None) == () and kind.data_files(None) == ()


# --- a kind from another distribution --------------------------------------------------

PLUGIN = '''\
"""shout: words written in capitals, a kind from outside seedlint."""

import re
from dataclasses import dataclass

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option


class Shout(Kind[int]):
    name = "shout"
    checks = single_check(
        "shout",
        "words written in capitals",
        fields=("word",),
        fixable=True,
        options={"min-length": Option("int", 4, help="the shortest word that counts")},
    )

    def build(self, check, options):
        if options["min-length"] < 2:
            raise ValueError("option 'min-length' must be at least 2")
        return options["min-length"]

    def find(self, doc, state):
        for match in re.finditer(r"\\b[A-Z]{%d,}\\b" % state, doc.text):
            if match.start() >= doc.body_start:
                word = match.group()
                edit = Edit(match.start(), match.end(), word.capitalize())
                yield Finding(match.start(), match.end(), {"word": word}, (edit,), "Lower it")


KIND = Shout()


class Opening(Kind[None]):
    """A corpus kind whose index says nothing of how to keep it: the first word of a body
    that other documents' bodies open with too."""

    name = "opening"
    corpus = True
    checks = single_check("opening", "a body that opens as others do", fields=("count",))

    def build(self, check, options):
        return None

    def find(self, doc, state):
        return iter(())

    def contribute(self, doc, key, state):
        return First(key, doc.text[doc.body_start :].split(" ", 1)[0])

    def corpus_index(self, state):
        return Openings()

    def corpus_pass(self, rules, corpus):
        from collections import Counter

        from seedlint.engine.kind import CorpusOutcome

        counts = Counter(corpus.index.words.values())
        found = [
            (rule.label, key, Finding(0, 0, {"count": counts[corpus.index.words[key]]}))
            for key in sorted(corpus.keys)
            for rule in rules
            if counts[corpus.index.words[key]] > 1
        ]
        return CorpusOutcome(found)


@dataclass(frozen=True)
class First:
    key: str
    word: str


class Openings:
    def __init__(self):
        self.words = {}

    def add(self, contribution):
        self.words[contribution.key] = contribution.word

    def remove(self, key):
        return self.words.pop(key, None) is not None

    def __contains__(self, key):
        return key in self.words

    def __iter__(self):
        return iter(self.words)

    def __len__(self):
        return len(self.words)


OPENING = Opening()


class NotAKind:
    """Registered under the group by mistake."""
'''
ENTRY_POINTS = """\
[seedlint.kinds]
shout = shout_kind:KIND
opening = shout_kind:OPENING
not-a-kind = shout_kind:NotAKind
missing = shout_kind:Missing
"""


def house_rule(kind: str, options: str = "") -> str:
    return textwrap.dedent(
        f"""\
        rules:
          - code: HS100
            name: shouting
            kind: {kind}
            severity: warning
            message: "'{{word}}' is shouted"
            fix: safe
            description: Words in capitals read as shouting.
        """
    ) + "".join(f"    {line}\n" for line in options.splitlines())


@pytest.fixture
def plugin(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A project using the shout kind, and the environment in which it is installed."""
    site = tmp_path / "site"
    info = site / "shout_kind-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "shout_kind.py").write_text(PLUGIN, encoding="utf-8")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: shout-kind\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "house.yaml").write_text(house_rule("shout"), encoding="utf-8")
    (project / "seedlint.yaml").write_text("rule-packs: [default, house.yaml]\n", "utf-8")
    (project / "a.txt").write_text(seed("The GOVERNMENT agreed, OK."), encoding="utf-8")
    return project, {"PYTHONPATH": str(site)}


@pytest.mark.e2e
def test_a_plug_in_kind_checks_and_fixes_through_the_command_line(
    plugin: tuple[Path, dict[str, str]],
) -> None:
    project, env = plugin
    result = run_seedlint(
        "check", "--no-cache", "--format", "concise", "a.txt", cwd=project, env=env
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        "a.txt:3:5: HS100 warning [shouting] 'GOVERNMENT' is shouted"
    )  # and not 'OK': shorter than min-length
    fixed = run_seedlint("fix", "--in-place", "a.txt", cwd=project, env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert (project / "a.txt").read_text(encoding="utf-8") == seed("The Government agreed, OK.")


@pytest.mark.e2e
def test_a_plug_in_corpus_kind_runs_with_the_cache_without_a_kept_index(
    plugin: tuple[Path, dict[str, str]],
) -> None:
    """An index that names no contribution type is kept by no file: each run with the
    cache contributes its documents again, and a few files named are judged among
    themselves."""
    project, env = plugin
    (project / "seedlint.yaml").write_text(
        "paths: [seeds]\nrule-packs: [default, house.yaml]\nselect: [HS101]\n", "utf-8"
    )
    (project / "house.yaml").write_text(
        "rules:\n  - code: HS101\n    name: same-opening\n    kind: opening\n"
        "    severity: warning\n    message: '{count} documents open so'\n",
        "utf-8",
    )
    seeds = project / "seeds"
    seeds.mkdir()
    for name, body in (("a", "Budget agreed."), ("b", "Budget cut."), ("c", "Rain.")):
        (seeds / f"{name}.txt").write_text(seed(body), encoding="utf-8")
    expected = ["seeds/a.txt:1:1: HS101", "seeds/b.txt:1:1: HS101"]
    runs = [(["seeds"], expected), (["seeds"], expected), (["seeds/a.txt", "seeds/c.txt"], [])]
    runs.append((["seeds/a.txt", "seeds/b.txt"], expected))
    for paths, wanted in runs:
        result = run_seedlint("check", "--format", "concise", "--cache-dir", "cache", *paths,
                              cwd=project, env=env)  # fmt: skip
        assert result.returncode in (0, 1), result.stderr
        found = [line.split(" warning")[0] for line in result.stdout.splitlines()[:-1]]
        assert found == wanted, result.stdout
    assert not list((project / "cache").glob("corpus-opening-*"))  # nothing kept of it


@pytest.mark.e2e
def test_a_plug_in_corpus_kinds_dataclass_contribution_is_renamed_for_a_reused_id(
    plugin: tuple[Path, dict[str, str]],
) -> None:
    """A JSON Lines record whose ID its file already used is known by its line: its
    contributions get that key, a plug-in's frozen dataclass as the bundled kinds' structs."""
    project, env = plugin
    (project / "house.yaml").write_text(
        "rules:\n  - code: HS101\n    name: same-opening\n    kind: opening\n"
        "    severity: warning\n    message: '{count} documents open so'\n",
        "utf-8",
    )
    records = [
        {"id": "x", "text": seed("Budget agreed.")},
        {"id": "x", "text": seed("Budget cut.")},
    ]
    (project / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = run_seedlint("check", "--no-cache", "--format", "concise", "--select", "HS101",
                          "--jsonl", "c.jsonl", cwd=project, env=env)  # fmt: skip
    assert (result.returncode, result.stderr) == (1, "")
    assert [line.split(" warning")[0] for line in result.stdout.splitlines()[:-1]] == [
        "c.jsonl#x:1:1: HS101",
        "c.jsonl:2:1:1: HS101",
    ]


@pytest.mark.e2e
def test_without_the_plug_in_installed_the_kind_is_unknown(
    plugin: tuple[Path, dict[str, str]],
) -> None:
    project, _ = plugin
    result = run_seedlint("check", "a.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr.endswith("HS100 [shouting]: unknown kind 'shout'\n")


@pytest.mark.e2e
def test_rules_and_explain_show_a_plug_in_kind(plugin: tuple[Path, dict[str, str]]) -> None:
    project, env = plugin
    table = run_seedlint("rules", cwd=project, env=env).stdout.splitlines()
    assert ["HS100", "shouting", "shout", "warning", "safe", "yes"] in [r.split() for r in table]
    page = run_seedlint("explain", "HS100", cwd=project, env=env)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("HS100 [shouting]\n")
    assert "kind: shout    check: shout (words written in capitals)" in page.stdout
    assert "Words in capitals read as shouting." in page.stdout
    assert "min-length: 4\n      the shortest word that counts" in page.stdout


@pytest.mark.e2e
def test_a_plug_in_kinds_options_are_checked_like_any_other(
    plugin: tuple[Path, dict[str, str]],
) -> None:
    project, env = plugin
    house = project / "house.yaml"
    house.write_text(house_rule("shout", "min-length: 1"), encoding="utf-8")
    result = run_seedlint("check", "a.txt", cwd=project, env=env)
    assert result.returncode == 2
    assert result.stderr == (
        f"seedlint: error: {house}:2: HS100 [shouting]: option 'min-length' must be at least 2\n"
    )
    house.write_text(house_rule("shuot"), encoding="utf-8")
    result = run_seedlint("check", "a.txt", cwd=project, env=env)
    assert "unknown kind 'shuot' (did you mean 'shout'?)" in result.stderr


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-a-kind", "(entry point shout_kind:NotAKind in seedlint.kinds) is not a seedlint "
         "Kind but NotAKind"),
        ("missing", "(entry point shout_kind:Missing in seedlint.kinds) cannot be loaded: "
         "AttributeError: module 'shout_kind' has no attribute 'Missing'"),
    ],
)  # fmt: skip
def test_an_entry_point_that_is_not_a_kind_is_refused_with_one_line(
    plugin: tuple[Path, dict[str, str]], name: str, reason: str
) -> None:
    project, env = plugin
    (project / "house.yaml").write_text(house_rule(name), encoding="utf-8")
    for command in ("check", "rules"):
        result = run_seedlint(command, cwd=project, env=env)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == (
            f"seedlint: error: {project / 'house.yaml'}:2: HS100 [shouting]: "
            f"kind '{name}' {reason}\n"
        )
