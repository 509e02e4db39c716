"""``--engine dask``: check and fix sharded corpora on a Dask cluster.

The parent (the ``seedlint`` command) names the shards and reports; each shard is one
task, run on a worker by the same per-document functions as the local engine
(``seedlint.commands.work``), and its results come back in shard order, so that the
report and the fixed copies are the local engine's, byte for byte. Modules:

- ``cluster``: a local cluster sized to the machine, or a running one (``--scheduler``)
- ``shipping``: the linter and its settings, sent to each worker once per run
- ``tasks``: what a worker does with one shard (check, contribute, fix)
- ``ordered``: tasks submitted a window at a time, results taken in order
- ``manifest``: the shards a fix finished, so that a run that died resumes
- ``corpus_pass``: the corpus rules on the cluster: fingerprints kept on the workers,
  findings made by shuffles of their hashes (``seedlint.corpus.shuffle``, ``buckets``)
- ``bodies``: records read again on a worker, to measure near-duplicate candidates
- ``engine``: the parent's side, as ``check`` and ``fix`` use it
"""
