"""Checking a rule's own examples: each ``bad`` text is flagged, each ``good`` one is not,
and each ``fixed`` text is what fixing the ``bad`` one with this rule alone produces.

A paragraph example is wrapped into a minimal document (header, blank line, the text, a
final newline) so that document-level rules see a real seed; ``document: true`` examples
are used as they are.

A rule whose fixes do not converge on an example, or whose regular expression runs out of
time on it, fails that example with the reason; it never stops the others.

A corpus rule's example is judged among the documents its ``corpus:`` lists (whole
documents, each before the example in path order); ``fixed`` is then the example with the
fixes of this rule that edit it applied.
"""

from __future__ import annotations

from seedlint.engine.fixer import FixDidNotConverge, fix_document
from seedlint.engine.linter import Linter, LintSettings
from seedlint.engine.rule import Example, Rule

HEAD = "date 2024-01-18 Example\n\n"
EXAMPLE_KEY = "example.txt"  # after the corpus's documents in path order


def wrap(example: Example, text: str) -> str:
    return text if example.document else f"{HEAD}{text}\n"


def unwrap(example: Example, text: str) -> str:
    if example.document or not (text.startswith(HEAD) and text.endswith("\n")):
        return text
    return text[len(HEAD) : -1]


def check_examples(rule: Rule, context: list[Rule] | None = None) -> list[str]:
    """One line per failed example; empty when all pass. ``context`` gives the other
    rules of the pack: a kind that tells languages keeps doing so for the example."""
    helpers = [
        r
        for r in context or []
        if r.code != rule.code and r.implementation and r.implementation.identifies_language
    ]
    linter = Linter([rule, *helpers], LintSettings(select=(rule.code,)))
    problems = []
    for number, example in enumerate(rule.examples, 1):
        where = f"{rule.source}:{rule.line}: {rule.label} example {number}"
        text = wrap(example, example.text)
        if rule.implementation is not None and rule.implementation.corpus:
            problems += _check_corpus_example(linter, example, text, where)
            continue
        try:
            found = linter.lint(text)
        except TimeoutError as error:
            problems.append(f"{where}: {error}")
            continue
        if example.flagged and not found:
            problems.append(f"{where}: expected a finding in {example.text!r}, got none")
        if not example.flagged and found:
            problems.append(
                f"{where}: expected no finding in {example.text!r}, got "
                f"{found[0].message!r} at {found[0].row}:{found[0].column}"
            )
        if example.fixed is not None:
            try:
                fixed = fix_document(linter, text, unsafe=example.unsafe).text
            except (FixDidNotConverge, TimeoutError) as error:
                problems.append(f"{where}: fixing failed: {error}")
                continue
            if unwrap(example, fixed) != example.fixed:
                problems.append(
                    f"{where}: fixing gave {unwrap(example, fixed)!r}, expected {example.fixed!r}"
                )
    return problems


def _check_corpus_example(linter: Linter, example: Example, text: str, where: str) -> list[str]:
    from seedlint.engine.corpus import lint_texts
    from seedlint.engine.fixer import apply, choose

    texts = {f"corpus/{number:03d}.txt": other for number, other in enumerate(example.corpus)}
    texts[EXAMPLE_KEY] = text
    items = lint_texts(linter, texts).get(EXAMPLE_KEY, [])
    found = [item.diagnostic for item in items]
    among = f"{example.text!r} among {len(example.corpus)} documents"
    if example.flagged and not found:
        return [f"{where}: expected a finding in {among}, got none"]
    if not example.flagged and found:
        return [f"{where}: expected no finding in {among}, got {found[0].message!r}"]
    if example.fixed is not None:
        editing = [item.diagnostic for item in items if not item.drops_document]
        edits = [e for d in choose(editing, example.unsafe) if d.fix for e in d.fix.edits]
        fixed = unwrap(example, apply(text, edits))
        if fixed != example.fixed:
            return [f"{where}: fixing gave {fixed!r}, expected {example.fixed!r}"]
    return []
