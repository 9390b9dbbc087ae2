"""Edge cases of the connecting rules: generic-invitation, follower-chasing,
shouting and stiff-jargon."""

from __future__ import annotations

import time

import pytest

from checker import check
from checker.config import Config, RuleSettings
from checker.model import Finding


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def _spans(rule: str, text: str, platform: str = "x", kind: str = "post") -> list[str]:
    return [text[f.start : f.end] for f in _found(rule, text, platform, kind)]


# --- generic-invitation ----------------------------------------------------


def _invite(text: str) -> list[Finding]:
    return _found("generic-invitation", text, platform="linkedin", kind="invitation")


def test_the_stock_note_is_flagged_on_its_words() -> None:
    text = "Hi Ana,\n\nI'd like to add you to my professional network on LinkedIn.\n\nBest, Jo"
    found = _invite(text)
    assert [text[f.start : f.end] for f in found] == [
        "I'd like to add you to my professional network"
    ]
    assert "met" in found[0].message


def test_a_note_without_context_is_flagged_whole() -> None:
    text = "  Hello Sam, I work in fintech and I'm always open to new opportunities.  "
    found = _invite(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam, we met at the Lisbon meetup last week.",
        "Hi Sam, great chatting at the booth about onboarding!",
        "Hi Sam, thanks for your help with the migration guide.",
        "Hi Sam, Lee Wong mentioned you're hiring for a designer.",
        "Hi Sam, we have a few mutual connections in the Rust community.",
        "Hi Sam, fellow volunteer at the food bank here.",
        "Hi Sam, I enjoyed your keynote on reliability.",
        "Hi Sam, your recent post on pairing changed how I run interviews.",
        "Hi Sam, I listened to your episode on rural broadband on the train home.",
        "Hi Sam, we were classmates at Leeds, it's been too long!",
    ],
)
def test_any_personal_context_passes(text: str) -> None:
    assert _invite(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to join your LinkedIn network.",
        "Let's connect!",
        "Hi, I came across your profile and would like to expand my network.",
        "Thanks for your time and consideration.",
        "Hi",
    ],
)
def test_stock_phrases_without_context_are_flagged(text: str) -> None:
    assert len(_invite(text)) == 1


def test_only_invitations_are_judged() -> None:
    text = "I'd like to add you to my professional network."
    for kind in ("post", "reply", "thread"):
        assert _found("generic-invitation", text, platform="linkedin", kind=kind) == []


def test_empty_and_non_english_notes_are_left_alone() -> None:
    assert _invite("   ") == []
    assert _invite("田中さん、先日の勉強会ではありがとうございました。") == []


# --- follower-chasing ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("follow4follow? 🙌", "follow4follow"),
        ("New account, will follow back everyone", "will follow back"),
        ("We'll always follow you back!", "We'll always follow you back"),
        ("Pls follow me back", "follow me back"),
        ("Follow for more tips like this.", "Follow for more"),
        ("Road to 5K followers 🚀", "Road to 5K followers"),
        ("Just 12 followers to go until 500!", "12 followers to go"),
        ("We have over 20,000 followers, so trust us on this.", "We have over 20,000 followers"),
    ],
)
def test_chasing_is_flagged_on_its_words(text: str, span: str) -> None:
    assert _spans("follower-chasing", text) == [span]


@pytest.mark.parametrize("tag", ["#TeamFollowBack", "#F4F", "#followtrain", "#Like4Like"])
def test_follow_for_follow_hashtags_are_flagged(tag: str) -> None:
    assert _spans("follower-chasing", f"Sunny day in Lisbon {tag}", "instagram") == [tag]


@pytest.mark.parametrize(
    "text",
    [
        "We have 300 followers and every one of them is a real neighbour.",
        "Thank you for 10K followers! Your questions shape every episode.",
        "Should you follow back everyone who follows you? I don't think so.",
        "She asked me to follow up on the invoice and follow it back to the supplier.",
        "Follow the river path for about a mile, then turn left at the mill.",
        "Road to 10K: my running diary, week 6.",
    ],
)
def test_milestones_and_plain_follow_pass(text: str) -> None:
    assert _found("follower-chasing", text) == []


# --- shouting --------------------------------------------------------------


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


# --- stiff-jargon ----------------------------------------------------------


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


# --- all four, on hostile input ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A " * 50_000,
        "!" * 100_000,
        "HELLO " * 16_000,
        "follow " * 14_000,
        "your " * 20_000,
        "@a" * 50_000,
    ],
    ids=["caps-letters", "bangs", "caps-words", "follow", "your", "handles"],
)
def test_hostile_paste_is_fast(text: str) -> None:
    for kind in ("post", "invitation"):
        start = time.perf_counter()
        check(text, platform="facebook", kind=kind)
        assert time.perf_counter() - start < 1.5, kind
