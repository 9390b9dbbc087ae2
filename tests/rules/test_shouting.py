"""Tests of the ``shouting`` rule beyond its own examples (checker/rules/*/shouting.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings

from checker import check
from checker.config import Config
from checker.model import Finding


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def _spans(rule: str, text: str, platform: str = "x", kind: str = "post") -> list[str]:
    return [text[f.start : f.end] for f in _found(rule, text, platform, kind)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("HUGE NEWS TODAY: we're hiring.", ["HUGE NEWS TODAY"]),
        ("So proud of you all, WE DID IT!", ["WE DID IT"]),
        ("Wait what?!?", ["?!?"]),
        ("Yes‼️‼️", ["‼️‼️"]),
        ("DON'T MISS OUT, doors open at six", ["DON'T MISS OUT"]),
    ],
)
def test_shouting_is_flagged_on_its_words(text: str, spans: list[str]) -> None:
    assert _spans("shouting", text) == spans


@pytest.mark.parametrize(
    "text",
    [
        "The EU, UK and USA signed the accord; the FAQ has the details.",
        "Our API now speaks JSON and YAML, and the SDK has a CLI.",
        "ABOUT US\nOUR TEAM\nCONTACT",
        "I can't believe it!! Best day.",
        "Really? Really??",
        "Thanks to the NHS staff at St Mary's A&E for looking after my dad.",
        "Это было ОЧЕНЬ интересно, спасибо!",
        "本日は ありがとうございました！",
        "Check #ThisIsHuge and @BIGNEWSDAILY for more.",
    ],
)
def test_acronyms_emphasis_and_caseless_scripts_pass(text: str) -> None:
    assert _found("shouting", text) == []


def test_shouting_is_a_suggestion() -> None:
    found = _found("shouting", "THIS IS AMAZING")
    assert [f.severity.value for f in found] == ["suggestion"]


def test_capitals_copied_from_a_sign_are_not_shouting() -> None:
    assert _found("shouting", "The pub door still says NO MUDDY BOOTS and it's fair.") == []
    assert _found("shouting", "Honestly NO MUDDY BOOTS ALLOWED here.")


def test_two_stressed_words_are_emphasis_not_shouting() -> None:
    assert not findings("The view was AMAZING and the tea even BETTER.", "shouting")


def test_scattered_capitals_give_one_finding_naming_them() -> None:
    text = "This is SO good, the portions are HUGE, the staff AMAZING, I am NEVER leaving"
    (f,) = findings(text, "shouting")
    assert text[f.start : f.end] == "SO"
    assert "“HUGE”" in f.message and "1 more" in f.message
