"""Stage the browser checker's runtime in ``build/site-assets/`` (``make stage``).

The MkDocs hook ``hooks/checker_assets.py`` copies this folder into the site.
It holds, all served by the site itself (no CDN):

- ``assets/pyodide/<version>/``: the Pyodide runtime from the pinned npm package;
- ``assets/checker/py/<hash>/``: the checker wheel (``python -m build``, its sources then
  swapped for bytecode compiled by Pyodide's own Python under Node, as Pyodide's own
  packages ship: the browser imports it without compiling anything) and the
  site's own ``pyodide-lock.json`` naming it (``pyodide lockfile add-wheels``,
  sha256 included). The folder is named by a hash of everything that went into
  it, so a browser never runs a stale wheel from its cache.

``build/site-assets.json`` tells the hook those paths. The script is idempotent:
when the hash of its inputs matches the stamp of the last run, it does nothing.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
OUT = ROOT / "build" / "site-assets"
MANIFEST = ROOT / "build" / "site-assets.json"
COMPILE_PYC = ROOT / "scripts" / "compile_pyc.mjs"
PRECOMPILE_STDLIB = ROOT / "scripts" / "precompile_stdlib.mjs"
MAKE_SNAPSHOT = ROOT / "scripts" / "make_snapshot.mjs"
STDLIB = "python_stdlib.zip"  # staged with bytecode for the modules the checker uses
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no build time in the wheel
PACKAGE = "etiquette-checker"
# What the browser needs to boot; the npm lock file serves the bare benchmark page.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


class StageError(RuntimeError):
    pass


def pyodide_version() -> str:
    package = NPM_PYODIDE / "package.json"
    if not package.is_file():
        raise StageError(f"{package} is missing: run `make setup` (npm ci) first")
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    assert isinstance(version, str)
    return version


def wheel_inputs() -> list[Path]:
    """Every file whose change means a new wheel."""
    sources = sorted(p for p in (ROOT / "checker").rglob("*") if p.is_file() and _packaged(p))
    return [*sources, ROOT / "pyproject.toml", ROOT / "README.md"]


def _packaged(path: Path) -> bool:
    return "__pycache__" not in path.parts and path.suffix in (".py", ".typed")


def inputs_hash(version: str) -> str:
    digest = hashlib.sha256(version.encode())
    extra = [NPM_PYODIDE / "pyodide-lock.json", NPM_PYODIDE / STDLIB, PRECOMPILE_STDLIB]
    for path in [*wheel_inputs(), *extra, Path(__file__), COMPILE_PYC, MAKE_SNAPSHOT]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel(dest: Path) -> Path:
    """Build the checker wheel from a clean copy of the sources (``build/`` stays ours)."""
    with tempfile.TemporaryDirectory(prefix="etiquette-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copytree(
            ROOT / "checker", src / "checker", ignore=shutil.ignore_patterns("__pycache__")
        )
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, src / name)
        # Offline and quick when setuptools is in the venv; else an isolated build env.
        isolation = ["--no-isolation"] if _has_setuptools() else []
        env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}  # reproducible zip times
        cmd = [sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dest), "."]
        done = subprocess.run(cmd, cwd=src, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise StageError(f"building the wheel failed:\n{done.stdout}\n{done.stderr}")
    wheels = sorted(dest.glob("etiquette_checker-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise StageError(f"expected one pure-Python checker wheel in {dest}, found {wheels}")
    return wheels[0]


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise StageError("`node` is not on PATH: it compiles the checker's bytecode (Node 18+)")
    return node


def precompile_stdlib(dest: Path) -> None:
    """Write Pyodide's stdlib zip to ``dest`` with the checker's modules as bytecode.

    The npm package ships the stdlib as source, which Python compiles on every start in
    the browser; see scripts/precompile_stdlib.mjs for the measurements and the choice of
    modules. Fails the stage rather than silently shipping the slower source zip.
    """
    cmd = [_node(), str(PRECOMPILE_STDLIB), str(NPM_PYODIDE), str(ROOT / "checker"), str(dest)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0 or not dest.is_file():
        raise StageError(f"precompiling the stdlib failed:\n{done.stdout}\n{done.stderr}")


def compile_wheel(wheel: Path) -> None:
    """Swap the wheel's ``.py`` files for ``.pyc`` compiled by Pyodide's Python, in place.

    Keeps the wheel's name (the lock file names it) and rewrites its RECORD. Fails the stage
    when Node or Pyodide cannot do it: shipping sources instead would only be slower, but
    silently so.
    """
    node = _node()
    with tempfile.TemporaryDirectory(prefix="etiquette-pyc-") as tmp:
        tree = Path(tmp) / "wheel"
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            archive.extractall(tree)
        cmd = [node, str(COMPILE_PYC), str(NPM_PYODIDE), str(tree), str(tree)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise StageError(
                f"compiling bytecode with Pyodide failed:\n{done.stdout}\n{done.stderr}"
            )
        entries = []
        for name in names:
            if name.endswith(".py"):
                (tree / name).unlink()
                name += "c"
            if not (tree / name).is_file():
                raise StageError(f"{name} is missing after compiling the wheel's bytecode")
            entries.append(name)
        _write_wheel(wheel, tree, entries)


def _write_wheel(wheel: Path, tree: Path, entries: list[str]) -> None:
    record = next(name for name in entries if name.endswith(".dist-info/RECORD"))
    lines = []
    for name in entries:
        if name == record:
            lines.append(f"{name},,")
            continue
        data = (tree / name).read_bytes()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={digest},{len(data)}")
    (tree / record).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in entries:  # the order the build gave, RECORD last
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (tree / name).read_bytes())


def _has_setuptools() -> bool:
    return importlib.util.find_spec("setuptools") is not None


def write_lock(wheel: Path, lock: Path) -> None:
    """The site's lock file: the npm one plus our wheel, trimmed to what we load."""
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    cmd = [
        str(pyodide_cli),
        "lockfile",
        "add-wheels",
        "--input",
        str(NPM_PYODIDE / "pyodide-lock.json"),
        "--output",
        str(lock),
        "--base-path",
        str(wheel.parent),
        str(wheel),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise StageError(f"pyodide lockfile add-wheels failed:\n{done.stdout}\n{done.stderr}")
    data = json.loads(lock.read_text(encoding="utf-8"))
    # The npm entries' relative file names would resolve beside our lock, where
    # they are not: keep only the checker and what it depends on (nothing today).
    keep = _closure(data["packages"], PACKAGE)
    data["packages"] = {name: data["packages"][name] for name in sorted(keep)}
    entry = data["packages"][PACKAGE]
    if entry["file_name"] != wheel.name or not entry.get("sha256"):
        raise StageError(f"unexpected lock entry for {PACKAGE}: {entry}")
    lock.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _closure(packages: dict[str, dict[str, object]], root: str) -> set[str]:
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        if name not in packages:
            raise StageError(f"{name!r} is not in the lock file")
        seen.add(name)
        depends = packages[name].get("depends", [])
        assert isinstance(depends, list)
        todo.extend(str(d) for d in depends)
    return seen


# What a memory snapshot is made from: Pyodide refuses one from another runtime build, and
# zipimport keeps the stdlib zip's and the wheel's tables of contents in it.
SNAPSHOT_INPUTS = ("pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB)


def snapshot_build_id(runtime: Path, wheel: Path) -> str:
    """A hash of the staged files a snapshot is made from, and of the script that makes it."""
    digest = hashlib.sha256()
    for path in [*(runtime / name for name in SNAPSHOT_INPUTS), wheel, MAKE_SNAPSHOT]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def make_snapshot(runtime: Path, wheel: Path) -> dict[str, Any]:
    """Write the checker's memory snapshot into the runtime folder (scripts/make_snapshot.mjs).

    Named by its build id, so its URL changes with its content. Returns what the manifest
    records: the file (relative to ``runtime``), the build id, and its sizes.
    """
    build_id = snapshot_build_id(runtime, wheel)
    out = runtime / f"checker-{build_id}.snapshot.gz"
    cmd = [_node(), str(MAKE_SNAPSHOT), str(runtime), str(wheel), build_id, str(out)]
    # A fixed zone: what the snapshot holds must not depend on the build machine's.
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0 or not out.is_file():
        raise StageError(f"making the memory snapshot failed:\n{done.stdout}\n{done.stderr}")
    info = json.loads(done.stdout.strip().splitlines()[-1])
    if info.get("buildId") != build_id:
        raise StageError(f"the snapshot reports build id {info.get('buildId')}, not {build_id}")
    return {
        "file": out.name,
        "buildId": build_id,
        "wheelPath": info["wheelPath"],
        "bytes": {"raw": info["raw"], "gzip": info["gzip"]},
    }


def stage(*, force: bool = False) -> bool:
    """Stage everything; returns False when it was already up to date."""
    version = pyodide_version()
    stamp = inputs_hash(version)
    if not force and MANIFEST.is_file():
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        expected = [OUT / manifest["lockFile"], OUT / manifest["wheel"]]
        expected += [OUT / manifest["indexURL"] / name for name in RUNTIME_FILES]
        expected += [OUT / manifest["snapshot"]] if "snapshot" in manifest else [OUT / "-"]
        if manifest.get("stamp") == stamp and all(p.is_file() for p in expected):
            return False

    if OUT.exists():
        shutil.rmtree(OUT)
    runtime = OUT / "assets" / "pyodide" / version
    runtime.mkdir(parents=True)
    for name in RUNTIME_FILES:
        source = NPM_PYODIDE / name
        if not source.is_file():
            raise StageError(f"{source} is missing: run `make setup` (npm ci)")
        if name == STDLIB:
            precompile_stdlib(runtime / name)
        else:
            shutil.copy2(source, runtime / name)

    py_dir = OUT / "assets" / "checker" / "py" / stamp
    py_dir.mkdir(parents=True)
    wheel = build_wheel(py_dir)
    compile_wheel(wheel)
    lock = py_dir / "pyodide-lock.json"
    write_lock(wheel, lock)
    snapshot = make_snapshot(runtime, wheel)

    manifest = {
        "stamp": stamp,
        "pyodideVersion": version,
        "package": PACKAGE,
        # paths relative to the site root, with "/" separators
        "indexURL": runtime.relative_to(OUT).as_posix() + "/",
        "lockFile": lock.relative_to(OUT).as_posix(),
        "wheel": wheel.relative_to(OUT).as_posix(),
        "snapshot": (runtime / snapshot["file"]).relative_to(OUT).as_posix(),
        "snapshotBuildId": snapshot["buildId"],
        "snapshotWheelPath": snapshot["wheelPath"],
        "snapshotBytes": snapshot["bytes"],
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return True


def main() -> int:
    try:
        changed = stage(force="--force" in sys.argv[1:])
    except StageError as err:
        print(f"stage_pyodide: error: {err}", file=sys.stderr)
        return 2
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    state = "staged" if changed else "up to date"
    print(f"stage_pyodide: {state}: Pyodide {manifest['pyodideVersion']}, {manifest['wheel']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
