// End-to-end tests of the library under the faults users meet (issue 16; issue 15,
// points 5 and 6): two tabs on one library, a full disk, the database deleted or
// broken under the page, a reload in the middle of an import, hostile library files.
// Each test is named after the point it pins; each ends with nothing of the user's
// work lost or silently brought back, and the user told when something went wrong.
// Run: `node --test e2e/reliability.test.mjs` after `scripts/build`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT, ROOT, SHOTS, dump, importStaged, servedApp, stageFile } from './chromium.mjs';

const KZ = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";
const UZ = "TEHRAN, March 3, 2022 (MNA) – Iran's defense minister met his Uzbek counterpart in Tehran on Thursday.";
const TJ = "DUSHANBE, 7 July 2023 – Iran's defense minister met his Tajik counterpart in Dushanbe on Friday.";
const STATUS = '[data-testid="storage-status"]';

/** `n` short news reports about meetings, each its own text. */
const reports = (n, prefix) => Array.from({ length: n }, (_, i) => ({
  id: `${prefix}-${i}`,
  text: `TEHRAN, ${1 + (i % 28)} May ${2000 + (i % 25)} – Iran's defense minister met his ${['Kazakh', 'Russian', 'Uzbek', 'Tajik'][i % 4]} counterpart in Tehran. Report ${i}.\n`
    + 'The two sides discussed regional security, counter-terrorism and military cooperation. '.repeat(8),
}));

describe('The library under faults, in Chromium', () => {
  const app = servedApp();

  /** A fresh browser profile; `page()` opens the app in a new tab of it. */
  async function profile() {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const page = async ({ wait = true } = {}) => {
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      p.on('dialog', (d) => d.accept());
      await p.goto(app.server.origin + '/');
      if (wait) await ready(p);
      return p;
    };
    const finish = async () => {
      assert.deepEqual(errors, [], 'page errors');
      await context.close();
    };
    return { context, page, finish };
  }

  async function ready(p) {
    await p.locator(EVENT).first().waitFor({ timeout: 15_000 });
    await p.waitForFunction((s) => !/Opening/.test(document.querySelector(s)?.textContent ?? 'Opening'), STATUS, { timeout: 15_000 });
    await p.locator('[data-testid="import-progress"]').waitFor({ state: 'detached', timeout: 60_000 });
  }

  async function paste(p, text) {
    await p.locator('[data-testid="article-input"]').fill(text);
    await p.locator('[data-testid="analyze"]').click();
  }

  const status = async (p) => (await p.locator(STATUS).textContent()).trim();
  const savedTexts = async (p) => (await dump(p)).articles.map((r) => JSON.parse(r).article.text).sort();
  const savedIds = async (p) => (await dump(p)).articles.map((r) => JSON.parse(r).article.id).sort();
  /** The ids of the articles the page's library holds (the correction panel lists them). */
  const shownIds = (p) => p.evaluate(async () => {
    const panel = document.querySelector('[data-testid="corrections"]');
    if (!panel.open) panel.querySelector('summary').click();
    await new Promise((r) => setTimeout(r, 100));
    return [...document.querySelectorAll('[data-testid="correct-article"] option')].map((o) => o.value).filter((v) => !/^\d{3}_/.test(v));
  });

  async function until(what, check, ms = 10_000) {
    const end = Date.now() + ms;
    let last;
    while (Date.now() < end) {
      last = await check();
      if (last) return last;
      await new Promise((r) => setTimeout(r, 150));
    }
    assert.fail(`${what} (waited ${ms} ms; last: ${JSON.stringify(last)})`);
  }

  async function pickJson(p, name, value) {
    await stageFile(p, name, JSON.stringify(value));
    await p.evaluate(() => document.querySelector('[data-testid="import-message"]')?.setAttribute('data-old', ''));
    await importStaged(p);
    const msg = p.locator('[data-testid="import-message"]:not([data-old])');
    await msg.waitFor({ timeout: 60_000 });
    return (await msg.textContent()).trim();
  }

  test('issue16_1: two tabs pasting at once both keep their article, and each shows the other\'s', async () => {
    const { page, finish } = await profile();
    const a = await page();
    const b = await page();
    await a.locator('[data-testid="article-input"]').fill(KZ);
    await b.locator('[data-testid="article-input"]').fill(UZ);
    await Promise.all([a.locator('[data-testid="analyze"]').click(), b.locator('[data-testid="analyze"]').click()]);
    await until('both articles saved', async () => (await savedTexts(a)).length === 2 && savedTexts(a));
    assert.deepEqual(await savedTexts(a), [KZ, UZ].sort(), 'both texts are in the database, under two ids');
    // Each tab learns of the other's article without a reload.
    await a.locator(`${EVENT}[data-parties="IR-UZ"][data-date="2022-03-03"]`).waitFor({ timeout: 5000 });
    await b.locator(`${EVENT}[data-parties="IR-KZ"][data-date="2021-05-05"]`).waitFor({ timeout: 5000 });
    const ids = await savedIds(a);
    assert.deepEqual((await shownIds(a)).sort(), ids);
    assert.deepEqual((await shownIds(b)).sort(), ids);
    assert.match(await status(a), /saved in this browser/);

    // A meeting added to the same article in both tabs at once: both are kept.
    const article = ids[0];
    for (const [p, parties] of [[a, 'AR BR'], [b, 'CL PE']]) {
      await p.locator('[data-testid="correct-article"]').selectOption(article);
      await p.locator('[data-testid="add-parties"]').fill(parties);
    }
    await Promise.all([a.locator('[data-testid="add-meeting"]').click(), b.locator('[data-testid="add-meeting"]').click()]);
    await until('both added meetings saved', async () => (await dump(a)).corrections.length === 2);
    const adds = (await dump(a)).corrections.map((r) => JSON.parse(r).correction);
    assert.deepEqual(adds.map((c) => c.change.fix.parties.join('-')).sort(), ['AR-BR', 'CL-PE']);
    assert.equal(new Set(adds.map((c) => c.id)).size, 2, 'under two ids');
    // Each tab shows the meeting the other added.
    await b.locator(`${EVENT}[data-parties="AR-BR"]`).waitFor({ timeout: 5000 });
    await a.locator(`${EVENT}[data-parties="CL-PE"]`).waitFor({ timeout: 5000 });

    // The browser was asked to keep the library once it held the user's work, and its answer is shown.
    assert.match(await a.locator('[data-testid="persist-status"]').textContent({ timeout: 5000 }), /This browser (keeps|may clear) the library/);

    // One tab removes an article the other shows: it goes in both, and stays gone.
    const gone = ids[1];
    const goneText = (await dump(a)).articles.map((r) => JSON.parse(r).article).find((x) => x.id === gone)?.text;
    await b.locator('[data-testid="correct-article"]').selectOption(gone);
    await b.locator('[data-testid="remove-article"]').click();
    await b.locator('[data-testid="remove-article"]').click();
    await until('the removal reaches the other tab', async () => !(await shownIds(a)).includes(gone));
    await until('and the database', async () => !(await savedIds(a)).includes(gone));
    const goneParties = goneText === KZ ? 'IR-KZ"][data-date="2021-05-05' : 'IR-UZ"][data-date="2022-03-03';
    ids.splice(1, 1);
    await a.reload();
    await ready(a);
    assert.deepEqual((await shownIds(a)).sort(), ids, 'after a reload');
    assert.equal(await a.locator(`${EVENT}[data-parties="${goneParties}"]`).count(), 0, 'the removed article did not come back');
    for (const sel of ['IR-KZ"][data-date="2021-05-05', 'IR-UZ"][data-date="2022-03-03', 'AR-BR', 'CL-PE'].filter((x) => x !== goneParties)) {
      assert.equal(await a.locator(`${EVENT}[data-parties="${sel}"]`).count(), 1, `${sel} after a reload`);
    }
    await finish();
  });

  test('issue16_2: a removal under a full quota is written, what is not saved is said, and after a reload too', async () => {
    const { context, finish } = await profile();
    const p = await context.newPage();
    p.on('dialog', (d) => d.accept());
    // (The lowered quota holds for the connections opened after it is set. It must leave room for the
    // offline worker's copy of the app, about 2 MB, which counts against the same origin's quota.)
    const cdp = await context.newCDPSession(p);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.server.origin, quotaSize: 3 * 1024 * 1024 });
    await p.goto(app.server.origin + '/');
    await ready(p);
    await paste(p, KZ);
    await until('the paste saved', async () => (await savedTexts(p)).length === 1);
    // 4.8 MB of articles that compress little (IndexedDB's files are compressed): more than the quota holds.
    const word = () => Array.from({ length: 2 + Math.floor(Math.random() * 7) }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const big = Array.from({ length: 40 }, (_, i) => ({ id: `big-${i}`, text: `Report ${i}. ${Array.from({ length: 20000 }, word).join(' ')}` }));
    assert.match(await pickJson(p, 'big.json', big), /Added 40 articles/);
    await until('saving fails and says so', async () => /Not saved/.test(await status(p)));

    // Remove the pasted article: its removal is written even though the disk is full.
    await p.locator('[data-testid="corrections"] summary').click();
    await p.locator('[data-testid="correct-article"]').selectOption('pasted-1');
    await p.locator('[data-testid="remove-article"]').click();
    await p.locator('[data-testid="remove-article"]').click();
    await until('the removal written', async () => (await savedTexts(p)).length === 0);
    assert.match(await status(p), /40 articles not saved yet \(QuotaExceededError\); trying again/);
    await paste(p, UZ);
    await until('the later paste is counted as not saved', async () => /41 articles not saved yet/.test(await status(p)));
    assert.doesNotMatch(await status(p), /saved in this browser/);
    // Leaving now asks first.
    assert.equal(await p.evaluate(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }), true);

    await p.reload();
    await ready(p);
    assert.equal(await p.locator(`${EVENT}[data-parties="IR-KZ"][data-date="2021-05-05"]`).count(), 0, 'the removed article did not come back');
    const report = await p.locator('[data-testid="unsaved-report"]').textContent({ timeout: 5000 });
    assert.match(report, /41 articles could not be saved \(QuotaExceededError/);
    assert.match(report, /big-0/);
    mkdirSync(SHOTS, { recursive: true });
    await p.locator('.side').screenshot({ path: join(SHOTS, 'reliability-quota.png') });
    await finish();
  });

  test('issue16_3: a database deleted under the page is let go, the page says so and saves again when asked', async () => {
    const { page, finish } = await profile();
    const a = await page();
    await paste(a, KZ);
    await until('saved', async () => (await savedTexts(a)).length === 1);
    const other = await page();
    const outcome = await other.evaluate(() => new Promise((ok) => {
      const req = indexedDB.deleteDatabase('didar');
      req.onsuccess = () => ok('deleted');
      req.onerror = () => ok('error');
      req.onblocked = () => setTimeout(() => ok('blocked'), 3000);
    }));
    assert.equal(outcome, 'deleted', 'the open page let the database go');
    await other.close();
    await until('the page says its work is no longer saved', async () => /deleted by another page/.test(await status(a)));
    await paste(a, UZ);
    await a.locator(`${EVENT}[data-parties="IR-UZ"][data-date="2022-03-03"]`).waitFor({ timeout: 5000 });
    assert.doesNotMatch(await status(a), /saved in this browser/, 'a paste afterwards is not called saved');
    mkdirSync(SHOTS, { recursive: true });
    await a.locator('.side').screenshot({ path: join(SHOTS, 'reliability-deleted.png') });
    await a.locator('[data-testid="save-again"]').click();
    await until('saved again', async () => /saved in this browser/.test(await status(a)));
    await a.reload();
    await ready(a);
    assert.equal(await a.locator(`${EVENT}[data-parties="IR-KZ"][data-date="2021-05-05"]`).count(), 1, 'the earlier work');
    assert.equal(await a.locator(`${EVENT}[data-parties="IR-UZ"][data-date="2022-03-03"]`).count(), 1, 'and the later paste');
    await finish();
  });

  test('issue15_6: records emptied out of the database under the page are reported, not written again behind the user\'s back', async () => {
    const { page, finish } = await profile();
    const a = await page();
    await paste(a, KZ);
    await until('saved', async () => (await savedTexts(a)).length === 1);
    // Another script empties the store of articles.
    await a.evaluate(() => new Promise((ok, fail) => {
      const req = indexedDB.open('didar');
      req.onsuccess = () => {
        const tx = req.result.transaction('articles', 'readwrite');
        tx.objectStore('articles').clear();
        tx.oncomplete = () => { req.result.close(); ok(); };
        tx.onerror = () => fail(tx.error);
      };
    }));
    await paste(a, UZ);
    await until('the page says records are gone', async () => /1 saved record was deleted outside Didar/.test(await status(a)));
    assert.deepEqual(await savedTexts(a), [UZ], 'the emptied article was not written again without the user');
    await a.locator('[data-testid="save-again"]').click();
    await until('saved again', async () => /saved in this browser/.test(await status(a)));
    assert.deepEqual(await savedTexts(a), [KZ, UZ].sort());
    await finish();
  });

  test('issue16_3: a didar database without the app\'s stores is repaired', async () => {
    const { context, finish } = await profile();
    const p = await context.newPage();
    await p.goto(app.server.origin + '/not-the-app');
    await p.evaluate(() => new Promise((ok, fail) => {
      const req = indexedDB.open('didar', 1);
      req.onsuccess = () => { req.result.close(); ok(); };
      req.onerror = () => fail(req.error);
    }));
    await p.goto(app.server.origin + '/');
    await ready(p);
    assert.match(await status(p), /saved in this browser/);
    await paste(p, KZ);
    await until('saved', async () => (await savedTexts(p)).length === 1);
    await p.reload();
    await ready(p);
    assert.equal(await p.locator(`${EVENT}[data-parties="IR-KZ"][data-date="2021-05-05"]`).count(), 1);
    await finish();
  });

  test('issue16_7: a reload during the analysis of a 1,000-article import loses none of it', async () => {
    const { page, finish } = await profile();
    const p = await page();
    const articles = reports(1000, 'bulk');
    await stageFile(p, 'bulk.json', JSON.stringify(articles));
    await importStaged(p);
    await p.waitForFunction(() => Number(document.querySelector('[data-testid="import-progress"] progress')?.value) > 0, null, { timeout: 20_000 });
    // The analysis is under way: leaving asks first.
    assert.equal(await p.evaluate(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }), true, 'the leave-page prompt covers analysis');
    await p.reload();
    await ready(p);
    const saved = await savedIds(p);
    const report = await p.locator('[data-testid="unsaved-report"]').textContent({ timeout: 500 }).catch(() => '');
    const notSaved = Number(/(\d+) articles? (were|was) not saved/.exec(report)?.[1] ?? 0);
    assert.equal(saved.length + notSaved, 1000, `every article saved or reported: ${saved.length} saved, report: ${report}`);
    assert.equal(saved.length, 1000, 'all of them saved: they were written before the analysis');
    await finish();
  });

  test('issue15_4: a reload draws the analyses of saved articles from the cache', async () => {
    const { page, finish } = await profile();
    const p = await page();
    const articles = reports(500, 'c');
    // And one long article (300 KB of real sentences), the kind whose analysis costs most.
    articles.push({ id: 'long', text: Array.from({ length: 2200 }, (_, i) => `${[KZ, UZ, TJ][i % 3]} Paragraph ${i}.`).join('\n') });
    assert.match(await pickJson(p, 'many.json', articles), /Added 501 articles/);
    await until('saved', async () => (await savedIds(p)).length === 501, 30_000);
    const events = () => p.locator(EVENT).evaluateAll((els) => els.map((e) => `${e.dataset.parties}@${e.dataset.date}`).sort());
    await p.waitForTimeout(1000);
    const shown = await events();
    const opened = async () => {
      const t0 = Date.now();
      await p.reload();
      await ready(p);
      const s = p.locator(STATUS);
      return { ms: Date.now() - t0, cached: Number(await s.getAttribute('data-cached')), of: Number(await s.getAttribute('data-opened')) };
    };
    const first = await opened();
    assert.deepEqual([first.cached, first.of], [0, 501], 'nothing cached yet: an import is analysed once, then cached at the next opening');
    await p.waitForTimeout(1500);
    const second = await opened();
    console.log(`# reload with 501 saved articles (one of 300 KB): ${first.ms} ms analysing, ${second.ms} ms from the cache`);
    assert.deepEqual([second.cached, second.of], [501, 501], 'every analysis from the cache');
    // (The list of meetings grows a page per frame: wait until it is all drawn.)
    await until('the whole timeline drawn', async () => (await p.locator(EVENT).count()) >= shown.length, 5000).catch(() => {});
    assert.deepEqual(await events(), shown, 'the same timeline');
    await finish();
  });

  test('issue16_4: imported corrections are checked like the form; the form takes known party codes only', async () => {
    const { page, finish } = await profile();
    const p = await page();
    const file = (change) => ({ format: 'didar-library', schema: 1, articles: [{ id: 'a', text: KZ }], corrections: [{ id: 'a#add-1', article: 'a', change }] });
    const add = (parties, date) => ({ kind: 'add', fix: { parties, date, status: 'held', mode: 'in_person' } });
    const codes = Array.from({ length: 1000 }, (_, i) => `P${String(i).padStart(3, '0')}`);
    const before = await p.locator(EVENT).count();
    for (const [change, why] of [
      [add(['IR', 'KZ'], '2147483647'), /correction “a#add-1”: “2147483647” is not a date/],
      [add(['IR', 'KZ'], '2024-02-31'), /“2024-02-31” is not a date/],
      [add(['IR', '__PROTO__'], null), /“__PROTO__” is not a party code/],
      [add(codes, null), /at most 40 parties; this one has 1000/],
    ]) {
      const msg = await pickJson(p, 'hostile.json', file(change));
      assert.match(msg, why);
      assert.match(msg, /Nothing was changed/);
    }
    assert.equal(await p.locator(EVENT).count(), before, 'no article of a refused file was added');
    assert.match(await pickJson(p, 'good.json', file(add(['IR', 'TJ'], '2024-02-29'))), /Added 1 article/);
    await p.locator(`${EVENT}[data-parties="IR-TJ"][data-date="2024-02-29"]`).waitFor({ timeout: 5000 });
    await p.locator('[data-testid="corrections"] summary').click();
    await p.locator('[data-testid="add-parties"]').fill('IR __PROTO__');
    await p.locator('[data-testid="add-meeting"]').click();
    assert.match(await p.locator('[data-testid="correct-message"]').textContent(), /“__PROTO__” is not a party code/);
    await finish();
  });

  test('issue16_5: a sentence naming 195 states is an assembly, not a 195-party meeting; the counterparts of 195 parties draw without a long task', async () => {
    const { page, finish } = await profile();
    const p = await page();
    const names = [...new Map(readFileSync(join(ROOT, 'data', 'countries.tsv'), 'utf8').split('\n')
      .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).filter((f) => f[1] === 'en').map((f) => [f[0], f[2]])).values()];
    assert.equal(names.length, 195);
    const gathered = (states) => `The foreign ministers of ${states.slice(0, -1).join(', ')} and ${states.at(-1)} met in New York on Friday.`;
    const before = await p.locator(EVENT).count();
    await paste(p, `NEW YORK, 20 September 2024 – ${gathered(names)}`);
    await p.locator('[data-testid="article-input"]').and(p.locator(':placeholder-shown')).waitFor({ timeout: 30_000 });
    const parties = await p.locator(EVENT).evaluateAll((els) => els.map((e) => e.dataset.parties.split('-').length));
    assert.ok(parties.every((n) => n <= 40), `no meeting of more than 40 parties: ${parties.filter((n) => n > 40)}`);
    assert.equal(parties.length, before, 'the assembly adds no meeting');
    // Five meetings of 39 states each: the counterparts of all 195 parties.
    const groups = Array.from({ length: 5 }, (_, i) => gathered(names.slice(i * 39, i * 39 + 39)));
    await paste(p, `NEW YORK, 20 September 2024 – ${groups.join(' ')}`);
    await p.locator(`${EVENT}[data-parties*="-"]`).nth(before + 4).waitFor({ timeout: 30_000 });
    await p.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    });
    await p.locator('[data-testid="view-counterparts"]').click();
    await p.locator('[data-testid="counterparts"]').waitFor();
    await p.waitForTimeout(500);
    const cells = await p.locator('[data-testid="counterparts"] td.cell').count();
    assert.ok(cells <= 30 * 30, `at most 30 by 30 cells drawn: ${cells}`);
    assert.match(await p.locator('[data-testid="counterparts-cut"]').textContent(), /The 30 parties with the most meetings are shown, of 19\d/);
    const longest = Math.max(0, ...await p.evaluate(() => window.__long));
    console.log(`# counterparts of 195 parties: ${cells} cells, longest task ${longest.toFixed(0)} ms`);
    assert.ok(longest < 200, `longest task ${longest} ms`);
    await finish();
  });

  test('issue16_6: a text already in the library is reported and not added again', async () => {
    const { page, finish } = await profile();
    const p = await page();
    const list = [{ id: 'same', text: KZ }, { id: 'same', text: KZ }, { id: 'same', text: KZ }, { id: 'same', text: UZ }];
    const first = await pickJson(p, 'list.json', list);
    assert.match(first, /Added 2 articles/);
    assert.match(first, /2 already in the library/);
    const again = await pickJson(p, 'list.json', list);
    assert.match(again, /4 already in the library/);
    await until('saved', async () => (await savedIds(p)).length === 2);
    assert.deepEqual(await savedIds(p), ['same', 'same-2']);
    await paste(p, KZ);
    assert.match(await p.locator('.note[role="status"]').first().textContent(), /already in the library \(“same”\)/);
    await paste(p, TJ);
    await until('a new text is added', async () => (await savedIds(p)).length === 3);
    await finish();
  });
});
