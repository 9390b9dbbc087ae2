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
from collections.abc import Callable, Mapping
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
_SPLIT = "export a shorter period, or split the file"
_DETAIL = re.compile(r" \([^()]*\)$")

# Members of an archive worth reading, by path; everything else is never decompressed.
_X_TWEETS = re.compile(r"(?:^|/)data/tweets?(?:-part(\d+))?\.js$")
_X_ACCOUNT = re.compile(r"(?:^|/)account\.js$")
_X_NOTES = re.compile(r"(?:^|/)note-tweets?(?:-part(\d+))?\.js$")
_OUTBOX = re.compile(r"(?:^|/)outbox\.json$")
_ACTOR = re.compile(r"(?:^|/)actor\.json$")
_SHARES = re.compile(r"(?:^|/)shares\.csv$", re.I)
_COMMENTS = re.compile(r"(?:^|/)comments\.csv$", re.I)
_CAR = re.compile(r"\.car$", re.I)
_WANTED = (_X_TWEETS, _X_ACCOUNT, _X_NOTES, _OUTBOX, _ACTOR, _SHARES, _COMMENTS, _CAR)


def _too_big(name: str, size: int, advice: str = "export a shorter period") -> ArchiveError:
    return ArchiveError(
        f"{name}: {size / 1e6:,.0f} MB is more than the audit reads "
        f"({MAX_BYTES / 1e6:,.0f} MB); {advice}"
    )


def _decode(raw: bytes, name: str, expected: str) -> str:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise ArchiveError(
            f"{name}: not text (byte 0x{raw[err.start]:02x} at offset {err.start}); "
            f"expected {expected}"
        ) from None


def read_archive(
    source: bytes | bytearray | memoryview | BinaryIO,
    name: str,
    beside: Mapping[str, bytes] | None = None,
) -> Archive:
    """The posts in ``source`` (an export's bytes, or an open binary file), oldest first.

    ``beside`` holds files found next to a lone ``tweets.js`` (path -> bytes): in an
    unpacked X archive, ``note-tweet.js`` gives long posts their whole text and
    ``account.js`` the owner's handle.
    Raises ``ArchiveError`` with one sentence naming ``name`` and what was
    expected when the file is empty, unknown, malformed, truncated or too big.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source) if not isinstance(source, bytes) else source
        if len(data) > MAX_BYTES and not data.startswith((_ZIP, _GZIP)):
            raise _too_big(name, len(data), _SPLIT)
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
        # A file that is not a container is read whole: refuse a big one by its size,
        # before a byte more is read (in the browser, before it fills the tab's memory).
        size = file.seek(0, io.SEEK_END) if file.seekable() else 0
        file.seek(0)
        if size > MAX_BYTES:
            raise _too_big(name, size, _SPLIT)
        raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _too_big(name, len(raw), _SPLIT)
        archive = read_single(raw, name, beside or {})
    archive.posts.sort(key=_when)
    return archive


_EPOCH = datetime.min.replace(tzinfo=UTC)


def _when(post: Post) -> tuple[bool, datetime]:
    return (post.when is None, post.when or _EPOCH)


def read_single(raw: bytes, name: str, beside: Mapping[str, bytes] | None = None) -> Archive:
    """One file that is not a container: detect its format from its first bytes.
    ``beside``: files next to it (path -> bytes), as for ``read_archive``."""
    if bluesky.looks_like_car(raw[:64]):
        posts, owner, names = bluesky.read_car(raw, name)
        return Archive("bluesky", "bluesky", owner, posts, name, names)
    text = _decode(raw, name, EXPECTED)
    start = text.lstrip()[:1]
    kind = x.data_kind(text)
    if kind in ("tweets", "tweet"):
        return _x_archive([(name, text)], beside or {}, "", lambda path: path)
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
        tweets = _parts(tweets, _X_TWEETS)
        return _x_archive([(p, text(p)) for p in tweets], members, name, lambda p: f"{p} in {name}")
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


def _parts(paths: list[str], pattern: re.Pattern[str]) -> list[str]:
    """``tweets.js``, ``tweets-part1.js``, ``tweets-part2.js``... in that order."""
    return sorted(paths, key=lambda p: int(pattern.search(p).group(1) or 0))  # type: ignore[union-attr]


def _x_archive(
    tweets: list[tuple[str, str]],
    members: Mapping[str, bytes],
    name: str,
    label: Callable[[str], str],
) -> Archive:
    """An X archive from its posts files ((path, text), in order) and the other files
    found with them (path -> bytes); ``label(path)`` names a file in messages.

    A broken ``note-tweet.js`` does not stop the audit: every post is still there, only
    the long ones are cut short, and the report's source line says so. (Refusing the
    whole archive for it would leave the reader with nothing; ignoring it silently
    would judge long posts by their first 280 characters without a word.)
    """
    owner = owner_id = None
    for path in [p for p in members if _X_ACCOUNT.search(p)][:1]:
        owner, owner_id = x.read_account(_member_text(members[path], label(path)), label(path))
    note_paths = _parts([p for p in members if _X_NOTES.search(p)], _X_NOTES)
    read, ignored = [path for path, _ in tweets], ""
    try:
        notes = x.read_notes([(label(p), _member_text(members[p], label(p))) for p in note_paths])
        read += note_paths
    except ArchiveError as err:
        notes = None
        why = str(err)
        for path in note_paths:
            why = why.removeprefix(f"{label(path)}: ")
        # the gist only: "truncated at line 28, column 9", not the parser's detail or advice
        why = _DETAIL.sub("", why.split("; ")[0])
        ignored = (
            f", without {', '.join(note_paths)} ({why}): "
            "posts over 280 characters are audited as cut short"
        )
    posts = x.read_tweets([(label(p), t) for p, t in tweets], owner, owner_id, notes)
    source = ", ".join(read) + (f" in {name}" if name else "") + ignored
    return Archive("x", "x", owner, posts, source)


def _wanted(path: str) -> bool:
    return any(p.search(path) for p in _WANTED)


def _all_found(members: Mapping[str, bytes]) -> bool:
    """Every member a Mastodon export's audit reads is in hand (the posts and the
    profile): a .tar.gz is read no further. (An X archive is a zip, read by its
    directory; other exports hold one member, and a tar holding two kinds is unheard of.)"""
    return any(_OUTBOX.search(p) for p in members) and any(_ACTOR.search(p) for p in members)


def _read_zip(file: BinaryIO, name: str) -> Archive:
    damaged = f"{name}: the zip file is damaged or truncated; download the export again"
    try:
        with zipfile.ZipFile(file) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir() and _wanted(i.filename)]
            for info in infos:
                if info.file_size > MAX_BYTES:
                    raise _too_big(f"{info.filename} in {name}", info.file_size)
            total = sum(i.file_size for i in infos)
            if total > MAX_BYTES:
                raise _too_big(f"{', '.join(i.filename for i in infos)} in {name}", total)
            members: dict[str, bytes] = {}
            total = 0
            for info in infos:
                with zf.open(info) as member:
                    raw = member.read(MAX_BYTES + 1 - total)  # sizes in a zip can lie
                total += len(raw)
                if total > MAX_BYTES:
                    raise _too_big(f"{info.filename} in {name}", len(raw))
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
        # "r|gz" streams: members are met in order and the media never touch memory;
        # a gzip cannot seek, so the rest is not even decompressed once all is found.
        with tarfile.open(fileobj=file, mode="r|gz") as tar:
            for info in tar:
                if not info.isfile() or not _wanted(info.name):
                    continue
                total += info.size
                if total > MAX_BYTES:
                    raise _too_big(f"{info.name} in {name}", info.size)
                member = tar.extractfile(info)
                if member is not None:
                    members[info.name] = member.read()
                if _all_found(members):
                    break
    except (tarfile.TarError, zlib.error, EOFError, OSError):
        raise ArchiveError(damaged) from None
    return _from_members(members, name)
