"""One actor at a glance: its partners, what it does and how often it is named."""

from __future__ import annotations

from typing import Any

import duckdb

from realpolitik.analysis.sql_parts import actor_expression, actor_match, known_actor


def actor_profile(
    con: duckdb.DuckDBPyConnection, actor: str, *, level: str = "country"
) -> dict[str, Any]:
    """Partners (either direction), event roots as source, and mention count.

    RETURNS (dict): actor, partners (list of partner, events, goldstein_sum,
        goldstein_mean), by_root (list of root, label, events), mentions.
    """
    code = actor.upper()
    source = actor_expression(level, "source")
    target = actor_expression(level, "target")
    params: list[Any] = []
    as_source = actor_match(level, "source", code, params)
    as_target = actor_match(level, "target", code, params)
    partners = con.execute(
        f"""
        WITH sides AS (
            SELECT {target} AS partner, goldstein FROM events
            WHERE mode = 'asserted' AND {known_actor('target')} AND {as_source}
            UNION ALL
            SELECT {source} AS partner, goldstein FROM events
            WHERE mode = 'asserted' AND {known_actor('source')} AND {as_target}
        )
        SELECT partner, count(*) AS events, sum(goldstein) AS goldstein_sum,
               avg(goldstein) AS goldstein_mean
        FROM sides WHERE partner <> ? GROUP BY partner ORDER BY events DESC, partner
        """,
        [*params, code],
    ).df()
    root_params: list[Any] = []
    by_root = con.execute(
        f"""
        SELECT root, any_value(label ORDER BY length(cameo)) AS label, count(*) AS events
        FROM events WHERE mode = 'asserted' AND {actor_match(level, "source", code, root_params)}
        GROUP BY root ORDER BY events DESC, root
        """,
        root_params,
    ).df()
    mention_expr = "coalesce(country, code)" if level == "country" else "code"
    mentions = con.execute(
        f"SELECT count(*) FROM mentions WHERE {mention_expr} = ?", [code]
    ).fetchall()[0][0]
    return {
        "actor": code,
        "partners": partners.to_dict(orient="records"),
        "by_root": by_root.to_dict(orient="records"),
        "mentions": int(mentions),
    }
