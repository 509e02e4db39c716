"""Safe YAML: what a configuration or rule file from a cloned repository may hold, and the
one-line error for everything else."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.ruleset.yamlsafe import (
    MAX_BYTES,
    MAX_DEPTH,
    Mapping,
    YamlError,
    load_yaml,
    load_yaml_text,
)


def error_of(text: str, name: str = "rules.yaml") -> str:
    with pytest.raises(YamlError) as caught:
        load_yaml_text(text, name)
    message = str(caught.value)
    assert "\n" not in message
    return message


def write(tmp_path: Path, content: str | bytes, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- values and their lines ---------------------------------------------------------------

NESTED = """\
# a rule pack
rules:
  - code: SL001
    name: first
    options: {max: 3,
      min: 1}
  - code: SL002

    name: second
settings:
  nested:
    deeper:
      key: value
"""


def test_every_mapping_knows_its_line_and_its_keys_lines(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, NESTED))
    assert data == {
        "rules": [
            {"code": "SL001", "name": "first", "options": {"max": 3, "min": 1}},
            {"code": "SL002", "name": "second"},
        ],
        "settings": {"nested": {"deeper": {"key": "value"}}},
    }
    first, second = data["rules"]
    nested = data["settings"]["nested"]
    mappings = [data, first, first["options"], second, data["settings"], nested, nested["deeper"]]
    assert all(isinstance(m, Mapping) for m in mappings)
    assert [m.line for m in mappings] == [2, 3, 5, 7, 11, 12, 13]
    assert data.key_lines == {"rules": 2, "settings": 10}
    assert first.key_lines == {"code": 3, "name": 4, "options": 5}
    assert first["options"].key_lines == {"max": 5, "min": 6}
    assert second.key_lines == {"code": 7, "name": 9}
    assert nested.key_lines == {"deeper": 12}
    assert nested["deeper"].key_lines == {"key": 13}


def test_lines_count_crlf_line_breaks_once(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, NESTED.replace("\n", "\r\n").encode()))
    assert data["settings"]["nested"]["deeper"].key_lines == {"key": 13}


def test_plain_values_are_the_safe_loaders(tmp_path: Path) -> None:
    data = load_yaml(
        write(
            tmp_path,
            """\
            text: plain
            number: 3
            ratio: 0.5
            flag: true
            nothing: ~
            list: [a, 1]
            quoted: "1"
            example: !!binary aGVsbG8gd29ybGQ=
            """,
        )
    )
    assert data == {
        "text": "plain",
        "number": 3,
        "ratio": 0.5,
        "flag": True,
        "nothing": None,
        "list": ["a", 1],
        "quoted": "1",
        "example": b"hello world",
    }


def test_an_empty_file_is_none_and_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    assert load_yaml(write(tmp_path, b"")) is None
    assert load_yaml(write(tmp_path, b"# only a comment\n")) is None
    assert load_yaml(write(tmp_path, "\ufeffa: 1\n".encode())) == {"a": 1}


def test_anchors_without_aliases_are_harmless() -> None:
    assert load_yaml_text("a: &first 1\nb: &second [x]\n", "c.yaml") == {"a": 1, "b": ["x"]}


# --- aliases, nesting, keys -------------------------------------------------------------

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_a_billion_laughs_file_fails_at_its_first_alias(tmp_path: Path) -> None:
    path = write(tmp_path, BILLION_LAUGHS, "laughs.yaml")
    assert path.stat().st_size < 1024
    with pytest.raises(YamlError) as caught:
        load_yaml(path)
    assert str(caught.value) == f"{path}:2: YAML aliases are not allowed (*a at column 8)"
    assert caught.value.line == 2


def test_any_alias_is_refused_with_its_line() -> None:
    text = "defaults: &defaults\n  severity: error\nrule:\n  options: *defaults\n"
    assert error_of(text) == "rules.yaml:4: YAML aliases are not allowed (*defaults at column 12)"


def test_merge_keys_are_refused() -> None:
    assert error_of("a:\n  <<: {x: 1}\n") == "rules.yaml:2: merge keys (<<) are not allowed"


def nested_flow(depth: int) -> str:
    return "[" * depth + "]" * depth


def nested_block(depth: int) -> str:
    return "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"


def test_nesting_up_to_the_limit_is_read() -> None:
    value = load_yaml_text(nested_flow(MAX_DEPTH), "c.yaml")
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == []
    value = load_yaml_text(nested_block(MAX_DEPTH), "c.yaml")
    for level in range(MAX_DEPTH):
        value = value[f"k{level}"]
    assert value == "x"


def test_deeper_nesting_is_refused_before_anything_is_built() -> None:
    message = f"nested more than {MAX_DEPTH} levels deep"
    assert error_of(nested_flow(MAX_DEPTH + 1)) == f"rules.yaml:1: {message}"
    assert error_of(nested_flow(500)) == f"rules.yaml:1: {message}"
    # libyaml's own limit may speak first: either way one line, at line 1, about nesting
    deepest = error_of(nested_flow(100_000))
    assert deepest.startswith("rules.yaml:1: ") and "nest" in deepest
    assert error_of(nested_block(MAX_DEPTH + 1)) == f"rules.yaml:{MAX_DEPTH + 1}: {message}"
    assert error_of(nested_block(500)) == f"rules.yaml:{MAX_DEPTH + 1}: {message}"
    assert error_of("- " * 500 + "x") == f"rules.yaml:1: {message}"


def test_a_duplicate_key_names_both_lines() -> None:
    text = "rules:\n  - code: SL001\n    name: a\n    'code': SL002\n"
    assert error_of(text) == "rules.yaml:4: duplicate key 'code' (first at line 2)"
    assert error_of("{a: 1,\n a: 2}") == "rules.yaml:2: duplicate key 'a' (first at line 1)"
    assert error_of('"a\\nb": 1\n"a\\nb": 2\n') == (
        "rules.yaml:2: duplicate key 'a\\nb' (first at line 1)"
    )


@pytest.mark.parametrize(
    ("text", "line", "shown"),
    [
        ("1: 2", 1, "1"),
        ("a: 1\nnull: 1", 2, "null"),
        ("~: 1", 1, "~"),
        ("true: x", 1, "true"),
        ("1.5: x", 1, "1.5"),
        ("2024-01-18: x", 1, "2024-01-18"),
        ("[a]: b", 1, "a list"),
        ("? {a: 1}\n: x", 1, "a mapping"),
        ("x:\n  ? [a, b]\n  : c", 2, "a list"),
        ("? \n: x", 1, "an empty value"),
        ("? !!binary |\n  aGk=\n: x", 1, "aGk="),
    ],
)
def test_keys_that_are_not_strings_are_refused(text: str, line: int, shown: str) -> None:
    assert error_of(text) == f"rules.yaml:{line}: keys must be strings, not {shown}"


def test_quoted_keys_that_look_like_other_values_are_strings() -> None:
    data = load_yaml_text("'1': a\n\"null\": b\n'true': c\n", "c.yaml")
    assert data == {"1": "a", "null": "b", "true": "c"}


# --- tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
        "!<tag:yaml.org,2002:python/object/apply:os.system>",
    ],
)
def test_tags_that_build_objects_are_refused_and_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    text = f"rules:\n  - run: {tag} [touch {marker}]\n"
    message = error_of(text)
    assert message.startswith("rules.yaml:2: YAML error, column 10: could not determine a")
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a:\n  b: 2024-02-30\n", "rules.yaml:2: not a valid timestamp: 2024-02-30 ("),
        ("a: !!timestamp soon", "rules.yaml:1: not a valid timestamp: soon"),
        ("a: !!bool perhaps", "rules.yaml:1: not a valid bool: perhaps"),
        ("a: !!int ''", "rules.yaml:1: not a valid int: an empty value"),
        ("a: !!float x", "rules.yaml:1: not a valid float: x ("),
        ("a: " + "9" * 5000, "rules.yaml:1: not a valid int: 999"),
    ],
)
def test_values_python_cannot_hold_are_refused_with_their_line(text: str, message: str) -> None:
    assert error_of(text).startswith(message)


# --- syntax errors keep their line, column and reason -------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules:\n  - code: [SL001\n  - name: x\n",
            "rules.yaml:3: YAML error, column 9: did not find expected ',' or ']'"
            " (while parsing a flow sequence, line 2)",
        ),
        (
            "a: 1\n b: 2\n",
            "rules.yaml:2: YAML error, column 3: mapping values are not allowed in this context",
        ),
        (
            "a: 'unterminated\n",
            "rules.yaml:2: YAML error, column 1: found unexpected end of stream"
            " (while scanning a quoted scalar, line 1)",
        ),
        ("a:\tb: 1\n", "rules.yaml:1: YAML error, column 5:"),
        (
            "--- 1\n--- 2\n",
            "rules.yaml:2: YAML error, column 1: but found another document"
            " (expected a single document in the stream, line 1)",
        ),
        ("a: \x07\n", "rules.yaml:1: YAML error, column 4: U+0007 is not allowed"),
        ("a: 1\r\nb: \x1b\n", "rules.yaml:2: YAML error, column 4: U+001B is not allowed"),
    ],
)
def test_syntax_errors_say_where_and_what(text: str, message: str) -> None:
    assert error_of(text).startswith(message)


# --- files that are not YAML text ----------------------------------------------------------


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: " + b"x" * MAX_BYTES)
    with pytest.raises(YamlError) as caught:
        load_yaml(path)
    assert str(caught.value) == (
        f"{path}: larger than 8 MiB, more than a configuration or rule file may be"
    )
    assert "larger than 8 MiB" in error_of("a: " + "x" * MAX_BYTES)
    assert "larger than 8 MiB" in error_of("a: " + "é" * (MAX_BYTES // 2))


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: ü\nc: caf".encode() + b"\xe9\n")
    with pytest.raises(YamlError) as caught:
        load_yaml(path)
    assert str(caught.value) == f"{path}:3: not UTF-8 (byte 0xE9 at column 7)"
    path = write(tmp_path, "a: 1\n".encode("utf-16"))
    with pytest.raises(YamlError, match=r":1: not UTF-8 \(byte 0xFF at column 1\)"):
        load_yaml(path)


def test_files_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match=r"missing\.yaml: cannot read: No such file"):
        load_yaml(tmp_path / "missing.yaml")
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(YamlError, match=r"folder\.yaml: is a folder, not a YAML file"):
        load_yaml(tmp_path / "folder.yaml")
    os.mkfifo(tmp_path / "fifo.yaml")  # nobody writes to it: reading must not wait
    with pytest.raises(YamlError, match=r"fifo\.yaml: not a regular file"):
        load_yaml(tmp_path / "fifo.yaml")


def test_the_error_carries_its_parts() -> None:
    error = YamlError("c.yaml", 0, "whole-file problem")
    assert (str(error), error.path, error.line, error.message) == (
        "c.yaml: whole-file problem",
        "c.yaml",
        0,
        "whole-file problem",
    )
    assert str(YamlError("c.yaml", 4, "here")) == "c.yaml:4: here"


# --- whatever the text, a value or a YamlError ---------------------------------------------

PIECES = st.sampled_from(
    [
        "a", "b", "key", ":", ": ", " ", "  ", "\n", "\r\n", "\t", "- ", "[", "]", "{", "}",
        ",", "? ", "&x ", "*x", "!!binary ", "!!python/name:os.system ", "!!int ", "!!float ",
        "!!bool ", "!!timestamp ", "!!set ", "!!omap ", "!!pairs ", "!!map ", "!!seq ",
        "!!str ", "!custom ", "'", '"', "|", ">", "#", "<<", "1", "0x1F", "1e9", "null", "~",
        "=", "2024-02-30", "2024-01-18", "---", "...", "%YAML 1.1\n", "%TAG ! !foo\n", "\\",
        "\\u00e9", "é", "\x85", "\u2028", "\ufeff", "\x00", "\udce9", "9" * 5000,
    ]
)  # fmt: skip
YAMLISH = st.lists(PIECES, max_size=40).map("".join)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()))


@settings(max_examples=400)
@given(YAMLISH | ANY_TEXT)
def test_any_text_gives_a_value_or_a_one_line_yaml_error(text: str) -> None:
    try:
        load_yaml_text(text, "fuzz.yaml")
    except YamlError as error:
        assert str(error).startswith("fuzz.yaml")
        assert "\n" not in str(error)


PURE_PYTHON = textwrap.dedent(
    """
    import yaml
    del yaml.CSafeLoader  # as when PyYAML was built without libyaml
    from seedlint.ruleset.yamlparse import _BaseLoader
    from seedlint.ruleset.yamlsafe import YamlError, load_yaml_text
    assert _BaseLoader is yaml.SafeLoader
    data = load_yaml_text("a:\\n  b: 1\\n  c: !!binary aGk=\\n", "c.yaml")
    print(data, data.line, data["a"].line, data["a"].key_lines)
    for text in ("a: &x 1\\nb: *x", "[" * 100000, "a: 1\\na: 2", "1: 2", "a: [1\\n"):
        try:
            load_yaml_text(text, "c.yaml")
        except YamlError as error:
            print(error)
    """
)


@pytest.mark.e2e
def test_without_libyaml_the_pure_python_parser_gives_the_same_answers() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PURE_PYTHON], capture_output=True, text=True, timeout=120
    )
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "{'a': {'b': 1, 'c': b'hi'}} 1 2 {'b': 2, 'c': 3}",
        "c.yaml:2: YAML aliases are not allowed (*x at column 4)",
        f"c.yaml:1: nested more than {MAX_DEPTH} levels deep",
        "c.yaml:2: duplicate key 'a' (first at line 1)",
        "c.yaml:1: keys must be strings, not 1",
        "c.yaml:2: YAML error, column 1: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence, line 1)",
    ]
