// The worker client (overrides/assets/checker/runtime.js) with a stand-in worker and clock.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Runtime, TimeoutError } from "../../overrides/assets/checker/runtime.js";

// A worker that records what it is sent and answers when told to.
function fakeSpawner() {
  const workers = [];
  const spawn = () => {
    const w = { sent: [], terminated: false, onMessage: null, onError: null };
    w.worker = { postMessage: (m) => w.sent.push(m), terminate: () => (w.terminated = true) };
    w.say = (m) => w.onMessage(m);
    workers.push(w);
    return {
      worker: w.worker,
      listen(onMessage, onError) {
        w.onMessage = onMessage;
        w.onError = onError;
      },
    };
  };
  return { spawn, workers };
}

// setTimeout/clearTimeout that run only when the test advances the clock.
function fakeClock() {
  let now = 0;
  const timers = new Map();
  let next = 1;
  return {
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
}

function started(timeoutMs = 1000) {
  const { spawn, workers } = fakeSpawner();
  const clock = fakeClock();
  const rt = new Runtime({ workerURL: "w.js" }, { spawn, timeoutMs, timers: clock });
  const states = [];
  rt.subscribe((r) => states.push(r.state));
  return { rt, workers, clock, states };
}

test("requests carry ids and each gets its own answer", async () => {
  const { rt, workers } = started();
  workers[0].say({ type: "ready", python: "3.14" });
  const a = rt.request({ type: "check", text: "a" });
  const b = rt.request({ type: "check", text: "b" });
  const [ma, mb] = workers[0].sent;
  assert.notEqual(ma.id, mb.id);
  workers[0].say({ type: "result", id: mb.id, report: "B" });
  workers[0].say({ type: "error", id: ma.id, message: "boom" });
  assert.equal((await b).report, "B");
  await assert.rejects(a, /boom/);
  assert.equal(rt.state, "ready", "one failed request leaves the runtime running");
});

test("a request that does not answer in time fails and the worker is restarted", async () => {
  const { rt, workers, clock, states } = started(1000);
  workers[0].say({ type: "ready" });
  const stuck = rt.request({ type: "check", text: "hangs" });
  clock.advance(999);
  assert.equal(rt.state, "ready");
  clock.advance(1);
  await assert.rejects(stuck, TimeoutError);
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2, "a fresh worker");
  assert.equal(rt.state, "loading");
  assert.equal(rt.restarts, 1);
  workers[1].say({ type: "ready" });
  assert.deepEqual(states, ["loading", "ready", "loading", "ready"]);
  // a late answer from the old worker is not delivered to anyone
  workers[0].say({ type: "result", id: workers[0].sent[0].id, report: "late" });
  const fresh = rt.request({ type: "check", text: "next" });
  workers[1].say({ type: "result", id: workers[1].sent[0].id, report: "ok" });
  assert.equal((await fresh).report, "ok");
});

test("the clock of a request sent during boot starts when Python is ready", async () => {
  const { rt, workers, clock } = started(1000);
  const early = rt.request({ type: "check", text: "typed while loading" });
  clock.advance(5000); // booting is slow; that is not the request's fault
  assert.equal(rt.state, "loading");
  workers[0].say({ type: "ready" });
  clock.advance(999);
  workers[0].say({ type: "result", id: workers[0].sent[0].id, report: "in time" });
  assert.equal((await early).report, "in time");
});

test("a request with no time limit waits (the bench's long runs)", async () => {
  const { rt, workers, clock } = started(1000);
  workers[0].say({ type: "ready" });
  const long = rt.request({ type: "bench" }, { timeoutMs: 0 });
  clock.advance(60_000);
  assert.equal(workers.length, 1);
  workers[0].say({ type: "bench", id: workers[0].sent[0].id, times: [1] });
  assert.deepEqual((await long).times, [1]);
});

test("a failed boot is an error state; retry starts a new worker", async () => {
  const { rt, workers } = started();
  const waiting = rt.request({ type: "check" });
  workers[0].say({ type: "failed", message: "no wasm" });
  assert.equal(rt.state, "error");
  assert.equal(rt.error, "no wasm");
  await assert.rejects(waiting, /no wasm/);
  await assert.rejects(rt.request({ type: "check" }), /no wasm/);
  rt.retry();
  assert.equal(rt.state, "loading");
  workers[1].say({ type: "ready" });
  assert.equal(rt.state, "ready");
});

test("a worker that cannot be created says why, in the reader's words when given", () => {
  const spawn = () => {
    throw Object.assign(new Error("WebAssembly"), { plain: "This browser cannot run WebAssembly." });
  };
  const rt = new Runtime({}, { spawn });
  assert.equal(rt.state, "error");
  assert.equal(rt.error, "This browser cannot run WebAssembly.");
  const blocked = new Runtime({}, { spawn: () => { throw new Error("CSP"); } });
  assert.match(blocked.error, /did not let the checker start its worker \(CSP\)/);
});
