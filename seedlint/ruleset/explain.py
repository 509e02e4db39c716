"""Documentation of rules for people: the ``rules`` table and ``explain`` pages, made
from the rules themselves (description, check, options with their help, examples)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from seedlint.engine.options import shown
from seedlint.engine.rule import Rule

FIX_WORDS = {
    "safe": "safe: applied by `seedlint fix`",
    "unsafe": "unsafe: applied only with `seedlint fix --unsafe-fixes`; review the change",
    "off": "none: a person decides",
}
# after a safe fix of a check that may be unsure of a finding
GUESSES = "; a finding it is unsure of offers its fix as unsafe"


def list_rules(rules: Sequence[Rule], selected: Sequence[Rule], fmt: str = "text") -> str:
    enabled = {rule.code for rule in selected}
    ordered = sorted(rules, key=lambda r: r.code)
    if fmt == "json":
        items = [
            {
                "code": r.code,
                "name": r.name,
                "kind": r.kind,
                "check": r.check,
                "severity": r.severity.value,
                "fix": r.fix.value,
                "language": r.language,
                "explained_by": list(r.explained_by),
                "selected": r.code in enabled,
                "source": r.source,
            }
            for r in ordered
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    header = ("code", "name", "kind", "severity", "fix", "selected")
    rows = [header] + [
        (
            r.code,
            r.name,
            f"{r.kind}/{r.check}" if r.check != r.kind else r.kind,
            r.severity.value,
            r.fix.value,
            "yes" if r.code in enabled else "no",
        )
        for r in ordered
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        + "\n"
        for row in rows
    )


def explain(rule: Rule) -> str:
    assert rule.implementation is not None
    kind = rule.implementation
    check = kind.checks[rule.check]
    lines = [
        f"{rule.code} [{rule.name}]",
        "",
        f"kind: {rule.kind}    check: {rule.check} ({check.summary})"
        + ("    across the corpus" if kind.corpus else ""),
        f"severity: {rule.severity.value}"
        + (f"    language: {rule.language}" if rule.language else ""),
        f"fix: {FIX_WORDS[rule.fix.value]}"
        + (GUESSES if check.guesses and rule.fix.value == "safe" else ""),
        f"defined in: {rule.source}:{rule.line}",
        "",
        rule.description or "(no description)",
    ]
    if rule.explained_by:
        lines += [
            "",
            f"Not reported where a finding of {' or '.join(rule.explained_by)} holds its start:",
            "the same damage, reported once (explained-by).",
        ]
    if rule.link:
        lines += ["", f"more: {rule.link}"]
    spec = kind.options_of(rule.check)
    if spec:
        lines += ["", "Options (as set for this rule):"]
        for name, option in spec.items():
            lines.append(f"  {name}: {shown(rule.options.get(name))}")
            if option.help:
                lines.append(f"      {option.help}")
    bad = [e for e in rule.examples if e.flagged]
    good = [e for e in rule.examples if not e.flagged]
    if bad:
        lines += ["", "Flagged:"]
        for example in bad:
            lines.append(f"  {example.text!r}")
            lines += [f"    among: {other!r}" for other in example.corpus]
            if example.fixed is not None:
                lines.append(f"    fixed{' (unsafe)' if example.unsafe else ''}: {example.fixed!r}")
    if good:
        lines += ["", "Not flagged:"]
        for example in good:
            lines.append(f"  {example.text!r}")
            lines += [f"    among: {other!r}" for other in example.corpus]
    return "\n".join(lines) + "\n"
