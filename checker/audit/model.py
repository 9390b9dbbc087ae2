"""What the readers produce: posts as plain facts, and the archive that holds them.

A reader records what the export says (who a post replies to, whose post it
reshares or quotes, whom it mentions, its links) and leaves the judgement to
the auditor, which alone knows whose archive it is: a reply to yourself is a
thread, not a conversation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

# Bytes the core will hold for one archive (a file, or the members of a zip it
# reads). A year of a busy X account is about 10 MB of tweets.js; 50,000 posts
# about 125 MB. Past this the browser tab would run out of memory.
MAX_BYTES = 150_000_000


class ArchiveError(ValueError):
    """A file the audit cannot read: one clear sentence naming it and what was expected."""


@dataclass(frozen=True, slots=True)
class Post:
    """One post as the export records it.

    ``reply_to``, ``repost_of`` and ``quote_of`` name the other author (a
    handle in lower case without "@", a Bluesky DID, or "" when the export does
    not say); ``None`` means the post is not one.
    """

    text: str  # the words the owner wrote (a plain reshare has none of their own)
    when: datetime | None = None  # timezone-aware, UTC
    reply_to: str | None = None
    repost_of: str | None = None
    quote_of: str | None = None
    mentions: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    id: str = ""


@dataclass
class Archive:
    """A person's posting history as read from one export."""

    format: str  # "x", "mastodon", "bluesky", "linkedin", "plain"
    platform: str | None  # the checker's platform for these posts; None: plain text
    handle: str | None  # the owner's handle, when the export holds one
    posts: list[Post] = field(default_factory=list)
    source: str = ""  # what was read, for the report: "data/tweets.js in archive.zip"
    names: dict[str, str] = field(default_factory=dict)  # Bluesky DID -> handle, when seen
    replies_known: bool = True  # False when the export leaves replies out (Shares.csv alone)


FORMAT_NAMES = {
    "x": "X archive",
    "mastodon": "Mastodon export",
    "bluesky": "Bluesky repository",
    "linkedin": "LinkedIn export",
    "plain": "plain text",
}

# "@name", "@name@host.tld" (Mastodon), "@name.bsky.social": not an e-mail address.
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][\w\-]*(?:\.[\w\-]+)*(?:@[\w\-]+(?:\.[\w\-]+)+)?)")
# Links as people paste them; stops at spaces and closing brackets or quotes.
LINK = re.compile(r"https?://[^\s<>\"')\]]+")


def normalise_handle(handle: str) -> str:
    """``@Ana@Example.social`` -> ``ana@example.social``."""
    return handle.strip().lstrip("@").rstrip(".").lower()


def same_person(a: str, b: str) -> bool:
    """Two handles name the same account; ``ana`` matches ``ana@host`` (host unknown)."""
    a, b = normalise_handle(a), normalise_handle(b)
    if not a or not b:
        return False
    if a == b:
        return True
    # "ana" written without a host matches "ana@host": the archive knows the host, you may not
    if "@" in a and "@" not in b:
        return a.split("@")[0] == b
    if "@" in b and "@" not in a:
        return b.split("@")[0] == a
    return False


def trailing_punctuation(url: str) -> str:
    """A URL without the full stop or comma that ends the sentence around it."""
    return url.rstrip(".,;:!?")


def parse_iso(value: object) -> datetime | None:
    """An ISO 8601 timestamp (``2024-03-01T09:30:00Z``) as an aware datetime; UTC if unsaid."""
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
