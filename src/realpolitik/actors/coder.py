"""The actor coder: mentions found, coded and resolved on one parsed Doc."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.actors.coding import Draft, code_group, compose_code, share_conjoined_roles
from realpolitik.actors.dateline import Dateline, find_dateline
from realpolitik.actors.knowledge import KnowledgeBase
from realpolitik.actors.matching import PieceFinder
from realpolitik.actors.phrases import group_pieces, keep_piece
from realpolitik.actors.residence import place_by_residence
from realpolitik.actors.resolve import add_name_repeats, resolve
from realpolitik.records import Actor

CANDIDATE_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


@dataclass(slots=True)
class Mention:
    """One actor mention in a document.

    ``start``/``end`` are token indexes (end exclusive); ``head`` is the token
    the parser attaches to the verb ("Khan" in "Pakistan prime minister Imran
    Khan"). ``kind`` is one of country, capital, org, group, person, role,
    pronoun, nominal; ``capital`` covers capitals and seats of power, which may
    be places rather than actors ("met in Washington"). ``antecedent`` is the
    index, in the same mention list, of the mention a surname, title, pronoun
    or "the country" was resolved to.
    """

    start: int
    end: int
    head: int
    actor: Actor
    kind: str
    antecedent: int | None = None


class ActorCoder:
    """Finds and codes actor mentions; build once per knowledge base and vocab."""

    def __init__(self, kb: KnowledgeBase, nlp_vocab: Vocab) -> None:
        self.kb = kb
        self.finder = PieceFinder(kb, nlp_vocab)

    def candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans that look like actors, without needing the parser.

        Used to decide whether a sentence is worth parsing: phrase matches of
        names and role words, personal pronouns, and NER names.
        """
        spans = {
            (piece.start, piece.end)
            for piece in self.finder.raw_pieces(doc)
            if piece.kind not in ("non_actor", "generic")
        }
        spans.update((ent.start, ent.end) for ent in doc.ents if ent.label_ in CANDIDATE_ENTS)
        return sorted(spans)

    def dateline(self, doc: Doc) -> Dateline | None:
        """The dateline opening a doc ("KABUL, May 3 (Reuters) -"); the doc needs only tags."""
        return find_dateline(doc, self.finder)

    def find(
        self, doc: Doc, doc_date: date | None = None, dateline: Dateline | None = None
    ) -> list[Mention]:
        """Every actor mention of a parsed doc, sorted, non-overlapping, resolved.

        doc (Doc): parsed by the tagger, parser and NER.
        doc_date (date | None): the story's date; date-bounded roles valid on it apply.
        dateline (Dateline | None): the story's dateline when ``doc`` holds only some of
            its sentences (its ``end`` 0 when ``doc`` lacks it); else read from ``doc``.
            Its words are no actor; its country places bare state bodies and people.
        RETURNS (list[Mention]): mentions in document order.
        """
        if dateline is None:
            dateline = self.dateline(doc)
        skip = dateline.end if dateline is not None else 0
        pieces = [
            p for p in self.finder.pieces(doc) if p.start >= skip and keep_piece(doc, p, self.kb)
        ]
        drafts = [
            draft
            for group in group_pieces(doc, pieces)
            if (draft := code_group(doc, group, self.kb, doc_date)) is not None
        ]
        drafts = share_conjoined_roles(doc, drafts, self.kb)
        drafts = place_by_residence(doc, drafts, self.kb)
        drafts = _join_restatements(doc, drafts)
        _take_in_proper_names(doc, drafts)
        drafts = _name_described_people(doc, drafts)
        _apply_appositions(doc, drafts)
        place = dateline.country if dateline is not None else None
        drafts = resolve(doc, add_name_repeats(doc, drafts), self.kb, place)
        return [Mention(d.start, d.end, d.head, d.actor, d.kind, d.antecedent) for d in drafts]


RESTATING_GAPS = (("or",), (",", "or"), ("(",))
LONGEST_GAP = max(len(gap) for gap in RESTATING_GAPS)


def _join_restatements(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "the International Atomic Energy Agency, or IAEA": a body named twice in a row is one
    mention, whose text holds both names (readers and scorers match either)."""
    kept: list[Draft] = []
    for draft in drafts:
        last = kept[-1] if kept else None
        gap: tuple[str, ...] = ()
        if last is not None and draft.start - last.end <= LONGEST_GAP:
            gap = tuple(t.text for t in doc[last.end : draft.start])
        if (
            last is None
            or gap not in RESTATING_GAPS
            or last.entry is None
            or draft.entry is not last.entry
        ):
            kept.append(draft)
            continue
        end = draft.end + (gap[-1] == "(" and draft.end < len(doc) and doc[draft.end].text == ")")
        last.end = end
        actor = last.actor
        last.actor = Actor(doc[last.start : end].text, actor.name, actor.code, actor.country,
                           actor.role)
    return kept


def _take_in_proper_names(doc: Doc, drafts: list[Draft]) -> None:
    """ "the Azadliq (Freedom) opposition coalition": a name the knowledge base does not know,
    modifying a role word's noun, is part of the mention's words: it tells readers (and
    scorers) which coalition, though not whose."""
    if not doc.has_annotation("DEP"):
        return
    covered = {i for d in drafts for i in range(d.start, d.end)}
    for draft in drafts:
        if draft.kind != "role":
            continue
        start = draft.start
        outside = [t for t in doc[draft.head].lefts if t.i < draft.start]
        for child in sorted(outside, key=lambda t: -t.i):
            words = range(child.left_edge.i, start)
            if (
                child.dep_ not in ("compound", "nmod")
                or child.pos_ != "PROPN"
                or child.right_edge.i != start - 1
                or any(i in covered for i in words)
            ):
                break
            start = child.left_edge.i
        if start < draft.start:
            draft.start = start
            actor = draft.actor
            draft.actor = Actor(doc[start : draft.end].text, actor.name, actor.code,
                                actor.country, actor.role)


def _name_described_people(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "A member of the Syrian parliament, Mohammed X, began a hunger strike": the phrase a
    name renames is that person, of the body it mentions (SYRLEG), and the verb's subject is
    the person, not the body. The person's mention takes in the phrase, whose actors it
    replaces; a phrase that is itself an actor ("the minister, X") is left to the apposition."""
    if not doc.has_annotation("DEP"):
        return drafts
    heads = {d.head for d in drafts}
    dropped: set[int] = set()
    for draft in drafts:
        name = doc[draft.head]
        described = name.head
        if (
            draft.kind != "person"
            or name.dep_ != "appos"
            or described.pos_ != "NOUN"
            or described.i > name.i
            or described.i in heads
        ):
            continue
        start = described.left_edge.i
        # Nearest the name first: "Iraq's Al-Qaeda frontman X" is Iraq's and al-Qaeda's.
        inner = [d for d in reversed(drafts) if d.start >= start and d.end <= draft.start]
        actor = draft.actor
        country = actor.country or next((d.actor.country for d in inner if d.actor.country), None)
        role = actor.role or next((d.actor.role for d in inner if d.actor.role), None)
        if not (country or role):
            continue
        start += doc[start].lower_ in ("a", "an", "the")
        dropped.update(id(d) for d in inner)
        draft.start, draft.head = start, described.i
        draft.actor = Actor(doc[start : draft.end].text, actor.name, compose_code(country, role),
                            country, role)
    return [d for d in drafts if id(d) not in dropped]


def _apply_appositions(doc: Doc, drafts: list[Draft]) -> None:
    """ "X, chairman of the Senate's Defense Committee": the apposition gives X a role."""
    if not doc.has_annotation("DEP"):
        return
    by_head = {d.head: d for d in drafts}
    for draft in drafts:
        if draft.kind != "person" or (draft.actor.role and draft.actor.country):
            continue
        head = doc[draft.head]
        sources = [
            by_head[t.i]
            for child in head.children
            if child.dep_ == "appos"
            for t in child.subtree
            if t.i in by_head and by_head[t.i] is not draft
        ]
        if head.dep_ == "appos" and head.head.i in by_head:
            sources.insert(0, by_head[head.head.i])
        source = next((d for d in sources if d.actor.role or d.actor.country), None)
        if source is not None:
            actor = draft.actor
            country = actor.country or source.actor.country
            role = actor.role or source.actor.role
            draft.actor = Actor(actor.text, actor.name, compose_code(country, role), country, role)
            draft.titles = draft.titles | source.titles
