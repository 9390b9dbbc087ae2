"""Linear-time checks that hold on a busy machine: growth ratios, never wall time.

A test that says "100 KB in under 0.5 s" fails when four copies of the suite
share two cores. What a hostile paste must not do is grow faster than its size:
so time the same work on an input ``factor`` times smaller and on the full one,
each the best of a few runs (the minimum is the least noisy estimate of what the
code costs), and compare the ratio with the ratio of sizes. Linear work gives a
ratio near ``factor``; quadratic work gives ``factor ** 2``.

Time is this process's CPU time, not the wall clock: when other processes share
the cores, a long run is preempted more often than a short one, and wall time
inflates the ratio of linear code past the limit (seen with two suites and other
builds on two cores: ratios of 30 to 70). Absolute budgets live in ``make bench``
(``scripts/bench.py``), which prints PASS or OVER.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# Between linear (factor) and quadratic (factor ** 2) for factor 10, with room for
# cache effects and the fixed cost of small inputs.
DEFAULT_MAX_RATIO = 30.0
TAIL = 16  # characters of the end kept in the small input


def _time_once(run: Callable[[str], object], text: str) -> float:
    """Seconds of this process's CPU time that ``run(text)`` takes."""
    started = time.process_time()
    run(text)
    return time.process_time() - started


def _fresh(text: str) -> str:
    """An equal string that is another object (made before the clock starts)."""
    return (text + ".")[:-1]


def growth_ratio(
    run: Callable[[str], object], text: str, factor: int = 10, repeat: int = 3
) -> float:
    """Time of ``run(text)`` over time of ``run`` on the first ``len(text) // factor``
    characters: about ``factor`` when the work is linear in the text."""
    # The small input keeps the text's head and its last few characters: a hostile
    # paste's tail often decides the work ("a." * 50_000 + "com" is one long domain;
    # its first tenth alone is no link at all, and would make linear code look 3x worse).
    size = max(1, len(text) // factor)
    tail = min(TAIL, size // 2)
    small = text[: size - tail] + (text[len(text) - tail :] if tail else "")
    run(small)  # warm caches (compiled regexes, lazy tables) before timing
    # Small and large runs alternate, so a burst of load from elsewhere on the machine
    # (CPU time still inflates when another process thrashes the shared cache) falls on
    # both sides of the ratio rather than on three large runs in a row. Each run gets
    # its own copy of the text: a cache of the last text seen (twitter-text keeps one,
    # by identity) would otherwise answer some runs and not others, and time nothing.
    small_time = large_time = float("inf")
    for _ in range(repeat):
        small_time = min(small_time, _time_once(run, _fresh(small)))
        large_time = min(large_time, _time_once(run, _fresh(text)))
    # A floor on the small time: a run of a few microseconds is mostly timer noise.
    return large_time / max(small_time, 2e-4)


def assert_near_linear(
    run: Callable[[str], object],
    text: str,
    factor: int = 10,
    max_ratio: float = DEFAULT_MAX_RATIO,
    repeat: int = 3,
    attempts: int = 3,
) -> None:
    """Fail when ``run`` on ``text`` grows clearly faster than the size of ``text``.

    A ratio over the limit is measured again, up to ``attempts`` times in all, and only
    fails when every measurement is over: worse-than-linear code is over every time
    (quadratic work is about ``factor ** 2``), while a noisy neighbour seldom strikes
    the same test thrice. CI once saw 38x for code that measures 9-13x alone.
    """
    ratios: list[float] = []
    for _ in range(attempts):
        ratios.append(growth_ratio(run, text, factor, repeat))
        if ratios[-1] <= max_ratio:
            return
    shown = ", ".join(f"{ratio:.1f}x" for ratio in ratios)
    raise AssertionError(
        f"{factor}x the input took {shown} the time in {attempts} measurements "
        f"(linear is about {factor}x): something in this path is worse than linear"
    )
