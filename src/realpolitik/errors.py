"""Coded error messages, so users can search and filter by code.

Ranges: E1xx ingest, E2xx actors, E3xx events, E4xx ontology, E5xx store,
E6xx web and export, E7xx distributed runs. A code is never reused.
"""

from __future__ import annotations


class RealpolitikError(Exception):
    """Base of every error the tool reports to a user as one line."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class IngestError(RealpolitikError):
    """A document or input path that cannot be read."""

    code = "E100"


class KnowledgeError(RealpolitikError):
    """A knowledge file (actors, verbs, code tables) with bad rows."""

    code = "E200"


class ModelError(RealpolitikError):
    """No usable spaCy English model is installed."""

    code = "E300"


class OntologyError(RealpolitikError):
    """An unknown CAMEO or PLOVER code."""

    code = "E400"


class StoreError(RealpolitikError):
    """The DuckDB store cannot be opened, migrated or written."""

    code = "E500"


class WebError(RealpolitikError):
    """A bad request to the web app or an export that cannot be written."""

    code = "E600"


class DistributedError(RealpolitikError):
    """A worker pool or Dask cluster that cannot run the job."""

    code = "E700"
