"""Every rule's own examples, run from the registry, and the catalogue's shape.

One table drives the rules' tests, as in proselint: a rule's ``flags`` examples
must raise that rule at exactly the spans marked ``⟦…⟧`` in them; its ``passes``
examples must not raise it. The examples are the rule's documentation too (they
show on its page), so these tests keep the handbook honest. Tests that need more
than an example live in ``tests/rules/test_<rule_name>.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import PLATFORMS, check
from checker.config import Config
from checker.model import KINDS, Finding, Pillar, Severity
from checker.rules import REGISTRY
from checker.rules.base import Example, Rule

SEEDS = {"000", "001", "002", "003", "004"}
ROOT = Path(__file__).resolve().parents[1]
MIN_EXAMPLES = 6  # of each kind, on every rule's page


def _run(rule: Rule, example: Example) -> list[str]:
    return [f.rule for f in _findings(example)]


def _findings(example: Example) -> list[Finding]:
    config = Config(handles=tuple(h.lower().lstrip("@") for h in example.handles))
    report = check(example.text, platform=example.platform, kind=example.kind, config=config)
    return list(report.findings)


def _cases(attr: str) -> list[object]:
    return [
        pytest.param(rule, ex, id=f"{rule.name}-{i}")
        for rule in REGISTRY
        for i, ex in enumerate(getattr(rule, attr))
    ]


@pytest.mark.parametrize(("rule", "example"), _cases("flags"))
def test_flag_example_raises_its_rule_at_the_marked_spans(rule: Rule, example: Example) -> None:
    assert example.spans, f"{rule.name}: mark the span to flag with ⟦…⟧ in {example.text!r}"
    found = [(f.start, f.end) for f in _findings(example) if f.rule == rule.name]
    shown = [example.text[a:b] for a, b in found]
    assert found == list(example.spans), f"{rule.name} flagged {shown} in {example.marked!r}"


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
    assert len(rule.flags) >= MIN_EXAMPLES and len(rule.passes) >= MIN_EXAMPLES
    for ex in (*rule.flags, *rule.passes):
        assert ex.platform in PLATFORMS and ex.kind in KINDS and ex.text.strip()


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_errors_are_only_for_hard_limits(rule: Rule) -> None:
    # Quiet by default: an error means the platform itself will refuse the post.
    if rule.severity is Severity.ERROR:
        assert rule.pillar is Pillar.FIT


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_pass_examples_mark_no_span(rule: Rule) -> None:
    assert all(not ex.spans for ex in rule.passes)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.name)
def test_a_rule_its_module_and_its_tests_share_its_name(rule: Rule) -> None:
    snake = rule.name.replace("-", "_")
    module = ROOT / "checker" / "rules" / rule.pillar.value / f"{snake}.py"
    assert module.is_file(), f"{rule.name} belongs in {module.relative_to(ROOT)}"
    assert (ROOT / "tests" / "rules" / f"test_{snake}.py").is_file()
    guide_dir = "platforms" if rule.pillar is Pillar.FIT else rule.pillar.value
    assert rule.guide.startswith(f"{guide_dir}/"), rule.guide


def test_the_span_markers_are_read_and_checked() -> None:
    ex = Example("Say ⟦this⟧ and ⟦that⟧.")
    assert ex.text == "Say this and that." and ex.spans == ((4, 8), (13, 17))
    assert ex.marked == "Say ⟦this⟧ and ⟦that⟧."
    assert Example("plain").spans == ()
    for broken in ("⟦open", "close⟧", "⟦a ⟦b⟧⟧"):
        with pytest.raises(ValueError, match="⟦"):
            Example(broken)
