"""Tests of the ``bare-link`` rule beyond its own examples (checker/rules/*/bare_link.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans


def test_bare_link_points_at_the_link() -> None:
    text = "https://example.com/news/1"
    (f,) = findings(text, "bare-link")
    assert (f.start, f.end) == (0, len(text))
    assert "without a word of your own" in f.message


def test_bare_link_points_at_the_retweet_marker() -> None:
    text = "  RT @cityplanner: Safer streets https://example.org/streets"
    assert spans(text, "bare-link") == ["RT @cityplanner"]


def test_bare_link_points_at_the_cut_off_ellipsis_and_link() -> None:
    text = (
        "Council budget: The council has approved a new budget for the next three years "
        "that includes… https://example.com/budget"
    )
    assert spans(text, "bare-link") == ["… https://example.com/budget"]


def test_bare_link_reads_all_retweet_spellings_from_the_seed() -> None:
    tail = " Why we share: Sharing beats broadcasting for small firms… http://t.co/abcd1234"
    for opening in ("RT @rapidbi", "RT: @rapidbi", "RT@rapidbi", "MT @rapidbi"):
        assert findings(opening + tail, "bare-link"), opening


def test_bare_link_passes_a_retweet_with_a_comment_in_brackets_or_after_slashes() -> None:
    base = "RT @rapidbi: Why we share https://example.com/share"
    assert not findings(base + " [absolutely right!]", "bare-link")
    assert not findings(base + " // we found the same", "bare-link")
    assert findings(base + " [!!]", "bare-link"), "brackets with no words add nothing"


def test_bare_link_passes_a_comment_after_the_closing_quote() -> None:
    text = "“@njj_media: Why we share | RapidBI https://example.com/share” Love this"
    assert not findings(text, "bare-link")
    assert findings("“@njj_media: Why we share https://example.com/share”", "bare-link")


def test_bare_link_filler_words_are_not_a_comment() -> None:
    for text in (
        "New blog post: https://example.com/p",
        "Must read 👇 https://example.com/p",
        "Worth a read https://example.com/p #leadership",
        "via @guardian https://example.com/p",
    ):
        assert findings(text, "bare-link"), text


def test_bare_link_is_quiet_in_replies_and_long_threads() -> None:
    assert not findings("@sam https://example.com/the-doc-you-asked-for", "bare-link", kind="reply")
    thread = "Our results, in short: the pilot worked.\n---\nhttps://example.com/report"
    assert not findings(thread, "bare-link", kind="thread")
    assert findings("https://example.com/report", "bare-link", kind="thread")


def test_bare_link_needs_a_link() -> None:
    assert not findings("Great read", "bare-link")


@pytest.mark.parametrize(
    "text",
    [
        "lmaooo https://example.com/video/cat-vs-cucumber",
        "hahaha https://example.com/clip/42",
        "BBC News - Storm warning issued for coastal towns https://news.example.co.uk/1",
    ],
)
def test_laughter_and_dashed_page_titles_are_not_words_of_ones_own(text: str) -> None:
    assert findings(text, "bare-link", platform="threads")


def test_a_dash_inside_a_sentence_is_not_a_page_title() -> None:
    text = "We tried it at home - it works, and the kids loved it https://example.com/kit"
    assert not findings(text, "bare-link", platform="threads")


@pytest.mark.parametrize(
    "text",
    [
        "Please check it https://example.com/report.pdf",
        "Latest episode: the man who restores church clocks https://example.org/ep9",
        "have a read 👉 https://example.org/zine",
    ],
)
def test_bare_link_flags_labels_that_add_nothing(text: str) -> None:
    assert findings(text, "bare-link")


def test_a_label_then_a_sentence_of_ones_own_passes() -> None:
    text = "New post: I broke the build twice. Here is what I learned: https://example.org/p"
    assert not findings(text, "bare-link")
