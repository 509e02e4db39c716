"""The header kind, through the bundled rules on it (SL001-SL012): the `date YYYY-MM-DD
Title` line, its damage and its fixes."""

from __future__ import annotations

import pytest

from helpers import fixed, found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("\n  date 2024-01-18 T\n\nText.\n", "SL001"),
        ("Date: 2024-01-18 T\n\nText.\n", "SL002"),
        ("date 18/01/2024 T\n\nText.\n", "SL002"),
        ("date 2023-02-29 T\n\nText.\n", "SL003"),
        ("date 2024-01-18\n\nText.\n", "SL004"),
        ("date 2024-01-18  T\n\nText.\n", "SL005"),
        ("date 2024-01-18 T\nText.\n", "SL006"),
        ("date 2024-01-18 T\n", "SL012"),
    ],
)
def test_header_problems(text: str, code: str) -> None:
    assert code in {c for c, _ in found(text, "SL0")}


def test_header_fixes() -> None:
    assert fixed("\ufeff  date 2024-01-18 T\n\nText.\n", "SL0") == "date 2024-01-18 T\n\nText.\n"
    assert fixed("date\t2024-01-18  T\nText.\n", "SL0") == "date 2024-01-18 T\n\nText.\n"


def test_valid_header_and_leap_day() -> None:
    assert found("date 2024-02-29 A leap day\n\nText.\n", "SL0") == []


@pytest.mark.parametrize(
    ("header", "spacing"),
    [
        ("date  2024-01-18 T", [("SL005", "  ")]),
        ("date 2024-01-18\tT", [("SL005", "\t")]),
        ("date\t2024-01-18  T", [("SL005", "\t"), ("SL005", "  ")]),
        # inside the title the spaces are no separator: the spacing rule's finding
        ("date 2024-01-18  T  and  U", [("SL005", "  "), ("SL104", "  "), ("SL104", "  ")]),
        ("date 2024-01-18 T\tU", [("SL103", "\t")]),
    ],
)
def test_a_header_separator_draws_one_finding(header: str, spacing: list[tuple[str, str]]) -> None:
    """A doubled space or a tab between the header's fields is one damage: SL005
    reports it, and the spacing rules leave it alone; the body keeps its own findings."""
    text = header + "\n\nText  here.\n"
    assert found(text, "SL005", "SL103", "SL104") == [*spacing, ("SL104", "  ")]
    assert (
        fixed(text, "SL0", "SL1")
        == header.replace("\t", " ").replace("  ", " ").replace("  ", " ") + "\n\nText here.\n"
    )
