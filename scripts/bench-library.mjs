// Capacity benchmark of the built web app (dist/) in headless Chromium: a library of
// N articles (default 10,000: copies of the development corpus, each with its own id)
// is imported, saved in IndexedDB and opened again after a reload.
//
//   scripts/build && node scripts/bench-library.mjs [N=10000]
//
// Prints the time to import and the longest main-thread task meanwhile, the time
// until every article is saved, the storage used, the time from reload to the
// library opened and its timeline drawn, and the longest main-thread task while it
// opens, then the time a search over its whole timeline takes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, EVENT, ROOT, importStaged, launch, stageFile } from '../e2e/chromium.mjs';
import { serve } from '../e2e/serve.mjs';

const N = Number(process.argv[2] ?? 10_000);
const devDir = join(ROOT, 'tests', 'data', 'dev', 'articles');
const dev = readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(devDir, f), 'utf8'));
const articles = Array.from({ length: N }, (_, i) => ({ id: `library-${i}`, text: `${dev[i % dev.length]}\n\n(copy ${i})` }));

const { origin, close } = await serve(DIST, 0);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const opened = () => page.waitForFunction(() => !/Opening/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? 'Opening'), null, { timeout: 600_000 });
  await page.goto(`${origin}/`);
  await opened();
  await stageFile(page, 'library.json', JSON.stringify(articles));
  await page.evaluate(() => { window.__long = []; });
  let t = Date.now();
  await importStaged(page);
  const message = await page.locator('[data-testid="import-message"]').textContent({ timeout: 600_000 });
  if (!new RegExp(`Added ${N} articles`).test(message)) throw new Error(`import: ${message}`);
  const importLongest = await page.evaluate(() => Math.max(0, ...window.__long));
  console.log(`import of ${N} articles:      ${Date.now() - t} ms; longest task ${importLongest.toFixed(0)} ms (${message.trim()})`);
  const saved = () => page.evaluate(() => new Promise((ok, fail) => {
    const r = indexedDB.open('didar');
    r.onerror = () => fail(r.error);
    r.onsuccess = () => { const db = r.result; const q = db.transaction('articles').objectStore('articles').count(); q.onsuccess = () => { db.close(); ok(q.result); }; };
  }));
  t = Date.now();
  let n = 0;
  while (n < N && Date.now() - t < 600_000) { await page.waitForTimeout(250); n = await saved(); }
  if (n < N) throw new Error(`only ${n} of ${N} articles saved`);
  console.log(`all saved in IndexedDB:        ${Date.now() - t} ms after the import`);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  console.log(`storage used:                  ${(usage / 1e6).toFixed(1)} MB`);
  const cached = () => page.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('didar');
    r.onsuccess = () => { const db = r.result; const q = db.transaction('analyses').objectStore('analyses').count(); q.onsuccess = () => { db.close(); ok(q.result); }; };
  }));
  // The first reload analyses every article (and caches the analyses after); the second draws from the cache.
  for (const what of ['reload to the library opened:', 'again, analyses cached:']) {
    t = Date.now();
    await page.reload();
    await opened();
    await page.locator(EVENT).first().waitFor({ timeout: 600_000 });
    const longest = await page.evaluate(() => Math.max(0, ...window.__long));
    console.log(`${what.padEnd(31)}${Date.now() - t} ms; longest task ${longest.toFixed(0)} ms; ${await page.locator('[data-testid="storage-status"]').getAttribute('data-cached')} analyses from the cache`);
    const waited = Date.now();
    while ((await cached()) < N && Date.now() - waited < 120_000) await page.waitForTimeout(250);
  }
  // A search over the whole timeline: the first letters (which make the search's
  // texts) and one more (which only filters).
  for (const [what, text] of [['search, first letters:', 'kaz'], ['search, one more letter:', 'kaza']]) {
    await page.evaluate(() => { window.__long = []; });
    t = Date.now();
    await page.locator('[data-testid="filter-text"]').fill(text);
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(true), 0))));
    const took = Date.now() - t;
    const n = await page.locator('[data-testid="meeting-count"]').textContent().catch(() => '?');
    console.log(`${what.padEnd(31)}${took} ms; longest task ${Math.max(0, ...await page.evaluate(() => window.__long)).toFixed(0)} ms (${n})`);
  }
} finally {
  await browser.close();
  await close();
}
