"""Fingerprints of seed documents (``date YYYY-MM-DD Title``, a blank line, paragraphs),
as files or JSON Lines records alike: the key is whatever names the document."""

from __future__ import annotations

import re

from seedlint.corpus.fingerprint import Fingerprint, fingerprint
from seedlint.corpus.settings import CorpusSettings
from seedlint.engine.document import Document

# the header's title is what follows the date; a damaged header still yields its title
HEADER_TITLE = re.compile(r"[\s\ufeff\u200b]*date\s+\S+[ \t]*(.*)", re.DOTALL)


def seed_parts(text: str) -> tuple[str, str, int, list[tuple[int, int]]]:
    """(title, body, body offset, paragraph spans) of a seed document."""
    return document_parts(Document(text))


def title_and_body(text: str) -> tuple[str, str]:
    """The title and body of a seed document: ``seed_parts`` without finding the
    paragraphs (what reading a document again for its body needs)."""
    document = Document(text)
    return _title(document), text[document.body_start :]


def document_parts(document: Document) -> tuple[str, str, int, list[tuple[int, int]]]:
    """``seed_parts`` of a document already parsed (the linter's, whose paragraphs the
    rules have found already)."""
    start = document.body_start
    spans = [(span.start, span.end) for span in document.paragraphs]
    return _title(document), document.text[start:], start, spans


def _title(document: Document) -> str:
    header = document.header
    if header is None:
        return ""
    match = HEADER_TITLE.match(document.text, 0, header.end)
    return match.group(1) if match else ""


def fingerprint_seed(key: str, text: str, settings: CorpusSettings) -> Fingerprint:
    title, body, offset, spans = seed_parts(text)
    return fingerprint(key, title, body, offset, spans, settings)


def fingerprint_document(key: str, document: Document, settings: CorpusSettings) -> Fingerprint:
    """``fingerprint_seed`` of a document already parsed."""
    title, body, offset, spans = document_parts(document)
    return fingerprint(key, title, body, offset, spans, settings)
