"""A team's copy: settings in its mkdocs.yml reach the browser and the CLI alike.

Builds the real handbook with a fork's mkdocs.yml (another site_url and sub-path,
LinkedIn by default, the team's handle, a rule off, a severity changed, extra
banned words), serves it, and checks that the page and `etiquette check --config
mkdocs.yml` give the very same JSON.
"""

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

TEAM = {
    "platform": "linkedin",
    "handles": ["@acme"],
    "rules": {
        "stiff-jargon": {"enabled": False},
        "hard-sell": {"severity": "warning", "extra-terms": ["mega deal"]},
    },
}
SITE_URL = "https://acme.example/internal-handbook/"
DRAFT = "Our mega deal is back: let's leverage synergy and circle back next week."


def _fork_config(tmp: Path) -> Path:
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
    return path


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fork")
    config = _fork_config(tmp)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr
    return config


@pytest.fixture(scope="module")
def team_page(
    fork: Path, browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    with SiteServer({"/internal-handbook/": fork.parent / "site"}, site_url=SITE_URL) as srv:
        context = new_context(browser, requests_seen, dialogs_seen)
        page = context.new_page()
        page.goto(f"{srv.origin}/internal-handbook/checker/")
        page.wait_for_selector("[data-checker-state=ready]", timeout=BOOT_TIMEOUT_MS)
        yield page
        context.close()


def _cli_json(config: Path, text: str, *args: str) -> dict[str, object]:
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
        cwd=ROOT,
    )
    assert run.returncode in (0, 1), run.stderr
    result = json.loads(run.stdout)
    assert isinstance(result, dict)
    return result


def test_the_page_starts_on_the_teams_platform(team_page: Page) -> None:
    assert team_page.input_value("[data-checker-platform]") == "linkedin"
    assert team_page.is_disabled("[data-rule-toggle='stiff-jargon']")


def test_browser_and_cli_give_the_same_json_for_the_team(team_page: Page, fork: Path) -> None:
    browser_json = team_page.evaluate(
        "text => window.__etiquette.check(text, {platform: 'linkedin', kind: 'post', handles: []})",
        DRAFT,
    )
    cli_json = _cli_json(fork, DRAFT)
    assert browser_json == cli_json
    rules = {f["rule"]: f for f in cli_json["findings"]}  # type: ignore[union-attr]
    assert "stiff-jargon" not in rules, "switched off by the team"
    assert rules["hard-sell"]["severity"] == "warning", "the team's severity"
    assert DRAFT[rules["hard-sell"]["start"] : rules["hard-sell"]["end"]] == "mega deal"
    assert rules["hard-sell"]["url"] == f"{SITE_URL}rules/hard-sell/"


def test_the_teams_handle_is_known_to_both(team_page: Page, fork: Path) -> None:
    from checker.rules import get

    example = next(ex for ex in get("vanity-retweet").flags if ex.handles)
    text = example.text
    for handle in example.handles:  # the example's own handle, spoken as the team's
        text = text.replace(handle, "@acme").replace(handle.lstrip("@"), "acme")
    cli_json = _cli_json(fork, text, "--platform", example.platform, "--kind", example.kind)
    assert "vanity-retweet" in [f["rule"] for f in cli_json["findings"]]  # type: ignore[union-attr]
    browser_json = team_page.evaluate(
        "([text, p, k]) => window.__etiquette.check(text, {platform: p, kind: k, handles: []})",
        [text, example.platform, example.kind],
    )
    assert browser_json == cli_json
