"""The "Your feed" page in headless Chromium: archives audited in the page's worker.

Each archive is also audited by the CLI (``etiquette audit FILE --format json|html``),
and the page must show the same figures and the same pictures, and save the same HTML
report. A larger archive is cancelled half-way; a damaged file and a too-big file get
their one sentence. The last test proves that no request left the site's origin and
that no file was ever sent (every request a plain GET without a body).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the archive helpers
from audit_archives import bluesky_records, car_file, fixture_bytes, tar_gz_of, zip_of
from axe import serious_violations
from bench_audit import tweets_js
from conftest import ROOT, new_context
from playwright.sync_api import Browser, BrowserContext, Page, Request
from your_feed import FILE, open_feed, run_audit

from checker.audit import svg
from checker.config import DEFAULT_SITE_URL

ROOT_SEL = "[data-audit-state]"


def archives() -> dict[str, bytes]:
    return {
        "twitter-2024.zip": zip_of(
            {
                "data/account.js": fixture_bytes("x/data/account.js"),
                "data/tweets.js": fixture_bytes("x/data/tweets.js"),
                "data/tweets_media/1-a.jpg": b"\xff\xd8" + b"\x00" * 5000,
            }
        ),
        "mastodon-export.zip": zip_of(
            {
                "actor.json": fixture_bytes("mastodon/actor.json"),
                "outbox.json": fixture_bytes("mastodon/outbox.json"),
            }
        ),
        "mastodon-export.tar.gz": tar_gz_of({"outbox.json": fixture_bytes("mastodon/outbox.json")}),
        "repo.car": car_file(bluesky_records()),
        "Shares.csv": fixture_bytes("linkedin/Shares.csv"),
        "posts.txt": fixture_bytes("plain/posts.txt"),
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for name, data in archives().items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def cli(path: Path, fmt: str) -> str:
    # Run where the file is, with its bare name: the report names the file as the page does.
    done = subprocess.run(
        [sys.executable, "-m", "checker", "audit", path.name, "--format", fmt],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return done.stdout


@pytest.fixture(scope="module")
def sent() -> list[dict[str, Any]]:
    """Every request of this module's pages: method, URL and whether it had a body."""
    return []


def record_requests(context: BrowserContext, sent: list[dict[str, Any]]) -> None:
    def record(request: Request) -> None:
        body = request.post_data_buffer
        sent.append({"method": request.method, "url": request.url, "body": len(body or b"")})

    context.on("request", record)


@pytest.fixture(scope="module")
def audit_page(
    browser: Browser,
    base_url: str,
    requests_seen: list[str],
    dialogs_seen: list[str],
    sent: list[dict[str, Any]],
) -> Iterator[Page]:
    context = new_context(
        browser, requests_seen, dialogs_seen, viewport={"width": 1280, "height": 900}
    )

    record_requests(context, sent)
    page = context.new_page()
    open_feed(page, base_url)
    yield page
    context.close()


def shown(page: Page) -> dict[str, Any]:
    """The figures as the page shows them, read from its data-audit-* hooks."""
    return page.evaluate(
        """() => {
      const r = document.querySelector("[data-audit-results]");
      const kinds = {};
      for (const row of r.querySelectorAll("[data-audit-kind]")) {
        kinds[row.dataset.auditKind] = Number(row.dataset.count);
      }
      const charts = {};
      for (const svg of r.querySelectorAll("svg[data-audit-chart]")) {
        charts[svg.dataset.auditChart.replace(/^audit-/, "")] = {
          titles: [...svg.querySelectorAll("title")].map((t) => t.textContent),
          desc: (svg.querySelector("desc") || {}).textContent || "",
          role: svg.getAttribute("role"),
          visible: svg.getBoundingClientRect().width > 0,
        };
      }
      return {
        state: document.querySelector("[data-audit-state]").dataset.auditState,
        posts: Number(r.querySelector("[data-audit-posts]").dataset.auditPosts),
        kinds,
        charts,
        summary: r.querySelector("[data-audit-summary]").textContent,
        habits: [...r.querySelectorAll("[data-habit]")].map(
          (li) => [li.dataset.habit, li.dataset.ok, li.querySelector("a").href]),
        findings: [...r.querySelectorAll("[data-audit-finding]")].map((s) => s.dataset.auditFinding),
        visible: !r.hidden,
      };
    }"""
    )


NAMES = list(archives())


@pytest.mark.parametrize("name", NAMES)
def test_the_page_shows_what_the_cli_finds(
    audit_page: Page, files: dict[str, Path], base_url: str, name: str
) -> None:
    run_audit(audit_page, files[name])
    expected = json.loads(cli(files[name], "json"))
    page = shown(audit_page)
    assert page["state"] == "done", audit_page.text_content("[data-audit-error]")
    assert page["visible"]
    assert page["posts"] == expected["posts"] > 0
    assert page["kinds"] == expected["kinds"]
    assert page["summary"] == expected["verdict"]["summary"]
    assert [h[:2] for h in page["habits"]] == [
        [p["habit"], str(p["ok"]).lower()] for p in expected["verdict"]["points"]
    ]
    # the verdict links to this copy of the handbook, where the page is served
    assert all(h[2].startswith(base_url) for h in page["habits"])
    assert page["findings"] == [f["rule"] for f in expected["findings"]]
    assert set(page["charts"]) == ({"balance", "trend"} if expected["months"] else {"balance"})
    # the pictures are the core's: every title (the chart's, each bar's) and the description
    drawn = {"balance": svg.balance(expected["kinds"]), "trend": svg.trend(expected["months"])}
    for chart, seen in page["charts"].items():
        assert seen["role"] == "img" and seen["visible"]
        assert seen["titles"] == [
            unescape(t) for t in re.findall(r"<title[^>]*>(.*?)</title>", drawn[chart])
        ]
        assert seen["desc"] == unescape(re.search(r"<desc[^>]*>(.*?)</desc>", drawn[chart])[1])


def test_save_report_downloads_the_cli_report(
    audit_page: Page, files: dict[str, Path], base_url: str
) -> None:
    path = files["twitter-2024.zip"]
    run_audit(audit_page, path)
    with audit_page.expect_download() as info:
        audit_page.click("[data-audit-save]")
    download = info.value
    assert download.suggested_filename.startswith("feed-audit-") and download.url.startswith(
        "blob:"
    )
    saved = Path(download.path()).read_text(encoding="utf-8")
    # The same report, its links pointing to the copy of the handbook it was made on.
    assert saved.replace(base_url, DEFAULT_SITE_URL) == cli(path, "html")


def test_a_damaged_file_gets_its_one_sentence(audit_page: Page, tmp_path: Path) -> None:
    broken = tmp_path / "twitter-broken.zip"
    broken.write_bytes(archives()["twitter-2024.zip"][:300])
    run_audit(audit_page, broken)
    assert audit_page.get_attribute(ROOT_SEL, "data-audit-state") == "error"
    message = audit_page.text_content("[data-audit-error-text]")
    assert message == cli_error(broken)
    assert audit_page.is_hidden("[data-audit-results]")


def cli_error(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "audit", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2
    return done.stderr.strip().removeprefix("etiquette: error: ")


def test_a_file_over_the_limit_is_refused_before_reading(audit_page: Page) -> None:
    asked = audit_page.evaluate(
        """() => {
      const file = new File([new Uint8Array(200_000_000)], "tweets.js");
      const input = document.querySelector("[data-audit-file]");
      const t = new DataTransfer();
      t.items.add(file);
      input.files = t.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return document.querySelector("[data-audit-state]").dataset.auditState;
    }"""
    )
    assert asked == "error"  # at once: nothing was sent to the worker
    message = audit_page.text_content("[data-audit-error-text]")
    assert message.startswith("tweets.js: 200 MB is more than the audit reads (150 MB)")


def test_a_file_dropped_on_the_page_is_audited(audit_page: Page, files: dict[str, Path]) -> None:
    text = files["posts.txt"].read_text(encoding="utf-8")
    audit_page.evaluate(
        """(text) => {
      const t = new DataTransfer();
      t.items.add(new File([text], "posts.txt", { type: "text/plain" }));
      const drop = document.querySelector("[data-audit-drop]");
      drop.dispatchEvent(new DragEvent("dragover", { dataTransfer: t, bubbles: true, cancelable: true }));
      drop.dispatchEvent(new DragEvent("drop", { dataTransfer: t, bubbles: true, cancelable: true }));
    }""",
        text,
    )
    audit_page.wait_for_selector("[data-audit-state=done], [data-audit-state=error]")
    expected = json.loads(cli(files["posts.txt"], "json"))
    page = shown(audit_page)
    assert (page["state"], page["posts"], page["kinds"]) == (
        "done",
        expected["posts"],
        expected["kinds"],
    )


def test_cancel_stops_a_long_audit_and_the_page_stays_responsive(
    audit_page: Page, tmp_path: Path, files: dict[str, Path]
) -> None:
    big = tmp_path / "tweets.js"
    big.write_bytes(tweets_js(20_000))
    audit_page.set_input_files(FILE, str(big))
    audit_page.wait_for_selector("[data-audit-state=auditing]")
    audit_page.wait_for_function(
        "() => Number(document.querySelector('[data-audit-progress]')"
        ".getAttribute('aria-valuenow')) > 0"
    )
    # the page answers while the worker audits
    assert audit_page.evaluate("() => 1 + 1") == 2
    audit_page.click("[data-audit-cancel]")
    audit_page.wait_for_selector("[data-audit-state=cancelled]")
    notice = audit_page.text_content("[data-audit-notice]")
    assert notice.startswith("Cancelled after ") and "of 20,000 posts" in notice
    assert audit_page.is_hidden("[data-audit-busy]")
    # the same worker audits the next file
    run_audit(audit_page, files["posts.txt"])
    assert shown(audit_page)["state"] == "done"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(
    browser: Browser,
    base_url: str,
    requests_seen: list[str],
    dialogs_seen: list[str],
    sent: list[dict[str, Any]],
    files: dict[str, Path],
    scheme: str,
) -> None:
    context = new_context(browser, requests_seen, dialogs_seen, color_scheme=scheme)
    record_requests(context, sent)
    page = context.new_page()
    open_feed(page, base_url)
    run_audit(page, files["mastodon-export.zip"])
    assert shown(page)["state"] == "done"
    assert serious_violations(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_screenshots(
    browser: Browser,
    base_url: str,
    requests_seen: list[str],
    dialogs_seen: list[str],
    sent: list[dict[str, Any]],
    artifacts: Path,
    files: dict[str, Path],
    scheme: str,
    width: int,
    height: int,
) -> None:
    context = new_context(
        browser,
        requests_seen,
        dialogs_seen,
        color_scheme=scheme,
        viewport={"width": width, "height": height},
    )
    record_requests(context, sent)
    page = context.new_page()
    open_feed(page, base_url)
    run_audit(page, files["twitter-2024.zip"])
    assert shown(page)["state"] == "done"
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    # nothing wider than the screen on a phone (the pictures scroll inside their figure)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    name = f"audit-{scheme}-{'phone' if width < 600 else 'desktop'}"
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_html_report_reads_in_both_schemes_and_fetches_nothing(
    browser: Browser, artifacts: Path, files: dict[str, Path], tmp_path: Path, scheme: str
) -> None:
    """The CLI's report is one file: opened alone it follows the reader's colour scheme
    (text and background swap, the charts draw in the text colour) and asks for nothing."""
    report = tmp_path / "report.html"
    report.write_text(cli(files["twitter-2024.zip"], "html"), encoding="utf-8")
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1000, "height": 900})
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    page.goto(report.as_uri())
    colours = page.evaluate(
        """() => {
             const body = getComputedStyle(document.body);
             const svg = document.querySelector("svg");
             return {bg: body.backgroundColor, fg: body.color, svg: getComputedStyle(svg).color};
           }"""
    )
    light = {"bg": "rgb(255, 255, 255)"}
    if scheme == "light":
        assert colours["bg"] == light["bg"], colours
    else:
        assert colours["bg"] != light["bg"] and colours["fg"] != "rgb(31, 35, 40)", colours
    assert colours["svg"] == colours["fg"], "the charts' text follows the page's"
    assert asked == [report.as_uri()], asked
    page.screenshot(path=str(artifacts / f"audit-report-{scheme}.png"), full_page=True)
    context.close()


def test_nothing_left_the_origin_and_no_file_was_sent(
    audit_page: Page, base_url: str, sent: list[dict[str, Any]]
) -> None:
    origin = base_url.split("/handbook/")[0]
    assert sent, "no request recorded"
    away = [r["url"] for r in sent if not r["url"].startswith((origin, "blob:", "data:"))]
    assert away == []
    assert [r for r in sent if r["method"] != "GET" or r["body"]] == []
