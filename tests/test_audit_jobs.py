"""The CLI's audit on several cores (checker/audit_jobs.py): the same figures as one
process gives, the checks really done in the workers, and one process where that is
all that makes sense."""

from __future__ import annotations

import io
import json
import os
import random
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from test_audit_cli import Terminal, audit

from checker import audit_jobs
from checker.audit import read_archive
from checker.audit.auditor import Auditor, Broken, TextKey
from checker.audit.model import Post
from checker.audit.session import AuditSession
from checker.audit_cli import drive

# Voices and offers enough that many rules fire somewhere, numbered so each text is new.
_LINES = (
    "Loved @sam_k's talk on forms at the meetup, thank you!",
    "Buy now! {n}% off every mug this weekend only",
    "Like and share if you agree 🙏",
    "RT @city_lib: the library opens late on Thursday",
    "@ops_anna that fixed it, thanks for the pointer",
    "THIS IS THE BEST NEWS ALL WEEK",
    "Excited to leverage our synergies going forward",
    "New post on our blog https://example.com/post-{n}",
    "Only {n} more followers to 1,000! Help me get there",
    "Our allotment had {n} courgettes this year, send recipes",
    "",  # a post with no words: never checked
)


# Python warns of any fork in a process with threads; see the fixture below for why these
# forks are safe, and test_one_process_when_other_threads_run for what the CLI does.
pytestmark = pytest.mark.filterwarnings(
    "ignore:This process .* is multi-threaded:DeprecationWarning"
)


@pytest.fixture(autouse=True)
def forking_is_safe_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """This test process runs other threads (Playwright's, for the browser tests), where
    ``plan`` rightly keeps to one process; the CLI has none. The workers here run only
    the checker's pure code, which takes no lock those threads could hold."""
    monkeypatch.setattr(audit_jobs, "other_threads", lambda: False)


def _plain_archive(count: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    posts = [
        f"{rng.choice(_LINES).format(n=n)} #{n}" if n % 97 else "RT @kofi: a reshare"
        for n in range(count)
    ]
    return "\n---\n".join(posts).encode()


def _session(data: bytes) -> AuditSession:
    return AuditSession.of(read_archive(data, "posts.txt"), handles=["@me"], platform="mastodon")


def _audit(data: bytes, jobs: int) -> dict[str, object]:
    session = _session(data)
    drive(session, jobs, io.StringIO())
    return session.result(items=True)


def test_workers_give_the_figures_one_process_gives() -> None:
    data = _plain_archive(3_000)
    one, two = _audit(data, 1), _audit(data, 2)
    assert one == two
    assert one["posts"] == 3_000
    broken = {row["rule"]: row["posts"] for row in one["findings"]}  # type: ignore[attr-defined]
    assert len(broken) >= 5 and sum(broken.values()) > 800  # the comparison had work to do


def test_the_checks_are_done_by_the_workers() -> None:
    session = _session(_plain_archive(3_000))
    keys = audit_jobs.plan(session.auditor, session.archive.posts, 2)
    assert len(keys) >= audit_jobs.MIN_TEXTS
    done = list(audit_jobs.check_in_workers(session.auditor, keys, 2))
    assert done[-1] == len(keys) and done == sorted(done)

    def no_more_checks(key: object) -> object:
        raise AssertionError(f"checked again in this process: {key!r}")

    session.auditor.check_text = no_more_checks  # type: ignore[method-assign]
    while not session.finished:
        session.step()
    assert session.result()["posts"] == 3_000


def test_a_worker_that_dies_leaves_the_audit_to_finish_here() -> None:
    data = _plain_archive(3_000)
    session = _session(data)
    parent, check = os.getpid(), session.auditor.check_text

    def dies_in_a_worker(key: TextKey) -> Broken:
        if os.getpid() != parent and "#1500" in key[1]:
            os._exit(9)  # as if killed: no exception, no answer
        return check(key)

    session.auditor.check_text = dies_in_a_worker  # type: ignore[method-assign]
    screen = io.StringIO()
    drive(session, 2, screen)
    assert "a worker process stopped; the audit finishes in this one" in screen.getvalue()
    assert session.result(items=True) == _audit(data, 1)


def test_what_is_left_to_check_is_each_text_once() -> None:
    session = _session(_plain_archive(400))
    posts = session.archive.posts
    keys = session.auditor.to_check(posts)
    texts = [text for _reply, text in keys]
    assert len(texts) == len(set(texts))
    assert "" not in texts and not any(t.startswith("RT @kofi") for t in texts)  # reshares
    assert {(post.reply_to is not None, post.text) for post in posts} >= set(keys)
    session.auditor.feed(posts[:100])
    assert len(session.auditor.to_check(posts)) < len(keys)  # checked ones are not asked again


def test_since_leaves_older_posts_out_of_the_checks() -> None:
    posts = [
        Post(f"Post number {day}", when=datetime(2024, 3, day, tzinfo=UTC)) for day in (1, 2, 3)
    ]
    posts.append(Post("Undated, so kept"))
    auditor = Auditor(platform="mastodon", handles=["@me"], since=date(2024, 3, 2))
    kept = [text for _reply, text in auditor.to_check(posts)]
    assert kept == ["Post number 2", "Post number 3", "Undated, so kept"]


def test_a_reply_is_checked_as_a_reply() -> None:
    auditor = Auditor(platform="x", handles=["@me"])
    posts = [Post("Same words", reply_to="ana"), Post("Same words"), Post("Mine", reply_to="me")]
    assert auditor.to_check(posts) == [(True, "Same words"), (False, "Same words"), (False, "Mine")]


def test_the_cores_on_this_machine_are_used() -> None:
    assert audit_jobs.can_fork()  # CI runs on Linux: the workers are tested, never skipped
    assert audit_jobs.default_jobs() >= 1


def test_one_process_when_that_is_all_that_pays() -> None:
    big, small = _session(_plain_archive(3_000)), _session(_plain_archive(500))
    assert audit_jobs.plan(big.auditor, big.archive.posts, 1) == []  # one job asked for
    assert audit_jobs.plan(small.auditor, small.archive.posts, 4) == []  # too few texts
    assert len(audit_jobs.plan(big.auditor, big.archive.posts, 2)) >= audit_jobs.MIN_TEXTS


def test_one_process_when_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real question, with a thread of our own running
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert audit_jobs.other_threads()
        session = _session(_plain_archive(3_000))
        assert audit_jobs.plan(session.auditor, session.archive.posts, 2) == []
    finally:
        release.set()
        thread.join()


def test_the_bar_shows_the_checks_then_the_posts() -> None:
    screen = Terminal()
    drive(_session(_plain_archive(3_000)), 2, screen)
    shown = screen.getvalue()
    assert "\rchecking [" in shown and "texts" in shown
    assert shown.index("\rchecking [") < shown.index("\rauditing [")
    assert "3,000/3,000 posts" in shown


def test_the_cli_gives_the_same_json_whatever_jobs(tmp_path: Path) -> None:
    posts = tmp_path / "posts.txt"
    posts.write_bytes(_plain_archive(2_500))
    common = (str(posts), "--handle", "@me", "--platform", "mastodon", "--format", "json")
    runs = [audit(*common, "--jobs", jobs, cwd=tmp_path) for jobs in ("1", "2")]
    assert [run.returncode for run in runs] == [0, 0], runs[1].stderr
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)


@pytest.mark.parametrize("jobs", ["0", "-1", "many", "1000"])
def test_a_bad_number_of_jobs_exits_2(tmp_path: Path, jobs: str) -> None:
    posts = tmp_path / "posts.txt"
    posts.write_text("Hello")
    proc = audit(str(posts), "--jobs", jobs, cwd=tmp_path)
    assert proc.returncode == 2
    assert "is not a number of processes from 1 to 256" in proc.stderr
