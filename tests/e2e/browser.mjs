// What the browser tests share: where the stack and the browser are, how
// Chromium is started here, and where screenshots go.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = (process.env.PAIR_URL || '').replace(/\/+$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const STEP_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS) || 15_000;
export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
// Debian's Chromium, headless, as root, on a machine with no outside network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A valid username nobody else uses: the prefix and 8 hex digits. */
export function uniqueName(prefix) {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** Saves a full-page screenshot as artifacts/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
