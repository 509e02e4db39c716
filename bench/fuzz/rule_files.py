"""Rule files as hypothesis strategies: valid-looking packs with fields wrong, and worse.

A pack is built as a rule file should be (a ``prefix``, a ``rules`` list; each rule with
a code, a name, a kind and check that exist, a severity, a message template, the check's
own options with values of their declared types, examples), and then damaged at random:
fields missing, of the wrong type or unknown; kinds, checks and options that do not
exist; odd regular expressions, replacements and encodings; templates with unknown
fields, format specs and conversions; examples that are wrong or that no fix reaches.
Whole-file damage adds YAML aliases, anchors and merge keys, duplicate keys and keys
that are not strings, tags (``!!python/object/apply:os.system`` among them, aimed at a
marker file), nesting around the reader's limit, and raw random text or bytes.

``@MARKER@`` in a generated file stands for a path outside the run's folder: the mode
writes the real path in, and checks that no file appeared there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from documents import BAD_BYTES, DAMAGE, PARAGRAPHS
from hypothesis import strategies as st
from yaml_emit import Alias, Anchored, Pairs, Tagged, Verbatim, document

from seedlint.engine.kind import BUILTIN_KINDS, load_kind
from seedlint.ruleset.yamlsafe import MAX_DEPTH

MARKER = "@MARKER@"
LAUGHS = 9  # levels of nine aliases each: a billion "lol" if anything expanded them
RULE_COUNTS = [0, 1, 1, 1, 2, 2, 3, 4]
VALID_IN_TEN = 8
ODD_CODES = ["SL999", "FZ001", "X1", "FZ01", "FZ00001", "fz001", ""]
ODD_NAMES = ["minister-typo", "Bad_Name", "-x", "a--b", "rule-1", ""]
TIME_LIMITS = [2.0, 0.5, 1e-9, 0, -1, 1e9, 1e308, float("nan"), float("inf"), True]
PAIRS = ["“”", "()", '""', "''", "«»", "[]", "(", "(((", "", "\ud800x", "\x00\x01"]
MAX_EXAMPLES = 3
KINDS = {name: load_kind(name) for name in BUILTIN_KINDS}
# the kinds users write rules of most (a regular expression, a table of words) come up
# more often than the document-level ones
WEIGHTED_KINDS = [*BUILTIN_KINDS, *["pattern"] * 4, *["substitution"] * 2, "apostrophe", "encoding"]
ODD_KINDS = ["patern", "Pattern", "", "os.system", "../kinds/pattern", "pattern ", "subprocess"]
SEVERITIES = ["error", "warning", "info", "fatal", "Warning", ""]
FIXES = ["safe", "unsafe", "off", "maybe", ""]
PREFIXES = ["FZ", "HS"]  # and, one pack in ODD_ONE_IN, one of ODD_PREFIXES
ODD_PREFIXES = ["SL", "fz", "ABCDEFG", "", "F1", "É"]
ODD_ONE_IN = 8
GOOD_REGEXES = [
    r"goverment",
    r"\bteh\b",
    r"(?i)minster",
    r"(?P<word>\w+) (?P=word)",
    r"(a|aa)+$",
    r"(\w+\s?)*$",
    r"(x+x+)+y",
    r"x*",
    r"\b",
    r".",
    r"\s+",
    r"(?s).+",
    r"[\x80-\uffff]",
    r"[\ud800-\udfff]",
    r"\r?\n",
    r"^",
    r"(?P<first>\w)(?P<rest>\w*)",
    r"(?<=\d)",
]
REGEXES = [
    r"goverment",
    r"\bteh\b",
    r"(?i)colour",
    r"(?P<word>\w+) \g<word>",
    r"(?<word>\w+)\s+(?P=word)",
    r"(a|aa)+$",
    r"(a+)+b",
    r"(x+x+)+y",
    r"(\w+\s?)*$",
    r"^(\s*)*$",
    r"[",
    r"(",
    r"\\",
    "\\",
    r"a{1,100000}",
    r"a{100000}",
    r"(?r)abc",
    r"\p{L}+",
    r"\N{EM DASH}",
    r"\N{NO SUCH NAME}",
    r"[[:alpha:]]+",
    r"(?V1)[\w--\d]+",
    r"(?=a)",
    r"^",
    r"$",
    r"\b",
    r"x*",
    r"(?<=\d)",
    r"(?<!^)\s",
    r"(?m)^\s+$",
    r".",
    r"\n",
    r"(?s).+",
    r"\ud800",
    "\ud800",
    r"(?P<a>x)(?P<a>y)",
    r"(?P<1>x)",
    r"(?P<match>x)",
    r"(?P<replacement>x)",
    r"(?P<length>\w)",
    r"(?#comment)",
    r"(?(1)a|b)",
    r"(?i:(?-i:a))",
    r"\1",
    r"(.)\1{50}",
    r"(?:(?:(?:(?:a)*)*)*)*z",
]
REPLACEMENTS = [
    "",
    "x",
    r"\1",
    r"\2",
    r"\g<0>",
    r"\g<word>",
    r"\g<nosuch>",
    "\\",
    r"\9",
    "$1",
    r"\n",
    "\n",
    "aa",
    r"\g<0>\g<0>",
    r"\g<0> \g<0>",
    "{match}",
    "goverment",
    "\u200b",
    "\r\n",
    "\ud800",
]
TEMPLATES = [
    "{match}",
    "'{match}' is a typo for '{replacement}'",
    "{match!r}",
    "{match!s}",
    "{match:>100000000}",
    "{match:{length}}",
    "{0}",
    "{}",
    "{match.__class__}",
    "{match[0]}",
    "{",
    "}",
    "{{literal}}",
    "{unknown}",
    "{length:d}",
    "{length}",
    "{codepoints}",
    "{found} {count} {reason} {date} {language} {mark} {problem}",
    "{word}",
    "",
    "\x00",
    "{match}\n{match}",
    "%s %(match)s $match",
]
ENCODINGS = ["cp1252", "latin-1", "utf-8", "ascii", "utf-16", "utf-32", "idna", "punycode",
             "rot13", "base64", "hex", "zlib", "uu", "bogus", "", "mbcs", "undefined",
             "raw_unicode_escape", "unicode_escape", "cp037"]  # fmt: skip
LISTS = ["codespell", "default", "../../../../etc/passwd", "/etc/passwd", "codespell_lib", ""]
LANGUAGES = ["en", "fr", "de", "xx", "EN", "english", "", "e", "zh-cn"]
UNKNOWN_KEYS = ["regexp", "replace", "examples ", "Code", "severity_", "options", "when", "<<"]
PYTHON_TAGS = [
    ("!!python/object/apply:os.system", [f"touch {MARKER}-system"]),
    ("!!python/object/apply:builtins.open", [f"{MARKER}-open", "w"]),
    ("!!python/object/new:builtins.open", [f"{MARKER}-new", "w"]),
    ("!!python/object/apply:subprocess.check_call", [["touch", f"{MARKER}-call"]]),
    ("!!python/name:os.system", ""),
    ("!!python/module:os", ""),
    ("!!python/object:pathlib.PosixPath", {"x": 1}),
    ("!<tag:yaml.org,2002:python/object/apply:os.system>", [f"touch {MARKER}-verbatim"]),
    ("!!python/tuple", [1, 2]),
    ("!!python/unicode", "x"),
]
OTHER_TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!timestamp",
              "!!set", "!!omap", "!!pairs", "!!map", "!!seq", "!local", "!!merge",
              "!<tag:example.com,2024:x>"]  # fmt: skip
ODD_SCALARS = [None, True, False, 0, -1, 1.5, float("nan"), float("inf"), 10**40, "", "off",
               "on", "yes", "no", "~", "null", "2024-01-18", "2024-02-30", "1e400", "0x1F",
               "0o17", "1_000", ":", "- x", "#", "&a", "*a", "!!str", "| ", "> "]  # fmt: skip
ODD_KEYS = [1, None, True, 1.5, Verbatim("[1, 2]"), Verbatim("{a: 1}"), "2024-01-18"]
words = st.sampled_from(["minster", "teh", "goverment", "dont", "Prime", "said", "a", " ", ""])


def texts_short() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(PARAGRAPHS[:40]),
        st.lists(st.one_of(st.sampled_from(DAMAGE), words, st.text(max_size=4)), max_size=8).map(
            "".join
        ),
    )


def wrong() -> st.SearchStrategy[Any]:
    """A value of some other type than a field wants."""
    return st.one_of(
        st.sampled_from(ODD_SCALARS),
        st.lists(st.sampled_from(ODD_SCALARS), max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "regex"]), st.sampled_from(ODD_SCALARS)),
    )


def option_value(name: str, kind_of: str, valid: bool) -> st.SearchStrategy[Any]:
    """A value of the option's declared type, chosen to be interesting for it (and, for a
    rule meant to load, mostly one its kind accepts)."""
    if name == "regex":
        usable = st.sampled_from(GOOD_REGEXES)
        return usable if valid else st.one_of(usable, st.sampled_from(REGEXES), st.text(max_size=8))
    if name == "replacement":
        return st.sampled_from(REPLACEMENTS)
    if name == "legacy-encoding":
        return st.sampled_from(ENCODINGS)
    if name == "lists":
        return st.lists(st.sampled_from(["codespell"] if valid else LISTS), max_size=2)
    if name == "time-limit":
        return st.sampled_from([2.0, 0.5, 1e-9, 1e9, 1e308, 1] if valid else TIME_LIMITS)
    if name == "pairs":
        return st.lists(st.sampled_from(PAIRS[:6] if valid else PAIRS), min_size=int(valid))
    by_type: dict[str, st.SearchStrategy[Any]] = {
        "str": texts_short(),
        "int": st.one_of(st.integers(-5, 5000), st.sampled_from([10**30, -(10**30)])),
        "number": st.one_of(st.floats(), st.integers(-5, 5)),
        "bool": st.booleans(),
        "str-list": st.lists(st.one_of(words, st.text(max_size=5)), max_size=4),
        "str-map": st.dictionaries(
            st.one_of(words, st.text(max_size=6)), texts_short(), max_size=3
        ),
        "choice": st.text(max_size=5),
    }
    return by_type.get(kind_of, st.text(max_size=5))


@st.composite
def template(draw: st.DrawFn, fields: tuple[str, ...]) -> str:
    """A message template that uses only the check's fields, among odd text."""
    literal = st.one_of(words, st.sampled_from(DAMAGE), st.sampled_from(["{{", "}}", "%s"]))
    parts = draw(st.lists(st.one_of(literal, st.sampled_from(fields or ("{{",))), max_size=5))
    return "".join("{" + p + "}" if p in fields else p.replace("{", "{{").replace("}", "}}")
                   if p not in ("{{", "}}") else p for p in parts)  # fmt: skip


@st.composite
def example(draw: st.DrawFn, valid: bool) -> Any:
    entry: dict[str, Any] = {}
    flagged = draw(st.booleans())
    text = draw(st.one_of(texts_short(), st.binary(max_size=12), st.sampled_from(BAD_BYTES)))
    entry["bad" if flagged else "good"] = text
    if flagged and draw(st.booleans()):
        entry["fixed"] = draw(texts_short())
    for key in ("unsafe", "document"):
        if draw(st.integers(0, 3)) == 0:
            entry[key] = draw(st.one_of(st.booleans(), st.sampled_from(ODD_SCALARS)))
    if not valid and draw(st.integers(0, 4)) == 0:
        entry[draw(st.sampled_from(["bad", "good", "fixed", "expected", "text"]))] = draw(wrong())
    return entry


@st.composite
def rule(draw: st.DrawFn, prefix: str, number: int) -> dict[str, Any]:
    """A rule meant to load (eight in ten), or one with one or two things wrong."""
    valid = draw(st.integers(0, 9)) < VALID_IN_TEN
    kind_name = draw(st.sampled_from([*WEIGHTED_KINDS, *([] if valid else ODD_KINDS)]))
    kind = KINDS.get(kind_name)
    checks = list(kind.checks) if kind else ["pattern"]
    check = draw(st.sampled_from([*checks, *([] if valid else ["no-such-check"])]))
    known = kind is not None and check in kind.checks
    spec = kind.options_of(check) if kind and known else {}
    fields_of = kind.checks[check].fields if kind and known else ("match",)
    fields: dict[str, Any] = {
        "code": f"{prefix}{number:03d}" if valid else draw(st.sampled_from(ODD_CODES)),
        "name": f"rule-{number}" if valid else draw(st.sampled_from(ODD_NAMES)),
        "kind": kind_name,
        "severity": draw(st.sampled_from(SEVERITIES[: 3 if valid else None])),
        "message": draw(template(fields_of) if valid else st.sampled_from(TEMPLATES)),
    }
    if kind is None or len(kind.checks) > 1 or draw(st.integers(0, 4)) == 0:
        fields["check"] = check
    for name, option in spec.items():
        if option.required or draw(st.booleans()):
            fields[name] = draw(option_value(name, option.type, valid))
    fixable = known and kind is not None and kind.checks[check].fixable
    if draw(st.booleans()):
        fields["fix"] = draw(
            st.sampled_from((FIXES[:3] if fixable else ["off"]) if valid else FIXES)
        )
    if draw(st.integers(0, 3)) == 0:
        fields["fix-message"] = draw(template(fields_of) if valid else st.sampled_from(TEMPLATES))
    for key, values in (("language", LANGUAGES), ("description", ["", "x\ny"]), ("link", [""])):
        if draw(st.integers(0, 5)) == 0:
            fields[key] = draw(st.sampled_from(values[:2] if valid else values))
    if draw(st.integers(0, 2)):  # two rules in three have examples
        fields["examples"] = draw(st.lists(example(valid), min_size=1, max_size=MAX_EXAMPLES))
    for _ in range(0 if valid else draw(st.integers(1, 2))):  # missing, mistyped, unknown
        damage = draw(st.sampled_from(["drop", "retype", "unknown"]))
        key = draw(st.sampled_from(sorted(fields)))
        if damage == "drop":
            del fields[key]
        elif damage == "retype":
            fields[key] = draw(wrong())
        else:
            fields[draw(st.sampled_from(UNKNOWN_KEYS))] = draw(wrong())
        if not fields:
            break
    return fields


@st.composite
def pack(draw: st.DrawFn) -> Any:
    odd = draw(st.integers(0, ODD_ONE_IN - 1)) == ODD_ONE_IN - 1
    prefix = draw(st.sampled_from(ODD_PREFIXES if odd else PREFIXES))
    rules = [
        draw(rule(prefix or "FZ", number))
        for number in range(1, draw(st.sampled_from(RULE_COUNTS)) + 1)
    ]
    top: dict[str, Any] = {"rules": rules}
    if prefix or draw(st.booleans()):
        top = {"prefix": prefix or draw(wrong()), **top}
    if odd and draw(st.booleans()):
        top[draw(st.sampled_from(UNKNOWN_KEYS))] = draw(wrong())
    return top


@st.composite
def file_damage(draw: st.DrawFn, value: Any) -> Any:
    """The pack with YAML-level damage at one random place."""
    how = draw(st.sampled_from(["tag", "python", "alias", "merge", "duplicate", "key", "deep"]))
    paths = list(_places(value, ()))
    if not paths:
        return value
    path = draw(st.sampled_from(paths))
    old = _get(value, path)
    if how == "python":
        tag, argument = draw(st.sampled_from(PYTHON_TAGS))
        new: Any = Tagged(tag, argument)
    elif how == "tag":
        new = Tagged(draw(st.sampled_from(OTHER_TAGS)), old)
    elif how == "alias":  # an anchor here, an alias in its place (or a billion laughs)
        laughs = [Anchored("a", ["lol"] * LAUGHS)]
        laughs += [
            Anchored(f"a{i}", [Alias(f"a{i - 1}" if i > 1 else "a")] * LAUGHS)
            for i in range(1, LAUGHS)
        ]
        new = draw(st.sampled_from([[Anchored("x", old), Alias("x")], laughs, Alias("nowhere")]))
    elif how == "merge":
        new = Pairs((("<<", Anchored("m", {"a": 1})), ("b", old)))
    elif how == "duplicate":
        key = draw(st.sampled_from(["code", "rules", "regex", "name"]))
        new = Pairs(((key, old), (key, old)))
    elif how == "key":
        odd_key = draw(st.sampled_from(ODD_KEYS))
        new = Pairs(((odd_key, old),))
    else:
        depth = draw(st.sampled_from([MAX_DEPTH - 3, MAX_DEPTH, MAX_DEPTH + 1, 1000, 100000]))
        new = Verbatim("[" * depth + "]" * depth)
    return _set(value, path, new)


def _places(value: Any, path: tuple[Any, ...]) -> Any:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _set(value[path[0]], path[1:], new)
    return copy


@dataclass(frozen=True)
class RuleFile:
    data: bytes


@st.composite
def rule_files(draw: st.DrawFn) -> RuleFile:
    how = draw(st.sampled_from(["pack"] * 5 + ["damaged"] * 3 + ["raw-text", "raw-bytes", "cut"]))
    chooser: random.Random = draw(st.randoms(use_true_random=True))
    if how == "raw-text":
        return RuleFile(draw(st.text(max_size=200)).encode("utf-8", "surrogatepass"))
    if how == "raw-bytes":
        return RuleFile(draw(st.binary(max_size=200)))
    value = draw(pack())
    if how == "damaged":
        value = draw(file_damage(value))
    text = document(value, draw(st.booleans()), chooser)
    data = text.encode("utf-8", "surrogatepass")
    if how == "cut":  # cut short, or with bytes let in at one place
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.one_of(st.just(b""), st.binary(max_size=4), st.just(b"\t")))
    return RuleFile(data)
