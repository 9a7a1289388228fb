"""In-document resolution: "Khan", "the minister", "he", "the country", "the fund".

News names an actor in full once and then refers back to it. Each rule here
links a later mention to an earlier one only when the earlier one is the sole
sensible candidate; an anaphor nothing resolves is dropped rather than guessed
(an uncoded "he" is better than a wrong one).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy
from spacy.attrs import IS_TITLE, ORTH, SENT_START
from spacy.tokens import Doc, Token

from realpolitik.actors.coding import (
    ARMED_GROUP_ROLES,
    Draft,
    base_actor,
    believers_of,
    compose_code,
    of_a_faith,
)
from realpolitik.actors.knowledge import KnowledgeBase
from realpolitik.actors.schema import ActorEntry
from realpolitik.records import Actor

STATE_ROLES = frozenset({"GOV", "JUD", "COP", "LEG", "MIL"})
# Bodies that are almost always the country's own: courts and parliaments.
DOMESTIC_ROLES = frozenset({"JUD", "LEG"})
# Who rises against a government, or is ruled by it, is as a rule that state's own.
GOVERNED_ROLES = frozenset({"REB", "INS", "OPP", "CVL"})
MILITANT_ROLES = frozenset({"INS"})
# Companies, media, charities and schools of a foreign country take no side in a sentence:
# "rebels downed a Malaysian airliner over Ukraine" still names one country, Ukraine.
BYSTANDER_ROLES = frozenset({"BUS", "MED", "NGO", "EDU"})
# Forces named by a faith ("Moslem forces") may fight anywhere: only a place gives them one.
FAITH_FORCE_ROLES = frozenset({"MIL", "REB", "INS"})
AUTHORITY_ROLES = frozenset({"GOV", "COP", "JUD", "LEG"})
# Who governs or polices a place: the government and police of a sentence set in one country.
HOME_ROLES = frozenset({"GOV", "COP"})
PLURALS = frozenset({"NNS", "NNPS"})
# A name the NER calls an organisation but a title codes ("Vice-President X") is a person.
PERSON_LIKE = ("person", "org")
PRONOUN_LOOKBACK = 3  # sentences searched for the person a pronoun points to
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative", "pobj"})
RESIDENT_ROLES = frozenset({"CVL"})
# People a dateline places: they act where they live; armed ones cross borders.
DATELINE_ROLES = frozenset({"CVL", "OPP"})
CONJUNCT_HOPS = 4
COUNTRY_LOOKBACK = 2  # sentences searched for the country "the authorities" belong to
ORIGIN_GAP = 4  # words between "from" and the country: "from military-ruled Myanmar"
ORIGIN_MODIFIERS = frozenset({"DET", "ADJ", "PUNCT", "NOUN", "VERB"})


def sentence_starts(doc: Doc) -> list[int]:
    """Token index → sentence number (one sentence when the doc has no boundaries)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0] * len(doc)
    # One pass over the array instead of a Python loop over every token of every sentence.
    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    starts[:1] = True
    numbers: list[int] = (numpy.cumsum(starts) - 1).tolist()
    return numbers


def add_name_repeats(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Uncovered later tokens that repeat part of a person's name ("Khan", "Bilawal")."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    order = sorted(drafts, key=lambda d: d.start)
    added: list[Draft] = []
    parts: dict[str, int] = {}
    # Words and title case from arrays: a Token per word of the doc costs more than the rest.
    orths, titled = doc.to_array([ORTH, IS_TITLE]).T.tolist()
    strings = doc.vocab.strings
    words: list[str] = [strings[orth] for orth in orths]
    pointer = 0
    i = 0
    while i < len(doc):
        while pointer < len(order) and order[pointer].start <= i:
            _register_name(order[pointer], pointer, parts)
            pointer += 1
        if i in covered or words[i] not in parts or not titled[i]:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in covered and words[end] in parts and titled[end]:
            end += 1
        source = order[parts[words[i]]]
        actor = replace(source.actor, text=doc[i:end].text)
        added.append(
            Draft(
                i,
                end,
                end - 1,
                actor,
                "person",
                entry=source.entry,
                titles=source.titles,
                antecedent=parts[words[i]],
            )
        )
        i = end
    if not added:
        return order
    return _renumbered(order, added)


def _register_name(draft: Draft, index: int, parts: dict[str, int]) -> None:
    if draft.kind != "person":
        return
    root = draft.antecedent if draft.antecedent is not None else index
    for part in draft.actor.name.split():
        if len(part) > 2 and part[:1].isupper():
            parts[part] = root


def _renumbered(order: list[Draft], added: list[Draft]) -> list[Draft]:
    """Merge new drafts in by position, rewriting antecedent indexes to the new order."""
    merged = sorted([*order, *added], key=lambda d: d.start)
    new_index = {id(d): n for n, d in enumerate(merged)}
    for draft in merged:
        if draft.antecedent is not None:
            draft.antecedent = new_index[id(order[draft.antecedent])]
    return merged


def resolve(
    doc: Doc, drafts: list[Draft], kb: KnowledgeBase, place: str | None = None
) -> list[Draft]:
    """Link references to earlier mentions; drop anaphors left without one.

    ``place`` is the country of the story's dateline: where the text names no country
    more than others, the story is about where it was filed.
    """
    sentence_of = sentence_starts(doc)
    dominant = _dominant_country(drafts) or place
    for index, draft in enumerate(drafts):
        if draft.antecedent is not None:
            continue
        target = _find_antecedent(doc, drafts, index, sentence_of, kb, dominant)
        if target is not None:
            _link(drafts, index, target)
    _give_state_countries(doc, drafts, sentence_of, kb, dominant, place)
    _give_governed_countries(doc, drafts, sentence_of, kb, place)
    # A "he" linked before its antecedent's country was known takes it now.
    for index, draft in enumerate(drafts):
        antecedent = draft.antecedent
        if antecedent is not None and not draft.actor.country and drafts[antecedent].actor.country:
            _link(drafts, index, antecedent)
    _tell_movements_from_states(drafts, sentence_of)
    return _without_unresolved(drafts)


def _tell_movements_from_states(drafts: list[Draft], sentence_of: list[int]) -> None:
    """A movement a date makes a government ("Taliban" after August 2021, or in an undated
    text) is not the government its sentence names beside it: "Ghani announced a ceasefire
    with the Taliban" sets the movement against the state, so it takes its own role."""
    # A capital is its government by metonymy ("the Taliban ... in Kabul"), no rival.
    holders: dict[int, list[tuple[str, ActorEntry | None]]] = {}
    for draft in drafts:
        if draft.kind not in ("country", "capital"):
            holders.setdefault(sentence_of[draft.start], []).append((draft.actor.code, draft.entry))
    for draft in drafts:
        entry = draft.entry
        if entry is None or not entry.roles or entry.kind == "person":
            continue
        if draft.actor.role != entry.role and any(
            code == draft.actor.code and other is not entry
            for code, other in holders.get(sentence_of[draft.start], [])
        ):
            draft.actor = base_actor(entry, draft.actor.text)


def _give_state_countries(
    doc: Doc, drafts: list[Draft], sentence_of: list[int], kb: KnowledgeBase,
    dominant: str | None, place: str | None,
) -> None:
    """ "President X", "the court", "police" with no country word: a state office belongs to
    the story's dominant country when its sentence names none; a titled person, a court or
    a parliament to the one country the sentence names (by country, capital, a known
    person, a body named after it, or a state body or group of that country: "Judge X
    opened investigations against Chilean officials"), or else to the host of a visit or
    meeting there ("talks with President X during a visit to Beirut"); a bare "troops" or
    "officials" there is as often foreign, so it stays unknown. A bare "police", "the
    government" or "authorities" is the one country's when the sentence sets itself there:
    the country or city is named after "in", or by a people it governs ("Police fired tear
    gas at protesters in Lagos", "the government rejected demands by rebels in Mali"); a
    country that is only the object ("the government condemned Israel") is no home, unless
    it is the dateline's.
    "President X's government", X unknown, is X's country's like X himself would be."""
    hosts = _venue_hosts(doc, drafts, sentence_of, kb.context_words.get("venue_word", set()))
    homes = _homes(doc, drafts, sentence_of, kb.context_words.get("locative", set()))
    filed = {place} if place is not None else set()
    named: dict[int, set[str]] = {}
    for draft in drafts:
        # A body named after its country ("the Kenya Anti-Corruption Commission") names it.
        national_body = draft.kind == "org" and draft.entry is None
        if draft.actor.country and (draft.kind in ("country", "capital", "person")
                                    or national_body
                                    or draft.actor.role in AUTHORITY_ROLES | GOVERNED_ROLES):
            named.setdefault(sentence_of[draft.start], set()).add(draft.actor.country)
    for draft in drafts:
        actor = draft.actor
        if (
            actor.country
            or actor.role not in STATE_ROLES
            or draft.kind not in (*PERSON_LIKE, "role", "nominal")
            or actor.code != actor.role
        ):
            continue
        here = named.get(sentence_of[draft.start], set())
        if not here:
            country = dominant
        elif len(here) == 1 and (
            draft.kind in PERSON_LIKE
            or actor.role in DOMESTIC_ROLES
            or draft.owner
            or (
                here <= homes.get(sentence_of[draft.start], set()) | filed
                and _governs_where_it_is(doc[draft.head], actor.role, kb)
            )
        ):
            country = next(iter(here))
        elif draft.kind in PERSON_LIKE and sentence_of[draft.start] in hosts:
            country = hosts[sentence_of[draft.start]]
        else:
            continue
        if country is None or country not in kb.countries:
            continue
        name = actor.name
        if draft.kind not in PERSON_LIKE:
            name = f"{kb.countries[country].name} {kb.sector_labels.get(actor.role or '', name)}"
        code = compose_code(country, actor.role)
        draft.actor = Actor(actor.text, name, code, country, actor.role)


def _governs_where_it_is(head: Token, role: str | None, kb: KnowledgeBase) -> bool:
    """Police, or a government as a body ("the government", "authorities", "the cabinet"):
    they act at home. A title ("leaders", "ministers", "officials") may be anyone's.
    Troops are as often abroad, unless named as the state's own ("government forces")."""
    if role == "MIL":
        modifiers = kb.context_words.get("state_force", set())
        return any(child.dep_ in ("compound", "amod") and child.lower_ in modifiers
                   for child in head.children)
    word = kb.role_words.get(head.lower_) or kb.role_words.get(head.lemma_.lower())
    if word is None or word.role != role or role not in HOME_ROLES:
        return False
    return role == "COP" or word.kind == "collective"


def _homes(
    doc: Doc, drafts: list[Draft], sentence_of: list[int], locatives: set[str]
) -> dict[int, set[str]]:
    """Sentence → the countries it is set in: a country or city named after "in" ("in
    Lagos", "in Chad and Mali"), an actor placed there ("rebels in Mali"), or a people
    ruled there (rebels, opposition, civilians of that country)."""
    homes: dict[int, set[str]] = {}
    for draft in drafts:
        country = draft.actor.country
        if not country:
            continue
        token = _first_conjunct(doc[draft.head])
        is_place = draft.kind in ("country", "capital") and doc[draft.head].tag_ not in PLURALS
        if (
            (is_place and token.dep_ == "pobj" and token.head.lower_ in locatives)
            or draft.located
            or draft.actor.role in GOVERNED_ROLES
        ):
            homes.setdefault(sentence_of[draft.start], set()).add(country)
    return homes


def _venue_hosts(
    doc: Doc, drafts: list[Draft], sentence_of: list[int], venue_words: set[str]
) -> dict[int, str]:
    """Sentence → the country hosting its visit or meeting: the one country of the place
    visited ("a visit to Beirut", "talks in Beirut"), when no person or body there is
    already of that country (they would be the host) and another actor's country shows
    who came from abroad. The country named again as a place ("aid to Lebanon") is no host."""
    venues: dict[int, set[str]] = {}
    people: dict[int, set[str]] = {}
    others: dict[int, set[str]] = {}
    for draft in drafts:
        country = draft.actor.country
        if not country:
            continue
        here = sentence_of[draft.start]
        place = draft.kind in ("country", "capital")
        if place and _visited(doc[draft.head], venue_words):
            venues.setdefault(here, set()).add(country)
            continue
        others.setdefault(here, set()).add(country)
        if not place:
            people.setdefault(here, set()).add(country)
    return {
        here: next(iter(places))
        for here, places in venues.items()
        if len(places) == 1
        and not places & people.get(here, set())
        and others.get(here, set()) - places
    }


def _visited(token: Token, venue_words: set[str]) -> bool:
    """ "a visit to Beirut", "talks in Beirut", "visited Beirut" (or "Beirut and Amman"):
    the place of a visit."""
    token = _first_conjunct(token)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("to", "in", "at"):
        return head.head.lemma_.lower() in venue_words
    return token.dep_ == "dobj" and head.lemma_.lower() in venue_words


def _give_governed_countries(
    doc: Doc, drafts: list[Draft], sentence_of: list[int], kb: KnowledgeBase,
    place: str | None,
) -> None:
    """ "The Mozambique government accepted demands from rebels", "insurgents shelled
    Syria's second city": bare rebels, opposition, protesters or civilians in a sentence
    whose one country is named as a place or by its authorities are that country's.
    Militants only take a country named as a place: a government vowing to pursue
    "the militants" may pursue foreign ones. A people named in the plural ("killed
    three Americans") is no place, and soldiers are left alone: armies fight abroad.
    A known armed group of no fixed country ("Islamic State", "al-Qaeda") fights where
    its clause puts it: the one country named after a preposition ("a target southwest
    of Baghdad"), since the subject and object countries are as often its enemies, and
    another clause ("the group that has seized parts of Syria") tells its past.
    A faith's people ("Islamic fundamentalists demanded the Algerian president's
    resignation") are, like civilians, the one country's of their sentence: a faith names
    no country, and a community acts where it lives; forces named by a faith take only a
    place ("Moslem forces in east Bosnia"). Protesters or the opposition in a sentence that
    names no country are the dateline's ("KABUL (Reuters) - Protesters marched ..."); rebels
    and militants are not, since a bureau covers the wars next door too."""
    named: dict[int, set[str]] = {}
    places: dict[int, set[str]] = {}
    authorities: dict[int, set[str]] = {}
    settings: dict[int, set[str]] = {}  # clause verb → countries named after a preposition
    spots: dict[int, set[str]] = {}  # sentence → countries named as places themselves
    for draft in drafts:
        country = draft.actor.country
        if not country:
            continue
        here = sentence_of[draft.start]
        if draft.actor.role not in BYSTANDER_ROLES:
            named.setdefault(here, set()).add(country)
        is_place = draft.kind in ("country", "capital") and doc[draft.head].tag_ not in PLURALS
        if is_place or draft.located:
            places.setdefault(here, set()).add(country)
        if is_place:
            spots.setdefault(here, set()).add(country)
        if is_place and _after_preposition(doc[draft.head]):
            settings.setdefault(_clause(doc[draft.head]), set()).add(country)
        if draft.actor.role in AUTHORITY_ROLES:
            authorities.setdefault(here, set()).add(country)
    starts = {draft.start: draft for draft in drafts}
    for draft in drafts:
        actor = draft.actor
        if _stateless_armed_group(draft):
            setting = settings.get(_clause(doc[draft.head]), set())
            if len(setting) == 1:
                country = next(iter(setting))
                draft.actor = Actor(actor.text, actor.name, actor.code, country, actor.role)
            continue
        faith = draft.entry if of_a_faith(draft.entry) and draft.antecedent is None else None
        faithful = faith is not None
        named_body = actor.code != actor.role and not faithful
        if actor.country or named_body or (actor.role not in GOVERNED_ROLES and not faithful):
            continue
        here = sentence_of[draft.start]
        countries = named.get(here, set())
        witnesses = places.get(here, set())
        origin = _origin(doc, draft, starts)
        if origin is not None and not faithful:
            countries = witnesses = {origin}
        elif not (actor.role in MILITANT_ROLES or (faithful and actor.role in FAITH_FORCE_ROLES)):
            witnesses = witnesses | authorities.get(here, set())
        settled = spots.get(here, set())
        if not countries and place is not None and actor.role in DATELINE_ROLES:
            countries = witnesses = {place}
        if actor.role in RESIDENT_ROLES and len(settled) == 1:
            # "children were killed in Israeli shelling in the Gaza Strip": civilians are
            # the people of the one place their sentence names, whoever else it names.
            countries = settled
        elif len(countries) != 1 or countries != witnesses:
            continue
        country = next(iter(countries))
        if country not in kb.countries:
            continue
        if faith is not None and actor.role == "REL":
            draft.actor = believers_of(kb, faith, actor.text, country)
            continue
        name = f"{kb.countries[country].name} {kb.sector_labels.get(actor.role or '', actor.name)}"
        draft.actor = Actor(actor.text, name, compose_code(country, actor.role), country,
                            actor.role)


def _origin(doc: Doc, draft: Draft, starts: dict[int, Draft]) -> str | None:
    """ "met exiled dissidents from military-ruled Myanmar": the country a people comes from,
    named right after "from", whichever word the parser hangs "from" on (it often picks the
    verb). Whoever is driven from a country is that country's too ("expelled dissidents
    from Myanmar"); troops are not asked, since they withdraw from other countries."""
    end = draft.end
    if end >= len(doc) or doc[end].lower_ != "from":
        return None
    start = end + 1
    while (
        start < len(doc)
        and start not in starts
        and start - end <= ORIGIN_GAP
        and doc[start].pos_ in ORIGIN_MODIFIERS
    ):
        start += 1
    place = starts.get(start)
    if (
        place is None
        or place.kind not in ("country", "capital")
        or doc[place.head].tag_ in PLURALS
        or place.actor.country is None
    ):
        return None
    return place.actor.country


def _after_preposition(token: Token) -> bool:
    """The object of a preposition, or one of its conjuncts ("on Syria and Iraq")."""
    return _first_conjunct(token).dep_ == "pobj"


def _first_conjunct(token: Token) -> Token:
    """The first of "Syria and Iraq", where the parser attaches the whole list."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _clause(token: Token) -> int:
    """The verb heading the clause a token is in (the sentence root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def _stateless_armed_group(draft: Draft) -> bool:
    """A named armed group the knowledge base gives no country (a transnational network)."""
    return (
        draft.entry is not None
        and draft.entry.kind == "group"
        and draft.entry.country is None
        and draft.actor.country is None
        and draft.actor.role in ARMED_GROUP_ROLES
        and draft.antecedent is None
    )


def _find_antecedent(
    doc: Doc,
    drafts: list[Draft],
    index: int,
    sentence_of: list[int],
    kb: KnowledgeBase,
    dominant: str | None,
) -> int | None:
    draft = drafts[index]
    earlier = list(range(index - 1, -1, -1))
    if draft.entry is None and (
        draft.kind == "person" or (draft.kind == "org" and not draft.actor.code)
    ):
        words = set(draft.actor.name.split())
        found = _named_person(drafts, earlier, words)
        if found is not None:
            draft.kind = "person"
        return found
    if draft.owner and draft.actor.country is None:
        if kb.anaphors.get(draft.owner.lower()) == "person":
            owner = _pronoun_antecedent(doc, drafts, index, sentence_of)
        else:
            owner = _named_person(drafts, earlier, {draft.owner})
        _give_owner_country(drafts, index, owner, kb)
        return None
    if draft.refers == "person":
        return _pronoun_antecedent(doc, drafts, index, sentence_of)
    if draft.kind == "role" and draft.refers is None and not draft.has_affiliation:
        return _title_antecedent(doc, drafts, index)
    if draft.refers == "country":
        return next((j for j in earlier if drafts[j].kind == "country"), None)
    if draft.refers == "armed_group":
        groups = [j for j in earlier if drafts[j].kind == "group"]
        return _latest_subject_first(doc, drafts, groups, sentence_of[draft.start], sentence_of)
    if draft.refers and draft.refers.startswith("generic:"):
        noun = draft.refers.split(":", 1)[1]
        named = [j for j in earlier if noun in _generic_nouns(drafts[j])]
        return _latest_subject_first(doc, drafts, named, sentence_of[draft.start], sentence_of)
    if draft.refers == "government":
        _give_government_country(drafts, index, sentence_of, kb, dominant)
    return None


def _generic_nouns(draft: Draft) -> set[str]:
    return {noun.lower() for noun in draft.entry.generic} if draft.entry else set()


def _named_person(drafts: list[Draft], earlier: list[int], words: set[str]) -> int | None:
    """The latest person whose full name contains these words ("Khan" → "Imran Khan")."""
    return next(
        (
            j
            for j in earlier
            if (drafts[j].kind == "person" and words < set(drafts[j].actor.name.split()))
            or (
                drafts[j].kind == "person"
                and drafts[j].antecedent is not None
                and words <= set(drafts[j].actor.name.split())
            )
        ),
        None,
    )


def _give_owner_country(
    drafts: list[Draft], index: int, owner: int | None, kb: KnowledgeBase
) -> None:
    """ "Khan's government": the government of the country Khan belongs to."""
    country = drafts[owner].actor.country if owner is not None else None
    if country is None or country not in kb.countries:
        return
    draft = drafts[index]
    role = draft.actor.role
    label = kb.sector_labels.get(role or "", draft.actor.name)
    draft.actor = Actor(
        draft.actor.text,
        f"{kb.countries[country].name} {label}",
        compose_code(country, role),
        country,
        role,
    )


def _latest_subject_first(
    doc: Doc, drafts: list[Draft], candidates: list[int], here: int, sentence_of: list[int]
) -> int | None:
    """ "the group", "the fund": the candidate last a subject in this or the previous
    sentence, else the latest candidate (``candidates`` run latest first)."""
    nearby_subjects = [
        j
        for j in candidates
        if here - sentence_of[drafts[j].start] <= 1
        and doc[drafts[j].head].dep_ in ("nsubj", "nsubjpass")
    ]
    ranked = nearby_subjects or candidates
    return ranked[0] if ranked else None


def _pronoun_antecedent(
    doc: Doc, drafts: list[Draft], index: int, sentence_of: list[int]
) -> int | None:
    """The one person in the nearest sentence (this one first) that names any person."""
    here = sentence_of[drafts[index].start]
    own_subjects = _clause_subjects(doc[drafts[index].head])
    for sentence in range(here, max(here - PRONOUN_LOOKBACK, -1) - 1, -1):
        people = [
            j
            for j in range(index)
            if drafts[j].kind == "person" and sentence_of[drafts[j].start] == sentence
            and drafts[j].head not in own_subjects
        ]
        if not people:
            continue
        identities = {_root(drafts, j) for j in people}
        if len(identities) == 1:
            return people[-1]
        subjects = [j for j in people if doc[drafts[j].head].dep_ in ("nsubj", "nsubjpass")]
        return subjects[-1] if len({_root(drafts, j) for j in subjects}) == 1 else None
    return None


def _clause_subjects(pronoun: Token) -> set[int]:
    """The subjects an object pronoun cannot stand for: "Trump called Erdogan and urged
    him" - "him" is not Trump, who does the urging (a plain pronoun is never its own
    clause's subject; that would be "himself")."""
    if pronoun.dep_ not in OBJECT_PRONOUN_DEPS:
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(CONJUNCT_HOPS):
        subjects = {child.i for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")}
        if subjects or verb.dep_ != "conj":
            return subjects
        verb = verb.head
    return set()


def _title_antecedent(doc: Doc, drafts: list[Draft], index: int) -> int | None:
    """ "the minister" → the latest person introduced with that title."""
    draft = drafts[index]
    if draft.end - draft.start != 1 or doc[draft.head].tag_ not in ("NN", "NNP", ""):
        return None
    if draft.start == 0 or doc[draft.start - 1].lower_ != "the":
        return None
    title = doc[draft.head].lower_
    return next(
        (
            j
            for j in range(index - 1, -1, -1)
            if drafts[j].kind == "person" and any(t.split()[-1] == title for t in drafts[j].titles)
        ),
        None,
    )


def _give_government_country(
    drafts: list[Draft],
    index: int,
    sentence_of: list[int],
    kb: KnowledgeBase,
    dominant: str | None,
) -> None:
    """ "the authorities": the government of the country just named, else the story's country."""
    draft = drafts[index]
    here = sentence_of[draft.start]
    recent = next(
        (
            j
            for j in range(index - 1, -1, -1)
            if drafts[j].actor.country and here - sentence_of[drafts[j].start] <= COUNTRY_LOOKBACK
        ),
        None,
    )
    country = drafts[recent].actor.country if recent is not None else dominant
    if country is None or country not in kb.countries:
        return
    role = draft.actor.role
    label = kb.sector_labels.get(role or "", draft.actor.name)
    draft.actor = Actor(
        draft.actor.text,
        f"{kb.countries[country].name} {label}",
        compose_code(country, role),
        country,
        role,
    )
    draft.kind = "nominal"
    draft.antecedent = (
        recent
        if recent is not None
        else next((j for j in range(index - 1, -1, -1) if drafts[j].actor.country == country), None)
    )


def _dominant_country(drafts: list[Draft]) -> str | None:
    """The country a story is about: named clearly more often than any other."""
    counts = Counter(d.actor.country for d in drafts if d.actor.country)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _root(drafts: list[Draft], index: int) -> int:
    antecedent = drafts[index].antecedent
    return index if antecedent is None else antecedent


def _link(drafts: list[Draft], index: int, target: int) -> None:
    root = _root(drafts, target)
    draft = drafts[index]
    known, own = drafts[root].actor, draft.actor
    country, role = known.country or own.country, known.role or own.role
    code = (
        known.code
        if (country, role) == (known.country, known.role)
        else compose_code(country, role)
    )
    draft.actor = Actor(own.text, known.name, code, country, role)
    draft.antecedent = root
    draft.entry = drafts[root].entry
    if draft.kind == "role":
        draft.kind = "nominal"
    draft.titles = drafts[root].titles | draft.titles


def _without_unresolved(drafts: list[Draft]) -> list[Draft]:
    """Drop pronouns and "the fund"-style nominals that found no antecedent."""
    kept = [
        d
        for d in drafts
        if d.antecedent is not None or d.kind not in ("pronoun", "nominal") or d.actor.code
    ]
    new_index = {id(d): n for n, d in enumerate(kept)}
    for draft in kept:
        if draft.antecedent is not None:
            ante = drafts[draft.antecedent]
            draft.antecedent = new_index.get(id(ante))
    return kept
