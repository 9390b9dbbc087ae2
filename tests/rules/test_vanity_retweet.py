"""Tests of the ``vanity-retweet`` rule beyond its own examples (checker/rules/*/vanity_retweet.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans


def test_vanity_retweet_span_runs_from_marker_to_your_handle() -> None:
    text = "RT @jane: Thanks @Acme, amazing help today"
    assert spans(text, "vanity-retweet", handles=("acme",)) == ["RT @jane: Thanks @Acme"]
    (f,) = findings(text, "vanity-retweet", handles=("acme",))
    assert "@jane" in f.message and "@acme" in f.message


def test_vanity_retweet_of_your_own_post_or_without_praise_passes() -> None:
    assert not findings(
        "RT @acme: Our spring sale starts Monday", "vanity-retweet", handles=("acme",)
    )
    assert not findings("RT @jane: met @acme at the fair", "vanity-retweet", handles=("acme",))


def test_vanity_retweet_praise_emoji_counts() -> None:
    assert findings("RT @jane: @acme 🙌🙌", "vanity-retweet", handles=("acme",))


@pytest.mark.parametrize(
    ("text", "handles", "platform"),
    [
        ("RT @pat: @acme fixed my laptop in ten minutes, saved my whole week", ("@acme",), "x"),
        ("MT @sol: nobody bakes sourdough like @crumb, five stars", ("@crumb",), "x"),
        ("Made our day 🥹 RT @kim: thank you @acme for staying open late", ("@acme",), "x"),
        ("RT @ana.bsky.social: @lab.bsky.social gives the most patient answers",
         ("@lab.bsky.social",), "bluesky"),
        ("RT @li@mastodon.social: @ok@scholar.social gives the best lectures",
         ("@ok@scholar.social",), "mastodon"),
    ],
)  # fmt: skip
def test_praise_of_you_in_other_words_is_flagged(
    text: str, handles: tuple[str, ...], platform: str
) -> None:
    assert spans(text, "vanity-retweet", handles=handles, platform=platform)


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("RT @pat: @acme my order never arrived, still waiting for a refund", ("@acme",)),
        ("RT @pat: @acme is the app down for anyone else?", ("@acme",)),
        ("RT @fest: @acme and @bmx are hosting the best street party in town", ("@acme",)),
        ("RT @ok@other.social: @ok@scholar.social is brilliant", ("@ok@mastodon.social",)),
        ("RT @acme: thanks everyone who came, the best night of the year", ("@acme",)),
    ],
)
def test_reports_announcements_and_other_people_pass(text: str, handles: tuple[str, ...]) -> None:
    assert not spans(text, "vanity-retweet", handles=handles, platform="mastodon")
