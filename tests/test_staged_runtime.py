"""The runtime the site ships: Pyodide's files, with the stdlib partly precompiled.

``make build`` stages it (scripts/stage_pyodide.py); the browser tests prove it boots.
These check the zip itself: nothing of the stock stdlib is lost, and the modules the
checker's start-up imports are bytecode from Pyodide's own Python.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
NPM = ROOT / "node_modules" / "pyodide"


def _runtime() -> Path:
    config = json.loads((SITE / "assets" / "checker" / "config.json").read_text("utf-8"))
    return SITE / config["pyodide"]["indexURL"]


def test_the_staged_stdlib_keeps_every_module_and_precompiles_the_checkers() -> None:
    with zipfile.ZipFile(NPM / "python_stdlib.zip") as stock:
        stock_names = set(stock.namelist())
    with zipfile.ZipFile(_runtime() / "python_stdlib.zip") as staged:
        names = set(staged.namelist())
        magic = staged.read("re/__init__.pyc")[:4]
    as_source = {n.removesuffix("c") if n.endswith(".pyc") else n for n in names}
    assert as_source == stock_names, "the staged zip must hold every stock module"
    for module in ("re/__init__", "json/__init__", "dataclasses", "enum", "zipfile/__init__"):
        assert f"{module}.pyc" in names and f"{module}.py" not in names, module
    assert len([n for n in names if n.endswith(".pyc")]) >= 50
    # bytecode of Pyodide's Python (3.14), not of the Python running this test
    assert magic != importlib.util.MAGIC_NUMBER


def test_the_other_runtime_files_are_the_npm_packages_own() -> None:
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert (_runtime() / name).read_bytes() == (NPM / name).read_bytes(), name
