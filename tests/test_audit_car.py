"""The pure-Python CAR v1 / DAG-CBOR reader, against the reference implementations.

Files are built with ``dag-cbor`` (the reference encoder) and every block the
reader decodes must equal what ``libipld`` (the reference decoder the AT
Protocol SDK uses) makes of it. Broken input must give a ``CarError`` naming
the problem, never another exception.
"""

from __future__ import annotations

import math
from typing import Any

import dag_cbor
import libipld
import pytest
from audit_archives import OTHER_DID, car_file, cid_of, strong_ref
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import read_archive
from checker.audit.car import CID, CarError, decode_dag_cbor, iter_blocks, read_header


def plain(value: Any) -> Any:
    """Our decoded value in libipld's terms: a link is its raw CID bytes."""
    if isinstance(value, CID):
        return value.raw
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


RECORDS = [
    {
        "$type": "app.bsky.feed.post",
        "text": "Ça marche 🎉",
        "createdAt": "2024-05-01T10:00:00.000Z",
    },
    {
        "$type": "app.bsky.feed.repost",
        "subject": strong_ref(OTHER_DID, "3kq2"),
        "createdAt": "2024-05-02T10:00:00.000Z",
    },
    {"$type": "app.bsky.actor.profile", "displayName": "Mara", "avatar": {"ref": cid_of(b"img")}},
]


def test_blocks_match_the_reference_decoder() -> None:
    data = car_file(RECORDS)
    header, blocks = libipld.decode_car(data)
    roots, at = read_header(data)
    assert [r.raw for r in roots] == header["roots"]
    ours = list(iter_blocks(data, at))
    assert [cid.raw for cid, _ in ours] == list(blocks)
    for cid, block in ours:
        assert plain(decode_dag_cbor(block)) == blocks[cid.raw]


def test_raw_blocks_are_passed_over() -> None:
    """Blobs may sit in a repository as raw (0x55) blocks: not DAG-CBOR, not records."""
    data = car_file(RECORDS, raw_blocks=[b"\x89PNG raw image bytes"])
    _roots, at = read_header(data)
    codecs = [cid.codec for cid, _block in iter_blocks(data, at)]
    assert codecs.count(0x55) == 1
    assert len(read_archive(data, "repo.car").posts) == 2


def test_cid_text_matches_the_reference() -> None:
    cid = cid_of(b"hello")
    assert str(CID(bytes(cid))) == str(cid) == libipld.encode_cid(bytes(cid))


dag_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**64), max_value=2**64 - 1)
    # (libipld refuses -0.0, which DAG-CBOR forbids; the audit's reader need not be as strict)
    | st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda f: math.copysign(1, f) > 0 or f
    )
    | st.text()
    | st.binary(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(dag_values)
def test_any_value_round_trips_through_the_reference_encoder(value: Any) -> None:
    encoded = dag_cbor.encode(value)
    assert decode_dag_cbor(encoded) == value
    assert decode_dag_cbor(encoded) == libipld.decode_dag_cbor(encoded)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (bytes([0x9F, 0x01, 0xFF]), "indefinite lengths"),  # an indefinite-length array
        (bytes([0xC1, 0x01]), "tag 1 is not allowed"),
        (bytes([0xA1, 0x01, 0x02]), "not a string"),
        (bytes([0x62, 0xFF, 0xFE]), "not valid UTF-8"),
        (bytes([0x65, 0x61]), "truncated"),
        (bytes([0x9B]) + (2**40).to_bytes(8, "big"), "more items than the file holds"),
        (bytes([0x81]) * 100 + bytes([0x01]), "nest deeper"),
        (bytes([0x01, 0x01]), "stray bytes"),
        (bytes([0xF7]), "simple value 23"),
    ],
)
def test_invalid_dag_cbor_is_named(data: bytes, problem: str) -> None:
    with pytest.raises(CarError, match=problem):
        decode_dag_cbor(data)


def _parse(data: bytes) -> list[Any]:
    _roots, start = read_header(data)
    return [plain(decode_dag_cbor(block)) for _cid, block in iter_blocks(data, start)]


def _block_ends(data: bytes) -> list[int]:
    """Offsets where the header and then each block end (each block: varint size, bytes)."""
    _roots, at = read_header(data)
    ends = [at]
    while at < len(data):
        size, shift = 0, 0
        while True:
            byte = data[at]
            at += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        at += size
        ends.append(at)
    return ends


def test_every_truncation_of_a_car_file_is_a_car_error() -> None:
    """A cut inside the header or a block is named; a cut between blocks leaves a shorter
    but valid file (CAR has no block count), which must read as the first blocks."""
    data = car_file(RECORDS)
    whole = _parse(data)
    ends = _block_ends(data)
    assert len(ends) == len(whole) + 1
    for cut in range(len(data)):
        if cut in ends:
            assert _parse(data[:cut]) == whole[: ends.index(cut)]
        else:
            with pytest.raises(CarError):
                _parse(data[:cut])


def test_header_must_be_version_1() -> None:
    header = dag_cbor.encode({"version": 2, "roots": []})
    with pytest.raises(CarError, match="version 1"):
        read_header(bytes([len(header)]) + header)
