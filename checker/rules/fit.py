"""Rules of platform fit: the post suits the network it goes to (seed 003).

"Each social networking site has its own audience and specific purpose": a
post must fit the network's hard limits (``over-limit``, the only error), and
it should not carry another network's syntax (``cross-post-syntax``) or more
hashtags than the network's readers expect (``hashtag-stuffing``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from checker.draft import Draft, Span
from checker.model import Pillar, Severity
from checker.platforms import utf8_length
from checker.rules._text import gate, without_overlaps
from checker.rules.base import Custom, Example, Hit, Rule, regex_hits

# ---------------------------------------------------------------------------
# over-limit

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


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


# A mention as the networks without twitter-text rules write them (Instagram:
# word characters and dots); each run is bounded, so matching is linear.
_PLAIN_MENTION = re.compile(r"(?<![\w@/=.])@\w[\w.]*(?:@[\w\-]+(?:\.[\w\-]+)+)?")


_WORD_REACH = 40  # a "word" longer than this (a run of letters, a code) is cut where it is


def _word_start(text: str, pos: int) -> int:
    """``pos`` moved back to the start of the word it falls inside (unchanged between words,
    or when the word starts more than ``_WORD_REACH`` characters back)."""
    if pos <= 0 or pos >= len(text) or text[pos].isspace():
        return pos
    start = pos
    while start > 0 and pos - start < _WORD_REACH and not text[start - 1].isspace():
        start -= 1
    return start if start == 0 or text[start - 1].isspace() else pos


def _find_over_limit(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    info = draft.platform_info
    text = draft.text
    what = "note" if draft.kind == "invitation" else "post"
    if draft.post_count > 1:
        what = f"post {draft.post_index + 1} of {draft.post_count}"
    count = draft.length
    if count > draft.limit:
        over = _snap_out_of(draft.urls, first_over(text, info.count, draft.limit))
        # Marked from the start of the word the limit falls in: a highlight that starts
        # mid-word reads as a bug, and the message says how many are over.
        cut = _word_start(text, over)
        unit = _UNIT_WORDS.get(info.unit, info.unit)
        if cut < over:
            where = " (marked from the word the limit falls in)"
        elif 0 < cut < len(text) and not text[cut - 1].isspace() and not text[cut].isspace():
            where = " (the limit falls inside a long word, where the mark starts)"
        else:
            where = ""
        yield Hit(
            cut,
            len(text),
            f"This {what} is {count:,} of {draft.limit:,} {unit} on {info.label}: "
            f"cut {count - draft.limit:,}{where}.",
        )
    if info.byte_limit is not None:
        size = utf8_length(text)
        if size > info.byte_limit:
            cut = first_over(text, utf8_length, info.byte_limit)
            yield Hit(
                cut,
                len(text),
                f"This {what} is {size:,} bytes, and {info.label} takes at most "
                f"{info.byte_limit:,}: cut {size - info.byte_limit:,} bytes (emoji and "
                "accented letters take several).",
            )
    if info.max_links is not None:
        firsts: list[tuple[int, int]] = []
        seen: set[str] = set()
        for url in draft.urls:
            if url.value not in seen:
                seen.add(url.value)
                firsts.append((url.start, url.end))
        if len(firsts) > info.max_links:
            start, end = _nth_over(firsts, info.max_links)
            yield Hit(
                start,
                end,
                f"This {what} has {len(firsts)} different links, and {info.label} takes at "
                f"most {info.max_links}: remove {len(firsts) - info.max_links}.",
            )
    if info.max_hashtags is not None and len(draft.hashtags) > info.max_hashtags:
        start, end = _nth_over([(t.start, t.end) for t in draft.hashtags], info.max_hashtags)
        yield Hit(
            start,
            end,
            f"This {what} has {len(draft.hashtags)} hashtags, and {info.label} takes at most "
            f"{info.max_hashtags}: remove {len(draft.hashtags) - info.max_hashtags}.",
        )
    if info.max_mentions is not None and "@" in text:
        mentions = [(m.start(), m.end()) for m in _PLAIN_MENTION.finditer(text)]
        n = info.count_mentions(text)
        if n > info.max_mentions:
            start, end = (
                _nth_over(mentions, info.max_mentions)
                if len(mentions) == n
                else (0, len(text))  # counted another way: point at the whole post
            )
            yield Hit(
                start,
                end,
                f"This {what} tags {n} accounts, and {info.label} takes at most "
                f"{info.max_mentions}: remove {n - info.max_mentions}.",
            )


OVER_LIMIT = Rule(
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
            "three at once changed how the sprint felt for everyone.",
            note="298 characters where X takes 280: 18 too many.",
        ),
        Example(
            "Notes from today's workshop on accessible forms: "
            + "label every field, describe every error, never rely on colour alone. " * 4
            + "Slides: https://example.org/forms-workshop",
            platform="bluesky",
            note="Bluesky counts 300 characters as you see them.",
        ),
        Example(
            "Hi Sam, " + "we met at the data meetup and I enjoyed our chat about caching. " * 5,
            platform="linkedin",
            kind="invitation",
            note="A LinkedIn invitation note holds 300 characters.",
        ),
        Example(
            "Spring in the garden 🌷 " + " ".join(f"#flower{i}" for i in range(31)),
            platform="instagram",
            note="Instagram refuses a caption with more than 30 hashtags.",
        ),
        Example(
            "Reading list for the week: "
            + " ".join(f"https://example.org/read/{i}" for i in range(6)),
            platform="threads",
            note="Threads refuses a post with more than 5 links.",
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
    ),
)

# ---------------------------------------------------------------------------
# cross-post-syntax

_NO_HANDLES = frozenset({"linkedin", "facebook"})  # handles typed as text link nobody here
_NO_THREADS = frozenset({"linkedin", "facebook", "instagram"})
_FEDIVERSE_ALIEN = frozenset({"x", "bluesky", "linkedin", "facebook", "instagram"})

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
        for tag in draft.hashtags:
            if tag.value.lower() in ("ff", "followfriday"):
                yield Hit(
                    tag.start,
                    tag.end,
                    f"“#{tag.value}” (Follow Friday) is a custom from X; {label} readers "
                    "won't know it: say in a sentence why each person is worth following.",
                )
    if platform in _FEDIVERSE_ALIEN:
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


CROSS_POST_SYNTAX = Rule(
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
            "@dana_codes agreed, the second half of the talk was the best part.",
            platform="linkedin",
            note="A reply on X, cross-posted where nobody saw the question.",
        ),
        Example(
            "RT @opensourceorg: Applications for the maintainer fund are open until May 3.",
            platform="mastodon",
        ),
        Example("#FF @ana_ux @builds_by_lee @tomwrites", platform="facebook"),
        Example(
            "1/5 Here's what we learned from moving our support team to a four-day week.",
            platform="linkedin",
        ),
        Example(
            "Great thread on inclusive hiring, via @recruit_jen",
            platform="linkedin",
        ),
        Example(
            "Thanks @ana for the review, the new docs read so much better.",
            platform="bluesky",
            note="Bluesky handles are domains, such as @ana.bsky.social.",
        ),
        Example(
            "Loved this talk by @mia@hachyderm.io on incident reviews.",
            platform="x",
            note="On X only “@mia” would link, to whoever holds that name there.",
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
    ),
)

# ---------------------------------------------------------------------------
# hashtag-stuffing


def _find_stuffing(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    info = draft.platform_info
    tags = draft.hashtags
    if len(tags) <= info.hashtag_norm:
        return
    excess = len(tags) - info.hashtag_norm
    norm = _plural(info.hashtag_norm, "hashtag")
    reason = f" ({info.hashtag_reason.rstrip('.')})" if info.hashtag_reason else ""
    yield Hit(
        tags[info.hashtag_norm].start,
        tags[-1].end,
        f"{len(tags)} hashtags is a lot for {info.label}, where {norm} or fewer is the "
        f"norm{reason}: keep the ones your readers follow and drop {excess}.",
    )


HASHTAG_STUFFING = Rule(
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
        Example("Shipping day! #python #release #opensource #devtools", platform="x"),
        Example(
            "Our spring volunteer day is on 12 April. #community #volunteering #charity "
            "#spring #weekend",
            platform="facebook",
        ),
        Example(
            "New episode on mentoring junior designers. #design #ux #mentoring #careers "
            "#podcast #leadership #product",
            platform="linkedin",
        ),
        Example(
            "First frost on the allotment this morning. #gardening #allotment",
            platform="threads",
            note="Threads takes one topic tag per post.",
        ),
    ),
    passes=(
        Example("Shipping day! The 2.0 release notes are up. #python #opensource", platform="x"),
        Example(
            "Morning light on the harbour. #photography #sunrise #harbour #coast #sea "
            "#bluehour #travel",
            platform="instagram",
            note="Seven is within Instagram's norm of ten.",
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
    ),
)

RULES: tuple[Rule, ...] = (OVER_LIMIT, CROSS_POST_SYNTAX, HASHTAG_STUFFING)
