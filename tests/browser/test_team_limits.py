"""A team on its own Mastodon server with a 1,000-character limit (`extra.checker.limits`):
the page offers that limit, and counts against it exactly as the CLI does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from forks import build_fork, checker_page, cli_json
from playwright.sync_api import Browser, Page

SITE_URL = "https://team.example/handbook/"
TEAM = {"platform": "mastodon", "limits": {"mastodon": 1000}}


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fork(tmp_path_factory.mktemp("limits"), TEAM, SITE_URL)


@pytest.fixture(scope="module")
def team_page(
    fork: Path, browser: Browser, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    with checker_page(fork.parent / "site", SITE_URL, browser, requests_seen, dialogs_seen) as page:
        yield page


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
    length = cli_json(fork, draft)["length"]
    assert isinstance(length, dict)
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
    length = cli_json(fork, draft, "--cw", cw)["length"]
    assert isinstance(length, dict)
    assert (length["limit"], length["over"]) == (1000, True)
    meter = team_page.text_content("[data-checker-count]") or ""
    assert meter.startswith(f"{length['count']:,} / 1,000"), meter
    assert f"{length['count'] - 1000} over your server's limit" in meter, meter
    assert team_page.get_attribute("[data-checker-count]", "data-over") == "true"
