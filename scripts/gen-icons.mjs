// Draw the app's icons for the web app manifest (style/icons/) from the favicon's
// design, in headless Chromium: PNGs of 192 and 512 pixels, and a "maskable" one
// whose mark sits inside the central 80% that every platform's mask keeps.
// Run once after changing the design; the output is committed.
//
//   node scripts/gen-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch } from '../e2e/chromium.mjs';

const out = join(ROOT, 'style', 'icons');
mkdirSync(out, { recursive: true });
const favicon = readFileSync(join(ROOT, 'style', 'favicon.svg'), 'utf8');
writeFileSync(join(out, 'didar.svg'), favicon);
// Full bleed: the square is the background, the two rings drawn at 70% size in the middle.
const maskable = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0f6d63"/>'
  + '<g transform="translate(16 16) scale(0.7) translate(-16 -16)"><circle cx="11" cy="16" r="5.5" fill="#fff"/>'
  + '<circle cx="21" cy="16" r="5.5" fill="none" stroke="#fff" stroke-width="2.5"/></g></svg>';

const browser = await launch();
try {
  const page = await browser.newPage();
  for (const [name, svg, size] of [['didar-192.png', favicon, 192], ['didar-512.png', favicon, 512], ['didar-maskable-512.png', maskable, 512]]) {
    await page.setViewportSize({ width: size, height: size });
    const img = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${img}</body></html>`);
    await page.locator('svg').screenshot({ path: join(out, name), omitBackground: true });
    console.log(`gen-icons: ${join('style', 'icons', name)}`);
  }
} finally {
  await browser.close();
}
