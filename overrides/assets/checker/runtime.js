// The page's client of the checker's worker (worker.js says the protocol): boots it, sends
// requests with ids, and answers each request once, with its result, its error, or a timeout.
//
// A check that does not answer in time (a runaway rule, a wedged runtime) must not hold the
// page busy forever: the request fails with a TimeoutError and the worker is restarted (the
// page keeps the draft; it says what happened). No DOM here: the worker comes from `spawn`
// (boot.js's spawnWorker in the page, a stand-in under Node: tests/js/runtime.test.mjs).

export const CHECK_TIMEOUT_MS = 10_000; // a 100 KB draft takes about a second in the worker

export class TimeoutError extends Error {
  constructor(ms) {
    super(`the check took longer than ${Math.round(ms / 1000)} s`);
    this.name = "TimeoutError";
  }
}

export class Runtime {
  // spawn(options) -> {worker, listen(onMessage, onError)}; early: such a handle started
  // before this client existed (boot.js, from the page's head), or null.
  constructor(options, { spawn, early = null, timeoutMs = CHECK_TIMEOUT_MS, timers = globalThis }) {
    this.options = options;
    this.spawnWorker = spawn;
    this.timeoutMs = timeoutMs;
    this.timers = timers;
    this.state = "loading";
    this.progress = { step: 0, total: 3, label: "Starting" };
    this.error = "";
    this.info = {};
    this.restarts = 0;
    this.listeners = new Set();
    this.pending = new Map(); // id -> {resolve, reject, timer, timeoutMs}
    this.nextId = 1;
    this.worker = null;
    this.spawn(early);
  }

  spawn(early = null) {
    this.state = "loading";
    this.error = "";
    this.progress = { step: 0, total: 3, label: "Starting" };
    this.emit();
    let handle = early;
    try {
      handle ??= this.spawnWorker(this.options);
    } catch (err) {
      // `plain`: a message for the reader as it is (a browser without WebAssembly, say)
      this.fail(err.plain || `The browser did not let the checker start its worker (${err.message || err}).`);
      return;
    }
    const { worker } = handle;
    this.worker = worker;
    handle.listen(
      (message) => this.onMessage(worker, message),
      () => {
        if (worker === this.worker) {
          this.fail("The checker's worker could not start (a file is missing or blocked).");
        }
      },
    );
  }

  // Start over with a fresh worker; requests in flight fail with `reason`.
  restart(reason = "restarted") {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.rejectAll(reason);
    this.restarts += 1;
    this.spawn();
  }

  retry() {
    this.restart("restarted");
  }

  fail(message) {
    this.state = "error";
    this.error = message;
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.rejectAll(message);
    this.emit();
  }

  rejectAll(reason) {
    const error = reason instanceof Error ? reason : new Error(reason);
    for (const entry of this.pending.values()) {
      this.timers.clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
  }

  onMessage(worker, message) {
    if (worker !== this.worker) return; // a message from a worker we moved on from
    if (message.type === "progress") {
      this.progress = message;
      this.emit();
    } else if (message.type === "ready") {
      this.state = "ready";
      this.info = { python: message.python, pyodide: message.pyodide, timings: message.timings };
      // The clock of requests sent while Python was booting starts now.
      for (const [id, entry] of this.pending) this.arm(id, entry);
      this.emit();
    } else if (message.type === "failed") {
      this.fail(message.message);
    } else if (this.pending.has(message.id)) {
      const entry = this.pending.get(message.id);
      if (message.type.endsWith("-progress")) {
        // A long request (an audit) is alive while it reports progress: its clock restarts.
        if (entry.timer) {
          this.timers.clearTimeout(entry.timer);
          entry.timer = 0;
          this.arm(message.id, entry);
        }
        if (entry.onProgress) entry.onProgress(message);
        return;
      }
      this.pending.delete(message.id);
      this.timers.clearTimeout(entry.timer);
      if (message.type === "error" || message.type.endsWith("-error")) {
        entry.reject(new Error(message.message));
      } else entry.resolve(message);
    }
  }

  arm(id, entry) {
    if (!entry.timeoutMs || entry.timer) return;
    entry.timer = this.timers.setTimeout(() => {
      if (this.pending.get(id) !== entry) return;
      this.pending.delete(id);
      entry.reject(new TimeoutError(entry.timeoutMs));
      this.restart(new TimeoutError(entry.timeoutMs));
    }, entry.timeoutMs);
  }

  // One request; resolves with the worker's answer. `timeoutMs` counts from when Python is
  // ready (0: no limit, for the bench's long runs), and starts again at each `*-progress`
  // message, which goes to `onProgress` (an audit reports progress; its answer comes later).
  // The promise carries the request's `id`, for a message about it (`send`, a cancel).
  request(payload, { timeoutMs = this.timeoutMs, onProgress = null } = {}) {
    if (this.state === "error" || !this.worker) {
      return Promise.reject(new Error(this.error || "the checker is not running"));
    }
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => {
      const entry = { resolve, reject, timer: 0, timeoutMs, onProgress };
      this.pending.set(id, entry);
      if (this.state === "ready") this.arm(id, entry);
      this.worker.postMessage({ ...payload, id });
    });
    promise.id = id;
    return promise;
  }

  // A message that expects no answer of its own (an audit's cancel); false if no worker.
  send(payload) {
    if (!this.worker) return false;
    this.worker.postMessage(payload);
    return true;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    listener(this);
    return () => this.listeners.delete(listener);
  }

  emit() {
    for (const listener of this.listeners) listener(this);
  }
}
