"""The corpus rules on ``--engine dask`` run on the cluster: every duplicate, near-duplicate,
repeated title and boilerplate paragraph of the planted Wikinews corpus and the two
government blogs (which republish each other's posts with edits) is found as the local
engine finds it, byte for byte in the report and the fixed copies, on a LocalCluster of two
worker processes and on a ``dask scheduler`` with two ``dask worker`` processes; shards
plain, compressed, split in parts, with an ID used twice in one file. What comes back to the
``seedlint`` process from the corpus pass is findings: no fingerprint travels with the
results, and the shuffles return a small fraction of the signatures' size.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from cluster_fixtures import Cluster, dask_cluster

from conftest import run_seedlint
from corpus_shards import CORPUS_CODES, write_planted_shards

pytestmark = pytest.mark.e2e  # every test starts a Dask cluster

pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")
pytest.importorskip("zstandard", reason="the zstd extra (seedlint[zstd]) is not installed")

__all__ = ["dask_cluster"]  # a fixture, used by name
PART_BYTES = {"SEEDLINT_PART_BYTES": "300000"}  # the plain shards in several parts each
SIGNATURE_BYTES = 128 * 4  # a signature of the default 128 permutations, as the index keeps it


def _run(folder: Path, *args: str) -> tuple[int, str, str]:
    result = run_seedlint(*args, "--isolated", cwd=folder, env=PART_BYTES)
    return result.returncode, result.stdout, result.stderr


def test_corpus_findings_on_a_local_cluster_are_the_local_engines(tmp_path: Path) -> None:
    shards = write_planted_shards(tmp_path)
    local = _run(tmp_path, "check", "--jsonl", *shards, "--format", "json")
    dask = _run(tmp_path, "check", "--jsonl", *shards, "--format", "json", "--engine", "dask",
                "--jobs", "2")  # fmt: skip
    assert dask == local
    codes = [entry["code"] for entry in json.loads(local[1])]
    counts = {code: codes.count(code) for code in CORPUS_CODES.values()}
    # the planted defects, the blogs' 68 republished near-copies and 32 disclaimers...
    assert counts["SL502"] >= 73 and counts["SL504"] >= 32 and counts["SL503"] >= 2
    assert counts["SL501"] >= 5  # ...and the record whose ID was used twice, by its line
    assert "shards/part-1.jsonl.gz:" in local[1]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_corpus_findings_on_a_running_cluster_in_every_format(
    tmp_path: Path, dask_cluster: Cluster, fmt: str
) -> None:
    shards = write_planted_shards(tmp_path, government=False)
    local = _run(tmp_path, "check", "--jsonl", *shards, "--format", fmt)
    dask = _run(tmp_path, "check", "--jsonl", *shards, "--format", fmt, "--engine", "dask",
                "--scheduler", dask_cluster.address)  # fmt: skip
    assert dask == local
    assert all(code in local[1] for code in CORPUS_CODES.values())


def test_fix_with_corpus_findings_on_a_running_cluster(
    tmp_path: Path, dask_cluster: Cluster
) -> None:
    shards = write_planted_shards(tmp_path)
    runs = {}
    for engine in ("local", "dask"):
        extra = ["--scheduler", dask_cluster.address] if engine == "dask" else []
        output = ["--output-dir", f"out-{engine}", "--unsafe-fixes"]
        code, out, err = _run(tmp_path, "fix", "--jsonl", *shards, *output, "--engine", engine,
                              *extra)  # fmt: skip
        runs[engine] = (code, out, err.replace(f"out-{engine}", "out"))
    assert runs["dask"] == runs["local"]
    assert runs["local"][2].count("out of the fixed corpus") >= 5  # the copies
    for local in sorted((tmp_path / "out-local").iterdir()):
        fixed = (tmp_path / "out-dask" / local.name).read_bytes()
        assert fixed == local.read_bytes(), local.name
    fixed = gzip.decompress((tmp_path / "out-local" / "part-1.jsonl.gz").read_bytes())
    read = gzip.decompress((tmp_path / shards[1]).read_bytes())
    assert b"planted/copy-0.txt" in read and b"planted/copy-0.txt" not in fixed  # left out


def test_the_seedlint_process_receives_findings_not_signatures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seedlint.commands.cli import build_parser
    from seedlint.commands.common import documents, load_setup
    from seedlint.commands.corpus import CorpusRun, corpus_work
    from seedlint.commands.work import CheckContext, check_item
    from seedlint.distributed.corpus_pass import ShardedIndex
    from seedlint.distributed.engine import DaskEngine
    from seedlint.kinds.corpus_possessive import NameUse, NameUses

    shards = write_planted_shards(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(*next(iter(PART_BYTES.items())))
    args = build_parser().parse_args(
        ["check", "--isolated", "--jsonl", *shards, "--engine", "dask", "--jobs", "2"]
    )
    setup = load_setup(args)

    def run() -> tuple[CorpusRun, CheckContext]:
        work = corpus_work(setup.linter, setup.config.root)
        assert work is not None
        return CorpusRun(setup.linter, work), CheckContext(setup.linter, None, work)

    local, context = run()
    for item in documents(args, setup).items:
        local.add(item, check_item(item, context).contribution)
    expected = local.diagnostics()
    documents_count = len(local.names)

    remote, context = run()
    with DaskEngine(args) as engine:
        results = engine.check(engine.shards(documents(args, setup).shards, setup), context,
                               corpus=remote)  # fmt: skip
        for item, result in results:
            contributed = result.contribution
            if contributed is not None:
                fingerprint, names = contributed.data
                assert fingerprint is None  # no fingerprint came...
                assert isinstance(names, NameUse)  # ...but the names a document writes did
            remote.add(item, contributed)
        index, names_index = remote.indexes
        assert isinstance(index, ShardedIndex) and isinstance(names_index, NameUses)
        assert len(names_index) == documents_count
        holders: dict[str, int] = {}
        for places in engine.client.who_has(list(index.prints.values())).values():
            for worker in places:
                holders[worker] = holders.get(worker, 0) + 1
        # each worker holds the fingerprints of the shards it checked, none all of them
        assert len(holders) == 2 and max(holders.values()) < len(index.prints)
        found = remote.diagnostics()
    assert found == expected
    assert len(found) >= 100  # documents with corpus findings
    # what the corpus pass sent back: findings and counts, a small part of the signatures
    assert index.received.results == 2 * index.partitions
    assert index.received.bytes < documents_count * SIGNATURE_BYTES / 10


def test_a_corpus_kind_of_the_seedlint_process_beside_the_cluster_s(tmp_path: Path) -> None:
    """SL505's pass reads the names each document writes in the ``seedlint`` process while
    the duplicates' fingerprints stay on the cluster: the same report as the local engine."""
    writers = [
        "DigitalGov's editors met on Friday to plan the year.",
        "Read DigitalGov's guide to plain language before you write.",
        "This is DigitalGov's new home page, built with the community.",
    ]
    records = [
        {"id": f"post-{n}", "text": f"date 2024-01-1{n} Post {n}\n\n{body}\n"}
        for n, body in enumerate([*writers, "Join us during DigitalGovs webinar on Monday."])
    ]
    records.append(dict(records[0], id="copy"))  # and a copy, for the cluster's pass
    for part in (0, 1):
        lines = [json.dumps(r) for r in records[part::2]]
        (tmp_path / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    shards = ["part-0.jsonl", "part-1.jsonl"]
    local = _run(tmp_path, "check", "--jsonl", *shards, "--format", "concise")
    dask = _run(tmp_path, "check", "--jsonl", *shards, "--format", "concise", "--engine",
                "dask", "--jobs", "2")  # fmt: skip
    assert dask == local
    assert "part-1.jsonl#post-3:3:16: SL505 " in local[1], local
    assert "part-0.jsonl#post-0:1:1: SL501 " in local[1], local
