// The checker page's pure logic (overrides/assets/checker/marks.js), under `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  applyEdit,
  kindsFor,
  nextSpan,
  backdropPieces,
  draftHash,
  findingKeys,
  groupFindings,
  isNewDraft,
  parseFragment,
  pickOption,
  restoreIgnores,
  shiftMarks,
  summaryText,
  tally,
} from "../../overrides/assets/checker/marks.js";

// A finding as the report gives it, for the words `words` (their first place at or after `from`).
function finding(text, rule, words, { severity = "warning", from = 0, message = `${rule} says` } = {}) {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `${words} is in the draft`);
  return { rule, severity, message, fix: `fix ${rule}`, start_utf16: start, end_utf16: start + words.length };
}

const DRAFT = "Use code SPRING20 now! 30% off. Don't miss out. Use code SPRING20 again.";
const FINDINGS = [
  finding(DRAFT, "hard-sell", "Use code SPRING20"),
  finding(DRAFT, "hard-sell", "30% off"),
  finding(DRAFT, "shouting", "now!", { severity: "suggestion" }),
  finding(DRAFT, "hard-sell", "Don't miss out", { severity: "error" }),
  finding(DRAFT, "hard-sell", "Use code SPRING20", { from: 10 }),
];

test("marks before an edit stay, marks after it move, marks it touched go", () => {
  const before = "aaa BBB ccc DDD";
  const marks = [
    { start: 4, end: 7, severity: "warning" }, // BBB
    { start: 12, end: 15, severity: "error" }, // DDD
  ];
  const after = "aaa BBB cXXXcc DDD"; // typed inside "ccc"
  assert.deepEqual(shiftMarks(marks, before, after), [marks[0], { start: 15, end: 18, severity: "error" }]);
  assert.deepEqual(shiftMarks(marks, before, "aaa BxB ccc DDD"), [marks[1]]);
  // each kept mark still covers the words it flagged
  assert.deepEqual(shiftMarks(marks, before, after).map((m) => after.slice(m.start, m.end)), ["BBB", "DDD"]);
});

test("a new draft is an emptied box or a wholesale replacement, not an edit", () => {
  const draft = "Launch day! Use code SPRING20 for 30% off everything we make.";
  assert.equal(isNewDraft(draft, `${draft} Thanks all.`), false);
  assert.equal(isNewDraft(draft, draft.replace("everything", "all")), false);
  assert.equal(isNewDraft(draft, ""), true);
  assert.equal(isNewDraft(draft, "   \n"), true);
  assert.equal(isNewDraft(draft, "A different post entirely, about our team offsite."), true);
  assert.equal(isNewDraft("", "First words"), false);
});

test("backdrop pieces cover the text once, each with its loudest severity", () => {
  const text = "0123456789";
  const pieces = backdropPieces(text, [
    { start: 2, end: 6, severity: "suggestion" },
    { start: 4, end: 8, severity: "error" },
    { start: 9, end: 20, severity: "warning" }, // past the end: cut at the end
    { start: 5, end: 5, severity: "error" }, // empty: ignored
  ]);
  assert.equal(pieces.map((p) => p.text).join(""), text);
  assert.deepEqual(
    pieces.map((p) => [p.text, p.severity]),
    [["01", null], ["23", "suggestion"], ["45", "error"], ["67", "error"], ["8", null], ["9", "warning"]],
  );
  const current = backdropPieces(text, [{ start: 1, end: 3, severity: "warning", current: true }]);
  assert.deepEqual(current.map((p) => p.current), [false, true, false]);
  assert.equal(backdropPieces(text, Array.from({ length: 10 }, (_, i) => ({ start: i, end: i + 1, severity: "error" })), 3)
    .filter((p) => p.severity).length, 3);
});

test("a finding's key is its rule, its words and which occurrence of them", () => {
  const keys = findingKeys(FINDINGS, DRAFT);
  assert.equal(new Set(keys).size, FINDINGS.length);
  assert.equal(keys[0], "hard-sell\u0000Use code SPRING20\u00000");
  assert.equal(keys[4], "hard-sell\u0000Use code SPRING20\u00001");
  // typing elsewhere keeps every key; editing the flagged words changes that one
  const edited = `Hello! ${DRAFT}`;
  const moved = FINDINGS.map((f) => ({ ...f, start_utf16: f.start_utf16 + 7, end_utf16: f.end_utf16 + 7 }));
  assert.deepEqual(findingKeys(moved, edited), keys);
});

test("one card per rule, in report order, with every span and its loudest severity", () => {
  const cards = groupFindings(FINDINGS, DRAFT);
  assert.deepEqual(cards.map((c) => c.rule), ["hard-sell", "shouting"]);
  const [sell, shout] = cards;
  assert.equal(sell.severity, "error");
  assert.deepEqual(sell.spans.map((s) => DRAFT.slice(s.start, s.end)), [
    "Use code SPRING20", "30% off", "Don't miss out", "Use code SPRING20",
  ]);
  assert.equal(shout.spans.length, 1);
  assert.ok(sell.spans.every((s) => !s.ignored));
});

test("ignoring one span leaves the rule's other spans, and the tally counts it", () => {
  const keys = findingKeys(FINDINGS, DRAFT);
  const cards = groupFindings(FINDINGS, DRAFT, new Set([keys[1]]));
  assert.deepEqual(cards[0].spans.map((s) => s.ignored), [false, true, false, false]);
  assert.deepEqual(tally(cards), { bySeverity: { error: 1, warning: 2, suggestion: 1 }, ignored: 1 });
  const report = { length: { count: 70, limit: 280, over: false } };
  assert.equal(summaryText(cards, report, DRAFT), "1 error, 2 warnings, 1 suggestion. Length 70 of 280. 1 ignored.");
  assert.equal(summaryText([], report, " "), "Empty draft.");
});

test("saved ignores come back only with the draft they were saved with", () => {
  const saved = { draft: draftHash(DRAFT), keys: ["a", "b", 3] };
  assert.deepEqual([...restoreIgnores(saved, DRAFT)], ["a", "b"]);
  assert.equal(restoreIgnores(saved, `${DRAFT} `).size, 0);
  assert.equal(restoreIgnores(["hard-sell"], DRAFT).size, 0, "the old per-rule format is dropped");
  assert.equal(restoreIgnores(null, DRAFT).size, 0);
  assert.notEqual(draftHash("ab"), draftHash("ba"));
  assert.equal(draftHash(DRAFT), draftHash(`${DRAFT}`));
});

test("a link's fragment is read, and only offered choices are picked", () => {
  assert.equal(parseFragment("#platform=x"), null);
  assert.deepEqual(parseFragment("#draft=Hi%20there&platform=mastodon&kind=reply&handle=%40a&handle=%40b"), {
    draft: "Hi there", platform: "mastodon", kind: "reply", handles: ["@a", "@b"], cw: "",
  });
  assert.equal(parseFragment("#draft=Hi&platform=mastodon&cw=Spoilers%20%F0%9F%91%80").cw, "Spoilers 👀");
  assert.equal(parseFragment("draft=").draft, "");
  assert.equal(pickOption(["x", "mastodon"], "mastodon"), "mastodon");
  assert.equal(pickOption(["x", "mastodon"], "myspace"), null);
  assert.equal(pickOption(["x"], null), null);
  assert.equal(pickOption(["x"], ["x"]), null);
});

test("an edit replaces its UTF-16 span", () => {
  const text = "We 😀 leverage it";
  assert.equal(applyEdit(text, { start_utf16: 6, end_utf16: 14, text: "use" }), "We 😀 use it");
});

test("a platform's kinds come from its option, in the page's order", () => {
  const all = ["post", "reply", "invitation", "thread"];
  assert.deepEqual(kindsFor("thread post reply", all), ["post", "reply", "thread"]);
  assert.deepEqual(kindsFor("", all), all);
});

test("the next finding wraps around, and the one before too", () => {
  const spans = [{ start: 20, end: 25 }, { start: 3, end: 8 }];
  assert.equal(nextSpan(spans, 0).start, 3);
  assert.equal(nextSpan(spans, 3).start, 20);
  assert.equal(nextSpan(spans, 21).start, 3);
  assert.equal(nextSpan(spans, 21, true).start, 20);
  assert.equal(nextSpan(spans, 3, true).start, 20);
  assert.equal(nextSpan([], 0), null);
});
