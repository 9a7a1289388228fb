"""The coder end to end: documents in, coded documents out.

``Coder`` loads spaCy and the knowledge files once; ``code_documents`` then
streams any number of documents through clean → parse → actors → events,
batched, without holding the corpus in memory. Documents that cannot be read
come out as ``ReadProblem`` in the same stream, so a batch never stops on one
bad document.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from realpolitik.actors import ActorCoder, Mention, load_knowledge_base
from realpolitik.actors.dateline import Dateline
from realpolitik.errors import IngestError
from realpolitik.events.extract import EventExtractor
from realpolitik.events.lexicon import load_lexicon
from realpolitik.ingest.clean import clean_text
from realpolitik.ingest.language import detect_language
from realpolitik.ingest.readers import read_documents
from realpolitik.nlp import NAMES, PARSE, ParsedDocument, load_nlp, parse_stream
from realpolitik.records import CodedDocument, Document, ReadProblem

ENGLISH = "en"
PRONOUN_ACTORS = frozenset({"he", "she", "it", "they", "we"})


class Coder:
    """Everything needed to code text, loaded once per process (or Dask worker)."""

    def __init__(
        self, *, actor_files: Sequence[Path] = (), lexicon_files: Sequence[Path] = ()
    ) -> None:
        self.nlp = load_nlp()
        self.actors = ActorCoder(load_knowledge_base(actor_files), self.nlp.vocab)
        self.extractor = EventExtractor(load_lexicon(lexicon_files))

    def code_documents(
        self, items: Iterable[Document | ReadProblem], *, batch_size: int = 8
    ) -> Iterator[CodedDocument | ReadProblem]:
        """Code each readable document; pass problems and skipped documents through.

        items (Iterable[Document | ReadProblem]): e.g. ``read_documents(paths)``.
        batch_size (int): documents parsed together; 8 keeps memory near 0.4 GB.
        RETURNS (Iterator[CodedDocument | ReadProblem]): one result per item, in
            input order for coded documents; problems come out as soon as met.
        """
        aside: deque[CodedDocument | ReadProblem] = deque()

        def parseable() -> Iterator[tuple[str, Document]]:
            for item in items:
                if isinstance(item, ReadProblem):
                    aside.append(item)
                    continue
                text = clean_text(item.text)
                language = detect_language(text)
                if not text.strip() or language != ENGLISH:
                    aside.append(_skipped(item, text, language))
                    continue
                yield text, item

        stream = parse_stream(self.nlp, parseable(), self.worth_parsing, batch_size=batch_size)
        for parsed, document in stream:
            while aside:
                yield aside.popleft()
            yield self.code_parsed(parsed, document)
        while aside:
            yield aside.popleft()

    def worth_parsing(self, doc: Doc) -> list[int]:
        """How much of the second pass each sentence needs (see ``nlp.parse_stream``).

        A sentence is parsed when it has an act and two actor candidates; one
        whose only cue is a reporting verb ("said", "added") is commentary.
        Pronouns count as candidates, since they may stand for an actor named
        earlier. The entity recogniser runs only where a proper noun is not
        already a known actor, or where a number or currency may be money or
        a date.
        """
        candidates = [0] * len(doc)
        known = [False] * len(doc)
        for start, end in self.actors.candidates(doc):
            candidates[start] = 1
            known[start:end] = [True] * (end - start)
        for token in doc:
            if token.pos_ == "PRON" and token.lower_ in PRONOUN_ACTORS:
                candidates[token.i] = 1
        levels = []
        for sent in doc.sents:
            if sum(candidates[sent.start : sent.end]) < 2 or not self.extractor.has_act(sent):
                levels.append(0)
            elif any(_needs_names(token, known) for token in sent):
                levels.append(NAMES)
            else:
                levels.append(PARSE)
        return levels

    def code_parsed(self, parsed: ParsedDocument, document: Document) -> CodedDocument:
        """Find the actors and events of one parsed document."""
        dateline = self.actors.dateline(parsed.full)
        if dateline is not None and parsed.origins[:1] != [(0, 0)]:
            # The first sentence was not parsed: its dateline still places the story.
            dateline = Dateline(0, dateline.country)
        mentions = self.actors.find(parsed.parsed, document.date, dateline)
        events = self.extractor.extract(
            parsed, mentions, doc_id=document.id, doc_date=document.date
        )
        text = parsed.full.text
        return CodedDocument(
            doc_id=document.id,
            clean_text=text,
            events=events,
            date=document.date,
            title=document.title,
            url=document.url,
            sentences=[
                {"index": i, "start": start, "end": end, "text": text[start:end]}
                for i, (start, end) in enumerate(parsed.sentences)
            ],
            mentions=_mention_records(parsed, mentions),
        )


def _needs_names(token: Token, known: list[bool]) -> bool:
    if token.pos_ == "PROPN":
        return not known[token.i]
    return token.like_num or token.is_currency


def _skipped(document: Document, text: str, language: str) -> CodedDocument:
    reason = "no text after cleaning" if not text.strip() else f"not English (detected {language})"
    return CodedDocument(
        doc_id=document.id,
        clean_text=text,
        events=[],
        date=document.date,
        title=document.title,
        url=document.url,
        language=language,
        status="skipped",
        error=f"{document.origin or document.id}: skipped: {reason}",
    )


def _mention_records(parsed: ParsedDocument, mentions: list[Mention]) -> list[dict[str, Any]]:
    """Mentions with offsets into the full cleaned text."""
    doc = parsed.parsed
    records = []
    for mention in mentions:
        span = doc[mention.start : mention.end]
        actor = mention.actor
        sentence_index, shift = parsed.origin_of(mention.start)
        records.append(
            {
                "sentence_index": sentence_index,
                "start": span.start_char + shift,
                "end": span.end_char + shift,
                "text": span.text,
                "name": actor.name,
                "code": actor.code,
                "country": actor.country,
                "role": actor.role,
                "kind": mention.kind,
            }
        )
    return records


_DEFAULT_CODER: Coder | None = None


def default_coder() -> Coder:
    """One shared coder with the package's knowledge only (built on first use)."""
    global _DEFAULT_CODER
    if _DEFAULT_CODER is None:
        _DEFAULT_CODER = Coder()
    return _DEFAULT_CODER


def code_text(
    text: str,
    *,
    doc_id: str = "text",
    doc_date: date | None = None,
    title: str | None = None,
    url: str | None = None,
    coder: Coder | None = None,
) -> CodedDocument:
    """Code one text; the result holds the cleaned text the offsets refer to."""
    document = Document(id=doc_id, text=text, date=doc_date, title=title, url=url, origin=doc_id)
    for result in (coder or default_coder()).code_documents([document]):
        if isinstance(result, CodedDocument):
            return result
    raise IngestError(f"{doc_id}: the text could not be coded", code="E150")


def code_file(
    path: str | Path,
    *,
    doc_date: date | None = None,
    coder: Coder | None = None,
) -> list[CodedDocument | ReadProblem]:
    """Code every document of a file or folder (txt, md, html, pdf, jsonl[.gz])."""
    documents = read_documents([path], default_date=doc_date)
    return list((coder or default_coder()).code_documents(documents))
