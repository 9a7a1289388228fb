"""Which pieces can be actors, and which belong to one noun phrase.

A piece is kept only if it can name an agent (a role word used as a noun, a
country word that is not a hyphenated or currency modifier). Kept pieces are
grouped when the parse hangs them under one head noun that is itself an actor
word ("Pakistan prime minister Imran Khan"), or when nothing but a possessive
separates them in an unparsed sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.knowledge import KnowledgeBase
from realpolitik.actors.matching import Piece

COUNTRY_KINDS = ("country", "demonym", "capital", "seat")
GAP_TAGS = frozenset({"POS", "JJ", "JJR", "JJS", "-LRB-", "-RRB-", "DT", "IN"})
GAP_WORDS = frozenset({"'s", "’s", "'", "’", "(", ")", "of", "the"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
CHAIN_DEPS = MODIFIER_DEPS | {"poss", "flat"}
LEADING_WORDS = frozenset({"led", "commanded"})
LOCAL_ROLES = frozenset({"CVL", "OPP", "EDU", "MED", "HLH", "REL", "BUS", "JUD", "COP", "LEG"})


def keep_piece(doc: Doc, piece: Piece, kb: KnowledgeBase) -> bool:
    """Whether a piece can be part of an actor mention at all.

    Drops role words used as adjectives ("military" in "military bases"), words
    inside hyphenated modifiers ("US-backed", "anti-China", "government-held")
    and country or faith modifiers of a non-actor head ("Pakistani rupee", "Islamic law").
    """
    last = doc[piece.end - 1]
    if _hyphen_modifier(doc, piece):
        return False
    if piece.kind in ("role", "generic", "anaphor") and piece.refers != "person":
        return not last.tag_ or last.tag_ in NOUN_TAGS
    if _hyphen_modifier(doc, piece):
        return False
    root = doc[piece.start : piece.end].root
    if piece.kind in COUNTRY_KINDS or (piece.kind == "org" and root.tag_ == "JJ"):
        after = doc[piece.end].lower_ if piece.end < len(doc) else ""
        if after in kb.non_actor_heads:
            return False
        if root.dep_ in MODIFIER_DEPS and root.head.lower_ in kb.non_actor_heads:
            return False
    return True


def _hyphen_modifier(doc: Doc, piece: Piece) -> bool:
    """ "US-influenced", "Beijing-sponsored", "anti-Taliban", "pro-US": a modifier, no agent."""
    if piece.end + 1 < len(doc) and doc[piece.end].text == "-":
        follower = doc[piece.end + 1]
        if follower.is_lower and follower.lower_ not in LEADING_WORDS:
            return True
    if piece.start >= 2 and doc[piece.start - 1].text == "-":
        return doc[piece.start - 2].lower_ in ("anti", "pro", "non")
    return piece.start >= 1 and doc[piece.start - 1].lower_ in ("anti-", "pro-")


def group_pieces(doc: Doc, pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces of one noun phrase, joined when the parse links them across a small gap."""
    parsed = doc.has_annotation("DEP")
    # A doc may be parsed only in the sentences worth it; judge each piece by its own tokens.
    actor_words = {i for p in pieces if p.kind != "non_actor" for i in range(p.start, p.end)}
    groups: list[list[Piece]] = []
    for piece in pieces:
        here_parsed = parsed and bool(doc[piece.start].dep_)
        if groups and _joins(doc, groups[-1], piece, here_parsed, actor_words):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _joins(doc: Doc, group: list[Piece], piece: Piece, parsed: bool, actor_words: set[int]) -> bool:
    """Whether ``piece`` continues the noun phrase of ``group``.

    Without a parse only a possessive may separate them. With one, both must
    end in the same head noun, itself an actor word (or one modify the other); words between them
    may be modifiers of that noun ("CIA [director] William Burns"), never the
    noun itself ("Russia's [invasion] of Ukraine").
    """
    gap = doc[group[-1].end : piece.start]
    if len(gap) > 3:
        return False
    if _led_by(gap, group[-1], piece):
        return True
    if not parsed:
        return all(t.text in GAP_WORDS and t.text not in ("of", "the") for t in gap)
    lo, hi = group[0].start, piece.end
    here = doc[group[-1].start : group[-1].end].root
    there = doc[piece.start : piece.end].root
    head = _phrase_head(there)
    if any(t.i == head.i or t.tag_ not in GAP_TAGS | NOUN_TAGS for t in gap):
        return False
    if not _chain_stays_inside(there, head, range(lo, hi), actor_words):
        return False
    if any(t.tag_ == "IN" and not _linking_preposition(t, group, piece) for t in gap):
        return False
    head_is_actor = head.i in actor_words
    if _phrase_head(here).i == head.i and (head_is_actor or piece.kind == "role"):
        return True
    if not all(t.tag_ in GAP_TAGS or t.text in GAP_WORDS for t in gap):
        return False
    return _reaches(here, there, lo, hi) or _reaches(there, here, lo, hi)


def _led_by(gap: Span, last: Piece, piece: Piece) -> bool:
    """ "Vietnamese-led forces", "US-led coalition": the country leads, so the body is its."""
    words = [t.lower_ for t in gap]
    return (
        len(words) == 2
        and words[0] == "-"
        and words[1] in LEADING_WORDS
        and last.kind in COUNTRY_KINDS
        and piece.kind == "role"
    )


def _linking_preposition(token: Token, group: list[Piece], piece: Piece) -> bool:
    """ "of" links any noun phrase; "from" people to their country ("troops from Chad");
    "in" only a civilian body to its country ("a court in Guyana"), since troops in a
    country are as often foreign as its own; a city or capital
    only the people who live there ("protesters in Basra"), since officials in a capital are
    as often foreign envoys."""
    last = group[-1]
    if token.lower_ == "of":
        return last.kind not in COUNTRY_KINDS
    if token.lower_ == "from":
        # "doctors from Sweden", "troops from Chad": people from a country are its own.
        return last.word is not None and piece.kind in COUNTRY_KINDS
    if token.lower_ != "in" or last.word is None or last.word.kind == "diplomatic":
        return False
    if piece.kind == "capital":
        return last.word.role in LOCAL_ROLES
    return last.word.role != "MIL" and piece.kind == "country"


def _phrase_head(token: Token) -> Token:
    """The noun a modifier chain ends in: "Pakistan" → "minister" → "Khan"; "of X" → its noun."""
    while token.head.i != token.i:
        head = token.head
        if token.dep_ in CHAIN_DEPS and head.pos_ in ("NOUN", "PROPN"):
            token = head
        elif (
            token.dep_ == "pobj"
            and head.lower_ in ("of", "in")
            and head.head.i != head.i
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            token = head.head
        else:
            break
    return token


def _chain_stays_inside(token: Token, head: Token, span: range, actor_words: set[int]) -> bool:
    """Whether the way up to ``head`` crosses no noun that is neither in the phrase nor an
    actor word ("bombers of the U.S. [airliner]" must not make the bombers American)."""
    while token.i != head.i:
        token = token.head
        outside = token.i not in span and token.i not in actor_words
        if token.i != head.i and token.pos_ in ("NOUN", "PROPN") and outside:
            return False
    return True


def _reaches(token: Token, target: Token, lo: int, hi: int) -> bool:
    """Whether ``target`` is an ancestor of ``token`` without leaving ``[lo, hi)``."""
    while lo <= token.i < hi:
        if token.i == target.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
