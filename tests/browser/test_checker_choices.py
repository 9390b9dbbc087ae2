"""The reader's own choices on the checker page: ignore a rule for one draft,
turn a rule off in this browser; both are remembered across a reload."""

from __future__ import annotations

from playwright.sync_api import Page
from test_checker_page import INPUT, open_checker, put_draft, settle, shown_rules

from checker.rules import get

RULE = "shouting"


def _button(page: Page, label: str) -> None:
    finding = page.locator(f"[data-checker-findings] [data-rule='{RULE}']").first
    finding.get_by_role("button", name=label).first.click()
    settle(page)


def test_ignore_for_this_draft_hides_the_rule_until_the_draft_is_cleared(
    page: Page, base_url: str
) -> None:
    example = get(RULE).flags[0]
    open_checker(page, base_url)
    put_draft(page, example.text, example.platform, example.kind)
    assert RULE in shown_rules(page)
    _button(page, "Ignore for this draft")
    assert RULE not in shown_rules(page)
    page.reload()
    page.wait_for_selector("[data-checker-state=ready]")
    settle(page)
    assert page.input_value(INPUT) == example.text
    assert RULE not in shown_rules(page), "the ignore is part of the saved draft"
    page.click("[data-checker-clear]")
    put_draft(page, example.text, example.platform, example.kind)
    assert RULE in shown_rules(page), "a new draft starts with no rule ignored"


def test_turning_a_rule_off_is_remembered_and_can_be_undone(page: Page, base_url: str) -> None:
    example = get(RULE).flags[0]
    open_checker(page, base_url)
    put_draft(page, example.text, example.platform, example.kind)
    _button(page, "Turn rule off")
    assert RULE not in shown_rules(page)
    toggle = f"[data-rule-toggle='{RULE}']"
    assert not page.is_checked(toggle)
    page.reload()
    page.wait_for_selector("[data-checker-state=ready]")
    put_draft(page, example.text, example.platform, example.kind)
    assert RULE not in shown_rules(page), "the rule stays off in this browser"
    page.click("details.etq-rules > summary")
    page.check(toggle)
    settle(page)
    assert RULE in shown_rules(page)
