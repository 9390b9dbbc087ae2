"""The sharing rules beyond their own examples: spans, wording, settings, edge cases.

The examples in ``checker/rules/sharing.py`` prove that each rule flags and
passes; these tests pin down *where* a finding points, what it says, how
team settings change it, and that hostile input stays fast.
"""

from __future__ import annotations

import time

import pytest

from checker import check
from checker.config import Config, RuleSettings
from checker.model import Finding, Severity
from checker.rules import BY_NAME
from checker.rules._text import url_has_path, url_host

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


# ------------------------------------------------------------------ catalogue shape


@pytest.mark.parametrize("name", SHARING)
def test_sharing_rule_is_registered_with_enough_examples(name: str) -> None:
    rule = BY_NAME[name]
    assert rule.pillar.value == "sharing"
    assert rule.severity is not Severity.ERROR
    assert len(rule.flags) >= 4 and len(rule.passes) >= 4
    assert rule.guide.startswith("sharing/")


def test_only_hard_sell_takes_terms() -> None:
    assert [n for n in SHARING if BY_NAME[n].takes_terms] == ["hard-sell"]


# ------------------------------------------------------------------------ bare-link


def test_bare_link_points_at_the_link() -> None:
    text = "https://example.com/news/1"
    (f,) = findings(text, "bare-link")
    assert (f.start, f.end) == (0, len(text))
    assert "without a word of your own" in f.message


def test_bare_link_points_at_the_retweet_marker() -> None:
    text = "  RT @cityplanner: Safer streets https://example.org/streets"
    assert spans(text, "bare-link") == ["RT @cityplanner"]


def test_bare_link_points_at_the_cut_off_ellipsis_and_link() -> None:
    text = (
        "Council budget: The council has approved a new budget for the next three years "
        "that includes… https://example.com/budget"
    )
    assert spans(text, "bare-link") == ["… https://example.com/budget"]


def test_bare_link_reads_all_retweet_spellings_from_the_seed() -> None:
    tail = " Why we share: Sharing beats broadcasting for small firms… http://t.co/abcd1234"
    for opening in ("RT @rapidbi", "RT: @rapidbi", "RT@rapidbi", "MT @rapidbi"):
        assert findings(opening + tail, "bare-link"), opening


def test_bare_link_passes_a_retweet_with_a_comment_in_brackets_or_after_slashes() -> None:
    base = "RT @rapidbi: Why we share https://example.com/share"
    assert not findings(base + " [absolutely right!]", "bare-link")
    assert not findings(base + " // we found the same", "bare-link")
    assert findings(base + " [!!]", "bare-link"), "brackets with no words add nothing"


def test_bare_link_passes_a_comment_after_the_closing_quote() -> None:
    text = "“@njj_media: Why we share | RapidBI https://example.com/share” Love this"
    assert not findings(text, "bare-link")
    assert findings("“@njj_media: Why we share https://example.com/share”", "bare-link")


def test_bare_link_filler_words_are_not_a_comment() -> None:
    for text in (
        "New blog post: https://example.com/p",
        "Must read 👇 https://example.com/p",
        "Worth a read https://example.com/p #leadership",
        "via @guardian https://example.com/p",
    ):
        assert findings(text, "bare-link"), text


def test_bare_link_is_quiet_in_replies_and_long_threads() -> None:
    assert not findings("@sam https://example.com/the-doc-you-asked-for", "bare-link", kind="reply")
    thread = "Our results, in short: the pilot worked.\n---\nhttps://example.com/report"
    assert not findings(thread, "bare-link", kind="thread")
    assert findings("https://example.com/report", "bare-link", kind="thread")


def test_bare_link_needs_a_link() -> None:
    assert not findings("Great read", "bare-link")


# ----------------------------------------------------------------- uncredited-share


def test_uncredited_quote_points_at_the_quote_and_counts_its_words() -> None:
    quote = "“Be the kind of person who makes others feel welcome on day one.”"
    (f,) = findings(quote + " So true.", "uncredited-share")
    assert (f.start, f.end) == (0, len(quote))
    assert "13 words" in f.message


@pytest.mark.parametrize(
    "credit",
    [
        " — Maya Angelou",
        " - Maya Angelou",
        " via @maya",
        " h/t @maya",
        " (from @maya)",
        " https://example.com/source",
        " My manager said this on my first day.",
        " As Maya Angelou put it.",
    ],
)
def test_uncredited_quote_passes_with_any_credit(credit: str) -> None:
    text = "“Be the kind of person who makes others feel welcome on day one.”" + credit
    assert not findings(text, "uncredited-share"), credit


def test_uncredited_short_quotes_and_scare_quotes_pass() -> None:
    assert not findings("They call it “best practice”, I call it habit.", "uncredited-share")
    assert not findings('Set "retries" to 3 and "timeout" to 30 seconds.', "uncredited-share")


def test_uncredited_rt_points_at_the_marker_and_rt_if_is_not_a_reshare() -> None:
    assert spans("RT: Good design is honest.", "uncredited-share") == ["RT:"]
    assert not findings("RT if you agree that meetings should be shorter", "uncredited-share")


def test_uncredited_repost_of_your_own_work_passes() -> None:
    assert not findings(
        "Reposting my notes from last week's retro, since several people asked again.",
        "uncredited-share",
    )
    assert spans("Reposting this, it is too good.", "uncredited-share") == ["Reposting"]
    assert not findings("Repost if you agree that meetings are too long", "uncredited-share")


def test_uncredited_anonymous_credit_is_named_in_the_message() -> None:
    (f,) = findings("Beautiful harbour at dusk. Photo: unknown", "uncredited-share")
    assert "Photo: unknown" in f.message and "not a credit" in f.message


def test_uncredited_platform_is_not_a_source() -> None:
    assert findings("Found this on Reddit and laughed for ten minutes.", "uncredited-share")
    assert not findings("Found this talk by Ana Ruiz on Reddit, worth it.", "uncredited-share")


# ----------------------------------------------------------------- unverified-claim


def test_unverified_points_at_the_rumour_phrase() -> None:
    text = "Watch before they delete it!!! Nobody is talking about this."
    assert spans(text, "unverified-claim") == ["before they delete it"]


def test_unverified_breaking_needs_to_open_a_clause() -> None:
    assert spans("🚨 BREAKING: bridge closed", "unverified-claim") == ["BREAKING"]
    assert not findings("STOP BREAKING THE BUILD", "unverified-claim")
    assert not findings("This is breaking news to nobody.", "unverified-claim")


def test_unverified_death_news_is_quiet_with_a_link_or_in_a_reply() -> None:
    text = "RIP Marcus Lane, gone too soon."
    assert findings(text, "unverified-claim")
    assert not findings(text + " https://example.com/obituary", "unverified-claim")
    assert not findings("@ana RIP Marcus Lane, so sorry.", "unverified-claim", kind="reply")


def test_unverified_death_of_family_is_not_news() -> None:
    for text in ("RIP Grandma, the best baker I knew.", "Rest in peace, Uncle Joe."):
        assert not findings(text, "unverified-claim"), text


def test_unverified_died_points_at_the_name_and_the_verb() -> None:
    assert spans("Sad day. Sam Rivera has died.", "unverified-claim") == ["Rivera has died"]
    assert spans("Sam Rivera dies at 78", "unverified-claim") == ["dies at 78"]


def test_unverified_rumour_lines_flag_even_with_a_link() -> None:
    text = "The media won't tell you this https://example.com/x"
    assert spans(text, "unverified-claim") == ["media won't tell"]


# ---------------------------------------------------------------------- masked-link


def test_masked_link_names_the_shortener_and_points_at_the_link() -> None:
    text = "Spring guide: https://bit.ly/3kT9xQa and more"
    (f,) = findings(text, "masked-link")
    assert text[f.start : f.end] == "https://bit.ly/3kT9xQa"
    assert f.message.startswith("bit.ly hides where this link goes")


def test_masked_link_platform_wrappers_pass_at_home_only() -> None:
    text = "Read it: https://t.co/Xy12AbCd"
    assert not findings(text, "masked-link", platform="x")
    (f,) = findings(text, "masked-link", platform="mastodon")
    assert "X's own link wrapper" in f.message and "Mastodon" in f.message
    assert findings("See https://lnkd.in/eXa9mP2", "masked-link", platform="x")


def test_masked_link_one_finding_per_short_link() -> None:
    text = "A: https://bit.ly/a1 B: https://tinyurl.com/b2 C: https://example.com/c"
    assert spans(text, "masked-link") == ["https://bit.ly/a1", "https://tinyurl.com/b2"]


@pytest.mark.parametrize(
    ("url", "host", "path"),
    [
        ("https://www.Bit.ly/3kT", "bit.ly", True),
        ("bit.ly/3kT", "bit.ly", True),
        ("bit.ly", "bit.ly", False),
        ("http://bit.ly/", "bit.ly", False),
        ("https://tinyurl.com:443/x?y=1", "tinyurl.com", True),
    ],
)
def test_url_host_and_path(url: str, host: str, path: bool) -> None:
    assert url_host(url) == host and url_has_path(url) is path


# ------------------------------------------------------------------- vanity-retweet


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


# ------------------------------------------------------------------------ hard-sell


def test_hard_sell_points_at_each_selling_phrase() -> None:
    text = "Buy now! 25% off with code SPRING25. Use code SPRING25 at checkout."
    assert spans(text, "hard-sell") == ["Buy now", "25% off", "Use code SPRING25"]


def test_hard_sell_urgency_needs_an_offer_or_a_price() -> None:
    assert not findings("Hurry, the talks start in ten minutes!", "hard-sell")
    assert spans("Hurry, tickets are £5 at the door.", "hard-sell") == ["Hurry"]


def test_hard_sell_takes_the_teams_own_terms() -> None:
    text = "Our mega deal is back for spring."
    assert not findings(text, "hard-sell")
    config = Config(rules={"hard-sell": RuleSettings(extra_terms=("mega deal",))})
    (f,) = findings(text, "hard-sell", config=config)
    assert text[f.start : f.end] == "mega deal"
    assert f.severity is Severity.SUGGESTION


def test_hard_sell_severity_can_be_raised_by_a_team() -> None:
    config = Config(rules={"hard-sell": RuleSettings(severity=Severity.WARNING)})
    (f,) = findings("50% off today", "hard-sell", config=config)
    assert f.severity is Severity.WARNING


def test_hard_sell_ignores_words_inside_links() -> None:
    assert not findings("Our guide: https://example.com/buy-now-50-off", "hard-sell")


# -------------------------------------------------------------------- self-centered


def test_self_centered_covers_the_trimmed_post_and_counts() -> None:
    text = (
        "  I just launched my new course and I am so proud of what I built. My students love "
        "it and I think my best work is yet to come.\n"
    )
    (f,) = findings(text, "self-centered")
    assert text[f.start : f.end] == text.strip()
    assert f.message.startswith("7 of these 29 words")


def test_self_centered_needs_enough_words() -> None:
    assert not findings("I did it! I ran my first 10K, my way.", "self-centered")


# ------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "chunk",
    [
        "RT @a: " * 3,
        "“" + "word " * 50,
        '"' * 7 + "a ",
        "[" * 5 + "x ",
        "RIP A B C D E ",
        "BREAKING " * 4,
        "before they " * 3,
        "https://bit.ly/" + "a" * 30 + " ",
        "I my me we our ",
        "… ... … ",
        " | A | B ",
    ],
)
def test_hostile_paste_stays_fast(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    started = time.perf_counter()
    check(text, platform="facebook")
    assert time.perf_counter() - started < 1.0
