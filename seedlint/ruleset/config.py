"""Configuration: ``seedlint.yaml`` or ``[tool.seedlint]`` in ``pyproject.toml``.

The nearest folder, from the working directory upwards, that holds either file decides;
``seedlint.yaml`` wins when a folder has both. Paths in the configuration are relative to
that folder. Keys (kebab-case), with their defaults:

    paths: [seeds]                 # what ``seedlint check`` reads when given no path
    include: ["*.txt"]             # gitignore-style patterns of files found in folders
    exclude: []                    # gitignore-style patterns never read
    rule-packs: [default]          # "default" is the bundled pack; others are paths
    select: [ALL]                  # codes, code prefixes or names
    extend-select: []
    ignore: []
    per-file-ignores: {}           # {"pattern": [codes]}
    severity: {}                   # {CODE-or-name: error|warning|info}
    rule-options: {}               # {CODE-or-name: {option: value}}
    languages: [en]                # allowed body languages (the language rules' allowed)
    fail-on: warning               # lowest severity that makes ``check`` exit 1
    output-dir: normalised         # where ``seedlint fix`` writes its copies

Patterns follow .gitignore: ``*`` stays within a folder, ``**`` crosses folders, a pattern
without a slash matches a name at any depth, one with a slash is anchored at the
configuration's folder. Every value remembers where it came from (``origin``), which
``--show-settings`` prints and every error names (file and line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import fields

from seedlint.engine.diagnostics import Severity
from seedlint.engine.linter import LintSettings
from seedlint.engine.suggest import did_you_mean
from seedlint.ruleset.kept import configuration_value
from seedlint.ruleset.yamlsafe import Mapping, YamlError

CONFIG_FILES = ("seedlint.yaml", "pyproject.toml")
SEVERITY_NAMES = tuple(s.value for s in Severity)


class ConfigError(Exception):
    """A configuration that cannot be used; str() is the one-line report."""


class Config(msgspec.Struct):
    root: Path = msgspec.field(default_factory=Path.cwd)
    source: str = ""
    paths: list[str] = msgspec.field(default_factory=lambda: ["seeds"])
    include: list[str] = msgspec.field(default_factory=lambda: ["*.txt"])
    exclude: list[str] = msgspec.field(default_factory=list)
    rule_packs: list[str] = msgspec.field(default_factory=lambda: ["default"])
    select: list[str] = msgspec.field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = msgspec.field(default_factory=list)
    ignore: list[str] = msgspec.field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = msgspec.field(default_factory=dict)
    severity: dict[str, str] = msgspec.field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = msgspec.field(default_factory=dict)
    languages: list[str] | None = None
    fail_on: str = "warning"
    output_dir: str = "normalised"
    # where each setting came from: "default", "seedlint.yaml:12", "--select"
    origin: dict[str, str] = msgspec.field(default_factory=dict)

    def where(self, key: str) -> str:
        return self.origin.get(key, "default")

    def lint_settings(self) -> LintSettings:
        return LintSettings(
            select=tuple(self.select),
            extend_select=tuple(self.extend_select),
            ignore=tuple(self.ignore),
            per_file_ignores={k: tuple(v) for k, v in self.per_file_ignores.items()},
            severity={k: Severity(v) for k, v in self.severity.items()},
            rule_options=dict(self.rule_options),
            languages=tuple(self.languages) if self.languages is not None else None,
            fail_on=Severity(self.fail_on),
        )

    def settings(self) -> list[tuple[str, Any, str]]:
        """(key, value, origin) of every setting, for --show-settings."""
        shown = [("root", str(self.root), self.source or "working directory")]
        for item in fields(self):
            if item.name in ("root", "source", "origin"):
                continue
            key = item.name.replace("_", "-")
            shown.append((key, getattr(self, item.name), self.where(key)))
        return shown


KEY_TYPES: dict[str, type[list[str]] | type[dict[str, Any]] | type[str]] = {
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
TYPE_WORDS: dict[type, str] = {list: "a list of strings", dict: "a mapping", str: "a string"}


def find_config(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        data = _read_toml(pyproject)
    except ConfigError:
        return False
    return isinstance(data.get("tool"), dict) and "seedlint" in data["tool"]


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: most runs read no TOML

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


TOML_TABLE = re.compile(r"\[\s*tool\s*\.\s*seedlint\s*(?:\.\s*\"?([A-Za-z0-9_-]+)\"?\s*)?\]")
TOML_KEY = re.compile(r"\"?([A-Za-z0-9_-]+)\"?\s*=")


def _toml_key_lines(text: str) -> dict[str, int]:
    """The line of each setting of ``[tool.seedlint]`` (or of its own sub-table, such as
    ``[tool.seedlint.severity]``), so that errors name it; tomllib keeps no lines."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            table = TOML_TABLE.fullmatch(stripped.split("#", 1)[0].strip())
            inside = table is not None and table.group(1) is None
            if table is not None and table.group(1) is not None:
                lines.setdefault(table.group(1), number)
        elif inside and (key := TOML_KEY.match(stripped)) is not None:
            lines.setdefault(key.group(1), number)
    return lines


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in ``path``, or the one found from ``start``; defaults if none."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config(root=(start or Path.cwd()).resolve())
    if not path.exists():
        raise ConfigError(f"{path}: configuration file not found")
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder, not a configuration file")
    if path.suffix == ".toml":
        tool = _read_toml(path).get("tool", {})
        raw = tool.get("seedlint", {}) if isinstance(tool, dict) else {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: [tool.seedlint] must be a table of settings")
        return _build(raw, path, _toml_key_lines(path.read_text(encoding="utf-8")))
    try:
        data = configuration_value(path)
    except YamlError as error:
        raise ConfigError(str(error)) from None
    if data is None:
        data = Mapping()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of settings")
    return _build(data, path, data.key_lines)


def _build(raw: dict[str, Any], path: Path, lines: dict[str, int]) -> Config:
    config = Config(root=path.resolve().parent, source=str(path))
    for key, value in raw.items():
        where = f"{path}:{lines[key]}" if key in lines else str(path)
        if not isinstance(key, str) or key not in KEY_TYPES:
            raise ConfigError(
                f"{where}: unknown setting {key!r}{did_you_mean(str(key), KEY_TYPES)}"
            )
        expected = KEY_TYPES[key]
        if not isinstance(value, expected) or (
            isinstance(value, list) and not all(isinstance(v, str) for v in value)
        ):
            raise ConfigError(f"{where}: '{key}' must be {TYPE_WORDS[expected]}, not {value!r}")
        setattr(config, key.replace("-", "_"), value)
        config.origin[key] = where
    _check_values(config)
    return config


def _check_values(config: Config) -> None:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{config.where(key)}: {message}")

    if config.fail_on not in SEVERITY_NAMES:
        raise fail("fail-on", f"'fail-on' must be one of {', '.join(SEVERITY_NAMES)}")
    for selector, level in config.severity.items():
        if not isinstance(level, str) or level not in SEVERITY_NAMES:
            raise fail(
                "severity",
                f"severity of '{selector}' must be one of {', '.join(SEVERITY_NAMES)}, "
                f"not {level!r}",
            )
    for pattern, codes in config.per_file_ignores.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail("per-file-ignores", f"per-file-ignores['{pattern}'] must be a list of codes")
    for selector, options in config.rule_options.items():
        if not isinstance(options, dict):
            raise fail("rule-options", f"rule-options for '{selector}' must be a mapping")


def apply_overrides(config: Config, overrides: Iterable[tuple[str, Any]], origin: str) -> None:
    """Command-line values on top of the file's: ``(key, value)`` pairs, kebab-case."""
    for key, value in overrides:
        setattr(config, key.replace("-", "_"), value)
        config.origin[key] = origin
    _check_values(config)
