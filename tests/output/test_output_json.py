"""JSON and JSON Lines reports (seedlint.output.json): JSON Lines is the JSON array, one
item a line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import check_format, json_items

pytestmark = pytest.mark.e2e


def test_json_lines_is_the_json_array_one_line_each(format_project: Path) -> None:
    code, out = check_format(format_project, "json-lines")
    assert code == 1
    assert [json.loads(line) for line in out.splitlines()] == json_items(format_project)
