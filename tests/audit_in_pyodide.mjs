// Runs the posting-history audit inside Pyodide under Node, to prove the core's readers
// (zip, tar.gz, the CAR/DAG-CBOR decoder) work on the Python the browser runs.
//
//   node tests/audit_in_pyodide.mjs <pyodide dir> <checker source dir> <file>...
//
// Prints one JSON line: {"python": version, "audits": {file name: Audit.to_dict() or error}}.

import { readFileSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { sources } from "../scripts/py_sources.mjs";

const [pyodideDir, checkerDir, ...files] = process.argv.slice(2).map((p) => resolve(p));

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + sep });
for (const file of sources(checkerDir)) {
  const target = `/src/checker/${file}`;
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, readFileSync(join(checkerDir, file)));
}
pyodide.FS.mkdirTree("/data");
for (const file of files) pyodide.FS.writeFile(`/data/${basename(file)}`, readFileSync(file));
const out = pyodide.runPython(`
import io, json, os, sys
sys.path.insert(0, "/src")
from checker.audit import ArchiveError, auditor_for, read_archive

audits = {}
for name in sorted(os.listdir("/data")):
    with open("/data/" + name, "rb") as f:
        data = f.read()
    try:
        archive = read_archive(io.BytesIO(data), name)
    except ArchiveError as err:
        audits[name] = {"error": str(err)}
        continue
    auditor = auditor_for(archive)
    auditor.feed(archive.posts)
    audits[name] = auditor.result().to_dict()
json.dumps({"python": sys.version.split()[0], "audits": audits})
`);
console.log(out);
