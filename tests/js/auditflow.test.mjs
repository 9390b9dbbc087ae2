// The "Your feed" page's pure logic (overrides/assets/checker/auditflow.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MAX_BYTES,
  cancelledText,
  parseHandles,
  progressOf,
  refusal,
  reportName,
} from "../../overrides/assets/checker/auditflow.js";

test("a file too big is refused before reading, unless it is an archive", () => {
  const big = { name: "tweets.js", size: 200_000_000 };
  assert.equal(
    refusal(big),
    "tweets.js: 200 MB is more than the audit reads (150 MB); export a shorter period, or split the file",
  );
  assert.equal(refusal({ name: "posts.txt", size: MAX_BYTES }), null);
  assert.equal(refusal({ name: "twitter-2024.zip", size: 2_000_000_000 }), null);
  assert.equal(refusal({ name: "archive.tar.gz", size: 900_000_000 }), null);
  assert.equal(refusal(null), "No file was chosen.");
});

test("progress says what is happening, in figures", () => {
  assert.deepEqual(progressOf({ phase: "reading", done: 5e6, total: 20e6 }, "x.zip"), {
    percent: 25,
    text: "Reading x.zip: 5 of 20 MB…",
  });
  assert.deepEqual(progressOf({ phase: "reading", done: 10, total: 40 }, "a.txt"), {
    percent: 25,
    text: "Reading a.txt: 25%…",
  });
  assert.deepEqual(progressOf({ phase: "auditing", done: 2500, total: 10000 }, "x"), {
    percent: 25,
    text: "Auditing: 2,500 of 10,000 posts…",
  });
  assert.equal(progressOf({ phase: "auditing", done: 0, total: 0 }, "x").percent, 0);
  assert.equal(progressOf({ phase: "auditing", done: 9, total: 3 }, "x").percent, 100);
});

test("a cancel says how far it got", () => {
  assert.match(cancelledText({ done: 250, total: 1000 }), /^Cancelled after 250 of 1,000 posts\./);
  assert.match(cancelledText({ done: 0, total: 0 }), /before the file was read/);
});

test("the saved report is named after the handle, else the file", () => {
  assert.equal(reportName({ handle: "mara_writes" }, "x.zip"), "feed-audit-mara_writes.html");
  assert.equal(reportName({ handle: null }, "twitter 2024.zip"), "feed-audit-twitter-2024.html");
  assert.equal(reportName({ handle: "did:plc:abc" }, "r.car"), "feed-audit-did-plc-abc.html");
  assert.equal(reportName(null, ""), "feed-audit-feed.html");
});

test("handles split on spaces and commas", () => {
  assert.deepEqual(parseHandles(" @me, @you;them "), ["@me", "@you", "them"]);
  assert.deepEqual(parseHandles(""), []);
});
