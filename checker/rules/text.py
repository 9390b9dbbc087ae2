"""The text helpers rules share: one place for each (clause and sentence starts,
the word before a position, plurals, person words, link hosts).

Rules about imperatives ("like and share", "tag a friend") are only precise
when the words open a clause: "Like and share!" is a call to action, while
"I'd like and share more of your posts" is not. ``clause_start`` answers that
question by looking back from a match, in constant time per match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from checker.draft import Draft, Span

# Words that may stand before an imperative without making it part of a sentence:
# "please share", "so tag a friend", "now smash that like button".
_SOFTENERS = frozenset(
    {"please", "pls", "plz", "so", "now", "just", "go", "then", "also", "pretty", "kindly"}
)
# A word (letters first, then word characters, apostrophes, dots or hyphens) and
# the spaces or commas after it, up to the end of the searched window.
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)[\s,]*$")
# Emoji and pictographs (a rough range is enough for "is this a symbol?").
EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\U0001f000-\U0001faff"


def gate(letters: str, pattern: str) -> str:
    """Prefix ``pattern`` with a one-character lookahead on its possible first letters.

    Python's ``re`` tries a long alternation at every position; a character class
    rejects most positions at once, which makes word-list patterns several times
    faster on a 100 KB paste. ``letters`` must cover every way the pattern can start.
    The pattern must start a word (``\b``, or after a non-word character): a
    one-character look-behind first skips the positions inside words, most of them.
    """
    chars = "".join(sorted({*letters.lower(), *letters.upper()}))
    return f"(?<![^\\W_])(?=[{re.escape(chars)}])(?:{pattern})"


def any_in(needles: Iterable[str], haystack: str) -> bool:
    """True when one of ``needles`` occurs in ``haystack``: a substring test runs at
    C speed, so a rule asks it before running a long regex over a long paste. On a
    short text the regex is cheaper than the test: say yes at once."""
    if len(haystack) < _SHORT:
        return True
    return any(n in haystack for n in needles)


_SHORT = 512

# Tests switch the gates off to prove that a gate only skips what cannot match.
GATES = True


def gates_are_on() -> bool:
    """False while a test has switched the gates off (for code that unrolls ``has_any``)."""
    return GATES


def has_any(words: Iterable[str], folded: str) -> bool:
    """True when one of ``words`` is in ``folded`` (``Draft.folded``): a gate before a
    regex, at any length of text. Sound only when every match of the regex, ignoring
    case, contains one of ``words`` as it is written in the pattern (letters and
    digits, no spaces: ``\\s+`` also matches a tab); tests/test_gates.py holds each
    gate to that on every draft of the corpus, every rule example and random text."""
    if not GATES:
        return True
    for word in words:  # noqa: SIM110  (a loop, not any(): no generator set up per post)
        if word in folded:
            return True
    return False


def gate_words(needs: Iterable[str]) -> tuple[str, ...]:
    """Hand-written needs ("high up", "well-placed", " more ") made words ``has_any``
    can test soundly: the longest word of each. Between two words a pattern's ``\\s+``
    may match a tab or a line break, and ``[\\s-]?`` nothing, so only one word of
    a phrase is sure to stand in the post as written."""
    out: dict[str, None] = {}
    for need in needs:
        parts = [p for p in re.split(r"[\s\-]+", need) if p]
        out[max(parts, key=len) if parts else need] = None
    return tuple(out)


def needles(*groups: Iterable[str]) -> tuple[str, ...]:
    """The gate words (see ``gate_words``) of every group: a rule's first question to
    a post ("does it hold any word I look for?"), asked with ``has_any`` of
    ``Draft.folded``: a few dozen substring tests cost less than one regex scan. Shortest
    first: most posts hold one of the words, and a short one is the likelier to be found
    early, which ends the tests."""
    return tuple(sorted(gate_words(w for group in groups for w in group), key=len))


def clause_start(text: str, pos: int) -> bool:
    """True when ``pos`` opens a clause: text start, after punctuation, a symbol,
    a line break, or a softener such as "please"."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0:
        return True
    prev = text[i - 1]
    if not (prev.isalnum() or prev == "_"):
        # punctuation, a line break, an emoji: "Great news! Like and share"
        return prev not in "'’@#&"
    m = word_before(text, i, 12)
    return m is not None and m.group(1).lower() in _SOFTENERS


def word_before(text: str, pos: int, window: int = 40) -> re.Match[str] | None:
    """The word that ends just before ``pos`` (spaces and commas between allowed),
    looked for in the ``window`` characters before it: group 1 is the word."""
    return _WORD_BEFORE.search(text, max(0, pos - window), pos)


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence (so a capital there says nothing)."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ",;'’&-")


def plural(n: int, word: str) -> str:
    """ "1 hashtag", "2 hashtags", "1,200 hashtags"."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


_Hit = TypeVar("_Hit", bound=tuple[int, int, str])  # a ``base.Hit``: (start, end, message)


def without_overlaps(hits: Iterable[_Hit]) -> Iterator[_Hit]:
    """The hits in text order, dropping any that overlaps one already kept.

    One finding for "Like and share if you agree" or "RT @nasa", where two
    patterns of a rule meet. Sort and sweep: O(n log n) on a hostile paste.
    """
    reach = -1
    for hit in sorted(hits):
        if hit[0] >= reach:
            yield hit
        reach = max(reach, hit[1])


# A quotation on one line: double or curly quotes, guillemets, or single quotes that
# open after a space and close before one ("I'm" and "don't" hold no quotation).
# Bounded lengths keep it linear on a paste full of quote marks.
QUOTATION = re.compile(
    r"“[^“”\n]{1,300}”|\"[^\"\n]{1,300}\"|„[^„“”\n]{1,300}[“”]|«[^«»\n]{1,300}»"
    r"|(?<![\w'’])['‘][^'‘\n]{1,300}?['’](?!\w)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each quotation in ``text`` (see ``QUOTATION``)."""
    if not any(q in text for q in "\"“„«'‘"):
        return []
    return [m.span() for m in QUOTATION.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start:end`` lies within one of ``spans``."""
    return any(a <= start and end <= b for a, b in spans)


# --- Words of one's own (added by the sharing rules; usable by any rule) ---

# First and second person, as ``word_key`` gives them ("I’m" -> "i'm").
FIRST_PERSON = frozenset(
    {
        *("i", "i'm", "i've", "i'll", "i'd", "me", "my", "mine", "myself", "im", "ive"),
        *("we", "we're", "we've", "we'll", "we'd", "us", "our", "ours", "ourselves"),
    }
)
SECOND_PERSON = frozenset(
    {"you", "you're", "you've", "you'll", "you'd", "your", "yours", "yourself", "yourselves"}
    | {"y'all", "u", "ya"}
)
# Markers of a reshare or a credit, which are not words of one's own.
RESHARE_MARKERS = frozenset({"rt", "mt", "via", "h", "t", "ht", "cc", "qt"})


def word_key(word: str) -> str:
    """A word as a lookup key: lower case, curly apostrophe made straight."""
    return word.lower().replace("’", "'")


def own_words(draft: Draft) -> tuple[Span, ...]:
    """The writer's own words: not links, mentions, hashtags or reshare markers
    ("RT", "via", "h/t"). Empty means the post says nothing of its own."""
    if RESHARE_MARKERS.isdisjoint(draft.word_keys):
        return draft.words
    return tuple(w for w in draft.words if word_key(w.value) not in RESHARE_MARKERS)


def url_host(url: str) -> str:
    """The host of a link as typed, with or without a scheme: lower case, no
    "www.", no port. ``url_host("HTTPS://www.Bit.ly/x")`` is "bit.ly"."""
    rest = url.split("://", 1)[-1]
    for stop in "/?#":
        rest = rest.split(stop, 1)[0]
    host = rest.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    return host.removeprefix("www.")


def url_has_path(url: str) -> bool:
    """True when a link goes past its host: "bit.ly/3xYz" does, "bit.ly/" does not."""
    rest = url.split("://", 1)[-1]
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=-1)
    return cut >= 0 and bool(rest[cut:].strip("/?#"))
