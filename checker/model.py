"""The values a check produces: findings, the length verdict and the report.

Everything here is plain data. ``Report.to_dict()`` is the versioned JSON
(schema 1) that the CLI prints and the browser renders; its shape is a
contract (README.md, "Contracts"), so change it only with a new schema number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA = 1


class Severity(StrEnum):
    """How loudly a finding speaks. Defaults lean quiet."""

    ERROR = "error"  # a hard limit: the platform will refuse or cut the post
    WARNING = "warning"  # a clear breach of the handbook's guidance
    SUGGESTION = "suggestion"  # a matter of taste: worth a second look

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.SUGGESTION: 2}


class Pillar(StrEnum):
    """The handbook's three pillars, plus platform fit."""

    SHARING = "sharing"
    COLLABORATING = "collaborating"
    CONNECTING = "connecting"
    FIT = "fit"
    TEAM = "team"  # a rule a team wrote for its own copy (``custom-rules``)


KINDS = ("post", "reply", "invitation", "thread")


@dataclass(frozen=True)
class Replacement:
    """A mechanical fix: put ``text`` in place of the span, labelled for a button.

    Offsets are like a finding's: code points, and UTF-16 units for JavaScript.
    Only certain, tone-free changes are offered (see ``checker.fixes``).
    """

    start: int
    end: int
    start_utf16: int
    end_utf16: int
    text: str
    label: str  # what the change does, for a button or the CLI: "Replace “utilize” with “use”"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "start_utf16": self.start_utf16,
            "end_utf16": self.end_utf16,
            "text": self.text,
            "label": self.label,
        }


@dataclass(frozen=True)
class Finding:
    """One place where the draft falls short, with what to do instead."""

    rule: str
    pillar: Pillar
    severity: Severity
    message: str
    fix: str
    start: int  # code-point offsets into the text as given, end exclusive
    end: int
    start_utf16: int  # the same span in UTF-16 code units, for JavaScript
    end_utf16: int
    url: str  # the rule's page in the handbook
    replacement: Replacement | None = None  # a mechanical fix, where one is certain

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "pillar": self.pillar.value,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "start": self.start,
            "end": self.end,
            "start_utf16": self.start_utf16,
            "end_utf16": self.end_utf16,
            "url": self.url,
        }
        # Only present when there is a fix: schema 1 readers ignore the extra key.
        if self.replacement is not None:
            out["replacement"] = self.replacement.to_dict()
        return out


@dataclass(frozen=True)
class LimitCheck:
    """One of a platform's hard limits, counted for a post: its length in the
    platform's unit, its UTF-8 bytes, its links, hashtags or @-tags."""

    name: str  # "length", "bytes", "links", "hashtags" or "mentions"
    count: int
    limit: int

    @property
    def over(self) -> bool:
        return self.count > self.limit

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "limit": self.limit, "over": self.over}


@dataclass(frozen=True)
class PostLength:
    """The length of one post of a thread, counted as its platform counts."""

    start: int
    end: int
    count: int
    over: bool

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "count": self.count, "over": self.over}


@dataclass(frozen=True)
class Length:
    """The length verdict: ``count`` in ``unit`` against the platform's ``limit``.

    For a thread, ``count`` is the longest post and ``posts`` holds each one.
    ``over`` is about length alone; ``limits`` lists every hard limit the
    platform has (length, bytes, links, hashtags, @-tags), each with its count
    (for a thread, the highest of any post) and whether it is broken, so a post
    refused for its hashtags says so even when its length fits. With a content
    warning, ``count`` includes it and ``content_warning`` is its own length.
    """

    count: int
    limit: int
    unit: str
    over: bool
    posts: tuple[PostLength, ...] = ()
    limits: tuple[LimitCheck, ...] = ()
    content_warning: int | None = None

    @property
    def broken(self) -> tuple[str, ...]:
        """The names of the limits this draft breaks."""
        return tuple(c.name for c in self.limits if c.over)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "count": self.count,
            "limit": self.limit,
            "unit": self.unit,
            "over": self.over,
        }
        if self.posts:
            out["posts"] = [p.to_dict() for p in self.posts]
        # added within schema 1: every limit, and which are broken
        out["limits"] = [c.to_dict() for c in self.limits]
        out["broken"] = list(self.broken)
        if self.content_warning is not None:
            out["content_warning"] = self.content_warning
        return out


@dataclass(frozen=True)
class Report:
    platform: str
    kind: str
    length: Length
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "platform": self.platform,
            "kind": self.kind,
            "length": self.length.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Turns code-point offsets into UTF-16 offsets for one text.

    Built once per text in O(n); each lookup is a binary search, so a 100 KB
    paste with many findings stays fast.
    """

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        # every astral code point before ``offset`` takes two UTF-16 units
        return offset + bisect.bisect_left(self._astral, offset)
