"""One finding card per rule: a launch post with a code, a discount and "don't miss out"
gets one hard-sell card listing the three places, each shown in the draft on a click."""

from __future__ import annotations

from playwright.sync_api import Page
from test_checker_page import INPUT, cpython_json, open_checker, put_draft

LAUNCH = (
    "Our launch is live! Use code LAUNCH20 for 20% off. Don't miss out: https://example.com/shop"
)


def test_findings_of_one_rule_share_one_card_with_a_span_each(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "", "x", "post")
    put_draft(page, LAUNCH, "x", "post")
    findings = cpython_json(LAUNCH, "x", "post")["findings"]
    assert [f["rule"] for f in findings] == ["hard-sell"] * 3
    cards = page.locator("[data-checker-findings] li[data-rule][data-severity]")
    assert cards.count() == 1
    card = cards.first
    assert card.get_attribute("data-rule") == "hard-sell"
    assert card.get_attribute("data-severity") == findings[0]["severity"]
    spans = card.locator("[data-span]")
    assert spans.count() == 3
    for i, finding in enumerate(findings):
        span = spans.nth(i)
        assert span.locator("button[data-ignore]").count() == 1
        words = LAUNCH[finding["start"] : finding["end"]]
        assert words in (span.text_content() or "")
    # the advice is given once per card, not once per place
    assert (card.text_content() or "").count("Instead:") == 1


def test_clicking_a_span_selects_and_outlines_it_in_the_draft(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "", "x", "post")
    put_draft(page, LAUNCH, "x", "post")
    findings = cpython_json(LAUNCH, "x", "post")["findings"]
    for i in (1, 2, 0):
        finding = findings[i]
        page.locator("li[data-rule='hard-sell'] [data-span]").nth(i).click()
        selected = page.evaluate(
            f"() => {{ const t = document.querySelector('{INPUT}');"
            " return [t.selectionStart, t.selectionEnd, document.activeElement === t]; }"
        )
        assert selected == [finding["start_utf16"], finding["end_utf16"], True]
        current = page.locator("[data-checker-layer] .etq-mark--current")
        assert current.count() == 1
        assert current.text_content() == LAUNCH[finding["start"] : finding["end"]]
    # typing moves on: the outline goes with the edit
    page.keyboard.press("End")
    page.keyboard.type("!")
    assert page.locator("[data-checker-layer] .etq-mark--current").count() == 0
