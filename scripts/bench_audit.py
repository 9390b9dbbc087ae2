"""Speed and memory of the posting-history audit, for ``make bench``.

Builds X archives (``data/tweets.js``, the format with the most bytes per post)
of 1,000, 10,000 and 50,000 posts in memory, then times the whole audit as the
CLI runs it: reading the file, the ``Auditor`` fed in chunks, the result and
the HTML report. Peak memory is measured in a second run under ``tracemalloc``
(which slows Python down, so it is never timed). Budget from issue 9: CPython
<= 2 s for 10,000 posts, judged on the process's CPU time: on a shared machine
the wall time also counts the moments spent waiting for a core, so both are
printed.

    .venv/bin/python scripts/bench_audit.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

# Run from a checkout without installing: the repository root holds checker/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.audit import auditor_for, read_archive, report

BUDGET_S = {10_000: 2.0}
SIZES = (1_000, 10_000, 50_000)
CHUNK = 250

_TEXTS = (
    "Loved @janedoe's talk on accessible forms at #a11yconf. Her point that an error message "
    "should say what to do next changed how I review pull requests. https://t.co/aaaa{n}",
    "@sam_k thanks, that fixed it for us too! We had the same problem with the cache ({n}).",
    "RT @lena_k: Write the error message before you write the code. Post {n}",
    "This is the clearest explanation of rate limits I have read {n} https://t.co/qqqq{n}",
    "Buy now! 50% off our course this week only, {n} seats left https://t.co/ssss{n}",
    "https://t.co/bbbb{n}",
    "We shipped release {n} today: faster search, and the old filters still work.",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tweets_js(count: int) -> bytes:
    entries = []
    for n in range(count):
        text = _TEXTS[n % len(_TEXTS)].format(n=n)
        urls = []
        if "https://t.co/" in text:
            short = text[text.index("https://t.co/") :].split()[0]
            target = (
                f"https://twitter.com/ops_anna/status/{n}"
                if "rate limits" in text
                else f"https://example.com/news/technology-{n}"
            )
            urls.append({"url": short, "expanded_url": target, "display_url": target[8:30]})
        tweet: dict[str, object] = {
            "edit_info": {"initial": {"editTweetIds": [str(n)], "editsRemaining": "5"}},
            "retweeted": False,
            "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
            "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": urls},
            "display_text_range": ["0", str(len(text))],
            "favorite_count": "0",
            "id_str": str(n),
            "truncated": False,
            "retweet_count": "0",
            "id": str(n),
            "created_at": f"Mon {_MONTHS[n // 500 % 12]} 10 10:00:00 +0000 {2015 + n // 6000}",
            "favorited": False,
            "full_text": text,
            "lang": "en",
        }
        if text.startswith("@sam_k"):
            tweet["in_reply_to_status_id_str"] = "1"
            tweet["in_reply_to_user_id"] = "2"
            tweet["in_reply_to_screen_name"] = "sam_k"
        entries.append({"tweet": tweet})
    return ("window.YTD.tweets.part0 = " + json.dumps(entries, indent=2)).encode()


def run_audit(data: bytes) -> int:
    """The CLI's path without the file: read, audit in chunks, render the HTML report."""
    archive = read_archive(data, "tweets.js")
    auditor = auditor_for(archive, handles=["me"])
    posts = archive.posts
    for start in range(0, len(posts), CHUNK):
        auditor.feed(posts[start : start + CHUNK])
    html = report.render_html(auditor.result().to_dict(items=False))
    return len(html)


def measure(count: int, runs: int) -> tuple[float, float, float, int]:
    """Median wall and CPU seconds of ``runs`` audits, peak MB, and the file's size."""
    data = tweets_js(count)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        run_audit(data)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    tracemalloc.start()
    run_audit(data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(walls), statistics.median(cpus), peak / 1e6, len(data)


def main() -> int:
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"\nAudit, CPython {version} (X tweets.js, read + audit + HTML report)")
    header = (
        "posts", "file MB", "runs", "wall s", "cpu s", "µs/post", "peak MB", "budget s", "verdict"
    )  # fmt: skip
    print("  ".join(f"{h:>9}" for h in header))
    over = 0
    for count in SIZES:
        runs = 3 if count <= 10_000 else 1
        wall, seconds, peak_mb, size = measure(count, runs)
        budget = BUDGET_S.get(count)
        verdict = "-" if budget is None else ("PASS" if seconds <= budget else "OVER")
        over += verdict == "OVER"
        cells = (
            f"{count:,}",
            f"{size / 1e6:.1f}",
            str(runs),
            f"{wall:.2f}",
            f"{seconds:.2f}",
            f"{seconds / count * 1e6:.0f}",
            f"{peak_mb:.0f}",
            "-" if budget is None else f"<= {budget:g}",
            verdict,
        )
        print("  ".join(f"{c:>9}" for c in cells))
    print(f"\n{'Audit within budget.' if not over else f'Audit: {over} over budget.'}")
    return 0  # figures to read, not a gate


if __name__ == "__main__":
    raise SystemExit(main())
