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


def document_parts(document: Document) -> tuple[str, str, int, list[tuple[int, int]]]:
    """``seed_parts`` of a document already parsed (the linter's, whose paragraphs the
    rules have found already)."""
    text = document.text
    header = document.header
    title = ""
    if header is not None:
        match = HEADER_TITLE.match(text, 0, header.end)
        title = match.group(1) if match else ""
    start = document.body_start
    spans = [(span.start, span.end) for span in document.paragraphs]
    return title, text[start:], start, spans


def fingerprint_seed(key: str, text: str, settings: CorpusSettings) -> Fingerprint:
    title, body, offset, spans = seed_parts(text)
    return fingerprint(key, title, body, offset, spans, settings)


def fingerprint_document(key: str, document: Document, settings: CorpusSettings) -> Fingerprint:
    """``fingerprint_seed`` of a document already parsed."""
    title, body, offset, spans = document_parts(document)
    return fingerprint(key, title, body, offset, spans, settings)
