"""The bundled rule pack kept parsed in the user's cache folder: the same values, lines
included, as parsing its YAML; a damaged or foreign copy is never trusted; a run with the
bundled rules alone does not import PyYAML."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seedlint.ruleset import kept
from seedlint.ruleset.rulefile import bundled_rule_files, load_rules
from seedlint.ruleset.yamlsafe import Mapping, YamlError, load_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SEEDLINT_WORDLIST_CACHE", str(folder))
    return folder


def shape(value: Any) -> Any:
    """A value with every mapping's lines spelled out, for comparing."""
    if isinstance(value, Mapping):
        items = [(k, value.key_lines[k], shape(v)) for k, v in value.items()]
        return ("mapping", value.line, items)
    if isinstance(value, list):
        return [shape(item) for item in value]
    return (type(value).__name__, value)


def parsed(paths: list[Path]) -> dict[Path, Any]:
    return {path: shape(load_yaml(path)) for path in paths}


def test_the_kept_pack_is_the_parsed_one(cache: Path) -> None:
    paths = bundled_rule_files()
    expected = parsed(paths)
    first = kept.bundled_values(paths)  # parsed, and kept
    (copy,) = cache.glob("rules-*.json")
    second = kept.bundled_values(paths)  # read back
    assert {p: shape(v) for p, v in first.items()} == expected
    assert {p: shape(v) for p, v in second.items()} == expected
    # what is read is the copy: a change to it shows
    data = json.loads(copy.read_bytes())
    data[paths[0].name]["m"][0] = 999
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert kept.bundled_values(paths)[paths[0]].line == 999


def test_rules_from_the_kept_pack_are_the_rules_parsed(cache: Path) -> None:
    first = load_rules(["default"], Path.cwd())
    assert list(cache.glob("rules-*.json"))
    second = load_rules(["default"], Path.cwd())
    assert [r.definition for r in first] == [r.definition for r in second]
    assert [(r.source, r.line, r.examples) for r in first] == [
        (r.source, r.line, r.examples) for r in second
    ]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"apostrophes.yaml": {"m": [1, []]}}',  # files missing
        b"[" * 100_000,
    ],
)
def test_a_damaged_copy_is_parsed_again(cache: Path, damage: bytes) -> None:
    paths = bundled_rule_files()
    kept.bundled_values(paths)
    (copy,) = cache.glob("rules-*.json")
    whole = copy.read_bytes()
    copy.write_bytes(damage)
    assert {p: shape(v) for p, v in kept.bundled_values(paths).items()} == parsed(paths)
    assert copy.read_bytes() == whole  # and kept again, whole


@pytest.mark.parametrize(
    "value",
    [
        {"x": 1},  # a plain object, not a mapping
        {"m": [1, [["a", 1, 2], ["a", 2, 3]]]},  # a key twice
        {"m": ["1", []]},  # a line that is not a number
        {"m": [1, [[1, 1, 2]]]},  # a key that is not a string
        {"m": [1, [["a", 1]]]},
        {"b": "\u0100"},  # not a byte
        {"m": [1, []], "b": ""},
    ],
)
def test_a_foreign_value_in_the_copy_is_refused(value: Any) -> None:
    with pytest.raises((kept._NotKept, ValueError)):
        kept._decode(value)


def test_values_round_trip() -> None:
    mapping = Mapping(3)
    mapping["text"], mapping.key_lines["text"] = "a", 4
    mapping["binary"], mapping.key_lines["binary"] = b"\xff\x00", 5
    mapping["items"], mapping.key_lines["items"] = [1, 2.5, True, None, []], 6
    back = kept._decode(json.loads(json.dumps(kept._encode(mapping))))
    assert shape(back) == shape(mapping)
    assert type(back["items"][2]) is bool and type(back["items"][0]) is int


def test_a_pack_holding_other_values_is_not_kept(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.yaml").write_text("rules: []\nwhen: 2024-01-01\n", encoding="utf-8")
    values = kept.bundled_values([pack / "a.yaml"])
    assert values[pack / "a.yaml"]["when"] == datetime.date(2024, 1, 1)
    assert not list(cache.glob("rules-*.json"))


def test_an_edited_pack_gets_a_new_copy(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_rule_files()[0].parent, pack)
    paths = sorted(pack.glob("*.yaml"))
    kept.bundled_values(paths)
    (old,) = cache.glob("rules-*.json")
    with paths[0].open("a", encoding="utf-8") as stream:
        stream.write("\n# edited\n")
    kept.bundled_values(paths)
    (new,) = cache.glob("rules-*.json")
    assert new != old


def test_a_pack_that_cannot_be_parsed_is_left_to_the_caller(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("rules: [\n", encoding="utf-8")
    assert kept.bundled_values([tmp_path / "a.yaml"]) == {}
    assert kept.bundled_values([tmp_path / "missing.yaml"]) == {}
    assert not list(cache.glob("rules-*.json"))


IMPORTS = """
import sys
from seedlint.commands.cli import main
code = main(["check", "--no-cache", "--isolated", sys.argv[1]])
print(code, "yaml" in sys.modules)
"""


@pytest.mark.e2e
def test_a_run_with_the_bundled_rules_does_not_import_yaml(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2024-01-01 Title\n\nA body.\n", encoding="utf-8")
    env = {"SEEDLINT_WORDLIST_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", IMPORTS, str(tmp_path / "a.txt")],
            capture_output=True, text=True, env=env, cwd=tmp_path, check=True, timeout=120,
        ).stdout.splitlines()[-1]
        for _ in range(2)
    ]  # fmt: skip
    assert outputs == ["0 True", "0 False"]  # parsed and kept, then read from the copy


# --- a configuration file, kept alone ----------------------------------------------------

CONFIGURATION = """\
paths: [seeds]
fail-on: error
per-file-ignores:
  "seeds/old/*": [SL2, SL301]
rule-options:
  SL202: {extra: [["pubic sector", "public sector"]]}
"""


def test_a_kept_configuration_is_the_parsed_one(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "seedlint.yaml"
    path.write_text(CONFIGURATION, encoding="utf-8")
    expected = shape(load_yaml(path))
    assert shape(kept.configuration_value(path)) == expected  # parsed, and kept
    (copy,) = cache.glob("configuration-*.json")
    assert shape(kept.configuration_value(path)) == expected  # read back
    data = json.loads(copy.read_bytes())
    data["m"][0] = 999  # what is read is the copy: a change to it shows
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert kept.configuration_value(path).line == 999
    path.write_text(CONFIGURATION + "languages: [en]\n", encoding="utf-8")  # another file
    assert shape(kept.configuration_value(path)) == shape(load_yaml(path))
    assert len(list(cache.glob("configuration-*.json"))) == 2


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"m": [1, [["a", 1]]]}', b"[" * 100_000])
def test_a_damaged_configuration_copy_is_parsed_again(
    cache: Path, tmp_path: Path, damage: bytes
) -> None:
    path = tmp_path / "seedlint.yaml"
    path.write_text(CONFIGURATION, encoding="utf-8")
    kept.configuration_value(path)
    (copy,) = cache.glob("configuration-*.json")
    copy.write_bytes(damage)
    assert shape(kept.configuration_value(path)) == shape(load_yaml(path))


@pytest.mark.parametrize(
    "text", ["paths: [seeds\n", "a: 1\na: 2\n", "x: !!python/object:os.system {}\n"]
)
def test_a_configuration_that_does_not_parse_is_never_kept(
    cache: Path, tmp_path: Path, text: str
) -> None:
    path = tmp_path / "seedlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlError) as parsed:
        load_yaml(path)
    with pytest.raises(YamlError) as read:
        kept.configuration_value(path)
    assert str(read.value) == str(parsed.value)
    assert not list(cache.glob("configuration-*.json"))


def test_only_the_newest_configuration_copies_are_kept(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "seedlint.yaml"
    for number in range(kept.CONFIGURATIONS_KEPT + 5):
        path.write_text(f"paths: [seeds{number}]\n", encoding="utf-8")
        kept.configuration_value(path)
    assert len(list(cache.glob("configuration-*.json"))) == kept.CONFIGURATIONS_KEPT
    assert kept.configuration_value(path)["paths"] == [f"seeds{kept.CONFIGURATIONS_KEPT + 4}"]
