"""Tests of the ``generic-invitation`` rule beyond its own examples (checker/rules/*/generic_invitation.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest

from checker import check
from checker.config import Config
from checker.model import Finding


def _found(
    rule: str, text: str, platform: str = "x", kind: str = "post", config: Config | None = None
) -> list[Finding]:
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


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


@pytest.mark.parametrize(
    "text",
    [
        "We have 12 mutual connections. Would be great to connect!",
        "LinkedIn suggested you as someone I may know. Happy to connect.",
        "Hi Kate, we're both in marketing. Would love to connect.",
    ],
)
def test_vague_context_is_still_generic(text: str) -> None:
    assert _found("generic-invitation", text, "linkedin", "invitation")


@pytest.mark.parametrize(
    "text",
    [
        "hi Jo, its Kerry from the night shift at Brough. hope ur well!",
        "Hi Sam, we did the first-aid course together in June. Good to see you're at Arla now.",
        "Hi Ana, mutual connections via the Leeds JS meetup keep mentioning your talk.",
    ],
)
def test_specific_context_passes(text: str) -> None:
    assert _found("generic-invitation", text, "linkedin", "invitation") == []
