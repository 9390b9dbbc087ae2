"""Speed figures for the writer's desk: the glance table, the counts, the splitter.

The glance table and the counts run on every keystroke in the browser, for all
seven networks at once, so they have a budget on a 280-character draft; the
splitter runs on a click and is measured for information.

    .venv/bin/python scripts/bench_desk.py

Prints a table like ``scripts/bench.py`` (whose ``Row`` and layout it reuses),
with PASS or OVER against each budget. ``desk_section()`` is the same rows
for ``scripts/bench.py`` to include.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run from a checkout without installing: the repository root holds checker/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import POST_280, POST_3000, Row, format_rows

from checker.counts import counts
from checker.glance import ORDER, glance
from checker.split import split_thread

GLANCE_BUDGET_MS = 5.0  # issue 10: all seven networks per keystroke, well within 50 ms
COUNTS_BUDGET_MS = 1.0


def _time(work: Callable[[], object], runs: int, warmup: int) -> tuple[float, float]:
    for _ in range(warmup):
        work()
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        times.append((time.perf_counter_ns() - start) / 1e6)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def desk_section() -> list[Row]:
    version = ".".join(map(str, sys.version_info[:3]))
    section = f"Writer's desk, CPython {version}"
    n = len(ORDER)
    cases: list[tuple[str, Callable[[], object], int, float | None, str]] = [
        (
            f"glance, {len(POST_280)} chars, {n} networks",
            lambda: glance(POST_280),
            2000,
            GLANCE_BUDGET_MS,
            "per keystroke",
        ),
        (
            f"glance, {len(POST_3000):,} chars, {n} networks",
            lambda: glance(POST_3000),
            300,
            None,
            "",
        ),
        (
            f"counts, {len(POST_280)} chars",
            lambda: counts(POST_280),
            2000,
            COUNTS_BUDGET_MS,
            "per keystroke",
        ),
        (
            f"split {len(POST_3000):,} chars for X, numbered",
            lambda: split_thread(POST_3000, platform="x", numbering=True),
            100,
            None,
            f"{len(split_thread(POST_3000, platform='x', numbering=True).posts)} posts, on click",
        ),
    ]
    rows = []
    for case, work, runs, budget, note in cases:
        median, p95 = _time(work, runs, max(1, runs // 10))
        rows.append(Row(section, case, runs, median, p95, budget, note))
    return rows


def main() -> int:
    rows = desk_section()
    print(rows[0].section)
    print(format_rows(rows))
    over = sum(r.verdict == "OVER" for r in rows)
    print(f"\n{'All within budget.' if not over else f'{over} over budget.'}")
    return 0  # figures to read, not a gate: a shared machine can be slow for a moment


if __name__ == "__main__":
    raise SystemExit(main())
