"""Tests of the ``hard-sell`` rule beyond its own examples (checker/rules/*/hard_sell.py):
where its findings point, what they say, settings and edge cases."""

from __future__ import annotations

import pytest
from rule_findings import findings, spans

from checker.config import Config, RuleSettings
from checker.model import Severity


def test_hard_sell_points_at_each_selling_phrase() -> None:
    text = "Buy now! 25% off with code SPRING25. Use code SPRING25 at checkout."
    assert spans(text, "hard-sell") == ["Buy now", "25% off", "Use code SPRING25"]


def test_hard_sell_urgency_needs_an_offer_or_a_price() -> None:
    assert not findings("Hurry, the talks start in ten minutes!", "hard-sell")
    assert spans("Hurry, tickets are £5 at the door.", "hard-sell") == ["Hurry"]


def test_hard_sell_takes_the_teams_own_terms() -> None:
    text = "Our mega deal is back for spring."
    assert not findings(text, "hard-sell")
    config = Config(rules={"hard-sell": RuleSettings(extra_terms=("mega deal",))})
    (f,) = findings(text, "hard-sell", config=config)
    assert text[f.start : f.end] == "mega deal"
    assert f.severity is Severity.SUGGESTION


def test_hard_sell_severity_can_be_raised_by_a_team() -> None:
    config = Config(rules={"hard-sell": RuleSettings(severity=Severity.WARNING)})
    (f,) = findings("50% off today", "hard-sell", config=config)
    assert f.severity is Severity.WARNING


def test_hard_sell_ignores_words_inside_links() -> None:
    assert not findings("Our guide: https://example.com/buy-now-50-off", "hard-sell")


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade to Pro today and lock in 40% off for life. This deal won't come back.",
        "My ebook is down from $39 to $9 for the next 48 hours.",
        "Full valeting for £35 instead of £50 this week only, places are limited.",
        "Sign with us before the end of the month and we'll waive the placement fee.",
        "Only 3 spots left in my coaching programme. Once they're gone, they're gone.",
    ],
)
def test_offers_in_other_words(text: str) -> None:
    assert findings(text, "hard-sell", platform="linkedin")


@pytest.mark.parametrize(
    "text",
    [
        "Energy prices fall 7% from April, the regulator says: https://example.gov.uk/cap",
        "From March our loaf goes from £4 to £4.50; flour went up again.",
        "The CV clinic is free and there are six places left. Sign up at the desk.",
        "We're hiring a bookkeeper, £14.50 an hour, flexible days.",
        "Register now for Thursday's free talk on composting.",
    ],
)
def test_prices_and_deadlines_that_are_not_pitches_pass(text: str) -> None:
    assert not findings(text, "hard-sell", platform="linkedin")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Scarves 2 for 15 euro, come fast, stock is limited", "2 for 15 euro"),
        ("Get in before the presale closes tonight!", "presale closes"),
        ("Any three books for the price of two this week only.", "for the price of two"),
    ],
)
def test_hard_sell_knows_offers_without_sale_words(text: str, span: str) -> None:
    assert span in spans(text, "hard-sell")


def test_pressure_without_a_price_or_an_offer_passes() -> None:
    assert not findings("Don't miss it, the parade starts at noon. Be quick!", "hard-sell")


@pytest.mark.parametrize(
    "text",
    [
        "The enamel mugs are back in stock, thanks for waiting!",
        "New arrivals this week: wool socks from a mill in Hawick.",
        "We close in March after 30 years. Everything must go, and we'll miss you.",
        "Restock alert: the gluten-free loaves are on the shelf again.",
    ],
)
def test_stock_news_without_an_offer_passes(text: str) -> None:
    assert not findings(text, "hard-sell")


def test_stock_words_flag_inside_an_offer() -> None:
    text = "Back in stock and 20% off until Sunday."
    assert spans(text, "hard-sell") == ["Back in stock", "20% off", "until Sunday"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Book a free valuation this month, call us on 0113 496 0000.", "free valuation"),
        ("Join today: your first 30 days cost nothing.", "first 30 days cost nothing"),
        ("Special winter offer on boiler servicing, valid till 31st January.", "valid till"),
        ("Our course at just ₹3,999, valid until Sunday. Call us today!", "Call us today"),
    ],
)
def test_offers_without_a_stock_phrase_flag(text: str, span: str) -> None:
    assert span in spans(text, "hard-sell")


def test_a_phone_number_to_book_is_a_call_to_act_beside_a_price() -> None:
    text = "Gutter clearing £45 a house, call us on 0161 496 0732."
    assert spans(text, "hard-sell") == ["call us on 0161"]
