"""The ``over-limit`` rule: a post over the platform's hard limits, counted its way.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/over-limit/ and
its tests are in tests/rules/test_over_limit.py and tests/test_rules.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from checker.draft import Draft, Span
from checker.model import Pillar, Severity
from checker.platforms import utf8_length
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Rule,
)

_UNIT_WORDS = {"weighted": "weighted characters", "graphemes": "characters"}


def first_over(text: str, count: Callable[[str], int], limit: int) -> int:
    """The index of the code point at which ``count(text[:i + 1])`` first passes ``limit``.

    Galloping, then binary search: prefixes double from ``limit`` until one is
    over, so a 100 KB paste costs a few counts of prefixes near the limit, not
    of the whole text. Counts are not strictly monotonic (a link counts 23
    once complete), so this finds a crossing, which is what a highlight needs.
    """
    lo, hi = 0, min(len(text), max(limit, 1))
    while hi < len(text) and count(text[:hi]) <= limit:
        lo, hi = hi, min(len(text), hi * 2)
    # count(text[:lo]) <= limit (or lo == 0) and count(text[:hi]) > limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if count(text[:mid]) > limit:
            hi = mid
        else:
            lo = mid
    return hi - 1


def _snap_out_of(spans: Sequence[Span], index: int) -> int:
    """Move ``index`` to the start of the link it falls in: a link counts whole."""
    for span in spans:
        if span.start <= index < span.end:
            return span.start
    return index


def _nth_over(spans: Sequence[tuple[int, int]], cap: int) -> tuple[int, int]:
    return spans[cap][0], spans[-1][1]


def _length_advice(draft: Draft, count: int) -> str:
    """What else may help, where the platform offers it."""
    info = draft.platform_info
    if info.attachment_limit is not None and count <= info.attachment_limit:
        return (
            f" Or move the longer text to a text attachment (up to "
            f"{info.attachment_limit:,} characters)."
        )
    if info.name == "bluesky" and draft.urls:
        return (
            " Links count as typed here; Bluesky's own app shows a pasted link as its host "
            "and 13 characters of path, which may be enough to fit."
        )
    return ""


def _find_over_limit(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    # One hit per broken limit, from the same counts the report's ``length.limits`` lists.
    info = draft.platform_info
    text = draft.text
    what = "note" if draft.kind == "invitation" else "post"
    if draft.post_count > 1:
        what = f"post {draft.post_index + 1} of {draft.post_count}"
    for check in draft.limit_checks:
        if not check.over:
            continue
        count, limit, excess = check.count, check.limit, check.count - check.limit
        if check.name == "length":
            room = limit - draft.cw_length  # what is left for the text after the warning
            cut = _snap_out_of(draft.urls, first_over(text, info.count, room)) if room > 0 else 0
            unit = _UNIT_WORDS.get(info.unit, info.unit)
            cw = f" with its content warning of {draft.cw_length:,}" if draft.cw_length else ""
            yield Hit(
                cut,
                len(text),
                f"This {what} is {count:,} of {limit:,} {unit}{cw} on {info.label}: "
                f"cut {excess:,}.{_length_advice(draft, count)}",
            )
        elif check.name == "bytes":
            yield Hit(
                first_over(text, utf8_length, limit),
                len(text),
                f"This {what} is {count:,} bytes, and {info.label} takes at most "
                f"{limit:,}: cut {excess:,} bytes (emoji and accented letters take several).",
            )
        elif check.name == "links":
            firsts: dict[str, tuple[int, int]] = {}
            for url in draft.urls:
                firsts.setdefault(url.value, (url.start, url.end))
            start, end = _nth_over(list(firsts.values()), limit)
            yield Hit(
                start,
                end,
                f"This {what} has {count} different links, and {info.label} takes at "
                f"most {limit}: remove {excess}.",
            )
        elif check.name == "hashtags":
            start, end = _nth_over([(t.start, t.end) for t in draft.hashtags], limit)
            yield Hit(
                start,
                end,
                f"This {what} has {count} hashtags, and {info.label} takes at most "
                f"{limit}: remove {excess}.",
            )
        elif check.name == "mentions":
            mentions = info.mention_spans(text)
            start, end = (
                _nth_over(mentions, limit)
                if len(mentions) == count
                else (0, len(text))  # counted another way: point at the whole post
            )
            yield Hit(
                start,
                end,
                f"This {what} tags {count} accounts, and {info.label} takes at most "
                f"{limit}: remove {excess}.",
            )


RULE = Rule(
    name="over-limit",
    pillar=Pillar.FIT,
    severity=Severity.ERROR,
    summary="Flags a post longer than the platform allows, counted the way the platform counts.",
    why=(
        "Each network has hard limits, and it counts in its own way: X weighs links and "
        "emoji, Mastodon and Bluesky count what you see, Threads counts emoji as bytes. A "
        "post over the limit is refused or cut mid-thought, so the highlight shows the part "
        "that does not fit."
    ),
    fix=(
        "Cut the highlighted part or tighten the whole post; for a longer piece, split it "
        "into a thread where the network has them, or link to the full text."
    ),
    guide="platforms/index.md",
    seeds=("003",),
    matcher=Custom(_find_over_limit),
    flags=(
        Example(
            "Three things from this week's retro that I want to keep: we demo on Fridays even "
            "when the work is half done, we write the release note before the code, and we ask "
            "the support team what confused customers most. None of it is new, but doing all "
            "three at once changed how the sprint ⟦felt for everyone.⟧",
            note="298 characters where X takes 280: the last 18 are highlighted.",
        ),
        Example(
            "Notes from today's workshop on accessible forms: "
            + "label every field, describe every error, never rely on colour alone. " * 3
            + "label every field, describe every error, nev⟦er rely on colour alone. "
            + "Slides: https://example.org/forms-workshop⟧",
            platform="bluesky",
            note="Bluesky counts 300 characters as you see them.",
        ),
        Example(
            "Hi Sam, we met at the data meetup and I enjoyed our chat about caching. I've "
            "been trying your idea of warming the cache from the access logs, and it cut our "
            "cold starts in half. Would love to compare ⟦notes.⟧",
            platform="linkedin",
            kind="invitation",
            note="A LinkedIn invitation note holds 200 characters on a free account (300 "
            "with linkedin-premium).",
        ),
        Example(
            "Spring in the garden 🌷 #tulips #daffodils #gardening #spring #allotment "
            "⟦#flowers #garden⟧",
            platform="instagram",
            note="Instagram takes at most 5 hashtags a post since December 2025.",
        ),
        Example(
            "Reading list for the week: "
            + " ".join(f"https://example.org/read/{i}" for i in range(5))
            + " ⟦https://example.org/read/5⟧",
            platform="threads",
            note="Threads refuses a post with more than 5 links.",
        ),
        Example(
            "Lovely to see so many of you at the launch 🎉 thank you "
            + " ".join(f"@guest.{i}" for i in range(20))
            + " ⟦@guest.20⟧",
            platform="instagram",
            note="Instagram takes at most 20 @-tags in a caption.",
        ),
    ),
    passes=(
        Example(
            "Three things from this week's retro that I want to keep: we demo on Fridays even "
            "when the work is half done, we write the release note first, and we ask support "
            "what confused customers most. None of it is new, but doing all three at once "
            "changed how the sprint felt.",
            note="The same thought, trimmed to fit.",
        ),
        Example(
            "Our write-up of the migration, with the numbers and the mistakes: "
            "https://example.org/a-very-long-path/that-goes-on/and-on/and-on/for-a-while/"
            "until-it-is-far-longer-than-twenty-three-characters/and-then-some-more/"
            "because-a-tracking-query-string-was-added?utm_source=newsletter&utm_medium=email"
            "&utm_campaign=spring",
            note="On X every link counts 23, however long it is.",
        ),
        Example(
            "Relay team photo! 🏃\u200d♀️🏃\u200d♂️🏃🏽\u200d♀️🏃🏿\u200d♂️ Four legs, one baton, "
            "and a finish we will talk about for years. Thank you to the volunteers who stood "
            "in the rain with water and jelly babies 🌧️🙌🏽, to our families "
            "👨\u200d👩\u200d👧\u200d👦👩\u200d👩\u200d👦👨\u200d👨\u200d👧 "
            "for the early alarms, and to the coach 🧑🏽\u200d🏫 who believed in us. "
            "Same time next year? 🏅🏅🏅🏅",
            platform="bluesky",
            note="309 code points but 276 characters as Bluesky counts them: an emoji "
            "sequence is one.",
        ),
        Example(
            "こんにちは！来週の勉強会のスライドを公開しました。" * 5,
            platform="mastodon",
            note="125 characters on Mastodon, where 500 fit.",
        ),
        Example(
            "Reading list for the week: "
            + " ".join(f"https://example.org/read/{i}" for i in range(5)),
            platform="threads",
            note="Five links is what Threads allows.",
        ),
        Example(
            "Hi Sam, we met at the data meetup and I enjoyed our chat about caching. Would "
            "love to keep in touch.",
            platform="linkedin",
            kind="invitation",
            note="A short note, well within LinkedIn's limit for invitations.",
        ),
    ),
)
