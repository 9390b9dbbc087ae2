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


@dataclass(frozen=True)
class Fact:
    """One figure the checker relies on, with where it comes from and when it was
    checked. The platform pages print these (``<!-- platform-table: facts NAME -->``)."""

    what: str  # the fact, in a sentence
    source: str  # where it is published
    date: str  # when the source said so, or when we checked it (YYYY-MM-DD or YYYY-MM)
    note: str = ""  # why we read the source the way we do, where that needs saying


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
    invitation_limit_premium: int | None = None  # the same for paying members (LinkedIn)
    attachment_limit: int | None = None  # a longer text attached to a post (Threads)
    content_warning: bool = False  # a content warning that counts toward the limit
    server_limit: bool = False  # each server sets its own limit (a team's limit is its server's)
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
    facts: tuple[Fact, ...] = ()
    counter: Callable[[str], int] = field(default=utf16_length, repr=False, compare=False)

    def limit_for(self, kind: str, override: int | None = None, *, premium: bool = False) -> int:
        """The length limit for a kind of draft; a team's ``[limits]`` entry wins.
        ``premium``: the writer pays for the network's premium tier."""
        if override is not None:
            return override
        if kind == "invitation" and self.invitation_limit is not None:
            if premium and self.invitation_limit_premium is not None:
                return self.invitation_limit_premium
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
        counting="characters, with emoji and CJK characters counting 2 and every link 23",
        source=(
            "X help 'Counting characters' and the twitter-text v3 configuration "
            "(maxWeightedTweetLength 280, transformedURLLength 23)"
        ),
        facts=(
            Fact(
                "A post holds 280 weighted characters: most letters weigh 1, CJK characters "
                "and emoji 2, and every link 23 however long.",
                "X developer docs, Counting characters (docs.x.com/fundamentals/"
                "counting-characters); twitter-text v3 configuration",
                "2026-11",
            ),
            Fact(
                "Premium subscribers may post up to 25,000 characters; the checker counts "
                "to 280, which is what every reader's timeline shows in full.",
                "X Premium help pages",
                "2026-11",
            ),
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
        content_warning=True,
        server_limit=True,
        counting=(
            "characters as you see them (an emoji is 1), content warning included; a link "
            "counts 23 and @user@server counts as @user"
        ),
        source=(
            "Mastodon's StatusLengthValidator: 500 grapheme clusters by default (each server "
            "may set its own), links replaced by 23 characters, remote mentions by the "
            "local part, the content warning counted with the text"
        ),
        facts=(
            Fact(
                "A post holds 500 characters by default, and each server may set its own "
                "limit (the server's configuration.statuses.max_characters): set "
                "limits.mastodon to your server's number.",
                "Mastodon documentation, Posting (docs.joinmastodon.org/user/posting)",
                "2026-11",
            ),
            Fact(
                "A link counts 23 characters however long it is, and @user@server counts as @user.",
                "Mastodon documentation, Posting; StatusLengthValidator",
                "2026-11",
            ),
            Fact(
                "The content warning counts toward the limit: the server adds the length "
                "of the warning to the length of the text.",
                "Mastodon's StatusLengthValidator (spoiler_text + text); GoToSocial docs",
                "2026-11",
            ),
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
        counting=(
            "characters as you see them (an emoji is 1), and at most 3000 bytes; a link "
            "counts as typed (the official app shortens it to host + 13 characters + ...)"
        ),
        source=(
            "AT Protocol lexicon app.bsky.feed.post: text maxGraphemes 300, maxLength 3000 bytes"
        ),
        facts=(
            Fact(
                "A post holds 300 characters as you see them (grapheme clusters) and at "
                "most 3,000 bytes of UTF-8.",
                "AT Protocol lexicon app.bsky.feed.post (maxGraphemes 300, maxLength 3000)",
                "2026-11",
            ),
            Fact(
                "A link counts at its full length. The official app shortens a pasted link "
                "whose path is longer than 15 characters to its host, the first 13 "
                "characters of the path and “...” (the full address stays in the post's "
                "link facet), so there a long link costs less than the checker counts; "
                "other apps may not shorten.",
                "Bluesky social-app source, url-helpers.ts and rich-text-manip.ts",
                "2026-11",
                note="The checker counts links as typed, which is what the protocol "
                "checks: a post that fits here fits in every app.",
            ),
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
        attachment_limit=10_000,
        counting=(
            "characters, except that each emoji counts its bytes (4 for most, more for some)"
        ),
        source=(
            "Meta's Threads API documentation: text posts limited to 500 characters, emoji "
            "counted as their UTF-8 bytes, more than 5 links refused "
            "(THREADS_API__LINK_LIMIT_EXCEEDED)"
        ),
        facts=(
            Fact(
                "A post holds 500 characters, and each emoji counts as many as its UTF-8 "
                "bytes (4 for most).",
                "Meta Threads API documentation, Posts",
                "2026-04-14",
            ),
            Fact(
                "A post may hold at most 5 different links; more is refused.",
                "Meta Threads API documentation, Text attachments "
                "(THREADS_API__LINK_LIMIT_EXCEEDED, from 2025-12-22)",
                "2026-07-02",
            ),
            Fact(
                "A longer text can go in a text attachment of up to 10,000 characters "
                "(with one link), shown under the post.",
                "Meta Threads API documentation, Text attachments",
                "2026-07-02",
            ),
            Fact(
                "One topic tag per post: only one tag becomes a topic, the rest stay text.",
                "Threads announcement of tags (Adam Mosseri, December 2023); Threads API docs",
                "2026-07",
            ),
        ),
        counter=_threads_count,
    ),
    Platform(
        "linkedin",
        "LinkedIn",
        3000,
        "characters",
        invitation_limit=200,
        invitation_limit_premium=300,
        hashtag_norm=5,
        hashtag_reason=(
            "LinkedIn suggests a few relevant hashtags; past five a post looks like it is "
            "fishing for reach rather than talking to colleagues."
        ),
        counting="characters, with most emoji counting 2 (some count more)",
        source=(
            "LinkedIn Help: posts up to 3,000 characters; a personalised invitation note up "
            "to 200 characters on a free account and 300 on Premium"
        ),
        facts=(
            Fact(
                "A post holds 3,000 characters.",
                "LinkedIn Help; scheduling tools' API docs (Ayrshare, IFTTT)",
                "2026-11",
            ),
            Fact(
                "An invitation note holds 200 characters on a free (Basic) account and "
                "300 on Premium: set linkedin-premium to true if you pay for Premium.",
                "LinkedIn Help a550555 (invitation notes) and a551012",
                "2026-11",
            ),
            Fact(
                "Basic members can send only a few personalised invitation notes a month "
                "(about five); after that, invitations go without a note.",
                "LinkedIn Help a551012",
                "2026-11",
            ),
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
        counting="characters, with most emoji counting 2 (some count more)",
        source="Facebook's status update limit of 63,206 characters, as its composer enforces",
        facts=(
            Fact(
                "A status update holds 63,206 characters.",
                "Facebook's composer; third-party publishing docs (upload-post and others)",
                "2026-11",
            ),
        ),
    ),
    Platform(
        "instagram",
        "Instagram",
        2200,
        "characters",
        hashtag_norm=5,
        hashtag_reason=(
            "Instagram takes at most 5 hashtags a post since December 2025, and recommends "
            "a few that describe the post."
        ),
        max_hashtags=5,
        max_mentions=20,
        links_clickable=False,
        counting="characters, with most emoji counting 2 (some count more)",
        source=(
            "Instagram Help and the Instagram Graph API: captions up to 2,200 characters "
            "and 20 @-tags; at most 5 hashtags a post (announced December 2025); links in "
            "captions are not clickable"
        ),
        facts=(
            Fact(
                "A caption holds 2,200 characters and tags at most 20 accounts; links in "
                "captions are not clickable.",
                "Instagram Graph API reference, IG User Media",
                "2026-11",
            ),
            Fact(
                "A post takes at most 5 hashtags.",
                "Instagram's announcement, reported by Social Media Today (2025-12-18) and "
                "Business Today (2025-12-19)",
                "2025-12-18",
                note="The Graph API reference still says 30. The checker takes 5: the app "
                "now holds posts to 5 as the change rolls out, and a checker that says "
                "“fits” for a caption the app refuses is worse than one that is strict.",
            ),
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
