"""The checker page when things go wrong after start-up, and what a link may set.

- A check that never answers (a runaway rule, a wedged runtime) times out: the worker is
  restarted, the draft is kept, and the page says what happened. The worker is made to
  stall by a listener these tests append to worker.js as the browser fetches it
  (`TEST_HOOKS`): the site ships no test-only code.
- A promise that fails with nobody to catch it, after Python is ready, does not kill the
  runtime (it used to fail the whole checker).
- A "Try it" link's platform and kind are taken only when the page offers them.
- The page's modules are all fetched with the site's version, so a browser never pairs a
  new script with a stale cached one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route
from test_checker_page import INPUT, READY, open_checker, put_draft, settle, shown_rules

DRAFT = "Remote work is here to stay. RT if you agree!"


# Appended to worker.js in these tests' tabs only. A listener that never returns wedges
# the whole worker, as a runaway check would; a rejection nobody catches is a stray failure.
TEST_HOOKS = """
self.addEventListener("message", (event) => {
  if (event.data?.type !== "test") return;
  if (event.data.action === "stall") for (;;);
  if (event.data.action === "reject") Promise.reject(new Error("a stray failure (test)"));
});
"""


def _with_test_hooks(route: Route) -> None:
    response = route.fetch()
    assert response.ok, f"{route.request.url} answered {response.status}"
    route.fulfill(response=response, body=response.text() + TEST_HOOKS)


@pytest.fixture
def tab(context: BrowserContext, base_url: str) -> Iterator[Page]:
    """A tab of its own: these tests restart or upset its worker."""
    page = context.new_page()
    page.route(re.compile(r"/assets/checker/worker\.js(\?|$)"), _with_test_hooks)
    open_checker(page, base_url)
    yield page
    page.close()


def _summary(page: Page) -> str:
    return page.text_content("[data-checker-summary]") or ""


def test_a_stuck_check_times_out_restarts_the_worker_and_keeps_the_draft(tab: Page) -> None:
    put_draft(tab, DRAFT, "x", "post")
    assert "engagement-bait" in shown_rules(tab)
    tab.evaluate(
        """() => {
             const rt = window.__etiquetteRuntime;
             rt.timeoutMs = 1500;  // the page's own limit is 10 s; the test need not wait that long
             rt.worker.postMessage({type: "test", action: "stall"});
           }"""
    )
    # One edit, so exactly one request is sent and stalls: typed key by key on a busy
    # machine, a later keystroke's request could be the one that answers after the restart.
    tab.fill(INPUT, f"{DRAFT} Like and share!")
    tab.wait_for_function(
        "() => document.querySelector('[data-checker-summary]').textContent.includes('took too long')"
    )
    summary = _summary(tab)
    assert "restarted" in summary and "draft is kept" in summary, summary
    tab.wait_for_selector(f"{READY}[data-checker-pending=false]")
    assert tab.evaluate("() => window.__etiquetteRuntime.restarts") == 1
    text = f"{DRAFT} Like and share!"
    assert tab.input_value(INPUT) == text
    # The same request is not sent again to get stuck again; the next edit is checked.
    assert "took too long" in _summary(tab)
    tab.keyboard.type(" Thanks.")
    settle(tab)
    assert tab.input_value(INPUT) == f"{text} Thanks."
    assert "engagement-bait" in shown_rules(tab)
    assert "took too long" not in _summary(tab)
    assert tab.evaluate("() => window.__etiquetteRuntime.restarts") == 1


def test_a_stray_rejection_after_ready_does_not_kill_the_runtime(tab: Page) -> None:
    with tab.expect_console_message(lambda m: "unhandled rejection after ready" in m.text):
        tab.evaluate(
            "() => window.__etiquetteRuntime.worker.postMessage({type: 'test', action: 'reject'})"
        )
    report = tab.evaluate("() => window.__etiquette.check('Still here? RT if you agree!')")
    assert "engagement-bait" in [f["rule"] for f in report["findings"]]
    assert tab.get_attribute("[data-checker-state]", "data-checker-state") == "ready"
    assert tab.evaluate("() => window.__etiquetteRuntime.state") == "ready"
    assert tab.locator("[data-checker-error]").is_hidden()


def test_a_link_with_choices_the_page_does_not_offer_is_refused(tab: Page) -> None:
    put_draft(tab, "My draft.", "mastodon", "reply")
    draft = "Hello there, a plain post."
    tab.evaluate(
        "hash => { location.hash = hash }",
        f"draft={quote(draft)}&platform=myspace&kind=letter",
    )
    tab.wait_for_function(f"() => document.querySelector('{INPUT}').value === {draft!r}")
    settle(tab)
    assert tab.input_value("[data-checker-platform]") == "mastodon"
    assert tab.input_value("[data-checker-kind]") == "reply"
    notice = tab.text_content("[data-checker-notice]") or ""
    assert 'platform "myspace"' in notice and 'kind of draft "letter"' in notice
    assert "does not offer" in notice
    # a link with choices it does offer sets them
    tab.evaluate("hash => { location.hash = hash }", f"draft={quote(draft)}&platform=bluesky")
    tab.wait_for_function(
        "() => document.querySelector('[data-checker-platform]').value === 'bluesky'"
    )
    settle(tab)
    assert tab.input_value("[data-checker-kind]") == "reply"


def test_a_link_opened_afresh_with_an_unknown_platform_is_refused(
    context: BrowserContext, base_url: str
) -> None:
    page = context.new_page()
    open_checker(page, base_url, "#draft=Hi%20all&platform=friendster")
    settle(page)
    assert page.input_value(INPUT) == "Hi all"
    offered = page.eval_on_selector_all(
        "[data-checker-platform] option", "os => os.map(o => o.value)"
    )
    assert page.input_value("[data-checker-platform]") in offered
    assert 'platform "friendster"' in (page.text_content("[data-checker-notice]") or "")
    page.close()


def test_the_pages_modules_all_carry_the_site_version(
    page: Page, base_url: str, requests_seen: list[str]
) -> None:
    open_checker(page, base_url)
    scripts = [u for u in requests_seen if re.search(r"/assets/checker/[\w-]+\.js", u)]
    names = {urlsplit(u).path.rsplit("/", 1)[1] for u in scripts}
    assert {"checker.js", "runtime.js", "marks.js", "view.js", "bind.js", "worker.js"} <= names
    versions = {urlsplit(u).query for u in scripts}
    assert len(versions) == 1 and re.fullmatch(r"v=[0-9a-f]{10}", versions.pop()), scripts
