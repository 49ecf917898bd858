// Benchmark of the built web app (dist/) in headless Chromium:
//   - wasm + JS size of dist/ (raw and gzip)
//   - time from navigation to the seeds' timeline visible
//   - time to analyse one pasted article (click to its timeline event)
//   - the longest main-thread task during a 1,000-article import (PerformanceObserver
//     'longtask' entries, and the longest gap between animation frames)
//
//   scripts/build && node scripts/bench-web.mjs [runs=5]
//
// The 1,000 articles are the development corpus (tests/data/dev/articles) varied:
// each copy gets its own id, dateline day and a numbered last line.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST, EVENT, ROOT, importStaged, launch, stageFile } from '../e2e/chromium.mjs';
import { serve } from '../e2e/serve.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const PASTE = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// Sizes.
let raw = 0, gz = 0;
for (const f of readdirSync(DIST).filter((f) => /\.(wasm|js)$/.test(f))) {
  const bytes = readFileSync(join(DIST, f));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}

// 1,000 articles from the development corpus.
const devDir = join(ROOT, 'tests', 'data', 'dev', 'articles');
const dev = readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(devDir, f), 'utf8'));
const articles = Array.from({ length: 1000 }, (_, i) => ({
  id: `bench-${String(i).padStart(4, '0')}`,
  text: dev[i % dev.length].replace(/\b([12]?\d)\b/, (d) => String(1 + ((Number(d) + Math.floor(i / dev.length)) % 28))) + `\n\n(copy ${i})`,
}));

const { origin, close } = await serve(DIST, 0);
const browser = await launch();
const timeline = [], paste = [];
let longtask = 0, frameGap = 0, importMs = 0, afterImportPaste = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(origin + '/');
    await page.locator(EVENT).first().waitFor({ state: 'visible', timeout: 30_000 });
    timeline.push(Date.now() - t0);
    await page.waitForFunction(() => /saved in this browser/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? ''));

    await page.locator('[data-testid="article-input"]').fill(PASTE);
    paste.push(await page.evaluate(([ev]) => new Promise((ok) => {
      const before = document.querySelectorAll(ev).length;
      const start = performance.now();
      const seen = () => document.querySelectorAll(ev).length > before;
      new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); ok(performance.now() - start); } })
        .observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid="analyze"]').click();
    }), [EVENT]));

    if (run === 0) {
      await page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
        window.__gaps = [];
        let last = performance.now();
        const tick = () => { const now = performance.now(); window.__gaps.push(now - last); last = now; window.__raf = requestAnimationFrame(tick); };
        window.__raf = requestAnimationFrame(tick);
      });
      await stageFile(page, 'bench.json', JSON.stringify(articles));
      await page.evaluate(() => { window.__long.length = 0; window.__gaps.length = 0; });
      const start = Date.now();
      await importStaged(page);
      await page.locator('[data-testid="import-message"]').waitFor({ timeout: 120_000 });
      importMs = Date.now() - start;
      await page.waitForTimeout(500);
      let tasks;
      [longtask, frameGap, tasks] = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return [Math.max(0, ...window.__long), Math.max(...window.__gaps), window.__long]; });
      if (process.env.VERBOSE) console.log('long tasks (ms):', tasks.map((d) => d.toFixed(0)).join(' '));
      const msg = await page.locator('[data-testid="import-message"]').textContent();
      if (!/Added 1000 articles/.test(msg)) throw new Error(`import: ${msg}`);
      // The list of meetings grows a page of rows per frame; paste once it is whole,
      // so that the figure is the paste's and not the rest of the list's.
      await page.waitForFunction((sel) => {
        const n = document.querySelectorAll(sel).length;
        const same = n === window.__rows;
        window.__rows = n;
        return same;
      }, EVENT, { polling: 300, timeout: 60_000 });
      await page.locator('[data-testid="article-input"]').fill(PASTE.replace('May 5', 'June 6').replace('Wednesday', 'Sunday'));
      const t = Date.now();
      await page.locator('[data-testid="analyze"]').click();
      await page.locator(`${EVENT}[data-date="2021-06-06"]`).first().waitFor({ state: 'attached' });
      afterImportPaste = Date.now() - t;
    }
    await context.close();
  }
} finally {
  await browser.close();
  await close();
}

const ok = (v, target) => (v <= target ? 'ok' : 'OVER TARGET');
console.log(`wasm+JS size:                 ${kb(raw)} raw, ${kb(gz)} gzip            (target ≤ 600 KB gzip: ${ok(gz, 600 * 1024)})`);
console.log(`navigation → seeds' timeline: ${median(timeline)} ms (median of ${RUNS})   (target ≤ 1500 ms: ${ok(median(timeline), 1500)})`);
console.log(`paste → timeline event:       ${median(paste).toFixed(1)} ms (median of ${RUNS})   (target ≤ 50 ms: ${ok(median(paste), 50)})`);
console.log(`1,000-article import:         ${importMs} ms in all; longest task ${longtask.toFixed(0)} ms, longest frame gap ${frameGap.toFixed(0)} ms (target ≤ 200 ms: ${ok(Math.max(longtask, frameGap), 200)})`);
console.log(`paste with 1,000 articles:    ${afterImportPaste} ms`);
