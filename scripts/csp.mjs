// Put a Content-Security-Policy <meta> in a built index.html that allows nothing
// more than the app needs. The inline scripts and styles are allowed by their
// SHA-256 hashes, computed here from the final file, so the policy always matches it.
//
//   node scripts/csp.mjs dist/index.html             served build: its own files ('self'), the wasm fetched
//   node scripts/csp.mjs                             as Trunk's post_build hook (Trunk.toml): the index.html
//                                                    in $TRUNK_STAGING_DIR, so every `trunk build` carries the policy
//   node scripts/csp.mjs --single dist-single/index.html   single file: everything inline, nothing fetched
//
// single-file.mjs imports withCsp() and applies the single-file policy itself.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { withEarlyWasm } from './loader.mjs';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const META = /<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g;

/** The policy for this HTML: `single` for the one-file build opened from disk. */
export function policy(html, { single = false } = {}) {
  const body = html.replace(META, '');
  const scripts = [...body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const styles = [...body.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  const own = single ? [] : ["'self'"];
  const list = (...xs) => (xs.length ? xs.join(' ') : "'none'");
  return [
    "default-src 'none'",
    `script-src ${list(...own, "'wasm-unsafe-eval'", ...scripts)}`,
    `style-src ${list(...own, ...styles)}`,
    `font-src ${single ? 'data:' : "'self'"}`,
    `img-src ${list(...own, 'data:')}`,
    // The served build fetches its wasm; the single file carries it inline.
    `connect-src ${single ? "'none'" : "'self'"}`,
    // The served build's offline worker (sw.js) and web app manifest; the single file has neither.
    ...(single ? [] : ["worker-src 'self'", "manifest-src 'self'"]),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The HTML with its CSP meta (re)placed right after <meta charset>, before anything it governs. */
export function withCsp(html, options) {
  const csp = policy(html, options);
  if (/[<>"]/.test(csp)) throw new Error('csp: the policy would break out of its attribute');
  const stripped = html.replace(META, '');
  const at = stripped.search(/<meta charset[^>]*>/i);
  if (at < 0) throw new Error('csp: no <meta charset> to put the policy after');
  const end = stripped.indexOf('>', at) + 1;
  return `${stripped.slice(0, end)}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />${stripped.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const single = args.includes('--single');
  const staged = process.env.TRUNK_STAGING_DIR && `${process.env.TRUNK_STAGING_DIR}/index.html`;
  const file = args.find((a) => !a.startsWith('--')) ?? staged ?? 'dist/index.html';
  // (The served build's loader fetches the wasm itself first: scripts/loader.mjs.)
  const html = readFileSync(file, 'utf8');
  writeFileSync(file, withCsp(single ? html : withEarlyWasm(html), { single }));
  console.log(`csp: ${file}: ${policy(readFileSync(file, 'utf8'), { single })
    .replace(/'sha256-[^']+'/g, (h) => h.slice(0, 16) + "…'")}`);
}
