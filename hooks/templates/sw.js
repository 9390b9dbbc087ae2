// The handbook's service worker: the checker works offline after one visit, and repeat visits
// take the Python runtime from this cache instead of the network.
//
// hooks/checker_assets.py writes it to the site's root folder (its scope is the folder it is
// served from, and GitHub Pages cannot widen that with a header), filling in BUILD and
// PRECACHE. The checker page registers it once Python is ready (boot.js), so it never competes
// with the page's own downloads, and its install then mostly reads the HTTP cache.
//
// - Cache-first: the runtime (assets/pyodide/<version>/), the checker's files (URLs carry a
//   version or a content hash) and Material's hashed bundles: their URL changes when their
//   content does.
// - Network-first, the cache as fallback: pages, and config.json (the team's settings).
// - One cache per build: a new deploy brings a new sw.js (BUILD differs), which installs its
//   own cache and deletes the others when it activates.

const BUILD = "__BUILD__";
const PRECACHE = __PRECACHE__; // paths relative to the scope: what the checker page needs
const CACHE = `etiquette-${BUILD}`;
const SCOPE = self.registration.scope;
const CACHE_FIRST = ["assets/pyodide/", "assets/checker/", "assets/javascripts/", "assets/stylesheets/"];
const NETWORK_FIRST = ["assets/checker/config.json"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One at a time and each on its own: one missing file must not lose all the others.
      for (const path of PRECACHE) {
        const url = new URL(path, SCOPE).href;
        if (await cache.match(url)) continue;
        try {
          // revalidated: a file changed in place by this deploy must not come from the HTTP cache
          const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
          if (response.ok) await cache.put(url, response);
        } catch {
          // offline while installing: the fetch handler fills the cache later
        }
      }
      for (const path of PRECACHE.filter((p) => p.endsWith(".snapshot.gz"))) {
        await keepInflated(cache, new URL(path, SCOPE).href);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("etiquette-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = request.url.slice(SCOPE.length).split("?")[0];
  const cacheFirst =
    CACHE_FIRST.some((prefix) => path.startsWith(prefix)) && !NETWORK_FIRST.includes(path);
  event.respondWith(cacheFirst ? fromCache(request) : fromNetwork(request));
});

// The checker's memory snapshot is kept inflated (12 MB instead of 5): a warm visit then
// reads it as it is, where inflating it again would cost the checker's start a few hundred
// ms. Done here, while installing, off the page's way. The worker (worker.js,
// fetchSnapshotFile) takes either form; the header says which, its first bytes too.
async function keepInflated(cache, url) {
  try {
    const stored = await cache.match(url);
    if (!stored || stored.headers.get("X-Etiquette-Inflated")) return;
    const bytes = new Uint8Array(await stored.arrayBuffer());
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || typeof DecompressionStream !== "function") return;
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    const body = await new Response(inflated).arrayBuffer();
    const headers = { "Content-Type": "application/octet-stream", "X-Etiquette-Inflated": "1" };
    await cache.put(url, new Response(body, { headers }));
  } catch {
    // the gzipped copy stays, which the worker inflates itself
  }
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (err) {
    // Offline, and a page from an older visit asks for an older ?v=: the current file is
    // the best there is.
    const near = await cache.match(request, { ignoreSearch: true });
    if (near) return near;
    throw err;
  }
}

async function fromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const hit = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}
