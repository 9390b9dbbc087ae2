"""Rules of the collaborating pillar."""

from __future__ import annotations

from checker.rules.base import Rule

RULES: tuple[Rule, ...] = ()
