"""Serve the built site under a sub-path on 127.0.0.1, as a static host would.

Used by the browser tests (``tests/browser/``) and ``scripts/bench_browser.py``.
``/handbook/`` maps to ``site/``; extra folders (the benchmark's bare Pyodide page)
can be mounted beside it.
``.wasm`` goes out as ``application/wasm`` (streaming compile has no fallback) and
``.mjs`` as JavaScript.

Material's instant navigation only intercepts links listed in ``sitemap.xml``, whose
absolute URLs come from ``site_url`` and are matched with the port included. Given
``site_url``, the server rewrites it in the sitemap to its own address, as if the site
were deployed here.
"""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Mapping
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
}


# What GitHub Pages compresses (text and wasm); zips and .gz files go out as they are.
GZIPPED = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt"}
_GZIP_CACHE: dict[tuple[str, int], bytes] = {}


class _Handler(SimpleHTTPRequestHandler):
    mounts: Mapping[str, Path] = {}
    site_url = ""  # rewritten to this server's address in sitemap.xml
    gzip = False  # compress as GitHub Pages does (the bench measures both)
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        for prefix, folder in self.mounts.items():
            if route.startswith(prefix):
                rest = route[len(prefix) :]
                target = (folder / rest).resolve()
                if target == folder or folder in target.parents:
                    return str(target)
        return str(Path("/nonexistent") / "x")  # anything else: 404

    def do_GET(self) -> None:
        route = urlsplit(self.path).path
        if self.gzip and self._send_gzipped():
            return
        if self.site_url and route.endswith("/sitemap.xml"):
            prefix = next((p for p in self.mounts if route.startswith(p)), None)
            path = Path(self.translate_path(self.path))
            if prefix is not None and path.is_file():
                here = f"http://{self.headers.get('Host', '127.0.0.1')}{prefix}"
                body = path.read_text(encoding="utf-8").replace(self.site_url, here).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().do_GET()

    def _send_gzipped(self) -> bool:
        """Like GitHub Pages: text and wasm gzipped on the fly for a client that accepts it."""
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in GZIPPED or not path.is_file():
            return False
        key = (str(path), path.stat().st_mtime_ns)
        if key not in _GZIP_CACHE:
            _GZIP_CACHE[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = _GZIP_CACHE[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def end_headers(self) -> None:
        # Revalidate each time, like a freshly deployed site: the cold/warm figures then
        # measure the browser's cache, not a stale one.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


# Debian's Chromium, as the browser tests and the bench drive it. The flags keep it from
# calling home: this machine's network is closed, and the site must need no other host.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a tab mid-download resets the connection: not an error here.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """A ThreadingHTTPServer on a free port, in a daemon thread."""

    def __init__(
        self, mounts: Mapping[str, Path], site_url: str = "", *, gzip: bool = False
    ) -> None:
        attrs = {
            "mounts": {k: v.resolve() for k, v in mounts.items()},
            "site_url": site_url,
            "gzip": gzip,
        }
        handler = type("Handler", (_Handler,), attrs)
        self.httpd = _Server(("127.0.0.1", 0), partial(handler))
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
