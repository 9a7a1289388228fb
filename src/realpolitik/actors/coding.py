"""Turning pieces into coded mentions: one noun phrase, one actor.

"Pakistan prime minister Imran Khan" is three pieces (a country, a role word,
a name) that the parser hangs under one head. They are grouped into a single
mention and coded together: the head says *what* the actor is (a person, a
role, an organisation), the modifiers say whose it is (country) and which
sector (role). An affiliation ("ISI", "Hamas") outranks a generic title
("spy chief", "leader"), and a position outranks a military rank, so that a
nationality adjective never overrides the role and a rank never overrides an
office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeGuard

from spacy.tokens import Doc

from realpolitik.actors.knowledge import KnowledgeBase
from realpolitik.actors.matching import Piece
from realpolitik.actors.phrases import COUNTRY_KINDS
from realpolitik.actors.schema import ActorEntry
from realpolitik.records import Actor

DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
FORCE_ROLES = frozenset({"MIL", "COP"})
# Armed movements outside the state: their fighters' word names them even when a date
# makes the movement itself a government.
ARMED_GROUP_ROLES = frozenset({"REB", "INS"})


@dataclass(slots=True)
class Draft:
    """A mention while it is being coded and resolved (see ``Mention``)."""

    start: int
    end: int
    head: int
    actor: Actor
    kind: str
    entry: ActorEntry | None = None
    titles: frozenset[str] = frozenset()
    refers: str | None = None
    antecedent: int | None = None
    has_affiliation: bool = False
    owner: str | None = None
    located: bool = False


def compose_code(country: str | None, role: str | None) -> str:
    """The CAMEO-style code of a country and a role ("PAK" + "GOV"); "" when neither is known."""
    return (country or "") + (role or "")


def entry_actor(entry: ActorEntry, text: str, day: date | None) -> Actor:
    """The actor an entry stands for on ``day`` (its date-bounded role applied)."""
    period = entry.period_on(day)
    if period is not None:
        # A period with its own code is wholly that code's actor: a national heading an IGO
        # ("Tusk" in 2016, IGOEUCO) is not coded with the country he came from.
        country = period.country if period.code else period.country or entry.country
        code = period.code or (
            compose_code(country, period.role) if country or period.role else entry.code
        )
        return Actor(text, entry.name, code or "", country, period.role)
    return base_actor(entry, text)


def base_actor(entry: ActorEntry, text: str) -> Actor:
    """The actor an entry stands for outside its date-bounded roles."""
    code = entry.code or compose_code(entry.country, entry.role)
    return Actor(text, entry.name, code, entry.country, entry.role)


@dataclass(slots=True)
class _Evidence:
    """What a group's modifiers say about its country, role and affiliation."""

    country: str | None = None
    affiliation: ActorEntry | None = None
    affiliation_role: str | None = None
    position: str | None = None
    rank: str | None = None
    title: str | None = None
    titles: set[str] = field(default_factory=set)


def _gather(
    doc: Doc, pieces: list[Piece], head: Piece, day: date | None, inside_org: bool,
    past_markers: set[str],
) -> _Evidence:
    """Evidence from pieces, nearest to the head first, so the closest word decides."""
    evidence = _Evidence()
    for piece in sorted(pieces, key=lambda p: abs(p.start - head.start)):
        target = piece.target
        if piece.kind == "role" and piece.word is not None:
            evidence.titles.add(piece.word.phrase)
            if _former(doc, piece, past_markers):
                # "former prime minister Imran Khan" holds no office: the title gives no role.
                continue
            if piece.word.kind == "rank":
                evidence.rank = evidence.rank or piece.word.role
            elif piece.word.kind == "title":
                evidence.title = evidence.title or piece.word.role
            else:
                evidence.position = evidence.position or piece.word.role
        elif target is not None and piece.kind in COUNTRY_KINDS:
            evidence.country = evidence.country or target.entry.country
            if piece.kind == "seat" and not inside_org and evidence.affiliation_role is None:
                evidence.affiliation_role = target.role
        elif target is not None and piece.kind in ("org", "group", "person"):
            actor = entry_actor(target.entry, "", day)
            evidence.country = evidence.country or actor.country
            if piece.kind != "person" and evidence.affiliation is None:
                evidence.affiliation, evidence.affiliation_role = target.entry, actor.role
    group = evidence.affiliation
    if (
        group is not None
        and group.roles
        and evidence.position in ARMED_GROUP_ROLES
        and group.role in ARMED_GROUP_ROLES
    ):
        # "Taliban militants": the text's own word for the fighters outranks the office a
        # date gives the movement (an undated text would otherwise make them a government).
        evidence.affiliation_role = group.role
    return evidence


def _placed_in(doc: Doc, piece: Piece, locatives: set[str]) -> bool:
    """A country word after "in" ("villagers in northern Burkina Faso"): where they are."""
    for token in reversed(doc[: piece.start]):
        if token.lower_ in locatives:
            return True
        if token.pos_ not in ("DET", "ADJ"):
            return False
    return False


def _former(doc: Doc, piece: Piece, past_markers: set[str]) -> bool:
    """A title right after "former", "ex-" or "onetime" ("ex-president", "former minister")."""
    if doc[piece.start].lower_.startswith("ex-"):
        return True
    # "former US President": a country word may stand between the marker and the title.
    for token in reversed(doc[max(piece.start - 3, 0) : piece.start]):
        if token.lower_ in past_markers:
            return True
        if token.pos_ not in ("PROPN", "ADJ", "PUNCT"):
            return False
    return False


def _role(evidence: _Evidence) -> str | None:
    """Affiliation over title, except a party's member in a state office, a country's
    envoy to an international body ("Russia's UN ambassador") or people of a faith in a
    position of their own ("Muslim protesters" protest as civilians: the faith describes
    them, it is no body they act for); position over rank."""
    title = evidence.position or evidence.rank or evidence.title
    party_member = evidence.affiliation_role == "PTY" and title not in (None, "GOV")
    envoy = (
        evidence.affiliation is not None
        and evidence.affiliation.country is None
        and evidence.country is not None
        and title is not None
    )
    believers = evidence.affiliation_role == "REL" and evidence.position not in (None, "REL")
    if evidence.affiliation_role and not party_member and not envoy and not believers:
        return evidence.affiliation_role
    return title or evidence.affiliation_role


def code_group(doc: Doc, group: list[Piece], kb: KnowledgeBase, day: date | None) -> Draft | None:
    """One mention from one group of pieces, or None when it names no actor."""
    real = [p for p in group if p.kind != "non_actor"]
    if len(real) < len(group):
        whole_root = doc[group[0].start : group[-1].end].root
        if not real or any(
            p.kind == "non_actor" and p.start <= whole_root.i < p.end for p in group
        ):
            return None
    start, end = _balanced(doc, real[0].start, real[-1].end)
    root = doc[start:end].root
    head = next((p for p in real if p.start <= root.i < p.end), real[-1])
    named = [p for p in real if not _collective(p)]
    collective = _collective(head) and bool(named)
    if collective:
        # "A group of Moroccan diplomats", "the Hamas movement": the named part says who acts,
        # while the collective word stays the head the verb attaches to.
        head = named[-1]
    if head.kind in COUNTRY_KINDS:
        head = next((p for p in reversed(named) if p.kind not in COUNTRY_KINDS), head)
        if not collective:
            root = doc[head.start : head.end].root
    text = doc[start:end].text
    modifiers = [q for p in real if p is not head for q in (p, *p.inner)]
    if head.kind == "ner_org":
        modifiers += list(head.inner)
    evidence = _gather(
        doc, [*modifiers, head], head, day, head.kind == "ner_org",
        kb.context_words.get("past_marker", set()),
    )
    draft = _code_head(doc, head, evidence, kb, day, text)
    if draft is None:
        return None
    draft.start, draft.end, draft.head = start, end, root.i
    draft.titles = frozenset(evidence.titles)
    draft.has_affiliation = evidence.affiliation is not None or any(
        p.kind in COUNTRY_KINDS for p in modifiers
    )
    locatives = kb.context_words.get("locative", set())
    draft.located = any(
        p.kind in COUNTRY_KINDS and _placed_in(doc, p, locatives) for p in modifiers
    )
    owners = [
        p
        for p in modifiers
        if (p.kind in ("ner_person", "ner_org") and not p.inner) or p.refers == "person"
    ]
    if draft.kind == "role" and owners:
        draft.owner = doc[owners[-1].start : owners[-1].end].text
    return draft


def _code_head(
    doc: Doc, head: Piece, evidence: _Evidence, kb: KnowledgeBase, day: date | None, text: str
) -> Draft | None:
    target = head.target
    if head.kind in ("org", "group") and target is not None:
        if of_a_faith(target.entry) and evidence.country in kb.countries:
            return Draft(0, 0, 0, believers_of(kb, target.entry, text, evidence.country),
                         head.kind, entry=target.entry)
        return Draft(0, 0, 0, entry_actor(target.entry, text, day), head.kind, entry=target.entry)
    if head.kind in ("person", "ner_person"):
        return _person(doc, head, evidence, day, text)
    if head.kind in ("capital", "seat") and target is not None:
        entry = target.entry
        return Draft(
            0,
            0,
            0,
            Actor(
                text,
                entry.name,
                compose_code(entry.country, target.role),
                entry.country,
                target.role,
            ),
            "capital",
            entry=entry,
        )
    if head.kind in ("country", "demonym") and target is not None:
        entry = target.entry
        return Draft(
            0,
            0,
            0,
            Actor(text, entry.name, entry.code or "", entry.country, None),
            "country",
            entry=entry,
        )
    if head.kind in ("role", "ner_org"):
        return _role_mention(doc, head, evidence, kb, day, text)
    if head.kind in ("anaphor", "generic"):
        if head.refers != "person" and not _determined(doc, head.start):
            return None
        kind = "pronoun" if head.refers == "person" else "nominal"
        return Draft(
            0,
            0,
            0,
            Actor(text, text, "", None, None),
            kind,
            refers=head.refers if head.kind == "anaphor" else f"generic:{head.refers}",
        )
    return None


def _balanced(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a span by one bracket so "Tehreek-i-Taliban Pakistan (TTP)" reads whole."""
    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
    if opened > 0 and end < len(doc) and doc[end].text == ")":
        end += 1
    elif opened < 0 and start > 0 and doc[start - 1].text == "(":
        start -= 1
    return start, end


def _determined(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in DETERMINERS


def _affiliated(evidence: _Evidence, text: str, day: date | None, role: str | None) -> Actor | None:
    """The affiliation's own actor when it decided the role ("UN chief" → IGOUNO)."""
    entry = evidence.affiliation
    if entry is None or role != evidence.affiliation_role:
        return None
    actor = entry_actor(entry, text, day)
    if actor.role != role and entry.role == role:
        actor = base_actor(entry, text)
    if evidence.country and evidence.country != actor.country:
        return None
    return actor


def of_a_faith(entry: ActorEntry | None) -> TypeGuard[ActorEntry]:
    """A faith ("Muslims", "Shiites"): a community of every country, no body of one."""
    return entry is not None and entry.role == "REL" and entry.country is None


def believers_of(kb: KnowledgeBase, faith: ActorEntry, text: str, country: str) -> Actor:
    """ "Bosnian Muslims", "Egyptian Copts": a faith's people in one country are that
    country's community (CAMEO's country code with the faith's, BIHMOS): the faith alone
    would put them in no country at all."""
    name = f"{kb.countries[country].name} {faith.name}"
    return Actor(text, name, country + (faith.code or ""), country, faith.role)


def _person(doc: Doc, head: Piece, evidence: _Evidence, day: date | None, text: str) -> Draft:
    entry = head.target.entry if head.target is not None else None
    known = entry_actor(entry, text, day) if entry else None
    name = entry.name if entry else _bare_name(doc, head)
    role = _role(evidence) or (known.role if known else None)
    country = evidence.country or (known.country if known else None)
    affiliated = _affiliated(evidence, text, day, role)
    if affiliated is not None and affiliated.country is None:
        code = affiliated.code
    elif known is not None and not evidence.country and role == known.role:
        code = known.code
    else:
        code = compose_code(country, role)
    return Draft(0, 0, 0, Actor(text, name, code, country, role), "person", entry=entry)


def _bare_name(doc: Doc, piece: Piece) -> str:
    """The name as written, without a leading article or a trailing possessive ("The
    Malaysia Airlines" → "Malaysia Airlines", "Khan’s" → "Khan")."""
    start, end = piece.start, piece.end
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    if end > start + 1 and doc[start].lower_ == "the":
        start += 1
    return doc[start:end].text


def _company(doc: Doc, piece: Piece, kb: KnowledgeBase) -> bool:
    """An organisation named like a company ("Malaysia Airlines", "Acme Corp."): a business,
    which CAMEO codes BUS, not a body of no sector."""
    words = kb.context_words.get("business_word", set())
    return any(token.lower_.rstrip(".") in words for token in doc[piece.start : piece.end])


def _role_mention(
    doc: Doc, head: Piece, evidence: _Evidence, kb: KnowledgeBase, day: date | None, text: str
) -> Draft:
    role = _role(evidence)
    faith = evidence.affiliation
    if of_a_faith(faith) and role != "REL" and evidence.country is None:
        # "Shiite militia": the faith names them until a country is known, the noun says
        # what they do.
        actor = Actor(text, faith.name, faith.code or "", None, role)
        return Draft(0, 0, 0, actor, "role", entry=faith)
    affiliated = _affiliated(evidence, text, day, role)
    if affiliated is not None:
        force = head.word.role if head.word is not None else None
        if affiliated.country is None and force in FORCE_ROLES:
            # "UN troops" are the UN's armed arm: IGOUNO + MIL, as CAMEO composes codes.
            code = affiliated.code + force
            affiliated = Actor(affiliated.text, affiliated.name, code, None, force)
        return Draft(0, 0, 0, affiliated, "role", entry=evidence.affiliation)
    country = evidence.country
    if head.kind == "ner_org":
        name = _bare_name(doc, head)
        kind = "org"
        if role is None and _company(doc, head, kb):
            role = "BUS"
    else:
        label = kb.sector_labels.get(role or "", head.word.phrase if head.word else text)
        name = f"{kb.countries[country].name} {label}" if country in kb.countries else label
        kind = "role"
    refers = None
    if head.word is not None and country is None and _determined(doc, head.start):
        refers = kb.anaphors.get(doc[head.start : head.end].text.lower())
    actor = Actor(text, name, compose_code(country, role), country, role)
    return Draft(0, 0, 0, actor, kind, refers=refers)


CONJUNCTIONS = frozenset({"and", "or", ",", "&"})


def share_conjoined_roles(doc: Doc, drafts: list[Draft], kb: KnowledgeBase) -> list[Draft]:
    """ "US and British activists": each country word heads its own actor of the shared role.

    The adjacent country joins the role mention ("British activists" → GBROPP); each country
    before it, linked by "and", "or" or a comma, becomes an actor of that role ("US" → USAOPP).
    """
    dropped: set[int] = set()
    for index, draft in enumerate(drafts):
        if draft.kind != "role" or draft.actor.role is None or draft.entry is not None:
            continue
        previous = index - 1
        if (
            draft.actor.country is None
            and previous >= 0
            and drafts[previous].kind == "country"
            and drafts[previous].end == draft.start
        ):
            draft.start = drafts[previous].start
            _recode(doc, draft, drafts[previous].actor.country, kb)
            dropped.add(previous)
            previous -= 1
        if draft.actor.country is None:
            continue
        boundary = draft.start
        while previous >= 0 and drafts[previous].kind == "country":
            gap = doc[drafts[previous].end : boundary]
            if not gap or any(t.lower_ not in CONJUNCTIONS for t in gap):
                break
            if boundary == draft.start and not any(t.lower_ in ("and", "or", "&") for t in gap):
                break
            country_draft = drafts[previous]
            country_draft.kind = "role"
            country_draft.titles = draft.titles
            _recode(doc, country_draft, country_draft.actor.country, kb, role=draft.actor.role)
            boundary = country_draft.start
            previous -= 1
    return [d for n, d in enumerate(drafts) if n not in dropped]


def _recode(
    doc: Doc, draft: Draft, country: str | None, kb: KnowledgeBase, role: str | None = None
) -> None:
    role = role or draft.actor.role
    label = kb.sector_labels.get(role or "", "")
    name = f"{kb.countries[country].name} {label}" if country in kb.countries else label
    text = doc[draft.start : draft.end].text
    draft.actor = Actor(text, name, compose_code(country, role), country, role)


def _collective(piece: Piece) -> bool:
    """A word that only points at a body named elsewhere ("group", "the movement")."""
    return piece.kind == "generic" or (piece.kind == "anaphor" and piece.refers != "person")
