"""A team's copy: settings in its mkdocs.yml reach the browser and the CLI alike.

Builds the real handbook with a fork's mkdocs.yml (another site_url and sub-path,
LinkedIn by default, the team's handle, a rule off, a severity changed, extra
banned words), serves it, and checks that the page and `etiquette check --config
mkdocs.yml` give the very same JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from forks import build_fork, checker_page, cli_json
from playwright.sync_api import Browser, Page

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


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fork(tmp_path_factory.mktemp("fork"), TEAM, SITE_URL)


@pytest.fixture(scope="module")
def team_page(
    fork: Path, browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    with checker_page(fork.parent / "site", SITE_URL, browser, requests_seen, dialogs_seen) as page:
        yield page


def test_the_page_starts_on_the_teams_platform(team_page: Page) -> None:
    assert team_page.input_value("[data-checker-platform]") == "linkedin"
    assert team_page.is_disabled("[data-rule-toggle='stiff-jargon']")


def test_browser_and_cli_give_the_same_json_for_the_team(team_page: Page, fork: Path) -> None:
    browser_json = team_page.evaluate(
        "text => window.__etiquette.check(text, {platform: 'linkedin', kind: 'post', handles: []})",
        DRAFT,
    )
    from_cli = cli_json(fork, DRAFT)
    assert browser_json == from_cli
    rules = {f["rule"]: f for f in from_cli["findings"]}  # type: ignore[union-attr]
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
    from_cli = cli_json(fork, text, "--platform", example.platform, "--kind", example.kind)
    assert "vanity-retweet" in [f["rule"] for f in from_cli["findings"]]  # type: ignore[union-attr]
    browser_json = team_page.evaluate(
        "([text, p, k]) => window.__etiquette.check(text, {platform: p, kind: k, handles: []})",
        [text, example.platform, example.kind],
    )
    assert browser_json == from_cli
