"""Readable names for actor codes, from the ISO 3166 table."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=4096)
def actor_label(code: str) -> str:
    """``PAK`` → ``Pakistan``, ``PAKGOV`` → ``Pakistan GOV``; other codes unchanged."""
    country = pycountry.countries.get(alpha_3=code[:3]) if len(code) >= 3 else None
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return f"{name} {code[3:]}".strip()
