"""The event cue lexicon: which verbs and nouns express which CAMEO code.

Knowledge lives in YAML under ``events/data/`` (``cues.yaml``, ``embedding.yaml``) so that users
extend it with their own files, the way PETRARCH users extend its verb dictionaries. Every entry
is checked against a pydantic schema and the CAMEO table; all bad entries of all files are
reported at once in one ``KnowledgeError`` so a user fixes a file in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError
from spacy.tokens import Token

from realpolitik.errors import KnowledgeError
from realpolitik.ontology import cameo_table

PACKAGE_FILES = ("cues.yaml", "embedding.yaml")
SECTIONS = ("light_verbs", "verbs", "nouns", "families")
DEFAULT_NOUN_TARGET_PREPS = ("against", "on", "with", "to", "of")

VerbTarget = Literal["dobj", "prep", "dative", "none", "subject"]
NounTarget = Literal["prep", "none"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One lemma (with its constraints) that signals one CAMEO code.

    For verbs, ``objects`` are lemmas of which one must head (or modify) the direct object, the
    passive subject, or the pobj of the matched ``preps``. For nouns, ``objects`` are required
    compound/amod modifiers ("hunger strike", "car bomb"). ``specificity`` ranks cues of one
    lemma: constrained cues beat bare lemmas.
    """

    code: str
    lemma: str
    pos: Literal["verb", "noun"]
    particle: str | None
    objects: frozenset[str]
    preps: tuple[str, ...]
    target: str
    source_preps: tuple[str, ...]
    target_preps: tuple[str, ...]
    specificity: int

    @property
    def key(self) -> tuple[str, str, str | None, frozenset[str], tuple[str, ...]]:
        """What makes two cues the same trigger; a later file's cue with this key replaces."""
        return (self.pos, self.lemma, self.particle, self.objects, self.preps)


@dataclass(frozen=True, slots=True)
class IntentFamily:
    """Governing verbs whose code depends on the event they embed ("vowed to retaliate").

    ``mapping`` goes from an embedded CAMEO code or code prefix (root "04", "0841") to the code
    of the whole construction; the longest matching prefix wins, else ``default``.
    ``codeless`` holds the embedded roots the family has no code for: over those the
    governor says nothing CAMEO codes ("want to re-examine the refineries" is neither an
    intent to cooperate nor a threat). ``needs_act`` families code nothing over an act
    with no code of its own: getting ready to attend a sports event states no intent.
    """

    name: str
    governors: frozenset[str]
    mapping: Mapping[str, str]
    default: str
    codeless: frozenset[str] = frozenset()
    needs_act: bool = False

    def codes(self, embedded_code: str | None) -> bool:
        """Whether this family has a code for governing an event coded ``embedded_code``."""
        if embedded_code is None:
            return not self.needs_act
        return embedded_code[:2] not in self.codeless

    def code_for(self, embedded_code: str | None) -> str:
        """The code for this family governing an event coded ``embedded_code``.

        embedded_code (str | None): code of the embedded event, None when it has none.
        RETURNS (str): the mapped code, or ``default``.
        """
        mapped = by_longest_prefix(self.mapping, embedded_code) if embedded_code else None
        return mapped or self.default


def by_longest_prefix(mapping: Mapping[str, str], cameo: str) -> str | None:
    """The value of the longest key that prefixes ``cameo`` ("0841" before "084" before
    "08"; a one-digit key never counts), or None."""
    for length in range(len(cameo), 1, -1):
        found = mapping.get(cameo[:length])
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class Lexicon:
    """All cues, light verbs and intent families, indexed for O(1) lookups by lemma."""

    cues: tuple[Cue, ...]
    light_verbs: frozenset[str]
    intent_families: tuple[IntentFamily, ...]
    families: dict[str, IntentFamily] = field(init=False)
    _verb_index: dict[str, list[Cue]] = field(init=False, repr=False)
    _noun_index: dict[str, list[Cue]] = field(init=False, repr=False)
    _cue_lemmas: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        verb_index: dict[str, list[Cue]] = {}
        noun_index: dict[str, list[Cue]] = {}
        for cue in self.cues:
            index = verb_index if cue.pos == "verb" else noun_index
            index.setdefault(cue.lemma, []).append(cue)
        for index in (verb_index, noun_index):
            for lemma, cues in index.items():
                index[lemma] = sorted(cues, key=lambda cue: -cue.specificity)
        families = {gov: fam for fam in self.intent_families for gov in sorted(fam.governors)}
        object.__setattr__(self, "_verb_index", verb_index)
        object.__setattr__(self, "_noun_index", noun_index)
        object.__setattr__(self, "families", families)
        object.__setattr__(
            self, "_cue_lemmas", frozenset(verb_index) | frozenset(noun_index) | set(families)
        )

    def verb_cues(self, lemma: str) -> list[Cue]:
        """Verb cues for ``lemma``, most specific first, ties in file order."""
        return list(self._verb_index.get(lemma, ()))

    def noun_cues(self, lemma: str) -> list[Cue]:
        """Noun cues for ``lemma``, most specific first, ties in file order."""
        return list(self._noun_index.get(lemma, ()))

    def is_cue_lemma(self, lemma: str) -> bool:
        """Whether ``lemma`` can start an event, so cue-less sentences skip the parser."""
        return lemma in self._cue_lemmas

    def family_named(self, name: str) -> IntentFamily:
        """The family called ``name`` ("intent", "appeal", ...); a missing one is a data error."""
        for family in self.intent_families:
            if family.name == name:
                return family
        raise KnowledgeError(f"events/data: no intent family named {name!r}", code="E318")

    def family_of(self, lemma: str) -> IntentFamily | None:
        """The intent family ``lemma`` governs, if any."""
        return self.families.get(lemma)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    code: StrictStr
    lemmas: list[StrictStr] = Field(min_length=1)


class VerbEntry(_Entry):
    """A YAML ``verbs`` entry: lemmas ("call off" = lemma + particle) sharing constraints."""

    objects: list[StrictStr] = []
    preps: list[StrictStr] = []
    target: VerbTarget | None = None


class NounEntry(_Entry):
    """A YAML ``nouns`` entry: nominal events ("the invasion of Ukraine by Russia")."""

    modifiers: list[StrictStr] = []
    target: NounTarget = "prep"
    source_preps: list[StrictStr] = ["by"]
    target_preps: list[StrictStr] = list(DEFAULT_NOUN_TARGET_PREPS)


class FamilyEntry(BaseModel):
    """A YAML ``families`` entry: governors and embedded-code mapping."""

    model_config = ConfigDict(extra="forbid", strict=True)

    family: StrictStr
    governors: list[StrictStr] = Field(min_length=1)
    map: dict[StrictStr, StrictStr] = {}
    default: StrictStr
    codeless: list[StrictStr] = []
    needs_act: StrictBool = False


@dataclass(slots=True)
class _FileParts:
    cues: list[Cue]
    light_verbs: list[str]
    families: list[IntentFamily]
    problems: list[str]


def _lemma_problem(lemma: str, max_words: int) -> str | None:
    words = lemma.split()
    if not words or len(words) > max_words or lemma != " ".join(words):
        return f"lemma {lemma!r} must be 1 to {max_words} words separated by one space"
    if lemma != lemma.lower():
        return f"lemma {lemma!r} must be lower case (spaCy lemmas are)"
    return None


def _word_problems(field_name: str, words: Iterable[str]) -> list[str]:
    """Constraint words are matched against single spaCy tokens, so one lower-case word each."""
    return [
        f"{field_name} word {word!r} must be one lower-case word"
        for word in words
        if len(word.split()) != 1 or word != word.strip() or word != word.lower()
    ]


def _code_problem(code: str, *, root_ok: bool = False) -> str | None:
    """Events take 3- or 4-digit codes; bare roots ("04") only key an intent mapping."""
    if code not in cameo_table():
        return f"unknown CAMEO code {code!r} (see ontology/data/cameo.tsv)"
    if len(code) == 2 and not root_ok:
        return f"root code {code!r} is not an event code: use {code + '0'!r}"
    return None


def _specificity(objects: Iterable[str], preps: Iterable[str], particle: str | None) -> int:
    return 2 * bool(list(objects)) + 2 * bool(list(preps)) + (particle is not None)


def _verb_cues(entry: VerbEntry) -> tuple[list[Cue], list[str]]:
    problems = [p for p in (_code_problem(entry.code),) if p]
    problems += [p for lemma in entry.lemmas if (p := _lemma_problem(lemma, 2))]
    problems += _word_problems("objects", entry.objects) + _word_problems("preps", entry.preps)
    target = entry.target or ("prep" if entry.preps else "dobj")
    if target == "prep" and not entry.preps:
        problems.append("target 'prep' needs at least one entry in preps")
    if problems:
        return [], problems
    cues = []
    for lemma in entry.lemmas:
        head, *rest = lemma.split()
        particle = rest[0] if rest else None
        cues.append(
            Cue(
                code=entry.code,
                lemma=head,
                pos="verb",
                particle=particle,
                objects=frozenset(entry.objects),
                preps=tuple(entry.preps),
                target=target,
                source_preps=(),
                target_preps=(),
                specificity=_specificity(entry.objects, entry.preps, particle),
            )
        )
    return cues, []


def _noun_cues(entry: NounEntry) -> tuple[list[Cue], list[str]]:
    problems = [p for p in (_code_problem(entry.code),) if p]
    problems += [p for lemma in entry.lemmas if (p := _lemma_problem(lemma, 1))]
    problems += _word_problems("modifiers", entry.modifiers)
    problems += _word_problems("source_preps", entry.source_preps)
    problems += _word_problems("target_preps", entry.target_preps)
    if entry.target == "prep" and not entry.target_preps:
        problems.append("target 'prep' needs at least one entry in target_preps")
    if problems:
        return [], problems
    cues = [
        Cue(
            code=entry.code,
            lemma=lemma,
            pos="noun",
            particle=None,
            objects=frozenset(entry.modifiers),
            preps=(),
            target=entry.target,
            source_preps=tuple(entry.source_preps),
            target_preps=tuple(entry.target_preps),
            specificity=_specificity(entry.modifiers, (), None),
        )
        for lemma in entry.lemmas
    ]
    return cues, []


def _family(entry: FamilyEntry) -> tuple[IntentFamily | None, list[str]]:
    problems = [p for code in entry.map if (p := _code_problem(code, root_ok=True))]
    problems += [p for code in (*entry.map.values(), entry.default) if (p := _code_problem(code))]
    problems += [p for lemma in entry.governors if (p := _lemma_problem(lemma, 1))]
    problems += [f"codeless {root!r} is not a CAMEO root" for root in entry.codeless
                 if len(root) != 2 or root not in cameo_table()]
    if problems:
        return None, problems
    family = IntentFamily(
        name=entry.family,
        governors=frozenset(entry.governors),
        mapping=MappingProxyType(dict(entry.map)),
        default=entry.default,
        codeless=frozenset(entry.codeless),
        needs_act=entry.needs_act,
    )
    return family, []


def _pydantic_problems(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "entry"
        hint = ""
        if isinstance(item.get("input"), bool):
            hint = " (YAML reads on/off/yes/no as booleans: quote the word)"
        elif item["type"] == "string_type":
            hint = f' (got {item.get("input")!r}: quote codes such as "042")'
        problems.append(f"{where}: {item['msg']}{hint}")
    return problems


# libyaml's loader when PyYAML was built with it: the shipped files parse ~5x faster.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _entry_lines(root: yaml.Node | None) -> dict[str, list[int]]:
    """1-based line of each entry of each section, so errors point into the file."""
    lines: dict[str, list[int]] = {}
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if isinstance(value_node, yaml.SequenceNode):
                lines[str(key_node.value)] = [item.start_mark.line + 1 for item in value_node.value]
    return lines


def _read_yaml(text: str, name: str) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Parse once into nodes (for line numbers), then build the data from those nodes."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise KnowledgeError(f"{where}: not valid YAML: {error}", code="E310") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise KnowledgeError(f"{name}: expected a mapping with {SECTIONS}", code="E310")
    return data, _entry_lines(root)


def _parse_section(
    section: str, raw_entries: Any, parts: _FileParts, name: str, lines: list[int]
) -> None:
    """Validate one section's entries, adding cues/families or problems to ``parts``."""
    if not isinstance(raw_entries, list):
        parts.problems.append(f"{name}: section {section!r} must be a list")
        return
    for number, raw in enumerate(raw_entries, start=1):
        where = f"{name}:{lines[number - 1]}" if number <= len(lines) else name
        prefix = f"{where}: {section} entry {number}"
        if section == "light_verbs":
            if isinstance(raw, str) and _lemma_problem(raw, 1) is None:
                parts.light_verbs.append(raw)
            else:
                parts.problems.append(f"{prefix}: must be a one-word lower-case lemma")
            continue
        problems = _parse_entry(section, raw, parts)
        parts.problems += [f"{prefix}: {problem}" for problem in problems]


def _parse_entry(section: str, raw: Any, parts: _FileParts) -> list[str]:
    try:
        if section == "verbs":
            cues, problems = _verb_cues(VerbEntry.model_validate(raw))
        elif section == "nouns":
            cues, problems = _noun_cues(NounEntry.model_validate(raw))
        else:
            family, problems = _family(FamilyEntry.model_validate(raw))
            parts.families += [family] if family else []
            return problems
    except ValidationError as error:
        return _pydantic_problems(error)
    parts.cues += cues
    return problems


def _parse_file(text: str, name: str) -> _FileParts:
    data, lines = _read_yaml(text, name)
    parts = _FileParts(cues=[], light_verbs=[], families=[], problems=[])
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        parts.problems.append(f"{name}: unknown sections {unknown}; expected {list(SECTIONS)}")
    for section in SECTIONS:
        if section in data:
            _parse_section(section, data[section], parts, name, lines.get(section, []))
    parts.problems += _duplicate_problems(parts.cues, name)
    return parts


def _duplicate_problems(cues: Sequence[Cue], name: str) -> list[str]:
    """Two cues with one trigger in one file make the code depend on file order: refuse."""
    seen: dict[tuple[str, str, str | None, frozenset[str], tuple[str, ...]], str] = {}
    problems = []
    for cue in cues:
        if cue.key in seen:
            problems.append(
                f"{name}: {cue.pos} cue {cue.lemma!r} "
                f"(objects {sorted(cue.objects)}, preps {list(cue.preps)}) given for both "
                f"{seen[cue.key]} and {cue.code}"
            )
        seen[cue.key] = cue.code
    return problems


def _merge(all_parts: Sequence[_FileParts]) -> Lexicon:
    """Later files override: a cue with the same trigger, a family of the same name."""
    problems = [problem for parts in all_parts for problem in parts.problems]
    if problems:
        raise KnowledgeError(
            f"{len(problems)} bad lexicon entries:\n" + "\n".join(problems), code="E311"
        )
    cues: dict[tuple[str, str, str | None, frozenset[str], tuple[str, ...]], Cue] = {}
    families: dict[str, IntentFamily] = {}
    light_verbs: set[str] = set()
    for parts in all_parts:
        for cue in parts.cues:
            cues.pop(cue.key, None)
            cues[cue.key] = cue
        families.update((family.name, family) for family in parts.families)
        light_verbs.update(parts.light_verbs)
    return Lexicon(
        cues=tuple(cues.values()),
        light_verbs=frozenset(light_verbs),
        intent_families=tuple(families.values()),
    )


@lru_cache(maxsize=1)
def _package_parts() -> tuple[_FileParts, ...]:
    data = files("realpolitik.events").joinpath("data")
    return tuple(
        _parse_file(data.joinpath(name).read_text(encoding="utf-8"), f"events/data/{name}")
        for name in PACKAGE_FILES
    )


@lru_cache(maxsize=1)
def _package_lexicon() -> Lexicon:
    return _merge(_package_parts())


def load_lexicon(extra_files: Sequence[Path] = ()) -> Lexicon:
    """The shipped lexicon, extended and overridden by ``extra_files`` in order.

    extra_files (Sequence[Path]): user YAML files with the sections of ``cues.yaml``.
    RETURNS (Lexicon): the merged lexicon; the package-only one is cached.
    DOCS: docs/lexicon.md
    """
    if not extra_files:
        return _package_lexicon()
    user_parts = []
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise KnowledgeError(f"{path}: cannot read: {error.strerror}", code="E312") from None
        user_parts.append(_parse_file(text, str(path)))
    return _merge((*_package_parts(), *user_parts))


def _verb_entry(cue: Cue) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": cue.code, "lemmas": []}
    if cue.objects:
        entry["objects"] = sorted(cue.objects)
    if cue.preps:
        entry["preps"] = list(cue.preps)
    if cue.target != ("prep" if cue.preps else "dobj"):
        entry["target"] = cue.target
    return entry


def _noun_entry(cue: Cue) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": cue.code, "lemmas": []}
    if cue.objects:
        entry["modifiers"] = sorted(cue.objects)
    entry["target"] = cue.target
    entry["source_preps"] = list(cue.source_preps)
    entry["target_preps"] = list(cue.target_preps)
    return entry


def _grouped_entries(cues: Iterable[Cue]) -> dict[str, list[dict[str, Any]]]:
    """Consecutive cues with equal constraints share one entry, which keeps file order."""
    sections: dict[str, list[dict[str, Any]]] = {"verbs": [], "nouns": []}
    for cue in cues:
        entry = _verb_entry(cue) if cue.pos == "verb" else _noun_entry(cue)
        entries = sections["verbs" if cue.pos == "verb" else "nouns"]
        lemma = f"{cue.lemma} {cue.particle}" if cue.particle else cue.lemma
        if entries and {**entries[-1], "lemmas": []} == entry:
            entries[-1]["lemmas"].append(lemma)
        else:
            entry["lemmas"].append(lemma)
            entries.append(entry)
    return sections


def dump_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write ``lexicon`` as one YAML file that ``load_lexicon`` reads back unchanged.

    lexicon (Lexicon): the lexicon to export (e.g. to edit and load as a user file).
    path (Path): the file to write.
    """
    sections = _grouped_entries(lexicon.cues)
    document = {
        "light_verbs": sorted(lexicon.light_verbs),
        "verbs": sections["verbs"],
        "nouns": sections["nouns"],
        "families": [
            {
                "family": family.name,
                "governors": sorted(family.governors),
                "map": dict(family.mapping),
                "default": family.default,
                **({"codeless": sorted(family.codeless)} if family.codeless else {}),
                **({"needs_act": True} if family.needs_act else {}),
            }
            for family in lexicon.intent_families
        ],
    }
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    Path(path).write_text(text, encoding="utf-8")


def restored_lemma(token: Token, known: Callable[[str], bool]) -> str:
    """The token's lemma, with the final "e" the small model cuts put back when that spells a
    lemma ``known`` accepts: it turns "staged" into "stag" and "hopes", "hoped" into "hop"."""
    lemma = token.lemma_.lower()
    repaired = f"{lemma}e"
    if token.lower_ in {f"{repaired}d", f"{repaired}s"} and not known(lemma) and known(repaired):
        return repaired
    return lemma
