"""``seedlint init``: a starter ``seedlint.yaml``, every setting shown with its default.

The file is never overwritten unless asked (``--force``); a folder that already has a
configuration is left alone too, since a second one would hide or be hidden by it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from seedlint.io.atomic import write_atomic
from seedlint.ruleset.config import ConfigError, find_config

HEAD = """\
# seedlint configuration. Paths are relative to this file's folder.
# `seedlint rules` lists the rules; `seedlint explain CODE` tells what one finds.
"""
SETTINGS = [
    ("paths: [{paths}]", "checked when no path is given"),
    ('include: ["*.txt"]', "gitignore-style patterns of files to read in folders"),
    ("exclude: []", "gitignore-style patterns never read"),
    ("rule-packs: [default]", '"default" is the bundled pack; add your own YAML files'),
    ("select: [ALL]", "codes, code prefixes (SL2) or rule names"),
    ("extend-select: []", "added to select (and to --select)"),
    ("ignore: []", ""),
    ("# Plain text has no comment syntax, so suppressions live here and in a baseline", ""),
    ("# (`seedlint check --write-baseline .seedlint-baseline.json`, then `--baseline`).", ""),
    ("per-file-ignores: {}", 'e.g. {"seeds/quotes/*": [SL301]}'),
    ("severity: {}", "e.g. {SL104: error}"),
    ("rule-options: {}", "e.g. {minister-typo: {preceded-by: [prime, deputy]}}"),
    ("languages: [en]", "allowed body languages"),
    ("fail-on: warning", "lowest severity that fails the run"),
    ("output-dir: normalised", "where `seedlint fix` writes its copies"),
]


def starter(folder: Path) -> str:
    """The starter text; ``paths`` lists ``seeds`` when the folder has one, else ``.``."""
    paths = "seeds" if (folder / "seeds").is_dir() else "."
    lines = []
    for setting, comment in SETTINGS:
        setting = setting.replace("{paths}", paths)
        lines.append(f"{setting:<30} # {comment}" if comment else setting)
    return HEAD + "\n" + "\n".join(lines) + "\n"


def write_starter(target: Path, force: bool = False) -> None:
    folder = target.absolute().parent
    if not force:
        if target.exists():
            raise ConfigError(f"{target} exists (--force replaces it)")
        existing = find_config(folder)
        if existing is not None and existing.parent == folder:
            raise ConfigError(f"{existing} already configures seedlint here (--force ignores it)")
    write_atomic(target, starter(folder).encode("utf-8"))
    print(f"seedlint: wrote {target}", file=sys.stderr)


def run_init(args: argparse.Namespace) -> int:
    write_starter(args.file, args.force)
    return 0
