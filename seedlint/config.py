"""Configuration: ``seedlint.yaml`` or ``[tool.seedlint]`` in ``pyproject.toml``.

The nearest folder, from the working directory upwards, that holds either file decides;
``seedlint.yaml`` wins when a folder has both. Paths in the configuration are relative to
that folder. Keys (kebab-case):

    paths: [seeds]                 # what ``seedlint check`` reads when given no path
    include: ["*.txt"]             # file-name globs for files found in folders
    exclude: []                    # globs (relative paths) never read
    rule-packs: [default]          # "default" is the bundled pack; others are paths
    select: [ALL]                  # codes, code prefixes or names
    extend-select: []
    ignore: []
    per-file-ignores: {"glob": [codes]}
    severity: {CODE-or-name: error|warning|info}
    rule-options: {CODE-or-name: {option: value}}
    languages: [en]                # shorthand for the language rules' ``allowed``
    fail-on: warning               # lowest severity that makes ``check`` exit 1
    output-dir: normalised         # where ``seedlint fix`` writes its copies
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seedlint.diagnostic import SEVERITIES
from seedlint.rulefile import RuleFileError, load_yaml, strip_lines

CONFIG_FILES = ("seedlint.yaml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration that cannot be used; str() is the one-line report."""


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: str = ""
    paths: list[str] = field(default_factory=lambda: ["seeds"])
    include: list[str] = field(default_factory=lambda: ["*.txt"])
    exclude: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=lambda: ["default"])
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    languages: list[str] | None = None
    fail_on: str = "warning"
    output_dir: str = "normalised"


KEY_TYPES: dict[str, type | tuple[type, ...]] = {
    "paths": list,
    "include": list,
    "exclude": list,
    "rule-packs": list,
    "select": list,
    "extend-select": list,
    "ignore": list,
    "per-file-ignores": dict,
    "severity": dict,
    "rule-options": dict,
    "languages": list,
    "fail-on": str,
    "output-dir": str,
}


def find_config(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        return "tool" in (data := _read_toml(pyproject)) and "seedlint" in data["tool"]
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in ``path``, or the one found from ``start``; defaults if none."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config(root=(start or Path.cwd()).resolve())
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.suffix == ".toml":
        raw = _read_toml(path).get("tool", {}).get("seedlint", {})
        lines: dict[str, int] = {}
    else:
        try:
            data = load_yaml(path)
        except RuleFileError as error:
            raise ConfigError(str(error)) from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:1: the configuration must be a mapping of settings")
        lines = {key: data["__line__"] for key in data}
        raw = strip_lines(data)
    return _build(raw, path, lines)


def _build(raw: dict[str, Any], path: Path, lines: dict[str, int]) -> Config:
    config = Config(root=path.parent.resolve(), source=str(path))
    for key, value in raw.items():
        where = f"{path}:{lines[key]}" if key in lines else str(path)
        if key not in KEY_TYPES:
            close = difflib.get_close_matches(key, list(KEY_TYPES), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown setting '{key}'{hint}")
        if not isinstance(value, KEY_TYPES[key]):
            expected = {list: "a list", dict: "a mapping", str: "a string"}[KEY_TYPES[key]]
            raise ConfigError(f"{where}: '{key}' must be {expected}, not {value!r}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings")
        setattr(config, key.replace("-", "_"), value)
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: 'fail-on' must be one of {', '.join(SEVERITIES)}")
    for selector, level in config.severity.items():
        if level not in SEVERITIES:
            raise ConfigError(
                f"{path}: severity of '{selector}' must be one of "
                f"{', '.join(SEVERITIES)}, not {level!r}"
            )
    for pattern, codes in config.per_file_ignores.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{path}: per-file-ignores['{pattern}'] must be a list of codes")
    return config
