"""Helpers for the audit tests: fixture files, and archives built in memory.

Bluesky repositories are built here with the reference DAG-CBOR encoder
(``dag-cbor``, with ``multiformats`` for CIDs), in the layout a PDS exports:
the signed commit as the root, a tree node, then the records.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dag_cbor
from multiformats import CID, multihash

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "audit"
OWNER_DID = "did:plc:mara4example7owner"
OTHER_DID = "did:plc:ines4example7other"


def fixture_bytes(path: str) -> bytes:
    return (FIXTURES / path).read_bytes()


def cid_of(block: bytes, codec: str = "dag-cbor") -> CID:
    return CID("base32", 1, codec, multihash.digest(block, "sha2-256"))


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def car_file(
    records: Iterable[dict[str, Any]], did: str = OWNER_DID, raw_blocks: Iterable[bytes] = ()
) -> bytes:
    """A repository export: commit (root), one MST node, the records, any raw blocks."""
    record_blocks = [dag_cbor.encode(r) for r in records]
    record_cids = [cid_of(b) for b in record_blocks]
    entries = [
        {"k": f"app.bsky.feed.post/3k{i:011d}".encode(), "p": 0, "t": None, "v": cid}
        for i, cid in enumerate(record_cids)
    ]
    mst = dag_cbor.encode({"e": entries, "l": None})
    commit = dag_cbor.encode(
        {
            "did": did,
            "version": 3,
            "data": cid_of(mst),
            "rev": "3kabc2defgh2i",
            "prev": None,
            "sig": b"\x01" * 64,
        }
    )
    blocks = [(cid_of(commit), commit), (cid_of(mst), mst)]
    blocks += list(zip(record_cids, record_blocks, strict=True))
    blocks += [(cid_of(b, "raw"), b) for b in raw_blocks]
    header = dag_cbor.encode({"version": 1, "roots": [cid_of(commit)]})
    out = bytearray(_varint(len(header)) + header)
    for cid, data in blocks:
        raw = bytes(cid)
        out += _varint(len(raw) + len(data)) + raw + data
    return bytes(out)


def at_uri(did: str, rkey: str, collection: str = "app.bsky.feed.post") -> str:
    return f"at://{did}/{collection}/{rkey}"


def strong_ref(did: str, rkey: str) -> dict[str, Any]:
    return {"uri": at_uri(did, rkey), "cid": str(cid_of(rkey.encode(), "raw"))}


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def tar_gz_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def bluesky_records() -> list[dict[str, object]]:
    text = "Thanks @ines.bsky.social for the talk notes https://example.com/notes"
    start = text.index("@")
    link = text.index("https")
    return [
        {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": "2024-05-01T10:00:00.000Z",
            "langs": ["en"],
            "facets": [
                {
                    "index": {"byteStart": start, "byteEnd": start + 17},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": OTHER_DID}],
                },
                {
                    "index": {"byteStart": link, "byteEnd": len(text)},
                    "features": [
                        {
                            "$type": "app.bsky.richtext.facet#link",
                            "uri": "https://example.com/notes",
                        }
                    ],
                },
            ],
        },
        {
            "$type": "app.bsky.feed.post",
            "text": "Agreed, and the slides are worth a look too.",
            "createdAt": "2024-05-02T11:00:00.000Z",
            "reply": {
                "root": strong_ref(OTHER_DID, "3kroot"),
                "parent": strong_ref(OTHER_DID, "3kparent"),
            },
        },
        {
            "$type": "app.bsky.feed.post",
            "text": "And a second thought on it.",
            "createdAt": "2024-05-02T11:05:00.000Z",
            "reply": {
                "root": strong_ref(OWNER_DID, "3kmine"),
                "parent": strong_ref(OWNER_DID, "3kmine"),
            },
        },
        {
            "$type": "app.bsky.feed.post",
            "text": "The best summary of the conference I have seen.",
            "createdAt": "2024-06-03T09:00:00.000Z",
            "embed": {
                "$type": "app.bsky.embed.record",
                "record": strong_ref(OTHER_DID, "3kquoted"),
            },
        },
        {
            "$type": "app.bsky.feed.post",
            "text": "Photos from the meetup, with the thread that started it.",
            "createdAt": "2024-06-04T09:00:00.000Z",
            "embed": {
                "$type": "app.bsky.embed.recordWithMedia",
                "record": {
                    "$type": "app.bsky.embed.record",
                    "record": strong_ref(OTHER_DID, "3kq2"),
                },
                "media": {"$type": "app.bsky.embed.images", "images": []},
            },
        },
        {
            "$type": "app.bsky.feed.post",
            "text": "Our roadmap for the summer.",
            "createdAt": "2024-06-05T09:00:00.000Z",
            "embed": {
                "$type": "app.bsky.embed.external",
                "external": {
                    "uri": "https://example.com/roadmap",
                    "title": "Roadmap",
                    "description": "",
                },
            },
        },
        {
            "$type": "app.bsky.feed.repost",
            "subject": strong_ref(OTHER_DID, "3kr"),
            "createdAt": "2024-06-06T09:00:00.000Z",
        },
        {
            "$type": "app.bsky.feed.like",
            "subject": strong_ref(OTHER_DID, "3kl"),
            "createdAt": "2024-06-06T09:01:00.000Z",
        },
        {"$type": "app.bsky.actor.profile", "displayName": "Mara", "description": "Writes docs."},
    ]


_ZEROS = bytes(8 * 1024 * 1024)


class _SparseWriter:
    """A file that turns runs of zero bytes into holes (seeks), so a test can write a
    zip of hundreds of megabytes in a moment without using the disk. Everything else
    is the real file's (``zipfile`` writes, tells, seeks back to patch headers)."""

    def __init__(self, file: Any) -> None:
        self._file = file

    def write(self, data: bytes) -> int:
        if data is _ZEROS or (len(data) >= 4096 and data == bytes(len(data))):
            self._file.seek(len(data), io.SEEK_CUR)
            return len(data)
        return int(self._file.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def big_zip(path: Path, members: dict[str, bytes], zeros: dict[str, int]) -> Path:
    """A zip of ``members`` plus members of ``zeros[name]`` zero bytes each, stored (no
    compression, as X stores its media), written as a sparse file: a 300 MB archive
    costs a CRC pass over zeros and no disk. Past 1 GB even that pass is skipped: the
    zeros' checksum is left at 0 (wrong, but only a reader of that member would see,
    and the audit never reads media); sizes over 4 GiB make it a ZIP64, as real
    multi-gigabyte X archives are."""
    chunk = _ZEROS
    real_crc = zipfile.crc32  # type: ignore[attr-defined]

    def crc(data: bytes, value: int = 0) -> int:
        return value if data is chunk and sum(zeros.values()) > 1 << 30 else real_crc(data, value)

    with (
        path.open("wb") as raw,
        zipfile.ZipFile(_SparseWriter(raw), "w") as zf,  # type: ignore[arg-type]
        _patched(zipfile, "crc32", crc),
    ):
        for name, data in members.items():
            zf.writestr(name, data, zipfile.ZIP_DEFLATED)
        for name, size in zeros.items():
            info = zipfile.ZipInfo(name, (2024, 3, 9, 13, 14, 16))
            info.compress_type = zipfile.ZIP_STORED
            info.file_size = size
            with zf.open(info, "w", force_zip64=size >= 0xFFFFFFFF) as out:
                left = size
                while left:
                    out.write(chunk[: min(left, len(chunk))])
                    left -= min(left, len(chunk))
    return path


@contextmanager
def _patched(module: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, saved)


def sparse_file(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes starting with ``head``, the rest a hole of zeros."""
    with path.open("wb") as file:
        file.write(head)
        file.truncate(size)
    return path
