"""The article as HTML, with actor mentions and event cues marked by char offsets.

The text is untrusted: every fragment is escaped on its own before it is
wrapped in markup, so a ``<script>`` in an article stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from realpolitik.web.models import EventView, MentionView, SentenceView


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    event_id: str = ""
    mode: str = ""
    title: str = ""


def _spans(mentions: Sequence[MentionView], events: Sequence[EventView]) -> list[_Span]:
    spans = [
        _Span(m.start_char, m.end_char, "mention", title=f"{m.name or m.text or ''} ({m.code})")
        for m in mentions
        if m.end_char > m.start_char
    ]
    spans += [
        _Span(e.cue_start, e.cue_end, "cue", e.event_id, e.mode, f"{e.cameo} {e.label or ''}")
        for e in events
        if e.cue_start is not None and e.cue_end is not None and e.cue_end > e.cue_start
    ]
    return spans


def _wrap(fragment: str, covering: list[_Span]) -> Markup:
    """One run of text under the same spans: the mention inside, the cue link around it."""
    html = Markup(escape(fragment))
    for span in covering:
        if span.kind == "mention":
            html = Markup('<mark class="mention" title="{}">{}</mark>').format(span.title, html)
        else:
            html = Markup(
                '<a class="cue mode-{}" href="#event-{}" data-event="{}" title="{}">{}</a>'
            ).format(span.mode, span.event_id, span.event_id, span.title, html)
    return html


def _mark_range(text: str, start: int, end: int, spans: list[_Span]) -> Markup:
    inside = [s for s in spans if s.start < end and s.end > start]
    edges = {max(start, min(end, point)) for s in inside for point in (s.start, s.end)}
    cuts = sorted({start, end} | edges)
    parts = []
    for left, right in pairwise(cuts):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        mention_spans = [s for s in covering if s.kind == "mention"][:1]
        cue_spans = [s for s in covering if s.kind == "cue"][:1]
        parts.append(_wrap(text[left:right], mention_spans + cue_spans))
    return Markup("").join(parts)


def highlight(
    text: str,
    sentences: Sequence[SentenceView],
    mentions: Sequence[MentionView],
    events: Sequence[EventView],
) -> Markup:
    """The cleaned article as safe HTML: sentences anchored, mentions and cues marked."""
    spans = _spans(mentions, events)
    parts: list[Markup] = []
    position = 0
    for sentence in sorted(sentences, key=lambda s: s.start_char):
        start, end = max(sentence.start_char, position), min(sentence.end_char, len(text))
        if start >= end:
            continue
        parts.append(_mark_range(text, position, start, spans))
        body = _mark_range(text, start, end, spans)
        parts.append(
            Markup('<span class="sentence" id="sent-{}">{}</span>').format(
                sentence.sentence_index, body
            )
        )
        position = end
    parts.append(_mark_range(text, position, len(text), spans))
    return Markup("").join(parts)
