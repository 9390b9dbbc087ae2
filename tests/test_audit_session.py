"""``AuditSession``: the stepwise audit the CLI and the browser worker drive."""

from __future__ import annotations

import pytest
from audit_archives import fixture_bytes, zip_of

from checker.audit import ArchiveError, AuditSession, auditor_for, read_archive


def x_zip() -> bytes:
    return zip_of(
        {
            "data/account.js": fixture_bytes("x/data/account.js"),
            "data/tweets.js": fixture_bytes("x/data/tweets.js"),
        }
    )


def test_steps_report_progress_and_end_where_one_go_does() -> None:
    session = AuditSession.start(x_zip(), "twitter.zip")
    assert (session.done, session.total, session.finished) == (0, 8, False)
    seen = []
    while not session.finished:
        seen.append(session.step(3))
    assert seen == [3, 6, 8]
    archive = read_archive(x_zip(), "twitter.zip")
    auditor = auditor_for(archive)
    auditor.feed(archive.posts)
    assert session.result(items=True) == auditor.result().to_dict()
    assert "items" not in session.result()


def test_stopping_early_leaves_a_consistent_partial_audit() -> None:
    """What a cancel leaves: the posts done so far, counted as fully as at the end."""
    session = AuditSession.start(x_zip(), "twitter.zip")
    session.step(5)
    data = session.result()
    assert data["posts"] == 5 and sum(data["kinds"].values()) == 5


def test_pictures_are_the_reports() -> None:
    session = AuditSession.start(fixture_bytes("mastodon/outbox.json"), "outbox.json")
    session.step(1000)
    pictures = session.pictures()
    page = session.html()
    assert pictures["balance"] in page and pictures["trend"] in page
    assert session.text().startswith("Feed audit: 7 posts from outbox.json")


def test_a_bad_since_is_refused_before_reading() -> None:
    with pytest.raises(ArchiveError, match='"yesterday" is not a date'):
        AuditSession.start(b"", "empty.txt", since="yesterday")
    session = AuditSession.start(x_zip(), "twitter.zip", since="2023-02-01")
    session.step(100)
    assert session.result()["posts"] == 3
