"""The writer's counts, on real strings."""

from __future__ import annotations

import pytest
from growth import assert_near_linear

from checker.counts import (
    CJK_CHARACTERS_PER_MINUTE,
    WORDS_PER_MINUTE,
    counts,
    reading_time,
    sentence_spans,
)

CASES = [
    # (draft, words, sentences, mentions, hashtags, links)
    ("", 0, 0, 0, 0, 0),
    ("🎉🎉🙌🏽", 0, 0, 0, 0, 0),
    (
        "Just shipped the follow-up to last week's post: https://example.com/blog/follow-up-post 🎉",
        8,
        1,
        0,
        0,
        1,
    ),
    ("Great read! https://example.com/post", 2, 1, 0, 0, 1),
    ("Read it at example.com. Then tell me what you think!", 9, 2, 0, 0, 1),
    ("Thanks @anna@mastodon.social and @bob_lee for the tip.", 7, 1, 2, 0, 0),
    ("Our state-of-the-art approach: 3.5 stars from 1,000 readers.", 8, 1, 0, 0, 0),
    ("Dr. Lee and J. Smith spoke at 9 a.m. today. Great talk!", 13, 2, 0, 0, 0),
    ("#FF #a11y folks, see you at #DevDay", 7, 1, 0, 3, 0),
    ("Line one\nLine two\n\nLine three", 6, 3, 0, 0, 0),
    ("今日は良い天気です。散歩に行きましょう！", 18, 2, 0, 0, 0),
    ("안녕하세요 여러분, 오늘 발표 자료를 공유합니다.", 6, 1, 0, 0, 0),
    ("Slides (日本語版) are up: https://example.jp/s", 7, 1, 0, 0, 1),
    ("Is it? Yes! Really… ok.", 5, 4, 0, 0, 0),
    ("Questions to hello.team@example.org or @help", 5, 1, 1, 0, 0),
]


@pytest.mark.parametrize(("draft", "words", "sentences", "mentions", "hashtags", "links"), CASES)
def test_counts_on_real_strings(
    draft: str, words: int, sentences: int, mentions: int, hashtags: int, links: int
) -> None:
    c = counts(draft)
    assert (c.words, c.sentences, c.mentions, c.hashtags, c.links) == (
        words,
        sentences,
        mentions,
        hashtags,
        links,
    )


def test_cjk_characters_are_counted_as_words_and_read_at_their_own_rate() -> None:
    c = counts("日本語" * 85)  # 255 characters: one minute
    assert c.cjk_characters == 255 and c.words == 255
    assert c.reading_seconds == round(60 * 255 / CJK_CHARACTERS_PER_MINUTE) == 60


def test_reading_time_uses_the_stated_rate() -> None:
    assert WORDS_PER_MINUTE == 238
    assert counts("word " * 238).reading_seconds == 60
    assert counts("word " * 476).reading_seconds == 120
    assert counts("word").reading_seconds == 1  # rounded up: never "0 s" for a word
    assert counts("").reading_seconds == 0


def test_links_are_not_words_but_mentions_and_hashtags_are() -> None:
    plain = counts("nice talk by anna on data")
    tagged = counts("nice talk by @anna on #data https://example.com/talk")
    assert plain.words == tagged.words == 6


def test_sentence_spans_point_at_the_sentences() -> None:
    draft = "First one. Second one!  Third"
    assert [draft[a:b] for a, b in sentence_spans(draft)] == ["First one.", "Second one!", "Third"]


def test_the_quiet_line() -> None:
    assert counts("Hi @anna, see https://example.com #a11y").line() == (
        "4 words · 1 sentence · 2 s to read · 1 mention · 1 hashtag · 1 link"
    )
    assert counts("").line() == "0 words · 0 sentences · 0 s to read"
    assert reading_time(200) == "3 min 20 s" and reading_time(120) == "2 min"


def test_to_dict_has_every_count() -> None:
    data = counts("Hello there. Bye.").to_dict()
    assert data["words"] == 3 and data["sentences"] == 2
    assert data["words_per_minute"] == WORDS_PER_MINUTE
    assert data["line"].startswith("3 words")


def test_counting_stays_near_linear() -> None:
    assert_near_linear(counts, "Words, e.g. this. @a@b.social #t https://x.com/a 日本語。 " * 3000)
    assert_near_linear(counts, "Dr. e.g. a. B. ... ?! " * 5000)
    assert_near_linear(counts, ("a" * 5000 + "@") * 20)
