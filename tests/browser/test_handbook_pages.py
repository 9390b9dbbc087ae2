"""The handbook's own pages in headless Chromium: phones and desktops, light and dark.

These tests check what a reader notices, not pixels: no page scrolls sideways on a
phone, body text is big enough, example posts stay readable in both schemes, search,
the palette toggle and instant navigation work, axe-core finds nothing serious, and the
printed checklist drops the site's chrome. They also leave full-page screenshots (and
the checklist as a PDF) in ``tests/artifacts/`` for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe import serious_violations
from conftest import ROOT, new_context
from playwright.sync_api import Browser, Page, expect

TIMEOUT_MS = 15_000  # these pages load no Python: anything slower is a failure
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}
SCHEMES = {"light": "default", "dark": "slate"}  # system preference -> Material's scheme


def _pillar_pages(pillar: str) -> list[str]:
    """The URLs of one pillar's pages, in the order mkdocs.yml lists them."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    section = next(entry[pillar] for entry in nav if isinstance(entry, dict) and pillar in entry)
    # "sharing/index.md" is served at "sharing/", "sharing/stay-relevant.md" at ".../stay-relevant/".
    return [src.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" for src in section]


SCREENSHOT_PAGES = ["", "sharing/add-your-insight/", "rules/bare-link/", "platforms/"]
PHONE_PAGES = [
    "",
    *_pillar_pages("Sharing"),
    "platforms/",
    "platforms/mastodon/",
    "rules/",
    "rules/bare-link/",
    "credits/",
    "teams/",
    "before-you-post/",
]
GUIDE = "sharing/add-your-insight/"  # a guideline page with hand-written and generated examples


@pytest.fixture(scope="module")
def phone(browser: Browser, requests_seen: list[str], dialogs_seen: list[str]) -> Iterator[Page]:
    context = new_context(browser, requests_seen, dialogs_seen, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser: Browser, requests_seen: list[str], dialogs_seen: list[str]) -> Iterator[Page]:
    """A desktop tab of its own: the palette it stores must not leak into other tests."""
    context = new_context(browser, requests_seen, dialogs_seen, **DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def open_page(page: Page, url: str, scheme: str = "light") -> None:
    """Open ``url`` with the system preferring ``scheme``; the site's palette follows it."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(url)
    wait_for_scheme(page, SCHEMES[scheme])


def wait_for_scheme(page: Page, scheme: str) -> None:
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme
    )


def expect_title(page: Page, title: str) -> None:
    """Wait until the page shows ``title`` (and the permalink sign Material appends)."""
    expect(page.locator(".md-content h1")).to_have_text(re.compile(rf"^{re.escape(title)}¶?$"))


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


# ------------------------------------------------------------------ screenshots


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_screenshots(
    request: pytest.FixtureRequest, base_url: str, artifacts: Path, device: str, scheme: str
) -> None:
    page: Page = request.getfixturevalue(device)
    for path in SCREENSHOT_PAGES:
        open_page(page, base_url + path, scheme)
        shot = artifacts / f"handbook-{slug(path)}-{device}-{scheme}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000, f"{shot.name} looks blank"


# ------------------------------------------------------------------ phones

OVERFLOWING = """() => {
    // For the failure message: boxes past the right edge, or text spilling out of its
    // box, that no scrolling wrapper (a wide table's, a code block's) contains.
    const limit = document.documentElement.clientWidth;
    const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const contained = el => {
        for (let p = el.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
        return false;
    };
    return [...document.querySelectorAll('.md-content *')]
        .filter(el => el.getBoundingClientRect().right > limit + 1
            || (!scrolls(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0))
        .filter(el => !contained(el))
        .slice(0, 5)
        .map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 40)}`);
}"""


@pytest.mark.parametrize("path", PHONE_PAGES, ids=[slug(p) for p in PHONE_PAGES])
def test_phone_page_fits_the_screen(phone: Page, base_url: str, path: str) -> None:
    open_page(phone, base_url + path)
    width, inner, scroll = phone.evaluate(
        "[document.documentElement.clientWidth, window.innerWidth,"
        " document.documentElement.scrollWidth]"
    )
    assert (width, inner) == (390, 390)  # the page did not zoom out to fit something wide
    assert scroll <= inner, f"{path} scrolls sideways: {phone.evaluate(OVERFLOWING)}"
    sizes = phone.eval_on_selector_all(
        "article.md-content__inner > p",
        "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))",
    )
    assert sizes, f"{path} has no body paragraph"
    assert min(sizes) >= 16


def test_wide_tables_scroll_inside_their_wrapper(phone: Page, base_url: str) -> None:
    open_page(phone, base_url + "platforms/")
    wrappers = phone.eval_on_selector_all(
        ".md-typeset__scrollwrap",
        """ws => ws.map(w => ({
            overflow: getComputedStyle(w).overflowX,
            scrolls: w.scrollWidth > w.clientWidth,
            right: w.getBoundingClientRect().right,
            columns: w.querySelectorAll('th').length,
        }))""",
    )
    wide = [w for w in wrappers if w["columns"] >= 4]
    assert wide, "the platforms page has no wide table"
    for w in wide:
        assert w["scrolls"] and w["overflow"] in ("auto", "scroll"), w
        assert w["right"] <= 390, w


# ------------------------------------------------------------------ example posts

CONTRAST = """selector => {
    // Composite every background from the root down onto a 1x1 canvas, then the
    // text colour on top: handles alpha and any colour syntax Chromium knows.
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const paint = color => {
        ctx.fillStyle = '#010203';
        ctx.fillStyle = color;
        if (ctx.fillStyle === '#010203' && color !== 'rgb(1, 2, 3)') throw new Error(color);
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const lum = rgb => rgb.map(c => c / 255)
        .map(c => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    return [...document.querySelectorAll(selector)].map(el => {
        const chain = [];
        for (let e = el; e; e = e.parentElement) chain.unshift(e);
        let bg = paint('#fff');
        for (const e of chain) bg = paint(getComputedStyle(e).backgroundColor);
        const fg = paint(getComputedStyle(el).color);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        return [el.textContent.trim().slice(0, 40), (hi + 0.05) / (lo + 0.05)];
    });
}"""
EXAMPLE_TEXT = ", ".join(
    f".admonition:is(.success, .failure) {part}"
    for part in (".post-example", "blockquote p", ".example-note", ".try-link", "p > em")
)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", [GUIDE, "rules/bare-link/"])
def test_example_posts_are_readable(desktop: Page, base_url: str, path: str, scheme: str) -> None:
    open_page(desktop, base_url + path, scheme)
    ratios = desktop.evaluate(CONTRAST, EXAMPLE_TEXT)
    posts = desktop.locator(".admonition .post-example")
    assert posts.count() >= 2 and len(ratios) > posts.count()
    low = [(text, round(ratio, 2)) for text, ratio in ratios if ratio < 4.5]
    assert not low, f"text under 4.5:1 in {scheme}: {low}"
    # A post is a card at body-text size that wraps long links instead of overflowing.
    style = posts.first.evaluate(
        "el => [getComputedStyle(el).overflowWrap, parseFloat(getComputedStyle(el).fontSize),"
        " el.scrollWidth <= el.clientWidth]"
    )
    assert style == ["anywhere", 16, True]


# ------------------------------------------------------------------ site features


def test_search_finds_a_rule(desktop: Page, base_url: str) -> None:
    open_page(desktop, base_url + GUIDE)
    desktop.click(".md-search__input")
    desktop.keyboard.type("bare-link")
    top = desktop.locator(".md-search-result__item a").first  # the best match
    top.wait_for()
    assert "/rules/bare-link/" in (top.get_attribute("href") or "")
    assert "bare-link" in top.inner_text()
    top.click()
    expect_title(desktop, "bare-link")


def test_palette_toggle_switches_to_dark_and_back(desktop: Page, base_url: str) -> None:
    open_page(desktop, base_url)  # the system prefers light; the site follows it
    toggle = desktop.locator("form[data-md-component=palette] label:not([hidden])")
    background = "getComputedStyle(document.body).backgroundColor"
    light_bg = desktop.evaluate(background)
    try:
        toggle.click()  # automatic -> light
        wait_for_scheme(desktop, "default")
        toggle.click()  # light -> dark
        wait_for_scheme(desktop, "slate")
        assert desktop.evaluate(background) != light_bg
        desktop.reload()  # the choice is remembered
        wait_for_scheme(desktop, "slate")
        toggle.click()  # dark -> automatic, which follows the light system again
        wait_for_scheme(desktop, "default")
        assert desktop.evaluate(background) == light_bg
    finally:
        desktop.evaluate("localStorage.clear()")


def test_instant_navigation_keeps_working(desktop: Page, base_url: str) -> None:
    open_page(desktop, base_url)
    desktop.evaluate("window.__sameDocument = true")  # gone after a full page load
    # Material makes the links absolute when it takes them over.
    desktop.locator(".md-content a[href$='/sharing/']").first.click()
    expect_title(desktop, "Sharing")
    desktop.locator(f".md-content a[href$='/{GUIDE}']").first.click()
    expect_title(desktop, "Add your insight")
    assert desktop.url == base_url + GUIDE
    assert desktop.locator(".post-example").count() >= 2
    assert desktop.evaluate("window.__sameDocument") is True
    desktop.go_back()
    expect_title(desktop, "Sharing")
    assert desktop.evaluate("window.__sameDocument") is True


def test_header_has_its_colour_before_any_script_runs(
    browser: Browser,
    requests_seen: list[str],
    dialogs_seen: list[str],
    desktop: Page,
    base_url: str,
) -> None:
    """A first visit (or no JavaScript) shows the site's teal, not Material's default."""
    colour = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    open_page(desktop, base_url)
    context = new_context(browser, requests_seen, dialogs_seen, java_script_enabled=False)
    try:
        static = context.new_page()
        static.goto(base_url)
        assert static.evaluate(colour) == desktop.evaluate(colour)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["", GUIDE])
def test_axe_finds_nothing_serious(desktop: Page, base_url: str, path: str, scheme: str) -> None:
    open_page(desktop, base_url + path, scheme)
    assert serious_violations(desktop) == []


# ------------------------------------------------------------------ print


def test_printed_checklist_has_no_site_chrome(
    desktop: Page, base_url: str, artifacts: Path
) -> None:
    open_page(desktop, base_url + "before-you-post/")
    hidden = ".md-header, .md-tabs, .md-sidebar, .md-footer, .screen-only"
    display = "els => els.map(e => getComputedStyle(e).display)"
    assert "none" not in desktop.eval_on_selector_all(".md-header, .screen-only", display)
    desktop.emulate_media(media="print")
    try:
        assert set(desktop.eval_on_selector_all(hidden, display)) == {"none"}
        boxes = desktop.locator(".task-list-item").count()
        assert boxes >= 15 and desktop.locator(".task-list-item").first.is_visible()
        desktop.screenshot(
            path=str(artifacts / "handbook-before-you-post-print.png"), full_page=True
        )
        pdf = desktop.pdf(path=str(artifacts / "handbook-before-you-post.pdf"), format="A4")
    finally:
        desktop.emulate_media(media="screen")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 1 <= pages <= 3, f"the checklist prints on {pages} A4 pages"
