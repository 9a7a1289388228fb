"""Names in odd case: any case for names, only as written for acronyms and common words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import Mention

FindMentions = Callable[..., tuple[list[Mention], list[str]]]

DAY = date(2024, 3, 1)

pytestmark = pytest.mark.model


def _codes(find: FindMentions, text: str) -> dict[str, str]:
    mentions, heads = find(text, DAY)
    return {head: mention.actor.code for mention, head in zip(mentions, heads, strict=True)}


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Prime minister modi toured the flooded districts.", "modi", "INDGOV"),
        ("Angry kenyan farmers blocked the highway.", "farmers", "KENCVL"),
        ("KENYA RECALLS ITS ENVOY TO SOMALIA", "KENYA", "KEN"),
        ("Police in nAIROBI arrested twelve people.", "Police", "KENCOP"),
    ],
)
def test_names_are_found_in_any_case(find: FindMentions, text: str, head: str, code: str) -> None:
    assert _codes(find, text)[head] == code


@pytest.mark.parametrize(
    "text",
    [
        "They served turkey, rice and chad bread to us.",
        "Families let the polish dry before the labour began.",
        "The rebels fight for a strict Islamic state in the north.",
    ],
)
def test_acronyms_and_common_words_match_only_as_written(find: FindMentions, text: str) -> None:
    assert not {"TUR", "TCD", "USA", "POL", "GBR", "IMG"} & {
        code[:3] for code in _codes(find, text).values()
    }
