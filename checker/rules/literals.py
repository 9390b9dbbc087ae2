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
passed over, which can only make the gate weaker, never wrong. Only ASCII letters and
digits are taken, lower-cased, so the test against ``Draft.folded`` (lower case, with
the letters ``re`` folds onto ASCII made ASCII) holds whatever the pattern's flags.
``tests/test_gates.py`` holds every derived gate to its regex on the corpora.

``re._parser`` is private but has kept this shape from 3.11 to 3.14; a pattern it cannot
read gets no gate (``None``), never a wrong one.
"""

from __future__ import annotations

from typing import Any

MIN_LENGTH = 3  # a gate on a one- or two-letter word passes nearly every post: not worth it

Words = frozenset[str] | None  # every match holds one of these; None: no such set known


def required_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The words (lower case) of which every match of ``pattern`` holds one, or None."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        words = _sequence(list(parsed), c)
    except Exception:  # an unreadable pattern simply gets no gate
        return None
    if not words or min(map(len, words)) < MIN_LENGTH:
        return None
    return tuple(sorted(words))


def _better(a: Words, b: Words) -> Words:
    """The more selective of two word sets: the longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list[tuple[Any, Any]], c: Any) -> Words:
    best: Words = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL and arg < 128 and chr(arg).isalnum():
            run.append(chr(arg).lower())
            continue
        flush()
        if op is c.SUBPATTERN:
            best = _better(best, _sequence(list(arg[-1]), c))
        elif op is c.ATOMIC_GROUP:
            best = _better(best, _sequence(list(arg), c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, body = arg
            if low >= 1:
                best = _better(best, _sequence(list(body), c))
        elif op is c.BRANCH:
            branches = [_sequence(list(b), c) for b in arg[1]]
            if branches and all(b is not None for b in branches):
                best = _better(best, frozenset().union(*branches))  # type: ignore[arg-type]
    flush()
    return best
