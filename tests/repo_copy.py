"""A throwaway copy of the repository, for tests that edit sources and run the tools.

The copy holds the sources, the scripts and the current stage (``build/``, hard-linked
when it can be: the stage never edits a file in place), and links to ``node_modules/``.
Tools run in it with ``env(copy)``, which puts the copy's ``checker`` first on
``sys.path`` (the venv's editable install points at this checkout's).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COPIED = (
    "checker",
    "hooks",
    "docs",
    "overrides",
    "scripts",
    "mkdocs.yml",
    "pyproject.toml",
    "README.md",
)


def _link_or_copy(src: str, dst: str) -> object:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def copy_repo(dest: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "stage.lock", "*.tmp")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=skip)
        else:
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    if (ROOT / "build" / "site-assets.json").is_file():
        shutil.copytree(ROOT / "build", dest / "build", ignore=skip, copy_function=_link_or_copy)
    return dest


def env(copy: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(copy), "NO_MKDOCS_2_WARNING": "1"}


def stage(copy: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(copy / "scripts" / "stage_pyodide.py")],
        cwd=copy,
        capture_output=True,
        text=True,
        **{"env": env(copy), **kwargs},
    )


def manifest(copy: Path) -> dict[str, Any]:
    data = json.loads((copy / "build" / "site-assets.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def staged(copy: Path, relative: str) -> Path:
    """A file of the current stage, by its path in the site."""
    return copy / "build" / manifest(copy)["root"] / "site-assets" / relative


def mark_rule_summary(copy: Path, rule: str, marker: str) -> Path:
    """Put ``marker`` at the start of ``rule``'s summary, in the copy's sources."""
    for path in sorted((copy / "checker" / "rules").glob("**/*.py")):
        text = path.read_text(encoding="utf-8")
        at = text.find(f'name="{rule}"')
        if at < 0:
            continue
        found = re.compile(r"\bsummary=").search(text, at)
        assert found, f"no summary= after {rule!r} in {path}"
        path.write_text(
            text[: found.end()] + f'"{marker} " + ' + text[found.end() :], encoding="utf-8"
        )
        return path
    raise AssertionError(f"rule {rule!r} is declared nowhere under checker/rules/")
