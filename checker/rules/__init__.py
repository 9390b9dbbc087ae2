"""The rule catalogue: every rule, declared once, in one file per rule.

``checker/rules/<pillar>/<rule_name>.py`` holds a rule's declaration (``RULE``),
its matcher and its examples; the rule's page is ``rules/<rule-name>/`` on the
site and its tests are ``tests/rules/test_<rule_name>.py`` (plus the table test
over every rule's examples in ``tests/test_rules.py``). The order below is the
catalogue's order (pillar by pillar), which the pages and the JSON keep.
"""

from __future__ import annotations

from checker.rules.base import Rule
from checker.rules.collaborating import engagement_bait
from checker.rules.connecting import (
    follower_chasing,
    generic_invitation,
    shouting,
    stiff_jargon,
)
from checker.rules.fit import cross_post_syntax, hashtag_stuffing, over_limit
from checker.rules.sharing import (
    bare_link,
    hard_sell,
    masked_link,
    self_centered,
    uncredited_share,
    unverified_claim,
    vanity_retweet,
)

REGISTRY: tuple[Rule, ...] = (
    # sharing
    bare_link.RULE,
    uncredited_share.RULE,
    unverified_claim.RULE,
    masked_link.RULE,
    vanity_retweet.RULE,
    hard_sell.RULE,
    self_centered.RULE,
    # collaborating
    engagement_bait.RULE,
    # connecting
    generic_invitation.RULE,
    follower_chasing.RULE,
    shouting.RULE,
    stiff_jargon.RULE,
    # platform fit
    over_limit.RULE,
    cross_post_syntax.RULE,
    hashtag_stuffing.RULE,
)
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in REGISTRY}


def get(name: str) -> Rule:
    """The rule called ``name``; ``KeyError`` names the known ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(BY_NAME))
        raise KeyError(f"unknown rule {name!r}; known rules: {known}") from None
