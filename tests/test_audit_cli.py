"""``etiquette audit``, run for real as a subprocess: exit codes, messages, formats, progress."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from audit_archives import FIXTURES, fixture_bytes, zip_of

from checker.audit_cli import Progress

ERROR = "etiquette: error: "


def audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "checker", "audit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def x_zip(tmp_path: Path) -> Path:
    path = tmp_path / "twitter-2023.zip"
    path.write_bytes(
        zip_of(
            {
                "data/account.js": fixture_bytes("x/data/account.js"),
                "data/tweets.js": fixture_bytes("x/data/tweets.js"),
            }
        )
    )
    return path


def test_json_schema_1(x_zip: Path, tmp_path: Path) -> None:
    proc = audit(str(x_zip), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal
    data = json.loads(proc.stdout)
    assert data["schema"] == 1
    assert data["posts"] == 8
    assert data["kinds"] == {"original": 5, "reply": 1, "reshare": 1, "reshare_with_comment": 1}
    assert data["handle"] == "mara_writes"
    assert data["source"] == f"data/tweets.js in {x_zip}"
    assert len(data["items"]) == 8


def test_text_report(x_zip: Path, tmp_path: Path) -> None:
    proc = audit(str(x_zip), cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"Feed audit: 8 posts from data/tweets.js in {x_zip} (X archive)")
    assert "What would help most:" in proc.stdout
    assert "/connecting/respond-to-mentions/" in proc.stdout


def test_html_report_is_self_contained(x_zip: Path, tmp_path: Path) -> None:
    proc = audit(str(x_zip), "--format", "html", cwd=tmp_path)
    assert proc.returncode == 0
    page = proc.stdout
    assert page.startswith("<!doctype html>")
    assert "prefers-color-scheme: dark" in page
    # nothing is fetched: no scripts, stylesheets, images or frames from anywhere
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\b(src|srcset)=", page)
    assert "url(" not in page and "@import" not in page
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        root = ElementTree.fromstring(svg)
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
    assert 'data-audit-kind="original" data-count="5"' in page


def test_handle_and_since(tmp_path: Path) -> None:
    tweets = FIXTURES / "x" / "data" / "tweets.js"
    proc = audit(
        str(tweets),
        "--handle",
        "@mara_writes",
        "--since",
        "2023-02-01",
        "--format",
        "json",
        cwd=tmp_path,
    )
    data = json.loads(proc.stdout)
    assert (data["handle"], data["read"], data["posts"]) == ("mara_writes", 8, 3)


def test_platform_for_plain_text(tmp_path: Path) -> None:
    posts = FIXTURES / "plain" / "posts.txt"
    data = json.loads(
        audit(str(posts), "--platform", "mastodon", "--format", "json", cwd=tmp_path).stdout
    )
    assert data["platform"] == "mastodon" and data["format"] == "plain"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"missing\.zip: no such file$"),
        (b"", r"empty\.bin: the file is empty; expected an X archive"),
        (b"window.YTD.tweets.part0 = [ {", r"cut\.js: the X archive file is truncated"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", r"image\.png: not text"),
        (b"PK\x03\x04broken", r"broken\.zip: the zip file is damaged or truncated"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    name = re.sub(r"\\", "", message.split(":")[0])
    if content is not None:
        (tmp_path / name).write_bytes(content)
    proc = audit(name, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), proc.stderr
    assert re.search(message, lines[0]), lines[0]


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "tweets.js"
    with big.open("wb") as file:
        file.truncate(200_000_000)  # sparse: no disk used, and reading it would take seconds
    proc = audit(str(big), cwd=tmp_path)
    assert proc.returncode == 2
    assert "200 MB is more than the audit reads (150 MB)" in proc.stderr


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    posts = str(FIXTURES / "plain" / "posts.txt")
    for args, message in [
        ((posts, "--since", "last week"), '--since: "last week" is not a date'),
        ((posts, "--platform", "myspace"), "myspace"),
        ((str(tmp_path),), "is a directory"),
        ((posts, "--format", "pdf"), "invalid choice"),
    ]:
        proc = audit(*args, cwd=tmp_path)
        assert proc.returncode == 2, args
        assert message in proc.stderr, proc.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only() -> None:
    screen = Terminal()
    bar = Progress(1000, screen)
    for done in (250, 500, 500, 1000):
        bar(done)
    bar.close()
    shown = screen.getvalue()
    assert shown.count("\rauditing [") == 3  # the same percentage is not drawn twice
    assert " 50%" in shown and "1,000/1,000 posts" in shown
    assert shown.endswith("\r")  # the line is wiped once the audit is done
    piped = io.StringIO()
    Progress(1000, piped)(500)
    assert piped.getvalue() == ""
