"""``--show-settings``: the resolved configuration and where each value came from."""

from __future__ import annotations

import sys

from seedlint.commands.common import EXIT_CLEAN, Setup
from seedlint.engine.options import shown
from seedlint.output.base import escape


def show_settings(setup: Setup) -> int:
    lines = []
    for key, value, origin in setup.config.settings():
        lines.append(f"{key}: {escape(shown(value))}    # {escape(origin)}")
    selected = ", ".join(r.code for r in setup.linter.rules)
    lines.append(f"# selected rules ({len(setup.linter.rules)}): {selected}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN
