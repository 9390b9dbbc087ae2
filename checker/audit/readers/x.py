"""X (Twitter) account archive: ``data/tweets.js``, ``data/account.js`` and
``data/note-tweet.js`` (the whole text of long posts, see ``x_notes``).

The archive's data files are JavaScript assignments of one JSON array::

    window.YTD.tweets.part0 = [ {"tweet": {"id_str": ..., "full_text": ..., ...}}, ... ]

Older archives name the file ``tweet.js`` (``window.YTD.tweet.part0``); large
ones split it into ``tweets-part1.js``, ``tweets-part2.js`` and so on. An
edited post appears once per version, each carrying ``edit_info`` with the
ids of every version: the audit keeps only the latest version.

The array is decoded one entry at a time (``raw_decode``), keeping only the few
facts the audit needs, so a 100 MB file never becomes 100 MB of dictionaries.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from checker.audit.model import ArchiveError, Post, normalise_handle
from checker.audit.readers.x_notes import SHOW_MORE, Note, Notes, looks_cut_short, to_note

PREFIX = re.compile(r"\s*window\.YTD\.(\w+)\.part(\d+)\s*=\s*")
_STATUS_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,15})/status(?:es)?/\d+", re.I
)
_RETWEET = re.compile(r"RT @(\w{1,15}):?")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_WS = re.compile(r"[ \t\r\n]*")
_LEADING_NAMES = re.compile(r"(?:@\w{1,15}\s+)+")


def data_kind(text: str) -> str | None:
    """``"tweets"``, ``"tweet"``, ``"account"``...: which archive file this is, or None."""
    match = PREFIX.match(text[:200])
    return match.group(1) if match else None


def parse_date(value: str) -> datetime | None:
    """``"Wed Oct 10 20:19:24 +0000 2018"`` as a UTC datetime (no locale involved)."""
    parts = value.split()
    try:
        _weekday, month, day, clock, offset, year = parts
        hour, minute, second = (int(p) for p in clock.split(":"))
        stamp = datetime(int(year), _MONTHS[month], int(day), hour, minute, second, tzinfo=UTC)
    except (ValueError, KeyError):
        return None
    if offset not in ("+0000", "-0000"):
        sign = -1 if offset.startswith("-") else 1
        try:
            minutes = sign * (int(offset[1:3]) * 60 + int(offset[3:5]))
        except ValueError:
            return None
        stamp -= timedelta(minutes=minutes)
    return stamp


def is_cut_short(text: str, closing: str) -> bool:
    """A JSON document that does not end with its closing bracket was cut off."""
    return not text.rstrip().rstrip(";").endswith(closing)


def iter_entries(text: str, name: str) -> Iterator[dict[str, Any]]:
    """Each object of the array after ``window.YTD.<x>.partN =``, decoded one at a time."""
    match = PREFIX.match(text)
    if match is None:
        raise ArchiveError(f"{name}: expected an X archive file starting 'window.YTD.'")
    decoder = json.JSONDecoder()
    at = _WS.match(text, match.end()).end()  # type: ignore[union-attr]
    if text[at : at + 1] != "[":
        raise ArchiveError(f"{name}: expected a JSON array after '{match.group(0).strip()}'")
    at = _WS.match(text, at + 1).end()  # type: ignore[union-attr]
    if text[at : at + 1] == "]":
        return
    while True:
        try:
            entry, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError as err:
            what = "truncated" if is_cut_short(text, "]") else "malformed"
            raise ArchiveError(
                f"{name}: the X archive file is {what} at line {err.lineno}, column "
                f"{err.colno} ({err.msg}); download the archive again"
            ) from None
        if isinstance(entry, dict):
            yield entry
        at = _WS.match(text, at).end()  # type: ignore[union-attr]
        sep = text[at : at + 1]
        if sep == "]":
            return
        if sep != ",":
            ending = "ends too early" if not sep else f"has {sep!r} where ',' or ']' belongs"
            raise ArchiveError(f"{name}: the X archive file is truncated or malformed: it {ending}")
        at = _WS.match(text, at + 1).end()  # type: ignore[union-attr]


def read_account(text: str, name: str) -> tuple[str | None, str | None]:
    """(username, accountId) from ``data/account.js``."""
    for entry in iter_entries(text, name):
        account = entry.get("account")
        if isinstance(account, dict):
            user, uid = account.get("username"), account.get("accountId")
            return (
                normalise_handle(user) if isinstance(user, str) else None,
                uid if isinstance(uid, str) else None,
            )
    return None, None


def _entities(tweet: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entities = tweet.get("entities")
    items = entities.get(key) if isinstance(entities, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _text(tweet: dict[str, Any]) -> tuple[str, list[str]]:
    """The post's words with t.co links expanded and media links dropped, and its links."""
    text = html.unescape(str(tweet.get("full_text") or tweet.get("text") or ""))
    links: list[str] = []
    for url in _entities(tweet, "urls"):
        short, full = url.get("url"), url.get("expanded_url")
        if isinstance(full, str) and SHOW_MORE.match(full):
            full = ""  # X's "show more" on a long post, not a link its author shared
            if isinstance(short, str) and short:
                text = text.replace(short, "")
        if isinstance(full, str) and full:
            links.append(full)
            if isinstance(short, str) and short:
                text = text.replace(short, full)
    for media in _entities(tweet, "media"):
        short = media.get("url")
        if isinstance(short, str) and short:
            text = text.replace(short, "")
    return text.strip(), links


def _with_note(
    text: str, links: list[str], mentions: tuple[str, ...], note: Note
) -> tuple[str, list[str], tuple[str, ...]]:
    """A long post's text, links and mentions from its note: the note leaves out the
    @names a reply opens with, which the post's own text keeps."""
    opening = _LEADING_NAMES.match(text)
    names = opening.group(0) if opening else ""
    full = note.text
    if names and not full.startswith(names.strip()):
        full = names + full
    extra = [link for link in links if link not in note.links]
    return full, [*note.links, *extra], tuple(dict.fromkeys((*mentions, *note.mentions)))


def to_post(
    tweet: dict[str, Any], owner_id: str | None, owner: str | None, notes: Notes | None = None
) -> Post:
    text, links = _text(tweet)
    mentions = tuple(
        normalise_handle(m["screen_name"])
        for m in _entities(tweet, "user_mentions")
        if isinstance(m.get("screen_name"), str)
    )
    when = parse_date(str(tweet.get("created_at", "")))
    repost_of = reply_to = quote_of = None
    retweet = _RETWEET.match(text)
    if notes and not retweet:
        full_text = str(tweet.get("full_text") or tweet.get("text") or "")
        expanded = [str(u.get("expanded_url") or "") for u in _entities(tweet, "urls")]
        if looks_cut_short(full_text, expanded):
            note = notes.take(_own_id(tweet), when, full_text)
            if note is not None:
                text, links, mentions = _with_note(text, links, mentions, note)
    if retweet:
        repost_of = retweet.group(1).lower()
        text = ""  # the words are the other author's
    elif tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id"):
        reply_to = normalise_handle(str(tweet.get("in_reply_to_screen_name") or ""))
        to_user = tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id")
        if owner_id and str(to_user or "") == owner_id:
            reply_to = owner or reply_to  # replying to oneself: a thread
    if not retweet:
        for link in links:
            status = _STATUS_URL.match(link)
            if status:
                quote_of = status.group(1).lower()
                break
    return Post(
        text=text,
        when=when,
        reply_to=reply_to,
        repost_of=repost_of,
        quote_of=quote_of,
        mentions=mentions,
        links=tuple(links),
        id=_own_id(tweet),
    )


def _own_id(tweet: dict[str, Any]) -> str:
    return str(tweet.get("id_str") or tweet.get("id") or "")


def _versions(tweet: dict[str, Any]) -> tuple[str, int, bool]:
    """(the id of the first version, this version's id, whether no later version is
    listed) for edit de-duplication."""
    own = str(tweet.get("id_str") or tweet.get("id") or "")
    info = tweet.get("edit_info")
    ids: object = None
    if isinstance(info, dict):
        initial = info.get("initial")
        edit = info.get("edit")
        if isinstance(initial, dict):
            ids = initial.get("editTweetIds")
        elif isinstance(edit, dict):
            control = edit.get("editControlInitial")
            ids = control.get("editTweetIds") if isinstance(control, dict) else None
            if not ids and isinstance(edit.get("initialTweetId"), str):
                ids = [edit["initialTweetId"]]
    first = str(ids[0]) if isinstance(ids, list) and ids else own
    last = str(ids[-1]) if isinstance(ids, list) and ids else own
    try:
        return first, int(own), last == own
    except ValueError:
        return first, 0, True


def read_notes(files: list[tuple[str, str]]) -> Notes:
    """The long posts' notes from every ``note-tweet.js`` part (``(name, text)`` pairs);
    raises ``ArchiveError`` when one is not an X archive file or is malformed."""
    notes: list[Note] = []
    for name, text in files:
        kind = data_kind(text)
        if kind is not None and kind != "note_tweet":
            raise ArchiveError(f"{name}: an X archive file of {kind!r}, not of long posts")
        notes += [n for n in map(to_note, iter_entries(text, name)) if n is not None]
    return Notes(notes)


def read_tweets(
    files: list[tuple[str, str]],
    owner: str | None = None,
    owner_id: str | None = None,
    notes: Notes | None = None,
) -> list[Post]:
    """Posts from every ``tweets.js`` part (``(name, text)`` pairs), edits counted once,
    long posts whole when ``notes`` holds their text."""
    latest: dict[str, tuple[int, Post]] = {}
    order: list[str] = []
    for name, text in files:
        for entry in iter_entries(text, name):
            tweet = entry.get("tweet", entry)
            if not isinstance(tweet, dict):
                continue
            first, version, last = _versions(tweet)
            if not first:
                first = f"#{len(order)}"
            seen = latest.get(first)
            if seen is None:
                order.append(first)
            if seen is None or version >= seen[0]:
                # an earlier version of an edited post must not take the note that
                # holds the last version's words
                post = to_post(tweet, owner_id, owner, notes if last else None)
                latest[first] = (version, post)
    return [latest[key][1] for key in order]
