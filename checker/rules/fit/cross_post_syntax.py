"""The ``cross-post-syntax`` rule: one network's syntax cross-posted to another.
Seed articles: 003.

Its declaration (``RULE``), matcher and examples; its page is rules/cross-post-syntax/ and
its tests are in tests/rules/test_cross_post_syntax.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hashtags,
    Hit,
    Rule,
    regex_hits,
)
from checker.rules.text import (
    gate,
    has_any,
    without_overlaps,
)

# cross-post-syntax

_NO_HANDLES = frozenset({"linkedin", "facebook"})  # handles typed as text link nobody here
_NO_THREADS = frozenset({"linkedin", "facebook", "instagram"})
_FEDIVERSE_ALIEN = frozenset({"x", "bluesky", "linkedin", "facebook", "instagram"})

# Follow Friday is at home on X and on Mastodon (where #FollowFriday is how people
# recommend accounts); elsewhere readers won't know it.
_FOLLOW_FRIDAY_HOMES = frozenset({"x", "mastodon"})
_FOLLOW_FRIDAY = Hashtags(
    frozenset({"ff", "followfriday"}),
    "“{tag}” (Follow Friday) is a custom from X; readers here won't know it: say in a "
    "sentence why each person is worth following.",
)
_LINK_IN_BIO = re.compile(
    r"(?=[lL])\blink\s+(?:is\s+)?in\s+(?:my\s+|our\s+|the\s+)?bio\b", re.IGNORECASE
)
_MANUAL_RT = re.compile(gate("rm", r"(?<![\w@])(?:RT|MT|rt)\s?:?\s?@[\w.]+"))
_LEADING_AT = re.compile(r"\A\s*\.?@[\w.]+")
_CREDIT_AT = re.compile(
    gate("vhc", r"\b(?:via|h/t|ht|hat\s+tip|cc|c/o)\s?:?\s+@[\w.]+"), re.IGNORECASE
)
_FEDI_HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[\w.\-]*\w)?@[\w\-]+(?:\.[\w\-]+)+")
_BSKY_HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_][\w\-]*(?:\.[A-Za-z0-9][\w\-]*)*(?!@)")
_NUMBER_START = re.compile(r"\A\s*(?:🧵\s*)?(\()?(\d{1,2})/(\d{0,2})(\))?")
_NUMBER_END = re.compile(r"(?:^|\s)(\()?(\d{1,2})/(\d{1,2})(\))?\s*(?:🧵\s*)?\Z")
_CONT = re.compile(r"[(\[]\s*cont(?:['’]?d|\.|inued)?\s*[)\]]", re.IGNORECASE)


def _thread_number(n: str, m: str) -> bool:
    return int(n) >= 1 and (m == "" or (2 <= int(m) <= 99 and int(n) <= int(m)))


def _numbering(text: str) -> Iterator[tuple[int, int]]:
    start = _NUMBER_START.match(text)
    if start and _thread_number(start.group(2), start.group(3)):
        rest = text[start.end() :]
        bracketed = bool(start.group(1) and start.group(4))
        # "1/ Here's…", "(1/5) Here's…", "1/5: here's…", "1/5 Here's…", "1/5" alone on a
        # line; never "1/2 cup of flour" or "3/4 of the team"
        opener = (
            rest[:1] in ("", "\n", ":", ".", ")")
            or (start.group(3) == "" and rest[:1].isspace())
            or bracketed
            or (rest[:1] == " " and rest[1:2].isupper())
            or rest.lstrip(" ").startswith(("\n", "🧵"))
        )
        if opener:
            yield start.start(2) - (1 if start.group(1) else 0), start.end()
            return
    end = _NUMBER_END.search(text)
    if end and _thread_number(end.group(2), end.group(3)):
        yield end.start(2) - (1 if end.group(1) else 0), end.end(3) + (1 if end.group(4) else 0)


def _find_cross_post(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    return without_overlaps(_cross_post_hits(draft))


def _cross_post_hits(draft: Draft) -> Iterator[Hit]:
    text, platform = draft.prose, draft.platform
    label = draft.platform_info.label
    if platform != "x":
        yield from regex_hits(
            _MANUAL_RT,
            text,
            f"“{{match}}” is X's old retweet syntax, which reads as noise on {label}: "
            "use the share or boost button, or quote them with a line of your own.",
        )
    if platform in _NO_HANDLES:
        lead = _LEADING_AT.match(text)
        if lead and draft.kind in ("post", "thread") and draft.post_index == 0:
            at = text.index("@", lead.start())
            yield Hit(
                at,
                lead.end(),
                f"Starting with “{text[at : lead.end()]}” reads as a reply from another "
                f"network; on {label} readers lack the conversation: say who you are "
                "answering and what about, or keep the reply where it started.",
            )
        for m in _CREDIT_AT.finditer(text):
            handle = m.group()[m.group().index("@") :]
            yield Hit(
                m.start(),
                m.end(),
                f"“{handle}” is a handle from another network and links nobody on {label}: "
                "name the person, or link to their profile or the source.",
            )
    if platform not in _FOLLOW_FRIDAY_HOMES:
        yield from _FOLLOW_FRIDAY.find(draft, ())
    if draft.platform_info.links_clickable and has_any(("bio",), draft.folded):
        yield from regex_hits(
            _LINK_IN_BIO,
            text,
            f"“{{match}}” is Instagram's workaround for links that don't click; on {label} "
            "links work: put the link in the post.",
        )
    if platform in _FEDIVERSE_ALIEN and text.count("@") >= 2:  # a fediverse handle has two
        yield from regex_hits(
            _FEDI_HANDLE,
            text,
            f"“{{match}}” is a Mastodon (fediverse) handle; on {label} it won't reach "
            "them and may tag a stranger: name them or link to their profile.",
        )
    if platform == "bluesky":
        for m in _BSKY_HANDLE.finditer(text):
            if "." not in m.group():
                yield Hit(
                    m.start(),
                    m.end(),
                    f"“{m.group()}” isn't a Bluesky handle (those look like "
                    f"{m.group()}.bsky.social), so it links nobody: use their full handle.",
                )
    if platform in _NO_THREADS and draft.kind != "thread":
        for start, end in _numbering(text):
            yield Hit(
                start,
                end,
                f"“{text[start:end]}” numbers a thread, but {label} has no threads: readers "
                "get one part with no way to the rest. Post it as one piece, or link to it.",
            )
        yield from regex_hits(
            _CONT,
            text,
            f"“{{match}}” points to a continuation that {label} readers won't see: "
            "post the whole thought, or link to the rest.",
        )


RULE = Rule(
    name="cross-post-syntax",
    pillar=Pillar.FIT,
    severity=Severity.WARNING,
    summary="Flags one network's syntax on another: “RT @”, a leading @reply, #FF, "
    "foreign handles and thread numbering where there are no threads.",
    why=(
        "A reply, a retweet or a thread makes sense where its conversation happens. "
        "Cross-posted to another network, “RT @ana” and “1/5” arrive without that context, "
        "and a handle from one network links nobody (or a stranger) on another. Each "
        "network has its own audience: write the post for the one you are on."
    ),
    fix=(
        "Rewrite the post for this network: name people instead of using another network's "
        "handles, use its own share button, and post a thread as one piece where there are "
        "no threads."
    ),
    guide="platforms/cross-posting.md",
    seeds=("003",),
    matcher=Custom(_find_cross_post),
    flags=(
        Example(
            "⟦@dana_codes⟧ agreed, the second half of the talk was the best part.",
            platform="linkedin",
            note="A reply on X, cross-posted where nobody saw the question.",
        ),
        Example(
            "⟦RT @opensourceorg⟧: Applications for the maintainer fund are open until May 3.",
            platform="mastodon",
        ),
        Example("⟦#FF⟧ @ana_ux @builds_by_lee @tomwrites", platform="facebook"),
        Example(
            "⟦1/5⟧ Here's what we learned from moving our support team to a four-day week.",
            platform="linkedin",
        ),
        Example(
            "Great thread on inclusive hiring, ⟦via @recruit_jen⟧",
            platform="linkedin",
        ),
        Example(
            "Thanks ⟦@ana⟧ for the review, the new docs read so much better.",
            platform="bluesky",
            note="Bluesky handles are domains, such as @ana.bsky.social.",
        ),
        Example(
            "Loved this talk by ⟦@mia@hachyderm.io⟧ on incident reviews.",
            platform="x",
            note="On X only “@mia” would link, to whoever holds that name there.",
        ),
        Example(
            "⟦#FF⟧ @quiltsbyjune @thesaltybaker @hullceramics",
            platform="instagram",
            note="Follow Friday is an X custom on Instagram too.",
        ),
        Example(
            "Our annual report is out: 40 pages on what your donations did. ⟦Link in bio⟧.",
            platform="linkedin",
            note="Links work on LinkedIn: “link in bio” is an Instagram habit.",
        ),
    ),
    passes=(
        Example(
            "@dana_codes agreed, the second half of the talk was the best part.",
            platform="x",
            kind="reply",
            note="On X, a reply starting with a handle is how replies look.",
        ),
        Example(
            "Thanks @ana.bsky.social for the review, the new docs read so much better.",
            platform="bluesky",
        ),
        Example(
            "Add 1/2 cup of oats and 3/4 of the milk, then stir for a minute.",
            platform="facebook",
            note="Fractions are not thread numbering.",
        ),
        Example(
            "Loved this talk by @mia@hachyderm.io on incident reviews.",
            platform="mastodon",
        ),
        Example(
            "Email me at hello@example.org if you'd like the recording.",
            platform="bluesky",
        ),
        Example(
            "1/5 Here's what we learned from moving our support team to a four-day week.",
            platform="mastodon",
            note="Mastodon has threads, so numbering is native there.",
        ),
        Example(
            "#FollowFriday @ana@hachyderm.io, who writes the kindest code reviews I know.",
            platform="mastodon",
            note="On Mastodon, #FollowFriday is a local custom too.",
        ),
    ),
)
