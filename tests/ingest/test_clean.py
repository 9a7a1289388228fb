"""clean_text: each repair rule on a small real case, and the sample PDF article."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.ingest.clean import clean_text

DATA = Path(__file__).parents[1] / "data"
SAMPLE = Path("/work/shared/samples/pakistan-us-convergence-2022.txt")

WRAPPED = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed\n"
    "in Nairobi on Monday to discuss security along the border between the\n"
    "two countries, officials said."
)


def test_joins_hard_wrapped_lines_inside_a_sentence() -> None:
    assert clean_text(WRAPPED) == WRAPPED.replace("\n", " ")


def test_blank_lines_separate_paragraphs() -> None:
    text = "Troops left the town on Friday.\n\n\n  \nAid convoys arrived on Saturday."
    assert clean_text(text) == "Troops left the town on Friday.\n\nAid convoys arrived on Saturday."


def test_short_line_ending_a_sentence_ends_the_paragraph() -> None:
    text = (
        WRAPPED
        + "\nTalks resumed later.\nThe army withdrew from the border on Tuesday after the talks."
    )
    paragraphs = clean_text(text).split("\n\n")
    assert paragraphs[0] == WRAPPED.replace("\n", " ")
    assert len(paragraphs) >= 2


def test_indented_line_after_a_sentence_starts_a_paragraph() -> None:
    text = (
        "The army withdrew from the border town on Tuesday, the ministry said.\n"
        " A spokesman for the rebels said the group would not attack the town again."
    )
    assert clean_text(text).count("\n\n") == 1


def test_long_unwrapped_lines_stay_separate_paragraphs() -> None:
    first = "The envoy met the president in Kinshasa on Monday. " * 6
    second = "Rwanda rejected the accusation on Tuesday. " * 6
    cleaned = clean_text(f"{first.strip()}\n{second.strip()}")
    assert cleaned == f"{first.strip()}\n\n{second.strip()}"


def test_heading_line_is_its_own_paragraph() -> None:
    text = "Sudan truce signed\n" + WRAPPED
    assert clean_text(text).split("\n\n")[0] == "Sudan truce signed"


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        ("the govern-\nment said", "the government said"),
        ("a no-\nconfidence motion", "a no-confidence motion"),
        ("a Beijing-\nsponsored institute", "a Beijing-sponsored institute"),
        ("the so-\ncalled camps", "the so-called camps"),
        ("a self-\ndeclared state", "a self-declared state"),
        ("the anti-\nTaliban front", "the anti-Taliban front"),
        ("a US-\nbacked loan", "a US-backed loan"),
        ("the 2021-\n22 budget", "the 2021-22 budget"),
        ("a mass pro-\ntest on Friday", "a mass protest on Friday"),
        ("a conservative esti-\nmate", "a conservative estimate"),
    ],
)
def test_hyphen_at_line_end(wrapped: str, joined: str) -> None:
    assert clean_text(wrapped) == joined


def test_document_spelling_decides_an_ambiguous_hyphen() -> None:
    text = "Calls for re-engagement grew. Officials backed re-\nengagement with Kabul."
    assert (
        clean_text(text)
        == "Calls for re-engagement grew. Officials backed re-engagement with Kabul."
    )


def test_dash_at_line_end_keeps_its_space() -> None:
    assert (
        clean_text("Pakistan –\nincluding the army – agreed.")
        == "Pakistan – including the army – agreed."
    )


def test_bullets_start_paragraphs_but_a_dash_at_line_start_does_not() -> None:
    text = (
        "Fighters led by two commanders with ties to the West\n"
        "– namely two former ministers – took the valley.\n"
        "• Talks will resume in Doha on Friday, officials said in a statement."
    )
    assert clean_text(text) == (
        "Fighters led by two commanders with ties to the West – namely two former ministers – "
        "took the valley.\n\n• Talks will resume in Doha on Friday, officials said in a statement."
    )


def test_spaces_and_tabs_collapse_and_lines_are_stripped() -> None:
    assert clean_text("  The  army\t\tsaid  it   withdrew.  ") == "The army said it withdrew."


def test_windows_line_endings() -> None:
    assert (
        clean_text("The army\r\nwithdrew.\r\n\r\nTalks began.")
        == "The army withdrew.\n\nTalks began."
    )


@pytest.mark.parametrize(
    "caption",
    [
        "Image: Screengrab / NDTV",
        "Photo: Reuters",
        "Photograph: Staff",
        "Credit: AFP",
        "(Photo by Jane Doe/AFP)",
        "Featured image: The minister at a press conference in Islamabad.",
    ],
)
def test_caption_paragraph_is_dropped(caption: str) -> None:
    text = f"Troops left the town.\n\nThe minister speaks to reporters. {caption}\n\nTalks began."
    assert clean_text(text) == "Troops left the town.\n\nTalks began."


def test_caption_glued_to_a_paragraph_is_dropped_with_its_first_line() -> None:
    text = (
        "Anjum's visit focused on the security situation in Afghanistan and\n"
        "the emergence of new armed groups.\n"
        " The spy chiefs reportedly see eye-to-eye on\n"
        "Afghanistan. Image: Screengrab / NDTV\n\n"
        "Those same sources say the visit went well."
    )
    assert clean_text(text) == (
        "Anjum's visit focused on the security situation in Afghanistan and the emergence of "
        "new armed groups.\n\nThose same sources say the visit went well."
    )


def test_the_word_photo_inside_a_sentence_is_not_a_caption() -> None:
    text = "The photo showed troops near the border. Officials said it was taken on Monday."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "furniture",
    [
        "Share this article",
        "Subscribe",
        "Feel free to repost and share widely our articles.",
        "Click to share on Twitter",
        "Follow us on Twitter",
        "*",
        "Advertisement",
        "Read more: Pakistan's economy in crisis",
        "Copyright 2023 Example News. All rights reserved.",
    ],
)
def test_boilerplate_lines_are_dropped(furniture: str) -> None:
    text = f"Troops left the town.\n\n{furniture}\n\nTalks began."
    assert clean_text(text) == "Troops left the town.\n\nTalks began."


def test_sentence_starting_like_boilerplate_is_kept() -> None:
    text = "Related talks were held in Doha on Monday, officials said."
    assert clean_text(text) == text


def test_non_ascii_and_curly_quotes_are_kept() -> None:
    text = (DATA / "non_ascii.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text)
    for name in ("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy", "São Paulo", "“a priority”", "—"):
        assert name in cleaned


def test_empty_text() -> None:
    assert clean_text("") == ""
    assert clean_text("\n\n  \n") == ""


def test_hyphenated_pdf_text_from_test_data() -> None:
    cleaned = clean_text((DATA / "hyphenated.txt").read_text(encoding="utf-8"))
    assert "the government would ask" in cleaned
    assert "between the two NATO members" in cleaned
    assert "a no-confidence motion" in cleaned
    assert "a conservative estimate" in cleaned
    assert "the so-called container cities" in cleaned
    assert "  " not in cleaned
    assert all("\n" not in paragraph for paragraph in cleaned.split("\n\n"))


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample article not present")
def test_sample_article() -> None:
    cleaned = clean_text(SAMPLE.read_text(encoding="utf-8"))
    assert "  " not in cleaned
    assert "Image:" not in cleaned
    assert "Feel free to repost" not in cleaned
    assert "no-confidence motion" in cleaned
    assert "see eye-to-eye" not in cleaned
    assert "met this month in Washington with top officials" in cleaned
    for paragraph in cleaned.split("\n\n"):
        assert "\n" not in paragraph
        assert paragraph == paragraph.strip()
