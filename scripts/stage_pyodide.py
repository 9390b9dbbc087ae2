"""Stage the browser checker's runtime for the site (``make stage``).

The MkDocs hook ``hooks/checker_assets.py`` copies the staged tree into the site. It
holds, all served by the site itself (no CDN):

- ``assets/pyodide/<version>/``: the Pyodide runtime from the pinned npm package, its
  ``python_stdlib.zip`` rebuilt with bytecode for the modules the checker's start-up
  imports (the npm package ships source, which the browser would compile on every start);
- ``assets/checker/py/<hash>/``: the checker wheel (``python -m build``, its sources then
  swapped for bytecode, as Pyodide's own packages ship) and the site's own
  ``pyodide-lock.json`` naming it (``pyodide lockfile add-wheels``, sha256 included). The
  folder is named by a hash of the wheel's inputs, so a browser never runs a stale wheel
  from its cache.

Bytecode comes from Pyodide's own Python under Node (``scripts/pyodide_compile.mjs``, one
start of Pyodide for every job a run needs), since the .pyc magic is per minor version.

**The memory snapshot** (``assets/pyodide/<version>/checker-<build id>.snapshot.gz``):
Python's memory after ``import checker`` and a warm-up, made under Node by
``scripts/make_snapshot.mjs`` from the staged runtime, stdlib zip and wheel; the worker
restores it instead of starting Python (see README.md, "The memory snapshot").

**Parts and stamps.** The output is made of parts (``runtime``, ``stdlib``, ``wheel``,
``snapshot``), each with a stamp: a hash of exactly the inputs that part is made from. A
run rebuilds the parts whose stamp changed and hard-links the others from the previous
stage, so a README edit does nothing, and a checker edit rebuilds the wheel (and its
bytecode) and the snapshot but not the stdlib zip, unless it changes which modules the
checker imports. To add a part: a stamp
function, a step in ``_build_parts``, and its files in the manifest.

**A failed or interrupted run changes nothing.** Each run writes a new folder
``build/stage/run-*``; only when all of it is written does the manifest
(``build/site-assets.json``, replaced atomically) point at it. The manifest is what the
hook reads: until that moment it names the previous, complete stage. Older run folders are
removed after the switch (and leftovers of an interrupted run, on the next run).

The manifest also records what the last run built (``built``), the Python version and
.pyc magic Pyodide reported, and each part's stamp.
"""

from __future__ import annotations

import ast
import base64
import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
CHECKER = ROOT / "checker"
BUILD = ROOT / "build"
STAGES = BUILD / "stage"  # one folder per run; the manifest names the current one
MANIFEST = BUILD / "site-assets.json"
COMPILE = ROOT / "scripts" / "pyodide_compile.mjs"
PY_SOURCES = ROOT / "scripts" / "py_sources.mjs"  # imported by COMPILE: part of its stamp
MAKE_SNAPSHOT = ROOT / "scripts" / "make_snapshot.mjs"
STDLIB = "python_stdlib.zip"  # staged with bytecode for the modules the checker uses
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no build time in the wheel
PACKAGE = "etiquette-checker"
# What the browser needs to boot, besides the stdlib; the npm lock file serves the bare
# benchmark page.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
PARTS = ("runtime", "stdlib", "wheel", "snapshot")
# The wheel only needs a README for its metadata; the browser never reads it. A fixed one
# keeps README edits from rebuilding the wheel.
WHEEL_README = "The Social Etiquette Handbook's checker, staged for the browser.\n"


class StageError(RuntimeError):
    pass


# ---------------------------------------------------------------- inputs and stamps


def pyodide_version() -> str:
    package = NPM_PYODIDE / "package.json"
    if not package.is_file():
        raise StageError(f"{package} is missing: run `make setup` (npm ci) first")
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    assert isinstance(version, str)
    return version


def checker_sources() -> list[Path]:
    """Every file of the checker package (its data files too, should it get any)."""
    return sorted(
        p
        for p in CHECKER.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def checker_imports() -> list[str]:
    """Every module the checker's sources import, other than its own (lazy ones included).

    What the stdlib part depends on: the set of stdlib modules worth precompiling follows
    from these, so editing a rule's words leaves the stdlib zip alone.
    """
    found: set[str] = set()
    for path in checker_sources():
        if path.suffix != ".py":
            continue
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except SyntaxError as err:
            raise StageError(f"{path.relative_to(ROOT)}: {err}") from None
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return sorted(m for m in found if m.split(".")[0] != "checker")


def _stamp(part: str, version: str, items: Iterable[Path | str]) -> str:
    """A hash of a part's inputs: file paths (relative to the repo) and contents, or text."""
    digest = hashlib.sha256(f"{part}\0{version}\0".encode())
    for item in [Path(__file__), *items]:
        if isinstance(item, Path):
            name = item.relative_to(ROOT).as_posix() if item.is_relative_to(ROOT) else item.name
            digest.update(name.encode() + b"\0" + item.read_bytes() + b"\0")
        else:
            digest.update(item.encode() + b"\0")
    return digest.hexdigest()[:16]


def stamps(version: str) -> dict[str, str]:
    npm = [NPM_PYODIDE / name for name in RUNTIME_FILES]
    for path in [*npm, NPM_PYODIDE / STDLIB]:
        if not path.is_file():
            raise StageError(f"{path} is missing: run `make setup` (npm ci)")
    found = {
        "runtime": _stamp("runtime", version, npm),
        "stdlib": _stamp(
            "stdlib", version, [NPM_PYODIDE / STDLIB, COMPILE, PY_SOURCES, *checker_imports()]
        ),
        "wheel": _stamp(
            "wheel",
            version,
            [*checker_sources(), ROOT / "pyproject.toml", COMPILE, PY_SOURCES, npm[-1]],
        ),
    }
    # Python's memory after `import checker`: made from all three, so it follows each.
    found["snapshot"] = _stamp("snapshot", version, [MAKE_SNAPSHOT, *found.values()])
    return found


# ---------------------------------------------------------------- the steps


def build_wheel(dest: Path) -> Path:
    """Build the checker wheel from a clean copy of the sources (``build/`` stays ours)."""
    with tempfile.TemporaryDirectory(prefix="etiquette-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copytree(CHECKER, src / "checker", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        (src / "README.md").write_text(WHEEL_README, encoding="utf-8")
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


def _has_setuptools() -> bool:
    return importlib.util.find_spec("setuptools") is not None


def run_pyodide(jobs: dict[str, dict[str, str]], scratch: Path) -> dict[str, Any]:
    """One start of Pyodide under Node doing ``jobs`` (see scripts/pyodide_compile.mjs).

    Fails the stage when Node or Pyodide cannot: shipping sources instead would only be
    slower, but silently so.
    """
    node = shutil.which("node")
    if node is None:
        raise StageError("`node` is not on PATH: it compiles the bytecode (Node 18+)")
    spec = scratch / "jobs.json"
    spec.write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run(
        [node, str(COMPILE), str(NPM_PYODIDE), str(spec)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise StageError(f"Pyodide under Node failed:\n{done.stdout}\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


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
    records: the file (relative to the staged tree's root), the build id, the path the
    worker writes the wheel at, and the snapshot's sizes.
    """
    node = shutil.which("node")
    if node is None:
        raise StageError("`node` is not on PATH: it makes the memory snapshot (Node 18+)")
    build_id = snapshot_build_id(runtime, wheel)
    out = runtime / f"checker-{build_id}.snapshot.gz"
    cmd = [node, str(MAKE_SNAPSHOT), str(runtime), str(wheel), build_id, str(out)]
    # A fixed zone: what the snapshot holds must not depend on the build machine's.
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0 or not out.is_file():
        raise StageError(f"making the memory snapshot failed:\n{done.stdout}\n{done.stderr}")
    info = json.loads(done.stdout.strip().splitlines()[-1])
    if info.get("buildId") != build_id:
        raise StageError(f"the snapshot reports build id {info.get('buildId')}, not {build_id}")
    return {
        "snapshot": out.relative_to(runtime.parents[2]).as_posix(),
        "snapshotBuildId": build_id,
        "snapshotWheelPath": info["wheelPath"],
        "snapshotBytes": {"raw": info["raw"], "gzip": info["gzip"]},
    }


def swap_in_bytecode(wheel: Path, tree: Path, names: list[str]) -> None:
    """Rewrite ``wheel`` from ``tree`` with each ``.py`` replaced by its ``.pyc``.

    Keeps the wheel's name (the lock file names it) and rewrites its RECORD.
    """
    entries = []
    for name in names:
        if name.endswith(".py"):
            name += "c"
        if not (tree / name).is_file():
            raise StageError(f"{name} is missing after compiling the wheel's bytecode")
        entries.append(name)
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


def _link_or_copy(src: Path, dst: Path) -> None:
    """Share an unchanged file with the previous stage (files are never edited in place)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


# ---------------------------------------------------------------- the manifest


def read_manifest() -> dict[str, Any] | None:
    """The current stage, or None when there is none that is whole."""
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        root = BUILD / manifest["root"] / "site-assets"
        files = [manifest["lockFile"], manifest["wheel"], manifest["snapshot"]]
        files += [manifest["indexURL"] + name for name in (*RUNTIME_FILES, STDLIB)]
        whole = all((root / name).is_file() for name in files)
        parts_known = all(p in manifest["parts"] for p in PARTS)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest if whole and parts_known and isinstance(manifest, dict) else None


def _commit(manifest: dict[str, Any]) -> None:
    """Point the manifest at the new stage in one step (``os.replace`` is atomic)."""
    tmp = MANIFEST.with_name(MANIFEST.name + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, MANIFEST)


def _prune(keep: Path) -> None:
    """Remove every stage but ``keep``, and the pre-stamps layout (build/site-assets/)."""
    for run in STAGES.iterdir():
        if run != keep:
            shutil.rmtree(run, ignore_errors=True)
    shutil.rmtree(BUILD / "site-assets", ignore_errors=True)


# ---------------------------------------------------------------- the run


def _build_parts(
    todo: list[str],
    version: str,
    stamp: dict[str, str],
    previous: dict[str, Any] | None,
    run: Path,
) -> dict[str, Any]:
    """Write the new stage into ``run``: build the parts in ``todo``, link the others."""
    out = run / "site-assets"
    old = BUILD / previous["root"] / "site-assets" if previous else None
    index_url = f"assets/pyodide/{version}/"
    runtime = out / index_url
    runtime.mkdir(parents=True)
    found: dict[str, Any] = dict(previous or {})

    for name in RUNTIME_FILES:  # copying is all there is to do: from npm or the old stage
        source = NPM_PYODIDE / name if "runtime" in todo or old is None else old / index_url / name
        _link_or_copy(source, runtime / name)

    # Pyodide under Node is the slow step: gather its jobs, start it once.
    jobs: dict[str, dict[str, str]] = {}
    scratch = run / "scratch"
    scratch.mkdir()
    if "stdlib" in todo:
        jobs["stdlib"] = {"checker": str(CHECKER), "out": str(runtime / STDLIB)}
    else:
        assert old is not None
        _link_or_copy(old / index_url / STDLIB, runtime / STDLIB)

    wheel: Path | None = None
    tree = scratch / "wheel"
    names: list[str] = []
    if "wheel" in todo:
        py_dir = out / "assets" / "checker" / "py" / stamp["wheel"]
        py_dir.mkdir(parents=True)
        wheel = build_wheel(py_dir)
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            archive.extractall(tree)
        jobs["tree"] = {"dir": str(tree)}
    else:
        assert previous is not None and old is not None
        for key in ("wheel", "lockFile"):
            _link_or_copy(old / previous[key], out / previous[key])

    if jobs:
        reported = run_pyodide(jobs, scratch)
        found.update(python=reported["python"], pycMagic=reported["magic"])
        if "stdlibModules" in reported:
            found["stdlibModules"] = reported["stdlibModules"]
    if wheel is not None:
        for name in names:
            if name.endswith(".py"):
                (tree / name).unlink()
        swap_in_bytecode(wheel, tree, names)
        lock = wheel.with_name("pyodide-lock.json")
        write_lock(wheel, lock)
        found.update(
            wheel=wheel.relative_to(out).as_posix(), lockFile=lock.relative_to(out).as_posix()
        )
    shutil.rmtree(scratch)

    if "snapshot" in todo:  # last: it is made from the files staged above
        found.update(make_snapshot(runtime, out / found["wheel"]))
    else:
        assert previous is not None and old is not None
        _link_or_copy(old / previous["snapshot"], out / previous["snapshot"])

    found.update(
        root=run.relative_to(BUILD).as_posix(),
        # one stamp for all of it: the hook's cache-busting version
        stamp=hashlib.sha256(json.dumps(stamp, sort_keys=True).encode()).hexdigest()[:16],
        parts={part: {"stamp": stamp[part]} for part in PARTS},
        built=todo,
        pyodideVersion=version,
        package=PACKAGE,
        # paths relative to the staged tree (the site root), with "/" separators
        indexURL=index_url,
    )
    return found


def stage(*, force: bool = False) -> list[str]:
    """Stage what changed; returns the parts it built (none when all was up to date)."""
    version = pyodide_version()
    stamp = stamps(version)
    STAGES.mkdir(parents=True, exist_ok=True)
    # One stage at a time per checkout (`make serve` and `make test` may both stage).
    with open(BUILD / "stage.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        previous = None if force else read_manifest()
        todo = [
            part
            for part in PARTS
            if previous is None or previous["parts"][part].get("stamp") != stamp[part]
        ]
        if not todo:
            assert previous is not None
            _prune(keep=BUILD / previous["root"])  # leftovers of an interrupted run
            return []
        run = Path(tempfile.mkdtemp(prefix="run-", dir=STAGES))
        try:
            manifest = _build_parts(todo, version, stamp, previous, run)
            _commit(manifest)
        except BaseException:
            shutil.rmtree(run, ignore_errors=True)
            raise
        _prune(keep=run)
    return todo


def main() -> int:
    try:
        built = stage(force="--force" in sys.argv[1:])
    except StageError as err:
        print(f"stage_pyodide: error: {err}", file=sys.stderr)
        return 2
    manifest = read_manifest()
    assert manifest is not None
    state = f"staged {', '.join(built)}" if built else "up to date"
    print(f"stage_pyodide: {state}: Pyodide {manifest['pyodideVersion']}, {manifest['wheel']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
