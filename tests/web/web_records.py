"""Hand-made, realistic coded documents for the web tests, written with Store.write.

Offsets are computed from the text, so mentions and cues land exactly on the
words they name. One document carries XSS payloads in its title, URL, text
and actor names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.ontology.cameo import lookup
from realpolitik.records import Actor, CodedDocument, Event
from realpolitik.store import Store

XSS_TITLE = "<script>alert('title')</script>Talks resume"
XSS_URL = "javascript:alert(document.cookie)"
XSS_NAME = "<img src=x onerror=alert('name')>"
XSS_TEXT = '<script>alert("text")</script>'

ACTORS = {
    "PAKGOV": ("Pakistan", "PAK", "GOV"),
    "USAGOV": ("United States", "USA", "GOV"),
    "INDMIL": ("Indian Army", "IND", "MIL"),
    "CHNMIL": ("People's Liberation Army", "CHN", "MIL"),
    "INDGOV": ("India", "IND", "GOV"),
    "CHNGOV": ("China", "CHN", "GOV"),
    "IGOIMF": ("International Monetary Fund", None, "IGO"),
    "XSSGOV": (XSS_NAME, "XSS", "GOV"),
}


@dataclass
class Spec:
    """One event: the sentence, the actors' words in it, the cue word and the code."""

    sentence: int
    source: tuple[str, str]
    target: tuple[str, str] | None
    cue: str
    cameo: str
    mode: str = "asserted"
    date: str | None = None
    attribution: dict[str, Any] | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)


def _actor(text: str, code: str) -> Actor:
    name, country, role = ACTORS[code]
    return Actor(text=text, name=name, code=code, country=country, role=role)


def coded_document(
    doc_id: str, title: str, url: str, published: dt.date, sentences: list[str], specs: list[Spec]
) -> CodedDocument:
    text = " ".join(sentences)
    bounds = []
    position = 0
    for sentence in sentences:
        bounds.append((position, position + len(sentence)))
        position += len(sentence) + 1
    events, mentions = [], []
    for spec in specs:
        start, end = bounds[spec.sentence]
        words = text[start:end]
        cue_at = start + words.index(spec.cue)
        row = lookup(spec.cameo)
        actors = [spec.source] + ([spec.target] if spec.target else [])
        for actor_text, code in actors:
            at = start + words.index(actor_text)
            mention = {
                "sentence_index": spec.sentence,
                "start": at,
                "end": at + len(actor_text),
                "text": actor_text,
                "name": ACTORS[code][0],
                "code": code,
                "country": ACTORS[code][1],
                "role": ACTORS[code][2],
                "kind": "name",
            }
            if mention not in mentions:
                mentions.append(mention)
        events.append(
            Event(
                doc_id=doc_id,
                sentence_index=spec.sentence,
                sentence=words,
                evidence={"start": start, "end": end},
                source=_actor(*spec.source),
                target=_actor(*spec.target) if spec.target else None,
                cameo=row.code,
                root=row.root,
                label=row.label,
                quad_class=row.quad_class,
                goldstein=row.goldstein,
                plover=row.plover,
                mode=spec.mode,
                date=spec.date or published.isoformat(),
                attribution=spec.attribution,
                quantities=spec.quantities,
                confidence=0.8,
                cue={"text": spec.cue, "start": cue_at, "end": cue_at + len(spec.cue)},
            )
        )
    return CodedDocument(
        doc_id=doc_id,
        clean_text=text,
        events=events,
        date=published,
        title=title,
        url=url,
        sentences=[
            {"index": i, "start": s, "end": e, "text": text[s:e]} for i, (s, e) in enumerate(bounds)
        ],
        mentions=sorted(mentions, key=lambda m: m["start"]),
    )


def documents() -> list[CodedDocument]:
    pak_us = coded_document(
        "pk-us-2022",
        "Pakistan and US look past the conspiracy row",
        "https://news.example/pk-us-2022",
        dt.date(2022, 5, 20),
        [
            "Pakistani Foreign Minister Bilawal Bhutto Zardari met US Secretary of State "
            "Antony Blinken in New York on Wednesday.",
            "Washington denied the conspiracy allegations made by Imran Khan.",
            "Islamabad said the IMF could release $8 billion in loans if reforms continue, "
            "Pakistani diplomatic sources said.",
            "Pakistan did not sign the proposed trade pact with Washington.",
        ],
        [
            Spec(
                0,
                ("Bilawal Bhutto Zardari", "PAKGOV"),
                ("Antony Blinken", "USAGOV"),
                "met",
                "040",
                date="2022-05-18",
            ),
            Spec(
                1,
                ("Washington", "USAGOV"),
                ("Imran Khan", "PAKGOV"),
                "denied",
                "016",
                mode="denied",
                date="2022-05",
            ),
            Spec(
                2,
                ("IMF", "IGOIMF"),
                ("Islamabad", "PAKGOV"),
                "release",
                "071",
                mode="hypothetical",
                attribution={"text": "Pakistani diplomatic sources", "anonymous": True},
                quantities=[{"text": "$8 billion", "value": 8_000_000_000, "currency": "USD"}],
            ),
            Spec(
                3, ("Pakistan", "PAKGOV"), ("Washington", "USAGOV"), "sign", "057", mode="negated"
            ),
        ],
    )
    pak_us_earlier = coded_document(
        "pk-us-2022-03",
        "Khan accuses Washington of plotting his ouster",
        "https://news.example/pk-us-2022-03",
        dt.date(2022, 3, 28),
        ["Imran Khan accused Washington of backing a plot to remove him."],
        [Spec(0, ("Imran Khan", "PAKGOV"), ("Washington", "USAGOV"), "accused", "112")],
    )
    border = coded_document(
        "ind-chn-2022",
        "Clash on the Line of Actual Control",
        "http://news.example/ind-chn",
        dt.date(2022, 12, 12),
        [
            "Chinese troops clashed with the Indian Army in Arunachal Pradesh on Friday.",
            "India criticised China over the incursion.",
        ],
        [
            Spec(0, ("Chinese troops", "CHNMIL"), ("Indian Army", "INDMIL"), "clashed", "193"),
            Spec(1, ("India", "INDGOV"), ("China", "CHNGOV"), "criticised", "111"),
        ],
    )
    hostile = coded_document(
        "xss-doc",
        XSS_TITLE,
        XSS_URL,
        dt.date(2022, 6, 1),
        [
            f"Officials {XSS_TEXT} met Pakistan envoys in Lahore.",
        ],
        [Spec(0, ("Officials", "XSSGOV"), ("Pakistan", "PAKGOV"), "met", "040")],
    )
    return [pak_us, pak_us_earlier, border, hostile]


def build_store(path: Path) -> Path:
    """A real store file holding :func:`documents`."""
    with Store(path) as store:
        for coded in documents():
            digest = hashlib.sha256(coded.clean_text.encode("utf-8")).hexdigest()
            store.write(coded, content_hash=digest, origin=f"tests/web:{coded.doc_id}")
    return path
