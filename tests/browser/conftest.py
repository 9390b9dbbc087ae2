"""Fixtures for the browser tests: the built site under ``/handbook/``, and one Chromium.

Debian's Chromium (``/usr/bin/chromium``) is driven by Playwright's sync API; no
browser is downloaded. A missing Chromium or an unbuilt site FAILS the tests with
the command that fixes it: a browser test that skips proves nothing.
Every request any page makes is recorded, so a test can prove none left the origin.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
ARTIFACTS = ROOT / "tests" / "artifacts"
BOOT_TIMEOUT_MS = 60_000  # a cold Pyodide boot takes a few seconds; CI machines are slow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site() -> Path:
    needed = [
        SITE / "index.html",
        SITE / "checker" / "index.html",
        SITE / "assets" / "checker" / "config.json",
    ]
    missing = [str(p.relative_to(ROOT)) for p in needed if not p.is_file()]
    if missing:
        pytest.fail(f"the site is not built ({', '.join(missing)} missing): run `make build`")
    return SITE


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[SiteServer]:
    mkdocs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    with SiteServer({"/handbook/": site}, site_url=mkdocs["site_url"]) as srv:
        yield srv


@pytest.fixture(scope="session")
def base_url(server: SiteServer) -> str:
    return f"{server.origin}/handbook/"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def requests_seen() -> list[str]:
    """Every URL requested by every page of every context, for the same-origin test."""
    return []


@pytest.fixture(scope="session")
def dialogs_seen() -> list[str]:
    return []


def new_context(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str], **options: object
) -> BrowserContext:
    # The site's service worker (sw.js) would answer requests from its cache, out of reach of
    # page.route(): tests that break a request on purpose need it off. Tests of the service
    # worker itself pass service_workers="allow".
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)  # type: ignore[arg-type]
    context.set_default_timeout(BOOT_TIMEOUT_MS)

    def on_request(request: Request) -> None:
        requests_seen.append(request.url)

    def on_page(page: Page) -> None:
        page.on("dialog", lambda d: (dialogs_seen.append(d.message), d.dismiss()))

    context.on("request", on_request)
    context.on("page", on_page)
    return context


@pytest.fixture(scope="session")
def context(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[BrowserContext]:
    context = new_context(
        browser, requests_seen, dialogs_seen, viewport={"width": 1280, "height": 900}
    )
    yield context
    context.close()


@pytest.fixture(scope="session")
def page(context: BrowserContext) -> Page:
    """One page reused by most tests (Python boots once per tab)."""
    return context.new_page()


@pytest.fixture
def fresh_page(
    browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    """A page in a context of its own: a first visit, for a test of what a boot does."""
    context = new_context(browser, requests_seen, dialogs_seen)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
