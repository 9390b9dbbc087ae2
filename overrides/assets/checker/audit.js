// The "Your feed" page's wiring: a file picked or dropped goes to the checker's worker (the
// same one per tab as the checker page: runtime.js), which reads and audits it in steps; the
// page shows progress, can cancel, and shows the result: the same HTML report the CLI writes
// (`etiquette audit --format html`), its body placed in the page, and savable as a file.
//
// - The File is handed to the worker as it is (no copy, no upload): the worker reads only
//   the slices the audit asks for. Nothing here sends anything to any server.
// - The report's markup comes from the Python core (checker/audit/report.py), which escapes
//   every piece of the archive's text; it is parsed with DOMParser (no script runs) and
//   imported. The page's own messages are text nodes.
// - data-audit-* attributes are a contract (README.md, "Contracts").

import { bindEach } from "./bind.js";
import { Runtime, TimeoutError } from "./runtime.js";
import { cancelledText, parseHandles, progressOf, refusal, reportName } from "./auditflow.js";

const SCRIPT_URL = new URL(import.meta.url);
const SITE_ROOT = new URL("../../", SCRIPT_URL); // this file is <root>/assets/checker/audit.js
if (!window.__etiquetteBoot) await import(new URL(`boot.js${SCRIPT_URL.search}`, SCRIPT_URL).href);
const { runtimeOptions, spawnWorker, takeEarlyWorker } = window.__etiquetteBoot;
const ASSETS_URL = new URL(`./${SCRIPT_URL.search}`, SCRIPT_URL).href;

// An audit is alive while it reports progress (every step, ~50 ms); silent this long, it is
// stuck and the worker is restarted. Reading a 150 MB tweets.js is one long silent parse.
const AUDIT_SILENCE_MS = 120_000;

// The same runtime as checker.js's (one Python per tab, on `window` across navigation).
function runtime() {
  if (!window.__etiquetteRuntime) {
    const tag = document.querySelector("script[data-checker-boot]");
    const options = runtimeOptions(JSON.parse((tag && tag.textContent) || "{}"), ASSETS_URL);
    const spawn = (opts) => {
      if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
        const err = new Error("no WebAssembly or Web Workers");
        err.plain = "This browser cannot run WebAssembly in a Web Worker, which the audit needs.";
        throw err;
      }
      return spawnWorker(opts);
    };
    window.__etiquetteRuntime = new Runtime(options, { spawn, early: takeEarlyWorker(options) });
  }
  return window.__etiquetteRuntime;
}

function bind(root) {
  const rt = runtime();
  const abort = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: abort.signal });
  const q = (selector) => root.querySelector(selector);
  const ui = {
    drop: q("[data-audit-drop]"),
    file: q("[data-audit-file]"),
    handle: q("[data-audit-handle]"),
    platform: q("[data-audit-platform]"),
    since: q("[data-audit-since]"),
    busy: q("[data-audit-busy]"),
    statusText: q("[data-audit-status-text]"),
    bar: q("[data-audit-progress]"),
    cancel: q("[data-audit-cancel]"),
    error: q("[data-audit-error]"),
    errorText: q("[data-audit-error-text]"),
    notice: q("[data-audit-notice]"),
    results: q("[data-audit-results]"),
    heading: q("[data-audit-heading]"),
    save: q("[data-audit-save]"),
    source: q("[data-audit-source]"),
    report: q("[data-audit-report]"),
  };
  const st = { current: null, html: "", audit: null, fileName: "", url: "" };

  function setState(state) {
    root.dataset.auditState = state;
    const running = state === "loading" || state === "reading" || state === "auditing";
    ui.busy.hidden = !running;
    ui.error.hidden = state !== "error";
    ui.notice.hidden = state !== "cancelled";
    ui.cancel.disabled = !running;
    if (running) ui.results.hidden = true;
  }

  function setProgress(percent, text) {
    ui.bar.setAttribute("aria-valuenow", String(percent));
    ui.bar.setAttribute("aria-valuetext", text);
    ui.bar.style.setProperty("--etq-done", `${percent}%`);
    ui.statusText.textContent = text;
  }

  function fail(message) {
    ui.errorText.textContent = message;
    setState("error");
  }

  async function audit(file) {
    if (st.current) cancel(); // a new file replaces the audit in progress
    const refused = refusal(file);
    if (refused) {
      fail(refused);
      return;
    }
    const name = file.name || "the file";
    const job = { id: 0, name };
    st.current = job;
    setState(rt.state === "ready" ? "reading" : "loading");
    setProgress(0, rt.state === "ready" ? `Reading ${name}…` : "Starting Python (once per tab)…");
    const payload = {
      type: "audit",
      file,
      name,
      handles: parseHandles(ui.handle.value),
      platform: ui.platform.value,
      since: ui.since.value,
      siteURL: SITE_ROOT.href,
    };
    const onProgress = (message) => {
      if (st.current !== job) return;
      setState(message.phase === "reading" ? "reading" : "auditing");
      const { percent, text } = progressOf(message, name);
      setProgress(percent, text);
    };
    const request = rt.request(payload, { timeoutMs: AUDIT_SILENCE_MS, onProgress });
    job.id = request.id;
    try {
      const answer = await request;
      if (st.current !== job || abort.signal.aborted) return;
      st.current = null;
      if (answer.type === "audit-cancelled") {
        ui.notice.textContent = cancelledText(answer);
        setState("cancelled");
        return;
      }
      show(answer, name);
    } catch (err) {
      if (st.current !== job || abort.signal.aborted) return;
      st.current = null;
      if (err instanceof TimeoutError) {
        fail(`The audit of ${name} stopped answering, so Python was restarted. Try a smaller export.`);
      } else {
        fail(err.message || String(err));
      }
    }
  }

  function cancel() {
    const job = st.current;
    if (!job) return;
    if (job.id) rt.send({ type: "audit-cancel", id: job.id });
    setProgress(Number(ui.bar.getAttribute("aria-valuenow")) || 0, "Cancelling…");
  }

  function show(answer, name) {
    st.audit = answer.audit;
    st.html = answer.html;
    st.fileName = name;
    if (st.url) URL.revokeObjectURL(st.url);
    st.url = "";
    const parsed = new DOMParser().parseFromString(answer.html, "text/html");
    const main = parsed.querySelector("main");
    const title = main.querySelector("h1");
    const meta = main.querySelector(".meta");
    for (const node of [title, meta, main.querySelector("footer")]) if (node) node.remove();
    const report = document.createElement("div");
    report.className = "etq-audit-report";
    report.dataset.auditPosts = String(answer.audit.posts);
    // for scripts/bench_audit_browser.py: the worker's time, and Python's memory
    report.dataset.auditMs = String(Math.round(answer.ms || 0));
    if (answer.wasmBytes) report.dataset.auditWasmMb = String(Math.round(answer.wasmBytes / 1e6));
    report.append(...[...main.childNodes].map((n) => document.importNode(n, true)));
    // Headings one level down: the page's own h1 is the page title.
    for (const h of report.querySelectorAll("h2, h3")) {
      const lower = document.createElement(h.tagName === "H2" ? "h3" : "h4");
      lower.append(...h.childNodes);
      h.replaceWith(lower);
    }
    ui.report.replaceChildren(report);
    ui.heading.textContent = title ? title.textContent : "Your feed";
    ui.source.textContent = meta ? meta.textContent : "";
    ui.results.hidden = false;
    setState("done");
    ui.heading.focus({ preventScroll: false });
  }

  function save() {
    if (!st.html) return;
    if (!st.url) st.url = URL.createObjectURL(new Blob([st.html], { type: "text/html" }));
    const link = document.createElement("a");
    link.href = st.url;
    link.download = reportName(st.audit, st.fileName);
    document.body.append(link);
    link.click();
    link.remove();
  }

  on(ui.file, "change", () => {
    const file = ui.file.files && ui.file.files[0];
    if (file) audit(file);
    ui.file.value = ""; // the same file chosen again is a new audit
  });
  on(ui.drop, "dragover", (event) => {
    event.preventDefault();
    ui.drop.dataset.dragging = "true";
  });
  on(ui.drop, "dragleave", () => delete ui.drop.dataset.dragging);
  on(ui.drop, "drop", (event) => {
    event.preventDefault();
    delete ui.drop.dataset.dragging;
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) audit(file);
  });
  on(ui.cancel, "click", cancel);
  on(ui.save, "click", save);

  const unsubscribe = rt.subscribe((r) => {
    if (r.state === "error" && st.current) {
      st.current = null;
      fail(`Python could not start: ${r.error}`);
    } else if (r.state === "ready" && root.dataset.auditState === "loading") {
      setState("reading");
    }
  });
  setState("idle");
  root.dataset.auditReady = "true"; // for tests: listeners are bound

  return () => {
    cancel();
    st.current = null;
    if (st.url) URL.revokeObjectURL(st.url);
    abort.abort();
    unsubscribe();
  };
}

bindEach("[data-audit-state]", bind);
