// What the end-to-end tests and scripts/bench-web.mjs share: the project's paths,
// the Chromium they drive, and the hook every meeting on the timeline carries.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'e2e', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without these Chromium keeps trying to reach Google's services on a closed network.
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const EVENT = '[data-testid="timeline-event"]';

/** Headless Chromium with those arguments. */
export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS });
