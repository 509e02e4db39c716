"""JUnit XML (seedlint.output.junit): a test suite per file, a failure per finding, and
text that XML 1.0 cannot hold replaced.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ODD_NAME
from helpers import check_format, json_items

pytestmark = pytest.mark.e2e


def test_junit(format_project: Path) -> None:
    code, out = check_format(format_project, "junit")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"seeds/clean.txt", "seeds/raw.txt", f"seeds/{ODD_NAME}"}
    expected = json_items(format_project)
    assert root.get("failures") == str(len(expected))
    raw = suites["seeds/raw.txt"]
    assert raw.get("failures") == raw.get("tests") == "7"
    types = [f.get("type") for f in raw.iter("failure")]
    assert types == ["SL001", "SL210", "SL201", "SL301", "SL305", "SL011", "SL010"]
    (case,) = suites["seeds/clean.txt"].iter("testcase")
    assert case.find("failure") is None
    (odd,) = [f for f in root.iter("failure") if f.get("type") == "HS950"]
    assert odd.get("message") == "Odd text: ODD 100%, a: b\nand \ufffd more."  # XML 1.0 safe
