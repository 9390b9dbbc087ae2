"""Tests of the ``engagement-bait`` rule beyond its own examples (checker/rules/*/engagement_bait.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans

from checker import check
from checker.model import Finding


def _found(text: str, platform: str = "x", kind: str = "post") -> list[Finding]:
    report = check(text, platform=platform, kind=kind)
    return [f for f in report.findings if f.rule == "engagement-bait"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Retweet if you remember dial-up 📞", "Retweet if you"),
        ("Share if you agree that Mondays should start at ten.", "Share if you"),
        ("Big news: double tap if you're coming on Friday!", "double tap if you"),
        ("Please like & share so more parents see this.", "like & share"),
        ("Like, comment and share if this was useful!", "Like, comment"),
        ("Tag a friend who still owes you a coffee ☕", "Tag a friend"),
        ("tag someone who needs this today", "tag someone"),
        ("Type AMEN if you believe in second chances", "Type AMEN"),
        ("Comment 'YES' below and I'll send you the template.", "Comment 'YES'"),
        ("Leave a ❤️ if you're team summer", "Leave a ❤"),
        ("New video is up, hit the like button and the bell", "hit the like button"),
        ("Copy and paste this to your wall if you care.", "Copy and paste this to your wall"),
        ("I bet you won't share this.", "bet you won't share"),
    ],
)
def test_bait_is_flagged_on_its_words(text: str, span: str) -> None:
    found = _found(text)
    assert [text[f.start : f.end] for f in found] == [span]
    assert span in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "I'll share if you send me the final version.",
        "We'd like to share if you don't mind: your photo from the walk is lovely.",
        "Happy to retweet if you need more eyes on the job post.",
        "Please share if you can, we're two drivers short for Saturday.",
        "Share if you want, no pressure: the survey stays open until Friday.",
        "Likes and shares are not the same as readers.",
        "Don't tag people in photos they haven't seen.",
        "I hit the like button by accident and now I'm reading his whole timeline.",
        "Comment and share your own onboarding stories below, we'd love to learn from them.",
        "Type NASA into the search box and filter by year.",
        "Leave a ⭐ review if the app helped you.",
        "Tag along with us to the market on Saturday morning.",
        "What would you add to this list? I'm collecting ideas for the next issue.",
    ],
)
def test_near_misses_pass(text: str) -> None:
    assert _found(text) == []


def test_overlapping_patterns_give_one_finding() -> None:
    text = "Like and share if you agree!"
    assert len(_found(text)) == 1


def test_urls_are_not_read_as_words() -> None:
    assert _found("Slides: https://example.org/like-and-share-if-you-agree") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Boost this so every freelancer in your feed sees it.", "Boost this so every"),
        ("Mondays are for coffee. Share it with three friends ☕", "Share it with three"),
        ("Save this for later 📌 you'll thank me", "Save this for later"),
        ("Retweet and follow everyone who retweets. Let's grow!", "Retweet and follow"),
        ("💙 = beach, 💚 = mountains. Vote below!", "💙 = beach"),
        ("pls rt if ur a teacher who's still marking at 11pm", "rt if ur"),
    ],
)
def test_calls_to_spread_in_other_words(text: str, span: str) -> None:
    found = [text[f.start : f.end] for f in _found(text, "x")]
    assert found and found[0] == span


@pytest.mark.parametrize(
    "text",
    [
        "Stolen: a red cargo bike from outside the school. Please share if you live nearby.",
        "Our neighbour Tom, 81, is missing since this morning. Please share; police know.",
        "Boost this if you can: the food bank needs volunteers on Sunday.",
        "We'll share the slides with everyone who came, so people can catch up.",
        "I agree? Not entirely: the second half of the talk lost me.",
    ],
)
def test_community_requests_and_near_misses_pass(text: str) -> None:
    assert _found(text, "facebook") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Like this if you want part two!", "Like this if you"),
        ("Leadership is listening. ♻️ Repost if this resonates.", "Repost if this resonates"),
        ("Tag that friend who never replies 😂", "Tag that friend who"),
    ],
)
def test_engagement_bait_knows_other_verbs_and_shapes(text: str, span: str) -> None:
    assert spans(text, "engagement-bait") == [span]


def test_an_emoji_key_that_asks_nothing_is_not_a_vote() -> None:
    assert not findings("Key: 🌱 for vegan, 🌶️ for spicy.", "engagement-bait", platform="facebook")
