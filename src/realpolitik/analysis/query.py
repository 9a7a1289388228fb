"""Read-only SQL for anything the other commands do not answer."""

from __future__ import annotations

import os

import duckdb
import pandas as pd

from realpolitik.errors import StoreError
from realpolitik.store import open_store

_READING_STATEMENTS = {"SELECT"}


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Accept one SELECT (or WITH … SELECT) statement, refuse everything else."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as error:
        raise StoreError(f"cannot parse the query: {error}", code="E530") from error
    if len(statements) != 1:
        raise StoreError(
            f"give exactly one statement (got {len(statements)}); `sql` runs one query",
            code="E531",
        )
    kind = statements[0].type.name
    if kind not in _READING_STATEMENTS:
        raise StoreError(
            f"`sql` is read-only: {kind} statements are refused; only SELECT and WITH run",
            code="E532",
        )


def run_sql(db_path: str | os.PathLike[str] | None, query: str) -> pd.DataFrame:
    """Run one read-only query on the store (opened read-only as well)."""
    with open_store(db_path, read_only=True) as store:
        check_read_only(store.con, query)
        try:
            return store.con.execute(query).df()
        except duckdb.Error as error:
            raise StoreError(f"query failed: {error}", code="E533") from error
