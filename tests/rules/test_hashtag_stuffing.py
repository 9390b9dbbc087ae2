"""Tests of the ``hashtag-stuffing`` rule beyond its own examples (checker/rules/*/hashtag_stuffing.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest

from checker import PLATFORMS, check
from checker.config import Config
from checker.model import Finding, Severity


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_stuffing_starts_at_the_first_tag_too_many(platform: str) -> None:
    norm = PLATFORMS[platform].hashtag_norm
    tags = [f"#topic{chr(97 + i)}" for i in range(norm + 2)]
    text = "Spring notes " + " ".join(tags)
    found = _found("hashtag-stuffing", text, platform)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == " ".join(tags[norm:])
    assert found[0].severity is Severity.SUGGESTION
    assert f"{norm + 2} hashtags" in found[0].message


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_hashtags_within_the_norm_pass(platform: str) -> None:
    norm = PLATFORMS[platform].hashtag_norm
    text = "Spring notes " + " ".join(f"#topic{chr(97 + i)}" for i in range(norm))
    assert _found("hashtag-stuffing", text, platform) == []


def test_tags_in_a_thread_are_counted_per_post() -> None:
    text = "#python #rust\n---\n#go #zig"
    assert _found("hashtag-stuffing", text, "x", "thread") == []


def test_past_a_hard_cap_the_error_and_the_suggestion_both_speak() -> None:
    # the error: Instagram refuses the post; the suggestion: the habit behind it
    text = "Spring notes " + " ".join(f"#topic{chr(97 + i)}" for i in range(7))
    report = check(text, platform="instagram")
    assert sorted(f.rule for f in report.findings) == ["hashtag-stuffing", "over-limit"]
    assert report.length.broken == ("hashtags",)
