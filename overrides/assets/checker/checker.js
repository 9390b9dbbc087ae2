// The checker page's wiring: binds the widget on each page Material shows (document$), moves
// the draft between the editor, localStorage and the worker, and renders what comes back.
//
// - runtime.js talks to the worker (one per tab, kept on `window` across instant
//   navigation); marks.js holds the pure logic; view.js builds the DOM. Both are unit
//   tested under Node (tests/js/).
// - Every URL is resolved from this script's own URL, never from `location`: the site works
//   under any sub-path. Sibling modules are imported with this script's ?v= (the MkDocs hook
//   hooks/checker_assets.py adds it to every import when it copies these files).
// - User text reaches the page only through textContent and DOM APIs, never innerHTML.
// - The draft lives in localStorage and in the page; it is never sent anywhere.

import { Runtime, TimeoutError } from "./runtime.js";
import {
  backdropPieces,
  draftHash,
  groupFindings,
  isNewDraft,
  parseFragment,
  parseHandles,
  pickOption,
  restoreIgnores,
  shiftMarks,
  summaryText,
  tally,
} from "./marks.js";
import { el, findingsNodes, meterNodes, paintBackdrop, tooLongMeter } from "./view.js";

const SCRIPT_URL = new URL(import.meta.url);
const SITE_ROOT = new URL("../../", SCRIPT_URL); // this file is <root>/assets/checker/checker.js
// boot.js, inlined in the checker page's <head>, may have started the worker already (it says
// why); after an instant navigation it did not run, so load it here.
if (!window.__etiquetteBoot) await import(new URL(`boot.js${SCRIPT_URL.search}`, SCRIPT_URL).href);
const { runtimeOptions, spawnWorker, takeEarlyWorker } = window.__etiquetteBoot;
const ASSETS_URL = new URL(`./${SCRIPT_URL.search}`, SCRIPT_URL).href;

const LIVE_MAX = 200_000; // longer drafts are kept but not checked live
const HIGHLIGHT_MAX = 20_000; // longer drafts are checked, without in-place highlights
const DEBOUNCE_MS = 150;
const SAVE_MS = 300;
const STORE = "etiquette-checker:v1:";

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
  remove(key) {
    try {
      window.localStorage.removeItem(STORE + key);
    } catch {
      // nothing to do
    }
  },
};

// ------------------------------------------------------------------ the worker, once per tab

function startWorker(options) {
  const missing = (what) => Object.assign(new Error(what), { plain: `This browser cannot run ${what}, which the checker needs.` });
  if (typeof WebAssembly !== "object") throw missing("WebAssembly");
  if (typeof Worker !== "function") throw missing("Web Workers");
  return spawnWorker(options);
}

function runtime() {
  if (!window.__etiquetteRuntime) {
    // The head's boot options (after an instant navigation, Material has merged the new
    // page's head tags into the document's head: the tag is there too).
    const tag = document.querySelector("script[data-checker-boot]");
    const options = runtimeOptions(JSON.parse((tag && tag.textContent) || "{}"), ASSETS_URL);
    const rt = new Runtime(options, { spawn: startWorker, early: takeEarlyWorker(options) });
    rt.subscribe((r) => {
      // for scripts/bench_browser.py: milliseconds since this tab's navigation started
      if (r.state === "ready" && window.__etiquetteReadyAt === undefined) {
        window.__etiquetteReadyAt = performance.now();
      }
    });
    window.__etiquetteRuntime = rt;
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
    const payload = { type: "check", text, platform, kind, handles, off: [] };
    return (await runtime().request(payload)).report;
  },
  async bench(text, { platform = "", kind = "", runs = 50 } = {}) {
    const payload = { type: "bench", text, platform, kind, runs };
    return (await runtime().request(payload, { timeoutMs: 0 })).times;
  },
};

// ------------------------------------------------------------------ the widget

function bind(root) {
  const rt = runtime();
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
  const offered = (select) => [...select.options].map((o) => o.value);

  const st = {
    report: null, // the last report rendered, and the text it was for
    reportText: null,
    marks: [], // highlight spans (UTF-16), moved along with edits until the next result
    current: null, // the span last shown from a card: {start, end}
    shown: "", // the text the backdrop shows
    busy: false,
    again: false,
    timer: 0,
    saveTimer: 0,
    lastSummary: "",
    stuck: null, // the request that timed out: not sent again until the draft changes
    ignored: new Set(), // keys of findings ignored in this draft (marks.js findingKeys)
    showIgnored: false,
    off: new Set(store.get("rules-off", [])), // rules turned off in this browser, all drafts
  };
  store.remove("ignored"); // the old per-rule ignores, which outlived their draft

  // ---- restore: a "Try it" link's fragment, else the autosaved draft and choices
  const saved = store.get("draft", "");
  const fragment = takeFragment();
  const refused = [];
  for (const [select, key, fallback] of [
    [ui.platform, "platform", team.platform],
    [ui.kind, "kind", team.kind],
  ]) {
    const fromLink = fragment && fragment[key];
    const wanted = pickOption(offered(select), fromLink) ?? pickOption(offered(select), store.get(key, fallback));
    if (fromLink && wanted !== fromLink) refused.push([key, fromLink]);
    if (wanted) select.value = wanted;
  }
  ui.handle.value = fragment && fragment.handles.length ? fragment.handles.join(" ") : store.get("handle", "");
  if (fragment) {
    ui.input.value = fragment.draft;
    if (saved.trim() && saved !== fragment.draft) {
      store.set("previous", saved);
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    persistDraft();
  } else {
    ui.input.value = saved;
    st.ignored = restoreIgnores(store.get("ignores", null), saved);
  }
  if (refused.length) showRefused(refused);
  for (const toggle of ui.toggles) {
    if (!toggle.disabled) toggle.checked = !st.off.has(toggle.dataset.ruleToggle);
  }

  // ---- runtime state -> the page
  const unsubscribe = rt.subscribe((r) => {
    root.dataset.checkerState = r.state;
    ui.status.hidden = r.state !== "loading";
    ui.error.hidden = r.state !== "error";
    if (r.state === "loading") {
      ui.progress.max = r.progress.total;
      ui.progress.value = r.progress.step;
      ui.statusText.textContent = `Loading the checker: ${r.progress.label}…`;
    } else if (r.state === "error") {
      ui.errorText.textContent = `${r.error} Your draft is kept here and in this browser.`;
      setSummary("The checker could not start. Your draft is kept.");
    } else {
      root.dataset.checkerPython = r.info.python || "";
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
    if (rt.state !== "ready") return; // the subscription runs us when it is
    const text = ui.input.value;
    if (text.length > LIVE_MAX) {
      renderTooLong(text);
      return;
    }
    if (st.busy) {
      st.again = true; // one request in flight at most; the newest text goes next
      return;
    }
    const opts = options();
    const asked = JSON.stringify([text, opts]);
    if (st.stuck === asked) {
      root.dataset.checkerPending = "false"; // the same request would get stuck again
      return;
    }
    st.stuck = null;
    st.busy = true;
    try {
      const answer = await rt.request({ type: "check", text, ...opts });
      if (abort.signal.aborted) return;
      root.dataset.checkerMs = answer.ms.toFixed(1);
      ui.handleNote.textContent = (answer.notes.handles || []).join(" ");
      // Only the latest result is shown: a result for older text or settings waits.
      if (JSON.stringify([ui.input.value, options()]) === asked) render(answer.report, text);
      else st.again = true;
    } catch (err) {
      if (abort.signal.aborted) return;
      if (err instanceof TimeoutError) {
        st.stuck = asked;
        st.again = false;
        root.dataset.checkerPending = "false";
        setSummary(
          `Checking this draft took too long (${err.message.replace(/^the check took /, "")}), so the ` +
            "checker was restarted. Your draft is kept; edit it or change a setting to check again.",
        );
      } else if (rt.state === "ready") {
        root.dataset.checkerPending = "false";
        setSummary(`The check failed: ${err.message}. Your draft is kept.`);
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

  function renderTooLong(text) {
    root.dataset.checkerPending = "false";
    st.report = null;
    st.reportText = null;
    st.marks = [];
    paint(text);
    ui.count.dataset.over = "true";
    ui.count.replaceChildren(...tooLongMeter(document, text.length));
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
    const cards = groupFindings(report.findings, text, st.ignored);
    const { ignored } = tally(cards);
    if (!ignored) st.showIgnored = false;
    st.marks = cards.flatMap((c) =>
      c.spans.filter((s) => !s.ignored).map((s) => ({ start: s.start, end: s.end, severity: s.severity })),
    );
    paint(text);
    ui.count.dataset.over = String(report.length.over);
    ui.count.replaceChildren(...meterNodes(document, report.length));
    const handlers = {
      show: (span) => select(span.start, span.end),
      ignore: (span) => setIgnored(span.key, true),
      unignore: (span) => setIgnored(span.key, false),
      turnOff: (rule) => setOff(rule, true),
      turnOn: (rule) => setOff(rule, false),
      toggleIgnored: () => {
        st.showIgnored = !st.showIgnored;
        rerender();
      },
    };
    ui.findings.replaceChildren(
      ...findingsNodes(document, cards, text, handlers, {
        showIgnored: st.showIgnored,
        ignored,
        off: [...st.off],
        rulePage: (rule) => new URL(`rules/${rule}/`, SITE_ROOT).href,
      }),
    );
    setSummary(summaryText(cards, report, text));
  }

  function paint(text) {
    const marks = st.current ? [...st.marks, { ...st.current, severity: "suggestion", current: true }] : st.marks;
    if (text.length > HIGHLIGHT_MAX) ui.layer.replaceChildren();
    else paintBackdrop(ui.layer, backdropPieces(text, marks));
    st.shown = text;
    syncScroll();
  }

  function syncScroll() {
    ui.backdrop.scrollTop = ui.input.scrollTop;
    ui.backdrop.scrollLeft = ui.input.scrollLeft;
  }

  // Shows a flagged span: selects it in the draft and outlines it behind the text.
  function select(start, end) {
    st.current = { start, end };
    paint(ui.input.value);
    ui.input.focus();
    ui.input.setSelectionRange(start, end);
  }

  function rerender() {
    if (st.report && st.reportText === ui.input.value) render(st.report, st.reportText);
  }

  function setIgnored(key, ignore) {
    if (ignore) st.ignored.add(key);
    else st.ignored.delete(key);
    saveIgnores();
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
  function saveIgnores() {
    const text = ui.input.value;
    return st.ignored.size
      ? store.set("ignores", { draft: draftHash(text), keys: [...st.ignored] })
      : (store.remove("ignores"), true);
  }

  function persistDraft() {
    clearTimeout(st.saveTimer);
    st.saveTimer = 0;
    const ok = store.set("draft", ui.input.value) && saveIgnores();
    ui.saved.textContent = ok
      ? "Saved in this browser only."
      : "Not saved: too large for this browser's storage. It stays here until you leave the page.";
  }

  function showNotice(message, actionLabel, action) {
    const parts = [el(document, "span", { text: message })];
    if (actionLabel) {
      const act = el(document, "button", { type: "button", class: "etq-button", text: actionLabel });
      act.addEventListener("click", () => {
        ui.notice.hidden = true;
        action();
      });
      parts.push(" ", act);
    }
    const dismiss = el(document, "button", { type: "button", class: "etq-button etq-button--plain", text: "Dismiss" });
    dismiss.addEventListener("click", () => {
      ui.notice.hidden = true;
    });
    ui.notice.replaceChildren(...parts, " ", dismiss);
    ui.notice.hidden = false;
  }

  function showRefused(refused) {
    const what = refused.map(([key, value]) => `${key === "kind" ? "kind of draft" : key} "${value}"`);
    showNotice(`The link asked for ${what.join(" and ")}, which this checker does not offer; kept your choice.`);
  }

  function swapPrevious() {
    const previous = store.get("previous", "");
    store.set("previous", ui.input.value);
    replaceDraft(previous);
  }

  // A new draft: nothing ignored in the old one carries over.
  function replaceDraft(text) {
    ui.input.value = text;
    st.ignored.clear();
    st.showIgnored = false;
    onInput();
    persistDraft();
    ui.input.focus();
  }

  // A "Try it" link's fragment, read once: a reload must not bring the example back over
  // later edits.
  function takeFragment() {
    const found = parseFragment(window.location.hash);
    if (found) {
      const url = window.location.pathname + window.location.search;
      window.history.replaceState(window.history.state, "", url);
    }
    return found;
  }

  // ---- events
  function onInput() {
    const text = ui.input.value;
    if (st.ignored.size && isNewDraft(st.shown, text)) {
      st.ignored.clear(); // emptied, or replaced wholesale: a new draft
      st.showIgnored = false;
    }
    st.current = null;
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
      if (rt.state === "ready") renderTooLong(text);
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
  on(ui.retry, "click", () => rt.retry());
  on(ui.clear, "click", () => {
    if (!ui.input.value) return;
    store.set("previous", ui.input.value);
    replaceDraft("");
    showNotice("Draft cleared.", "Undo", swapPrevious);
  });
  on(window, "hashchange", () => {
    const again = takeFragment();
    if (!again) return;
    if (ui.input.value.trim() && ui.input.value !== again.draft) {
      store.set("previous", ui.input.value);
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    const refusedNow = [];
    for (const [select, key] of [
      [ui.platform, "platform"],
      [ui.kind, "kind"],
    ]) {
      if (!again[key]) continue;
      const value = pickOption(offered(select), again[key]);
      if (value) select.value = value;
      else refusedNow.push([key, again[key]]);
    }
    if (again.handles.length) ui.handle.value = again.handles.join(" ");
    replaceDraft(again.draft);
    if (refusedNow.length) showRefused(refusedNow);
  });
  on(window, "pagehide", persistDraft);

  paint(ui.input.value.length <= HIGHLIGHT_MAX ? ui.input.value : "");
  if (rt.state !== "ready") {
    setSummary(rt.state === "error" ? st.lastSummary : "The checker is loading; you can write meanwhile.");
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
