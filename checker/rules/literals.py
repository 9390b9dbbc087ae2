"""Words every match of a regular expression must contain, read off the compiled pattern.

A ``Pattern`` rule runs its regex on every post; most posts hold none of the words the
regex is about, and a substring test on ``Draft.folded`` costs a fraction of a regex
search. Hand-written word lists drift from their patterns (a list that forgets one
alternative silently loses findings), so the words are derived from the pattern itself:

    required_words(r"\\b(?:RT|retweet|repost)s? if you agree", re.I)
    -> ("agree",)      # in every match; the longest such word is the best gate

Sound by construction: a sequence's run of plain ASCII characters is in every match of
the sequence; an alternation needs one word from each branch; a repeat of at least once
needs what its body needs; anything else (classes, optional parts, look-arounds) is
passed over, which can only make the gate weaker, never wrong. Each part of a sequence
is needed at once, so ``required_sets`` gives them all ("like if you agree": "agree",
and "if", and "you"), and a post must hold a word of each before the regex runs. Only
ASCII letters and digits are taken, lower-cased, so the test against ``Draft.folded``
(lower case, with the letters ``re`` folds onto ASCII made ASCII) holds whatever the
pattern's flags.
``tests/test_gates.py`` holds every derived gate to its regex on the corpora.

``re._parser`` is private but has kept this shape from 3.11 to 3.14; a pattern it cannot
read gets no gate (``None``), never a wrong one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from checker.rules import text

MIN_LENGTH = 3  # a gate on a one- or two-letter word passes nearly every post: not worth it

Words = frozenset[str] | None  # every match holds one of these; None: no such set known


def required_words(
    pattern: str, flags: int = 0, min_length: int = MIN_LENGTH
) -> tuple[str, ...] | None:
    """The words (lower case) of which every match of ``pattern`` holds one, or None.

    A word shorter than ``min_length`` is no gate; a sign ("%", "$", "#") counts as
    long enough, since it is rarer in prose than any short word."""
    best = _best(_conjunction_of(pattern, flags))
    if not best or min(map(_worth, best)) < min_length:
        return None
    return tuple(sorted(best))


def required_sets(pattern: str, flags: int = 0, min_length: int = 2) -> tuple[tuple[str, ...], ...]:
    """Every word set of which each match of ``pattern`` holds one word, all at once:
    "(?:like|share) if you agree" needs one of like/share, and "if", and "agree".

    The most selective set comes first. Each is a further substring test, asked only of
    posts that passed the ones before, so a word of two letters earns its place here ("if"
    is in a post or two in ten) where it would be a poor gate alone; one letter is not."""
    out: dict[tuple[str, ...], None] = {}
    for words in sorted(_conjunction_of(pattern, flags), key=_selectivity, reverse=True):
        if min(map(_worth, words)) >= min_length:
            out.setdefault(tuple(sorted(words)), None)
    return tuple(out)


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    """How well ``words`` gate, for comparing sets: the longer shortest word, then fewer."""
    return min(map(_worth, words)), -len(words)


def _best(sets: list[frozenset[str]]) -> Words:
    """The most selective of ``sets`` (each of which every match needs), or None."""
    return max(sets, key=_selectivity, default=None)


def _conjunction_of(pattern: str, flags: int) -> list[frozenset[str]]:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        return _sequence(list(_parser.parse(pattern, flags)), c)
    except Exception:  # an unreadable pattern simply gets no gate
        return []


def gate_of(regex: re.Pattern[str]) -> tuple[str, ...]:
    """The derived gate of a compiled ``regex``, for ``text.has_any``: ``required_words``,
    or, when none can be read off, ``("",)``, which every text holds (always open)."""
    return required_words(regex.pattern, regex.flags) or ("",)


# Signs a match may hold as gates of their own: rare in prose, and no case to fold.
_SIGNS = frozenset("%$€£¥₹")


def _worth(word: str) -> int:
    """How selective a gate word is, as a length: a sign is worth a word of four letters."""
    return 4 if word in _SIGNS else len(word)


def _sequence(items: list[tuple[Any, Any]], c: Any) -> list[frozenset[str]]:
    """The word sets a match of the sequence ``items`` holds one of each (a conjunction)."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset({"".join(run)}))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL and arg < 128 and chr(arg).isalnum():
            run.append(chr(arg).lower())
            continue
        flush()
        if op is c.LITERAL and chr(arg) in _SIGNS:
            found.append(frozenset({chr(arg)}))
        elif op is c.IN and arg and all(o is c.LITERAL and chr(a) in _SIGNS for o, a in arg):
            found.append(frozenset(chr(a) for _o, a in arg))  # "[$€£]": one of the signs
        elif op is c.SUBPATTERN:
            found += _sequence(list(arg[-1]), c)
        elif op is c.ATOMIC_GROUP:
            found += _sequence(list(arg), c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, body = arg
            if low >= 1:
                found += _sequence(list(body), c)
        elif op is c.BRANCH:
            # one word of some set of each branch: the branch's most selective set
            bests = [_best(_sequence(list(branch), c)) for branch in arg[1]]
            if bests and all(b is not None for b in bests):
                found.append(frozenset().union(*bests))  # type: ignore[arg-type]
    flush()
    return found


class Alternatives:
    """A regex of many alternatives that runs, on each post, with only those alternatives
    whose words (``required_sets`` of each: a word of every part) are in it.

    A long alternation costs a test of every alternative at every position, and one
    common word ("for", "us") in a hand-written gate opens all of them. Here each
    alternative has its own gate: an alternative whose words are not in the post can
    take part in no match, so the regex without it finds exactly the same matches; when
    none is left, nothing runs. The alternatives are split at the top level, or inside
    the one group that holds them (``(?=[..])(?:a|b|c)\\b``); the regex may have no
    capturing group, since dropping one would renumber the rest.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.full = re.compile(pattern, flags)
        if self.full.groups:
            raise ValueError("Alternatives: use (?:...) groups, not capturing ones")
        self.flags = flags
        self.prefix, self.branches, self.suffix = _split_alternatives(pattern)
        # Here a short word or a sign is worth a gate: it spares one alternative, not a scan.
        # Each alternative's word sets, all needed (``required_sets``); none: always open.
        self.sets = tuple(_short_first_only(required_sets(b, flags, 1)) for b in self.branches)
        self.gates = tuple(sets[0] if sets else None for sets in self.sets)
        # Each first-set word with the alternatives it opens, as bits: one pass over the
        # words; then an opened alternative's further sets are asked, if it has any.
        masks: dict[str, int] = {}
        always = 0
        for i, words in enumerate(self.gates):
            if words is None:
                always |= 1 << i
            for word in words or ():
                masks[word] = masks.get(word, 0) | 1 << i
        self._always = always
        self._masks = tuple(masks.items())
        self._more = tuple((i, sets[1:]) for i, sets in enumerate(self.sets) if len(sets) > 1)
        self._compiled: dict[int, re.Pattern[str]] = {}

    @property
    def pattern(self) -> str:
        return self.full.pattern

    @property
    def words(self) -> tuple[str, ...]:
        """A gate for the whole regex: every alternative's words, or ``("",)`` (always
        open) when one alternative has none."""
        if any(words is None for words in self.gates):
            return ("",)
        return tuple(sorted({word for words in self.gates for word in words or ()}))

    def gated(self, folded: str) -> re.Pattern[str] | None:
        """The regex for the post whose ``Draft.folded`` this is, or None: no match."""
        if not text.gates_are_on():
            return self.full
        keep = self._always
        for word, mask in self._masks:
            if word in folded:
                keep |= mask
        for i, more in self._more:
            if keep >> i & 1 and not all(text.has_any(words, folded) for words in more):
                keep &= ~(1 << i)
        if not keep:
            return None
        regex = self._compiled.get(keep)
        if regex is None:
            if len(self._compiled) > 256:  # a bound for hostile input: a cache, not a record
                self._compiled.clear()
            body = "|".join(b for i, b in enumerate(self.branches) if keep >> i & 1)
            regex = self._compiled[keep] = re.compile(self.prefix + body + self.suffix, self.flags)
        return regex


def _short_first_only(sets: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """A one-letter set may be an alternative's only gate, never a further test ("e")."""
    return sets[:1] + tuple(words for words in sets[1:] if min(map(_worth, words)) >= 2)


def _split_alternatives(pattern: str) -> tuple[str, list[str], str]:
    """(prefix, alternatives, suffix) of ``pattern``: split at its top-level "|", or else
    inside its one top-level group that holds a "|" (prefix and suffix keep the rest)."""
    top = _bars(pattern, 0, len(pattern))
    if top:
        return "", _cut(pattern, 0, len(pattern), top), ""
    for start, end in _groups(pattern):
        inner = pattern.index(":", start) + 1 if pattern.startswith("(?:", start) else -1
        bars = _bars(pattern, inner, end) if inner > 0 else []
        if bars:
            return pattern[:inner], _cut(pattern, inner, end, bars), pattern[end:]
    raise ValueError(f"Alternatives: no alternation to split in {pattern[:60]!r}")


def _cut(pattern: str, start: int, end: int, bars: list[int]) -> list[str]:
    edges = [start - 1, *bars, end]
    return [pattern[a + 1 : b] for a, b in itertools.pairwise(edges)]


def _scan(pattern: str, start: int, end: int) -> Iterator[tuple[int, str, int]]:
    """(position, character, depth) of each syntax character in ``pattern[start:end]``,
    skipping escapes and the insides of character classes; depth is relative to start."""
    depth = 0
    i = start
    while i < end:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < end and pattern[i] == "^":
                i += 1
            if i < end and pattern[i] == "]":
                i += 1  # a "]" first in a class is a literal
            while i < end and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if c == "(":
            yield i, c, depth
            depth += 1
        elif c == ")":
            depth -= 1
            yield i, c, depth
        elif c == "|":
            yield i, c, depth
        i += 1


def _bars(pattern: str, start: int, end: int) -> list[int]:
    return [i for i, c, depth in _scan(pattern, start, end) if c == "|" and depth == 0]


def _groups(pattern: str) -> list[tuple[int, int]]:
    """(start of "(", index of its ")") of each top-level group."""
    out, opened = [], -1
    for i, c, depth in _scan(pattern, 0, len(pattern)):
        if c == "(" and depth == 0:
            opened = i
        elif c == ")" and depth == 0:
            out.append((opened, i))
    return out
