"""Bluesky repository export (``.car``): posts and reposts from its records.

The repository is a CAR v1 file of DAG-CBOR blocks. Its root is the signed
commit (``{"did", "version": 3, "data", "rev", "sig", ...}``) naming the
owner's DID; records carry ``$type``: ``app.bsky.feed.post`` (``text``,
``createdAt``, ``reply`` with ``root`` and ``parent`` references, ``embed`` of
``app.bsky.embed.record`` or ``recordWithMedia`` for a quote, ``facets`` for
mentions and links) and ``app.bsky.feed.repost`` (``subject``, ``createdAt``).
Blocks that are not records (the commit, the tree nodes) are skipped.
"""

from __future__ import annotations

from typing import Any

from checker.audit.car import CarError, decode_dag_cbor, is_dag_cbor, iter_blocks, read_header
from checker.audit.model import ArchiveError, Post, normalise_handle, parse_iso

POST, REPOST = "app.bsky.feed.post", "app.bsky.feed.repost"
_MENTION, _LINK = "app.bsky.richtext.facet#mention", "app.bsky.richtext.facet#link"


def looks_like_car(head: bytes) -> bool:
    """A CAR v1 file starts with a short varint, then a CBOR map holding "roots" and "version"."""
    return len(head) > 2 and head[0] < 0x80 and 0xA0 <= head[1] <= 0xB7 and b"roots" in head[:64]


def did_of(uri: object) -> str:
    """``at://did:plc:abc/app.bsky.feed.post/xyz`` -> ``did:plc:abc``."""
    if isinstance(uri, str) and uri.startswith("at://"):
        return uri[5:].split("/", 1)[0].lower()
    return ""


def _quoted_uri(embed: object) -> str | None:
    if not isinstance(embed, dict):
        return None
    kind = embed.get("$type")
    record = embed.get("record")
    if kind == "app.bsky.embed.recordWithMedia" and isinstance(record, dict):
        record = record.get("record")  # {record: {record: strongRef}, media}
    quoting = kind in ("app.bsky.embed.record", "app.bsky.embed.recordWithMedia")
    if quoting and isinstance(record, dict) and isinstance(record.get("uri"), str):
        return str(record["uri"])
    return None


def _facets(record: dict[str, Any], names: dict[str, str]) -> tuple[list[str], list[str]]:
    """Mentioned DIDs and linked URLs; learns each mentioned DID's handle from the text."""
    text = record.get("text")
    raw = text.encode("utf-8") if isinstance(text, str) else b""
    mentions: list[str] = []
    links: list[str] = []
    for facet in record.get("facets") or ():
        if not isinstance(facet, dict):
            continue
        index = facet.get("index")
        for feature in facet.get("features") or ():
            if not isinstance(feature, dict):
                continue
            kind = feature.get("$type")
            if kind == _MENTION and isinstance(feature.get("did"), str):
                did = feature["did"].lower()
                mentions.append(did)
                if isinstance(index, dict):
                    start, end = index.get("byteStart"), index.get("byteEnd")
                    if isinstance(start, int) and isinstance(end, int):
                        shown = raw[start:end].decode("utf-8", "replace")
                        if shown.startswith("@"):
                            names.setdefault(did, normalise_handle(shown))
            elif kind == _LINK and isinstance(feature.get("uri"), str):
                links.append(feature["uri"])
    return mentions, links


def _post(record: dict[str, Any], names: dict[str, str], rid: str) -> Post:
    mentions, links = _facets(record, names)
    embed = record.get("embed")
    if isinstance(embed, dict):
        external = embed.get("external")
        if embed.get("$type") == "app.bsky.embed.external" and isinstance(external, dict):
            uri = external.get("uri")
            if isinstance(uri, str) and uri not in links:
                links.append(uri)
    reply_to = None
    reply = record.get("reply")
    if isinstance(reply, dict):
        parent = reply.get("parent")
        reply_to = did_of(parent.get("uri")) if isinstance(parent, dict) else ""
    quoted = _quoted_uri(embed)
    text = record.get("text")
    return Post(
        text=text if isinstance(text, str) else "",
        when=parse_iso(record.get("createdAt")),
        reply_to=reply_to,
        quote_of=did_of(quoted) if quoted is not None else None,
        mentions=tuple(mentions),
        links=tuple(links),
        id=rid,
    )


def read_car(data: bytes | memoryview, name: str) -> tuple[list[Post], str | None, dict[str, str]]:
    """Posts and reposts of a repository, its owner's DID, and the handles learnt for DIDs."""
    try:
        roots, at = read_header(data)
        owner = ""
        posts: list[Post] = []
        names: dict[str, str] = {}
        for cid, block in iter_blocks(data, at):
            if not is_dag_cbor(cid):
                continue
            record = decode_dag_cbor(block)
            if not isinstance(record, dict):
                continue
            kind = record.get("$type")
            if kind == POST:
                posts.append(_post(record, names, str(cid)))
            elif kind == REPOST:
                subject = record.get("subject")
                uri = subject.get("uri") if isinstance(subject, dict) else None
                posts.append(
                    Post(
                        text="",
                        when=parse_iso(record.get("createdAt")),
                        repost_of=did_of(uri),
                        id=str(cid),
                    )
                )
            elif cid in roots and isinstance(record.get("did"), str):
                owner = record["did"].lower()  # the signed commit names the repository
    except CarError as err:
        raise ArchiveError(f"{name}: expected a Bluesky repository (.car), but {err}") from None
    return posts, owner or None, names
