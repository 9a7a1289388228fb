"""Ethnic kin and shared-name assemblies are coded by where they are, not by their name.

"The Albanians of southern Serbia", "Bosnian Serbs" and "ethnic Turks" protesting a
Swedish decision are Serbia's, Bosnia's and Sweden's people: a demonym names the kin
country, and CAMEO codes an ethnic community by its country of residence when the text
gives one. Likewise "Congress in the Philippines" is the Philippine legislature,
whatever "Congress" alone means.
"""

from __future__ import annotations

from spacy.tokens import Doc

from realpolitik.actors.coding import Draft
from realpolitik.actors.knowledge import KnowledgeBase
from realpolitik.actors.resolve import sentence_starts
from realpolitik.records import Actor

PLACE_WORDS = frozenset({"of", "in", "from"})
PLACE_FILLER_TAGS = frozenset({"DT", "JJ", "NNP"})


def place_by_residence(doc: Doc, drafts: list[Draft], kb: KnowledgeBase) -> list[Draft]:
    """Recode demonym mentions of people living in another named country."""
    sentence_of = sentence_starts(doc)
    dropped: set[int] = set()
    for index, draft in enumerate(drafts):
        if _is_assembly(draft):
            _place_assembly(doc, drafts, index, kb, dropped)
            continue
        if not _is_people(doc, draft, kb):
            continue
        home = _named_after(doc, drafts, index)
        if home is not None:
            draft.end = drafts[home].end
            dropped.add(home)
            country = drafts[home].actor.country
        elif (before := _country_before(doc, draft, kb)) is not None:
            country = before
        elif draft.start > 0 and doc[draft.start - 1].lower_ == "ethnic":
            country = _only_other_country(drafts, index, sentence_of)
        else:
            continue
        if country is None or country not in kb.countries:
            continue
        text = doc[draft.start : draft.end].text
        draft.actor = Actor(text, kb.countries[country].name, country, country, None)
    return [d for n, d in enumerate(drafts) if n not in dropped]


def _is_assembly(draft: Draft) -> bool:
    """A legislature known by a name several countries use ("Congress")."""
    return draft.kind == "capital" and draft.actor.role == "LEG"


def _place_assembly(
    doc: Doc, drafts: list[Draft], index: int, kb: KnowledgeBase, dropped: set[int]
) -> None:
    """ "Congress in the Philippines" is the Philippine Congress, not the US one."""
    home = _named_after(doc, drafts, index)
    draft = drafts[index]
    country = drafts[home].actor.country if home is not None else None
    if home is None or country is None or country not in kb.countries:
        return
    draft.end = drafts[home].end
    dropped.add(home)
    text = doc[draft.start : draft.end].text
    name = f"{kb.countries[country].name} {kb.sector_labels.get('LEG', 'legislature')}"
    draft.actor = Actor(text, name, country + "LEG", country, "LEG")
    draft.kind = "role"


def _is_people(doc: Doc, draft: Draft, kb: KnowledgeBase) -> bool:
    """A bare demonym used as a noun ("Albanians", "ethnic Turks"), not a country name."""
    if draft.kind != "country" or draft.actor.role is not None:
        return False
    head = doc[draft.head]
    target = kb.aliases.get(head.text)
    return target is not None and target.kind == "demonym" and head.tag_ in ("NNPS", "NNS")


def _country_before(doc: Doc, draft: Draft, kb: KnowledgeBase) -> str | None:
    """ "Bosnian Serbs", "Iraqi Kurds": a country word before a people names their home."""
    for token in doc[draft.start : draft.head]:
        target = kb.aliases.get(token.text)
        if (
            target is not None
            and target.kind in ("country", "demonym")
            and target.entry.country != draft.actor.country
        ):
            return target.entry.country
    return None


def _named_after(doc: Doc, drafts: list[Draft], index: int) -> int | None:
    """The country right after "of"/"in" (adjectives allowed: "of southern Serbia")."""
    draft = drafts[index]
    if index + 1 >= len(drafts) or draft.end >= len(doc):
        return None
    if doc[draft.end].lower_ not in PLACE_WORDS:
        return None
    following = drafts[index + 1]
    between = doc[draft.end + 1 : following.start]
    if following.kind != "country" or any(t.tag_ not in PLACE_FILLER_TAGS for t in between):
        return None
    if following.actor.country == draft.actor.country:
        return None
    return index + 1


def _only_other_country(drafts: list[Draft], index: int, sentence_of: list[int]) -> str | None:
    draft = drafts[index]
    here = sentence_of[draft.start]
    others = {
        d.actor.country
        for d in drafts
        if d.kind in ("country", "capital", "role")
        and d.actor.country
        and d.actor.country != draft.actor.country
        and sentence_of[d.start] == here
    }
    return next(iter(others)) if len(others) == 1 else None
