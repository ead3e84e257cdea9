// End-to-end test of the Pair web shell in a real Chromium, driven through
// the accessible names of its controls (what a screen reader announces).
//
//   PAIR_URL         base URL of the stack's nginx, e.g. http://127.0.0.1:18080
//                    (unset: the test is skipped)
//   CHROMIUM_PATH    the browser to drive (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS   how long one step may wait (default 15000)
//
// Screenshots of each step go to tests/e2e/artifacts/.
//
//   cd tests/e2e && npm ci && PAIR_URL=http://127.0.0.1:18080 npm test

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH, STEP_TIMEOUT, screenshot, uniqueName } from './browser.mjs';


function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entry of the Users list whose accessible name is exactly `name, online|offline`. */
function userEntry(page, username, state) {
  return page
    .getByRole('list', { name: 'Users', exact: true })
    .getByRole('listitem', { name: `${username}, ${state}`, exact: true });
}

/** Waits for the URL to be `/r/{id}` and returns the id. */
async function waitForRoomUrl(page, roomId) {
  const pattern = roomId
    ? new RegExp(`^${escapeRegExp(BASE_URL)}/r/${escapeRegExp(roomId)}$`)
    : new RegExp(`^${escapeRegExp(BASE_URL)}/r/([A-Za-z0-9_-]{1,64})$`);
  await page.waitForURL(pattern);
  return decodeURIComponent(new URL(page.url()).pathname.slice('/r/'.length));
}

/** Waits for the alert to say `message` (the last alert on the page). */
async function alertText(page) {
  const alert = page.getByRole('alert');
  await alert.first().waitFor({ state: 'visible' });
  return (await alert.first().textContent())?.trim();
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

test('the web shell: create, join, see each other, disconnect, validate', async (t) => {
  if (!BASE_URL) {
    t.skip('PAIR_URL is not set');
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  t.after(() => browser.close());

  const alice = uniqueName('alice');
  const bob = uniqueName('bob');
  const a = await newPage(browser);
  const b = await newPage(browser);
  let roomId = '';

  // Each step leaves a screenshot; a failing step leaves one named after it,
  // and the steps after it are skipped (they depend on it).
  let failed = '';
  async function step(name, fn, { independent = false } = {}) {
    if (failed && !independent) {
      await t.test(name, { skip: `an earlier step failed: ${failed}` }, () => {});
      return;
    }
    await t.test(name, async () => {
      try {
        await fn();
      } catch (err) {
        failed = name;
        for (const [who, p] of [['first', a.page], ['second', b.page]]) {
          const alerts = await p.getByRole('alert').allTextContents().catch(() => []);
          t.diagnostic(`${who} page at ${p.url()}${alerts.length ? `, alert: ${alerts.join(' | ')}` : ''}`);
        }
        await screenshot(a.page, `FAILED-${name.replace(/\W+/g, '-')}-first`).catch(() => {});
        await screenshot(b.page, `FAILED-${name.replace(/\W+/g, '-')}-second`).catch(() => {});
        throw err;
      }
    });
  }

  await step('the first user creates a room and is in it, online', async () => {
    await a.page.goto(`${BASE_URL}/`);
    await a.page.getByLabel('Username', { exact: true }).fill(alice);
    await a.page.getByLabel('Room limit', { exact: true }).fill('3');
    await screenshot(a.page, '01-landing-filled');
    await a.page.getByRole('button', { name: 'Create room', exact: true }).click();

    roomId = await waitForRoomUrl(a.page);
    await userEntry(a.page, alice, 'online').waitFor();
    await a.page.getByText(/^\s*1 \/ 3 online\s*$/).waitFor();
    await a.page.getByLabel('Code', { exact: true }).waitFor();
    const stored = await a.page.evaluate((id) => localStorage.getItem(`pair.session.${id}`), roomId);
    assert.ok(stored, 'the session is stored for a reload');
    assert.equal(JSON.parse(stored).roomId, roomId);
    await screenshot(a.page, '02-room-created');
  });

  await step('a second user opens /r/{id}, finds the Room ID filled in, and joins', async () => {
    assert.ok(roomId, 'a room was created');
    await b.page.goto(`${BASE_URL}/r/${encodeURIComponent(roomId)}`);
    const roomField = b.page.getByLabel('Room ID', { exact: true });
    await roomField.waitFor();
    assert.equal(await roomField.inputValue(), roomId);
    await b.page.getByLabel('Username', { exact: true }).fill(bob);
    await screenshot(b.page, '03-join-form');
    await b.page.getByRole('button', { name: 'Join room', exact: true }).click();

    await waitForRoomUrl(b.page, roomId);
    await userEntry(b.page, alice, 'online').waitFor();
    await userEntry(b.page, bob, 'online').waitFor();
    await b.page.getByText(/^\s*2 \/ 3 online\s*$/).waitFor();
    await screenshot(b.page, '04-both-users');
  });

  await step('a reload of the room rejoins with the stored session', async () => {
    await b.page.reload();
    await waitForRoomUrl(b.page, roomId);
    await userEntry(b.page, bob, 'online').waitFor();
    await userEntry(b.page, alice, 'online').waitFor();
    assert.equal(await b.page.getByRole('button', { name: 'Join room' }).count(), 0, 'no join form');
    await screenshot(b.page, '05-after-reload');
  });

  await step('the first user disconnects and is back on the landing page', async () => {
    await a.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await a.page.waitForURL(`${BASE_URL}/`);
    await a.page.getByRole('button', { name: 'Create room', exact: true }).waitFor();
    await a.page.getByLabel('Username', { exact: true }).waitFor();
    const stored = await a.page.evaluate((id) => localStorage.getItem(`pair.session.${id}`), roomId);
    assert.equal(stored, null, 'the stored session is forgotten');
    await screenshot(a.page, '06-after-disconnect');
  });

  await step('an invalid username shows the message', async () => {
    if (new URL(a.page.url()).pathname !== '/') await a.page.goto(`${BASE_URL}/`);
    await a.page.getByLabel('Username', { exact: true }).fill('ab');
    await a.page.getByRole('button', { name: 'Create room', exact: true }).click();
    assert.equal(await alertText(a.page), 'Username must be at least 3 characters');
    assert.equal(new URL(a.page.url()).pathname, '/', 'still on the landing page');
    await screenshot(a.page, '07-invalid-username');
  }, { independent: true });

  await step('no script errors on either page', async () => {
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  });
});
