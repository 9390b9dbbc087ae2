"""The suite's own configuration: nothing can pass by running nothing.

A parametrised test whose list of cases comes out empty (a missing fixture file,
a filter that matches nothing) would otherwise be reported as skipped, and a run
with skips looks green. ``empty_parameter_set_mark = "fail_at_collect"`` in
pyproject.toml turns it into a collection error; this proves it does, by running
pytest with the project's configuration on a scratch test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRATCH = """\
import pytest

CASES = []  # e.g. read from a folder that is not there


@pytest.mark.parametrize("case", CASES)
def test_each_case(case):
    assert case


def test_something_real():
    assert True
"""


def _pytest(tmp_path: Path, *config: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_scratch.py").write_text(SCRATCH, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *config,
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )


def test_an_empty_parameter_list_fails_collection(tmp_path: Path) -> None:
    run = _pytest(tmp_path, "-c", str(ROOT / "pyproject.toml"))
    assert run.returncode == 2, run.stdout  # interrupted: errors during collection
    assert "Empty parameter set in 'test_each_case'" in run.stdout
    assert "skipped" not in run.stdout


def test_without_the_setting_it_would_only_be_skipped(tmp_path: Path) -> None:
    # The control: pytest's default, which the setting exists to override.
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    run = _pytest(tmp_path, "-c", str(tmp_path / "pytest.ini"), "-ra")
    assert run.returncode == 0, run.stdout
    assert "1 passed, 1 skipped" in run.stdout
