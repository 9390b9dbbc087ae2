"""Speed figure for ``make bench``: ``etiquette check`` on a folder of 1,000 draft files.

A team's drafts repository, made up here: a thousand files under nested folders,
plain text and Markdown, some with front matter (other platforms and kinds), some
with Windows line ends, a few long enough to be over their limit. The whole
command is timed as a team's CI runs it (a new Python process each time, start-up
included), best and median of a few runs, against the budget of 5 s, with
PASS/OVER.

    .venv/bin/python scripts/bench_files.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 1000
RUNS = 3
BUDGET_S = 5.0
ROOT = Path(__file__).resolve().parent.parent

BODIES = (
    "Loved @janedoe's talk on accessible forms at #a11yconf. Her point that an error "
    "message should say what to do next changed how I review pull requests. "
    "Slides: https://example.com/talks/forms (h/t @sam_k) Which fix would you ship first?",
    "**Launch day!** Our [new guide](https://example.org/guide) is out: thanks to "
    "@maria_dev and @tomasz for the reviews. What would you add?",
    "Thanks for flagging this, we fixed the export bug in today's release.\n— Sam",
    "Hi Alex, we met at the PyCon sprint on packaging; I'd like to keep in touch about "
    "the wheel tags work.",
    "BUY NOW!!! Limited time offer, use code SAVE50 at bit.ly/deal #sale #deal #shop",
    "Our first post.\n\n---\n\nThe second post of the thread, with a link "
    "https://example.net/a/b?c=d and a question: how do you test yours?",
    "word " * 90,
)
FRONT = (
    "",
    "---\nplatform: mastodon\n---\n",
    "---\nplatform: linkedin\nkind: post\nhandles: ['@acme']\n---\n",
    "---\nplatform: bluesky\nkind: reply\n---\n",
    "---\nkind: thread\n---\n",
)


def make_drafts(folder: Path) -> None:
    for i in range(FILES):
        body = BODIES[i % len(BODIES)]
        front = FRONT[i % len(FRONT)] if "---\n\n" not in body else FRONT[4]
        suffix = ".md" if i % 2 else ".txt"
        text = front + body + f"\n\nDraft {i}.\n"
        if i % 7 == 0:
            text = text.replace("\n", "\r\n")
        path = folder / f"team-{i % 10}" / f"draft-{i:04}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


def time_command(args: list[str], cwd: Path) -> tuple[list[float], str]:
    times = []
    out = ""
    for _ in range(RUNS):
        started = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"bench_files: the check failed: {done.stderr.strip()}")
        out = done.stdout
    return times, out


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="etiquette-bench-") as tmp:
        folder = Path(tmp) / "drafts"
        make_drafts(folder)
        print(f"\nCLI on a folder of {FILES:,} draft files (CPython, whole command)")
        header = (
            f"{'format':<12}  {'runs':>4}  {'best s':>7}  {'median s':>8}  {'budget s':>8}  "
            "verdict  note"
        )
        print(header)
        print("-" * len(header))
        for fmt, budget in (("json-lines", BUDGET_S), ("github", None), ("sarif", None)):
            command = [sys.executable, "-m", "checker", "check", str(folder), "--format", fmt]
            times, out = time_command(command, ROOT)
            median = statistics.median(times)
            verdict = "-" if budget is None else ("PASS" if median <= budget else "OVER")
            findings = len(out.splitlines()) if fmt == "json-lines" else ""
            note = f"{findings} findings" if findings != "" else ""
            limit = "-" if budget is None else f"<= {budget:g}"
            print(
                f"{fmt:<12}  {RUNS:>4}  {min(times):>7.2f}  {median:>8.2f}  {limit:>8}  "
                f"{verdict:<7}  {note}".rstrip()
            )
    return 0  # figures to read, not a gate (a shared machine can be slow for a moment)


if __name__ == "__main__":
    sys.exit(main())
