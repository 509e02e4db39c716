"""Rule kinds: one module per kind, imported only when a rule of that kind is loaded.

Every kind module defines:

- ``OPTIONS``: the settings a rule of this kind takes (see ``seedlint.options``);
- ``FIELDS``: the names a rule's message template may use;
- ``FIXABLE``: whether its findings carry edits (the rule file says if they are applied);
- ``compile(options) -> state``: done once per run; raises ValueError on bad settings;
- ``check(doc, state) -> Iterator[Finding]``: pure, reads the Document, yields findings.
"""

from __future__ import annotations

import importlib
from types import ModuleType

KIND_NAMES = (
    "apostrophe",
    "consistency",
    "encoding",
    "ending",
    "header",
    "language",
    "pairs",
    "pattern",
    "substitution",
    "whitespace",
)


def load_kind(name: str) -> ModuleType:
    if name not in KIND_NAMES:
        raise KeyError(name)
    return importlib.import_module(f"seedlint.kinds.{name}")
