"""The runtime the site ships: Pyodide's files, with the stdlib partly precompiled.

``make build`` stages it (scripts/stage_pyodide.py); the browser tests prove it boots.
These check the files themselves: nothing of the stock stdlib is lost, and the modules
the checker's start-up imports, and the checker wheel, are bytecode for the very Python
that Pyodide runs.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
NPM = ROOT / "node_modules" / "pyodide"
# The .pyc magic number of each CPython minor version (the number in the first two bytes,
# little-endian, then b"\r\n"), from CPython's Include/internal/pycore_magic_number.h. Python
# refuses bytecode with another one and silently compiles the source instead: the browser
# would pay for compiling after all. A new Pyodide on a new Python fails here until its
# number is added.
MAGIC_BY_PYTHON = {"3.14": 3627}
# py_compile's UNCHECKED_HASH: hash-based (bit 0) and never checked against a source
# (bit 1 clear), so the files hold no time stamp and need no source beside them.
UNCHECKED_HASH_FLAGS = 0b01


def _config() -> dict[str, Any]:
    config = json.loads((SITE / "assets" / "checker" / "config.json").read_text("utf-8"))
    assert isinstance(config, dict)
    return config


def _runtime() -> Path:
    return SITE / _config()["pyodide"]["indexURL"]


def _expected_magic() -> bytes:
    """Pyodide's Python, read from the npm package's own lock file (not from our stage)."""
    lock = json.loads((NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    minor = ".".join(lock["info"]["python"].split(".")[:2])
    assert minor in MAGIC_BY_PYTHON, f"Pyodide runs Python {minor}: add its .pyc magic"
    return MAGIC_BY_PYTHON[minor].to_bytes(2, "little") + b"\r\n"


def _header_problems(name: str, data: bytes) -> list[str]:
    magic, flags = data[:4], int.from_bytes(data[4:8], "little")
    problems = []
    if magic != _expected_magic():
        problems.append(f"{name}: magic {magic!r}, not {_expected_magic()!r}")
    if flags != UNCHECKED_HASH_FLAGS:
        problems.append(f"{name}: flags {flags:#b}, not unchecked-hash")
    return problems


def test_the_staged_stdlib_keeps_every_module_and_precompiles_the_checkers() -> None:
    with zipfile.ZipFile(NPM / "python_stdlib.zip") as stock:
        stock_names = set(stock.namelist())
    with zipfile.ZipFile(_runtime() / "python_stdlib.zip") as staged:
        names = set(staged.namelist())
        problems = [
            problem
            for name in sorted(names)
            if name.endswith(".pyc")
            for problem in _header_problems(name, staged.read(name))
        ]
    as_source = {n.removesuffix("c") if n.endswith(".pyc") else n for n in names}
    assert as_source == stock_names, "the staged zip must hold every stock module"
    for module in ("re/__init__", "json/__init__", "dataclasses", "enum", "zipfile/__init__"):
        assert f"{module}.pyc" in names and f"{module}.py" not in names, module
    assert len([n for n in names if n.endswith(".pyc")]) >= 50
    assert problems == []


def test_the_checker_wheel_is_bytecode_for_pyodides_python() -> None:
    pyodide = _config()["pyodide"]
    lock = json.loads((SITE / pyodide["lockFileURL"]).read_text(encoding="utf-8"))
    entry = lock["packages"][pyodide["packages"][0]]
    wheel = (SITE / pyodide["lockFileURL"]).with_name(entry["file_name"])
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        problems = [
            problem
            for name in names
            if name.endswith(".pyc")
            for problem in _header_problems(name, archive.read(name))
        ]
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "checker").rglob("*.py")}
    assert {n for n in names if n.endswith(".pyc")} == {f"{s}c" for s in sources}
    assert not [n for n in names if n.endswith(".py")], "sources left beside the bytecode"
    assert problems == []


def test_the_stage_ran_pyodides_python_and_it_agrees() -> None:
    """What Pyodide itself reported at stage time matches the table above."""
    manifest = json.loads((ROOT / "build" / "site-assets.json").read_text(encoding="utf-8"))
    lock = json.loads((NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert manifest["python"] == lock["info"]["python"]
    assert bytes.fromhex(manifest["pycMagic"]) == _expected_magic()


def test_the_other_runtime_files_are_the_npm_packages_own() -> None:
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert (_runtime() / name).read_bytes() == (NPM / name).read_bytes(), name
