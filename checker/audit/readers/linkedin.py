"""LinkedIn data export: ``Shares.csv`` (posts) and ``Comments.csv`` (replies).

``Shares.csv`` has the columns ``Date,ShareLink,ShareCommentary,SharedUrl,
MediaUrl,Visibility``; the commentary may hold quoted newlines. A share whose
``SharedUrl`` is another LinkedIn post is a repost: with commentary it is a
reshare with comment. ``Comments.csv`` (``Date,Link,Message``) holds the
comments the owner left, which are LinkedIn's replies.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from checker.audit.model import LINK, MENTION, ArchiveError, Post, normalise_handle

SHARES = ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility")
COMMENTS = ("Date", "Link", "Message")
_LINKEDIN_POST = re.compile(
    r"linkedin\.com/(?:feed/update|posts)/|urn:li:(?:activity|share|ugcPost)"
)


def header_of(text: str) -> tuple[str, ...]:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    return tuple(cell.strip().strip('"') for cell in first.split(","))


def looks_like_shares(text: str) -> bool:
    return header_of(text)[:3] == SHARES[:3]


def looks_like_comments(text: str) -> bool:
    return header_of(text)[:3] == COMMENTS


def _date(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _rows(text: str, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if text.count('"') % 2:  # quotes pair up in any whole CSV: an odd one was cut off
        raise ArchiveError(f"{name}: the CSV is truncated inside a quoted field")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise ArchiveError(
            f"{name}: expected a LinkedIn CSV with the columns {', '.join(columns)}; "
            f"missing {', '.join(missing)}"
        )
    try:
        return [{k: v or "" for k, v in row.items() if isinstance(k, str)} for row in reader]
    except csv.Error as err:
        raise ArchiveError(f"{name}: the CSV is malformed ({err})") from None


def _mentions(text: str) -> tuple[str, ...]:
    return tuple(normalise_handle(m.group(1)) for m in MENTION.finditer(text))


def read_shares(text: str, name: str) -> list[Post]:
    posts = []
    for row in _rows(text, name, SHARES):
        words = row["ShareCommentary"].strip()
        shared = row["SharedUrl"].strip()
        links = [m.group(0) for m in LINK.finditer(words)]
        reshare = bool(shared and _LINKEDIN_POST.search(shared))
        if shared and not reshare and shared not in links:
            links.append(shared)
        posts.append(
            Post(
                text=words,
                when=_date(row["Date"]),
                repost_of="" if reshare and not words else None,
                quote_of="" if reshare and words else None,
                mentions=_mentions(words),
                links=tuple(links),
                id=row["ShareLink"],
            )
        )
    return posts


def read_comments(text: str, name: str) -> list[Post]:
    return [
        Post(
            text=row["Message"].strip(),
            when=_date(row["Date"]),
            reply_to="",
            mentions=_mentions(row["Message"]),
            links=tuple(m.group(0) for m in LINK.finditer(row["Message"])),
            id=row["Link"],
        )
        for row in _rows(text, name, COMMENTS)
    ]
