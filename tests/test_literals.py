"""Words read off a regex (``checker/rules/literals.py``): every match holds one of them.

Each ``Pattern`` rule's regex gets its gate from ``required_words``; a wrong word would
lose findings without a sound, so the derivation is held to the regexes three ways: on
patterns whose answer is known by hand, on strings Hypothesis builds to match each rule's
regex, and on every text of the gate tests (corpora, examples, an archive, variants).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_gates import ALL

import checker.rules as rules_package
from checker.draft import Draft
from checker.rules.base import AnyOf, Pattern
from checker.rules.literals import Alternatives, required_sets, required_words


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (r"buy now", 0, ("buy",)),
        (r"\b(?:RT|retweet|repost)s? if you agree", re.I, ("agree",)),
        (r"(?:like|share) and (?:follow|subscribe)", 0, ("follow", "subscribe")),
        (r"\d+ (?:followers?|subs)", re.I, ("follower", "subs")),
        # a prefix the branches share is factored out by the parser: a weaker, still sound gate
        (r"\d+ (?:followers?|fans)", re.I, ("ans", "ollower")),
        (r"(?i)free\s+trial", 0, ("trial",)),
        (r"(?:buy){2,} it", 0, ("buy",)),
        (r"Caf[eé] time", 0, ("time",)),  # the class is passed over, the run after it kept
        (r"(?:foo)?bar|bazz", 0, ("bar", "bazz")),  # the optional part is passed over
        # nothing every match must hold, or only short words: no gate
        (r"x?y", 0, None),
        (r"(foo|ba)r", 0, None),
        (r"[a-z]+", 0, None),
        (r"a+b", 0, None),
        (r"(?:foo)*", 0, None),
        (r"(", 0, None),  # not a pattern: no gate, no error
    ],
)
def test_required_words(pattern: str, flags: int, words: tuple[str, ...] | None) -> None:
    assert required_words(pattern, flags) == words


def test_look_arounds_are_not_taken_as_part_of_the_match() -> None:
    assert required_words(r"(?<=price )(?=\d)\d+ off", re.I) == ("off",)
    assert required_words(r"(?<!not )sale(?! ended)", re.I) == ("sale",)


@pytest.mark.parametrize(
    ("pattern", "flags", "sets"),
    [
        # every part a match needs, the most selective first; one letter is no gate
        (r"(?:like|share) if you agree", re.I, (("agree",), ("like", "share"), ("you",), ("if",))),
        (r"\bup\s+to\s+\d{1,3}\s?%", re.I, (("%",), ("up",), ("to",))),
        # a class of currency signs is a set of its own; a class of letters is passed over
        (r"save\s+[$€£]\s?\d", re.I, (("save",), ("$", "£", "€"))),
        (r"[a-z]+ing", 0, (("ing",),)),
        (r"x?y|z", 0, ()),
        (r"(", 0, ()),
    ],
)
def test_required_sets(pattern: str, flags: int, sets: tuple[tuple[str, ...], ...]) -> None:
    assert required_sets(pattern, flags) == sets


def test_a_pattern_is_gated_on_every_part_it_needs() -> None:
    pattern = Pattern(r"\b(?:like|share)\s+if\s+you\s+agree\b", "")
    assert pattern.may_match("like this if you agree")
    assert not pattern.may_match("i like it, and agree")  # no "if", so no regex run
    assert not pattern.may_match("if you like it")  # no "agree"


def test_an_alternative_opens_only_when_all_its_parts_are_there() -> None:
    offers = Alternatives(r"\b(?:\d+\s+for\s+[$£]\d+|early[\s-]bird\s+tickets)\b", re.I)
    assert offers.gated("3 for the price") is None  # "for" without a sign
    assert offers.gated("an early start") is None  # "early" without "bird"
    gated = offers.gated("3 for £10, early start")
    assert gated is not None and "bird" not in gated.pattern
    assert gated.search("3 for £10") is not None


def _patterns() -> list[tuple[str, Pattern]]:
    """Every Pattern the rules hold, wherever it sits (a rule, an AnyOf, a module table)."""
    seen: dict[int, tuple[str, Pattern]] = {}

    def walk(value: object, where: str) -> None:
        if isinstance(value, Pattern):
            seen.setdefault(id(value), (where, value))
        elif isinstance(value, AnyOf):
            for matcher in value.matchers:
                walk(matcher, where)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item, where)

    for info in pkgutil.walk_packages(rules_package.__path__, "checker.rules."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            walk(value, f"{info.name.removeprefix('checker.rules.')}.{name}")
    return [(f"{where}[{i}]", p) for i, (where, p) in enumerate(seen.values())]


PATTERNS = _patterns()
_GATE_WRAPPER = re.compile(r"\(\?<!\[\^\\W_\]\)\(\?=\[[^\]]*\]\)\(\?:(.*)\)", re.S)
# Patterns with a gate: words derived from the regex, or hand-written ``needs``, or both.
GATED = [(where, p) for where, p in PATTERNS if p.required is not None or p.needs]


def test_most_rule_patterns_get_a_gate() -> None:
    assert len(PATTERNS) >= 10, "the walk found too few patterns to be a test"
    derived = [(w, p) for w, p in PATTERNS if p.required is not None]
    assert len(derived) >= len(PATTERNS) // 2, [w for w, p in PATTERNS if p.required is None]
    assert len(GATED) >= len(derived)


@pytest.mark.parametrize(("where", "pattern"), GATED, ids=[w for w, _ in GATED])
def test_a_derived_gate_opens_on_every_text_its_regex_matches(where: str, pattern: Pattern) -> None:
    for value, platform, kind, _handles in ALL:
        for variant in (value, value.upper(), value.replace(" ", "\t")):
            draft = Draft(variant, platform=platform, kind=kind)
            if pattern.regex.search(draft.prose):
                assert pattern.may_match(draft.folded), f"{where}: shut on {variant!r}"


@pytest.mark.parametrize(("where", "pattern"), GATED, ids=[w for w, _ in GATED])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_derived_gate_opens_on_strings_built_to_match(
    where: str, pattern: Pattern, data: st.DataObject
) -> None:
    # Hypothesis cannot satisfy the look-behind that text.gate() puts in front of a word
    # list: build from the pattern inside it, after a space (where that look-behind holds).
    inner = _GATE_WRAPPER.fullmatch(pattern.pattern)
    regex = re.compile(inner.group(1), pattern.flags) if inner else pattern.regex
    value = " " + data.draw(st.from_regex(regex))
    draft = Draft(value, platform="x", kind="post")
    if pattern.regex.search(draft.prose):  # a built string may hold a link, blanked in prose
        assert pattern.may_match(draft.folded), f"{where}: shut on {value!r}"
