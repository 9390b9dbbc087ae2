"""Team settings: which rules run, how loud, extra words, handles, defaults.

Pure: ``parse_config(mapping, source)`` takes the already-read data of a TOML
file (or of ``extra.checker`` in mkdocs.yml) and returns a ``Config``, or
raises ``ConfigError`` naming the source and the key. ``parse_toml`` does the
same from TOML text. Reading files is the shells' job (the CLI and the MkDocs
hook). ``merge`` lays command-line choices over a config.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.model import KINDS, Severity

if TYPE_CHECKING:
    from checker.rules.base import Rule

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
    linkedin_premium: bool = False  # LinkedIn Premium: invitation notes of 300, not 200
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    custom_rules: tuple[Rule, ...] = ()  # the team's own rules (``custom-rules``)

    def rule(self, name: str) -> RuleSettings:
        return self.rules.get(name, _DEFAULT_RULE)

    def rule_url(self, name: str) -> str:
        return f"{self.site_url.rstrip('/')}/rules/{name}/"


_DEFAULT_RULE = RuleSettings()

TOP_KEYS = (
    *("platform", "kind", "handles", "site_url", "limits", "linkedin-premium"),
    *("rules", "custom-rules"),
)
RULE_KEYS = ("enabled", "severity", "extra-terms")
SEVERITIES = tuple(s.value for s in Severity)

# A handle as people write it on any of the networks: "acme", "acme_hq",
# "acme.bsky.social", or Mastodon's "acme@mastodon.social" (after one "@").
_HANDLE = re.compile(r"[^\W][\w.\-]*(?:@[\w\-]+(?:\.[\w\-]+)+)?")


def _type_name(value: object) -> str:
    """Names a value's type the way a TOML or YAML writer thinks of it."""
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "an empty value"
    return f"a {type(value).__name__}"


def _hint(word: str, choices: Iterable[str]) -> str:
    """' (did you mean "x"?)' when a known name is close, else ''."""
    import difflib  # here, not at the top: importing it costs the browser's start-up

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _unknown(word: str, what: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    return f'unknown {what} "{word}"{_hint(word, choices)}; known: {", ".join(choices)}'


def _check_keys(
    data: Mapping[str, object], known: tuple[str, ...], prefix: str, source: str
) -> None:
    for key in data:
        if key not in known:
            dotted = f"{prefix}{key}"
            problem = f'unknown setting "{key}"{_hint(str(key), known)}; known: {", ".join(known)}'
            raise ConfigError(source, dotted, problem)


def _bool(value: object, source: str, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(source, key, f"expected true or false, got {_type_name(value)}")
    return value


def _string(value: object, source: str, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(source, key, f"expected a string, got {_type_name(value)}")
    return value


def _platform_names() -> tuple[str, ...]:
    from checker import platforms  # lazily: the platform table is being filled in elsewhere

    return tuple(platforms.PLATFORMS)


def check_platform(value: object, source: str, key: str) -> str:
    name = _string(value, source, key).strip().lower()
    names = _platform_names()
    if name not in names:
        raise ConfigError(source, key, _unknown(name, "platform", names))
    return name


def check_kind(value: object, source: str, key: str) -> str:
    kind = _string(value, source, key).strip().lower()
    if kind not in KINDS:
        raise ConfigError(source, key, _unknown(kind, "kind", KINDS))
    return kind


def check_handles(value: object, source: str, key: str) -> tuple[str, ...]:
    """``["@Acme", "team"]`` -> ``("acme", "team")``: lower case, no "@", no repeats."""
    if isinstance(value, str):  # a lone handle is a common slip; say what is wanted
        raise ConfigError(source, key, f'expected a list like ["{value}"], got a string')
    if not isinstance(value, list | tuple):
        raise ConfigError(source, key, f"expected a list of handles, got {_type_name(value)}")
    out: list[str] = []
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        handle = _string(item, source, where).strip()
        name = handle[1:] if handle.startswith("@") else handle
        if not _HANDLE.fullmatch(name):
            raise ConfigError(
                source, where, f'"{handle}" is not a handle; write it like "@acme" or "acme"'
            )
        if name.lower() not in out:
            out.append(name.lower())
    return tuple(out)


_SITE_URL = re.compile(r"https?://(?P<host>[^/?#\s]+)(?P<path>/[^?#]*)?(?P<rest>[?#].*)?", re.I)


def check_site_url(value: object, source: str, key: str) -> str:
    url = _string(value, source, key).strip()
    # A plain pattern rather than urllib.parse, whose import (with ipaddress) is
    # a noticeable part of the browser checker's start-up.
    parts = _SITE_URL.fullmatch(url)
    if parts is None or " " in url:
        raise ConfigError(
            source,
            key,
            f'"{url}" is not a web address; write it like "https://example.org/handbook/"',
        )
    if parts.group("rest"):
        raise ConfigError(
            source, key, f'"{url}" should be the site\'s base address, without ? or #'
        )
    return url if url.endswith("/") else url + "/"


def _limits(value: object, source: str) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise ConfigError(source, "limits", f"expected a table, got {_type_name(value)}")
    names = _platform_names()
    out: dict[str, int] = {}
    for name, limit in value.items():
        key = f"limits.{name}"
        if name not in names:
            raise ConfigError(source, key, _unknown(str(name), "platform", names))
        # bool is an int in Python, but "mastodon = true" is surely a slip
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise ConfigError(
                source, key, f"expected a whole number above 0, got {limit!r} ({_type_name(limit)})"
            )
        out[name] = limit
    return out


def _rule_settings(name: str, value: object, source: str, takes_terms: bool) -> RuleSettings:
    prefix = f"rules.{name}"
    if not isinstance(value, Mapping):
        raise ConfigError(source, prefix, f"expected a table, got {_type_name(value)}")
    _check_keys(value, RULE_KEYS, f"{prefix}.", source)
    enabled = value.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(
            source, f"{prefix}.enabled", f"expected true or false, got {_type_name(enabled)}"
        )
    severity: Severity | None = None
    if "severity" in value:
        raw = _string(value["severity"], source, f"{prefix}.severity").strip().lower()
        if raw not in SEVERITIES:
            raise ConfigError(source, f"{prefix}.severity", _unknown(raw, "severity", SEVERITIES))
        severity = Severity(raw)
    terms: tuple[str, ...] = ()
    if "extra-terms" in value:
        key = f"{prefix}.extra-terms"
        if not takes_terms:
            raise ConfigError(
                source, key, f'the rule "{name}" takes no terms: it is not a word list'
            )
        raw_terms = value["extra-terms"]
        if not isinstance(raw_terms, list | tuple):
            raise ConfigError(
                source, key, f"expected a list of strings, got {_type_name(raw_terms)}"
            )
        cleaned: list[str] = []
        for i, term in enumerate(raw_terms):
            text = _string(term, source, f"{key}[{i}]").strip()
            if not text:
                raise ConfigError(source, f"{key}[{i}]", "an extra term must not be empty")
            if text not in cleaned:
                cleaned.append(text)
        terms = tuple(cleaned)
    return RuleSettings(enabled=enabled, severity=severity, extra_terms=terms)


def _rules(value: object, source: str, custom: Iterable[Rule] = ()) -> dict[str, RuleSettings]:
    from checker.rules import BY_NAME  # lazily: rules import the model, not the config

    if not isinstance(value, Mapping):
        raise ConfigError(source, "rules", f"expected a table, got {_type_name(value)}")
    known = {**BY_NAME, **{rule.name: rule for rule in custom}}  # a team's own rules too
    out: dict[str, RuleSettings] = {}
    for name, settings in value.items():
        name = str(name)
        if name not in known:
            raise ConfigError(source, f"rules.{name}", _unknown(name, "rule", sorted(known)))
        out[name] = _rule_settings(name, settings, source, known[name].takes_terms)
    return out


def parse_config(data: Mapping[str, object], source: str) -> Config:
    """Validate every key of ``data`` and build a ``Config``; missing keys keep defaults.

    ``source`` names where the data came from ("etiquette.toml", "mkdocs.yml
    extra.checker") and starts every error message.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(
            source, "(top level)", f"expected a table of settings, got {_type_name(data)}"
        )
    _check_keys(data, TOP_KEYS, "", source)
    base = Config()
    platform = (
        check_platform(data["platform"], source, "platform")
        if "platform" in data
        else base.platform
    )
    custom: tuple[Rule, ...] = ()
    if "custom-rules" in data:
        from checker.custom_rules import parse_custom_rules  # only teams with rules pay for it

        custom = parse_custom_rules(data["custom-rules"], source, default_platform=platform)
    return Config(
        platform=platform,
        kind=check_kind(data["kind"], source, "kind") if "kind" in data else base.kind,
        handles=check_handles(data["handles"], source, "handles") if "handles" in data else (),
        site_url=check_site_url(data["site_url"], source, "site_url")
        if "site_url" in data
        else base.site_url,
        limits=_limits(data["limits"], source) if "limits" in data else {},
        linkedin_premium=_bool(data["linkedin-premium"], source, "linkedin-premium")
        if "linkedin-premium" in data
        else base.linkedin_premium,
        rules=_rules(data["rules"], source, custom) if "rules" in data else {},
        custom_rules=custom,
    )


# tomllib's messages end with "(at line 3, column 7)"; the line goes in the key.
_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse_toml(text: str, source: str) -> Config:
    """Parse TOML text (an ``etiquette.toml``) into a ``Config``."""
    import tomllib  # only the CLI reads TOML; the browser never pays for the import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        where = _TOML_WHERE.search(message)
        if where:
            line, column = where.groups()
            raise ConfigError(
                source, f"line {line}, column {column}", f"TOML syntax: {message[: where.start()]}"
            ) from None
        raise ConfigError(source, "(file)", f"TOML syntax: {message}") from None
    return parse_config(data, source)


def merge(
    config: Config,
    *,
    platform: str | None = None,
    kind: str | None = None,
    handles: Iterable[str] = (),
    linkedin_premium: bool | None = None,
    source: str = "command line",
) -> Config:
    """``config`` with command-line choices laid over it.

    ``platform`` and ``kind`` replace the configured ones; ``handles`` are
    added to the team's (a writer is also one of the team's voices).
    """
    extra = check_handles(list(handles), source, "--handle")
    if platform is not None:
        config = replace(config, platform=check_platform(platform, source, "--platform"))
    if kind is not None:
        config = replace(config, kind=check_kind(kind, source, "--kind"))
    if extra:
        config = replace(config, handles=tuple(dict.fromkeys((*config.handles, *extra))))
    if linkedin_premium is not None:
        config = replace(config, linkedin_premium=linkedin_premium)
    return config


def mkdocs_settings(mkdocs: Mapping[str, object]) -> dict[str, object]:
    """The checker settings a mkdocs.yml holds: ``extra.checker``, with ``site_url``.

    The site's own ``site_url`` fills in when the team did not set one under
    ``extra.checker``, so finding links point at the team's copy of the
    handbook from the CLI and the browser alike.
    """
    extra = mkdocs.get("extra")
    settings = extra.get("checker") if isinstance(extra, Mapping) else None
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        raise ConfigError("mkdocs.yml", "extra.checker", "expected a table of settings")
    out = dict(settings)
    site_url = mkdocs.get("site_url")
    if "site_url" not in out and isinstance(site_url, str) and site_url:
        out["site_url"] = site_url
    return out
