"""What a worker does with one shard: read its records (JSON Lines, plain or compressed,
or Parquet rows), and check, contribute to the corpus pass, or fix each one with the
local engine's functions; a fix writes the shard's copy on the worker, atomically, with
the local engine's sink.

What goes back to the parent is what it reports: items without their text (a record's
bytes only when the corpus pass counts them), results as they are, and for a fix the
notes the sink printed. The original text of a fixed record goes back only where the
parent needs it (a record that was not written, or could not be fixed). The corpus
contributions stay on the worker (``keep_shard``): the shard's ``ShardPrints``, for the
corpus pass on the cluster.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec
from msgspec.structs import replace

from seedlint.commands.sinks import Written
from seedlint.commands.work import Checked, Fixed, check_item, contribute_item, fix_item
from seedlint.corpus.fingerprint import Fingerprint
from seedlint.corpus.shuffle import ShardPrints
from seedlint.corpus.table import Table
from seedlint.distributed.shipping import shipped
from seedlint.engine.corpus import CorpusGroup
from seedlint.io.atomic import UnsafePath, remove_stale_temporaries
from seedlint.io.sources import Item, range_items, shard_items

DIGEST_CHUNK = 1 << 20
# Notes print to the process's standard error, which a task captures for the parent; a
# worker with several threads runs its fix tasks one at a time so that no note strays
# into another shard's (the work holds the GIL: little is lost).
_NOTES = threading.Lock()
CHANGED = "\x00changed"  # stands for a fixed text the parent does not need to see


class Shard(msgspec.Struct, frozen=True):
    """One input file of the run, as the parent names it."""

    path: Path  # absolute: workers may run elsewhere
    shown: str  # its name in output
    relative: str | None  # for per-file settings
    parquet: bool
    text_field: str
    id_field: str
    # a part of a large plain JSON Lines file (see ``split``): its bytes, its first line
    span: tuple[int, int] | None = None
    first_number: int = 1

    def items(self) -> Iterator[Item]:
        if self.span is not None:
            fields = (self.text_field, self.id_field)
            return range_items(
                self.path, self.shown, self.relative, fields, self.span, self.first_number
            )
        if self.parquet:
            from seedlint.io.parquet import parquet_shard_items

            return parquet_shard_items(
                self.path, self.shown, self.relative, self.text_field, self.id_field
            )
        return shard_items(self.path, self.shown, self.relative, self.text_field, self.id_field)


class ShardFixed(msgspec.Struct):
    """A fixed shard: each item with its result and whether it was written, what the
    sink printed, its errors, and the digests the manifest keeps."""

    entries: list[tuple[Item, Fixed, Written]] = msgspec.field(default_factory=list)
    notes: str = ""
    errors: int = 0
    input_digest: str = ""
    output_digest: str = ""
    skipped: bool = False  # already fixed, as the manifest says


def _light(item: Item, keep_record: bool = False) -> Item:
    """The item without what the parent does not read (its text; its record's bytes,
    unless the corpus pass counts them)."""
    text = None if item.text is None else ""  # "" keeps it checkable
    return replace(item, text=text, record=item.record if keep_record else None)


def check_shard(shard: Shard, context_name: str) -> list[tuple[Item, Checked]]:
    context = shipped(context_name)
    keep = context.corpus is not None
    return [(_light(item, keep), check_item(item, context)) for item in shard.items()]


def contribute_shard(shard: Shard, context_name: str) -> list[tuple[Item, Checked]]:
    context = shipped(context_name)
    return [(_light(item, True), contribute_item(item, context)) for item in shard.items()]


def keep_shard(
    shard: Shard, context_name: str, number: int, contribute: bool
) -> tuple[list[tuple[Item, Checked]], ShardPrints]:
    """``check_shard`` (or ``contribute_shard``) whose corpus contributions stay here: the
    results go to the parent without them, and the fingerprints, with where each record
    is, make the shard's ``ShardPrints`` for the corpus pass on the cluster (``number``:
    the shard's place in the run's list)."""
    context = shipped(context_name)
    groups = context.corpus.groups
    kept = kept_on_cluster(groups)
    prints: list[list[Fingerprint]] = [[] for _ in groups]
    places: list[tuple[int, int, int]] = []
    offset = 0 if shard.span is None else shard.span[0]
    pairs = []
    for item in shard.items():
        result = contribute_item(item, context) if contribute else check_item(item, context)
        found, record = result.contribution, item.record
        if found is not None and record is not None:
            places.append((offset, len(record.raw), record.number))
            for here, group, contributed in zip(kept, prints, found.data, strict=True):
                if here:
                    group.append(contributed)  # never None: a run of shards keeps no index
            # the other groups' contributions go to the parent, whose pass reads them
            data = [None if here else d for here, d in zip(kept, found.data, strict=True)]
            result = replace(result, contribution=replace(found, data=data))
        offset += 0 if record is None else len(record.raw)
        pairs.append((_light(item, True), result))
    tables = [
        Table.from_fingerprints(group, g.new_index().settings.num_perm if here else 1)
        for here, group, g in zip(kept, prints, groups, strict=True)
    ]
    return pairs, ShardPrints.of(number, places, tables)


def kept_on_cluster(groups: Sequence[CorpusGroup]) -> list[bool]:
    """Per corpus group, whether its contributions stay on the cluster: the fingerprints
    of the duplicates kind, whose pass runs there. Any other corpus kind's contributions
    go to the ``seedlint`` process, whose pass reads them (an empty table stands in)."""
    from seedlint.kinds.duplicates import Duplicates

    return [isinstance(group.kind, Duplicates) for group in groups]


def digest(path: Path) -> str:
    """sha256 of a file's bytes, as stored (compressed or not)."""
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(DIGEST_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def fix_shard(
    shard: Shard,
    context_name: str,
    output: Path | None,
    root: Path | None,
    done: tuple[str, str] | None,
) -> ShardFixed:
    """Fixes one shard into ``output`` (None: in place); skipped when ``done`` (input and
    output digests from the manifest) still matches both files."""
    from seedlint.commands.shards import shard_sink

    target = None if output is None else output / shard.path.name
    before = ""
    if target is not None:
        with contextlib.suppress(OSError):
            before = digest(shard.path)
        finished = done is not None and done[0] == before and target.is_file()
        if finished and done is not None and digest(target) == done[1]:
            return ShardFixed(input_digest=before, output_digest=done[1], skipped=True)
    if target is not None:  # what a run killed while writing this shard left behind
        # (a folder that is missing or unsafe is the sink's to report)
        with contextlib.suppress(OSError, UnsafePath):
            remove_stale_temporaries(target, root=root)
    context = shipped(context_name)
    fixed = ShardFixed(input_digest=before)
    notes = io.StringIO()
    with _NOTES, contextlib.redirect_stderr(notes):
        sink = shard_sink(shard.parquet, output, root, [shard.path], shard.text_field)
        try:
            for item in shard.items():
                result = fix_item(item, context)
                written = sink.put(item, result)
                fixed.entries.append((_light(item), _light_fixed(result, written), written))
            fixed.errors = sink.close()
        except BaseException:
            sink.abort()
            raise
    fixed.notes = notes.getvalue()
    if target is not None and target.is_file() and not fixed.errors:
        fixed.output_digest = digest(target)
    return fixed


def _light_fixed(result: Fixed, written: Written) -> Fixed:
    """The result without the texts the parent does not read: with the record written
    and no problem, only whether it changed counts."""
    if written is not Written.YES or result.problem is not None:
        return result
    changed = CHANGED if result.changed else ""
    return replace(result, original="", fixed=changed, payload=b"")
