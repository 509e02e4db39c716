"""The per-document floor: microseconds per document for each default rule, in-process.

Loads the bundled rules the way ``seedlint check`` does, reads a corpus into memory once and
then, for each rule, runs it over every document (fresh ``Document``s whose shared views,
paragraphs, lower-cased words, language and rare characters, are worked out before the
clock starts; what a rule derives and shares through ``Document.knowledge`` is counted in
every rule that asks). Also measures the whole ``Linter.lint`` per document, the parse
alone, the linter's own overhead (the total less the parse and the rules' sum), and what
``check`` does per document beside the lint when corpus rules are selected: each corpus
group's contribution (the fingerprint that SL501-SL504 compare), from a parsed document. Rounds
alternate rule by rule and the median is reported; times are the process's CPU time, which
a busy machine disturbs far less than wall time.

    python bench/speed/rules.py                    # the news corpus (2,585 articles)
    python bench/speed/rules.py --corpus real      # the 288 Wikinews articles
    python bench/speed/rules.py --rounds 5 --top 15 --every 4
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import corpus  # bench/speed/corpus.py, beside this script

sys.path.insert(0, str(corpus.REPO))

from seedlint.engine.corpus import CorpusGroup, corpus_groups
from seedlint.engine.document import Document
from seedlint.engine.linter import Linter
from seedlint.engine.rule import Rule
from seedlint.ruleset.config import Config
from seedlint.ruleset.rulefile import load_rules

MICRO = 1e6
PARSE = "(parse: paragraphs, words, language, rare characters)"


def load_texts(folder: Path) -> list[tuple[str, str]]:
    return [
        (p.as_posix(), p.read_bytes().decode("utf-8", "surrogateescape"))
        for p in sorted(folder.rglob("*.txt"))
    ]


def timed(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def parsed(linter: Linter, texts: list[tuple[str, str]]) -> list[Document]:
    """Fresh documents with the views most rules share already worked out."""
    docs = []
    for path, text in texts:
        doc = linter.document(text, path)
        doc.paragraphs  # noqa: B018 - computed for its cost
        doc.lower_words  # noqa: B018
        doc.language  # noqa: B018
        doc.rare  # noqa: B018 - the rare characters several checks ask about
        docs.append(doc)
    return docs


def rule_time(linter: Linter, rule: Rule, texts: list[tuple[str, str]]) -> float:
    """One rule over every document; the shared parse is done before the clock starts."""
    assert rule.implementation is not None
    find, state = rule.implementation.find, rule.state
    docs = parsed(linter, texts)
    start = time.process_time()
    for doc in docs:
        if linter.applies(rule, doc):
            for _ in find(doc, state):
                pass
    return time.process_time() - start


def contribution_time(linter: Linter, group: CorpusGroup, texts: list[tuple[str, str]]) -> float:
    """One corpus group's contribution from every document, parsed before the clock starts
    (as ``check`` computes it, from the document the rules read)."""
    docs = parsed(linter, texts)
    start = time.process_time()
    for doc in docs:
        group.contribute(doc, doc.path)
    return time.process_time() - start


def lint_pass(linter: Linter, texts: list[tuple[str, str]]) -> Callable[[], None]:
    def run() -> None:
        for path, text in texts:
            linter.lint(text, path)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("news", "real"), default="news")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=0, help="only the N costliest rules")
    parser.add_argument(
        "--every", type=int, default=1, metavar="N", help="only every N-th document (quicker)"
    )
    args = parser.parse_args()
    folder = (corpus.build_news() if args.corpus == "news" else corpus.build_real()).path
    texts = load_texts(folder)[:: args.every]
    size = sum(len(t) for _, t in texts)
    linter = Linter(load_rules(["default"], Path.cwd()), Config(root=Path.cwd()).lint_settings())
    lint_pass(linter, texts[:20])()  # warm: word lists, language profiles, compiled patterns
    for group in corpus_groups(linter.rules):  # and the fingerprint's tables
        contribution_time(linter, group, texts[:20])

    passes: dict[str, Callable[[], float]] = {
        "(lint: every rule, per document)": lambda: timed(lint_pass(linter, texts)),
        PARSE: lambda: timed(lambda: parsed(linter, texts)),
    }
    for rule in linter.rules:
        passes[f"{rule.code} {rule.name}"] = lambda rule=rule: rule_time(linter, rule, texts)
    contributions = {
        f"(corpus contribution: {group.name})": lambda group=group: contribution_time(
            linter, group, texts
        )
        for group in corpus_groups(linter.rules)
    }
    passes.update(contributions)
    samples: dict[str, list[float]] = {name: [] for name in passes}
    for round_ in range(args.rounds):
        for name, run in passes.items():
            samples[name].append(run())
        print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)

    per_doc = {name: statistics.median(s) / len(texts) * MICRO for name, s in samples.items()}
    lint_total = per_doc.pop("(lint: every rule, per document)")
    parse = per_doc.pop(PARSE)
    beside = {name: per_doc.pop(name) for name in contributions}
    rules_sum = sum(per_doc.values())
    print(
        f"{len(texts)} documents, {size / 1e6:.1f} M characters, {len(per_doc)} rules, "
        f"median of {args.rounds} rounds\n"
    )
    print("| what | CPU µs / document | share of lint |")
    print("| --- | ---: | ---: |")
    print(f"| lint, every rule | {lint_total:,.0f} | 100% |")
    print(f"| parse ({PARSE[8:-1]}) | {parse:,.0f} | {parse / lint_total:.0%} |")
    overhead = lint_total - parse - rules_sum
    print(
        f"| linter overhead (lint less parse and the rules' sum) | {overhead:,.0f} |"
        f" {overhead / lint_total:.0%} |"
    )
    ranked = sorted(per_doc.items(), key=lambda kv: -kv[1])
    for name, value in ranked[: args.top or None]:
        print(f"| {name} | {value:,.0f} | {value / lint_total:.0%} |")
    print("\nBeside the lint, per document (the share is of the lint's time):\n")
    print("| what | CPU µs / document | against lint |")
    print("| --- | ---: | ---: |")
    for name, value in beside.items():
        print(f"| {name[1:-1]} | {value:,.0f} | {value / lint_total:.0%} |")


if __name__ == "__main__":
    main()
