"""Events in the GDELT 2.0 event-table layout, so GDELT analysis code runs on them.

All 61 columns are written in GDELT's order (names from ``data/gdelt_columns.txt``);
a column we have no value for is left empty.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

_VALUES = {
    "GLOBALEVENTID": "CAST(('0x' || left(event_id, 15)) AS BIGINT)",
    "SQLDATE": "CAST(strftime(coalesce(event_date, doc_date), '%Y%m%d') AS INTEGER)",
    "MonthYear": "CAST(strftime(coalesce(event_date, doc_date), '%Y%m') AS INTEGER)",
    "Year": "year(coalesce(event_date, doc_date))",
    "FractionDate": (
        "round(year(coalesce(event_date, doc_date)) "
        "+ (dayofyear(coalesce(event_date, doc_date)) - 1) / 365.0, 4)"
    ),
    "IsRootEvent": "CASE WHEN sentence_index < 3 THEN 1 ELSE 0 END",
    "EventCode": "cameo",
    "EventBaseCode": "left(cameo, 3)",
    "EventRootCode": "root",
    "QuadClass": "quad_class",
    "GoldsteinScale": "goldstein",
    "NumMentions": "num_mentions",
    "NumSources": "num_sources",
    "NumArticles": "num_articles",
    "ActionGeo_Type": (
        "CASE WHEN lat IS NOT NULL THEN 4 WHEN location_country IS NOT NULL THEN 1 END"
    ),
    "ActionGeo_FullName": "location_name",
    "ActionGeo_CountryCode": "location_country",
    "ActionGeo_Lat": "lat",
    "ActionGeo_Long": "lon",
    "DATEADDED": "CAST(strftime(ingested_at, '%Y%m%d%H%M%S') AS BIGINT)",
    "SOURCEURL": "coalesce(url, doc_id)",
}

_ACTOR_VALUES = {
    "Code": "{side}_code",
    "Name": "{side}_name",
    "CountryCode": "{side}_country",
    "KnownGroupCode": "CASE WHEN {side}_country IS NULL THEN {side}_code END",
    "Type1Code": "{side}_role",
}


@lru_cache(maxsize=1)
def gdelt_columns() -> list[str]:
    """The 61 GDELT 2.0 event-table column names, in file order."""
    text = files("realpolitik.export").joinpath("data/gdelt_columns.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _value(column: str) -> str:
    for number, side in (("1", "source"), ("2", "target")):
        prefix = f"Actor{number}"
        suffix = column.removeprefix(prefix)
        if column.startswith(prefix) and suffix in _ACTOR_VALUES:
            return _ACTOR_VALUES[suffix].format(side=side)
    return _VALUES.get(column, "CAST(NULL AS VARCHAR)")


def gdelt_select() -> str:
    """The projection from export rows to GDELT columns."""
    projection = ",\n    ".join(f'{_value(column)} AS "{column}"' for column in gdelt_columns())
    return (
        f"SELECT\n    {projection}\nFROM rows\n"
        "ORDER BY coalesce(event_date, doc_date) NULLS LAST, doc_id, sentence_index, event_id"
    )
