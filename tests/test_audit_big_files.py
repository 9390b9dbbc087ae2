"""Big exports: an X archive of hundreds of megabytes (mostly media) is audited by
reading its zip directory and the few members needed, in the CLI and through the
browser worker's ``SlicedFile``; a big file that is not an archive is refused by its
size before it is read; a cut-off download gets one sentence.

The archives are sparse files made on the fly (``big_zip``): a 320 MB zip costs a CRC
pass over zeros and no disk. Memory is compared with the file's size, never timed.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from audit_archives import big_zip, fixture_bytes, sparse_file, zip_of

from checker.audit import ArchiveError, read_archive
from checker.audit.model import MAX_BYTES
from checker.audit.web import WebAudit

MEDIA = 320_000_000  # a video or two: more than twice what the audit would ever hold
MB = 1_000_000


@pytest.fixture(scope="module", params=[MEDIA, 4_500_000_000], ids=["320MB", "4.5GB-zip64"])
def big(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    return big_zip(
        tmp_path_factory.mktemp("big") / "twitter-2024.zip",
        {
            "data/account.js": fixture_bytes("x/data/account.js"),
            "data/tweets.js": fixture_bytes("x/data/tweets.js"),
            "data/note-tweet.js": fixture_bytes("x-long/data/note-tweet.js"),
        },
        {"data/tweets_media/1005-video.mp4": request.param},
    )


def run_measured(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """``etiquette audit ARGS`` in a fresh interpreter, and its peak memory (bytes)."""
    code = (
        "import sys\n"
        "from checker.cli import main\n"
        "try:\n"
        "    code = main(sys.argv[1:])\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "sys.stdout.flush()\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print('peak', peak.split()[1], file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "audit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = done.stderr.splitlines()
    # VmHWM, the peak of this process's own memory: not getrusage's ru_maxrss, which
    # after fork and exec still counts the parent's (pytest's) memory
    peak = int(lines[-1].split()[1]) * 1024  # in kB
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout, "\n".join(lines[:-1])
    ), peak


class CountingReader:
    """``read_at`` over a real file on disk, as the worker's is over the File: it counts
    what is asked for."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("rb")
        self.read = 0

    def __call__(self, offset: int, size: int) -> bytes:
        self.file.seek(offset)
        data = self.file.read(size)
        self.read += len(data)
        return data


def test_cli_audits_a_big_zip_holding_little_in_memory(big: Path) -> None:
    assert big.stat().st_size > 300 * MB
    # the same archive without its media: what the interpreter and the audit cost alone
    small = big.with_name("twitter-small.zip")
    with zipfile.ZipFile(big) as zf:
        small.write_bytes(zip_of({i.filename: zf.read(i) for i in zf.infolist()[:3]}))
    base, base_peak = run_measured(small.name, "--format", "json", cwd=big.parent)
    done, peak = run_measured(big.name, "--format", "json", cwd=big.parent)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["posts"] == 8 and data["handle"] == "mara_writes"
    assert data["source"] == f"data/tweets.js, data/note-tweet.js in {big.name}"
    assert data["kinds"] == json.loads(base.stdout)["kinds"]
    print(
        f"CLI peak memory {peak / MB:.0f} MB for a {big.stat().st_size / MB:,.0f} MB zip, "
        f"{base_peak / MB:.0f} MB without its media"
    )
    # the media cost nothing: a sliver of the file at most, never the file
    assert peak - base_peak < MEDIA / 20, (base_peak, peak)
    assert peak < MEDIA / 2, (base_peak, peak)


def test_the_worker_reads_the_directory_and_the_members_only(big: Path) -> None:
    reader = CountingReader(big)
    job = WebAudit.open(reader, big.stat().st_size, big.name, "[]", "", "", "")
    assert job.error == ""
    while not job.finished:
        job.step()
    assert json.loads(job.result_json())["audit"]["posts"] == 8
    wanted = sum(len(fixture_bytes(p)) for p in ("x/data/account.js", "x/data/tweets.js"))
    # the members (compressed, so less than this), the directory and a few headers
    wanted += len(fixture_bytes("x-long/data/note-tweet.js"))
    assert reader.read < wanted + 256 * 1024
    assert reader.read < big.stat().st_size / 1000


def test_a_250_mb_posts_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = sparse_file(tmp_path / "tweets.js", 250 * MB, b"window.YTD.tweets.part0 = [")
    done, peak = run_measured(huge.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "etiquette: error: tweets.js: 250 MB is more than the audit reads (150 MB); "
        "export a shorter period, or split the file"
    )
    assert peak < 100 * MB
    # the worker's side: refused from the size alone, before a megabyte is read
    reader = CountingReader(huge)
    job = WebAudit.open(reader, huge.stat().st_size, "tweets.js", "[]", "", "", "")
    assert job.error == (
        "tweets.js: 250 MB is more than the audit reads (150 MB); "
        "export a shorter period, or split the file"
    )
    assert reader.read <= 64 * 1024


def test_a_posts_member_over_the_limit_is_named(tmp_path: Path) -> None:
    path = big_zip(
        tmp_path / "twitter.zip",
        {"data/account.js": fixture_bytes("x/data/account.js")},
        {"data/tweets.js": MAX_BYTES + 5 * MB},
    )
    with pytest.raises(ArchiveError) as caught, path.open("rb") as file:
        read_archive(file, "twitter.zip")
    assert str(caught.value) == (
        "data/tweets.js in twitter.zip: 155 MB is more than the audit reads (150 MB); "
        "export a shorter period"
    )


@pytest.mark.parametrize("keep", [0.5, 0.999_99])
def test_a_big_zip_cut_off_gets_one_sentence(big: Path, tmp_path: Path, keep: float) -> None:
    """A download that stopped: the zip's directory (at its end) is missing."""
    cut = tmp_path / big.name
    with big.open("rb") as src, cut.open("wb") as out:
        out.write(src.read(64 * 1024))  # the members' data is at the start: copy it
        out.truncate(int(big.stat().st_size * keep))
    done, peak = run_measured(cut.name, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert peak < cut.stat().st_size / 2  # the interpreter alone is about 40 MB
    assert done.stderr.strip() == (
        f"etiquette: error: {cut.name}: the zip file is damaged or truncated; "
        "download the export again"
    )
    reader = CountingReader(cut)
    job = WebAudit.open(reader, cut.stat().st_size, cut.name, "[]", "", "", "")
    assert (
        job.error == f"{cut.name}: the zip file is damaged or truncated; download the export again"
    )
    assert reader.read < 1 * MB


class CountingFile(io.BufferedReader):
    """A .tar.gz as an open file, counting how much of it was read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))  # type: ignore[arg-type]
        self.used = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.used += len(data)
        return data


def tar_gz(members: list[tuple[str, bytes | int]]) -> bytes:
    """A .tar.gz of (name, bytes) members, or (name, size) of random-looking media
    (incompressible, so the compressed file is as big as the media)."""
    import random

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as tar:
        for name, data in members:
            body = data if isinstance(data, bytes) else random.Random(1).randbytes(data)
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return buffer.getvalue()


def test_a_tar_gz_is_read_no_further_than_its_last_needed_member() -> None:
    outbox, actor = fixture_bytes("mastodon/outbox.json"), fixture_bytes("mastodon/actor.json")
    media: list[tuple[str, bytes | int]] = [("media_attachments/files/1/original/a.mp4", 4 * MB)]
    first = tar_gz([("outbox.json", outbox), ("actor.json", actor), *media])
    file = CountingFile(first)
    archive = read_archive(file, "export.tar.gz")  # type: ignore[arg-type]
    assert archive.handle and archive.posts
    assert file.used < len(first) / 4  # stopped before the media
    # the profile after the media (Mastodon's own order): read through, same audit
    last = tar_gz([("outbox.json", outbox), *media, ("actor.json", actor)])
    again = CountingFile(last)
    same = read_archive(again, "export.tar.gz")  # type: ignore[arg-type]
    assert (same.handle, len(same.posts)) == (archive.handle, len(archive.posts))
    assert again.used > len(last) * 0.9
