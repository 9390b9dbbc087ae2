"""Tests of the ``self-centered`` rule beyond its own examples (checker/rules/*/self_centered.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

from checker import check
from checker.config import Config
from checker.model import Finding

SHARING = (
    "bare-link",
    "uncredited-share",
    "unverified-claim",
    "masked-link",
    "vanity-retweet",
    "hard-sell",
    "self-centered",
)


def findings(
    text: str,
    rule: str,
    *,
    platform: str = "x",
    kind: str = "post",
    handles: tuple[str, ...] = (),
    config: Config | None = None,
) -> list[Finding]:
    config = config or Config(handles=handles)
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


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
