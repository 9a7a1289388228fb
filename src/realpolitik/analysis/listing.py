"""Filtered event listings with the evidence sentence and the article behind each."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from realpolitik.analysis.sql_parts import check_mode, date_conditions, where

# The page is chosen on narrow columns first, then only its rows are read in full:
# sorting every matching row with all its columns costs seconds on millions of events.
_ORDER = "e.event_date DESC NULLS LAST, e.doc_id, e.sentence_index, e.event_id"
_MATCH = "({side}_code = ? OR {side}_country = ?)"


def _side_matches(side: str, code: str, params: list[Any]) -> str:
    params += [code.upper(), code.upper()]
    return _MATCH.format(side=side)


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    target: str | None = None,
    root: str | None = None,
    since: date | None = None,
    until: date | None = None,
    mode: str | None = None,
    doc_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> pd.DataFrame:
    """Events newest first, joined with their document's title, url and date.

    ``actor`` matches a full code (PAKGOV) or a country (PAK); with ``target``
    it is the source and ``target`` the target, without it either side.
    RETURNS (DataFrame): every ``events`` column plus title, url, doc_date.
    """
    params: list[Any] = []
    conditions: list[str] = []
    if actor and target:
        conditions.append(_side_matches("e.source", actor, params))
        conditions.append(_side_matches("e.target", target, params))
    elif actor or target:
        code = str(actor or target)
        either = _side_matches("e.source", code, params), _side_matches("e.target", code, params)
        conditions.append(f"({either[0]} OR {either[1]})")
    if root:
        conditions.append("e.root = ?")
        params.append(root.zfill(2))
    checked_mode = check_mode(mode)
    if checked_mode:
        conditions.append("e.mode = ?")
        params.append(checked_mode)
    if doc_id:
        conditions.append("e.doc_id = ?")
        params.append(doc_id)
    conditions += date_conditions(since, until, params, column="e.event_date")
    params += [int(limit), int(offset)]
    sql = f"""
        WITH page AS (
            SELECT e.rowid AS row_number FROM events e {where(conditions)}
            ORDER BY {_ORDER} LIMIT ? OFFSET ?
        )
        SELECT e.*, d.title, d.url, d.date AS doc_date
        FROM events e LEFT JOIN documents d USING (doc_id)
        WHERE e.rowid IN (SELECT row_number FROM page)
        ORDER BY {_ORDER}
    """
    return con.execute(sql, params).df()
