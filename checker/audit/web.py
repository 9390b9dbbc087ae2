"""The browser worker's side of the audit ("Your feed" page): a file in, JSON out.

Pure, like the rest of the core: the worker (``overrides/assets/checker/worker.js``)
hands over the reader's ``File`` as a function ``read_at(offset, size)`` (over
``FileReaderSync`` and ``File.slice``), which ``SlicedFile`` turns into the seekable
binary file ``read_archive`` wants, so a zip's central directory and the few members
needed are all that is ever read. Then the worker drives the audit step by step,
posting progress and awaiting a macrotask between steps so a cancel can arrive::

    job = WebAudit.open(read_at, size, name, handles_json, platform, since, site_url, config)
    if job.error: ...                      # ArchiveError's one sentence, for the page
    while not job.finished:
        job.step(CHUNK)                    # then post job.done / job.total
    job.result_json()                      # {"audit", "pictures": {"balance", "trend"}, "html"}

Strings cross the JavaScript/Python boundary (no proxies to free): the reader's
handles come as a JSON list, the result goes back as one JSON string.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any, BinaryIO, cast

from checker.audit.model import ArchiveError
from checker.audit.session import CHUNK, AuditSession
from checker.config import Config

# How much one read asks of the browser: small enough that progress moves while a
# 100 MB tweets.js is read, large enough that the calls cost nothing.
READ_PIECE = 4 * 1024 * 1024
BUFFER = 64 * 1024

__all__ = ["CHUNK", "READ_PIECE", "SlicedFile", "WebAudit", "as_bytes"]


def as_bytes(chunk: Any) -> bytes:
    """Bytes from what ``read_at`` returned: ``bytes``, or a JavaScript buffer's proxy,
    which Pyodide gives a ``to_bytes()`` (the one place the core meets a proxy)."""
    if isinstance(chunk, bytes | bytearray | memoryview):
        return bytes(chunk)
    # (an int has a to_bytes too, of another meaning)
    to_bytes = None if isinstance(chunk, int) else getattr(chunk, "to_bytes", None)
    if callable(to_bytes):
        data = to_bytes()
        if isinstance(data, bytes):
            return data
    raise TypeError(f"read_at must give bytes, got {type(chunk).__name__}")


class SlicedFile(io.RawIOBase):
    """A read-only, seekable binary file over ``read_at(offset, size) -> bytes``."""

    def __init__(self, read_at: Callable[[int, int], Any], size: int) -> None:
        super().__init__()
        self._read_at = read_at
        self._size = max(0, int(size))
        self._pos = 0
        self._cache, self._cache_at = b"", 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}.get(whence)
        if base is None:
            raise ValueError(f"invalid whence ({whence})")
        target = base + offset
        if target < 0:
            raise OSError(
                f"negative seek position {target}"
            )  # as a real file does (zipfile relies on it)
        self._pos = target
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        end = self._size if size is None or size < 0 else min(self._size, self._pos + size)
        if end - self._pos < BUFFER:
            return self._small_read(end)
        pieces: list[bytes] = []
        while self._pos < end:
            want = min(READ_PIECE, end - self._pos)
            piece = as_bytes(self._read_at(self._pos, want))
            if not piece:
                break  # the file shrank under us: what was read is all there is
            pieces.append(piece)
            self._pos += len(piece)
        return b"".join(pieces)

    def _small_read(self, end: int) -> bytes:
        """zipfile reads a directory entry or a header at a time, a few bytes per call:
        those come from one slice of ``BUFFER`` bytes, asked for once. (Not an
        ``io.BufferedReader``: its ``read(n)`` sets aside n bytes first, and the
        readers ask for up to 150 MB to learn whether a file is too big.)"""
        start = self._pos
        cached = self._cache_at <= start and end <= self._cache_at + len(self._cache)
        if not cached:
            self._cache = as_bytes(self._read_at(start, min(BUFFER, self._size - start)))
            self._cache_at = start
        data = self._cache[start - self._cache_at : end - self._cache_at]
        self._pos += len(data)
        return data

    def readall(self) -> bytes:
        return self.read(-1)


class WebAudit:
    """One audit as the page asks for it: opened (or refused with ``error``), then stepped."""

    def __init__(self, session: AuditSession | None, error: str = "") -> None:
        self.session = session
        self.error = error

    @classmethod
    def open(
        cls,
        read_at: Callable[[int, int], Any],
        size: int,
        name: str,
        handles_json: str,
        platform: str,
        since: str,
        site_url: str,
        config: Config | None = None,
    ) -> WebAudit:
        """Reads the file; a file the audit cannot read gives ``error``, never an exception.

        ``platform`` and ``since`` may be empty (the archive's own, everything);
        ``site_url`` is where the page is served, so the verdict links to this copy of
        the handbook.
        """
        handles = json.loads(handles_json or "[]")
        if not isinstance(handles, list) or not all(isinstance(h, str) for h in handles):
            raise TypeError(f"expected a JSON list of strings, got {handles_json!r}")
        base = config or Config()
        if site_url:
            base = replace(base, site_url=site_url)
        try:
            session = AuditSession.start(
                cast(BinaryIO, SlicedFile(read_at, size)),
                name,
                handles=handles,
                platform=platform or None,
                since=since or None,
                config=base,
            )
        except ArchiveError as err:
            return cls(None, str(err))
        except MemoryError:
            return cls(
                None,
                f"{name}: too big for this browser tab's memory; export a shorter period, "
                "or use the command line (etiquette audit)",
            )
        return cls(session)

    def _session(self) -> AuditSession:
        if self.session is None:
            raise RuntimeError(f"this audit did not open: {self.error}")
        return self.session

    @property
    def total(self) -> int:
        return self._session().total

    @property
    def done(self) -> int:
        return self._session().done

    @property
    def finished(self) -> bool:
        return self._session().finished

    def step(self, count: int = CHUNK) -> int:
        return self._session().step(count)

    def result_json(self) -> str:
        """The audit (schema 1, without the per-post items), its two pictures, and the
        HTML report the CLI writes, as one JSON string."""
        session = self._session()
        return json.dumps(
            {"audit": session.result(), "pictures": session.pictures(), "html": session.html()}
        )
