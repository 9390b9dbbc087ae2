"""Browser figures for ``make bench``: the checker page in headless Chromium.

Measured in one run, against the built ``site/`` served on 127.0.0.1 under ``/handbook/``:

- a bare page that only does ``loadPyodide()`` and ``runPython("1+1")`` (generated into a
  temporary folder served beside the site, using the site's own runtime files), and the
  checker page up to ``data-checker-state=ready``; cold (a fresh browser context, so an
  empty cache) and warm (a reload in the same context); the median of several runs each.
  Budget: the checker page within 1.2x the bare page, cold and warm.
- the time one ``check()`` takes inside the page's worker (Pyodide), for a 280- and a
  3,000-character draft. Budget: 5 ms for 280 characters.

``scripts/bench.py`` picks up ``browser_section()``; run alone, this prints its section.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import POST_280, POST_3000, Row, _percentile, format_rows  # noqa: E402
from site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

SITE = ROOT / "site"
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
LOADS = 5  # page loads per figure (median)
CHECKS = 50  # checks per draft in the worker (median)
SECTION = "Pyodide (headless Chromium)"
TIMEOUT_MS = 120_000

BARE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide</title>
<script type="module">
  // Pyodide as the npm package ships it, loaded the plainest way: on the main thread.
  const indexURL = new URL("RUNTIME", import.meta.url).href;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL });
  pyodide.runPython("1+1");
  window.__readyAt = performance.now();
</script>
</html>
"""

# The same, inside a module worker as the checker runs it: the worker's own cost.
BARE_WORKER_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide in a worker</title>
<script type="module">
  const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  worker.onmessage = () => { window.__readyAt = performance.now(); };
</script>
</html>
"""

BARE_WORKER = """
const indexURL = new URL("../../npm-pyodide/", import.meta.url).href;
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL });
pyodide.runPython("1+1");
postMessage("ready");
"""


def _require() -> str:
    if not CHROMIUM.is_file():
        raise SystemExit(f"bench_browser: {CHROMIUM} is missing: run `make browser`")
    config = SITE / "assets" / "checker" / "config.json"
    if not config.is_file():
        raise SystemExit("bench_browser: the site is not built: run `make build`")
    version = json.loads(config.read_text(encoding="utf-8"))["pyodide"]["version"]
    assert isinstance(version, str)
    return version


def _stats(section: str, case: str, times: list[float], budget: float | None, note: str) -> Row:
    ordered = sorted(times)
    return Row(
        section,
        case,
        len(times),
        statistics.median(ordered),
        _percentile(ordered, 0.95),
        budget,
        note,
    )


def _load_ms(page: Any, url: str, ready_js: str, *, reload: bool = False) -> float:
    """Milliseconds from navigation start until ``ready_js`` gives a time."""
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_function(f"() => {ready_js} !== undefined", timeout=TIMEOUT_MS)
    return float(page.evaluate(f"() => {ready_js}"))


def browser_section(loads: int = LOADS, checks: int = CHECKS) -> list[Row]:
    from playwright.sync_api import sync_playwright

    version = _require()
    with tempfile.TemporaryDirectory(prefix="etiquette-bench-") as tmp:
        bare_dir = Path(tmp)
        # The budget's yardstick is Pyodide as shipped (the npm package's own files);
        # "site" is the same bare page on the site's runtime, whose stdlib zip holds
        # bytecode for the modules the checker uses (scripts/pyodide_compile.mjs).
        (bare_dir / "index.html").write_text(
            BARE_PAGE.replace("RUNTIME", "../npm-pyodide/"), encoding="utf-8"
        )
        (bare_dir / "site").mkdir()
        (bare_dir / "site" / "index.html").write_text(
            BARE_PAGE.replace("RUNTIME", f"../../handbook/assets/pyodide/{version}/"),
            encoding="utf-8",
        )
        worker_dir = bare_dir / "worker"
        worker_dir.mkdir()
        (worker_dir / "index.html").write_text(BARE_WORKER_PAGE, encoding="utf-8")
        (worker_dir / "worker.js").write_text(
            BARE_WORKER,
            encoding="utf-8",
        )
        mounts = {"/handbook/": SITE, "/bare/": bare_dir, "/npm-pyodide/": NPM_PYODIDE}
        with SiteServer(mounts) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            pages = {
                "bare": (f"{server.origin}/bare/", "window.__readyAt"),
                "site": (f"{server.origin}/bare/site/", "window.__readyAt"),
                "worker": (f"{server.origin}/bare/worker/", "window.__readyAt"),
                "checker": (f"{server.origin}/handbook/checker/", "window.__etiquetteReadyAt"),
            }
            cold: dict[str, list[float]] = {name: [] for name in pages}
            warm: dict[str, list[float]] = {name: [] for name in pages}
            hosts: set[str] = set()
            # Interleave the two pages, so a busy moment on the machine hits both alike.
            for _ in range(loads):
                for name, (url, ready) in pages.items():
                    context = browser.new_context()
                    page = context.new_page()
                    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
                    cold[name].append(_load_ms(page, url, ready))
                    context.close()
            contexts = {name: browser.new_context() for name in pages}
            tabs = {name: ctx.new_page() for name, ctx in contexts.items()}
            for name, (url, ready) in pages.items():
                _load_ms(tabs[name], url, ready)  # fill the cache
            for _ in range(loads):
                for name, (url, ready) in pages.items():
                    warm[name].append(_load_ms(tabs[name], url, ready, reload=True))
            checker = tabs["checker"]
            per_check = {
                len(text): checker.evaluate(
                    "([text, platform, runs]) =>"
                    " window.__etiquette.bench(text, {platform, kind: 'post', runs})",
                    [text, platform, checks],
                )
                for text, platform in ((POST_280, "x"), (POST_3000, "linkedin"))
            }
            engine = checker.evaluate(
                "() => document.querySelector('[data-checker-python]')?.dataset.checkerPython"
            )
            browser.close()

    rows = []
    for label, figures in (("cold", cold), ("warm", warm)):
        bare_median = statistics.median(figures["bare"])
        rows.append(
            _stats(
                SECTION,
                f"bare loadPyodide() page, {label}",
                figures["bare"],
                None,
                "to runPython('1+1')",
            )
        )
        rows.append(
            _stats(
                SECTION,
                f"bare page on the site's runtime, {label}",
                figures["site"],
                None,
                f"{statistics.median(figures['site']) / bare_median:.2f}x bare (bytecode stdlib)",
            )
        )
        rows.append(
            _stats(
                SECTION,
                f"bare loadPyodide() in a module worker, {label}",
                figures["worker"],
                None,
                f"{statistics.median(figures['worker']) / bare_median:.2f}x bare (no budget)",
            )
        )
        rows.append(
            _stats(
                SECTION,
                f"checker page to ready, {label}",
                figures["checker"],
                round(1.2 * bare_median, 1),
                f"{statistics.median(figures['checker']) / bare_median:.2f}x bare (budget 1.2x)",
            )
        )
    for length, times in per_check.items():
        budget = 5.0 if length <= 300 else None
        rows.append(
            _stats(
                SECTION,
                f"check() in the worker, {length:,} characters",
                times,
                budget,
                f"Python {engine}",
            )
        )
    others = sorted(h for h in hosts if h != f"127.0.0.1:{server.port}")
    rows.append(
        Row(
            SECTION,
            "hosts other than the site's",
            1,
            len(others),
            len(others),
            0,
            ", ".join(others),
        )
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loads", type=int, default=LOADS, help="page loads per figure")
    parser.add_argument("--checks", type=int, default=CHECKS, help="checks per draft")
    args = parser.parse_args(argv)
    rows = browser_section(loads=args.loads, checks=args.checks)
    print(f"\n{SECTION}")
    print(format_rows(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
