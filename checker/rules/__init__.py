"""The rule catalogue: every rule, declared once, in one module per pillar."""

from __future__ import annotations

from checker.rules.base import Rule
from checker.rules.collaborating import RULES as _COLLABORATING
from checker.rules.connecting import RULES as _CONNECTING
from checker.rules.fit import RULES as _FIT
from checker.rules.sharing import RULES as _SHARING

REGISTRY: tuple[Rule, ...] = (*_SHARING, *_COLLABORATING, *_CONNECTING, *_FIT)
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in REGISTRY}


def get(name: str) -> Rule:
    """The rule called ``name``; ``KeyError`` names the known ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(BY_NAME))
        raise KeyError(f"unknown rule {name!r}; known rules: {known}") from None
