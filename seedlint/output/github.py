"""``github``: GitHub Actions workflow commands, which become annotations on a pull
request's lines: ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``.
Paths are relative to the working directory, as GitHub expects them relative to the
checkout; line breaks and percent signs are escaped as the commands require.
"""

from __future__ import annotations

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.output.base import Reporter, escape

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _github_escape(text: str, property: bool = False) -> str:
    text = escape(text.replace("\n", "\x00")).replace("\\x00", "\n")
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``."""

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            properties = {
                "file": escape(d.path),
                "line": d.row,
                "col": d.column,
                "endLine": d.end_row,
                "endColumn": d.end_column,
                "title": f"{d.code} {d.name}",
            }
            joined = ",".join(f"{k}={_github_escape(str(v), True)}" for k, v in properties.items())
            level = GITHUB_LEVELS[d.severity.value]
            self.stream.write(f"::{level} {joined}::{_github_escape(d.message)}\n")
