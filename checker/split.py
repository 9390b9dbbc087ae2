"""Split a draft that is too long for its network into a thread.

Cuts fall where a reader would pause: at the end of a paragraph or sentence
first; inside a sentence that alone is too long, after a clause (a comma, a
semicolon, a dash); then between words; and only for a run with no spaces at
all (a long Chinese or Japanese sentence), between characters. Never inside a
link, a @mention, a #hashtag or a character as the reader sees it (an emoji
sequence, a letter with its accents). Each post is measured the way
``check()`` measures it on that network, and the whole result reads back
through ``check(kind="thread")`` as the same posts.

Optional numbering adds " i/n" to each post; its own length is reserved in
every post, and since the number of posts can change the width of "n", the
split is repeated until that width stops changing.

Greedy, post by post: take the furthest cut of the best kind that still
fits. Finding it probes cuts at doubling distances then bisects, so a long
draft costs about its length times a logarithm, not its square.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker import counts as _counts
from checker import graphemes, platforms, twitter_text
from checker.config import Config
from checker.engine import THREAD_SEPARATOR, split_posts

# Networks with threads (a reply chain of one's own posts). LinkedIn, Facebook
# and Instagram have none: a post there is one piece.
THREADED = frozenset({"x", "mastodon", "bluesky", "threads"})

# How posts are joined into one draft: a line holding only "---", which
# ``check(kind="thread")`` reads as the break between posts.
JOINER = "\n---\n"

# A cut is never looked for further than this from a post's start: no post fits
# more characters than this in any unit (each character counts at least 1,
# except inside links, which count at most 23 however long they are).
_REACH_PER_UNIT = 8
_REACH_EXTRA = 8192

_CLAUSE_END = re.compile(r"[,;:)\]—–](?=\s)|(?<=\s)[-‐‑](?=\s)|[、，；：]")
_SPACES = re.compile(r"\s+")
_HYPHEN_RUN = re.compile(r"(?<!\S)-{3,}(?!\S)")


def has_threads(platform: str) -> bool:
    """Whether ``platform`` has threads (``UnknownPlatform`` for a name not in the table)."""
    return platforms.get(platform).name in THREADED


@dataclass(frozen=True)
class Split:
    """The thread ``split_thread`` made, or ``reason`` why it made none.

    ``posts`` are the posts' texts (numbering included when asked for) and
    ``counts`` their lengths in ``unit``; ``text`` joins them into a thread
    draft. When no split is possible, ``posts`` is empty and ``reason`` says
    why in a sentence for the writer.
    """

    platform: str
    limit: int
    unit: str
    posts: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()
    numbered: bool = False
    reason: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.posts)

    @property
    def text(self) -> str:
        return JOINER.join(self.posts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "limit": self.limit,
            "unit": self.unit,
            "ok": self.ok,
            "reason": self.reason,
            "numbered": self.numbered,
            "posts": [
                {"text": t, "count": c} for t, c in zip(self.posts, self.counts, strict=True)
            ],
            "text": self.text,
        }


class _Unsplittable(Exception):
    """A piece that alone is longer than a post may be."""

    def __init__(self, piece: str) -> None:
        super().__init__(piece)
        self.piece = piece


def _fits_check(plat: platforms.Platform, limit: int) -> Callable[[str], bool]:
    def fits(post: str) -> bool:
        if plat.count(post) > limit:
            return False
        if plat.byte_limit is not None and platforms.utf8_length(post) > plat.byte_limit:
            return False
        if plat.max_links is not None and "." in post:
            links = {u.value for u in twitter_text.extract_urls_with_indices(post)}
            if len(links) > plat.max_links:
                return False
        # a line of hyphens inside a post would read back as a thread break
        return THREAD_SEPARATOR.search(post) is None

    return fits


class _Cuts:
    """Where one post's text may be cut, best kind first, as sorted offsets.

    A cut at ``c`` ends a post at ``c`` and starts the next there; both sides
    are stripped of spaces, so a cut anywhere in a run of spaces is the same.
    """

    def __init__(self, text: str) -> None:
        inside = bytearray(len(text) + 1)  # 1 where a cut would break an entity
        entities = [
            *twitter_text.extract_urls_with_indices(text),
            *twitter_text.extract_mentions_with_indices(text),
            *twitter_text.extract_hashtags_with_indices(text),
        ]
        spans = [(e.start, e.end) for e in entities]
        # the fediverse's "@user@server" is one mention; X's extractor sees "@user"
        spans += [m.span() for m in _counts.MENTION.finditer(text)] if "@" in text else []
        for a, b in spans:
            inside[a + 1 : b] = b"\x01" * max(0, b - a - 1)
        # a run of hyphens must never become a line of its own: no cut beside it
        for m in _HYPHEN_RUN.finditer(text):
            inside[m.start() : m.end() + 1] = b"\x01" * (m.end() + 1 - m.start())
            inside[_spaces_before(text, m.start())] = 1

        # every cut falls between two characters as the reader sees them
        clusters = [a for a, _ in graphemes.grapheme_spans(text)]
        boundary = bytearray(len(text) + 1)
        for a in clusters:
            boundary[a] = 1

        def allowed(cuts: list[int]) -> list[int]:
            return [c for c in cuts if 0 < c < len(text) and boundary[c] and not inside[c]]

        self.levels = [
            # links blanked: "example.com. Next" ends a sentence after the link
            allowed(_counts.sentence_ends(_counts.blank_links(text))),
            allowed([m.end() for m in _CLAUSE_END.finditer(text)]),
            allowed([m.start() for m in _SPACES.finditer(text)]),
            allowed(clusters),
        ]


def _spaces_before(text: str, pos: int) -> int:
    """The start of the run of spaces that ends at ``pos`` (``pos`` when none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _furthest(cuts: list[int], start: int, last: int, fits: Callable[[int], bool]) -> int | None:
    """The furthest cut in ``cuts`` after ``start`` (up to ``last``) that fits."""
    lo = bisect.bisect_right(cuts, start)
    hi = bisect.bisect_right(cuts, last)
    if lo >= hi or not fits(cuts[lo]):
        return None
    # gallop: probe at doubling distances until a cut does not fit, then bisect
    good, step = lo, 1
    bad = hi
    while good + step < hi:
        if fits(cuts[good + step]):
            good += step
            step *= 2
        else:
            bad = good + step
            break
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(cuts[mid]):
            good = mid
        else:
            bad = mid
    return cuts[good]


def _split_one(text: str, fits_post: Callable[[str], bool], suffix: str, reach: int) -> list[str]:
    """Posts of ``text`` (no thread breaks in it), each fitting with ``suffix`` added."""

    def fits(post: str) -> bool:
        return not post or fits_post(post + suffix)

    posts: list[str] = []
    end = len(text.rstrip())  # text[start:end] holds a word while start < end
    # The end of the text is a cut of every kind: "the rest fits" is found by the
    # same galloping search, never by counting a long rest once per post.
    levels = [[*level, end] for level in _Cuts(text).levels]
    start = 0
    while start < end:

        def fits_to(cut: int, start: int = start) -> bool:
            return fits(text[start:cut].strip())

        cut = None
        for level in levels:
            cut = _furthest(level, start, min(end, start + reach), fits_to)
            if cut is not None and text[start:cut].strip():
                break
            cut = None
        if cut is None:
            raise _Unsplittable(_first_piece(text, start, levels[-1]))
        posts.append(text[start:cut].strip())
        start = cut
    return posts


def _first_piece(text: str, start: int, cuts: list[int]) -> str:
    while start < len(text) and text[start].isspace():
        start += 1
    i = bisect.bisect_right(cuts, start)
    end = cuts[i] if i < len(cuts) else len(text)
    return text[start:end].strip()


def _split_all(text: str, fits_post: Callable[[str], bool], suffix: str, reach: int) -> list[str]:
    posts: list[str] = []
    for a, b in split_posts(text):  # a thread's own breaks stay where the writer put them
        posts += _split_one(text[a:b], fits_post, suffix, reach)
    return posts


def split_thread(
    text: str, *, platform: str, numbering: bool = False, config: Config | None = None
) -> Split:
    """Split ``text`` into posts that each fit ``platform``, as a thread.

    A draft that fits already comes back as one post (unnumbered). A platform
    without threads, an empty draft, or a piece too long for any post (a link
    longer than Bluesky's limit, say) gives no posts and a ``reason``.
    """
    config = config or Config()
    plat = platforms.get(platform)  # raises UnknownPlatform
    limit = plat.limit_for("thread", config.limits.get(plat.name))

    def refuse(reason: str) -> Split:
        return Split(platform=plat.name, limit=limit, unit=plat.unit, reason=reason)

    if plat.name not in THREADED:
        return refuse(
            f"{plat.label} has no threads: post it as one piece (up to {limit} "
            f"{plat.unit}), or put the full text somewhere and link to it."
        )
    if not text.strip():
        return refuse("There is nothing to split: the draft is empty.")

    fits_post = _fits_check(plat, limit)
    reach = limit * _REACH_PER_UNIT + _REACH_EXTRA
    whole = text.strip()
    try:
        if len(split_posts(text)) == 1 and len(whole) <= reach and fits_post(whole):
            posts = [whole]  # it fits already: one post, nothing to number
        else:
            # Reserve " n/n" at the width of the count so far (one digit to start);
            # if the posts then need a wider n, split again: a few rounds at most,
            # since a wider reservation never makes fewer posts.
            width = 1 if numbering else 0
            while True:
                widest = "9" * width
                posts = _split_all(text, fits_post, f" {widest}/{widest}" if width else "", reach)
                if not numbering or len(str(len(posts))) <= width:
                    break
                width = len(str(len(posts)))
    except _Unsplittable as err:
        piece = err.piece if len(err.piece) <= 60 else err.piece[:59] + "…"
        return refuse(
            f"“{piece}” alone is longer than {plat.label} allows in one post "
            f"({limit} {plat.unit}), so no split can fit it: shorten it or move it "
            "out of the post."
        )
    numbered = numbering and len(posts) > 1
    if numbered:
        posts = [f"{post} {i}/{len(posts)}" for i, post in enumerate(posts, 1)]
    lengths = tuple(plat.count(p) for p in posts)
    # Never hand back a bad split: every post fits, and the thread reads back as these posts.
    joined = JOINER.join(posts)
    if (
        not all(fits_post(p) for p in posts)
        or [joined[a:b] for a, b in split_posts(joined)] != posts
    ):
        return refuse("This draft could not be split safely here; split it by hand.")
    return Split(
        platform=plat.name,
        limit=limit,
        unit=plat.unit,
        posts=tuple(posts),
        counts=lengths,
        numbered=numbered,
    )
