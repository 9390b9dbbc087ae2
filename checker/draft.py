"""What rules look at: one post's text with its entities found once.

A ``Draft`` is built by the engine for each post (a thread has several) and
handed to every rule. Entities (links, mentions, hashtags, words) are computed
lazily and cached, so a rule pays only for what it reads. Offsets are
code-point offsets into ``text``; the engine shifts them into the whole input.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from checker import platforms, twitter_text
from checker.model import LimitCheck


class Span(NamedTuple):
    start: int
    end: int
    value: str


# A word: letters or digits, with inner apostrophes or hyphens ("don't", "follow-back").
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


# ``Span``'s fields as C functions, for ``map`` and ``bisect``'s ``key``
_START, _END, _VALUE = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)

# ``Span(start, end, value)`` without the Python-level ``__new__`` of a NamedTuple: a
# post's words are the most numerous objects an audit makes.
_new_span = tuple.__new__


def _spans_of_words(text: str) -> list[Span]:
    """``[Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]``, faster.

    ``findall`` gives the words without match objects; each starts at the first
    letter or digit after the previous word (only a letter or digit can start one, and
    the regex tries every position in turn), which ``str.find`` from there finds.
    """
    spans = []
    pos = 0
    find = text.find
    for value in _WORD.findall(text):
        pos = find(value, pos)
        end = pos + len(value)
        spans.append(_new_span(Span, (pos, end, value)))
        pos = end
    return spans


# The only non-ASCII characters that ``re.IGNORECASE`` matches to ASCII letters (the
# ``re`` documentation says so; tests/test_gates.py checks every code point).
_RE_ASCII_TWINS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_HAS_TWIN = re.compile("[\u0130\u0131\u017f\u212a]")  # translate() is slow: only when needed


@dataclass(frozen=True)
class Draft:
    text: str
    platform: str
    kind: str
    handles: tuple[str, ...] = ()  # the writer's own handles: lower case, no leading "@"
    post_index: int = 0  # this post's place in a thread (0 when not a thread)
    post_count: int = 1
    limit: int = 0  # the platform's limit for this kind, after the team's override
    cw_length: int = 0  # a content warning's length, where it counts toward the limit

    @cached_property
    def platform_info(self) -> platforms.Platform:
        return platforms.get(self.platform)

    @cached_property
    def length(self) -> int:
        """The post's length in its platform's unit (counted once: the engine and
        the over-limit rule both need it, and a 100 KB paste is slow to count)."""
        return self.platform_info.count(self.text)

    @cached_property
    def limit_checks(self) -> tuple[LimitCheck, ...]:
        """Each hard limit of the platform, counted for this post (the content
        warning counts toward the length where the platform counts it)."""
        info = self.platform_info
        checks = [LimitCheck("length", self.length + self.cw_length, self.limit)]
        if info.byte_limit is not None:
            checks.append(LimitCheck("bytes", platforms.utf8_length(self.text), info.byte_limit))
        if info.max_links is not None:
            distinct = len({url.value for url in self.urls})
            checks.append(LimitCheck("links", distinct, info.max_links))
        if info.max_hashtags is not None:
            checks.append(LimitCheck("hashtags", len(self.hashtags), info.max_hashtags))
        if info.max_mentions is not None:
            checks.append(LimitCheck("mentions", info.count_mentions(self.text), info.max_mentions))
        return tuple(checks)

    @cached_property
    def urls(self) -> tuple[Span, ...]:
        return tuple(
            Span(e.start, e.end, e.value) for e in twitter_text.extract_urls_with_indices(self.text)
        )

    @cached_property
    def mentions(self) -> tuple[Span, ...]:
        """``@name`` mentions; ``value`` is the name without "@", lower case."""
        return tuple(
            Span(e.start, e.end, e.value.lower())
            for e in twitter_text.extract_mentions_with_indices(self.text)
        )

    @cached_property
    def hashtags(self) -> tuple[Span, ...]:
        """``#tag`` hashtags; ``value`` is the tag without "#"."""
        return tuple(
            Span(e.start, e.end, e.value)
            for e in twitter_text.extract_hashtags_with_indices(self.text)
        )

    @cached_property
    def prose(self) -> str:
        """The text with links blanked out (same length, so offsets still hold).

        Phrase rules search this, so a word inside a URL path never flags.
        """
        if not self.urls:
            return self.text
        chars = list(self.text)
        for span in self.urls:
            chars[span.start : span.end] = " " * (span.end - span.start)
        return "".join(chars)

    @cached_property
    def lower(self) -> str:
        """``prose`` in lower case, for cheap "is this word anywhere?" checks before a
        regex runs (its offsets may differ from ``prose``'s: never index with them)."""
        return self.prose.lower()

    @cached_property
    def folded(self) -> str:
        """``lower`` made safe for gates: a word that a case-insensitive regex finds in
        ``prose`` is a substring of this (offsets differ: never index with them).

        Python's ``re`` ignoring case also takes four non-ASCII letters for ASCII ones
        ("İ" and "ı" for "i", "ſ" for "s", the Kelvin sign for "k"), which ``lower()``
        keeps apart ("İ" becomes two characters): they are made ASCII first.
        """
        if self.prose.isascii() or not _HAS_TWIN.search(self.prose):
            return self.lower
        return self.prose.translate(_RE_ASCII_TWINS).lower()

    @cached_property
    def word_values(self) -> tuple[str, ...]:
        """``words``' text alone. With no mention or hashtag in the post no word is dropped
        (links are blanked in ``prose``), and one ``findall`` finds them: most rules ask
        what the words are, few where."""
        # ``words`` already found (cached in __dict__), or an entity to drop: read them off
        if "words" in self.__dict__ or self.mentions or self.hashtags:
            return tuple(map(_VALUE, self.words))
        return tuple(_WORD.findall(self.prose))

    @cached_property
    def _lower_words(self) -> str:
        """The words in lower case, joined by NUL (which no word holds): string methods on
        this one string do for every word at once what a Python loop would do per word."""
        return "\0".join(self.word_values).lower()

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The post's words in lower case, and the parts of hyphenated ones
        ("best-in-class" gives "best", "in" and "class" too): a word-list rule
        looks its phrases' first words up here before it runs any regex."""
        joined = self._lower_words
        if not joined:
            return frozenset()
        words = joined.split("\0")
        if "-" in joined:
            words += joined.replace("-", "\0").split("\0")
        return frozenset(words)

    @cached_property
    def word_key_list(self) -> tuple[str, ...]:
        """Each word as ``checker.rules.text.word_key`` gives it (lower case, curly
        apostrophe made straight), in text order."""
        joined = self._lower_words
        return tuple(joined.replace("’", "'").split("\0")) if joined else ()

    @cached_property
    def word_keys(self) -> frozenset[str]:
        """``word_key_list`` as a set: "is any word one of these?" is then one set
        operation, ``not FIRST_PERSON.isdisjoint(draft.word_keys)``."""
        return frozenset(self.word_key_list)

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """Words of the writer's own prose: not inside links, mentions or hashtags."""
        # All words first (a comprehension: a 100 KB paste has ~20,000), then drop
        # each word that overlaps an entity, found by bisection: entities are few.
        words = _spans_of_words(self.prose)
        # Links are blanked in ``prose``: no word can overlap one.
        taken = sorted((s.start, s.end) for s in (*self.mentions, *self.hashtags))
        if not taken or not words:
            return tuple(words)
        out: list[Span] = []
        kept = 0  # words before this index are decided
        for start, end in taken:
            # words do not overlap, so their starts and their ends are both sorted
            first = bisect.bisect_right(words, start, key=_END)  # first word ending after start
            last = bisect.bisect_left(words, end, key=_START)  # first word starting at/after end
            if first < last:  # words[first:last] overlap this entity
                out.extend(words[kept:first])
                kept = max(kept, last)
        out.extend(words[kept:])
        return tuple(out)
