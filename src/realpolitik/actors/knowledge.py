"""The actor knowledge base: package data plus the user's own files.

Knowledge is data (TSV and YAML under ``actors/data/``), validated row by row:
a loader collects every bad row as ``file:line: reason`` and raises them all
in one :class:`~realpolitik.errors.KnowledgeError`, so a user fixes a file in
one pass rather than one error per run.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from realpolitik.actors.petrarch import read_petrarch_actors, read_petrarch_agents
from realpolitik.actors.schema import (
    ActorEntry,
    AliasRow,
    AnaphorRow,
    ContextWordRow,
    CountryRow,
    NonActorRow,
    RegionRow,
    RoleWord,
    SectorRow,
)
from realpolitik.errors import KnowledgeError

DATA_PACKAGE = "realpolitik.actors.data"
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class AliasTarget:
    """What a written name points at: an entry, and how the name refers to it.

    ``kind`` is ``country``, ``demonym``, ``capital``, ``seat``, ``org``,
    ``group`` or ``person``; ``role`` is the sector a capital or seat of power
    stands for ("Kremlin" → GOV, "Pentagon" → MIL).
    """

    entry: ActorEntry
    kind: str
    role: str | None = None


@dataclass(slots=True)
class KnowledgeBase:
    """Everything the actor coder looks up, keyed the way the matchers need it."""

    aliases: dict[str, AliasTarget] = field(default_factory=dict)
    countries: dict[str, ActorEntry] = field(default_factory=dict)
    role_words: dict[str, RoleWord] = field(default_factory=dict)
    sector_labels: dict[str, str] = field(default_factory=dict)
    anaphors: dict[str, str] = field(default_factory=dict)
    non_actor_phrases: list[str] = field(default_factory=list)
    non_actor_heads: set[str] = field(default_factory=set)
    context_words: dict[str, set[str]] = field(default_factory=dict)
    # Names matched only as written: the generated gazetteer's, whose lower case is unvetted.
    exact_aliases: set[str] = field(default_factory=set)

    def add_entry(self, entry: ActorEntry) -> None:
        """Register an entry under its name and aliases; a later entry wins an alias."""
        for alias in (entry.name, *entry.aliases):
            for variant in _case_variants(alias):
                self.aliases[variant] = AliasTarget(entry, entry.kind, None)

    def add_role_word(self, word: RoleWord) -> None:
        """Register a role phrase and its plural (given, or the regular one)."""
        self.role_words[word.phrase.lower()] = word
        self.role_words[(word.plural or regular_plural(word.phrase)).lower()] = word

    def generic_nouns(self) -> set[str]:
        """Every noun some entry lets later text use to point back at it."""
        return {noun.lower() for target in self.aliases.values() for noun in target.entry.generic}


def regular_plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word ("militant" → "militants")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def _case_variants(alias: str) -> tuple[str, ...]:
    """The alias as written, plus a capitalised form for sentence starts ("al-Qaeda")."""
    if alias[:1].islower():
        return (alias, alias[:1].upper() + alias[1:])
    return (alias,)


def _demonym_plural(demonym: str) -> str | None:
    """Plural of a demonym where English has one ("Pakistanis"; none for "Chinese")."""
    if demonym.endswith(("sh", "ch", "ese", "ss", "s", "i")) and not demonym.endswith(
        ("ani", "qi", "ri", "li", "ni")
    ):
        return None
    return demonym + "s"


class _Problems:
    """Bad rows collected across files, raised together at the end of a load."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def note(self, where: str, error: ValidationError | str) -> None:
        if isinstance(error, ValidationError):
            reason = "; ".join(
                f"{'.'.join(str(p) for p in item['loc']) or 'row'}: {item['msg']}"
                for item in error.errors()
            )
        else:
            reason = error
        self.lines.append(f"{where}: {reason}")

    def raise_if_any(self) -> None:
        if self.lines:
            count = len(self.lines)
            raise KnowledgeError(
                f"{count} bad row{'s' if count > 1 else ''} in actor knowledge: "
                + " | ".join(self.lines)
                + " (fix or delete these rows)",
                code="E201",
            )


def _tsv_rows(text: str, name: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, row) for each non-blank, non-comment line; empty cells left out."""
    lines = text.splitlines()
    header = lines[0].split("\t")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        yield f"{name}:{number}", {k: v for k, v in zip(header, cells, strict=False) if v}


def _validated(
    model: type[ModelT], rows: Iterator[tuple[str, dict[str, Any]]], problems: _Problems
) -> Iterator[ModelT]:
    for where, row in rows:
        try:
            yield model.model_validate(row)
        except ValidationError as error:
            problems.note(where, error)


def _yaml_items(text: str, name: str, problems: _Problems) -> Iterator[tuple[str, Any]]:
    """(``file:line``, item) for each item of a YAML list (or of its ``actors`` key)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        problems.note(name, f"not valid YAML ({error})")
        return
    if isinstance(root, yaml.MappingNode):
        root = next((v for k, v in root.value if k.value == "actors"), None)
    if not isinstance(root, yaml.SequenceNode):
        problems.note(name, "expected a list of actor entries (or a mapping with 'actors:')")
        return
    for node in root.value:
        where = f"{name}:{node.start_mark.line + 1}"
        yield where, yaml.safe_load(yaml.serialize(node))


def _read_entries(text: str, name: str, problems: _Problems) -> list[ActorEntry]:
    entries = []
    for where, item in _yaml_items(text, name, problems):
        if not isinstance(item, dict):
            problems.note(where, "an entry must be a mapping with at least 'name'")
            continue
        try:
            entries.append(ActorEntry.model_validate({**item, "origin": where}))
        except ValidationError as error:
            problems.note(where, error)
    return entries


def _package_text(file_name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(file_name).read_text(encoding="utf-8")


def _load_countries(kb: KnowledgeBase, problems: _Problems) -> None:
    lists = ("aliases", "demonyms", "capitals")
    rows = (
        (where, {**row, **{k: [v for v in row.get(k, "").split("|") if v] for k in lists}})
        for where, row in _tsv_rows(_package_text("countries.tsv"), "countries.tsv")
    )
    for country in _validated(CountryRow, rows, problems):
        entry = ActorEntry(
            name=country.name, code=country.code, country=country.code, kind="country"
        )
        kb.countries[country.code] = entry
        for alias in (country.name, *country.aliases):
            kb.aliases[alias] = AliasTarget(entry, "country")
        for demonym in country.demonyms:
            _add_demonym(kb, entry, demonym)
        for capital in country.capitals:
            kb.aliases[capital] = AliasTarget(entry, "capital", "GOV")
    aliases = _tsv_rows(_package_text("country_aliases.tsv"), "country_aliases.tsv")
    for row in _validated(AliasRow, aliases, problems):
        _apply_alias(kb, row)
    regions = _tsv_rows(_package_text("regions.tsv"), "regions.tsv")
    for region in _validated(RegionRow, regions, problems):
        _add_region(kb, region)
    # The generated gazetteer comes last: every hand-made name wins over it.
    places = _tsv_rows(_package_text("places.tsv"), "places.tsv")
    for place in _validated(RegionRow, places, problems):
        if place.region not in kb.aliases:
            kb.exact_aliases.add(place.region)
        _add_region(kb, place)


def _add_region(kb: KnowledgeBase, row: RegionRow) -> None:
    """A region is coded as its country ("Darfur rebels" → SDNREB); a city is a place
    like a capital, which may stand for its country's people ("protesters in Basra")."""
    entry = kb.countries.get(row.country)
    if entry is None or row.region in kb.aliases:
        return
    if row.kind == "region":
        kb.aliases[row.region] = AliasTarget(entry, "country")
    else:
        kb.aliases[row.region] = AliasTarget(entry, "capital")


def _add_demonym(kb: KnowledgeBase, entry: ActorEntry, demonym: str) -> None:
    kb.aliases[demonym] = AliasTarget(entry, "demonym")
    plural = _demonym_plural(demonym)
    if plural and plural not in kb.aliases:
        kb.aliases[plural] = AliasTarget(entry, "demonym")


def _apply_alias(kb: KnowledgeBase, row: AliasRow) -> None:
    """One hand-made line: rename, add a name/demonym/seat, or drop a generated alias."""
    entry = kb.countries.get(row.country)
    if entry is None:
        entry = ActorEntry(name=row.alias, code=row.country, country=row.country, kind="country")
        kb.countries[row.country] = entry
    if row.kind == "canonical":
        renamed = entry.model_copy(update={"name": row.alias})
        kb.countries[row.country] = renamed
        for alias, target in list(kb.aliases.items()):
            if target.entry is entry:
                kb.aliases[alias] = AliasTarget(renamed, target.kind, target.role)
        kb.aliases[row.alias] = AliasTarget(renamed, "country")
    elif row.kind == "drop":
        dropped = kb.aliases.get(row.alias)
        if dropped is not None and dropped.entry.code == row.country:
            del kb.aliases[row.alias]
    elif row.kind == "demonym":
        _add_demonym(kb, entry, row.alias)
    else:
        kb.aliases[row.alias] = AliasTarget(
            entry, "country" if row.kind == "name" else row.kind, row.role
        )


def _load_words(kb: KnowledgeBase, problems: _Problems) -> None:
    for word in _validated(RoleWord, _tsv_rows(_package_text("roles.tsv"), "roles.tsv"), problems):
        kb.add_role_word(word)
    for sector in _validated(
        SectorRow, _tsv_rows(_package_text("sectors.tsv"), "sectors.tsv"), problems
    ):
        kb.sector_labels[sector.role] = sector.label
    anaphors = _tsv_rows(_package_text("anaphors.tsv"), "anaphors.tsv")
    for anaphor in _validated(AnaphorRow, anaphors, problems):
        kb.anaphors[anaphor.phrase.lower()] = anaphor.refers
    context = _tsv_rows(_package_text("context_words.tsv"), "context_words.tsv")
    for word_row in _validated(ContextWordRow, context, problems):
        kb.context_words.setdefault(word_row.kind, set()).add(word_row.word.lower())
    non_actors = _tsv_rows(_package_text("non_actors.tsv"), "non_actors.tsv")
    for row in _validated(NonActorRow, non_actors, problems):
        if row.kind == "phrase":
            kb.non_actor_phrases.append(row.phrase)
        else:
            kb.non_actor_heads.add(row.phrase.lower())


def _load_user_file(kb: KnowledgeBase, path: Path, problems: _Problems) -> None:
    """A user's YAML entries, or a PETRARCH/TABARI actor or agent dictionary."""
    if not path.is_file():
        raise KnowledgeError(f"{path}: no such actor file (check the --actors path)", code="E203")
    if path.suffix.lower() in (".yaml", ".yml"):
        for entry in _read_entries(path.read_text(encoding="utf-8"), str(path), problems):
            kb.add_entry(entry)
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    if "[~" in text:
        for word in read_petrarch_agents(path):
            kb.add_role_word(word)
        return
    for entry in read_petrarch_actors(path):
        kb.add_entry(entry)


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The package's actor knowledge, then each user file in order (later wins).

    extra_files (Sequence[Path]): user YAML files (see ``docs/actors.md``) or
        PETRARCH/TABARI ``.txt`` actor and agent dictionaries.
    RETURNS (KnowledgeBase): the merged knowledge.
    RAISES KnowledgeError: E201 listing every bad row as ``file:line``; E203
        for a missing file.
    """
    problems = _Problems()
    kb = KnowledgeBase()
    _load_countries(kb, problems)
    _load_words(kb, problems)
    for file_name in ("organisations.yaml", "people.yaml"):
        for entry in _read_entries(_package_text(file_name), file_name, problems):
            kb.add_entry(entry)
    for path in extra_files:
        _load_user_file(kb, Path(path), problems)
    problems.raise_if_any()
    return kb
