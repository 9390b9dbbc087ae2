"""Tests of the ``cross-post-syntax`` rule beyond its own examples (checker/rules/*/cross_post_syntax.py):
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


@pytest.mark.parametrize(
    ("text", "platform", "kind", "span"),
    [
        ("RT @nasa: the launch is at 9", "linkedin", "post", "RT @nasa"),
        ("RT @nasa: the launch is at 9", "bluesky", "post", "RT @nasa"),
        (".@dana the slides are up", "facebook", "post", "@dana"),
        ("Great read (h/t @sam_writes)", "linkedin", "post", "h/t @sam_writes"),
        ("Our #FollowFriday picks are in", "linkedin", "post", "#FollowFriday"),
        ("(1/3) Why we changed our pricing", "instagram", "post", "(1/3)"),
        ("1/ Why we changed our pricing", "linkedin", "post", "1/"),
        ("Why we changed our pricing (cont.)", "facebook", "post", "(cont.)"),
        ("Ask @mia@hachyderm.io, she wrote it", "linkedin", "post", "@mia@hachyderm.io"),
    ],
)
def test_cross_post_syntax_is_flagged_on_its_words(
    text: str, platform: str, kind: str, span: str
) -> None:
    found = _found("cross-post-syntax", text, platform, kind)
    assert [text[f.start : f.end] for f in found] == [span]


@pytest.mark.parametrize(
    ("text", "platform", "kind"),
    [
        ("RT @nasa: the launch is at 9", "x", "post"),
        ("@dana the slides are up", "x", "post"),
        ("@dana the slides are up", "linkedin", "reply"),
        ("@dana the slides are up", "instagram", "post"),
        ("@dana@mastodon.social the slides are up", "mastodon", "post"),
        ("Great read (h/t @sam_writes)", "mastodon", "post"),
        ("Our #FollowFriday picks are in", "mastodon", "post"),
        ("(1/3) Why we changed our pricing", "threads", "post"),
        ("Why we changed our pricing\n---\nThe short version: costs.", "linkedin", "thread"),
        ("Meeting moved to 3/4 at noon.", "linkedin", "post"),
        ("3/4 of our team now work remotely.", "linkedin", "post"),
        ("Score after the first half: 2/3 of the points", "facebook", "post"),
        ("Thanks to @lena.bsky.social and @did.example.com", "bluesky", "post"),
        ("Mail me: jo@example.org", "bluesky", "post"),
        ("Mail me: jo@example.org", "linkedin", "post"),
        ("The viaduct @ 6pm was glorious", "linkedin", "post"),
    ],
)
def test_native_syntax_and_near_misses_pass(text: str, platform: str, kind: str) -> None:
    assert _found("cross-post-syntax", text, platform, kind) == []


def test_a_leading_reply_is_judged_on_the_first_post_only() -> None:
    text = "Our launch notes\n---\n@dana thanks for the review"
    assert _found("cross-post-syntax", text, "linkedin", "thread") == []


@pytest.mark.parametrize("platform", ["facebook", "linkedin", "instagram", "threads", "bluesky"])
def test_follow_friday_is_foreign_everywhere_but_x_and_mastodon(platform: str) -> None:
    text = "#ff some accounts that make my feed better: @quiltsbyjune @thesaltybaker"
    assert [f.rule for f in check(text, platform=platform).findings if f.start == 0] == [
        "cross-post-syntax"
    ]


@pytest.mark.parametrize("platform", ["x", "mastodon"])
def test_follow_friday_is_at_home_on_x_and_mastodon(platform: str) -> None:
    text = "#FollowFriday @quiltsbyjune, who makes the best quilts in Hull"
    assert not [f for f in check(text, platform=platform).findings if f.rule == "cross-post-syntax"]


def test_link_in_bio_only_where_links_work() -> None:
    text = "New prints of the harbour are up. Link in bio."
    assert [f.rule for f in check(text, platform="x").findings] == ["cross-post-syntax"]
    assert not [
        f for f in check(text, platform="instagram").findings if f.rule == "cross-post-syntax"
    ]
