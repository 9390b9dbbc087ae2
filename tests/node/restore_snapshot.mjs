// Restore the checker's memory snapshot under Node, as the browser worker does, and answer
// checks: used by tests/test_snapshot.py.
//
//   node tests/node/restore_snapshot.mjs <runtime dir> <snapshot.gz> <wheel> < requests.json
//
// requests.json: {"code": "<Python expression giving a JSON string>"} or a list of checks
// [{text, platform, kind, handles}]. Prints one JSON document: {buildId, probe, reports}.

import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, snapshotFile, wheelFile] = process.argv.slice(2);
const indexURL = resolve(runtimeDir) + sep;
const request = JSON.parse(readFileSync(0, "utf-8"));
const wheel = readFileSync(resolve(wheelFile));
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  _loadSnapshot: gunzipSync(readFileSync(resolve(snapshotFile))),
  stdout: () => {},
  stderr: (line) => console.error(line),
  fsInit: async (FS) => {
    const path = "/lib/etiquette/checker.whl";
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, wheel);
  },
});
pyodide.runPython("import _etiquette_snapshot; _etiquette_snapshot.thaw()");
const buildId = pyodide.runPython("_etiquette_snapshot.BUILD_ID");
pyodide.globals.set("_request", JSON.stringify(request));
const out = pyodide.runPython(`
import json
from checker import check
from checker.config import Config

_req = json.loads(_request)
_reports = [
    check(
        r["text"],
        platform=r["platform"],
        kind=r["kind"],
        config=Config(handles=tuple(h.lower().lstrip("@") for h in r.get("handles", []))),
    ).to_dict()
    for r in _req.get("checks", [])
]
_probe = eval(_req["probe"]) if _req.get("probe") else None
json.dumps({"reports": _reports, "probe": _probe})
`);
console.log(JSON.stringify({ buildId, ...JSON.parse(out) }));
