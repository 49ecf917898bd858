// Make dist-single/index.html: the built app (dist/) as ONE file that also works
// opened from disk (file://), where Chromium blocks the separate module script,
// wasm and fonts as cross-origin. The JS glue goes inline, the wasm as base64
// passed to the init function as bytes, the CSS inline with its fonts as data: URLs.
//
//   node scripts/single-file.mjs [dist] [dist-single/index.html]
//
// Refuses builds with wasm-bindgen `snippets/` (inline JS modules it cannot inline).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withCsp } from './csp.mjs';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/index.html';
const fail = (msg) => { console.error(`single-file: ${msg}`); process.exit(1); };
const read = (name) => readFileSync(join(dist, name.replace(/^\.\//, '')));
const dataUrl = (type, bytes) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

if (existsSync(join(dist, 'snippets'))) fail(`${dist}/snippets exists: JS snippets cannot be inlined`);
let html = readFileSync(join(dist, 'index.html'), 'utf8');
const replaceOnce = (re, fn, what, many = false) => {
  let n = 0;
  html = html.replace(re, (...m) => { n++; return fn(...m); });
  if (many ? n < 1 : n !== 1) fail(`expected ${many ? 'at least ' : ''}one ${what} in ${dist}/index.html, found ${n}`);
};

// Preload hints point at files that will not be there.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
// A page opened from disk cannot have a service worker or be installed: no manifest
// (the app registers its offline worker only when the page links one).
html = html.replace(/<link rel="manifest"[^>]*>\s*/g, '').replace(/<link rel="apple-touch-icon"[^>]*>\s*/g, '');

replaceOnce(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/g, (_, href) => {
  const css = read(href).toString('utf8').replace(/url\("?([^")]+\.woff2)"?\)/g, (_, font) => `url("${dataUrl('font/woff2', read(font))}")`);
  if (css.includes('</style')) fail('the CSS contains </style');
  return `<style>\n${css}</style>`;
}, 'stylesheet', true);

html = html.replace(/<link rel="icon" href="([^"]+\.svg)"[^>]*>/g, (_, href) => `<link rel="icon" href="${dataUrl('image/svg+xml', read(href))}">`);

// The served build starts the wasm's download in the <head> (scripts/loader.mjs); here it is inline.
let wasmName;
replaceOnce(/<script data-wasm="([^"]+\.wasm)">globalThis\.__didarWasm = fetch\(document\.currentScript\.dataset\.wasm\);<\/script>\s*/g, (_, name) => { wasmName = name; return ''; }, 'wasm fetch');

replaceOnce(/<script type="module">([\s\S]*?)<\/script>/g, (_, loader) => {
  const glueName = loader.match(/from '([^']+\.js)'/)?.[1] ?? fail('no JS glue import in the loader');
  const glue = read(glueName).toString('utf8');
  if (/<\/script|<!--/i.test(glue)) fail('the JS glue contains </script or <!--');
  if (!glue.includes('__wbg_init as default')) fail('the JS glue has no __wbg_init');
  const wasm = read(wasmName).toString('base64');
  return `<script type="module">\n${glue}
const __didar_exports = await __wbg_init({ module_or_path: Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0)) });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __didar_exports } }));
</script>`;
}, 'module script');

const leftover = html.match(/(?:href|src)="\.\/[^"]+"/g);
if (leftover) fail(`references to separate files remain: ${leftover.join(', ')}`);
// Its own Content-Security-Policy: the served build's (if any) names files and hashes this one lacks.
html = withCsp(html, { single: true });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const fonts = join(dist, 'fonts', 'LICENSE');
if (existsSync(fonts)) writeFileSync(join(dirname(out), 'FONT-LICENSE.txt'), readFileSync(fonts));
console.log(`single-file: wrote ${out} (${Math.round(html.length / 1024)} KB)`);
