// Didar's service worker: the app opens with the network gone after one visit.
// dist/sw.js is made from this file by scripts/offline.mjs, which puts in the list
// of the built files (hashed names) and their SHA-256; do not edit dist/sw.js.
//
// - install: every file of this build is fetched past the HTTP cache and checked
//   against the hash the build recorded (fetch's `integrity`), into a cache of its
//   own. A host caught halfway through a deploy (a new JS glue beside an old wasm)
//   fails the check, and the version already installed stays in charge.
// - activate: at once (a page already open keeps the files it loaded; the files it
//   may still ask for, the fonts, keep their names across builds); the caches of
//   earlier builds at this scope are deleted.
// - fetch: the page and its files come from this build's cache, never a mix of
//   builds: index.html names its JS glue and wasm by their hashes. Anything else
//   goes to the network as if there were no worker.
'use strict';
const VERSION = '__DIDAR_VERSION__';
const FILES = __DIDAR_FILES__;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `didar ${SCOPE.href} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(FILES.map(async ([path, integrity]) => {
        const url = new URL(path, SCOPE).href;
        const response = await fetch(new Request(url, { cache: 'no-store', credentials: 'same-origin', integrity }));
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        await cache.put(url, response);
      }));
    } catch (e) {
      await caches.delete(CACHE);
      throw e;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  const page = request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.href.split(/[?#]/)[0] === INDEX);
  const key = page ? INDEX : url.href.split('#')[0];
  event.respondWith((async () => {
    const hit = await (await caches.open(CACHE)).match(key);
    return hit ?? fetch(request);
  })());
});
