"""JSON Lines corpora: check and fix records in place of files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLE, UNSAFE_FIXED, run_seedlint, seed

pytestmark = pytest.mark.e2e

RAW = SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "clean", "source": {"url": "x"}, "text": seed("Nothing wrong.")}),
        json.dumps({"id": "raw", "text": RAW, "lang": "en"}, ensure_ascii=False),
        "",
        '{"id": 7, "body": "no text field"}',
        "not json at all",
        json.dumps({"text": seed("The goverment agreed.")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_check_names_records_and_reports_bad_lines(corpus: Path) -> None:
    result = run_seedlint("check", "--jsonl", str(corpus), "--format", "json", "-j", "1")
    assert result.returncode == 2  # findings, and two unusable lines
    names = {
        (item["filename"].split("#")[1], item["code"], item["location"]["row"])
        for item in json.loads(result.stdout)
    }
    assert ("raw", "SL201", 7) in names and ("raw", "SL011", 21) in names
    assert ("6", "SL203", 3) in names  # no id field: the line number names the record
    assert f"{corpus}:4: no string field 'text'" in result.stderr
    assert f"{corpus}:5: not valid JSON" in result.stderr


def test_fix_writes_a_normalised_file_with_other_fields_untouched(
    corpus: Path, tmp_path: Path
) -> None:
    result = run_seedlint(
        "fix",
        "--jsonl",
        str(corpus),
        "--output-dir",
        str(tmp_path / "out"),
        "--unsafe-fixes",
        "-j",
        "1",
    )
    assert result.returncode == 2, result.stderr  # the two unusable lines
    before = corpus.read_text(encoding="utf-8").splitlines()
    after = (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert after[0] == before[0]  # unchanged record: byte for byte
    assert after[3:5] == before[3:5]  # unusable lines are carried over, not dropped
    raw = json.loads(after[1])
    assert raw["lang"] == "en" and raw["id"] == "raw"
    assert raw["text"] == UNSAFE_FIXED.read_text(encoding="utf-8")
    assert json.loads(after[-1])["text"] == seed("The government agreed.")
    assert corpus.read_text(encoding="utf-8").splitlines() == before


def test_fix_in_place_and_text_field_option(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"key": "a", "body": seed("Teh end.")}) + "\n", encoding="utf-8")
    result = run_seedlint(
        "fix", "--jsonl", str(path), "--in-place", "--text-field", "body", "--id-field", "key"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(path.read_text(encoding="utf-8")) == {"key": "a", "body": seed("The end.")}


def test_parallel_batches_keep_record_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    texts = [seed(f"Record {i} has teh typo.") for i in range(700)]
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    one = run_seedlint("check", "--jsonl", str(path), "-j", "1", "--format", "concise")
    two = run_seedlint("check", "--jsonl", str(path), "-j", "2", "--format", "concise")
    assert one.stdout == two.stdout and one.stdout.count("SL203") == 700
