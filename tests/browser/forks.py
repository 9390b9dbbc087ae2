"""A team's copy of the handbook for browser tests: build it, open its checker, ask its CLI.

The team tests (test_team_limits, test_team_settings, test_team_copy) each stand up a fork
with its own ``extra.checker`` settings; what they share lives here, so a change to how a
fork is built or how the CLI is asked is made once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, Page
from site_server import SiteServer


def build_fork(tmp: Path, team: Mapping[str, object], site_url: str) -> Path:
    """Build the handbook with this checkout's docs and theme but the team's settings and
    site URL (so its sub-path); returns the fork's mkdocs.yml, beside which ``site/`` lies."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        site_url=site_url,
        docs_dir=str(ROOT / "docs"),
        site_dir=str(tmp / "site"),
        hooks=[str(ROOT / h) for h in config["hooks"]],
    )
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra"]["checker"] = dict(team)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr
    return path


@contextmanager
def checker_page(
    site: Path,
    site_url: str,
    browser: Browser,
    requests_seen: list[str],
    dialogs_seen: list[str],
) -> Iterator[Page]:
    """The fork's checker page, served under its sub-path, booted and ready."""
    sub_path = urlsplit(site_url).path
    with SiteServer({sub_path: site}, site_url=site_url) as srv:
        context = new_context(browser, requests_seen, dialogs_seen)
        try:
            page = context.new_page()
            page.goto(f"{srv.origin}{sub_path}checker/")
            page.wait_for_selector("[data-checker-state=ready]", timeout=BOOT_TIMEOUT_MS)
            yield page
        finally:
            context.close()


def cli_json(config: Path, text: str, *args: str, cwd: Path = ROOT) -> dict[str, object]:
    """``etiquette check - --config CONFIG --format json ARGS`` on ``text``, as JSON."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            "-",
            "--config",
            str(config),
            "--format",
            "json",
            *args,
        ],
        input=text,
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    assert run.returncode in (0, 1), run.stderr
    result = json.loads(run.stdout)
    assert isinstance(result, dict)
    return result
