"""Pick an event's source and target actors from the dependency tree.

The parser's tree shape varies, so each rule looks for a role (who acts, who
is acted on) through several routes: the subject or the by-agent, the object,
the cue's preposition, a possessive or compound on a nominal event, and the
clause an event is embedded in. Every route ends at an actor mention; a token
that is no actor never becomes one here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from realpolitik.actors import Mention
from realpolitik.errors import KnowledgeError
from realpolitik.events.constructions import construction_words
from realpolitik.events.lexicon import Cue

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PLACE_MENTION_KINDS = frozenset({"country", "capital", "place"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
FALLBACK_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "from", "for", "into")
SYMMETRIC_PREPS = ("between", "among")
IMPOSED_ON_PREPS = ("on", "against", "upon")
AIMED_PREPS = ("at", "on", "against", "upon", "into", "toward", "towards")
STATEMENT_ROOT = "01"
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
LATER_DEPS = frozenset({"prep", "dobj", "dative", "attr", "oprd", "npadvmod"})
PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})
# Whose weapons or units, named as the means of a killing ("killed in Israeli tank fire"),
# did it.
ARMED_ROLES = frozenset({"MIL"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
SKIPPED_DEPS = frozenset({"conj", "cc", "punct"})
VENUE_KINDS = frozenset({"capital", "city"})
PAST_TAGS = frozenset({"VBD", "VBN"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"})


class MentionIndex:
    """Token index → the actor mention covering it, for one document."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self.by_token[i] = mention

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def within(self, token: Token, *, acting: bool = False) -> Mention | None:
        """The codable mention at ``token`` or, failing that, the nearest one in its phrase.

        "leaders of Pakistan", "a spokesman for the ministry", "Congress in the
        Philippines": the head is no actor, or one with no country, and a
        mention below it names who acts. Clauses hanging off the phrase are not
        searched: "the man who met Putin" is not Putin. A phrase that ``acting``
        does something is not what it is aimed at: "an attack on a Nato convoy
        killed eight" names no attacker. With no codable mention the one at the
        head is still returned, so callers can tell it apart.
        """
        mention = self.at(token)
        if mention is not None and codable(mention):
            return mention
        frontier = list(token.children)
        while frontier:
            next_frontier: list[Token] = []
            for child in frontier:
                authors = _authors(child)
                if authors:
                    # "a ship operated by Greenpeace" is Greenpeace's ship.
                    next_frontier.extend(authors)
                    continue
                if child.dep_ in CLAUSE_DEPS or child.dep_ in SKIPPED_DEPS:
                    continue
                if acting and child.dep_ == "prep" and child.lower_ in IMPOSED_ON_PREPS:
                    continue
                found = self.at(child)
                if found is not None and codable(found):
                    return found
                next_frontier.extend(child.children)
            frontier = next_frontier
        return mention


def _authors(clause: Token) -> list[Token]:
    """Where a noun's clause names its owner, author or user, to search there only: the
    words of a past participle with a "by" phrase ("a ship operated by Greenpeace", "a
    missile believed to be fired by rebels") or the subject of a relative clause ("a bomb
    that militants had planted"), or the "to" phrase of a verb of belonging ("positions
    belonging to Hamas")."""
    words = construction_words().author_verbs
    if clause.dep_ == "acl" and clause.lemma_.lower() in construction_words().belonging_verbs:
        return [child for child in clause.children if child.dep_ == "prep" and child.lower_ == "to"]
    if clause.dep_ == "acl":
        for verb in (clause, *_children(clause, ("xcomp",))):
            if verb.tag_ == "VBN" and verb.lemma_.lower() in words and _children(verb, ("agent",)):
                return list(verb.children)
    if clause.dep_ == "relcl" and clause.lemma_.lower() in words:
        return [subject for subject in _children(clause, SUBJECT_DEPS)
                if subject.tag_ not in RELATIVE_TAGS]
    return []


def coordinated(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Russia and China").

    A list of names can come out of the parser as an apposition with
    conjuncts ("The US, Russia, and Switzerland met"): a proper-noun
    apposition counts as coordinated too.
    """
    items = [token, *(t for t in token.conjuncts if t.i > token.i)]
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.conjuncts:
            items += [child, *(t for t in child.conjuncts if t.i > child.i)]
    return items


def renamed(token: Token) -> list[Token]:
    """A lone apposition names the same actor again ("a member of parliament,
    Mohammed X, said"): a fallback when the head is no actor, never a second party."""
    return [
        child for child in token.children
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not child.conjuncts
    ]


def codable(mention: Mention) -> bool:
    """An actor with a country, an organisation code or a name; a bare role is none.

    "officials" or "the army" with no country known would make an event with
    half a dyad, the commonest fault of older coders; a named person whose
    country the text does not give is still somebody.
    """
    actor = mention.actor
    if actor.country or mention.kind == "person":
        return True
    return bool(actor.code) and actor.code != actor.role


def same_actor(one: Mention, other: Mention) -> bool:
    """An actor does not act on itself; a named person and the people or country
    sharing his code are two actors ("Charles Taylor called on Liberians"), and so are a
    leader and his capital ("threatened a curfew in Algiers"); but a person and a mention
    of his office or of himself are one ("Netanyahu called Morrison to congratulate him",
    "him" misread as Netanyahu: both ISRGOV)."""
    if one.actor.code != other.actor.code:
        return False
    if one.kind == other.kind == "person":
        return one.actor.name == other.actor.name
    if "person" in {one.kind, other.kind}:
        return one.actor.name == other.actor.name or (
            one.actor.role is not None
            and one.actor.role == other.actor.role
            and not {one.kind, other.kind} & PLACE_MENTION_KINDS
        )
    return True


def _mentions(
    index: MentionIndex, tokens: Iterable[Token], exclude: Iterable[Mention] = (),
    *, acting: bool = False,
) -> list[Mention]:
    """The actors at the first slot that holds one, with those coordinated to it.

    ``exclude`` are the event's sources: a target is somebody else. A lone
    apposition is tried only when the slot itself names nobody. ``acting`` slots
    hold sources (see ``MentionIndex.within``).
    """
    excluded = list(exclude)
    for token in tokens:
        found = _slot_mentions(index, coordinated(token), excluded, acting)
        found = found or _slot_mentions(index, renamed(token), excluded, acting)
        if found:
            return found
    return []


def _slot_mentions(
    index: MentionIndex, items: list[Token], excluded: list[Mention], acting: bool
) -> list[Mention]:
    found: list[Mention] = []
    for item in items:
        for mention in _with_partners(index, index.within(item, acting=acting), item.doc):
            if (
                codable(mention)
                and not any(same_actor(mention, source) for source in excluded)
                and all(mention is not seen for seen in found)
            ):
                found.append(mention)
    return found


def _with_partners(index: MentionIndex, mention: Mention | None, doc: Doc) -> list[Mention]:
    """A mention found inside a phrase, with those coordinated to it there:
    "the presidents of Iraq and Egypt" are two actors, not one."""
    if mention is None:
        return []
    found = [mention]
    for token in doc[mention.start : mention.end]:
        for conjunct in token.conjuncts:
            partner = index.at(conjunct)
            if partner is not None and not mention.start <= conjunct.i < mention.end and all(
                partner is not seen for seen in found
            ):
                found.append(partner)
    return found


def _children(token: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [child for child in token.children if child.dep_ in wanted]


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = tuple(preps)
    found = []
    for prep in token.children:
        if prep.dep_ in PREP_DEPS and prep.lower_ in wanted:
            objects = _children(prep, ("pobj",))
            found.extend(objects or _words_after(prep))
    return found


def _phrase_objects(verb: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``preps`` phrases on the verb or on its direct object: the parser hangs
    "from the government" in "received weapons from the government" under either."""
    wanted = tuple(preps)
    found = _prep_objects(verb, wanted)
    for obj in _children(verb, ("dobj",)):
        found += _prep_objects(obj, wanted)
    return found


def _words_after(prep: Token) -> list[Token]:
    """The noun phrase after a preposition the parser left without an object.

    "granted asylum to five army officers holed up in ..." often comes out
    with "officers" as the subject of "holed"; the words still follow "to".
    """
    words = []
    for token in prep.doc[prep.i + 1 : prep.sent.end]:
        if token.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "SCONJ"}:
            break
        words.append(token)
    return words


STANCES_FILE = "subject_stances.yaml"


@cache
def _stances() -> dict[str, frozenset[str]]:
    """Participles and adjectives whose "be" subject is the actor (see the data file)."""
    text = resources.files("realpolitik.events.data").joinpath(STANCES_FILE).read_text()
    try:
        data = yaml.safe_load(text)
        return {key: frozenset(str(word) for word in data[key])
                for key in ("participles", "agent_adjectives", "issued_texts")}
    except (yaml.YAMLError, KeyError, TypeError) as error:
        raise KnowledgeError(
            f"events/data/{STANCES_FILE}: needs 'participles', 'agent_adjectives' and "
            f"'issued_texts' lists ({error})", code="E319"
        ) from error


def is_stative(verb: Token) -> bool:
    """"Israel is opposed to the plan": a stance of the subject, not an act on it.

    Only without a "by" agent: "the plan was opposed by Egypt" is a real passive.
    """
    return verb.lemma_.lower() in _stances()["participles"] and not any(
        child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
        for child in verb.children
    )


def answerable_subject(act: Token) -> list[Token]:
    """"Sudan is responsible for mass killings": the subject of the answerable "be".

    ``act`` is the noun or gerund after "for"/"of"; the adjective's clause names who did it.
    """
    prep = act.head
    if act.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in {"for", "of"}:
        return []
    adjective = prep.head
    if adjective.lemma_.lower() not in _stances()["agent_adjectives"]:
        return []
    return _children(adjective.head, SUBJECT_DEPS) if adjective.dep_ == "acomp" else []


def is_passive(verb: Token) -> bool:
    """A passive clause, a past participle on a noun ("soldiers killed in Ukraine"), or a
    verb with a "by" agent sharing its auxiliary ("were detained and released by police")."""
    return (
        any(child.dep_ in {*PASSIVE_SUBJECT_DEPS, "auxpass", "agent"} for child in verb.children)
        or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        or is_misread_participle(verb)
    )


def is_misread_participle(verb: Token) -> bool:
    """"The civilians imprisoned for X were released": the parser reads "imprisoned" as
    the main verb and "were released" as its conjunct, with no "and" between them.

    A past-tense verb joined to a subjectless passive without a conjunction is a
    participle on its subject noun, which it acts on rather than through.
    """
    if verb.tag_ not in PAST_TAGS or any(child.dep_ == "cc" for child in verb.children):
        return False
    return any(
        child.dep_ == "conj" and _children(child, ("auxpass",))
        and not _children(child, (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "cc"))
        for child in verb.children
    )


def subject_tokens(verb: Token) -> list[Token]:
    """The verb's subject, borrowed from a governing verb when it has none.

    Coordinated verbs share a subject ("met X and signed"); a controlled
    infinitive takes its governor's ("agreed to meet"), or its governor's
    object when there is one ("urged Iran to release"); a participle clause
    ("..., killing three") takes the main clause's; a relative clause's verb
    acts through the noun it modifies ("the troops that attacked"); a clause
    on an object speaks for whoever issued it ("published a declaration
    demanding reforms").
    """
    node = verb
    for _ in range(6):
        subjects = _children(node, SUBJECT_DEPS)
        if not subjects and is_stative(node):
            subjects = _children(node, PASSIVE_SUBJECT_DEPS)
        if subjects:
            return subjects
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [node.head]
        answerable = answerable_subject(node)
        if answerable:
            return answerable
        if _speaks_for_issuer(node):
            node = node.head.head if node.head.dep_ == "dobj" else node.head.head.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            # "resorted to throwing stones": the gerund's actor is the verb's subject,
            # or its object when it has one ("prevented the students from marching").
            verb = node.head.head
            objects = _children(verb, ("dobj",))
            if objects:
                return objects
            node = verb
            continue
        if node.dep_ in {"conj", "xcomp", "advcl", "acl", "acomp"} and node.head.i != node.i:
            if node.dep_ == "xcomp":
                objects = _children(node.head, ("dobj",))
                if objects:
                    return objects
            node = node.head
            continue
        break
    return []


def issued_text_subject(verb: Token) -> Token | None:
    """The verb's subject when it is an issued text ("a report alleged", "the statement
    said"): a text speaks for whoever issued it."""
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS
                 and child.lemma_.lower() in _stances()["issued_texts"]), None)


def _speaks_for_issuer(node: Token) -> bool:
    """"a declaration demanding reforms": a present participle on an issued text.

    Only texts speak for their issuer: "dispersed demonstrators protesting the
    results" has the demonstrators protest, not the police.
    """
    return (
        node.dep_ == "acl"
        and node.tag_ == "VBG"
        and node.head.lemma_.lower() in _stances()["issued_texts"]
        and node.head.dep_ in {"dobj", "pobj"}
    )


def subject_mentions(verb: Token, index: MentionIndex) -> list[Mention]:
    """The actors acting as ``verb``'s subject, borrowed from governors if needed."""
    return _mentions(index, subject_tokens(verb), acting=True)


def verb_arguments(
    verb: Token, cue: Cue, index: MentionIndex
) -> tuple[list[Mention], list[Mention]]:
    """Sources and targets of a verbal event, active or passive."""
    if cue.target == "subject" and not is_passive(verb):
        # "received weapons from the government": the giver acts on the receiver.
        return received_arguments(verb, cue.preps, index)
    if is_passive(verb) and is_stative(verb):
        sources = _mentions(index, _children(verb, PASSIVE_SUBJECT_DEPS))
        targets = _mentions(index, _target_tokens(verb, cue), sources)
    elif is_passive(verb):
        sources = _mentions(index, _prep_objects(verb, ("by",)))
        targets = _mentions(index, _children(verb, PASSIVE_SUBJECT_DEPS))
        if not targets and verb.dep_ in {"acl", "relcl"}:
            targets = _mentions(index, [verb.head])
        if not targets and is_misread_participle(verb):
            targets = _mentions(index, _children(verb, SUBJECT_DEPS))
        if not targets:
            # "a rocket was fired at Israel", "sanctions were imposed on Iran": with no
            # actor as subject, the one the act was aimed at.
            targets = _mentions(index, _prep_objects(verb, AIMED_PREPS), sources)
        if not targets and verb.dep_ == "conj":
            # "were arrested in May and released by the army": the second passive verb
            # acts on the first one's subject.
            targets = _mentions(
                index, _children(verb.head, (*PASSIVE_SUBJECT_DEPS, *SUBJECT_DEPS)), sources
            )
    else:
        sources = _mentions(index, subject_tokens(verb), acting=True)
        targets = _mentions(index, _target_tokens(verb, cue), sources)
    return sources, targets


def received_arguments(
    verb: Token, preps: Iterable[str], index: MentionIndex
) -> tuple[list[Mention], list[Mention]]:
    """Who gives what the subject receives, and the subject: "received weapons from the
    government", "faces pressure from Congress" are the giver's acts on the subject."""
    sources = _mentions(index, _phrase_objects(verb, preps))
    return sources, _mentions(index, subject_tokens(verb), sources)


def aimed_tokens(verb: Token) -> list[Token]:
    """The words an act is aimed at: its object and its "at"/"on"/"into" phrases."""
    return _children(verb, ("dobj",)) + _prep_objects(verb, AIMED_PREPS)


def origin_mentions(verb: Token, index: MentionIndex) -> list[Mention]:
    """The actors an act came "from" ("a rocket was fired from Lebanon")."""
    return _mentions(index, _prep_objects(verb, ("from",)))


def means_agents(
    verb: Token, index: MentionIndex, is_act: Callable[[Token], bool]
) -> list[Mention]:
    """Who did a passive act with no "by" agent, read off the act it was done in.

    "Two soldiers were killed in an American air strike", "... in an air strike by
    government forces": the strike's author is the killer. ``is_act`` tells an act
    ("strike") from a place ("killed in the Iraqi capital"), whose modifier is no agent.
    """
    for means in _prep_objects(verb, ("in", "during")):
        weapon = index.at(means)
        if weapon is not None and weapon.actor.role in ARMED_ROLES and codable(weapon):
            # "were killed in Israeli tank fire" parsed as "killed in Israeli tank": the
            # armed force named as the means is the agent.
            return [weapon]
        if means.pos_ != "NOUN" or not is_act(means):
            continue
        authors = _mentions(index, _prep_objects(means, ("by",)))
        modifiers = [child for child in means.children
                     if child.dep_ in {"poss", "amod", "compound", "nmod"}]
        authors = authors or _mentions(index, modifiers)
        if authors:
            return authors
    return []


def purpose_targets(verb: Token, index: MentionIndex, sources: list[Mention]) -> list[Mention]:
    """Whom an act is aimed at when only its purpose says so.

    "began a hunger strike to protest against Sweden's decision", "blocked a road to
    show their anger at US policy": a protest with no addressee of its own is aimed
    at the actor its infinitive of purpose names first.
    """
    for clause in verb.children:
        if clause.dep_ not in {"advcl", "xcomp"} or not any(
            child.dep_ == "aux" and child.lower_ == "to" for child in clause.children
        ):
            continue
        words = [token for token in clause.subtree if token.pos_ in NOMINAL_POS]
        found = _mentions(index, words, sources)
        if found:
            return found[:1]
    return []


def claimed_deed_targets(
    verb: Token, index: MentionIndex, sources: list[Mention]
) -> list[Mention]:
    """Whom a claim of responsibility concerns: the first actor the claimed deed names,
    its victim or the country it was done in ("claimed responsibility for an attack on
    a mall in Kenya's capital")."""
    for deed in _phrase_objects(verb, ("for",)):
        found = _mentions(index, [t for t in deed.subtree if t.pos_ in NOMINAL_POS], sources)
        if found:
            return found[:1]
    return []


def condition_targets(
    verb: Token, index: MentionIndex, sources: list[Mention], marks: frozenset[str]
) -> list[Mention]:
    """Whom a threat is aimed at when only its condition names them: "threatened
    to strike unless Israel rescinded ...", "... if the United States goes ahead"."""
    for node in (verb, *verb.children):
        for clause in _children(node, ("advcl",)):
            if any(child.dep_ == "mark" and child.lower_ in marks for child in clause.children):
                found = _mentions(index, _children(clause, SUBJECT_DEPS), sources)
                if found:
                    return found
    return []


def _target_tokens(verb: Token, cue: Cue) -> list[Token]:
    """Where the target may stand, best first; a cue with target "none" only
    makes the target optional, it still takes one the sentence names."""
    ordered: list[Token] = []
    if cue.target == "prep":
        ordered += _phrase_objects(verb, cue.preps)
    ordered += _children(verb, OBJECT_DEPS)
    if cue.target == "dative":
        ordered = [*_prep_objects(verb, ("to",)), *ordered]
    ordered += _prep_objects(verb, cue.preps or FALLBACK_TARGET_PREPS)
    for obj in _children(verb, ("dobj", "prt")):
        # "kidnapped up to 16 advisers": the parser hangs the object under "up".
        ordered += _prep_objects(obj, FALLBACK_TARGET_PREPS)
    for obj in _children(verb, ("dobj",)):
        # "lifted the sanctions imposed on India": the measure's own target.
        for clause in _children(obj, ("acl",)):
            if clause.tag_ == "VBN":
                ordered += _prep_objects(clause, IMPOSED_ON_PREPS)
            elif obj.lemma_.lower() in cue.objects and any(
                child.dep_ == "aux" and child.lower_ == "to" for child in clause.children
            ):
                # "accepted an invitation to meet with Kim": the party of the act offered.
                ordered += _children(clause, ("dobj",))
                ordered += _prep_objects(clause, FALLBACK_TARGET_PREPS)
    for clause in _children(verb, ("xcomp", "ccomp")) + _for_clauses(verb):
        ordered += _children(clause, ("nsubj", "dobj", "nsubjpass"))
        ordered += _prep_objects(clause, FALLBACK_TARGET_PREPS)
        # "refused to allow UN planes to land": the actor let in is the inner subject.
        for inner in _children(clause, ("xcomp", "ccomp")):
            ordered += _children(inner, ("nsubj",))
    if cue.code.startswith(STATEMENT_ROOT):
        for clause in _children(verb, ("ccomp", "xcomp", "prep")):
            ordered += [token for token in clause.subtree if token.pos_ in NOMINAL_POS]
    for partner in _children(verb, ("conj",)):
        # "donated and delivered goods to the school": verbs sharing a subject share a target;
        # an act with no target of its kind keeps none ("resigned and fled to India").
        if cue.target != "none" and not _children(partner, SUBJECT_DEPS):
            ordered += _children(partner, OBJECT_DEPS)
            ordered += _prep_objects(partner, cue.preps or FALLBACK_TARGET_PREPS)
    ordered += _later_nominals(verb)
    return ordered


def _for_clauses(verb: Token) -> list[Token]:
    """"called for Burma to institute reforms": the asked actor is the clause subject."""
    return [
        clause for clause in _children(verb, ("advcl",))
        if any(mark.dep_ == "mark" and mark.lower_ == "for" for mark in clause.children)
    ]


def _later_nominals(verb: Token) -> list[Token]:
    """Last resort: nouns after the verb in its own phrases ("denounced as a
    crime Serbia's suppression of ..."), never inside another verb's clause."""
    found = []
    for child in verb.rights:
        if child.dep_ not in LATER_DEPS:
            continue
        for token in child.subtree:
            if token.pos_ in NOMINAL_POS and not _under_clause(token, child):
                found.append(token)
    return found


def _under_clause(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i:
        if node.dep_ in {"relcl", "acl", "ccomp", "advcl"}:
            return True
        node = node.head
    return False


def noun_arguments(
    noun: Token, cue: Cue, index: MentionIndex, light: Token | None
) -> tuple[list[Mention], list[Mention]]:
    """Sources and targets of a nominal event ("Russia's invasion of Ukraine").

    "talks between X and Y" face each other, unless a light verb names who
    acts on both ("Qatar launched a mediation effort between X and Y").
    """
    between = _mentions(index, _prep_objects(noun, SYMMETRIC_PREPS))
    acting = subject_mentions(light, index) if light is not None else []
    if not acting and between:
        # "Kuwait's mediation between Qatar and Saudi Arabia": the owner acts on both.
        owners = (index.at(child) for child in noun.children if child.dep_ == "poss")
        acting = [owner for owner in owners if owner is not None and codable(owner)]
    if acting and between:
        return acting, between
    if len(between) >= 2:
        return between[:1], between[1:]
    inner: list[Mention] = []
    for child in noun.children:
        mention = index.at(child) if child.dep_ in {"poss", "compound", "amod", "nmod"} else None
        if mention is None or (child.dep_ != "poss" and mention.kind in VENUE_KINDS):
            # "the Ankara attack", "the Geneva talks": a city before the act is its venue.
            continue
        if codable(mention) and all(mention is not seen for seen in inner):
            inner.append(mention)
    sources = _mentions(index, _prep_objects(noun, cue.source_preps or ("by",)))
    if not sources and light is not None:
        sources = _mentions(index, subject_tokens(light))
    if not sources:
        sources = _mentions(index, answerable_subject(noun))
    if not sources and inner:
        sources = inner[:1]
        inner = inner[1:]
    targets = _mentions(index, _prep_objects(noun, cue.target_preps or FALLBACK_TARGET_PREPS))
    if not targets and light is not None:
        targets = _mentions(index, _prep_objects(light, cue.target_preps or FALLBACK_TARGET_PREPS))
    if not targets and inner:
        targets = inner
    if not targets:
        # "the withdrawal of some forces from Panama": the place hangs off the "of" phrase.
        targets = _mentions(index, _prep_objects(noun, ("of",)), sources)
    return sources, targets


def pairs(
    sources: list[Mention], targets: list[Mention], *, needs_target: bool, reciprocal: bool
) -> Iterator[tuple[Mention, Mention | None]]:
    """Source-target pairs; coordinated sources of a reciprocal act with no target face
    each other ("Chile and Peru agreed"); others do not ("Chile and Peru called for calm")."""
    if not targets and len(sources) >= 2 and reciprocal:
        for source in sources:
            for target in sources:
                if source is not target:
                    yield source, target
        return
    if not targets:
        if not needs_target:
            for source in sources:
                yield source, None
        return
    for source in sources:
        for target in targets:
            if source is not target:
                yield source, target
