// The checker's module Web Worker: it owns Pyodide, so Python never blocks the page.
//
// Protocol (every message is a plain object with a `type`):
//   page -> worker  {type: "boot", indexURL, lockFileURL, packages, configURL, wasmFromPage}
//                   (absolute URLs; with wasmFromPage, a {type: "wasm", module} follows:
//                   pyodide.asm.wasm compiled by the page, or null to compile it here)
//                   {type: "check", id, text, platform, kind, handles, off}
//                   {type: "bench", id, text, platform, kind, runs}
//                   {type: "test", action: "stall"|"reject"}   (browser tests only)
//                   {type: "audit", id, file, name, handles, platform, since, siteURL}
//                   {type: "audit-cancel", id}
//   worker -> page  {type: "progress", step, total, label}
//                   {type: "ready", python, pyodide}
//                   {type: "failed", message}            boot failed; the page offers Retry
//                   {type: "result", id, report, notes, ms}
//                   {type: "error", id, message}         one check failed
//                   {type: "bench", id, times}
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
  progress(1, "Downloading Python (about 6 MB, once; then it is cached)");
  const configText = fetchText(options.configURL);
  configText.catch(() => {}); // awaited below; don't report it twice
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(options.indexURL + "pyodide.mjs"));
  } catch (err) {
    throw new Error(`Could not load the Python runtime (pyodide.mjs): ${err.message || err}`);
  }
  const wasmFailed = new Promise((_, reject) => {
    const warn = console.warn;
    console.warn = (...args) => {
      if (String(args[0]).includes("wasm instantiation failed")) {
        reject(new Error("Could not start Python: its WebAssembly file did not load."));
      }
      warn.apply(console, args);
    };
  });
  if (options.wasmFromPage) usePageWasm(options.indexURL + "pyodide.asm.wasm");
  const t1 = performance.now();
  const lockDir = options.lockFileURL.slice(0, options.lockFileURL.lastIndexOf("/") + 1);
  const pyodide = await Promise.race([
    wasmFailed,
    loadPyodide({
      indexURL: options.indexURL,
      lockFileURL: options.lockFileURL,
      packageBaseUrl: lockDir,
      packages: options.packages,
      stdout: () => {},
      stderr: () => {},
    }),
  ]);
  const t2 = performance.now();
  progress(2, "Loading the checker");
  let site;
  try {
    // checker/web.py: the site's settings parsed once, the reader's choices per check
    site = pyodide.pyimport("checker.web").Site.from_json(await configText);
  } catch (err) {
    // A bad team setting names its key here, as the CLI would.
    throw new Error(`The checker could not start: ${lastLine(err)}`);
  }
  const t3 = performance.now();
  python = { pyodide, site };
  progress(3, "Ready");
  const versions = JSON.parse(
    pyodide.runPython("import json, sys; json.dumps([sys.version.split()[0]])"),
  );
  // phase times (ms) for scripts/bench_browser.py and the curious
  const timings = { start: t0, runtime: t1 - t0, boot: t2 - t1, checker: t3 - t2 };
  post({ type: "ready", python: versions[0], pyodide: pyodide.version, timings });
  return site.check_json;
}

// Pyodide fetches pyodide.asm.wasm and instantiates it with instantiateStreaming (see
// getInstantiateWasmFunc in pyodide.mjs). When the page sends the module it compiled (boot.js
// says why), these two stand-ins use it and skip the second download; when it sends null,
// they step aside and Pyodide compiles here as usual.
function usePageWasm(wasmURL) {
  const realFetch = self.fetch;
  const realInstantiate = WebAssembly.instantiateStreaming;
  const skipped = Symbol("wasm compiled by the page");
  self.fetch = function fetch(resource, init) {
    if (String(resource) !== wasmURL) return realFetch.call(self, resource, init);
    self.fetch = realFetch; // only the first request: a retry gets the real thing
    return pageWasm.then((module) => (module ? skipped : realFetch.call(self, resource, init)));
  };
  WebAssembly.instantiateStreaming = async function instantiateStreaming(source, imports) {
    WebAssembly.instantiateStreaming = realInstantiate;
    const module = await pageWasm;
    const response = await source;
    if (!module || response !== skipped) return realInstantiate.call(WebAssembly, source, imports);
    return { module, instance: await WebAssembly.instantiate(module, imports) };
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
  if (message.type === "test") {
    // For the browser tests only (tests/browser/test_checker_robustness.py); the page never
    // sends these. "stall": this worker stops answering, as a runaway check would;
    // "reject": a promise fails with nobody to catch it.
    if (message.action === "stall") for (;;);
    if (message.action === "reject") Promise.reject(new Error("a stray failure (test)"));
    return;
  }
  if (message.type === "audit" || message.type === "audit-cancel") {
    handleAudit(message);
    return;
  }
  if (message.type === "check" || message.type === "bench") {
    try {
      if (!checkFn) await booting;
      if (message.type === "check") {
        post({ type: "result", id: message.id, ...runCheck(message) });
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
