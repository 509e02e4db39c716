"""Regular expressions compiled on their first use.

Python compiles a regular expression in about a tenth of a millisecond, and the kinds'
modules define more than a hundred at import; a check of one file uses about a third of
them (bench/speed/README.md), so compiling the rest cost a pre-commit run 11 ms. A
module-level pattern written ``lazy_compile(source)`` is compiled when one of its methods
or attributes is first asked for. The compiled pattern's own bound methods are then
stored on it, so every later call costs what a call on a compiled pattern costs.
"""

from __future__ import annotations

import re
from typing import Any, cast

# what a compiled pattern offers that the code reads
FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    __slots__ = ("_source", "_flags", *FORWARDED)

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # asked only for what is not set yet: a forwarded name before the first use
        if name not in FORWARDED:
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for forwarded in FORWARDED:
            setattr(self, forwarded, getattr(compiled, forwarded))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return repr(re.compile(self._source, self._flags))

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return lazy_compile, (self._source, self._flags)

    def __copy__(self) -> _LazyPattern:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _LazyPattern:
        return self


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
