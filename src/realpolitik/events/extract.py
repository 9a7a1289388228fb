"""Turn the cues and actors of a parsed document into coded events.

The "annotate" half of the events stage: for each cue it picks source and
target, codes the act with the CAMEO table, and asks the context modules for
mode, date, place, money and attribution. Reported speech is read through:
"X said Y attacked Z" yields Y attacking Z (attributed to X), not a statement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc, Span, Token

from realpolitik.actors import Mention
from realpolitik.errors import KnowledgeError
from realpolitik.events.arguments import (
    MentionIndex,
    aimed_tokens,
    claimed_deed_targets,
    condition_targets,
    is_passive,
    issued_text_subject,
    means_agents,
    noun_arguments,
    origin_mentions,
    pairs,
    purpose_targets,
    received_arguments,
    same_actor,
    subject_mentions,
    verb_arguments,
)
from realpolitik.events.attribution import attribution_cues, event_attribution
from realpolitik.events.constructions import construction_words
from realpolitik.events.dates import event_date
from realpolitik.events.lexicon import Cue, Lexicon, by_longest_prefix
from realpolitik.events.matching import (
    CueFinder,
    CueMatch,
    asks_as_it_should,
    verb_lemma,
)
from realpolitik.events.mode import event_mode, governed_mode, is_pending
from realpolitik.events.places import event_location, struck_place
from realpolitik.events.quantities import event_quantities
from realpolitik.nlp import ParsedDocument
from realpolitik.ontology import lookup
from realpolitik.records import Actor, Event

STATEMENT_ROOT = "01"
FUTURE_FAMILY = "intent"
THREAT_FAMILY = "threaten"
# Announcing a request or a refusal is making it ("will ask the bank", "will refuse to
# comply"). A future statement, intent or threat is no second intent; a future
# investigation or complaint states none CAMEO has a code for (the intent family's
# ``codeless`` roots, embedding.yaml).
ANNOUNCED_ACTS = frozenset({"02", "10", "12"})
NO_INTENT_ROOTS = frozenset({"01", "03", "13"})
# Modes of the clauses above a future act that make it someone else's wish or claim.
UNSTATED_MODES = frozenset({"hypothetical", "claimed", "denied", "negated"})
CONDITION_MARKS = frozenset({"unless"})
THREAT_CONDITIONS = frozenset({"unless", "if"})
CONCESSION_CONDITIONS = frozenset({"unless", "if", "until"})
THREAT_ROOT = "13"
# Offers and threats are made whatever they hang on: "is willing to withdraw if asked".
CONDITIONAL_ACT_ROOTS = frozenset({"03", THREAT_ROOT})
REFUSAL_FAMILY = "reject"
ACCUSE_FAMILY = "accuse"
NEGATED_MODE = "negated"
CLAIMED_MODE = "claimed"
# Where a statement reports an act, not merely mentions one.
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Acts two coordinated actors do to each other when no one else is named: agreeing,
# meeting, cooperating; other roots only with a word that says so (constructions.yaml).
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
VENUE_PREPS = frozenset({"in", "at", "near", "outside"})
# Where a joint exercise is hosted, as opposed to whom it is held near or off.
HOST_PREPS = frozenset({"in", "at"})
PLACE_KINDS = frozenset({"country", "capital"})
HOSTILE_ROOTS = frozenset({"12", "14", "15", "16", "17", "18", "19", "20"})
ADDRESSED_TO_HOSTS = frozenset({"14"})
# A show of force abroad is shown to the country it is staged in.
SHOWN_TO_HOSTS = frozenset({"15"})
# A curfew or martial law, imposed or eased, falls on the people of the place it is in.
BINDING_RESIDENTS = frozenset({"1723", "1724", "0813", "0814"})
# Attacks of any kind (assault, force, mass violence): their purpose can name the victims,
# and with no attacker named the place does.
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# Acts whose author did what was done in them: force, coercion and violence.
MEANS_ROOTS = frozenset({"15", "17", *ATTACK_ROOTS})
# "the families of athletes killed at the Munich Olympics": a participle on a noun recalls
# violence in passing; only a clause that reports it gets an unnamed attacker.
BACKGROUND_PARTICIPLE_DEPS = frozenset({"acl", "relcl"})
DENIAL_CODE = "016"
OPTIMISM_CODE = "013"
CONFLICT_QUADS = frozenset({3, 4})
CLAIM_CODE = "015"
VISIT_CODE = "042"
FORCE_ROOT = "15"
INTENT_ROOT = "03"
PEACEKEEPING_CODE = "074"
SHOW_OF_FORCE_CODE = "150"
# What an "operation" or "mission" an attack cue found turns out to be, when not an attack.
OperationKind = Literal["peacekeeping", "civil"]
PROTEST_ROOT = "14"
# A "call" with a second object or complement names ("called Iran a terrorist state").
NAMING_DEPS = frozenset({"oprd", "ccomp", "acomp"})
# The cue a telephone verb no other cue took stands for (its lemma filled in per match).
TELEPHONE_CALL = Cue(code="041", lemma="", pos="verb", particle=None, objects=frozenset(),
                     preps=(), target="dobj", source_preps=(), target_preps=(), specificity=0)
# A country and its state organs: what it says of their deeds it says of its own.
STATE_SIDE_ROLES = frozenset({None, "GOV", "MIL", "COP", "SPY"})
OFFICIAL_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO"})
AID_ROOT = "07"
JOINT_EXERCISE_CODE = "062"
RIOT_CODE = "145"
RIOT_ROOTS = frozenset({"17", "18"})
PLAIN_STATEMENT = "010"
PURPOSE_DEPS = frozenset({"advcl", "acl", "xcomp"})
APPEAL_FAMILIES = frozenset({"appeal", "demand", "accuse"})
PREDICATE_DEPS = frozenset({"acomp", "xcomp"})
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis"})
REPORTER_HOPS = 3
RECEIVED_FROM = ("from",)


ATTEMPTS_FILE = "attempts.yaml"


class Attempts(BaseModel):
    """Which governors make an act an attempt, for which roots, and recoded how."""

    governors: frozenset[str]
    roots: frozenset[str]
    codes: dict[str, str]


@cache
def attempts() -> Attempts:
    """The attempt data; a broken file is a knowledge error naming it."""
    text = resources.files("realpolitik.events.data").joinpath(ATTEMPTS_FILE).read_text()
    try:
        return Attempts.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as error:
        raise KnowledgeError(f"events/data/{ATTEMPTS_FILE}: {error}", code="E319") from error


def _attempt_governor(predicate: Token) -> Token | None:
    """"tried to hack", "an attempt to assassinate": the try, if the act is one."""
    head = predicate.head
    if predicate.dep_ in {"xcomp", "acl"} and head.lemma_.lower() in attempts().governors:
        return head
    return None


@dataclass(slots=True)
class Candidate:
    """An event before it becomes a record: the match and its chosen actors."""

    match: CueMatch
    source: Mention
    target: Mention | None
    specific: bool


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _actor(mention: Mention | None) -> Actor | None:
    if mention is None:
        return None
    actor = mention.actor
    return Actor(actor.text, actor.name, actor.code, actor.country, actor.role)


def _host_government(location: dict[str, Any] | None, source: Mention) -> Actor | None:
    """Whom a protest with no named addressee is aimed at: the government where it
    takes place, else the protesters' own (the CAMEO convention for dissent).
    The text names the place, or the government when the sentence names none."""
    country = (location or {}).get("country") or source.actor.country
    if not country:
        return None
    name = f"{country} government"
    text = (location or {}).get("name") or name
    return Actor(text=text, name=name, code=f"{country}GOV", country=country, role="GOV")


def _host_country(location: dict[str, Any] | None, source: Mention) -> Actor | None:
    """Where a show of force with no named addressee is staged, when that is abroad:
    "Russia held military exercises in Alaska" is shown to the United States."""
    country = (location or {}).get("country")
    if not country or country == source.actor.country:
        return None
    text = (location or {}).get("name") or country
    return Actor(text=text, name=country, code=country, country=country, role=None)


def _is_venue(mention: Mention, doc: Doc, preps: frozenset[str] = VENUE_PREPS) -> bool:
    """A country or capital named as where something happens ("talks in Beijing")."""
    head = doc[mention.head]
    return (
        mention.kind in PLACE_KINDS
        and head.dep_ == "pobj"
        and head.head.lower_ in preps
    )


def _is_protester(source: Mention | None, doc: Doc) -> bool:
    return source is not None and (
        doc[source.head].lemma_.lower() in construction_words().protester_nouns
    )


def _is_peacekeeping(
    source: Mention | None, predicate: Token, light: Token | None = None
) -> bool:
    """A country's or its military's troops sent, arriving or deployed as peacekeepers;
    a light verb's own phrases count ("announced the deployment of troops to Liberia on
    a peacekeeping mission")."""
    phrases = [predicate] + [child for child in (light.children if light is not None else ())
                             if child.dep_ == "prep"]
    return (
        source is not None
        and source.actor.role in {"MIL", None}
        and any(
            word.startswith(tuple(construction_words().peacekeeping_stems))
            for word in (*source.actor.text.lower().split(),
                         *(t.lower_ for phrase in phrases for t in phrase.subtree))
        )
    )


def _claims_own_state(match: CueMatch, source: Mention, target: Mention | None) -> bool:
    """ "Trump claimed the US military is hitting IS harder": a state that "claims" a deed of
    its own organs accuses nobody; the deed itself is coded from the reported clause. Its
    own rebels or militants it does accuse."""
    return (
        match.family is not None
        and match.family.name == ACCUSE_FAMILY
        and target is not None
        and source.actor.country is not None
        and source.actor.country == target.actor.country
        and source.actor.role in STATE_SIDE_ROLES
        and target.actor.role in STATE_SIDE_ROLES
    )


def _official_gathering(match: CueMatch, source: Mention) -> bool:
    """ "Trump and King Abdullah will gather for a meeting": officials, armies and
    countries that gather or parade are not protesting."""
    return (
        match.cue.code.startswith(PROTEST_ROOT)
        and match.token.lemma_.lower() in construction_words().crowd_verbs
        and (source.actor.role in OFFICIAL_ROLES or source.kind in PLACE_KINDS)
    )


def _operation_kind(match: CueMatch) -> OperationKind | None:
    """What an attack cue's operation or mission is, when its words say it is none:
    "peacekeeping" ("peacekeeping operations") or "civil" ("a rescue operation")."""
    words = construction_words()
    nouns = [match.token, *(c for c in match.token.children if c.dep_ in ("dobj", "pobj"))]
    for noun in nouns:
        if noun.lemma_.lower() not in words.operation_nouns:
            continue
        for child in noun.children:
            if child.dep_ not in ("compound", "amod"):
                continue
            modifier = child.lower_
            if modifier.startswith(tuple(words.peacekeeping_stems)):
                return "peacekeeping"
            if modifier in words.civil_operation_words:
                return "civil"
    return None


def _residents(location: dict[str, Any] | None, source: Mention) -> Actor | None:
    """Whom a curfew or martial law binds: the civilians of the place it is in, else of the
    country whose authority imposes or lifts it ("Ethiopia's parliament lifted the state of
    emergency")."""
    country = (location or {}).get("country") or source.actor.country
    if not country:
        return None
    text = (location or {}).get("name") or country
    return Actor(text=text, name=f"{country} civilians", code=f"{country}CVL", country=country,
                 role="CVL")


def _unattributed(predicate: Token, index: MentionIndex) -> list[Mention]:
    """Who did violence the text attributes to nobody: the country it came from, else
    the country it happened in.

    "Ten soldiers were killed in Ukraine", "three servicemen were killed by a roadside
    bomb outside Basra": with no agent named, the attack is coded to the place, as
    PETRARCH and ICEWS code unidentified attackers, so the victims' side is not lost.
    "A rocket was fired from Lebanon" came from Lebanon.
    """
    places = [mention for mention in origin_mentions(predicate, index)
              if mention.kind in PLACE_KINDS]
    return places[:1] or _placed_actor(predicate, "unidentified attackers in {}")


def _is_existential(noun: Token) -> bool:
    """"There were ten soldiers killed": the participle on the noun "there be" presents
    is the clause's report, not a recollection in passing."""
    verb = noun.head
    return noun.dep_ == "attr" and any(child.dep_ == "expl" for child in verb.children)


def _unnamed_issuer(predicate: Token) -> list[Mention]:
    """Who speaks through a text nobody is named as issuing: the country it came out in.

    "A report released in the Rwandan capital alleged that France ...": the report
    speaks for an issuer in Rwanda.
    """
    text = issued_text_subject(predicate)
    if text is None:
        return []
    issued = next((c for c in text.children if c.dep_ in {"acl", "relcl"}), None)
    return [] if issued is None else _placed_actor(issued, f"issuer of the {text.lower_} in {{}}")


def _placed_actor(anchor: Token, name: str, *, struck: bool = False) -> list[Mention]:
    """An actor known only by where the text puts it: the country of that place, or of
    the place the act struck (``struck``: "bombed Mosul")."""
    location = (struck_place(anchor) if struck else None) or event_location(anchor)
    country = (location or {}).get("country")
    if not country:
        return []
    text = str((location or {}).get("name") or country)
    actor = Actor(text=text, name=name.format(text), code=str(country), country=str(country),
                  role=None)
    return [Mention(start=anchor.i, end=anchor.i + 1, head=anchor.i, actor=actor, kind="place")]


def _shift(event: Event, shift: int) -> None:
    """Move offsets from the parsed sentences to the full cleaned text."""
    event.evidence = {k: v + shift for k, v in event.evidence.items()}
    if event.cue is not None:
        event.cue = {**event.cue, "start": event.cue["start"] + shift,
                     "end": event.cue["end"] + shift}


def _is_conditional(match: CueMatch, marks: frozenset[str] = CONDITION_MARKS) -> bool:
    """"will withdraw its troops unless Chad pays": a future act on a condition."""
    predicate = match.governor or match.token
    return any(
        clause.dep_ == "advcl" and any(c.lower_ in marks for c in clause.children)
        for clause in predicate.children
    )


def _is_purpose(match: CueMatch) -> bool:
    """"staged a rally to demand reforms": an infinitive of purpose is why an
    actor acted, not a promise, so it states no intent."""
    predicate = match.governor or match.token
    return predicate.dep_ in PURPOSE_DEPS and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in predicate.children
    )


def _recoded(event: Event, cameo: str, **changes: Any) -> Event:
    """The same event under another CAMEO code, with its derived fields, and ``changes``."""
    code = lookup(cameo)
    return replace(
        event, cameo=code.code, root=code.root, label=code.label, quad_class=code.quad_class,
        goldstein=code.goldstein, plover=code.plover, **changes,
    )


def _linked(event: Event) -> Event | None:
    """The second event the CAMEO codebook codes for some acts, actors reversed: "X
    visited Y" is also Y hosting X (043), "X held talks with Y" also Y negotiating (046)."""
    linked = construction_words().linked_codes.get(event.cameo)
    if linked is None or event.target is None or event.source is None:
        return None
    return _recoded(event, linked, source=event.target, target=event.source)


def _lapse(event: Event, match: CueMatch) -> Event | None:
    """A restriction said not to be renewed lapses, which eases it: "the UN failed to
    renew the arms embargo on Iran" is an easing of sanctions that did happen."""
    words = construction_words()
    if event.mode != NEGATED_MODE or match.token.lemma_.lower() not in words.renewal_verbs:
        return None
    eased = by_longest_prefix(words.lapse_codes, event.cameo)
    if eased is None:
        return None
    return _recoded(event, eased, mode="asserted", confidence=round(event.confidence * 0.9, 2))


def _speaks_of_own_country(match: CueMatch, source: Mention, target: Mention | None) -> bool:
    """"A US official said it was an important partner for the United States": a state's
    own people speaking of their state address nobody."""
    return (
        match.cue.code == PLAIN_STATEMENT and target is not None
        and target.actor.role is None and target.kind == "country"
        and source.actor.country == target.actor.country
    )


def _reported_clause(token: Token) -> Token:
    clause = token
    while clause.dep_ in PREDICATE_DEPS:
        clause = clause.head
    return clause


def _stands_for_speaker(subject: Token) -> bool:
    return subject.pos_ == "PRON" or any(
        child.dep_ == "poss" and child.pos_ == "PRON" for child in subject.children
    )


def _inside(token: Token, ancestor: Token) -> bool:
    return token.i != ancestor.i and ancestor.is_ancestor(token)


class EventExtractor:
    """Codes every event of a parsed document from its cues and actor mentions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.finder = CueFinder(lexicon)
        self.act_lemmas = frozenset(
            cue.lemma.split()[0] for cue in lexicon.cues if not cue.code.startswith(STATEMENT_ROOT)
        ) | frozenset(lexicon.families)

    def extract(
        self,
        parsed: ParsedDocument,
        mentions: list[Mention],
        *,
        doc_id: str,
        doc_date: date | None,
    ) -> list[Event]:
        """Every event of the parsed sentences, with offsets into the full text."""
        index = MentionIndex(mentions)
        events: list[Event] = []
        for sent in parsed.parsed.sents:
            sentence_index, shift = parsed.origin_of(sent.start)
            for event in self._sentence_events(sent, sentence_index, index, doc_id, doc_date):
                _shift(event, shift)
                events.append(event)
        return events

    def has_act(self, sent: Span) -> bool:
        """Cheap test on lemmas alone: does this sentence name an act?

        A reporting verb alone ("said", "added") does not count: such a
        sentence is commentary, and skipping it spares the parser.
        """
        return any(verb_lemma(token, self.lexicon) in self.act_lemmas for token in sent)

    def _sentence_events(
        self,
        sent: Span,
        sentence_index: int,
        index: MentionIndex,
        doc_id: str,
        doc_date: date | None,
    ) -> list[Event]:
        matches = self.finder.find(sent)
        candidates = self._drop_covering_statements(matches, self._candidates(matches, index))
        candidates += self._telephone_calls(sent, matches, index)
        seen: dict[tuple[str, str | None, str], Event] = {}
        # An act a governor already codes ("prepared to resume shelling") states no second intent.
        governed = {match.embedded.token.i for match in matches if match.embedded is not None}
        for candidate in candidates:
            coded = self._event(candidate, sent, sentence_index, doc_id, doc_date)
            predicate = candidate.match.governor or candidate.match.token
            # Only a future or hedged act can state an intent; the walk up is paid for those.
            stated = (
                coded.mode != "asserted"
                and not _is_purpose(candidate.match)
                and candidate.match.token.i not in governed
                and not is_pending(predicate)
                and governed_mode(predicate) not in UNSTATED_MODES
            )
            intent = self._stated_intent(
                coded, conditional=_is_conditional(candidate.match),
                threatening=_is_conditional(candidate.match, THREAT_CONDITIONS),
            ) if stated else None
            complaint = self._complaint(coded, predicate, index)
            if complaint is not None:
                # What the victim reports is its accusation, as yet one party's claim.
                coded = replace(coded, mode=CLAIMED_MODE)
            derived = (intent, self._refusal(coded), _lapse(coded, candidate.match),
                       _linked(coded), complaint)
            for event in (coded, *derived):
                if event is None:
                    continue
                key = (event.source.code if event.source else "",
                       event.target.code if event.target else None, event.root)
                kept = seen.get(key)
                if kept is None or (kept.mode != "asserted" and event.mode == "asserted"):
                    seen[key] = event
        return list(seen.values())

    def _stated_intent(
        self, event: Event, *, conditional: bool = False, threatening: bool = False
    ) -> Event | None:
        """A promised or planned act is also an asserted statement of intent.

        "Finland will give Tanzania a grant" has not happened, but Finland has
        said it will: CAMEO codes that as 0331 and PLOVER as AGREE. Hostile
        future acts ("will strike back") become threats the same way, and so
        does any act made to hang on a condition ("will withdraw its troops
        unless ..."). Announcing a request is making it: "will ask the bank to
        help" is an appeal already, and announcing a refusal is refusing.
        """
        if event.root in NO_INTENT_ROOTS or not self.lexicon.family_named(
            FUTURE_FAMILY
        ).codes(event.cameo):
            return None
        # "may halt mediation if cooperation founders": a hostile act held out on a
        # condition is a threat, however hedged its modal.
        hedged_threat = (
            event.mode == "hypothetical" and threatening and event.root in HOSTILE_ROOTS
        )
        if event.mode != "future" and not hedged_threat:
            return None
        if event.root in ANNOUNCED_ACTS:
            return replace(event, mode="asserted", confidence=round(event.confidence * 0.9, 2))
        family = self.lexicon.family_named(
            THREAT_FAMILY if conditional or hedged_threat else FUTURE_FAMILY
        )
        return _recoded(event, family.code_for(event.cameo), mode="asserted",
                        confidence=round(event.confidence * 0.9, 2))

    def _complaint(self, event: Event, predicate: Token, index: MentionIndex) -> Event | None:
        """A victim reporting an attack on itself accuses the attacker: "Israel said a
        mortar bomb was fired at it from Gaza" is Israel accusing the Palestinians (112),
        as "Georgia claimed that Russia had attacked it" is."""
        if (
            event.root not in ATTACK_ROOTS or event.mode != "asserted"
            or event.source is None or event.target is None
        ):
            return None
        clause = _reported_clause(predicate)
        if clause.head.lemma_.lower() not in attribution_cues().reporting_verbs:
            # "Zelenskyy urged allies to help after Russia fired missiles at Kyiv": the
            # writer tells of the attack; nobody reports it.
            return None
        speakers = self._speaker(clause, index)
        speaker = _actor(speakers[0]) if len(speakers) == 1 else None
        if (
            speaker is None or speaker.country is None
            or speaker.country != event.target.country or speaker.country == event.source.country
        ):
            return None
        accusation = self.lexicon.family_named(ACCUSE_FAMILY).code_for(event.cameo)
        return _recoded(event, accusation, source=speaker, target=event.source,
                        confidence=round(event.confidence * 0.9, 2))

    def _refusal(self, event: Event) -> Event | None:
        """A cooperative act said not to happen is a refusal.

        "Syria will not accept refugees", "he would not provide support to
        Israel": CAMEO codes these as rejections (12x), which did happen.
        """
        if event.mode != NEGATED_MODE or event.root not in COOPERATIVE_ROOTS:
            return None
        refusal = self.lexicon.family_named(REFUSAL_FAMILY).code_for(event.cameo)
        return _recoded(event, refusal, mode="asserted",
                        confidence=round(event.confidence * 0.9, 2))

    @staticmethod
    def _drop_covering_statements(
        matches: list[CueMatch], candidates: list[Candidate]
    ) -> list[Candidate]:
        """A statement whose reported clause holds another act is only its source.

        A statement that governs the act it is about ("declined to comment",
        "is considering sending troops") is that act's event, never covered.
        A specific statement (concern, condolence) stays when no act in its
        reported clause found its actors: "France voiced concern that Chad's army
        was fighting" has no fighter, but the concern is an event. An act it only
        mentions in a phrase ("condolences to the families of those killed in
        the attack") is what it is about, not what it reports.
        """
        coded = {candidate.match.token.i for candidate in candidates}
        kept = []
        for candidate in candidates:
            match = candidate.match
            if (
                not match.cue.code.startswith(STATEMENT_ROOT)
                or match.cue.code == DENIAL_CODE
                or match.family is not None
            ):
                kept.append(candidate)
                continue
            specific = match.cue.code != PLAIN_STATEMENT
            scopes = [match.token]
            if specific:
                scopes = [child for child in match.token.children if child.dep_ in REPORTED_DEPS]
            covered = [other.token.i for other in matches if other is not match and any(
                other.token.i == scope.i or _inside(other.token, scope) for scope in scopes)]
            if not covered or (specific and not coded & set(covered)):
                kept.append(candidate)
        return kept

    def _candidates(self, matches: list[CueMatch], index: MentionIndex) -> list[Candidate]:
        candidates: list[Candidate] = []
        for match in matches:
            if match.cue.code[:2] in ATTACK_ROOTS and _operation_kind(match) == "civil":
                continue
            sources, targets = self._arguments(match, index)
            predicate = match.light or match.governor or match.token
            if not targets and (
                self._addressed_to_hosts(match) or match.cue.code[:2] in ATTACK_ROOTS
            ):
                # "opened fire to disperse the demonstrators": the purpose names the victims.
                targets = purpose_targets(predicate, index, sources)
            if (
                not targets and sources and match.cue.code[:2] in ATTACK_ROOTS
                and predicate.dep_ not in BACKGROUND_PARTICIPLE_DEPS
            ):
                # "Boko Haram launched attacks in northeastern Nigeria": with no victim
                # named, the attack falls on the country it took place in.
                targets = _placed_actor(predicate, "{}", struck=True)
            dispatcher = match.embedded.token if match.embedded is not None else match.token
            if not targets and self._dispatches(dispatcher):
                # "sent troops to help the Philippine army": whom they are sent to help.
                targets = purpose_targets(dispatcher, index, sources)
            if not targets and match.cue.code == CLAIM_CODE:
                targets = claimed_deed_targets(predicate, index, sources)
            if not targets and match.cue.code.startswith(THREAT_ROOT):
                targets = condition_targets(predicate, index, sources, THREAT_CONDITIONS)
            if not targets and match.cue.code[:2] in COOPERATIVE_ROOTS:
                # "will not lift the embargo until Cuba undertakes reforms": a concession
                # held back, or held out, for someone is made to them.
                targets = condition_targets(predicate, index, sources, CONCESSION_CONDITIONS)
            if match.cue.code == OPTIMISM_CODE and targets:
                targets = self._spared(match, matches, targets, index)
                if not targets:
                    continue
            # A plain "X said" with nobody addressed or spoken of only frames a report.
            # An act embedded with no target of its kind gives its governor none either
            # ("declined to comment"); an appeal is always made to somebody.
            takes_target = match.cue.target != "none" and (
                match.embedded is None
                or match.embedded.cue.target != "none"
                or (match.family is not None and match.family.name in APPEAL_FAMILIES)
            )
            needs_target = (
                takes_target or match.cue.code == PLAIN_STATEMENT
            ) and not self._addressed_to_hosts(match)
            reciprocal = (
                match.cue.code[:2] in RECIPROCAL_ROOTS
                or match.token.lemma_.lower() in construction_words().reciprocal_lemmas
            )
            if reciprocal and len(sources) >= 2:
                # "Saudi Arabia and Iran agreed ... after talks in Beijing": a venue is no party.
                targets = [target for target in targets if not _is_venue(target, predicate.doc)]
            if match.cue.code in BINDING_RESIDENTS:
                # "a curfew in Conakry" binds its people, not the government seated there.
                targets = [target for target in targets if not _is_venue(target, predicate.doc)]
                needs_target = False
            if match.cue.code == SHOW_OF_FORCE_CODE and len(sources) >= 2:
                # "Brazil and Argentina staged war games": exercising together is military
                # cooperation between them; only a place they menace ("near Taiwan") is
                # still shown force.
                joint = replace(match, cue=replace(match.cue, code=JOINT_EXERCISE_CODE))
                candidates += [Candidate(joint, source, partner, True) for source, partner
                               in pairs(sources, [], needs_target=True, reciprocal=True)]
                targets = [t for t in targets if not _is_venue(t, predicate.doc, HOST_PREPS)]
                if not targets:
                    continue
            for source, target in pairs(
                sources, targets, needs_target=needs_target, reciprocal=reciprocal
            ):
                if target is not None and same_actor(source, target):
                    continue
                if _speaks_of_own_country(match, source, target):
                    continue
                if _official_gathering(match, source):
                    continue
                if _claims_own_state(match, source, target):
                    continue
                specific = bool(match.cue.objects or match.cue.preps or match.family)
                candidates.append(Candidate(match, source, target, specific))
        return candidates

    def _spared(
        self, match: CueMatch, matches: list[CueMatch], targets: list[Mention],
        index: MentionIndex,
    ) -> list[Mention]:
        """Hoping for harm to someone is no optimism about them: in "Kigali hoped French
        officials would be indicted", the French are whom the hoped-for act strikes."""
        struck = {
            victim.head
            for other in matches
            if lookup(other.cue.code).quad_class in CONFLICT_QUADS
            and _inside(other.token, match.token)
            for victim in self._plain_arguments(other, index)[1]
        }
        return [target for target in targets if target.head not in struck]

    def _telephone_calls(
        self, sent: Span, matches: list[CueMatch], index: MentionIndex
    ) -> list[Candidate]:
        """ "Erdogan called Putin on Tuesday", "Modi called Putin to discuss the war": a
        "call" no cue took, with an actor as its very object, neither appealing ("called
        on", "called for": ``governor_preps``) nor naming ("called Iran a terrorist state"),
        is a telephone call (041)."""
        words = construction_words()
        taken = {match.token.i for match in matches} | {
            match.governor.i for match in matches if match.governor is not None}
        calls: list[Candidate] = []
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma not in words.telephone_verbs or token.pos_ != "VERB" or token.i in taken:
                continue
            if (lemma in words.governor_preps and asks_as_it_should(token, lemma)) or any(
                child.dep_ in NAMING_DEPS
                or (child.dep_ == "xcomp" and child.pos_ not in ("VERB", "AUX"))
                for child in token.children
            ):
                continue
            match = CueMatch(token, replace(TELEPHONE_CALL, lemma=lemma))
            sources, targets = self._plain_arguments(match, index)
            objects = {child.i for child in token.children if child.dep_ == "dobj"}
            calls += [Candidate(match, source, target, False)
                      for source in sources for target in targets
                      if target.head in objects and not same_actor(source, target)]
        return calls

    @staticmethod
    def _addressed_to_hosts(match: CueMatch) -> bool:
        """Protests with no named addressee still have one: the host government."""
        return match.cue.code[:2] in ADDRESSED_TO_HOSTS

    def _arguments(
        self, match: CueMatch, index: MentionIndex
    ) -> tuple[list[Mention], list[Mention]]:
        token, cue = match.token, match.cue
        if match.family is not None and match.governor is not None and (
            verb_lemma(match.governor, self.lexicon) in construction_words().receiving_verbs
        ):
            # "faces pressure from Congress to help Iran": Congress asks, the subject is asked.
            sources, targets = received_arguments(match.governor, RECEIVED_FROM, index)
        elif match.family is not None and match.governor is not None:
            sources, targets = verb_arguments(match.governor, cue, index)
            if match.embedded is not None and (
                not targets or match.family.name not in APPEAL_FAMILIES
            ):
                inner_sources, inner_targets = self._plain_arguments(match.embedded, index)
                # The asked actor, unless the asking ones were only borrowed as subject;
                # "expressed his wish that Saudi Arabia would help Qatar" asks Saudi Arabia.
                asked = [inner for inner in inner_sources
                         if not any(inner is source for source in sources)]
                if match.family.name in APPEAL_FAMILIES and asked:
                    targets = asked
                else:
                    targets = inner_targets or targets
        else:
            sources, targets = self._plain_arguments(match, index)
        if not sources:
            sources = self._reporter(token, index)
        if not targets:
            targets = self._speaker_addressed(token, index)
        if (
            not sources and targets and cue.code[:2] in ATTACK_ROOTS and is_passive(token)
            and (token.dep_ not in BACKGROUND_PARTICIPLE_DEPS or _is_existential(token.head))
        ):
            sources = _unattributed(token, index)
        if (
            not sources and targets and is_passive(token)
            and cue.lemma in construction_words().expulsion_verbs
        ):
            # "Two IAEA inspectors were expelled from North Korea": the country that
            # expels is the one they are sent out of.
            sources = [mention for mention in origin_mentions(token, index)
                       if mention.kind in PLACE_KINDS]
        if not sources:
            sources = _unnamed_issuer(match.governor or token)
        return sources, targets

    def _plain_arguments(
        self, match: CueMatch, index: MentionIndex
    ) -> tuple[list[Mention], list[Mention]]:
        if match.token.pos_ in {"NOUN", "PROPN"}:
            return noun_arguments(match.token, match.cue, index, match.light)
        sources, targets = verb_arguments(match.token, match.cue, index)
        if not sources and is_passive(match.token):
            sources = means_agents(match.token, index, self._is_violent_act)
        return sources, targets

    def _is_violent_act(self, noun: Token) -> bool:
        """An act something can be done in or by ("killed in an air strike"); a visit is
        none ("killed ... during his trip")."""
        cues = self.lexicon.noun_cues(noun.lemma_.lower())
        return any(cue.code[:2] in MEANS_ROOTS for cue in cues)

    def _reporter(self, token: Token, index: MentionIndex) -> list[Mention]:
        """An unresolved "it"/"they" in a reported clause stands for the reporter.

        "Iran said it would retaliate", "Syria says it is willing to withdraw":
        the pronoun is the subject of the governing reporting verb. So does a
        possessed subject the parser could not code: "Musliu said his forces
        will lay down their weapons" is Musliu's undertaking.
        """
        clause = _reported_clause(token)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or not _stands_for_speaker(subject):
            return []
        return self._speaker(clause, index)

    def _speaker_addressed(self, token: Token, index: MentionIndex) -> list[Mention]:
        """"Israel said a mortar bomb was fired at it": an unresolved pronoun the reported
        act is aimed at stands for the one who reports it."""
        if not any(word.lower_ in construction_words().speaker_pronouns
                   and index.at(word) is None for word in aimed_tokens(token)):
            return []
        return self._speaker(_reported_clause(token), index)

    @staticmethod
    def _speaker(clause: Token, index: MentionIndex) -> list[Mention]:
        """Who reports ``clause``; none when it is not reported speech."""
        if clause.dep_ not in REPORTED_DEPS:
            return []
        # "has made it clear it will not lift the ban": past an empty "it", the one who spoke.
        speaker = clause.head
        for _ in range(REPORTER_HOPS):
            found = subject_mentions(speaker, index)
            if found or speaker.dep_ not in REPORTED_DEPS:
                return found
            speaker = speaker.head
        return []

    def _event(
        self,
        candidate: Candidate,
        sent: Span,
        sentence_index: int,
        doc_id: str,
        doc_date: date | None,
    ) -> Event:
        match = candidate.match
        predicate = match.governor or match.token
        code = lookup(match.cue.code)
        deploying = code.code == VISIT_CODE or code.root == FORCE_ROOT
        peacekeeping = code.root in ATTACK_ROOTS and _operation_kind(match) == "peacekeeping"
        if peacekeeping or (
            deploying and _is_peacekeeping(candidate.source, predicate, match.light)
        ):
            # Troops arriving or sent on a peacekeeping mission are provided, not visiting or
            # showing force.
            code = lookup(PEACEKEEPING_CODE)
        dispatched = self._dispatched_act(predicate)
        if dispatched is not None:
            code = lookup(dispatched)
        elif match.family is not None and match.embedded is not None:
            # "offered to send troops to help": the governor codes the act sent to be done.
            embedded = self._dispatched_act(match.embedded.token)
            if embedded is not None:
                code = lookup(match.family.code_for(embedded))
        if code.root in RIOT_ROOTS and _is_protester(candidate.source, sent.doc):
            # Protesters who wreck or beat are rioting, whatever the verb (CAMEO 145).
            code = lookup(RIOT_CODE)
        when, when_text = event_date(predicate, doc_date)
        tokens = [predicate, match.token]
        doc = sent.doc
        for mention in (candidate.source, candidate.target):
            if mention is not None and sent.start <= mention.head < sent.end:
                tokens.append(doc[mention.head])
        start = min(token.idx for token in tokens)
        end = max(token.idx + len(token.text) for token in tokens)
        location = event_location(predicate)
        target = _actor(candidate.target)
        if target is None and code.root in ADDRESSED_TO_HOSTS:
            target = _host_government(location, candidate.source)
            if target is not None and target.code == (candidate.source.actor.code or None):
                # A government protesting at home addresses nobody we can name.
                target = None
        if target is None and code.root in SHOWN_TO_HOSTS:
            target = _host_country(location, candidate.source)
        if target is None and code.code in BINDING_RESIDENTS:
            target = _residents(location, candidate.source)
        mode = event_mode(
            predicate, cue_is_denial=code.code == DENIAL_CODE,
            conditions_bind=match.family is None and code.root not in CONDITIONAL_ACT_ROOTS,
        )
        if mode == "future" and code.root == INTENT_ROOT:
            # "said he would be ready to host talks": the readiness is stated now.
            mode = "asserted"
        attempt = _attempt_governor(predicate)
        if attempt is not None and code.root in attempts().roots and attempt.pos_ == "VERB":
            # The try is the act: its own mode counts, and some acts have an attempted code.
            code = lookup(attempts().codes.get(code.code, code.code))
            mode = event_mode(attempt)
        return Event(
            doc_id=doc_id,
            sentence_index=sentence_index,
            sentence=_collapse(sent.text),
            evidence={"start": start, "end": end},
            source=_actor(candidate.source),
            target=target,
            cameo=code.code,
            root=code.root,
            label=code.label,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            plover=code.plover,
            mode=mode,
            date=when,
            date_text=when_text,
            location=location,
            attribution=event_attribution(predicate),
            quantities=event_quantities(predicate),
            confidence=self._confidence(candidate),
            cue={"text": match.token.text, "start": match.token.idx,
                 "end": match.token.idx + len(match.token.text)},
        )

    def _dispatches(self, verb: Token) -> bool:
        """ "sent", "dispatched", "deployed": people are sent somewhere to do something."""
        return verb_lemma(verb, self.lexicon) in construction_words().dispatch_verbs

    def _dispatched_act(self, predicate: Token) -> str | None:
        """The code of what people were sent to do, when sending them does it: "sent 21
        personnel to Bosnia to investigate" is an investigation, and troops sent to help
        are protection provided."""
        words = construction_words()
        if not self._dispatches(predicate):
            return None
        troops = any(child.dep_ == "dobj" and child.lemma_.lower() in words.troop_nouns
                     for child in predicate.children)
        for clause in predicate.children:
            purpose = self.finder.verb_match(clause) if clause.dep_ in PURPOSE_DEPS else None
            if purpose is None:
                continue
            if purpose.cue.code[:2] in words.dispatched_roots:
                return purpose.cue.code
            if troops and purpose.cue.code[:2] == AID_ROOT:
                return PEACEKEEPING_CODE
        return None

    @staticmethod
    def _confidence(candidate: Candidate) -> float:
        """A rough self-estimate: named actors and specific cues earn trust."""
        score = 0.5
        if candidate.specific:
            score += 0.15
        if candidate.target is not None:
            score += 0.1
        for mention in (candidate.source, candidate.target):
            if mention is not None and mention.antecedent is not None:
                score -= 0.1
            if mention is not None and mention.actor.role is not None:
                score += 0.05
        return round(max(0.05, min(score, 0.95)), 2)
