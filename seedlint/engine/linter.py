"""The linter: configured rules applied to documents, producing sorted diagnostics.

Rules arrive loaded (see ``seedlint.ruleset``); the linter applies the settings that pick
and adjust them (selection, severities, options, per-file ignores) once, then linting a
document is a pure function of its text, its path and the linter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import msgspec
from msgspec.structs import replace

from seedlint.engine.diagnostics import (
    Applicability,
    Diagnostic,
    Edit,
    Finding,
    Fix,
    Severity,
)
from seedlint.engine.document import INTERRUPTERS, SURROGATES, Document
from seedlint.engine.options import resolve
from seedlint.engine.rule import Rule
from seedlint.engine.selectors import SelectorError, check_selector, codes_of, selected

UNDECODABLE = re.compile("[\ud800-\udfff]")  # a byte that is not UTF-8, or a lone surrogate


class LintSettings(msgspec.Struct, frozen=True):
    """What the configuration (and the command line) says about rules."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # gitignore-style pattern (relative to the configuration's folder) -> selectors
    per_file_ignores: Mapping[str, tuple[str, ...]] = msgspec.field(default_factory=dict)
    severity: Mapping[str, Severity] = msgspec.field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = msgspec.field(default_factory=dict)
    languages: tuple[str, ...] | None = None  # allowed body languages
    fail_on: Severity = Severity.WARNING


class RuleOptionsError(ValueError):
    """rule-options that do not fit the rule they name."""


class Linter:
    def __init__(self, rules: Sequence[Rule], settings: LintSettings | None = None) -> None:
        self.settings = settings = settings or LintSettings()
        for name, selectors in (
            ("select", settings.select),
            ("extend-select", settings.extend_select),
            ("ignore", settings.ignore),
            ("per-file-ignores", [s for v in settings.per_file_ignores.values() for s in v]),
            ("severity", list(settings.severity)),
            ("rule-options", list(settings.rule_options)),
        ):
            for selector in selectors:
                try:
                    check_selector(selector, rules)
                except SelectorError as error:
                    raise SelectorError(f"{name}: {error}") from None
        self.all_rules = [self._configure(rule) for rule in rules]
        chosen = codes_of([*settings.select, *settings.extend_select], self.all_rules)
        ignored = codes_of(settings.ignore, self.all_rules)
        self.rules = [r for r in self.all_rules if r.code in chosen and r.code not in ignored]
        self._per_file = []
        if settings.per_file_ignores:  # pathspec imported only for them (10 ms)
            import pathspec

            self._per_file = [
                (pathspec.GitIgnoreSpec.from_lines([p]), codes_of(selectors, self.all_rules))
                for p, selectors in settings.per_file_ignores.items()
            ]
        self._ignoring: dict[frozenset[str], list[Rule]] = {}
        self.allowed_languages = settings.languages or ("en",)
        self._explained_by = {r.code: r.explained_by for r in self.rules if r.explained_by}
        self._identifier = next(
            (
                r
                for r in self.all_rules
                if r.implementation and r.implementation.identifies_language
            ),
            None,
        )

    def _configure(self, rule: Rule) -> Rule:
        """The rule with the settings' severity and option overrides applied."""
        assert rule.implementation is not None
        kind = rule.implementation
        overrides: dict[str, Any] = {}
        if kind.identifies_language and self.settings.languages is not None:
            overrides["allowed"] = list(self.settings.languages)
        severity = rule.severity
        for selector, level in self.settings.severity.items():
            if selected(selector, [rule]):
                severity = level
        for selector, options in self.settings.rule_options.items():
            if selected(selector, [rule]):
                overrides.update(options)
        if not overrides:
            return replace(rule, severity=severity)
        spec = kind.options_of(rule.check)
        unknown = sorted(set(overrides) - set(spec))
        if unknown:
            raise RuleOptionsError(
                f"{rule.label}: unknown option '{unknown[0]}' in rule-options (its check "
                f"'{rule.check}' takes {', '.join(spec) or 'none'})"
            )
        try:
            options = resolve(spec, {**rule.options, **overrides})
            state = kind.build(rule.check, options)
        except ValueError as error:
            raise RuleOptionsError(f"{rule.label}: rule-options: {error}") from None
        return replace(rule, severity=severity, options=options, state=state)

    def rules_for(self, relative_path: str | None) -> list[Rule]:
        """The selected rules less those that per-file-ignores turn off for this path
        (relative to the configuration's folder, posix)."""
        if not self._per_file or relative_path is None:
            return self.rules
        ignored = frozenset(
            code
            for spec, codes in self._per_file
            if spec.match_file(relative_path)
            for code in codes
        )
        if not ignored:
            return self.rules
        if ignored not in self._ignoring:  # one list per set of ignores: the cache keys on it
            self._ignoring[ignored] = [r for r in self.rules if r.code not in ignored]
        return self._ignoring[ignored]

    def document(self, text: str, path: str = "<text>") -> Document:
        return Document(text, path, self._language if self._identifier else None)

    def _language(self, doc: Document) -> str:
        assert self._identifier is not None and self._identifier.implementation is not None
        return self._identifier.implementation.identify(doc, self._identifier.state)[0]

    def applies(self, rule: Rule, doc: Document) -> bool:
        """A rule for one language runs on documents in it, and on documents whose
        language cannot be told when that language is allowed."""
        if not rule.language:
            return True
        language = doc.language
        return language == rule.language if language else rule.language in self.allowed_languages

    def lint(
        self, text: str, path: str = "<text>", rules: Iterable[Rule] | None = None
    ) -> list[Diagnostic]:
        return self.lint_document(self.document(text, path), rules)

    def lint_document(self, doc: Document, rules: Iterable[Rule] | None = None) -> list[Diagnostic]:
        text = doc.text
        diagnostics: list[Diagnostic] = []
        undecodable = not text.isascii() and doc.holds(SURROGATES)
        interrupted = doc.holds(INTERRUPTERS)
        for rule in self.rules if rules is None else rules:
            implementation = rule.implementation
            assert implementation is not None
            if implementation.corpus or (rule.language and not self.applies(rule, doc)):
                continue  # corpus rules find across documents (seedlint.engine.corpus)
            try:
                findings = list(implementation.find(doc, rule.state))
            except TimeoutError as error:  # a user's regular expression took too long
                raise TimeoutError(f"{rule.label}: {error}") from None
            if not findings:
                continue  # most rules find nothing in most documents
            if interrupted:
                findings = [f for f in findings if not _part_of_a_word(text, f.start, f.end)]
            diagnostics.extend(self.diagnostic(rule, doc, f, undecodable) for f in findings)
        if self._explained_by and len(diagnostics) > 1:
            diagnostics = one_per_cause(diagnostics, self._explained_by)
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics

    def diagnostic(
        self, rule: Rule, doc: Document, finding: Finding, undecodable: bool | None = None
    ) -> Diagnostic:
        """A rule's finding in a document as users see it: message, place and fix (none
        when the rule's fix is off, the edits change nothing, or they border a byte that
        is not UTF-8)."""
        text = doc.text
        if undecodable is None:
            undecodable = not text.isascii() and doc.holds(SURROGATES)
        applicability = rule.fix.applicability
        fix = None
        if (
            applicability is not None
            and finding.edits is not None
            and _changes(text, finding.edits)
            and not (undecodable and _beside_undecodable(text, finding.edits))
        ):
            message = (
                _format(rule.fix_message, finding.values)
                if rule.fix_message
                else finding.fix_message
            )
            trust = Applicability.UNSAFE if finding.guess else applicability
            fix = Fix(trust, message, finding.edits)
        row, column = doc.position(finding.start)
        end_row, end_column = doc.position(finding.end)
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=_format(rule.message, finding.values),
            path=doc.path,
            start=finding.start,
            end=finding.end,
            row=row,
            column=column,
            end_row=end_row,
            end_column=end_column,
            fix=fix,
        )

    def explained(self, doc: Document, diagnostic: Diagnostic, rules: Sequence[Rule]) -> bool:
        """Whether a corpus rule's diagnostic starts inside a finding of a document rule
        that its ``explained-by`` names (the document's own rules have told the cause):
        the document is linted again with those rules only, which corpus findings are
        few enough to afford."""
        explainers = [r for r in rules if r.code in self._explained_by.get(diagnostic.code, ())]
        if not explainers:
            return False
        return any(
            _starts_inside(diagnostic, d.start, d.end) for d in self.lint_document(doc, explainers)
        )

    def fails(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.severity.rank >= self.settings.fail_on.rank

    def normalises_line_breaks(self, rules: Iterable[Rule], unsafe: bool) -> bool:
        """Whether a rule that turns every line break into LF fixes in this run."""
        for rule in rules:
            assert rule.implementation is not None
            check = rule.implementation.checks[rule.check]
            applicability = rule.fix.applicability
            if check.normalises_line_breaks and (
                applicability is Applicability.SAFE
                or (unsafe and applicability is Applicability.UNSAFE)
            ):
                return True
        return False


def one_per_cause(
    diagnostics: list[Diagnostic], explained_by: Mapping[str, tuple[str, ...]]
) -> list[Diagnostic]:
    """The diagnostics less each one that starts inside a diagnostic of a rule its own
    rule names in ``explained-by``: the same damage, reported once, by the rule that
    names its cause (a quotation opened in the sentence a cut-off ending leaves is the
    ending's finding; a bracket opened earlier in the paragraph is not)."""
    explainers = {code for codes in explained_by.values() for code in codes}
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in diagnostics:
        if d.code in explainers:
            spans.setdefault(d.code, []).append((d.start, d.end))
    if not spans:
        return diagnostics
    return [
        d
        for d in diagnostics
        if not any(
            _starts_inside(d, start, end)
            for code in explained_by.get(d.code, ())
            for start, end in spans.get(code, ())
        )
    ]


def _starts_inside(diagnostic: Diagnostic, start: int, end: int) -> bool:
    """Whether the diagnostic starts inside ``start``..``end`` (at ``start`` when empty)."""
    return start <= diagnostic.start < max(end, start + 1)


def _beside_undecodable(text: str, edits: tuple[Edit, ...]) -> bool:
    """Whether an edit borders a byte that is not UTF-8: the character there is unknown,
    so a fix could split it from its word ("caf\\xe9" is not "caf"); no fix is offered."""
    return any(UNDECODABLE.match(text, i) for e in edits for i in (e.start - 1, e.end) if i >= 0)


def _part_of_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only part of a word that a control or invisible
    character interrupts: "furthe" of "furthe\x07r" is no misspelling, and a fix of it
    beside the character's deletion would write "furtherr". The character's own check
    reports it; once it is gone, the whole word is checked again."""
    if start == end:
        return False
    after = end + 1 < len(text) and text[end] in INTERRUPTERS
    before = start >= 2 and text[start - 1] in INTERRUPTERS
    return (after and text[end - 1].isalnum() and text[end + 1].isalnum()) or (
        before and text[start].isalnum() and text[start - 2].isalnum()
    )


def _changes(text: str, edits: tuple[Edit, ...]) -> bool:
    """Whether the edits change anything (a no-op edit is no fix)."""
    return any(text[e.start : e.end] != e.content for e in edits)


class _Values(dict[str, Any]):
    """Message values; a field a finding does not set reads as empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _format(template: str, values: dict[str, Any]) -> str:
    # templates are checked when rules load: plain {field} references only
    return template.format_map(_Values(values)) if "{" in template else template
