"""Coding at corpus scale: worker processes on one machine, or a Dask cluster.

Both paths code with the same Coder as the single-process ``ingest``, store
from one process (DuckDB has one writer), and report progress and failures in
a JSON Lines run log. See ``docs/distributed.md``.

Names are imported on first use: a worker process that only needs the pool
must not pay for importing Dask.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "ingest_parallel": "realpolitik.distributed.parallel",
    "default_workers": "realpolitik.distributed.parallel",
    "ingest_dask": "realpolitik.distributed.dask_run",
    "RunSummary": "realpolitik.distributed.progress",
    "ProgressSnapshot": "realpolitik.distributed.progress",
    "Failure": "realpolitik.distributed.progress",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
