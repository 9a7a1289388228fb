"""The DuckDB event store: schema, writes, stories and ingest."""

from realpolitik.store.database import (
    DB_ENV_VAR,
    DEFAULT_DB,
    Store,
    default_db_path,
    open_store,
    table_counts,
)
from realpolitik.store.ingest import IngestReport, ingest
from realpolitik.store.rows import StoredDocument, content_hash, event_id
from realpolitik.store.schema import SCHEMA_VERSION

__all__ = [
    "DB_ENV_VAR",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "IngestReport",
    "Store",
    "StoredDocument",
    "content_hash",
    "default_db_path",
    "event_id",
    "ingest",
    "open_store",
    "table_counts",
]
