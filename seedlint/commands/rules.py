"""``seedlint rules``, ``seedlint explain`` and ``seedlint test-rules``: the rules
themselves, for people and for rule authors."""

from __future__ import annotations

import argparse
import sys

from seedlint.commands.common import (
    EXIT_CLEAN,
    EXIT_FOUND,
    UsageError,
    configuration,
    load_setup,
)
from seedlint.engine.suggest import did_you_mean
from seedlint.ruleset.examples import check_examples
from seedlint.ruleset.explain import explain, list_rules
from seedlint.ruleset.rulefile import load_rules


def run_rules(args: argparse.Namespace) -> int:
    linter = load_setup(args).linter
    sys.stdout.write(list_rules(linter.all_rules, linter.rules, args.format))
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace) -> int:
    rules = load_setup(args).linter.all_rules
    found = [r for r in rules if args.rule.upper() == r.code or args.rule == r.name]
    if not found:
        choices = [r.code for r in rules] + [r.name for r in rules]
        raise UsageError(
            f"no rule '{args.rule}'{did_you_mean(args.rule, choices)} (see 'seedlint rules')"
        )
    sys.stdout.write(explain(found[0]))
    return EXIT_CLEAN


def run_test_rules(args: argparse.Namespace) -> int:
    config = configuration(args)
    packs = [str(f.resolve()) for f in args.files] or config.rule_packs
    rules = load_rules(packs, config.root)
    failures = [problem for rule in rules for problem in check_examples(rule, rules)]
    for problem in failures:
        print(problem)
    examples = sum(len(rule.examples) for rule in rules)
    print(
        f"{len(rules)} rule{'s' * (len(rules) != 1)}, {examples} example"
        f"{'s' * (examples != 1)}, {len(failures)} failed"
    )
    return EXIT_FOUND if failures else EXIT_CLEAN
