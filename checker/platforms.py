"""STUB (to be replaced by the platform-counting work): the platform table."""

from __future__ import annotations

from dataclasses import dataclass


class UnknownPlatform(ValueError):
    pass


@dataclass(frozen=True)
class Platform:
    name: str
    label: str
    limit: int
    unit: str
    invitation_limit: int | None = None
    hashtag_norm: int = 3

    def limit_for(self, kind: str, override: int | None = None) -> int:
        if override is not None:
            return override
        if kind == "invitation" and self.invitation_limit is not None:
            return self.invitation_limit
        return self.limit

    def count(self, text: str) -> int:
        return len(text)


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform("x", "X", 280, "weighted", hashtag_norm=2),
        Platform("mastodon", "Mastodon", 500, "graphemes", hashtag_norm=5),
        Platform("bluesky", "Bluesky", 300, "graphemes", hashtag_norm=3),
        Platform("threads", "Threads", 500, "characters", hashtag_norm=3),
        Platform("linkedin", "LinkedIn", 3000, "characters", 300, hashtag_norm=5),
        Platform("facebook", "Facebook", 63206, "characters", hashtag_norm=3),
        Platform("instagram", "Instagram", 2200, "characters", hashtag_norm=10),
    )
}


def get(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        raise UnknownPlatform(
            f"unknown platform {name!r}; choose one of: {', '.join(PLATFORMS)}"
        ) from None
