"""``read_archive``: which export a file is, from its content, and its posts.

The shell opens the file; the core gets its bytes, or for a ``.zip`` or
``.tar.gz`` the open binary file, so that only the members the audit needs are
decompressed (an X archive is mostly media). File names inside an archive
matter (``data/tweets.js``), the name of the file itself does not: a renamed
export is still recognised, and a ``.json`` that is not an outbox is refused.
"""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
import zlib
from datetime import UTC, datetime
from typing import BinaryIO

from checker.audit.model import MAX_BYTES, Archive, ArchiveError, Post
from checker.audit.readers import bluesky, linkedin, mastodon, plain, x

EXPECTED = (
    "an X archive (.zip or data/tweets.js), a Mastodon export (.zip, .tar.gz or "
    "outbox.json), a Bluesky repository (.car), LinkedIn's Shares.csv, or posts as plain text"
)
_ZIP, _GZIP = b"PK\x03\x04", b"\x1f\x8b"
_EMPTY_ZIP = b"PK\x05\x06"

# Members of an archive worth reading, by path; everything else is never decompressed.
_X_TWEETS = re.compile(r"(?:^|/)data/tweets?(?:-part(\d+))?\.js$")
_X_ACCOUNT = re.compile(r"(?:^|/)data/account\.js$")
_OUTBOX = re.compile(r"(?:^|/)outbox\.json$")
_ACTOR = re.compile(r"(?:^|/)actor\.json$")
_SHARES = re.compile(r"(?:^|/)shares\.csv$", re.I)
_COMMENTS = re.compile(r"(?:^|/)comments\.csv$", re.I)
_CAR = re.compile(r"\.car$", re.I)
_WANTED = (_X_TWEETS, _X_ACCOUNT, _OUTBOX, _ACTOR, _SHARES, _COMMENTS, _CAR)


def _too_big(name: str, size: int) -> ArchiveError:
    return ArchiveError(
        f"{name}: {size / 1e6:,.0f} MB is more than the audit reads "
        f"({MAX_BYTES / 1e6:,.0f} MB); export a shorter period, or pass only the posts file"
    )


def _decode(raw: bytes, name: str, expected: str) -> str:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise ArchiveError(
            f"{name}: not text (byte 0x{raw[err.start]:02x} at offset {err.start}); "
            f"expected {expected}"
        ) from None


def read_archive(source: bytes | bytearray | memoryview | BinaryIO, name: str) -> Archive:
    """The posts in ``source`` (an export's bytes, or an open binary file), oldest first.

    Raises ``ArchiveError`` with one sentence naming ``name`` and what was
    expected when the file is empty, unknown, malformed, truncated or too big.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source) if not isinstance(source, bytes) else source
        if len(data) > MAX_BYTES and not data.startswith((_ZIP, _GZIP)):
            raise _too_big(name, len(data))
        file: BinaryIO = io.BytesIO(data)
    else:
        file = source
    head = file.read(64)
    file.seek(0)
    if not head:
        raise ArchiveError(f"{name}: the file is empty; expected {EXPECTED}")
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        archive = _read_zip(file, name)
    elif head.startswith(_GZIP):
        archive = _read_tar(file, name)
    else:
        raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _too_big(name, len(raw))
        archive = read_single(raw, name)
    archive.posts.sort(key=_when)
    return archive


_EPOCH = datetime.min.replace(tzinfo=UTC)


def _when(post: Post) -> tuple[bool, datetime]:
    return (post.when is None, post.when or _EPOCH)


def read_single(raw: bytes, name: str) -> Archive:
    """One file that is not a container: detect its format from its first bytes."""
    if bluesky.looks_like_car(raw[:64]):
        posts, owner, names = bluesky.read_car(raw, name)
        return Archive("bluesky", "bluesky", owner, posts, name, names)
    text = _decode(raw, name, EXPECTED)
    start = text.lstrip()[:1]
    kind = x.data_kind(text)
    if kind in ("tweets", "tweet"):
        return Archive("x", "x", None, x.read_tweets([(name, text)]), name)
    if kind is not None:
        raise ArchiveError(
            f"{name}: an X archive file of {kind!r}, not of posts; "
            "expected data/tweets.js or the whole archive .zip"
        )
    if start in ("{", "["):
        data = mastodon.parse_json(text, name, "a Mastodon outbox.json")
        if mastodon.looks_like_actor(data):
            raise ArchiveError(
                f"{name}: this is a Mastodon actor.json (the profile), not the posts; "
                "expected outbox.json or the whole export .zip"
            )
        if not mastodon.looks_like_outbox(data):
            raise ArchiveError(
                f"{name}: a JSON file, but not a Mastodon outbox.json; expected {EXPECTED}"
            )
        posts, owner = mastodon.read_outbox(data, name)
        return Archive("mastodon", "mastodon", owner, posts, name)
    if linkedin.looks_like_shares(text):
        posts = linkedin.read_shares(text, name)
        return Archive("linkedin", "linkedin", None, posts, name, replies_known=False)
    if linkedin.looks_like_comments(text):
        return Archive("linkedin", "linkedin", None, linkedin.read_comments(text, name), name)
    if "\0" in text[:4096]:
        raise ArchiveError(f"{name}: binary data of an unknown kind; expected {EXPECTED}")
    posts = plain.read_plain(text)
    if not posts:
        raise ArchiveError(f"{name}: the file holds only blank lines; expected {EXPECTED}")
    return Archive("plain", None, None, posts, name)


# --- containers -------------------------------------------------------------


def _member_text(raw: bytes, label: str) -> str:
    return _decode(raw, label, "UTF-8 text")


def _from_members(members: dict[str, bytes], name: str) -> Archive:
    """An archive from the members read out of a zip or tar (path -> bytes)."""

    def text(path: str) -> str:
        return _member_text(members[path], f"{path} in {name}")

    def find(pattern: re.Pattern[str]) -> list[str]:
        return [p for p in members if pattern.search(p)]

    tweets = find(_X_TWEETS)
    if tweets:
        tweets.sort(key=lambda p: int(_X_TWEETS.search(p).group(1) or 0))  # type: ignore[union-attr]
        owner = owner_id = None
        for path in find(_X_ACCOUNT)[:1]:
            owner, owner_id = x.read_account(text(path), f"{path} in {name}")
        files = [(f"{p} in {name}", text(p)) for p in tweets]
        posts = x.read_tweets(files, owner, owner_id)
        return Archive("x", "x", owner, posts, f"{', '.join(tweets)} in {name}")
    outbox = find(_OUTBOX)
    if outbox:
        label = f"{outbox[0]} in {name}"
        data = mastodon.parse_json(text(outbox[0]), label, "a Mastodon outbox.json")
        posts, owner = mastodon.read_outbox(data, label)
        for path in find(_ACTOR)[:1]:
            actor = mastodon.parse_json(text(path), f"{path} in {name}", "a Mastodon actor.json")
            owner = mastodon.read_actor(actor) or owner
        return Archive("mastodon", "mastodon", owner, posts, label)
    shares, comments = find(_SHARES), find(_COMMENTS)
    if shares or comments:
        posts = []
        for path in shares[:1]:
            posts += linkedin.read_shares(text(path), f"{path} in {name}")
        for path in comments[:1]:
            posts += linkedin.read_comments(text(path), f"{path} in {name}")
        label = f"{', '.join(shares[:1] + comments[:1])} in {name}"
        return Archive("linkedin", "linkedin", None, posts, label, replies_known=bool(comments))
    cars = find(_CAR)
    if cars:
        label = f"{cars[0]} in {name}"
        posts, owner, names = bluesky.read_car(members[cars[0]], label)
        return Archive("bluesky", "bluesky", owner, posts, label, names)
    raise ArchiveError(
        f"{name}: an archive holding none of data/tweets.js (X), outbox.json (Mastodon), "
        "Shares.csv (LinkedIn) or a .car (Bluesky)"
    )


def _wanted(path: str) -> bool:
    return any(p.search(path) for p in _WANTED)


def _read_zip(file: BinaryIO, name: str) -> Archive:
    damaged = f"{name}: the zip file is damaged or truncated; download the export again"
    try:
        with zipfile.ZipFile(file) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir() and _wanted(i.filename)]
            total = sum(i.file_size for i in infos)
            if total > MAX_BYTES:
                raise _too_big(name, total)
            members: dict[str, bytes] = {}
            for info in infos:
                with zf.open(info) as member:
                    raw = member.read(MAX_BYTES + 1)  # sizes in a zip can lie
                if len(raw) > MAX_BYTES:
                    raise _too_big(name, len(raw))
                members[info.filename] = raw
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        raise ArchiveError(damaged) from None
    except RuntimeError as err:  # an encrypted member
        raise ArchiveError(f"{name}: cannot read the zip ({err})") from None
    return _from_members(members, name)


def _read_tar(file: BinaryIO, name: str) -> Archive:
    damaged = f"{name}: the .tar.gz file is damaged or truncated; download the export again"
    members: dict[str, bytes] = {}
    total = 0
    try:
        # "r|gz" streams: members are met in order and the media never touch memory.
        with tarfile.open(fileobj=file, mode="r|gz") as tar:
            for info in tar:
                if not info.isfile() or not _wanted(info.name):
                    continue
                total += info.size
                if total > MAX_BYTES:
                    raise _too_big(name, total)
                member = tar.extractfile(info)
                if member is not None:
                    members[info.name] = member.read()
    except (tarfile.TarError, zlib.error, EOFError, OSError):
        raise ArchiveError(damaged) from None
    return _from_members(members, name)
