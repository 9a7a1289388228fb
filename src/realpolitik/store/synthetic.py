"""Synthetic coded events for benchmarks and tests.

Benchmarks need millions of realistic-looking events without running the
coder; tests need small documents with known dyads. Codes come from the CAMEO
table and the ISO 3166 country list, so every synthetic row is a valid record.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import duckdb
import pyarrow as pa
import pycountry

from realpolitik.ontology.cameo import cameo_table, lookup
from realpolitik.records import Actor, CodedDocument, Event
from realpolitik.store.rows import StoredDocument

_ROLES = ("GOV", "MIL", "GOV", "OPP", "BUS", "MED", "CVL")


def synthetic_countries(count: int) -> list[str]:
    """The first ``count`` ISO alpha-3 codes, a stable actor pool."""
    return sorted(country.alpha_3 for country in pycountry.countries)[:count]


def make_actor(code: str, *, text: str | None = None) -> Actor:
    """An actor from a CAMEO-style code, the way the coder fills one in.

    ``PAKGOV`` → country PAK, role GOV; ``GOV`` → a bare role, no country;
    ``IGOUNO`` → an organisation without a country, role IGO.
    """
    if pycountry.countries.get(alpha_3=code[:3]) is not None:
        country, role = code[:3], code[3:] or None
    else:
        country, role = None, code[:3]
    return Actor(text=text or code, name=text or code, code=code, country=country, role=role)


def make_event(
    doc_id: str,
    source: str | None,
    target: str | None,
    cameo: str,
    *,
    sentence_index: int = 0,
    when: str | None = None,
    mode: str = "asserted",
    sentence: str = "",
) -> Event:
    """One event with the CAMEO table's label, root, QuadClass and Goldstein."""
    row = lookup(cameo)
    start = sentence_index * 100
    return Event(
        doc_id=doc_id, sentence_index=sentence_index,
        sentence=sentence or f"{source} and {target} ({row.label}).",
        evidence={"start": start, "end": start + 40},
        source=make_actor(source) if source else None,
        target=make_actor(target) if target else None,
        cameo=row.code, root=row.root, label=row.label, quad_class=row.quad_class,
        goldstein=row.goldstein, plover=row.plover, mode=mode, date=when,
        cue={"text": "met", "start": start + 5, "end": start + 8}, confidence=0.7,
    )


def make_document(
    doc_id: str,
    events: list[Event],
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
) -> CodedDocument:
    """A coded document whose sentences and mentions agree with its events."""
    sentences = sorted({event.sentence_index: event.sentence for event in events}.items())
    mentions = [
        {
            "sentence_index": event.sentence_index, "start": event.evidence["start"],
            "end": event.evidence["start"] + 4, "text": actor.text, "name": actor.name,
            "code": actor.code, "country": actor.country, "role": actor.role, "kind": "name",
        }
        for event in events
        for actor in (event.source, event.target)
        if actor is not None
    ]
    return CodedDocument(
        doc_id=doc_id,
        clean_text=" ".join(text for _, text in sentences),
        events=events, date=published, title=title or f"Report {doc_id}",
        url=url or f"https://news.example/{doc_id}",
        sentences=[
            {"index": index, "start": index * 100, "end": index * 100 + len(text), "text": text}
            for index, text in sentences
        ],
        mentions=mentions,
    )


def synthetic_documents(
    count: int, *, events_per_document: int = 50, seed: int = 0, countries: int = 40
) -> list[StoredDocument]:
    """``count`` pre-coded documents with random dyads, codes and 2022 dates."""
    rng = random.Random(seed)
    pool = synthetic_countries(countries)
    codes = list(cameo_table())
    documents: list[StoredDocument] = []
    for number in range(count):
        doc_id = f"synthetic-{seed}-{number}"
        published = date(2022, 1, 1) + timedelta(days=rng.randrange(365))
        events = [
            make_event(
                doc_id,
                rng.choice(pool) + rng.choice(_ROLES),
                rng.choice(pool) + rng.choice(_ROLES),
                rng.choice(codes),
                sentence_index=index,
                when=(published - timedelta(days=rng.randrange(3))).isoformat(),
            )
            for index in range(events_per_document)
        ]
        coded = make_document(doc_id, events, published=published)
        documents.append(StoredDocument(coded=coded, content_hash=f"h{seed}-{number}", origin=""))
    return documents


def fill_synthetic_events(
    con: duckdb.DuckDBPyConnection, count: int, *, countries: int = 60, days: int = 3650
) -> None:
    """Insert ``count`` events straight into ``events`` with SQL ``range()``.

    Rows are spread over ``countries`` country actors and ``days`` days from
    2015-01-01, with codes drawn from the CAMEO table by hashing the row number.
    """
    table = cameo_table()
    cameo_rows = pa.table(
        {
            "slot": list(range(len(table))),
            "cameo": [row.code for row in table.values()],
            "root": [row.root for row in table.values()],
            "label": [row.label for row in table.values()],
            "quad_class": pa.array([row.quad_class for row in table.values()], pa.int8()),
            "goldstein": [row.goldstein for row in table.values()],
            "plover": [row.plover for row in table.values()],
        }
    )
    con.register("synthetic_cameo", cameo_rows)
    try:
        con.execute(_FILL_SQL, [synthetic_countries(countries), len(table), count, days])
    finally:
        con.unregister("synthetic_cameo")


_FILL_SQL = """
INSERT INTO events BY NAME
WITH numbered AS (
    SELECT range AS n, ?::VARCHAR[] AS pool, ? AS codes FROM range(?)
), drawn AS (
    SELECT n,
        pool[1 + CAST(hash(n, 1) % len(pool) AS BIGINT)] AS source_country,
        pool[1 + CAST(hash(n, 2) % len(pool) AS BIGINT)] AS target_country,
        CAST(hash(n, 3) % codes AS INTEGER) AS slot,
        DATE '2015-01-01' + CAST(hash(n, 4) % ? AS INTEGER) AS event_date,
        CASE hash(n, 5) % 3 WHEN 0 THEN 'MIL' ELSE 'GOV' END AS role
    FROM numbered
)
SELECT 'syn' || n AS event_id, 'synthetic-doc-' || (n // 20) AS doc_id, 0 AS sentence_index,
       source_country || role AS source_code, source_country, role AS source_role,
       target_country || 'GOV' AS target_code, target_country, 'GOV' AS target_role,
       c.cameo, c.root, c.label, c.quad_class, c.goldstein, c.plover, 'asserted' AS mode,
       CAST(event_date AS VARCHAR) AS date, event_date, 'day' AS date_precision,
       0.7 AS confidence
FROM drawn JOIN synthetic_cameo c USING (slot)
"""
