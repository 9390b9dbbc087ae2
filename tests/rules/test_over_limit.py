"""Tests of the ``over-limit`` rule beyond its own examples (checker/rules/*/over_limit.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import random

import pytest

from checker import PLATFORMS, check
from checker.config import Config
from checker.model import Finding, Severity
from checker.rules.fit.over_limit import first_over


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def test_first_over_matches_a_brute_force_search() -> None:
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("ab 日🌷") for _ in range(rng.randint(1, 80)))
        limit = rng.randint(0, 60)

        def weigh(s: str) -> int:
            return sum(2 if ord(c) > 0x3000 else 1 for c in s)

        if weigh(text) <= limit:
            continue
        expected = next(i for i in range(len(text)) if weigh(text[: i + 1]) > limit)
        assert first_over(text, weigh, limit) == expected


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_the_span_starts_where_the_limit_is_passed(platform: str) -> None:
    limit = PLATFORMS[platform].limit
    text = "a" * (limit + 7)
    found = _found("over-limit", text, platform)
    assert [(f.start, f.end) for f in found] == [(limit, limit + 7)]
    assert found[0].severity is Severity.ERROR
    assert f"{limit + 7:,} of {limit:,}" in found[0].message and "cut 7" in found[0].message
    assert PLATFORMS[platform].label in found[0].message


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_at_the_limit_passes(platform: str) -> None:
    assert _found("over-limit", "a" * PLATFORMS[platform].limit, platform) == []


def test_cjk_weighs_two_on_x() -> None:
    text = "日" * 141  # 282 weighted characters
    found = _found("over-limit", text)
    assert [(f.start, f.end) for f in found] == [(140, 141)]
    assert "282 of 280 weighted characters" in found[0].message


def test_a_link_that_crosses_the_limit_is_highlighted_whole() -> None:
    text = "a" * 270 + " https://example.org/a-long-path"
    found = _found("over-limit", text)  # 271 + 23 = 294
    assert len(found) == 1
    assert text[found[0].start :] == "https://example.org/a-long-path"


def test_a_flag_is_one_character_on_bluesky() -> None:
    flag = "🇵🇹"  # two code points, one character, 8 bytes: 301 of them fit in 3000 bytes
    found = _found("over-limit", flag * 301, "bluesky")
    assert [f.start for f in found] == [300 * len(flag)]
    assert "301 of 300 characters" in found[0].message


def test_bluesky_bytes_are_capped_too() -> None:
    text = "👨\u200d👩\u200d👧\u200d👦" * 150  # 150 characters, 3,750 bytes
    found = _found("over-limit", text, "bluesky")
    assert len(found) == 1 and "3,750 bytes" in found[0].message
    assert len(text[: found[0].start].encode()) <= 3000 < len(text[: found[0].end].encode())


def test_each_post_of_a_thread_is_measured_on_its_own() -> None:
    text = "short opener\n---\n" + "b" * 290
    found = _found("over-limit", text, kind="thread")
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "b" * 10
    assert "post 2 of 2" in found[0].message


def test_a_teams_limit_wins() -> None:
    text = "a" * 700
    assert _found("over-limit", text, "mastodon")
    assert _found("over-limit", text, "mastodon", config=Config(limits={"mastodon": 1000})) == []


def test_an_invitation_note_has_its_own_limit() -> None:
    text = "Hi Sam, we met at the meetup. " * 11  # 330 characters
    assert _found("over-limit", text, "linkedin", "post") == []
    found = _found("over-limit", text, "linkedin", "invitation")
    assert len(found) == 1 and "note" in found[0].message


def test_threads_link_cap() -> None:
    links = [f"https://example.org/{i}" for i in range(7)]
    text = "Reading: " + " ".join(links)
    found = _found("over-limit", text, "threads")
    assert len(found) == 1 and text[found[0].start :].startswith(links[5])
    # the same link twice is one link
    assert _found("over-limit", "Reading: " + " ".join([links[0]] * 7), "threads") == []


def test_instagram_mention_cap() -> None:
    text = "Thank you " + " ".join(f"@friend.{i}" for i in range(21))
    found = _found("over-limit", text, "instagram")
    assert len(found) == 1 and text[found[0].start :].startswith("@friend.20")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_thread_splits_on_its_separator_lines_whatever_the_line_ending(newline: str) -> None:
    posts = ["a" * 200, "b" * 270, "c" * 250]
    text = f"{newline}---{newline}".join(posts)
    report = check(text, platform="x", kind="thread")
    assert [p.count for p in report.length.posts] == [200, 270, 250]
    assert not report.length.over and _found("over-limit", text, "x", "thread") == []
