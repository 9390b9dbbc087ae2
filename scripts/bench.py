"""Speed figures for ``make bench``: how long one ``check()`` takes.

Each section is a function returning rows; ``main()`` prints every section
as a table with its budgets (README.md, "Speed budgets") and PASS/OVER. The
CPython sections live here: typical drafts, and hostile 100 KB pastes (the
tests only check that time grows linearly with size, since an absolute limit
in a test fails at random on a busy machine). Other sections register
themselves in ``sections``: ``scripts/bench_browser.py``, when present, provides
``browser_section() -> list[Row]`` and is picked up by ``_optional_sections``.

    .venv/bin/python scripts/bench.py
"""

from __future__ import annotations

import functools
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

# Run from a checkout without installing: the repository root holds checker/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker import check, graphemes, twitter_text


class Row(NamedTuple):
    section: str  # "CPython 3.12", "Pyodide (Chromium)"
    case: str  # what was measured: "280-character post"
    runs: int
    median_ms: float
    p95_ms: float
    budget_ms: float | None = None  # compared with the median; None: no budget
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget_ms is None:
            return "-"
        return "PASS" if self.median_ms <= self.budget_ms else "OVER"


Section = Callable[[], list[Row]]

# A realistic post: mentions, a link, a hashtag, an emoji; about 280 characters.
POST_280 = (
    "Loved @janedoe's talk on accessible forms at #a11yconf 🎉 Her point that an error "
    "message should say what to do next, not only what went wrong, changed how I review "
    "pull requests. Slides: https://example.com/talks/accessible-forms (h/t @sam_k) "
    "Which fix would you ship first?"
)

_PARAGRAPHS = (
    "Last week our team ran its first open office hours for people new to the project. "
    "Thanks to @maria_dev and @tomasz for hosting, and to everyone who came with questions. ",
    "We learned that most first-time contributors get stuck on the same three things: "
    "setting up the tests, finding an issue that is small enough, and knowing who to ask. ",
    "So we wrote a short guide, https://example.org/contributing/first-steps, and we would "
    "love your comments before we publish it more widely. #opensource ",
    "If you have mentored newcomers before, what helped them most? Reply here or tell us "
    "at the next session on Thursday 🙌 ",
)


def _long_text(size: int) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = _PARAGRAPHS[i % len(_PARAGRAPHS)]
        if i % len(_PARAGRAPHS) == len(_PARAGRAPHS) - 1:
            piece += "\n\n"
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


POST_3000 = _long_text(3000)
PASTE_100K = _long_text(100_000)


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def time_check(text: str, platform: str, runs: int, warmup: int) -> tuple[float, float]:
    """Median and 95th percentile of ``check(text)`` in milliseconds."""
    for _ in range(warmup):
        check(text, platform=platform, kind="post")
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        check(text, platform=platform, kind="post")
        times.append((time.perf_counter_ns() - start) / 1e6)
    times.sort()
    return statistics.median(times), _percentile(times, 0.95)


def cpython_section() -> list[Row]:
    version = ".".join(map(str, sys.version_info[:3]))
    section = f"CPython {version}"
    cases = (
        # (case, text, platform, runs, warm-up, budget on the median in ms)
        (f"{len(POST_280)}-character post (x)", POST_280, "x", 2000, 200, 1.0),
        (f"{len(POST_3000):,}-character post (linkedin)", POST_3000, "linkedin", 500, 50, None),
        (f"{len(PASTE_100K) // 1000} KB paste (x)", PASTE_100K, "x", 20, 2, 200.0),
    )
    rows: list[Row] = []
    for case, text, platform, runs, warmup, budget in cases:
        median, p95 = time_check(text, platform, runs, warmup)
        findings = len(check(text, platform=platform, kind="post").findings)
        rows.append(Row(section, case, runs, median, p95, budget, f"{findings} findings"))
    return rows


def time_call(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile of ``work()`` in milliseconds (the regexes and
    tables are warm already: a draft was checked first)."""
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        times.append((time.perf_counter_ns() - start) / 1e6)
    times.sort()
    return statistics.median(times), _percentile(times, 0.95)


HOSTILE_SIZE = 100_000


def _fill(unit: str) -> str:
    return (unit * (HOSTILE_SIZE // len(unit) + 1))[:HOSTILE_SIZE]


# Pastes that make naive scanners backtrack or rescan: runs of the characters
# each part of the checker looks for, with nothing to end the match.
HOSTILE_PASTES = {
    "at signs": _fill("@"),
    "hash signs": _fill("#"),
    "bangs": _fill("!"),
    "schemes": _fill("http://"),
    "dotted labels": _fill("a."),
    "dotted labels with a TLD": _fill("a.") + "com",
    "one long CJK label": "あ" * HOSTILE_SIZE + ".x",
    "path punctuation": "a.com/" + _fill("!"),
    "open parentheses": "a.com/" + _fill("(a"),
    "hashtag digits": "#" + _fill("1"),
    "mentions": _fill("@a"),
    "hashtags": _fill("#a "),
    "combining marks": "a" + "\u0301" * HOSTILE_SIZE,
    "virama run": "\u0915" + "\u094d" * HOSTILE_SIZE,
    "regional indicators": _fill("🇦"),
    "ZWJ chain": _fill("👩\u200d"),
    "capital words": _fill("A "),
    "lines": _fill("x\n"),
    "thread breaks": _fill("a\n---\n"),
    "CRLF shouting": _fill("BUY NOW\r\n"),
}


def _twitter_text_all(text: str) -> None:
    twitter_text._last_urls = (None, True, ())  # no remembered URLs: do the work
    twitter_text.parse_tweet(text)
    twitter_text.extract_mentions_with_indices(text)
    twitter_text.extract_hashtags_with_indices(text)
    twitter_text.is_valid_url("http://" + text)


def _segment(text: str) -> None:
    graphemes.grapheme_spans(text)
    graphemes.count_graphemes(text)
    graphemes.emoji_spans(text)


def _worst(case: str, run: Callable[[str], object], budget_ms: float, runs: int) -> Row:
    """The slowest of the hostile pastes (by median) for one part of the checker."""
    section = f"CPython {'.'.join(map(str, sys.version_info[:3]))}: hostile 100 KB pastes"
    worst_name, worst = "", (0.0, 0.0)
    for name, text in HOSTILE_PASTES.items():
        figures = time_call(functools.partial(run, text), runs)
        if figures[0] > worst[0]:
            worst_name, worst = name, figures
    return Row(section, case, runs, *worst, budget_ms, f"slowest: {worst_name}")


def hostile_section() -> list[Row]:
    return [
        _worst("twitter-text: count, links, mentions, hashtags", _twitter_text_all, 500.0, 3),
        _worst("grapheme clusters and emoji", _segment, 500.0, 3),
        _worst("check() as an X post", lambda t: check(t, platform="x", kind="post"), 1000.0, 2),
        _worst(
            "check() as a Mastodon thread",
            lambda t: check(t, platform="mastodon", kind="thread"),
            1000.0,
            2,
        ),
    ]


sections: list[Section] = [cpython_section, hostile_section]


def _optional_sections() -> list[Section]:
    """Sections from sibling modules that may not exist yet (e.g. the browser's)."""
    found: list[Section] = []
    for module_name, function_name in (("bench_browser", "browser_section"),):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            continue
        found.append(getattr(module, function_name))
    return found


def format_rows(rows: list[Row]) -> str:
    headers = ("case", "runs", "median ms", "p95 ms", "budget ms", "verdict", "note")
    table = [
        (
            r.case,
            str(r.runs),
            f"{r.median_ms:.3f}",
            f"{r.p95_ms:.3f}",
            "-" if r.budget_ms is None else f"<= {r.budget_ms:g}",
            r.verdict,
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    right = {1, 2, 3, 4}  # numbers line up on the right

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(tuple("-" * w for w in widths)), *map(line, table)])


def main() -> int:
    over = 0
    for section in [*sections, *_optional_sections()]:
        rows = section()
        if not rows:
            continue
        print(f"\n{rows[0].section}")
        print(format_rows(rows))
        over += sum(r.verdict == "OVER" for r in rows)
    print(f"\n{'All within budget.' if not over else f'{over} over budget.'}")
    return 0  # figures to read, not a gate: a shared machine can be slow for a moment


if __name__ == "__main__":
    raise SystemExit(main())
