// The worker client's long requests (an audit): progress keeps them alive, errors and
// cancels answer them. A stand-in worker and clock, as in runtime.test.mjs.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Runtime, TimeoutError } from "../../overrides/assets/checker/runtime.js";

function setup(timeoutMs = 1000) {
  let now = 0;
  const timers = new Map();
  let next = 1;
  const clock = {
    setTimeout: (fn, ms) => (timers.set(next, [now + ms, fn]), next++),
    clearTimeout: (id) => timers.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, [at, fn]] of [...timers]) {
        if (at <= now) {
          timers.delete(id);
          fn();
        }
      }
    },
  };
  const workers = [];
  const spawn = () => {
    const w = { sent: [], terminated: false };
    w.worker = { postMessage: (m) => w.sent.push(m), terminate: () => (w.terminated = true) };
    workers.push(w);
    return { worker: w.worker, listen: (onMessage) => (w.say = onMessage) };
  };
  const rt = new Runtime({}, { spawn, timeoutMs, timers: clock });
  workers[0].say({ type: "ready" });
  return { rt, workers, clock };
}

test("progress goes to onProgress and restarts the request's clock", async () => {
  const { rt, workers, clock } = setup(1000);
  const seen = [];
  const audit = rt.request({ type: "audit" }, { onProgress: (m) => seen.push(m.done) });
  const id = workers[0].sent[0].id;
  assert.equal(audit.id, id);
  for (let done = 1; done <= 5; done += 1) {
    clock.advance(900); // 4.5 s in all: longer than the timeout, but never silent for 1 s
    workers[0].say({ type: "audit-progress", id, phase: "auditing", done, total: 5 });
  }
  workers[0].say({ type: "audit-result", id, audit: { posts: 5 } });
  const answer = await audit;
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
  assert.equal(answer.type, "audit-result");
  assert.equal(workers[0].terminated, false);
});

test("a long request that falls silent times out and restarts the worker", async () => {
  const { rt, workers, clock } = setup(1000);
  const audit = rt.request({ type: "audit" }, { onProgress: () => {} });
  const id = workers[0].sent[0].id;
  clock.advance(500);
  workers[0].say({ type: "audit-progress", id, phase: "reading", done: 1, total: 2 });
  clock.advance(1000);
  await assert.rejects(audit, TimeoutError);
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2);
});

test("an -error answer rejects with its message; a cancelled one resolves", async () => {
  const { rt, workers } = setup();
  const bad = rt.request({ type: "audit" });
  workers[0].say({ type: "audit-error", id: bad.id, message: "x.zip: damaged" });
  await assert.rejects(bad, { message: "x.zip: damaged" });
  const cancelled = rt.request({ type: "audit" });
  assert.equal(rt.send({ type: "audit-cancel", id: cancelled.id }), true);
  assert.deepEqual(workers[0].sent.at(-1), { type: "audit-cancel", id: cancelled.id });
  workers[0].say({ type: "audit-cancelled", id: cancelled.id, done: 3, total: 9 });
  assert.equal((await cancelled).type, "audit-cancelled");
});
