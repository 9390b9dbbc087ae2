"""Every network at a glance: the draft's length and fit on each platform.

The checker page shows this table under the draft on every keystroke, so it
is cheap: each platform's count is its own counter on the draft (the one
``check()`` uses, so the numbers are exactly what ``etiquette check
--platform P --format json`` reports as ``length.count``), and platforms that
count the same way share one count. A content warning counts only where the
network counts it (``Platform.content_warning``: Mastodon), with the first post
of a thread, as in ``check()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker import counts as _counts
from checker import graphemes, platforms, twitter_text
from checker.config import Config
from checker.engine import UnknownKind, split_posts
from checker.model import KINDS

# The order the table shows: short-form networks first, where fit is tight.
ORDER = ("x", "bluesky", "mastodon", "threads", "linkedin", "facebook", "instagram")


@dataclass(frozen=True)
class GlanceRow:
    """One platform's line: ``count`` of ``limit`` in ``unit``, and whether it fits.

    ``fits`` also needs the bytes within ``byte_limit`` where the network has
    one (Bluesky: 3000 UTF-8 bytes). For a thread, ``count`` and ``bytes``
    are the longest post's, as the CLI reports.
    """

    platform: str
    label: str
    count: int
    limit: int
    unit: str
    counting: str  # what one unit is, in a writer's words
    fits: bool
    bytes: int
    byte_limit: int | None
    note: str = ""  # what in this draft counts other than it looks: "Here each emoji counts 4."

    @property
    def over_by(self) -> int:
        return max(0, self.count - self.limit)

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "label": self.label,
            "count": self.count,
            "limit": self.limit,
            "unit": self.unit,
            "counting": self.counting,
            "fits": self.fits,
            "over_by": self.over_by,
            "bytes": self.bytes,
            "byte_limit": self.byte_limit,
            "note": self.note,
        }


def glance(
    text: str, *, kind: str = "post", config: Config | None = None, cw: str = ""
) -> list[GlanceRow]:
    """The draft's count, limit and fit on each platform, in ``ORDER``; ``cw`` is the
    post's content warning, counted on the platforms that count it."""
    if kind not in KINDS:
        raise UnknownKind(f"unknown kind {kind!r}; choose one of: {', '.join(KINDS)}")
    config = config or Config()
    posts = [text[a:b] for a, b in split_posts(text)] if kind == "thread" else [text]
    byte_count = max(platforms.utf8_length(p) for p in posts)
    pieces = _Pieces(text)
    # LinkedIn, Facebook and Instagram share one counter: count once per call.
    counted: dict[Callable[[str], int], list[int]] = {}
    rows = []
    for name in ORDER:
        plat = platforms.PLATFORMS[name]
        lengths = counted.get(plat.counter)
        if lengths is None:
            lengths = [plat.count(p) for p in posts]
            counted[plat.counter] = lengths
        count = max(lengths)
        if cw and plat.content_warning:  # a thread's warning is its first post's
            count = max(lengths[0] + plat.count(cw), count)
        limit = plat.limit_for(kind, config.limits.get(name), premium=config.linkedin_premium)
        fits = count <= limit and (plat.byte_limit is None or byte_count <= plat.byte_limit)
        rows.append(
            GlanceRow(
                platform=name,
                label=plat.label,
                count=count,
                limit=limit,
                unit=plat.unit,
                counting=plat.counting,
                fits=fits,
                bytes=byte_count,
                byte_limit=plat.byte_limit,
                note=pieces.note(plat),
            )
        )
    return rows


class _Pieces:
    """The things in a draft that networks count differently from how they look:
    emoji, links, CJK characters, fediverse handles (a few of each suffice)."""

    def __init__(self, text: str) -> None:
        self.emoji: list[str] = []
        self.cjk: list[str] = []
        self.remote: list[str] = []
        self.links: list[str] = []
        if not text.isascii():
            seen = dict.fromkeys(text[a:b] for a, b in graphemes.emoji_spans(text))
            self.emoji = list(seen)[:_SAMPLE]
            self.cjk = list(dict.fromkeys(_counts.CJK_CHAR.findall(text)))[:1]
        if "." in text:
            urls = twitter_text.extract_urls_with_indices(text, without_protocol=False)
            self.links = [url.value for url in urls[:_SAMPLE]]
        if "@" in text:
            self.remote = [m for m in _counts.MENTION.findall(text) if m.count("@") > 1][:1]

    def note(self, plat: platforms.Platform) -> str:
        """What counts other than it looks on ``plat``, in a sentence ("" when nothing)."""
        parts = []
        emoji = sorted({plat.count(e) for e in self.emoji})
        if emoji and emoji != [1]:
            counted = str(emoji[0]) if len(emoji) == 1 else f"{emoji[0]} to {emoji[-1]}"
            parts.append(f"each emoji counts {counted}")
        if self.cjk and plat.count(self.cjk[0]) != 1:
            parts.append(f"each CJK character counts {plat.count(self.cjk[0])}")
        links = {plat.count(url) for url in self.links if plat.count(url) != len(url)}
        if len(links) == 1:
            parts.append(f"each link counts {links.pop()}")
        if self.remote and plat.count(self.remote[0]) != len(self.remote[0]):
            handle = self.remote[0]
            parts.append(f"{handle} counts as {handle[: handle.index('@', 1)]}")
        if not parts:
            return ""
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Here {listed}."


_SAMPLE = 8  # distinct emoji or links looked at: enough to say what they count


def glance_dicts(
    text: str, *, kind: str = "post", config: Config | None = None, cw: str = ""
) -> list[Any]:
    """``glance`` as JSON-ready dicts, for the browser worker."""
    return [row.to_dict() for row in glance(text, kind=kind, config=config, cw=cw)]
