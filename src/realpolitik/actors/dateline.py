"""The dateline opening a wire story: "KABUL, May 3 (Reuters) -", "LYON:".

A dateline says where the story was filed, not who acted: the parser reads
"WASHINGTON (Reuters) - Police arrested two men" as if Washington had done
the arresting. Its words are therefore never actors, and its place is the
story's own: a bare "police" or "the government" the text does not place
otherwise is most often that country's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.matching import PieceFinder

# A dateline is short: place, optional ", region" or date, optional "(Agency)".
MAX_TOKENS = 14
DASHES = frozenset({"-", "--", "—", "–"})
SEPARATORS = DASHES | {":"}
PLACE_JOINERS = frozenset({"/", "-", ".", "'"})
PLACE_KINDS = ("country", "capital")


@dataclass(frozen=True, slots=True)
class Dateline:
    """``end``: the first token after the dateline (0 when the doc does not hold it);
    ``country``: the one country its place names, if any."""

    end: int
    country: str | None


def find_dateline(doc: Doc, finder: PieceFinder) -> Dateline | None:
    """The dateline at the very start of ``doc``, or None.

    It is a place in capitals ("KABUL", "GAZA CITY", "BEIRUT/DAMASCUS"), then
    optionally a comma with a region or date ("GAZA CITY, Palestinian
    Territories", "KABUL, May 3") and an agency in brackets ("(Reuters)"),
    closed by a colon or a dash. Capitals alone ("NATO said ...") are no
    dateline: the separator must follow within a few tokens, with no verb
    before it. Two countries in the place ("BEIRUT/DAMASCUS") name none.
    """
    window = doc[:MAX_TOKENS]
    place_end = _capitals_end(window)
    if place_end == 0:
        return None
    separator = next((t for t in window[place_end:] if t.text in SEPARATORS), None)
    if separator is None or any(_breaks_dateline(t) for t in doc[place_end : separator.i]):
        return None
    end = separator.i + 1
    # "CEBU CITY: -- The mayor ...": a dash right after the colon belongs to it.
    if end < len(doc) and separator.text == ":" and doc[end].text in DASHES:
        end += 1
    if end >= len(doc):
        return None
    head = doc[: separator.i].as_doc()
    countries = {
        piece.target.entry.country
        for piece in finder.raw_pieces(head)
        if piece.kind in PLACE_KINDS and piece.target is not None and piece.target.entry.country
    }
    return Dateline(end, next(iter(countries)) if len(countries) == 1 else None)


def _capitals_end(window: Span) -> int:
    """The end of the opening run of words in capitals, joined by "/", "-" or "." (0 when
    there is none, or when its words are all short: "UN" or "US" open prose too)."""
    end = 0
    long_word = False
    for token in window:
        if token.is_alpha and token.is_upper:
            long_word = long_word or len(token) > 2
            end = token.i + 1
        elif token.text not in PLACE_JOINERS:
            break
    return end if long_word else 0


def _breaks_dateline(token: Token) -> bool:
    """A verb or a sentence end between the place and its separator: that is prose."""
    return token.pos_ in ("VERB", "AUX") or token.text in (".", "!", "?")
