"""``checker.audit.web``: the worker's side of the "Your feed" page, without a browser."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from audit_archives import fixture_bytes, zip_of

from checker.audit import AuditSession
from checker.audit.model import MAX_BYTES
from checker.audit.web import READ_PIECE, SlicedFile, WebAudit, as_bytes
from checker.config import Config


class Recorder:
    """``read_at`` over bytes, remembering every slice asked for."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.calls: list[tuple[int, int]] = []

    def __call__(self, offset: int, size: int) -> bytes:
        self.calls.append((offset, size))
        return self.data[offset : offset + size]

    @property
    def bytes_read(self) -> int:
        return sum(min(size, max(0, len(self.data) - off)) for off, size in self.calls)


class JsBuffer:
    """What Pyodide hands Python for a Uint8Array: a proxy with ``to_bytes()``."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


def x_zip(**extra: bytes) -> bytes:
    return zip_of(
        {
            "data/account.js": fixture_bytes("x/data/account.js"),
            "data/tweets.js": fixture_bytes("x/data/tweets.js"),
            **{f"data/tweets_media/{k}.jpg": v for k, v in extra.items()},
        }
    )


def open_job(data: bytes, name: str, **kw: str) -> WebAudit:
    args = {"handles_json": "[]", "platform": "", "since": "", "site_url": ""} | kw
    return WebAudit.open(
        Recorder(data),
        len(data),
        name,
        args["handles_json"],
        args["platform"],
        args["since"],
        args["site_url"],
    )


def test_sliced_file_reads_seeks_and_tells_like_a_file() -> None:
    data = bytes(range(256)) * 100
    f = SlicedFile(Recorder(data), len(data))
    assert f.read(10) == data[:10] and f.tell() == 10
    f.seek(-5, io.SEEK_END)
    assert f.read() == data[-5:]
    f.seek(100)
    f.seek(20, io.SEEK_CUR)
    assert f.read(3) == data[120:123]
    assert f.read(0) == b""
    f.seek(len(data) + 10)
    assert f.read(4) == b""
    with pytest.raises(OSError):
        f.seek(-1)


def test_sliced_file_reads_in_pieces_so_progress_can_move() -> None:
    data = b"x" * (READ_PIECE * 2 + 7)
    reader = Recorder(data)
    assert SlicedFile(reader, len(data)).read() == data
    assert [size for _, size in reader.calls] == [READ_PIECE, READ_PIECE, 7]


def test_small_reads_come_from_one_slice() -> None:
    data = bytes(range(256)) * 1000
    reader = Recorder(data)
    f = SlicedFile(reader, len(data))
    f.seek(1000)
    assert [f.read(30) for _ in range(3)] == [data[1000:1030], data[1030:1060], data[1060:1090]]
    assert len(reader.calls) == 1
    f.seek(10)  # before the slice kept: asked again
    assert f.read(5) == data[10:15] and len(reader.calls) == 2
    f.seek(len(data) - 3)
    assert f.read(10) == data[-3:]


def test_as_bytes_takes_a_javascript_buffer_proxy() -> None:
    assert as_bytes(JsBuffer(b"abc")) == b"abc"
    assert as_bytes(memoryview(b"ab")) == b"ab"
    with pytest.raises(TypeError):
        as_bytes(42)


def test_a_zip_is_read_by_its_directory_and_the_members_needed() -> None:
    media = b"\xff" * 3_000_000  # an incompressible picture never read
    data = zip_of({"data/tweets.js": fixture_bytes("x/data/tweets.js")})
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("data/tweets_media/big.jpg", media)
    data = buffer.getvalue()
    reader = Recorder(data)
    job = WebAudit.open(reader, len(data), "twitter.zip", "[]", "", "", "")
    assert job.error == "" and job.total == 8
    assert reader.bytes_read < len(data) - len(media) // 2


def test_steps_then_result_equal_the_cli_session() -> None:
    data = x_zip()
    job = open_job(data, "twitter.zip")
    seen = []
    while not job.finished:
        seen.append(job.step(3))
    assert seen == [3, 6, 8] and job.done == 8
    out = json.loads(job.result_json())
    session = AuditSession.start(data, "twitter.zip")
    while not session.finished:
        session.step()
    assert out["audit"] == session.result()
    assert out["pictures"] == session.pictures()
    assert out["html"] == session.html()
    assert out["audit"]["posts"] == 8 and "<svg" in out["pictures"]["balance"]


def test_verdict_links_go_to_the_site_the_page_is_served_from() -> None:
    job = open_job(x_zip(), "twitter.zip", site_url="http://127.0.0.1:9/handbook/")
    while not job.finished:
        job.step()
    audit = json.loads(job.result_json())["audit"]
    urls = [p["url"] for p in audit["verdict"]["points"]] + [f["url"] for f in audit["findings"]]
    assert urls and all(u.startswith("http://127.0.0.1:9/handbook/") for u in urls)


def test_team_config_handles_platform_and_since_reach_the_audit() -> None:
    text = b"Thanks @ines for the notes.\n\nAnother post of mine, about nothing much.\n"
    job = WebAudit.open(
        Recorder(text), len(text), "posts.txt", '["@me"]', "mastodon", "", "", Config()
    )
    job.step(100)
    audit = json.loads(job.result_json())["audit"]
    assert (audit["platform"], audit["handle"], audit["posts"]) == ("mastodon", "me", 2)
    job = open_job(x_zip(), "twitter.zip", since="2099-01-01")
    assert job.error == "" and job.total == 8
    job.step(100)
    assert json.loads(job.result_json())["audit"]["posts"] == 0


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"", "empty.txt", "empty.txt: the file is empty"),
        (b"PK\x03\x04garbage", "broken.zip", "broken.zip: the zip file is damaged"),
        (b'{"type": "Person"}', "x.json", "x.json:"),
        (zip_of({"notes.txt": b"hi"}), "other.zip", "other.zip: an archive holding none"),
    ],
)
def test_a_file_the_audit_cannot_read_gives_one_sentence(data: bytes, name: str, says: str) -> None:
    job = open_job(data, name)
    assert job.session is None and job.error.startswith(says)
    assert "\n" not in job.error
    with pytest.raises(RuntimeError):
        job.step()


def test_a_bad_since_date_is_a_message() -> None:
    job = open_job(b"a post", "posts.txt", since="last year")
    assert "is not a date" in job.error


def test_too_big_a_file_is_refused_without_reading_it_all() -> None:
    reader = Recorder(b"")

    def huge(offset: int, size: int) -> bytes:
        reader.calls.append((offset, size))
        return b"a" * size

    job = WebAudit.open(huge, MAX_BYTES + 10, "posts.txt", "[]", "", "", "")
    assert "MB is more than the audit reads" in job.error
    assert sum(size for _, size in reader.calls) <= MAX_BYTES + 64 + READ_PIECE


def test_handles_must_be_a_json_list_of_strings() -> None:
    with pytest.raises(TypeError):
        open_job(b"a post", "posts.txt", handles_json='"@me"')


def test_the_page_refuses_at_the_cores_limit() -> None:
    """auditflow.js refuses a big file before reading it, at the core's own limit."""
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "overrides/assets/checker/auditflow.js"
    found = re.search(r"export const MAX_BYTES = ([\d_]+);", script.read_text(encoding="utf-8"))
    assert found and int(found[1].replace("_", "")) == MAX_BYTES
