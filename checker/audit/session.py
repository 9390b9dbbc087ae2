"""One audit from bytes to report, in steps: what the CLI and the browser worker drive.

The shells only move data: the CLI draws a bar between steps; the worker posts
progress between steps and, because it awaits between them, can take a cancel
message (a Web Worker runs one thing at a time, so a long single call could
not be stopped). Pure: no I/O, no clock.

    session = AuditSession.start(data, "twitter.zip", handles=["@me"], since="2024-01-01")
    while not session.finished:
        session.step()                      # then report session.done / session.total
    data = session.result()                 # the JSON of schema 1
    page = session.html()                   # the self-contained report

For the "Your feed" page, the worker's side is meant to be this loop (messages
as proposed for the worker's protocol, next to ``check``)::

    page -> worker  {type: "audit", id, file: File, handles, platform, since}
                    {type: "audit-cancel", id}
    worker -> page  {type: "audit-progress", id, phase: "reading" | "auditing", done, total}
                    {type: "audit-result", id, audit, pictures: {balance, trend}, html}
                    {type: "audit-error", id, message}          ArchiveError's one sentence
                    {type: "audit-cancelled", id, done, total}

The ``File`` crosses to the worker without a copy; wrapped in a small seekable
Python reader over ``FileReaderSync`` and ``File.slice``, it lets ``zipfile``
read only the central directory and the members needed, so a multi-gigabyte X
archive never enters memory. Between steps the worker awaits a macrotask, which
is when an ``audit-cancel`` can arrive (interrupt buffers need cross-origin
isolation, which GitHub Pages does not give).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

from checker.audit import report, svg
from checker.audit.auditor import Auditor, auditor_for
from checker.audit.detect import read_archive
from checker.audit.model import Archive, ArchiveError
from checker.config import Config

CHUNK = 250  # posts per step: about 50 ms of work in the browser, so progress stays smooth


def parse_since(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ArchiveError(f'--since: "{value}" is not a date; write it as YYYY-MM-DD') from None


class AuditSession:
    """An archive read, and an ``Auditor`` fed from it ``step()`` by ``step()``."""

    def __init__(self, archive: Archive, auditor: Auditor) -> None:
        self.archive, self.auditor = archive, auditor
        self.done = 0
        self._data: dict[str, Any] | None = None

    @classmethod
    def start(
        cls,
        source: bytes | bytearray | memoryview | BinaryIO,
        name: str,
        *,
        handles: Iterable[str] = (),
        platform: str | None = None,
        since: date | str | None = None,
        config: Config | None = None,
    ) -> AuditSession:
        """Reads ``source`` (raises ``ArchiveError``) and prepares the audit."""
        day = parse_since(since)  # a bad date is refused before the file is read
        return cls.of(
            read_archive(source, name), handles=handles, platform=platform, since=day, config=config
        )

    @classmethod
    def of(
        cls,
        archive: Archive,
        *,
        handles: Iterable[str] = (),
        platform: str | None = None,
        since: date | str | None = None,
        config: Config | None = None,
    ) -> AuditSession:
        auditor = auditor_for(
            archive,
            handles=tuple(handles),
            platform=platform,
            config=config,
            since=parse_since(since),
        )
        return cls(archive, auditor)

    @property
    def total(self) -> int:
        return len(self.archive.posts)

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def step(self, count: int = CHUNK) -> int:
        """Audits up to ``count`` more posts; returns how many are done."""
        end = min(self.total, self.done + max(1, count))
        self.auditor.feed(self.archive.posts[self.done : end])
        self.done = end
        self._data = None
        return self.done

    def result(self, *, items: bool = False) -> dict[str, Any]:
        """The JSON of schema 1 for the posts audited so far."""
        if items:
            return self.auditor.result().to_dict(items=True)
        if self._data is None:
            self._data = self.auditor.result().to_dict(items=False)
        return self._data

    def pictures(self) -> dict[str, str]:
        """The two SVG pictures, the same the HTML report holds."""
        data = self.result()
        return {"balance": svg.balance(data["kinds"]), "trend": svg.trend(data["months"])}

    def html(self) -> str:
        return report.render_html(self.result())

    def text(self) -> str:
        return report.render_text(self.result())
