"""The hashtag scan gives exactly what twitter-text's hashtag regex gives.

``checker._twitter_regex`` no longer compiles validHashtag.js's pattern (its huge letter
classes cost tens of ms at import); ``twitter_text`` scans with ``CodePointSet`` lookups
instead. These tests rebuild the original pattern from the same ranges and compare.
"""

from __future__ import annotations

import random
import re

import pytest
from growth import assert_near_linear

from checker import _twitter_regex as rx
from checker import twitter_text as tt

_SPECIAL = (
    r"_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003"
    r"\u0f0b\u0f0c\xb7"
)
_ALPHA = "[" + rx.ranges_class(rx.LETTERS_AND_MARKS) + "]"
_ALNUM = "[" + rx.ranges_class(rx.LETTERS_AND_MARKS) + rx.ranges_class(rx.NUMERALS) + _SPECIAL + "]"
# The pattern as it was ported from validHashtag.js (and used before the scan).
_HASHTAG = re.compile(
    rf"(?:^|\ufe0e|\ufe0f|(?!{_ALNUM}|&)(?s:.))([#\uff03])(?!\ufe0f|\u20e3)"
    rf"({_ALNUM}*{_ALPHA}{_ALNUM}*)"
)


def _by_regex(text: str) -> list[tuple[int, int]]:
    return [(match.start(1), match.end()) for match in _HASHTAG.finditer(text)]


def _by_scan(text: str) -> list[tuple[int, int]]:
    return list(tt._hashtag_spans(text))


@pytest.mark.parametrize(
    ("name", "members", "pattern"),
    [("alpha", rx.HASHTAG_ALPHA, _ALPHA), ("alnum", rx.HASHTAG_ALNUM, _ALNUM)],
)
def test_code_point_set_equals_the_class_on_every_code_point(
    name: str, members: rx.CodePointSet, pattern: str
) -> None:
    everything = "".join(map(chr, range(0x110000)))
    by_class = {match.start() for match in re.finditer(pattern, everything)}
    by_set = {code for code, char in enumerate(everything) if char in members}
    assert by_set == by_class, name
    assert len(by_set) > 100_000  # the CJK and astral ranges are in


def test_ascii_shortcuts_agree_with_the_sets() -> None:
    ascii_chars = [chr(code) for code in range(0x80)]
    assert [c for c in ascii_chars if c in rx.HASHTAG_ALNUM] == [
        c for c in ascii_chars if rx.HASHTAG_ASCII_RUN.fullmatch(c)
    ]
    assert [c for c in ascii_chars if c in rx.HASHTAG_ALPHA] == [
        c for c in ascii_chars if rx.HASHTAG_ASCII_LETTER.fullmatch(c)
    ]


# Characters on every side of every boundary: signs, the exceptions, letters,
# numerals, specials, marks, astral letters, non-hashtag characters.
_ALPHABET = (
    "#\uff03&\ufe0e\ufe0f\u20e3 aZ9_\u0663\u00b7\u200c\u0301\u30fb\u309b\u4e00\U00020000"
    "\U0001d7ce\U0001f389!.-/:\n\u0378\u2070"
)


def test_scan_equals_the_regex_on_random_texts() -> None:
    chooser = random.Random(20261124)
    for _ in range(20_000):
        text = "".join(chooser.choices(_ALPHABET, k=chooser.randrange(1, 14)))
        assert _by_scan(text) == _by_regex(text), repr(text)


def _boundary_code_points() -> list[int]:
    """Every code point below U+0800, and both sides of each end of every range."""
    codes = set(range(0x800))
    for word in (rx.LETTERS_AND_MARKS + rx.NUMERALS).split():
        first, _, last = word.partition("-")
        for code in (int(first, 16), int(last or first, 16)):
            codes.update((code - 1, code, code + 1))
    return sorted(codes)


def test_scan_equals_the_regex_for_characters_around_a_sign() -> None:
    # Before the sign, right after it, and as the body (the set test above covers
    # membership of every code point; this covers how the scan uses it).
    for code in _boundary_code_points():
        char = chr(code)
        for text in (f"{char}#a", f"#{char}", f"x{char}#{char}a", f"#{char}1"):
            assert _by_scan(text) == _by_regex(text), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "#a#b",
        "#1 #a",
        "##a",
        "a#b #c",
        "&#39; #tag",
        "\ufe0f#tag\ufe0e#x",
        "#\ufe0ftag",
        "#\u20e3",
        "#123",
        "#_ #__a",
        "\uff03日本語 #tag🎉",
        "Great read by @ana https://example.com/x #tag 🎉",
    ],
)
def test_scan_equals_the_regex_on_edge_cases(text: str) -> None:
    assert _by_scan(text) == _by_regex(text)


@pytest.mark.parametrize(
    "text",
    ["#" + "a" * 100_000, "#1" * 50_000, "a#" * 50_000, "#" + "\u0301" * 100_000],
    ids=["one long tag", "digit tags", "signs after letters", "marks"],
)
def test_scan_of_a_hostile_paste_takes_time_linear_in_its_size(text: str) -> None:
    assert_near_linear(tt.extract_hashtags_with_indices, text)
