// Offline after one visit, installable, and updated when a new build is deployed
// (the service worker written by scripts/offline.mjs), in headless Chromium.
// Run: `node --test e2e/offline.test.mjs` after `scripts/build`.
//
// The builds deployed here are made from dist/ by e2e/builds.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, EVENT, SHOTS, launch } from './chromium.mjs';
import { serve } from './serve.mjs';
import { precacheList } from '../scripts/offline.mjs';
import { makeBuildIn, stemOf } from './builds.mjs';

const ENGLISH = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";
const work = mkdtempSync(join(tmpdir(), 'didar-offline-'));

const makeBuild = (tag, options) => makeBuildIn(work, tag, options);

describe('Didar offline (service worker) in Chromium', () => {
  const root = join(work, 'host');
  let browser, host, port;

  /** Put a build on the host, as a deploy would: the old files go, the new ones come. */
  const deploy = (dir) => {
    rmSync(root, { recursive: true, force: true });
    cpSync(dir, root, { recursive: true });
  };
  const startHost = async () => {
    host = await serve(root, port ?? 0);
    port = Number(new URL(host.origin).port);
  };

  before(async () => {
    assert.ok(existsSync(join(DIST, 'sw.js')), 'dist/sw.js is missing: run scripts/build first');
    deploy(DIST);
    await startHost();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A fresh browser profile on the hosted app, recording the page's requests and errors. */
  async function visit() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const log = { responses: [], failed: [], errors: [] };
    page.on('response', (r) => log.responses.push({ url: r.url(), status: r.status(), worker: r.fromServiceWorker() }));
    page.on('requestfailed', (r) => log.failed.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    await page.goto(host.origin + '/');
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    // Installed and in control of the page (clients.claim) once every file is cached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    return { context, page, log };
  }

  const cacheNames = (page) => page.evaluate(() => caches.keys());
  /** The cache names once only `name` is left (the new worker deletes the old caches as it activates,
   * just after it takes control of the page). */
  const settledCaches = async (page, name) => {
    for (let i = 0; i < 100; i++) {
      const names = await cacheNames(page);
      if (names.length === 1 && names[0] === name) return names;
      await page.waitForTimeout(100);
    }
    return cacheNames(page);
  };
  const cachedPaths = (page, name) => page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname.slice(1)).sort(), name);
  /** The glue and wasm names this page loaded, and what it says it is. */
  const loaded = (page, log) => page.evaluate(() => globalThis.__didarBuild ?? 'dist').then((build) => ({
    build,
    glue: log.responses.filter((r) => /didar-web-[0-9a-f]+\.js$/.test(r.url)).map((r) => r.url.split('/').pop().replace(/\.js$/, '')),
    wasm: log.responses.filter((r) => r.url.endsWith('.wasm')).map((r) => r.url.split('/').pop().replace(/_bg\.wasm$/, '')),
  }));
  const paste = async (page, text) => {
    await page.locator('[data-testid="article-input"]').fill(text);
    await page.locator('[data-testid="analyze"]').click();
  };

  test('after one visit it opens and works with the network gone, and is installable', async () => {
    const { context, page, log } = await visit();
    const names = await cacheNames(page);
    assert.equal(names.length, 1, `one cache for this build: ${names}`);
    assert.match(names[0], new RegExp(`^didar ${host.origin}/ [0-9a-f]{16}$`));
    const expected = precacheList(DIST).map(([p]) => p).sort();
    assert.deepEqual(await cachedPaths(page, names[0]), expected, 'every built file is cached');
    assert.ok(expected.some((p) => p.endsWith('.wasm')) && expected.includes('index.html') && expected.some((p) => p.endsWith('.woff2')));

    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'the manifest parses');
    assert.equal(JSON.parse(manifest.data).short_name, 'Didar');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito profiles, where Chromium installs nothing; any other reason would be the app's.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'Chromium would install it as an app');

    // The network gone: the browser offline, and the host itself stopped.
    await context.setOffline(true);
    await host.close();
    log.responses.length = 0;
    await page.reload();
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    assert.ok(await page.locator(EVENT).count() >= 7, 'the seeds\' timeline, offline');
    const kz = page.locator(EVENT, { hasText: 'met his Kazakh counterpart in Tehran' });
    assert.equal(await kz.count(), 0);
    await paste(page, ENGLISH);
    await kz.first().waitFor({ timeout: 2000 });
    assert.equal(await kz.first().getAttribute('data-parties'), 'IR-KZ');
    assert.equal(await kz.first().getAttribute('data-date'), '2021-05-05');
    const fonts = await page.evaluate(async () => (await document.fonts.load('16px Vazirmatn', 'ایران')).map((f) => f.status));
    assert.ok(fonts.length > 0 && fonts.every((s) => s === 'loaded'), `the bundled font, offline: ${fonts}`);
    const own = log.responses.filter((r) => r.url.startsWith(host.origin));
    assert.ok(own.some((r) => r.url.endsWith('.wasm')), 'the wasm was loaded');
    assert.deepEqual(own.filter((r) => !r.worker || r.status !== 200).map((r) => `${r.status} ${r.url}`), [], 'everything came from the worker\'s cache');
    assert.deepEqual(log.failed, [], 'no request failed');
    assert.deepEqual(log.errors, [], 'no console or page errors');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'offline.png') });
    await context.close();
    await startHost();
  });

  test('a new build deployed takes over, never mixing its files with the old ones', async () => {
    deploy(DIST);
    const { context, page, log } = await visit();
    const first = await loaded(page, log);
    assert.deepEqual(first, { build: 'dist', glue: [stemOf(DIST)], wasm: [stemOf(DIST)] });
    await paste(page, ENGLISH);
    await page.locator(EVENT, { hasText: 'met his Kazakh counterpart in Tehran' }).first().waitFor({ timeout: 2000 });

    const two = makeBuild('two');
    deploy(two.dir);
    log.responses.length = 0;
    await page.reload();
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    // This load is still the installed build, whole, from its cache; meanwhile the new worker installs.
    assert.deepEqual(await loaded(page, log), first, 'the reload right after the deploy is the installed build');
    await page.locator('[data-testid="update-ready"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(await settledCaches(page, `didar ${host.origin}/ ${two.version}`), [`didar ${host.origin}/ ${two.version}`], 'the earlier build\'s cache is gone');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'update-ready.png') });

    log.responses.length = 0;
    await page.locator('[data-testid="reload"]').click();
    await page.waitForFunction(() => globalThis.__didarBuild === 'two', null, { timeout: 15_000 });
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await loaded(page, log), { build: 'two', glue: [two.stem], wasm: [two.stem] }, 'the new glue with the new wasm');
    assert.equal(await page.locator('[data-testid="update-ready"]').count(), 0, 'no notice after the reload');
    // (The saved library is read after the seeds are drawn: wait for it to open.)
    await page.waitForFunction(() => !/Opening/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? 'Opening'), null, { timeout: 15_000 });
    assert.equal(await page.locator(EVENT, { hasText: 'met his Kazakh counterpart in Tehran' }).count(), 1, 'the pasted article was kept');

    // A host caught halfway through the next deploy: new sw.js, index.html and glue, the new wasm's name with the old bytes.
    const partial = makeBuild('three', { staleWasm: true });
    deploy(partial.dir);
    log.responses.length = 0;
    await page.reload();
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    const failed = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update().catch(() => {});
      // Wait for the attempted install to end (it fails its integrity check).
      for (let i = 0; i < 200 && (reg.installing || reg.waiting); i++) await new Promise((r) => setTimeout(r, 50));
      return { installing: !!reg.installing, waiting: !!reg.waiting, active: reg.active?.scriptURL };
    });
    assert.deepEqual(failed, { installing: false, waiting: false, active: `${host.origin}/sw.js` });
    assert.deepEqual(await cacheNames(page), [`didar ${host.origin}/ ${two.version}`], 'the half-deployed build was not installed');
    assert.equal(await page.locator('[data-testid="update-ready"]').count(), 0, 'no update announced');
    log.responses.length = 0;
    await page.reload();
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await loaded(page, log), { build: 'two', glue: [two.stem], wasm: [two.stem] }, 'still the whole second build');

    // The deploy completed: the third build takes over.
    const three = makeBuild('three');
    deploy(three.dir);
    await page.reload();
    await page.locator('[data-testid="update-ready"]').waitFor({ timeout: 20_000 });
    log.responses.length = 0;
    await page.reload();
    await page.waitForFunction(() => globalThis.__didarBuild === 'three', null, { timeout: 15_000 });
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await loaded(page, log), { build: 'three', glue: [three.stem], wasm: [three.stem] });
    assert.deepEqual(await settledCaches(page, `didar ${host.origin}/ ${three.version}`), [`didar ${host.origin}/ ${three.version}`]);
    assert.deepEqual(log.errors, [], 'no console or page errors');
    await context.close();
  });

  test('the folders of the build match what the worker caches (nothing stale, nothing missing)', () => {
    const list = precacheList(DIST).map(([p]) => p);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    for (const p of list) assert.ok(sw.includes(JSON.stringify(p)), `sw.js lists ${p}`);
    assert.ok(!list.includes('sw.js'), 'the worker does not cache itself');
    const top = readdirSync(DIST);
    assert.ok(top.includes('manifest.webmanifest') && list.includes('manifest.webmanifest'));
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    for (const icon of manifest.icons) assert.ok(list.includes(icon.src), `the manifest's icon ${icon.src} is built and cached`);
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    assert.match(html, /worker-src 'self'/);
    assert.match(html, /manifest-src 'self'/);
    const single = readFileSync(join(DIST, '..', 'dist-single', 'index.html'), 'utf8');
    assert.ok(!/rel="manifest"/.test(single), 'the single file links no manifest (so registers no worker)');
  });
});
