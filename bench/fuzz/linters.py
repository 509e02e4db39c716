"""The linters the API's results are compared with: the bundled rules, as the command line
uses them without a configuration file (every rule selected), and the same less SL106
(line-endings), with which a CRLF or CR file keeps its style."""

from __future__ import annotations

from documents import REPO

from seedlint.engine.linter import Linter, LintSettings
from seedlint.ruleset.rulefile import load_rules

BUNDLED = load_rules(["default"], REPO)
LINTER = Linter(BUNDLED, LintSettings())
NO_LINE_ENDINGS = Linter(BUNDLED, LintSettings(ignore=("SL106",)))
