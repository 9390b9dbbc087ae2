"""``check()``: the one entry point of the pure core.

It splits a thread into posts, builds a ``Draft`` for each, runs every
enabled rule that applies, and turns raw hits into findings with the rule's
metadata, the team's severity and both kinds of offsets. No I/O.
"""

from __future__ import annotations

import re

from checker import fixes, platforms
from checker.config import Config
from checker.custom_rules import Replace
from checker.draft import Draft
from checker.model import (
    KINDS,
    Finding,
    Length,
    LimitCheck,
    PostLength,
    Report,
    Utf16Offsets,
)
from checker.rules import REGISTRY

# A thread is several posts separated by a line that holds only "---" (three
# or more hyphens, spaces around allowed): the same break Markdown writers use.
# Lines may end in "\r\n" (a draft saved on Windows, or pasted from one).
THREAD_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*\r?$", re.MULTILINE)


class UnknownKind(ValueError):
    pass


def split_posts(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each post of a thread, trimmed; empty posts dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for sep in THREAD_SEPARATOR.finditer(text):
        spans.append((start, sep.start()))
        start = sep.end()
    spans.append((start, len(text)))
    trimmed = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            a += len(chunk) - len(chunk.lstrip())
            trimmed.append((a, a + len(stripped)))
    return trimmed or [(0, len(text))]


class Checker:
    """``check()`` with its setup done once: the platform, the kind, the limit and the
    enabled rules with their settings are resolved here, not on every call.

    The audit checks thousands of posts with one config, and a page checks the same
    draft at every keystroke: both keep a ``Checker`` and call it per text. Its
    results are exactly ``check()``'s (``check()`` is a ``Checker`` used once).
    """

    def __init__(
        self,
        *,
        platform: str | None = None,
        kind: str | None = None,
        config: Config | None = None,
    ) -> None:
        config = config or Config()
        self.info = plat = platforms.get(platform or config.platform)  # raises UnknownPlatform
        self.platform = plat.name
        self.kind = kind = kind or config.kind
        if kind not in KINDS:
            raise UnknownKind(f"unknown kind {kind!r}; choose one of: {', '.join(KINDS)}")
        self.config = config
        self.limit = plat.limit_for(
            kind, config.limits.get(plat.name), premium=config.linkedin_premium
        )
        # What each applicable rule needs (a hostile thread has thousands of posts,
        # an audit thousands of drafts).
        active = []
        for rule in (*REGISTRY, *config.custom_rules):  # the team's own rules run last
            settings = config.rule(rule.name)
            if settings.enabled and rule.applies(plat.name, kind):
                severity = settings.severity or rule.severity
                active.append((rule, severity, settings.extra_terms, config.rule_url(rule.name)))
        self._active = tuple(active)

    def check(self, text: str, cw: str = "") -> Report:
        """``check(text, platform=…, kind=…, config=…, cw=cw)``."""
        plat, kind, limit = self.info, self.kind, self.limit
        posts = split_posts(text) if kind == "thread" else [(0, len(text))]
        cw_length = plat.count(cw) if cw and plat.content_warning else 0
        drafts = self._drafts(text, posts, cw_length)
        post_lengths: list[PostLength] = []
        worst: dict[str, tuple[int, int]] = {}  # each limit's highest count over the posts
        for (a, b), draft in zip(posts, drafts, strict=True):
            count = draft.length + draft.cw_length
            post_lengths.append(PostLength(a, b, count, count > limit))
            for limit_check in draft.limit_checks:
                if limit_check.count > worst.get(limit_check.name, (-1, 0))[0]:
                    worst[limit_check.name] = (limit_check.count, limit_check.limit)
        findings = self._findings(text, posts, drafts)
        longest = max(p.count for p in post_lengths)
        length = Length(
            count=longest,
            limit=limit,
            unit=plat.unit,
            over=longest > limit,
            posts=tuple(post_lengths) if kind == "thread" else (),
            limits=tuple(LimitCheck(name, n, cap) for name, (n, cap) in worst.items()),
            content_warning=cw_length if cw and plat.content_warning else None,
        )
        return Report(platform=plat.name, kind=kind, length=length, findings=findings)

    def findings(self, text: str) -> tuple[Finding, ...]:
        """``check(text, …).findings``, without counting any length: an audit of
        published posts has no use for it (X's weighted count is the costliest part of a
        short post), and no rule reads it unless ``over-limit`` is on."""
        posts = split_posts(text) if self.kind == "thread" else [(0, len(text))]
        return self._findings(text, posts, self._drafts(text, posts, 0))

    def _drafts(self, text: str, posts: list[tuple[int, int]], cw_length: int) -> list[Draft]:
        return [
            Draft(
                text[a:b],
                platform=self.platform,
                kind=self.kind,
                handles=self.config.handles,
                post_index=index,
                post_count=len(posts),
                limit=self.limit,
                cw_length=cw_length if index == 0 else 0,  # a thread's warning is its first post's
            )
            for index, (a, b) in enumerate(posts)
        ]

    def _findings(
        self, text: str, posts: list[tuple[int, int]], drafts: list[Draft]
    ) -> tuple[Finding, ...]:
        findings: dict[tuple[str, int, int], Finding] = {}
        utf16: Utf16Offsets | None = None  # built at the first finding: most posts have none
        for (a, _b), draft in zip(posts, drafts, strict=True):
            for rule, severity, terms, url in self._active:
                for hit in rule.matcher.find(draft, terms):
                    start, end = a + hit.start, a + hit.end
                    key = (rule.name, start, end)
                    if key in findings:
                        continue
                    if utf16 is None:
                        utf16 = Utf16Offsets(text)
                    edit = fixes.fix_for(rule.name, text, start, end)
                    if edit is None and isinstance(rule.matcher, Replace):  # a team's rule
                        edit = rule.matcher.edit(text, start, end)
                    findings[key] = Finding(
                        rule=rule.name,
                        pillar=rule.pillar,
                        severity=severity,
                        message=hit.message,
                        fix=rule.fix,
                        start=start,
                        end=end,
                        start_utf16=utf16(start),
                        end_utf16=utf16(end),
                        url=url,
                        replacement=None if edit is None else fixes.replacement(edit, utf16),
                    )
        if len(findings) < 2:
            return tuple(findings.values())
        return tuple(
            sorted(findings.values(), key=lambda f: (f.start, f.end, f.severity.rank, f.rule))
        )


def check(
    text: str,
    *,
    platform: str | None = None,
    kind: str | None = None,
    config: Config | None = None,
    cw: str = "",
) -> Report:
    """Check ``text`` as a ``kind`` of draft for ``platform``; pure and deterministic.

    ``cw`` is the post's content warning, where the platform has them (Mastodon):
    it counts toward the length limit. Elsewhere it is ignored. (Checking many texts
    with one setup: ``Checker``.)
    """
    return Checker(platform=platform, kind=kind, config=config).check(text, cw)
