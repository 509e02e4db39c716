"""Reading rule packs: YAML files of rules, validated before anything runs.

A rule file is a mapping with a ``rules:`` list and, optionally, the ``prefix`` of its
codes. Each rule has a stable ``code`` (the prefix and three or four digits; ``SL`` is
kept for the bundled pack), a kebab-case ``name``, a ``kind`` (built in, or installed
through the ``seedlint.kinds`` entry point), the kind's ``check`` when it has several, a
``severity``, a ``message`` template, the check's own options, and optionally ``fix``
(``safe``, ``unsafe`` or ``off``), ``fix-message``, ``description``, ``link``,
``examples``, ``language`` (an ISO 639-1 code: the rule applies only to documents in
that language) and ``explained-by`` (codes of rules whose finding reports the same damage
as one of this rule's that starts inside it, which is then left out). Every problem of
every file is collected and raised together as one RuleFileError, one line each, naming
the file, the line and the rule.
"""

from __future__ import annotations

import importlib.util
import re
import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from seedlint.engine.diagnostics import FixMode, Severity
from seedlint.engine.kind import Kind, KindError, is_kind, kind_names, load_kind
from seedlint.engine.options import resolve
from seedlint.engine.rule import Example, Rule
from seedlint.engine.suggest import did_you_mean
from seedlint.ruleset.kept import bundled_values
from seedlint.ruleset.yamlsafe import Mapping, YamlError, load_yaml

BUNDLED_PREFIX = "SL"
PREFIX = re.compile(r"[A-Z]{1,6}\Z")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
LANGUAGE = re.compile(r"[a-z]{2,3}\Z")
CODE = re.compile(r"[A-Z]{1,6}\d{3,4}\Z")
COMMON_KEYS = (
    "code",
    "name",
    "kind",
    "check",
    "severity",
    "message",
    "fix",
    "fix-message",
    "description",
    "examples",
    "link",
    "language",
    "explained-by",
)
EXAMPLE_KEYS = ("bad", "good", "fixed", "unsafe", "document", "corpus")
FILE_KEYS = ("rules", "prefix")


class RuleFileError(Exception):
    """Rule files that cannot be used; str() is one line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class _Problem(Exception):
    """One problem of one rule, raised while reading it."""


def _where(path: str, line: int, label: str = "") -> str:
    return f"{path}:{line}: {label + ': ' if label else ''}" if line else f"{path}: "


def bundled_rule_files() -> list[Path]:
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "rules" / "__init__.py").is_file():
        # a source checkout, installed editable or not: its own rules/, even when another
        # checkout's editable install would map seedlint.rules to that one's (a second
        # working tree on PYTHONPATH, as the benchmarks compare commits)
        folder = checkout / "rules"
    else:  # installed: the package's folder from its spec, without importlib.resources (5 ms)
        spec = importlib.util.find_spec("seedlint.rules")
        if spec is None or not spec.submodule_search_locations:
            return []
        folder = Path(next(iter(spec.submodule_search_locations)))
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
    raise RuleFileError([f"{location}: rule pack not found (a YAML file or a folder of them)"])


def load_rules(locations: Iterable[str], root: Path) -> list[Rule]:
    """Every rule of the packs, in order; RuleFileError listing every problem found."""
    rules: list[Rule] = []
    problems: list[str] = []
    seen: dict[str, Rule] = {}
    for location in locations:
        try:
            paths = rule_files(location, root)
        except RuleFileError as error:
            problems.extend(error.problems)
            continue
        bundled = location == "default"
        values = bundled_values(paths) if bundled else {}
        for path in paths:
            loaded, file_problems = load_file(path, bundled, values.get(path))
            problems.extend(file_problems)
            for rule in loaded:
                for key, what in ((rule.code, "code"), (rule.name, "name")):
                    if key in seen:
                        other = seen[key]
                        problems.append(
                            f"{_where(rule.source, rule.line, rule.label)}duplicate {what} "
                            f"'{key}', already used at {other.source}:{other.line}"
                        )
                    seen.setdefault(key, rule)
                rules.append(rule)
    for rule in rules:
        for code in rule.explained_by:
            if code not in seen or code == rule.code:
                which = "the rule itself" if code == rule.code else "no loaded rule"
                problems.append(
                    f"{_where(rule.source, rule.line, rule.label)}explained-by names "
                    f"'{code}', which is {which}{did_you_mean(code, sorted(seen))}"
                )
    if problems:
        raise RuleFileError(problems)
    return rules


def load_file(
    path: Path, bundled: bool = False, parsed: Mapping | None = None
) -> tuple[list[Rule], list[str]]:
    """The file's rules, and one line per problem (rules with a problem are left out);
    ``parsed`` is the file's value when it is already at hand (the bundled pack's, kept)."""
    where = str(path)
    try:
        data = load_yaml(path) if parsed is None else parsed
    except YamlError as error:
        return [], [str(error)]
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        return [], [f"{where}:1: a rule file is a mapping with a 'rules:' list"]
    extra = sorted(set(data) - set(FILE_KEYS))
    if extra:
        line = data.key_lines.get(extra[0], data.line)
        return [], [f"{where}:{line}: unknown top-level key '{extra[0]}'"]
    prefix = data.get("prefix", BUNDLED_PREFIX if bundled else None)
    if prefix is not None and (not isinstance(prefix, str) or not PREFIX.match(prefix)):
        line = data.key_lines.get("prefix", data.line)
        return [], [f"{where}:{line}: prefix must be one to six capital letters, not {prefix!r}"]
    if prefix == BUNDLED_PREFIX and not bundled:
        line = data.key_lines.get("prefix", data.line)
        return [], [
            f"{where}:{line}: the code prefix SL is kept for the bundled rules; "
            "give your pack its own (prefix: HS, then codes HS001, HS002, …)"
        ]
    rules, problems = [], []
    for item in data["rules"]:
        try:
            rules.append(_rule(item, where, prefix, trusted=bundled))
        except _Problem as problem:
            problems.append(str(problem))
    return rules, problems


# Over 60 lines on purpose: one rule's fields are checked in the order its errors are
# reported, each check a line or two; split up, the order would be spread over functions.
def _rule(item: Any, where: str, prefix: str | None, trusted: bool = False) -> Rule:
    """One rule, checked; a ``trusted`` one (the bundled pack's, which the tests load
    untrusted: tests/ruleset/test_rulefile.py) is built with ``build_trusted`` and its
    templates are not checked against fields that building would have to compute."""
    if not isinstance(item, Mapping):
        raise _Problem(f"{where}: each rule is a mapping")
    line = item.line
    label = f"{item.get('code', '?')} [{item.get('name', '?')}]"

    def fail(message: str) -> _Problem:
        return _Problem(f"{_where(where, line, label)}{message}")

    for key in ("code", "name", "kind", "severity", "message"):
        if key not in item:
            raise fail(f"missing required field '{key}'")
        if not isinstance(item[key], str):
            raise fail(f"field '{key}' must be a string")
    for key in ("check", "fix-message", "description", "link", "language"):
        if not isinstance(item.get(key, ""), str):
            raise fail(f"field '{key}' must be a string")
    _check_code(item["code"], prefix, fail)
    if not NAME.match(item["name"]):
        raise fail(f"name '{item['name']}' must be kebab-case (lower-case words and hyphens)")
    if not is_kind(item["kind"]):
        names = kind_names()
        raise fail(f"unknown kind '{item['kind']}'{did_you_mean(item['kind'], names)}")
    if item["severity"] not in Severity.__members__.values():
        choices = ", ".join(s.value for s in Severity)
        raise fail(f"severity must be one of {choices}, not '{item['severity']}'")
    try:
        kind = load_kind(item["kind"])
    except KindError as error:
        raise fail(str(error)) from None
    check = _check_name(item, kind, fail)
    spec = kind.options_of(check)
    options = {k: v for k, v in item.items() if k not in COMMON_KEYS}
    for key in options:
        if key not in spec:
            known = [*COMMON_KEYS, *spec]
            raise fail(
                f"unknown field '{key}' for the {kind.name} check '{check}'"
                f"{did_you_mean(key, known)}"
            )
    try:
        options = resolve(spec, options)
        state = (kind.build_trusted if trusted else kind.build)(check, options)
    except ValueError as error:
        raise fail(str(error)) from None
    fix = _fix_mode(item, kind, check, fail)
    if not trusted:
        fields = kind.message_fields(check, state)
        _check_template("message", item["message"], fields, fail)
        _check_template("fix-message", item.get("fix-message", ""), fields, fail)
    language = item.get("language", "")
    if language and not LANGUAGE.match(language):
        raise fail(f"language must be an ISO 639-1 code such as 'en', not {language!r}")
    explained_by = item.get("explained-by") or []
    if not isinstance(explained_by, list) or not all(
        isinstance(code, str) and CODE.match(code) for code in explained_by
    ):
        raise fail("explained-by must be a list of rule codes, such as [SL011]")
    return Rule(
        code=item["code"],
        name=item["name"],
        kind=item["kind"],
        check=check,
        severity=Severity(item["severity"]),
        message=item["message"],
        options=options,
        fix=fix,
        description=(item.get("description") or "").strip(),
        link=item.get("link", ""),
        language=language,
        examples=tuple(_example(e, fail) for e in item.get("examples") or []),
        source=where,
        line=line,
        fix_message=item.get("fix-message", ""),
        explained_by=tuple(explained_by),
        implementation=kind,
        state=state,
    )


def _check_code(code: str, prefix: str | None, fail: Callable[[str], _Problem]) -> None:
    if prefix is not None:
        if not re.fullmatch(f"{prefix}\\d{{3,4}}", code):
            raise fail(f"code '{code}' must be '{prefix}' and three or four digits")
        return
    match = re.fullmatch(r"([A-Z]{1,6})\d{3,4}", code)
    if match is None:
        raise fail(f"code '{code}' must be capital letters and three or four digits (HS001)")
    if match.group(1) == BUNDLED_PREFIX:
        raise fail(
            f"code '{code}': the prefix SL is kept for the bundled rules; give your pack "
            "its own (prefix: HS at the top of the file, then codes HS001, HS002, …)"
        )


def _check_name(item: Mapping, kind: Kind[Any], fail: Callable[[str], _Problem]) -> str:
    check = item.get("check") or kind.default_check
    if check is None:
        raise fail(f"kind '{kind.name}' needs a check: one of {', '.join(kind.checks)}")
    if check not in kind.checks:
        raise fail(
            f"kind '{kind.name}' has no check '{check}' (its checks: "
            f"{', '.join(kind.checks)}){did_you_mean(check, kind.checks)}"
        )
    return str(check)


def _fix_mode(
    item: Mapping, kind: Kind[Any], check: str, fail: Callable[[str], _Problem]
) -> FixMode:
    fixable = kind.checks[check].fixable
    value = item.get("fix", "safe" if fixable else "off")
    if value is False:  # YAML 1.1 reads a bare `off` as false
        value = "off"
    if value not in FixMode.__members__.values():
        raise fail(f"fix must be one of safe, unsafe, off, not {value!r}")
    if value != "off" and not fixable:
        raise fail(f"the {kind.name} check '{check}' has no fix; use fix: off or leave it out")
    return FixMode(value)


def _check_template(
    key: str, template: str, fields: tuple[str, ...], fail: Callable[[str], _Problem]
) -> None:
    """Templates use plain ``{field}`` references: no format spec or conversion, which
    could fail or exhaust memory when a message is written."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise fail(f"{key} template: {error}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            raise fail(f"{key} template: '{{{name}}}' takes no format spec or conversion")
        if name not in fields:
            allowed = ", ".join("{" + f + "}" for f in fields) or "none"
            raise fail(
                f"{key} uses '{{{name}}}', which this check does not provide (available: {allowed})"
            )


def _example(value: Any, fail: Callable[[str], _Problem]) -> Example:
    if not isinstance(value, Mapping):
        raise fail("each example is a mapping with 'bad' or 'good'")
    unknown = sorted(set(value) - set(EXAMPLE_KEYS))
    if unknown:
        raise fail(f"unknown example field '{unknown[0]}'")
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
    corpus = value.get("corpus", [])
    if not isinstance(corpus, list) or not all(isinstance(t, str) for t in corpus):
        raise fail("an example's 'corpus' is a list of documents (strings)")
    return Example(
        text=text,
        flagged="bad" in value,
        fixed=fixed,
        unsafe=bool(value.get("unsafe")),
        document=bool(value.get("document")),
        corpus=tuple(corpus),
    )
