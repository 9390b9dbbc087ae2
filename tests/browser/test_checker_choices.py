"""The reader's own choices on the checker page.

"Ignore" sets aside ONE finding (its rule and the words it flagged) in ONE draft: the
rule's other findings stay, the page says how many are ignored with one click to show
them, and a new draft (cleared, replaced, reloaded with other text) starts with none.
"Turn rule off for all drafts" is the separate, remembered switch.
"""

from __future__ import annotations

from playwright.sync_api import Page
from test_checker_page import (
    INPUT,
    READY,
    cpython_json,
    open_checker,
    put_draft,
    settle,
    shown_rules,
)

from checker.rules import get

# Three hard-sell findings (a code, a discount, urgency) and nothing else.
LAUNCH = (
    "Our launch is live! Use code LAUNCH20 for 20% off. Don't miss out: https://example.com/shop"
)
SELL = "hard-sell"
STORE = "etiquette-checker:v1:"


def _spans(page: Page, rule: str = SELL) -> list[str]:
    """The words of each flagged span shown in the rule's card (ignored ones included)."""
    return page.eval_on_selector_all(
        f"[data-checker-findings] li[data-rule='{rule}'] [data-span] q",
        "els => els.map(e => e.textContent)",
    )


def _ignored_count(page: Page) -> int:
    bar = page.locator("[data-checker-findings] [data-checker-ignored]")
    return int(bar.get_attribute("data-checker-ignored") or 0) if bar.count() else 0


def _ignore(page: Page, words: str) -> None:
    span = page.locator(f"li[data-rule='{SELL}'] [data-span]", has_text=words)
    span.locator("button[data-ignore]").click()
    settle(page)


def _summary(page: Page) -> str:
    return page.text_content("[data-checker-summary]") or ""


def _wait_saved(page: Page) -> None:
    page.wait_for_function(
        "key => localStorage.getItem(key) !== null &&"
        " JSON.parse(localStorage.getItem(key)) === document.querySelector('[data-checker-input]').value",
        arg=f"{STORE}draft",
    )


def _fresh(page: Page, base_url: str) -> None:
    open_checker(page, base_url)
    put_draft(page, "", "x", "post")  # an emptied box ends the last test's draft
    put_draft(page, LAUNCH, "x", "post")
    assert [f["rule"] for f in cpython_json(LAUNCH, "x", "post")["findings"]] == [SELL] * 3
    assert _spans(page) == ["Use code LAUNCH20", "20% off", "Don't miss out"]


def test_ignore_sets_aside_one_finding_and_says_so(page: Page, base_url: str) -> None:
    _fresh(page, base_url)
    marks = page.locator("[data-checker-layer] .etq-mark").count()
    _ignore(page, "20% off")
    assert shown_rules(page) == [SELL], "the rule's other findings stay"
    assert _spans(page) == ["Use code LAUNCH20", "Don't miss out"]
    assert page.locator("[data-checker-layer] .etq-mark").count() == marks - 1
    assert _ignored_count(page) == 1
    assert "1 ignored." in _summary(page)
    assert "1 finding ignored in this draft" in (page.text_content("[data-checker-ignored]") or "")
    # one click shows it again, marked, with its undo
    page.locator("[data-checker-ignored] button").click()
    ignored = page.locator("[data-span][data-ignored=true]")
    assert ignored.count() == 1 and "20% off" in (ignored.text_content() or "")
    ignored.get_by_role("button", name="Stop ignoring").click()
    settle(page)
    assert _spans(page) == ["Use code LAUNCH20", "20% off", "Don't miss out"]
    assert _ignored_count(page) == 0 and "ignored" not in _summary(page)


def test_an_ignore_lasts_while_the_draft_is_edited_and_is_kept_on_reload(
    page: Page, base_url: str
) -> None:
    _fresh(page, base_url)
    _ignore(page, "Don't miss out")
    page.click(INPUT)
    page.keyboard.press("Control+End")
    page.keyboard.type(" See you there.")  # typing elsewhere: the same draft
    settle(page)
    assert _spans(page) == ["Use code LAUNCH20", "20% off"]
    assert _ignored_count(page) == 1
    _wait_saved(page)
    page.reload()
    page.wait_for_selector(READY)
    settle(page)
    assert page.input_value(INPUT).endswith("See you there.")
    assert _spans(page) == ["Use code LAUNCH20", "20% off"], "kept with its own draft"
    assert _ignored_count(page) == 1, "and the page still says so"


def test_a_new_draft_shows_what_was_ignored_in_the_old_one(page: Page, base_url: str) -> None:
    _fresh(page, base_url)
    _ignore(page, "Don't miss out")
    # a different draft pasted over the old one, with the same words in it
    other = "Doors open at nine. Don't miss out: the opening talk sells out fast, 20% off today!"
    page.fill(INPUT, other)
    settle(page)
    assert "Don't miss out" in _spans(page)
    assert _ignored_count(page) == 0
    # cleared, then the very same text again: a new draft too
    put_draft(page, LAUNCH, "x", "post")
    _ignore(page, "Don't miss out")
    page.click("[data-checker-clear]")
    put_draft(page, LAUNCH, "x", "post")
    assert "Don't miss out" in _spans(page), "a new draft starts with nothing ignored"


def test_a_reload_with_another_draft_does_not_inherit_ignores(page: Page, base_url: str) -> None:
    _fresh(page, base_url)
    _ignore(page, "20% off")
    _wait_saved(page)
    # The saved draft is now another text with the same words (as another tab, or an older
    # version of the page, could leave it): the ignores saved with the first draft are not its.
    other = "Members get 20% off all week. Use code LAUNCH20 at the till."
    tab = page.context.new_page()
    tab.add_init_script(f"localStorage.setItem({f'{STORE}draft'!r}, JSON.stringify({other!r}))")
    open_checker(tab, base_url)
    settle(tab)
    assert tab.input_value(INPUT) == other
    assert "20% off" in _spans(tab)
    assert _ignored_count(tab) == 0
    tab.close()


def test_turning_a_rule_off_is_remembered_and_can_be_undone(page: Page, base_url: str) -> None:
    rule = "shouting"
    example = get(rule).flags[0]
    open_checker(page, base_url)
    put_draft(page, example.text, example.platform, example.kind)
    card = page.locator(f"[data-checker-findings] li[data-rule='{rule}']")
    card.get_by_role("button", name="Turn rule off for all drafts").click()
    settle(page)
    assert rule not in shown_rules(page)
    off = page.locator("[data-checker-off]")
    assert rule in (off.text_content() or ""), "the page lists what is turned off"
    toggle = f"[data-rule-toggle='{rule}']"
    assert not page.is_checked(toggle)
    page.reload()
    page.wait_for_selector(READY)
    put_draft(page, example.text, example.platform, example.kind)
    assert rule not in shown_rules(page), "the rule stays off in this browser, for every draft"
    page.locator("[data-checker-off]").get_by_role("button", name="Turn on").click()
    settle(page)
    assert rule in shown_rules(page)
    assert page.is_checked(toggle)
