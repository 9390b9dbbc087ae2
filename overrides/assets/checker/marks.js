// Pure helpers of the checker page: no DOM, no storage, no worker. Unit tested under Node
// (tests/js/marks.test.mjs). Offsets are UTF-16 code units, as JavaScript strings count;
// the report gives them as `start_utf16`/`end_utf16`.

export const SEVERITIES = [
  { key: "error", one: "error", many: "errors", title: "Errors" },
  { key: "warning", one: "warning", many: "warnings", title: "Warnings" },
  { key: "suggestion", one: "suggestion", many: "suggestions", title: "Suggestions" },
];
export const RANK = { error: 0, warning: 1, suggestion: 2 };
export const UNITS = {
  weighted: "as X counts them: links count 23, most emoji and CJK characters 2",
  graphemes: "characters as you see them (an emoji is one)",
  characters: "characters",
};

export function plural(n, one, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export function excerpt(text, start, end) {
  const piece = text.slice(start, end).replace(/\s+/g, " ").trim();
  return piece.length > 90 ? `${piece.slice(0, 87)}…` : piece;
}

export function parseHandles(value) {
  return value
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}

// Where one edit changed the text: the length of the unchanged head and tail.
export function editRange(before, after) {
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
  return { head, tail };
}

// Marks before the edit stay, marks after it move, marks it touched go (until the next result).
export function shiftMarks(marks, before, after) {
  const { head, tail } = editRange(before, after);
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

// Is `after` a new draft rather than an edit of `before`? A writer who empties the box, or
// replaces most of it at once (select all, paste), starts afresh; typing, deleting a word or
// pasting into the draft is an edit of the same draft.
export function isNewDraft(before, after) {
  if (!after.trim()) return true;
  if (!before.trim()) return false; // the first words of a draft
  const { head, tail } = editRange(before, after);
  return head + tail < before.length / 2;
}

// The backdrop's pieces: the text cut where marks start and end; each piece takes the loudest
// severity covering it (null: plain text). At most `max` marks are painted.
export function backdropPieces(text, marks, max = 400) {
  const spans = marks.filter((m) => m.end > m.start && m.start < text.length).slice(0, max);
  const cuts = new Set([0, text.length]);
  for (const m of spans) {
    cuts.add(Math.max(0, m.start));
    cuts.add(Math.min(text.length, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    let severity = null;
    let current = false;
    for (const m of spans) {
      if (m.start <= a && m.end >= b) {
        if (!severity || RANK[m.severity] < RANK[severity]) severity = m.severity;
        if (m.current) current = true;
      }
    }
    pieces.push({ text: text.slice(a, b), severity, current });
  }
  return pieces;
}

// ------------------------------------------------------------------ ignoring one finding

// A finding's identity in its draft: its rule, the words it flagged, and which occurrence of
// those words it is (the second "BUY NOW" is another finding). Typing elsewhere keeps the key;
// editing the flagged words makes a new finding.
export function findingKeys(findings, text) {
  const seen = new Map();
  return findings.map((f) => {
    const words = text.slice(f.start_utf16, f.end_utf16);
    const base = `${f.rule}\u0000${words}`;
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

// A short, stable fingerprint of a draft (FNV-1a over UTF-16 units, with the length): the
// saved ignores belong to the saved draft and to no other.
export function draftHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}

// The ignores saved with a draft, if they belong to `text`; else none.
export function restoreIgnores(saved, text) {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return new Set();
  if (saved.draft !== draftHash(text) || !Array.isArray(saved.keys)) return new Set();
  return new Set(saved.keys.filter((k) => typeof k === "string"));
}

// ------------------------------------------------------------------ one card per rule

// Findings grouped by rule, in report order; each card takes its loudest severity, and keeps
// every span with its key and whether it is ignored.
export function groupFindings(findings, text, ignored = new Set()) {
  const keys = findingKeys(findings, text);
  const cards = new Map();
  findings.forEach((f, i) => {
    let card = cards.get(f.rule);
    if (!card) {
      card = { rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, spans: [] };
      cards.set(f.rule, card);
    }
    if (RANK[f.severity] < RANK[card.severity]) card.severity = f.severity;
    card.spans.push({
      key: keys[i],
      start: f.start_utf16,
      end: f.end_utf16,
      severity: f.severity,
      message: f.message,
      replacement: f.replacement || null,
      ignored: ignored.has(keys[i]),
    });
  });
  return [...cards.values()];
}

// The numbers a summary needs: findings shown per severity, and how many are ignored.
export function tally(cards) {
  const bySeverity = { error: 0, warning: 0, suggestion: 0 };
  let ignored = 0;
  for (const card of cards) {
    for (const span of card.spans) {
      if (span.ignored) ignored += 1;
      else bySeverity[span.severity] += 1;
    }
  }
  return { bySeverity, ignored };
}

export function summaryText(cards, report, text) {
  const { bySeverity, ignored } = tally(cards);
  const counts = SEVERITIES.filter((s) => bySeverity[s.key]).map((s) =>
    plural(bySeverity[s.key], s.one, s.many),
  );
  const { count, limit, over } = report.length;
  const length = `${count.toLocaleString("en")} of ${limit.toLocaleString("en")}${over ? ", over the limit" : ""}.`;
  if (!text.trim()) return "Empty draft.";
  const head = counts.length ? `${counts.join(", ")}.` : "Nothing to flag.";
  const tail = ignored ? ` ${ignored.toLocaleString("en")} ignored.` : "";
  return `${head} Length ${length}${tail}`;
}

// ------------------------------------------------------------------ links and choices

// A "Try it" link's fragment: `#draft=...&platform=x&kind=post&handle=@a`, or null.
export function parseFragment(hash) {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!/(^|&)draft=/.test(raw)) return null;
  const params = new URLSearchParams(raw);
  return {
    draft: params.get("draft") ?? "",
    platform: params.get("platform"),
    kind: params.get("kind"),
    handles: params.getAll("handle"),
    cw: params.get("cw") ?? "", // the content warning, where the platform has one
  };
}

// `wanted` if it is one of `offered`, else null: a link or a stored value never sets a
// selector to something it does not offer.
export function pickOption(offered, wanted) {
  return typeof wanted === "string" && offered.includes(wanted) ? wanted : null;
}

// ------------------------------------------------------------------ edits and threads

// `text` with `[start, end)` (UTF-16) replaced by `insert`.
export function applyEdit(text, { start_utf16: start, end_utf16: end, text: insert }) {
  return text.slice(0, start) + insert + text.slice(end);
}

// The kinds a platform has, from its option's data-kinds ("post reply thread"); every kind
// when the option says nothing.
export function kindsFor(kinds, all) {
  const listed = (kinds || "").split(/\s+/).filter(Boolean);
  return listed.length ? all.filter((k) => listed.includes(k)) : all;
}

// The next (or previous) finding's span from the caret: wraps around.
export function nextSpan(spans, caret, back = false) {
  if (!spans.length) return null;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  if (back) {
    for (let i = sorted.length - 1; i >= 0; i -= 1) if (sorted[i].start < caret) return sorted[i];
    return sorted[sorted.length - 1];
  }
  for (const s of sorted) if (s.start > caret) return s;
  return sorted[0];
}
