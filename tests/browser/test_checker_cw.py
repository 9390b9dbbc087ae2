"""The content warning on the checker page (issue 8): Mastodon counts it toward the limit,
so the page offers a field for it there (and only there), counts it exactly as
`etiquette check --cw` does, and keeps it as it keeps the draft."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, Page
from test_checker_page import INPUT, READY, settle

from checker.graphemes import count_graphemes

CW_INPUT = "[data-checker-cw]"
METER = "[data-checker-count]"
# A family (five code points, eight UTF-16 units, one grapheme) and an e with a combining
# accent (two code points, one grapheme): graphemes, code points and UTF-16 units all differ.
CW = "Spoilers 👩\u200d👩\u200d👧\u200d👦 for the café\u0301 finale"
DRAFT = "Plot twist: the lighthouse keeper did it. Thanks @ana@example.social for the tip 🎉"


@pytest.fixture(scope="module")
def page(browser: Browser, requests_seen: list[str], dialogs_seen: list[str]) -> Iterator[Page]:
    """A tab of its own: what these tests leave in localStorage stays away from the others."""
    context = new_context(
        browser, requests_seen, dialogs_seen, viewport={"width": 1280, "height": 900}
    )
    yield context.new_page()
    context.close()


def open_fresh(page: Page, base_url: str) -> None:
    """The checker with nothing saved. Storage is emptied from another page of the site: the
    checker page saves the draft again as it goes (pagehide)."""
    page.goto(base_url)
    page.evaluate("localStorage.clear()")
    page.goto(f"{base_url}checker/")
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    assert (page.input_value(INPUT), page.input_value(CW_INPUT)) == ("", "")


def meter_count(page: Page) -> int:
    text = page.text_content(f"{METER} .etq-meter__count") or ""
    return int(text.split("/")[0].replace(",", ""))


def glance_count(page: Page, platform: str) -> int:
    return int(page.get_attribute(f"[data-glance-platform={platform}]", "data-count") or "-1")


def cli_count(draft: str, platform: str, cw: str | None) -> int:
    args = [sys.executable, "-m", "checker", "check", "-", "--config", str(ROOT / "mkdocs.yml")]
    args += ["--format", "json", "--platform", platform]
    if cw is not None:
        args += ["--cw", cw]
    cli = subprocess.run(args, input=draft, capture_output=True, text=True, cwd=ROOT)
    assert cli.returncode in (0, 1), cli.stderr
    count: int = json.loads(cli.stdout)["length"]["count"]
    return count


def test_the_warning_counts_by_graphemes_exactly_as_the_cli_counts(
    page: Page, base_url: str
) -> None:
    cw_graphemes = count_graphemes(CW)
    assert cw_graphemes != len(CW) != len(CW.encode("utf-16-le")) // 2  # the CW tells them apart
    open_fresh(page, base_url)
    page.select_option("[data-checker-platform]", "mastodon")
    assert page.is_visible(CW_INPUT)
    label = page.text_content("label[for=etq-cw]") or ""
    assert label.split() == ["Content", "warning", "(optional)"]
    assert page.text_content("[data-checker-cw-note]") == (
        "Mastodon counts it with the post, toward the limit of 500."
    )
    page.fill(INPUT, DRAFT)
    settle(page)
    before = meter_count(page)
    assert before == cli_count(DRAFT, "mastodon", None)
    assert page.locator(f"{METER} .etq-meter__cw").count() == 0

    page.fill(CW_INPUT, CW)
    settle(page)
    after = meter_count(page)
    assert after - before == cw_graphemes
    assert after == cli_count(DRAFT, "mastodon", CW)
    assert glance_count(page, "mastodon") == after  # the glance table counts as the report
    assert page.text_content(f"{METER} .etq-meter__cw") == (
        f"Content warning included ({cw_graphemes})."
    )


def test_the_field_is_hidden_on_x_and_its_text_is_kept_but_not_counted(
    page: Page, base_url: str
) -> None:
    open_fresh(page, base_url)
    page.select_option("[data-checker-platform]", "mastodon")
    page.fill(INPUT, DRAFT)
    page.fill(CW_INPUT, CW)
    settle(page)
    page.select_option("[data-checker-platform]", "x")
    settle(page)
    assert page.is_hidden(CW_INPUT)
    assert meter_count(page) == cli_count(DRAFT, "x", None) == cli_count(DRAFT, "x", CW)
    # a hidden field is not sent: no network's row counts it, Mastodon's included
    assert glance_count(page, "mastodon") == cli_count(DRAFT, "mastodon", None)
    assert page.locator(f"{METER} .etq-meter__cw").count() == 0
    assert page.input_value(CW_INPUT) == CW  # kept for when Mastodon is picked again
    page.select_option("[data-checker-platform]", "mastodon")
    settle(page)
    assert page.is_visible(CW_INPUT)
    assert meter_count(page) == cli_count(DRAFT, "mastodon", CW)


def test_the_warning_survives_a_reload_and_clear_takes_it_with_the_draft(
    page: Page, base_url: str
) -> None:
    open_fresh(page, base_url)
    page.select_option("[data-checker-platform]", "mastodon")
    page.fill(INPUT, DRAFT)
    page.fill(CW_INPUT, CW)
    settle(page)
    page.wait_for_function(
        "cw => localStorage.getItem('etiquette-checker:v1:cw') === JSON.stringify(cw)", arg=CW
    )
    page.reload()
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    settle(page)
    assert (page.input_value(INPUT), page.input_value(CW_INPUT)) == (DRAFT, CW)
    assert meter_count(page) == cli_count(DRAFT, "mastodon", CW)

    page.click("[data-checker-clear]")
    settle(page)
    assert (page.input_value(INPUT), page.input_value(CW_INPUT)) == ("", "")
    page.wait_for_function("localStorage.getItem('etiquette-checker:v1:cw') === '\"\"'")
    page.click("[data-checker-undo]")
    settle(page)
    assert (page.input_value(INPUT), page.input_value(CW_INPUT)) == (DRAFT, CW)


def test_the_draft_link_carries_the_warning(page: Page, base_url: str) -> None:
    open_fresh(page, base_url)
    page.select_option("[data-checker-platform]", "mastodon")
    page.fill(INPUT, DRAFT)
    page.fill(CW_INPUT, CW)
    settle(page)
    page.click("[data-checker-link]")
    link = page.get_attribute("[data-checker-state]", "data-checker-link") or ""
    assert parse_qs(urlsplit(link).fragment)["cw"] == [CW]
    page.goto(base_url)
    page.evaluate("localStorage.clear()")
    page.goto(f"{base_url}checker/#{urlsplit(link).fragment}")
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT_MS)
    settle(page)
    assert (page.input_value(INPUT), page.input_value(CW_INPUT)) == (DRAFT, CW)
    assert meter_count(page) == cli_count(DRAFT, "mastodon", CW)


def test_a_warning_that_pushes_the_draft_over_the_limit_turns_the_meter_over(
    page: Page, base_url: str
) -> None:
    open_fresh(page, base_url)
    page.select_option("[data-checker-platform]", "mastodon")
    draft = "A quiet evening walk along the harbour. " * 12  # 480 graphemes
    page.fill(INPUT, draft)
    settle(page)
    assert page.get_attribute(METER, "data-over") == "false"
    page.fill(CW_INPUT, CW)
    settle(page)
    count = cli_count(draft, "mastodon", CW)
    assert count > 500
    assert meter_count(page) == count
    assert page.get_attribute(METER, "data-over") == "true"
    assert f"{count - 500} over the limit" in (page.text_content(METER) or "")
    assert page.get_attribute("[data-glance-platform=mastodon]", "data-fits") == "false"
    page.fill(CW_INPUT, "")
    settle(page)
    assert page.get_attribute(METER, "data-over") == "false"
    assert page.get_attribute("[data-glance-platform=mastodon]", "data-fits") == "true"
