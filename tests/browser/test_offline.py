"""The service worker (``sw.js`` at the site root, from hooks/templates/sw.js).

Each test serves its own copy of the built site, so it can take the server down (really
offline: no request can succeed) or deploy a new version into it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, BrowserContext, Page
from site_server import SiteServer
from test_checker_page import cpython_json

READY = "[data-checker-state=ready]"
DRAFT = "Great read! https://example.com/post"
BUILD = re.compile(r'^const BUILD = "(\w+)";$', re.M)


@pytest.fixture
def site_copy(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)  # copies, not links: a test edits files in place
    return copy


@pytest.fixture
def sw_context(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[BrowserContext]:
    context = new_context(browser, requests_seen, dialogs_seen, service_workers="allow")
    yield context
    context.close()


def serve(folder: Path) -> SiteServer:
    mkdocs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return SiteServer({"/handbook/": folder}, site_url=mkdocs["site_url"])


def first_visit(page: Page, url: str) -> None:
    """Open the checker and wait until its service worker controls the page: its install
    (which caches what the checker needs) is then complete."""
    page.goto(url)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=BOOT_TIMEOUT_MS)


# The memory snapshot as the service worker's cache holds it: its marker header and the
# first bytes of its body.
SNAPSHOT_AS_CACHED = """async () => {
  const boot = JSON.parse(document.querySelector("[data-checker-boot]").textContent);
  const url = new URL(boot.snapshotURL, new URL("../", location.href)).href;
  const names = await caches.keys();
  const cache = await caches.open(names.find((name) => name.startsWith("etiquette-")));
  const hit = await cache.match(url);
  if (!hit) return { inflated: null, head: [] };
  const head = Array.from(new Uint8Array(await hit.arrayBuffer()).subarray(0, 4));
  return { inflated: hit.headers.get("X-Etiquette-Inflated"), head };
}"""


def cache_names(page: Page) -> list[str]:
    names: list[str] = page.evaluate("() => caches.keys()")
    return sorted(names)


def test_after_one_visit_the_checker_works_offline(
    site_copy: Path, sw_context: BrowserContext
) -> None:
    page = sw_context.new_page()
    server = serve(site_copy)
    with server:
        url = f"{server.origin}/handbook/checker/"
        first_visit(page, url)
        scope = page.evaluate("() => navigator.serviceWorker.controller.scriptURL")
        assert scope == f"{server.origin}/handbook/sw.js"
        # The service worker keeps the snapshot inflated: a warm visit skips the inflate.
        stored = page.evaluate(SNAPSHOT_AS_CACHED)
        assert stored["inflated"] == "1"
        assert bytes(stored["head"]) == b"ETQ2"  # scripts/make_snapshot.mjs's header, not gzip's
        home = f"{server.origin}/handbook/"
        page.goto(home)  # a page of the handbook, read once
    # The server is gone: every request now fails unless the service worker answers it.
    page.goto(url)
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("() => window.__etiquetteRuntime.info.timings.snapshot") is True
    page.fill("[data-checker-input]", DRAFT)
    page.wait_for_selector("[data-checker-state=ready][data-checker-pending=false]")
    expected = cpython_json(DRAFT, "x", "post")
    got = page.evaluate(
        "text => window.__etiquette.check(text, {platform: 'x', kind: 'post', handles: []})", DRAFT
    )
    assert got == expected and expected["findings"]
    shown = page.eval_on_selector_all(
        "[data-checker-findings] [data-rule]", "els => els.map(e => e.dataset.rule)"
    )
    assert set(shown) == {f["rule"] for f in expected["findings"]}
    # and the page of the handbook read before is there too, styled
    page.goto(home)
    assert page.locator("article h1").count() == 1
    assert page.evaluate("() => document.styleSheets.length") >= 2


def test_a_new_deploy_replaces_the_cache_and_serves_no_stale_file(
    site_copy: Path, sw_context: BrowserContext
) -> None:
    page = sw_context.new_page()
    with serve(site_copy) as server:
        url = f"{server.origin}/handbook/checker/"
        first_visit(page, url)
        sw = site_copy / "sw.js"
        old = BUILD.search(sw.read_text(encoding="utf-8"))
        assert old, "sw.js names its build"
        assert cache_names(page) == [f"etiquette-{old.group(1)}"]
        index = page.evaluate(
            "() => JSON.parse(document.querySelector('[data-checker-boot]').textContent).indexURL"
        )
        runtime_file = f"{server.origin}/handbook/{index}pyodide.mjs"
        assert "deploy 2" not in page.evaluate("u => fetch(u).then(r => r.text())", runtime_file)

        # A new deploy: a runtime file changed in place, and the sw.js the hook writes for it.
        folder = site_copy / index
        (folder / "pyodide.mjs").write_text(
            (folder / "pyodide.mjs").read_text(encoding="utf-8") + "\n// deploy 2\n",
            encoding="utf-8",
        )
        sw.write_text(BUILD.sub('const BUILD = "deploy2";', sw.read_text(encoding="utf-8")))

        page.reload()
        page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
        # The page asks for an update once ready: the new worker installs, activates and
        # deletes the old cache.
        keys = page.evaluate(
            """async (ms) => {
                 const until = performance.now() + ms;
                 for (;;) {
                   const keys = await caches.keys();
                   const done = keys.length === 1 && keys[0] === "etiquette-deploy2";
                   if (done || performance.now() > until) return keys;
                   await new Promise((wake) => setTimeout(wake, 100));
                 }
               }""",
            BOOT_TIMEOUT_MS,
        )
        assert keys == ["etiquette-deploy2"]
        served = page.evaluate("u => fetch(u).then(r => r.text())", runtime_file)
        assert served.rstrip().endswith("// deploy 2")
        cached = page.evaluate(
            "u => caches.open('etiquette-deploy2').then(c => c.match(u)).then(r => r.text())",
            runtime_file,
        )
        assert cached.rstrip().endswith("// deploy 2")
