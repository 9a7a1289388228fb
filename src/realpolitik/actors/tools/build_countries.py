"""Regenerate ``actors/data/countries.tsv`` from pycountry and countryinfo.

Kept in the package so the country table's provenance can be checked and the
table rebuilt when either library updates. Hand-made short forms, extra
demonyms and seats of power live in ``country_aliases.tsv``, which this script
never touches. Run: ``python -m realpolitik.actors.tools.build_countries``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "countries.tsv"
HEADER = "code\tname\taliases\tdemonyms\tcapitals"
PLAIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def _info(alpha_3: str) -> CountryInfo | None:
    """countryinfo's record, or None for territories it does not know."""
    try:
        info = CountryInfo(alpha_3)
        info.info()
    except Exception:  # countryinfo signals an unknown code with several unrelated errors
        return None
    return info


def _plain(names: list[str]) -> list[str]:
    """Names usable as text patterns: ASCII words, no 'X, Republic of' inversions."""
    return sorted({n for n in names if PLAIN_NAME.match(n) and len(n) > 3 and "," not in n})


def _row(country: object) -> str:
    alpha_3: str = country.alpha_3  # type: ignore[attr-defined]
    iso_name: str = country.name  # type: ignore[attr-defined]
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    info = _info(alpha_3)
    info_name = info.name().title() if info else None
    name = common or (iso_name if "," not in iso_name else info_name) or iso_name
    aliases = [iso_name, official or "", info_name or ""]
    if info:
        aliases += [str(spelling) for spelling in info.alt_spellings() or []]
    demonym = info.demonym() if info else None
    capital = info.capital() if info else None
    alias_list = [a for a in _plain(aliases) if a != name]
    return "\t".join(
        [
            alpha_3,
            name,
            "|".join(alias_list),
            demonym if demonym and PLAIN_NAME.match(demonym) else "",
            capital if capital and PLAIN_NAME.match(capital) else "",
        ]
    )


def main() -> None:
    """Write the table, one country a line, sorted by ISO code."""
    rows = [_row(country) for country in sorted(pycountry.countries, key=lambda c: c.alpha_3)]
    DATA_FILE.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
