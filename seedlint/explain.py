"""Documentation of rules for people: the ``rules`` table and ``explain`` pages."""

from __future__ import annotations

import json

from seedlint.rulefile import Rule

FIX_WORDS = {
    "safe": "safe: applied by `seedlint fix`",
    "unsafe": "unsafe: applied only with `seedlint fix --unsafe-fixes`; review the change",
    "off": "none: a person decides",
}


def list_rules(rules: list[Rule], selected: list[Rule], fmt: str = "text") -> str:
    enabled = {rule.code for rule in selected}
    if fmt == "json":
        items = [
            {
                "code": r.code,
                "name": r.name,
                "kind": r.kind,
                "severity": r.severity,
                "fix": r.fix,
                "selected": r.code in enabled,
                "source": r.source,
            }
            for r in rules
        ]
        return json.dumps(items, indent=2) + "\n"
    header = ("code", "name", "kind", "severity", "fix", "selected")
    rows = [header] + [
        (r.code, r.name, r.kind, r.severity, r.fix, "yes" if r.code in enabled else "no")
        for r in sorted(rules, key=lambda r: r.code)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n"
        for row in rows
    )


def explain(rule: Rule) -> str:
    lines = [
        f"{rule.code} [{rule.name}]",
        "",
        f"kind: {rule.kind}    severity: {rule.severity}",
        f"fix: {FIX_WORDS[rule.fix]}",
        f"defined in: {rule.source}:{rule.line}",
        "",
        rule.description or "(no description)",
    ]
    if rule.link:
        lines += ["", f"more: {rule.link}"]
    bad = [e for e in rule.examples if e.flagged]
    good = [e for e in rule.examples if not e.flagged]
    if bad:
        lines += ["", "Flagged:"]
        for example in bad:
            lines.append(f"  {example.text!r}")
            if example.fixed is not None:
                lines.append(f"    fixed{' (unsafe)' if example.unsafe else ''}: {example.fixed!r}")
    if good:
        lines += ["", "Not flagged:"]
        lines += [f"  {example.text!r}" for example in good]
    return "\n".join(lines) + "\n"
