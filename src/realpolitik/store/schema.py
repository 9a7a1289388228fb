"""The DuckDB schema and its migrations.

Each migration is a list of statements run in one transaction together with
the row that records its version, so a crash between migrations leaves the
database at a known version and the next open continues from there.
"""

from __future__ import annotations

import contextlib

import duckdb

from realpolitik.errors import StoreError

SCHEMA_VERSION = 3

_VERSION_1 = [
    """
    CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, date DATE,
        content_hash VARCHAR NOT NULL, language VARCHAR, status VARCHAR, error VARCHAR,
        clean_text VARCHAR, origin VARCHAR, ingested_at TIMESTAMP)
    """,
    """
    CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER,
        text VARCHAR, PRIMARY KEY (doc_id, sentence_index))
    """,
    """
    CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR, mention_index INTEGER, sentence_index INTEGER, start_char INTEGER,
        end_char INTEGER, text VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR,
        role VARCHAR, kind VARCHAR, PRIMARY KEY (doc_id, mention_index))
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
        evidence_start INTEGER, evidence_end INTEGER, cue_start INTEGER, cue_end INTEGER,
        cue_text VARCHAR,
        source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
        source_role VARCHAR,
        target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
        target_role VARCHAR,
        cameo VARCHAR, root VARCHAR, label VARCHAR, quad_class TINYINT, goldstein DOUBLE,
        plover VARCHAR, mode VARCHAR,
        date VARCHAR, event_date DATE, date_precision VARCHAR, date_text VARCHAR,
        location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        attribution_text VARCHAR, attribution_anonymous BOOLEAN, quantities JSON,
        confidence DOUBLE, story_id VARCHAR)
    """,
    """
    CREATE TABLE IF NOT EXISTS stories (
        story_id VARCHAR PRIMARY KEY, source_code VARCHAR, target_code VARCHAR, cameo VARCHAR,
        root VARCHAR, quad_class TINYINT, goldstein DOUBLE, first_date DATE, last_date DATE,
        num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER)
    """,
]


def _without_key(table: str) -> list[str]:
    """Rebuild a table without its primary key (DuckDB cannot drop a constraint)."""
    return [
        f"CREATE TABLE {table}_unkeyed AS SELECT * FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_unkeyed RENAME TO {table}",
    ]


# Version 2: the per-document tables and stories lose their primary keys. Their
# ART indexes took half the file and about 7 % of the writer's CPU, while no
# query looks rows up by them. Writes keep the rows unique: a document's old rows
# are deleted before its new ones are inserted, events repeated within a document
# are dropped, and a batch rewrites the stories it touches. ``documents`` keeps
# its key on ``doc_id``.
_VERSION_2 = [
    statement
    for table in ("sentences", "mentions", "events", "stories")
    for statement in _without_key(table)
]

# Version 3: only stories of two or more events keep a stored row, in
# ``repeated_stories``. Nearly every story is a single report, and its row (the
# insert, the log, the checkpoint and the look-up over it) was a fifth of the
# cost of storing. ``stories`` becomes a view that adds the one-event stories
# back from their events, so it lists every story exactly as the version 2
# table did: an event whose ``story_id`` has no stored row is its story's only
# member, and the writer keeps that true.
_VERSION_3 = [
    "CREATE TABLE repeated_stories AS SELECT * FROM stories WHERE num_mentions > 1",
    "DROP TABLE stories",
    """
    CREATE VIEW stories AS
    SELECT story_id, source_code, target_code, cameo, root, quad_class, goldstein,
           first_date, last_date, num_mentions, num_articles, num_sources
    FROM repeated_stories
    UNION ALL
    SELECT e.story_id, e.source_code, e.target_code, e.cameo, e.root, e.quad_class,
           e.goldstein, e.event_date, e.event_date, 1, 1, 1
    FROM events e ANTI JOIN repeated_stories r ON r.story_id = e.story_id
    WHERE e.story_id IS NOT NULL
    """,
]

MIGRATIONS: dict[int, list[str]] = {1: _VERSION_1, 2: _VERSION_2, 3: _VERSION_3}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied schema version; 0 for a database we never touched."""
    (found,) = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0]
    if found == 0:
        return 0
    (version,) = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(version) if version is not None else 0


def check_version(con: duckdb.DuckDBPyConnection, db_label: str) -> int:
    """Refuse a database written by a newer realpolitik, whose tables we may misread."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db_label}: database schema version {version} is newer than this realpolitik "
            f"supports ({SCHEMA_VERSION}); upgrade realpolitik to open it",
            code="E502",
        )
    return version


def migrate(con: duckdb.DuckDBPyConnection, db_label: str) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one transaction per step."""
    version = check_version(con, db_label)
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)"
    )
    for step in range(version + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[step]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [step])
            con.execute("COMMIT")
        except duckdb.Error as error:
            with contextlib.suppress(duckdb.TransactionException):
                con.execute("ROLLBACK")
            raise StoreError(
                f"{db_label}: migration to schema version {step} failed: {error}", code="E503"
            ) from error
    return SCHEMA_VERSION
