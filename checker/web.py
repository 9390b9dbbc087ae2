"""The browser worker's side of the checker: the site's settings with the reader's choices.

Pure, like the rest of the core: the worker (``overrides/assets/checker/worker.js``)
fetches ``assets/checker/config.json`` and hands its text to ``Site.from_json``; each
check then passes the reader's handles and the rules they turned off, as JSON strings
(plain strings cross the JavaScript/Python boundary without proxies to free), and gets
one JSON string back::

    {"report": <check(...).to_dict()>, "notes": {"handles": ["why a handle was dropped"]}}

A bad handle typed on the page is a note, never a failed check: the reader sees why it
was left out while the rest of the draft is still checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from checker.config import Config, ConfigError, merge, parse_config
from checker.engine import check
from checker.model import Report

DEFAULT_SOURCE = "config.json"


@dataclass(frozen=True)
class Site:
    """The team's settings as the site ships them (``config.json``), parsed once."""

    config: Config

    @classmethod
    def from_json(cls, text: str) -> Site:
        """Parse ``config.json``; a bad team setting raises ``ConfigError`` naming its key."""
        data = json.loads(text)
        if not isinstance(data, Mapping):
            raise ConfigError(DEFAULT_SOURCE, "(top level)", "expected a JSON object")
        settings = data.get("checker") or {}
        source = data.get("source") or DEFAULT_SOURCE
        return cls(parse_config(settings, str(source)))

    def reader_config(
        self, handles: Iterable[str], off: Iterable[str]
    ) -> tuple[Config, dict[str, list[str]]]:
        """The team's config with the reader's own choices laid over it, and notes on them.

        Rules the reader turned off are switched off (unknown names are ignored: a rule
        renamed since the reader's browser remembered it must not break the page). Each
        handle is tried on its own, so one bad handle does not drop the good ones.
        """
        from checker.rules import BY_NAME

        config = self.config
        own = {rule.name for rule in config.custom_rules}  # the team's rules can be turned off too
        names = [name for name in off if name in BY_NAME or name in own]
        if names:
            rules = dict(config.rules)
            for name in names:
                rules[name] = replace(config.rule(name), enabled=False)
            config = replace(config, rules=rules)
        notes: dict[str, list[str]] = {}
        good: list[str] = []
        for handle in handles:
            try:
                merge(config, handles=[handle], source="your handle")
            except ConfigError as err:
                notes.setdefault("handles", []).append(err.problem)
            else:
                good.append(handle)
        return merge(config, handles=good, source="your handle"), notes

    def check_json(
        self,
        text: str,
        platform: str,
        kind: str,
        handles_json: str,
        off_json: str,
        cw: str = "",
    ) -> str:
        """One check as the page asks for it; an empty platform or kind means the team's.

        ``cw`` is the post's content warning (Mastodon counts it toward the limit).
        """
        report, _config, notes = self.reader_check(text, platform, kind, handles_json, off_json, cw)
        return json.dumps({"report": report.to_dict(), "notes": notes})

    def reader_check(
        self, text: str, platform: str, kind: str, handles_json: str, off_json: str, cw: str
    ) -> tuple[Report, Config, dict[str, list[str]]]:
        """The page's arguments as the worker passes them (the reader's handles and the
        rules they turned off as JSON lists), checked: the report, the config it used and
        the notes on the reader's choices. ``check_json`` and ``desk_json`` both start here."""
        config, notes = self.reader_config(
            _strings(json.loads(handles_json)), _strings(json.loads(off_json))
        )
        report = check(text, platform=platform or None, kind=kind or None, config=config, cw=cw)
        return report, config, notes


def _strings(value: object) -> list[str]:
    """A JSON list of strings from the page; anything else is a programming error."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a JSON list of strings, got {value!r}")
    return value


# --- the writer's desk: what the page shows on each keystroke, and the splitter ---------
# Kept apart from ``check_json`` (other pages' messages use that one) so that each of the
# worker's message types has its own function here.


def platform_kinds(platform: str) -> list[str]:
    """The kinds of draft ``platform`` has, in ``KINDS`` order: a post and a reply
    everywhere, a connection invitation where the network has a note for one (a
    platform with an ``invitation_limit``), a thread where it has threads."""
    from checker.model import KINDS
    from checker.platforms import get
    from checker.split import has_threads

    plat = get(platform)
    has = {
        "invitation": plat.invitation_limit is not None,
        "thread": has_threads(plat.name),
    }
    return [kind for kind in KINDS if has.get(kind, True)]


def desk_json(
    site: Site,
    text: str,
    platform: str,
    kind: str,
    handles_json: str,
    off_json: str,
    cw: str = "",
) -> str:
    """One keystroke's answer in one round trip: the report, the glance table (each
    network's count, limit and fit), the writer's counts and the links' tracking fixes.
    ``cw`` is the content warning: the report and the glance rows of the networks that
    count it (Mastodon) include it, as ``etiquette check --cw`` does::

        {"report", "notes", "glance": [row...], "counts": {..., "line"}, "tracking": [...],
         "posts": [{"text", "count", "over"}...]}   (a thread's posts; else [])
    """
    from checker.counts import counts
    from checker.fixes import tracking_fixes
    from checker.glance import glance_dicts

    report, config, notes = site.reader_check(text, platform, kind, handles_json, off_json, cw)
    data = report.to_dict()
    posts = [
        {"text": text[p["start"] : p["end"]], "count": p["count"], "over": p["over"]}
        for p in data["length"].get("posts", [])
    ]
    return json.dumps(
        {
            "report": data,
            "posts": posts,
            "notes": notes,
            "glance": glance_dicts(text, kind=report.kind, config=config, cw=cw),
            "counts": counts(text).to_dict(),
            "tracking": [r.to_dict() for r in tracking_fixes(text)],
        }
    )


def split_json(site: Site, text: str, platform: str, numbering: bool) -> str:
    """``split_thread(...).to_dict()`` with the team's limits, as a JSON string."""
    from checker.split import split_thread

    platform = platform or site.config.platform
    return json.dumps(
        split_thread(text, platform=platform, numbering=numbering, config=site.config).to_dict()
    )
