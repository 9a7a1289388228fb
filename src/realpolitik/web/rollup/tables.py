"""Build the rollup tables from the store, in one transaction, into an in-memory database.

Each table keeps the events table's columns (``source_code``, ``event_date``,
``quad_class``...) with their meanings and sums what its queries count, so a
rollup answer is the events-table answer summed in a different order. Actors
are also kept at country level, in two columns per side:

- ``source_group``/``target_group``: an actor at country level as the analysis
  API counts it (``coalesce(country, code)``);
- ``source_prefix``/``target_prefix``: the same as the web's event listings
  test it (first three letters of a code that has a country), kept apart so
  listings select exactly the rows they always did;

and ``source_code``/``target_code`` is the actor level.

Tables are sorted by the columns their queries select on, so DuckDB's zone
maps skip most of each table: ``pair_days`` and ``dyad_events`` by dyad,
``day_pairs`` by date, ``actor_days`` by actor, ``document_events`` by document.
Only by the leading columns: zone maps skip whole row groups (about 120,000
rows), so a finer order skips no more and cost a tenth of the build. An actor
code normally begins with its country's, so the rows of an actor-level dyad
lie in the same few row groups as its country-level dyad.

Two tables are not sums but indexes into the store: ``dyad_events`` and
``document_events`` hold each event's row in the events table (its
``rowid``) and its document's row in the documents table, so an event listing
finds its rows in one short range and reads only those from the store
(:mod:`realpolitik.web.rollup.listings`). ``built_from`` records the store's
change marker in the same transaction, for the listings to check.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any

import duckdb

from realpolitik.analysis.sql_parts import KNOWN_DYAD, actor_expression, known_actor
from realpolitik.web import queries

SCHEMA = "realpolitik_web_rollup"

_GROUPS = (
    f"{actor_expression('country', 'source')} AS source_group, "
    f"{actor_expression('country', 'target')} AS target_group"
)
_PREFIXES = (
    f"{queries.side_code('country', 'source')} AS source_prefix, "
    f"{queries.side_code('country', 'target')} AS target_prefix"
)
_SUMS = "count(*) AS events, sum(e.goldstein) AS goldstein_sum"

TABLES = {
    # Every event, by dyad and day: timelines, dyad totals, listing windows.
    "pair_days": f"""
        SELECT {_GROUPS}, {_PREFIXES}, e.source_code, e.target_code,
               e.mode = 'asserted' AS asserted, e.event_date, e.quad_class,
               {_SUMS}, count(e.goldstein) AS goldstein_count
        FROM events e GROUP BY ALL
        ORDER BY source_group, target_group""",
    # Asserted events between known actors, by day: networks and trends over a period.
    "day_pairs": f"""
        SELECT e.event_date, {_GROUPS}, e.source_code, e.target_code, e.quad_class, {_SUMS}
        FROM events e
        WHERE e.mode = 'asserted' AND {KNOWN_DYAD} AND e.event_date IS NOT NULL
        GROUP BY ALL ORDER BY event_date""",
    # Asserted events of all time by dyad: top dyads, the whole network, partners.
    "pairs": f"""
        SELECT {_GROUPS}, e.source_code, e.target_code,
               {known_actor("source")} AS source_known, {known_actor("target")} AS target_known,
               e.quad_class, {_SUMS}, count(e.goldstein) AS goldstein_count
        FROM events e WHERE e.mode = 'asserted' GROUP BY ALL
        ORDER BY source_group, target_group""",
    # What each actor does as a source, by CAMEO root.
    "source_roots": f"""
        SELECT {actor_expression("country", "source")} AS source_group, e.source_code, e.root,
               count(*) AS events, any_value(e.label ORDER BY length(e.cameo)) AS label,
               min(length(e.cameo)) AS cameo_length
        FROM events e WHERE e.mode = 'asserted' GROUP BY ALL""",
    # How often the texts name each actor.
    "mention_counts": """
        SELECT coalesce(country, code) AS mention_group, code, count(*) AS mentions
        FROM mentions GROUP BY ALL""",
    # Every event by dyad as the listings match actors, with its row in the events
    # table and its document's: where the dyad page's event list lies.
    "dyad_events": f"""
        SELECT {_PREFIXES}, e.source_code, e.target_code, e.event_date,
               e.rowid AS event_row, d.rowid AS doc_row
        FROM events e LEFT JOIN documents d USING (doc_id)
        ORDER BY source_prefix, target_prefix""",
    # Every actor code with its country, most frequent name and number of events:
    # searched and named from a few hundred rows instead of every event.
    "actor_directory": """
        SELECT code, any_value(country) AS country, arg_max(name, n) AS name,
               sum(n)::BIGINT AS events
        FROM (SELECT source_code AS code, source_country AS country, source_name AS name,
                     count(*) AS n FROM events GROUP BY ALL
              UNION ALL
              SELECT target_code, target_country, target_name, count(*) FROM events GROUP BY ALL)
        WHERE code IS NOT NULL GROUP BY code""",
}


def _actor_sides(level: str, source: str, target: str) -> str:
    """Each ``pair_days`` row once per actor it names, an actor acting on itself once."""
    return f"""
        SELECT '{level}' AS level, {source} AS actor, event_date, events
        FROM {SCHEMA}.pair_days WHERE {source} IS NOT NULL
        UNION ALL
        SELECT '{level}', {target}, event_date, events
        FROM {SCHEMA}.pair_days WHERE {target} IS NOT NULL AND {target} IS DISTINCT FROM {source}"""


# The rows of each document's events: where the document page's events lie.
DOCUMENT_EVENTS = f"""
    SELECT doc_row, event_row FROM {SCHEMA}.dyad_events WHERE doc_row IS NOT NULL
    ORDER BY doc_row, event_row
"""

# Events on each day naming an actor on either side, each event once, matched as
# the listings match actors: existence checks and the actor page's listing window.
ACTOR_DAYS = f"""
    SELECT level, actor, event_date, sum(events) AS events FROM (
        {_actor_sides("country", "source_prefix", "target_prefix")}
        UNION ALL
        {_actor_sides("actor", "source_code", "target_code")})
    GROUP BY ALL ORDER BY level, actor
"""

_PREFIXES_AGREE = f"""
    SELECT bool_and(source_group IS NOT DISTINCT FROM source_prefix
                    AND target_group IS NOT DISTINCT FROM target_prefix)
    FROM {SCHEMA}.pair_days
"""


@dataclass(frozen=True, slots=True)
class Rollups:
    """What one build produced besides its tables."""

    marker: tuple[Any, ...]
    """The store's change marker when the tables were built (see :func:`store_marker`)."""
    counts: dict[str, Any]
    """Documents, events, actors and the dates they span (``queries.counts``)."""
    prefixes_agree: bool
    """Whether every actor's country code is the same for listings and analyses.

    True unless some event's actor has a country that does not begin its
    code; then a dyad's listing window is counted apart from its timeline."""
    actors: frozenset[tuple[str, str]]
    """Every ``(level, code)`` some event names on either side, as the listings match actors.

    Held in Python: whether an actor exists is asked twice per dyad page, and
    a set answers before a query could be planned."""
    seconds: float
    """How long the build took."""


def attach(con: duckdb.DuckDBPyConnection) -> None:
    """Attach the in-memory rollup database, writable even beside a read-only store.

    Attached databases belong to the DuckDB instance, so every cursor of
    ``con`` sees the tables.
    """
    con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {SCHEMA} (READ_WRITE)")


_MARKER = """
    SELECT (SELECT count(*) FROM documents) AS documents,
           (SELECT max(ingested_at) FROM documents) AS latest_ingested_at,
           (SELECT count(*) FROM events) AS events
"""


def store_marker(con: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """Documents, their latest ingestion time and events: any write to the store changes one.

    Rewriting a document keeps the counts but stamps a new ``ingested_at``.
    Costs well under a millisecond on a million events.
    """
    row = con.execute(_MARKER).fetchall()
    return tuple(row[0]) if row else ()


# The store's marker now and when the rollups were built (``built_from``), in one
# snapshot: equal rows mean the rollups still describe the store.
MARKERS = f"{_MARKER} UNION ALL SELECT * FROM {SCHEMA}.built_from"


def build(con: duckdb.DuckDBPyConnection) -> Rollups:
    """(Re)build every rollup table from the store in one transaction.

    Readers keep seeing the previous tables until the transaction commits.
    The tables are compressed afterwards (a checkpoint of the in-memory
    database), which shrinks them about five times.
    """
    started = time.perf_counter()
    attach(con)
    cursor = con.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        try:
            marker = store_marker(cursor)
            for name, select in TABLES.items():
                cursor.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.{name} AS {select}")
            cursor.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.actor_days AS {ACTOR_DAYS}")
            cursor.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.document_events AS {DOCUMENT_EVENTS}")
            cursor.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.built_from AS {_MARKER}")
            counts = queries.counts(cursor)
            agree = cursor.execute(_PREFIXES_AGREE).fetchall()[0][0]
            named = cursor.execute(f"SELECT DISTINCT level, actor FROM {SCHEMA}.actor_days")
            actors = frozenset(named.fetchall())
            cursor.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.TransactionException):
                cursor.execute("ROLLBACK")
            raise
        cursor.execute(f"FORCE CHECKPOINT {SCHEMA}")
    finally:
        cursor.close()
    return Rollups(marker, counts, agree is not False, actors, time.perf_counter() - started)
