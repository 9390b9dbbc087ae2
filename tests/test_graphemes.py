"""Grapheme clusters and emoji sequences, checked against uniseg (the reference).

uniseg bundles no GraphemeBreakTest.txt, so the rules are exercised with
hand-picked cases for each UAX #29 rule and with hypothesis-generated text drawn
from the code points that the rules treat specially.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
import uniseg
from growth import assert_near_linear
from hypothesis import given, settings
from hypothesis import strategies as st
from uniseg import emoji as uemoji
from uniseg.graphemecluster import grapheme_cluster_boundaries

from checker import graphemes
from checker.graphemes import (
    count_graphemes,
    emoji_spans,
    grapheme_spans,
    has_emoji_presentation,
    is_emoji,
    is_emoji_cluster,
    is_emoji_modifier,
    is_emoji_modifier_base,
    is_extended_pictographic,
)

ROOT = Path(__file__).resolve().parent.parent

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
FLAG_GB = "🇬🇧"
THUMB_MEDIUM = "👍🏽"
KEYCAP_ONE = "1\ufe0f\u20e3"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
RAINBOW_FLAG = "🏳\ufe0f\u200d🌈"


def reference_boundaries(text: str) -> list[int]:
    return list(grapheme_cluster_boundaries(text)) if text else []


def boundaries(text: str) -> list[int]:
    spans = grapheme_spans(text)
    return [0, *(end for _, end in spans)] if spans else []


def check_against_uniseg(text: str) -> None:
    expected = reference_boundaries(text)
    assert boundaries(text) == expected, [text[a:b] for a, b in itertools.pairwise(expected)]
    assert count_graphemes(text) == max(len(expected) - 1, 0)


REAL_WORLD = [
    "",
    "Great read, thanks @ana! https://example.com/a?b=c #SocialMedia",
    "Line one\r\nLine two\n\rthree\r",
    f"Our team {FAMILY} in {FLAG_GB} says {THUMB_MEDIUM} and {KEYCAP_ONE}!",
    f"Go {SCOTLAND} and {RAINBOW_FLAG} ❤️\u200d🔥 🧑🏽\u200d💻 👩🏻\u200d🤝\u200d👩🏿",
    "🇬🇧🇫🇷🇩",  # an odd regional indicator stays alone
    "café naïve e\u0301\u0301 Å\u030a",
    "क्षत्रिय हिन्दी क्\u200dष न्\u200cय",  # Devanagari conjuncts, with ZWJ and ZWNJ
    "ক্ষ গ্গ্গ বাংলা",  # Bengali
    "한국어 \u1100\u1161\u11a8 \u1100\u1100\uac00\u11a8 \u11a8\u11a8",  # syllables and jamo
    "ภาษาไทย กำ",  # Thai with SpacingMark SARA AM
    "\u0600\u0661 \U000110bd\U00011083",  # prepended concession marks
    "日本語のテキスト。中文字符，한글",
    "a\u200d👍 \u200d👍 👍\u200d \u200d\u200d",  # ZWJ without a pictograph before it
    "\x00\x07\t\x7f\u0085 \u0301",  # controls, and a mark after a control
    "☺ ☺️ ⌚︎ © ©️ 1 #️⃣ *\u20e3",
]


@pytest.mark.parametrize("text", REAL_WORLD)
def test_real_world_strings_match_uniseg(text: str) -> None:
    check_against_uniseg(text)


@pytest.mark.parametrize(
    "text",
    [FAMILY, FLAG_GB, THUMB_MEDIUM, KEYCAP_ONE, SCOTLAND, RAINBOW_FLAG, "e\u0301", "\r\n", "क्ष"],
)
def test_one_perceived_character_is_one_cluster(text: str) -> None:
    assert count_graphemes(text) == 1
    assert grapheme_spans(text) == [(0, len(text))]


def test_rules_case_by_case() -> None:
    assert count_graphemes("\r\n") == 1  # GB3
    assert count_graphemes("\n\r") == 2  # GB4/GB5: no LF CR cluster
    assert count_graphemes("\t\u0301") == 2  # GB4: no mark on a control
    assert count_graphemes("\u1100\u1161\u11a8") == 1  # GB6/GB7/GB8
    assert count_graphemes("\uac00\u11a8\u11a8") == 1  # LV T T
    assert count_graphemes("\uac01\u1161") == 2  # LVT V breaks
    assert count_graphemes("a\u0903") == 1  # GB9a SpacingMark
    assert count_graphemes("\u0600a") == 1  # GB9b Prepend
    assert count_graphemes("\u0915\u094d\u0937") == 1  # GB9c conjunct
    assert count_graphemes("\u0915\u093c\u094d\u093c\u0937") == 1  # nukta around the virama
    assert count_graphemes("\u0915\u093c\u0937") == 2  # no linker, no conjunct
    assert count_graphemes("a\u094d\u0937") == 2  # no consonant before the linker
    assert count_graphemes("👍\u0301\u200d❤") == 1  # GB11 with Extend before ZWJ
    assert count_graphemes("a\u200d❤") == 2  # GB11 needs a pictograph first
    assert count_graphemes("🇬🇧🇫") == 2  # GB12/GB13 pair up
    assert count_graphemes("a🇬🇧🇫🇷") == 3  # GB13 counts from the first indicator


_INTERESTING = [
    *"aZ1#*. ",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\u0085",
    "\u00ad",  # soft hyphen: Control
    "\u0301",  # combining acute: Extend
    "\u093c",  # nukta: Extend, InCB=Extend
    "\u094d",  # Devanagari virama: InCB=Linker
    "\u09cd",  # Bengali virama
    "\u0915",  # Devanagari KA: InCB=Consonant
    "\u0937",
    "\u0995",  # Bengali KA
    "\u0903",  # SpacingMark
    "\u093f",
    "\u0e33",  # Thai SARA AM: SpacingMark
    "\u0600",  # Prepend
    "\U000110bd",
    "\u200c",  # ZWNJ: Extend
    "\u200d",  # ZWJ
    "\ufe0f",
    "\ufe0e",
    "\u20e3",
    "\u1100",  # L
    "\u1161",  # V
    "\u11a8",  # T
    "\uac00",  # LV
    "\uac01",  # LVT
    "🇦",
    "🇧",
    "🇨",
    "👨",
    "👩",
    "👧",
    "👍",
    "❤",
    "🔥",
    "🏳",
    "🌈",
    "🏴",
    "🏻",
    "🏿",
    "\U000e0067",
    "\U000e007f",
    "©",
    "日",
    "\ud800",  # a lone surrogate: Control
    "\U0001fbff",  # unassigned
    "\U0010ffff",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_INTERESTING), max_size=24).map("".join))
def test_interesting_code_points_match_uniseg(text: str) -> None:
    check_against_uniseg(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_matches_uniseg(text: str) -> None:
    check_against_uniseg(text)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=0x10FFFF))
def test_properties_match_uniseg(cp: int) -> None:
    ch = chr(cp)
    assert is_extended_pictographic(cp) == uemoji.extended_pictographic(ch)
    assert is_emoji(cp) == uemoji.emoji(ch)
    assert has_emoji_presentation(cp) == uemoji.emoji_presentation(ch)
    assert is_emoji_modifier_base(cp) == uemoji.emoji_modifier_base(ch)


def test_properties_by_example() -> None:
    assert is_extended_pictographic(0x1F600) and has_emoji_presentation(0x1F600)
    assert is_extended_pictographic(0xA9) and not has_emoji_presentation(0xA9)
    assert not is_extended_pictographic(ord("a"))
    assert is_emoji_modifier(0x1F3FD) and not is_emoji_modifier(0x1F3FA)
    assert is_emoji(ord("1")) and not has_emoji_presentation(ord("1"))


def test_committed_tables_are_what_the_generator_makes() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_unicode_data
    finally:
        sys.path.pop(0)
    committed = (ROOT / "checker" / "_unicode_data.py").read_text(encoding="utf-8")
    assert gen_unicode_data.render() == committed
    assert len(committed.encode()) < 60_000


def _emoji_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in emoji_spans(text)]


def test_emoji_sequences_are_found_whole() -> None:
    text = f"a {FAMILY} b {FLAG_GB} c {THUMB_MEDIUM} d {KEYCAP_ONE} e {SCOTLAND} {RAINBOW_FLAG}"
    expected = [FAMILY, FLAG_GB, THUMB_MEDIUM, KEYCAP_ONE, SCOTLAND, RAINBOW_FLAG]
    assert _emoji_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("©", []),  # text style by default
        ("©\ufe0f", ["©\ufe0f"]),  # VS16 asks for emoji style
        ("1 # *", []),  # bare keycap bases are text
        ("#\ufe0f\u20e3", ["#\ufe0f\u20e3"]),
        ("⌚", ["⌚"]),  # emoji style by default
        ("⌚\ufe0e", []),  # VS15 asks for text style
        ("☝🏻", ["☝🏻"]),  # a text-default modifier base takes a skin tone
        ("🇫", []),  # a lone regional indicator is a letter, not a flag
        ("a\u0301 日本 ~", []),
        ("\u2764\u200d🔥", ["\u2764\u200d🔥"]),  # ZWJ sequence of pictographs
    ],
)
def test_emoji_presentation_choices(text: str, expected: list[str]) -> None:
    assert _emoji_texts(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_INTERESTING), max_size=24).map("".join))
def test_emoji_spans_are_the_emoji_clusters(text: str) -> None:
    clusters = [(a, b) for a, b in grapheme_spans(text) if is_emoji_cluster(text[a:b])]
    assert emoji_spans(text) == clusters


def _segment(text: str) -> None:
    grapheme_spans(text)
    count_graphemes(text)
    emoji_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, and a link https://example.com/x. " * 2200,
        "日本語 한국어 क्षत्रिय 👨\u200d👩\u200d👧 🇬🇧 👍🏽 1\ufe0f\u20e3 café\r\n" * 2500,
        "\u0915" + "\u094d" * 100_000,  # a linker run with no consonant after it
        "\u0915\u093c" * 50_000,
        "👍" + "\u0301" * 100_000 + "\u200d",
        "\u0600" * 100_000 + "\r",  # prepends with no base
        "\u1100" * 100_000 + "\u11a8",
        "🇦" * 100_000,
    ],
    ids=["ascii", "mixed", "linkers", "nukta", "extends", "prepends", "jamo", "indicators"],
)
def test_segmenting_takes_time_linear_in_the_size(text: str) -> None:
    # 100 KB against 10 KB of the same text; `make bench` prints the absolute figures.
    assert_near_linear(_segment, text)


def test_the_tables_declare_the_reference_unicode_version() -> None:
    # The version the handbook and the generated tables name is the one the
    # reference segmenter (which the tests above compare with) implements.
    assert uniseg.unidata_version == graphemes.UNICODE_VERSION
