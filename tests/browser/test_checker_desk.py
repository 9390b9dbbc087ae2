"""The checker page as a writer's desk (issue 10): fixes with undo, every network at a
glance, thread splitting, kinds per platform, the meter's words, long and empty drafts,
copy and share, the next-finding key and the layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from conftest import ROOT, new_context
from playwright.sync_api import Browser, BrowserContext, Page
from test_checker_page import INPUT, READY, cpython_json, open_checker, put_draft, settle

from checker import platforms
from checker.counts import counts
from checker.engine import split_posts
from checker.glance import ORDER
from checker.web import platform_kinds

JARGON = "We leverage synergy across teams to ship faster and we are proud of it."
TRACKED = "Our write-up on caching: https://example.com/post?utm_source=x&fbclid=abc&id=7 thanks!"
LONG = " ".join(
    f"Sentence number {i} explains one more small step of how we moved the build to a new "
    "runner, and why it matters for the team."
    for i in range(1, 9)
)

# many findings: the findings column is far taller than the draft's
BUSY = (
    "RT @bob: BUY NOW!!! We leverage synergy and circle back on deliverables. "
    "Use code LAUNCH20 for 20% off, don't miss out! #a #b #c #d #e #f "
    "https://example.com/x?utm_source=y " + LONG
)


def draft(page: Page) -> str:
    return page.input_value(INPUT)


# ------------------------------------------------------------------ fixes and undo


def test_a_fix_replaces_its_span_and_undo_brings_the_draft_back(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, JARGON, "linkedin", "post")
    finding = next(
        f for f in cpython_json(JARGON, "linkedin", "post")["findings"] if "replacement" in f
    )
    rep = finding["replacement"]
    card = page.locator(f"li[data-rule='{finding['rule']}'][data-severity]")
    fix = card.locator("[data-span] button[data-fix]")
    assert fix.count() == 1
    assert (fix.text_content() or "") == rep["label"]
    fix.click()
    settle(page)
    fixed = JARGON[: rep["start"]] + rep["text"] + JARGON[rep["end"] :]
    assert draft(page) == fixed
    # the fixed words are no longer flagged by that rule
    assert page.locator(f"li[data-rule='{finding['rule']}'] button[data-fix]").count() == 0
    undo = page.locator("[data-checker-undo]")
    assert undo.is_enabled()
    undo.click()
    settle(page)
    assert draft(page) == JARGON
    assert page.locator("[data-checker-undo]").is_disabled()
    assert card.locator("button[data-fix]").count() == 1


def test_tracking_parameters_can_be_removed_and_put_back(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, TRACKED, "mastodon", "post")
    tidy = page.locator("[data-checker-tracking] [data-span] button[data-fix]")
    assert tidy.count() == 1
    tidy.click()
    settle(page)
    assert draft(page) == TRACKED.replace("?utm_source=x&fbclid=abc&id=7", "?id=7")
    assert page.locator("[data-checker-tracking]").count() == 0
    page.click("[data-checker-undo]")
    settle(page)
    assert draft(page) == TRACKED


def test_typing_after_a_fix_is_never_undone_by_the_page(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, JARGON, "linkedin", "post")
    page.locator("li[data-rule] button[data-fix]").first.click()
    settle(page)
    page.focus(INPUT)
    page.keyboard.press("End")
    page.keyboard.type(" Yes.")
    settle(page)
    assert page.locator("[data-checker-undo]").is_disabled()
    assert draft(page).endswith(" Yes.")


# ------------------------------------------------------------------ every network at a glance

GLANCE_DRAFTS = [
    ("Plain words only, nothing else.", "post"),
    ("Thanks @ana 🙏🏽 for the 🧵! 日本語も https://bit.ly/x #a #b", "post"),
    ("Ping @tom@fosstodon.org about it: https://example.org/a/very/long/path/" + "x" * 60, "post"),
    ("👩‍👩‍👧 " * 80, "post"),
    ("First post 😀\n---\nSecond, longer, with a link https://example.com/z", "thread"),
]


@pytest.mark.parametrize(("text", "kind"), GLANCE_DRAFTS)
def test_the_glance_table_counts_as_the_cli_does(
    page: Page, base_url: str, text: str, kind: str
) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    put_draft(page, text, "x", kind)
    table = page.locator("[data-checker-glance]")
    rows = table.locator("[data-glance-platform]")
    assert rows.count() == len(ORDER) == 7
    for name in ORDER:
        row = table.locator(f"[data-glance-platform='{name}']")
        # `etiquette check --platform NAME --kind KIND --format json`, with the site's settings
        want = cpython_json(text, name, kind)
        assert int(row.get_attribute("data-count") or -1) == want["length"]["count"], name
        assert int(row.get_attribute("data-limit") or -1) == want["length"]["limit"], name
        fits = row.get_attribute("data-fits")
        assert fits in ("true", "false")
        assert (fits == "true") == (not want["length"]["over"]), name


def posts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_posts(text)]


def test_clicking_a_glance_row_switches_the_platform(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "A short note with an emoji 😀 for everyone.", "x", "post")
    page.click("[data-checker-glance] [data-glance-platform='threads']")
    settle(page)
    assert page.input_value("[data-checker-platform]") == "threads"
    assert draft(page) == "A short note with an emoji 😀 for everyone."
    row = page.locator("[data-glance-platform='threads']")
    assert row.get_attribute("aria-current") == "true"
    # the meter says what Threads counts, in words, and what that means for this draft
    meter = page.text_content("[data-checker-count]") or ""
    assert "emoji" in meter and "Here each emoji counts 4." in meter


@pytest.mark.parametrize("platform", list(ORDER))
def test_the_meter_says_what_each_network_counts(page: Page, base_url: str, platform: str) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    put_draft(page, "Launch day 🚀 https://example.com/launch", platform, "post")
    unit = page.text_content("[data-checker-count] .etq-meter__unit") or ""
    assert unit.startswith(f"Counted in {platforms.get(platform).counting}.")
    assert "JavaScript" not in unit and "UTF" not in unit and "grapheme" not in unit


# ------------------------------------------------------------------ threads


def test_split_makes_a_numbered_thread_whose_posts_fit_and_keep_every_word(
    page: Page, base_url: str
) -> None:
    open_checker(page, base_url)
    put_draft(page, LONG, "x", "post")
    assert page.get_attribute("[data-checker-count]", "data-over") == "true"
    page.check("[data-checker-numbering]")
    page.click("button[data-checker-split]")
    page.wait_for_function("() => document.querySelector('[data-checker-kind]').value === 'thread'")
    settle(page)
    text = draft(page)
    parts = posts(text)
    assert len(parts) > 1
    assert all(re.fullmatch(r"-{3}", line) for line in text.split("\n") if line.startswith("-"))
    report = cpython_json(text, "x", "thread")
    assert not report["length"]["over"]
    assert all(not p["over"] for p in report["length"]["posts"])
    n = len(parts)
    words = []
    for i, part in enumerate(parts, 1):
        assert part.endswith(f" {i}/{n}")
        words += part[: -len(f" {i}/{n}")].split()
    assert words == LONG.split()
    cards = page.locator("[data-checker-thread] li[data-post]")
    assert cards.count() == n
    for i, post in enumerate(report["length"]["posts"]):
        head = cards.nth(i).locator(".etq-post__head").text_content() or ""
        assert head.startswith(f"Post {i + 1} of {n} {post['count']} / 280")
        assert cards.nth(i).locator("button[data-copy-post]").count() == 1
    page.click("[data-checker-undo]")
    settle(page)
    assert draft(page) == LONG
    assert page.input_value("[data-checker-kind]") == "post"
    assert page.locator("[data-checker-thread]").is_hidden()


# ------------------------------------------------------------------ kinds per platform


@pytest.mark.parametrize("platform", list(ORDER))
def test_each_platform_offers_only_its_kinds(page: Page, base_url: str, platform: str) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    page.select_option("[data-checker-platform]", platform)
    offered = page.eval_on_selector_all("[data-checker-kind] option", "os => os.map(o => o.value)")
    assert offered == platform_kinds(platform)
    has_threads = "thread" in offered
    assert page.locator("[data-checker-split-tools]").is_visible() == has_threads


def test_switching_to_a_platform_without_the_kind_keeps_the_draft(
    page: Page, base_url: str
) -> None:
    open_checker(page, base_url)
    thread = "One post.\n---\nAnother post."
    put_draft(page, thread, "mastodon", "thread")
    page.select_option("[data-checker-platform]", "linkedin")
    settle(page)
    assert page.input_value("[data-checker-kind]") == "post"
    assert draft(page) == thread
    notice = page.text_content("[data-checker-notice]") or ""
    assert "LinkedIn has no thread" in notice


# ------------------------------------------------------------------ empty, long, very long


def test_a_whitespace_draft_is_empty_and_shows_no_length(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "  \n\t  ", "x", "post")
    assert page.text_content("[data-checker-summary]") == "Empty draft."
    meter = page.text_content("[data-checker-count]") or ""
    assert meter.strip() == "Empty draft"
    assert not re.search(r"\d", meter)


def test_a_long_draft_says_why_highlights_are_off(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "Buy now! " + "plain words here " * 9_000, "linkedin", "post")
    note = page.locator("[data-checker-note]")
    assert note.is_visible()
    assert "Highlights are off" in (note.text_content() or "")
    assert page.locator("[data-checker-layer] .etq-mark").count() == 0
    put_draft(page, "Short again.", "linkedin", "post")
    assert page.locator("[data-checker-note]").is_hidden()


def test_a_very_long_draft_can_be_checked_on_request(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    big = "BUY NOW!!! " + "word " * 60_500
    page.select_option("[data-checker-platform]", "linkedin")
    page.evaluate(
        "t => { const i = document.querySelector('[data-checker-input]');"
        " i.value = t; i.dispatchEvent(new Event('input')); }",
        big,
    )
    check_now = page.locator("[data-checker-check-now]")
    check_now.wait_for(state="visible")
    assert "too long to check live" in (page.text_content("[data-checker-summary]") or "")
    check_now.click()
    settle(page)
    expected = cpython_json(big, "linkedin", "post")
    assert page.locator("[data-checker-findings] li[data-rule]").count() > 0
    meter = page.text_content("[data-checker-count]") or ""
    assert meter.startswith(f"{expected['length']['count']:,} / 3,000")
    assert check_now.is_hidden()


# ------------------------------------------------------------------ counts, copy, link


@pytest.fixture()
def clip_context(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str], base_url: str
) -> Iterator[BrowserContext]:
    context = new_context(
        browser, requests_seen, dialogs_seen, viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-10])
    yield context
    context.close()


def test_counts_copy_and_a_link_that_carries_the_draft(
    clip_context: BrowserContext, base_url: str
) -> None:
    page = clip_context.new_page()
    open_checker(page, base_url)
    text = "Thanks @ana for the review. It helped a lot! #python https://example.com/a"
    put_draft(page, text, "mastodon", "post")
    line = page.text_content("[data-checker-counts]") or ""
    assert line == counts(text).line()
    assert line.startswith("10 words · ")
    assert "1 mention" in line and "1 hashtag" in line and "1 link" in line
    page.click("[data-checker-copy]")
    page.wait_for_function(
        "() => /copied/.test(document.querySelector('[data-checker-shared]').textContent)"
    )
    assert page.evaluate("navigator.clipboard.readText()") == text
    page.click("[data-checker-link]")
    page.wait_for_function(
        "() => /in the link/.test(document.querySelector('[data-checker-shared]').textContent)"
    )
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{base_url}checker/#draft=")
    assert quote(text, safe="")[:10] in link or "Thanks" in link
    other = clip_context.new_page()
    other.goto(link)
    other.wait_for_selector(READY)
    assert other.input_value(INPUT) == text
    assert other.input_value("[data-checker-platform]") == "mastodon"
    other.close()
    page.close()


# ------------------------------------------------------------------ reading findings in place


def test_the_next_finding_key_and_the_peek(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    text = "We leverage synergy. BUY NOW!!! Limited offer, don't miss out."
    put_draft(page, text, "linkedin", "post")
    findings = sorted(
        cpython_json(text, "linkedin", "post")["findings"], key=lambda f: f["start_utf16"]
    )
    assert "Alt" in (page.text_content("#etq-keys") or "")
    page.focus(INPUT)
    page.evaluate("() => document.querySelector('[data-checker-input]').setSelectionRange(0, 0)")
    page.keyboard.press("Alt+n")
    sel = page.evaluate(
        "() => { const t = document.querySelector('[data-checker-input]');"
        " return [t.selectionStart, t.selectionEnd]; }"
    )
    first = findings[0]
    assert sel == [first["start_utf16"], first["end_utf16"]]
    peek = page.locator("[data-checker-peek]")
    assert peek.is_visible()
    assert first["rule"] in (peek.text_content() or "")
    page.keyboard.press("Alt+n")
    sel2 = page.evaluate("() => document.querySelector('[data-checker-input]').selectionStart")
    assert sel2 == next(f["start_utf16"] for f in findings if f["start_utf16"] > sel[0])


def test_hovering_a_highlight_peeks_at_its_finding(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    text = "Great news for the team. We leverage synergy. BUY NOW!!! Thanks all."
    put_draft(page, text, "linkedin", "post")
    findings = cpython_json(text, "linkedin", "post")["findings"]
    page.evaluate("() => document.activeElement.blur()")  # the pointer alone, not the caret
    peek = page.locator("[data-checker-peek]")
    assert peek.is_hidden()
    marks = page.locator("[data-checker-layer] .etq-mark")
    assert marks.count() >= 2
    for i in range(marks.count()):
        mark = marks.nth(i)
        start = int(mark.get_attribute("data-start") or "-1")
        here = [f for f in findings if f["start_utf16"] <= start < f["end_utf16"]]
        assert here, start
        box = mark.bounding_box()
        assert box
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        # the peek shows this highlight's findings (each "rule: message"), and no others
        page.wait_for_function(
            "rules => { const p = document.querySelector('[data-checker-peek]');"
            " return !p.hidden && [...p.querySelectorAll('p strong')]"
            ".map(s => s.textContent).sort().join('|') === rules.join('|'); }",
            arg=sorted(f"{f['rule']}: " for f in here),
        )
        assert here[0]["message"] in (peek.text_content() or "")
    # off the draft, with the caret elsewhere, the peek goes
    summary = page.locator("[data-checker-summary]").bounding_box()
    assert summary
    page.mouse.move(summary["x"] + 5, summary["y"] + 5)
    page.wait_for_selector("[data-checker-peek]", state="hidden")


def test_wide_screens_put_findings_beside_the_draft_and_phones_below(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str], base_url: str
) -> None:
    for width, beside in ((1280, True), (390, False)):
        context = new_context(
            browser, requests_seen, dialogs_seen, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        open_checker(page, base_url)
        put_draft(page, BUSY, "x", "post")
        draft_box = page.locator(INPUT).bounding_box()
        results = page.locator("[data-checker-findings]").bounding_box()
        assert draft_box and results
        if beside:
            assert results["x"] >= draft_box["x"] + draft_box["width"]
            # Material's empty sidebars are gone from this page
            assert page.locator(".md-sidebar--primary").is_hidden()
            assert page.locator(".md-sidebar--secondary").is_hidden()
            # the draft stays in view while the reader scrolls the findings
            end = results["y"] + results["height"]
            assert end > draft_box["y"] + draft_box["height"] + 400, "too few findings to scroll"
            page.evaluate("y => window.scrollTo(0, y)", end - 780)
            page.wait_for_function("y => Math.abs(window.scrollY - y) < 2", arg=end - 780)
            top = page.locator(INPUT).bounding_box()
            assert top and top["y"] >= 0 and top["y"] + 40 < 800
        else:
            assert results["y"] >= draft_box["y"] + draft_box["height"]
            kinds = page.locator("[data-checker-kind]").bounding_box()
            assert kinds and kinds["x"] + kinds["width"] <= width
        context.close()


def test_download_size_is_what_the_runtime_weighs(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    said = int(page.get_attribute("[data-checker-state]", "data-checker-download") or 0)
    site = ROOT / "site" / "assets"
    runtime = [
        p
        for p in (*(site / "pyodide").rglob("*"), *(site / "checker" / "py").rglob("*"))
        if p.is_file() and not (p.name == "pyodide-lock.json" and "pyodide" in p.parent.parts)
    ]
    assert said == sum(p.stat().st_size for p in runtime)
    # once ready, the loading line stays as a note: nothing below it moves
    assert page.locator("[data-checker-status]").is_visible()


def test_clear_is_undone_by_the_pages_undo_too(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "Keep me, please.", "x", "post")
    page.click("[data-checker-clear]")
    settle(page)
    assert draft(page) == ""
    page.click("[data-checker-undo]")
    settle(page)
    assert draft(page) == "Keep me, please."


def test_code_blocks_on_the_teams_page_have_a_copy_button(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}teams/")
    blocks = page.locator("article pre")
    assert blocks.count() > 3
    page.wait_for_selector("article pre button[data-md-type='copy']")
    assert page.locator("article pre button[data-md-type='copy']").count() == blocks.count()
    # nothing is cut: each block scrolls within the article, never past its edge
    article = page.locator("article").bounding_box()
    for i in range(blocks.count()):
        box = blocks.nth(i).bounding_box()
        assert article and box and box["x"] + box["width"] <= article["x"] + article["width"] + 1
