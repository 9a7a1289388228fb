"""End to end: the coder on the sample article, and what every event must hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from realpolitik import code_text
from realpolitik.records import CodedDocument

pytestmark = pytest.mark.model

SCHEMA_FIELDS = {
    "doc_id", "sentence_index", "sentence", "evidence", "source", "target", "cameo", "root",
    "label", "quad_class", "goldstein", "plover", "mode", "date", "date_text", "location",
    "attribution", "quantities", "confidence",
}


@pytest.fixture(scope="module")
def sample(shared_dir: Path) -> CodedDocument:
    text = (shared_dir / "samples" / "pakistan-us-convergence-2022.txt").read_text("utf-8")
    return code_text(text, doc_id="pk-us-2022", doc_date=date(2022, 5, 24))


def _in_sentence(coded: CodedDocument, words: str) -> list[dict]:
    return [e.to_dict() for e in coded.events if words in e.sentence]


def test_bilawal_blinken_meeting_is_a_pakistan_us_consultation(sample: CodedDocument) -> None:
    meetings = [
        e for e in _in_sentence(sample, "met with US Secretary of State")
        if e["root"] == "04" and e["mode"] == "asserted"
    ]
    assert meetings, "the meeting of May 17 was not coded"
    meeting = meetings[0]
    assert meeting["source"]["country"] == "PAK"
    assert meeting["target"]["country"] == "USA"
    assert meeting["date"] == "2022-05-17"
    assert meeting["plover"] == "CONSULT"


def test_no_such_assurances_is_not_asserted(sample: CodedDocument) -> None:
    to_pakistan = [
        e for e in _in_sentence(sample, "made no such assurances")
        if e["mode"] == "asserted" and (e["target"] or {}).get("country") == "PAK"
    ]
    assert to_pakistan == []


def test_hypothetical_conduit_is_not_asserted(sample: CodedDocument) -> None:
    assert all(
        e["mode"] != "asserted" for e in _in_sentence(sample, "could serve as a conduit")
    )


def test_every_event_has_the_schema_fields_and_true_offsets(sample: CodedDocument) -> None:
    assert len(sample.events) >= 8
    for event in sample.events:
        record = event.to_dict()
        assert set(record) >= SCHEMA_FIELDS
        start, end = record["evidence"]["start"], record["evidence"]["end"]
        evidence = sample.clean_text[start:end]
        assert " ".join(evidence.split()) in record["sentence"]
        cue = record["cue"]
        assert sample.clean_text[cue["start"] : cue["end"]] == cue["text"]
        assert record["source"]["code"]
        assert record["quad_class"] in {1, 2, 3, 4}


def test_sentences_and_mentions_point_into_the_clean_text(sample: CodedDocument) -> None:
    for sentence in sample.sentences:
        assert sample.clean_text[sentence["start"] : sentence["end"]] == sentence["text"]
    for mention in sample.mentions:
        assert sample.clean_text[mention["start"] : mention["end"]] == mention["text"]


def test_a_sentence_without_a_cue_yields_nothing() -> None:
    coded = code_text("Pakistan and the United States are countries with long coastlines.")
    assert coded.events == []


def test_another_language_is_skipped() -> None:
    coded = code_text(
        "Le président français a rencontré le chancelier allemand à Berlin mardi pour "
        "discuter de la guerre en Ukraine et de l'aide militaire européenne."
    )
    assert coded.status == "skipped"
    assert "not English" in (coded.error or "")


def test_a_dateline_places_a_story_whose_lead_is_not_parsed() -> None:
    coded = code_text(
        "KABUL (Reuters) - It was a quiet morning. Police arrested three protesters on Sunday."
    )
    assert all(not m["text"].startswith("KABUL") for m in coded.mentions)
    police = next(m for m in coded.mentions if m["text"] == "Police")
    assert police["code"] == "AFGCOP"
