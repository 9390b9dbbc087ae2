"""Small text helpers shared by rule modules.

Rules about imperatives ("like and share", "tag a friend") are only precise
when the words open a clause: "Like and share!" is a call to action, while
"I'd like and share more of your posts" is not. ``clause_start`` answers that
question by looking back from a match, in constant time per match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from checker.draft import Draft, Span
from checker.rules.base import Hit

# Words that may stand before an imperative without making it part of a sentence:
# "please share", "so tag a friend", "now smash that like button".
_SOFTENERS = frozenset(
    {"please", "pls", "plz", "so", "now", "just", "go", "then", "also", "pretty", "kindly"}
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")
# Emoji and pictographs (a rough range is enough for "is this a symbol?").
EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\U0001f000-\U0001faff"


def gate(letters: str, pattern: str) -> str:
    """Prefix ``pattern`` with a one-character lookahead on its possible first letters.

    Python's ``re`` tries a long alternation at every position; a character class
    rejects most positions at once, which makes word-list patterns several times
    faster on a 100 KB paste. ``letters`` must cover every way the pattern can start.
    """
    chars = "".join(sorted({*letters.lower(), *letters.upper()}))
    return f"(?=[{re.escape(chars)}])(?:{pattern})"


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
    m = _WORD_BEFORE.search(text, max(0, i - 12), i)
    return m is not None and m.group(1).lower() in _SOFTENERS


def without_overlaps(hits: Iterable[Hit]) -> Iterator[Hit]:
    """The hits in text order, dropping any that overlaps one already kept.

    One finding for "Like and share if you agree" or "RT @nasa", where two
    patterns of a rule meet. Sort and sweep: O(n log n) on a hostile paste.
    """
    reach = -1
    for hit in sorted(hits):
        if hit.start >= reach:
            yield hit
        reach = max(reach, hit.end)


def normalise(phrase: str) -> str:
    """Lower case, with any run of spaces or hyphens made one space: the lookup key
    under which "best-in-class" and "best in class" meet."""
    return _JOINERS.sub(" ", phrase).strip().lower()


_JOINERS = re.compile(r"[\s\u00a0\-‑–]+")


@dataclass(frozen=True)
class PlainWords:
    """A phrase list where each phrase names a plainer alternative.

    ``phrases`` maps a phrase (matched as whole words, case-insensitive, any
    whitespace between words; a hyphen also matches a space) to the plain
    words to suggest. ``extra`` lists regular expressions for uses a plain
    list cannot pin down ("leverage" as a verb), each with its alternative.
    A team's own terms (``takes_terms``) get the ``generic`` message.
    """

    phrases: Mapping[str, str]
    message: str  # may use {match} and {plain}
    generic: str  # for a team's own terms: may use {match}
    extra: tuple[tuple[str, str], ...] = ()
    _cache: dict[tuple[str, ...], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def _lookup(self) -> dict[str, str]:
        return {normalise(k): v for k, v in self.phrases.items()}

    @cached_property
    def _extra(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(p, re.IGNORECASE), plain) for p, plain in self.extra)

    def regex(self, terms: tuple[str, ...]) -> re.Pattern[str]:
        if terms not in self._cache:
            alts = sorted({*self.phrases, *(t.strip() for t in terms if t.strip())}, key=len)
            body = "|".join(
                re.escape(p).replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[\s\-‑–]?")
                for p in reversed(alts)
            )
            pattern = rf"(?<![^\W_])(?:{body})(?![^\W_])"
            self._cache[terms] = re.compile(gate("".join(a[0] for a in alts), pattern), re.I)
        return self._cache[terms]

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        text = draft.prose
        for m in self.regex(terms).finditer(text):
            plain = self._lookup.get(normalise(m.group()))
            if plain is None:
                yield Hit(m.start(), m.end(), self.generic.format(match=m.group()))
            else:
                yield Hit(m.start(), m.end(), self.message.format(match=m.group(), plain=plain))
        for regex, plain in self._extra:
            for m in regex.finditer(text):
                yield Hit(m.start(), m.end(), self.message.format(match=m.group(), plain=plain))


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
