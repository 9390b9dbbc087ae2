"""The checker page in headless Chromium, against the built site under ``/handbook/``.

Python runs in the page's Web Worker (Pyodide, served by the site itself). These tests
type drafts, compare the worker's JSON with CPython's for every rule example, navigate
with Material's instant navigation, break the runtime on purpose, paste a megabyte,
scan with axe-core and take screenshots. The last test proves that no request made
during all of them left the site's origin.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import yaml
from axe import serious_violations
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, Page, Route

from checker import check
from checker.config import merge, mkdocs_settings, parse_config
from checker.rules import REGISTRY
from checker.rules.base import Example

READY = "[data-checker-state=ready]"
INPUT = "[data-checker-input]"


def open_checker(page: Page, base_url: str, fragment: str = "") -> None:
    page.goto(f"{base_url}checker/{fragment}")
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)


def settle(page: Page) -> None:
    """Wait until the result for the text now in the editor is on the page."""
    page.wait_for_selector("[data-checker-state=ready][data-checker-pending=false]")


def wait_until_saved(page: Page, text: str) -> None:
    """Wait until the (debounced) autosave has stored ``text`` in this browser."""
    page.wait_for_function(
        "text => localStorage.getItem('etiquette-checker:v1:draft') === JSON.stringify(text)",
        arg=text,
    )


def put_draft(page: Page, text: str, platform: str = "x", kind: str = "post") -> None:
    page.select_option("[data-checker-platform]", platform)
    page.select_option("[data-checker-kind]", kind)
    page.fill(INPUT, text)
    settle(page)


def shown_rules(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-checker-findings] [data-rule]", "els => els.map(e => e.dataset.rule)"
    )


RANK = {"error": 0, "warning": 1, "suggestion": 2}


def card_rules(findings: list[dict[str, Any]]) -> list[str]:
    """The cards a report makes: one per rule, loudest severity first, then report order."""
    loudest: dict[str, int] = {}
    for f in findings:
        loudest[f["rule"]] = min(loudest.get(f["rule"], 9), RANK[f["severity"]])
    return sorted(loudest, key=lambda rule: loudest[rule])  # sorted() is stable


def site_config_mapping() -> dict[str, Any]:
    """The team settings in mkdocs.yml, read the way the CLI reads them."""
    return mkdocs_settings(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


def cpython_json(text: str, platform: str, kind: str, handles: tuple[str, ...] = ()) -> Any:
    config = merge(parse_config(site_config_mapping(), "mkdocs.yml"), handles=handles)
    report = check(text, platform=platform, kind=kind, config=config).to_dict()
    return json.loads(json.dumps(report))


# ------------------------------------------------------------------ live feedback


FLAGGED = [
    (rule.name, example) for rule in REGISTRY for example in rule.flags[:1] if not example.handles
][:4]


@pytest.mark.parametrize(("rule", "example"), FLAGGED, ids=[r for r, _ in FLAGGED])
def test_typing_a_draft_shows_its_findings(
    page: Page, base_url: str, rule: str, example: Example
) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    put_draft(page, example.text, example.platform, example.kind)
    expected = [
        f["rule"] for f in cpython_json(example.text, example.platform, example.kind)["findings"]
    ]
    assert rule in expected  # the registry says this example flags its rule
    assert sorted(shown_rules(page)) == sorted(set(expected))  # one card per rule
    finding = page.locator(f"[data-checker-findings] [data-rule='{rule}']").first
    assert finding.get_attribute("data-severity") in ("error", "warning", "suggestion")
    link = finding.locator("a").first.get_attribute("href") or ""
    assert urlsplit(link).path == f"/handbook/rules/{rule}/"
    # The flagged span is highlighted in place, behind the text.
    assert page.locator("[data-checker-layer] .etq-mark").count() >= 1


def test_keystrokes_update_findings_and_the_length_meter(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "", "x", "post")
    page.click(INPUT)
    page.keyboard.type("Remote work is here to stay.")
    settle(page)
    assert page.text_content("[data-checker-count]").startswith("28 / 280")  # type: ignore[union-attr]
    page.keyboard.type(" RT if you agree!")
    settle(page)
    text = page.input_value(INPUT)
    expected = cpython_json(text, "x", "post")
    assert shown_rules(page) == card_rules(expected["findings"])
    assert expected["findings"], "this draft should flag something"
    meter = page.text_content("[data-checker-count]") or ""
    assert meter.startswith(f"{expected['length']['count']} / 280")
    assert page.get_attribute("[data-checker-count]", "data-over") == "false"
    summary = page.text_content("[data-checker-summary]") or ""
    assert "warning" in summary or "suggestion" in summary or "error" in summary

    over = "word " * 70
    put_draft(page, over, "x", "post")
    assert page.get_attribute("[data-checker-count]", "data-over") == "true"
    assert "over the limit" in (page.text_content("[data-checker-count]") or "")


def test_a_thread_shows_each_posts_length(page: Page, base_url: str) -> None:
    text = "First post of the thread.\n---\nSecond one, a little longer than the first."
    put_draft(page, text, "mastodon", "thread")
    expected = cpython_json(text, "mastodon", "thread")
    posts = page.locator("[data-checker-thread] li[data-post]")
    assert posts.count() == len(expected["length"]["posts"]) == 2
    for i, post in enumerate(expected["length"]["posts"]):
        head = posts.nth(i).locator(".etq-post__head").text_content() or ""
        assert head.startswith(f"Post {i + 1} of 2 {post['count']} / ")
        # numbered once: the meter no longer lists the posts again
        assert "Post 1" not in (page.text_content("[data-checker-count]") or "")


# ------------------------------------------------------------------ parity with CPython


def _parity_cases() -> list[dict[str, Any]]:
    cases = [
        {"text": e.text, "platform": e.platform, "kind": e.kind, "handles": list(e.handles)}
        for rule in REGISTRY
        for e in (*rule.flags, *rule.passes)
    ]
    extra = [
        ("Thanks @ana 🙏🏽 for the 🧵! 日本語も https://bit.ly/x #a #b #c", "x", "post"),
        ("One 👩‍👩‍👧 family\n---\nTWO!!! https://example.org\n---\n", "bluesky", "thread"),
        ("I think I did it. I am proud. My work, my way. " * 60, "linkedin", "post"),
    ]
    cases += [{"text": t, "platform": p, "kind": k, "handles": []} for t, p, k in extra]
    return cases


def test_the_worker_gives_exactly_cpythons_json_for_every_example(
    page: Page, base_url: str
) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    cases = _parity_cases()
    assert len(cases) >= 2 * len(REGISTRY)
    got = page.evaluate(
        """cases => Promise.all(cases.map(c => window.__etiquette.check(
             c.text, {platform: c.platform, kind: c.kind, handles: c.handles})))""",
        cases,
    )
    mismatches = []
    for case, browser_json in zip(cases, got, strict=True):
        want = cpython_json(case["text"], case["platform"], case["kind"], tuple(case["handles"]))
        if browser_json != want:
            mismatches.append((case["text"][:60], case["platform"], case["kind"]))
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ: {mismatches[:5]}"
    # and the site's settings did reach the worker: finding links use the site's address
    urls = {f["url"] for report in got for f in report["findings"]}
    assert urls and all(u.startswith(site_config_mapping()["site_url"]) for u in urls)


# ------------------------------------------------------------------ safety


def test_markup_in_a_draft_renders_as_text_and_runs_nothing(
    page: Page, base_url: str, dialogs_seen: list[str]
) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    hostile = (
        '<script>window.__pwned = 1; alert("script")</script> '
        "<img src=x onerror=\"window.__pwned = 2; alert('img')\"> RT if you agree "
        "https://bit.ly/<b>x</b>"
    )
    page.fill("[data-checker-handle]", '<img src=y onerror="window.__pwned=3">')
    put_draft(page, hostile, "x", "post")
    # A canary: the same broken image, put into the page on purpose. Once its error
    # handler has run, an injected one would have run too.
    page.evaluate(
        """() => { const img = new Image(); img.onerror = () => { window.__canary = 1 };
                   img.src = "x"; document.body.append(img);
                   window.__canaryImage = img }"""
    )
    page.wait_for_function("() => window.__canary === 1")
    page.evaluate("() => window.__canaryImage.remove()")
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs_seen == []
    for area in ("[data-checker-layer]", "[data-checker-findings]", "[data-checker-handle-note]"):
        assert page.locator(f"{area} img, {area} script, {area} b").count() == 0, area
    assert "<img src=x" in (page.text_content("[data-checker-layer]") or "")
    assert '"<img" is not a handle' in (page.text_content("[data-checker-handle-note]") or "")
    page.fill("[data-checker-handle]", "")


# ------------------------------------------------------------------ persistence


def test_the_draft_survives_a_reload(page: Page, base_url: str) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    text = f"Kept across reloads {secrets.token_hex(4)}: thanks @ana for the notes!"
    put_draft(page, text, "mastodon", "reply")
    wait_until_saved(page, text)  # the autosave is debounced
    page.reload()
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    assert page.input_value(INPUT) == text
    assert page.input_value("[data-checker-platform]") == "mastodon"
    assert page.input_value("[data-checker-kind]") == "reply"


def test_clear_can_be_undone(page: Page, base_url: str) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    put_draft(page, "A draft worth keeping.", "x", "post")
    page.click("[data-checker-clear]")
    assert page.input_value(INPUT) == ""
    page.locator("[data-checker-notice]").get_by_role("button", name="Undo").click()
    assert page.input_value(INPUT) == "A draft worth keeping."


def test_a_try_it_link_fills_the_editor_and_keeps_the_old_draft(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "My own unfinished draft.", "x", "post")
    wait_until_saved(page, "My own unfinished draft.")
    # Follow a real "Try it in the checker" link from a generated rule page.
    rule = next(r for r in REGISTRY if any(e.platform != "x" for e in r.flags))
    example = next(e for e in rule.flags if e.platform != "x")
    page.goto(f"{base_url}rules/{rule.name}/")
    wanted = f"draft={quote(example.text, safe='')}"
    link = page.locator(f"a[href*='{wanted[:60]}']").first
    link.click()  # instant navigation, no reload
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    page.wait_for_function(f"() => document.querySelector('{INPUT}').value.length > 0")
    assert page.input_value(INPUT) == example.text
    assert page.input_value("[data-checker-platform]") == example.platform
    assert page.input_value("[data-checker-kind]") == example.kind
    assert "#" not in page.url  # read once: a reload won't bring it back over edits
    settle(page)
    assert rule.name in shown_rules(page)
    page.get_by_role("button", name="Bring back my draft").click()
    assert page.input_value(INPUT) == "My own unfinished draft."


def test_the_checker_survives_instant_navigation_away_and_back(page: Page, base_url: str) -> None:
    # Arrive on another page first: the checker must start after an instant navigation too.
    page.goto(base_url)
    page.evaluate("() => { window.__sameDocument = true }")
    page.locator(".md-tabs a", has_text="Checker").first.click()
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("() => window.__sameDocument") is True, "that was a full reload"
    put_draft(page, "Remote work is here to stay. RT if you agree!", "x", "post")
    assert shown_rules(page)
    page.locator(".md-tabs a", has_text="Sharing").first.click()
    page.wait_for_url("**/sharing/")  # the URL changes first, then the content is swapped
    page.wait_for_selector("[data-checker-state]", state="detached")
    page.locator(".md-tabs a", has_text="Checker").first.click()
    page.wait_for_selector(READY)
    assert page.evaluate("() => window.__sameDocument") is True
    # the same worker, still booted: no second Pyodide
    assert page.input_value(INPUT) == "Remote work is here to stay. RT if you agree!"
    page.click(INPUT)
    page.keyboard.press("End")
    page.keyboard.type(" Like and share!")
    settle(page)
    text = page.input_value(INPUT)
    assert shown_rules(page) == card_rules(cpython_json(text, "x", "post")["findings"])


# ------------------------------------------------------------------ failure and load


def test_a_missing_runtime_shows_an_error_and_retry_recovers(page: Page, base_url: str) -> None:
    broken = page.context.new_page()

    def missing(route: Route) -> None:
        route.fulfill(status=404, body="not here")

    broken.route("**/pyodide.asm.wasm", missing)
    broken.goto(f"{base_url}checker/")
    broken.wait_for_selector("[data-checker-state=error]", timeout=BOOT_TIMEOUT_MS)
    assert broken.locator("[data-checker-error]").is_visible()
    assert broken.locator("[data-checker-retry]").is_visible()
    # the draft stays editable meanwhile
    broken.fill(INPUT, "Still writing while Python is down.")
    assert broken.input_value(INPUT) == "Still writing while Python is down."
    broken.unroute("**/pyodide.asm.wasm")
    broken.click("[data-checker-retry]")
    broken.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    settle(broken)
    assert broken.input_value(INPUT) == "Still writing while Python is down."
    assert not broken.locator("[data-checker-error]").is_visible()
    broken.close()


def test_a_megabyte_paste_keeps_the_page_responsive(page: Page, base_url: str) -> None:
    if not page.url.endswith("/checker/"):
        open_checker(page, base_url)
    big = ("A long paste with a link https://example.org and words. " * 20_000)[:1_000_000]
    page.fill(INPUT, big)
    settle(page)
    assert "too long to check live" in (page.text_content("[data-checker-summary]") or "")
    # Count what the page asks of the worker: a megabyte is kept, not sent to Python.
    page.evaluate(
        """() => { window.__posted = 0; window.__postMessage = Worker.prototype.postMessage;
                   Worker.prototype.postMessage = function (...args) {
                     window.__posted += 1; return window.__postMessage.apply(this, args) } }"""
    )
    page.click(INPUT)
    page.keyboard.press("Control+End")
    page.keyboard.type("xyz")
    settle(page)
    value_end = page.evaluate(f"() => document.querySelector('{INPUT}').value.slice(-3)")
    assert value_end == "xyz"
    assert page.evaluate(f"() => document.querySelector('{INPUT}').value.length") == len(big) + 3
    assert "too long to check live" in (page.text_content("[data-checker-summary]") or "")
    assert page.evaluate("() => window.__posted") == 0, "typing in a megabyte sent it to Python"
    # nor copied into the highlight backdrop behind the editor
    layer = "document.querySelector('[data-checker-layer]').textContent.length"
    assert page.evaluate(f"() => {layer}") < 100

    # 100 KB is checked live, in the worker, while the page stays usable
    hundred_k = big[:100_000]
    page.fill(INPUT, hundred_k)
    settle(page)
    assert page.locator("[data-checker-count] .etq-meter__count").text_content() != "–"
    assert "too long" not in (page.text_content("[data-checker-summary]") or "")
    assert page.evaluate("() => window.__posted") >= 1  # this one did go to the worker
    page.evaluate("() => { Worker.prototype.postMessage = window.__postMessage }")
    page.fill(INPUT, "")
    settle(page)


# ------------------------------------------------------------------ accessibility and looks

SHOWCASE = (
    "BREAKING!!! Spring sale: 30% off everything, use code SPRING20 at checkout "
    "https://bit.ly/3kT9xQ RT if you agree! #sale #spring #deals #shopping"
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(
    browser: Browser, base_url: str, requests_seen: list[str], dialogs_seen: list[str], scheme: str
) -> None:
    context = new_context(browser, requests_seen, dialogs_seen, color_scheme=scheme)
    page = context.new_page()
    open_checker(page, base_url)
    put_draft(page, SHOWCASE, "x", "post")
    # with an ignored finding shown again, so its muted styles are scanned too
    page.locator("li[data-rule='hard-sell'] [data-span] button[data-ignore]").last.click()
    settle(page)
    page.locator("[data-checker-ignored] button").click()
    page.wait_for_selector("[data-span][data-ignored=true]")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert serious_violations(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_screenshots(
    browser: Browser,
    base_url: str,
    requests_seen: list[str],
    dialogs_seen: list[str],
    artifacts: Path,
    scheme: str,
    width: int,
    height: int,
) -> None:
    context = new_context(
        browser,
        requests_seen,
        dialogs_seen,
        color_scheme=scheme,
        viewport={"width": width, "height": height},
    )
    page = context.new_page()
    open_checker(page, base_url)
    put_draft(page, "", "x", "post")  # a new draft: nothing ignored from an earlier one
    put_draft(page, SHOWCASE, "x", "post")
    # a card with several places, one of them ignored: the page says so
    grouped = page.locator("li[data-rule='hard-sell'] [data-span]")
    assert grouped.count() >= 2
    grouped.last.locator("button[data-ignore]").click()
    settle(page)
    assert page.locator("[data-checker-ignored]").is_visible()
    page.locator("[data-checker-input]").scroll_into_view_if_needed()
    assert page.locator("[data-checker-layer] .etq-mark").count() >= 1
    # nothing wider than the screen on a phone
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    name = f"checker-{scheme}-{'phone' if width < 600 else 'desktop'}"
    page.screenshot(path=str(artifacts / f"{name}.png"))
    page.locator(".etq").screenshot(path=str(artifacts / f"{name}-widget.png"))
    page.locator("[data-checker-findings]").screenshot(path=str(artifacts / f"{name}-findings.png"))
    context.close()


# ------------------------------------------------------------------ last: the origin


def test_no_request_left_the_origin(requests_seen: list[str], base_url: str) -> None:
    assert any(u.endswith("/pyodide.asm.wasm") for u in requests_seen), "worker requests unseen"
    assert any(".whl" in u for u in requests_seen)
    hosts = {urlsplit(u).hostname for u in requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts


# ------------------------------------------------------------------ Material's search


# When the page's resources were requested: Material's search worker script, and the ready
# time the checker's boot recorded (boot.js defers the search worker until then).
SEARCH_WORKER_JS = """() => {
  const found = performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/workers/search."));
  return { search: found.length ? found[0].startTime : null, ready: window.__etiquetteReadyAt };
}"""


def test_search_starts_after_the_checker_and_still_answers(fresh_page: Page, base_url: str) -> None:
    page = fresh_page
    open_checker(page, base_url)
    page.click(".md-search__input")
    page.keyboard.type("bare-link")
    top = page.locator(".md-search-result__item a").first  # the best match
    top.wait_for()
    assert "/rules/bare-link/" in (top.get_attribute("href") or "")
    times = page.evaluate(SEARCH_WORKER_JS)
    assert times["search"] is not None and times["ready"] is not None, times
    assert times["search"] >= times["ready"], times  # the index is built after Python is up


# ------------------------------------------------------------------ the snapshot path


# Whether the checker was restored from its snapshot, and when (ms since the epoch).
RESTORED_AT_JS = """() => {
  const t = window.__etiquetteRuntime.info.timings;
  return { snapshot: t.snapshot, restored: t.origin + t.marks.restored };
}"""


def test_the_snapshot_path_fetches_the_wheel_only_after_python_is_restored(
    fresh_page: Page, base_url: str
) -> None:
    # Every module the checker uses is in the snapshot: the wheel (0.5 MB) is for an import
    # the snapshot missed, so it must not share the first visit's bandwidth with the
    # snapshot on the way to ready. It still arrives, for such an import, soon after.
    page = fresh_page
    with page.expect_request_finished(
        lambda r: r.url.endswith(".whl"), timeout=BOOT_TIMEOUT_MS
    ) as wheel:
        open_checker(page, base_url)
        boot = page.evaluate(RESTORED_AT_JS)
    assert boot["snapshot"] is True
    started = wheel.value.timing["startTime"]  # ms since the epoch, as origin + mark are
    assert started >= boot["restored"] - 1, (started, boot)
    page.fill(INPUT, "Like and share if you agree!")
    page.wait_for_selector("[data-checker-findings] [data-rule=engagement-bait]")
