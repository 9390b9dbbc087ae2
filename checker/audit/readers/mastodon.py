"""Mastodon account export: ``outbox.json`` (and ``actor.json`` for the handle).

The outbox is an ActivityStreams ``OrderedCollection``. Each of its
``orderedItems`` is a ``Create`` whose ``object`` is a ``Note`` (``content``
in HTML, ``inReplyTo``, ``tag`` with ``Mention`` entries, ``summary`` as a
content warning), or an ``Announce`` (a boost) whose ``object`` is the URI of
somebody else's post.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from checker.audit.model import ArchiveError, Post, normalise_handle, parse_iso
from checker.audit.readers.x import is_cut_short

# Status URLs on Mastodon and most of the fediverse: the author is in the path.
_USERS_PATH = re.compile(r"^/users/([^/]+)/statuses/")
_AT_PATH = re.compile(r"^/@([^/@]+)(?:@([^/]+))?/")
_QUOTE_KEYS = ("quote", "quoteUri", "quoteUrl", "_misskey_quote")


def looks_like_outbox(data: object) -> bool:
    return isinstance(data, dict) and (
        data.get("type") in ("OrderedCollection", "OrderedCollectionPage") or "orderedItems" in data
    )


def looks_like_actor(data: object) -> bool:
    return isinstance(data, dict) and "preferredUsername" in data and "outbox" in data


def handle_of_actor(url: str, username: str | None = None) -> str | None:
    """``https://host/users/ana`` -> ``ana@host``."""
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    if username is None:
        match = re.match(r"^/(?:users/|@)([^/]+)/?$", parts.path)
        if not match:
            return None
        username = match.group(1)
    return normalise_handle(f"{username}@{parts.hostname}")


def author_of(url: str) -> str:
    """The author of a status from its URL (``ana@host``), or "" when it cannot tell."""
    parts = urlsplit(url)
    if not parts.hostname:
        return ""
    users = _USERS_PATH.match(parts.path)
    if users:
        return normalise_handle(f"{users.group(1)}@{parts.hostname}")
    at = _AT_PATH.match(parts.path)
    if at:
        return normalise_handle(f"{at.group(1)}@{at.group(2) or parts.hostname}")
    return ""


class _Text(HTMLParser):
    """HTML content to plain text: paragraphs and line breaks become newlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")
        elif tag == "a":
            found = dict(attrs)
            classes = (found.get("class") or "").split()
            href = found.get("href") or ""
            if href and "mention" not in classes and "hashtag" not in classes:
                self.links.append(href)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(content: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(content)
    parser.close()
    return "".join(parser.parts).strip(), parser.links


def _note_post(note: dict[str, Any], published: object, actor: str) -> Post:
    text, links = html_to_text(str(note.get("content") or ""))
    warning = note.get("summary")
    if isinstance(warning, str) and warning.strip():
        text = f"{warning.strip()}\n\n{text}"  # the content warning is words the owner wrote
    mentions = []
    for tag in note.get("tag") or ():
        if isinstance(tag, dict) and tag.get("type") == "Mention":
            name = tag.get("name")
            href = tag.get("href")
            handle = normalise_handle(name) if isinstance(name, str) else ""
            if handle and "@" not in handle and isinstance(href, str):
                handle = handle_of_actor(href) or handle
            if handle:
                mentions.append(handle)
    reply_to = None
    parent = note.get("inReplyTo")
    if isinstance(parent, str) and parent:
        if actor and parent.startswith(actor.rstrip("/") + "/"):
            reply_to = handle_of_actor(actor) or ""
        else:
            reply_to = author_of(parent)
    quote_of = None
    for key in _QUOTE_KEYS:
        quoted = note.get(key)
        if isinstance(quoted, dict):
            quoted = quoted.get("id")
        if isinstance(quoted, str) and quoted:
            quote_of = author_of(quoted)
            break
    return Post(
        text=text,
        when=parse_iso(note.get("published") or published),
        reply_to=reply_to,
        quote_of=quote_of,
        mentions=tuple(mentions),
        links=tuple(links),
        id=str(note.get("id") or ""),
    )


def read_outbox(data: object, name: str) -> tuple[list[Post], str | None]:
    """Posts of a parsed ``outbox.json``, and the owner's handle from its activities."""
    if not looks_like_outbox(data):
        raise ArchiveError(f"{name}: expected a Mastodon outbox.json (an OrderedCollection)")
    assert isinstance(data, dict)
    items = data.get("orderedItems")
    if items is None and isinstance(data.get("first"), dict):
        items = data["first"].get("orderedItems")
    if not isinstance(items, list):
        raise ArchiveError(f"{name}: the outbox has no list of orderedItems")
    posts: list[Post] = []
    owner: str | None = None
    for item in items:
        if not isinstance(item, dict):
            continue
        actor = item.get("actor")
        actor = actor if isinstance(actor, str) else ""
        if owner is None and actor:
            owner = handle_of_actor(actor)
        kind, obj = item.get("type"), item.get("object")
        if kind == "Announce":
            target = obj.get("id") if isinstance(obj, dict) else obj
            posts.append(
                Post(
                    text="",
                    when=parse_iso(item.get("published")),
                    repost_of=author_of(target) if isinstance(target, str) else "",
                    id=str(item.get("id") or ""),
                )
            )
        elif kind == "Create" and isinstance(obj, dict) and obj.get("type") in ("Note", "Question"):
            posts.append(_note_post(obj, item.get("published"), actor))
    return posts, owner


def read_actor(data: object) -> str | None:
    if not looks_like_actor(data):
        return None
    assert isinstance(data, dict)
    user, url = data.get("preferredUsername"), data.get("id")
    if isinstance(user, str) and isinstance(url, str):
        return handle_of_actor(url, user)
    return None


def parse_json(text: str, name: str, expected: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        what = "truncated" if is_cut_short(text, "}") else "malformed"
        raise ArchiveError(
            f"{name}: expected {expected}, but the JSON is {what} at line {err.lineno}, "
            f"column {err.colno} ({err.msg})"
        ) from None
