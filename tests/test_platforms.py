"""The platform table and each network's way of counting a post."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from growth import assert_near_linear

from checker import check, platforms
from checker.config import Config, ConfigError, parse_config
from checker.platforms import PLATFORMS, UNITS, Platform, UnknownPlatform, get

FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # 7 code points, 11 UTF-16 units, 25 UTF-8 bytes
FLAG = "🇬🇧"  # 2 code points, 4 UTF-16 units, 8 bytes
THUMB = "👍🏽"  # 2 code points, 4 UTF-16 units, 8 bytes
KEYCAP = "1\ufe0f\u20e3"  # 3 code points, 3 UTF-16 units, 7 bytes
EMOJI = (FAMILY, FLAG, THUMB, KEYCAP)


# Real drafts at and just past each network's length limit, as published (see
# each platform's facts): what fits must fit, one more must not.
AT_THE_LIMIT = [
    ("x", "a" * 280, 280),
    ("x", "日" * 140, 280),  # CJK weighs 2
    ("x", "Read this: https://example.org/" + "p" * 400 + " " + "a" * 245, 280),  # a link is 23
    ("mastodon", "🌷" * 500, 500),  # an emoji is one character
    ("bluesky", FLAG * 300, 300),
    ("threads", "a" * 496 + "🌷", 500),  # an emoji counts its 4 UTF-8 bytes
    ("linkedin", "a" * 3000, 3000),
    ("facebook", "a" * 63206, 63206),
    ("instagram", "a" * 2198 + "🌷", 2200),  # an astral emoji is 2 UTF-16 units
]


@pytest.mark.parametrize(("name", "text", "count"), AT_THE_LIMIT)
def test_a_post_at_the_limit_fits_and_one_more_character_does_not(
    name: str, text: str, count: int
) -> None:
    report = check(text, platform=name)
    assert (report.length.count, report.length.over) == (count, False)
    assert [f.rule for f in report.findings if f.rule == "over-limit"] == []
    over = check(text + "a", platform=name)
    assert over.length.over and over.length.broken == ("length",)
    assert [f.rule for f in over.findings if f.rule == "over-limit"] == ["over-limit"]


def test_a_team_limit_replaces_the_platforms() -> None:
    text = "a" * 700
    assert check(text, platform="mastodon").length.over
    server = Config(limits={"mastodon": 1000})
    report = check(text, platform="mastodon", config=server)
    assert (report.length.limit, report.length.over) == (1000, False)


def test_every_platform_says_where_its_numbers_come_from_and_when() -> None:
    for platform in PLATFORMS.values():
        assert platform.unit in UNITS
        assert platform.source and platform.counting and platform.hashtag_reason
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", platform.checked)
        assert platform.facts, platform.name
        for fact in platform.facts:
            assert fact.what and fact.source, fact
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", fact.date), fact


# --- hard caps beyond length: the JSON says which limit is broken ------------


def _limits(text: str, platform: str, **kwargs: object) -> dict[str, tuple[int, int, bool]]:
    report = check(text, platform=platform, **kwargs)  # type: ignore[arg-type]
    return {
        c["name"]: (c["count"], c["limit"], c["over"]) for c in report.to_dict()["length"]["limits"]
    }


def test_instagram_takes_five_hashtags_since_december_2025() -> None:
    five = "Spring at the allotment #garden #spring #tulips #allotment #growyourown"
    assert _limits(five, "instagram")["hashtags"] == (5, 5, False)
    six = five + " #flowers"
    report = check(six, platform="instagram")
    assert report.length.over is False  # the length fits...
    assert report.length.broken == ("hashtags",)  # ...the hashtags do not
    assert report.to_dict()["length"]["broken"] == ["hashtags"]
    (error,) = [f for f in report.findings if f.rule == "over-limit"]
    assert six[error.start : error.end] == "#flowers" and "at most 5" in error.message


def test_instagram_takes_twenty_tagged_accounts() -> None:
    text = "Thank you " + " ".join(f"@friend.{i}" for i in range(20))
    assert _limits(text, "instagram")["mentions"] == (20, 20, False)
    assert _limits(text + " @friend.20", "instagram")["mentions"] == (21, 20, True)


def test_threads_takes_five_different_links() -> None:
    links = " ".join(f"https://example.org/read/{i}" for i in range(5))
    assert _limits(links + " https://example.org/read/0", "threads")["links"] == (5, 5, False)
    assert _limits(links + " https://example.org/read/5", "threads")["links"] == (6, 5, True)


def test_a_long_threads_post_is_pointed_to_a_text_attachment() -> None:
    report = check("a" * 600, platform="threads")
    (error,) = report.findings
    assert "text attachment" in error.message and "10,000" in error.message
    (error,) = check("a" * 10_001, platform="threads").findings
    assert "text attachment" not in error.message


def test_bluesky_counts_a_link_at_full_length_and_says_what_the_app_shows() -> None:
    link = "https://example.org/" + "a" * 200
    text = "Our write-up: " + link + " " + "b" * 90
    report = check(text, platform="bluesky")
    assert report.length.count == len(text) > 300
    (error,) = [f for f in report.findings if f.rule == "over-limit"]
    assert "13 characters of path" in error.message
    assert "13 characters" not in check("b" * 301, platform="bluesky").findings[0].message


# --- LinkedIn invitations: 200 free, 300 with Premium ------------------------

NOTE_200 = "Hi Sam, great to meet you at the data meetup. " + "x" * 154


def test_a_free_linkedin_note_holds_200_characters() -> None:
    assert len(NOTE_200) == 200
    assert not check(NOTE_200, platform="linkedin", kind="invitation").length.over
    report = check(NOTE_200 + "!", platform="linkedin", kind="invitation")
    assert (report.length.limit, report.length.over) == (200, True)
    assert report.has_errors


def test_premium_notes_hold_300_characters() -> None:
    premium = Config(linkedin_premium=True)
    report = check(NOTE_200 + "y" * 100, platform="linkedin", kind="invitation", config=premium)
    assert (report.length.limit, report.length.over) == (300, False)
    report = check(NOTE_200 + "y" * 101, platform="linkedin", kind="invitation", config=premium)
    assert report.length.over
    # posts and replies are 3,000 either way; other networks have no invitation note
    assert check("a" * 2999, platform="linkedin", kind="reply", config=premium).length.limit == 3000
    assert check("hi", platform="mastodon", kind="invitation").length.limit == 500


# --- Mastodon: the content warning counts -------------------------------------


def test_mastodon_counts_the_content_warning_toward_the_limit() -> None:
    body = "a" * 480
    assert not check(body, platform="mastodon").length.over
    report = check(body, platform="mastodon", cw="Spoilers: the season 3 finale!")
    assert report.length.count == 480 + 30 and report.length.over
    assert report.to_dict()["length"]["content_warning"] == 30
    (error,) = report.findings
    assert "content warning of 30" in error.message
    # the highlight starts where the text no longer fits beside the warning
    assert (error.start, error.end) == (470, 480)


def test_a_content_warning_longer_than_the_limit_flags_the_whole_post() -> None:
    (error,) = check("short", platform="mastodon", cw="w" * 600).findings
    assert (error.start, error.end) == (0, 5)


def test_a_content_warning_is_ignored_where_there_are_none() -> None:
    report = check("a" * 270, platform="x", cw="c" * 30)
    assert report.length.count == 270 and "content_warning" not in report.to_dict()["length"]


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
    # every slice of the text holds the same mix, hostile mention-like runs included
    unit = "Words, @ana@x.social https://example.com/p 日本 " + FAMILY + " " + FLAG + "\n"
    unit += "@" + "a" * 50 + "@" + "b." * 50 + "\n"
    assert_near_linear(get(name).count, unit * 600, repeat=5)


# --- the settings and options that choose among these facts ------------------


def _cli(*args: str, stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_the_cli_counts_a_content_warning_on_mastodon(tmp_path: Path) -> None:
    body = "a" * 480
    calm = _cli("--platform", "mastodon", stdin=body, cwd=tmp_path)
    assert calm.returncode == 0 and json.loads(calm.stdout)["length"]["count"] == 480
    over = _cli("--platform", "mastodon", "--cw", "Spoilers: the season 3 finale!", stdin=body,
                cwd=tmp_path)  # fmt: skip
    assert over.returncode == 1, over.stderr
    length = json.loads(over.stdout)["length"]
    assert (length["count"], length["content_warning"], length["broken"]) == (510, 30, ["length"])


def test_linkedin_premium_from_the_cli_and_from_settings(tmp_path: Path) -> None:
    note = NOTE_200 + "y" * 50
    free = _cli("--platform", "linkedin", "--kind", "invitation", stdin=note, cwd=tmp_path)
    assert free.returncode == 1 and json.loads(free.stdout)["length"]["limit"] == 200
    flag = ("--platform", "linkedin", "--kind", "invitation", "--linkedin-premium")
    premium = _cli(*flag, stdin=note, cwd=tmp_path)
    assert premium.returncode == 0 and json.loads(premium.stdout)["length"]["limit"] == 300
    (tmp_path / "etiquette.toml").write_text("linkedin-premium = true\n", encoding="utf-8")
    from_file = _cli("--platform", "linkedin", "--kind", "invitation", stdin=note, cwd=tmp_path)
    assert from_file.returncode == 0, from_file.stderr
    assert parse_config({"linkedin-premium": True}, "mkdocs.yml").linkedin_premium
    assert not parse_config({}, "mkdocs.yml").linkedin_premium
    with pytest.raises(ConfigError, match="linkedin-premium: expected true or false"):
        parse_config({"linkedin-premium": "yes"}, "etiquette.toml")


def test_the_browser_side_passes_a_content_warning_on() -> None:
    from checker.web import Site

    site = Site.from_json('{"checker": {}}')
    plain = json.loads(site.check_json("a" * 480, "mastodon", "post", "[]", "[]"))
    warned = json.loads(site.check_json("a" * 480, "mastodon", "post", "[]", "[]", cw="c" * 30))
    assert plain["report"]["length"]["count"] == 480
    assert warned["report"]["length"]["count"] == 510 and warned["report"]["length"]["over"]
