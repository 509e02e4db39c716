"""The results cache: a document checked before, with the same content and the same
rules, is not linted again.

What a cloned repository holds is untrusted, so the cache is data only and lives outside
it by default: in the user's cache folder (``platformdirs``), in a folder named by a hash
of the project's root (``--cache-dir`` or ``SEEDLINT_CACHE_DIR`` put it elsewhere,
``--no-cache`` skips it). A cache file is MessagePack of plain fields with a schema and a
version, decoded by msgspec into typed records: anything else (a damaged file, another
version, a planted pickle) fails validation and is discarded with one note, never
trusted.

The file's name is a fingerprint of everything that changes results: the seedlint
version, the source of the engine and of every kind in use, the data files they read
(codespell's list), every rule's definition and the settings that pick them. Inside, an
entry is keyed by a hash of the document's bytes and of the codes of the rules applied
to it (per-file ignores differ by path), and holds its diagnostics without the path.
Entries not used by a run are dropped when it saves, so the file does not grow unbounded.

A re-run over unchanged files need not read them: the cache also keeps, per file path, the
file's device, inode, size, modification and change times (nanoseconds) as they were
before it was read, and the digest of its content. A file whose status is the same is
served from its entry without being read (only when it has findings, for the report to
quote). Any write changes the change time, which no user can set; a status taken within
``RACY_NS`` of the file's last change is not kept, since a write in the same clock tick
could leave every field as it was (git's racy-index rule).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import msgspec

from seedlint import __version__
from seedlint.engine.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from seedlint.engine.linter import Linter
from seedlint.engine.rule import Rule
from seedlint.io.atomic import write_atomic
from seedlint.io.reading import read_regular

FORMAT_VERSION = 2
CONTENT_DIGEST = 16  # bytes of a content digest, as the corpus store's (io/corpus_store.py)
RACY_NS = 2_000_000_000  # a file changed this recently may change again unseen
ENGINE = Path(__file__).resolve().parent.parent / "engine"


class CachedFix(msgspec.Struct, array_like=True, frozen=True):
    applicability: str
    message: str
    edits: list[tuple[int, int, str]]


class CachedDiagnostic(msgspec.Struct, array_like=True, frozen=True):
    code: str
    name: str
    severity: str
    message: str
    start: int
    end: int
    row: int
    column: int
    end_row: int
    end_column: int
    fix: CachedFix | None


class Stamp(msgspec.Struct, array_like=True, frozen=True):
    """A file's status before it was read, and the digest of what was read."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    content: bytes


class CacheFile(msgspec.Struct, frozen=True):
    version: int
    fingerprint: str
    entries: dict[bytes, list[CachedDiagnostic]]
    files: dict[str, Stamp] = {}  # absolute path -> its stamp (files of earlier versions: none)


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=CONTENT_DIGEST).digest()


def stamp(status: os.stat_result, content: bytes) -> Stamp | None:
    """The stamp of a file read after ``status`` was taken; None when it changed so recently
    that another change could leave its status as it is."""
    if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS:
        return None
    return Stamp(
        status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns,
        content,
    )  # fmt: skip


def _same_file(status: os.stat_result, kept: Stamp) -> bool:
    return (
        status.st_ctime_ns == kept.ctime_ns
        and status.st_mtime_ns == kept.mtime_ns
        and status.st_size == kept.size
        and status.st_ino == kept.inode
        and status.st_dev == kept.device
    )


def default_cache_dir(root: Path) -> Path:
    """Per user, per project: nothing in a repository can plant entries in it."""
    named = os.environ.get("SEEDLINT_CACHE_DIR")
    if named:
        return Path(named)
    import platformdirs  # here: --no-cache and the commands that keep no cache never need it

    project = hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()
    return Path(platformdirs.user_cache_dir("seedlint", appauthor=False)) / "results" / project


def _file_digest(path: str) -> bytes:
    """The hash of a file's content, computed again only when its size or time changes."""
    try:
        status = os.stat(path)
    except OSError:
        return b"missing"
    return _content_digest(path, status.st_size, status.st_mtime_ns)


@cache
def _content_digest(path: str, size: int, mtime_ns: int) -> bytes:
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).digest()
    except OSError:
        return b"missing"


def fingerprint(linter: Linter) -> str:
    """A hash of everything that changes a run's results."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}/{FORMAT_VERSION}".encode())
    for engine_file in sorted(ENGINE.glob("*.py")):
        digest.update(_file_digest(str(engine_file)))
    for source in sorted(_sources(linter.all_rules)):
        digest.update(source.encode() + _file_digest(source))
    for rule in linter.rules:
        digest.update(repr(rule.definition).encode())
    digest.update(repr((linter.allowed_languages, linter.settings.fail_on)).encode())
    return digest.hexdigest()


def _sources(rules: Iterable[Rule]) -> set[str]:
    """The source files of the kinds in use and the data files they read."""
    import inspect

    found: set[str] = set()
    for rule in rules:
        if rule.implementation is None:
            continue
        module = inspect.getmodule(type(rule.implementation))
        if module is not None and getattr(module, "__file__", None):
            found.add(str(module.__file__))
            helpers = Path(str(module.__file__)).parent.glob("_*.py")
            found.update(str(p) for p in helpers)
        found.update(str(p) for p in rule.implementation.data_files(rule.state))
    return found


def to_cached(d: Diagnostic) -> CachedDiagnostic:
    fix = None
    if d.fix is not None:
        edits = [(e.start, e.end, e.content) for e in d.fix.edits]
        fix = CachedFix(d.fix.applicability.value, d.fix.message, edits)
    return CachedDiagnostic(
        d.code, d.name, d.severity.value, d.message, d.start, d.end,
        d.row, d.column, d.end_row, d.end_column, fix,
    )  # fmt: skip


def from_cached(c: CachedDiagnostic, path: str) -> Diagnostic:
    fix = None
    if c.fix is not None:
        edits = tuple(Edit(*e) for e in c.fix.edits)
        fix = Fix(Applicability(c.fix.applicability), c.fix.message, edits)
    return Diagnostic(
        c.code, c.name, Severity(c.severity), c.message, path, c.start, c.end,
        c.row, c.column, c.end_row, c.end_column, fix,
    )  # fmt: skip


class Cache:
    def __init__(self, folder: Path, linter: Linter) -> None:
        self.fingerprint = fingerprint(linter)
        self.path = folder / f"{self.fingerprint}.msgpack"
        self.entries: dict[bytes, list[CachedDiagnostic]] = {}
        self.used: dict[bytes, list[CachedDiagnostic]] = {}
        self.files: dict[str, Stamp] = {}
        self.used_files: dict[str, Stamp] = {}
        self.changed = False
        self.note: str | None = None  # why an existing cache file was discarded
        self._codes: dict[int, bytes] = {}
        try:
            data = read_regular(self.path)
        except OSError:
            return  # no cache yet
        try:
            loaded = msgspec.msgpack.decode(data, type=CacheFile)
            if loaded.version != FORMAT_VERSION or loaded.fingerprint != self.fingerprint:
                raise ValueError("made for other rules or another version")
            self.entries = loaded.entries
            self.files = loaded.files
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as error:
            self.note = f"{self.path}: not a valid seedlint cache ({error}); discarded"
            self.changed = True

    def key(self, data: bytes, rules: list[Rule]) -> bytes:
        return self.content_key(content_digest(data), rules)

    def content_key(self, content: bytes, rules: list[Rule]) -> bytes:
        """The entry of a content (its digest) under these rules."""
        codes = self._codes.get(id(rules))
        if codes is None:  # rule lists are few and long-lived (see Linter.rules_for)
            codes = self._codes[id(rules)] = " ".join(rule.code for rule in rules).encode()
        digest = hashlib.blake2b(content, digest_size=16)
        digest.update(codes)
        return digest.digest()

    def unchanged(self, path: str) -> Stamp | None:
        """The kept stamp of the file at ``path`` (absolute) when its status is still the
        same (it was not written since); None otherwise."""
        kept = self.files.get(path)
        if kept is None:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        return kept if _same_file(status, kept) else None

    def stamped(self, path: str, found: Stamp | None) -> None:
        """Keep a file's stamp for the next run (None: the file changed too recently)."""
        if found is None:
            return
        self.used_files[path] = found
        if self.files.get(path) != found:
            self.changed = True

    def get(self, key: bytes, path: str) -> list[Diagnostic] | None:
        found = self.entries.get(key)
        return None if found is None else [from_cached(c, path) for c in found]

    def keep(self, key: bytes) -> None:
        """Mark an entry as used by this run (workers look entries up; the parent keeps)."""
        if key in self.entries:
            self.used[key] = self.entries[key]

    def put(self, key: bytes, diagnostics: list[Diagnostic]) -> None:
        self.used[key] = [to_cached(d) for d in diagnostics]
        self.changed = True

    def save(self) -> None:
        """Write the entries this run used, atomically, into a folder that carries its own
        .gitignore; a cache that cannot be written is skipped, as it only saves time."""
        if (
            not self.changed
            and len(self.used) == len(self.entries)
            and len(self.used_files) == len(self.files)
        ):
            return
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _ignore_folder(folder)
            payload = CacheFile(FORMAT_VERSION, self.fingerprint, self.used, self.used_files)
            write_atomic(self.path, msgspec.msgpack.encode(payload))
        except OSError:
            pass


def _ignore_folder(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` in the cache folder, created through no link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    try:
        descriptor = os.open(folder / ".gitignore", flags, 0o666)
    except OSError:
        return  # there already (or a link planted there, which is left alone)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write("*\n")
