"""The settings of each open document, found as the command line finds them.

A document belongs to the deepest workspace folder holding it (else to its own folder),
and gets the configuration ``seedlint check`` would find run from that folder: the
nearest ``seedlint.yaml`` or ``[tool.seedlint]`` upwards. Its per-file settings follow
from its path, and ``exclude`` applies to it as ``--force-exclude`` applies it to a file
named on the command line (the editor names the file).

Setups are built once and kept until the configuration file or a rule file changes
(their size or modification time); a configuration that cannot be used is kept as its
one-line error, so that it is reported once and not re-read on every keystroke. Worker
threads share this, so it is locked.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from pathlib import Path

import msgspec

from seedlint.commands.common import Setup, UsageError, build_setup
from seedlint.engine.linter import RuleOptionsError
from seedlint.ruleset.config import Config, ConfigError, find_config, load_config
from seedlint.ruleset.rulefile import RuleFileError, rule_files

Stamp = tuple[tuple[str, int, int], ...]


class SetupError(Exception):
    """A configuration or rule file that cannot be used; str() is the one-line report."""


class Resolved(msgspec.Struct, frozen=True):
    setup: Setup
    relative: str | None  # the document's path as per-file settings see it
    name: str  # the document's name in messages
    excluded: bool  # matched by exclude: not checked


class _Entry(msgspec.Struct):
    watched: list[Path]  # the configuration file and the rule files it names
    stamp: Stamp  # their sizes and times when the entry was built
    setup: Setup | None
    error: str | None


def _stamp(paths: list[Path]) -> Stamp:
    stamps = []
    for path in paths:
        try:
            status = os.stat(path)
            stamps.append((str(path), status.st_mtime_ns, status.st_size))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)


class Folders:
    def __init__(self) -> None:
        self.folders: list[Path] = []
        self._entries: dict[Path, _Entry] = {}
        self._lock = threading.Lock()

    def set_folders(self, folders: list[Path]) -> None:
        # deepest first: a document belongs to the innermost folder holding it
        self.folders = sorted(folders, key=lambda p: len(p.parts), reverse=True)

    def folder_of(self, path: Path | None) -> Path:
        for folder in self.folders:
            if path is not None and path.is_relative_to(folder):
                return folder
        if path is not None:
            return path.parent
        return self.folders[-1] if self.folders else Path.cwd()

    def resolve(self, path: Path | None) -> Resolved:
        """The setup for a document at ``path`` (None: a document not yet saved)."""
        if path is not None:  # as the configuration's root is: through any links
            path = path.resolve()
        folder = self.folder_of(path)
        setup = self.setup_for(folder)
        if path is None:
            return Resolved(setup, None, "untitled", False)
        patterns = setup.patterns
        relative = patterns.relative(path, path.parent)
        return Resolved(setup, relative, relative, patterns.excluded(relative))

    def setup_for(self, folder: Path) -> Setup:
        config_file = find_config(folder)
        key = config_file if config_file is not None else folder
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.stamp != _stamp(entry.watched):
                entry = self._entries[key] = _load(folder, config_file)
        if entry.setup is None:
            raise SetupError(entry.error)
        return entry.setup


def _load(folder: Path, config_file: Path | None) -> _Entry:
    # each stamp is taken before its file is read: a change meanwhile reloads next time
    watched = [config_file] if config_file is not None else []
    stamp = _stamp(watched)
    try:
        config = load_config(config_file, start=folder)
    except ConfigError as error:
        return _Entry(watched, stamp, None, str(error))
    rules = _rule_paths(config)
    watched, stamp = [*watched, *rules], stamp + _stamp(rules)
    try:
        return _Entry(watched, stamp, build_setup(config), None)
    except RuleFileError as error:
        return _Entry(watched, stamp, None, "; ".join(error.problems))
    except (ConfigError, RuleOptionsError, UsageError) as error:
        return _Entry(watched, stamp, None, str(error))


def _rule_paths(config: Config) -> list[Path]:
    """The user's rule files (the bundled pack changes only with seedlint itself)."""
    paths: list[Path] = []
    for location in config.rule_packs:
        if location == "default":
            continue
        paths.append(config.root / location)  # a folder's time changes as files come and go
        with suppress(RuleFileError):  # not there yet: watched for when it appears
            paths.extend(rule_files(location, config.root))
    return paths
