// The checker page's glue: the draft editor, live feedback, and the one Python worker per tab.
//
// - Python runs in a module Web Worker (worker.js) created once per tab and kept on `window`,
//   so Material's instant navigation (page swaps without reload) reuses it.
// - Every URL is resolved from this script's own URL, never from `location`: the site works
//   under any sub-path.
// - User text reaches the page only through textContent and DOM APIs, never innerHTML.
// - The draft lives in localStorage and in the page; it is never sent anywhere.

const SCRIPT_URL = new URL(import.meta.url);
const SITE_ROOT = new URL("../../", SCRIPT_URL); // this file is <root>/assets/checker/checker.js
// boot.js, inlined in the checker page's <head>, may have started the worker already (it says
// why); after an instant navigation it did not run, so load it here.
if (!window.__etiquetteBoot) await import(new URL(`boot.js${SCRIPT_URL.search}`, SCRIPT_URL).href);
const { runtimeOptions, spawnWorker, takeEarlyWorker } = window.__etiquetteBoot;
const ASSETS_URL = new URL(`./${SCRIPT_URL.search}`, SCRIPT_URL).href;

const LIVE_MAX = 200_000; // longer drafts are kept but not checked live
const HIGHLIGHT_MAX = 20_000; // longer drafts are checked, without in-place highlights
const MAX_MARKS = 400;
const DEBOUNCE_MS = 150;
const SAVE_MS = 300;
const STORE = "etiquette-checker:v1:";
const SEVERITIES = [
  { key: "error", one: "error", many: "errors", title: "Errors" },
  { key: "warning", one: "warning", many: "warnings", title: "Warnings" },
  { key: "suggestion", one: "suggestion", many: "suggestions", title: "Suggestions" },
];
const RANK = { error: 0, warning: 1, suggestion: 2 };
const UNITS = {
  weighted: "as X counts them: links count 23, most emoji and CJK characters 2",
  graphemes: "characters as you see them (an emoji is one)",
  characters: "characters",
};

// ------------------------------------------------------------------ storage

const store = {
  get(key, fallback) {
    try {
      const raw = window.localStorage.getItem(STORE + key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback; // storage blocked or a value from elsewhere: act as if empty
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(STORE + key, JSON.stringify(value));
      return true;
    } catch {
      return false; // quota exceeded or storage blocked; the caller says so
    }
  },
};

// ------------------------------------------------------------------ the worker, once per tab

class Runtime {
  constructor(options) {
    this.options = options;
    this.state = "loading";
    this.progress = { step: 0, total: 3, label: "Starting" };
    this.error = "";
    this.info = {};
    this.listeners = new Set();
    this.pending = new Map();
    this.nextId = 1;
    this.worker = null;
    this.spawn(takeEarlyWorker(options));
  }

  spawn(early = null) {
    this.state = "loading";
    this.error = "";
    this.progress = { step: 0, total: 3, label: "Starting" };
    this.emit();
    if (typeof WebAssembly !== "object") {
      this.fail("This browser cannot run WebAssembly, which the checker needs.");
      return;
    }
    if (typeof Worker !== "function") {
      this.fail("This browser cannot run Web Workers, which the checker needs.");
      return;
    }
    let handle = early;
    try {
      handle ??= spawnWorker(this.options);
    } catch (err) {
      this.fail(`The browser did not let the checker start its worker (${err.message || err}).`);
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

  retry() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.rejectAll("restarted");
    this.spawn();
  }

  fail(message) {
    this.state = "error";
    this.error = message;
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.rejectAll(message);
    this.emit();
  }

  rejectAll(message) {
    for (const { reject } of this.pending.values()) reject(new Error(message));
    this.pending.clear();
  }

  onMessage(worker, message) {
    if (worker !== this.worker) return; // a message from a worker we retried away from
    if (message.type === "progress") {
      this.progress = message;
      this.emit();
    } else if (message.type === "ready") {
      this.state = "ready";
      this.info = { python: message.python, pyodide: message.pyodide, timings: message.timings };
      // for scripts/bench_browser.py: milliseconds since this tab's navigation started
      if (window.__etiquetteReadyAt === undefined) window.__etiquetteReadyAt = performance.now();
      this.emit();
    } else if (message.type === "failed") {
      this.fail(message.message);
    } else if (this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === "error") reject(new Error(message.message));
      else resolve(message);
    }
  }

  request(payload) {
    if (this.state === "error" || !this.worker) {
      return Promise.reject(new Error(this.error || "the checker is not running"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...payload, id });
    });
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

function runtimeFor(root) {
  if (!window.__etiquetteRuntime) {
    // The head's boot options (after an instant navigation, Material has merged the new
    // page's head tags into the document's head: the tag is there too).
    const tag = document.querySelector("script[data-checker-boot]");
    const raw = JSON.parse((tag && tag.textContent) || "{}");
    window.__etiquetteRuntime = new Runtime(runtimeOptions(raw, ASSETS_URL));
  }
  return window.__etiquetteRuntime;
}

// A hook for tests and benchmarks: the exact JSON of `check(...).to_dict()` with the
// site's team settings (no reader toggles).
window.__etiquette = {
  get state() {
    return window.__etiquetteRuntime ? window.__etiquetteRuntime.state : "absent";
  },
  async check(text, { platform = "", kind = "", handles = [] } = {}) {
    const answer = await window.__etiquetteRuntime.request({
      type: "check",
      text,
      platform,
      kind,
      handles,
      off: [],
    });
    return answer.report;
  },
  async bench(text, { platform = "", kind = "", runs = 50 } = {}) {
    const answer = await window.__etiquetteRuntime.request({
      type: "bench",
      text,
      platform,
      kind,
      runs,
    });
    return answer.times;
  },
};

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function plural(n, one, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

function excerpt(text, start, end) {
  const piece = text.slice(start, end).replace(/\s+/g, " ").trim();
  return piece.length > 90 ? `${piece.slice(0, 87)}…` : piece;
}

// Where one edit changed the text: marks before it stay, marks after it move.
function shiftMarks(marks, before, after) {
  const max = Math.min(before.length, after.length);
  let head = 0;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head += 1;
  let tail = 0;
  while (
    tail < max - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail += 1;
  }
  const oldEnd = before.length - tail;
  const delta = after.length - before.length;
  const out = [];
  for (const mark of marks) {
    if (mark.end <= head) out.push(mark);
    else if (mark.start >= oldEnd) {
      out.push({ ...mark, start: mark.start + delta, end: mark.end + delta });
    }
  }
  return out;
}

// The backdrop behind the textarea: the same text, transparent, with flagged spans tinted.
// Overlapping findings split into segments that take the loudest severity covering them.
function paintBackdrop(layer, text, marks) {
  if (text.length > HIGHLIGHT_MAX) {
    layer.replaceChildren();
    return;
  }
  const spans = marks
    .filter((m) => m.end > m.start && m.start < text.length)
    .slice(0, MAX_MARKS);
  const cuts = new Set([0, text.length]);
  for (const m of spans) {
    cuts.add(Math.max(0, m.start));
    cuts.add(Math.min(text.length, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    let loudest = null;
    for (const m of spans) {
      if (m.start <= a && m.end >= b && (!loudest || RANK[m.severity] < RANK[loudest])) {
        loudest = m.severity;
      }
    }
    const piece = text.slice(a, b);
    nodes.push(loudest ? el("span", { class: `etq-mark etq-mark--${loudest}`, text: piece }) : piece);
  }
  // A final newline needs something after it, or the backdrop is a line shorter.
  nodes.push("\u200b");
  layer.replaceChildren(...nodes);
}

function readFragment() {
  const hash = window.location.hash.slice(1);
  if (!/(^|&)draft=/.test(hash)) return null;
  const params = new URLSearchParams(hash);
  const found = {
    draft: params.get("draft") ?? "",
    platform: params.get("platform"),
    kind: params.get("kind"),
    handles: params.getAll("handle"),
  };
  // Read once: a reload must not bring the example back over later edits.
  const url = window.location.pathname + window.location.search;
  window.history.replaceState(window.history.state, "", url);
  return found;
}

function parseHandles(value) {
  return value
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}

// ------------------------------------------------------------------ the widget

function bind(root) {
  const runtime = runtimeFor(root);
  const abort = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: abort.signal });
  const q = (selector) => root.querySelector(selector);
  const ui = {
    input: q("[data-checker-input]"),
    platform: q("[data-checker-platform]"),
    kind: q("[data-checker-kind]"),
    handle: q("[data-checker-handle]"),
    handleNote: q("[data-checker-handle-note]"),
    backdrop: q("[data-checker-backdrop]"),
    layer: q("[data-checker-layer]"),
    count: q("[data-checker-count]"),
    summary: q("[data-checker-summary]"),
    findings: q("[data-checker-findings]"),
    status: q("[data-checker-status]"),
    statusText: q("[data-checker-status-text]"),
    progress: q("[data-checker-progress]"),
    error: q("[data-checker-error]"),
    errorText: q("[data-checker-error-text]"),
    retry: q("[data-checker-retry]"),
    clear: q("[data-checker-clear]"),
    saved: q("[data-checker-saved]"),
    notice: q("[data-checker-notice]"),
    toggles: [...root.querySelectorAll("[data-rule-toggle]")],
  };
  const team = JSON.parse(root.dataset.checkerTeam || "{}");
  const limits = JSON.parse(root.dataset.checkerLimits || "{}");

  const st = {
    report: null, // the last report rendered, and the text it was for
    reportText: null,
    marks: [], // highlight spans (UTF-16), moved along with edits until the next result
    shown: "", // the text the backdrop shows
    busy: false,
    again: false,
    timer: 0,
    saveTimer: 0,
    lastSummary: "",
    ignored: new Set(store.get("ignored", [])),
    off: new Set(store.get("rules-off", [])),
  };

  // ---- restore: a "Try it" link's fragment, else the autosaved draft and choices
  const saved = store.get("draft", "");
  const fragment = readFragment();
  for (const [select, key, fallback] of [
    [ui.platform, "platform", team.platform],
    [ui.kind, "kind", team.kind],
  ]) {
    const wanted = (fragment && fragment[key]) || store.get(key, fallback);
    if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  ui.handle.value = fragment && fragment.handles.length ? fragment.handles.join(" ") : store.get("handle", "");
  if (fragment) {
    ui.input.value = fragment.draft;
    if (saved.trim() && saved !== fragment.draft) {
      store.set("previous", saved);
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    st.ignored.clear();
    persistDraft();
  } else {
    ui.input.value = saved;
  }
  for (const toggle of ui.toggles) {
    if (!toggle.disabled) toggle.checked = !st.off.has(toggle.dataset.ruleToggle);
  }

  // ---- runtime state -> the page
  const unsubscribe = runtime.subscribe((rt) => {
    root.dataset.checkerState = rt.state;
    ui.status.hidden = rt.state !== "loading";
    ui.error.hidden = rt.state !== "error";
    if (rt.state === "loading") {
      ui.progress.max = rt.progress.total;
      ui.progress.value = rt.progress.step;
      ui.statusText.textContent = `Loading the checker: ${rt.progress.label}…`;
    } else if (rt.state === "error") {
      ui.errorText.textContent = `${rt.error} Your draft is kept here and in this browser.`;
      setSummary("The checker could not start. Your draft is kept.");
    } else {
      root.dataset.checkerPython = rt.info.python || "";
      schedule(0);
    }
  });

  // ---- checking
  function schedule(delay = DEBOUNCE_MS) {
    root.dataset.checkerPending = "true"; // until the result for the newest text is shown
    clearTimeout(st.timer);
    st.timer = setTimeout(runCheck, delay);
  }

  function options() {
    return {
      platform: ui.platform.value,
      kind: ui.kind.value,
      handles: parseHandles(ui.handle.value),
      off: [...st.off],
    };
  }

  async function runCheck() {
    if (runtime.state !== "ready") return; // the subscription runs us when it is
    const text = ui.input.value;
    if (text.length > LIVE_MAX) {
      renderTooLong(text);
      return;
    }
    if (st.busy) {
      st.again = true; // one request in flight at most; the newest text goes next
      return;
    }
    st.busy = true;
    const opts = options();
    try {
      const answer = await runtime.request({ type: "check", text, ...opts });
      if (abort.signal.aborted) return;
      root.dataset.checkerMs = answer.ms.toFixed(1);
      ui.handleNote.textContent = (answer.notes.handles || []).join(" ");
      // Only the latest result is shown: a result for older text or settings waits.
      if (ui.input.value === text && JSON.stringify(options()) === JSON.stringify(opts)) {
        render(answer.report, text);
      } else {
        st.again = true;
      }
    } catch (err) {
      if (!abort.signal.aborted && runtime.state === "ready") {
        setSummary(`The check failed: ${err.message}`);
      }
    } finally {
      st.busy = false;
      if (st.again && !abort.signal.aborted) {
        st.again = false;
        schedule(0);
      }
    }
  }

  // ---- rendering
  function setSummary(text) {
    if (text !== st.lastSummary) {
      st.lastSummary = text;
      ui.summary.textContent = text;
    }
  }

  function renderMeter(report) {
    const { count, limit, unit, over, posts } = report.length;
    const left = limit - count;
    ui.count.dataset.over = String(over);
    const children = [
      el("span", { class: "etq-meter__count", text: `${count.toLocaleString("en")} / ${limit.toLocaleString("en")}` }),
      " ",
      el("span", {
        class: "etq-meter__left",
        text: over ? `${plural(-left, "over the limit", "over the limit")}` : `${left.toLocaleString("en")} left`,
      }),
      el("span", { class: "etq-meter__unit", text: UNITS[unit] || unit }),
      el("span", { class: "etq-meter__bar", "aria-hidden": "true" },
        el("span", { style: `width: ${Math.min(100, (100 * count) / Math.max(1, limit)).toFixed(1)}%` })),
    ];
    if (posts && posts.length) {
      children.unshift(el("span", { class: "etq-meter__label", text: "Longest post: " }));
      const list = el("ol", { class: "etq-meter__posts", "aria-label": "Length of each post" });
      posts.forEach((p, i) => {
        list.append(
          el("li", { "data-over": String(p.over) }, `Post ${i + 1}: ${p.count.toLocaleString("en")} / ${limit.toLocaleString("en")}${p.over ? " (over)" : ""}`),
        );
      });
      children.push(list);
    }
    ui.count.replaceChildren(...children);
  }

  function renderTooLong(text) {
    root.dataset.checkerPending = "false";
    st.report = null;
    st.reportText = null;
    st.marks = [];
    paint(text);
    ui.count.dataset.over = "true";
    ui.count.replaceChildren(
      el("span", { class: "etq-meter__count", text: `${text.length.toLocaleString("en")} characters` }),
      " ",
      el("span", { class: "etq-meter__left", text: "too long to check live" }),
    );
    ui.findings.replaceChildren();
    setSummary(
      `This draft is ${text.length.toLocaleString("en")} characters long: too long to check live ` +
        `(the limit is ${LIVE_MAX.toLocaleString("en")}). It is kept here; shorten it to check it.`,
    );
  }

  function render(report, text) {
    root.dataset.checkerPending = "false";
    st.report = report;
    st.reportText = text;
    const visible = report.findings.filter((f) => !st.ignored.has(f.rule));
    const ignored = report.findings.filter((f) => st.ignored.has(f.rule));
    st.marks = visible.map((f) => ({ start: f.start_utf16, end: f.end_utf16, severity: f.severity }));
    paint(text);
    renderMeter(report);

    const groups = [];
    for (const sev of SEVERITIES) {
      const items = visible.filter((f) => f.severity === sev.key);
      if (!items.length) continue;
      const list = el("ol", { class: "etq-list" });
      for (const finding of items) list.append(findingItem(finding, text));
      groups.push(
        el("section", { class: `etq-group etq-group--${sev.key}`, "data-severity-group": sev.key },
          el("h3", { text: `${sev.title} (${items.length})` }),
          list),
      );
    }
    if (!visible.length) {
      groups.push(el("p", { class: "etq-clean", text: text.trim() ? "Nothing to flag. Read it once more as your reader would, then post it." : "Type or paste a draft to check it." }));
    }
    const extras = extrasList(ignored);
    if (extras) groups.push(extras);
    ui.findings.replaceChildren(...groups);

    const counts = SEVERITIES.map((s) => [s, visible.filter((f) => f.severity === s.key).length])
      .filter(([, n]) => n)
      .map(([s, n]) => plural(n, s.one, s.many));
    const { count, limit } = report.length;
    const lengthText = `${count.toLocaleString("en")} of ${limit.toLocaleString("en")}${report.length.over ? ", over the limit" : ""}.`;
    const head = text.trim() ? (counts.length ? `${counts.join(", ")}.` : "Nothing to flag.") : "Empty draft.";
    const tail = ignored.length ? ` ${plural(ignored.length, "finding", "findings")} ignored.` : "";
    setSummary(`${head} Length ${lengthText}${tail}`);
  }

  function findingItem(f, text) {
    const rulePage = new URL(`rules/${f.rule}/`, SITE_ROOT).href;
    const quote = excerpt(text, f.start_utf16, f.end_utf16);
    return el("li", { class: `etq-finding etq-finding--${f.severity}`, "data-rule": f.rule, "data-severity": f.severity },
      el("p", { class: "etq-finding__head" },
        el("span", { class: "etq-badge", text: f.severity }),
        " ",
        el("a", { href: rulePage, text: f.rule, title: "What this rule checks, and why" })),
      el("p", { class: "etq-finding__msg", text: f.message }),
      quote ? el("p", { class: "etq-finding__quote" }, el("q", { text: quote })) : null,
      el("p", { class: "etq-finding__fix" }, el("strong", { text: "Instead: " }), f.fix),
      el("p", { class: "etq-finding__actions" },
        button("Show in draft", () => select(f.start_utf16, f.end_utf16), f.rule),
        button("Ignore for this draft", () => setIgnored(f.rule, true), f.rule),
        button("Turn rule off", () => setOff(f.rule, true), f.rule)),
    );
  }

  function extrasList(ignored) {
    const rows = [];
    for (const rule of new Set(ignored.map((f) => f.rule))) {
      rows.push(el("li", {}, `${rule}: ignored for this draft `, button("Stop ignoring", () => setIgnored(rule, false), rule)));
    }
    for (const rule of st.off) {
      rows.push(el("li", {}, `${rule}: turned off `, button("Turn on", () => setOff(rule, false), rule)));
    }
    if (!rows.length) return null;
    return el("section", { class: "etq-group etq-group--muted" },
      el("h3", { text: "Ignored and turned off" }),
      el("ul", { class: "etq-extras" }, ...rows));
  }

  // The accessible name starts with the visible label (WCAG 2.5.3) and names the rule,
  // since a screen reader's list of buttons would otherwise hold many alike.
  function button(label, onClick, rule) {
    const b = el("button", { type: "button", class: "etq-button", text: label, "aria-label": `${label}: ${rule}` });
    b.addEventListener("click", onClick);
    return b;
  }

  function paint(text) {
    paintBackdrop(ui.layer, text, st.marks);
    st.shown = text;
    syncScroll();
  }

  function syncScroll() {
    ui.backdrop.scrollTop = ui.input.scrollTop;
    ui.backdrop.scrollLeft = ui.input.scrollLeft;
  }

  function select(start, end) {
    ui.input.focus();
    ui.input.setSelectionRange(start, end);
  }

  function rerender() {
    if (st.report && st.reportText === ui.input.value) render(st.report, st.reportText);
  }

  function setIgnored(rule, ignore) {
    if (ignore) st.ignored.add(rule);
    else st.ignored.delete(rule);
    store.set("ignored", [...st.ignored]);
    rerender();
    ui.summary.focus({ preventScroll: true });
  }

  function setOff(rule, off) {
    if (off) st.off.add(rule);
    else st.off.delete(rule);
    store.set("rules-off", [...st.off]);
    for (const t of ui.toggles) if (t.dataset.ruleToggle === rule && !t.disabled) t.checked = !off;
    schedule(0);
    ui.summary.focus({ preventScroll: true });
  }

  // ---- autosave, clear, restore
  function persistDraft() {
    clearTimeout(st.saveTimer);
    st.saveTimer = 0;
    const ok = store.set("draft", ui.input.value) && store.set("ignored", [...st.ignored]);
    ui.saved.textContent = ok
      ? "Saved in this browser only."
      : "Not saved: too large for this browser's storage. It stays here until you leave the page.";
  }

  function showNotice(message, actionLabel, action) {
    const act = el("button", { type: "button", class: "etq-button", text: actionLabel });
    act.addEventListener("click", () => {
      ui.notice.hidden = true;
      action();
    });
    const dismiss = el("button", { type: "button", class: "etq-button etq-button--plain", text: "Dismiss" });
    dismiss.addEventListener("click", () => {
      ui.notice.hidden = true;
    });
    ui.notice.replaceChildren(el("span", { text: message }), " ", act, " ", dismiss);
    ui.notice.hidden = false;
  }

  function swapPrevious() {
    const previous = store.get("previous", "");
    store.set("previous", ui.input.value);
    replaceDraft(previous);
  }

  function replaceDraft(text) {
    ui.input.value = text;
    st.ignored.clear();
    onInput();
    persistDraft();
    ui.input.focus();
  }

  // ---- events
  function onInput() {
    const text = ui.input.value;
    if (text.length <= HIGHLIGHT_MAX && st.shown.length <= HIGHLIGHT_MAX) {
      st.marks = shiftMarks(st.marks, st.shown, text);
      paint(text);
    } else if (st.shown) {
      st.marks = [];
      paint(text.length <= HIGHLIGHT_MAX ? text : "");
    }
    if (!st.saveTimer) st.saveTimer = setTimeout(persistDraft, SAVE_MS);
    if (text.length > LIVE_MAX) {
      clearTimeout(st.timer);
      if (runtime.state === "ready") renderTooLong(text);
      return;
    }
    schedule();
  }

  on(ui.input, "input", onInput);
  on(ui.input, "scroll", syncScroll);
  for (const [select, key] of [
    [ui.platform, "platform"],
    [ui.kind, "kind"],
  ]) {
    on(select, "change", () => {
      store.set(key, select.value);
      schedule(0);
    });
  }
  on(ui.handle, "input", () => {
    store.set("handle", ui.handle.value);
    schedule();
  });
  for (const toggle of ui.toggles) {
    on(toggle, "change", () => setOff(toggle.dataset.ruleToggle, !toggle.checked));
  }
  on(ui.retry, "click", () => runtime.retry());
  on(ui.clear, "click", () => {
    if (!ui.input.value) return;
    store.set("previous", ui.input.value);
    replaceDraft("");
    showNotice("Draft cleared.", "Undo", swapPrevious);
  });
  on(window, "hashchange", () => {
    const again = readFragment();
    if (!again) return;
    if (ui.input.value.trim() && ui.input.value !== again.draft) {
      store.set("previous", ui.input.value);
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    if (again.platform) ui.platform.value = again.platform;
    if (again.kind) ui.kind.value = again.kind;
    if (again.handles.length) ui.handle.value = again.handles.join(" ");
    replaceDraft(again.draft);
  });
  on(window, "pagehide", persistDraft);

  paint(ui.input.value.length <= HIGHLIGHT_MAX ? ui.input.value : "");
  if (runtime.state !== "ready") {
    setSummary(runtime.state === "error" ? st.lastSummary : "The checker is loading; you can write meanwhile.");
  }

  return () => {
    // Instant navigation is taking this page away: save now, stop listening.
    if (st.saveTimer) persistDraft();
    clearTimeout(st.timer);
    abort.abort();
    unsubscribe();
  };
}

// ------------------------------------------------------------------ binding

let bound = null; // { root, cleanup }

function onDocument() {
  const root = document.querySelector("[data-checker-state]");
  if (bound && bound.root === root) return;
  if (bound) bound.cleanup();
  bound = null;
  if (root) bound = { root, cleanup: bind(root) };
}

// Material's document$ emits on the first load and after each instant navigation.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(onDocument);
} else {
  onDocument();
}
