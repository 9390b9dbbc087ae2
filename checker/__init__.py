"""The Social Etiquette Handbook's checker: a pure core with no I/O.

    >>> from checker import check
    >>> report = check("Great read!", platform="x", kind="post")
    >>> report.to_dict()["schema"]
    1

The shells (the ``etiquette`` CLI, the browser worker, the MkDocs hook) only
translate between the outside world and ``check()``.
"""

from checker.config import Config, ConfigError, RuleSettings
from checker.engine import THREAD_SEPARATOR, UnknownKind, check, split_posts
from checker.model import KINDS, SCHEMA, Finding, Length, Pillar, Report, Severity
from checker.platforms import PLATFORMS, UnknownPlatform
from checker.rules import REGISTRY

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "PLATFORMS",
    "REGISTRY",
    "SCHEMA",
    "THREAD_SEPARATOR",
    "Config",
    "ConfigError",
    "Finding",
    "Length",
    "Pillar",
    "Report",
    "RuleSettings",
    "Severity",
    "UnknownKind",
    "UnknownPlatform",
    "check",
    "split_posts",
]
