"""Path order: the order in which documents are "first", "earlier" and reported.

Keys are compared as strings, except that JSON Lines records of one file (``FILE#N``)
follow their numbers, so ``corpus.jsonl#9`` comes before ``corpus.jsonl#10``. The key
itself breaks every tie, so the order is total and the same on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # path_order alone is what a run whose corpus pass is kept needs
    import numpy as np
    import numpy.typing as npt

# record numbers past 18 digits compare as text: int() refuses very long digit strings
RECORD = re.compile(r"(.*)#([0-9]{1,18})", re.DOTALL)
FILE = -1  # a key that names no record comes before the records of the same name


def path_order(key: str) -> tuple[str, int, str]:
    match = RECORD.fullmatch(key)
    if match is None:
        return key, FILE, key
    return match.group(1), int(match.group(2)), key


def ranks(keys: Sequence[str]) -> npt.NDArray[np.int64]:
    """Each key's position in path order."""
    import numpy as np

    result = np.empty(len(keys), dtype=np.int64)
    ordered = sorted(range(len(keys)), key=lambda row: path_order(keys[row]))
    result[ordered] = np.arange(len(keys), dtype=np.int64)
    return result
