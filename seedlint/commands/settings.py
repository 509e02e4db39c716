"""``--show-settings``: the resolved configuration and where each value came from, and
for each file named the rules that apply to it (per-file-ignores turn some off)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from seedlint.commands.common import EXIT_CLEAN, Setup
from seedlint.engine.options import shown
from seedlint.output.base import escape


def show_settings(setup: Setup, args: argparse.Namespace) -> int:
    lines = []
    for key, value, origin in setup.config.settings():
        lines.append(f"{key}: {escape(shown(value))}    # {escape(origin)}")
    linter = setup.linter
    selected = ", ".join(r.code for r in linter.rules)
    lines.append(f"# selected rules ({len(linter.rules)}): {selected}")
    named = [p for p in args.paths if p != "-"]
    if args.stdin_filename is not None:
        named.append(args.stdin_filename)
    for name in named:
        path = Path(name)
        if path.is_dir():
            continue
        rules = linter.rules_for(setup.patterns.relative(path, path.parent))
        kept = {r.code for r in rules}
        off = [r.code for r in linter.rules if r.code not in kept]
        turned_off = f"; per-file-ignores turn off {', '.join(off)}" if off else ""
        lines.append(f"# rules for {escape(name)} ({len(rules)}){turned_off}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN
