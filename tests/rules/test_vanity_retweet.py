"""Tests of the ``vanity-retweet`` rule beyond its own examples (checker/rules/*/vanity_retweet.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

from checker import check
from checker.config import Config
from checker.model import Finding

SHARING = (
    "bare-link",
    "uncredited-share",
    "unverified-claim",
    "masked-link",
    "vanity-retweet",
    "hard-sell",
    "self-centered",
)


def findings(
    text: str,
    rule: str,
    *,
    platform: str = "x",
    kind: str = "post",
    handles: tuple[str, ...] = (),
    config: Config | None = None,
) -> list[Finding]:
    config = config or Config(handles=handles)
    report = check(text, platform=platform, kind=kind, config=config)
    return [f for f in report.findings if f.rule == rule]


def spans(text: str, rule: str, **kwargs: object) -> list[str]:
    return [text[f.start : f.end] for f in findings(text, rule, **kwargs)]  # type: ignore[arg-type]


def test_vanity_retweet_span_runs_from_marker_to_your_handle() -> None:
    text = "RT @jane: Thanks @Acme, amazing help today"
    assert spans(text, "vanity-retweet", handles=("acme",)) == ["RT @jane: Thanks @Acme"]
    (f,) = findings(text, "vanity-retweet", handles=("acme",))
    assert "@jane" in f.message and "@acme" in f.message


def test_vanity_retweet_of_your_own_post_or_without_praise_passes() -> None:
    assert not findings(
        "RT @acme: Our spring sale starts Monday", "vanity-retweet", handles=("acme",)
    )
    assert not findings("RT @jane: met @acme at the fair", "vanity-retweet", handles=("acme",))


def test_vanity_retweet_praise_emoji_counts() -> None:
    assert findings("RT @jane: @acme 🙌🙌", "vanity-retweet", handles=("acme",))
