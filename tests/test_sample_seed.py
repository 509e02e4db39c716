"""The raw sample seed, as received: exactly its five named defects at their rows, and the
sixth its damage also holds (the quotation marks lost around Dr Endo's words after
"commented,"); and the bundled seeds/ holds it as reviewed after every fix."""

from __future__ import annotations

import json

import pytest

import seedlint
from conftest import ROOT, SAMPLE, UNSAFE_FIXED, run_seedlint

EXPECTED = [
    (1, "SL001", "header-leading-whitespace"),  # " date …"
    (1, "SL210", "missing-possessive-apostrophe"),  # "the UKs strategic approach"
    (7, "SL201", "minister-typo"),  # "Deputy Prime Minster"
    (11, "SL301", "unbalanced-quotes"),  # a closing ” with no opening “
    (19, "SL305", "unquoted-speech"),  # "… Endo commented," then his words, unquoted
    (21, "SL011", "truncated-ending"),  # stops at "Sharon Barber commented,"
    (21, "SL010", "final-newline"),  # … and has no final newline
]


def test_api_finds_exactly_the_named_defects(sample_text: str) -> None:
    found = [(d.row, d.code, d.name) for d in seedlint.lint_text(sample_text)]
    assert sorted(found) == sorted(EXPECTED)


def test_defects_are_located_on_the_damaged_text(sample_text: str) -> None:
    by_code = {d.code: d for d in seedlint.lint_text(sample_text)}
    assert sample_text[by_code["SL001"].start : by_code["SL001"].end] == " "
    assert sample_text[by_code["SL210"].start : by_code["SL210"].end] == "UKs"
    assert sample_text[by_code["SL201"].start : by_code["SL201"].end] == "Minster"
    quote = sample_text[by_code["SL301"].start : by_code["SL301"].end]
    assert quote.startswith("Cyber is the new frontier.") and quote.endswith("our values”")
    truncated = by_code["SL011"]
    assert (
        sample_text[truncated.start : truncated.end] == "Co-chair of NCAB, Sharon Barber commented,"
    )
    assert "dangling speech introduction" in truncated.message
    assert (by_code["SL201"].row, by_code["SL201"].column) == (7, 28)


@pytest.mark.e2e
def test_cli_reports_them_and_exits_1() -> None:
    result = run_seedlint("check", str(SAMPLE), "--format", "concise")
    assert result.returncode == 1, result.stderr
    shown = "tests/fixtures/000_427d24922044e314.txt"  # relative to the working directory
    lines = [line for line in result.stdout.splitlines() if line.startswith(shown)]
    rows_codes = sorted((int(line.split(":")[1]), line.split()[1]) for line in lines)
    assert rows_codes == sorted((row, code) for row, code, _ in EXPECTED)


@pytest.mark.e2e
def test_text_format_shows_source_and_caret() -> None:
    result = run_seedlint("check", str(SAMPLE))
    out = result.stdout
    shown = "tests/fixtures/000_427d24922044e314.txt"  # relative to the working directory
    assert f"{shown}:7:28: SL201 error [minister-typo] 'Minster' is a typo for 'Minister'" in out
    block = out.split(f"{shown}:7:28:")[1].split("\n\n")[0].splitlines()
    source, caret = block[1], block[2]
    assert "Deputy Prime Minster" in source
    assert source[caret.index("^") : caret.index("^") + 7] == "Minster"
    assert caret.strip() == "^" * 7
    assert "= fix (safe): Replace with 'Minister'" in out
    assert (
        "Found 7 problems (5 errors, 2 warnings) in 1 file (4 fixable with `seedlint fix`, "
        "3 more with --unsafe-fixes)." in out
    )


@pytest.mark.e2e
def test_json_format_has_exactly_the_documented_keys() -> None:
    result = run_seedlint("check", str(SAMPLE), "--format", "json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert len(items) == 7
    for item in items:
        assert set(item) == {
            "code",
            "name",
            "severity",
            "message",
            "filename",
            "location",
            "end_location",
            "fix",
        }
        assert set(item["location"]) == {"row", "column"}
    minster = next(i for i in items if i["code"] == "SL201")
    assert minster["location"] == {"row": 7, "column": 28}
    assert minster["end_location"] == {"row": 7, "column": 35}
    assert minster["fix"] == {
        "applicability": "safe",
        "message": "Replace with 'Minister'",
        "edits": [
            {
                "content": "Minister",
                "location": {"row": 7, "column": 28},
                "end_location": {"row": 7, "column": 35},
            }
        ],
    }
    quote = next(i for i in items if i["code"] == "SL301")
    assert quote["fix"]["applicability"] == "unsafe"
    assert quote["location"] == {"row": 11, "column": 1}
    assert quote["end_location"] == {"row": 11, "column": 154}
    assert quote["fix"]["edits"][0]["location"] == {"row": 11, "column": 1}


@pytest.mark.e2e
def test_output_is_deterministic() -> None:
    first = run_seedlint("check", str(SAMPLE), "--format", "json").stdout
    second = run_seedlint("check", str(SAMPLE), "--format", "json").stdout
    assert first == second


@pytest.mark.e2e
def test_bundled_seeds_are_the_reviewed_normalised_sample() -> None:
    bundled = ROOT / "seeds" / SAMPLE.name
    assert bundled.read_text(encoding="utf-8") == UNSAFE_FIXED.read_text(encoding="utf-8")
    assert run_seedlint("check", "seeds").returncode == 0
