// End-to-end tests of the built app (dist/) in headless Chromium, as a user sees it.
// Run: `node --test e2e/` after `scripts/build` (scripts/test does both).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, EVENT, ROOT, SHOTS, launch } from './chromium.mjs';

const SEED_PARTIES = ['IR-KZ', 'IR-PK', 'IR-RU', 'CF-IR', 'IR-RS', 'IR-UZ', 'IQ-IR', 'IR-TJ'];
const ENGLISH = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> met';

/** Start `node e2e/serve.mjs dist 0` and wait until it answers; resolves to its origin. */
async function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'e2e', 'serve.mjs'), DIST, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`static server did not start: ${out}`)), 10_000);
    child.on('exit', (code) => fail(new Error(`static server exited (${code}): ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(origin + '/')).ok) break;
    } catch (e) {
      if (i > 50) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, stop: () => child.kill('SIGTERM') };
}

/** "2018" → "2018-01-01", "2018-04" → "2018-04-01": the first day, comparable as text. */
const firstDay = (d) => (d + '-01-01').slice(0, 10);

describe('Didar in Chromium', () => {
  let server, browser;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run scripts/build first');
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  /** A fresh page on the app, recording every request, console error and page error. */
  async function open() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const log = { requests: [], errors: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()} (${m.location().url})`); });
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    /** Nothing left 127.0.0.1 and nothing went wrong; then close the page. */
    const finish = async () => {
      const outside = log.requests.filter((u) => !u.startsWith(server.origin + '/'));
      assert.deepEqual(outside, [], 'requests left the local server');
      assert.deepEqual(log.errors, [], 'console or page errors');
      await context.close();
    };
    return { page, log, finish };
  }

  const events = (page) => page.locator(EVENT).evaluateAll((els) => els.map((e) => ({
    parties: e.dataset.parties,
    date: e.dataset.date,
    evidence: [...e.querySelectorAll('.evidence')].map((q) => q.textContent),
  })));

  test('shows the timeline of the bundled seed articles, in date order', async () => {
    const { page, log, finish } = await open();
    const list = await events(page);
    assert.ok(list.length >= 7, `expected at least 7 timeline events, got ${list.length}`);
    for (const e of list) {
      assert.match(e.parties, /^[A-Z0-9]+(-[A-Z0-9]+)+$/, 'data-parties is codes joined by "-"');
      assert.deepEqual(e.parties.split('-'), [...e.parties.split('-')].sort(), `parties are sorted: ${e.parties}`);
      assert.ok(e.evidence.length > 0 && e.evidence.every((t) => t.trim() !== ''), `evidence shown for ${e.parties}`);
    }
    const parties = new Set(list.map((e) => e.parties));
    for (const p of SEED_PARTIES) assert.ok(parties.has(p), `timeline has a ${p} meeting (has ${[...parties].join(', ')})`);

    const dates = list.map((e) => e.date ?? '');
    const firstUndated = dates.indexOf('');
    if (firstUndated >= 0) {
      assert.deepEqual(dates.slice(firstUndated).filter((d) => d !== ''), [], `undated meetings come last: ${dates}`);
    }
    const dated = dates.filter((d) => d !== '');
    for (const d of dated) assert.match(d, /^\d{4}(-\d{2}(-\d{2})?)?$/, 'data-date is YYYY[-MM[-DD]]');
    assert.deepEqual(dated.map(firstDay), [...dated.map(firstDay)].sort(), `dated meetings in chronological order: ${dated}`);

    assert.ok(await page.locator(EVENT).first().isVisible());
    assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched from the local server');

    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'timeline-narrow.png'), fullPage: true });
    await finish();
  });

  test('a pasted English article adds its meeting to the timeline within a second', async () => {
    const { page, finish } = await open();
    const kz = page.locator(`${EVENT}[data-parties="IR-KZ"]`);
    const before = await kz.count();
    await page.locator('[data-testid="article-input"]').fill(ENGLISH);
    await page.locator('[data-testid="analyze"]').click();
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length > n,
      [`${EVENT}[data-parties="IR-KZ"]`, before],
      { timeout: 1000 },
    );
    assert.equal(await kz.count(), before + 1, 'exactly one new IR-KZ meeting');
    const added = kz.filter({ hasText: 'met his Kazakh counterpart in Tehran' });
    assert.equal(await added.count(), 1, 'the new meeting shows the sentence that reports it');
    const evidence = added.locator('.evidence');
    assert.ok(await evidence.first().isVisible(), 'its evidence is visible');
    assert.match(await evidence.first().textContent(), /Amir Hatami met his Kazakh counterpart in Tehran/);
    assert.equal(await added.getAttribute('data-date'), '2021-05-05', 'dated from the dateline');
    assert.equal(await page.locator('[data-testid="article-input"]').inputValue(), '', 'the input is cleared');

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'timeline.png'), fullPage: true });
    await finish();
  });

  test('pasted markup is shown as text, never run', async () => {
    const { page, finish } = await open();
    await page.locator('[data-testid="article-input"]').fill(XSS);
    await page.locator('[data-testid="analyze"]').click();
    const shown = page.locator('[data-testid="article"]', { hasText: '<img src=x onerror=' });
    await shown.first().waitFor({ timeout: 1000 });
    assert.match(await shown.first().textContent(), /<img src=x onerror="window.__pwned=1"><script>window.__pwned=2<\/script> met/);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'the payload did not run');
    assert.equal(await page.locator('body img, body script').count(), 0, 'no element was made from the payload');
    await finish();
  });

  test('dist/ works from any folder of a static host (relative paths)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'didar-host-'));
    const { serve } = await import('./serve.mjs');
    let host;
    try {
      const folder = join(root, 'tools', 'didar app');
      mkdirSync(join(root, 'tools'), { recursive: true });
      cpSync(DIST, folder, { recursive: true });
      host = await serve(root, 0);
      const context = await browser.newContext();
      const page = await context.newPage();
      const failed = [];
      page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
      page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
      await page.goto(`${host.origin}/tools/didar%20app/`);
      await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
      assert.ok(await page.locator(EVENT).count() >= 7, 'the seeds\' timeline');
      assert.deepEqual(failed, [], 'every file found under the folder');
      const faces = await page.evaluate(async () => (await document.fonts.load('16px Vazirmatn', 'ایران')).map((f) => f.status));
      assert.ok(faces.length > 0 && faces.every((s) => s === 'loaded'), `the bundled font loaded from the folder: ${faces}`);
      await context.close();
    } finally {
      await host?.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the single-file build works opened from disk (file://)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'didar-single-'));
    try {
      const file = join(dir, 'index.html');
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'single-file.mjs'), DIST, file], { stdio: 'pipe' });
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
      assert.ok(await page.locator(EVENT).count() >= 7);
      await page.locator('[data-testid="article-input"]').fill(ENGLISH);
      await page.locator('[data-testid="analyze"]').click();
      await page.locator(EVENT, { hasText: 'met his Kazakh counterpart in Tehran' }).waitFor({ timeout: 1000 });
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')), [], 'only the file itself is loaded');
      assert.deepEqual(errors, [], 'console or page errors');
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
