"""The Dask client of a run: a ``LocalCluster`` of worker processes on this machine
(listening on 127.0.0.1 only), or the running cluster whose scheduler ``--scheduler``
names. A scheduler that cannot be reached within ``CONNECT_TIMEOUT`` is one line and exit
code 2, as is a missing ``seedlint[dask]`` extra.
"""

from __future__ import annotations

import logging
from typing import Any

from seedlint.commands.common import UsageError

CONNECT_TIMEOUT = "5s"  # a scheduler that answers at all answers well within this
WORKERS_TIMEOUT = 10  # seconds for a running cluster to show one worker
DASK_MISSING = "--engine dask needs Dask: pip install 'seedlint[dask]'"
# Dask logs every worker it loses and every retry; the run's own output says what matters.
QUIET_LOGGERS = ("distributed", "tornado", "bokeh")
LOCAL_HTTP = "127.0.0.1:0"


def require_dask() -> None:
    """UsageError (one line) when the extra seedlint[dask] is not installed."""
    _distributed()


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(DASK_MISSING) from None
    return distributed


def start(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """(client, local cluster or None): connected to ``scheduler``, or to a new local
    cluster of ``workers`` processes with one thread each (the work holds the GIL)."""
    distributed = _distributed()
    # Dask's configuration gives some of its loggers levels of their own (distributed.client
    # warns of every task it reschedules): each one is quietened, not only the top
    for name in [*QUIET_LOGGERS, *logging.root.manager.loggerDict]:
        if name.partition(".")[0] in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            message = f"--scheduler {scheduler}: cannot reach the scheduler ({reason})"
            raise UsageError(message) from None
        try:  # tasks would wait for ever on a cluster without workers
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            client.close()
            message = f"--scheduler {scheduler}: no worker joined within {WORKERS_TIMEOUT} s"
            raise UsageError(message) from None
        return client, None
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        # the scheduler serves its HTTP routes even without a dashboard, by default on
        # port 8787 of every interface: a second run on the machine found it taken and
        # said so on standard error. A free port on 127.0.0.1 instead.
        scheduler_kwargs={"dashboard": False, "dashboard_address": LOCAL_HTTP},
        silence_logs=logging.CRITICAL,
    )
    try:
        client = distributed.Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise
    return client, cluster


def threads(client: Any) -> int:
    """The cluster's worker threads (at least one): how many tasks run at once."""
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def stop(client: Any, cluster: Any) -> None:
    client.close()
    if cluster is not None:
        cluster.close()
