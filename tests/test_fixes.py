"""Mechanical fixes: each edit is certain, stays in its span, and removes its finding."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from corpus_drafts import CorpusDraft, corpus_drafts
from growth import assert_near_linear
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import REGISTRY, Config, check, fixes
from checker.config import RuleSettings
from checker.render import render_report


def fixed(text: str, platform: str, kind: str = "post") -> str:
    """``text`` with every fix ``check()`` offers applied."""
    report = check(text, platform=platform, kind=kind)
    edits = [
        fixes.Edit(f.replacement.start, f.replacement.end, f.replacement.text, f.replacement.label)
        for f in report.findings
        if f.replacement is not None
    ]
    return fixes.apply(text, edits)


# --- tracking parameters ------------------------------------------------------

TRACKING = [
    # (link as pasted, link without trackers)
    ("https://example.com/post?utm_source=x&utm_medium=social", "https://example.com/post"),
    (
        "https://example.com/a?id=7&utm_campaign=spring&lang=en",
        "https://example.com/a?id=7&lang=en",
    ),
    ("https://example.com/a?UTM_Source=news#section-2", "https://example.com/a#section-2"),
    (
        "https://example.com/a?q=caf%C3%A9+au+lait&fbclid=IwAR0abc",
        "https://example.com/a?q=caf%C3%A9+au+lait",
    ),
    (
        "https://shop.example/p?gclid=xyz&colour=red&mc_eid=42&size=M",
        "https://shop.example/p?colour=red&size=M",
    ),
    (
        "https://www.instagram.com/p/Cxyz/?igshid=MzRlODBiNWFlZA==",
        "https://www.instagram.com/p/Cxyz/",
    ),
    ("https://youtu.be/dQw4w9WgXcQ?si=AbCdEf123", "https://youtu.be/dQw4w9WgXcQ"),
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=AbC&t=42",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
    ),
    (
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=9f8e",
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
    ),
    ("https://twitter.com/x/status/1?ref_src=twsrc%5Etfw", "https://twitter.com/x/status/1"),
    ("example.com/page?utm_source=newsletter", "example.com/page"),
]
UNTOUCHED = [
    "https://example.com/post",
    "https://example.com/search?q=utm_source&page=2",  # a value, not a key
    "https://example.com/si?si=3",  # "si" means something else off YouTube and Spotify
    "https://example.com/a?source=blog&ref=home",  # plain words sites use themselves
    "https://example.com/a#utm_source=x",  # in the fragment: never sent to the server
]


@pytest.mark.parametrize(("url", "clean"), TRACKING)
def test_tracking_parameters_are_removed(url: str, clean: str) -> None:
    assert fixes.strip_tracking(url) == clean


@pytest.mark.parametrize("url", UNTOUCHED)
def test_links_without_trackers_are_left_alone(url: str) -> None:
    assert fixes.strip_tracking(url) == url
    assert fixes.remove_tracking(url, 0, len(url)) is None


def test_tracking_edits_cover_each_link_in_a_draft() -> None:
    draft = (
        "Two reads: https://a.example.com/x?utm_source=tw&id=3 and "
        "https://b.example.org/y?fbclid=abc 🎉 plus https://c.example.net/z"
    )
    edits = fixes.tracking_edits(draft)
    assert [draft[e.start : e.end] for e in edits] == [
        "https://a.example.com/x?utm_source=tw&id=3",
        "https://b.example.org/y?fbclid=abc",
    ]
    assert fixes.apply(draft, edits) == (
        "Two reads: https://a.example.com/x?id=3 and https://b.example.org/y 🎉 plus https://c.example.net/z"
    )


def test_tracking_fixes_carry_utf16_offsets_for_the_page() -> None:
    draft = "🎉 Read https://example.com/a?utm_source=x&id=1 now"
    (fix,) = fixes.tracking_fixes(draft)
    as_js = draft.encode("utf-16-le")
    link = as_js[2 * fix.start_utf16 : 2 * fix.end_utf16].decode("utf-16-le")
    assert link == draft[fix.start : fix.end] == "https://example.com/a?utm_source=x&id=1"
    assert fix.to_dict()["text"] == "https://example.com/a?id=1"


_KEY = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_VALUE = st.text(alphabet="abcXYZ019%-._~+=", max_size=8)


@given(st.lists(st.tuples(_KEY, _VALUE), min_size=1, max_size=6), st.booleans())
def test_kept_parameters_stay_byte_identical_and_in_order(
    params: list[tuple[str, str]], tracked: bool
) -> None:
    pairs = [f"{k}={v}" for k, v in params]
    if tracked:
        pairs.insert(len(pairs) // 2, "utm_source=feed")
    url = "https://example.com/p?" + "&".join(pairs) + "#top"
    clean = fixes.strip_tracking(url)
    kept = [p for p in pairs if not fixes.is_tracker(p.split("=", 1)[0])]
    assert clean == "https://example.com/p" + ("?" + "&".join(kept) if kept else "") + "#top"


# --- "RT @x:" -------------------------------------------------------------------

RETWEETS = [
    # (draft, platform, after every fix)
    ("RT @nasa: The rover found water ice.", "mastodon", "The rover found water ice."),
    ("RT @nasa The rover found water ice.", "bluesky", "The rover found water ice."),
    ("Worth a read.\nRT @nasa: rover news", "linkedin", "Worth a read.\nrover news"),
    ("  MT @nasa: shortened", "threads", "  shortened"),
    ("RT @esa: RT @nasa: rover news", "mastodon", "rover news"),
]


@pytest.mark.parametrize(("draft", "platform", "after"), RETWEETS)
def test_leading_retweet_prefix_is_dropped(draft: str, platform: str, after: str) -> None:
    assert fixed(draft, platform) == after


def test_retweet_prefix_mid_sentence_has_no_fix() -> None:
    draft = "So true, RT @nasa: the rover found ice"
    report = check(draft, platform="mastodon")
    rt = [f for f in report.findings if f.rule == "cross-post-syntax"]
    assert rt, "the rule should still flag it"
    assert all(f.replacement is None for f in rt)


def test_retweet_prefix_before_a_handle_has_no_fix() -> None:
    # dropping it would leave a post that opens like a reply: "@anna great point"
    report = check("RT @nasa: @anna great point", platform="linkedin")
    rt = [f for f in report.findings if f.rule == "cross-post-syntax" and f.start == 0]
    assert rt and rt[0].replacement is None


def test_retweet_prefix_is_not_a_finding_on_x_so_nothing_to_fix() -> None:
    draft = "RT @nasa: The rover found water ice."
    assert fixed(draft, "x") == draft


# --- #FF ------------------------------------------------------------------------

FOLLOW_FRIDAY = [
    ("#FF @anna @bob", "Thanks to @anna and @bob for …"),
    (
        "#FF @anna, @bob and @chen. Great people.",
        "Thanks to @anna, @bob and @chen for …. Great people.",
    ),
    ("@anna @bob #FollowFriday", "Thanks to @anna and @bob for …"),
    ("Happy Friday!\n#ff @dev_lee", "Happy Friday!\nThanks to @dev_lee for …"),
    ("#FF @tom@fosstodon.org & @ana", "Thanks to @tom@fosstodon.org and @ana for …"),
]


@pytest.mark.parametrize(("draft", "after"), FOLLOW_FRIDAY)
def test_follow_friday_becomes_a_named_thank_you(draft: str, after: str) -> None:
    assert fixed(draft, "linkedin") == after


def test_follow_friday_with_nobody_named_has_no_fix() -> None:
    report = check("Happy #FF everyone!", platform="facebook")
    ff = [f for f in report.findings if f.rule == "cross-post-syntax"]
    assert ff and all(f.replacement is None for f in ff)


# --- jargon ---------------------------------------------------------------------

JARGON = [
    ("We should utilize the new tool.", "We should use the new tool."),
    ("Utilize the new tool.", "Use the new tool."),
    ("UTILIZE THE TOOL", "USE THE TOOL"),
    ("Let's touch base on Friday.", "Let's catch up on Friday."),
    ("Excited to leverage our data.", "Excited to use our data."),
    (
        "Honestly we don't have the bandwidth for a launch.",
        "Honestly we don't have the time for a launch.",
    ),
    ("Key learnings from a deep-dive into churn.", "Key lessons from a close look into churn."),
]


@pytest.mark.parametrize(("draft", "after"), JARGON)
def test_jargon_becomes_the_plain_word_the_rule_names(draft: str, after: str) -> None:
    assert fixed(draft, "linkedin") == after


def test_every_jargon_example_gets_a_fix() -> None:
    rule = next(r for r in REGISTRY if r.name == "stiff-jargon")
    for example in rule.flags:
        report = check(example.text, platform=example.platform, kind=example.kind)
        found = [f for f in report.findings if f.rule == "stiff-jargon"]
        assert found and all(f.replacement is not None for f in found), example.text


def test_a_teams_own_stiff_word_has_no_invented_fix() -> None:
    config = Config(rules={"stiff-jargon": RuleSettings(extra_terms=("mindshare",))})
    report = check("We want more mindshare this year.", platform="linkedin", config=config)
    found = [f for f in report.findings if f.rule == "stiff-jargon"]
    assert found and all(f.replacement is None for f in found)


# --- the contract: JSON, offsets, re-checking ---------------------------------------


def test_json_carries_the_replacement_with_utf16_offsets() -> None:
    draft = "🎉🎉 Time to leverage our wins"
    data = json.loads(json.dumps(check(draft, platform="linkedin").to_dict()))
    (finding,) = [f for f in data["findings"] if f["rule"] == "stiff-jargon"]
    rep = finding["replacement"]
    assert set(rep) == {"start", "end", "start_utf16", "end_utf16", "text", "label"}
    assert draft[rep["start"] : rep["end"]] == "leverage"
    as_js = draft.encode("utf-16-le")
    assert as_js[2 * rep["start_utf16"] : 2 * rep["end_utf16"]].decode("utf-16-le") == "leverage"
    assert rep["text"] == "use"


def test_findings_without_a_fix_keep_the_schema_1_shape() -> None:
    data = check("Great read! https://example.com/post", platform="x").to_dict()
    assert data["findings"]
    for finding in data["findings"]:
        assert "replacement" not in finding


def _examples() -> list[tuple[str, str, str]]:
    return (
        [
            (ex.text, ex.platform, ex.kind)
            for rule in REGISTRY
            for ex in (*rule.flags, *rule.passes)
            if rule.name in fixes.FIXES
        ]
        + [(d, p, "post") for d, p, _ in RETWEETS]
        + [(d, "linkedin", "post") for d, _ in JARGON + FOLLOW_FRIDAY]
    )


@pytest.mark.parametrize(("draft", "platform", "kind"), _examples())
def test_applying_every_fix_removes_those_findings_for_good(
    draft: str, platform: str, kind: str
) -> None:
    assert_fixed_for_good(draft, platform, kind)


def test_every_fix_is_keyed_by_a_rule_in_the_catalogue() -> None:
    names = {rule.name for rule in REGISTRY}
    assert set(fixes.FIXES) <= names


def test_apply_skips_an_edit_that_overlaps_an_earlier_one() -> None:
    text = "abcdef"
    edits = [fixes.Edit(1, 4, "X", ""), fixes.Edit(2, 5, "Y", ""), fixes.Edit(5, 6, "Z", "")]
    assert fixes.apply(text, edits) == "aXeZ"


def test_the_cli_text_report_says_a_fix_is_available() -> None:
    draft = "Let's leverage our wins"
    out = render_report(draft, check(draft, platform="linkedin"))
    assert "fix available: Replace “leverage” with “use”" in out


def test_fixes_stay_linear_on_hostile_input() -> None:
    assert_near_linear(lambda t: check(t, platform="linkedin"), "utilize the data, " * 3000)
    assert_near_linear(lambda t: check(t, platform="facebook"), "@a " * 20000 + "#FF")
    assert_near_linear(lambda t: check(t, platform="facebook"), "RT @a: " * 15000)
    assert_near_linear(lambda t: check(t, platform="linkedin"), "#FF @a " * 15000)
    assert_near_linear(lambda t: check(t, platform="linkedin"), "@a #FF " * 15000)
    assert_near_linear(lambda t: fixes.follow_friday_stub(t, 0, 3), "#FF" + " \t" * 50000 + "x")


# --- property: fixing is a fixed point ------------------------------------------------

_PIECES = st.sampled_from(
    [
        "RT @nasa:",
        "MT @esa",
        "#FF",
        "#FollowFriday",
        "@anna",
        "@tom@fosstodon.org",
        "and",
        "utilize",
        "Utilize",
        "leverage our",
        "deep-dive",
        "touch base",
        "synergies",
        "we don't have the bandwidth",
        "learnings",
        "great",
        "news.",
        "https://example.com/a?utm_source=x&id=2",
        "🎉",
        "日本",
    ]
)
_GLUE = st.sampled_from([" ", " ", "\n", ", "])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=25),
    st.sampled_from(["x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "instagram"]),
)
def test_fixes_apply_cleanly_and_do_not_come_back(
    pieces: list[tuple[str, str]], platform: str
) -> None:
    draft = "".join(p + g for p, g in pieces).strip()
    before = check(draft, platform=platform)
    for f in before.findings:
        rep = f.replacement
        if rep is None:
            continue
        # the edit changes the flagged words, and its UTF-16 offsets agree
        assert 0 <= rep.start < rep.end <= len(draft)
        assert max(rep.start, f.start) < min(rep.end, f.end)
        as_js = draft.encode("utf-16-le")
        assert (
            as_js[2 * rep.start_utf16 : 2 * rep.end_utf16].decode("utf-16-le")
            == (draft[rep.start : rep.end])
        )
    assert_fixed_for_good(draft, platform)


def assert_fixed_for_good(draft: str, platform: str, kind: str = "post") -> None:
    """Apply every compatible fix: the finding it fixed is not back where the edit
    was (a finding is the same when its rule and message, which quotes the flagged
    words, are), and rounds of apply-and-recheck (a writer clicking "fix") end."""
    text = draft
    for _round in range(4):
        report = check(text, platform=platform, kind=kind)
        by_edit = {
            fixes.Edit(f.replacement.start, f.replacement.end, f.replacement.text, ""): f
            for f in report.findings
            if f.replacement is not None
        }
        if not by_edit:
            return
        applied = fixes.compatible(text, by_edit)
        new_text = fixes.apply(text, applied)
        # a finding is the same one after the edit when it says the same thing
        # (messages quote the flagged words); anything else is new
        known = Counter((f.rule, f.message) for f in report.findings)
        fresh = []
        for f in check(new_text, platform=platform, kind=kind).findings:
            if known[(f.rule, f.message)] > 0:
                known[(f.rule, f.message)] -= 1
            else:
                fresh.append(f)
        shift = 0
        for edit in applied:
            lo = edit.start + shift
            hi = lo + len(edit.text)
            shift += len(edit.text) - (edit.end - edit.start)
            was = by_edit[edit]
            back = [
                f
                for f in fresh
                if (f.rule, f.message.lower()) == (was.rule, was.message.lower())
                and f.start <= hi
                and f.end >= lo
            ]
            assert not back, (text, new_text, back)
        text = new_text
    raise AssertionError(f"fixes keep coming after four rounds: {draft!r}")


@pytest.mark.parametrize(
    ("text", "span", "after"),
    [
        # a rule may flag a wider span than the prefix or the tag: the fix still knows its part
        ("RT @nasa: rover news", (0, 9), "rover news"),
        ("RT @nasa: rover news", (0, 10), "rover news"),
        ("#FF @anna @bob", (0, 14), "Thanks to @anna and @bob for …"),
        ("#FFmpeg @anna", (0, 7), None),  # another tag that starts with FF
    ],
)
def test_fix_functions_read_their_part_of_a_wider_span(
    text: str, span: tuple[int, int], after: str | None
) -> None:
    edit = fixes.cross_post_fix(text, *span)
    assert (None if edit is None else fixes.apply(text, [edit])) == after


@pytest.mark.parametrize("draft", corpus_drafts(), ids=lambda d: d.id)
def test_fixes_on_the_corpus_never_bring_their_finding_back(draft: CorpusDraft) -> None:
    assert_fixed_for_good(draft.text, draft.platform, draft.kind)
