// Offline after one visit, installable, and updated when a new build is deployed
// (the service worker written by scripts/offline.mjs), in headless Chromium.
// Run: `node --test e2e/offline.test.mjs` after `scripts/build`.
//
// The builds deployed here are made from dist/: a "second build" is dist/ with a
// different JS glue and wasm under new hashed names (the glue marks itself in
// `globalThis.__didarBuild`, the wasm carries a custom section), its index.html,
// policy and sw.js made again by the same scripts as the real build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, EVENT, SHOTS, launch } from './chromium.mjs';
import { serve } from './serve.mjs';
import { withCsp } from '../scripts/csp.mjs';
import { precacheList, writeServiceWorker } from '../scripts/offline.mjs';

const ENGLISH = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";
const work = mkdtempSync(join(tmpdir(), 'didar-offline-'));

/** The build's JS glue and wasm names ("didar-web-<hash>") as its index.html loads them. */
const stemOf = (dir) => readFileSync(join(dir, 'index.html'), 'utf8').match(/from '\.\/(didar-web-[0-9a-f]+)\.js'/)[1];

/** A wasm module with one more custom section (valid: custom sections may come anywhere). */
function withCustomSection(wasm, name, payload) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const body = [...leb(name.length), ...Buffer.from(name), ...Buffer.from(payload)];
  return Buffer.concat([wasm, Buffer.from([0, ...leb(body.length), ...body])]);
}

/** dist/ rebuilt as build `tag`: new glue and wasm (new names), index.html, CSP and sw.js made again.
 * With `staleWasm`, the new wasm name holds the old wasm's bytes: a host caught halfway through a deploy. */
function makeBuild(tag, { staleWasm = false } = {}) {
  const dir = join(work, `build-${tag}${staleWasm ? '-partial' : ''}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  const stem = stemOf(dir);
  const hash = createHash('sha256').update(tag).digest('hex').slice(0, stem.length - 'didar-web-'.length);
  const next = `didar-web-${hash}`;
  const glue = readFileSync(join(dir, `${stem}.js`), 'utf8').replaceAll(stem, next);
  writeFileSync(join(dir, `${next}.js`), `globalThis.__didarBuild = ${JSON.stringify(tag)};\n${glue}`);
  const wasm = readFileSync(join(dir, `${stem}_bg.wasm`));
  writeFileSync(join(dir, `${next}_bg.wasm`), staleWasm ? wasm : withCustomSection(wasm, 'didar-build', tag));
  rmSync(join(dir, `${stem}.js`));
  rmSync(join(dir, `${stem}_bg.wasm`));
  let html = readFileSync(join(dir, 'index.html'), 'utf8').replaceAll(stem, next);
  // Trunk's preload links carry subresource integrity: the new files' hashes.
  html = html.replace(/<link\b[^>]*>/g, (link) => {
    const href = link.match(/href="\.\/([^"]+)"/)?.[1];
    if (!href || !/integrity="/.test(link) || !existsSync(join(dir, href))) return link;
    const sri = `sha384-${createHash('sha384').update(readFileSync(join(dir, href))).digest('base64')}`;
    return link.replace(/integrity="[^"]*"/, `integrity="${sri}"`);
  });
  writeFileSync(join(dir, 'index.html'), withCsp(html));
  if (staleWasm) {
    // The list the worker checks is the complete build's: sw.js and index.html are new, the wasm is not.
    writeFileSync(join(dir, `${next}_bg.wasm`), withCustomSection(wasm, 'didar-build', tag));
    writeServiceWorker(dir);
    writeFileSync(join(dir, `${next}_bg.wasm`), wasm);
  } else {
    writeServiceWorker(dir);
  }
  return { dir, tag, stem: next, version: readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)"/)[1] };
}

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
