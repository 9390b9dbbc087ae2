"""Tests of the ``uncredited-share`` rule beyond its own examples (checker/rules/*/uncredited_share.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans


def test_uncredited_quote_points_at_the_quote_and_counts_its_words() -> None:
    quote = "“Be the kind of person who makes others feel welcome on day one.”"
    (f,) = findings(quote + " So true.", "uncredited-share")
    assert (f.start, f.end) == (0, len(quote))
    assert "13 words" in f.message


@pytest.mark.parametrize(
    "credit",
    [
        " — Maya Angelou",
        " - Maya Angelou",
        " via @maya",
        " h/t @maya",
        " (from @maya)",
        " https://example.com/source",
        " My manager said this on my first day.",
        " As Maya Angelou put it.",
    ],
)
def test_uncredited_quote_passes_with_any_credit(credit: str) -> None:
    text = "“Be the kind of person who makes others feel welcome on day one.”" + credit
    assert not findings(text, "uncredited-share"), credit


def test_uncredited_short_quotes_and_scare_quotes_pass() -> None:
    assert not findings("They call it “best practice”, I call it habit.", "uncredited-share")
    assert not findings('Set "retries" to 3 and "timeout" to 30 seconds.', "uncredited-share")


def test_uncredited_rt_points_at_the_marker_and_rt_if_is_not_a_reshare() -> None:
    assert spans("RT: Good design is honest.", "uncredited-share") == ["RT:"]
    assert not findings("RT if you agree that meetings should be shorter", "uncredited-share")


def test_uncredited_repost_of_your_own_work_passes() -> None:
    assert not findings(
        "Reposting my notes from last week's retro, since several people asked again.",
        "uncredited-share",
    )
    assert spans("Reposting this, it is too good.", "uncredited-share") == ["Reposting"]
    assert not findings("Repost if you agree that meetings are too long", "uncredited-share")


def test_uncredited_anonymous_credit_is_named_in_the_message() -> None:
    (f,) = findings("Beautiful harbour at dusk. Photo: unknown", "uncredited-share")
    assert "Photo: unknown" in f.message and "not a credit" in f.message


def test_uncredited_platform_is_not_a_source() -> None:
    assert findings("Found this on Reddit and laughed for ten minutes.", "uncredited-share")
    assert not findings("Found this talk by Ana Ruiz on Reddit, worth it.", "uncredited-share")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Made me laugh all day 😂 credit to whoever made this!", "credit to whoever made this"),
        ("this edit goes so hard, not mine, creds to whoever made it", "not mine"),
        ("Every tram line Britain ever had. Image from Google.", "Image from Google"),
        ("Copied from my cousin's wall: be kind to the bin crews.", "Copied from my cousin's wall"),
    ],
)
def test_credits_that_name_nobody(text: str, span: str) -> None:
    assert spans(text, "uncredited-share")[0] == span


def test_naming_the_creator_passes() -> None:
    assert not findings("Credit to @inkwell_ana, who drew this loaf of dogs 🍞", "uncredited-share")
    assert not findings(
        "It's not mine to say, but the new bus timetable is better.", "uncredited-share"
    )


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Photo isn't mine, lovely though", "isn't mine"),
        (
            "Somebody posted it in the family group chat and I had to share",
            "Somebody posted it in the family group chat",
        ),
    ],
)
def test_uncredited_share_knows_other_ways_of_not_crediting(text: str, span: str) -> None:
    assert spans(text, "uncredited-share") == [span]


def test_a_deadline_inside_a_quote_is_not_a_credit() -> None:
    text = 'Pinned above my desk: "Ship the small thing by Friday and learn from it, every single week."'
    assert findings(text, "uncredited-share")
