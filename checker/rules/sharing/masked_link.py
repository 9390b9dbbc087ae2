"""The ``masked-link`` rule: a link through a generic shortener that hides where it goes.
Seed articles: 000.

Its declaration (``RULE``), matcher and examples; its page is rules/masked-link/ and
its tests are in tests/rules/test_masked_link.py and tests/test_rules.py.
"""

from __future__ import annotations

from checker.model import Pillar, Severity
from checker.rules.base import (
    AnyOf,
    Example,
    Hosts,
    Rule,
)

# Generic shorteners: the link says nothing of the site behind it. Branded short
# domains (youtu.be, amzn.to, nyti.ms) do say where they go, so they pass.
_SHORTENERS = frozenset(
    {
        *("bit.ly", "tinyurl.com", "ow.ly", "goo.gl", "buff.ly", "is.gd", "v.gd", "t.ly"),
        *("rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "bl.ink", "s.id"),
        *("shorte.st", "adf.ly", "dlvr.it", "ift.tt", "tr.im", "soo.gd", "tiny.one"),
        *("surl.li", "clck.ru", "u.to", "x.co", "trib.al", "zpr.io", "snip.ly", "short.gy"),
        *("t2m.io", "urlz.fr", "shorturl.com", "hyperurl.co"),
    }
)


def _wrapper(host: str, owner: str, home: str) -> Hosts:
    """A platform's own link wrapper: added by the platform, which shows the real
    site beside it; pasted anywhere else it hides the destination."""
    return Hosts(
        frozenset({host}),
        f"{{host}} is {owner}'s own link wrapper; on {{label}} it hides where the link "
        "goes: paste the original link.",
        passes_on=frozenset({home}),
    )


_MASKED = AnyOf(
    (
        Hosts(
            _SHORTENERS,
            "{host} hides where this link goes: paste the full link so readers can see "
            "the site before they click.",
        ),
        _wrapper("t.co", "X", "x"),
        _wrapper("lnkd.in", "LinkedIn", "linkedin"),
    )
)


RULE = Rule(
    name="masked-link",
    pillar=Pillar.SHARING,
    severity=Severity.SUGGESTION,
    summary=(
        "Flags links through generic shorteners (bit.ly, tinyurl.com, ow.ly…) that hide "
        "where they lead; a platform's own wrapper (t.co on X, lnkd.in on LinkedIn) passes."
    ),
    why=(
        "Readers decide whether to trust a link partly by where it goes. A shortener "
        "hides the site, which is exactly what spam and phishing rely on, so careful "
        "people skip such links. Shorteners also break when the service closes, taking "
        "your old posts' links with them. The full link is honest about its source."
    ),
    fix=(
        "Paste the full link: every major platform shortens or counts links for you, so "
        "a shortener saves nothing."
    ),
    guide="sharing/check-before-you-share.md",
    seeds=("000",),
    matcher=_MASKED,
    flags=(
        Example(
            "Our spring guide to composting is out: ⟦https://bit.ly/3kT9xQa⟧",
            note="bit.ly hides which site this is.",
        ),
        Example(
            "Read the full report on rural broadband here: ⟦https://ow.ly/Ab12Cd⟧",
            platform="facebook",
            note="ow.ly, a scheduling tool's shortener.",
        ),
        Example(
            "Five questions to ask before any reorganisation ⟦http://t.co/Xy12AbCd⟧",
            platform="linkedin",
            note="A t.co link copied from X: outside X nothing shows where it goes.",
        ),
        Example(
            "Details of the role and how to apply: ⟦https://lnkd.in/eXa9mP2⟧",
            platform="mastodon",
            note="LinkedIn's wrapper pasted on Mastodon.",
        ),
        Example(
            "Slides from today's workshop on accessible forms: ⟦https://tinyurl.com/forms-a11y⟧",
            platform="bluesky",
        ),
        Example(
            "Tickets for the winter fair are on sale now: ⟦https://cutt.ly/winterfair⟧",
            platform="threads",
            note="cutt.ly, like any generic shortener, hides the site.",
        ),
    ),
    passes=(
        Example(
            "Five questions to ask before any reorganisation http://t.co/Xy12AbCd",
            note="On X, t.co is added by X itself, which shows the real site.",
        ),
        Example(
            "Clearest walkthrough of the new API I have seen: https://youtu.be/dQw4w9WgXcQ",
            note="A platform's own short link says where it goes.",
        ),
        Example(
            "Our spring guide to composting: https://example.org/guides/composting-spring",
            platform="mastodon",
            note="The full link.",
        ),
        Example(
            "Details of the role and how to apply: https://lnkd.in/eXa9mP2",
            platform="linkedin",
            note="On LinkedIn, lnkd.in is LinkedIn's own wrapper.",
        ),
        Example(
            "We stopped using bit.ly so you can always see where our links go.",
            platform="threads",
            note="Naming a shortener is not using one.",
        ),
        Example(
            "The council's consultation closes Friday: "
            "https://www.example.gov.uk/consultations/bus-lanes-2026",
            platform="facebook",
            note="A long link is fine: readers can see it goes to the council.",
        ),
    ),
)
