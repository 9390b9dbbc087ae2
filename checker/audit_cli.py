"""``etiquette audit FILE``: the shell around the posting-history audit.

It opens the file (the core never does), refuses one that is too big before
reading it, hands the bytes (or, for a .zip or .tar.gz, the open file, so only
the members needed are read) to ``read_archive``, steps an ``AuditSession``
through the posts with a progress bar on a terminal, and prints the result as
text, JSON (schema 1) or one self-contained HTML file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

from checker import audit_jobs
from checker.audit import MAX_BYTES, Archive, ArchiveError, read_archive
from checker.audit.detect import EXPECTED
from checker.audit.session import AuditSession, parse_since
from checker.config import Config, ConfigError, merge
from checker.platforms import PLATFORMS, UnknownPlatform

_CONTAINERS = (b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b")


def add_parser(commands: Any, shared: argparse.ArgumentParser, formatter: type) -> None:
    """Adds the ``audit`` subcommand to the CLI's parser."""
    audit = commands.add_parser(
        "audit",
        parents=[shared],
        help="audit your posting history",
        description=(
            "Read your own export and show whether your feed shares, converses and credits "
            "others, or only broadcasts.\n\n"
            f"FILE: {EXPECTED}.\n"
            "Exit status: 0 the audit ran, 2 bad usage or a file it cannot read."
        ),
        formatter_class=formatter,
    )
    audit.add_argument("file", metavar="FILE", help="the export to read")
    audit.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text (default), json (schema 1, with every post), or html: one self-contained "
        "file with the pictures (redirect it: > feed.html)",
    )
    audit.add_argument(
        "--handle",
        action="append",
        default=[],
        metavar="@NAME",
        help="your handle, when the export does not hold it (plain text, LinkedIn)",
    )
    audit.add_argument("--since", metavar="DATE", help="only posts from this day on (YYYY-MM-DD)")
    audit.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="processes that check the posts (default: one per core; 1: this process only). "
        "The result is the same whatever N",
    )
    audit.add_argument(
        "--platform",
        metavar="P",
        help=f"for plain text: where the posts went ({', '.join(PLATFORMS)}); "
        "other exports say so themselves",
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if not 1 <= jobs <= 256:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes from 1 to 256")
    return jobs


def open_archive(path: Path) -> Archive:
    """The export read by the core: bytes, or the open file for a container."""
    name = str(path)
    if path.is_dir():
        raise ArchiveError(f"{name}: is a directory; give the export file (.zip, .js, .json...)")
    try:
        with path.open("rb") as file:
            head = file.read(4)
            file.seek(0)
            if head.startswith(_CONTAINERS):
                return read_archive(file, name)  # streams only the members it needs
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ArchiveError(
                    f"{name}: {size / 1e6:,.0f} MB is more than the audit reads "
                    f"({MAX_BYTES / 1e6:,.0f} MB); export a shorter period, or split the file"
                )
            data = file.read()
            x_posts = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"window.YTD.tweet")
            return read_archive(data, name, _beside(path) if x_posts else None)
    except FileNotFoundError:
        raise ArchiveError(f"{name}: no such file") from None
    except PermissionError:
        raise ArchiveError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise ArchiveError(f"{name}: is a directory") from None


def _beside(path: Path) -> dict[str, bytes]:
    """An unpacked X archive's files next to its ``tweets.js``: ``note-tweet.js`` (the
    whole text of the long posts) and ``account.js`` (the owner's handle)."""
    found = {}
    for pattern in ("note-tweet*.js", "account.js"):
        for sibling in sorted(path.parent.glob(pattern)):
            if sibling.is_file() and sibling.stat().st_size <= MAX_BYTES:
                found[str(sibling)] = sibling.read_bytes()
    return found


class Progress:
    """A one-line bar on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(
        self, total: int, stream: IO[str], label: str = "auditing", unit: str = "posts"
    ) -> None:
        self.total, self.stream = total, stream
        self.label, self.unit = label, unit
        self.on = total > 0 and stream.isatty()
        self.shown = -1

    def __call__(self, done: int) -> None:
        if not self.on:
            return
        percent = 100 * done // self.total
        if percent == self.shown:
            return
        self.shown = percent
        filled = 30 * done // self.total
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% "
            f"{done:,}/{self.total:,} {self.unit}"
        )
        self.stream.flush()

    def close(self) -> None:
        """Wipes the bar's line; once, however often it is called."""
        if self.on:
            self.stream.write("\r" + " " * 72 + "\r")
            self.stream.flush()
            self.on = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def drive(session: AuditSession, jobs: int | None, stream: IO[str]) -> None:
    """Steps ``session`` to the end, a bar on ``stream`` if it is a terminal. With
    ``jobs`` above 1 (None: one per core) and enough posts, the texts are first
    checked in that many processes (``audit_jobs``); the figures are the same."""
    jobs = audit_jobs.default_jobs() if jobs is None else jobs
    keys = audit_jobs.plan(session.auditor, session.archive.posts, jobs)
    if keys:
        with Progress(len(keys), stream, "checking", "texts") as progress:
            try:
                for done in audit_jobs.check_in_workers(session.auditor, keys, jobs):
                    progress(done)
            except BrokenProcessPool:
                progress.close()
                # what the workers answered is kept; the rest is checked here, as with --jobs 1
                stream.write("note: a worker process stopped; the audit finishes in this one\n")
    with Progress(session.total, stream) as progress:
        while not session.finished:
            progress(session.step())


def run_audit(
    args: argparse.Namespace, config: Config, usage_error: Callable[[str], Exception]
) -> int:
    """The ``audit`` command; problems become ``usage_error(message)`` (exit 2)."""
    try:
        since = parse_since(args.since)  # a bad date is refused before the file is read
        config = merge(config, platform=args.platform, handles=args.handle)
        session = AuditSession.of(
            open_archive(Path(args.file)),
            handles=args.handle,
            platform=config.platform,
            since=since,
            config=config,
        )
    except (ArchiveError, ConfigError, UnknownPlatform) as err:
        raise usage_error(str(err)) from None
    drive(session, args.jobs, sys.stderr)
    if args.format == "json":
        data = session.result(items=True)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "html":
        sys.stdout.write(session.html())
    else:
        sys.stdout.write(session.text())
    return 0
