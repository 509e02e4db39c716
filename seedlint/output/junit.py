"""``junit``: JUnit XML, one test suite per file and one failing test case per finding;
a clean file passes. Characters XML cannot hold are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.output.base import Reporter, Summary

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitReporter(Reporter):
    """One test suite per file, one failing test case per finding; a clean file passes."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.root = ET.Element("testsuites", name="seedlint")

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        path = doc.path
        suite = ET.SubElement(self.root, "testsuite", name=_xml(path))
        suite.set("tests", str(max(1, len(diagnostics))))
        suite.set("failures", str(len(diagnostics)))
        suite.set("errors", "0")
        if not diagnostics:
            ET.SubElement(suite, "testcase", name="no problems", classname=_xml(path))
        for d in diagnostics:
            case = ET.SubElement(suite, "testcase", classname=_xml(path), file=_xml(path))
            case.set("name", f"{d.code} [{d.name}] at {d.row}:{d.column}")
            case.set("line", str(d.row))
            failure = ET.SubElement(case, "failure", type=d.code, message=_xml(d.message))
            failure.text = _xml(
                f"{path}:{d.row}:{d.column}: {d.severity.value}: {d.code} [{d.name}] {d.message}"
            )

    def finish(self, summary: Summary) -> None:
        suites = self.root.findall("testsuite")
        for name in ("tests", "failures", "errors"):
            self.root.set(name, str(sum(int(s.get(name, "0")) for s in suites)))
        ET.indent(self.root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(self.root, encoding="unicode") + "\n")


def _xml(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return NOT_XML.sub("\ufffd", text)
