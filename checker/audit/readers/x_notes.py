"""X long posts ("note tweets"): the full text kept in ``data/note-tweet.js``.

A post longer than 280 characters is stored twice in an X archive: in
``tweets.js`` with its ``full_text`` cut short (it ends with "…" and a t.co link
to ``twitter.com/i/web/status/<id>``, X's "show more"), and in ``note-tweet.js``
with the whole text::

    window.YTD.note_tweet.part0 = [ {"noteTweet": {
        "noteTweetId": "...", "updatedAt": "2024-03-09T13:14:20.000Z",
        "lifecycle": {"value": "1", "name": "Active", ...},
        "createdAt": "2024-03-09T13:14:15.000Z",
        "core": {"styletags": [...], "urls": [{"shortUrl", "expandedUrl", ...}],
                 "text": "...", "mentions": [{"screenName", ...}], "cashtags": [],
                 "hashtags": []}}} ]

Most archives hold no link between the two (``noteTweetId`` is not the post's
id), so a post is paired with a note the way the tools that read these archives
do: created at the same moment (``createdAt``, or ``updatedAt`` for an edited
post, within a second or two) and the post's visible words a prefix of the note's,
links and the reply's leading @names set aside (their t.co codes differ between
the two files, and the note leaves the leading @names out). Each note is used
once; a post with no note keeps its short text, and a note with no post is not
made into one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from checker.audit.model import normalise_handle, parse_iso

# How far apart the post's and the note's timestamps may be: both are written as
# the post is sent, the post's to the second only.
SLACK = timedelta(seconds=2)

# X's "show more" link at the end of a shortened post.
SHOW_MORE = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/i/web/status/\d+", re.I)
_URL = re.compile(r"https?://\S+")
_LEADING_NAMES = re.compile(r"^(?:\s*@\w{1,15})+\s*")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Note:
    """One long post's full text, as note-tweet.js gives it."""

    text: str  # t.co links expanded
    times: tuple[datetime, ...]  # createdAt, updatedAt
    mentions: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    tweet_id: str = ""  # the post's id, in the few archives that record it


def _items(value: object) -> list[dict[str, object]]:
    return [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []


def to_note(entry: dict[str, object]) -> Note | None:
    """A ``{"noteTweet": {...}}`` entry as a ``Note``; None when it holds no text."""
    note = entry.get("noteTweet", entry)
    core = note.get("core") if isinstance(note, dict) else None
    if not isinstance(note, dict) or not isinstance(core, dict):
        return None
    text = core.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    text = html.unescape(text)
    links: list[str] = []
    for url in _items(core.get("urls")):
        short, full = url.get("shortUrl"), url.get("expandedUrl")
        if isinstance(full, str) and full:
            links.append(full)
            if isinstance(short, str) and short:
                text = text.replace(short, full)
    names = [m.get("screenName") for m in _items(core.get("mentions"))]
    mentions = tuple(normalise_handle(n) for n in names if isinstance(n, str))
    times = tuple(
        t for t in (parse_iso(note.get("createdAt")), parse_iso(note.get("updatedAt"))) if t
    )
    tweet_id = note.get("tweetId")
    return Note(
        text=text.strip(),
        times=times,
        mentions=mentions,
        links=tuple(links),
        tweet_id=tweet_id if isinstance(tweet_id, str) else "",
    )


def words(text: str) -> str:
    """What a post and its note share: the words, without links, leading @names,
    a final ellipsis or differences of spacing."""
    text = _URL.sub(" ", html.unescape(text))
    text = _LEADING_NAMES.sub("", text)
    text = _ELLIPSIS.sub("", text.rstrip())
    return _SPACES.sub(" ", text).strip()


def looks_cut_short(full_text: str, links: list[str]) -> bool:
    """``full_text`` is a long post's opening: it ends with "…" (before any links) or
    carries X's "show more" link."""
    if any(SHOW_MORE.match(link) for link in links):
        return True
    return bool(_ELLIPSIS.search(_URL.sub("", html.unescape(full_text)).rstrip()))


class Notes:
    """The archive's notes, found by the second they were made in; each used once."""

    def __init__(self, notes: list[Note]) -> None:
        self._by_second: dict[int, list[int]] = {}
        self._by_id: dict[str, int] = {}
        self._notes = notes
        self._words = [words(n.text) for n in notes]
        self._used = [False] * len(notes)
        for i, note in enumerate(notes):
            if note.tweet_id:
                self._by_id[note.tweet_id] = i
            for when in note.times:
                self._by_second.setdefault(int(when.timestamp()), []).append(i)

    def __len__(self) -> int:
        return len(self._notes)

    @property
    def used(self) -> int:
        return sum(self._used)

    def take(self, tweet_id: str, when: datetime | None, full_text: str) -> Note | None:
        """The note that holds the whole of this post, or None (it is not a long post,
        or its note is missing)."""
        at = self._by_id.get(tweet_id) if tweet_id else None
        if at is not None and not self._used[at]:
            self._used[at] = True
            return self._notes[at]
        if when is None or not self._by_second:
            return None
        opening = words(full_text)
        if not opening:
            return None  # nothing to compare: better the short text than another post's
        second = int(when.timestamp())
        reach = int(SLACK.total_seconds())
        best: tuple[timedelta, int] | None = None
        for key in range(second - reach, second + reach + 1):
            for i in self._by_second.get(key, ()):
                if self._used[i] or not self._words[i].startswith(opening):
                    continue
                if len(self._words[i]) <= len(opening):
                    continue  # not longer: this post was not cut short from it
                gap = min(abs(t - when) for t in self._notes[i].times)
                if gap <= SLACK and (best is None or gap < best[0]):
                    best = (gap, i)
        if best is None:
            return None
        self._used[best[1]] = True
        return self._notes[best[1]]
