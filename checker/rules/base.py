"""The shape of a rule, and the few reusable matchers rules are made of.

A rule is declared once, as data: its metadata (what it flags, why, how to
fix, the handbook page that explains it, the seed article the idea comes
from) and its examples. The handbook's rule pages, the browser checker, the
CLI and the tests all read this one declaration.

Matchers (after proselint), each a frozen dataclass with a ``find(draft,
terms)`` method; their constructor signatures are a contract (teams build
their own rules on them), so new options are added as keywords with defaults:

- ``Phrases(phrases, message)``: whole-word phrases from a list, or a mapping of
  phrase to plainer words (``{plain}`` in the message); takes a team's terms;
- ``Pattern(pattern, message)``: one regular expression, optionally only where
  it opens a clause (``imperative=True``: "Buy now!", not "can't buy now");
- ``Hashtags(tags, message)``: hashtags from a list, matched case-insensitively;
- ``Hosts(hosts, message)``: links to hosts from a list;
- ``AnyOf(matchers)``: several matchers as one, overlapping hits dropped;
- ``Custom(func)``: a plain function, the escape hatch.

Every regular expression must run in linear time on hostile input: no nested
quantifiers over the same characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Protocol

from checker.draft import Draft
from checker.model import KINDS, Pillar, Severity
from checker.rules.literals import required_sets, required_words
from checker.rules.text import (
    clause_start,
    gate,
    gate_words,
    gates_are_on,
    has_any,
    url_has_path,
    url_host,
    without_overlaps,
)


class Hit(NamedTuple):
    """A matcher's raw result: a span of the post and a specific message."""

    start: int
    end: int
    message: str


class Matcher(Protocol):
    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterable[Hit]:
        """Yield hits in ``draft``; ``terms`` are a team's extra words for word lists."""
        ...


# The markers an example puts around the span its rule must flag (the same the
# CLI prints around a finding when colour is off: see ``checker.render``).
SPAN_OPEN, SPAN_CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Example:
    """A draft that must flag (or must pass) the rule it belongs to.

    In a flag example, ``⟦…⟧`` around a part of the text marks a span the rule
    must flag. The markers are taken out at construction: ``text`` is the draft
    as a writer would type it, ``spans`` the marked spans as offsets into it.
    """

    text: str
    platform: str = "x"
    kind: str = "post"
    handles: tuple[str, ...] = ()
    note: str = ""  # why this example flags or passes, shown on the rule page
    cw: str = ""  # a content warning, where the platform has them (Mastodon)
    spans: tuple[tuple[int, int], ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        if SPAN_OPEN not in self.text and SPAN_CLOSE not in self.text:
            return
        spans: list[tuple[int, int]] = []
        plain: list[str] = []
        start = -1
        for c in self.text:
            if c == SPAN_OPEN and start < 0:
                start = len(plain)
            elif c == SPAN_CLOSE and start >= 0:
                spans.append((start, len(plain)))
                start = -1
            elif c in (SPAN_OPEN, SPAN_CLOSE):
                raise ValueError(f"unbalanced {SPAN_OPEN}…{SPAN_CLOSE} in example {self.text!r}")
            else:
                plain.append(c)
        if start >= 0:
            raise ValueError(f"unclosed {SPAN_OPEN} in example {self.text!r}")
        # frozen: set the derived fields once, here
        object.__setattr__(self, "text", "".join(plain))
        object.__setattr__(self, "spans", tuple(spans))

    @property
    def marked(self) -> str:
        """The text with its spans in ``⟦…⟧``, as written in the rule's module."""
        out, pos = [], 0
        for a, b in self.spans:
            out += [self.text[pos:a], SPAN_OPEN, self.text[a:b], SPAN_CLOSE]
            pos = b
        out.append(self.text[pos:])
        return "".join(out)


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


def normalise(phrase: str) -> str:
    """Lower case, with any run of spaces or hyphens made one space: the lookup key
    under which "best-in-class" and "best in class" meet."""
    return _JOINERS.sub(" ", phrase).strip().lower()


_JOINERS = re.compile(r"[\s\u00a0\-‑–]+")


def _phrase_regex(phrases: Iterable[str], exact_hyphens: bool = False) -> re.Pattern[str]:
    # Longest first, so "limited time offer" wins over "limited time"; any run of
    # spaces between words, and (unless ``exact_hyphens``) a hyphen also matches a
    # space or nothing: "low hanging", "low-hanging" and "lowhanging" are one word.
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    hyphen = r"\-" if exact_hyphens else r"[\s\-‑–]?"
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", hyphen) for p in alts)
    # Whole words only: no letter or digit may touch either end.
    pattern = rf"(?<![^\W_])(?:{body})(?![^\W_])"
    return re.compile(gate("".join(a[0] for a in alts), pattern), re.IGNORECASE)


def _first_word(phrase: str) -> str:
    """A phrase's first word in lower case: "low" of "Low-hanging fruit"."""
    return _JOINERS.split(phrase.strip().lower(), 1)[0]


@functools.lru_cache(maxsize=256)
def _phrase_regex_cached(phrases: tuple[str, ...], exact_hyphens: bool) -> re.Pattern[str]:
    return _phrase_regex(phrases, exact_hyphens)


@dataclass(frozen=True)
class Phrases:
    """Flags whole-word, case-insensitive phrases from a list.

    ``phrases`` is a tuple of phrases, or a mapping from each phrase to plainer
    words to suggest (``message`` may then use ``{plain}``). ``message`` may use
    ``{match}`` for the words found. Teams extend the list with their own terms
    when the rule ``takes_terms``; those get the ``generic`` message (``message``
    when empty). ``extra`` adds regular expressions for uses a plain list cannot
    pin down ("leverage" as a verb), each with its plain words; ``extra_needs``,
    when given, holds for each of them a lower-case word every match contains
    (the regex runs only on posts that hold it; "" for none). ``unless`` maps a
    phrase to a regular expression of words that, in the same sentence, show its
    plain sense ("synergy" between two drugs, a "deep dive" to 30 metres): there the
    phrase passes; ``unless_in_post`` does the same for words anywhere in the post (a
    post about softball: "touching base" there is a base). With ``quoted_ok``, a phrase
    in quotation marks is reported speech, not the writer's own words, and passes.
    """

    phrases: tuple[str, ...] | Mapping[str, str]
    message: str
    generic: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    extra_needs: tuple[str, ...] = ()
    unless: Mapping[str, str] = field(default_factory=dict)
    unless_in_post: Mapping[str, str] = field(default_factory=dict)
    quoted_ok: bool = False
    # A team's own words mean what they say: "acme-cloud" must not flag "Acme Cloud".
    exact_hyphens: bool = False
    _cache: dict[tuple[str, ...], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def _base(self) -> re.Pattern[str]:
        return _phrase_regex(self.phrases, self.exact_hyphens)

    @cached_property
    def _plain(self) -> dict[str, str]:
        if isinstance(self.phrases, Mapping):
            return {normalise(k): v for k, v in self.phrases.items()}
        return {}

    @cached_property
    def _extra(self) -> tuple[tuple[re.Pattern[str], str, str], ...]:
        needs = self.extra_needs
        return tuple(
            (
                re.compile(e[0], re.IGNORECASE),
                e[1],
                e[2] if len(e) > 2 else needs[i] if i < len(needs) else "",
            )
            for i, e in enumerate(self.extra)
        )

    @cached_property
    def _extra_needles(self) -> frozenset[str]:
        return frozenset(needle for _regex, _plain, needle in self._extra if needle)

    @cached_property
    def _unless(self) -> dict[str, re.Pattern[str]]:
        return {normalise(k): re.compile(v, re.IGNORECASE) for k, v in self.unless.items()}

    @cached_property
    def _unless_in_post(self) -> dict[str, re.Pattern[str]]:
        return {normalise(k): re.compile(v, re.IGNORECASE) for k, v in self.unless_in_post.items()}

    def _plain_sense(self, text: str, start: int, end: int) -> bool:
        """True when the match at ``start:end`` is used in a plain sense, or quoted."""
        if self.quoted_ok and _quoted(text, start, end):
            return True
        key = normalise(text[start:end])
        anywhere = self._unless_in_post.get(key)
        if anywhere is not None and anywhere.search(text) is not None:
            return True
        sense = self._unless.get(key)
        if sense is None:
            return False
        a, b = _sentence_bounds(text, start, end)
        return sense.search(text, a, b) is not None

    def regex(self, terms: tuple[str, ...]) -> re.Pattern[str]:
        """The whole-word regex of the phrases and a team's ``terms``."""
        if not terms:
            return self._base
        if terms not in self._cache:
            self._cache[terms] = _phrase_regex((*self.phrases, *terms), self.exact_hyphens)
        return self._cache[terms]

    @cached_property
    def _by_first_word(self) -> dict[str, tuple[str, ...]]:
        grouped: dict[str, list[str]] = {}
        for phrase in self.phrases:
            grouped.setdefault(_first_word(phrase), []).append(phrase)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(self._by_first_word)

    def matches(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[re.Match[str]]:
        """Each match in ``draft.prose``. Only the phrases whose first word is in the
        post go into the regex: on most posts none is, and nothing runs."""
        words = draft.word_set
        firsts = words & self._first_words  # one set operation; on most posts empty
        present = [p for w in sorted(firsts) for p in self._by_first_word[w]] if firsts else []
        if terms:
            present += (t for t in terms if _first_word(t) in words)
        if present:
            regex = _phrase_regex_cached(tuple(present), self.exact_hyphens)
            yield from regex.finditer(draft.prose)

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        # a list phrase and an ``extra`` pattern may cover the same words: one finding
        return without_overlaps(self._find(draft, terms))

    def _find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        text = draft.prose
        listed = isinstance(self.phrases, Mapping)
        check_sense = bool(self.unless) or bool(self.unless_in_post) or self.quoted_ok
        for m in self.matches(draft, terms):
            if check_sense and self._plain_sense(text, m.start(), m.end()):
                continue
            plain = self._plain.get(normalise(m.group())) if listed else ""
            if plain is None:  # a team's own term
                message = (self.generic or self.message).format(match=m.group(), plain="")
            else:
                message = self.message.format(match=m.group(), plain=plain)
            yield Hit(m.start(), m.end(), message)
        folded = draft.folded
        # each needle looked up once (several patterns share one: "leverag", "sociali")
        found = {needle: has_any((needle,), folded) for needle in self._extra_needles}
        for regex, plain, needle in self._extra:
            if needle and not found[needle]:
                continue
            for m in regex.finditer(text):
                if self.quoted_ok and _quoted(text, m.start(), m.end()):
                    continue
                yield Hit(m.start(), m.end(), self.message.format(match=m.group(), plain=plain))


_SENTENCE_END = ".!?\n"
_QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»"}


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``: from after the last stop before it to the
    next stop after it (bounded, so a paste with no stops stays linear)."""
    lo = max(0, start - 300)
    a = max((text.rfind(c, lo, start) for c in _SENTENCE_END), default=-1) + 1
    hi = min(len(text), end + 300)
    ends = [i for i in (text.find(c, end, hi) for c in _SENTENCE_END) if i >= 0]
    return max(a, lo), min(ends, default=hi)


def _quoted(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` lies inside a pair of quotation marks on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for open_, close in _QUOTES.items():
        before = text[max(line_start, start - 200) : start]
        after = text[end : min(line_end, end + 200)]
        if open_ == close:
            if before.count(open_) % 2 == 1 and close in after:
                return True
        elif before.rfind(open_) > before.rfind(close) and close in after:
            return True
    return False


@dataclass(frozen=True)
class Pattern:
    """Flags each match of one regular expression (searched in ``draft.prose``).

    ``message`` may use ``{match}``. With ``imperative``, a match counts only
    where it opens a clause ("Buy now!", "so share this"; not "can't buy now").
    ``needs`` lists lower-case strings of which a match must contain one: when
    none is in the post, the regex is not run at all. With the words derived from
    the pattern (``required``) this is the pattern's gate (``may_match``): most
    posts hold none of the words a pattern is about, and a few substring tests cost
    a fraction of one regex scan, on a short post as on a 100 KB paste. A hit ends
    on its last non-space character.
    """

    pattern: str
    message: str
    flags: int = re.IGNORECASE
    imperative: bool = False
    needs: tuple[str, ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    @cached_property
    def required(self) -> tuple[str, ...] | None:
        """Words one of which every match holds, read off the pattern (``literals.py``)."""
        return required_words(self.pattern, self.flags)

    @cached_property
    def _gates(self) -> tuple[tuple[str, ...], ...]:
        """Word sets a match holds one of each: the hand-written ``needs`` (as gate
        words), then every set derived from the pattern (``required_sets``: "like if
        you" needs "if" as well as one of the verbs), the most selective first;
        tests/test_literals.py holds them all."""
        gates = [gate_words(self.needs)] if self.needs else []
        gates += required_sets(self.pattern, self.flags)
        return tuple(dict.fromkeys(gates))

    def may_match(self, folded: str) -> bool:
        """False only when the regex cannot match the post whose ``Draft.folded`` this is."""
        return all(has_any(words, folded) for words in self._gates)

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        if self.may_match(draft.folded):
            yield from self._matches(draft)

    def _matches(self, draft: Draft) -> Iterator[Hit]:
        """The hits, the gate passed."""
        text = draft.prose
        for m in self.regex.finditer(text):
            if self.imperative and not clause_start(text, m.start()):
                continue
            found = m.group().rstrip()
            yield Hit(m.start(), m.start() + len(found), self.message.format(match=found))


@dataclass(frozen=True)
class Hashtags:
    """Flags hashtags from a list (compared without "#", case-insensitive).

    ``message`` may use ``{tag}`` (the hashtag as written, with its "#").
    """

    tags: frozenset[str]
    message: str

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(t.lower().lstrip("#") for t in self.tags)

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        keys = self._keys
        for tag in draft.hashtags:
            if tag.value.lower() in keys:
                yield Hit(tag.start, tag.end, self.message.format(tag=f"#{tag.value}"))


@dataclass(frozen=True)
class Hosts:
    """Flags links to hosts from a list ("www." and case ignored).

    ``message`` may use ``{host}`` and ``{label}`` (the platform's name). With
    ``with_path`` (the default), a bare host ("bit.ly/") passes: it names the
    service rather than hiding a link behind it. On the platforms in
    ``passes_on`` the hosts pass (a network's own link wrapper at home).
    """

    hosts: frozenset[str]
    message: str
    with_path: bool = True
    passes_on: frozenset[str] = frozenset()

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        if draft.platform in self.passes_on:
            return
        for url in draft.urls:
            host = url_host(url.value)
            if host in self.hosts and (not self.with_path or url_has_path(url.value)):
                message = self.message.format(host=host, label=draft.platform_info.label)
                yield Hit(url.start, url.end, message)


@dataclass(frozen=True)
class AnyOf:
    """Several matchers as one rule: their hits in text order, and where two
    overlap ("Like and share if you agree") only the first."""

    matchers: tuple[Matcher, ...]

    @cached_property
    def _gated(self) -> tuple[tuple[Matcher, tuple[tuple[str, ...], ...]], ...]:
        return tuple((m, m._gates if isinstance(m, Pattern) else ()) for m in self.matchers)

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        return without_overlaps(self._hits(draft, terms))

    def _hits(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        # A table of patterns is mostly shut on any one post: each pattern's gate is asked
        # here, inline (``Pattern.may_match``, unrolled), so a shut one costs a few
        # substring tests and no call at all.
        folded = draft.folded
        gates_on = gates_are_on()
        for matcher, gates in self._gated:
            if not gates:
                yield from matcher.find(draft, terms)
                continue
            for words in gates:
                for word in words:
                    if word in folded:
                        break
                else:
                    if gates_on:
                        break  # no word of this set: shut
            else:
                yield from matcher._matches(draft)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Custom:
    """The escape hatch: a plain function from a draft to hits."""

    func: Callable[[Draft, tuple[str, ...]], Iterable[Hit]]

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterable[Hit]:
        return self.func(draft, terms)
