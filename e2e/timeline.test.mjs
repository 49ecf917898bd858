// End-to-end tests of the timeline workbench, the interface languages, the
// Content-Security-Policy and hostile text, in headless Chromium on the built app (dist/).
// Run: `node --test e2e/` after `scripts/build` (scripts/test does both).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, EVENT, SHOTS, servedApp } from './chromium.mjs';

const INPUT = '[data-testid="article-input"]';
const ANALYZE = '[data-testid="analyze"]';
const ENGLISH = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday to discuss military cooperation.";

describe('The timeline workbench in Chromium', () => {
  const app = servedApp();

  /** A fresh page (fresh storage) on the app; records CSP violations, errors and requests. */
  async function open({ width = 1280, height = 900 } = {}) {
    const context = await app.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const log = { requests: [], errors: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    await page.goto(app.server.origin + '/', { waitUntil: 'load' });
    await page.locator(EVENT).first().waitFor({ timeout: 15_000 });
    const finish = async () => {
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
      assert.deepEqual(log.requests.filter((u) => !u.startsWith(app.server.origin + '/')), [], 'requests left the local server');
      assert.deepEqual(log.errors, [], 'console or page errors');
      await context.close();
    };
    return { page, finish };
  }

  const axisAttr = (page, name) => page.locator('.axis svg').getAttribute(name).then(Number);
  const listed = (page) => page.locator(EVENT).evaluateAll((els) => els.map((e) => e.dataset.parties));

  test('the served build carries a strict Content-Security-Policy that the app never violates', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, 'CSP meta in dist/index.html');
    for (const d of ["default-src 'none'", "style-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "font-src 'self'"]) {
      assert.ok(csp.includes(d), `CSP has ${d}: ${csp}`);
    }
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|\*/, 'nothing broad');

    const { page, finish } = await open();
    // Use the whole workbench under the policy.
    await page.locator('[data-testid="zoom-in"]').click();
    await page.locator('[data-testid="pan-later"]').click();
    await page.locator('.mark').first().hover();
    await page.locator('[data-testid="hover-card"]').waitFor();
    await page.locator('[data-testid="lane-by"]').selectOption('person');
    await page.locator('[data-testid="calendar"]').selectOption('jalali');
    await page.locator('[data-testid="view-counterparts"]').click();
    await page.locator('[data-testid="counterparts"]').waitFor();
    await page.locator('[data-testid="view-axis"]').click();
    await page.locator('[data-testid="open-article"]').first().click();
    await page.locator('[data-testid="evidence-mark"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="ui-lang"]').selectOption('fa');
    await page.locator(INPUT).fill(ENGLISH);
    await page.locator(ANALYZE).click();
    await page.locator(EVENT, { hasText: 'met his Kazakh counterpart in Tehran' }).waitFor({ timeout: 2000 });
    await page.waitForTimeout(300);
    await finish();
  });

  test('the axis zooms from decades to days and pans, by buttons, keys, wheel and drag', async () => {
    const { page, finish } = await open();
    const span0 = await axisAttr(page, 'data-span-days');
    assert.ok(span0 > 365, `the seeds span more than a year (${span0} days)`);
    await page.locator('[data-testid="zoom-in"]').click();
    const span1 = await axisAttr(page, 'data-span-days');
    assert.ok(span1 < span0 * 0.75, `zoom in narrows the view: ${span0} → ${span1}`);

    const axis = page.locator('[data-testid="axis"]');
    await axis.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('+');
    assert.equal(await axisAttr(page, 'data-span-days'), 7, 'down to a week of days');
    assert.ok(await page.locator('.tick').count() >= 5, 'day ticks are drawn');
    for (let i = 0; i < 30; i++) await page.keyboard.press('-');
    assert.ok(await axisAttr(page, 'data-span-days') > 365 * 30, 'out to decades');
    await page.keyboard.press('0');
    assert.equal(await axisAttr(page, 'data-span-days'), span0, '0 shows everything again');

    const start0 = await axisAttr(page, 'data-view-start');
    await page.keyboard.press('ArrowRight');
    assert.ok(await axisAttr(page, 'data-view-start') > start0, 'ArrowRight moves later (left-to-right axis)');
    await page.locator('[data-testid="pan-earlier"]').click();

    const box = await page.locator('.axis svg').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    assert.ok(await axisAttr(page, 'data-span-days') < span0, 'the wheel zooms in');

    const before = await axisAttr(page, 'data-view-start');
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + 12, { steps: 5 });
    await page.mouse.up();
    assert.ok(await axisAttr(page, 'data-view-start') < before, 'dragging right shows earlier time');
    await finish();
  });

  test('meetings too close to tell apart are one counted cluster; activating it zooms in on them', async () => {
    const { page, finish } = await open();
    const articles = Array.from({ length: 12 }, (_, i) => ({
      id: `may-${i}`,
      text: `TEHRAN, ${i + 1} May 2021 (IRNA) – Iran's defense minister met his Kazakh counterpart in Tehran today. Report ${i}.`,
    }));
    await page.locator('[data-testid="import-input"]').setInputFiles([{ name: 'may.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(articles)) }]);
    await page.locator('[data-testid="import-message"]').waitFor();
    await page.locator('[data-testid="zoom-fit"]').click();
    const cluster = page.locator('.axis .mark.cluster').first();
    await cluster.waitFor();
    assert.match(await cluster.getAttribute('aria-label'), /^1[0-9] meetings, /, 'the cluster says how many');
    assert.ok(await axisAttr(page, 'data-span-days') > 365, 'the whole timeline is in view');
    await cluster.focus();
    await page.keyboard.press('Enter');
    const span = await axisAttr(page, 'data-span-days');
    assert.ok(span < 60, `Enter on the cluster zooms in on its meetings (${span} days in view)`);
    assert.ok(await page.locator('.axis .mark[data-entry]').count() >= 12, 'now drawn one by one');
    assert.equal(await page.locator(`${EVENT}[data-parties="IR-KZ"]`).count() >= 12, true, 'the list keeps every meeting');
    await finish();
  });

  test('filters, search and lanes', async () => {
    const { page, finish } = await open();
    const all = await listed(page);
    assert.ok(all.length >= 7);
    await page.locator('[data-testid="filter-country"]').selectOption('KZ');
    assert.deepEqual(await listed(page), ['IR-KZ']);
    await page.locator('[data-testid="clear-filters"]').click();
    assert.deepEqual(await listed(page), all, 'clear brings everything back');
    assert.equal(await page.locator('[data-testid="filter-country"]').inputValue(), '', 'the selector shows "any" again');

    await page.locator('[data-testid="filter-text"]').fill('kazakh');
    assert.deepEqual(await listed(page), ['IR-KZ'], 'search finds the party by name');
    await page.locator('[data-testid="filter-text"]').fill('قزاقستان');
    assert.deepEqual(await listed(page), ['IR-KZ'], 'search finds the party by its Persian name in an Arabic report');
    await page.locator('[data-testid="filter-text"]').fill('');
    const langs = await page.locator('[data-testid="filter-lang"] option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(langs, ['', 'ar', 'fa'], 'the languages of the articles shown, and "any"');
    await page.locator('[data-testid="filter-lang"]').selectOption('fa');
    const persian = await listed(page);
    assert.ok(persian.length > 0 && persian.length < all.length, `the Persian seeds' meetings only: ${persian}`);
    await page.locator('[data-testid="filter-lang"]').selectOption('');
    // (A text field read when it is left: the same in every engine, see src/timeline/typed_date.rs.)
    await page.locator('[data-testid="filter-from"]').fill('2020-01-01');
    await page.locator('[data-testid="filter-from"]').press('Tab');
    const since2020 = await page.locator(EVENT).evaluateAll((els) => els.map((e) => e.dataset.date));
    assert.ok(since2020.length > 0 && since2020.every((d) => d >= '2020'), `dated 2020 or later: ${since2020}`);
    await page.locator('[data-testid="clear-filters"]').click();
    await page.locator('[data-testid="filter-status"]').selectOption('planned');
    assert.ok((await listed(page)).length < all.length);
    await page.locator('[data-testid="clear-filters"]').click();

    const lanes = () => page.locator('.lane-label').allTextContents();
    assert.ok((await lanes()).includes('Kazakhstan'), `counterpart lanes: ${await lanes()}`);
    assert.ok(!(await lanes()).includes('Iran'), 'the home party has no lane of its own');
    await page.locator('[data-testid="lane-by"]').selectOption('person');
    assert.ok((await lanes()).some((l) => l.startsWith('Amir Hatami')), `person lanes: ${await lanes()}`);
    await page.locator('[data-testid="lane-by"]').selectOption('occasion');
    assert.ok((await lanes()).some((l) => l.startsWith('Moscow Conference')), `occasion lanes: ${await lanes()}`);
    await finish();
  });

  test('a meeting reported twice is drawn once with both sources; hover and focus summarise it; click opens the article with the evidence marked', async () => {
    const { page, finish } = await open();
    const TWICE = "TEHRAN, May 5, 2021 (MNA) – Iran's defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday.";
    const AGAIN = "Tehran, 5 May 2021 (IRNA) – Defense minister Amir Hatami met his Kazakh counterpart in Tehran on Wednesday, the ministry said.";
    for (const text of [TWICE, AGAIN]) {
      await page.locator(INPUT).fill(text);
      await page.locator(ANALYZE).click();
    }
    const merged = page.locator(`${EVENT}[data-date="2021-05-05"]`);
    await merged.waitFor({ timeout: 2000 });
    assert.equal(await merged.count(), 1, 'one entry for the two reports');
    assert.equal(await merged.locator('.evidence').count(), 2, 'with both sources');
    assert.match(await merged.locator('.sources-count').textContent(), /2 sources/);
    const mark = page.locator('.mark', { has: page.locator('.mark-count') });
    assert.equal(await mark.count(), 1, 'one mark carries a source count');
    assert.equal(await mark.locator('.mark-count').textContent(), '2');

    await mark.hover();
    const card = page.locator('[data-testid="hover-card"]');
    await card.waitFor();
    assert.match(await card.textContent(), /Iran – Kazakhstan/);
    assert.match(await card.textContent(), /2 sources/);
    await page.mouse.move(0, 0);
    await card.waitFor({ state: 'detached' });
    await mark.focus();
    await card.waitFor();
    assert.match(await mark.getAttribute('aria-label'), /5 May 2021 · Iran – Kazakhstan/);

    await page.keyboard.press('Enter');
    const view = page.locator('[data-testid="article-view"]');
    await view.waitFor();
    assert.equal(await view.getAttribute('role'), 'dialog');
    const marked = await page.locator('[data-testid="evidence-mark"]').textContent();
    const evidence = await merged.locator('.evidence').first().textContent();
    assert.equal(marked, evidence, 'the marked text is the evidence');
    assert.equal(await page.locator('[data-testid="article-text"]').textContent(), TWICE, 'the whole article, as text');
    assert.equal(await page.locator('[data-testid="article-text"]').getAttribute('dir'), 'auto');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'close-article', 'focus moves into the dialog');
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });

    // An Arabic seed: offsets are characters, not bytes.
    await page.locator(`${EVENT}[data-parties="IR-KZ"] [data-testid="open-article"]`).first().click();
    const arabic = await page.locator('[data-testid="evidence-mark"]').textContent();
    assert.equal(arabic, await page.locator(`${EVENT}[data-parties="IR-KZ"] .evidence`).first().textContent());
    await page.locator('[data-testid="close-article"]').click();
    await finish();
  });

  test('a meeting the evidence bounds is a range on the axis, never "Undated"; "why this date" lists each reason and opens its words; a dated report dates an undated one', async () => {
    const { page, finish } = await open();
    // The seeds: every meeting is placed on the axis.
    assert.equal(await page.locator('.mark.undated').count(), 0, 'no seed meeting stands in the Undated column');
    // Seed 004 says only that it was the Tajik minister's first visit abroad: a range between his taking office and six months on.
    const tajik = page.locator(`${EVENT}[data-parties="IR-TJ"]`);
    assert.match(await tajik.locator('.event-date').textContent(), /between 23 January 2025 and 25 July 2025/);
    const range = page.locator('.mark[data-mark-parties="IR-TJ"]');
    assert.equal(await range.locator('rect').count(), 1, 'drawn as a range, not a point');
    assert.ok(Number(await range.locator('rect').getAttribute('width')) > 10);
    const why = tajik.locator('[data-testid="why-date"]');
    await why.locator('summary').click();
    const kinds = await why.locator('li').evaluateAll((els) => els.map((e) => e.dataset.kind));
    assert.deepEqual(kinds, ['office', 'office', 'newly'], "both ministers' terms, then 'first destination abroad'");
    assert.match(await why.textContent(), /Term of office/);
    assert.match(await why.textContent(), /Newly in office/);
    // Each reason links to the words that gave it, marked in the article.
    const words = why.locator('[data-testid="reason-words"]').last();
    const said = (await words.textContent()).replace(/[«»]/g, '');
    await words.click();
    await page.locator('[data-testid="article-view"]').waitFor();
    assert.equal(await page.locator('[data-testid="evidence-mark"]').textContent(), said, 'the words of the reason are marked');
    await page.locator('[data-testid="close-article"]').click();

    // An undated report (the occasion named, no edition the text can settle) ...
    const UNDATED = "Iran's defense minister Amir Hatami met his Uzbek counterpart on the sidelines of the Moscow Conference on International Security.";
    // ... and a dated report of the same meeting.
    const DATED = 'MOSCOW, April 24, 2019 (TASS) – Uzbek Defense Minister Bakhodir Kurbanov met Iranian Defense Minister Amir Hatami today on the sidelines of the Moscow Conference on International Security.';
    for (const text of [UNDATED, DATED]) {
      await page.locator(INPUT).fill(text);
      await page.locator(ANALYZE).click();
    }
    const merged = page.locator(`${EVENT}[data-parties="IR-UZ"]`, { has: page.locator('.evidence', { hasText: 'TASS' }) });
    await merged.waitFor({ timeout: 2000 });
    assert.equal(await merged.getAttribute('data-date'), '2019-04-24', 'the entry takes the dated report\'s day');
    const sources = await merged.locator('.source cite').allTextContents();
    assert.equal(sources.filter((s) => s.startsWith('pasted')).length, 2, `both pasted reports are one entry: ${sources}`);
    await finish();
  });

  test('dates in the Solar Hijri and lunar Hijri calendars; the counterparts matrix', async () => {
    const { page, finish } = await open();
    const kzDate = () => page.locator(`${EVENT}[data-parties="IR-KZ"] .event-date`).first().textContent();
    assert.equal(await kzDate(), 'April 2018');
    await page.locator('[data-testid="calendar"]').selectOption('jalali');
    assert.equal(await kzDate(), 'Farvardin–Ordibehesht 1397 SH');
    await page.locator('[data-testid="calendar"]').selectOption('hijri');
    assert.match(await kzDate(), /1439 AH$/);
    assert.equal(await page.locator(`${EVENT}[data-parties="IR-KZ"]`).first().getAttribute('data-date'), '2018-04', 'data-date stays ISO');

    await page.locator('[data-testid="view-counterparts"]').click();
    const matrix = page.locator('[data-testid="counterparts"]');
    await matrix.waitFor();
    assert.ok(await matrix.isVisible());
    const iranRow = matrix.locator('tbody tr').first();
    assert.equal(await iranRow.locator('th').textContent(), 'Iran', 'the party in most meetings comes first');
    const counts = await matrix.locator('td.cell').evaluateAll((cells) => cells.map((c) => Number(c.dataset.count)));
    assert.ok(counts.reduce((a, b) => a + b, 0) >= 14, 'each of 7+ bilateral meetings counted both ways');
    assert.ok(await page.locator('[data-testid="axis"]').isHidden(), 'the axis gives way');
    assert.ok(await page.locator(EVENT).count() >= 7, 'the list stays');
    await finish();
  });

  test('Persian and Arabic interfaces mirror the layout; the choice is kept; narrow screens work', async () => {
    const { page, finish } = await open();
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('.mark').first().hover();
    await page.screenshot({ path: join(SHOTS, 'timeline-en.png') });

    await page.locator('[data-testid="ui-lang"]').selectOption('fa');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fa');
    assert.equal(await page.locator('#timeline-heading').textContent(), 'خط زمانی');
    assert.equal(await page.locator('[data-testid="analyze"]').textContent(), 'تحلیل و افزودن');
    assert.ok((await page.locator('.lane-label').allTextContents()).includes('قزاقستان'), 'country names in Persian');
    // Occasions and roles in Persian too (the seeds' meetings on the sidelines of MCIS).
    const kzRow = page.locator(`${EVENT}[data-parties="IR-KZ"]`).first();
    assert.equal(await kzRow.locator('.occasion').textContent(), 'کنفرانس امنیت بین‌المللی مسکو');
    assert.match(await kzRow.locator('.event-people').textContent(), /وزیر دفاع/);
    const side = await page.locator('section.side').boundingBox();
    const main = await page.locator('section.main').boundingBox();
    assert.ok(side.x > main.x, 'the articles column moves to the right');
    // Time runs right to left: a later meeting is further left.
    const kz = await page.locator('.mark[data-mark-parties="IR-KZ"]').boundingBox();
    const ru = await page.locator('.mark[data-mark-parties="IR-RU"]').first().boundingBox();
    assert.ok(ru.x < kz.x, 'later is to the left');
    await page.locator('[data-testid="calendar"]').selectOption('jalali');
    assert.equal(await page.locator(`${EVENT}[data-parties="IR-KZ"] .event-date`).first().textContent(), 'فروردین–اردیبهشت ۱۳۹۷ ش');
    await page.locator('.mark').first().hover();
    await page.screenshot({ path: join(SHOTS, 'timeline-fa.png') });

    await page.reload();
    await page.locator(EVENT).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', 'the language is kept');
    await page.locator('[data-testid="ui-lang"]').selectOption('ar');
    assert.equal(await page.locator('#timeline-heading').textContent(), 'الخط الزمني');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await page.locator(`${EVENT}[data-parties="IR-KZ"] .occasion`).first().textContent(), 'مؤتمر موسكو للأمن الدولي');

    await page.setViewportSize({ width: 380, height: 800 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 380 px (${overflow} px too wide)`);
    assert.ok(await page.locator('.mark').first().isVisible(), 'the axis fits a phone');
    await page.screenshot({ path: join(SHOTS, 'timeline-ar-narrow.png'), fullPage: true });

    await page.locator('[data-testid="ui-lang"]').selectOption('en');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    await finish();
  });

  test('every control is reachable by keyboard and named for screen readers', async () => {
    const { page, finish } = await open();
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, [role="button"]')]
      .filter((el) => {
        const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent;
        return !label || !label.trim();
      }).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, [], 'every control has a name');
    const reached = new Set();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.getAttribute('class') || ''));
    }
    for (const id of ['ui-lang', 'filter-text', 'filter-country', 'view-counterparts', 'lane-by', 'calendar', 'zoom-in', 'axis', 'mark']) {
      assert.ok(reached.has(id), `Tab reaches ${id} (reached ${[...reached].join(', ')})`);
    }
    await finish();
  });

  test('hostile text is shown as text: markup, script URLs and bidi overrides', async () => {
    const { page, finish } = await open();
    const PAYLOADS = [
      `Iran's defense minister Amir Hatami met his Kazakh counterpart <img src=x onerror="window.__pwned=1"> in Tehran on 5 May 2021.`,
      `<svg onload="window.__pwned=2"></svg><iframe srcdoc="<script>parent.__pwned=3</script>"></iframe> met`,
      `"><script>window.__pwned=4</script><a href="javascript:window.__pwned=5">click</a> <style>body{display:none}</style>`,
      `\u202Etxt.exe\u202C \u2067RLI\u2069 \u200F Iran's foreign minister met his Russian counterpart in Moscow on 2 June 2021.`,
    ];
    for (const text of PAYLOADS) {
      await page.locator(INPUT).fill(text);
      await page.locator(ANALYZE).click();
      await page.locator('[data-testid="article"]', { hasText: text.trim().split('\n')[0].slice(0, 40) }).first().waitFor({ timeout: 2000 });
    }
    const withMarkup = page.locator(`${EVENT}[data-date="2021-05-05"]`);
    await withMarkup.waitFor();
    assert.match(await withMarkup.locator('.evidence').textContent(), /<img src=x onerror="window.__pwned=1">/, 'markup in the evidence is text');
    await withMarkup.locator('[data-testid="open-article"]').click();
    assert.equal(await page.locator('[data-testid="article-text"]').textContent(), PAYLOADS[0], 'and in the article view');
    await page.keyboard.press('Escape');

    const bidi = page.locator(`${EVENT}[data-date="2021-06-02"]`);
    await bidi.waitFor();
    const shown = await page.locator('[data-testid="article"]', { hasText: 'txt.exe' }).first().textContent();
    assert.ok(shown.includes('\u202Etxt.exe\u202C'), 'the override characters are kept, as text');
    const isolation = await page.locator('.article-title, .evidence').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).unicodeBidi))]);
    assert.deepEqual(isolation, ['plaintext'], 'each text is its own bidi paragraph: an override cannot reorder what follows it');
    assert.equal(await page.locator('.masthead h1').textContent(), 'Didar', 'the page around it is untouched');

    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no payload ran');
    assert.equal(await page.locator('body img, body iframe, body script, main svg[onload], a[href^="javascript:"], body style').count(), 0, 'no element was made from the payloads');
    assert.ok(await page.locator('.masthead').isVisible(), 'pasted <style> did not apply');
    await finish();
  });
});
