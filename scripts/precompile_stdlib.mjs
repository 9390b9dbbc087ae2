// Rebuild Pyodide's python_stdlib.zip with bytecode for the modules the checker needs
// (used by scripts/stage_pyodide.py).
//
//   node scripts/precompile_stdlib.mjs <pyodide dir> <checker source dir> <out zip>
//
// Why: the npm package ships the standard library as source, so every start of Python in
// the browser compiles each module it imports (the package loader alone pulls in shutil,
// zipfile, tempfile, pathlib...). Measured in headless Chromium here, that is most of
// Python's start-up: about 1.2 s of 1.8 s on a warm visit. Pyodide's own build can ship a
// compiled stdlib for the same reason.
//
// Which modules: the ones imported, under Node, by Python's start-up, Pyodide's package
// loader, `import checker` and one check of each kind; every other module stays source
// (still importable, just compiled on use), so the zip grows little. Bytecode comes from
// Pyodide's own Python (the .pyc magic is per minor version), hash-based and unchecked,
// and the zip has fixed dates: the output depends on the inputs only.
// Exits non-zero, with the reason on stderr, on any failure.

import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, checkerDir, outZip] = process.argv.slice(2).map((p) => resolve(p));
if (!outZip) {
  console.error("usage: node precompile_stdlib.mjs <pyodide dir> <checker dir> <out zip>");
  process.exit(2);
}

function sources(root, dir = root) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") found.push(...sources(root, path));
    } else if (name.endsWith(".py")) {
      found.push(relative(root, path).split(sep).join("/"));
    }
  }
  return found;
}

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + sep, stdout: () => {}, stderr: () => {} });
for (const file of sources(checkerDir)) {
  const target = `/tmp/src/checker/${file}`;
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, readFileSync(join(checkerDir, file)));
}
pyodide.runPython(`
import sys
sys.path.insert(0, "/tmp/src")
import json
import pyodide._package_loader  # what loadPyodide({packages}) runs to install the wheel
from checker import check
from checker.config import ConfigError, merge, parse_config
from checker.model import KINDS
for kind in KINDS:
    check("Thanks @ana! Great read https://example.com/a #x\\n---\\nMore 🎉", kind=kind)
sys.path.remove("/tmp/src")
`);
const info = pyodide.runPython(`
import json, py_compile, sys, zipfile

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
            __import__("os").makedirs(src.rsplit("/", 1)[0], exist_ok=True)
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
json.dumps({"compiled": len(used), "python": sys.version.split()[0]})
`);
writeFileSync(outZip, pyodide.FS.readFile("/tmp/stdlib.zip"));
const { compiled, python } = JSON.parse(info);
console.log(`stdlib: ${compiled} modules precompiled with Python ${python} (Pyodide ${pyodide.version})`);
