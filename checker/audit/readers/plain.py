"""Plain text, for any other network: posts separated by ``---`` lines or blank lines.

When the text holds a line of only ``---`` (the checker's thread separator),
those lines alone separate posts, so a post may keep its own blank lines;
otherwise each blank line ends a post. A post that starts ``RT @name`` is a
reshare, one that starts ``@name`` a reply, and one that links to somebody's
post (an X, Bluesky or Mastodon status) a reshare with comment. Plain text
carries no dates, so it has no monthly trend.
"""

from __future__ import annotations

import re

from checker.audit.model import LINK, MENTION, Post, normalise_handle, trailing_punctuation
from checker.engine import THREAD_SEPARATOR

_BLANK = re.compile(r"\n[ \t]*\n")
_RETWEET = re.compile(r"(?:RT|Boost(?:ed)?|Reposted?)\s*:?\s*@([\w.\-@]+)", re.I)
_STATUS = (
    re.compile(r"^https?://(?:www\.)?(?:twitter|x)\.com/(\w+)/status/\d+", re.I),
    re.compile(r"^https?://bsky\.app/profile/([^/]+)/post/", re.I),
    re.compile(r"^https?://([^/]+)/@(\w+)/\d+$", re.I),
)


def split(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = THREAD_SEPARATOR.split(text) if THREAD_SEPARATOR.search(text) else _BLANK.split(text)
    return [p.strip() for p in pieces if p.strip()]


def _quoted(links: list[str]) -> str | None:
    for link in links:
        for pattern in _STATUS:
            match = pattern.match(link)
            if match:
                if pattern.groups == 2:  # Mastodon: https://host/@user/123
                    return normalise_handle(f"{match.group(2)}@{match.group(1)}")
                return normalise_handle(match.group(1))
    return None


def to_post(words: str, index: int) -> Post:
    links = [trailing_punctuation(m.group(0)) for m in LINK.finditer(words)]
    mentions = tuple(normalise_handle(m.group(1)) for m in MENTION.finditer(words))
    retweet = _RETWEET.match(words)
    if retweet:
        return Post(text="", repost_of=normalise_handle(retweet.group(1)), id=str(index + 1))
    reply_to = mentions[0] if words.startswith("@") and mentions else None
    return Post(
        text=words,
        reply_to=reply_to,
        quote_of=_quoted(links),
        mentions=mentions,
        links=tuple(links),
        id=str(index + 1),
    )


def read_plain(text: str) -> list[Post]:
    return [to_post(words, i) for i, words in enumerate(split(text))]
