"""The shape of a rule, and the few reusable matchers most rules are made of.

A rule is declared once, as data: its metadata (what it flags, why, how to
fix, the handbook page that explains it, the seed article the idea comes
from) and its examples. The handbook's rule pages, the browser checker, the
CLI and the tests all read this one declaration.

Matchers (after proselint): ``Phrases`` (a word list), ``Pattern`` (one
regular expression) and ``Custom`` (a plain function, the escape hatch).
Every regular expression must run in linear time on hostile input: no nested
quantifiers over the same characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Protocol

from checker.draft import Draft
from checker.model import KINDS, Pillar, Severity


class Hit(NamedTuple):
    """A matcher's raw result: a span of the post and a specific message."""

    start: int
    end: int
    message: str


class Matcher(Protocol):
    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterable[Hit]:
        """Yield hits in ``draft``; ``terms`` are a team's extra words for word lists."""
        ...


@dataclass(frozen=True)
class Example:
    """A draft that must flag (or must pass) the rule it belongs to."""

    text: str
    platform: str = "x"
    kind: str = "post"
    handles: tuple[str, ...] = ()
    note: str = ""  # why this example flags or passes, shown on the rule page


@dataclass(frozen=True)
class Rule:
    name: str  # kebab-case, names the pattern flagged: "bare-link"
    pillar: Pillar
    severity: Severity  # the default; teams may change it
    summary: str  # What it does: one sentence, present tense
    why: str  # Why it matters: tied to the handbook's guideline (Markdown)
    fix: str  # Use instead: the hint shown with each finding
    guide: str  # the guideline page that explains it: "sharing/add-your-insight.md#anchor"
    seeds: tuple[str, ...]  # seed articles the idea comes from: ("000", "001")
    matcher: Matcher
    flags: tuple[Example, ...]
    passes: tuple[Example, ...]
    kinds: frozenset[str] = frozenset(KINDS)  # kinds of draft the rule applies to
    platforms: frozenset[str] | None = None  # None: every platform
    takes_terms: bool = False  # teams may add their own words (word-list rules)

    def applies(self, platform: str, kind: str) -> bool:
        return kind in self.kinds and (self.platforms is None or platform in self.platforms)


def regex_hits(regex: re.Pattern[str], text: str, message: str) -> Iterator[Hit]:
    """A hit for each match of ``regex`` in ``text``; ``message`` may use ``{match}``."""
    for m in regex.finditer(text):
        yield Hit(m.start(), m.end(), message.format(match=m.group()))


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "limited time offer" wins over "limited time".
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    # Whole words only: no letter or digit may touch either end.
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True)
class Phrases:
    """Flags whole-word, case-insensitive phrases from a list.

    ``message`` may use ``{match}`` for the words found. Teams extend the list
    with their own terms when the rule ``takes_terms``.
    """

    phrases: tuple[str, ...]
    message: str
    _cache: dict[tuple[str, ...], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def _base(self) -> re.Pattern[str]:
        return _phrase_regex(self.phrases)

    def regex(self, terms: tuple[str, ...]) -> re.Pattern[str]:
        if not terms:
            return self._base
        if terms not in self._cache:
            self._cache[terms] = _phrase_regex((*self.phrases, *terms))
        return self._cache[terms]

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        return regex_hits(self.regex(terms), draft.prose, self.message)


@dataclass(frozen=True)
class Pattern:
    """Flags each match of one regular expression (searched in ``draft.prose``)."""

    pattern: str
    message: str
    flags: int = re.IGNORECASE

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        return regex_hits(self._regex, draft.prose, self.message)


@dataclass(frozen=True)
class Custom:
    """The escape hatch: a plain function from a draft to hits."""

    func: Callable[[Draft, tuple[str, ...]], Iterable[Hit]]

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterable[Hit]:
        return self.func(draft, terms)
