"""Browser figures for ``make bench``: the "Your feed" audit in headless Chromium.

The built site is served on 127.0.0.1 under ``/handbook/``; X ``tweets.js`` files of
1,000, 10,000 and 50,000 posts (``bench_audit.tweets_js``, the CPython bench's files) are
chosen on the page, once Python is up, and audited in the page's worker. Printed per size:

- the time from choosing the file to the result shown (page), of it the time to read the
  file (until the audit's first step), and the worker's own time;
- visible progress: how many progress updates the page showed, and the longest time the
  bar did not move (it must keep moving: the budget is about a responsive page);
- memory: Python's WebAssembly memory after the audit (it only grows, so it is the peak;
  ``measureUserAgentSpecificMemory`` needs cross-origin isolation, which Pages lacks), and
  the page's JS heap from CDP ``Performance.getMetrics``.

Budgets (issue 9): 10,000 posts <= 5 s with visible progress; 50,000 done without running
out of memory. Figures to read, not a gate: the exit status is 0 unless the page broke.

    .venv/bin/python scripts/bench_audit_browser.py
"""

from __future__ import annotations

import sys
import tempfile
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_audit import tweets_js  # noqa: E402
from site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

SITE = ROOT / "site"
SIZES = (1_000, 10_000, 50_000)
BUDGET_S = {10_000: 5.0}
TIMEOUT_MS = 600_000

# Watches the page's hooks from the moment a file is chosen: state changes and each
# movement of the progress bar, with their times.
WATCH = """() => {
  const root = document.querySelector("[data-audit-state]");
  const bar = document.querySelector("[data-audit-progress]");
  const log = { start: performance.now(), moves: [], end: null, state: "", auditing: null };
  window.__auditLog = log;
  new MutationObserver(() => {
    log.moves.push(performance.now());
  }).observe(bar, { attributes: true, attributeFilter: ["aria-valuenow"] });
  new MutationObserver(() => {
    log.state = root.dataset.auditState;
    if (log.state === "auditing" && log.auditing === null) log.auditing = performance.now();
    if (["done", "error", "cancelled"].includes(log.state) && log.end === null) {
      log.end = performance.now();
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-audit-state"] });
}"""


def measure(page: Any, cdp: Any, path: Path) -> dict[str, Any]:
    page.evaluate(WATCH)
    page.set_input_files("[data-audit-file]", str(path))
    page.wait_for_function("() => window.__auditLog.end !== null", timeout=TIMEOUT_MS)
    log = page.evaluate("() => window.__auditLog")
    if log["state"] != "done":
        message = page.text_content("[data-audit-error-text]") or log["state"]
        raise RuntimeError(f"{path.name}: the audit ended {log['state']}: {message}")
    report = page.query_selector("[data-audit-posts]")
    assert report is not None
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    times = [log["start"], *log["moves"], log["end"]]
    return {
        "seconds": (log["end"] - log["start"]) / 1000,
        "read_s": ((log["auditing"] or log["end"]) - log["start"]) / 1000,
        "worker_s": int(report.get_attribute("data-audit-ms") or 0) / 1000,
        "posts": int(report.get_attribute("data-audit-posts") or 0),
        "updates": len(log["moves"]),
        "still_ms": max(b - a for a, b in pairwise(times)),
        "wasm_mb": report.get_attribute("data-audit-wasm-mb") or "?",
        "heap_mb": metrics.get("JSHeapUsedSize", 0) / 1e6,
    }


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "your-feed" / "index.html").is_file():
        print("bench_audit_browser: the site is not built: run `make build`", file=sys.stderr)
        return 1
    print("\nAudit, Pyodide in headless Chromium (the 'Your feed' page: file chosen -> result)")
    header = (
        "posts", "file MB", "page s", "of it read", "worker s", "updates", "still ms", "wasm MB",
        "JS heap MB", "budget s", "verdict",
    )  # fmt: skip
    print("  ".join(f"{h:>10}" for h in header))
    over = 0
    with (
        tempfile.TemporaryDirectory() as tmp,
        SiteServer({"/handbook/": SITE}) as server,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(f"{server.origin}/handbook/your-feed/")
        page.wait_for_function(
            "() => window.__etiquetteRuntime && window.__etiquetteRuntime.state === 'ready'"
        )
        for count in SIZES:
            path = Path(tmp) / f"tweets-{count}.js"
            path.write_bytes(tweets_js(count))
            row = measure(page, cdp, path)
            assert row["posts"] == count, row
            budget = BUDGET_S.get(count)
            seconds = row["seconds"]
            if budget is None:
                verdict = "PASS" if count == max(SIZES) else "-"  # done: memory held
            else:
                moving = row["updates"] >= 5 and row["still_ms"] < 1000
                verdict = "PASS" if seconds <= budget and moving else "OVER"
            over += verdict == "OVER"
            cells = (
                f"{count:,}",
                f"{path.stat().st_size / 1e6:.1f}",
                f"{seconds:.2f}",
                f"{row['read_s']:.2f}",
                f"{row['worker_s']:.2f}",
                str(row["updates"]),
                f"{row['still_ms']:.0f}",
                str(row["wasm_mb"]),
                f"{row['heap_mb']:.0f}",
                "-" if budget is None else f"<= {budget:g}",
                verdict,
            )
            print("  ".join(f"{c:>10}" for c in cells), flush=True)
        browser.close()
    print(
        "\n(still ms: the longest time the progress bar did not move; a budget also needs "
        "5+ updates and no stillness over 1 s. 50,000: PASS means done without running "
        "out of memory.)"
    )
    print(f"{'Browser audit within budget.' if not over else f'Browser audit: {over} over.'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
