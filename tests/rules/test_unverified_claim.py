"""Tests of the ``unverified-claim`` rule beyond its own examples (checker/rules/*/unverified_claim.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans


def test_unverified_points_at_the_rumour_phrase() -> None:
    text = "Watch before they delete it!!! The water is fine, they say."
    assert spans(text, "unverified-claim") == ["before they delete it"]


def test_unverified_breaking_needs_to_open_a_clause() -> None:
    assert spans("🚨 BREAKING: bridge closed", "unverified-claim") == ["BREAKING"]
    assert not findings("STOP BREAKING THE BUILD", "unverified-claim")
    assert not findings("This is breaking news to nobody.", "unverified-claim")


def test_unverified_death_news_is_quiet_with_a_link_or_in_a_reply() -> None:
    text = "RIP Marcus Lane, gone too soon."
    assert findings(text, "unverified-claim")
    assert not findings(text + " https://example.com/obituary", "unverified-claim")
    assert not findings("@ana RIP Marcus Lane, so sorry.", "unverified-claim", kind="reply")


def test_unverified_death_of_family_is_not_news() -> None:
    for text in ("RIP Grandma, the best baker I knew.", "Rest in peace, Uncle Joe."):
        assert not findings(text, "unverified-claim"), text


def test_unverified_died_points_at_the_name_and_the_verb() -> None:
    assert spans("Sad day. Sam Rivera has died.", "unverified-claim") == ["Rivera has died"]
    assert spans("Sam Rivera dies at 78", "unverified-claim") == ["dies at 78"]


def test_unverified_rumour_lines_flag_even_with_a_link() -> None:
    text = "The media won't tell you this https://example.com/x"
    assert spans(text, "unverified-claim") == ["media won't tell"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("My aunt is a nurse at St Mary's and told me they're closing two wards.", None),
        ("A teacher I know said the exams are being moved to July.", "A teacher I know said"),
        ("Sources inside the club confirm the coach is leaving.", "Sources inside"),
        ("Rumour has it the factory is closing. Spread the word.", "Rumour has it"),
        ("I've heard that the bridge will be shut all summer, tell everyone", "I've heard that"),
        ("Leaked email shows the school merger is going ahead", "Leaked email shows"),
    ],
)
def test_hearsay_frames_in_other_words(text: str, span: str | None) -> None:
    found = spans(text, "unverified-claim", platform="facebook")
    assert found and (span is None or found[0] == span)


@pytest.mark.parametrize(
    "text",
    [
        "My aunt is a nurse and says the night shifts are the hardest part. Respect to her.",
        "I heard a great talk on soil health today; the slides are online.",
        "Rumour has it that cake is in the kitchen: https://example.org/office-wiki",
        "Sources close to the story told the BBC: https://example.org/bbc-report",
        "Apparently I snore. My partner recorded it as proof.",
        "My grandmother has died, aged 96. She taught me to swim.",
    ],
)
def test_near_misses_of_hearsay_pass(text: str) -> None:
    assert not findings(text, "unverified-claim", platform="facebook")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("A very reliable source says the depot shuts next month.", "very reliable source says"),
        ("Forward this to all your contacts before midnight!", "Forward this to all your contacts"),
        ("Meta does not have my permission to use my photos.", "Meta does not have my permission"),
        ("Save it before this video gets scrubbed.", "before this video gets scrubbed"),
    ],
)
def test_unverified_claim_knows_reworded_frames(text: str, span: str) -> None:
    assert span in spans(text, "unverified-claim")[0]


@pytest.mark.parametrize(
    "text",
    [
        "I was told by my GP to rest for a week.",
        "Why is nobody talking about how good this pie is?",
        "The news won't report it, but we finally fixed the shed door.",
        "The printer died?? Again?? It has been with me my whole twenties.",
        "Don't answer the door to cold callers. https://example.org/police-advice",
    ],
)
def test_unverified_claim_plain_senses_pass(text: str) -> None:
    assert not findings(text, "unverified-claim")
