"""Browser figures for ``make bench``: the checker page in headless Chromium.

Measured in one run, against the built ``site/`` served on 127.0.0.1:

- **Pages.** A bare page that only does ``loadPyodide()`` and ``runPython("1+1")``, on the
  npm package's files ("stock") and on the site's own runtime ("site runtime": its stdlib
  zip holds bytecode); the same in a module worker; the checker page up to
  ``data-checker-state=ready`` by its two paths: restoring the memory snapshot
  (``scripts/make_snapshot.mjs``; what a reader gets) and the ordinary boot through the
  package loader (the same site served under ``/packages/``, where the snapshot answers
  404, so the worker falls back, at the cost of that one request).
- **Cold**: a fresh incognito context, an empty cache. **Warm**: visits in a persistent
  context (a profile on disk, as a reader's browser has), after one visit: Chromium keeps
  the 9.6 MB wasm and its compiled code only there, and the checker's service worker
  (``sw.js``) has cached the runtime. Each warm visit comes from a blank page, as a
  reader's next visit comes from another page; a reload of the page itself (which also
  times the old page's teardown: its worker and wasm memory) is printed beside it, with no
  budget. The median of several loads each.
- **Emulated networks** (cold, through the DevTools protocol's
  ``Network.emulateNetworkConditions``): 20 Mbit/s with 40 ms latency, and 100 Mbit/s with
  20 ms, for bare Pyodide and the checker's two paths; each from a server sending files as
  they are, and from one gzipping text and wasm on the fly as GitHub Pages does (zips and
  the gzipped snapshot go out as they are there too).
- The time one ``check()`` takes inside the page's worker, for a 280- and a 3,000-character
  draft.
- **Boot phases**, cold and warm: the median time (ms from navigation start) at which each
  phase of a boot ended: for the checker's two paths the worker's own marks (worker.js
  ``mark``: worker created, snapshot response and bytes, pyodide.mjs, the page's compiled
  wasm, instantiated, delta undone, memory restored, settings parsed), for the bare page
  its script, pyodide.mjs and ``loadPyodide()``. Where the time goes, not a budget.

Budgets: cold ready <= 1.0x the bare page on the same (site) runtime; warm <= 1.2x; at
20 Mbit/s the snapshot path no slower than the ordinary one; 5 ms per 280-character check.
``scripts/bench.py`` picks up ``browser_section()``; run alone, this prints its section.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import POST_280, POST_3000, Row, _percentile, format_rows  # noqa: E402
from site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

SITE = ROOT / "site"
MANIFEST = ROOT / "build" / "site-assets.json"
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
LOADS = 5  # page loads per figure (median)
NET_LOADS = 3  # page loads per figure on an emulated network (each takes seconds)
CHECKS = 50  # checks per draft in the worker (median)
SECTION = "Pyodide (headless Chromium)"
TIMEOUT_MS = 180_000
# (label, download Mbit/s, latency ms), as DevTools' throttling presets describe a network
NETWORKS = (("20 Mbit/s, 40 ms", 20, 40), ("100 Mbit/s, 20 ms", 100, 20))
NET_PAGES = ("site", "snapshot", "packages")
RELOADED = ("site", "snapshot")  # warm pages also timed as a reload of themselves

BARE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide</title>
<script type="module">
  // Pyodide loaded the plainest way: on the main thread.
  const phases = { script: performance.now() };
  const indexURL = new URL("RUNTIME", import.meta.url).href;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  phases.pyodideModule = performance.now();
  const pyodide = await loadPyodide({ indexURL });
  phases.python = performance.now();
  pyodide.runPython("1+1");
  window.__phases = phases;
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

READY = "window.__readyAt"
CHECKER_READY = "window.__etiquetteReadyAt"
# Where a load's time went: each phase's end, in ms from navigation start. The checker's
# worker reports its marks (worker.js `mark`) in its own clock, shifted here to the page's.
PHASES_JS = """() => {
  if (window.__phases) return window.__phases;
  const info = window.__etiquetteRuntime && window.__etiquetteRuntime.info;
  if (!info || !info.timings || !info.timings.marks) return {};
  const shift = info.timings.origin - performance.timeOrigin;
  const out = { worker: shift };
  for (const [name, ms] of Object.entries(info.timings.marks)) out[name] = ms + shift;
  return out;
}"""
# Phase names as the bench prints them, in the order a boot usually passes them.
PHASE_LABELS = {
    "script": "page script",
    "worker": "worker created",
    "boot": "boot message",
    "snapshotResponse": "snapshot response",
    "pyodideModule": "pyodide.mjs",
    "pageWasm": "page's wasm compiled",
    "snapshotBytes": "snapshot bytes (inflated)",
    "instantiated": "wasm instantiated",
    "undelta": "delta undone",
    "restored": "memory restored",
    "python": "Python up",
    "checker": "settings parsed",
    "ready": "ready sent",
}
Phases = dict[str, dict[str, list[float]]]  # page -> phase -> ms of each load


def _require() -> dict[str, Any]:
    if not CHROMIUM.is_file():
        raise SystemExit(f"bench_browser: {CHROMIUM} is missing: run `make browser`")
    if not (SITE / "assets" / "checker" / "config.json").is_file() or not MANIFEST.is_file():
        raise SystemExit("bench_browser: the site is not built: run `make build`")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(manifest, dict)
    return manifest


def _stats(case: str, times: list[float], budget: float | None, note: str) -> Row:
    ordered = sorted(times)
    return Row(
        SECTION,
        case,
        len(times),
        statistics.median(ordered),
        _percentile(ordered, 0.95),
        budget,
        note,
    )


def _load_ms(
    page: Any,
    url: str,
    ready_js: str,
    *,
    reload: bool = False,
    phases: dict[str, list[float]] | None = None,
) -> float:
    """Milliseconds from navigation start until ``ready_js`` gives a time; the load's
    phases are appended to ``phases`` when given."""
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_function(f"() => {ready_js} !== undefined", timeout=TIMEOUT_MS)
    if phases is not None:
        for name, ms in page.evaluate(PHASES_JS).items():
            phases.setdefault(name, []).append(float(ms))
    return float(page.evaluate(f"() => {ready_js}"))


def _emulate(context: Any, page: Any, mbits: float, latency_ms: float) -> None:
    """Throttle this page and the workers it starts (DevTools protocol)."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": mbits * 1_000_000 / 8,
            "uploadThroughput": mbits * 1_000_000 / 8,
        },
    )


def _bare_pages(tmp: Path, version: str) -> Path:
    """The bare pages, written into ``tmp`` (served as /bare/)."""
    (tmp / "index.html").write_text(
        BARE_PAGE.replace("RUNTIME", "../npm-pyodide/"), encoding="utf-8"
    )
    (tmp / "site").mkdir()
    (tmp / "site" / "index.html").write_text(
        BARE_PAGE.replace("RUNTIME", f"../../handbook/assets/pyodide/{version}/"),
        encoding="utf-8",
    )
    (tmp / "worker").mkdir()
    (tmp / "worker" / "index.html").write_text(BARE_WORKER_PAGE, encoding="utf-8")
    (tmp / "worker" / "worker.js").write_text(BARE_WORKER, encoding="utf-8")
    return tmp


def browser_section(
    loads: int = LOADS, checks: int = CHECKS, net_loads: int = NET_LOADS
) -> list[Row]:
    from playwright.sync_api import sync_playwright

    manifest = _require()
    version = str(manifest["pyodideVersion"])
    hosts: set[str] = set()
    ports: set[int] = set()
    with tempfile.TemporaryDirectory(prefix="etiquette-bench-") as tmp:
        mounts: dict[str, Path] = {"/bare/": _bare_pages(Path(tmp), version)}
        if "snapshot" in manifest:  # the ordinary boot: the same site, with no snapshot
            mounts[f"/packages/{manifest['snapshot']}"] = Path(tmp) / "missing"
        mounts |= {"/packages/": SITE, "/handbook/": SITE, "/npm-pyodide/": NPM_PYODIDE}
        with (
            SiteServer(mounts) as server,
            SiteServer(mounts, gzip=True) as zipped,
            sync_playwright() as p,
        ):
            pages = _pages(server.origin)
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

            def cold(
                urls: dict[str, tuple[str, str]],
                runs: int,
                network: Callable[..., None] | None = None,
                phases: Phases | None = None,
            ) -> dict[str, list[float]]:
                figures: dict[str, list[float]] = {name: [] for name in urls}
                # Interleaved, so a busy moment on the machine hits every page alike.
                for _ in range(runs):
                    for name, (url, ready) in urls.items():
                        context = browser.new_context(service_workers="block")
                        page = context.new_page()
                        page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
                        if network:
                            network(context, page)
                        into = None if phases is None else phases.setdefault(name, {})
                        figures[name].append(_load_ms(page, url, ready, phases=into))
                        context.close()
                return figures

            cold_phases: Phases = {}
            cold_ms = cold(pages, loads, phases=cold_phases)
            per_net: dict[str, dict[str, list[float]]] = {}
            for label, mbits, latency in NETWORKS:
                for host, origin in (("", server.origin), (", gzip", zipped.origin)):
                    urls = {k: v for k, v in _pages(origin).items() if k in NET_PAGES}
                    per_net[label + host] = cold(
                        urls,
                        net_loads,
                        lambda c, pg, m=mbits, lat=latency: _emulate(c, pg, m, lat),
                    )
            browser.close()
            warm_phases: Phases = {}
            warm_ms, reload_ms, per_check, engine = _warm(p, pages, loads, checks, warm_phases)
            ports = {server.port, zipped.port}
    rows = _rows(cold_ms, warm_ms, per_net, per_check, engine, hosts, ports)
    rows += _reload_rows(reload_ms)
    return rows + _phase_rows("cold", cold_phases) + _phase_rows("warm", warm_phases)


def _phase_rows(label: str, phases: Phases) -> list[Row]:
    """One row per page: the median end of each boot phase, in ms from navigation start."""
    rows = []
    for name in ("site", "snapshot", "packages"):
        found = phases.get(name, {})
        if not found:
            continue
        med = {phase: statistics.median(times) for phase, times in found.items()}
        order = sorted(med, key=lambda phase: med[phase])
        note = " > ".join(f"{PHASE_LABELS.get(p, p)} {med[p]:.0f}" for p in order)
        last = max(med.values())
        rows.append(
            Row(
                SECTION,
                f"boot phases, {name}, {label} (ms from navigation)",
                len(next(iter(found.values()))),
                last,
                last,
                None,
                note,
            )
        )
    return rows


def _reload_rows(reloads: dict[str, list[float]]) -> list[Row]:
    """The page reloading itself: its old page's teardown is in the time (no budget)."""
    site = statistics.median(reloads["site"])
    return [
        _stats("bare loadPyodide(), site runtime, warm reload", reloads["site"], None, ""),
        _stats(
            "checker ready, snapshot path, warm reload",
            reloads["snapshot"],
            None,
            f"{statistics.median(reloads['snapshot']) / site:.2f}x site bare (no budget)",
        ),
    ]


def _pages(origin: str) -> dict[str, tuple[str, str]]:
    """Each page measured: its URL and the expression that gives its ready time."""
    return {
        "bare": (f"{origin}/bare/", READY),
        "site": (f"{origin}/bare/site/", READY),
        "worker": (f"{origin}/bare/worker/", READY),
        "snapshot": (f"{origin}/handbook/checker/", CHECKER_READY),
        "packages": (f"{origin}/packages/checker/", CHECKER_READY),
    }


def _warm(
    p: Any, pages: dict[str, tuple[str, str]], loads: int, checks: int, phases: Phases
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[int, list[float]], str]:
    """Visits in persistent contexts (profiles on disk), one per page, after a first one:
    each from a blank page (the budgeted figure), and for RELOADED pages a reload too."""
    warm: dict[str, list[float]] = {name: [] for name in pages}
    reloads: dict[str, list[float]] = {name: [] for name in RELOADED if name in pages}
    per_check: dict[int, list[float]] = {}
    engine = ""
    with tempfile.TemporaryDirectory(prefix="etiquette-profiles-") as profiles:
        contexts = {
            name: p.chromium.launch_persistent_context(
                str(Path(profiles) / name),
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=True,
            )
            for name in pages
        }
        tabs = {
            name: ctx.pages[0] if ctx.pages else ctx.new_page() for name, ctx in contexts.items()
        }
        for name, (url, ready) in pages.items():
            _load_ms(tabs[name], url, ready)  # the visit that fills the caches
            if ready == CHECKER_READY:  # and the service worker's, once it is active
                tabs[name].evaluate(
                    "() => Promise.race([navigator.serviceWorker.ready,"
                    " new Promise((r) => setTimeout(r, 30000))])"
                )
        for _ in range(loads):
            for name, (url, ready) in pages.items():
                # A reader's next visit comes from another page: leave for a blank one first,
                # so the old page's teardown (a worker and its wasm memory) is not timed.
                tabs[name].goto("about:blank")
                into = phases.setdefault(name, {})
                warm[name].append(_load_ms(tabs[name], url, ready, phases=into))
                if name in RELOADED:  # and the same page reloaded, for comparison
                    reloads[name].append(_load_ms(tabs[name], url, ready, reload=True))
        checker = tabs["snapshot"]
        for text, platform in ((POST_280, "x"), (POST_3000, "linkedin")):
            per_check[len(text)] = checker.evaluate(
                "([text, platform, runs]) =>"
                " window.__etiquette.bench(text, {platform, kind: 'post', runs})",
                [text, platform, checks],
            )
        engine = (
            checker.evaluate(
                "() => document.querySelector('[data-checker-python]')?.dataset.checkerPython"
            )
            or ""
        )
        for ctx in contexts.values():
            ctx.close()
    return warm, reloads, per_check, engine


def _rows(
    cold: dict[str, list[float]],
    warm: dict[str, list[float]],
    per_net: dict[str, dict[str, list[float]]],
    per_check: dict[int, list[float]],
    engine: str,
    hosts: set[str],
    ports: set[int],
) -> list[Row]:
    rows = []
    for label, figures, factor in (("cold", cold, 1.0), ("warm", warm, 1.2)):
        med = {name: statistics.median(times) for name, times in figures.items()}
        bare, site = med["bare"], med["site"]
        rows += [
            _stats(
                f"bare loadPyodide(), stock npm files, {label}",
                figures["bare"],
                None,
                "to runPython('1+1')",
            ),
            _stats(
                f"bare loadPyodide(), site runtime, {label}",
                figures["site"],
                None,
                f"{site / bare:.2f}x stock",
            ),
            _stats(
                f"bare loadPyodide() in a module worker, {label}",
                figures["worker"],
                None,
                f"{med['worker'] / bare:.2f}x stock (no budget)",
            ),
            _stats(
                f"checker ready, snapshot path, {label}",
                figures["snapshot"],
                round(factor * site, 1),
                f"{med['snapshot'] / site:.2f}x site bare, {med['snapshot'] / bare:.2f}x stock"
                f" (budget {factor}x site)",
            ),
            _stats(
                f"checker ready, ordinary path, {label}",
                figures["packages"],
                None,
                f"{med['packages'] / site:.2f}x site bare, {med['packages'] / bare:.2f}x stock",
            ),
        ]
    for label, figures in per_net.items():
        med = {name: statistics.median(times) for name, times in figures.items()}
        budget = round(med["packages"], 1) if label.startswith("20 ") else None
        rows += [
            _stats(f"bare loadPyodide(), site runtime, cold, {label}", figures["site"], None, ""),
            _stats(
                f"checker ready, ordinary path, cold, {label}",
                figures["packages"],
                None,
                f"{med['packages'] / med['site']:.2f}x bare",
            ),
            _stats(
                f"checker ready, snapshot path, cold, {label}",
                figures["snapshot"],
                budget,
                f"{med['snapshot'] / med['site']:.2f}x bare"
                + (" (budget: no slower than the ordinary path)" if budget else ""),
            ),
        ]
    for length, times in per_check.items():
        budget = 5.0 if length <= 300 else None
        rows.append(
            _stats(
                f"check() in the worker, {length:,} characters", times, budget, f"Python {engine}"
            )
        )
    others = sorted(h for h in hosts if h not in {f"127.0.0.1:{port}" for port in ports})
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


# Keystroke to findings on the checker page: one character typed at the end of the draft,
# until the page shows the result for it (data-checker-pending=false), less the page's
# debounce (checker.js DEBOUNCE_MS). Each answer carries the glance table (all seven
# networks counted) and the writer's counts: the page asks for them on every keystroke.
DESK_SECTION = "Checker page: keystroke to findings"
DEBOUNCE_MS = 150
KEYSTROKE_JS = """async ([text, runs, debounce]) => {
  const root = document.querySelector("[data-checker-state]");
  const input = document.querySelector("[data-checker-input]");
  const settled = () => new Promise((resolve) => {
    const done = () => root.dataset.checkerPending === "false";
    if (done()) return resolve(performance.now());
    const seen = new MutationObserver(() => {
      if (done()) { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(root, { attributes: true, attributeFilter: ["data-checker-pending"] });
  });
  input.value = text;
  input.dispatchEvent(new Event("input"));
  await new Promise((r) => setTimeout(r, 0));
  await settled();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    input.value += i % 2 ? "s" : " ";
    const t0 = performance.now();
    input.dispatchEvent(new Event("input"));
    await new Promise((r) => setTimeout(r, 0));
    times.push((await settled()) - t0 - debounce);
  }
  return times;
}"""


def _desk_stats(case: str, times: list[float], budget: float | None, note: str) -> Row:
    return _stats(case, times, budget, note)._replace(section=DESK_SECTION)


def desk_section(runs: int = 20) -> list[Row]:
    """Keystroke-to-findings latency on the checker page (280 and 3,000 characters), and
    what the glance table and counts add to each keystroke's answer in the worker."""
    from playwright.sync_api import sync_playwright

    _require()
    rows: list[Row] = []
    with SiteServer({"/handbook/": SITE}) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{server.origin}/handbook/checker/")
        page.wait_for_selector("[data-checker-state=ready]")
        page.select_option("[data-checker-platform]", "x")
        for text in (POST_280, POST_3000):
            times = page.evaluate(KEYSTROKE_JS, [text, runs, DEBOUNCE_MS])
            budget = 50.0 if len(text) <= 300 else None
            rows.append(
                _desk_stats(
                    f"{len(text):,} characters, after the {DEBOUNCE_MS} ms debounce",
                    times,
                    budget,
                    "report + glance (7 networks) + counts, rendered",
                )
            )
            desk = page.evaluate(
                "async ([t, n]) => { const ms = []; for (let i = 0; i < n; i += 1)"
                " ms.push((await window.__etiquette.desk(t, {platform: 'x'})).ms); return ms; }",
                [text, runs],
            )
            check = page.evaluate(
                "([t, n]) => window.__etiquette.bench(t, {platform: 'x', runs: n})", [text, runs]
            )
            extra = statistics.median(desk) - statistics.median(check)
            rows.append(
                _desk_stats(
                    f"desk answer in the worker, {len(text):,} characters",
                    desk,
                    None,
                    f"check() alone {statistics.median(check):.2f} ms; glance + counts add "
                    f"{extra:.2f} ms",
                )
            )
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loads", type=int, default=LOADS, help="page loads per figure")
    parser.add_argument(
        "--net-loads", type=int, default=NET_LOADS, help="loads per emulated-network figure"
    )
    parser.add_argument("--checks", type=int, default=CHECKS, help="checks per draft")
    args = parser.parse_args(argv)
    rows = browser_section(loads=args.loads, checks=args.checks, net_loads=args.net_loads)
    print(f"\n{SECTION}")
    print(format_rows(rows))
    print(f"\n{DESK_SECTION}")
    print(format_rows(desk_section()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
