"""The "Your feed" page driven as a reader does, for the audit page's browser suites."""

from __future__ import annotations

from pathlib import Path

from conftest import BOOT_TIMEOUT_MS
from playwright.sync_api import Page

FILE = "[data-audit-file]"  # the page's file input


def open_feed(page: Page, base_url: str) -> None:
    """Open the page and wait until Python is up and it takes a file."""
    page.goto(f"{base_url}your-feed/")
    page.wait_for_selector("[data-audit-state=idle][data-audit-ready]")


def run_audit(page: Page, path: Path) -> str:
    """Choose ``path`` and wait for the audit's end: the state it ends in (done or error)."""
    page.set_input_files(FILE, str(path))
    page.wait_for_selector(
        "[data-audit-state=done], [data-audit-state=error]", timeout=BOOT_TIMEOUT_MS
    )
    return str(page.get_attribute("[data-audit-state]", "data-audit-state"))
