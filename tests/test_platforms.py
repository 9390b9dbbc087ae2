"""The platform table and each network's way of counting a post."""

from __future__ import annotations

import re

import pytest
from growth import assert_near_linear

from checker import check, platforms
from checker.platforms import PLATFORMS, UNITS, Platform, UnknownPlatform, get

FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # 7 code points, 11 UTF-16 units, 25 UTF-8 bytes
FLAG = "🇬🇧"  # 2 code points, 4 UTF-16 units, 8 bytes
THUMB = "👍🏽"  # 2 code points, 4 UTF-16 units, 8 bytes
KEYCAP = "1\ufe0f\u20e3"  # 3 code points, 3 UTF-16 units, 7 bytes
EMOJI = (FAMILY, FLAG, THUMB, KEYCAP)


@pytest.mark.parametrize(
    ("name", "limit", "unit"),
    [
        ("x", 280, "weighted"),
        ("mastodon", 500, "graphemes"),
        ("bluesky", 300, "graphemes"),
        ("threads", 500, "characters"),
        ("linkedin", 3000, "characters"),
        ("facebook", 63206, "characters"),
        ("instagram", 2200, "characters"),
    ],
)
def test_limit_and_unit(name: str, limit: int, unit: str) -> None:
    platform = get(name)
    assert (platform.name, platform.limit, platform.unit) == (name, limit, unit)
    assert platform.limit_for("post") == limit
    assert platform.limit_for("post", 1234) == 1234


def test_every_platform_says_where_its_numbers_come_from() -> None:
    assert list(PLATFORMS) == [
        "x",
        "mastodon",
        "bluesky",
        "threads",
        "linkedin",
        "facebook",
        "instagram",
    ]
    for platform in PLATFORMS.values():
        assert platform.unit in UNITS
        assert platform.source and platform.counting and platform.hashtag_reason
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", platform.checked)


@pytest.mark.parametrize(
    ("name", "norm"),
    [
        ("x", 2),
        ("bluesky", 3),
        ("threads", 1),
        ("linkedin", 5),
        ("facebook", 3),
        ("mastodon", 5),
        ("instagram", 10),
    ],
)
def test_hashtag_norms(name: str, norm: int) -> None:
    assert get(name).hashtag_norm == norm


def test_extra_limits() -> None:
    assert get("bluesky").byte_limit == 3000
    assert get("threads").max_links == 5
    instagram = get("instagram")
    assert (instagram.max_hashtags, instagram.max_mentions) == (30, 20)
    assert instagram.links_clickable is False
    assert all(p.links_clickable for p in PLATFORMS.values() if p.name != "instagram")


def test_invitation_limit_only_on_linkedin() -> None:
    assert get("linkedin").invitation_limit == 300
    assert get("linkedin").limit_for("invitation") == 300
    assert get("linkedin").limit_for("invitation", 200) == 200
    assert get("linkedin").limit_for("reply") == 3000
    assert get("mastodon").limit_for("invitation") == 500


def test_unknown_platform_lists_the_names() -> None:
    with pytest.raises(UnknownPlatform) as raised:
        get("nope")
    message = str(raised.value)
    assert "nope" in message
    assert all(name in message for name in PLATFORMS)
    assert isinstance(raised.value, ValueError)


def test_names_are_case_insensitive() -> None:
    assert get("LinkedIn") is PLATFORMS["linkedin"]


# --- counting emoji sequences ------------------------------------------------


@pytest.mark.parametrize("name", ["mastodon", "bluesky"])
@pytest.mark.parametrize("emoji", EMOJI)
def test_grapheme_platforms_count_an_emoji_sequence_once(name: str, emoji: str) -> None:
    assert get(name).count(f"hi {emoji}") == 4


@pytest.mark.parametrize("name", ["linkedin", "facebook", "instagram"])
@pytest.mark.parametrize(
    ("emoji", "units"), [(FAMILY, 11), (FLAG, 4), (THUMB, 4), (KEYCAP, 3), ("é", 1), ("𝐛", 2)]
)
def test_character_platforms_count_utf16_units(name: str, emoji: str, units: int) -> None:
    assert get(name).count(f"hi {emoji}") == 3 + units


@pytest.mark.parametrize(("emoji", "utf8"), [(FAMILY, 25), (FLAG, 8), (THUMB, 8), (KEYCAP, 7)])
def test_threads_counts_emoji_by_utf8_bytes(emoji: str, utf8: int) -> None:
    threads = get("threads")
    assert threads.count(f"hi {emoji}") == 3 + utf8
    assert threads.count("café ©") == 6  # text is counted as characters, © without VS16 too


def test_x_weighs_urls_cjk_and_emoji() -> None:
    x = get("x")
    assert x.count("https://example.com/a/very/long/path/that/goes/on/and/on") == 23
    assert x.count("日本") == 4
    assert x.count(FAMILY) == 2
    assert x.count("abc") == 3


# --- Mastodon ----------------------------------------------------------------


def test_mastodon_counts_each_url_with_a_scheme_as_23() -> None:
    mastodon = get("mastodon")
    long_url = "https://example.com/" + "a" * 100
    assert mastodon.count(f"Read {long_url}") == 5 + 23
    assert mastodon.count("https://e.co") == 23  # short links count 23 too
    assert mastodon.count(f"{long_url} and {long_url}") == 23 + 5 + 23


def test_mastodon_counts_a_url_without_scheme_as_typed() -> None:
    assert get("mastodon").count("see example.com/" + "a" * 50) == 4 + 12 + 50


def test_mastodon_counts_a_remote_mention_as_local() -> None:
    mastodon = get("mastodon")
    assert mastodon.count("hi @ana@social.example.org") == len("hi @ana")
    assert mastodon.count("hi @ana") == len("hi @ana")
    assert mastodon.count("@a.b-c@x.y @d@z.w") == len("@a.b-c @d")
    # An e-mail address is not a mention: it counts as typed.
    assert mastodon.count("mail ana@social.example") == len("mail ana@social.example")


# --- Bluesky -----------------------------------------------------------------


def test_bluesky_counts_graphemes_and_bytes() -> None:
    text = FAMILY * 150  # 150 characters, 3,750 bytes: fits in characters, not in bytes
    report = check(text, platform="bluesky")
    assert report.length.count == 150 and not report.length.over
    assert [f.rule for f in report.findings] == ["over-limit"]
    assert "3,750 bytes" in report.findings[0].message


def test_mention_spans_find_instagram_and_fediverse_tags_not_email() -> None:
    text = "Thanks @ana and @bo.b, cc @cy@social.example; write to me@example.com"
    spans = get("instagram").mention_spans(text)
    assert [text[a:b] for a, b in spans] == ["@ana", "@bo.b", "@cy@social.example"]
    assert get("instagram").count_mentions(text) == 3


def test_platform_is_immutable_data() -> None:
    with pytest.raises(AttributeError):
        get("x").limit = 1  # type: ignore[misc]
    assert isinstance(get("x"), Platform)
    assert platforms.utf16_length("a😀") == 3
    assert platforms.utf16_length("a\ud800") == 2  # a lone surrogate does not crash


@pytest.mark.parametrize("name", list(PLATFORMS))
def test_every_platform_counts_odd_text(name: str) -> None:
    text = "\ud800 \x00 \r\n \ufe0f\u200d #\ufe0f\u20e3 \U0010ffff @@ https:// 🏴\U000e007f"
    assert get(name).count(text) > 0
    assert check(text, platform=name).length.count == get(name).count(text)


@pytest.mark.parametrize("name", ["mastodon", "bluesky", "threads", "linkedin"])
def test_counting_grows_linearly(name: str) -> None:
    text = ("Words, @ana@x.social https://example.com/p 日本 " + FAMILY + " " + FLAG + "\n") * 1600
    text += "@" + "a" * 5000 + "@" + "b." * 5000  # hostile mention-like runs
    assert_near_linear(get(name).count, text)
