"""Staging the browser runtime (scripts/stage_pyodide.py): stamps and all-or-nothing runs.

Each test stages a copy of the repository and edits it. What a run built is read from
the manifest it writes (``built``) and from the files themselves, never from timings.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from repo_copy import copy_repo, env, manifest, mark_rule_summary, stage, staged

from checker.rules import REGISTRY

RULE = REGISTRY[0].name
STDLIB = "python_stdlib.zip"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy whose stage is up to date (copied from this checkout's, or staged now)."""
    copy = copy_repo(tmp_path / "repo")
    done = stage(copy)
    assert done.returncode == 0, done.stderr
    return copy


def _stage_files(copy: Path) -> dict[str, bytes]:
    """Every file of the current stage, by its path in the site."""
    m = manifest(copy)
    names = [m["wheel"], m["lockFile"], m["indexURL"] + STDLIB, m["indexURL"] + "pyodide.mjs"]
    return {name: staged(copy, name).read_bytes() for name in names}


def _runs(copy: Path) -> list[str]:
    return sorted(p.name for p in (copy / "build" / "stage").iterdir())


def test_no_change_and_a_readme_edit_stage_nothing(repo: Path) -> None:
    before = (repo / "build" / "site-assets.json").read_bytes()
    again = stage(repo)
    assert again.returncode == 0 and "up to date" in again.stdout
    with (repo / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nA line that no part of the runtime is made from.\n")
    (repo / "docs" / "credits.md").write_text("# Credits\n\nEdited.\n", encoding="utf-8")
    after_edit = stage(repo)
    assert after_edit.returncode == 0 and "up to date" in after_edit.stdout
    assert (repo / "build" / "site-assets.json").read_bytes() == before


def test_a_rule_edit_rebuilds_only_the_wheel(repo: Path) -> None:
    old = manifest(repo)
    old_stdlib = staged(repo, old["indexURL"] + STDLIB).stat()
    old_run = old["root"]
    mark_rule_summary(repo, RULE, "Stage-test marker.")

    done = stage(repo)
    assert done.returncode == 0, done.stderr
    new = manifest(repo)
    assert new["built"] == ["wheel", "snapshot"]  # the snapshot holds the wheel's modules
    assert new["snapshotBuildId"] != old["snapshotBuildId"]
    assert new["parts"]["stdlib"] == old["parts"]["stdlib"]
    assert new["wheel"] != old["wheel"]  # a new folder: browsers cannot run a cached one
    # the stdlib zip is the previous stage's own file, not a rebuilt copy
    new_stdlib = staged(repo, new["indexURL"] + STDLIB).stat()
    assert (new_stdlib.st_dev, new_stdlib.st_ino) == (old_stdlib.st_dev, old_stdlib.st_ino)
    with zipfile.ZipFile(staged(repo, new["wheel"])) as wheel:
        compiled = b"".join(wheel.read(n) for n in wheel.namelist() if n.endswith(".pyc"))
        assert not [n for n in wheel.namelist() if n.endswith(".py")]
    assert b"Stage-test marker." in compiled
    assert _runs(repo) == [Path(new["root"]).name] and new["root"] != old_run


def test_a_new_stdlib_import_recompiles_the_stdlib(repo: Path) -> None:
    old = manifest(repo)
    with zipfile.ZipFile(staged(repo, old["indexURL"] + STDLIB)) as zip_:
        assert "colorsys.py" in zip_.namelist()  # source: the checker never imports it
    init = repo / "checker" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "\nimport colorsys\n", encoding="utf-8")

    done = stage(repo)
    assert done.returncode == 0, done.stderr
    new = manifest(repo)
    assert new["built"] == ["stdlib", "wheel", "snapshot"]
    assert new["stdlibModules"] > old["stdlibModules"]
    with zipfile.ZipFile(staged(repo, new["indexURL"] + STDLIB)) as zip_:
        assert "colorsys.pyc" in zip_.namelist()
        assert "colorsys.py" not in zip_.namelist()


def test_a_failed_stage_keeps_the_previous_stage(repo: Path) -> None:
    before_manifest = (repo / "build" / "site-assets.json").read_bytes()
    before = _stage_files(repo)
    runs = _runs(repo)
    mark_rule_summary(repo, RULE, "Never staged.")

    # The wheel builds, then bytecode needs Node, which is not on this PATH.
    no_node = {**env(repo), "PATH": str(Path(sys.executable).parent)}
    failed = stage(repo, env=no_node)
    assert failed.returncode == 2
    assert "`node` is not on PATH" in failed.stderr and "Traceback" not in failed.stderr
    # a checker that does not parse: named, no traceback
    rules = next((repo / "checker" / "rules").glob("*.py"))
    rules.write_text(rules.read_text(encoding="utf-8") + "\ndef (:\n", encoding="utf-8")
    broken = stage(repo)
    assert broken.returncode == 2 and rules.name in broken.stderr
    assert "Traceback" not in broken.stderr

    assert (repo / "build" / "site-assets.json").read_bytes() == before_manifest
    assert _stage_files(repo) == before
    assert _runs(repo) == runs  # the failed runs left no folder behind


def test_an_interrupted_stage_keeps_the_previous_stage(repo: Path) -> None:
    before_manifest = (repo / "build" / "site-assets.json").read_bytes()
    before = _stage_files(repo)
    runs = _runs(repo)
    source = mark_rule_summary(repo, RULE, "Interrupted.")
    pristine = source  # one file per rule: checker/rules/<pillar>/<rule_name>.py
    unmarked = pristine.read_text(encoding="utf-8").replace('"Interrupted. " + ', "")

    with subprocess.Popen(
        [sys.executable, str(repo / "scripts" / "stage_pyodide.py")],
        cwd=repo,
        env=env(repo),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as proc:
        # Kill it once its new stage folder exists (it lives for seconds: wheel, Node).
        deadline = time.monotonic() + 120
        while len(_runs(repo)) == len(runs) and proc.poll() is None:
            assert time.monotonic() < deadline, "the stage never started a new folder"
            time.sleep(0.005)
        assert proc.poll() is None, "the stage ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGKILL)  # no clean-up handler runs
        proc.wait()

    assert len(_runs(repo)) == len(runs) + 1  # what it left half-written...
    assert (repo / "build" / "site-assets.json").read_bytes() == before_manifest
    assert _stage_files(repo) == before  # ...is not what the site uses

    pristine.write_text(unmarked, encoding="utf-8")
    done = stage(repo)
    assert done.returncode == 0 and "up to date" in done.stdout
    assert _runs(repo) == runs  # and the next run cleaned it up
