"""Conformance of ``checker.twitter_text`` with twitter-text's own test suites.

The YAML suites (validate.yml, extract.yml, tlds.yml) are vendored unmodified in
``tests/fixtures/twitter-text/`` (Apache-2.0, see the README there) and read at
test time, as upstream asks; each case is a test named by its description. Their indices are code-point offsets
(twitter-text's Ruby runner uses them as they are; its JavaScript runner
converts them to UTF-16 first), the same unit as this module's API. The
``parseTweet`` ranges are UTF-16 offsets, and so are ``parse_tweet``'s.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from growth import assert_near_linear

from checker import twitter_text as tt

SUITES = Path(__file__).resolve().parent / "fixtures" / "twitter-text"


def test_the_vendored_suites_are_unmodified() -> None:
    # The README beside them records upstream's checksums; an edit here would
    # quietly test the port against our own idea of twitter-text.
    readme = (SUITES / "README.md").read_text(encoding="utf-8")
    recorded = dict(
        (name, digest) for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+\.yml)$", readme, re.M)
    )
    assert sorted(recorded) == ["extract.yml", "tlds.yml", "validate.yml"]
    for name, digest in recorded.items():
        assert hashlib.sha256((SUITES / name).read_bytes()).hexdigest() == digest, name
    assert "Apache License" in (SUITES / "LICENSE").read_text(encoding="utf-8")


def _load(name: str) -> dict[str, list[dict[str, Any]]]:
    with (SUITES / name).open(encoding="utf-8") as handle:
        tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(handle)["tests"]
    return tests


VALIDATE = _load("validate.yml")
EXTRACT = _load("extract.yml")
TLDS = _load("tlds.yml")


def cases(suite: dict[str, list[dict[str, Any]]], *groups: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{group}: {case['description']}")
        for group in groups
        for case in suite[group]
    ]


# --- validate.yml ---


@pytest.mark.parametrize(
    "case",
    cases(
        VALIDATE,
        "WeightedTweetsWithDiscountedEmojiCounterTest",
        "UnicodeDirectionalMarkerCounterTest",
    ),
)
def test_parse_tweet(case: dict[str, Any]) -> None:
    parsed = tt.parse_tweet(case["text"])
    expected = case["expected"]
    assert parsed == tt.ParsedTweet(
        weighted_length=expected["weightedLength"],
        valid=expected["valid"],
        permillage=expected["permillage"],
        valid_range_start=expected["validRangeStart"],
        valid_range_end=expected["validRangeEnd"],
        display_range_start=expected["displayRangeStart"],
        display_range_end=expected["displayRangeEnd"],
    )
    assert tt.weighted_length(case["text"]) == expected["weightedLength"]


@pytest.mark.parametrize("case", cases(VALIDATE, "urls"))
def test_is_valid_url(case: dict[str, Any]) -> None:
    assert tt.is_valid_url(case["text"]) is case["expected"]


@pytest.mark.parametrize("case", cases(VALIDATE, "urls_without_protocol"))
def test_is_valid_url_without_protocol(case: dict[str, Any]) -> None:
    assert tt.is_valid_url(case["text"], require_protocol=False) is case["expected"]


# --- extract.yml ---


def _values(entities: list[tt.Entity]) -> list[str]:
    return [entity.value for entity in entities]


def _with_indices(entities: list[tt.Entity]) -> list[tuple[str, list[int]]]:
    return [(entity.value, [entity.start, entity.end]) for entity in entities]


@pytest.mark.parametrize("case", cases(EXTRACT, "urls", "tco_urls_with_params"))
def test_extract_urls(case: dict[str, Any]) -> None:
    assert _values(tt.extract_urls_with_indices(case["text"])) == case["expected"]


@pytest.mark.parametrize(
    "case", cases(EXTRACT, "urls_with_indices", "urls_with_directional_markers")
)
def test_extract_urls_with_indices(case: dict[str, Any]) -> None:
    expected = [(url["url"], url["indices"]) for url in case["expected"]]
    found = tt.extract_urls_with_indices(case["text"])
    assert _with_indices(found) == expected
    assert all(case["text"][e.start : e.end] == e.value for e in found)


@pytest.mark.parametrize("case", cases(EXTRACT, "mentions"))
def test_extract_mentions(case: dict[str, Any]) -> None:
    assert _values(tt.extract_mentions_with_indices(case["text"])) == case["expected"]


@pytest.mark.parametrize("case", cases(EXTRACT, "mentions_with_indices"))
def test_extract_mentions_with_indices(case: dict[str, Any]) -> None:
    expected = [(m["screen_name"], m["indices"]) for m in case["expected"]]
    assert _with_indices(tt.extract_mentions_with_indices(case["text"])) == expected


@pytest.mark.parametrize("case", cases(EXTRACT, "mentions_or_lists_with_indices"))
def test_extract_mentions_or_lists_with_indices(case: dict[str, Any]) -> None:
    expected = [
        tt.MentionOrList(m["screen_name"], m["list_slug"], *m["indices"]) for m in case["expected"]
    ]
    assert tt.extract_mentions_or_lists_with_indices(case["text"]) == expected


@pytest.mark.parametrize("case", cases(EXTRACT, "replies"))
def test_extract_reply_screen_name(case: dict[str, Any]) -> None:
    assert tt.extract_reply_screen_name(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", cases(EXTRACT, "hashtags", "hashtags_from_astral"))
def test_extract_hashtags(case: dict[str, Any]) -> None:
    assert _values(tt.extract_hashtags_with_indices(case["text"])) == case["expected"]


@pytest.mark.parametrize("case", cases(EXTRACT, "hashtags_with_indices"))
def test_extract_hashtags_with_indices(case: dict[str, Any]) -> None:
    expected = [(tag["hashtag"], tag["indices"]) for tag in case["expected"]]
    assert _with_indices(tt.extract_hashtags_with_indices(case["text"])) == expected


# --- tlds.yml ---


@pytest.mark.parametrize("case", cases(TLDS, "country", "generic"))
def test_every_tld_is_recognised(case: dict[str, Any]) -> None:
    assert _values(tt.extract_urls_with_indices(case["text"])) == case["expected"]


# --- Beyond the suites ---


def test_entities_point_into_the_text_given() -> None:
    text = "😀 see example.com/a and @jack #tag"
    (url,) = tt.extract_urls_with_indices(text)
    (mention,) = tt.extract_mentions_with_indices(text)
    (tag,) = tt.extract_hashtags_with_indices(text)
    assert (text[url.start : url.end], url.value) == ("example.com/a", "example.com/a")
    assert (text[mention.start : mention.end], mention.value) == ("@jack", "jack")
    assert (text[tag.start : tag.end], tag.value) == ("#tag", "tag")


def test_urls_need_a_protocol_when_asked() -> None:
    text = "example.com and https://example.org"
    assert _values(tt.extract_urls_with_indices(text, without_protocol=False)) == [
        "https://example.org"
    ]


def test_a_hashtag_inside_a_url_is_not_a_hashtag() -> None:
    assert tt.extract_hashtags_with_indices("see http://example.com/#anchor") == []


def test_ranges_refer_to_the_text_before_normalisation() -> None:
    decomposed = "e\u0301" * 281  # NFC makes each pair one character
    parsed = tt.parse_tweet(decomposed)
    assert parsed.weighted_length == 281
    assert parsed.display_range_end == 2 * 281 - 1
    assert not parsed.valid


def test_newer_emoji_zwj_sequences_count_as_one_emoji() -> None:
    # Person with white cane, facing right (Emoji 15.1): seven code points.
    assert tt.weighted_length("\U0001f9d1\u200d\U0001f9af\u200d\u27a1\ufe0f") == 2


HOSTILE = {
    "protocols": "http://" * (100_000 // 7),
    "at signs": "@" * 100_000,
    "hash signs": "#" * 100_000,
    "dotted labels": "a." * 50_000,
    "dotted labels with a TLD": "a." * 50_000 + "com",
    "one long CJK label": "あ" * 100_000 + ".x",
    "underscored labels": "a_" * 50_000 + ".com",
    "path punctuation": "a.com/" + "!" * 100_000,
    "open parentheses": "a.com/" + "(a" * 50_000,
    "hashtag digits": "#" + "1" * 100_000,
    "words with dots": "a.b " * 25_000,
}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "urls": tt.extract_urls_with_indices,
    "mentions": tt.extract_mentions_with_indices,
    "hashtags": tt.extract_hashtags_with_indices,
    "parse_tweet": tt.parse_tweet,
    "is_valid_url": tt.is_valid_url,
    "is_valid_url after a scheme": lambda text: tt.is_valid_url("http://" + text),
}


def _uncached(function: Callable[[str], object]) -> Callable[[str], object]:
    """``function`` with the remembered URLs of the last text forgotten first, so
    each timed run does the work instead of a lookup."""

    def run(text: str) -> object:
        tt._last_urls = (None, True, ())
        return function(text)

    return run


@pytest.mark.parametrize("function", list(FUNCTIONS))
@pytest.mark.parametrize("text", [pytest.param(t, id=name) for name, t in HOSTILE.items()])
def test_hostile_input_takes_time_linear_in_its_size(text: str, function: str) -> None:
    # Absolute figures are in `make bench`; here: ten times the text, about ten
    # times the time (a backtracking regex would take a hundred times or more).
    assert_near_linear(_uncached(FUNCTIONS[function]), text)
