"""The engine: configured rules applied to documents, producing sorted diagnostics.

Data flows one way: text -> Document -> each selected rule's kind -> Findings ->
Diagnostics. Rules are loaded, configured and compiled once per Linter; linting a document
is a pure function of its text, its path and the Linter.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from seedlint.config import Config, ConfigError
from seedlint.diagnostic import Diagnostic, Edit, Finding, Fix
from seedlint.document import Document
from seedlint.kinds import load_kind
from seedlint.langid import body_language
from seedlint.options import resolve
from seedlint.rulefile import Rule, load_rules

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
UNDECODABLE = re.compile("[\ud800-\udfff]")  # a byte that is not UTF-8, or a lone surrogate


def matches(selector: str, rule: Rule) -> bool:
    """ALL, a code or code prefix (SL1, SL101), or a rule name."""
    if selector == "ALL":
        return True
    if selector.upper().startswith("SL"):
        return rule.code.startswith(selector.upper())
    return rule.name == selector


class Linter:
    def __init__(
        self,
        config: Config | None = None,
        select: list[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        rules: list[Rule] | None = None,
    ) -> None:
        """Rules come from the configured packs, unless ``rules`` gives them already loaded."""
        self.config = config or Config()
        if rules is None:
            rules = load_rules(self.config.rule_packs, self.config.root)
        self.all_rules = [self._configure(r) for r in rules]
        chosen = select if select is not None else self.config.select
        chosen = [*chosen, *self.config.extend_select, *extend_select]
        ignored = [*self.config.ignore, *ignore]
        self._check_selectors([*chosen, *ignored, *self._per_file_selectors()])
        self.rules = [
            rule
            for rule in self.all_rules
            if any(matches(s, rule) for s in chosen) and not any(matches(s, rule) for s in ignored)
        ]
        self._kinds = {rule.kind: load_kind(rule.kind) for rule in self.all_rules}
        self._ignoring: dict[tuple[str, ...], list[Rule]] = {}
        # With one allowed language every document is taken to be in it; with several,
        # language-specific rules (English misspellings) wait for a document's language.
        allowed = self.config.languages or ["en"]
        self.default_language = allowed[0] if len(allowed) == 1 else ""

    def _per_file_selectors(self) -> list[str]:
        return [code for codes in self.config.per_file_ignores.values() for code in codes]

    def _check_selectors(self, selectors: list[str]) -> None:
        for selector in selectors:
            if not any(matches(selector, rule) for rule in self.all_rules):
                raise ConfigError(f"'{selector}' selects no rule (see 'seedlint rules')")

    def _configure(self, rule: Rule) -> Rule:
        """The rule with the configuration's severity and option overrides applied."""
        overrides: dict[str, Any] = {}
        if rule.kind == "language" and self.config.languages is not None:
            overrides["allowed"] = self.config.languages
        severity = rule.severity
        for selector, level in self.config.severity.items():
            if matches(selector, rule):
                severity = level
        for selector, options in self.config.rule_options.items():
            if matches(selector, rule):
                if not isinstance(options, dict):
                    raise ConfigError(f"rule-options for '{selector}' must be a mapping")
                overrides.update(options)
        if not overrides:
            return replace(rule, severity=severity)
        kind = load_kind(rule.kind)
        unknown = set(overrides) - set(kind.OPTIONS)
        if unknown:
            raise ConfigError(
                f"{rule.label}: unknown option '{sorted(unknown)[0]}' in "
                f"rule-options (kind '{rule.kind}' takes "
                f"{', '.join(kind.OPTIONS) or 'none'})"
            )
        try:
            options = resolve(kind.OPTIONS, {**rule.options, **overrides})
            state = kind.compile(options)
        except ValueError as error:
            raise ConfigError(f"{rule.label}: rule-options: {error}") from None
        return replace(rule, severity=severity, options=options, state=state)

    def rules_for(self, path: str) -> list[Rule]:
        ignored = [
            code
            for pattern, codes in self.config.per_file_ignores.items()
            if fnmatch.fnmatch(_relative(path, self.config.root), pattern)
            for code in codes
        ]
        if not ignored:
            return self.rules
        key = tuple(ignored)
        if key not in self._ignoring:  # one list per set of ignores: the cache keys on it
            self._ignoring[key] = [
                r for r in self.rules if not any(matches(s, r) for s in ignored)
            ]
        return self._ignoring[key]

    def lint(
        self, text: str, path: str = "<text>", rules: list[Rule] | None = None
    ) -> list[Diagnostic]:
        doc = Document(text, path)
        diagnostics = []
        language = None
        undecodable = not text.isascii() and UNDECODABLE.search(text) is not None
        for rule in self.rules_for(path) if rules is None else rules:
            if rule.language and rule.language != self.default_language:
                if language is None:
                    language = body_language(doc.body_sample(2000)) or self.default_language
                if language != rule.language:
                    continue
            try:
                findings = list(self._kinds[rule.kind].check(doc, rule.state))
            except TimeoutError as error:  # a user's regular expression took too long
                raise TimeoutError(f"{rule.label}: {error}") from None
            for finding in findings:
                fix = None
                if (
                    finding.edits is not None
                    and rule.fixable
                    and _changes(doc.text, finding)
                    and not (undecodable and _beside_undecodable(doc.text, finding.edits))
                ):
                    fix = Fix(rule.fix, finding.fix_message, finding.edits)
                row, column = doc.position(finding.start)
                end_row, end_column = doc.position(finding.end)
                diagnostics.append(
                    Diagnostic(
                        code=rule.code,
                        name=rule.name,
                        severity=rule.severity,
                        message=rule.message.format_map(_Values(finding.values)),
                        path=path,
                        start=finding.start,
                        end=finding.end,
                        row=row,
                        column=column,
                        end_row=end_row,
                        end_column=end_column,
                        fix=fix,
                    )
                )
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def fails(self, diagnostic: Diagnostic) -> bool:
        return SEVERITY_RANK[diagnostic.severity] >= SEVERITY_RANK[self.config.fail_on]


def _beside_undecodable(text: str, edits: tuple[Edit, ...]) -> bool:
    """Whether an edit borders a byte that is not UTF-8: the character there is unknown,
    so a fix could split it from its word ("caf\\xe9" is not "caf"); no fix is offered."""
    return any(
        UNDECODABLE.match(text, i) for e in edits for i in (e.start - 1, e.end) if i >= 0
    )


def _changes(text: str, finding: Finding) -> bool:
    """Whether the finding's edits change anything (a no-op edit is no fix)."""
    return any(text[e.start : e.end] != e.content for e in finding.edits or ())


class _Values(dict):
    """Message values; a field a finding does not set reads as empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
