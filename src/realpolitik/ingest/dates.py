"""Find a document's own date in its dateline.

Free-text date search over a whole article reads "the $60 billion" as 1960, so
we look only near the top, and only for full dates written the way datelines
write them; a regex finds the candidate and a strict parse checks it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from realpolitik.ingest.knowledge import month_numbers

#: How far into a document a dateline may sit.
DATELINE_WINDOW = 500

_ISO_DATE = r"(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
_ORDINAL = r"(?:st|nd|rd|th)?"


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    """ISO dates, "May 24, 2022" and "24 May 2022" (month names from months.tsv)."""
    names = sorted(month_numbers(), key=len, reverse=True)
    month = "|".join(re.escape(name) for name in names)
    month_first = (
        rf"(?P<mf_month>{month})\.? (?P<mf_day>\d{{1,2}}){_ORDINAL},? (?P<mf_year>\d{{4}})"
    )
    day_first = (
        rf"(?P<df_day>\d{{1,2}}){_ORDINAL} (?:of )?(?P<df_month>{month})\.?,? (?P<df_year>\d{{4}})"
    )
    return re.compile(
        rf"(?<![\w-])(?:{_ISO_DATE}|{month_first}|{day_first})(?![\w-])", re.IGNORECASE
    )


def find_document_date(text: str) -> date | None:
    """The first valid full date in the first few hundred characters.

    text (str): the document text.
    RETURNS (date | None): the dateline date, or None when the top of the text
        holds no complete, valid date.
    """
    for match in _dateline_pattern().finditer(text[:DATELINE_WINDOW]):
        found = _to_date(match)
        if found is not None:
            return found
    return None


def _to_date(match: re.Match[str]) -> date | None:
    """The date a dateline match names, or None when it is not a real calendar day."""
    parts = match.groupdict()
    months = month_numbers()
    if parts["iso_year"]:
        year, month, day = int(parts["iso_year"]), int(parts["iso_month"]), int(parts["iso_day"])
    elif parts["mf_year"]:
        year, day = int(parts["mf_year"]), int(parts["mf_day"])
        month = months[parts["mf_month"].lower()]
    else:
        year, day = int(parts["df_year"]), int(parts["df_day"])
        month = months[parts["df_month"].lower()]
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
