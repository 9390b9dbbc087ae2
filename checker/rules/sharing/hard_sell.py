"""The ``hard-sell`` rule: selling language and offers pressed on readers.
Seed articles: 002, 000.

Its declaration (``RULE``), matcher and examples; its page is rules/hard-sell/ and
its tests are in tests/rules/test_hard_sell.py and tests/test_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.draft import Draft
from checker.model import Pillar, Severity
from checker.rules.base import (
    Custom,
    Example,
    Hit,
    Phrases,
    Rule,
    regex_hits,
)
from checker.rules.text import (
    clause_start,
)

# Offers that are selling wherever they stand. A ``Phrases`` list (used for its
# whole-word regex, which also takes a team's own terms), read by ``_hard_sell``.
_SELL_WORDS = Phrases(
    (
        *("promo code", "discount code", "coupon code", "voucher code", "limited-time offer"),
        *("limited time offer", "limited-time deal", "limited time deal", "flash sale"),
        *("for a limited time only", "while stocks last", "while supplies last"),
        *("free shipping", "buy one get one", "BOGO", "add to cart", "sale ends"),
        *("lowest prices", "lowest price ever", "back in stock"),
    ),
    "",
)
_SELL_IMPERATIVE = re.compile(
    r"(?<![^\W_])(?:buy\s+(?:it\s+)?now|shop\s+now|order\s+(?:now|today|yours)|buy\s+today|"
    r"(?:get|grab)\s+yours|pre-?order\s+(?:now|today)|call\s+now)(?![^\W_])",
    re.IGNORECASE,
)
_SELL_PATTERN = re.compile(
    r"\b\d{1,3}\s?%\s?(?i:off)\b"
    r"|\b(?i:use\s+(?:the\s+)?(?:promo\s+|discount\s+|coupon\s+)?code)\s*:?\s*[A-Z0-9]{3,}\b"
    r"|\b(?i:dm\s+(?:me\s+|us\s+)?(?:to|for)\s+(?:buy|order|purchase|prices?|pricing))\b"
    r"|\b(?i:link\s+in\s+bio\s+to\s+(?:buy|shop|order))\b"
)
# Urgency is a sales tool but also ordinary event talk ("don't miss out on the
# meetup"), so it counts only beside a real offer or a price.
_URGENCY = re.compile(
    r"(?<![^\W_])(?:don['’]?t\s+miss\s+out|last\s+chance|today\s+only|act\s+now|hurry|"
    r"limited\s+(?:time|stock|spots|places|seats)|only\s+\d{1,3}\s+left|"
    r"ends\s+(?:tonight|today|soon|at\s+midnight))(?![^\W_])",
    re.IGNORECASE,
)
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:USD|EUR|GBP|€|£)\b")


def _hard_sell(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    prose = draft.prose
    strong: list[re.Match[str]] = [*_SELL_WORDS.regex(terms).finditer(prose)]
    strong += _SELL_PATTERN.finditer(prose)
    strong += (m for m in _SELL_IMPERATIVE.finditer(prose) if clause_start(prose, m.start()))
    for m in strong:
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” is selling language: lead with something useful to your readers "
            "and keep the offer to one plain line.",
        )
    if strong or _PRICE.search(prose):
        yield from regex_hits(
            _URGENCY,
            prose,
            "“{match}” adds sales pressure: drop the urgency and let the offer speak for itself.",
        )


RULE = Rule(
    name="hard-sell",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags selling language: “buy now”, “% off”, “use code”, “limited-time offer”, “DM "
        "to order”, and urgency (“don't miss out”) beside an offer or a price."
    ),
    why=(
        "People follow you to learn something or talk, not to be sold to. Social media "
        "turned advertising into a conversation, and a pitch is a conversation stopper. "
        "Share what helps first; when you do have an offer, one plain line is enough and "
        "earns more trust than a countdown."
    ),
    fix=(
        "Lead with what is useful or interesting to your readers, and mention the offer "
        "once, plainly, without pressure."
    ),
    guide="sharing/sharing-not-selling.md",
    seeds=("002", "000"),
    matcher=Custom(_hard_sell),
    takes_terms=True,
    flags=(
        Example(
            "Spring sale! ⟦30% off⟧ everything in store this weekend 🌸",
            platform="facebook",
            note="A discount as the whole message.",
        ),
        Example(
            "⟦Use code SPRING20⟧ at checkout for ⟦free shipping⟧ on all orders.",
            platform="instagram",
        ),
        Example(
            "⟦Limited-time offer⟧: the complete course bundle for $49. ⟦Don't miss out⟧!",
            platform="linkedin",
            note="An offer plus urgency.",
        ),
        Example(
            "⟦DM to order⟧ 📩 ⟦Only 5 left⟧ in this colour.",
            platform="instagram",
        ),
        Example(
            "Hi Sam, I help agencies cut hosting costs. Book a call this week and get ⟦20% "
            "off⟧ your first month.",
            platform="linkedin",
            kind="invitation",
            note="A sales pitch in a connection request.",
        ),
        Example(
            "New prints in the shop 🖼️ ⟦Shop now⟧ before the weekend!",
            platform="instagram",
            note="A call to buy, opening its sentence.",
        ),
    ),
    passes=(
        Example(
            "Don't miss out on tomorrow's community meetup: talks on accessibility and a "
            "bring-your-own-lunch picnic.",
            platform="mastodon",
            note="Urgency about an event, with nothing for sale.",
        ),
        Example(
            "Use code blocks in your README so people can copy commands without errors.",
            note="“Use code” followed by ordinary words, not a discount code.",
        ),
        Example(
            "I can't afford to buy now, so I'm waiting for the second-hand market.",
            platform="threads",
            note="“buy now” inside a sentence, not a call to buy.",
        ),
        Example(
            "Last chance to submit a talk for our free community conference: the call for "
            "papers closes Friday.",
            platform="linkedin",
        ),
        Example(
            "Our shop reopens Monday after the flood. Thank you to everyone who helped us "
            "clean up.",
            platform="facebook",
        ),
        Example(
            "We cut prices on the basic plan last year and wrote up what happened to churn: "
            "https://example.com/pricing-notes",
            platform="linkedin",
            note="Talking about prices is not pressing an offer.",
        ),
    ),
)
