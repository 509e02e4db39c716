"""The results cache: data only, outside the repository, keyed on everything that changes
results, and never more than a way to save time."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import msgspec
import pytest

from conftest import default_linter, run_seedlint, seed
from helpers import TYPO
from seedlint.engine.diagnostics import FixMode, Severity
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.linter import Linter
from seedlint.engine.rule import Rule
from seedlint.io import cache as cache_module
from seedlint.io.cache import Cache, default_cache_dir, fingerprint


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.msgpack"))


@pytest.mark.e2e
def test_cache_is_written_reused_and_invalidated_by_content(
    wikinews_folder: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = run_seedlint(
        "check", str(wikinews_folder), "--cache-dir", str(cache), "--format", "json"
    )
    [file] = cache_files(cache)
    assert file.stat().st_size > 1000
    second = run_seedlint(
        "check", str(wikinews_folder), "--cache-dir", str(cache), "--format", "json"
    )
    assert second.stdout == first.stdout and second.stderr == ""
    changed = wikinews_folder / "0001.txt"
    original = changed.read_text(encoding="utf-8")
    try:
        changed.write_text(original.replace(" the ", " teh ", 1), encoding="utf-8")
        third = run_seedlint("check", str(changed), "--cache-dir", str(cache), "--format", "json")
        assert "'teh' is a misspelling" in third.stdout
    finally:
        changed.write_text(original, encoding="utf-8")


@pytest.mark.e2e
def test_a_warm_run_with_workers_keeps_the_cache(wikinews_folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for _ in range(3):
        run_seedlint("check", str(wikinews_folder), "--cache-dir", str(cache), "-j", "2")
        [file] = cache_files(cache)
        assert file.stat().st_size > 1000  # hits found by workers are kept by the parent


@pytest.mark.e2e
def test_cache_depends_on_the_rules(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    cache = tmp_path / "cache"
    assert run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path).returncode == 1
    ignored = run_seedlint(
        "check", "a.txt", "--cache-dir", str(cache), "--ignore", "SL203", cwd=tmp_path
    )
    assert ignored.returncode == 0


@pytest.mark.e2e
def test_the_default_cache_is_per_user_and_per_project_never_in_the_repository(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "a.txt").write_text(TYPO, encoding="utf-8")
    home = tmp_path / "cache-home"
    env = {"XDG_CACHE_HOME": str(home)}
    run_seedlint("check", "a.txt", "--no-cache", cwd=project, env=env)
    assert not list((home / "seedlint").glob("results/*/*.msgpack"))
    run_seedlint("check", "a.txt", cwd=project, env=env)
    assert sorted(p.name for p in project.iterdir()) == ["a.txt"]  # nothing in the project
    [file] = (home / "seedlint").glob("results/*/*.msgpack")
    assert file.parent.name == default_cache_dir(project).name  # named by the project
    assert (file.parent / ".gitignore").read_text() == "*\n"


@pytest.mark.e2e
def test_a_planted_pickle_never_runs_code(tmp_path: Path) -> None:
    """A cache file holding a pickle payload (where an old version kept its cache, and at
    the exact path of the current one) is refused as data; the payload never runs."""
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    marker = tmp_path / "PWNED"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Payload())
    legacy = tmp_path / ".seedlint_cache"
    legacy.mkdir()
    (legacy / "0.1.0-0123456789abcdef0123456789abcdef.pickle").write_bytes(payload)
    cache = tmp_path / "cache"
    first = run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    [file] = cache_files(cache)
    file.write_bytes(payload)
    second = run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    assert not marker.exists()
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert (
        second.stderr.startswith("seedlint: note: ")
        and "not a valid seedlint cache" in second.stderr
    )
    assert second.stderr.count("\n") == 1
    third = run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    assert third.stderr == ""  # the discarded file was replaced by a valid one


@pytest.mark.e2e
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01garbage",
        msgspec.msgpack.encode({"version": 2, "fingerprint": "x", "entries": {}}),
        msgspec.msgpack.encode({"version": 2, "entries": {b"k": [["SL1", 1]]}}),
        msgspec.msgpack.encode([1, 2, 3]),
    ],
    ids=["empty", "garbage", "other-rules", "wrong-shape", "a-list"],
)
def test_a_cache_holding_unexpected_data_is_discarded_with_a_note(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    cache = tmp_path / "cache"
    clean = run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    [file] = cache_files(cache)
    file.write_bytes(content)
    again = run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    assert (again.returncode, again.stdout) == (clean.returncode, clean.stdout)
    assert "Traceback" not in again.stderr
    assert again.stderr == "" or "not a valid seedlint cache" in again.stderr


@pytest.mark.e2e
def test_a_link_planted_as_the_cache_gitignore_is_never_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    target = tmp_path / "elsewhere" / "created-through-the-link"
    (cache / ".gitignore").symlink_to(target)
    run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path)
    assert not target.exists() and not target.parent.exists()
    assert cache_files(cache)


@pytest.mark.e2e
def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("Clean."), encoding="utf-8")
    cache = tmp_path / "cache"
    run_seedlint("check", "a.txt", "--no-cache", "--cache-dir", str(cache), cwd=tmp_path)
    assert not cache.exists()


@pytest.mark.e2e
def test_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = run_seedlint("check", "a.txt", "--cache-dir", str(blocker / "cache"), cwd=tmp_path)
    assert result.returncode == 1 and "goverment" in result.stdout


class _Listed(Kind[Path]):
    """A kind that reads a word file: its content is part of what results depend on."""

    name = "listed"
    checks = declare(Check("listed", "words of a file"))

    def build(self, check: str, options: dict[str, object]) -> Path:
        return Path(str(options["file"]))

    def find(self, doc: object, state: Path) -> list[object]:
        return []

    def data_files(self, state: Path) -> list[Path]:
        return [state]


def test_the_key_follows_the_data_files_and_the_kinds_in_use(tmp_path: Path) -> None:
    """A new word list (say, a codespell upgrade) or another kind means another cache."""
    words = tmp_path / "words.txt"
    words.write_text("one\n", encoding="utf-8")
    kind = _Listed()
    rule = Rule(
        "HS001", "listed", "listed", "listed", Severity.WARNING, "m", {"file": str(words)},
        FixMode.OFF, implementation=kind, state=words,
    )  # fmt: skip
    before = fingerprint(Linter([rule]))
    assert fingerprint(Linter([rule])) == before
    words.write_text("one\ntwo\n", encoding="utf-8")
    assert fingerprint(Linter([rule])) != before
    bundled = default_linter()
    sources = cache_module._sources(bundled.all_rules)
    assert any(p.endswith("codespell_lib/data/dictionary.txt") for p in sources)
    assert any(p.endswith("kinds/substitution.py") for p in sources)
    assert fingerprint(bundled) != fingerprint(default_linter(ignore=("SL203",)))


def test_entries_not_used_by_a_run_are_dropped(tmp_path: Path) -> None:
    linter = default_linter()
    cache = Cache(tmp_path, linter)
    cache.put(cache.key(b"one", linter.rules), [])
    cache.put(cache.key(b"two", linter.rules), [])
    cache.save()
    again = Cache(tmp_path, linter)
    assert len(again.entries) == 2
    again.keep(again.key(b"one", linter.rules))
    again.save()
    assert len(Cache(tmp_path, linter).entries) == 1
