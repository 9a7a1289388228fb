"""Pydantic schemas of the actor knowledge files, one per kind of row.

Each file kind is validated row by row so that a loader can report every bad
row at once as ``file:line`` instead of stopping at the first.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# The event schema's role vocabulary: a contract with the events stage and the store.
ROLES = frozenset(
    [
        "GOV",
        "MIL",
        "SPY",
        "LEG",
        "JUD",
        "OPP",
        "PTY",
        "REB",
        "INS",
        "COP",
        "BUS",
        "MED",
        "HLH",
        "CVL",
        "EDU",
        "REL",
        "NGO",
        "IGO",
    ]
)

EntryKind = Literal["country", "capital", "org", "group", "person"]
AliasKind = Literal["canonical", "name", "demonym", "capital", "seat", "drop"]
RoleKind = Literal["position", "rank", "collective", "title", "diplomatic"]


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; expected one of {' '.join(sorted(ROLES))}")
    return role


def _check_country(country: str) -> str:
    if not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise ValueError(f"country {country!r} is not an upper-case ISO alpha-3 code")
    return country


Role = Annotated[str, AfterValidator(_check_role)]
Country = Annotated[str, AfterValidator(_check_country)]


class RolePeriod(BaseModel):
    """A role an actor holds only between two dates (both ends inclusive, open if absent)."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    role: Role | None = None
    start: date | None = Field(default=None, alias="from")
    until: date | None = None
    code: str | None = None
    country: Country | None = None

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls inside the period."""
        return (self.start is None or self.start <= day) and (
            self.until is None or day <= self.until
        )


class ActorEntry(BaseModel):
    """A named actor: organisation, armed group, party, agency or person.

    ``code`` may be left out for actors with a country: it is then the country
    followed by the role (``PAK`` + ``SPY``), so dyads aggregate by country.
    ``generic`` lists nouns that refer back to this actor after it has been
    named ("the fund" for the IMF, "the alliance" for NATO).
    """

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    name: str
    aliases: list[str] = []
    code: str | None = None
    country: Country | None = None
    role: Role | None = None
    kind: EntryKind = "org"
    roles: list[RolePeriod] = []
    generic: list[str] = []
    origin: str = ""

    @model_validator(mode="after")
    def _has_code(self) -> ActorEntry:
        if not (self.code or self.country or self.role or self.roles):
            raise ValueError("an entry needs a code, a country, a role or dated roles")
        return self

    def period_on(self, day: date | None) -> RolePeriod | None:
        """The date-bounded role valid on ``day``; without a date, the one still open."""
        if day is None:
            open_ended = [p for p in self.roles if p.until is None]
            return open_ended[-1] if open_ended else None
        for period in self.roles:
            if period.covers(day):
                return period
        return None


class CountryRow(BaseModel):
    """One line of ``countries.tsv`` (generated from pycountry and countryinfo)."""

    code: Country
    name: str
    aliases: list[str]
    demonyms: list[str]
    capitals: list[str]


class AliasRow(BaseModel):
    """One line of ``country_aliases.tsv``: a hand-added name, demonym or seat of power."""

    country: Country
    alias: str = Field(min_length=1)
    kind: AliasKind
    role: Role | None = None


class RegionRow(BaseModel):
    """One line of ``regions.tsv`` or the generated ``places.tsv``: a region or city whose
    country is not in doubt."""

    region: str = Field(min_length=1)
    country: Country
    kind: Literal["region", "city"]


class RoleWord(BaseModel):
    """A word or phrase naming a sector ("prime minister" GOV, "troops" MIL).

    ``kind`` orders the evidence: a ``position`` (office) outranks a military
    ``rank``; a ``title`` ("leader", "spokesman") only gives its role when
    nothing more specific does ("rebel leader" is REB); ``diplomatic`` words
    name people and offices abroad ("embassy in Tehran" is not Iran's).
    """

    phrase: str = Field(min_length=1)
    role: Role
    kind: RoleKind
    plural: str | None = None


class SectorRow(BaseModel):
    """The plain-words label of a role, used to name actors known only by sector."""

    role: Role
    label: str = Field(min_length=1)


class AnaphorRow(BaseModel):
    """A phrase that points back to an earlier mention of some kind."""

    phrase: str = Field(min_length=1)
    refers: Literal["person", "country", "armed_group", "government"]


class ContextWordRow(BaseModel):
    """A word that changes how its neighbours are coded: a title it makes past ("former"),
    a preposition that places people ("in"), a noun whose "of" phrase is a place ("town"),
    a name that is also an ordinary English word ("turkey"), matched only as written, or a
    word of visits and meetings ("visit", "talks") whose place is the host's country, or a
    word of a company's name ("Airlines") that makes an organisation a business, or a word
    that makes troops a government's own ("government forces"), or a title that makes the
    name after it a campaign's ("Operation Linda Nchi")."""

    word: str = Field(min_length=1)
    kind: Literal["past_marker", "locative", "place_noun", "common_word", "venue_word",
                  "business_word", "state_force", "campaign_title"]


class NonActorRow(BaseModel):
    """A phrase that is never an actor, or a head noun that makes its modifier none."""

    phrase: str = Field(min_length=1)
    kind: Literal["phrase", "head"]
