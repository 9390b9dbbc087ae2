"""The thread splitter: posts that fit, cut where a reader pauses, nothing lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus_drafts import CorpusDraft, corpus_drafts
from growth import assert_near_linear
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import PLATFORMS, Config, check, cli, graphemes, platforms, split_posts, twitter_text
from checker.split import JOINER, THREADED, has_threads, split_thread

NUMBER = re.compile(r" (\d+)/(\d+)\Z")


def unnumbered(posts: tuple[str, ...]) -> list[str]:
    out = []
    for i, post in enumerate(posts, 1):
        m = NUMBER.search(post)
        assert m and int(m.group(1)) == i and int(m.group(2)) == len(posts), post
        out.append(post[: m.start()])
    return out


def own_posts(text: str) -> str:
    """The draft without the thread breaks the writer typed (they stay breaks)."""
    return " ".join(text[a:b] for a, b in split_posts(text))


def squeezed(text: str) -> str:
    """``text`` without any whitespace: what must survive a split, in order."""
    return "".join(text.split())


def assert_fits_as_the_checker_counts(
    joined: str, platform: str, config: Config, posts: tuple[str, ...]
) -> None:
    report = check(joined, platform=platform, kind="thread", config=config)
    assert [joined[p.start : p.end] for p in report.length.posts] == list(posts)
    assert not any(p.over for p in report.length.posts), report.length
    byte_limit = PLATFORMS[platform].byte_limit
    if byte_limit is not None:
        assert all(platforms.utf8_length(p) <= byte_limit for p in posts)


# --- drafts made of the things real posts hold --------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDÉéü'-", min_size=1, max_size=12)
PUNCTUATED = st.builds(
    lambda w, p: w + p, WORD, st.sampled_from([".", ",", "!", "?", ";", ":", "…", ".)"])
)
URL = st.builds(
    lambda host, path: f"https://{host}.com/{path}",
    st.text(alphabet="abcdefgh", min_size=1, max_size=6),
    st.text(alphabet="abc123/-_", max_size=10),
)
MENTION = st.sampled_from(["@anna", "@bob_lee", "@tom@fosstodon.org", "@dev.team"])
HASHTAG = st.sampled_from(["#a11y", "#FF", "#OpenData", "#日本"])
EMOJI = st.sampled_from(["🎉", "👩\u200d👩\u200d👧\u200d👦", "👍🏽", "🇺🇦", "❤️", "e\u0301"])
CJK = st.text(alphabet="日本語の文章です今天天气很好。、", min_size=1, max_size=10)
TOKEN = st.one_of(WORD, WORD, WORD, PUNCTUATED, URL, MENTION, HASHTAG, EMOJI, CJK, st.just("1/2"))
SPACE = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "])
SHORT_TOKEN = st.one_of(
    WORD, WORD, PUNCTUATED, MENTION, HASHTAG, st.sampled_from(["🎉", "👍🏽", "❤️"])
)


@st.composite
def drafts(draw: st.DrawFn, token: st.SearchStrategy[str] = TOKEN) -> str:
    tokens = draw(st.lists(token, min_size=10, max_size=150))
    spaces = draw(st.lists(SPACE, min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, spaces, strict=True)).strip()


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    drafts(),
    st.sampled_from(sorted(THREADED)),
    st.integers(min_value=40, max_value=200),
    st.booleans(),
)
def test_every_post_fits_and_nothing_is_lost_or_reordered(
    draft: str, platform: str, limit: int, numbering: bool
) -> None:
    config = Config(limits={platform: limit})
    result = split_thread(draft, platform=platform, numbering=numbering, config=config)
    # every piece here (a link, a handle, an emoji) is shorter than the limit
    assert result.ok, result.reason
    posts = unnumbered(result.posts) if result.numbered else list(result.posts)
    assert squeezed("".join(posts)) == squeezed(own_posts(draft))
    assert_fits_as_the_checker_counts(result.text, platform, config, result.posts)
    # the counts reported are the checker's
    assert result.counts == tuple(PLATFORMS[platform].count(p) for p in result.posts)


@SETTINGS
@given(
    drafts(SHORT_TOKEN),
    st.sampled_from(sorted(THREADED)),
    st.integers(min_value=40, max_value=200),
    st.booleans(),
)
def test_cuts_fall_between_words_when_every_word_fits(
    draft: str, platform: str, limit: int, numbering: bool
) -> None:
    config = Config(limits={platform: limit})
    result = split_thread(draft, platform=platform, numbering=numbering, config=config)
    assert result.ok, result.reason
    posts = unnumbered(result.posts) if result.numbered else list(result.posts)
    # whitespace-normalised, the posts rejoin to the draft word for word
    assert " ".join(posts).split() == own_posts(draft).split()


@SETTINGS
@given(drafts(), st.sampled_from(sorted(THREADED)), st.integers(min_value=40, max_value=200))
def test_links_mentions_and_hashtags_are_never_cut(draft: str, platform: str, limit: int) -> None:
    result = split_thread(draft, platform=platform, config=Config(limits={platform: limit}))
    assert result.ok
    for entity in (
        *twitter_text.extract_urls_with_indices(draft),
        *twitter_text.extract_mentions_with_indices(draft),
        *twitter_text.extract_hashtags_with_indices(draft),
    ):
        whole = draft[entity.start : entity.end]
        assert any(whole in post for post in result.posts), whole


def test_a_long_post_is_cut_at_sentence_ends() -> None:
    sentences = [
        "Last week I spoke at the regional library conference about small archives.",
        "The room was full, which surprised me for a Friday afternoon slot.",
        "Three questions stuck with me: who pays for scanning, who owns the scans, and who fixes the metadata.",
        "I don't have full answers yet, but the slides are up for anyone who wants them.",
        "Thanks to @anna and @bob_lee for the invitation!",
    ]
    result = split_thread(" ".join(sentences), platform="x")
    assert result.ok and len(result.posts) >= 2
    for post in result.posts:
        assert post.endswith((".", "!")), post
    assert " ".join(result.posts) == " ".join(sentences)


def test_a_sentence_too_long_alone_is_cut_after_a_clause() -> None:
    sentence = (
        "We tried the new layout with forty readers over two weeks, "
        + "and most of them found the search box sooner, "
        + "though several missed the old menu and said so in the survey, "
        + "which is why the menu is coming back as an option in the settings page next month"
    )
    result = split_thread(
        sentence + ".", platform="bluesky", config=Config(limits={"bluesky": 120})
    )
    assert result.ok and len(result.posts) >= 2
    assert all(post.endswith((",", ".")) for post in result.posts), result.posts


def test_numbering_reserves_its_width_when_the_count_reaches_ten() -> None:
    # posts that fit exactly at one digit overflow when "n/n" grows to two digits
    draft = " ".join(f"Sentence number {i} is here." for i in range(60))
    config = Config(limits={"mastodon": 60})
    result = split_thread(draft, platform="mastodon", numbering=True, config=config)
    assert result.ok and result.numbered and len(result.posts) >= 10
    assert result.posts[0].endswith(f" 1/{len(result.posts)}")
    assert max(result.counts) <= 60
    assert_fits_as_the_checker_counts(result.text, "mastodon", config, result.posts)


def test_a_draft_that_fits_comes_back_whole_and_unnumbered() -> None:
    result = split_thread("  Short and sweet.  ", platform="x", numbering=True)
    assert result.posts == ("Short and sweet.",) and not result.numbered


def test_the_writers_own_thread_breaks_are_kept() -> None:
    draft = "First part.\n---\n" + "Second part is long. " * 20 + "\n---\nLast part."
    result = split_thread(draft, platform="x")
    assert result.posts[0] == "First part." and result.posts[-1] == "Last part."
    assert len(result.posts) >= 4


def test_cjk_without_spaces_is_cut_between_characters() -> None:
    draft = "今日は図書館の会議で小さなアーカイブについて話しました" * 12
    result = split_thread(draft, platform="x")
    assert result.ok and len(result.posts) >= 2
    assert "".join(result.posts) == draft
    assert max(result.counts) <= 280


def test_bluesky_bytes_are_a_limit_too() -> None:
    family = "👩\u200d👩\u200d👧\u200d👦"  # one grapheme, 25 bytes
    draft = " ".join([family] * 250)  # 499 graphemes, over 6,000 bytes
    result = split_thread(draft, platform="bluesky")
    assert result.ok
    assert all(platforms.utf8_length(p) <= 3000 for p in result.posts)
    assert_fits_as_the_checker_counts(result.text, "bluesky", Config(), result.posts)


def test_threads_posts_keep_to_five_links() -> None:
    draft = " ".join(f"Read https://site{i}.com/a today." for i in range(14))
    result = split_thread(draft, platform="threads")
    assert result.ok and len(result.posts) >= 3
    for post in result.posts:
        assert len(twitter_text.extract_urls_with_indices(post)) <= 5


def test_a_link_longer_than_the_limit_is_reported_not_cut() -> None:
    link = "https://example.com/" + "a" * 400
    result = split_thread(f"Look: {link} wow", platform="bluesky")
    assert not result.ok and result.posts == ()
    assert "https://example.com/aaa" in result.reason and "300 graphemes" in result.reason


@pytest.mark.parametrize("platform", sorted(set(PLATFORMS) - THREADED))
def test_networks_without_threads_refuse_plainly(platform: str) -> None:
    assert not has_threads(platform)
    result = split_thread("A long post. " * 600, platform=platform)
    assert not result.ok
    assert f"{PLATFORMS[platform].label} has no threads" in result.reason


def test_an_empty_draft_has_nothing_to_split() -> None:
    result = split_thread(" \n\t ", platform="x")
    assert not result.ok and "empty" in result.reason


def test_hyphen_runs_never_become_thread_breaks() -> None:
    draft = ("word ---- " * 80).strip()
    result = split_thread(draft, platform="x", config=Config(limits={"x": 50}))
    assert result.ok
    joined = result.text
    assert [joined[a:b] for a, b in split_posts(joined)] == list(result.posts)


def test_to_dict_is_json_ready() -> None:
    result = split_thread("One sentence here. " * 30, platform="x", numbering=True)
    data = result.to_dict()
    assert data["ok"] is True and data["numbered"] is True
    assert data["text"] == JOINER.join(p["text"] for p in data["posts"])
    assert [p["count"] for p in data["posts"]] == list(result.counts)


def test_splitting_stays_near_linear() -> None:
    words = "Plain words and a link https://example.com/a in sentences. " * 400
    assert_near_linear(lambda t: split_thread(t, platform="x"), words)
    no_spaces = "あ" * 30000
    assert_near_linear(lambda t: split_thread(t, platform="mastodon"), no_spaces)


def test_the_split_command_prints_a_thread_the_checker_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = "A sentence that goes on for a while. " * 12
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    assert cli.main(["split", str(path), "--platform", "bluesky", "--numbered"]) == 0
    thread = capsys.readouterr().out
    assert thread.endswith("\n")
    report = check(thread, platform="bluesky", kind="thread")
    assert len(report.length.posts) >= 2 and not report.length.over
    assert cli.main(["split", str(path), "--platform", "x", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["text"] == split_thread(draft, platform="x").text


def test_the_split_command_says_why_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("A long post. " * 300, encoding="utf-8")
    assert cli.main(["split", str(path), "--platform", "linkedin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "LinkedIn has no threads" in err


@SETTINGS
@given(drafts(), st.sampled_from(sorted(THREADED)), st.integers(min_value=40, max_value=200))
def test_no_character_is_cut_in_two(draft: str, platform: str, limit: int) -> None:
    result = split_thread(draft, platform=platform, config=Config(limits={platform: limit}))
    assert result.ok
    clusters = [draft[a:b] for a, b in graphemes.grapheme_spans(draft) if not draft[a:b].isspace()]
    pieces = [
        p[a:b] for p in result.posts for a, b in graphemes.grapheme_spans(p) if not p[a:b].isspace()
    ]
    assert pieces == clusters


@pytest.mark.parametrize("draft", corpus_drafts(), ids=lambda d: d.id)
def test_corpus_drafts_split_into_posts_that_fit_and_read_back(draft: CorpusDraft) -> None:
    # a tight limit, so that most drafts need several posts
    for platform in sorted(THREADED):
        config = Config(limits={platform: 120})
        result = split_thread(draft.text, platform=platform, numbering=True, config=config)
        if not result.ok:  # only a piece longer than 120 on its own may stop it
            assert "alone is longer than" in result.reason, result.reason
            continue
        posts = unnumbered(result.posts) if result.numbered else list(result.posts)
        # the writer's own "---" breaks stay breaks: compare with the posts they hold
        assert squeezed("".join(posts)) == squeezed(own_posts(draft.text))
        assert_fits_as_the_checker_counts(result.text, platform, config, result.posts)
