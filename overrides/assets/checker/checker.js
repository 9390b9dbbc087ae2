// The checker page's wiring: binds the widget on each page Material shows (document$), moves
// the draft between the editor, localStorage and the worker, and renders what comes back.
//
// - runtime.js talks to the worker (one per tab, kept on `window` across instant
//   navigation); marks.js holds the pure logic; view.js builds the DOM; bind.js binds the
//   widget on each page Material shows. They are unit tested under Node (tests/js/).
// - Every URL is resolved from this script's own URL, never from `location`: the site works
//   under any sub-path. Sibling modules are imported with this script's ?v= (the MkDocs hook
//   hooks/checker_assets.py adds it to every import when it copies these files).
// - User text reaches the page only through textContent and DOM APIs, never innerHTML.
// - The draft (and its content warning) lives in localStorage and in the page; it is never
//   sent anywhere.

import { bindEach } from "./bind.js";
import { Runtime, TimeoutError } from "./runtime.js";
import {
  applyEdit,
  backdropPieces,
  draftHash,
  groupFindings,
  isNewDraft,
  kindsFor,
  nextSpan,
  parseFragment,
  parseHandles,
  pickOption,
  restoreIgnores,
  shiftMarks,
  summaryText,
  tally,
} from "./marks.js";
import {
  button,
  el,
  emptyMeter,
  findingsNodes,
  glanceRows,
  meterNodes,
  paintBackdrop,
  threadCards,
  tooLongMeter,
} from "./view.js";

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
  // The page's own keystroke answer (checker/web.py desk_json): report, glance, counts.
  async desk(text, { platform = "", kind = "", handles = [], cw = "" } = {}) {
    return runtime().request({ type: "desk", text, platform, kind, handles, off: [], cw });
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
    cw: q("[data-checker-cw]"),
    cwField: q("[data-checker-cw-field]"),
    cwNote: q("[data-checker-cw-note]"),
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
    undo: q("[data-checker-undo]"),
    split: q("[data-checker-split]"),
    splitTools: q("[data-checker-split-tools]"),
    numbering: q("[data-checker-numbering]"),
    copy: q("[data-checker-copy]"),
    link: q("[data-checker-link]"),
    shared: q("[data-checker-shared]"),
    checkNow: q("[data-checker-check-now]"),
    note: q("[data-checker-note]"),
    counts: q("[data-checker-counts]"),
    glance: q("[data-checker-glance] tbody"),
    thread: q("[data-checker-thread]"),
    peek: q("[data-checker-peek]"),
    compose: q(".etq-compose"),
    brief: q("[data-checker-brief] a"),
  };
  // Every kind the page knows, as the template lists them; each platform offers its own.
  const allKinds = [...ui.kind.options].map((o) => ({ value: o.value, label: o.textContent }));
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
    undo: [], // drafts (and content warnings) before each fix, split or Clear, newest last
    spans: [], // the shown findings' spans (UTF-16), for the next-finding key and the peek
    cards: [],
    forced: false, // "Check now" on a draft over LIVE_MAX
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
    if (select === ui.kind) syncKinds(fragment && fragment.kind);
    const fromLink = fragment && fragment[key];
    const wanted = pickOption(offered(select), fromLink) ?? pickOption(offered(select), store.get(key, fallback));
    if (fromLink && wanted !== fromLink) refused.push([key, fromLink]);
    if (wanted) select.value = wanted;
  }
  ui.handle.value = fragment && fragment.handles.length ? fragment.handles.join(" ") : store.get("handle", "");
  const savedCw = store.get("cw", "");
  if (fragment) {
    ui.input.value = fragment.draft;
    ui.cw.value = fragment.cw;
    if ((saved.trim() && saved !== fragment.draft) || (savedCw.trim() && savedCw !== fragment.cw)) {
      stashPrevious(saved, savedCw);
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    persistDraft();
  } else {
    ui.input.value = saved;
    ui.cw.value = typeof savedCw === "string" ? savedCw : "";
    st.ignored = restoreIgnores(store.get("ignores", null), saved);
  }
  syncCw();
  if (refused.length) showRefused(refused);
  for (const toggle of ui.toggles) {
    if (!toggle.disabled) toggle.checked = !st.off.has(toggle.dataset.ruleToggle);
  }

  // ---- runtime state -> the page
  const unsubscribe = rt.subscribe((r) => {
    root.dataset.checkerState = r.state;
    // The status line stays in its place once ready, so nothing below it moves.
    ui.status.hidden = r.state === "error";
    ui.status.dataset.done = String(r.state === "ready");
    ui.error.hidden = r.state !== "error";
    if (r.state === "loading") {
      ui.progress.max = r.progress.total;
      ui.progress.value = r.progress.step;
      ui.statusText.textContent = `Loading the checker: ${loadingLabel(r.progress)}…`;
    } else if (r.state === "ready") {
      ui.progress.value = ui.progress.max;
      ui.statusText.textContent = "The checker is ready. It runs on this page: your draft goes nowhere.";
      root.dataset.checkerPython = r.info.python || "";
      schedule(0);
    } else if (r.state === "error") {
      ui.errorText.textContent = `${r.error} Your draft is kept here and in this browser.`;
      setSummary("The checker could not start. Your draft is kept.");
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
      cw: cwShown() ? ui.cw.value : "", // a hidden field's text is kept, not sent
    };
  }

  // ---- the content warning: offered where the platform's <option> says the network has
  // one (data-cw, from Platform.content_warning), with whose limit it counts toward.
  function cwShown() {
    const option = ui.platform.selectedOptions[0];
    return Boolean(option && "cw" in option.dataset);
  }

  function syncCw() {
    const option = ui.platform.selectedOptions[0];
    ui.cwField.hidden = !cwShown();
    if (!option || ui.cwField.hidden) return;
    const label = option.textContent.replace(/\s*\(.*$/, "");
    const limit = Number(option.dataset.limit || 0).toLocaleString("en");
    ui.cwNote.textContent = `${label} counts it with the post, toward ${option.dataset.limitNote || "the limit"} of ${limit}.`;
  }

  function loadingLabel(progress) {
    const bytes = Number(root.dataset.checkerDownload || 0);
    if (progress.step > 1 || !bytes) return progress.label;
    const mb = (bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0);
    return `Downloading Python (${mb} MB on a first visit; later visits load it from this browser's cache)`;
  }

  async function runCheck() {
    if (rt.state !== "ready") return; // the subscription runs us when it is
    const text = ui.input.value;
    if (text.length > LIVE_MAX && !st.forced) {
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
      const long = text.length > LIVE_MAX;
      const answer = await rt.request({ type: "desk", text, ...opts }, long ? { timeoutMs: 60_000 } : {});
      if (abort.signal.aborted) return;
      root.dataset.checkerMs = answer.ms.toFixed(1);
      ui.handleNote.textContent = (answer.notes.handles || []).join(" ");
      // Only the latest result is shown: a result for older text or settings waits.
      if (JSON.stringify([ui.input.value, options()]) === asked) {
        st.desk = answer;
        render(answer.report, text);
      }
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
      // On a phone the findings are further down: the summary, in brief, under the draft.
      ui.brief.textContent = `${text.split(". ")[0].replace(/\.$/, "")}: see below ↓`;
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
    ui.checkNow.hidden = false;
    ui.glance.replaceChildren();
    ui.thread.hidden = true;
    ui.counts.textContent = "";
    setSummary(
      `This draft is ${text.length.toLocaleString("en")} characters long: too long to check live ` +
        `(the limit is ${LIVE_MAX.toLocaleString("en")}), so it is checked only when you ask. ` +
        "It is kept here; press Check now, or shorten it.",
    );
  }

  function render(report, text) {
    root.dataset.checkerPending = "false";
    st.report = report;
    st.reportText = text;
    const cards = groupFindings(report.findings, text, st.ignored);
    const { ignored } = tally(cards);
    if (!ignored) st.showIgnored = false;
    st.cards = cards;
    st.spans = cards.flatMap((c) => c.spans.filter((s) => !s.ignored).map((s) => ({ ...s, rule: c.rule })));
    st.marks = st.spans.map((s) => ({ start: s.start, end: s.end, severity: s.severity }));
    paint(text);
    ui.checkNow.hidden = true; // checked: editing a draft this long asks again
    const desk = st.desk && st.desk.report === report ? st.desk : null;
    const empty = !text.trim();
    const row = desk ? desk.glance.find((r) => r.platform === report.platform) : null;
    ui.count.dataset.over = String(!empty && report.length.over);
    ui.count.replaceChildren(
      ...(empty ? emptyMeter(document) : meterNodes(document, report.length, row, { limitNote: limitNote(report) })),
    );
    ui.note.hidden = text.length <= HIGHLIGHT_MAX;
    ui.note.textContent = ui.note.hidden
      ? ""
      : `Highlights are off for drafts over ${HIGHLIGHT_MAX.toLocaleString("en")} characters (they would slow ` +
        "your typing); click a finding's quoted words to select them in the draft.";
    if (desk) {
      ui.counts.textContent = empty ? "" : desk.counts.line;
      ui.glance.replaceChildren(...glanceRows(document, desk.glance, report.platform, pickPlatform));
      renderThread(report, desk.posts);
    }
    const handlers = {
      show: (span) => select(span.start, span.end),
      ignore: (span) => setIgnored(span.key, true),
      unignore: (span) => setIgnored(span.key, false),
      turnOff: (rule) => setOff(rule, true),
      turnOn: (rule) => setOff(rule, false),
      fix: (replacement) => applyChange(applyEdit(ui.input.value, replacement), replacement.label),
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
      ...(desk && desk.tracking.length ? [trackingNodes(desk.tracking, text)] : []),
    );
    setSummary(summaryText(cards, report, text));
  }

  // Links with tracking parameters: not a rule's finding (nothing is wrong with sharing
  // them), but a tidy-up the writer can apply, one link at a time.
  function trackingNodes(fixes, text) {
    const items = fixes.map((r) => {
      const words = text.slice(r.start_utf16, r.end_utf16);
      const item = el(document, "li", { class: "etq-span", "data-span": `${r.start_utf16}-${r.end_utf16}` },
        el(document, "q", { text: words.length > 90 ? `${words.slice(0, 87)}…` : words }), " ",
        button(document, r.label, () => applyChange(applyEdit(ui.input.value, r), r.label), undefined, {
          "data-fix": "",
          class: "etq-button etq-button--fix",
        }));
      return item;
    });
    return el(document, "section", { class: "etq-group etq-group--muted", "data-checker-tracking": "" },
      el(document, "h3", { text: "Links with tracking parameters" }),
      el(document, "p", { class: "etq-hint", text: "They tell the site where readers came from; the link works without them." }),
      el(document, "ol", { class: "etq-spans" }, ...items));
  }

  // A thread's posts as numbered cards, each with its length and a copy button.
  function renderThread(report, posts) {
    const show = report.kind === "thread" && posts.length > 0 && Boolean(ui.input.value.trim());
    ui.thread.hidden = !show;
    if (!show) {
      ui.thread.replaceChildren();
      return;
    }
    ui.thread.replaceChildren(
      ...threadCards(document, posts, report.length.limit, (text, i) => copyText(text, `Post ${i + 1} copied.`)),
    );
  }

  // Whose limit the report counts against, when the team set it ("your server's limit"):
  // only when the report's limit is that one (an invitation's note has its own).
  function limitNote(report) {
    const option = [...ui.platform.options].find((o) => o.value === report.platform);
    if (!option || !option.dataset.limitNote) return "";
    return Number(option.dataset.limit) === report.length.limit ? option.dataset.limitNote : "";
  }

  function pickPlatform(name) {
    if (ui.platform.value === name) return;
    ui.platform.value = name;
    ui.platform.dispatchEvent(new Event("change"));
  }

  // The kind list holds only what the platform has (a connection invitation where there is
  // one, a thread where there are threads); `wanted` is kept when it is offered. Returns
  // the kind dropped, if the current one had to go.
  function syncKinds(wanted) {
    const option = ui.platform.selectedOptions[0];
    const kinds = kindsFor(option && option.dataset.kinds, allKinds.map((k) => k.value));
    const before = wanted || ui.kind.value;
    ui.kind.replaceChildren(
      ...allKinds.filter((k) => kinds.includes(k.value)).map((k) => el(document, "option", { value: k.value, text: k.label })),
    );
    ui.kind.value = kinds.includes(before) ? before : "post";
    return kinds.includes(before) ? null : before;
  }

  // A change the page made to the draft (a fix, a split): undoable with [data-checker-undo].
  function applyChange(text, label, kind = ui.kind.value) {
    st.undo.push({ text: ui.input.value, kind, label, cw: ui.cw.value });
    ui.input.value = text;
    onInput();
    persistDraft();
    updateUndo();
    ui.input.focus({ preventScroll: true });
  }

  function updateUndo() {
    const last = st.undo[st.undo.length - 1];
    ui.undo.disabled = !last;
    // Short on the button (the tools stay on one line); the full label names the change.
    ui.undo.textContent = "Undo";
    ui.undo.title = last ? `Undo: ${last.label}` : "Nothing to undo";
    if (last) ui.undo.setAttribute("aria-label", `Undo: ${last.label}`);
    else ui.undo.removeAttribute("aria-label");
  }

  async function copyText(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      ui.shared.textContent = done;
    } catch {
      ui.shared.textContent = "This browser did not allow copying; select the text and copy it yourself.";
    }
  }

  function splitDraft() {
    const text = ui.input.value;
    const platform = ui.platform.value;
    ui.split.disabled = true;
    rt.request({ type: "split", text, platform, numbering: ui.numbering.checked })
      .then(({ split }) => {
        if (abort.signal.aborted) return;
        if (!split.ok) {
          ui.shared.textContent = split.reason;
          return;
        }
        if (ui.input.value !== text) return; // typed meanwhile: the split is for old text
        if (split.posts.length === 1) {
          ui.shared.textContent = "It fits in one post already: nothing to split.";
          return;
        }
        const kind = ui.kind.value;
        ui.kind.value = "thread";
        store.set("kind", "thread");
        applyChange(split.text, "Split into a thread", kind);
        ui.shared.textContent = `Split into ${split.posts.length} posts, each within ${split.limit.toLocaleString("en")}.`;
      })
      .catch((err) => {
        ui.shared.textContent = `Could not split: ${err.message}. Your draft is kept.`;
      })
      .finally(() => {
        ui.split.disabled = false;
      });
  }

  // Shows the finding(s) at `offset` (UTF-16) next to the highlight: hover, caret or tap.
  function peekAt(offset, mark) {
    const here = st.spans.filter((s) => s.start <= offset && offset < s.end);
    if (!here.length || !mark) {
      ui.peek.hidden = true;
      return;
    }
    ui.peek.replaceChildren(
      ...here.map((s) => el(document, "p", {}, el(document, "strong", { text: `${s.rule}: ` }), s.message)),
    );
    const box = ui.compose.getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    ui.peek.style.top = `${r.bottom - box.top + 4}px`;
    ui.peek.style.left = `${Math.max(0, Math.min(r.left - box.left, box.width - 320))}px`;
    ui.peek.hidden = false;
  }

  function markAt(offset) {
    for (const m of ui.layer.querySelectorAll(".etq-mark")) {
      const a = Number(m.dataset.start);
      if (a <= offset && offset < a + m.textContent.length) return m;
    }
    return null;
  }

  function peekCaret() {
    if (document.activeElement !== ui.input || ui.input.selectionStart !== ui.input.selectionEnd) {
      ui.peek.hidden = true;
      return;
    }
    const offset = ui.input.selectionStart;
    peekAt(offset, markAt(offset));
  }

  function peekPointer(event) {
    const marks = document.elementsFromPoint(event.clientX, event.clientY).filter((n) => n.classList.contains("etq-mark"));
    if (!marks.length) {
      if (document.activeElement === ui.input) peekCaret();
      else ui.peek.hidden = true;
      return;
    }
    peekAt(Number(marks[0].dataset.start), marks[0]);
  }

  function jump(back) {
    const caret = back ? ui.input.selectionStart : ui.input.selectionEnd - (ui.input.selectionEnd > ui.input.selectionStart ? 1 : 0);
    const span = nextSpan(st.spans, caret, back);
    if (!span) {
      ui.shared.textContent = "No findings to jump to.";
      return;
    }
    select(span.start, span.end);
    peekAt(span.start, markAt(span.start));
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
    const ok = store.set("draft", ui.input.value) && store.set("cw", ui.cw.value) && saveIgnores();
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

  // The draft an example link or Clear replaced, with its content warning, for "Bring back".
  function stashPrevious(text = ui.input.value, cw = ui.cw.value) {
    store.set("previous", text);
    store.set("previous-cw", cw);
  }

  function swapPrevious() {
    const previous = store.get("previous", "");
    const previousCw = store.get("previous-cw", "");
    stashPrevious();
    replaceDraft(previous, typeof previousCw === "string" ? previousCw : "");
  }

  // A new draft: nothing ignored in the old one carries over.
  function replaceDraft(text, cw = "") {
    ui.input.value = text;
    ui.cw.value = cw;
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
    st.forced = false;
    ui.peek.hidden = true;
    updateUndo();
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

  on(ui.undo, "click", () => {
    const last = st.undo.pop();
    if (!last) return;
    ui.input.value = last.text;
    ui.cw.value = last.cw;
    if (ui.kind.value !== last.kind && [...ui.kind.options].some((o) => o.value === last.kind)) {
      ui.kind.value = last.kind;
      store.set("kind", last.kind);
    }
    onInput();
    persistDraft();
    updateUndo();
    ui.input.focus({ preventScroll: true });
  });
  on(ui.split, "click", splitDraft);
  on(ui.copy, "click", () => copyText(ui.input.value, "Draft copied."));
  on(ui.link, "click", () => {
    const params = new URLSearchParams({ draft: ui.input.value, platform: ui.platform.value, kind: ui.kind.value });
    if (cwShown() && ui.cw.value) params.set("cw", ui.cw.value);
    for (const h of parseHandles(ui.handle.value)) params.append("handle", h);
    const url = `${window.location.origin}${window.location.pathname}#${params}`;
    copyText(
      url,
      "Link copied. The whole draft is in the link itself (after the #, which browsers never send to a " +
        "server): anyone you give it to can read it.",
    );
    root.dataset.checkerLink = url;
  });
  on(ui.checkNow, "click", () => {
    st.forced = true;
    ui.checkNow.hidden = true;
    setSummary("Checking the whole draft; this can take a few seconds…");
    schedule(0);
  });
  on(ui.input, "keydown", (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === "n" || event.key === "N" || event.code === "KeyN")) {
      event.preventDefault();
      jump(event.shiftKey);
    }
  });
  on(ui.input, "click", peekCaret);
  on(ui.input, "keyup", (event) => {
    if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") peekCaret();
  });
  on(ui.input, "blur", () => {
    ui.peek.hidden = true;
  });
  on(ui.input, "mousemove", (event) => {
    if (st.peekFrame) return;
    st.peekFrame = requestAnimationFrame(() => {
      st.peekFrame = 0;
      peekPointer(event);
    });
  });
  on(ui.input, "mouseleave", () => {
    if (document.activeElement !== ui.input) ui.peek.hidden = true;
  });

  // Typing is undone by the browser's own undo; the page's Undo is for its own changes, and
  // goes once the writer types, so that it never takes typed words away.
  on(ui.input, "input", () => {
    st.undo.length = 0;
    onInput();
  });
  on(ui.input, "scroll", syncScroll);
  // The content warning is part of the draft: saved with it, and (where the network counts
  // it) checked with it; typing in it ends the page's Undo, as typing in the draft does.
  on(ui.cw, "input", () => {
    st.undo.length = 0;
    updateUndo();
    if (!st.saveTimer) st.saveTimer = setTimeout(persistDraft, SAVE_MS);
    if (cwShown() && ui.input.value.length <= LIVE_MAX) schedule();
  });
  for (const [select, key] of [
    [ui.platform, "platform"],
    [ui.kind, "kind"],
  ]) {
    on(select, "change", () => {
      store.set(key, select.value);
      if (select === ui.platform) {
        const dropped = syncKinds();
        if (dropped) {
          const label = ui.platform.selectedOptions[0].textContent.replace(/\s*\(.*$/, "");
          const what = (allKinds.find((k) => k.value === dropped) || { label: dropped }).label.toLowerCase();
          showNotice(`${label} has no ${what}: checking your draft as a post. Your draft is unchanged.`);
          store.set("kind", ui.kind.value);
        }
        ui.splitTools.hidden = !kindsFor(ui.platform.selectedOptions[0].dataset.kinds, ["thread"]).length;
        syncCw();
      }
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
    if (!ui.input.value && !ui.cw.value) return;
    stashPrevious();
    st.undo.push({ text: ui.input.value, kind: ui.kind.value, label: "Clear", cw: ui.cw.value });
    replaceDraft("");
    updateUndo();
    showNotice("Draft cleared.", "Undo", () => ui.undo.click());
  });
  on(window, "hashchange", () => {
    const again = takeFragment();
    if (!again) return;
    if ((ui.input.value.trim() && ui.input.value !== again.draft) || (ui.cw.value.trim() && ui.cw.value !== again.cw)) {
      stashPrevious();
      showNotice("The example replaced your earlier draft.", "Bring back my draft", swapPrevious);
    }
    const refusedNow = [];
    for (const [select, key] of [
      [ui.platform, "platform"],
      [ui.kind, "kind"],
    ]) {
      if (!again[key]) continue;
      if (select === ui.kind) syncKinds(again.kind);
      const value = pickOption(offered(select), again[key]);
      if (value) select.value = value;
      else refusedNow.push([key, again[key]]);
    }
    if (again.handles.length) ui.handle.value = again.handles.join(" ");
    syncCw();
    replaceDraft(again.draft, again.cw);
    if (refusedNow.length) showRefused(refusedNow);
  });
  on(window, "pagehide", persistDraft);

  paint(ui.input.value.length <= HIGHLIGHT_MAX ? ui.input.value : "");
  ui.splitTools.hidden = !kindsFor(ui.platform.selectedOptions[0].dataset.kinds, ["thread"]).length;
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

bindEach("[data-checker-state]", bind);
