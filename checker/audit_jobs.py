"""The CLI's audit on several cores: the texts are checked in worker processes.

Checking each post's text is nearly all of an audit's cost (about 200 µs a post
in CPython), and each text's answer depends on the text alone
(``Auditor.check_text``). So the shell splits the texts still to check
(``Auditor.to_check``) into batches, checks them in a pool of forked workers,
and hands the answers back (``Auditor.learn``); then the posts are fed in order
as before, every check already answered. The result is the same as one process
gives, figure for figure (tests/test_audit_jobs.py).

Only the CLI does this. The core stays pure and single-threaded (the browser's
worker has one thread and no processes), and on a system without ``fork``
(Windows, and macOS where forking a process that may hold system frameworks is
unsafe), with one core, or in a process running other threads, the audit simply
runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from checker.audit.auditor import Auditor, Broken, TextKey
from checker.audit.model import Post

BATCH = 400  # texts a worker checks per task: large enough that passing them costs little
MIN_TEXTS = 2_000  # below this (about 0.4 s of checks) starting workers gains nothing

# The auditor the forked workers check with: set in this process just before the pool
# forks, so each worker inherits it (its compiled rules included) instead of unpickling it.
_AUDITOR: Auditor | None = None


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def other_threads() -> bool:
    """True when this process runs threads besides the main one. Forking copies only
    the calling thread, so a lock another thread held at that moment stays held in
    the child for ever; the CLI has no other thread, and a program that imports the
    audit and has some keeps to one process."""
    return threading.active_count() > 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the CLI (this process) stops the audit,
    # and the workers, told to ignore it, are shut down with it instead of each
    # printing a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_batch(keys: list[TextKey]) -> list[tuple[TextKey, Broken]]:
    assert _AUDITOR is not None, "a worker runs only after check_in_workers set the auditor"
    return [(key, _AUDITOR.check_text(key)) for key in keys]


def check_in_workers(auditor: Auditor, keys: list[TextKey], jobs: int) -> Iterator[int]:
    """Checks ``keys`` in ``jobs`` processes and teaches ``auditor`` the answers,
    yielding how many are done after each batch (for a progress bar).

    A worker that dies (killed for memory, say) raises ``BrokenProcessPool`` here
    rather than leaving the audit waiting for ever; the answers learned until then
    are kept, so the caller can finish in this process."""
    global _AUDITOR
    batches = [keys[i : i + BATCH] for i in range(0, len(keys), BATCH)]
    _AUDITOR = auditor
    pool = ProcessPoolExecutor(
        min(jobs, len(batches)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_ignore_interrupts,
    )
    try:
        done = 0
        for future in as_completed([pool.submit(_check_batch, batch) for batch in batches]):
            answers = future.result()
            auditor.learn(answers)
            done += len(answers)
            yield done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _AUDITOR = None


def plan(auditor: Auditor, posts: Sequence[Post], jobs: int) -> list[TextKey]:
    """The texts worth checking in ``jobs`` workers, or [] to run in this process: one
    job asked for, no safe fork here, or too few texts to repay starting the workers."""
    if jobs < 2 or not can_fork() or other_threads() or len(posts) < MIN_TEXTS:
        return []
    keys = auditor.to_check(posts)
    return keys if len(keys) >= MIN_TEXTS else []
