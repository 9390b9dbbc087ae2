"""X long posts: ``data/note-tweet.js`` gives the audit the whole text of a post that
``tweets.js`` cuts short.

The fixture (tests/fixtures/audit/x-long/) copies the archive's shape, fields nobody
needs included (``lifecycle``, ``styletags``, ``fromIndex``...). What it holds, read off
by hand:

- 2001: a long post; its note carries the rest, with @ines_k, a link and an offer.
- 2002: a long reply to @sam_p; the note leaves out the leading "@sam_p" and was
  stamped 50 ms before the post, in the second before (paired anyway).
- 2003: a long post; a second note made in the same second (another post's) comes
  first in the file: the words decide.
- 2005: "Coffee first.", in that same second and the opening of that other note, but
  not cut short: it keeps its words, and that note stays unused.
- 2004: a long post whose note is missing: it keeps its short text.
- 2006: a retweet cut short, no note.
- One note has no post (deleted later): it does not become one.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from audit_archives import FIXTURES, fixture_bytes, tar_gz_of, zip_of

from checker.audit import Archive, read_archive
from checker.audit.model import Post
from checker.audit.readers import x_notes
from checker.audit.session import AuditSession

TWEETS = "x-long/data/tweets.js"
NOTES = "x-long/data/note-tweet.js"


def note_texts() -> list[str]:
    text = fixture_bytes(NOTES).decode("utf-8")
    rows = json.loads(text.split("=", 1)[1])
    return [row["noteTweet"]["core"]["text"] for row in rows]


DECOY, LONG1, LONG2, ORPHAN, LONG3 = note_texts()


def archive_zip(notes: bytes | None = fixture_bytes(NOTES)) -> bytes:
    members = {
        "data/account.js": fixture_bytes("x/data/account.js"),
        "data/tweets.js": fixture_bytes(TWEETS),
        "data/tweets_media/2001-Fxyz.jpg": b"\xff\xd8\xff" + b"\0" * 500,
        "Your archive.html": b"<html></html>",
    }
    if notes is not None:
        members["data/note-tweet.js"] = notes
    return zip_of(members)


def posts_of(archive: Archive) -> dict[str, Post]:
    return {p.id: p for p in archive.posts}


def test_long_posts_get_their_whole_text_from_the_notes() -> None:
    archive = read_archive(io.BytesIO(archive_zip()), "twitter.zip")
    posts = posts_of(archive)
    assert archive.source == "data/tweets.js, data/note-tweet.js in twitter.zip"
    # six posts in tweets.js, six posts read: no note became a post of its own
    assert sorted(posts) == ["2001", "2002", "2003", "2004", "2005", "2006"]
    assert all(ORPHAN[:40] not in p.text for p in archive.posts)

    long1 = posts["2001"]
    assert long1.text == LONG1.replace(
        "https://t.co/n0te1", "https://example.com/newcomer-interviews"
    )
    assert long1.mentions == ("ines_k",)  # named after the cut: only the note knows
    # the note's link, and not X's "show more" link to the post itself
    assert long1.links == ("https://example.com/newcomer-interviews",)

    reply = posts["2002"]
    assert reply.text == "@sam_p " + LONG2
    assert reply.reply_to == "sam_p"
    assert reply.mentions == ("sam_p", "ops_anna")

    assert posts["2003"].text == LONG3  # not the other note made in that second
    assert posts["2005"].text == "Coffee first."  # not cut short: its own words


def test_a_long_post_without_its_note_keeps_its_short_text() -> None:
    posts = posts_of(read_archive(io.BytesIO(archive_zip()), "twitter.zip"))
    short = posts["2004"]
    assert short.text.endswith("stayed to talk about alt…")
    assert short.links == () and "t.co" not in short.text and "i/web" not in short.text
    assert posts["2006"].repost_of == "lena_k" and posts["2006"].text == ""


def test_without_note_tweet_js_every_long_post_is_cut_short() -> None:
    archive = read_archive(io.BytesIO(archive_zip(None)), "twitter.zip")
    assert archive.source == "data/tweets.js in twitter.zip"
    posts = posts_of(archive)
    assert [p.text.endswith("…") for p in archive.posts if p.id != "2005" and p.text] == [True] * 4
    assert posts["2001"].mentions == () and posts["2001"].links == ()


def test_the_audit_counts_what_only_the_whole_text_says() -> None:
    """The offer and the two people credited are past the cut: the audit sees them only
    with the notes (worked out by hand: one selling post, @ines_k and @ops_anna credited)."""
    whole = AuditSession.start(archive_zip(), "twitter.zip")
    short = AuditSession.start(archive_zip(None), "twitter.zip")
    for session in (whole, short):
        while not session.finished:
            session.step()
    with_notes, without = whole.result(), short.result()
    assert with_notes["posts"] == without["posts"] == 6
    assert with_notes["kinds"] == without["kinds"]
    assert (with_notes["selling"], without["selling"]) == (1, 0)
    people = {p["handle"] for p in with_notes["people"]}
    assert {"ines_k", "ops_anna"} <= people
    assert not {"ines_k", "ops_anna"} & {p["handle"] for p in without["people"]}
    assert "hard-sell" in [f["rule"] for f in with_notes["findings"]]


@pytest.mark.parametrize(
    ("notes", "why"),
    [
        (fixture_bytes(NOTES)[:700], "the X archive file is truncated at line 28, column 9"),
        (
            fixture_bytes(NOTES).replace(b'"core" :', b'"core" ', 1),
            "the X archive file is malformed at line 13, column 15",
        ),
        (b"window.YTD.like.part0 = []", "an X archive file of 'like', not of long posts"),
        (b"\xff\xfe not text", "not text"),
        (b"", "expected an X archive file starting 'window.YTD.'"),
    ],
    ids=["truncated", "malformed", "another-file", "not-text", "empty"],
)
def test_a_broken_note_file_is_ignored_and_the_source_line_says_so(notes: bytes, why: str) -> None:
    """Every post is still in tweets.js: the audit runs, the long ones cut short, and the
    one line that names what was read says the notes were not, and why in a few words
    (the report's heading, the page, the JSON's "source")."""
    archive = read_archive(io.BytesIO(archive_zip(notes)), "twitter.zip")
    assert len(archive.posts) == 6
    assert posts_of(archive)["2001"].text.endswith("…")
    assert archive.source == (
        f"data/tweets.js in twitter.zip, without data/note-tweet.js ({why}): "
        "posts over 280 characters are audited as cut short"
    )


def test_notes_in_a_tar_gz_and_split_note_files() -> None:
    rows = json.loads(fixture_bytes(NOTES).decode().split("=", 1)[1])
    part1 = "window.YTD.note_tweet.part1 = " + json.dumps(rows[:2])
    part2 = "window.YTD.note_tweet.part2 = " + json.dumps(rows[2:])
    data = tar_gz_of(
        {
            "data/tweets.js": fixture_bytes(TWEETS),
            "data/note-tweet-part2.js": part2.encode(),
            "data/note-tweet-part1.js": part1.encode(),
        }
    )
    archive = read_archive(io.BytesIO(data), "x.tar.gz")
    assert archive.source == (
        "data/tweets.js, data/note-tweet-part1.js, data/note-tweet-part2.js in x.tar.gz"
    )
    assert posts_of(archive)["2003"].text == LONG3


def test_a_note_naming_its_post_is_taken_at_its_word() -> None:
    """A few archives record the post's id (``tweetId``): then no guessing is needed."""
    rows = json.loads(fixture_bytes(NOTES).decode().split("=", 1)[1])
    rows[0]["noteTweet"]["tweetId"] = "2004"  # the other post's note, made the same second
    notes = ("window.YTD.note_tweet.part0 = " + json.dumps(rows)).encode()
    posts = posts_of(read_archive(io.BytesIO(archive_zip(notes)), "twitter.zip"))
    assert posts["2004"].text == DECOY
    assert posts["2003"].text == LONG3


def test_a_lone_note_tweet_js_says_what_to_give_instead() -> None:
    with pytest.raises(Exception, match=r"^note-tweet\.js: an X archive file of 'note_tweet'"):
        read_archive(fixture_bytes(NOTES), "note-tweet.js")


@pytest.mark.parametrize(
    ("post", "note", "paired"),
    [
        ("The start of a long post about…", "The start of a long post about reviews", True),
        (
            "The start of a long post about… https://t.co/a",
            "The start of a long post about x",
            True,
        ),
        ("@ana @bo The start of it… https://t.co/a", "The start of it and more", True),
        ("R&amp;D is where… https://t.co/a", "R&D is where the money goes", True),
        ("Spaces  and\nlines…", "Spaces and lines and more", True),
        ("The start of a long post about…", "Another post entirely, made that second", False),
        ("The start of a long post about…", "The start of a long post about", False),  # not longer
        ("… https://t.co/a", "Anything at all", False),  # no words to compare
    ],
)
def test_pairing_by_words(post: str, note: str, paired: bool) -> None:
    from datetime import UTC, datetime

    when = datetime(2024, 3, 9, 13, 14, 15, tzinfo=UTC)
    found = x_notes.to_note(
        {"noteTweet": {"createdAt": "2024-03-09T13:14:15.000Z", "core": {"text": note}}}
    )
    assert found is not None
    notes = x_notes.Notes([found])
    assert (notes.take("1", when, post) is not None) is paired


def test_pairing_by_time_allows_two_seconds() -> None:
    from datetime import UTC, datetime, timedelta

    note = x_notes.to_note(
        {"noteTweet": {"createdAt": "2024-03-09T13:14:15.000Z", "core": {"text": "Words and more"}}}
    )
    assert note is not None
    at = datetime(2024, 3, 9, 13, 14, 15, tzinfo=UTC)
    for gap, paired in ((0, True), (2, True), (-2, True), (3, False), (-3, False)):
        notes = x_notes.Notes([note])
        assert (notes.take("", at + timedelta(seconds=gap), "Words…") is not None) is paired, gap
    once = x_notes.Notes([note])
    assert once.take("", at, "Words…") is not None
    assert once.take("", at, "Words…") is None  # each note is used once


def test_cli_reads_note_tweet_js_beside_a_lone_tweets_js(tmp_path: Path) -> None:
    """An unpacked archive: `etiquette audit data/tweets.js` finds data/note-tweet.js
    and data/account.js beside it."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "tweets.js").write_bytes(fixture_bytes(TWEETS))
    (data / "note-tweet.js").write_bytes(fixture_bytes(NOTES))
    (data / "account.js").write_bytes(fixture_bytes("x/data/account.js"))

    def run() -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-m", "checker", "audit", "data/tweets.js", "--format", "json"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    whole = run()
    assert whole["source"] == "data/tweets.js, data/note-tweet.js"
    assert whole["handle"] == "mara_writes"  # from account.js beside it
    items = {item["id"]: item for item in whole["items"]}  # type: ignore[attr-defined]
    assert items["2001"]["credits"] == ["ines_k"] and items["2001"]["findings"] == ["hard-sell"]
    assert items["2001"]["links"] == ["https://example.com/newcomer-interviews"]
    (data / "note-tweet.js").unlink()
    short = run()
    assert short["source"] == "data/tweets.js" and short["selling"] == 0
    first = next(i for i in short["items"] if i["id"] == "2001")  # type: ignore[attr-defined]
    assert (first["credits"], first["links"], first["findings"]) == ([], [], [])
    assert whole["selling"] == 1


def test_fixture_long_posts_are_cut_as_x_cuts_them() -> None:
    """The fixture is faithful: the long posts' full_text is the note's opening, under
    280 characters plus the link, ending in "…" and X's t.co "show more" link."""
    tweets = json.loads(fixture_bytes(TWEETS).decode().split("=", 1)[1])
    cut = [t["tweet"] for t in tweets if t["tweet"]["id_str"] in ("2001", "2002", "2003", "2004")]
    for tweet in cut:
        assert re.search(r"… https://t\.co/\w+$", tweet["full_text"])
        assert len(tweet["full_text"]) <= 280 + 24
        assert tweet["entities"]["urls"][-1]["expanded_url"].endswith(tweet["id_str"])
    assert (FIXTURES / NOTES).is_file()


def test_an_edited_long_post_gets_the_note_in_its_last_version() -> None:
    """Two versions of one long post, one note (made with the first, updated with the
    second): the version kept, the last, has the note's words; the first does not take
    them on the way."""
    tweets = json.loads(fixture_bytes(TWEETS).decode().split("=", 1)[1])
    base = next(t for t in tweets if t["tweet"]["id_str"] == "2003")["tweet"]
    edit = {"editTweetIds": ["2010", "2011"], "editableUntil": "2024-05-02T11:00:00.000Z"}
    first = {
        **base,
        "id_str": "2010",
        "id": "2010",
        "created_at": "Thu May 02 10:00:00 +0000 2024",
        "edit_info": {"initial": {**edit, "editsRemaining": "5", "isEditEligible": True}},
    }
    second = {
        **base,
        "id_str": "2011",
        "id": "2011",
        "created_at": "Thu May 02 10:12:30 +0000 2024",
        "edit_info": {"edit": {"initialTweetId": "2010", "editControlInitial": edit}},
    }
    rows = [{"tweet": first}, {"tweet": second}]
    notes = json.loads(fixture_bytes(NOTES).decode().split("=", 1)[1])
    note = json.loads(json.dumps(notes[4]))  # LONG3's note, as the edited version's
    note["noteTweet"]["createdAt"] = "2024-05-02T10:00:00.000Z"
    note["noteTweet"]["updatedAt"] = "2024-05-02T10:12:30.000Z"
    note["noteTweet"]["core"]["text"] = LONG3 + " (Edited: a fourth, on naming.)"
    data = zip_of(
        {
            "data/tweets.js": ("window.YTD.tweets.part0 = " + json.dumps(rows)).encode(),
            "data/note-tweet.js": ("window.YTD.note_tweet.part0 = " + json.dumps([note])).encode(),
        }
    )
    archive = read_archive(io.BytesIO(data), "twitter.zip")
    assert [(p.id, p.text) for p in archive.posts] == [
        ("2011", LONG3 + " (Edited: a fourth, on naming.)")
    ]
