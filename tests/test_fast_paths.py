"""The checker's shortcuts give the same results as the plain ways they replace.

``check()`` skips work to meet its speed budgets: the URL scan jumps over
prose where no link can start, URLs of one text are remembered, X's weighted
length is summed in bulk, ``Draft.words`` drops words inside entities by
bisection, lengths take a shortcut on ASCII and count clusters with generated
tables. Each test here compares a shortcut with the slow path, written out (or
switched back on) in the test, on random and hostile text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from uniseg.graphemecluster import grapheme_cluster_boundaries

from checker import PLATFORMS, graphemes, platforms, twitter_text
from checker.draft import Draft, Span
from checker.rules.connecting import shouting
from checker.rules.text import word_key

# Pieces that make links, near-links and entities collide in every way.
PIECES = [
    *"aAbc.o/:-_@#x é\u200e\n",
    *("example.com", "EXAMPLE.COM", ".co.uk", "http://", "HTTPS://", "t.co/abc", "xn--p1ai"),
    *(".рф", "пример.рф", "a_b.com", "foo-.com", "?q=1", "(x)", "@bob", "#tag", "don't"),
    *("👩\u200d💻", "1\ufe0f\u20e3", "中文", "e\u0301", "\u2033", "\U0001d400"),
    *("@ana@mastodon.social", "😀", "©\ufe0f", "🇫🇷", "\U0001f9d1\u200d\U0001f9af"),
]
pieces_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(pieces_text, st.text(max_size=60))

HOSTILE = [
    unit * (2000 // len(unit))
    for unit in ("a.", "a.com ", "http://a.", "x.co.", "@a", "#a ", "a-b_c.", "é.рф ", ". ")
]


def _fresh_urls(
    text: str, *, without_protocol: bool, skip_prose: bool
) -> list[twitter_text.Entity]:
    """URLs computed from scratch, with or without the prose-skipping scan."""
    saved = twitter_text._skip_prose
    twitter_text._skip_prose = skip_prose
    twitter_text._last_urls = (None, True, ())
    try:
        return twitter_text.extract_urls_with_indices(text, without_protocol=without_protocol)
    finally:
        twitter_text._skip_prose = saved


def _check_urls(text: str) -> None:
    for without_protocol in (True, False):
        fast = _fresh_urls(text, without_protocol=without_protocol, skip_prose=True)
        slow = _fresh_urls(text, without_protocol=without_protocol, skip_prose=False)
        assert fast == slow


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_skipping_prose_finds_the_same_urls(text: str) -> None:
    _check_urls(text)


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: t[:8])
def test_skipping_prose_finds_the_same_urls_in_hostile_text(text: str) -> None:
    _check_urls(text)


def test_remembered_urls_are_a_fresh_list_each_time() -> None:
    text = "see example.com and https://example.org/x"
    first = twitter_text.extract_urls_with_indices(text)
    first.clear()
    again = twitter_text.extract_urls_with_indices(text)
    assert [url.value for url in again] == ["example.com", "https://example.org/x"]
    # The other flag is not served from the remembered list.
    assert [
        u.value for u in twitter_text.extract_urls_with_indices(text, without_protocol=False)
    ] == ["https://example.org/x"]


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_weighted_length_is_parse_tweets_sum(text: str) -> None:
    assert twitter_text.weighted_length(text) == twitter_text.parse_tweet(text).weighted_length


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: t[:8])
def test_weighted_length_is_parse_tweets_sum_on_hostile_text(text: str) -> None:
    assert twitter_text.weighted_length(text) == twitter_text.parse_tweet(text).weighted_length


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _words_one_by_one(draft: Draft) -> Iterator[Span]:
    """Draft.words the plain way: each word tested against the entities in turn."""
    taken = [(s.start, s.end) for s in (*draft.urls, *draft.mentions, *draft.hashtags)]
    for m in _WORD.finditer(draft.prose):
        if not any(start < m.end() and m.start() < end for start, end in taken):
            yield Span(m.start(), m.end(), m.group())


@settings(max_examples=400, deadline=None)
@given(any_text, st.sampled_from(sorted(PLATFORMS)))
def test_draft_words_skip_exactly_the_words_inside_entities(text: str, platform: str) -> None:
    draft = Draft(text, platform, "post")
    assert draft.words == tuple(_words_one_by_one(draft))


# Words whose case changes their length or shape: final sigma, dotted I, sharp s, ligatures.
CASED = st.lists(
    st.sampled_from(["ΟΔΟΣ", "Σ", "İstanbul", "STRASSE", "straße", "ǅ", "ﬁ", "I'M", "I’m", "a-B"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(any_text, CASED))
def test_word_set_and_word_keys_are_the_words_one_by_one(text: str) -> None:
    draft = Draft(text, "x", "post")
    words = [w.value.lower() for w in draft.words]
    parts = [part for w in words if "-" in w for part in w.split("-")]
    assert draft.word_set == frozenset([*words, *parts])
    # word_values finds the words by itself when nothing needs dropping: a draft not yet asked
    assert Draft(text, "x", "post").word_values == tuple(w.value for w in draft.words)
    assert draft.word_keys == frozenset(word_key(w.value) for w in draft.words)


@settings(max_examples=400, deadline=None)
@given(st.one_of(any_text, CASED, st.text(alphabet="AÉΣİßǅxy1 -'", max_size=40)))
def test_shouting_counts_words_in_capitals_as_its_loud_test_would(text: str) -> None:
    # every word _loud calls loud is counted, so a count under a run skips nothing
    counted = shouting._capital_words(Draft(text, "x", "post").word_values)
    draft = Draft(text, "x", "post")
    plain = [w.value for w in draft.words if w.value == w.value.upper() != w.value.lower()]
    assert counted == len(plain)
    assert counted >= sum(1 for w in draft.words if shouting._loud(w.value))


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _slow_length(text: str, platform: str) -> int:
    """A post's length the plain way: twitter-text's full ``parseTweet`` port for X,
    the reference segmenter (uniseg) for grapheme clusters, and whole-text encodes
    where the checker counts ASCII, clusters and emoji in bulk."""
    unit = PLATFORMS[platform].unit
    if unit == "weighted":
        return twitter_text.parse_tweet(text).weighted_length
    if platform == "mastodon":  # URLs and remote mentions are rewritten first (tested apart)
        text = platforms._mastodon_countable(text)
    clusters = [text[a:b] for a, b in itertools.pairwise(grapheme_cluster_boundaries(text))]
    if unit == "graphemes":
        return len(clusters)
    if platform == "threads":  # an emoji counts its UTF-8 bytes
        return sum(
            len(c.encode()) if graphemes.is_emoji_cluster(c) else _utf16_units(c) for c in clusters
        )
    return _utf16_units(text)


@settings(max_examples=300, deadline=None)
@given(any_text, st.sampled_from(sorted(PLATFORMS)))
def test_draft_length_equals_a_slow_reference_count(text: str, platform: str) -> None:
    assert Draft(text, platform, "post").length == _slow_length(text, platform)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: t[:8])
def test_draft_length_equals_a_slow_reference_count_on_hostile_text(
    text: str, platform: str
) -> None:
    assert Draft(text, platform, "post").length == _slow_length(text, platform)
