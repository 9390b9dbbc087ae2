"""Every rule's own examples, run from the registry, and the catalogue's shape.

A rule's ``flags`` examples must raise that rule; its ``passes`` examples must
not. The examples are the rule's documentation too, so these tests keep the
handbook honest.
"""

from __future__ import annotations

import re

import pytest

from checker import PLATFORMS, check
from checker.config import Config
from checker.model import KINDS, Pillar, Severity
from checker.rules import REGISTRY
from checker.rules.base import Example, Rule

SEEDS = {"000", "001", "002", "003", "004"}


def _run(rule: Rule, example: Example) -> list[str]:
    config = Config(handles=tuple(h.lower().lstrip("@") for h in example.handles))
    report = check(example.text, platform=example.platform, kind=example.kind, config=config)
    return [f.rule for f in report.findings]


def _cases(attr: str) -> list[object]:
    return [
        pytest.param(rule, ex, id=f"{rule.name}-{i}")
        for rule in REGISTRY
        for i, ex in enumerate(getattr(rule, attr))
    ]


@pytest.mark.parametrize(("rule", "example"), _cases("flags"))
def test_flag_example_raises_its_rule(rule: Rule, example: Example) -> None:
    assert rule.name in _run(rule, example), f"{rule.name} should flag: {example.text!r}"


@pytest.mark.parametrize(("rule", "example"), _cases("passes"))
def test_pass_example_does_not_raise_its_rule(rule: Rule, example: Example) -> None:
    assert rule.name not in _run(rule, example), f"{rule.name} should pass: {example.text!r}"


def test_the_catalogue_of_design_md_is_complete() -> None:
    expected = {
        "bare-link", "uncredited-share", "unverified-claim", "masked-link", "vanity-retweet",
        "hard-sell", "self-centered", "engagement-bait", "generic-invitation",
        "follower-chasing", "shouting", "stiff-jargon", "over-limit", "cross-post-syntax",
        "hashtag-stuffing",
    }  # fmt: skip
    assert expected <= {r.name for r in REGISTRY}


def test_rule_names_are_unique_and_kebab_case() -> None:
    names = [r.name for r in REGISTRY]
    assert len(names) == len(set(names))
    for name in names:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", name), name


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_rule_is_fully_documented(rule: Rule) -> None:
    assert isinstance(rule.pillar, Pillar) and isinstance(rule.severity, Severity)
    for section in ("summary", "why", "fix"):
        assert len(getattr(rule, section).strip()) >= 20, f"{rule.name}: {section} too thin"
    assert re.fullmatch(r"[a-z-]+(/[a-z-]+)*\.md(#[a-z0-9-]+)?", rule.guide), rule.guide
    assert rule.seeds and set(rule.seeds) <= SEEDS
    assert len(rule.flags) >= 3 and len(rule.passes) >= 3
    for ex in (*rule.flags, *rule.passes):
        assert ex.platform in PLATFORMS and ex.kind in KINDS and ex.text.strip()


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_errors_are_only_for_hard_limits(rule: Rule) -> None:
    # Quiet by default: an error means the platform itself will refuse the post.
    if rule.severity is Severity.ERROR:
        assert rule.pillar is Pillar.FIT
