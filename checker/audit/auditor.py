"""The audit: what a posting history says about how a person behaves on the network.

Pure, like ``check()``: posts in, figures out. ``Auditor`` is fed posts in
chunks (the browser reports progress between them; the CLI draws a bar) and
keeps only counters and one small record per post, so its cost is linear in
the number of posts and one ``check()`` each::

    auditor = Auditor(platform="x", handle="ana")
    for chunk in chunks(archive.posts, 500):
        auditor.feed(chunk)
    audit = auditor.result()      # may be called at any time
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from checker.audit.model import Archive, Post, normalise_handle, same_person
from checker.config import Config, RuleSettings
from checker.engine import Checker
from checker.platforms import get as get_platform
from checker.rules import BY_NAME

SCHEMA = 1
KINDS = ("original", "reply", "reshare", "reshare_with_comment")
BARE_LINK, SELLING = "bare-link", "hard-sell"
EXCERPT = 140  # characters of a post quoted as an example
TOP = 10  # people and findings listed

TextKey = tuple[bool, str]  # (is it a reply, its text): what a post's findings depend on
Broken = tuple[tuple[str, str], ...]  # (rule, its first message) for each rule broken


@dataclass(frozen=True, slots=True)
class PostAudit:
    """One post as the audit sees it."""

    id: str
    when: datetime | None
    kind: str
    credits: tuple[str, ...]  # the other people it names, replies to or reshares
    links: tuple[str, ...]
    findings: tuple[str, ...]  # rule names, each once

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.when.date().isoformat() if self.when else None,
            "kind": self.kind,
            "credits": list(self.credits),
            "links": list(self.links),
            "findings": list(self.findings),
        }


@dataclass
class Example:
    text: str
    message: str
    date: str | None


@dataclass
class Month:
    kinds: Counter[str] = field(default_factory=Counter)
    about_others: int = 0
    findings: int = 0

    @property
    def posts(self) -> int:
        return sum(self.kinds.values())


def kind_of(post: Post, is_own: Any) -> str:
    """``original``, ``reply``, ``reshare`` or ``reshare_with_comment``.

    A reply to oneself continues a thread: it counts as what it is otherwise.
    """
    if post.repost_of is not None:
        return "reshare"
    if post.reply_to is not None and not is_own(post.reply_to):
        return "reply"
    if post.quote_of is not None:
        return "reshare_with_comment"
    return "original"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Auditor:
    """Feeds on posts, chunk by chunk; ``result()`` gives the audit so far."""

    def __init__(
        self,
        *,
        platform: str | None = None,
        handles: Iterable[str] = (),
        config: Config | None = None,
        since: date | None = None,
        names: Mapping[str, str] | None = None,
        keep_posts: bool = True,
        source: str = "",
        format: str = "",
        replies_known: bool = True,
    ) -> None:
        base = config or Config()
        self.platform = get_platform(platform or base.platform).name  # raises UnknownPlatform
        own = tuple(dict.fromkeys(normalise_handle(h) for h in handles if h and h.strip()))
        self.handles = own
        # The checker's own-handle rules (vanity-retweet, self-centred) need them too.
        checker_handles = tuple(dict.fromkeys((*base.handles, *own)))
        # A published post got past its platform's limit (X Premium, a Mastodon server's own
        # limit): calling it too long would be wrong, so the audit leaves that rule out.
        rules = {**base.rules, "over-limit": RuleSettings(enabled=False)}
        self.config = replace(base, platform=self.platform, handles=checker_handles, rules=rules)
        # Set up once for the whole history, not once per post.
        self._checkers = {
            kind: Checker(platform=self.platform, kind=kind, config=self.config)
            for kind in ("post", "reply")
        }
        # The rules each text broke, with the first message of each: a feed repeats itself
        # (the weekly "new episode" post, a stock reply, the same link shared twice), and a
        # text checked once gives the same findings ever after. Holds one entry per distinct
        # text, sharing the posts' own strings: small beside the posts themselves.
        self._seen: dict[TextKey, Broken] = {}
        self.since = datetime.combine(since, datetime.min.time(), UTC) if since else None
        self.names = dict(names or {})
        self.keep_posts = keep_posts
        self.source, self.format = source, format
        self.replies_known = replies_known
        self.read = 0  # posts fed, including those before ``since``
        self.skipped = 0  # before ``since``
        self.kinds: Counter[str] = Counter(dict.fromkeys(KINDS, 0))
        self.about_others = 0
        self.checked = 0  # posts with words of their own, run through the checker
        self.with_links = 0
        self.rule_posts: Counter[str] = Counter()
        self.examples: dict[str, Example] = {}
        self.people: Counter[str] = Counter()
        self.months: dict[str, Month] = {}
        self.undated = 0
        self.items: list[PostAudit] = []

    def is_own(self, handle: str) -> bool:
        return any(same_person(handle, own) for own in self.handles)

    def _credits(self, post: Post) -> tuple[str, ...]:
        named = [post.reply_to, post.repost_of, post.quote_of, *post.mentions]
        out: dict[str, None] = {}
        for who in named:
            if who and not self.is_own(who):
                out[self.names.get(who, who)] = None
        return tuple(out)

    def feed(self, posts: Iterable[Post]) -> None:
        for post in posts:
            self.read += 1
            if self._before_since(post):
                self.skipped += 1
                continue
            self._one(post)

    def _broken(self, reply: bool, text: str) -> Broken:
        """Each rule ``text`` breaks, once, with its first finding's message."""
        key = (reply, text)
        broken = self._seen.get(key)
        if broken is None:
            broken = self._seen[key] = self.check_text(key)
        return broken

    def check_text(self, key: TextKey) -> Broken:
        """The rules a text breaks (``key``: is it a reply, the text), with the first
        message of each: the one costly step of the audit, and a pure function of the
        key, so a shell may run it for many texts at once (the CLI, on several cores)
        and hand the answers back with ``learn``."""
        reply, text = key
        first: dict[str, str] = {}
        for finding in self._checkers["reply" if reply else "post"].findings(text):
            first.setdefault(finding.rule, finding.message)
        return tuple(first.items())

    def to_check(self, posts: Iterable[Post]) -> list[TextKey]:
        """The distinct texts of ``posts`` that feeding them would run through the
        checker and that it has not run yet, in the order they come."""
        keys: dict[TextKey, None] = {}
        for post in posts:
            if self._before_since(post):
                continue
            kind = kind_of(post, self.is_own)
            if self._checked(kind, post):
                key = (kind == "reply", post.text)
                if key not in self._seen:
                    keys[key] = None
        return list(keys)

    def learn(self, answers: Iterable[tuple[TextKey, Broken]]) -> None:
        """Takes ``check_text``'s answers, worked out elsewhere, so feeding the posts
        runs no check again. Only keys from ``to_check`` belong here: an answer is
        trusted as given."""
        self._seen.update(answers)

    def _before_since(self, post: Post) -> bool:
        """A dated post older than ``since``: left out (an undated one is kept)."""
        return self.since is not None and post.when is not None and post.when < self.since

    @staticmethod
    def _checked(kind: str, post: Post) -> bool:
        """A reshare is someone else's words; a post with no text has none to check."""
        return kind != "reshare" and bool(post.text.strip())

    def _one(self, post: Post) -> None:
        kind = kind_of(post, self.is_own)
        credits = self._credits(post)
        rules: dict[str, None] = {}
        if self._checked(kind, post):
            self.checked += 1
            broken = self._broken(kind == "reply", post.text)
            if broken:
                day = post.when.date().isoformat() if post.when else None
                for rule, message in broken:
                    rules[rule] = None
                    # the latest example wins; shortened only when the audit is read
                    self.examples[rule] = Example(post.text, message, day)
        # Someone else is in it: named, or the unnamed author of what it answers or reshares.
        others = bool(credits) or any(
            who == "" for who in (post.reply_to, post.repost_of, post.quote_of)
        )
        self.kinds[kind] += 1
        self.about_others += others
        self.with_links += bool(post.links)
        self.rule_posts.update(rules.keys())
        self.people.update(credits)
        if post.when is None:
            self.undated += 1
        else:
            when = post.when
            key = (
                f"{when.year:04d}-{when.month:02d}"  # strftime("%Y-%m"), at a fraction of its cost
            )
            month = self.months.get(key) or self.months.setdefault(key, Month())
            month.kinds[kind] += 1
            month.about_others += others
            month.findings += len(rules)
        if self.keep_posts:
            self.items.append(
                PostAudit(post.id, post.when, kind, credits, post.links, tuple(rules))
            )

    @property
    def posts(self) -> int:
        """Posts audited (read, less those before ``since``)."""
        return self.read - self.skipped

    def result(self) -> Audit:
        from checker.audit.verdict import judge

        audit = Audit(self)
        audit.verdict = judge(audit, self.config.site_url)
        return audit


def rule_url(config: Config, rule: str) -> str:
    return config.rule_url(rule)


class Audit:
    """The figures of one audit, frozen at ``Auditor.result()``; ``to_dict`` is schema 1."""

    def __init__(self, auditor: Auditor) -> None:
        self.platform: str = auditor.platform
        self.handle = auditor.handles[0] if auditor.handles else None
        self.posts: int = auditor.posts
        self.read = auditor.read
        self.skipped = auditor.skipped
        self.since = auditor.since.date().isoformat() if auditor.since else None
        self.kinds: dict[str, int] = {k: auditor.kinds[k] for k in KINDS}
        self.about_others: int = auditor.about_others
        self.checked: int = auditor.checked
        self.with_links: int = auditor.with_links
        self.bare_links: int = auditor.rule_posts[BARE_LINK]
        self.selling: int = auditor.rule_posts[SELLING]
        self.people = auditor.people.most_common(TOP)
        self.findings: list[dict[str, Any]] = [
            {
                "rule": rule,
                "posts": count,
                "url": rule_url(auditor.config, rule),
                "summary": BY_NAME[rule].summary if rule in BY_NAME else "",
                "example": {
                    "text": excerpt(auditor.examples[rule].text),
                    "message": auditor.examples[rule].message,
                    "date": auditor.examples[rule].date,
                },
            }
            for rule, count in sorted(auditor.rule_posts.items(), key=lambda kv: (-kv[1], kv[0]))[
                :TOP
            ]
        ]
        self.months: list[dict[str, Any]] = [
            {
                "month": key,
                "posts": month.posts,
                **{k: month.kinds[k] for k in KINDS},
                "about_others": month.about_others,
                "findings": month.findings,
            }
            for key, month in sorted(auditor.months.items())
        ]
        self.undated = auditor.undated
        self.items = list(auditor.items)
        self.verdict: dict[str, Any] = {}
        self.source, self.format = auditor.source, auditor.format
        self.replies_known: bool = auditor.replies_known

    def share(self, count: int, of: int | None = None) -> float:
        whole = self.posts if of is None else of
        return count / whole if whole else 0.0

    def to_dict(self, *, items: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "source": self.source,
            "format": self.format,
            "platform": self.platform,
            "handle": self.handle,
            "since": self.since,
            "read": self.read,
            "posts": self.posts,
            "kinds": dict(self.kinds),
            "about": {"others": self.about_others, "self": self.posts - self.about_others},
            "reply_share": round(self.share(self.kinds["reply"]), 4),
            "replies_known": self.replies_known,
            "reshares": {
                "without_comment": self.kinds["reshare"],
                "with_comment": self.kinds["reshare_with_comment"],
            },
            "checked": self.checked,
            "with_links": self.with_links,
            "bare_links": self.bare_links,
            "selling": self.selling,
            "people": [{"handle": h, "posts": n} for h, n in self.people],
            "findings": self.findings,
            "months": self.months,
            "undated": self.undated,
            "verdict": self.verdict,
        }
        if items:
            out["items"] = [item.to_dict() for item in self.items]
        return out


def auditor_for(
    archive: Archive,
    *,
    handles: Iterable[str] = (),
    platform: str | None = None,
    config: Config | None = None,
    since: date | None = None,
) -> Auditor:
    """An ``Auditor`` for ``archive``: its owner is the handle the export holds, if any,
    then ``handles``; its platform the export's, else ``platform``, else the config's."""
    owner = (archive.handle,) if archive.handle else ()
    # A Bluesky export names its owner by DID; a handle you give reads better in the report.
    ordered = (
        (*handles, *owner)
        if archive.handle and archive.handle.startswith("did:")
        else (
            *owner,
            *handles,
        )
    )
    return Auditor(
        platform=archive.platform or platform,
        handles=ordered,
        config=config,
        since=since,
        names=archive.names,
        source=archive.source,
        format=archive.format,
        replies_known=archive.replies_known,
    )
