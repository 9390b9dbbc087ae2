// bind.js: the widget is bound once per root Material shows, and cleaned up when it goes.
import assert from "node:assert/strict";
import test from "node:test";

import { bindEach } from "../../overrides/assets/checker/bind.js";

// A window whose document$ emits when the test says a page was shown, holding `root`.
function fakeWindow(withMaterial = true) {
  const subscribers = [];
  const win = {
    root: null,
    document: { querySelector: (selector) => (selector === "[data-widget]" ? win.root : null) },
    show(root) {
      win.root = root;
      for (const fn of subscribers) fn();
    },
  };
  if (withMaterial) win.document$ = { subscribe: (fn) => subscribers.push(fn) && fn() };
  return win;
}

test("each new root is bound once, and the old one cleaned up", () => {
  const win = fakeWindow();
  const log = [];
  bindEach("[data-widget]", (root) => {
    log.push(`bind ${root.name}`);
    return () => log.push(`clean ${root.name}`);
  }, win);
  assert.deepEqual(log, [], "no root on the first page: nothing bound");
  const a = { name: "a" };
  win.show(a);
  win.show(a); // document$ again, same content: not bound twice
  win.show({ name: "b" }); // instant navigation to another checker page
  win.show(null); // to a page without the widget
  assert.deepEqual(log, ["bind a", "clean a", "bind b", "clean b"]);
});

test("without Material the widget is bound at once", () => {
  const win = fakeWindow(false);
  win.root = { name: "plain" };
  const bound = [];
  bindEach("[data-widget]", (root) => bound.push(root.name) && (() => {}), win);
  assert.deepEqual(bound, ["plain"]);
});
