"""What a one-file check (a pre-commit hook's run) leaves unimported: the modules that only
some runs need (YAML rule files, user patterns, ignore patterns, the results cache, the
fixer, records, baselines, corpora) cost a start-up tens of milliseconds together, so
each is imported where it is used; and the package's own records are msgspec structs, which
cost no dataclass's generated methods. Start-up times themselves are in bench/speed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

# imported by a run that needs them, never by this one
NOT_NEEDED = (
    "yaml",  # the bundled rules are kept parsed; pyproject.toml is TOML
    "regex",  # user patterns; the bundled ones are compiled on first use
    "pathspec",  # include/exclude of a folder walk, per-file-ignores
    "dataclasses",  # records are msgspec structs: no methods generated and compiled
    "shutil",  # argparse's terminal width
    "importlib.resources",
    "hashlib",  # OpenSSL's hashes: the caches key on blake2b
    "importlib.metadata",  # plug-in kinds
    "difflib",  # did-you-mean hints, the mojibake fix's edits
    "numpy",  # corpus fingerprints
    "seedlint.io.cache",
    "seedlint.io.baseline",
    "seedlint.io.records",
    "seedlint.io.parquet",
    "seedlint.engine.fixer",
    "seedlint.kinds._endings",  # a last paragraph without its full stop
)
RUN = """
import sys
from seedlint.commands.cli import main
code = main(["check", "--no-cache", sys.argv[1]])
print(code, *sorted(set(sys.argv[2:]) & set(sys.modules)))
"""
DOCUMENT = (
    "date 2024-01-18 Japan and the UK sign a cyber partnership\n\n"
    "The memorandum was signed during a three-day visit to London.\n\n"
    "Both sides will share what they learn about attacks on companies.\n"
)


CONFIGURATIONS = {
    "pyproject.toml": '[tool.seedlint]\npaths = ["seeds"]\n',
    "seedlint.yaml": "paths: [seeds]\nfail-on: error\nseverity:\n  SL011: warning\n",
}


@pytest.mark.parametrize("configuration", sorted(CONFIGURATIONS))
@pytest.mark.parametrize("named", ["seeds/a.txt", "seeds"])
def test_a_one_file_check_imports_only_what_it_uses(
    tmp_path: Path, named: str, configuration: str
) -> None:
    """The file named (pre-commit's run), or found in a folder by the default include; a
    YAML configuration is kept parsed as the bundled rules are."""
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / configuration).write_text(CONFIGURATIONS[configuration], "utf-8")
    (project / "seeds" / "a.txt").write_text(DOCUMENT, encoding="utf-8")
    env = {"SEEDLINT_WORDLIST_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", RUN, named, *NOT_NEEDED],
            capture_output=True, text=True, env=env, cwd=project, check=True, timeout=120,
        ).stdout.splitlines()[-1]
        for _ in range(2)  # the first run parses and keeps the rules and word lists
    ]  # fmt: skip
    assert outputs[1] == "0"
    assert "yaml" in outputs[0].split()  # what the first run parsed, later runs read
