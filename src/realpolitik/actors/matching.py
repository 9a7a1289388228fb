"""Finding the pieces actor mentions are made of, before any coding.

A piece is one stretch of tokens that names something: a country, a demonym, a
seat of power, an organisation, a person, a role word, an anaphor, or a phrase
known not to be an actor. Pieces come from two phrase matchers built once per
knowledge base and from spaCy's named entities; overlaps are settled here,
longest first. Names match in any case ("President obama", "tunisian rioters",
"GAZA CITY") except acronyms and names that are also ordinary words ("US" and
"us", "Turkey" and "turkey"), which match only as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from realpolitik.actors.knowledge import AliasTarget, KnowledgeBase
from realpolitik.actors.schema import RoleWord

NAME_KINDS = ("country", "demonym", "capital", "seat", "org", "group", "person")
# Tie-break between equally long pieces: knowledge beats the statistical NER.
PRIORITY = {"non_actor": 0, "name": 1, "role": 2, "generic": 3, "anaphor": 4, "ner": 5}


@dataclass(slots=True)
class Piece:
    """One matched stretch ``[start, end)`` and what it stands for.

    ``kind`` is a name kind (``country`` … ``person``), ``role`` (a role word),
    ``generic`` ("the fund"), ``anaphor`` ("the country", "he"), ``non_actor``,
    ``ner_person`` or ``ner_org`` (names the knowledge base lacks).
    """

    start: int
    end: int
    kind: str
    target: AliasTarget | None = None
    word: RoleWord | None = None
    refers: str | None = None
    inner: tuple[Piece, ...] = ()


class PieceFinder:
    """Phrase matchers over one knowledge base, built once and reused for every doc."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocab) -> None:
        self.kb = kb
        tokenizer = English(vocab=vocab).tokenizer
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.words = PhraseMatcher(vocab, attr="LOWER")
        self._payload: dict[int, tuple[str, str]] = {}
        self._strings = vocab.strings
        common = kb.context_words.get("common_word", set())
        folded = [
            alias
            for alias in kb.aliases
            if alias not in kb.exact_aliases and _foldable(alias, common)
        ]
        exact = set(kb.aliases).difference(folded)
        self._add(self.names, tokenizer, "name", exact)
        # Case-free names share the lower-cased word matcher: no extra pass over the doc.
        self._add(self.words, tokenizer, "name", folded)
        self._add(self.names, tokenizer, "non_actor", kb.non_actor_phrases)
        self._add(self.words, tokenizer, "role", kb.role_words)
        self._add(self.words, tokenizer, "anaphor", kb.anaphors)
        self._add(self.words, tokenizer, "generic", kb.generic_nouns())

    def _add(
        self, matcher: PhraseMatcher, tokenizer: object, kind: str, phrases: Iterable[str]
    ) -> None:
        texts = sorted(set(phrases))
        docs = list(tokenizer.pipe(texts))  # type: ignore[attr-defined]
        for text, doc in zip(texts, docs, strict=True):
            key = f"{kind}\t{text}"
            self._payload[self._strings.add(key)] = (kind, text)
            matcher.add(key, [doc])

    def raw_pieces(self, doc: Doc) -> list[Piece]:
        """Every phrase match, overlapping, as pieces."""
        pieces = []
        for match_id, start, end in [*self.names(doc), *self.words(doc)]:
            kind, text = self._payload[match_id]
            if kind == "name":
                # Of names equal but for case ("Georgia", "georgia"), the one as written wins.
                target = self.kb.aliases.get(doc[start:end].text) or self.kb.aliases[text]
                pieces.append(Piece(start, end, target.kind, target=target))
            elif kind == "role":
                pieces.append(Piece(start, end, "role", word=self.kb.role_words[text]))
            elif kind == "anaphor":
                pieces.append(Piece(start, end, "anaphor", refers=self.kb.anaphors[text]))
            else:
                pieces.append(Piece(start, end, kind, refers=text))
        return pieces

    def pieces(self, doc: Doc) -> list[Piece]:
        """Non-overlapping pieces, sorted by start: knowledge matches plus unknown names."""
        matched = _without_first_names(doc, _choose(self.raw_pieces(doc)))
        covered = {i for piece in matched for i in range(piece.start, piece.end)}
        extra: list[Piece] = []
        absorbed: set[int] = set()
        titles = self.kb.context_words.get("campaign_title", set())
        for ent in doc.ents:
            if _names_a_campaign(doc, ent.start, titles):
                continue
            if ent.label_ == "PERSON":
                if _named_place(ent.root, self.kb.context_words.get("place_noun", set())):
                    continue
                person = _uncovered_person(doc, ent.start, ent.end, covered)
                if person:
                    end = _name_end(doc, person[1], covered)
                    extra.append(Piece(person[0], end, "ner_person"))
            elif ent.label_ == "ORG":
                if not any(i in covered for i in range(ent.start, ent.end)):
                    extra.append(Piece(ent.start, ent.end, "ner_org"))
                    continue
                inner = [p for p in matched if ent.start <= p.start and p.end <= ent.end]
                if any(_names_whole(p) for p in inner):
                    continue
                start = ent.start + (doc[ent.start].lower_ == "the")
                if any((p.start, p.end) == (start, ent.end) for p in inner):
                    continue
                overlapping = any(
                    p.start < ent.end and ent.start < p.end and p not in inner for p in matched
                )
                if not overlapping:
                    extra.append(Piece(ent.start, ent.end, "ner_org", inner=tuple(inner)))
                    absorbed.update(id(p) for p in inner)
        for piece in matched:
            name_end = _proper_name_end(doc, piece, covered, self.kb)
            if name_end is not None and id(piece) not in absorbed:
                extra.append(Piece(piece.start, name_end, "ner_org", inner=(piece,)))
                absorbed.add(id(piece))
                covered.update(range(piece.end, name_end))
        kept = [p for p in matched if id(p) not in absorbed] + _merge_split_names(extra)
        return sorted(kept, key=lambda p: p.start)


def _foldable(alias: str, common: set[str]) -> bool:
    """Whether a name may match in any case: not an acronym ("US", "LeT", "JeM"), whose
    lower case is another word ("us", "let"), nor a name listed as a common word."""
    capitals = sum(c.isupper() for c in alias)
    acronym = capitals > 1 and (alias.isupper() or len(alias) <= 5)
    return not acronym and alias.lower() not in common


def _proper_name_end(
    doc: Doc, piece: Piece, covered: set[int], kb: KnowledgeBase
) -> int | None:
    """Where a body's name that opens with a country ends, when the NER missed it: "Kenya
    Anti-Corruption Commission" is one proper name the parser chains onto its last word,
    a body of that country; a place noun ("Kenya Province") or a non-actor ("Iraq War")
    ends no such name. None when the country word stands alone."""
    if piece.kind != "country" or not doc.has_annotation("DEP"):
        return None
    root = doc[piece.end - 1]
    head = root.head
    if root.dep_ != "compound" or head.i <= root.i or head.tag_ != "NNP":
        return None
    between = doc[piece.end : head.i + 1]
    if any(t.i in covered or t.tag_ not in ("NNP", "HYPH") for t in between):
        return None
    words = {head.lower_, head.lemma_.lower()}
    if words & (kb.non_actor_heads | kb.context_words.get("place_noun", set())):
        return None
    return head.i + 1


def _without_first_names(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """A known name that a longer PERSON entity goes on past is someone else's first name
    ("Sharon" in "Sharon Stone"), not the known person."""
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    return [
        p
        for p in pieces
        if p.kind != "person" or not any(e.start <= p.start and p.end < e.end for e in people)
    ]


def _names_whole(piece: Piece) -> bool:
    """Whether a known name inside an NER organisation is the organisation itself; a faith
    word is only part of an unknown one's name ("the Islamic Movement for Change")."""
    if piece.kind not in ("org", "group", "person", "non_actor"):
        return False
    return piece.target is None or piece.target.entry.role != "REL"


def _merge_split_names(pieces: list[Piece]) -> list[Piece]:
    """A PERSON entity followed at once by another PERSON or a bare ORG one is one name
    the NER split ("[Bilawal Bhutto]PERSON [Zardari]ORG")."""
    merged: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: p.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "ner_person"
            and (piece.kind == "ner_person" or (piece.kind == "ner_org" and not piece.inner))
            and previous.end == piece.start
            and piece.end - piece.start <= 2
        ):
            previous.end = piece.end
        else:
            merged.append(piece)
    return merged


def _choose(pieces: list[Piece]) -> list[Piece]:
    """Longest piece wins an overlap; among equals, knowledge of a name over a word."""
    ranked = sorted(pieces, key=lambda p: (p.start - p.end, PRIORITY[_rank_kind(p)], p.start))
    taken: set[int] = set()
    chosen = []
    for piece in ranked:
        span = range(piece.start, piece.end)
        if taken.isdisjoint(span):
            chosen.append(piece)
            taken.update(span)
    return sorted(chosen, key=lambda p: p.start)


def _rank_kind(piece: Piece) -> str:
    return "name" if piece.kind in NAME_KINDS else piece.kind


def _names_a_campaign(doc: Doc, start: int, titles: set[str]) -> bool:
    """ "Operation Linda Nchi", "Operation Desert Storm": the name of a military or police
    campaign, written after its title, is no actor."""
    words = (doc[start - 1], doc[start]) if start > 0 else (doc[start],)
    return any(word.is_title and word.lower_ in titles for word in words)


def _named_place(root: Token, place_nouns: set[str]) -> bool:
    """ "the town of Avdiivka": the NER calls some place names people; the noun says not."""
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.lemma_.lower() in place_nouns
    )


def _name_end(doc: Doc, end: int, covered: set[int]) -> int:
    """Where a person's name really ends when the NER stopped early: the parser hangs
    "[Gloria Macapagal] Arroyo" together as compounds of the last name."""
    while (
        end < len(doc)
        and end not in covered
        and doc[end].pos_ == "PROPN"
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    ):
        end += 1
    return end


def _uncovered_person(doc: Doc, start: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """The last run of a PERSON entity not already matched ("General [Nadeem Anjum]")."""
    run_end = end
    while run_end > start and (run_end - 1 in covered or doc[run_end - 1].is_punct):
        run_end -= 1
    if run_end < end and run_end - 1 in covered:
        return None
    run_start = run_end
    while run_start > start and run_start - 1 not in covered:
        run_start -= 1
    if run_start == run_end or not any(t.is_title or t.is_upper for t in doc[run_start:run_end]):
        return None
    return run_start, run_end
