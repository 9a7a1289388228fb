"""Events as PLOVER-style records (actor, recipient, event, mode, context, event text).

PLOVER does not code plain statements (CAMEO 01), so events without a PLOVER
type are left out. PLOVER's ``mode`` is a sub-type of the event (how an
assault was carried out, say); we do not code it and leave it empty, and put
our modality (asserted, negated, ...) in ``modality``.
"""

from __future__ import annotations

PLOVER_SELECT = """
SELECT event_id AS id,
       coalesce(date, CAST(doc_date AS VARCHAR)) AS date,
       coalesce(source_name, source_code) AS actor,
       source_code AS actor_code,
       source_country AS actor_country,
       coalesce(target_name, target_code) AS recipient,
       target_code AS recipient_code,
       target_country AS recipient_country,
       plover AS event,
       '' AS mode,
       '' AS context,
       mode AS modality,
       cameo,
       sentence AS event_text,
       coalesce(url, doc_id) AS source,
       doc_id,
       story_id
FROM rows
WHERE plover IS NOT NULL
ORDER BY event_date NULLS LAST, doc_id, sentence_index, event_id
"""
