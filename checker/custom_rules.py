"""Rules a team writes: ``[[custom-rules]]`` in etiquette.toml, or
``extra.checker.custom-rules`` in mkdocs.yml (the same keys; a contract).

Pure: ``parse_custom_rules(value, source, ...)`` turns the already-read data
into ``Rule`` objects built on the core's own matchers, or raises
``ConfigError`` naming the source, the rule and the key. ``example_failures``
runs a rule's examples (the build and the tests call it). Each rule:

    name = "say-our-name"        # kebab-case, not the name of a built-in rule
    severity = "warning"         # error | warning | suggestion
    message = "Write the product's name as Acme Cloud."
    fix = "Write Acme Cloud."
    words = ["acmecloud"]        # exactly one matcher: words, replace, pattern, require
    kinds = ["reply"]            # optional: the kinds of draft it applies to
    platforms = ["linkedin"]     # optional: the networks it applies to
    page = "guides/naming.md"    # optional: the team's own handbook page
    flags = ["Try acmecloud"]    # drafts it must flag (at least one)
    passes = ["Try Acme Cloud"]  # drafts it must pass (at least one)

Matchers: ``words`` (whole words or phrases, any case, that must not appear),
``replace`` (``{old = "new"}``: a word and what to write instead), ``pattern``
(a regular expression that must not match; case-sensitive unless it says
``(?i)``) and ``require`` (a regular expression that must match somewhere in
the post, e.g. a sign-off in support replies). A team's pattern must run in
linear time like the core's own: one with a backreference, a quantifier
inside a repeated group ("(a+)+") or alternatives that can match the same
text under a repeat ("(a|aa)*") is refused, naming the rule.

The core's matchers are reached through the few ``_build_*`` functions below,
so a change to their signatures is a change here only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from checker.draft import Draft
from checker.fixes import Edit
from checker.model import KINDS, Pillar, Severity
from checker.rules.base import Custom, Example, Hit, Matcher, Pattern, Phrases, Rule

if TYPE_CHECKING:
    from checker.config import Config

KEY = "custom-rules"
MATCHERS = ("words", "replace", "pattern", "require")
RULE_KEYS = (
    "name",
    "severity",
    "message",
    "fix",
    *MATCHERS,
    "kinds",
    "platforms",
    "page",
    "flags",
    "passes",
)
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_PATTERN = 500  # characters: a team's pattern is a phrase, not a program


class _Problem(Exception):
    """A bad value; the caller adds the source and the key."""


# --- building on the core's matchers (the one place that knows their shapes) ------------


def _literal(message: str) -> str:
    # The core's matchers format their message with {match}; a team's text is literal.
    return message.replace("{", "{{").replace("}", "}}")


def _build_words(words: tuple[str, ...], message: str) -> Matcher:
    return Phrases(words, _literal(message), exact_hyphens=True)


def _build_pattern(pattern: str, message: str) -> Matcher:
    return Pattern(pattern, _literal(message), flags=0)


@dataclass(frozen=True)
class Replace:
    """A word and what to write instead: found by the core's ``Phrases``; each
    finding carries the replacement (``edit``, which the engine turns into the
    finding's ``replacement``, the page's one-click fix)."""

    table: Mapping[str, str]
    message: str

    @cached_property
    def _finder(self) -> Phrases:
        return Phrases(tuple(self.table), "", exact_hyphens=True)

    @cached_property
    def _wanted(self) -> dict[str, str]:
        return {_key(old): new for old, new in self.table.items()}

    def find(self, draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        for m in self._finder.regex(()).finditer(draft.prose):
            new = self._wanted.get(_key(m.group()), "")
            yield Hit(m.start(), m.end(), f"{self.message} Write “{new}” for “{m.group()}”.")

    def edit(self, text: str, start: int, end: int) -> Edit | None:
        new = self._wanted.get(_key(text[start:end]))
        if new is None:
            return None
        return Edit(start, end, new, f"Replace “{text[start:end]}” with “{new}”")


def _build_replace(table: Mapping[str, str], message: str) -> Matcher:
    return Replace(dict(table), message)


def _build_require(pattern: str, message: str) -> Matcher:
    regex = re.compile(pattern)

    def find(draft: Draft, terms: tuple[str, ...]) -> Iterator[Hit]:
        if regex.search(draft.prose) is None:
            # Point at the post's last line: where a sign-off or a tag would go.
            text = draft.text.rstrip()
            start = text.rfind("\n") + 1
            start += len(text[start:]) - len(text[start:].lstrip())
            yield Hit(start, max(start, len(text)), message)

    return Custom(find)


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


# --- patterns that could run away --------------------------------------------------------


def _compile_safely(pattern: str) -> re.Pattern[str]:
    """Compile a team's regex, refusing what could take more than linear time."""
    if len(pattern) > MAX_PATTERN:
        raise _Problem(f"longer than {MAX_PATTERN} characters")
    try:
        regex = re.compile(pattern)
    except re.error as err:
        raise _Problem(f"not a valid regular expression: {err}") from None
    from re import _parser  # type: ignore[attr-defined]  # re's own parse tree: no second parser

    _check_tree(_parser.parse(pattern).data, under_repeat=False)
    return regex


_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _first_literal(items: Sequence[Any]) -> int | None:
    """The code point an alternative must start with, if it is one literal character."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return int(arg)
        if name == "SUBPATTERN":
            return _first_literal(arg[-1])
        return None
    return None


def _check_tree(items: Sequence[Any], *, under_repeat: bool) -> None:
    for op, arg in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise _Problem("backreferences (\\1, (?P=name)) can take exponential time: drop them")
        if name in _REPEATS:
            _low, high, body = arg
            repeats = high is not None and int(high) > 1
            if repeats and under_repeat:
                raise _Problem(
                    "a repeated group holds another repeat (like (a+)+), which can take "
                    "exponential time on a near miss: repeat one thing only"
                )
            _check_tree(body, under_repeat=under_repeat or repeats)
        elif name == "BRANCH":
            alternatives = arg[1]
            if under_repeat:
                firsts = [_first_literal(alt) for alt in alternatives]
                if None in firsts or len({chr(c).lower() for c in firsts if c is not None}) < len(
                    firsts
                ):
                    raise _Problem(
                        "alternatives under a repeat can match the same text (like (a|aa)*), "
                        "which can take exponential time: start each alternative with a "
                        "different letter, or drop the repeat"
                    )
            for alt in alternatives:
                _check_tree(alt, under_repeat=under_repeat)
        elif name == "SUBPATTERN":
            _check_tree(arg[-1], under_repeat=under_repeat)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _check_tree(arg[1], under_repeat=under_repeat)
        elif name == "ATOMIC_GROUP":
            _check_tree(arg, under_repeat=under_repeat)


# --- reading the settings ----------------------------------------------------------------


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f"expected {what} (a non-empty string)")
    return value.strip()


def _severity(value: object) -> Severity:
    from checker.config import _unknown

    raw = _text(value, "error, warning or suggestion").lower()
    choices = [s.value for s in Severity]
    if raw not in choices:
        raise _Problem(_unknown(raw, "severity", choices))
    return Severity(raw)


def _strings(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple) or not value:
        raise _Problem(f'expected a non-empty list of {what}, like ["..."]')
    return tuple(_text(item, what) for item in value)


def _one_rule(
    data: object, where: str, taken: set[str], default_platform: str, platform_names: Sequence[str]
) -> Rule:
    from checker.config import ConfigError, _unknown  # lazily: config imports this module

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError("", f"{where}.{key}" if key else where, problem)

    if not isinstance(data, Mapping):
        raise fail("", "expected a table with name, severity, message, fix, a matcher and examples")
    name_value = data.get("name")
    if not isinstance(name_value, str) or not _NAME.fullmatch(name_value):
        raise fail("name", 'expected a kebab-case name, like "say-our-name"')
    name = name_value
    where = f'{where} "{name}"'
    for key in data:
        if key not in RULE_KEYS:
            raise fail(str(key), _unknown(str(key), "key", RULE_KEYS))
    if name in taken:
        raise fail("name", f'"{name}" is already the name of a rule; pick another')
    for key in ("severity", "message", "fix", "flags", "passes"):
        if key not in data:
            raise fail(
                key,
                "missing: every custom rule needs it"
                + (
                    " (examples are its tests: the build runs them)"
                    if key in ("flags", "passes")
                    else ""
                ),
            )
    matchers = [k for k in MATCHERS if k in data]
    if len(matchers) != 1:
        raise fail(
            ", ".join(matchers) or "words",
            f"give exactly one of {', '.join(MATCHERS)} (this rule has {len(matchers) or 'none'})",
        )
    key = matchers[0]

    def get(field: str, convert: Any) -> Any:
        try:
            return convert(data[field])
        except _Problem as err:
            raise fail(field, str(err)) from None

    severity = get("severity", _severity)
    message = get("message", lambda v: _text(v, "the message shown with each finding"))
    fix = get("fix", lambda v: _text(v, "what to write instead"))

    try:
        value = data[key]
        if key == "words":
            matcher = _build_words(_strings(value, "words or phrases"), message)
        elif key == "replace":
            if not isinstance(value, Mapping) or not value:
                raise _Problem('expected a table like {acmecloud = "Acme Cloud"}')
            table = {_text(k, "a word"): _text(v, "its replacement") for k, v in value.items()}
            matcher = _build_replace(table, message)
        else:
            pattern = _text(value, "a regular expression")
            _compile_safely(pattern)
            build = _build_pattern if key == "pattern" else _build_require
            matcher = build(pattern, message)
    except _Problem as err:
        raise fail(key, str(err)) from None

    kinds: frozenset[str] = frozenset(KINDS)
    platforms: frozenset[str] | None = None
    if "kinds" in data:
        chosen = get("kinds", lambda v: _strings(v, "kinds"))
        for kind in chosen:
            if kind not in KINDS:
                raise fail("kinds", _unknown(kind, "kind", KINDS))
        kinds = frozenset(chosen)
    if "platforms" in data:
        chosen = tuple(p.lower() for p in get("platforms", lambda v: _strings(v, "platforms")))
        for platform in chosen:
            if platform not in platform_names:
                raise fail("platforms", _unknown(platform, "platform", platform_names))
        platforms = frozenset(chosen)
    page = get("page", lambda v: _text(v, "a page of your handbook")) if "page" in data else ""
    if page and (not page.partition("#")[0].endswith(".md") or page.startswith("/")):
        raise fail("page", f'"{page}" should be a page of your docs, like "guides/naming.md"')

    # Examples run where the rule applies: its first platform and kind, else the team's.
    platform = sorted(platforms)[0] if platforms else default_platform
    kind = "post" if "post" in kinds else sorted(kinds)[0]
    examples: dict[str, tuple[Example, ...]] = {}
    for which in ("flags", "passes"):
        texts = get(which, lambda v: _strings(v, "example drafts"))
        examples[which] = tuple(Example(t, platform=platform, kind=kind) for t in texts)

    return Rule(
        name=name,
        pillar=Pillar.TEAM,
        severity=severity,
        summary=message,
        why="Your team wrote this rule for its own copy of the handbook.",
        fix=fix,
        guide=page,
        seeds=(),
        matcher=matcher,
        flags=examples["flags"],
        passes=examples["passes"],
        kinds=kinds,
        platforms=platforms,
    )


def parse_custom_rules(
    value: object, source: str, *, default_platform: str = "x"
) -> tuple[Rule, ...]:
    """Validate a list of custom rules and build them (``ConfigError`` names the rule)."""
    from checker.config import ConfigError
    from checker.platforms import PLATFORMS
    from checker.rules import BY_NAME

    if not isinstance(value, list | tuple):
        raise ConfigError(source, KEY, "expected a list of rules ([[custom-rules]] tables)")
    taken = set(BY_NAME)
    rules: list[Rule] = []
    for i, data in enumerate(value):
        try:
            rule = _one_rule(data, f"{KEY}[{i}]", taken, default_platform, list(PLATFORMS))
        except ConfigError as err:
            raise ConfigError(source, err.key, err.problem) from None
        taken.add(rule.name)
        rules.append(rule)
    return tuple(rules)


def example_failures(rule: Rule, config: Config) -> list[str]:
    """What is wrong with ``rule``'s examples under ``config``: [] when each flags or passes."""
    from checker.engine import check

    problems = []
    for which, examples, must_flag in (("flags", rule.flags, True), ("passes", rule.passes, False)):
        for i, ex in enumerate(examples):
            report = check(ex.text, platform=ex.platform, kind=ex.kind, config=config)
            flagged = any(f.rule == rule.name for f in report.findings)
            if flagged != must_flag:
                verdict = "is not flagged" if must_flag else "is flagged"
                problems.append(
                    f'{KEY} "{rule.name}".{which}[{i}]: the example {ex.text!r} {verdict} '
                    f"(on {ex.platform}, as a {ex.kind})"
                )
    return problems
