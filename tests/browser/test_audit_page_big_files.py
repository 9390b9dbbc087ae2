"""Big exports on the "Your feed" page, in headless Chromium.

A real X archive is mostly media and often several gigabytes. The page hands the File
to the worker, which reads only the slices Python asks for (the zip's directory and
the posts), so Python's memory stays far below the file's size; a big file that is not
an archive is refused with the CLI's sentence, and so is a zip cut off mid-download.
The archives are sparse files made on the fly (tests/audit_archives.py ``big_zip``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the archive helpers
from audit_archives import big_zip, fixture_bytes, sparse_file, zip_of
from conftest import ROOT, new_context
from playwright.sync_api import Browser, Page
from your_feed import open_feed, run_audit

MEDIA = 320_000_000
MB = 1_000_000
MEMBERS = {
    "data/account.js": fixture_bytes("x/data/account.js"),
    "data/tweets.js": fixture_bytes("x-long/data/tweets.js"),
    "data/note-tweet.js": fixture_bytes("x-long/data/note-tweet.js"),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("big-exports")


@pytest.fixture(scope="module", params=[MEDIA, 4_500_000_000], ids=["320MB", "4.5GB-zip64"])
def big(folder: Path, request: pytest.FixtureRequest) -> Path:
    return big_zip(
        folder / f"twitter-{request.param // MB}mb.zip",
        MEMBERS,
        {"data/tweets_media/2001-video.mp4": request.param},
    )


@pytest.fixture(scope="module")
def small(folder: Path) -> Path:
    path = folder / "twitter-small.zip"
    path.write_bytes(zip_of(MEMBERS))
    return path


@pytest.fixture
def feed(
    browser: Browser, base_url: str, requests_seen: list[str], dialogs_seen: list[str]
) -> Iterator[Page]:
    """A fresh tab each test: Python's memory only grows, so each starts from boot."""
    context = new_context(browser, requests_seen, dialogs_seen)
    page = context.new_page()
    open_feed(page, base_url)
    yield page
    context.close()


def python_mb(page: Page) -> int:
    """Python's (WebAssembly) memory after the last audit, as the worker reports it."""
    value = page.get_attribute("[data-audit-wasm-mb]", "data-audit-wasm-mb")
    assert value, "the worker did not report Python's memory"
    return int(value)


def cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "audit", path.name, *args],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def cli_error(path: Path) -> str:
    done = cli(path)
    assert done.returncode == 2, done.stdout[:200]
    return done.stderr.strip().removeprefix("etiquette: error: ")


def test_a_big_archive_is_audited_without_filling_pythons_memory(
    feed: Page, big: Path, small: Path
) -> None:
    assert big.stat().st_size > 300 * MB
    assert run_audit(feed, small) == "done"
    before = python_mb(feed)
    assert run_audit(feed, big) == "done", feed.text_content("[data-audit-error-text]")
    after = python_mb(feed)
    expected = json.loads(cli(big, "--format", "json").stdout)
    posts = feed.get_attribute("[data-audit-posts]", "data-audit-posts")
    assert int(str(posts)) == expected["posts"] == 6
    # the long posts were read whole from note-tweet.js inside the big zip, as by the CLI
    assert expected["source"] == f"data/tweets.js, data/note-tweet.js in {big.name}"
    assert expected["source"] in str(feed.text_content("[data-audit-source]"))
    # Python holds the posts, not the video: it grew by a sliver of the file, if at all
    size = big.stat().st_size // MB
    print(f"Python memory {before} MB after a small zip, {after} MB after the {size:,} MB one")
    assert after - before < MEDIA / MB / 20, (before, after)
    assert after * MB < big.stat().st_size / 2, (before, after)
    # The measure can tell: a 100 MB file that must be read whole (a tweets.js of one
    # empty array and blank space) does fill Python's memory.
    blank = big.parent / "tweets-blank.js"
    with blank.open("wb") as file:
        file.write(b"window.YTD.tweets.part0 = [")
        file.write(b" " * (100 * MB))
        file.write(b"]")
    run_audit(feed, blank)
    assert python_mb(feed) - after >= 100, (after, python_mb(feed))


def test_a_250_mb_posts_file_is_refused_with_the_clis_sentence(feed: Page, folder: Path) -> None:
    huge = sparse_file(folder / "tweets.js", 250 * MB, b"window.YTD.tweets.part0 = [")
    assert run_audit(feed, huge) == "error"
    said = feed.text_content("[data-audit-error-text]")
    assert said == cli_error(huge)
    assert said == (
        "tweets.js: 250 MB is more than the audit reads (150 MB); "
        "export a shorter period, or split the file"
    )


def test_a_big_file_named_like_an_archive_is_refused_by_its_size(
    feed: Page, folder: Path, small: Path
) -> None:
    """Not refused by the page (a .zip may be big), but by Python from the size alone."""
    assert run_audit(feed, small) == "done"
    before = python_mb(feed)
    fake = sparse_file(folder / "posts.zip", 250 * MB, b"window.YTD.tweets.part0 = [")
    assert run_audit(feed, fake) == "error"
    assert feed.text_content("[data-audit-error-text]") == cli_error(fake)
    assert run_audit(feed, small) == "done"  # the same worker carries on
    assert python_mb(feed) - before < 250 / 20


def test_a_big_zip_cut_off_gets_one_sentence(feed: Page, big: Path, folder: Path) -> None:
    cut = folder / "twitter-cut.zip"
    with big.open("rb") as src, cut.open("wb") as out:
        out.write(src.read(64 * 1024))
        out.truncate(big.stat().st_size - 1000)  # the zip's directory is at its end
    assert run_audit(feed, cut) == "error"
    said = feed.text_content("[data-audit-error-text]")
    assert said == cli_error(cut)
    assert said == f"{cut.name}: the zip file is damaged or truncated; download the export again"
    assert feed.is_hidden("[data-audit-results]")


@pytest.mark.parametrize("notes", ["whole", "cut-off"])
def test_long_posts_on_the_page_as_in_the_cli(feed: Page, folder: Path, notes: str) -> None:
    """The page reads note-tweet.js from the zip as the CLI does; a broken one is named
    in the source line and the audit still runs."""
    members = dict(MEMBERS)
    if notes == "cut-off":
        members["data/note-tweet.js"] = members["data/note-tweet.js"][:700]
    path = folder / f"twitter-notes-{notes}.zip"
    path.write_bytes(zip_of(members))
    assert run_audit(feed, path) == "done", feed.text_content("[data-audit-error-text]")
    expected = json.loads(cli(path, "--format", "json").stdout)
    findings = feed.eval_on_selector_all(
        "[data-audit-finding]", "(nodes) => nodes.map((n) => n.dataset.auditFinding)"
    )
    assert findings == [f["rule"] for f in expected["findings"]]
    assert ("hard-sell" in findings) is (notes == "whole")  # the offer is past the cut
    source = str(feed.text_content("[data-audit-source]"))
    assert expected["source"] in source
    assert ("without data/note-tweet.js (the X archive file is truncated" in source) is (
        notes == "cut-off"
    )
