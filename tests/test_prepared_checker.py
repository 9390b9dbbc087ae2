"""The audit's fast path gives exactly what the plain ``check()`` gives.

The audit checks thousands of posts with one ``engine.Checker`` per kind (set up
once, no length counted); the page's checks go through ``check()``, which builds
a ``Checker`` each time. Both must agree, finding for finding (rule, span,
message, severity, fix), on every draft of the development corpus, every rule
example and a generated archive; and a ``Checker`` used for many texts in a row
must give each the answer a fresh one gives.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from corpus_drafts import corpus_drafts

from checker import check
from checker.audit import Auditor, Post, read_archive
from checker.config import Config
from checker.engine import Checker
from checker.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_audit import tweets_js  # noqa: E402  (the bench's varied archive)

CORPUS = corpus_drafts()
EXAMPLES = [
    (rule.name, i, example)
    for rule in REGISTRY
    for i, example in enumerate((*rule.flags, *rule.passes))
]


def _config(handles: tuple[str, ...] = ()) -> Config:
    return Config(handles=tuple(h.lower().lstrip("@") for h in handles))


def test_one_checker_per_platform_and_kind_agrees_with_check_on_the_corpus() -> None:
    checkers: dict[tuple[str, str], Checker] = {}
    compared = 0
    for draft in CORPUS:
        key = (draft.platform, draft.kind)
        checker = checkers.setdefault(key, Checker(platform=draft.platform, kind=draft.kind))
        plain = check(draft.text, platform=draft.platform, kind=draft.kind)
        assert checker.check(draft.text) == plain, draft.id
        assert checker.findings(draft.text) == plain.findings, draft.id
        compared += bool(plain.findings)
    assert compared >= 250  # the corpus is mostly drafts with findings: the test has teeth


@pytest.mark.parametrize(("rule", "i", "example"), EXAMPLES, ids=lambda v: str(v)[:20])
def test_checker_agrees_with_check_on_every_rule_example(
    rule: str, i: int, example: object
) -> None:
    from checker.rules.base import Example

    assert isinstance(example, Example)
    config = _config(example.handles)
    checker = Checker(platform=example.platform, kind=example.kind, config=config)
    plain = check(
        example.text, platform=example.platform, kind=example.kind, config=config, cw=example.cw
    )
    assert checker.check(example.text, example.cw) == plain
    assert checker.findings(example.text) == plain.findings


def _plain_rules(text: str, kind: str, config: Config) -> tuple[str, ...]:
    """A post's rules as the audit records them, from ``check()``: each once, in order."""
    report = check(text, kind=kind, config=config)
    return tuple(dict.fromkeys(f.rule for f in report.findings))


def test_the_audit_records_what_check_finds_on_a_generated_archive() -> None:
    archive = read_archive(tweets_js(1500), "tweets.js")
    auditor = Auditor(platform="x", handles=["me"])
    auditor.feed(archive.posts)
    checked = 0
    for post, item in zip(archive.posts, auditor.items, strict=True):
        if item.kind == "reshare" or not post.text.strip():
            assert item.findings == ()
            continue
        checked += 1
        kind = "reply" if item.kind == "reply" else "post"
        assert item.findings == _plain_rules(post.text, kind, auditor.config), post.text
    assert checked > 1000
    assert sum(bool(item.findings) for item in auditor.items) > 200


def test_the_audit_records_what_check_finds_on_the_corpus_and_examples() -> None:
    when = datetime(2026, 1, 5, tzinfo=UTC)
    texts = [d.text for d in CORPUS] + [e.text for _, _, e in EXAMPLES]
    posts = [
        Post(text, when=when, reply_to="someone" if i % 3 == 0 else None, id=str(i))
        for i, text in enumerate(texts)
    ]
    auditor = Auditor(platform="mastodon", handles=["me"])
    auditor.feed(posts)
    for post, item in zip(posts, auditor.items, strict=True):
        if not post.text.strip():
            continue
        kind = "reply" if item.kind == "reply" else "post"
        assert item.findings == _plain_rules(post.text, kind, auditor.config), post.text
    # each rule's example message is the first finding of the last post it fired on
    for rule, example in auditor.examples.items():
        last = next(
            p
            for p, it in zip(reversed(posts), reversed(auditor.items), strict=True)
            if rule in it.findings
        )
        kind = "reply" if last.reply_to else "post"
        first = next(
            f for f in check(last.text, kind=kind, config=auditor.config).findings if f.rule == rule
        )
        assert (example.text, example.message) == (last.text, first.message)


def test_a_checker_keeps_its_platform_kind_and_limit() -> None:
    checker = Checker(platform="linkedin", kind="invitation", config=Config(linkedin_premium=True))
    assert (checker.platform, checker.kind, checker.limit) == ("linkedin", "invitation", 300)
    report = checker.check("Hi Sam, I enjoyed your talk on forms. " * 10)
    assert report.length.limit == 300 and report.length.over
