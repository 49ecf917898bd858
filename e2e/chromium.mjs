// What the end-to-end tests and the benchmarks (scripts/bench-*.mjs) share: the project's paths,
// the Chromium they drive, and the hook every meeting on the timeline carries.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// DIDAR_DIST: another build to test (e.g. one made before a fix, to see a test fail).
export const DIST = process.env.DIDAR_DIST || join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'e2e', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without these Chromium keeps trying to reach Google's services on a closed network.
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const EVENT = '[data-testid="timeline-event"]';

/** Headless Chromium with those arguments. */
export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** For a test suite: serve dist/ and launch Chromium before its tests, close both
 * after. Returns the object that then holds `server` and `browser`. */
export function servedApp() {
  const app = {};
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run scripts/build first');
    app.server = await serve(DIST, 0);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Make a file inside the page, ready to import: made here, before any timing
 * starts (Playwright's own setInputFiles would put its transfer of megabytes on
 * the page's main thread). */
export const stageFile = (page, name, text, type = 'application/json') =>
  page.evaluate(([n, t, ty]) => { window.__staged = new File([t], n, { type: ty }); }, [name, text, type]);

/** Give the staged file to the import input, as a user picking it. */
export const importStaged = (page) => page.evaluate(() => {
  const input = document.querySelector('[data-testid="import-input"]');
  const dt = new DataTransfer();
  dt.items.add(window.__staged);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
});

/** Everything the database holds, store by store. */
export const dump = (p) => p.evaluate(() => new Promise((ok, fail) => {
  const open = indexedDB.open('didar');
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const out = {};
    for (const n of names) {
      const req = tx.objectStore(n).getAll();
      req.onsuccess = () => { out[n] = req.result; };
    }
    tx.oncomplete = () => { db.close(); ok(out); };
  };
}));

