"""The audit runs on Pyodide's Python (the browser's), with the same answers as CPython.

The readers lean on zipfile, tarfile, csv, html.parser and a hand-written CAR /
DAG-CBOR decoder: this runs each kind of export through them in Pyodide under
Node (``tests/audit_in_pyodide.mjs``) and compares the JSON with CPython's.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

from audit_archives import bluesky_records, car_file, fixture_bytes, tar_gz_of, zip_of

from checker.audit import ArchiveError, auditor_for, read_archive

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"


def exports() -> dict[str, bytes]:
    return {
        "twitter.zip": zip_of(
            {
                "data/account.js": fixture_bytes("x/data/account.js"),
                "data/tweets.js": fixture_bytes("x/data/tweets.js"),
            }
        ),
        "mastodon.tar.gz": tar_gz_of(
            {
                "actor.json": fixture_bytes("mastodon/actor.json"),
                "outbox.json": fixture_bytes("mastodon/outbox.json"),
            }
        ),
        "repo.car": car_file(bluesky_records()),
        "Shares.csv": fixture_bytes("linkedin/Shares.csv"),
        "posts.txt": fixture_bytes("plain/thread.txt"),
        "cut.js": fixture_bytes("x/data/tweets.js")[:5000],
    }


def cpython(name: str, data: bytes) -> dict[str, object]:
    try:
        archive = read_archive(io.BytesIO(data), name)
    except ArchiveError as err:
        return {"error": str(err)}
    auditor = auditor_for(archive)
    auditor.feed(archive.posts)
    return auditor.result().to_dict()


def test_same_audit_on_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node is needed (make setup installs the npm packages it runs)"
    assert (PYODIDE / "pyodide.mjs").is_file(), "run make setup: node_modules/pyodide is missing"
    files = exports()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    proc = subprocess.run(
        [node, str(ROOT / "tests" / "audit_in_pyodide.mjs"), str(PYODIDE), str(ROOT / "checker")]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["python"].startswith("3.")
    for name, data in files.items():
        assert result["audits"][name] == cpython(name, data), name
    assert result["audits"]["repo.car"]["kinds"]["reshare_with_comment"] == 2
    assert "truncated" in result["audits"]["cut.js"]["error"]
