"""The run's context (the linter, its rules and settings, the corpus work) sent to each
worker once, not with every task: a worker plugin holds it, and Dask gives the plugin to
every worker of the cluster, including one that joins or restarts during the run. Tasks
find it by the plugin's name."""

from __future__ import annotations

import uuid
from typing import Any

from seedlint.distributed.cluster import require_dask

require_dask()  # before the import below: a missing extra is one line, not a traceback
from distributed import WorkerPlugin, get_worker  # noqa: E402


class RunContext(WorkerPlugin):
    """A context, unpickled once on each worker."""

    def __init__(self, context: Any) -> None:
        self.context = context


def ship(client: Any, context: Any) -> str:
    """Sends ``context`` to every worker; returns the name tasks find it by."""
    name = f"seedlint-{uuid.uuid4().hex}"
    client.register_plugin(RunContext(context), name=name)
    return name


def shipped(name: str) -> Any:
    """On a worker: the context shipped under ``name``."""
    plugin = get_worker().plugins[name]
    assert isinstance(plugin, RunContext)
    return plugin.context


def unship(client: Any, name: str) -> None:
    client.unregister_worker_plugin(name)
