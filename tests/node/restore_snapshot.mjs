// Restore the checker's memory snapshot under Node, as the browser worker does, and answer
// checks: used by tests/test_snapshot.py.
//
//   node tests/node/restore_snapshot.mjs <runtime dir> <snapshot.gz> <wheel> < requests.json
//
// requests.json: {"checks": [{text, platform, kind, handles}], "probe": "<Python expression>",
// "secrets": ["<text the memory must not hold>"]}. Prints one JSON document:
// {buildId, probe, reports, found}: `found` lists the secrets the restored memory holds.
//
// The file is a delta against the wasm's fresh memory (scripts/make_snapshot.mjs): undone
// here, as worker.js undoes it, once the wasm is instantiated and before Pyodide restores.

import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, snapshotFile, wheelFile] = process.argv.slice(2);
const indexURL = resolve(runtimeDir) + sep;
const request = JSON.parse(readFileSync(0, "utf-8"));
const wheel = readFileSync(resolve(wheelFile));
const HEADER = 16;
const file = expand(new Uint8Array(gunzipSync(readFileSync(resolve(snapshotFile)))));
const [magic, end, hash] = new Uint32Array(file.buffer, file.byteOffset, 4);
if (magic !== 0x31515445) throw new Error("not a delta snapshot (ETQ1)");

// The stored file ("ETQ2": runs of [offset, byte count] and bytes) as the delta ("ETQ1"),
// as worker.js expandSparse rebuilds it, written out again here from the format.
function expand(stored) {
  const words = new Uint32Array(stored.buffer, stored.byteOffset, 4);
  if (words[0] !== 0x32515445) throw new Error("not a sparse snapshot (ETQ2)");
  const out = new Uint8Array(HEADER + words[3]);
  new Uint32Array(out.buffer, 0, 4).set([0x31515445, words[1], words[2], 0]);
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  for (let at = HEADER; at < stored.byteLength; ) {
    const offset = view.getUint32(at, true);
    const count = view.getUint32(at + 4, true);
    out.set(stored.subarray(at + 8, at + 8 + count), HEADER + offset);
    at += 8 + count;
  }
  return out;
}

function freshHash(memory, length) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, length / 4);
  let value = 0x811c9dc5;
  for (let i = 0; i < words.length; i += 1) value = Math.imul(value ^ words[i], 0x01000193);
  return value >>> 0;
}

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(WebAssembly, args);
  const memory = new Uint8Array((result.instance || result).exports.memory.buffer);
  if (freshHash(memory, end) !== hash) throw new Error("the snapshot is for another wasm");
  const start = new Uint32Array(file.buffer, file.byteOffset + HEADER, 2)[1];
  const delta = file.subarray(HEADER + start, HEADER + start + end);
  for (let i = 0; i < end; i += 1) delta[i] ^= memory[i];
  new Uint32Array(file.buffer, file.byteOffset + HEADER, 1)[0] = 1886286592; // Pyodide's magic
  WebAssembly.instantiate = instantiate;
  return result;
};

const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  _loadSnapshot: file.subarray(HEADER),
  stdout: () => {},
  stderr: (line) => console.error(line),
});
pyodide.runPython("import _etiquette_snapshot; _etiquette_snapshot.thaw()");
const buildId = pyodide.runPython("_etiquette_snapshot.BUILD_ID");
// After the restore, as worker.js writes it once ready, where the snapshot expects it.
const wheelPath = pyodide.runPython("_etiquette_snapshot.WHEEL_PATH");
pyodide.FS.mkdirTree(wheelPath.slice(0, wheelPath.lastIndexOf("/")));
pyodide.FS.writeFile(wheelPath, wheel);
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
// the memory as restored (the delta undone): what the build machine might have left in it
const memory = Buffer.from(file.buffer, file.byteOffset + HEADER);
const found = (request.secrets || []).filter((text) => memory.indexOf(Buffer.from(text)) >= 0);
console.log(JSON.stringify({ buildId, ...JSON.parse(out), found }));
