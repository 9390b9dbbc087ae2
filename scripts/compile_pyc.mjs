// Compile Python sources to .pyc with Pyodide's own Python, under Node (used by
// scripts/stage_pyodide.py).
//
//   node scripts/compile_pyc.mjs <pyodide dir> <source dir> <out dir>
//
// Every *.py under <source dir> becomes <out dir>/<same path>c (checker/engine.py ->
// checker/engine.pyc): the legacy layout Python imports without the source, as Pyodide's
// own packages ship. The browser then skips compiling the sources at import time. The
// bytecode must come from the very Python the browser runs (the .pyc magic number is per
// minor version), hence Pyodide and not the host's Python. The .pyc files are hash-based and
// unchecked, so they hold no time stamp and the output depends on the sources only.
// Exits non-zero, with the reason on stderr, on any failure.

import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { join, relative, dirname, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, sourceDir, outDir] = process.argv.slice(2).map((p) => resolve(p));
if (!outDir) {
  console.error("usage: node compile_pyc.mjs <pyodide dir> <source dir> <out dir>");
  process.exit(2);
}

function sources(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") found.push(...sources(path));
    } else if (name.endsWith(".py")) {
      found.push(relative(sourceDir, path).split(sep).join("/"));
    }
  }
  return found;
}

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + sep, stdout: () => {}, stderr: () => {} });
const files = sources(sourceDir);
const SRC = "/tmp/pyc-src";
// Where the wheel lands in Pyodide: tracebacks then name the installed path.
const SITE = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
for (const file of files) {
  pyodide.FS.mkdirTree(`${SRC}/${file.split("/").slice(0, -1).join("/")}`);
  pyodide.FS.writeFile(`${SRC}/${file}`, readFileSync(join(sourceDir, file)));
}
pyodide.globals.set("_files", pyodide.toPy(files));
pyodide.runPython(`
import py_compile
for name in _files:
    py_compile.compile(
        f"${SRC}/{name}",
        cfile=f"${SRC}/{name}c",
        dfile=f"${SITE}/{name}",
        doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
`);
for (const file of files) {
  const target = join(outDir, `${file}c`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, pyodide.FS.readFile(`${SRC}/${file}c`));
}
const version = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(`compiled ${files.length} files with Python ${version} (Pyodide ${pyodide.version})`);
