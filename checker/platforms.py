"""The platform table: limits, how each network counts, and hashtag norms.

Each platform's numbers carry a ``source`` (where they come from, in words) and
the date they were ``checked``. Counting is exact where the network publishes
how it counts, and otherwise errs on the side of counting more, never less: the
over-limit rule is an error, and a checker that says "fits" for a post that
the network then refuses is worse than one that is strict by a character.

What "characters" means per platform:

- **x**: twitter-text v3 weighted length (``checker.twitter_text``): most
  scripts weigh 1, CJK and emoji 2, every URL 23.
- **mastodon**: grapheme clusters (the server counts ``each_grapheme_cluster``),
  after replacing each URL that has a scheme with 23 characters and each remote
  mention ``@user@domain`` with ``@user``.
- **bluesky**: grapheme clusters (the post record's ``maxGraphemes``), and also
  UTF-8 bytes (the record's ``maxLength``).
- **threads**: UTF-16 code units, except that each emoji counts its UTF-8 bytes,
  as Meta's Threads API documents.
- **linkedin, facebook, instagram**: UTF-16 code units, what JavaScript's
  ``length`` counts in their composers and what Java-family back ends count. An
  emoji outside the Basic Multilingual Plane, or a "bold" math letter, counts 2.
  Counting code points instead would call such a post shorter than the network
  does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checker import graphemes, twitter_text

CHECKED = "2026-11-24"

UNITS = ("weighted", "graphemes", "characters")


class UnknownPlatform(ValueError):
    """A platform name that is not in the table; the message lists the known ones."""


def utf16_length(text: str) -> int:
    """The length JavaScript's ``String.length`` reports: astral code points count 2."""
    if text.isascii():
        return len(text)
    # surrogatepass: a lone surrogate (from a broken paste) is one unit, not an error
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _x_count(text: str) -> int:
    return twitter_text.weighted_length(text)


# Mastodon's Account::MENTION_RE, for the remote form only: "@user@domain" counts
# as "@user". The username runs are bounded by "@", so matching stays linear.
_REMOTE_MENTION = re.compile(
    r"(?<![=/\w])@([A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?)@[\w.\-]+\w"
)
_MASTODON_URL_WEIGHT = 23


def _mastodon_countable(text: str) -> str:
    """The text as Mastodon's StatusLengthValidator counts it."""
    if "://" in text:
        urls = twitter_text.extract_urls_with_indices(text, without_protocol=False)
        if urls:
            parts: list[str] = []
            pos = 0
            for url in urls:
                parts.append(text[pos : url.start])
                parts.append("x" * _MASTODON_URL_WEIGHT)
                pos = url.end
            parts.append(text[pos:])
            text = "".join(parts)
    if "@" in text:
        text = _REMOTE_MENTION.sub(r"@\1", text)
    return text


def _mastodon_count(text: str) -> int:
    return graphemes.count_graphemes(_mastodon_countable(text))


def _threads_count(text: str) -> int:
    count = utf16_length(text)
    for start, end in graphemes.emoji_spans(text):
        emoji = text[start:end]
        count += utf8_length(emoji) - utf16_length(emoji)
    return count


# A mention as the networks without twitter-text rules write them: up to 30
# word characters and dots (Instagram), optionally "@domain" (the fediverse).
# Each run is bounded by a character outside its class, so matching is linear.
_MENTION = re.compile(r"(?<![\w@/=.])@\w[\w.]*(?:@[\w\-]+(?:\.[\w\-]+)+)?")


@dataclass(frozen=True)
class Platform:
    """One network: its limits, its unit of length, and its hashtag norm."""

    name: str
    label: str
    limit: int
    unit: str  # one of UNITS
    invitation_limit: int | None = None  # a connection request's note, where there is one
    hashtag_norm: int = 3  # more hashtags than this looks stuffed here
    hashtag_reason: str = ""
    byte_limit: int | None = None  # UTF-8 bytes, where the network also limits those
    max_links: int | None = None
    max_hashtags: int | None = None
    max_mentions: int | None = None
    links_clickable: bool = True
    counting: str = ""  # what one unit is, in words, for the handbook and the meter
    source: str = ""
    checked: str = CHECKED
    counter: Callable[[str], int] = field(default=utf16_length, repr=False, compare=False)

    def limit_for(self, kind: str, override: int | None = None) -> int:
        """The length limit for a kind of draft; a team's ``[limits]`` entry wins."""
        if override is not None:
            return override
        if kind == "invitation" and self.invitation_limit is not None:
            return self.invitation_limit
        return self.limit

    def count(self, text: str) -> int:
        """The length of ``text`` in this platform's unit."""
        return self.counter(text)

    def count_mentions(self, text: str) -> int:
        if "@" not in text:
            return 0
        if self.name == "x":
            return len(twitter_text.extract_mentions_with_indices(text))
        return len(_MENTION.findall(text))

    def mention_spans(self, text: str) -> list[tuple[int, int]]:
        """Where each @-tag is, as networks without twitter-text rules find them."""
        if "@" not in text:
            return []
        return [(m.start(), m.end()) for m in _MENTION.finditer(text)]


_PLATFORM_LIST = (
    Platform(
        "x",
        "X",
        280,
        "weighted",
        hashtag_norm=2,
        hashtag_reason=(
            "X's own advice is one or two hashtags; more crowd a short post and read as spam."
        ),
        counting=("weighted characters: most letters 1, CJK characters and emoji 2, every link 23"),
        source=(
            "X help 'Counting characters' and the twitter-text v3 configuration "
            "(maxWeightedTweetLength 280, transformedURLLength 23)"
        ),
        counter=_x_count,
    ),
    Platform(
        "mastodon",
        "Mastodon",
        500,
        "graphemes",
        hashtag_norm=5,
        hashtag_reason=(
            "Mastodon has no algorithmic feed: hashtags are how people search and follow "
            "topics, so a few are welcome; a wall of them still buries the post."
        ),
        counting=(
            "characters as you see them (an emoji is 1); a link counts 23 and "
            "@user@server counts as @user"
        ),
        source=(
            "Mastodon's StatusLengthValidator: 500 grapheme clusters by default (each server "
            "may set its own), links replaced by 23 characters, remote mentions by the "
            "local part"
        ),
        counter=_mastodon_count,
    ),
    Platform(
        "bluesky",
        "Bluesky",
        300,
        "graphemes",
        hashtag_norm=3,
        hashtag_reason=(
            "Bluesky tags feed custom feeds, but its culture is conversational: a tag or "
            "two helps, a list of them reads as marketing."
        ),
        byte_limit=3000,
        counting="characters as you see them (an emoji is 1), and at most 3000 bytes",
        source=(
            "AT Protocol lexicon app.bsky.feed.post: text maxGraphemes 300, maxLength 3000 bytes"
        ),
        counter=graphemes.count_graphemes,
    ),
    Platform(
        "threads",
        "Threads",
        500,
        "characters",
        hashtag_norm=1,
        hashtag_reason="Threads allows one tag (topic) per post; the rest stay plain text.",
        max_links=5,
        counting=(
            "characters as JavaScript counts them; each emoji counts its UTF-8 bytes (4 for most)"
        ),
        source=(
            "Meta's Threads API documentation: text posts limited to 500 characters, emoji "
            "counted as their UTF-8 bytes, more than 5 links refused "
            "(THREADS_API__LINK_LIMIT_EXCEEDED)"
        ),
        counter=_threads_count,
    ),
    Platform(
        "linkedin",
        "LinkedIn",
        3000,
        "characters",
        invitation_limit=300,
        hashtag_norm=5,
        hashtag_reason=(
            "LinkedIn suggests a few relevant hashtags; past five a post looks like it is "
            "fishing for reach rather than talking to colleagues."
        ),
        counting="characters as JavaScript counts them (most emoji count 2)",
        source=(
            "LinkedIn Help: posts up to 3,000 characters; a personalised invitation note up "
            "to 300 characters (free accounts may be held to 200 and a few notes a month)"
        ),
    ),
    Platform(
        "facebook",
        "Facebook",
        63206,
        "characters",
        hashtag_norm=3,
        hashtag_reason=(
            "Few people search Facebook by hashtag; more than a couple reads as cross-posted "
            "from elsewhere."
        ),
        counting="characters as JavaScript counts them (most emoji count 2)",
        source="Facebook's status update limit of 63,206 characters, as its composer enforces",
    ),
    Platform(
        "instagram",
        "Instagram",
        2200,
        "characters",
        hashtag_norm=10,
        hashtag_reason=(
            "Instagram allows 30 hashtags but recommends 3 to 5; past ten a caption looks "
            "like a tag cloud."
        ),
        max_hashtags=30,
        max_mentions=20,
        links_clickable=False,
        counting="characters as JavaScript counts them (most emoji count 2)",
        source=(
            "Instagram Help and the Instagram Graph API: captions up to 2,200 characters, "
            "30 hashtags and 20 @-tags; links in captions are not clickable"
        ),
    ),
)

PLATFORMS: dict[str, Platform] = {p.name: p for p in _PLATFORM_LIST}


def get(name: str) -> Platform:
    """The platform called ``name`` (case-insensitive), or ``UnknownPlatform``."""
    try:
        return PLATFORMS[name.strip().lower()]
    except (KeyError, AttributeError):
        raise UnknownPlatform(
            f"unknown platform {name!r}; choose one of: {', '.join(PLATFORMS)}"
        ) from None
