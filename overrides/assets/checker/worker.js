// The checker's module Web Worker: it owns Pyodide, so Python never blocks the page.
//
// Protocol (every message is a plain object with a `type`):
//   page -> worker  {type: "boot", indexURL, lockFileURL, packages, configURL, wasmFromPage}
//                   (absolute URLs; with wasmFromPage, a {type: "wasm", module} follows:
//                   pyodide.asm.wasm compiled by the page, or null to compile it here)
//                   {type: "check", id, text, platform, kind, handles, off}
//                   {type: "bench", id, text, platform, kind, runs}
//                   {type: "desk", id, text, platform, kind, handles, off, cw}   (the page's
//                   keystroke; cw: the content warning, "" for none, counted where the
//                   platform counts it: report, glance row and thread posts include it)
//                   {type: "split", id, text, platform, numbering}
//                   {type: "audit", id, file, name, handles, platform, since, siteURL}
//                   {type: "audit-cancel", id}
//   worker -> page  {type: "progress", step, total, label}
//                   {type: "ready", python, pyodide}
//                   {type: "failed", message}            boot failed; the page offers Retry
//                   {type: "result", id, report, notes, ms}
//                   {type: "error", id, message}         one check failed
//                   {type: "bench", id, times}
//                   {type: "desk", id, report, notes, glance, counts, tracking, posts, ms}
//                   {type: "split", id, split}   split = split_thread(...).to_dict()
//                   {type: "audit-progress", id, phase: "reading"|"auditing", done, total}
//                   {type: "audit-result", id, audit, pictures: {balance, trend}, html, ms,
//                    wasmBytes}                          Python's memory, for the bench
//                   {type: "audit-error", id, message}   the file's problem, one sentence
//                   {type: "audit-cancelled", id, done, total}
// `report` is exactly `check(...).to_dict()`, the JSON of `etiquette check --format json`.
// Every URL comes from the page, which resolves them from its script's own URL; nothing
// here talks to any host but the site's (no CDN, no micropip).

const STEPS = 3;
// Emscripten reports a failed wasm instantiation with console.warn and then waits forever,
// so a boot also fails when nothing has happened for this long.
const STALL_MS = 90_000;

let booting = null; // the boot promise; resolves to the Python check function
let checkFn = null;
let desk = null; // {site, web}: checker/web.py's desk_json and split_json, with the site's settings
let python = null; // {pyodide, site} once booted, for the audit (runAudit below)
let pageWasm = null; // resolves to the WebAssembly.Module the page compiled, or null
let givePageWasm = () => {};

function post(message) {
  self.postMessage(message);
}

function progress(step, label) {
  post({ type: "progress", step, total: STEPS, label });
}

async function fetchText(url) {
  // "no-cache" revalidates: config.json names the current wheel, so it must be fresh.
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.text();
}

async function boot(options) {
  if (typeof WebAssembly !== "object") {
    throw new Error("This browser cannot run WebAssembly, which the checker needs.");
  }
  const t0 = performance.now();
  mark("boot");
  progress(1, "Downloading Python (about 6 MB, once; then it is cached)");
  const configText = fetchText(options.configURL);
  configText.catch(() => {}); // awaited below; don't report it twice
  // The snapshot is the biggest download on the way to ready: it starts first, and downloads
  // and inflates while pyodide.mjs loads and the page compiles the wasm.
  const snapshot = fetchSnapshot(options);
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(options.indexURL + "pyodide.mjs"));
  } catch (err) {
    throw new Error(`Could not load the Python runtime (pyodide.mjs): ${err.message || err}`);
  }
  mark("pyodideModule");
  const wasmFailed = new Promise((_, reject) => {
    const warn = console.warn;
    let swallow = 0;
    console.warn = (...args) => {
      if (String(args[0]).includes("wasm instantiation failed")) {
        // a failed snapshot attempt falls back (bootFromSnapshot): nothing alarming to say
        if (quietWasmFailure) {
          swallow = 1; // and the error Pyodide logs next
          return;
        }
        reject(new Error("Could not start Python: its WebAssembly file did not load."));
      } else if (swallow) {
        swallow = 0;
        return;
      }
      warn.apply(console, args);
    };
  });
  const t1 = performance.now();
  const pyodide = await Promise.race([wasmFailed, startPython(loadPyodide, options, snapshot)]);
  const t2 = performance.now();
  mark("python");
  progress(2, "Loading the checker");
  let site;
  try {
    // checker/web.py: the site's settings parsed once, the reader's choices per check
    const web = pyodide.pyimport("checker.web");
    site = web.Site.from_json(await configText);
    desk = { site, web };
  } catch (err) {
    // A bad team setting names its key here, as the CLI would.
    throw new Error(`The checker could not start: ${lastLine(err)}`);
  }
  const t3 = performance.now();
  mark("checker");
  python = { pyodide, site };
  progress(3, "Ready");
  const versions = JSON.parse(
    pyodide.runPython("import json, sys; json.dumps([sys.version.split()[0]])"),
  );
  mark("ready");
  // phase times (ms) for scripts/bench_browser.py and the curious; `marks` are ms since
  // the worker's time origin (`origin`, performance.timeOrigin), in the order they happened
  const timings = {
    start: t0,
    runtime: t1 - t0,
    boot: t2 - t1,
    checker: t3 - t2,
    snapshot: pyodide.etiquetteSnapshot === true, // which way Python started
    origin: performance.timeOrigin,
    marks,
  };
  post({ type: "ready", python: versions[0], pyodide: pyodide.version, timings });
  return site.check_json;
}

// Boot phases, for the bench: name -> ms since this worker's time origin.
const marks = {};
function mark(name) {
  marks[name] = Math.round(performance.now() * 10) / 10;
}

// Python with the checker loaded: restored from the memory snapshot when the site has one
// and it restores, else the ordinary way (the package loader installs the wheel).
async function startPython(loadPyodide, options, snapshot) {
  const restored = snapshot && (await bootFromSnapshot(loadPyodide, options, snapshot));
  if (restored) return restored;
  wasmHook = { url: options.indexURL + "pyodide.asm.wasm", fromPage: options.wasmFromPage };
  return loadPyodide({
    indexURL: options.indexURL,
    stdLibURL: stdLibURL(options),
    lockFileURL: options.lockFileURL,
    packageBaseUrl: lockDir(options),
    packages: options.packages,
    stdout: () => {},
    stderr: () => {},
  });
}

function lockDir(options) {
  return options.lockFileURL.slice(0, options.lockFileURL.lastIndexOf("/") + 1);
}

// The memory snapshot (scripts/make_snapshot.mjs, made at stage time) holds Python's memory
// just after `import checker` and a warm-up check: restoring it skips Python's start-up
// imports, the package loader and the checker's imports. Pyodide's own `_loadSnapshot`
// option (private: the version is pinned and the snapshot rebuilt with it) does the work;
// the wheel is written where the snapshot expects it after ready (lateFiles), for an import
// the snapshot missed. Any failure (no snapshot, no DecompressionStream, another build, a
// wasm that does not instantiate) returns null and the caller boots the ordinary way:
// slower, never broken, so nothing alarming is said.
const SNAPSHOT_MAGIC = 1886286592; // Pyodide's, first word of every snapshot
const DELTA_MAGIC = 0x31515445; // ours ("ETQ1"): the delta as restored (undoDelta)
const SPARSE_MAGIC = 0x32515445; // ("ETQ2"): the file as stored, its zero words left out
const DELTA_HEADER = 16;
let quietWasmFailure = false; // a snapshot attempt's failed instantiation is not news

// The snapshot file's bytes, inflated and checked, as a promise of {value} or {error}; null
// when the site has none or this browser cannot inflate it. Never rejects (a failure is the
// reason to boot the other way).
function fetchSnapshot(options) {
  const hooked = typeof realInstantiateStreaming === "function"; // undoDelta needs the hook
  if (!options.snapshotURL || typeof DecompressionStream !== "function" || !hooked) return null;
  const bytes = (async () => {
    const file = expandSparse(await fetchSnapshotFile(options.snapshotURL));
    mark("snapshotBytes");
    const words = file.byteLength >= 64 ? new Uint32Array(file.buffer, file.byteOffset, 8) : [];
    if (words[0] !== DELTA_MAGIC || words[4] !== 0) {
      throw new Error("not a Pyodide memory snapshot");
    }
    return file;
  })();
  return bytes.then((value) => ({ value }), (error) => ({ error }));
}

async function bootFromSnapshot(loadPyodide, options, snapshot) {
  let failed = () => {};
  const instantiation = new Promise((_, reject) => {
    failed = reject;
  });
  // Pyodide awaits the snapshot only once pyodide.asm.mjs is loaded, just before it
  // instantiates the wasm: loading both at once, the import overlaps the download.
  let file = null;
  const bytes = snapshot.then((got) => {
    if (got.error) throw got.error;
    file = got.value;
    return file.subarray(DELTA_HEADER);
  });
  bytes.catch(() => {}); // Pyodide awaits it; a failure is this attempt's, caught below
  try {
    wasmHook = {
      url: options.indexURL + "pyodide.asm.wasm",
      fromPage: options.wasmFromPage,
      // Before Pyodide copies the snapshot into the fresh memory: undo the delta.
      after: (instance) => undoDelta(file, new Uint8Array(instance.exports.memory.buffer)),
      failed: (err) => failed(err),
    };
    const loading = loadPyodide({
      indexURL: options.indexURL,
      // The snapshot already holds every module the checker uses, so the stdlib zip (3 MB)
      // and the wheel (0.5 MB) come after ready (lateFiles): an empty zip stands in for
      // the stdlib until then, and nothing for the wheel, which only an import the
      // snapshot missed would read.
      stdLibURL: EMPTY_ZIP,
      // the site's own small lock file, not the npm one Pyodide would fetch by default
      lockFileURL: options.lockFileURL,
      packageBaseUrl: lockDir(options),
      _loadSnapshot: bytes,
      stdout: () => {},
      stderr: () => {},
    });
    loading.catch(() => {}); // a failed instantiation leaves it pending: the race decides
    const pyodide = await Promise.race([loading, instantiation]);
    mark("restored");
    const built = pyodide.runPython("import _etiquette_snapshot; _etiquette_snapshot.BUILD_ID");
    if (built !== options.snapshotBuildId) throw new Error(`snapshot ${built} is not this site's`);
    pyodide.runPython("_etiquette_snapshot.thaw(); del _etiquette_snapshot"); // random, time zone
    pyodide.etiquetteSnapshot = true;
    const stdlib = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))");
    lateFiles = Promise.all([
      installLate(pyodide, stdLibURL(options), stdlib),
      installLate(pyodide, options.wheelURL, options.wheelPath),
    ]).then(() => {
      lateFiles = null;
    });
    lateFiles.catch(() => {}); // a check that needs them reports the failure (withLateFiles)
    return pyodide;
  } catch (err) {
    console.info(`checker: starting Python without its snapshot (${err.message || err})`);
    return null;
  } finally {
    wasmHook = null;
  }
}

// The delta ("ETQ1") from the file as stored ("ETQ2", scripts/make_snapshot.mjs `sparse`):
// runs of [offset, byte count] and bytes, put back in a zeroed buffer (a few ms; the file
// read from the cache is a third of the size). Anything else is returned as it is, for the
// checks after it to refuse.
function expandSparse(file) {
  if (file.byteLength < DELTA_HEADER || file.byteOffset % 4) return file;
  const [magic, end, hash, length] = new Uint32Array(file.buffer, file.byteOffset, 4);
  if (magic !== SPARSE_MAGIC) return file;
  const out = new Uint8Array(DELTA_HEADER + length);
  new Uint32Array(out.buffer, 0, 4).set([DELTA_MAGIC, end, hash, 0]);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let at = DELTA_HEADER; at < file.byteLength; ) {
    const offset = at + 8 <= file.byteLength ? view.getUint32(at, true) : -1;
    const count = offset >= 0 ? view.getUint32(at + 4, true) : 0;
    at += 8;
    if (offset < 0 || at + count > file.byteLength || offset + count > length) {
      throw new Error("not a Pyodide memory snapshot");
    }
    out.set(file.subarray(at, at + count), DELTA_HEADER + offset);
    at += count;
  }
  return out;
}

// The snapshot file's bytes. Served gzipped (the file as staged), or already inflated: the
// service worker (sw.js) keeps it inflated, so a warm visit skips the 12 MB inflate, and a
// host may decode a .gz by itself. The first bytes tell which (gzip's magic is 1f 8b).
async function fetchSnapshotFile(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  mark("snapshotResponse");
  if (response.headers.get(INFLATED_HEADER)) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    head = head.length ? concat(head, value) : value;
  }
  const body = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body;
  return new Uint8Array(await new Response(bytes).arrayBuffer());
}
const INFLATED_HEADER = "X-Etiquette-Inflated"; // set by sw.js on the copy it keeps

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// XORs the fresh memory of the just-instantiated wasm back into the snapshot (which
// scripts/make_snapshot.mjs stored as a delta against it), after checking that memory is
// the one the delta was made against.
function undoDelta(file, memory) {
  mark("instantiated");
  const [, end, hash] = new Uint32Array(file.buffer, file.byteOffset, 4);
  if (memory.byteLength < end || freshHash(memory, end) !== hash) {
    throw new Error("the snapshot was made for another pyodide.asm.wasm");
  }
  const start = new Uint32Array(file.buffer, file.byteOffset + DELTA_HEADER, 2)[1];
  const offset = file.byteOffset + DELTA_HEADER + start;
  if (offset % 4 || offset + end > file.byteOffset + file.byteLength) {
    throw new Error("not a Pyodide memory snapshot");
  }
  const delta = new Uint32Array(file.buffer, offset, end / 4);
  const fresh = new Uint32Array(memory.buffer, memory.byteOffset, end / 4);
  for (let i = 0; i < delta.length; i += 1) delta[i] ^= fresh[i];
  // the file leaves Pyodide's magic out until now (scripts/make_snapshot.mjs says why)
  new Uint32Array(file.buffer, file.byteOffset + DELTA_HEADER, 1)[0] = SNAPSHOT_MAGIC;
  mark("undelta");
}

// FNV-1a over 32-bit words, as scripts/make_snapshot.mjs computes it.
function freshHash(memory, end) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, end / 4);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i += 1) hash = Math.imul(hash ^ words[i], 0x01000193);
  return hash >>> 0;
}

// The stdlib zip's URL names the snapshot's build: a restore needs exactly the zip whose
// table of contents it remembers, never an older one from a cache.
function stdLibURL(options) {
  const version = options.snapshotBuildId ? `?v=${options.snapshotBuildId}` : "";
  return `${options.indexURL}python_stdlib.zip${version}`;
}

// An empty zip (its end-of-directory record only): what zipimport finds at the stdlib's path
// between a restore and the real zip's arrival. zipimport keeps the table of contents it read
// at build time, so the real zip, once written, serves any later import.
const EMPTY_ZIP = "data:application/zip;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";
let lateFiles = null; // resolves once the stdlib zip and the wheel are in place after a restore

// Fetches `url` into Python's file system at `path` (a file a restore left for later).
async function installLate(pyodide, url, path) {
  const bytes = await fetchBytes(url);
  pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  pyodide.FS.writeFile(path, bytes);
}

// Runs `run`; if it fails while the stdlib zip and the wheel are still on their way (a
// module the snapshot lacks), waits for them and runs it once more.
async function withLateFiles(run) {
  try {
    return run();
  } catch (err) {
    if (!lateFiles) throw err;
    await lateFiles.catch(() => {
      throw err; // the check's own error says more than the download's
    });
    return run();
  }
}

async function fetchBytes(url, compression, markAs) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  if (markAs) mark(markAs);
  const body = compression
    ? new Response(response.body.pipeThrough(new DecompressionStream(compression)))
    : response;
  return new Uint8Array(await body.arrayBuffer());
}

// Pyodide fetches pyodide.asm.wasm and instantiates it with instantiateStreaming (see
// getInstantiateWasmFunc in pyodide.mjs). These stand-ins, armed for one loadPyodide by
// `wasmHook` ({url, fromPage, after, failed}), use the module the page compiled when it
// sends one (boot.js says why) and skip the second download; when it sends null, Pyodide
// compiles here as usual. `after(instance)` runs before Pyodide touches the memory;
// `failed(err)` hears of a failed instantiation (Pyodide itself only logs it and waits).
let wasmHook = null;
const PAGE_MODULE = Symbol("wasm compiled by the page");
const realFetch = self.fetch;
const realInstantiateStreaming = WebAssembly.instantiateStreaming;

self.fetch = function fetch(resource, init) {
  const hook = wasmHook;
  if (hook && hook.fromPage && !hook.fetched && String(resource) === hook.url) {
    hook.fetched = true; // only the first request: a retry gets the real thing
    return pageWasm.then((module) => (module ? PAGE_MODULE : realFetch.call(self, resource, init)));
  }
  return realFetch.call(self, resource, init);
};

if (typeof realInstantiateStreaming === "function") {
  WebAssembly.instantiateStreaming = async function instantiateStreaming(source, imports) {
    const hook = wasmHook;
    if (hook) hook.fetched = true;
    quietWasmFailure = Boolean(hook && hook.failed); // the snapshot attempt falls back
    try {
      const response = await source;
      const module = response === PAGE_MODULE ? await pageWasm : null;
      const result = module
        ? { module, instance: await WebAssembly.instantiate(module, imports) }
        : await realInstantiateStreaming.call(WebAssembly, response, imports);
      if (hook && hook.after) hook.after(result.instance);
      return result;
    } catch (err) {
      if (hook && hook.failed) hook.failed(err);
      throw err;
    }
  };
}

function lastLine(err) {
  const text = String((err && err.message) || err).trim();
  const lines = text.split("\n").filter((line) => line.trim());
  return lines.length ? lines[lines.length - 1] : text;
}

function withStallTimer(promise) {
  let timer;
  const stalled = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error("Python took too long to start. Check your connection and retry.")),
      STALL_MS,
    );
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

function runCheck(message) {
  const started = performance.now();
  const json = checkFn(
    message.text,
    message.platform || "",
    message.kind || "",
    JSON.stringify(message.handles || []),
    JSON.stringify(message.off || []),
  );
  const ms = performance.now() - started;
  const { report, notes } = JSON.parse(json);
  return { report, notes, ms };
}

// The writer's desk (checker/web.py desk_json): report, glance table, counts and tracking
// fixes for one keystroke, in one round trip.
function runDesk(message) {
  const started = performance.now();
  const json = desk.web.desk_json(
    desk.site,
    message.text,
    message.platform || "",
    message.kind || "",
    JSON.stringify(message.handles || []),
    JSON.stringify(message.off || []),
    message.cw || "",
  );
  return { ...JSON.parse(json), ms: performance.now() - started };
}

function runSplit(message) {
  const json = desk.web.split_json(desk.site, message.text, message.platform || "", Boolean(message.numbering));
  return { split: JSON.parse(json) };
}

function runBench(message) {
  const times = [];
  const handles = JSON.stringify([]);
  for (let i = 0; i < (message.runs || 1); i += 1) {
    const started = performance.now();
    checkFn(message.text, message.platform || "", message.kind || "", handles, "[]");
    times.push(performance.now() - started);
  }
  return times;
}

async function handle(message) {
  if (message.type === "wasm") {
    mark("pageWasm");
    givePageWasm(message.module instanceof WebAssembly.Module ? message.module : null);
    return;
  }
  if (message.type === "boot") {
    if (!booting) {
      booting = withStallTimer(boot(message));
      booting.then(
        (fn) => {
          checkFn = fn;
        },
        (err) => post({ type: "failed", message: err.message || String(err) }),
      );
    }
    return;
  }
  if (message.type === "audit" || message.type === "audit-cancel") {
    handleAudit(message);
    return;
  }
  if (["check", "bench", "desk", "split"].includes(message.type)) {
    try {
      if (!checkFn) await booting;
      if (message.type === "desk") {
        post({ type: "desk", id: message.id, ...(await withLateFiles(() => runDesk(message))) });
      } else if (message.type === "split") {
        post({ type: "split", id: message.id, ...(await withLateFiles(() => runSplit(message))) });
      } else if (message.type === "check") {
        post({ type: "result", id: message.id, ...(await withLateFiles(() => runCheck(message))) });
      } else {
        post({ type: "bench", id: message.id, times: runBench(message) });
      }
    } catch (err) {
      post({ type: "error", id: message.id, message: lastLine(err) });
    }
  }
}

pageWasm = new Promise((resolve) => {
  givePageWasm = resolve;
});

self.addEventListener("message", (event) => {
  handle(event.data);
});
// A rejection nobody handled fails a boot still in progress (Pyodide's loader has a few
// promises of its own); once Python is ready, every request answers for itself (`handle`
// catches), and a stray rejection is logged, not a reason to kill a working runtime.
self.addEventListener("unhandledrejection", (event) => {
  if (checkFn) {
    console.error("etiquette worker: unhandled rejection after ready:", event.reason);
    return;
  }
  post({ type: "failed", message: lastLine(event.reason) });
});

// ------------------------------------------------------------------ the audit ("Your feed")
// checker/audit/web.py reads the File through readAt (only the slices it asks for: a zip's
// directory and the members needed) and audits in steps; between steps this awaits a
// macrotask, when an "audit-cancel" can arrive. Progress every step keeps the page's
// request alive (runtime.js restarts its clock at each *-progress message).

const AUDIT_STEP = 250; // posts per step (checker.audit.session.CHUNK): ~50 ms each
const READ_PROGRESS_MS = 100;
const audits = new Map(); // id -> {cancelled}

function handleAudit(message) {
  if (message.type === "audit-cancel") {
    const job = audits.get(message.id);
    if (job) job.cancelled = true;
    return;
  }
  runAudit(message).catch((err) => post({ type: "audit-error", id: message.id, message: lastLine(err) }));
}

// A macrotask, not a microtask: messages from the page are handled before it resolves.
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function fileReader(file, id) {
  const sync = new FileReaderSync();
  let read = 0;
  let told = 0;
  return (offset, size) => {
    const bytes = new Uint8Array(sync.readAsArrayBuffer(file.slice(offset, offset + size)));
    read += bytes.length;
    const now = performance.now();
    if (now - told > READ_PROGRESS_MS) {
      told = now;
      post({ type: "audit-progress", id, phase: "reading", done: Math.min(read, file.size), total: file.size });
    }
    return bytes;
  };
}

// Python's memory (WebAssembly memory only grows, so this is its peak), for the bench;
// null where Pyodide does not expose it.
function wasmBytes() {
  try {
    return python.pyodide._module.HEAPU8.buffer.byteLength;
  } catch {
    return null;
  }
}

async function runAudit(message) {
  const { id, file } = message;
  const job = { cancelled: false };
  audits.set(id, job);
  let audit = null;
  try {
    if (!python) await booting;
    // Archives need standard-library modules the snapshot may lack (zipfile's helpers,
    // tarfile, csv): wait for the files a restore fetches after ready.
    if (lateFiles) await lateFiles.catch(() => {});
    post({ type: "audit-progress", id, phase: "reading", done: 0, total: file.size });
    await yieldToMessages(); // a cancel sent at once stops the audit before the file is read
    if (job.cancelled) {
      post({ type: "audit-cancelled", id, done: 0, total: 0 });
      return;
    }
    const started = performance.now();
    const web = python.pyodide.pyimport("checker.audit.web");
    const config = python.site.config;
    audit = web.WebAudit.open(
      fileReader(file, id),
      file.size,
      message.name || file.name || "the file",
      JSON.stringify(message.handles || []),
      message.platform || "",
      message.since || "",
      message.siteURL || "",
      config,
    );
    config.destroy();
    web.destroy();
    if (audit.error) {
      post({ type: "audit-error", id, message: audit.error });
      return;
    }
    const total = audit.total;
    post({ type: "audit-progress", id, phase: "auditing", done: 0, total });
    while (!audit.finished) {
      await yieldToMessages();
      if (job.cancelled) {
        post({ type: "audit-cancelled", id, done: audit.done, total });
        return;
      }
      const done = audit.step(AUDIT_STEP);
      post({ type: "audit-progress", id, phase: "auditing", done, total });
    }
    const { audit: data, pictures, html } = JSON.parse(audit.result_json());
    const ms = performance.now() - started;
    post({ type: "audit-result", id, audit: data, pictures, html, ms, wasmBytes: wasmBytes() });
  } finally {
    audits.delete(id);
    if (audit) audit.destroy();
  }
}
