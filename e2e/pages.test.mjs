// Saved news pages and legacy encodings imported in the app (headless Chromium):
// the browser's DOMParser and TextDecoder path of src/readable.rs and src/import.rs,
// on the fixtures that tests/pages.rs reads natively.
// Run: `node --test e2e/pages.test.mjs` after `scripts/build`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT, ROOT, servedApp } from './chromium.mjs';
import { FILES } from './pages.mjs';

const PAGES = join(ROOT, 'tests', 'pages');

describe('saved pages and legacy encodings imported in Chromium', () => {
  const app = servedApp();

  for (const [file, article, boilerplate] of FILES) {
    test(`${file}: the article's meetings, none from the boilerplate`, async () => {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      const errors = [];
      const requests = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(app.server.origin + '/');
      await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
      // Meetings per parties before and after the import (the seeds have an IR-KZ one, for instance).
      const count = () => page.locator(EVENT).evaluateAll((els) => {
        const n = {};
        for (const e of els) n[e.dataset.parties] = (n[e.dataset.parties] ?? 0) + 1;
        return n;
      });
      const before = await count();
      const total = Object.values(before).reduce((a, b) => a + b, 0);
      const type = file.endsWith('.html') ? 'text/html' : 'text/plain';
      await page.locator('[data-testid="import-input"]').setInputFiles({ name: file, mimeType: type, buffer: readFileSync(join(PAGES, file)) });
      const msg = page.locator('[data-testid="import-message"]');
      await msg.waitFor({ timeout: 10_000 });
      assert.match(await msg.textContent(), /Added 1 article/);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline-event"]').length > n, total, { timeout: 5000 });
      const after = await count();
      const added = Object.entries(after).filter(([p, n]) => n > (before[p] ?? 0)).map(([p]) => p).sort();
      assert.deepEqual(added, [...article].sort(), `${file}: the article's meetings and no others were added`);
      for (const p of boilerplate) assert.equal(after[p] ?? 0, before[p] ?? 0, `${file}: no ${p} meeting from the boilerplate`);
      assert.ok(await page.locator('[data-testid="article"]').count() > 0);
      assert.deepEqual(requests.filter((u) => !u.startsWith(app.server.origin + '/')), [], 'nothing the page names was fetched');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
