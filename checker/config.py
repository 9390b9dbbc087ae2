"""Team settings: which rules run, how loud, extra words, handles, defaults.

Pure: ``parse_config(mapping, source)`` takes the already-read data of a TOML
file (or of ``extra.checker`` in mkdocs.yml) and returns a ``Config``, or
raises ``ConfigError`` naming the source and the key. Reading files is the
shells' job (the CLI and the MkDocs hook).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.model import Severity

# Where findings link to. A team's copy sets ``site_url`` to its own site.
DEFAULT_SITE_URL = "https://social-etiquette-handbook.github.io/handbook/"


class ConfigError(ValueError):
    """A setting that is unknown or has a bad value; says where and why."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}")


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool = True
    severity: Severity | None = None  # None: the rule's default
    extra_terms: tuple[str, ...] = ()  # for word-list rules (``takes_terms``)


@dataclass(frozen=True)
class Config:
    platform: str = "x"
    kind: str = "post"
    handles: tuple[str, ...] = ()  # lower case, without "@"
    site_url: str = DEFAULT_SITE_URL
    limits: Mapping[str, int] = field(default_factory=dict)  # e.g. a Mastodon server's own limit
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)

    def rule(self, name: str) -> RuleSettings:
        return self.rules.get(name, _DEFAULT_RULE)

    def rule_url(self, name: str) -> str:
        return f"{self.site_url.rstrip('/')}/rules/{name}/"


_DEFAULT_RULE = RuleSettings()
