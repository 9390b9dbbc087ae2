"""A team's internal copy, end to end: fork, configure, build as the Pages workflow does,
serve under a sub-path, and compare the page with the CLI.

The fork is a ``git clone`` of this repository's HEAD (so it holds what is committed)
into a temporary folder. Its mkdocs.yml gets a ``site_url`` under a sub-path, Mastodon
as the default platform, the team's handle, two rules switched off and one rule of the
team's own. It is built with the very ``run:`` command of the build step in
``.github/workflows/pages.yml`` (``make build``), with this checkout's ``.venv`` and
``node_modules`` lent to it (linked, so nothing is installed twice), served under its
sub-path, and checked in Chromium: the page and ``etiquette check --config mkdocs.yml``
give the same JSON for a set of drafts, the team's rule has its page, and the page
flags a draft with it. A screenshot of both lands in tests/artifacts/.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import BOOT_TIMEOUT_MS, ROOT, new_context
from forks import cli_json
from playwright.sync_api import Browser, Page
from site_server import SiteServer

SUB_PATH = "/acme-handbook/"
SITE_URL = f"https://intranet.acme.example{SUB_PATH}"
CUSTOM_RULE = {
    "name": "say-our-name",
    "severity": "warning",
    "message": "Write the product's name as Acme Cloud.",
    "fix": "Write Acme Cloud, with a space and two capitals.",
    "words": ["acmecloud", "acme-cloud"],
    "page": "teams.md",
    "flags": ["Try acmecloud today: it syncs your notes."],
    "passes": ["Try Acme Cloud today: it syncs your notes."],
}
TEAM = {
    "platform": "mastodon",
    "handles": ["@acme"],
    "rules": {"stiff-jargon": {"enabled": False}, "hashtag-stuffing": {"enabled": False}},
    "custom-rules": [CUSTOM_RULE],
}
DRAFTS = [
    "Our acmecloud launch is live! Let's leverage synergy going forward.",
    "We moved to acme-cloud last week. #a #b #c #d #e #f #g #h",
    "Thanks @sam for the write-up on how your team uses Acme Cloud: the part on backups helped us.",
    "RT if you agree: acmecloud is the best!!!",
    "word " * 120,
]
OFF = ("stiff-jargon", "hashtag-stuffing")


def _pages_build_command() -> str:
    """The ``run:`` of the build job's step that builds the site, as the workflow says it."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    runs = [s["run"] for s in workflow["jobs"]["build"]["steps"] if "run" in s]
    assert len(runs) == 1, f"expected one build command in pages.yml, found {runs}"
    command = runs[0]
    assert isinstance(command, str)
    return command


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fork = tmp_path_factory.mktemp("team") / "handbook"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(fork)], check=True)
    config_path = fork / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["site_url"] = SITE_URL
    config["extra"]["checker"] = TEAM
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # Lend the fork this checkout's environments; mark its manifests older than them so
    # make sees nothing to install (it would otherwise reinstall into the linked .venv).
    for name in (".venv", "node_modules"):
        (fork / name).symlink_to(ROOT / name, target_is_directory=True)
    for name in ("pyproject.toml", "requirements/lock.txt", "package.json", "package-lock.json"):
        if (fork / name).exists():
            os.utime(fork / name, (0, 0))
    build = subprocess.run(
        ["bash", "-c", _pages_build_command()],
        cwd=fork,
        capture_output=True,
        text=True,
        env={**os.environ, "MAKEFLAGS": ""},
        timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert (fork / "site" / "rules" / "say-our-name" / "index.html").is_file()
    return fork


@pytest.fixture(scope="module")
def server(copy: Path) -> Iterator[SiteServer]:
    with SiteServer({SUB_PATH: copy / "site"}, site_url=SITE_URL) as srv:
        yield srv


@pytest.fixture(scope="module")
def checker_page(
    server: SiteServer, browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    context = new_context(browser, requests_seen, dialogs_seen)
    page = context.new_page()
    page.goto(f"{server.origin}{SUB_PATH}checker/")
    page.wait_for_selector("[data-checker-state=ready]", timeout=BOOT_TIMEOUT_MS)
    yield page
    context.close()


def _cli(copy: Path, text: str) -> dict[str, object]:
    return cli_json(copy / "mkdocs.yml", text, cwd=copy)


@pytest.mark.parametrize("draft", DRAFTS)
def test_page_and_cli_give_the_same_json(checker_page: Page, copy: Path, draft: str) -> None:
    in_page = checker_page.evaluate("text => window.__etiquette.check(text, {})", draft)
    from_cli = _cli(copy, draft)
    assert in_page == from_cli
    assert from_cli["platform"] == "mastodon", "the team's default platform"
    rules = {f["rule"] for f in from_cli["findings"]}  # type: ignore[union-attr]
    assert not rules & set(OFF), "switched off by the team"
    for finding in from_cli["findings"]:  # type: ignore[union-attr]
        assert finding["url"].startswith(SITE_URL + "rules/")


def test_the_custom_rule_flags_in_both(checker_page: Page, copy: Path) -> None:
    from_cli = _cli(copy, DRAFTS[0])
    ours = [f for f in from_cli["findings"] if f["rule"] == "say-our-name"]  # type: ignore[union-attr]
    assert [DRAFTS[0][f["start"] : f["end"]] for f in ours] == ["acmecloud"]
    assert ours[0]["url"] == f"{SITE_URL}rules/say-our-name/"
    assert ours[0]["severity"] == "warning"


def test_the_team_handle_is_known(checker_page: Page, copy: Path) -> None:
    draft = "Wow, @acme says we are the best team ever! RT @fan: @acme rocks"
    assert checker_page.evaluate("text => window.__etiquette.check(text, {})", draft) == _cli(
        copy, draft
    )


def test_the_custom_rule_has_its_page(
    server: SiteServer, browser: Browser, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    response = page.goto(f"{server.origin}{SUB_PATH}rules/say-our-name/")
    assert response is not None and response.status == 200
    assert page.locator("h1 code").inner_text().strip() == "say-our-name"
    body = page.locator("article").inner_text()
    assert CUSTOM_RULE["message"] in body and CUSTOM_RULE["fix"] in body
    assert "acmecloud" in body and "Acme Cloud today" in body  # its examples
    assert page.locator("article a[href$='teams/']").count() >= 1, "links the team's own page"
    nav = page.locator("nav.md-nav--primary a[href$='say-our-name/']")
    assert nav.count() >= 1, "listed under Rules in the navigation"
    page.screenshot(path=str(artifacts / "team-copy-custom-rule-page.png"), full_page=False)
    index = page.goto(f"{server.origin}{SUB_PATH}rules/")
    assert index is not None and index.status == 200
    assert "Your team's rules" in page.locator("article").inner_text()
    context.close()


def test_the_page_flags_a_draft_with_the_custom_rule(checker_page: Page, artifacts: Path) -> None:
    checker_page.fill("[data-checker-input]", DRAFTS[0])
    card = checker_page.locator("[data-rule='say-our-name']").first
    card.wait_for(timeout=BOOT_TIMEOUT_MS)
    assert card.get_attribute("data-severity") == "warning"
    assert "Acme Cloud" in card.inner_text()
    # listed with the built-in rules, where a reader may turn it off
    assert checker_page.locator("[data-rule-toggle='say-our-name']").count() == 1
    checker_page.set_viewport_size({"width": 1100, "height": 1250})
    checker_page.screenshot(
        path=str(artifacts / "team-copy-checker-flags-custom-rule.png"), full_page=False
    )
