"""The bundled rule pack kept parsed: its YAML files' values as JSON in the user's cache
folder, so that a run with the default rules neither imports PyYAML nor parses them
(together 40 ms of a one-file check).

The copy is named by a digest of the files' names and bytes (and of this format), so an
upgraded or edited pack is parsed again and its copy replaces the old one. It holds data
only and is read back checked: every mapping must be a list of keys with their lines, and
anything else (a damaged or foreign copy) means the files are parsed as if there were no
copy. Only the bundled pack is kept of the rule files: a user's rule files are parsed, and
checked, at each run. A configuration file (``seedlint.yaml``) is kept the same way, alone,
named by a digest of its bytes (``configuration_value``): a project's pre-commit run of one
file need not import PyYAML. Its copy is only its parsed value: every setting in it is
checked at each run, as when it is parsed.

A value is written as JSON: strings, numbers, booleans, null and lists as themselves, a
``Mapping`` as ``{"m": [line, [[key, line, value], ...]]}`` and bytes (``!!binary``) as
``{"b": "..."}`` (each byte one character); a pack holding any other YAML value (a date, a
set) is not kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seedlint.io.usercache import cache_folder, keep_data

try:  # the hash itself, without hashlib's import of OpenSSL (3 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's module
    from hashlib import blake2b
from seedlint.io.reading import read_regular
from seedlint.ruleset.yamlsafe import Mapping, YamlError, load_yaml, load_yaml_text, read_limited

FORMAT = b"seedlint rule pack 1"  # part of the digest: a new layout makes a new copy
PREFIX = "rules-"
CONFIGURATION_PREFIX = "configuration-"
CONFIGURATIONS_KEPT = 32  # copies of configuration files (of projects, or edits) kept
DIGEST_BYTES = 16


class _NotKept(Exception):
    """A value that the copy's JSON cannot hold, or a copy that is not what was kept."""


def bundled_values(paths: Sequence[Path]) -> dict[Path, Mapping]:
    """The parsed value of each bundled rule file that is a mapping, from the kept copy or
    parsed now (and kept); files that cannot be read or parsed are left out, for the
    caller's own reading to report."""
    try:
        contents = [read_limited(path, str(path)) for path in paths]
    except YamlError:
        return {}
    digest = blake2b(FORMAT, digest_size=DIGEST_BYTES)
    for path, data in zip(paths, contents, strict=True):
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    copy = cache_folder() / f"{PREFIX}{digest.hexdigest()}.json"
    try:
        return _read_copy(read_regular(copy), paths)
    except (OSError, ValueError, RecursionError, _NotKept):
        pass  # no copy yet, or one that is not whole: parse the files
    values: dict[Path, Mapping] = {}
    for path, data in zip(paths, contents, strict=True):
        try:
            value = load_yaml_text(data.decode("utf-8"), str(path))
        except (UnicodeDecodeError, YamlError):
            return {}
        if not isinstance(value, Mapping):
            return {}
        values[path] = value
    try:
        encoded = json.dumps({p.name: _encode(v) for p, v in values.items()}, allow_nan=False)
    except (_NotKept, ValueError):
        return values  # a value JSON cannot hold: parsed at every run
    keep_data(copy, encoded.encode("utf-8"), (f"{PREFIX}*.json",))
    return values


def configuration_value(path: Path) -> Any:
    """The parsed value of a YAML configuration file, from its kept copy or parsed now
    (and kept when it parses); YamlError, from the parse, when it does not."""
    data = read_limited(path, str(path))
    digest = blake2b(FORMAT + b"/configuration", digest_size=DIGEST_BYTES)
    digest.update(data)
    copy = cache_folder() / f"{CONFIGURATION_PREFIX}{digest.hexdigest()}.json"
    try:
        return _decode(json.loads(read_regular(copy)))
    except (OSError, ValueError, RecursionError, _NotKept):
        pass  # no copy yet, or one that is not whole: parse the file
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return load_yaml(path)  # which says where the bad byte is
    value = load_yaml_text(text, str(path))
    try:
        encoded = json.dumps(_encode(value), allow_nan=False)
    except (_NotKept, ValueError):
        return value  # a value JSON cannot hold: parsed at every run
    keep_data(copy, encoded.encode("utf-8"), ())
    _forget_oldest(copy.parent, f"{CONFIGURATION_PREFIX}*.json", CONFIGURATIONS_KEPT)
    return value


def _forget_oldest(folder: Path, pattern: str, kept: int) -> None:
    """Remove all but the ``kept`` newest copies of ``pattern``."""
    try:
        copies = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
        for old in copies[:-kept]:
            old.unlink()
    except OSError:
        pass  # removed meanwhile, or a folder that cannot be written: left as it is


def _read_copy(data: bytes, paths: Sequence[Path]) -> dict[Path, Mapping]:
    kept = json.loads(data)
    if not isinstance(kept, dict) or sorted(kept) != sorted(p.name for p in paths):
        raise _NotKept
    values = {path: _decode(kept[path.name]) for path in paths}
    if not all(isinstance(value, Mapping) for value in values.values()):
        raise _NotKept
    return values


def _encode(value: Any) -> Any:
    if isinstance(value, Mapping):
        items = [[key, value.key_lines.get(key, 0), _encode(item)] for key, item in value.items()]
        return {"m": [value.line, items]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, bytes):
        return {"b": value.decode("latin-1")}
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise _NotKept


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        if value is None or type(value) in (str, int, float, bool):
            return value
        raise _NotKept
    if list(value) == ["b"] and isinstance(value["b"], str):
        return value["b"].encode("latin-1")  # UnicodeEncodeError is a ValueError
    if list(value) != ["m"] or not isinstance(value["m"], list) or len(value["m"]) != 2:
        raise _NotKept
    line, items = value["m"]
    if type(line) is not int or not isinstance(items, list):
        raise _NotKept
    mapping = Mapping(line)
    for item in items:
        if not isinstance(item, list) or len(item) != 3:
            raise _NotKept
        key, key_line, child = item
        if not isinstance(key, str) or type(key_line) is not int or key in mapping:
            raise _NotKept
        mapping[key] = _decode(child)
        mapping.key_lines[key] = key_line
    return mapping
