// The checker page's views: DOM built from the data a check gave, in the document passed in
// (the page's, or a stand-in under Node: tests/js/view.test.mjs). No globals, no storage, no
// worker; what a click does comes in as callbacks. User text only ever reaches the page as
// text nodes (textContent, append), never as markup.

import { SEVERITIES, UNITS, excerpt, plural } from "./marks.js";

export function el(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// The accessible name starts with the visible label (WCAG 2.5.3) and names what it acts on,
// since a screen reader's list of buttons would otherwise hold many alike.
export function button(doc, label, onClick, about, attrs = {}) {
  const b = el(doc, "button", {
    type: "button",
    class: "etq-button",
    text: label,
    "aria-label": about ? `${label}: ${about}` : undefined,
    ...attrs,
  });
  b.addEventListener("click", onClick);
  return b;
}

// The backdrop behind the textarea: the same text, transparent, with flagged pieces tinted.
export function paintBackdrop(layer, pieces) {
  const doc = layer.ownerDocument;
  let at = 0; // each mark knows where it starts (UTF-16), for the peek on hover
  const nodes = pieces.map((p) => {
    const start = at;
    at += p.text.length;
    if (!p.severity) return p.text;
    const cls = `etq-mark etq-mark--${p.severity}${p.current ? " etq-mark--current" : ""}`;
    return el(doc, "span", { class: cls, text: p.text, "data-start": start });
  });
  // A final newline needs something after it, or the backdrop is a line shorter.
  nodes.push("\u200b");
  layer.replaceChildren(...nodes);
}

// The length meter: count and limit, what is left, and what the network counts, in words a
// writer understands (`row` is this platform's glance row: its `counting` and its `note` on
// this draft, "Here each emoji counts 4."). For a thread, the longest post's length; each
// post's own length is on its card (threadCards). A content warning the network counts
// (`length.content_warning`) is in the count, and the meter says so; `limitNote` names whose
// limit it is when the team set it ("your server's limit").
export function meterNodes(doc, length, row = null, { limitNote = "" } = {}) {
  const { count, limit, unit, over, posts } = length;
  const left = limit - count;
  const n = (x) => x.toLocaleString("en");
  const counting = row && row.counting ? `Counted in ${row.counting}.` : UNITS[unit] || unit;
  const cw = length.content_warning || 0;
  const cwText = posts && posts.length > 1
    ? `The first post counts the content warning too (${n(cw)}).`
    : `Content warning included (${n(cw)}).`;
  const nodes = [
    el(doc, "span", { class: "etq-meter__count", text: `${n(count)} / ${n(limit)}` }),
    " · ",
    el(doc, "span", {
      class: "etq-meter__left",
      text: over ? `${n(-left)} over ${limitNote || "the limit"}` : `${n(left)} left${limitNote ? ` (${limitNote})` : ""}`,
    }),
    cw ? el(doc, "span", { class: "etq-meter__cw", text: cwText }) : null,
    el(doc, "span", { class: "etq-meter__unit", text: row && row.note ? `${counting} ${row.note}` : counting }),
    el(doc, "span", { class: "etq-meter__bar", "aria-hidden": "true" },
      el(doc, "span", { style: `width: ${Math.min(100, (100 * count) / Math.max(1, limit)).toFixed(1)}%` })),
  ];
  if (posts && posts.length > 1) {
    nodes.unshift(el(doc, "span", { class: "etq-meter__label", text: "Longest post: " }));
  }
  return nodes.filter((node) => node !== null);
}

// A whitespace-only draft: nothing to count, so no length is shown.
export function emptyMeter(doc) {
  return [el(doc, "span", { class: "etq-meter__count", text: "Empty draft" })];
}

// The glance table's rows: each network's count, limit and fit; a click (or Enter) picks it.
export function glanceRows(doc, rows, current, onPick) {
  const n = (x) => x.toLocaleString("en");
  return rows.map((r) => {
    const fit = r.fits ? "Fits" : r.over_by ? `${n(r.over_by)} over` : "Too many bytes";
    const tr = el(doc, "tr", {
      class: `etq-glance__row${r.platform === current ? " etq-glance__row--current" : ""}`,
      "data-glance-platform": r.platform,
      "data-count": r.count,
      "data-limit": r.limit,
      "data-fits": String(r.fits),
      "aria-current": r.platform === current ? "true" : undefined,
      tabindex: "0",
      title: `Check for ${r.label}. Counted in ${r.counting}.${r.note ? ` ${r.note}` : ""}`,
    },
      el(doc, "th", { scope: "row", text: r.label }),
      el(doc, "td", { text: `${n(r.count)} / ${n(r.limit)}` }),
      el(doc, "td", { class: r.fits ? "etq-glance__fits" : "etq-glance__over", text: r.fits ? `✓ ${fit}` : `✗ ${fit}` }),
    );
    tr.addEventListener("click", () => onPick(r.platform));
    tr.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onPick(r.platform);
      }
    });
    return tr;
  });
}

// A thread, post by post: "Post 2 of 5", its length against the limit, its text, and a copy
// button (`button[data-copy-post]`). `posts`: [{text, count, over}].
export function threadCards(doc, posts, limit, onCopy) {
  const n = (x) => x.toLocaleString("en");
  return posts.map((p, i) => {
    const label = `Post ${i + 1} of ${posts.length}`;
    return el(doc, "li", { class: "etq-post", "data-post": String(i + 1), "data-over": String(p.over) },
      el(doc, "p", { class: "etq-post__head" },
        el(doc, "strong", { text: label }),
        " ",
        el(doc, "span", { class: "etq-post__len", text: `${n(p.count)} / ${n(limit)}${p.over ? `, ${n(p.count - limit)} over` : ""}` }),
        button(doc, "Copy", () => onCopy(p.text, i), label, { "data-copy-post": String(i + 1), class: "etq-button etq-button--plain" })),
      el(doc, "p", { class: "etq-post__text", text: p.text }),
    );
  });
}

export function tooLongMeter(doc, chars) {
  return [
    el(doc, "span", { class: "etq-meter__count", text: `${chars.toLocaleString("en")} characters` }),
    " ",
    el(doc, "span", { class: "etq-meter__left", text: "too long to check live" }),
  ];
}

// One card per rule: what it says, what to do instead, and each flagged span of the draft
// (`[data-span]`: click it to select those words in the draft; each has its own Ignore).
// Ignored spans are left out unless `showIgnored`; then they come back marked, with "Stop
// ignoring". Returns null when nothing of the card is to be shown.
export function findingCard(doc, card, text, on, { showIgnored = false, rulePage = "" } = {}) {
  const spans = card.spans.filter((s) => showIgnored || !s.ignored);
  if (!spans.length) return null;
  const allIgnored = spans.every((s) => s.ignored);
  // One message for the card when every span has the same; else each span says its own.
  const same = card.spans.every((s) => s.message === card.message);
  const list = el(doc, "ol", { class: "etq-spans", "aria-label": `Where ${card.rule} applies` });
  for (const span of spans) {
    const quote = excerpt(text, span.start, span.end) || "(the whole draft)";
    const item = el(doc, "li", {
      class: `etq-span${span.ignored ? " etq-span--ignored" : ""}`,
      "data-span": `${span.start}-${span.end}`,
      "data-ignored": span.ignored ? "true" : undefined,
    });
    const show = el(doc, "button", {
      type: "button",
      class: "etq-span__show",
      title: "Show in the draft",
      "aria-label": `Show in draft: ${quote}`,
    }, el(doc, "q", { text: quote }));
    // The whole row shows the span (the button gives it a keyboard stop and a name);
    // clicks on its Ignore or Stop ignoring do only that.
    item.addEventListener("click", (event) => {
      if (!event.target.closest("[data-ignore], [data-unignore], [data-fix]")) on.show(span);
    });
    item.append(show);
    if (!same) item.append(el(doc, "span", { class: "etq-span__msg", text: spanMessage(span.message, quote) }));
    // A mechanical fix the core declared with the rule (the finding's `replacement`).
    if (span.replacement && !span.ignored && on.fix) {
      item.append(button(doc, span.replacement.label, () => on.fix(span.replacement), undefined, {
        "data-fix": "",
        class: "etq-button etq-button--fix",
      }));
    }
    item.append(
      span.ignored
        ? button(doc, "Stop ignoring", () => on.unignore(span), `${card.rule}, ${quote}`, { "data-unignore": "" })
        : button(doc, "Ignore", () => on.ignore(span), `${card.rule}, ${quote}`, {
            "data-ignore": "",
            title: "Ignore this one in this draft",
          }),
    );
    list.append(item);
  }
  const shown = spans.length;
  return el(doc, "li", {
    class: `etq-finding etq-finding--${card.severity}${allIgnored ? " etq-finding--ignored" : ""}`,
    "data-rule": card.rule,
    "data-severity": card.severity,
    "data-ignored": allIgnored ? "true" : undefined,
  },
    el(doc, "p", { class: "etq-finding__head" },
      el(doc, "span", { class: "etq-badge", text: card.severity }),
      " ",
      el(doc, "a", { href: rulePage, text: card.rule, title: "What this rule checks, and why" }),
      shown > 1 ? el(doc, "span", { class: "etq-finding__n", text: ` (${shown} places)` }) : null,
      button(doc, "Turn rule off for all drafts", () => on.turnOff(card.rule), card.rule, {
        class: "etq-button etq-button--plain etq-finding__off",
        "data-rule-off": "",
        title: "Stops this rule in this browser, for every draft, until you turn it on again",
      })),
    same ? el(doc, "p", { class: "etq-finding__msg", text: card.message }) : null,
    list,
    el(doc, "p", { class: "etq-finding__fix" }, el(doc, "strong", { text: "Instead: " }), card.fix),
  );
}

// A span's message beside its quoted words: "“20% off” is selling language" reads as
// [“20% off”] "is selling language", without saying the words twice.
export function spanMessage(message, quote) {
  const quoted = `“${quote}”`;
  return message.startsWith(quoted) ? message.slice(quoted.length).trim() : message;
}

// The findings area: cards by severity, a line saying how many are ignored (one click shows
// them), and the rules turned off in this browser (each with "Turn on").
export function findingsNodes(doc, cards, text, on, opts) {
  const { showIgnored = false, ignored = 0, off = [], rulePage = () => "" } = opts;
  const nodes = [];
  let visible = 0;
  for (const sev of SEVERITIES) {
    const group = cards.filter((c) => c.severity === sev.key);
    const items = group
      .map((c) => findingCard(doc, c, text, on, { showIgnored, rulePage: rulePage(c.rule) }))
      .filter(Boolean);
    if (!items.length) continue;
    visible += items.length;
    // the heading counts findings, as the summary does, not cards
    const n = group.reduce((sum, c) => sum + c.spans.filter((s) => !s.ignored).length, 0);
    nodes.push(
      el(doc, "section", { class: `etq-group etq-group--${sev.key}`, "data-severity-group": sev.key },
        el(doc, "h3", { text: `${sev.title} (${n})` }),
        el(doc, "ol", { class: "etq-list" }, ...items)),
    );
  }
  if (!visible) {
    const clean = text.trim()
      ? "Nothing to flag. Read it once more as your reader would, then post it."
      : "Type or paste a draft to check it.";
    nodes.push(el(doc, "p", { class: "etq-clean", text: clean }));
  }
  if (ignored) {
    const label = showIgnored ? "Hide them" : "Show them";
    nodes.unshift(
      el(doc, "p", { class: "etq-ignored", "data-checker-ignored": String(ignored) },
        el(doc, "span", { text: `${plural(ignored, "finding", "findings")} ignored in this draft. ` }),
        button(doc, label, on.toggleIgnored, undefined, { "aria-expanded": String(showIgnored) })),
    );
  }
  if (off.length) {
    const rows = off.map((rule) =>
      el(doc, "li", {}, el(doc, "code", { text: rule }), " ", button(doc, "Turn on", () => on.turnOn(rule), rule)));
    nodes.push(
      el(doc, "section", { class: "etq-group etq-group--muted", "data-checker-off": "" },
        el(doc, "h3", { text: "Rules turned off in this browser (for every draft)" }),
        el(doc, "ul", { class: "etq-extras" }, ...rows)),
    );
  }
  return nodes;
}
