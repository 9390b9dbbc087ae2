"""MkDocs hook: ship the browser checker's runtime and the team's settings.

- ``on_config`` validates ``extra.checker`` with the same ``parse_config`` as
  the CLI (a bad team setting fails the build) and reads the manifest that
  ``scripts/stage_pyodide.py`` (``make stage``) wrote.
- ``on_page_context`` gives the checker page's template what it shows before
  Python boots: platforms, kinds, rules, the team's defaults.
- ``on_post_build`` copies the staged tree (Pyodide, the checker wheel, the
  site's lock file; the manifest names its folder under ``build/``) into the
  site and writes ``assets/checker/config.json`` for the worker: the team's
  settings and where the runtime lives.

Paths in ``config.json`` are relative to the site root; the browser resolves
them from its script's own URL, so the site works under any sub-path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from checker.config import Config, ConfigError, mkdocs_settings, parse_config
from checker.model import KINDS
from checker.platforms import PLATFORMS
from checker.rules import REGISTRY
from checker.web import platform_kinds

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
MANIFEST = BUILD / "site-assets.json"  # names the current stage: see scripts/stage_pyodide.py
SOURCE = "mkdocs.yml extra.checker"
CONFIG_JSON = "assets/checker/config.json"
SCRIPTS = ROOT / "overrides" / "assets" / "checker"
SERVICE_WORKER = ROOT / "hooks" / "templates" / "sw.js"
# the runtime files the worker loads (beside the stdlib zip and the snapshot)
SERVICE_WORKER_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
KIND_LABELS = {
    "post": "Post",
    "reply": "Reply",
    "invitation": "Connection invitation",
    "thread": "Thread (posts split by ---)",
}

_state: dict[str, Any] = {}


def _manifest() -> dict[str, Any]:
    data = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else None
    if not isinstance(data, dict) or not _staged(data).is_dir():
        raise PluginError(
            "The browser checker's runtime is not staged (build/site-assets.json is missing "
            "or stale): run `make stage` (make build and make serve do it for you)."
        )
    return data


def _staged(manifest: dict[str, Any]) -> Path:
    return BUILD / str(manifest.get("root", "-")) / "site-assets"


def _team_settings(config: MkDocsConfig) -> tuple[dict[str, Any], Config]:
    """``extra.checker`` with the site's ``site_url``: the same reading as the CLI's."""
    try:
        mapping = mkdocs_settings({"extra": dict(config.extra or {}), "site_url": config.site_url})
        parsed = parse_config(mapping, SOURCE)
        json.dumps(mapping)  # parse_config accepted it, so it is plain data
    except ConfigError as err:
        raise PluginError(f"Bad team setting for the checker: {err}") from None
    except TypeError as err:
        raise PluginError(f"{SOURCE}: not plain data: {err}") from None
    return mapping, parsed


def _asset_version(manifest: dict[str, Any]) -> str:
    """A short hash of the checker's scripts and runtime, for cache-busting URLs."""
    digest = hashlib.sha256(str(manifest.get("stamp", "")).encode())
    for path in sorted(SCRIPTS.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def runtime_options(manifest: dict[str, Any]) -> dict[str, Any]:
    """Where the browser finds Python and the checker: the one source of these options.

    Paths are site-root-relative; boot.js resolves them from its own URL. The checker page
    carries them once (a JSON script in its head, read by boot.js and checker.js), and
    ``config.json`` repeats them for tools that read the built site (the bench, the tests).
    """
    return {
        "indexURL": manifest["indexURL"],
        "lockFileURL": manifest["lockFile"],
        "packages": [manifest["package"]],
        "configURL": CONFIG_JSON,
        **_snapshot_options(manifest),
    }


def download_bytes(manifest: dict[str, Any]) -> int:
    """What a first visit to the checker downloads: every staged runtime file except the
    full Pyodide lock file (the page loads the site's own small one instead)."""
    staged = _staged(manifest)
    skip = staged / manifest["indexURL"] / "pyodide-lock.json"
    return sum(f.stat().st_size for f in staged.rglob("*") if f.is_file() and f != skip)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    manifest = _manifest()
    mapping, parsed = _team_settings(config)
    _state.update(manifest=manifest, mapping=mapping, parsed=parsed)
    _state["version"] = _asset_version(manifest)
    return config


def _snapshot_options(manifest: dict[str, Any]) -> dict[str, str]:
    """Where the worker finds the memory snapshot (scripts/make_snapshot.mjs), if staged."""
    if "snapshot" not in manifest:
        return {}
    return {
        "snapshotURL": manifest["snapshot"],
        "snapshotBuildId": manifest["snapshotBuildId"],
        "wheelURL": manifest["wheel"],
        "wheelPath": manifest["snapshotWheelPath"],
    }


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    # The checker page, and "Your feed" (the audit), which runs in the same worker.
    if page.meta.get("template") not in ("checker.html", "your-feed.html"):
        return context
    parsed: Config = _state["parsed"]
    context["checker"] = {
        "version": _state["version"],
        "runtime": runtime_options(_state["manifest"]),
        "platform": parsed.platform,
        "kind": parsed.kind,
        "platforms": [
            {
                "name": p.name,
                "label": p.label,
                "limit": parsed.limits.get(p.name, p.limit),
                "unit": p.unit,
                "kinds": platform_kinds(p.name),
                "content_warning": p.content_warning,  # the page's content-warning field
                "limit_note": _limit_note(p.name, parsed),
            }
            for p in PLATFORMS.values()
        ],
        "download_bytes": download_bytes(_state["manifest"]),
        "kinds": [{"name": k, "label": KIND_LABELS.get(k, k.capitalize())} for k in KINDS],
        "rules": [
            {
                "name": r.name,
                "summary": r.summary,
                "severity": (parsed.rule(r.name).severity or r.severity).value,
                "team_off": not parsed.rule(r.name).enabled,
            }
            for r in (*REGISTRY, *parsed.custom_rules)  # the team's own rules too
        ],
    }
    return context


def _limit_note(platform: str, parsed: Config) -> str:
    """Whose limit the page counts against, when the team set one (``limits.<platform>``):
    where each server sets its own (``Platform.server_limit``) it is the server's, elsewhere
    the team's choice."""
    if platform not in parsed.limits:
        return ""
    return "your server's limit" if PLATFORMS[platform].server_limit else "your team's limit"


def _link_or_copy(src: str, dst: str) -> object:
    # A hard link spares copying 13 MB on every rebuild; other filesystems copy.
    try:
        if os.path.exists(dst):
            os.remove(dst)
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


# `import ... from "./view.js"` (and `export ... from`), as the checker's modules import each other.
_SIBLING_IMPORT = re.compile(r"""(\bfrom\s*)(["'])(\./[\w.-]+\.js)\2""")


def version_imports(source: str, version: str) -> str:
    """``source`` with each import of a sibling module carrying ``?v=version``.

    The page loads ``checker.js?v=...``; a relative import inside it would drop the query,
    so a browser could pair a new script with a stale cached module. The files in
    ``overrides/`` stay plain, as Node's tests (tests/js/) import them.
    """
    return _SIBLING_IMPORT.sub(lambda m: f"{m[1]}{m[2]}{m[3]}?v={version}{m[2]}", source)


def _version_site_modules(folder: Path, version: str) -> None:
    for path in sorted(folder.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        versioned = version_imports(text, version)
        if versioned != text:
            tmp = path.with_suffix(".js.tmp")
            tmp.write_text(versioned, encoding="utf-8")
            os.replace(tmp, path)  # a new file: never write through a hard link


def on_post_build(config: MkDocsConfig) -> None:
    manifest = _manifest()  # again: `make stage` may have run since on_config
    site = Path(config.site_dir)
    shutil.copytree(_staged(manifest), site, dirs_exist_ok=True, copy_function=_link_or_copy)
    _version_site_modules(site / "assets" / "checker", _state["version"])
    out = {
        "schema": 1,
        "source": SOURCE,
        "checker": _state["mapping"],
        "pyodide": {"version": manifest["pyodideVersion"], **runtime_options(manifest)},
    }
    target = site / CONFIG_JSON
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    own = [*config.extra_css, *(str(script) for script in config.extra_javascript)]
    own += [str(config.theme["favicon"])] if config.theme.get("favicon") else []
    write_service_worker(site, manifest, _state["version"], own)


def _precache(site: Path, manifest: dict[str, Any], version: str, own: list[str]) -> list[str]:
    """What the checker page needs offline, as paths from the site root (with their ?v=).

    ``own``: the site's extra_css, extra_javascript and favicon, which every page links.
    """
    index = manifest["indexURL"]
    build = manifest.get("snapshotBuildId")
    paths = ["checker/", *(f"{index}{name}" for name in SERVICE_WORKER_RUNTIME)]
    paths.append(f"{index}python_stdlib.zip" + (f"?v={build}" if build else ""))
    paths += [manifest["wheel"], manifest["lockFile"], f"{CONFIG_JSON}?v={version}"]
    paths += [manifest["snapshot"]] if "snapshot" in manifest else []
    paths += [
        f"assets/checker/{p.name}?v={version}"
        for p in sorted(SCRIPTS.glob("*"))
        if p.suffix in (".js", ".mjs", ".css")
    ]
    paths += [path for path in own if (site / path).is_file()]
    # Material's own bundles, named by their hash
    for pattern in ("assets/javascripts/*.js", "assets/stylesheets/*.css"):
        paths += sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
    return paths


def write_service_worker(
    site: Path, manifest: dict[str, Any], version: str, own: list[str]
) -> None:
    """``sw.js`` at the site root (hooks/templates/sw.js says why there), for this build."""
    template = SERVICE_WORKER.read_text(encoding="utf-8")
    precache = _precache(site, manifest, version, own)
    digest = hashlib.sha256(template.encode() + json.dumps(precache).encode())
    digest.update(str(manifest.get("stamp", "")).encode() + version.encode())
    script = template.replace('"__BUILD__"', json.dumps(digest.hexdigest()[:12]))
    script = script.replace("__PRECACHE__", json.dumps(precache, indent=2))
    (site / "sw.js").write_text(script, encoding="utf-8")
