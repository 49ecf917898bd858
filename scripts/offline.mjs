// Write dist/sw.js, the service worker that makes a hosted Didar work offline: the
// template scripts/sw.js with this build's files (their hashed names as Trunk wrote
// them) and the SHA-256 of each, which the worker checks every file against when it
// installs. Its version is the hash of that list, so any change to any file is a new
// worker, which browsers find on the next visit and install beside the old one.
// Run after csp.mjs (index.html must be final).
//
//   node scripts/offline.mjs [dist]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['sw.js']);

/** Every file under `dir` (paths relative to it, with `/`), sorted. */
function files(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, base);
    const rel = relative(base, path).split(sep).join('/');
    return SKIP.has(rel) ? [] : [rel];
  });
}

/** The precache list of a built app: [[path, "sha256-..."], ...]. */
export function precacheList(dist) {
  const list = files(dist).map((path) => [path, `sha256-${createHash('sha256').update(readFileSync(join(dist, path))).digest('base64')}`]);
  if (!list.some(([p]) => p === 'index.html')) throw new Error(`offline: no index.html in ${dist}`);
  if (!list.some(([p]) => p.endsWith('.wasm'))) throw new Error(`offline: no .wasm in ${dist}`);
  return list;
}

/** Write `dist`/sw.js; returns its version and the number of files and bytes it caches. */
export function writeServiceWorker(dist) {
  const list = precacheList(dist);
  const version = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
  const template = readFileSync(join(ROOT, 'scripts', 'sw.js'), 'utf8');
  const body = template
    .replace("'__DIDAR_VERSION__'", JSON.stringify(version))
    .replace('__DIDAR_FILES__', JSON.stringify(list, null, 0).replace(/\],\[/g, '],\n  ['));
  if (body.includes('__DIDAR_')) throw new Error('offline: a placeholder was left in sw.js');
  writeFileSync(join(dist, 'sw.js'), body);
  const bytes = list.reduce((n, [p]) => n + statSync(join(dist, p)).size, 0);
  return { version, files: list.length, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  const { version, files: n, bytes } = writeServiceWorker(dist);
  console.log(`offline: ${dist}/sw.js, version ${version}: ${n} files, ${Math.round(bytes / 1024)} KB cached on the first visit`);
}
