"""Severities, applicabilities and fix modes (seedlint.engine.diagnostics): their order and
how they relate, which reports and exit codes depend on."""

from __future__ import annotations

from seedlint.engine.diagnostics import (
    SEVERITY_ORDER,
    Applicability,
    Diagnostic,
    FixMode,
    Severity,
)


def test_severities_rank_from_info_to_error() -> None:
    assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [0, 1, 2]
    assert list(SEVERITY_ORDER) == sorted(Severity, key=lambda s: s.rank)
    assert Severity("warning") is Severity.WARNING and Severity.ERROR == "error"


def test_a_fix_mode_gives_the_applicability_of_its_fixes() -> None:
    assert FixMode.SAFE.applicability is Applicability.SAFE
    assert FixMode.UNSAFE.applicability is Applicability.UNSAFE
    assert FixMode.OFF.applicability is None


def test_diagnostics_sort_by_file_row_column_and_code() -> None:
    def at(path: str, row: int, column: int, code: str) -> Diagnostic:
        return Diagnostic(code, "n", Severity.INFO, "m", path, 0, 0, row, column, row, column)

    found = [at("b.txt", 1, 1, "SL001"), at("a.txt", 2, 1, "SL001"), at("a.txt", 1, 5, "SL002"),
             at("a.txt", 1, 5, "SL001"), at("a.txt", 10, 1, "SL001")]  # fmt: skip
    ordered = sorted(found, key=lambda d: d.sort_key)
    assert [(d.path, d.row, d.column, d.code) for d in ordered] == [
        ("a.txt", 1, 5, "SL001"),
        ("a.txt", 1, 5, "SL002"),
        ("a.txt", 2, 1, "SL001"),
        ("a.txt", 10, 1, "SL001"),  # rows as numbers, not text
        ("b.txt", 1, 1, "SL001"),
    ]
