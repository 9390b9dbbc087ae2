"""Tests of the ``self-centered`` rule beyond its own examples (checker/rules/*/self_centered.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings


def test_self_centered_covers_the_trimmed_post_and_counts() -> None:
    text = (
        "  I just launched my new course and I am so proud of what I built. My students love "
        "it and I think my best work is yet to come.\n"
    )
    (f,) = findings(text, "self-centered")
    assert text[f.start : f.end] == text.strip()
    assert f.message.startswith("7 of these 29 words")


def test_self_centered_needs_enough_words() -> None:
    assert not findings("I did it! I ran my first 10K, my way.", "self-centered")


@pytest.mark.parametrize(
    "text",
    [
        "My new album is out, my fourth. I wrote it alone and I think it is my best yet. "
        "My fans will love it.",
        "We are the leading agency in the county. Our designers are the best and our "
        "prices are the fairest, and we never cut corners.",
        "I built my own CMS on my own server with my own CSS, and I did it better than "
        "anyone would.",
    ],
)
def test_self_promotion_with_possessed_others_is_flagged(text: str) -> None:
    assert findings(text, "self-centered")


@pytest.mark.parametrize(
    "text",
    [
        "I was diagnosed with diabetes in May. I've taken my time to share it, and I'm "
        "doing fine, and I'm still on my bike every morning.",
        "I graduated today! First in my family to go to university, and I'm still in my gown.",
        "We moved into our first house today. Our kettle works, our boiler doesn't.",
    ],
)
def test_personal_news_passes(text: str) -> None:
    assert not findings(text, "self-centered")


def test_a_short_post_needs_a_boast_to_be_all_about_oneself() -> None:
    assert findings("My work. My style. My rules. I am the best.", "self-centered")
    assert not findings("My tea, my sofa, my blanket, my evening.", "self-centered")


def test_we_inside_a_quotation_is_not_the_writers_voice() -> None:
    text = 'Our coach after the match: "we ran, we fought, we never stopped, we earned it"'
    assert not findings(text, "self-centered")
