"""Tests of the ``follower-chasing`` rule beyond its own examples (checker/rules/*/follower_chasing.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest

from checker import check
from checker.config import Config
from checker.model import Finding


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def _spans(rule: str, text: str, platform: str = "x", kind: str = "post") -> list[str]:
    return [text[f.start : f.end] for f in _found(rule, text, platform, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("follow4follow? 🙌", "follow4follow"),
        ("New account, will follow back everyone", "will follow back"),
        ("We'll always follow you back!", "We'll always follow you back"),
        ("Pls follow me back", "follow me back"),
        ("Follow for more tips like this.", "Follow for more"),
        ("Road to 5K followers 🚀", "Road to 5K followers"),
        ("Just 12 followers to go until 500!", "12 followers to go"),
        ("We have over 20,000 followers, so trust us on this.", "We have over 20,000 followers"),
    ],
)
def test_chasing_is_flagged_on_its_words(text: str, span: str) -> None:
    assert _spans("follower-chasing", text) == [span]


@pytest.mark.parametrize("tag", ["#TeamFollowBack", "#F4F", "#followtrain", "#Like4Like"])
def test_follow_for_follow_hashtags_are_flagged(tag: str) -> None:
    assert _spans("follower-chasing", f"Sunny day in Lisbon {tag}", "instagram") == [tag]


@pytest.mark.parametrize(
    "text",
    [
        "We have 300 followers and every one of them is a real neighbour.",
        "Thank you for 10K followers! Your questions shape every episode.",
        "Should you follow back everyone who follows you? I don't think so.",
        "She asked me to follow up on the invoice and follow it back to the supplier.",
        "Follow the river path for about a mile, then turn left at the mill.",
        "Road to 10K: my running diary, week 6.",
    ],
)
def test_milestones_and_plain_follow_pass(text: str) -> None:
    assert _found("follower-chasing", text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Followed by over 50k people, so listen: hooks matter.", "Followed by over 50k people"),
        ("I have now 12.000 followers and here is my advice", "I have now 12.000 followers"),
        ("20k people follow me for a reason.", "20k people follow me"),
        ("300 more and we hit 5K! who's in?", "300 more and we hit 5K"),
        ("sub 4 sub? drop ur channels below and ill subscribe", "sub 4 sub"),
        ("Follow me and I'll follow you back 💯", "Follow me and I'll follow"),
    ],
)
def test_follower_counts_and_deals_in_other_words(text: str, span: str) -> None:
    assert _spans("follower-chasing", text)[0] == span


@pytest.mark.parametrize(
    "text",
    [
        "The study followed 2,000 people for ten years.",
        "Three thousand of you follow the library now. Thank you for the book tips!",
        "I'll follow up with everyone by Friday.",
        "Trying to hit 10k steps a day this month.",
    ],
)
def test_counts_that_are_not_chasing_pass(text: str) -> None:
    assert _found("follower-chasing", text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("About 30k people follow this account, so listen.", "30k people follow this account"),
        ("With a readership of 50,000, we know what works.", "readership of 50,000"),
        ("2,000 followers by Saturday? we're 61 off", "2,000 followers by Saturday"),
    ],
)
def test_follower_chasing_knows_counts_without_my(text: str, span: str) -> None:
    assert [text[f.start : f.end] for f in _found("follower-chasing", text)] == [span]


def test_a_small_audience_is_not_a_credential() -> None:
    assert not _found("follower-chasing", "Our audience of 40 at the gig was lovely.")
