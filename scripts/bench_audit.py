"""Speed and memory of the posting-history audit, for ``make bench``.

Builds X archives (``data/tweets.js``, the format with the most bytes per post)
of 1,000, 10,000 and 50,000 posts in memory, then times the whole audit as the
CLI runs it: reading the file, the posts' checks, the ``Auditor`` fed in chunks,
the result and the HTML report. Twice: in one process (``--jobs 1``: the CPU
time is the cost of the code, whatever else the machine is doing), and as the
CLI runs by default, the checks in one process per core (``audit_jobs``): its
wall time is what a person waits for, and its CPU time counts the workers too.
Budget from issue 9: CPython <= 2 s for 10,000 posts, judged on the CLI's wall
time. Peak memory is measured in a third run (one process) under ``tracemalloc``
(which slows Python down, so it is never timed).

    .venv/bin/python scripts/bench_audit.py
"""

from __future__ import annotations

import io
import json
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

# Run from a checkout without installing: the repository root holds checker/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.audit import read_archive, report
from checker.audit.session import AuditSession
from checker.audit_cli import drive
from checker.audit_jobs import default_jobs

BUDGET_S = {10_000: 2.0}
SIZES = (1_000, 10_000, 50_000)

# A feed is varied: posts are put together from these parts by a seeded random choice
# (the same archive on every run), so few texts repeat and every rule's patterns meet
# text they must reject. (Before December 2026 the archive cycled through seven fixed
# posts, which flattered anything that caches per text.) About one post in four
# carries something a rule flags, as a real feed might.
_OPENERS = (
    "", "", "", "Honestly, ", "Quick one: ", "Update: ", "PSA: ", "Thread-free thought: ",
    "Morning! ", "So, ", "Small win today: ", "Reminder: ", "Hot take: ", "TIL ",
)  # fmt: skip
_SENTENCES = (
    "Loved {who}'s talk on accessible forms at {tag}.",
    "Her point that an error message should say what to do next changed how I review code.",
    "We shipped release {n} today: faster search, and the old filters still work.",
    "This is the clearest explanation of rate limits I have read in a while.",
    "The bakery on Mill Lane has started selling rye again and I am very happy about it.",
    "Does anyone know a good guide to writing alt text for charts?",
    "Spent the afternoon pairing with {who} on the migration; we found {n} dead tables.",
    "Our library now lends out tools, seeds and board games with the same card.",
    "The council meeting about the new cycle lane is on Thursday at 7pm in the town hall.",
    "I finally understand why my sourdough kept collapsing: the kitchen was too warm.",
    "If you maintain an open-source project, the migration guide matters more than the changelog.",
    "Three things I learned running a meetup for {n} people: book the room early, "
    "feed people, and end on time.",
    "Thanks to everyone who came to the repair café on Saturday 🙏",
    "Our team is hiring a product designer in Leeds, remote-friendly.",
    "Rain all week, so the allotment gets a rest and so do I.",
    "Can we talk about how good the new station signs are? Clear, big, and in two languages.",
    "Reading {who}'s notes on incident reviews: blameless does not mean pointless.",
    "My kid asked why the sky is blue and now we are both reading about Rayleigh scattering.",
    "Nurses on our ward worked double shifts all weekend; they deserve more than applause.",
    "Working on a short course about spreadsheets for charities, feedback welcome.",
    "¿Alguien tiene una buena receta de tortilla? La mía siempre se rompe.",
    "Der Zug war pünktlich, und ich hatte sogar einen Sitzplatz. Ein Wunder.",
    "The café's new oat flat white is £3.40, which is a lot, but it is very good.",
    "Day {n} of learning Welsh: I can now order coffee and apologise for my accent.",
    "Ten years at the paper today. Still love the smell of a fresh edition.",
)  # fmt: skip
_FLAGGED = (
    "Buy now! 50% off our course this week only, {n} seats left",
    "Only {n} more followers to 1,000! Help me get there 🙏",
    "Like and share if you agree!",
    "Excited to leverage our synergies and circle back on the low-hanging fruit.",
    "BREAKING: the bridge is closing for a year, my cousin works at the council and says so",
    "Use code SAVE{n} for free shipping, today only!",
    "THIS IS THE BEST NEWS ALL WEEK!!!",
    "Found this online, credit to the owner.",
    "Follow for more tips, I follow back!",
    "Tag a friend who needs to hear this",
    "Check this out",
    "RT @{handle}: Write the error message before you write the code.",
    "New post on our blog",
)  # fmt: skip
_HANDLES = (
    "janedoe", "sam_k", "lena_k", "ops_anna", "tomas", "mara_writes", "jo_dev", "city_lib",
    "priya_codes", "the_bakery", "kofi", "wei_lin",
)  # fmt: skip
_TAGS = ("#a11yconf", "#opensource", "#localnews", "#gardening", "#python", "#cycling", "#books")
_EMOJI = ("", "", "", " 🎉", " 😅", " 🌧️", " ✨", " 👀", " ❤️")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _post(rng: random.Random, n: int) -> tuple[str, str | None]:
    """A post's text and the handle it answers (None for a post that answers nobody)."""
    who = "@" + rng.choice(_HANDLES)
    parts: dict[str, object] = {"who": who, "n": rng.randint(2, 999), "tag": rng.choice(_TAGS)}
    parts["handle"] = rng.choice(_HANDLES)
    roll = rng.random()
    if roll < 0.25:
        body = rng.choice(_FLAGGED).format(**parts)
        if rng.random() < 0.5:
            body += " " + rng.choice(_SENTENCES).format(**parts)
    else:
        body = rng.choice(_OPENERS) + " ".join(
            rng.choice(_SENTENCES).format(**parts) for _ in range(rng.choice((1, 1, 2, 2, 3)))
        )
    body += rng.choice(_EMOJI)
    if rng.random() < 0.35:
        body += f" https://t.co/{n:x}{rng.randint(1000, 9999)}"
    if rng.random() < 0.15:
        body += " " + rng.choice(_TAGS)
    kind = rng.random()
    if kind < 0.12:
        return f"RT @{parts['handle']}: {body}", None
    if kind < 0.35:
        handle = rng.choice(_HANDLES)
        return f"@{handle} {body}", handle
    return body, None


def tweets_js(count: int) -> bytes:
    rng = random.Random(20261204)
    entries = []
    for n in range(count):
        text, reply_to = _post(rng, n)
        urls = []
        if "https://t.co/" in text:
            short = text[text.index("https://t.co/") :].split()[0]
            target = (
                f"https://twitter.com/ops_anna/status/{n}"
                if n % 9 == 0
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
        if reply_to is not None:
            tweet["in_reply_to_status_id_str"] = "1"
            tweet["in_reply_to_user_id"] = "2"
            tweet["in_reply_to_screen_name"] = reply_to
        entries.append({"tweet": tweet})
    return ("window.YTD.tweets.part0 = " + json.dumps(entries, indent=2)).encode()


def run_audit(data: bytes, jobs: int = 1) -> int:
    """The CLI's path without the file: read, check and feed (``drive``, as the CLI
    calls it, with no bar), render the HTML report."""
    session = AuditSession.of(read_archive(data, "tweets.js"), handles=["me"])
    drive(session, jobs, io.StringIO())
    return len(report.render_html(session.result()))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once joined
    return usage.ru_utime + usage.ru_stime


class Figures:
    """Median wall and CPU seconds of ``runs`` audits with ``jobs`` processes."""

    def __init__(self, data: bytes, jobs: int, runs: int) -> None:
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time() + _children_cpu()
            run_audit(data, jobs)
            cpus.append(time.process_time() + _children_cpu() - cpu)
            walls.append(time.perf_counter() - wall)
        self.wall, self.cpu = statistics.median(walls), statistics.median(cpus)


def peak_mb(data: bytes) -> float:
    tracemalloc.start()
    run_audit(data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    version = ".".join(map(str, sys.version_info[:3]))
    jobs = default_jobs()
    print(f"\nAudit, CPython {version} (X tweets.js, read + audit + HTML report)")
    print(f"one process (--jobs 1), and the CLI's default: {jobs} processes, one per core")
    header = (
        "posts", "file MB", "runs", "1p cpu s", "µs/post", f"{jobs}p wall s", f"{jobs}p cpu s",
        "peak MB", "budget s", "verdict",
    )  # fmt: skip
    print("  ".join(f"{h:>11}" for h in header))
    over = 0
    for count in SIZES:
        runs = 3 if count <= 10_000 else 1
        data = tweets_js(count)
        one, many = Figures(data, 1, runs), Figures(data, jobs, runs)
        budget = BUDGET_S.get(count)
        verdict = "-" if budget is None else ("PASS" if many.wall <= budget else "OVER")
        over += verdict == "OVER"
        cells = (
            f"{count:,}",
            f"{len(data) / 1e6:.1f}",
            str(runs),
            f"{one.cpu:.2f}",
            f"{one.cpu / count * 1e6:.0f}",
            f"{many.wall:.2f}",
            f"{many.cpu:.2f}",
            f"{peak_mb(data):.0f}",
            "-" if budget is None else f"<= {budget:g}",
            verdict,
        )
        print("  ".join(f"{c:>11}" for c in cells))
    print(f"\n{'Audit within budget.' if not over else f'Audit: {over} over budget.'}")
    return 0  # figures to read, not a gate


if __name__ == "__main__":
    raise SystemExit(main())
