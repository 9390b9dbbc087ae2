"""Tests of the ``stiff-jargon`` rule beyond its own examples (checker/rules/*/stiff_jargon.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans

from checker import check
from checker.config import Config, RuleSettings
from checker.model import Finding


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "span", "plain"),
    [
        ("Time to move the needle on retention.", "move the needle", "make a real difference"),
        ("A best in class onboarding flow.", "best in class", "the best"),
        ("A best-in-class onboarding flow.", "best-in-class", "the best"),
        ("We're leveraging AI for support.", "leveraging", "using"),
        ("Let's take this offline.", "take this offline", "talk about it separately"),
        ("She's a real thought leader in fintech.", "thought leader", "expert"),
        ("I don't have the bandwidth right now.", "I don't have the bandwidth", "time"),
    ],
)
def test_jargon_names_a_plain_alternative(text: str, span: str, plain: str) -> None:
    found = _found("stiff-jargon", text)
    assert [text[f.start : f.end] for f in found] == [span]
    assert plain in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The fund used too much leverage and lost it all.",
        "Bandwidth costs fell by half after we moved the videos to a CDN.",
        "We took a deep breath and dove into the lake.",
        "The fruit on the low branches went to the school kitchen.",
        "Let's catch up over coffee next week.",
    ],
)
def test_plain_uses_of_similar_words_pass(text: str) -> None:
    assert _found("stiff-jargon", text) == []


def test_a_teams_own_terms_are_flagged() -> None:
    config = Config(rules={"stiff-jargon": RuleSettings(extra_terms=("rockstar",))})
    found = _found("stiff-jargon", "We're looking for a rockstar engineer.", config=config)
    assert len(found) == 1 and "rockstar" in found[0].message


def test_the_rule_can_be_switched_off() -> None:
    config = Config(rules={"stiff-jargon": RuleSettings(enabled=False)})
    assert _found("stiff-jargon", "Let's touch base.", config=config) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We'll be socialising the new rota with everyone before it goes live.", "socialising"),
        ("Kindly revert with your inputs so we can close the loop by EOD.", "Kindly revert"),
        ("Let's get aligned once the team has more bandwidth.", "get aligned"),
        ("That launch really moved the needle on sign-ups.", "moved the needle"),
        ("We will engage key stakeholders going forward.", "key stakeholders"),
    ],
)  # fmt: skip
def test_jargon_in_its_inflections_and_cousins(text: str, span: str) -> None:
    found = [text[f.start : f.end] for f in _found("stiff-jargon", text)]
    assert found and found[0] == span


@pytest.mark.parametrize(
    "text",
    [
        "The drugs showed synergy: together they worked at half the dose.",
        "Scuba log: a deep dive to 28 m on the wreck, great visibility.",
        "Picked the low-hanging fruit from the apple trees before the storm.",
        'My manager said "let\'s circle back" three times in one meeting.',
        "Socialising the new puppy this week: the postman, the bin lorry and a calm cat.",
        "Lights, camera, action! The film club meets on Friday.",
    ],
)
def test_plain_senses_and_quotations_pass(text: str) -> None:
    assert _found("stiff-jargon", text) == []


def test_stiff_jargon_plain_senses_of_socialise_and_bandwidth_pass() -> None:
    for text in (
        "Our puppy socialised with the other dogs at the park.",
        "The router lacks the bandwidth for 4K streaming.",
        "Baseball practice: slide, then touch base with your foot.",
    ):
        assert not findings(text, "stiff-jargon"), text


def test_stiff_jargon_knows_peoples_bandwidth() -> None:
    assert spans("Nobody has the emotional bandwidth right now.", "stiff-jargon") == [
        "emotional bandwidth"
    ]


def test_each_extra_pattern_has_the_word_its_matches_need() -> None:
    from checker.rules.connecting import stiff_jargon

    assert len(stiff_jargon._EXTRA_NEEDS) == len(stiff_jargon._PLAIN_EXTRA)
    samples = [
        "We leverage our data.",
        "Please socialise the plan.",
        "Please action any changes.",
        "We don't have the bandwidth for this.",
        "We socialised it with the wider leadership team.",
        "I have no mental bandwidth left.",
        "No bandwidth to take on another project.",
    ]
    for text in samples:
        assert findings(text, "stiff-jargon"), text
