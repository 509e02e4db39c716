"""No module of seedlint reads data with something that can run code."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "seedlint"
RISKY = re.compile(
    r"\bimport (pickle|marshal|shelve|dill)\b|\bfrom (pickle|marshal|shelve|dill) import"
    r"|\b(pickle|marshal)\.loads?\(|(?<![\w.])eval\(|(?<![\w.])exec\(|yaml\.unsafe_load"
    r"|yaml\.load\((?![^)]*Loader=)|allow_pickle=True"
)


def test_no_module_deserialises_with_pickle_marshal_or_eval() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RISKY.search(line)
    ]
    assert found == []


def test_the_check_finds_what_it_looks_for() -> None:
    for line in (
        "import pickle",
        "data = marshal.loads(b)",
        "eval(text)",
        "np.load(f, allow_pickle=True)",
    ):
        assert RISKY.search(line), line
    for line in ("msgspec.json.decode(data)", "self.evaluate(x)", "yaml.load(t, Loader=L)"):
        assert not RISKY.search(line), line
