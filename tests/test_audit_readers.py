"""Each export reader on small archives in the published formats, and on broken files.

The fixtures under tests/fixtures/audit/ copy the real exports' field names and
nesting, fields nobody needs included; the expected facts were read off the
files by hand.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from audit_archives import (
    OTHER_DID,
    OWNER_DID,
    bluesky_records,
    car_file,
    fixture_bytes,
    tar_gz_of,
    zip_of,
)

from checker.audit import Archive, ArchiveError, read_archive
from checker.audit.detect import read_single
from checker.audit.readers import plain

# --- X ------------------------------------------------------------------------


def x_archive() -> bytes:
    return zip_of(
        {
            "data/account.js": fixture_bytes("x/data/account.js"),
            "data/tweets.js": fixture_bytes("x/data/tweets.js"),
            "data/tweets_media/1005-Fabc.jpg": b"\xff\xd8\xff" + b"\0" * 2000,
            "Your archive.html": b"<html></html>",
        }
    )


def by_id(archive: Archive) -> dict[str, object]:
    return {p.id: p for p in archive.posts}


def test_x_tweets_js_alone() -> None:
    archive = read_archive(fixture_bytes("x/data/tweets.js"), "tweets.js")
    assert (archive.format, archive.platform, archive.handle) == ("x", "x", None)
    posts = by_id(archive)
    # nine entries, one post edited once: eight posts, the edit kept in its latest version
    assert sorted(posts) == ["1000", "1001", "1002", "1003", "1005", "996", "997", "998"]
    edited = posts["1005"]
    assert edited.text.startswith("Our new guide to onboarding is out, with thanks to @jo_dev")
    assert edited.links == ("https://example.com/onboarding",)
    assert "https://example.com/onboarding" in edited.text and "t.co" not in edited.text
    assert edited.mentions == ("jo_dev",)
    assert edited.when == datetime(2023, 2, 14, 10, 5, tzinfo=UTC)
    assert posts["1003"].repost_of == "lena_k" and posts["1003"].text == ""
    assert posts["1002"].reply_to == "sam_p"
    assert posts["1001"].reply_to == "mara_writes"  # a thread of one's own
    assert posts["1000"].quote_of == "ops_anna"
    assert (
        posts["996"].text == "Our team offsite photos are up & they are lovely"
    )  # media link gone
    assert [p.id for p in archive.posts][:2] == ["996", "997"]  # oldest first


def test_x_archive_zip_reads_the_handle_from_account_js() -> None:
    archive = read_archive(io.BytesIO(x_archive()), "twitter-2023.zip")
    assert archive.handle == "mara_writes"
    assert len(archive.posts) == 8
    assert archive.source == "data/tweets.js in twitter-2023.zip"


def test_x_split_archive_reads_every_part_in_order() -> None:
    data = zip_of(
        {
            "twitter-2023-03-01/data/tweets-part1.js": fixture_bytes(
                "x-split/data/tweets-part1.js"
            ),
            "twitter-2023-03-01/data/tweets.js": fixture_bytes("x/data/tweets.js"),
            "twitter-2023-03-01/data/account.js": fixture_bytes("x/data/account.js"),
        }
    )
    archive = read_archive(data, "archive.zip")
    assert len(archive.posts) == 9
    assert archive.posts[-1].id == "2001" and archive.posts[-1].repost_of == "lena_k"


def test_older_x_archive_tweet_js() -> None:
    archive = read_archive(fixture_bytes("x-older/tweet.js"), "tweet.js")
    reply, first = sorted(archive.posts, key=lambda p: p.id, reverse=True)
    assert reply.reply_to == "kimcodes" and reply.mentions == ("kimcodes",)
    assert first.text == "Finished the first draft of the handbook today."
    assert first.when == datetime(2019, 5, 31, 22, 10, tzinfo=UTC)


def test_x_account_js_alone_says_what_to_give_instead() -> None:
    with pytest.raises(ArchiveError, match=r"account.js: .*'account'.*data/tweets.js"):
        read_archive(fixture_bytes("x/data/account.js"), "account.js")


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.999])
def test_truncated_x_file(keep: float) -> None:
    data = fixture_bytes("x/data/tweets.js")
    cut = data[: int(len(data) * keep)]
    with pytest.raises(ArchiveError, match=r"^tweets\.js: the X archive file is truncated"):
        read_archive(cut, "tweets.js")


def test_malformed_x_file() -> None:
    data = fixture_bytes("x/data/tweets.js").replace(b'"full_text" :', b'"full_text" ;', 1)
    with pytest.raises(ArchiveError, match=r"tweets\.js: the X archive file is malformed at line"):
        read_archive(data, "tweets.js")


def test_empty_x_array_has_no_posts() -> None:
    assert read_archive(b"window.YTD.tweets.part0 = [ ]", "tweets.js").posts == []


# --- Mastodon ---------------------------------------------------------------------


def test_mastodon_outbox_alone() -> None:
    archive = read_archive(fixture_bytes("mastodon/outbox.json"), "outbox.json")
    assert (archive.format, archive.platform) == ("mastodon", "mastodon")
    assert archive.handle == "mara@social.example"  # from the activities' actor
    posts = {p.id.rsplit("/", 1)[-1]: p for p in archive.posts}
    assert len(posts) == 7
    first = posts["1"]
    assert first.text.startswith("We published the accessibility checklist")
    assert "example.com/a11y" in first.text
    assert first.links == ("https://example.com/a11y",)  # the hashtag link is not a link out
    assert posts["2"].reply_to == "tom@other.example"
    assert posts["2"].mentions == ("tom@other.example",)
    assert posts["activity"].repost_of == "ines@other.example"
    assert posts["4"].reply_to == "mara@social.example"  # continuing one's own thread
    assert posts["5"].text == "Work rant\n\nThree meetings about one meeting today.\nSend coffee."
    assert posts["6"].quote_of == "ines@other.example"
    # Mastodon shortens a link's text with hidden spans: the words keep the whole URL
    assert posts["7"].text == "https://example.com/news/technology-987654"
    assert posts["1"].when == datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("pack", [zip_of, tar_gz_of])
def test_mastodon_export_reads_actor_json(pack: object) -> None:
    data = pack(  # type: ignore[operator]
        {
            "actor.json": fixture_bytes("mastodon/actor.json"),
            "outbox.json": fixture_bytes("mastodon/outbox.json"),
            "media_attachments/files/1/original/chart.png": b"\x89PNG" + b"\0" * 5000,
            "likes.json": b'{"orderedItems": []}',
        }
    )
    archive = read_archive(io.BytesIO(data), "archive-20240501.tar.gz")
    assert archive.handle == "mara@social.example"
    assert len(archive.posts) == 7


def test_mastodon_actor_json_alone() -> None:
    with pytest.raises(ArchiveError, match=r"actor\.json .*not the posts; expected outbox\.json"):
        read_archive(fixture_bytes("mastodon/actor.json"), "actor.json")


def test_truncated_outbox() -> None:
    data = fixture_bytes("mastodon/outbox.json")
    with pytest.raises(
        ArchiveError,
        match=r"outbox\.json: expected a Mastodon outbox\.json, but the JSON is truncated",
    ):
        read_archive(data[: len(data) // 2], "outbox.json")


def test_json_that_is_not_an_outbox() -> None:
    with pytest.raises(ArchiveError, match=r"a JSON file, but not a Mastodon outbox\.json"):
        read_archive(b'{"name": "package.json", "version": "1.0.0"}', "data.json")


# --- Bluesky ------------------------------------------------------------------------


def test_bluesky_repository() -> None:
    archive = read_archive(car_file(bluesky_records()), "repo.car")
    assert (archive.format, archive.platform, archive.handle) == ("bluesky", "bluesky", OWNER_DID)
    thanks, reply, thread, quote, with_media, external, repost = archive.posts
    assert thanks.mentions == (OTHER_DID,) and thanks.links == ("https://example.com/notes",)
    assert archive.names == {OTHER_DID: "ines.bsky.social"}
    assert reply.reply_to == OTHER_DID
    assert thread.reply_to == OWNER_DID
    assert quote.quote_of == OTHER_DID and with_media.quote_of == OTHER_DID
    assert external.links == ("https://example.com/roadmap",) and external.quote_of is None
    assert repost.repost_of == OTHER_DID and repost.text == ""
    assert repost.when == datetime(2024, 6, 6, 9, 0, tzinfo=UTC)


def test_bluesky_detected_by_content_under_any_name() -> None:
    assert read_archive(car_file(bluesky_records()), "backup.bin").format == "bluesky"


def test_truncated_bluesky_repository() -> None:
    data = car_file(bluesky_records())
    with pytest.raises(
        ArchiveError,
        match=r"repo\.car: expected a Bluesky repository \(\.car\), but .*(cut short|truncated)",
    ):
        read_archive(data[: len(data) - 7], "repo.car")


# --- LinkedIn -------------------------------------------------------------------------


def test_linkedin_shares() -> None:
    archive = read_archive(fixture_bytes("linkedin/Shares.csv"), "Shares.csv")
    assert (archive.format, archive.platform, archive.replies_known) == (
        "linkedin",
        "linkedin",
        False,
    )
    hired, reshare, quote, report, offer = archive.posts
    assert hired.text == (
        "Spring update: we hired three engineers this season.\r\n"
        'Welcome to the team, Priya and Tom! "Onboarding week" starts Monday.'
    )
    assert hired.when == datetime(2023, 5, 4, 10, 22, 31, tzinfo=UTC)
    assert reshare.repost_of == "" and reshare.text == ""
    assert quote.quote_of == "" and quote.text.startswith("Dana wrote")
    assert report.links == ("https://example.com/report-q2",) and report.quote_of is None
    assert offer.links == ("https://example.com/workshop",)


def test_linkedin_export_with_comments() -> None:
    data = zip_of(
        {
            "Shares.csv": fixture_bytes("linkedin/Shares.csv"),
            "Comments.csv": fixture_bytes("linkedin/Comments.csv"),
            "Connections.csv": b"First Name,Last Name\r\nSam,P\r\n",
        }
    )
    archive = read_archive(data, "Basic_LinkedInDataExport.zip")
    assert archive.replies_known
    assert [p.reply_to for p in archive.posts].count("") == 1
    assert len(archive.posts) == 6


def test_linkedin_csv_missing_columns() -> None:
    with pytest.raises(ArchiveError, match="missing SharedUrl"):
        read_single(b"Date,ShareLink,ShareCommentary\r\n2023-01-01 00:00:00,x,y\r\n", "Shares.csv")


def test_truncated_linkedin_csv() -> None:
    data = fixture_bytes("linkedin/Shares.csv")
    cut = data[: data.index(b"Welcome")]  # inside the quoted commentary
    with pytest.raises(ArchiveError, match=r"Shares\.csv: the CSV is (truncated|malformed)"):
        read_archive(cut, "Shares.csv")


# --- plain text ----------------------------------------------------------------------


def test_plain_text_blank_lines() -> None:
    archive = read_archive(fixture_bytes("plain/posts.txt"), "posts.txt")
    assert (archive.format, archive.platform) == ("plain", None)
    _shipped, thanks, rt, reply, bare = archive.posts
    assert thanks.mentions == ("ana", "bo")
    assert rt.repost_of == "lena_k" and rt.text == ""
    assert reply.reply_to == "carol"
    assert bare.links == ("https://example.com/news/technology-123456",)
    assert all(p.when is None for p in archive.posts)


def test_plain_text_separator_lines_keep_paragraphs() -> None:
    first, quote, _sell = read_archive(fixture_bytes("plain/thread.txt"), "thread.txt").posts
    assert first.text == "First post of the week.\n\nIt has two paragraphs, and stays one post."
    assert quote.quote_of == "ops_anna"


def test_plain_split_by_crlf() -> None:
    assert plain.split("one\r\n\r\ntwo\r\n") == ["one", "two"]


# --- detection and refusal --------------------------------------------------------------


def test_format_comes_from_content_not_name() -> None:
    assert read_archive(fixture_bytes("x/data/tweets.js"), "notes.txt").format == "x"
    assert read_archive(fixture_bytes("mastodon/outbox.json"), "posts.txt").format == "mastodon"
    assert read_archive(fixture_bytes("plain/posts.txt"), "tweets.js").format == "plain"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", r"^empty\.bin: the file is empty; expected an X archive"),
        (b"  \n\n \n", r"^empty\.bin: the file holds only blank lines"),
        (b"\x00\x01\x02\xff\xfe binary", r"^empty\.bin: not text \(byte 0xff at offset 3\)"),
        (b"\x00\x00\x00 nul bytes", r"^empty\.bin: binary data of an unknown kind"),
        (b"PK\x03\x04 not really a zip", r"^empty\.bin: the zip file is damaged or truncated"),
        (
            b"\x1f\x8b\x08 not really gzip",
            r"^empty\.bin: the \.tar\.gz file is damaged or truncated",
        ),
    ],
)
def test_unknown_and_broken_files_get_one_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        read_archive(data, "empty.bin")


def test_truncated_zip() -> None:
    data = x_archive()
    with pytest.raises(ArchiveError, match="the zip file is damaged or truncated"):
        read_archive(data[: len(data) - 40], "archive.zip")


def test_zip_without_a_known_member() -> None:
    with pytest.raises(ArchiveError, match=r"holding none of data/tweets\.js \(X\), outbox\.json"):
        read_archive(zip_of({"photos/1.jpg": b"\xff\xd8"}), "photos.zip")


def test_zip_reads_only_the_members_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", name))  # type: ignore[arg-type]
        return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

    data = x_archive()
    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    read_archive(data, "archive.zip")
    assert sorted(opened) == ["data/account.js", "data/tweets.js"]


def test_too_big_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.audit import detect

    monkeypatch.setattr(detect, "MAX_BYTES", 1000)
    with pytest.raises(ArchiveError, match=r"^big\.js: 0 MB is more than the audit reads"):
        read_archive(b"x" * 1001, "big.js")
    big_member = zip_of({"outbox.json": b" " * 1001})
    with pytest.raises(ArchiveError, match="more than the audit reads"):
        read_archive(big_member, "export.zip")


def test_truncated_tar_gz() -> None:
    data = tar_gz_of({"outbox.json": fixture_bytes("mastodon/outbox.json")})
    with pytest.raises(
        ArchiveError, match=r"export\.tar\.gz: the \.tar\.gz file is damaged or truncated"
    ):
        read_archive(data[: len(data) // 2], "export.tar.gz")


def test_bluesky_repository_inside_a_zip() -> None:
    archive = read_archive(zip_of({"backup/repo.car": car_file(bluesky_records())}), "bsky.zip")
    assert archive.format == "bluesky" and len(archive.posts) == 7
    assert archive.source == "backup/repo.car in bsky.zip"
