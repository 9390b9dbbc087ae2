"""The ``hashtag-stuffing`` rule: more hashtags than the platform's readers expect.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/hashtag-stuffing/ and
its tests are in tests/rules/test_hashtag_stuffing.py and tests/test_rules.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
)
from checker.rules.text import (
    plural,
)

# hashtag-stuffing


def _find_stuffing(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    info = draft.platform_info
    tags = draft.hashtags
    if len(tags) <= info.hashtag_norm:
        return
    excess = len(tags) - info.hashtag_norm
    norm = plural(info.hashtag_norm, "hashtag")
    reason = f" ({info.hashtag_reason.rstrip('.')})" if info.hashtag_reason else ""
    yield Hit(
        tags[info.hashtag_norm].start,
        tags[-1].end,
        f"{len(tags)} hashtags is a lot for {info.label}, where {norm} or fewer is the "
        f"norm{reason}: keep the ones your readers follow and drop {excess}.",
    )


RULE = Rule(
    name="hashtag-stuffing",
    pillar=Pillar.FIT,
    severity=Severity.SUGGESTION,
    summary="Flags more hashtags than is usual on the platform, from the first one too many.",
    why=(
        "Hashtags help people find a post when they are few and relevant. Past a network's "
        "norm they crowd out your words, read as fishing for reach, and often show a post "
        "copied from a network with different habits. Each network has its own audience "
        "and its own customs."
    ),
    fix=(
        "Keep the one or two hashtags people on this network actually follow, and fold "
        "the rest into plain words or drop them."
    ),
    guide="platforms/cross-posting.md",
    seeds=("003",),
    matcher=Custom(_find_stuffing),
    flags=(
        Example("Shipping day! #python #release ⟦#opensource #devtools⟧", platform="x"),
        Example(
            "Our spring volunteer day is on 12 April. #community #volunteering #charity "
            "⟦#spring #weekend⟧",
            platform="facebook",
        ),
        Example(
            "New episode on mentoring junior designers. #design #ux #mentoring #careers "
            "#podcast ⟦#leadership #product⟧",
            platform="linkedin",
        ),
        Example(
            "First frost on the allotment this morning. #gardening ⟦#allotment⟧",
            platform="threads",
            note="Threads takes one topic tag per post.",
        ),
        Example(
            "Our bakery turns 10 today! #bakery #sourdough #local ⟦#smallbusiness #bread⟧",
            platform="bluesky",
            note="Bluesky's norm is three.",
        ),
        Example(
            "New blog post on accessible forms. #a11y #webdev ⟦#forms #html⟧",
            platform="x",
        ),
    ),
    passes=(
        Example("Shipping day! The 2.0 release notes are up. #python #opensource", platform="x"),
        Example(
            "Morning light on the harbour. #photography #sunrise #harbour #coast #bluehour",
            platform="instagram",
            note="Five: as many as Instagram takes since December 2025.",
        ),
        Example(
            "New episode on mentoring junior designers: what worked, what didn't. #design "
            "#mentoring #ux",
            platform="linkedin",
        ),
        Example(
            "Our #1 lesson from the launch: ship the docs with the code. #python #devtools",
            note="“#1” is a number, not a hashtag, so this has two.",
        ),
        Example(
            "Morning swim in the lake before work. #wildswimming",
            platform="threads",
            note="One topic tag is what Threads allows.",
        ),
        Example(
            "Our bakery turns 10 today! Thank you for every loaf. #bakery #sourdough",
            platform="bluesky",
        ),
    ),
)
