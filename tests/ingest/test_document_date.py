"""find_document_date: dateline dates near the top, nothing misread from the body."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.ingest.dates import find_document_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, May 24, 2022 - Talks began.", date(2022, 5, 24)),
        ("KYIV, 24 May 2022 (Reuters) - Shelling resumed.", date(2022, 5, 24)),
        ("Posted 2022-05-24 by the desk. Talks began.", date(2022, 5, 24)),
        ("ISLAMABAD, Sept. 8, 2022 - Floods.", date(2022, 9, 8)),
        ("Published on 3rd March, 2023. Turkish officials said.", date(2023, 3, 3)),
        ("NAIROBI, FEBRUARY 14, 2024 - Kenya deployed troops.", date(2024, 2, 14)),
        ("Updated Dec 1 2023: Manila protested.", date(2023, 12, 1)),
    ],
)
def test_dateline_forms(text: str, expected: date) -> None:
    assert find_document_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The $60 billion corridor has stalled, officials said.",
        "Talks were held in May and again in 2022.",
        "The truce began on May 24 and held for a week.",
        "Officials met on February 30, 2023, a date that does not exist.",
        "The treaty of 1951 binds both sides.",
        "Version 2022-05-241 of the file.",
        "",
    ],
)
def test_no_full_date(text: str) -> None:
    assert find_document_date(text) is None


def test_only_the_top_of_the_text_counts() -> None:
    text = "Talks resumed. " * 40 + "The deal was signed on May 24, 2022."
    assert find_document_date(text) is None


def test_first_date_wins() -> None:
    text = "LONDON, 2 June 2023 - The report, dated May 30, 2023, said talks failed."
    assert find_document_date(text) == date(2023, 6, 2)
