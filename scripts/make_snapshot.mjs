// Build the checker's Pyodide memory snapshot (used by scripts/stage_pyodide.py).
//
//   node scripts/make_snapshot.mjs <staged runtime dir> <checker wheel> <build id> <out file>
//
// Why: a page that boots Pyodide, installs the wheel through the package loader and imports
// the checker spends most of its start-up in Python's own imports. A memory snapshot taken
// after `import checker` (and one check of each kind on each platform, so lazy imports and
// caches are warm) lets the browser restore that state in one copy instead.
//
// How (Pyodide's private snapshot options; the version is pinned in package-lock.json and the
// snapshot is rebuilt whenever the runtime, the stdlib zip or the wheel changes):
// - loadPyodide({_makeSnapshot: true, _sysExecutable: "python"}) from the STAGED runtime (the
//   very pyodide.asm.wasm and python_stdlib.zip the site serves: Pyodide refuses a snapshot
//   from another build, and zipimport remembers the stdlib zip's table of contents);
// - the wheel is written by `fsInit` at WHEEL_PATH and put on sys.path as a zip: no lock file,
//   no package loader (makeMemorySnapshot refuses a runtime whose loader has loaded
//   anything). The worker writes the same bytes at the same path once the snapshot is
//   restored (overrides/assets/checker/worker.js), so an import not made here still finds
//   its module;
// - what the build machine leaves in Python's memory is reset or checked (see FREEZE below);
//   what must differ per visit (random's seed, the time zone) is redone by
//   `_etiquette_snapshot.thaw()`, which the worker calls after a restore;
// - the build id is kept in Python (`_etiquette_snapshot.BUILD_ID`): the worker compares it
//   with the one the page expects and boots the ordinary way when they differ.
//
// Made small for the wire (every byte of it is on a first visit's critical path):
// - free memory is zeroed (zeroFreeMemory): what Python freed still holds the compressed
//   and decompressed bytes of every module it imported, which compress badly;
// - it is stored as a delta: each byte XOR the byte a freshly instantiated pyodide.asm.wasm
//   holds there (its data segments, 3 MB of Python's static data the browser already has).
//   The worker instantiates the wasm, XORs its fresh memory back in and only then lets
//   Pyodide restore (worker.js, undoDelta). Saves a quarter of the gzipped bytes.
// - its zero words are left out (`sparse`, "ETQ2"): a warm visit reads the file inflated
//   from the service worker's cache, and a third of the bytes read in a third of the time.
// The delta ("ETQ1"): a 16-byte header of ours (DELTA_MAGIC, the delta's length, a hash of
// the fresh memory it was made against, 0), then Pyodide's snapshot with its memory XORed
// and its magic word zeroed (put back with the delta undone). The file stores that sparse,
// gzip-compressed (the browser inflates it with DecompressionStream).
// Prints one JSON line: sizes and what was checked. Exits non-zero on any failure.

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, constants } from "node:zlib";

export const WHEEL_PATH = "/lib/etiquette/checker.whl";
export const DELTA_MAGIC = 0x31515445; // "ETQ1", little-endian: the delta, as restored
export const SPARSE_MAGIC = 0x32515445; // "ETQ2": the file as stored (sparse, below)
const HEADER = 16;

const [runtimeDir, wheelFile, buildId, outFile] = process.argv.slice(2);
if (!outFile || !/^[0-9a-f]{8,64}$/.test(buildId)) {
  console.error("usage: node make_snapshot.mjs <runtime dir> <wheel> <build id (hex)> <out file>");
  process.exit(2);
}
const indexURL = resolve(runtimeDir) + sep;
const wheel = readFileSync(resolve(wheelFile));

// The memory a fresh instance of the wasm starts with, captured the moment it is
// instantiated (before Emscripten runs anything): what the delta is taken against.
let fresh = null;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(WebAssembly, args);
  const instance = result.instance || result;
  fresh ??= new Uint8Array(instance.exports.memory.buffer.slice(0));
  return result;
};

const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  _makeSnapshot: true,
  _sysExecutable: "python", // else sys.executable is this script's host path
  stdout: () => {},
  stderr: (line) => console.error(line),
  fsInit: async (FS) => {
    FS.mkdirTree(WHEEL_PATH.slice(0, WHEEL_PATH.lastIndexOf("/")));
    FS.writeFile(WHEEL_PATH, wheel);
  },
});

// Everything is exchanged as strings: a JS object handed to Python would leave a reference
// behind that makeMemorySnapshot cannot serialise.
const FREEZE = `
import importlib, json, os, pkgutil, sys, time, types

sys.path.append(${JSON.stringify(WHEEL_PATH)})
import checker
from checker import check
from checker.config import merge, parse_config
from checker.model import KINDS
from checker.platforms import PLATFORMS
from checker.rules import REGISTRY

# Every module of the package, so no import is left for the browser to make; except the
# terminal's shells, which the browser never runs (the CLI's parser, its audit driver and
# the audit's worker processes: multiprocessing alone would add 0.26 MB to the download).
_SHELLS = {"checker.__main__", "checker.cli", "checker.audit_cli", "checker.audit_jobs"}
for info in pkgutil.walk_packages(checker.__path__, "checker."):
    if info.name not in _SHELLS:
        importlib.import_module(info.name)

# One check of each kind on each platform, with the team-settings path the worker takes,
# and every rule example: lazy imports and per-rule caches are filled here.
_config = merge(parse_config({"handles": ["@ana"]}, "snapshot"), handles=["@ana"], source="snapshot")
_runs = 0
for _platform in PLATFORMS:
    for _kind in KINDS:
        check("Thanks @ana! Great read https://example.com/a #x 🎉\\n---\\nMore, see above",
              platform=_platform, kind=_kind, config=_config).to_dict()
        _runs += 1
for _rule in REGISTRY:
    for _example in (*_rule.flags, *_rule.passes):
        check(_example.text, platform=_example.platform, kind=_example.kind).to_dict()
        _runs += 1
json.dumps(check("warm", platform=None).to_dict())

# The build machine's traces: sys.executable and argv are set from Node's command line; the
# environment is Emscripten's default, not the host's. (The memory is searched for the
# host's paths below, once the snapshot is made.)
sys.executable = ""  # as in an ordinary boot in the browser
sys.argv = [""]
os.environ.pop("_", None)  # Emscripten's copy of argv[0]
while "" in sys.path:  # loadPyodide puts it back after a restore
    sys.path.remove("")


def _thaw():
    """Redo, in the reader's browser, what must not be the build machine's."""
    import random
    import sys
    import time as _time

    random.seed()  # from os.urandom: crypto.getRandomValues
    if "tempfile" in sys.modules:
        sys.modules["tempfile"]._name_sequence = None  # its own Random, seeded at build time
    # time.timezone & co. were computed once from the build machine's zone; recompute them
    # from localtime(), which asks the browser each call (CPython's own fallback method).
    year = _time.localtime().tm_year
    jan = _time.localtime(_time.mktime((year, 1, 1, 12, 0, 0, 0, 0, -1)))
    jul = _time.localtime(_time.mktime((year, 7, 1, 12, 0, 0, 0, 0, -1)))
    janzone, julzone = -jan.tm_gmtoff, -jul.tm_gmtoff
    if janzone < julzone:  # southern hemisphere: DST in January
        jan, jul, janzone, julzone = jul, jan, julzone, janzone
    _time.timezone, _time.altzone = janzone, julzone
    _time.daylight = int(janzone != julzone)
    # the names Emscripten gives (its own are the build machine's, frozen by tzset)
    _time.tzname = tuple(
        f"UTC{'-' if west >= 0 else '+'}{abs(west) // 3600:02d}{abs(west) // 60 % 60:02d}"
        for west in (janzone, julzone)
    )


_module = types.ModuleType("_etiquette_snapshot", "State of the checker's memory snapshot.")
_module.BUILD_ID = ${JSON.stringify(buildId)}
_module.WHEEL_PATH = ${JSON.stringify(WHEEL_PATH)}
_module.thaw = _thaw
sys.modules["_etiquette_snapshot"] = _module
_info = json.dumps({"checks": _runs, "modules": len(sys.modules), "python": sys.version.split()[0]})
for _name in [n for n in globals() if n.startswith("_") and not n.startswith("__")]:
    if _name != "_info":
        del globals()[_name]
del importlib, pkgutil, types, checker, check, merge, parse_config, KINDS, PLATFORMS, REGISTRY
del os, time, json, sys
_info
`;

const info = JSON.parse(pyodide.runPython(FREEZE));
pyodide.runPython("del _info; import gc, re; re.purge(); gc.collect(); del gc, re");
const zeroed = zeroFreeMemory(pyodide._module);
const snapshot = pyodide.makeMemorySnapshot();
// Fail rather than ship a snapshot holding a path of this machine (a leak of where and by
// whom it was built, and a sign that something host-specific was frozen).
for (const secret of new Set([resolve("."), process.cwd(), indexURL])) {
  if (secret.length > 1 && Buffer.from(snapshot).indexOf(Buffer.from(secret)) >= 0) {
    console.error(`the snapshot holds a path of the build machine: ${secret}`);
    process.exit(1);
  }
}
const stored = sparse(withDelta(snapshot));
const gzipped = gzipSync(stored, { level: constants.Z_BEST_COMPRESSION });
writeFileSync(resolve(outFile), gzipped);
console.log(
  JSON.stringify({
    ...info,
    buildId,
    wheelPath: WHEEL_PATH,
    pyodide: pyodide.version,
    raw: snapshot.length,
    gzip: gzipped.length,
    sparse: stored.length,
    zeroed,
    delta: deltaEnd(),
  }),
);

// Zero every free block of the C heap (dlmalloc's free chunks): allocate them all, fill
// them with zeros, free them again. Only memory below the heap's current end is taken, so
// the wasm memory (and the snapshot) does not grow. Python's own small-object pools keep
// their free blocks; gc.collect() above has returned what it could.
function zeroFreeMemory(Module) {
  const length = Module.HEAP8.length;
  const brk = () => Module.HEAPU32[Module._emscripten_get_sbrk_ptr() >>> 2];
  const margin = 1 << 18;
  const held = [];
  for (let size = 1 << 20; size >= 8; size >>= 1) {
    while (length - brk() > size + margin) {
      const pointer = Module._malloc(size);
      if (!pointer) break;
      held.push([pointer, size]);
    }
  }
  let zeroed = 0;
  for (const [pointer, size] of held) {
    Module.HEAPU8.fill(0, pointer, pointer + size);
    zeroed += size;
  }
  for (const [pointer] of held.reverse()) Module._free(pointer);
  if (Module.HEAP8.length !== length) throw new Error("zeroing free memory grew the heap");
  return zeroed;
}

// Where the fresh memory's last non-zero byte ends (8-byte aligned): the delta's length.
function deltaEnd() {
  let end = fresh.length;
  while (end > 0 && fresh[end - 1] === 0) end -= 1;
  return Math.ceil(end / 8) * 8;
}

// FNV-1a over 32-bit words: the worker checks its fresh memory is the one the delta was
// made against (another wasm build would restore garbage).
export function freshHash(memory, end) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, end / 4);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i += 1) hash = Math.imul(hash ^ words[i], 0x01000193);
  return hash >>> 0;
}

function withDelta(snapshot) {
  if (!fresh) throw new Error("the wasm's fresh memory was not captured");
  const start = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2)[1]; // Pyodide's header
  const end = deltaEnd();
  if (start + end > snapshot.length) throw new Error("the fresh memory outgrows the snapshot");
  const out = new Uint8Array(HEADER + snapshot.length);
  out.set(snapshot, HEADER);
  const memory = out.subarray(HEADER + start, HEADER + start + end);
  for (let i = 0; i < end; i += 1) memory[i] ^= fresh[i];
  new Uint32Array(out.buffer, 0, 4).set([DELTA_MAGIC, end, freshHash(fresh, end), 0]);
  // Pyodide's own magic word is left out: a browser that restored this without undoing the
  // delta first (the worker does that in its wasm hook) gets "invalid magic", not garbage.
  new Uint32Array(out.buffer, HEADER, 1)[0] = 0;
  return out;
}

// The delta without its zeros ("ETQ2"): two thirds of it are zero words (memory the checker
// left as the fresh wasm had it), which gzip squeezes on the wire but a warm visit reads as
// they are, from the service worker's inflated copy (31 MB). Kept as runs instead: the
// header (SPARSE_MAGIC, the delta's end, the fresh memory's hash, the full length), then
// each run as [offset, byte count] (little-endian words, from the start of Pyodide's
// snapshot) and its bytes. worker.js (expandSparse) rebuilds the "ETQ1" bytes from it.
export function sparse(delta) {
  const GAP = 64; // runs closer than this (bytes) are one: a run's header costs more than a gap
  const words = new Uint32Array(delta.buffer, delta.byteOffset + HEADER, (delta.length - HEADER) >> 2);
  if ((delta.length - HEADER) % 4) throw new Error("the snapshot is not a whole number of words");
  const runs = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < words.length; i += 1) {
    if (words[i] === 0) continue;
    if (start >= 0 && (i - last - 1) * 4 < GAP) {
      last = i;
      continue;
    }
    if (start >= 0) runs.push([start, last + 1]);
    start = i;
    last = i;
  }
  if (start >= 0) runs.push([start, last + 1]);
  const size = HEADER + runs.reduce((sum, [a, b]) => sum + 8 + (b - a) * 4, 0);
  const out = new Uint8Array(size);
  const header = new Uint32Array(delta.buffer, delta.byteOffset, 4);
  new Uint32Array(out.buffer, 0, 4).set([SPARSE_MAGIC, header[1], header[2], delta.length - HEADER]);
  const view = new DataView(out.buffer);
  let at = HEADER;
  for (const [a, b] of runs) {
    view.setUint32(at, a * 4, true);
    view.setUint32(at + 4, (b - a) * 4, true);
    out.set(delta.subarray(HEADER + a * 4, HEADER + b * 4), at + 8);
    at += 8 + (b - a) * 4;
  }
  return out;
}
