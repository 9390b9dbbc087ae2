"""The checker's Pyodide memory snapshot, restored under Node as the browser worker does.

The snapshot is the one ``make stage`` wrote (``scripts/make_snapshot.mjs``); each test
restores it with ``tests/node/restore_snapshot.mjs`` (Pyodide's ``_loadSnapshot``, then the
wheel written at the path the snapshot expects, as the worker does once ready) and compares
with CPython, or looks at what the build machine might have left in it.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker import audit_jobs, check
from checker.config import Config
from checker.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
MANIFEST = ROOT / "build" / "site-assets.json"
RESTORE = ROOT / "tests" / "node" / "restore_snapshot.mjs"

sys.path.insert(0, str(ROOT / "scripts"))
from stage_pyodide import snapshot_build_id  # noqa: E402


@pytest.fixture(scope="module")
def staged() -> dict[str, Any]:
    if not MANIFEST.is_file():
        pytest.fail("the runtime is not staged: run `make stage` (make build does it)")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    if "snapshot" not in manifest:
        pytest.fail("the staged runtime has no snapshot: run `make stage`")
    assert isinstance(manifest, dict)
    return manifest


def staged_tree(manifest: dict[str, Any]) -> Path:
    """The staged site assets the manifest names (a run folder, or the older fixed one)."""
    return BUILD / manifest["root"] / "site-assets" if "root" in manifest else BUILD / "site-assets"


def restore(
    manifest: dict[str, Any], request: dict[str, Any], env: dict[str, str] | None = None
) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is not on PATH"
    cmd = [
        node,
        str(RESTORE),
        str(staged_tree(manifest) / manifest["indexURL"]),
        str(staged_tree(manifest) / manifest["snapshot"]),
        str(staged_tree(manifest) / manifest["wheel"]),
    ]
    done = subprocess.run(
        cmd,
        input=json.dumps(request),
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def example_cases() -> list[dict[str, Any]]:
    cases = [
        {"text": e.text, "platform": e.platform, "kind": e.kind, "handles": list(e.handles)}
        for rule in REGISTRY
        for e in (*rule.flags, *rule.passes)
    ]
    assert len(cases) >= 2 * len(REGISTRY)
    return cases


def cpython(case: dict[str, Any]) -> Any:
    handles = tuple(h.lower().lstrip("@") for h in case["handles"])
    report = check(
        case["text"], platform=case["platform"], kind=case["kind"], config=Config(handles=handles)
    )
    return json.loads(json.dumps(report.to_dict()))


PROBE = """{
    "shells_held": [m for m in ("checker.cli", "checker.audit_cli", "checker.audit_jobs",
                                "multiprocessing") if m in __import__("sys").modules],
    "late_shell": __import__("checker.audit_jobs", fromlist=["BATCH"]).BATCH,
    "random": __import__("random").random(),
    "executable": __import__("sys").executable,
    "argv": __import__("sys").argv,
    "path": __import__("sys").path,
    "files": sorted({getattr(m, "__file__", None) or "" for m in list(__import__("sys").modules.values())}),
    "environ": dict(__import__("os").environ),
    "cwd": __import__("os").getcwd(),
    "timezone": __import__("time").timezone,
    "altzone": __import__("time").altzone,
    "tzname": list(__import__("time").tzname),
    "late_import": __import__("colorsys").rgb_to_hsv(1, 0, 0)[0],
}"""


@pytest.fixture(scope="module")
def restored(staged: dict[str, Any]) -> dict[str, Any]:
    """One restore answering every rule example, in New York's time zone."""
    return restore(staged, {"checks": example_cases(), "probe": PROBE}, {"TZ": "America/New_York"})


def test_every_rule_example_gives_cpythons_json(restored: dict[str, Any]) -> None:
    cases = example_cases()
    assert len(restored["reports"]) == len(cases)
    mismatches = [
        (case["text"][:50], case["platform"], case["kind"])
        for case, got in zip(cases, restored["reports"], strict=True)
        if got != cpython(case)
    ]
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ: {mismatches[:5]}"


def test_the_restored_snapshot_is_the_staged_build(
    staged: dict[str, Any], restored: dict[str, Any]
) -> None:
    runtime = staged_tree(staged) / staged["indexURL"]
    wheel = staged_tree(staged) / staged["wheel"]
    assert restored["buildId"] == staged["snapshotBuildId"] == snapshot_build_id(runtime, wheel)
    assert Path(staged["snapshot"]).name == f"checker-{staged['snapshotBuildId']}.snapshot.gz"


def test_the_build_id_changes_with_each_input(staged: dict[str, Any], tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    shutil.copytree(staged_tree(staged) / staged["indexURL"], runtime)
    wheel = tmp_path / "checker.whl"
    shutil.copy2(staged_tree(staged) / staged["wheel"], wheel)
    first = snapshot_build_id(runtime, wheel)
    seen = {first}
    for path in (runtime / "python_stdlib.zip", runtime / "pyodide.asm.wasm", wheel):
        path.write_bytes(path.read_bytes() + b"\0")
        seen.add(snapshot_build_id(runtime, wheel))
    assert len(seen) == 4


def test_the_time_zone_is_the_readers_not_the_build_machines(restored: dict[str, Any]) -> None:
    probe = restored["probe"]
    assert (probe["timezone"], probe["altzone"]) == (5 * 3600, 4 * 3600)
    assert probe["tzname"] == ["UTC-0500", "UTC-0400"]


def test_random_is_reseeded_on_every_restore(
    staged: dict[str, Any], restored: dict[str, Any]
) -> None:
    again = restore(staged, {"probe": PROBE})
    assert again["probe"]["random"] != restored["probe"]["random"]


def test_nothing_of_the_build_machine_is_left_in_python(restored: dict[str, Any]) -> None:
    probe = restored["probe"]
    assert probe["executable"] == ""
    assert probe["argv"] == [""]
    assert probe["path"].count("") == 1  # loadPyodide adds the one entry back
    assert probe["cwd"] == "/home/pyodide"
    everything = json.dumps(probe)
    assert str(ROOT) not in everything
    assert "/root" not in everything and "/tmp" not in everything
    assert set(probe["environ"]) <= {
        "USER", "LOGNAME", "PATH", "PWD", "HOME", "LANG", "PYTHONINSPECT", "LD_LIBRARY_PATH",
    }  # fmt: skip


def test_the_terminals_shells_are_left_out_and_still_import(restored: dict[str, Any]) -> None:
    # The CLI and its worker processes are never run in the browser: held in the snapshot
    # they cost every first visit half a megabyte. An import of one, should it come, reads
    # the wheel the worker writes after ready.
    assert restored["probe"]["shells_held"] == []
    assert restored["probe"]["late_shell"] == audit_jobs.BATCH


def test_a_module_the_snapshot_lacks_still_imports(restored: dict[str, Any]) -> None:
    # colorsys is in no path of the checker: it comes from the stdlib zip the worker writes
    assert restored["probe"]["late_import"] == 0.0


def expand_sparse(stored: bytes) -> bytes:
    """The delta ("ETQ1") from the file as stored ("ETQ2"), as worker.js expandSparse does:
    a zeroed buffer with each run of [offset, byte count] and bytes put back."""
    magic, end, fresh_hash, length = struct.unpack_from("<4I", stored)
    assert magic == 0x32515445
    out = bytearray(16 + length)
    struct.pack_into("<4I", out, 0, 0x31515445, end, fresh_hash, 0)
    at = 16
    while at < len(stored):
        offset, count = struct.unpack_from("<2I", stored, at)
        assert offset % 4 == 0 and count % 4 == 0 and offset + count <= length
        out[16 + offset : 16 + offset + count] = stored[at + 8 : at + 8 + count]
        at += 8 + count
    assert at == len(stored)
    return bytes(out)


def test_the_snapshot_holds_no_path_of_the_build_machine(staged: dict[str, Any]) -> None:
    stored = gzip.decompress((staged_tree(staged) / staged["snapshot"]).read_bytes())
    assert stored[:4] == b"ETQ2"  # scripts/make_snapshot.mjs's sparse delta
    file = expand_sparse(stored)
    assert file[:4] == b"ETQ1"
    assert file[16:20] == b"\0" * 4  # Pyodide's magic, put back with the delta undone
    assert len(stored) < len(file) / 2  # the zero words are left out
    # searched in the memory as restored (the delta undone), where a path would be
    secrets = [str(ROOT), "make_snapshot.mjs"]
    assert restore(staged, {"secrets": secrets})["found"] == []
