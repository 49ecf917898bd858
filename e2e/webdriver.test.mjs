// The app in Firefox (Debian's firefox-esr, headless) and WebKit (WebKitGTK's
// MiniBrowser under xvfb-run), driven through WebDriver (geckodriver from
// crates.io, Debian's WebKitWebDriver; selenium-webdriver from npm): Playwright
// cannot drive the stock browsers. The seeds' timeline, a pasted article, a reload that
// keeps it, a picked .html file, export and import, the Persian interface mirrored, and the single
// file opened from disk. The tests run in order in one profile: the export holds
// what the first two added.
// Run: `node --test e2e/webdriver.test.mjs` after `scripts/build` (an engine is
// skipped, saying so, where its browser or driver is missing; scripts/setup
// installs them). The export (a real download) is checked in Firefox only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { DIST, EVENT, ROOT, SHOTS } from './chromium.mjs';
import { serve } from './serve.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER || join(process.env.CARGO_HOME || join(process.env.HOME, '.cargo'), 'bin', 'geckodriver');
const ENGLISH = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";
const SEED_PARTIES = ['IR-KZ', 'IR-PK', 'IR-RU', 'CF-IR', 'IR-RS', 'IR-UZ', 'IQ-IR', 'IR-TJ'];
const WEBKITDRIVER = process.env.WEBKITDRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

const ENGINES = [
  { name: 'Firefox', needs: [FIREFOX, GECKODRIVER], firefox: true },
  { name: 'WebKit', needs: [WEBKITDRIVER, MINIBROWSER, XVFB_RUN], firefox: false },
];

for (const engine of ENGINES) {
const missing = engine.needs.filter((p) => !existsSync(p));
describe(`Didar in ${engine.name} (WebDriver)`, { skip: missing.length ? `missing ${missing.join(', ')}: run scripts/setup` : false }, () => {
  let server, driver, downloads, webkit;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run scripts/build first');
    server = await serve(DIST, 0);
    downloads = mkdtempSync(join(tmpdir(), 'didar-wd-downloads-'));
    if (!engine.firefox) {
      // WebKitGTK's driver, on a virtual display of its own (xvfb-run -a), on a free port.
      const port = 20000 + Math.floor(Math.random() * 20000);
      webkit = spawn(XVFB_RUN, ['-a', WEBKITDRIVER, `--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', detached: true });
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
        } catch (e) {
          if (i > 100) throw e;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build();
      await driver.manage().window().setRect({ width: 1280, height: 900 });
      return;
    }
    const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless').windowSize({ width: 1280, height: 900 });
    // A closed network: no update checks, telemetry or captive-portal probes.
    for (const [k, v] of Object.entries({
      'app.update.enabled': false, 'network.captive-portal-service.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
      'network.connectivity-service.enabled': false, 'extensions.update.enabled': false,
      // Exports are saved to a folder of the test's, without asking.
      'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,text/calendar,application/octet-stream',
    })) options.setPreference(k, v);
    driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
      .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  });

  after(async () => {
    await driver?.quit();
    await server?.close();
    if (webkit) process.kill(-webkit.pid, 'SIGTERM');
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  const events = () => driver.executeScript(`return [...document.querySelectorAll('${EVENT}')].map((e) => [e.dataset.parties, e.dataset.date ?? '', e.textContent]);`);
  const waitEvents = (more = 0) => driver.wait(async () => (await events()).length > more, 20_000, 'the timeline is drawn');
  const paste = async (text) => {
    const input = await driver.findElement(By.css('[data-testid="article-input"]'));
    await input.clear();
    await input.sendKeys(text);
    await driver.findElement(By.css('[data-testid="analyze"]')).click();
  };
  const hasMeeting = async (parties, text) => (await events()).some(([p, , t]) => p === parties && t.includes(text));
  /** The saved library opened again (the article the first test pasted is back): until then the app
   * asks a new import to wait, and an export would hold only what was opened so far. */
  const libraryOpen = () => driver.wait(() => hasMeeting('IR-KZ', 'met his Kazakh counterpart in Tehran'), 20_000, 'the saved library is open');

  test('the seeds\' timeline, a pasted article, kept across a reload', async () => {
    await driver.get(server.origin + '/');
    await waitEvents();
    const parties = new Set((await events()).map(([p]) => p));
    for (const p of SEED_PARTIES) assert.ok(parties.has(p), `the seeds' ${p} meeting (has ${[...parties]})`);
    await paste(ENGLISH);
    await driver.wait(() => hasMeeting('IR-KZ', 'met his Kazakh counterpart in Tehran'), 5000, 'the pasted meeting');
    const added = (await events()).find(([p, , t]) => p === 'IR-KZ' && t.includes('met his Kazakh counterpart in Tehran'));
    assert.equal(added[1], '2021-05-05');
    // Saved in IndexedDB: give the save its frame, then reload.
    await driver.sleep(1000);
    await driver.navigate().refresh();
    await waitEvents();
    await driver.wait(() => hasMeeting('IR-KZ', 'met his Kazakh counterpart in Tehran'), 10_000, 'the pasted article is kept');
  });

  test('a picked saved page adds its article\'s meetings, not its boilerplate\'s', async () => {
    await driver.get(server.origin + '/');
    await waitEvents();
    await libraryOpen();
    const count = async (p) => (await events()).filter(([q]) => q === p).length;
    const before = { om: await count('IR-OM'), eg: await count('EG-JO'), sa: await count('SA-TR') };
    await driver.findElement(By.css('[data-testid="import-input"]')).sendKeys(join(ROOT, 'tests', 'pages', 'ar-news.html'));
    await driver.wait(until.elementLocated(By.css('[data-testid="import-message"]')), 10_000);
    const said = () => driver.executeScript('return [document.querySelector(\'[data-testid="import-message"]\')?.textContent, document.querySelector(\'[data-testid="import-input"]\').files.length]');
    await driver.wait(async () => (await count('IR-OM')) > before.om, 20_000).catch(async (e) => { throw new Error(`the article's IR-OM meeting: ${e.message}; the page says ${JSON.stringify(await said())}`); });
    assert.equal(await count('EG-JO'), before.eg, 'no EG-JO meeting from the ticker');
    assert.equal(await count('SA-TR'), before.sa, 'no SA-TR meeting from "most read"');
  });

  test('the library exported, and the export imported again: nothing added twice', { skip: engine.firefox ? false : 'downloads are checked in Firefox' }, async () => {
    await driver.get(server.origin + '/');
    await waitEvents();
    await libraryOpen();
    await driver.wait(async () => (await events()).some(([p]) => p === 'IR-OM'), 20_000, 'the picked page is back');
    await driver.findElement(By.css('[data-testid="export-library"]')).click();
    const file = join(downloads, 'didar-library.json');
    await driver.wait(() => existsSync(file) && readFileSync(file, 'utf8').endsWith('}'), 10_000, 'the export is saved');
    const library = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(library.format, 'didar-library');
    const ids = library.articles.map((a) => a.id);
    assert.ok(library.articles.some((a) => a.text.includes('met his Kazakh counterpart in Tehran')), `the pasted article is exported (${ids})`);
    assert.ok(ids.includes('ar-news'), `the imported page is exported (${ids})`);
    await driver.findElement(By.css('[data-testid="import-input"]')).sendKeys(file);
    const message = () => driver.executeScript('return document.querySelector(\'[data-testid="import-message"]\')?.textContent ?? ""');
    await driver.wait(async () => /already in the library/.test(await message()), 20_000, 'the import says what it did');
    assert.match(await message(), new RegExp(`${ids.length} already in the library`));
  });

  test('the Persian interface is mirrored and kept', async () => {
    await driver.get(server.origin + '/');
    await waitEvents();
    const select = await driver.findElement(By.css('[data-testid="ui-lang"]'));
    await select.findElement(By.css('option[value="fa"]')).click();
    await driver.wait(async () => (await driver.executeScript('return document.documentElement.dir')) === 'rtl', 5000, 'rtl');
    assert.equal(await driver.executeScript('return document.documentElement.lang'), 'fa');
    const [brand, picker] = await driver.executeScript(`return [document.querySelector('.brand').getBoundingClientRect().left,
      document.querySelector('[data-testid="ui-lang"]').getBoundingClientRect().left];`);
    assert.ok(brand > picker, `the masthead is mirrored (brand at ${brand}, language picker at ${picker})`);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'firefox-fa.png'), Buffer.from(await driver.takeScreenshot(), 'base64'));
    await driver.navigate().refresh();
    await waitEvents();
    assert.equal(await driver.executeScript('return document.documentElement.dir'), 'rtl', 'the language is kept');
    await driver.findElement(By.css('[data-testid="ui-lang"] option[value="en"]')).click();
  });

  test('after one visit it opens and works with the host stopped (service worker)', async () => {
    const host = await serve(DIST, 0);
    try {
      await driver.get(host.origin + '/');
      await waitEvents();
      await driver.wait(() => driver.executeScript('return navigator.serviceWorker.controller !== null'), 20_000, 'the worker controls the page');
      await host.close();
      // (A visit again, not WebDriver's refresh: Firefox's bypasses the worker like a forced reload.)
      await driver.get(host.origin + '/');
      await waitEvents();
      await paste(ENGLISH);
      await driver.wait(() => hasMeeting('IR-KZ', 'met his Kazakh counterpart in Tehran'), 5000, 'the pasted meeting, offline');
    } finally {
      await host.close().catch(() => {});
    }
  });

  test('the single-file build works opened from disk (file://)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'didar-single-ff-'));
    try {
      const file = join(dir, 'index.html');
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'single-file.mjs'), DIST, file], { stdio: 'pipe' });
      await driver.get(pathToFileURL(file).href);
      await waitEvents();
      assert.ok((await events()).length >= 7);
      await paste(ENGLISH);
      await driver.wait(() => hasMeeting('IR-KZ', 'met his Kazakh counterpart in Tehran'), 5000, 'the pasted meeting, from file://');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
}
