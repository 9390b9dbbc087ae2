"""The posting-history audit: read a person's own export, judge the whole feed.

Pure like the rest of the core: ``read_archive`` takes the export's bytes (or
an open binary file for a ``.zip`` or ``.tar.gz``, so only the members needed
are decompressed) and returns an ``Archive`` of ``Post``; ``Auditor`` is fed
posts in chunks and gives an ``Audit`` whose ``to_dict()`` is the JSON of
schema 1; ``report`` renders it as text or one HTML file with SVG pictures.

    >>> from checker.audit import Auditor, read_archive
    >>> archive = read_archive(b"Thanks @ana for the review!", "posts.txt")
    >>> auditor = Auditor(platform="x", handles=["me"])
    >>> auditor.feed(archive.posts)
    >>> auditor.result().to_dict()["kinds"]["original"]
    1
"""

from checker.audit.auditor import KINDS, SCHEMA, Audit, Auditor, PostAudit, auditor_for
from checker.audit.detect import EXPECTED, read_archive
from checker.audit.model import MAX_BYTES, Archive, ArchiveError, Post
from checker.audit.session import AuditSession

__all__ = [
    "EXPECTED",
    "KINDS",
    "MAX_BYTES",
    "SCHEMA",
    "Archive",
    "ArchiveError",
    "Audit",
    "AuditSession",
    "Auditor",
    "Post",
    "PostAudit",
    "auditor_for",
    "read_archive",
]
