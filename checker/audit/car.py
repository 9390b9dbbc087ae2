"""A small reader for CAR v1 files holding DAG-CBOR blocks: a Bluesky repository export.

Pure Python and standard library only, so it runs in Pyodide as well. It
decodes exactly what the IPLD specifications allow in DAG-CBOR (definite
lengths, string map keys, tag 42 for links) and refuses anything else with a
``CarError`` saying what is wrong and where, rather than guessing.

    CAR v1: varint(len(header)) header   then, per block:   varint(len(cid + data)) cid data
    header: DAG-CBOR {"version": 1, "roots": [CID, ...]}

Cost is linear in the file: every byte is looked at once, and nesting depth is
capped so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 64  # records are shallow; a deeper file is hostile or broken
_DAG_CBOR, _SHA256 = 0x71, 0x12  # multicodec codes


class CarError(ValueError):
    """The bytes are not a well-formed CAR v1 / DAG-CBOR file."""


@dataclass(frozen=True, slots=True)
class CID:
    """A content identifier: the raw binary form, shown as base32 text like IPFS does."""

    raw: bytes

    def __str__(self) -> str:
        if self.raw[:2] == bytes((_SHA256, 0x20)):  # CIDv0: a bare sha2-256 multihash
            return _base58(self.raw)
        return "b" + base64.b32encode(self.raw).decode("ascii").lower().rstrip("=")

    @property
    def codec(self) -> int:
        if self.raw[:2] == bytes((_SHA256, 0x20)):
            return _DAG_CBOR
        _version, at = _varint(self.raw, 0)
        codec, _ = _varint(self.raw, at)
        return codec


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    out = ""
    while number:
        number, digit = divmod(number, 58)
        out = _B58[digit] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _varint(data: bytes | memoryview, at: int) -> tuple[int, int]:
    """An unsigned LEB128 varint at ``at``: (value, offset after it)."""
    value = shift = 0
    while True:
        if at >= len(data):
            raise CarError(f"the file ends inside a length prefix at byte {at}")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7
        if shift > 63:
            raise CarError(f"a length prefix is too long at byte {at}")


def _cid_end(data: bytes | memoryview, at: int) -> int:
    """Where the binary CID starting at ``at`` ends."""
    if data[at : at + 2] == bytes((_SHA256, 0x20)):  # CIDv0
        end = at + 34
    else:
        version, pos = _varint(data, at)
        if version != 1:
            raise CarError(f"unsupported CID version {version} at byte {at}")
        _codec, pos = _varint(data, pos)
        _hash, pos = _varint(data, pos)
        size, pos = _varint(data, pos)
        end = pos + size
    if end > len(data):
        raise CarError(f"the file ends inside a CID at byte {at}")
    return end


class _Decoder:
    """DAG-CBOR to Python: dict, list, str, bytes, int, float, bool, None and CID."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes | memoryview) -> None:
        self.data = data
        self.pos = 0

    def _need(self, count: int) -> int:
        start = self.pos
        end = start + count
        if end > len(self.data):
            raise CarError("the record ends too early (truncated)")
        self.pos = end
        return start

    def _argument(self, info: int) -> int:
        if info < 24:
            return info
        width = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
        if width is None:
            raise CarError("indefinite lengths are not allowed in DAG-CBOR")
        start = self._need(width)
        return int.from_bytes(self.data[start : start + width], "big")

    def value(self, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise CarError(f"records nest deeper than {MAX_DEPTH} levels")
        start = self._need(1)
        initial = self.data[start]
        major, info = initial >> 5, initial & 0x1F
        if major == 7:
            return self._simple(info)
        arg = self._argument(info)
        if major == 0:
            return arg
        if major == 1:
            return -1 - arg
        if major in (2, 3):
            begin = self._need(arg)
            chunk = bytes(self.data[begin : begin + arg])
            if major == 2:
                return chunk
            try:
                return chunk.decode("utf-8")
            except UnicodeDecodeError:
                raise CarError("a text string is not valid UTF-8") from None
        if major == 4:
            if arg > len(self.data):
                raise CarError("an array claims more items than the file holds")
            return [self.value(depth + 1) for _ in range(arg)]
        if major == 5:
            if arg > len(self.data):
                raise CarError("a map claims more entries than the file holds")
            out: dict[str, Any] = {}
            for _ in range(arg):
                key = self.value(depth + 1)
                if not isinstance(key, str):
                    raise CarError("a map key is not a string (DAG-CBOR needs string keys)")
                out[key] = self.value(depth + 1)
            return out
        # major 6: a tag; DAG-CBOR allows only 42, a link to another block
        if arg != 42:
            raise CarError(f"tag {arg} is not allowed in DAG-CBOR (only 42, a link)")
        raw = self.value(depth + 1)
        if not isinstance(raw, bytes) or not raw or raw[0] != 0:
            raise CarError("a link (tag 42) does not hold a binary CID")
        return CID(raw[1:])

    def _simple(self, info: int) -> Any:
        if info == 20:
            return False
        if info == 21:
            return True
        if info == 22:
            return None  # (23, "undefined", has no place in DAG-CBOR)
        if info == 25:
            start = self._need(2)
            return struct.unpack(">e", self.data[start : start + 2])[0]
        if info == 26:
            start = self._need(4)
            return struct.unpack(">f", self.data[start : start + 4])[0]
        if info == 27:
            start = self._need(8)
            return struct.unpack(">d", self.data[start : start + 8])[0]
        raise CarError(f"simple value {info} is not allowed in DAG-CBOR")


def decode_dag_cbor(data: bytes | memoryview) -> Any:
    """One DAG-CBOR value that fills ``data`` exactly."""
    decoder = _Decoder(data)
    value = decoder.value()
    if decoder.pos != len(data):
        raise CarError(f"{len(data) - decoder.pos} stray bytes after a record")
    return value


def read_header(data: bytes | memoryview) -> tuple[tuple[CID, ...], int]:
    """The roots and the offset of the first block."""
    if not data:
        raise CarError("the file is empty")
    size, at = _varint(data, 0)
    if size == 0 or at + size > len(data):
        raise CarError("the header is cut short")
    header = decode_dag_cbor(data[at : at + size])
    if not isinstance(header, dict) or header.get("version") != 1:
        raise CarError("the header is not a CAR version 1 header")
    roots = header.get("roots")
    if not isinstance(roots, list) or not all(isinstance(r, CID) for r in roots):
        raise CarError("the header's roots are not a list of CIDs")
    return tuple(roots), at + size


def iter_blocks(data: bytes | memoryview, at: int) -> Iterator[tuple[CID, memoryview]]:
    """Each block after the header: (its CID, its data), without copying."""
    view = memoryview(data)
    while at < len(view):
        size, start = _varint(view, at)
        end = start + size
        if size == 0 or end > len(view):
            raise CarError(f"the file is truncated: a block at byte {at} is cut short")
        cid_end = _cid_end(view, start)
        if cid_end > end:
            raise CarError(f"a block at byte {at} is shorter than its CID")
        yield CID(bytes(view[start:cid_end])), view[cid_end:end]
        at = end


def is_dag_cbor(cid: CID) -> bool:
    return cid.codec == _DAG_CBOR
