// Starts the checker's Python worker as early as the page allows, once per tab.
//
// A classic script, on purpose: the checker page inlines it in its <head> (checker.html), where
// it runs while the page is still parsing, ~180 ms before an async module would (Chromium runs
// those just before DOMContentLoaded, after Material's bundle). checker.js imports this same
// file and uses `window.__etiquetteBoot`; after an instant navigation (a page swap without
// reload) the <head> never ran here, and checker.js starts the worker itself.
//
// The page compiles pyodide.asm.wasm itself and hands the compiled WebAssembly.Module to the
// worker. Why: Chromium keeps optimised code of a streamed wasm module in its code cache and
// reuses it on the next visit, but only for compiles started on the page; a compile in a
// worker starts from scratch every time (Python's start-up then takes ~0.7 s longer on a
// warm visit). A Module posted to a worker shares the compiled code.
(function () {
  "use strict";
  if (self.__etiquetteBoot) return;

  // The boot options from the page's data-checker-boot JSON (site-root-relative paths), made
  // absolute from `assetsURL`, the URL of the folder holding this file (with ?v= if any).
  function runtimeOptions(raw, assetsURL) {
    const base = new URL(assetsURL);
    const siteRoot = new URL("../../", base); // this folder is <root>/assets/checker/
    const absolute = (path) => new URL(path, siteRoot).href;
    return {
      indexURL: absolute(raw.indexURL),
      lockFileURL: absolute(raw.lockFileURL),
      configURL: `${absolute(raw.configURL)}${base.search}`,
      workerURL: new URL(`worker.js${base.search}`, base).href,
      packages: raw.packages,
      // the memory snapshot and the wheel it expects (worker.js, bootFromSnapshot)
      ...(raw.snapshotURL && {
        snapshotURL: absolute(raw.snapshotURL),
        snapshotBuildId: raw.snapshotBuildId,
        wheelURL: absolute(raw.wheelURL),
        wheelPath: raw.wheelPath,
      }),
    };
  }

  // Creates the worker and sends it `boot` and then the compiled wasm (or null, when the page
  // could not compile it: the worker then tries itself and reports the failure). Returns
  // {worker, listen(onMessage, onError)}: events that arrive before `listen` are kept and
  // replayed to it, since a worker's messages are not queued for late listeners. Throws what
  // `new Worker` throws.
  function spawnWorker(options) {
    const worker = new Worker(options.workerURL, { type: "module", name: "etiquette-checker" });
    let held = [];
    let sink = null;
    const deliver = (kind, data) => (sink ? sink[kind](data) : held.push([kind, data]));
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "ready") registerServiceWorker(options);
      if (event.data && (event.data.type === "ready" || event.data.type === "failed")) {
        releaseSearch();
      }
      deliver("message", event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      deliver("error", event);
    });
    worker.postMessage({ type: "boot", ...options, wasmFromPage: true });
    compileWasm(options.indexURL).then(
      (module) => worker.postMessage({ type: "wasm", module }),
      () => worker.postMessage({ type: "wasm", module: null }),
    );
    return {
      worker,
      listen(onMessage, onError) {
        sink = { message: onMessage, error: onError };
        const early = held;
        held = [];
        for (const [kind, data] of early) sink[kind](data);
      },
    };
  }

  // The site's service worker (sw.js at the site root, written by hooks/checker_assets.py):
  // after one visit the checker works offline. Registered once Python is ready, so its
  // caching never competes with the page's own downloads; the site root comes from the
  // runtime's folder (<root>/assets/pyodide/<version>/). Failing is harmless: no offline.
  function registerServiceWorker(options) {
    if (!("serviceWorker" in navigator) || !self.isSecureContext) return;
    const root = new URL("../../../", options.indexURL);
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname, updateViaCache: "none" })
      // an open checker page picks up a new deploy now, not at some later navigation
      .then((registration) => registration.active && registration.update())
      .catch(() => {});
  }

  function compileWasm(indexURL) {
    if (typeof WebAssembly.compileStreaming !== "function") {
      return Promise.reject(new Error("no streaming compile"));
    }
    const url = `${indexURL}pyodide.asm.wasm`;
    return WebAssembly.compileStreaming(fetch(url, { credentials: "same-origin" }));
  }

  // Material's search builds its index (search_index.json, in its own worker) as every page
  // loads, and on a two-core machine that costs the checker's start about 100 ms (measured
  // in `make bench` by blocking it). On a page that starts the checker from its <head>, the
  // search worker is created once Python is ready or has failed (at the latest after
  // SEARCH_WAIT_MS): until then it is a stand-in that keeps Material's messages and passes
  // them on. The search box works throughout; its first answer may come a moment later.
  // Material creates the worker once, with `new Worker(url)`, and only listens for
  // "message" events and posts to it (its bundle's worker helper).
  const SEARCH_WAIT_MS = 8000;
  let releaseSearch = () => {};
  function deferSearchWorker() {
    const Real = self.Worker;
    const released = new Promise((resolve) => {
      releaseSearch = resolve;
      setTimeout(resolve, SEARCH_WAIT_MS);
    });
    class StandIn extends EventTarget {
      constructor(url, options) {
        super();
        this.onmessage = null;
        this.onerror = null;
        this.queue = [];
        this.real = null;
        released.then(() => {
          if (!this.queue) return; // terminated first
          const real = (this.real = new Real(url, options));
          for (const type of ["message", "messageerror", "error"]) {
            real.addEventListener(type, (event) => {
              const copy = type === "error" ? new Event("error") : new MessageEvent(type, event);
              this.dispatchEvent(copy);
              const handler = type === "message" ? this.onmessage : type === "error" ? this.onerror : null;
              if (typeof handler === "function") handler.call(this, copy);
            });
          }
          for (const [message, transfer] of this.queue) real.postMessage(message, transfer);
          this.queue = [];
        });
      }
      postMessage(message, transfer) {
        if (this.real) this.real.postMessage(message, transfer);
        else if (this.queue) this.queue.push([message, transfer || []]);
      }
      terminate() {
        if (this.real) this.real.terminate();
        this.queue = null;
      }
    }
    self.Worker = function Worker(url, options) {
      const search = /\/workers\/search\.[^/]*\.js/.test(String(url));
      return search ? new StandIn(url, options) : new Real(url, options);
    };
    self.Worker.prototype = Real.prototype;
  }

  // The worker started from the <head>, for checker.js to take over (once).
  let early = null;
  function takeEarlyWorker(options) {
    const found = early;
    early = null;
    if (found && JSON.stringify(found.options) === JSON.stringify(options)) return found.handle;
    if (found) found.handle.worker.terminate(); // for another site version: start afresh
    return null;
  }

  self.__etiquetteBoot = { runtimeOptions, spawnWorker, takeEarlyWorker };

  const tag = typeof document === "object" && document.querySelector("script[data-checker-boot]");
  if (!tag || typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const assetsURL = new URL(tag.dataset.checkerAssets, document.baseURI).href;
    const options = runtimeOptions(JSON.parse(tag.textContent), assetsURL);
    early = { options, handle: spawnWorker(options) };
    deferSearchWorker();
  } catch {
    // checker.js starts the worker itself and reports any failure on the page
  }
})();
