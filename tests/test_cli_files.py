"""``etiquette check PATH...``: draft files and folders, front matter, exit codes across files."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import CALM, run

BAIT = "Big news today. RT if you agree!"  # engagement-bait: a warning
TOO_LONG = "word " * 80  # over X's 280: an error


def write(root: Path, name: str, text: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def findings(proc_stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in proc_stdout.splitlines()]


def test_a_folder_is_searched_for_md_and_txt(tmp_path: Path) -> None:
    write(tmp_path, "drafts/a.txt", BAIT)
    write(tmp_path, "drafts/deep/b.md", BAIT)
    write(tmp_path, "drafts/c.rst", BAIT)  # not a draft by default
    write(tmp_path, "drafts/.hidden/d.txt", BAIT)  # hidden folders are skipped
    proc = run("check", "drafts", "--format", "json-lines", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    files = {f["file"] for f in findings(proc.stdout)}
    assert files == {"drafts/a.txt", "drafts/deep/b.md"}
    proc = run("check", "drafts", "--glob", "*.rst", "--format", "json-lines", cwd=tmp_path)
    assert {f["file"] for f in findings(proc.stdout)} == {"drafts/c.rst"}


def test_exit_codes_across_files(tmp_path: Path) -> None:
    write(tmp_path, "ok.txt", CALM)
    write(tmp_path, "warn.txt", BAIT)
    write(tmp_path, "long.txt", TOO_LONG)
    assert run("check", "ok.txt", "warn.txt", cwd=tmp_path).returncode == 0
    proc = run("check", "ok.txt", "long.txt", "warn.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "long.txt:1:281: error over-limit" in proc.stdout  # the overflow starts there
    assert "3 files checked: 1 error, 1 warning" in proc.stdout
    # a bad file is reported on stderr, the others are still checked, and the exit is 2
    write(tmp_path, "bad.md", "---\nplatfrom: x\n---\nHello")
    proc = run("check", "warn.txt", "bad.md", "--format", "json-lines", cwd=tmp_path)
    assert proc.returncode == 2
    assert 'bad.md: line 2: unknown front matter key "platfrom"' in proc.stderr
    assert [f["file"] for f in findings(proc.stdout)] == ["warn.txt"]


def test_front_matter_sets_platform_kind_and_handles(tmp_path: Path) -> None:
    write(tmp_path, "m.md", "---\nplatform: bluesky\nkind: reply\nhandles: ['@acme']\n---\n" + CALM)
    proc = run("check", "m.md", "--format", "json", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert (report["platform"], report["kind"], report["file"]) == ("bluesky", "reply", "m.md")
    # the command line wins over the file
    proc = run("check", "m.md", "--platform", "linkedin", "--format", "json", cwd=tmp_path)
    assert json.loads(proc.stdout)["platform"] == "linkedin"
    write(tmp_path, "bad.md", "---\nplatform: mastadon\n---\n" + CALM)
    proc = run("check", "bad.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert 'bad.md: line 2: platform: unknown platform "mastadon"' in proc.stderr
    assert '"mastodon"' in proc.stderr


def test_lines_and_columns_point_into_the_file_as_written(tmp_path: Path) -> None:
    text = "---\r\nplatform: x\r\n---\r\n**Launch** day!\r\n\r\nRT if you agree\r\n"
    write(tmp_path, "crlf.md", text.encode("utf-8"))
    proc = run("check", "crlf.md", "--format", "json-lines", cwd=tmp_path)
    bait = next(f for f in findings(proc.stdout) if f["rule"] == "engagement-bait")
    assert (bait["line"], bait["column"], bait["end_line"]) == (6, 1, 6)
    line = text.split("\r\n")[5]
    assert line[: int(bait["end_column"]) - 1].lower().startswith("rt if you")  # type: ignore[call-overload]
    proc = run("check", "crlf.md", cwd=tmp_path)
    assert "crlf.md:6:1: warning engagement-bait" in proc.stdout


def test_json_of_several_files_is_a_list_and_stdin_is_unchanged(tmp_path: Path) -> None:
    write(tmp_path, "d/a.txt", CALM)
    write(tmp_path, "d/b.txt", BAIT)
    proc = run("check", "d", "--format", "json", cwd=tmp_path)
    reports = json.loads(proc.stdout)
    assert [r["file"] for r in reports] == ["d/a.txt", "d/b.txt"]
    assert all(r["schema"] == 1 for r in reports)
    piped = json.loads(run("check", "-", "--format", "json", cwd=tmp_path, stdin=BAIT).stdout)
    assert "file" not in piped and "line" not in piped["findings"][0]
    assert piped["findings"] == [
        {k: v for k, v in f.items() if k not in ("line", "column", "end_line", "end_column")}
        for f in reports[1]["findings"]
    ]


def test_a_file_and_stdin_together(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BAIT)
    proc = run("check", "a.txt", "-", "--format", "json-lines", cwd=tmp_path, stdin=TOO_LONG)
    assert proc.returncode == 1
    assert {f["file"] for f in findings(proc.stdout)} == {"a.txt", "-"}
