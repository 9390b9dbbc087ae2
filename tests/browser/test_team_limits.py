"""A team on its own Mastodon server with a 1,000-character limit (`extra.checker.limits`):
the page offers that limit, and counts against it exactly as the CLI does."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from playwright.sync_api import Browser, Page
from site_server import SiteServer

SITE_URL = "https://team.example/handbook/"
TEAM = {"platform": "mastodon", "limits": {"mastodon": 1000}}


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("limits")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        site_url=SITE_URL,
        docs_dir=str(ROOT / "docs"),
        site_dir=str(tmp / "site"),
        hooks=[str(ROOT / h) for h in config["hooks"]],
    )
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra"]["checker"] = TEAM
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


@pytest.fixture(scope="module")
def team_page(
    fork: Path, browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    with SiteServer({"/handbook/": fork.parent / "site"}, site_url=SITE_URL) as srv:
        context = new_context(browser, requests_seen, dialogs_seen)
        page = context.new_page()
        page.goto(f"{srv.origin}/handbook/checker/")
        page.wait_for_selector("[data-checker-state=ready]", timeout=BOOT_TIMEOUT_MS)
        yield page
        context.close()


def test_the_teams_server_limit_is_offered_and_counted_as_the_cli_counts(
    team_page: Page, fork: Path
) -> None:
    label = team_page.text_content("[data-checker-platform] option[value=mastodon]") or ""
    assert label == "Mastodon (1,000, your server's limit)", label
    # the networks the team left alone say nothing of whose limit it is
    assert team_page.text_content("[data-checker-platform] option[value=x]") == "X (280)"
    note = team_page.text_content("[data-checker-cw-note]") or ""
    assert note == "Mastodon counts it with the post, toward your server's limit of 1,000.", note
    assert team_page.input_value("[data-checker-platform]") == "mastodon"
    draft = "A longer toot for our own server. " * 20  # 680 characters: over 500, under 1,000
    team_page.fill("[data-checker-input]", draft)
    team_page.wait_for_selector("[data-checker-state=ready][data-checker-pending=false]")
    cli = subprocess.run(
        [sys.executable, "-m", "checker", "check", "-", "--config", str(fork), "--format", "json"],
        input=draft,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    length = json.loads(cli.stdout)["length"]
    assert (length["limit"], length["over"]) == (1000, False)
    meter = team_page.text_content("[data-checker-count]") or ""
    assert meter.startswith(f"{length['count']} / 1,000"), meter
    assert f"{1000 - length['count']} left (your server's limit)" in meter, meter
    assert team_page.get_attribute("[data-checker-count]", "data-over") == "false"


def test_a_content_warning_counts_against_the_servers_limit_as_the_cli_counts(
    team_page: Page, fork: Path
) -> None:
    draft = "A longer toot for our own server. " * 29  # 986 characters
    cw = "Long read, 👩‍💻 notes inside"
    team_page.select_option("[data-checker-platform]", "mastodon")
    team_page.fill("[data-checker-input]", draft)
    team_page.fill("[data-checker-cw]", cw)
    team_page.wait_for_selector("[data-checker-state=ready][data-checker-pending=false]")
    args = ["check", "-", "--config", str(fork), "--format", "json", "--cw", cw]
    cli = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=draft,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    length = json.loads(cli.stdout)["length"]
    assert (length["limit"], length["over"]) == (1000, True)
    meter = team_page.text_content("[data-checker-count]") or ""
    assert meter.startswith(f"{length['count']:,} / 1,000"), meter
    assert f"{length['count'] - 1000} over your server's limit" in meter, meter
    assert team_page.get_attribute("[data-checker-count]", "data-over") == "true"
