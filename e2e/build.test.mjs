// The build itself: every Trunk build carries the Content-Security-Policy (issue 16, point 8),
// and its code stays within the size budget (issues 11 and 14).
// Run: `node --test e2e/build.test.mjs` after `scripts/build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './chromium.mjs';
import { policy } from '../scripts/csp.mjs';
import { BUDGET, CEILING, budgetSizes } from '../scripts/sizes.mjs';

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"[^>]*>\s*/;

/** The post_build hooks of Trunk.toml, as [command, ...arguments]. */
function postBuildHooks() {
  const toml = readFileSync(join(ROOT, 'Trunk.toml'), 'utf8');
  return toml.split(/^\[\[hooks\]\]\s*$/m).slice(1)
    .map((block) => block.split(/^\[/m)[0])
    .filter((block) => /^stage\s*=\s*"post_build"/m.test(block))
    .map((block) => [JSON.parse(/^command\s*=\s*(".*")/m.exec(block)[1]), ...JSON.parse(/^command_arguments\s*=\s*(\[.*\])/m.exec(block)?.[1] ?? '[]')]);
}

test('issue16_8: a plain trunk build carries the Content-Security-Policy (its post_build hook writes it)', () => {
  const built = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Trunk's output without a policy, as `trunk build` stages it before its hooks run.
  const staged = built.replace(META, '');
  assert.doesNotMatch(staged, META);
  const dir = mkdtempSync(join(tmpdir(), 'didar-staging-'));
  try {
    writeFileSync(join(dir, 'index.html'), staged);
    const hooks = postBuildHooks();
    assert.ok(hooks.length > 0, 'Trunk.toml has a post_build hook');
    for (const [cmd, ...args] of hooks) execFileSync(cmd, args, { cwd: ROOT, env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
    const out = readFileSync(join(dir, 'index.html'), 'utf8');
    const csp = META.exec(out)?.[1];
    assert.ok(csp, 'the staged index.html got a policy');
    assert.equal(csp, policy(out), 'with the hashes of its own inline scripts');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // And the built dist/ (scripts/build runs only `trunk build`) carries the same policy.
  assert.equal(META.exec(built)?.[1], policy(built));
});

test('issue14: the wasm and every JS file of the build weigh at most the ceiling (630,000 bytes, gzip -9) while the 600 KB budget is not met', () => {
  // The wasm, its JS glue, the analysis worker and the service worker (scripts/sizes.mjs).
  const sizes = budgetSizes(DIST);
  const files = sizes.map((s) => s.file);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => /^didar-web-.*\.js$/.test(f)), `a built dist/: ${files}`);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const each = sizes.map((s) => `${s.file} ${s.gzip}`).join(', ');
  const over = total > BUDGET ? `, ${total - BUDGET} B OVER the ${BUDGET} B budget of issue 14` : ` (budget ${BUDGET} B met)`;
  console.log(`wasm + JS, gzip -9: ${total} B${over}; ceiling ${CEILING} B (${each})`);
  assert.ok(total <= CEILING, `wasm + JS weigh ${total} B gzip, over the ${CEILING} B ceiling: ${each}`);
});
