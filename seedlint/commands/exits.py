"""Exit codes and the usage error: what the command line needs before it knows which
command runs (kept apart from commands/common.py, whose imports load the engine)."""

from __future__ import annotations

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A command line that cannot be run; str() is the one-line report."""
