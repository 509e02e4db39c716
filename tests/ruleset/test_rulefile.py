"""Rule files: every bundled rule's examples hold, and a bad file gives one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_seedlint
from seedlint.ruleset import rulefile
from seedlint.ruleset.examples import check_examples
from seedlint.ruleset.rulefile import bundled_rule_files, load_file, load_rules
from seedlint.ruleset.yamlsafe import load_yaml

BUNDLED = load_rules(["default"], ROOT)
PYCACHE = shutil.ignore_patterns("__pycache__")


@pytest.mark.parametrize("rule", BUNDLED, ids=lambda r: f"{r.code}-{r.name}")
def test_bundled_rule_examples(rule) -> None:
    assert rule.examples, f"{rule.label} has no examples"
    assert any(e.flagged for e in rule.examples), f"{rule.label} has no 'bad' example"
    assert rule.description, f"{rule.label} has no description"
    assert check_examples(rule, BUNDLED) == []


@pytest.mark.parametrize("path", bundled_rule_files(), ids=lambda p: p.name)
def test_bundled_rules_pass_the_checks_a_users_rule_gets(path: Path) -> None:
    """The bundled pack is built trusted (patterns compiled on first use, templates not
    checked); built as a user's rule file is, every rule passes and is the same rule."""
    # built here, beside the checked ones: a rule that reads today's date from the clock
    # (SL007) is another rule after midnight
    bundled = load_rules(["default"], ROOT)
    trusted = {rule.code: rule for rule in bundled if rule.source == str(path)}
    data = load_yaml(path)
    checked = [rulefile._rule(item, str(path), "SL", trusted=False) for item in data["rules"]]
    assert [rule.code for rule in checked] == list(trusted)
    for rule in checked:
        assert rule.definition == trusted[rule.code].definition
        assert rule.examples == trusted[rule.code].examples
        state, other = rule.state, trusted[rule.code].state
        assert type(state) is type(other)
        if rule.kind == "pattern":  # the same pattern, compiled when asked for
            assert other.pattern.pattern == state.pattern.pattern
            assert other.pattern.flags == state.pattern.flags


def test_a_bundled_pattern_is_compiled_on_first_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from seedlint.ruleset.rulefile import load_rules;"
        "rules = load_rules(['default'], Path('.'));"
        "print('regex' in sys.modules);"
        "[r.state.pattern for r in rules if r.kind == 'pattern'];"
        "print('regex' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "True"]


def test_bundled_codes_and_names_are_unique_and_stable() -> None:
    codes = [r.code for r in BUNDLED]
    assert len(codes) == len(set(codes)) and len({r.name for r in BUNDLED}) == len(BUNDLED)
    assert {"SL001", "SL010", "SL011", "SL201", "SL210", "SL301", "SL401"} <= set(codes)


@pytest.mark.e2e
def test_examples_that_fail_are_reported(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text(
        "rules:\n"
        "  - code: HS901\n"
        "    name: no-foo\n"
        "    kind: pattern\n"
        "    regex: '\\bfoo\\b'\n"
        "    replacement: bar\n"
        "    severity: warning\n"
        "    message: \"'{match}' is not allowed\"\n"
        "    examples:\n"
        "      - bad: 'a foo here'\n"
        "        fixed: 'a bar here'\n"
        "      - good: 'no foo at all'\n",  # wrong on purpose: it is flagged
        encoding="utf-8",
    )
    problems = check_examples(load_file(rules)[0][0])
    assert len(problems) == 1 and "example 2" in problems[0] and "HS901 [no-foo]" in problems[0]
    result = run_seedlint("test-rules", str(rules))
    assert result.returncode == 1
    assert "1 rule, 2 examples, 1 failed" in result.stdout


RULE = """\
rules:
  - code: HS900
    name: my-rule
    kind: pattern
    regex: 'x+'
    severity: warning
    message: "found {match}"
"""

BAD_FILES = [
    (
        "rules:\n  - code: HS900\n    name: [unclosed\n",
        ":4: YAML error, column 1: ",
    ),
    (
        RULE.replace("kind: pattern", "kind: patern"),
        ":2: HS900 [my-rule]: unknown kind 'patern' (did you mean 'pattern'?)",
    ),
    (
        RULE.replace("    severity: warning\n", ""),
        ":2: HS900 [my-rule]: missing required field 'severity'",
    ),
    (RULE.replace("severity: warning", "severity: fatal"), ":2: HS900 [my-rule]: severity must be"),
    (RULE.replace("regex: 'x+'", "regex: 'x('"), ":2: HS900 [my-rule]: invalid regex 'x('"),
    (
        RULE.replace("regex: 'x+'", "regex: 3"),
        ":2: HS900 [my-rule]: option 'regex' must be a string",
    ),
    (
        RULE.replace("regex: 'x+'", "regex: 'x+'\n    regx: 'y'"),
        ":2: HS900 [my-rule]: unknown field 'regx' for the pattern check 'pattern' "
        "(did you mean 'regex'?)",
    ),
    (RULE.replace("{match}", "{nothing}"), ":2: HS900 [my-rule]: message uses '{nothing}'"),
    (RULE.replace("HS900", "X9000a"), ":2: X9000a [my-rule]: code 'X9000a' must be"),
    (RULE.replace("HS900", "SL900"), ":2: SL900 [my-rule]: code 'SL900': the prefix SL is kept"),
    (
        RULE + RULE.replace("rules:\n", "").replace("my-rule", "other"),
        ":8: HS900 [other]: duplicate code 'HS900', already used at",
    ),
    (
        RULE.replace("regex: 'x+'", "regex: !!python/object/apply:os.system ['true']"),
        ": YAML error",
    ),
    (
        RULE + "    explained-by: SL011\n",
        ":2: HS900 [my-rule]: explained-by must be a list of rule codes, such as [SL011]",
    ),
    (
        RULE + "    explained-by: [SL01]\n",
        ":2: HS900 [my-rule]: explained-by must be a list of rule codes",
    ),
    (
        RULE + "    explained-by: [SL0111]\n",
        ":2: HS900 [my-rule]: explained-by names 'SL0111', which is no loaded rule "
        "(did you mean 'SL011'?)",
    ),
    (
        RULE + "    explained-by: [HS900]\n",
        ":2: HS900 [my-rule]: explained-by names 'HS900', which is the rule itself",
    ),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("content", "expected"), BAD_FILES)
def test_bad_rule_file_gives_one_clear_line_and_exit_2(
    tmp_path: Path, content: str, expected: str
) -> None:
    rules = tmp_path / "bad.yaml"
    rules.write_text(content, encoding="utf-8")
    config = tmp_path / "seedlint.yaml"
    config.write_text("rule-packs: [default, bad.yaml]\n", encoding="utf-8")
    result = run_seedlint("check", str(SAMPLE), "--config", str(config))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"seedlint: error: {rules}")
    assert expected in lines[0], lines[0]


def test_bundled_pack_ships_with_the_package() -> None:
    names = {p.name for p in bundled_rule_files()}
    assert {"header.yaml", "typos.yaml", "quotes.yaml"} <= names


def test_a_checkout_on_the_path_reads_its_own_rules(tmp_path: Path) -> None:
    """Another working tree put first on PYTHONPATH (as the benchmarks do to compare a
    commit) lints with its own rules/, not the pack of the checkout installed editable:
    its copy of a rule says something else, and the run says it."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "seedlint", checkout / "seedlint", ignore=PYCACHE)
    shutil.copytree(ROOT / "rules", checkout / "rules", ignore=PYCACHE)
    shutil.copy(ROOT / "pyproject.toml", checkout)
    header = checkout / "rules" / "header.yaml"
    text = header.read_text(encoding="utf-8")
    assert "Whitespace before the header's 'date'" in text
    header.write_text(text.replace("Whitespace before the header's", "Space ahead of the"))
    seed = tmp_path / "seed.txt"
    seed.write_text(" date 2024-01-18 A title\n\nA paragraph.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run(
        [sys.executable, "-m", "seedlint", "check", "--no-cache", "--isolated", str(seed)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert "Space ahead of the 'date'" in result.stdout, result.stdout + result.stderr
