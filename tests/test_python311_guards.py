"""The checker runs on Python 3.11+: the lint and type targets that guard it are real.

The venv's Python is 3.12+ (the site tooling needs it), so 3.11 compatibility is
kept by ruff (``target-version = "py311"``: syntax) and mypy (``python_version =
"3.11"``: the standard library's 3.11 API), both over ``checker/`` in ``make lint``.
These tests prove, with the project's own configuration, that each target rejects
what 3.12 added, and accepts the same code when told the target is 3.12.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"

# Syntax new in 3.12: a type alias statement, and an f-string reusing its quotes.
NEW_SYNTAX = """\
type Pair = tuple[int, int]

name = "a"
print(f"{name + f"{name}"}")
"""
# Library API new in 3.12.
NEW_API = """\
import itertools


def pairs(items: list[int]) -> list[tuple[int, ...]]:
    return list(itertools.batched(items, 2))
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "new_syntax.py").write_text(NEW_SYNTAX, encoding="utf-8")
    (tmp_path / "new_api.py").write_text(NEW_API, encoding="utf-8")
    return tmp_path


def test_ruffs_target_rejects_312_syntax(scratch: Path) -> None:
    ruff = ("ruff", "check", "--config", str(CONFIG), "--output-format", "concise", "--no-cache")
    found = _run(*ruff, "new_syntax.py", cwd=scratch)
    assert found.returncode == 1, found.stdout + found.stderr
    assert "`type` alias statement on Python 3.11" in found.stdout
    assert "outer quote character in f-strings on Python 3.11" in found.stdout
    on_312 = _run(*ruff, "--target-version", "py312", "new_syntax.py", cwd=scratch)
    assert on_312.returncode == 0, on_312.stdout


def test_mypys_target_rejects_312_syntax_and_library(scratch: Path) -> None:
    mypy = ("mypy", "--config-file", str(CONFIG), "--cache-dir", str(scratch / ".mypy_cache"))
    found = _run(*mypy, "new_syntax.py", "new_api.py", cwd=scratch)
    assert found.returncode == 1, found.stdout + found.stderr
    assert "requires Python 3.12 or newer (current target: Python 3.11)" in found.stdout
    assert 'new_api.py:5: error: Module has no attribute "batched"' in found.stdout
    on_312 = _run(*mypy, "--python-version", "3.12", "new_syntax.py", "new_api.py", cwd=scratch)
    assert on_312.returncode == 0, on_312.stdout


def test_the_guards_cover_the_checker() -> None:
    # The targets above only protect what they are run over.
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["project"]["requires-python"] == ">=3.11"
    assert config["tool"]["ruff"]["target-version"] == "py311"
    assert "checker" not in " ".join(config["tool"]["ruff"].get("extend-exclude", []))
    assert config["tool"]["mypy"]["python_version"] == "3.11"
    assert "checker" in config["tool"]["mypy"]["files"]
