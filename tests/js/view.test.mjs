// The checker page's views (overrides/assets/checker/view.js), built in a stand-in document.
import assert from "node:assert/strict";
import { test } from "node:test";

import { findingKeys, groupFindings } from "../../overrides/assets/checker/marks.js";
import { findingsNodes, meterNodes,
  threadCards, paintBackdrop, spanMessage } from "../../overrides/assets/checker/view.js";
import { fakeDocument } from "./fake-dom.mjs";

const DRAFT = "Use code SPRING20 now! Don't miss out <b>today</b>.";
const at = (words) => [DRAFT.indexOf(words), DRAFT.indexOf(words) + words.length];
const f = (rule, words, severity = "warning", message = `${rule}: hedged advice`) => {
  const [start, end] = at(words);
  return { rule, severity, message, fix: `do this instead of ${rule}`, start_utf16: start, end_utf16: end };
};
const FINDINGS = [
  f("hard-sell", "Use code SPRING20"),
  f("shouting", "now!", "suggestion"),
  f("hard-sell", "Don't miss out", "warning", "hard-sell: another reason"),
  f("hard-sell", "<b>today</b>"),
];

function render(ignored = new Set(), opts = {}) {
  const doc = fakeDocument();
  const calls = [];
  const on = new Proxy({}, { get: (_, name) => (arg) => calls.push([name, arg]) });
  const root = doc.createElement("div");
  const cards = groupFindings(FINDINGS, DRAFT, ignored);
  const count = [...ignored].length;
  root.replaceChildren(...findingsNodes(doc, cards, DRAFT, on, { ignored: count, rulePage: (r) => `/rules/${r}/`, ...opts }));
  return { root, calls };
}

test("one card per rule, one [data-span] per flagged span, each with its own Ignore", () => {
  const { root } = render();
  const cards = root.querySelectorAll("li[data-rule]");
  assert.deepEqual(cards.map((c) => [c.getAttribute("data-rule"), c.getAttribute("data-severity")]), [
    ["hard-sell", "warning"],
    ["shouting", "suggestion"],
  ]);
  const spans = cards[0].querySelectorAll("[data-span]");
  assert.equal(spans.length, 3);
  for (const span of spans) assert.equal(span.querySelectorAll("button[data-ignore]").length, 1);
  assert.deepEqual(spans.map((s) => s.querySelector("q").textContent), ["Use code SPRING20", "Don't miss out", "<b>today</b>"]);
  // the messages differ, so each span says its own and the card none
  assert.deepEqual(spans.map((s) => s.querySelector("span").textContent), [
    "hard-sell: hedged advice", "hard-sell: another reason", "hard-sell: hedged advice",
  ]);
  assert.equal(cards[0].querySelectorAll("p").filter((p) => p.className === "etq-finding__msg").length, 0);
  // one message for a card whose spans all say the same
  assert.equal(cards[1].querySelectorAll("p").filter((p) => p.className === "etq-finding__msg").length, 1);
  assert.equal(cards[1].querySelectorAll("span").filter((e) => e.className === "etq-span__msg").length, 0);
  assert.equal(cards[0].querySelector("a").getAttribute("href"), "/rules/hard-sell/");
  assert.deepEqual(root.querySelectorAll("h3").map((h) => h.textContent), ["Warnings (3)", "Suggestions (1)"]);
});

test("markup in a draft stays text: no element is made from it", () => {
  const { root } = render();
  assert.equal(root.querySelectorAll("b").length, 0);
  assert.ok(root.textContent.includes("<b>today</b>"));
});

test("clicking a span shows it, its Ignore ignores that span only", () => {
  const { root, calls } = render();
  const spans = root.querySelectorAll("[data-span]");
  spans[1].querySelector("button").click(); // the quote
  spans[1].querySelector("button[data-ignore]").click();
  spans[2].click(); // anywhere on the row
  assert.deepEqual(calls.map(([name, span]) => [name, DRAFT.slice(span.start, span.end)]), [
    ["show", "Don't miss out"],
    ["ignore", "Don't miss out"],
    ["show", "<b>today</b>"],
  ]);
  assert.equal(calls[1][1].key, findingKeys(FINDINGS, DRAFT)[2]);
});

test("ignored spans are hidden and counted, and one click shows them with Stop ignoring", () => {
  const keys = findingKeys(FINDINGS, DRAFT);
  const ignored = new Set([keys[1], keys[2]]); // the only shouting, one hard-sell
  const hidden = render(ignored);
  assert.deepEqual(hidden.root.querySelectorAll("li[data-rule]").map((c) => c.getAttribute("data-rule")), ["hard-sell"]);
  assert.equal(hidden.root.querySelectorAll("[data-span]").length, 2);
  const bar = hidden.root.querySelector("[data-checker-ignored]");
  assert.equal(bar.getAttribute("data-checker-ignored"), "2");
  assert.match(bar.textContent, /2 findings ignored in this draft\. Show them/);
  bar.querySelector("button").click();
  assert.deepEqual(hidden.calls.map(([name]) => name), ["toggleIgnored"]);

  const shown = render(ignored, { showIgnored: true });
  const cards = shown.root.querySelectorAll("li[data-rule]");
  assert.equal(cards.length, 2);
  assert.equal(shown.root.querySelectorAll("li[data-ignored=true]").filter((e) => e.hasAttribute("data-span")).length, 2);
  assert.equal(shown.root.querySelectorAll("button[data-unignore]").length, 2);
  assert.equal(cards.find((c) => c.getAttribute("data-rule") === "shouting").getAttribute("data-ignored"), "true");
  assert.match(shown.root.querySelector("[data-checker-ignored]").textContent, /Hide them/);
});

test("a clean draft says so; rules turned off are listed with Turn on", () => {
  const doc = fakeDocument();
  const calls = [];
  const on = { turnOn: (rule) => calls.push(rule) };
  const root = doc.createElement("div");
  root.replaceChildren(...findingsNodes(doc, [], "A fine post.", on, { off: ["shouting"] }));
  assert.match(root.textContent, /Nothing to flag/);
  root.querySelector("[data-checker-off]").querySelector("button").click();
  assert.deepEqual(calls, ["shouting"]);
  root.replaceChildren(...findingsNodes(doc, [], "  ", on, {}));
  assert.match(root.textContent, /Type or paste a draft/);
});

test("the backdrop repeats the text with tinted pieces and a trailing marker", () => {
  const doc = fakeDocument();
  const layer = doc.createElement("div");
  paintBackdrop(layer, [
    { text: "Hi ", severity: null },
    { text: "NOW", severity: "error", current: true },
    { text: "\n", severity: null },
  ]);
  assert.equal(layer.textContent, "Hi NOW\n\u200b");
  const [mark] = layer.querySelectorAll("span");
  assert.equal(mark.className, "etq-mark etq-mark--error etq-mark--current");
});

test("the meter says count, what is left, and what the network counts", () => {
  const doc = fakeDocument();
  const root = doc.createElement("div");
  root.replaceChildren(...meterNodes(doc, { count: 290, limit: 280, unit: "weighted", over: true }));
  assert.match(root.textContent, /^290 \/ 280 · 10 over the limit/);
  const row = { counting: "characters, except that each emoji counts its bytes", note: "Here each emoji counts 4." };
  root.replaceChildren(...meterNodes(doc, {
    count: 30, limit: 500, unit: "characters", over: false,
    posts: [{ count: 30, over: false }, { count: 12, over: false }],
  }, row));
  assert.match(root.textContent, /^Longest post: 30 \/ 500 · 470 left/);
  assert.match(root.textContent, /Counted in characters, except that each emoji counts its bytes\. Here each emoji counts 4\./);
  // the posts' own lengths are on the thread's cards, not listed again here
  assert.equal(root.querySelectorAll("li").length, 0);
});

test("the meter says when a content warning is counted, and whose limit it is", () => {
  const doc = fakeDocument();
  const root = doc.createElement("div");
  const length = { count: 40, limit: 1000, unit: "graphemes", over: false };
  root.replaceChildren(...meterNodes(doc, length));
  assert.doesNotMatch(root.textContent, /content warning|server/i);
  root.replaceChildren(...meterNodes(doc, { ...length, content_warning: 12 }, null, { limitNote: "your server's limit" }));
  assert.match(root.textContent, /^40 \/ 1,000 · 960 left \(your server's limit\)/);
  assert.match(root.textContent, /Content warning included \(12\)\./);
  root.replaceChildren(...meterNodes(doc, { ...length, count: 1003, over: true, content_warning: 12 }, null,
    { limitNote: "your server's limit" }));
  assert.match(root.textContent, /^1,003 \/ 1,000 · 3 over your server's limit/);
  // no stray "null" text where a part is left out
  root.replaceChildren(...meterNodes(doc, length));
  assert.doesNotMatch(root.textContent, /null/);
});

test("a thread's cards number each post once, with its length and a copy button", () => {
  const doc = fakeDocument();
  const copied = [];
  const cards = threadCards(doc, [{ text: "One", count: 3, over: false }, { text: "Two!", count: 504, over: true }], 500,
    (text, i) => copied.push([text, i]));
  assert.equal(cards.length, 2);
  assert.match(cards[0].textContent, /^Post 1 of 2 3 \/ 500/);
  assert.match(cards[1].textContent, /504 \/ 500, 4 over/);
  assert.equal(cards[1].getAttribute("data-over"), "true");
  cards[1].querySelector("[data-copy-post]").click();
  assert.deepEqual(copied, [["Two!", 1]]);
});

test("a span's message does not say its quoted words twice", () => {
  assert.equal(spanMessage("“20% off” is selling language.", "20% off"), "is selling language.");
  assert.equal(spanMessage("Selling language.", "20% off"), "Selling language.");
});
