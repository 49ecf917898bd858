// Builds to deploy, made from dist/ (offline.test.mjs in Chromium, webdriver.test.mjs in Firefox
// and WebKit): a "second build" is dist/ with a different JS glue and wasm under new hashed names
// (the glue marks itself in `globalThis.__didarBuild`, the wasm carries a custom section), its
// index.html, policy and sw.js made again by the same scripts as the real build.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './chromium.mjs';
import { withCsp } from '../scripts/csp.mjs';
import { writeServiceWorker } from '../scripts/offline.mjs';

/** The build's JS glue and wasm names ("didar-web-<hash>") as its index.html loads them. */
export const stemOf = (dir) => readFileSync(join(dir, 'index.html'), 'utf8').match(/from '\.\/(didar-web-[0-9a-f]+)\.js'/)[1];

/** A wasm module with one more custom section (valid: custom sections may come anywhere). */
function withCustomSection(wasm, name, payload) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const body = [...leb(name.length), ...Buffer.from(name), ...Buffer.from(payload)];
  return Buffer.concat([wasm, Buffer.from([0, ...leb(body.length), ...body])]);
}

/** dist/ rebuilt as build `tag`: new glue and wasm (new names), index.html, CSP and sw.js made again.
 * With `staleWasm`, the new wasm name holds the old wasm's bytes: a host caught halfway through a deploy. */
export function makeBuildIn(work, tag, { staleWasm = false } = {}) {
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
