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
)
from checker.rules.literals import Alternatives
from checker.rules.text import (
    clause_start,
    has_any,
    needles,
)

# Offers that are selling wherever they stand. A ``Phrases`` list (used for its
# whole-word regex, which also takes a team's own terms), read by ``_hard_sell``.
_SELL_WORDS = Phrases(
    (
        *("promo code", "discount code", "coupon code", "voucher code", "limited-time offer"),
        *("limited time offer", "limited-time deal", "limited time deal", "flash sale"),
        *("for a limited time only", "while stocks last", "while supplies last"),
        *("free shipping", "buy one get one", "BOGO", "BOGOF", "add to cart", "sale ends"),
        *("lowest prices", "lowest price ever"),
    ),
    "",
)
# Stock news: "back in stock", "new arrivals in store" tell people what is on the
# shelf, which is news, not pressure. These words flag only inside an offer (a
# discount, or a price with a call to buy or a deadline): "back in stock, 25% off
# this weekend only". A closing-down "everything must go" with no offer is a goodbye.
_STOCK_WORDS = Phrases(
    ("back in stock", "restock alert", "everything must go", "new arrivals"),
    "",
)
_SELL_IMPERATIVE = re.compile(
    r"(?<![^\W_])(?:buy\s+(?:it\s+)?now|shop\s+now(?!\s+open)|order\s+(?:now|today|yours)|"
    r"buy\s+today|(?:get|grab)\s+yours|pre-?order\s+(?:now|today)|call\s+now)(?![^\W_])",
    re.IGNORECASE,
)
# Calls to act that sell only beside an offer: "Register now" for a free talk is fine.
_CALL = re.compile(
    r"(?=[ERSUBCPTWersubcptw])(?<![^\W_])(?:(?:enrol+|enroll|register|sign\s+up|upgrade|book|subscribe|claim)\s+"
    r"(?:now|today|yours|your\s+(?:place|spot|seat))"
    # a phone call to book: "ring the garage today", "call us on 0161…"
    r"|(?:call|ring|phone|text|whatsapp)\s+(?:us|the\s+(?:shop|office|garage|team|salon|studio|"
    r"store|clinic))\s+(?:now|today|on\s+\+?\d+))(?![^\W_])",
    re.IGNORECASE,
)
_SELL_PATTERN = re.compile(
    r"(?=[UDMTWLOudmtwlo])\b(?i:use\s+(?:the\s+)?(?:promo\s+|discount\s+|coupon\s+)?code)\s*:?\s*[A-Z0-9]{3,}\b"
    r"|\b(?i:dm|message|msg|text|whatsapp)\s+(?i:me\s+|us\s+)?(?i:to|for)\s+"
    r"(?i:buy|order|purchase|prices?|pricing|book)\b"
    r"|\b(?i:link\s+in\s+bio\s+to\s+(?:buy|shop|order))\b"
    r"|\b(?i:(?:once|when)\s+they['’]re\s+gone,?\s+they['’]re\s+gone)\b"
)
# An offer is a structure: a discount or a price, and a call to buy or a deadline.
# Each part alone is ordinary talk ("prices rose 4%", "sign up at the desk", "closes
# Friday"); two of them together make a pitch. (Each alternative runs only on posts
# that hold its words: see ``Alternatives``.)
_DISCOUNT = Alternatives(
    r"(?=[0-9HUSDGWPAFELRBTOhusdgwpaferlbto$€£])(?:\b\d{1,3}\s?%\s?off\b|\bhalf[\s-]price\b|\bup\s+to\s+\d{1,3}\s?%"
    r"|\b(?:save|saving)\s+(?:up\s+to\s+)?[$€£]\s?\d[\d.,]*"
    r"|\bdown\s+from\s+[$€£]?\s?\d[\d.,]*\s+to\s+[$€£]?\s?\d[\d.,]*"
    r"|[$€£]\s?\d[\d.,]*\s+instead\s+of\s+[$€£]?\s?\d[\d.,]*"
    r"|\b(?:\d{1,2}|two|three|four|five)\s+for\s+(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s*"
    r"(?:euros?|eur|quid|pounds?|bucks|dollars?|€|£)(?![^\W_]))"
    # bundles: "buy two, get the third free", "three for the price of two"
    r"|\bbuy\s+(?:one|two|three|four|\d{1,2})\b[^.!?\n]{0,40}?\bget\s+[^.!?\n]{0,25}?"
    r"\b(?:free|half[\s-]price)\b"
    r"|\bfor\s+the\s+price\s+of\s+(?:one|two|three|\d{1,2})\b"
    # a sale with its end: "before the presale closes at midnight"
    r"|\b(?:pre-?sale|sale|offer|deal)\s+(?:closes|ends|finishes)\b"
    r"|\b(?:get|with|plus|and)\s+(?:your\s+)?(?:first\s+)?(?:\d{1,2}|one|two|three|a)\s+"
    r"(?:months?|weeks?)\s+free\b"
    r"|\bfree\s+(?:trial|delivery|shipping|postage|audit|consultation|gift|nail\s+art|"
    r"upgrade|month|session|valuations?|quotes?|estimates?|demo|appraisal)\b"
    # a trial without the word: "your first 14 days cost nothing", "the first month is on us"
    r"|\b(?:first\s+)?(?:\d{1,3}|one|two|three|four|six|a)\s+(?:days?|weeks?|months?)\s+"
    r"(?:cost\s+nothing|(?:are|is)\s+(?:free|on\s+us))"
    r"|\bwaive\w*\s+(?:the\s+|your\s+)?(?:\w+\s+)?fees?\b|\bearly[\s-]bird\b"
    r"|\bspecial\s+(?:[^\W\d_]+\s+)?(?:price|offer|deal|discount)\b|\block\s+in\b|\bpromocja\b)",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"[$€£¥₹]\s?\d|\d\s?(?:USD|EUR|GBP|INR|€|£)(?![^\W_])|\bRs\.?\s?\d"
    r"|\b\d[\d.,]*\s?(?i:euros?|quid|bucks)\b"
)
_DEADLINE = re.compile(
    r"(?=[TOUBLEFSWDAHPGCMVtoublefswdahpgcmv])(?<![^\W_])(?:(?:today|tonight|this\s+(?:week|weekend|month))\s+only"
    r"|only\s+(?:today|tonight|this\s+(?:week|weekend|month))"
    r"|(?:until|til+|till|before|by)\s+(?:midnight|tonight|(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day|the\s+end\s+of\s+(?:the\s+)?(?:month|week|day))"
    r"|offer\s+ends|ends\s+(?:tonight|today|soon|at\s+midnight)"
    r"|valid\s+(?:till|til|until|up\s+to|through|thru)"
    r"|for\s+the\s+next\s+\d{1,3}\s+(?:hours|days)"
    r"|only\s+(?:\d{1,3}|a\s+few)\s+(?:left|spots?|places?|seats?|slots?|hoodies|items?)"
    r"|(?:spots?|places?|seats?|slots?)\s+(?:are\s+)?limited|limited\s+(?:time|stock|spots|"
    r"places|seats|slots)"
    r"|won['’]t\s+(?:come\s+back|last)|don['’]t\s+(?:wait|miss\s+out)|last\s+chance|hurry"
    r"|act\s+now|before\s+(?:they['’]re|it['’]s)\s+gone|before\s+we\s+sell\s+out"
    r"|while\s+you\s+can|prices?\s+(?:goes|go)\s+up|prices\s+jump"
    # pressure without the stock words: "first come first served", "don't miss it",
    # "come early, stock is limited", "Sunday only", "get in before…"
    r"|first\s+come,?\s+first\s+serv(?:ed|e)|don['’]t\s+miss\s+(?:it|this|them|out)"
    r"|(?:come|be)\s+(?:fast|quick|early)|stock\s+is\s+limited|limited\s+stock"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+only|this\s+weekend\s+and\s+no\s+longer"
    r"|get\s+in\s+(?:quick|early|before)|(?:closes|ends)\s+at\s+midnight)(?![^\W_])",
    re.IGNORECASE,
)
# Gates (see ``has_any``), at any length of post: a word every match holds, one per
# branch of the pattern.
# _SELL_PATTERN: a code, a bio or "gone"; or a message asked for (both words needed).
_SELL_PATTERN_GATE = ("code", "bio", "gone")
_ASK_GATE = ("dm", "message", "msg", "text", "whatsapp")
_TO_BUY_GATE = ("buy", "order", "purchase", "pric", "book")
_SELL_IMPERATIVE_GATE = ("buy", "shop", "order", "yours", "call")
# what every call to act ends with, or the phone a booking call names
_CALL_GATE = ("now", "today", "your", "call", "ring", "phone", "text", "whatsapp")
# Price news with its source is news: "the bus ticket is 50% off from Monday,
# according to the operator: <link>".
_REPORTED = re.compile(
    r"(?=[ASRPasrp])\b(?:according\s+to|says|said|announced|reports?|reported|per)\b", re.IGNORECASE
)

_GIVING = re.compile(
    r"\b(?:donat\w*|give|giving|fundrais\w*|raise[ds]?|raising|target|appeal|charity|sponsor\w*)\b",
    re.IGNORECASE,
)

# Every gate above in one: a post with none of these words is done in one pass.
_ANY_SELLING = needles(
    (p.split()[0].lower() for p in _SELL_WORDS.phrases),
    _SELL_PATTERN_GATE,
    _ASK_GATE,
    _SELL_IMPERATIVE_GATE,
    _DISCOUNT.words,
)


# _PRICE: a currency sign, code or word; or "Rs" (rupees) before the amount.
_PRICE_GATE = ("$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "inr", "quid", "buck", "rs")


def _may_price(folded: str) -> bool:
    """False only when _PRICE cannot match (most posts name no money at all)."""
    return has_any(_PRICE_GATE, folded)


def _may_sell_pattern(folded: str) -> bool:
    """False only when no branch of _SELL_PATTERN can match (see the gates above)."""
    return has_any(_SELL_PATTERN_GATE, folded) or (
        has_any(_ASK_GATE, folded) and has_any(_TO_BUY_GATE, folded)
    )


def _clause_matches(regex: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return [m for m in regex.finditer(text) if clause_start(text, m.start())]


def _hard_sell(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
    prose, folded = draft.prose, draft.folded
    priced = _may_price(folded) and _PRICE.search(prose) is not None
    if not (terms or priced or has_any(_ANY_SELLING, folded)):
        return  # none of the words an offer needs: one scan, and done
    strong: list[re.Match[str]] = [*_SELL_WORDS.matches(draft, terms)]
    if _may_sell_pattern(folded):
        strong += _SELL_PATTERN.finditer(prose)
    if has_any(_SELL_IMPERATIVE_GATE, folded):
        strong += _clause_matches(_SELL_IMPERATIVE, prose)
    discount = _DISCOUNT.gated(folded)
    discounts = list(discount.finditer(prose)) if discount else []
    if not (strong or discounts or priced):
        return  # no offer and no selling words: the rest needs one (and costs on a paste)
    calls = _clause_matches(_CALL, prose) if has_any(_CALL_GATE, folded) else []
    deadlines = list(_DEADLINE.finditer(prose))
    # price news with its source is news, however big the discount
    reported = bool(draft.urls) and bool(_REPORTED.search(prose))
    # a price beside a deadline in a fundraiser is a target, not an offer
    giving = priced and not discounts and _GIVING.search(prose) is not None
    structure = not reported and bool(discounts or (priced and not giving and (calls or deadlines)))
    if structure:
        strong += _STOCK_WORDS.matches(draft, ())
    for m in strong:
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” is selling language: lead with something useful to your readers "
            "and keep the offer to one plain line.",
        )
    if not (strong or structure):
        return
    for m in (*discounts, *calls):
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” makes this a sales pitch: lead with something useful to your "
            "readers and keep the offer to one plain line.",
        )
    for m in deadlines:
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group()}” adds sales pressure: drop the urgency and let the offer speak "
            "for itself.",
        )


RULE = Rule(
    name="hard-sell",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags selling language (“buy now”, “use code”, “DM to order”) and offers built as "
        "offers: a discount or a price with a call to buy or a deadline (“get 3 months "
        "free, offer ends Friday”); price news with its source, and stock news with no "
        "offer (“back in stock”), pass."
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
            "⟦Buy two jars, get the third free⟧ at the honey stall, ⟦Saturday only⟧ 🍯",
            platform="facebook",
            note="An offer built as an offer: a bundle and a deadline, no “sale” word.",
        ),
        Example(
            "Hand-thrown mugs £18 each, ⟦first come first served⟧ 🍵",
            platform="instagram",
            note="A price and pressure to hurry.",
        ),
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
        Example(
            "Book a demo this week and ⟦get your first 3 months free⟧. ⟦Offer ends⟧ 31 March.",
            platform="linkedin",
            note="An offer written as an offer: a deal, a call to act and a deadline.",
        ),
        Example(
            "Wool throws ⟦back in stock⟧ and ⟦half price⟧ ⟦this weekend only⟧.",
            platform="instagram",
            note="Stock news turned into an offer: a discount and a deadline.",
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
        Example(
            "Good news for commuters: the weekly bus ticket is 50% off from Monday, according "
            "to the operator: https://example.gov.uk/fares",
            note="Price news with its source is news, not a pitch.",
        ),
        Example(
            "Free hot drinks at the library on Saturday morning, first come first served.",
            platform="facebook",
            note="Something free with no price and nothing sold is not a pitch.",
        ),
        Example(
            "The blue enamel mugs are back in stock, and a few new glazes arrived with them.",
            platform="instagram",
            note="What is on the shelf is news: no discount, no deadline, no push to buy.",
        ),
    ),
)
