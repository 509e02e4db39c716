"""Reading rule packs: YAML files of rules, validated before anything runs.

A rule file is a mapping with a ``rules:`` list. Each rule has a stable ``code``
(``SL`` and digits), a kebab-case ``name``, a ``kind`` (a module of ``seedlint.kinds``),
a ``severity``, a ``message`` template, the kind's own settings, and optionally ``fix``
(``safe``, ``unsafe`` or ``off``), ``description``, ``link``, ``examples``, and
``language`` (an ISO 639-1 code: the rule applies only to documents in that language, when
the configuration allows more than one). Every problem is
raised as a RuleFileError that names the file, the line and the rule.
"""

from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from seedlint.diagnostic import SEVERITIES
from seedlint.kinds import KIND_NAMES, load_kind
from seedlint.options import resolve

CODE = re.compile(r"SL\d{3,4}\Z")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
COMMON_KEYS = (
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "fix",
    "description",
    "examples",
    "link",
    "language",
)
FIX_MODES = ("safe", "unsafe", "off")
EXAMPLE_KEYS = ("bad", "good", "fixed", "unsafe", "document")
LINE_KEY = "__line__"


class RuleFileError(Exception):
    """A rule file that cannot be used; str() is the one-line report."""

    def __init__(self, path: str, line: int, message: str, rule: str = "") -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {rule + ': ' if rule else ''}{message}")


@dataclass(frozen=True)
class Example:
    text: str
    flagged: bool
    fixed: str | None = None
    unsafe: bool = False  # apply unsafe fixes to reach ``fixed``
    document: bool = False  # the text is a whole document, not a paragraph


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    message: str
    options: dict[str, Any]
    fix: str  # safe, unsafe, off; "off" for kinds that cannot fix
    description: str = ""
    link: str = ""
    language: str = ""  # only for documents in this language (when the corpus allows others)
    examples: list[Example] = field(default_factory=list)
    source: str = ""
    line: int = 0
    state: Any = field(default=None, repr=False, compare=False)  # the kind's compiled form

    @property
    def label(self) -> str:
        return f"{self.code} [{self.name}]"

    @property
    def fixable(self) -> bool:
        return self.fix != "off"


# libyaml's parser when PyYAML was built with it: the same safe constructor, faster start-up
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """safe_load's loader, also recording where each mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> Any:
    """Parse YAML safely (no object-building tags), errors as RuleFileError with line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(str(path), 0, f"cannot read: {error}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.context_mark and error.problem:
            problem += f" ({error.context}, line {error.context_mark.line + 1})"
        raise RuleFileError(str(path), line, f"YAML error{column}: {problem}") from None
    except yaml.YAMLError as error:
        raise RuleFileError(str(path), 0, f"YAML error: {error}") from None


def strip_lines(value: Any) -> Any:
    """The parsed value without the recorded line numbers."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def bundled_rule_files() -> list[Path]:
    try:
        folder = Path(str(resources.files("seedlint.rules")))
    except ModuleNotFoundError:  # running from a source checkout that is not installed
        folder = Path(__file__).resolve().parent.parent / "rules"
    return sorted(folder.glob("*.yaml"))


def rule_files(location: str, root: Path) -> list[Path]:
    """The YAML files of a pack: ``default`` (bundled), a file, or a folder of files."""
    if location == "default":
        return bundled_rule_files()
    path = (root / location).resolve()
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if path.is_file():
        return [path]
    raise RuleFileError(location, 0, "rule pack not found (a YAML file or a folder of them)")


def load_rules(locations: list[str], root: Path) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for location in locations:
        for path in rule_files(location, root):
            for rule in load_file(path):
                for key in (rule.code, rule.name):
                    if key in seen:
                        other = seen[key]
                        raise RuleFileError(
                            str(path),
                            rule.line,
                            f"duplicate {'code' if key == rule.code else 'name'} '{key}', "
                            f"already used at {other.source}:{other.line}",
                            rule.label,
                        )
                    seen[key] = rule
                rules.append(rule)
    return rules


def load_file(path: Path) -> list[Rule]:
    data = load_yaml(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleFileError(where, 1, "a rule file is a mapping with a 'rules:' list")
    extra = set(data) - {"rules", LINE_KEY}
    if extra:
        raise RuleFileError(where, data[LINE_KEY], f"unknown top-level key '{sorted(extra)[0]}'")
    return [_rule(item, where) for item in data["rules"]]


def _rule(item: Any, where: str) -> Rule:
    if not isinstance(item, dict):
        raise RuleFileError(where, 0, "each rule is a mapping")
    line = item[LINE_KEY]
    label = f"{item.get('code', '?')} [{item.get('name', '?')}]"

    def fail(message: str) -> RuleFileError:
        return RuleFileError(where, line, message, label)

    for key in ("code", "name", "kind", "severity", "message"):
        if key not in item:
            raise fail(f"missing required field '{key}'")
        if not isinstance(item[key], str):
            raise fail(f"field '{key}' must be a string")
    if not CODE.match(item["code"]):
        raise fail(f"code '{item['code']}' must be 'SL' and three or four digits")
    if not NAME.match(item["name"]):
        raise fail(f"name '{item['name']}' must be kebab-case (lower-case words and hyphens)")
    if item["kind"] not in KIND_NAMES:
        raise fail(f"unknown kind '{item['kind']}'{_did_you_mean(item['kind'], KIND_NAMES)}")
    if item["severity"] not in SEVERITIES:
        raise fail(f"severity must be one of {', '.join(SEVERITIES)}, not '{item['severity']}'")
    kind = load_kind(item["kind"])
    options = {k: strip_lines(v) for k, v in item.items() if k not in COMMON_KEYS and k != LINE_KEY}
    for key in options:
        if key not in kind.OPTIONS:
            known = [*COMMON_KEYS, *kind.OPTIONS]
            raise fail(
                f"unknown field '{key}' for kind '{item['kind']}'{_did_you_mean(key, known)}"
            )
    try:
        options = resolve(kind.OPTIONS, options)
        state = kind.compile(options)
    except ValueError as error:
        raise fail(str(error)) from None
    fix = item.get("fix", "safe" if kind.FIXABLE else "off")
    if fix is False:  # YAML 1.1 reads a bare `off` as false
        fix = "off"
    if fix not in FIX_MODES:
        raise fail(f"fix must be one of {', '.join(FIX_MODES)}, not {fix!r}")
    if fix != "off" and not kind.FIXABLE:
        raise fail(f"kind '{item['kind']}' has no fix; use fix: off or leave it out")
    fields = kind.message_fields(state) if hasattr(kind, "message_fields") else kind.FIELDS
    _check_template(item["message"], fields, fail)
    for key in ("description", "link", "language"):
        if not isinstance(item.get(key, ""), str):
            raise fail(f"field '{key}' must be a string")
    examples = [_example(e, fail) for e in item.get("examples") or []]
    return Rule(
        code=item["code"],
        name=item["name"],
        kind=item["kind"],
        severity=item["severity"],
        message=item["message"],
        options=options,
        fix=fix,
        description=(item.get("description") or "").strip(),
        link=item.get("link", ""),
        language=item.get("language", ""),
        examples=examples,
        source=where,
        line=line,
        state=state,
    )


def _check_template(message: str, fields: tuple[str, ...], fail: Any) -> None:
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as error:
        raise fail(f"message template: {error}") from None
    for name in names:
        if name not in fields:
            allowed = ", ".join("{" + f + "}" for f in fields) or "none"
            raise fail(
                f"message uses '{{{name}}}', which this kind does not provide "
                f"(available: {allowed})"
            )


def _example(value: Any, fail: Any) -> Example:
    if not isinstance(value, dict):
        raise fail("each example is a mapping with 'bad' or 'good'")
    unknown = set(value) - {*EXAMPLE_KEYS, LINE_KEY}
    if unknown:
        raise fail(f"unknown example field '{sorted(unknown)[0]}'")
    if ("bad" in value) == ("good" in value):
        raise fail("an example has exactly one of 'bad' or 'good'")
    text, fixed = (
        v.decode("utf-8", errors="surrogateescape") if isinstance(v, bytes) else v
        for v in (value.get("bad", value.get("good")), value.get("fixed"))
    )  # !!binary texts are bytes that need not be UTF-8, decoded as files are
    if not isinstance(text, str) or not isinstance(fixed, (str, type(None))):
        raise fail("example texts must be strings")
    if fixed is not None and "bad" not in value:
        raise fail("'fixed' goes with a 'bad' example")
    return Example(
        text=text,
        flagged="bad" in value,
        fixed=fixed,
        unsafe=bool(value.get("unsafe")),
        document=bool(value.get("document")),
    )


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
