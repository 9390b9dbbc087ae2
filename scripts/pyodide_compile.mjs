// Build-time bytecode from Pyodide's own Python, under Node (used by
// scripts/stage_pyodide.py): one start of Pyodide does every job asked for.
//
//   node scripts/pyodide_compile.mjs <pyodide dir> <jobs.json>
//
// jobs.json holds any of:
//   "stdlib": {"checker": <checker source dir>, "out": <zip path>}
//       Rebuild Pyodide's python_stdlib.zip with bytecode for the modules the checker needs.
//       The npm package ships the standard library as source, so every start of Python in
//       the browser compiles each module it imports (the package loader alone pulls in
//       shutil, zipfile, tempfile, pathlib...). Measured in headless Chromium, that was most
//       of Python's start-up: about 1.2 s of 1.8 s on a warm visit. Which modules: the ones
//       imported by Python's start-up, Pyodide's package loader, the checker modules the
//       browser worker imports and one check of each kind; every other module stays source (still importable, compiled on
//       use), so the zip grows little.
//   "tree": {"dir": <dir>}
//       Every *.py under <dir> gets its bytecode beside it as <same path>c
//       (checker/engine.py -> checker/engine.pyc): the legacy layout Python imports without
//       the source, as Pyodide's own packages ship (the stage swaps the wheel's sources for
//       these). Tracebacks name the path the wheel is installed at in Pyodide.
//
// The bytecode must come from the very Python the browser runs (the .pyc magic number is
// per minor version), hence Pyodide and not the host's Python. It is hash-based and
// unchecked, and zips get fixed dates, so the output depends on the inputs only. The stdlib
// job runs first, before the tree job imports anything: the zip is then the same whether
// one job runs or both.
//
// Prints one JSON line on stdout: {"python", "pyodide", "magic" (hex of the .pyc magic),
// "stdlibModules" (when the stdlib job ran), "treeFiles" (when the tree job ran)}.
// Exits non-zero, with the reason on stderr, on any failure.

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { sources } from "./py_sources.mjs";

const [pyodideArg, jobsArg] = process.argv.slice(2);
if (!jobsArg) {
  console.error("usage: node pyodide_compile.mjs <pyodide dir> <jobs.json>");
  process.exit(2);
}
const pyodideDir = resolve(pyodideArg);
const jobs = JSON.parse(readFileSync(jobsArg, "utf8"));

function copyIn(pyodide, fromDir, files, toDir) {
  for (const file of files) {
    const target = `${toDir}/${file}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, readFileSync(join(fromDir, file)));
  }
}

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + sep, stdout: () => {}, stderr: () => {} });
const result = JSON.parse(
  pyodide.runPython(`
import importlib.util, json, sys
json.dumps({"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex()})
`),
);
result.pyodide = pyodide.version;

if (jobs.stdlib) {
  const checkerDir = resolve(jobs.stdlib.checker);
  copyIn(pyodide, checkerDir, sources(checkerDir), "/tmp/src/checker");
  pyodide.runPython(`
import sys
sys.path.insert(0, "/tmp/src")
import json
import pyodide._package_loader  # what loadPyodide({packages}) runs to install the wheel
from checker import check
from checker.config import ConfigError, merge, parse_config
from checker.model import KINDS
import checker.web  # what the browser worker calls (overrides/assets/checker/worker.js)
import checker.audit.web  # the "Your feed" page, in the same worker
for kind in KINDS:
    check("Thanks @ana! Great read https://example.com/a #x\\n---\\nMore 🎉", kind=kind)
sys.path.remove("/tmp/src")
`);
  result.stdlibModules = pyodide.runPython(`
import os, py_compile, sys, zipfile

STDLIB = next(p for p in sys.path if p.endswith(".zip"))
used = sorted(
    m.__file__[len(STDLIB) + 1 :]
    for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(STDLIB + "/")
    and m.__file__.endswith(".py")
)
wanted = set(used)
with zipfile.ZipFile(STDLIB) as source, zipfile.ZipFile(
    "/tmp/stdlib.zip", "w", zipfile.ZIP_DEFLATED
) as out:
    for item in sorted(source.infolist(), key=lambda i: i.filename):
        data = source.read(item)
        name = item.filename
        if name in wanted:
            src = "/tmp/pyc/" + name
            os.makedirs(src.rsplit("/", 1)[0], exist_ok=True)
            with open(src, "wb") as f:
                f.write(data)
            py_compile.compile(
                src,
                cfile=src + "c",
                dfile=STDLIB + "/" + name,
                doraise=True,
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            )
            with open(src + "c", "rb") as f:
                data = f.read()
            name += "c"
        entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        entry.external_attr = item.external_attr
        entry.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(entry, data)
len(used)
`);
  writeFileSync(resolve(jobs.stdlib.out), pyodide.FS.readFile("/tmp/stdlib.zip"));
}

if (jobs.tree) {
  const treeDir = resolve(jobs.tree.dir);
  const files = sources(treeDir);
  const SRC = "/tmp/pyc-src";
  copyIn(pyodide, treeDir, files, SRC);
  pyodide.globals.set("_files", pyodide.toPy(files));
  pyodide.runPython(`
import py_compile, sysconfig

# Where the wheel lands in Pyodide: tracebacks then name the installed path.
SITE = sysconfig.get_paths()["purelib"]
for name in _files:
    py_compile.compile(
        f"${SRC}/{name}",
        cfile=f"${SRC}/{name}c",
        dfile=f"{SITE}/{name}",
        doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
`);
  for (const file of files) {
    writeFileSync(join(treeDir, `${file}c`), pyodide.FS.readFile(`${SRC}/${file}c`));
  }
  result.treeFiles = files.length;
}

console.log(JSON.stringify(result));
