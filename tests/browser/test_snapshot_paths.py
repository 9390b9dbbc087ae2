"""The checker page's two ways of starting Python, forced one at a time.

- the memory snapshot (what a reader normally gets: ``scripts/make_snapshot.mjs``);
- the ordinary boot (package loader), which the worker falls back to, without an alarming
  word, when the snapshot cannot be fetched or restored: here the server answers 404 for it,
  serves bytes that are not a snapshot, or a real snapshot of another build (it restores,
  its build id differs, and Python starts afresh), or a snapshot whose delta was taken
  against another wasm's memory (the worker's check refuses it once the wasm is
  instantiated), or when pyodide.asm.wasm itself fails to instantiate for the snapshot
  attempt (the page's compile and the worker's first instantiation get a broken file).

Both must give CPython's JSON for every rule example.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, ConsoleMessage, Route
from site_server import SiteServer
from test_checker_page import _parity_cases, cpython_json

MANIFEST = ROOT / "build" / "site-assets.json"


def _snapshot_route() -> str:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    if "snapshot" not in manifest:
        pytest.fail("the staged runtime has no snapshot: run `make build`")
    return f"/handbook/{manifest['snapshot']}"


def _not_a_snapshot(folder: Path) -> Path:
    """Gzipped bytes that inflate fine but are no Pyodide snapshot (an HTML error page)."""
    path = folder / "broken.snapshot.gz"
    path.write_bytes(gzip.compress(b"<!doctype html><title>Moved</title>" * 100))
    return path


def _other_wasm(folder: Path) -> Path:
    """This site's snapshot, its header naming another wasm's fresh memory (the hash of it)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    staged = ROOT / "build" / manifest.get("root", ".") / "site-assets"
    data = bytearray(gzip.decompress((staged / manifest["snapshot"]).read_bytes()))
    assert data[:4] == b"ETQ2", "the staged snapshot is not a delta (scripts/make_snapshot.mjs)"
    data[8:12] = bytes(b ^ 0xFF for b in data[8:12])
    path = folder / "other-wasm.snapshot.gz"
    path.write_bytes(gzip.compress(bytes(data), compresslevel=1))
    return path


def _other_build(folder: Path) -> Path:
    """A snapshot of this very runtime and wheel, made with another build id."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    staged = ROOT / "build" / manifest.get("root", ".") / "site-assets"
    out = folder / "other.snapshot.gz"
    node = shutil.which("node")
    assert node, "node is not on PATH"
    cmd = [
        node,
        str(ROOT / "scripts" / "make_snapshot.mjs"),
        str(staged / manifest["indexURL"]),
        str(staged / manifest["wheel"]),
        "0" * 16,
        str(out),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


@pytest.fixture(
    scope="module",
    params=["snapshot", "missing", "broken", "other-build", "other-wasm", "wasm-fails"],
)
def boot_path(
    request: pytest.FixtureRequest, site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """(the way Python must start, the checker page's URL) on a server set up to force it."""
    mounts: dict[str, Path] = {}
    if request.param == "missing":
        mounts[_snapshot_route()] = tmp_path_factory.mktemp("gone") / "nothing-here"
    elif request.param == "broken":
        mounts[_snapshot_route()] = _not_a_snapshot(tmp_path_factory.mktemp("broken"))
    elif request.param == "other-build":
        mounts[_snapshot_route()] = _other_build(tmp_path_factory.mktemp("other"))
    elif request.param == "other-wasm":
        mounts[_snapshot_route()] = _other_wasm(tmp_path_factory.mktemp("other-wasm"))
    mounts["/handbook/"] = site
    mkdocs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    with SiteServer(mounts, site_url=mkdocs["site_url"]) as server:
        yield request.param, f"{server.origin}/handbook/checker/"


def test_both_boot_paths_give_cpythons_json_for_every_rule_example(
    browser: Browser,
    requests_seen: list[str],
    dialogs_seen: list[str],
    boot_path: tuple[str, str],
) -> None:
    way, url = boot_path
    context = new_context(browser, requests_seen, dialogs_seen)
    broken_wasm: list[str] = []
    if way == "wasm-fails":
        # The first two requests for the wasm (the page's compile, then the worker's
        # instantiation for the snapshot attempt) get bytes that are no WebAssembly; the
        # ordinary boot after them gets the real file.
        def break_twice(route: Route) -> None:
            if len(broken_wasm) < 2:
                broken_wasm.append(route.request.url)
                route.fulfill(status=200, content_type="application/wasm", body=b"\0asm broken")
            else:
                route.continue_()

        context.route("**/pyodide.asm.wasm", break_twice)
    page = context.new_page()
    console: list[ConsoleMessage] = []
    page.on("console", lambda message: console.append(message))
    try:
        page.goto(url)
        page.wait_for_selector("[data-checker-state=ready]", timeout=BOOT_TIMEOUT_MS)
        timings: dict[str, Any] = page.evaluate("() => window.__etiquetteRuntime.info.timings")
        assert timings["snapshot"] is (way == "snapshot")
        cases = _parity_cases()
        got = page.evaluate(
            """cases => Promise.all(cases.map(c => window.__etiquette.check(
                 c.text, {platform: c.platform, kind: c.kind, handles: c.handles})))""",
            cases,
        )
        mismatches = [
            (case["text"][:50], case["platform"], case["kind"])
            for case, report in zip(cases, got, strict=True)
            if report
            != cpython_json(case["text"], case["platform"], case["kind"], tuple(case["handles"]))
        ]
        assert not mismatches, f"{way}: {len(mismatches)} of {len(cases)} differ: {mismatches[:5]}"
        # Nothing alarming: the page shows no error and the console holds no error or warning.
        assert page.is_hidden("[data-checker-error]")
        loud = [
            m.text
            for m in console
            if m.type in ("error", "warning") and "blocked by Playwright" not in m.text
        ]
        assert not loud, loud
        if way != "snapshot":
            assert any("without its snapshot" in m.text for m in console if m.type == "info")
        if way == "wasm-fails":
            assert len(broken_wasm) == 2, broken_wasm  # both attempts met the broken file
    finally:
        context.close()
