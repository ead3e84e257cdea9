// End-to-end test of the collaborative editor in a real Chromium: two people
// in one room type at the same time, see each other's cursors, typing and
// presence, survive a reload and an app-server outage, and save, preview and
// restore versions. Driven through accessible names, checked against the
// server's own copy of the document (GET /rooms/{id}/code).
//
//   PAIR_URL         base URL of the stack's nginx, e.g. http://127.0.0.1:18080
//                    (unset: the test is skipped)
//   PAIR_CTL         path of scripts/pairctl for that stack (with its PAIR_VAR,
//                    PORT, ... in the environment); unset: the outage step is skipped
//   CHROMIUM_PATH    the browser to drive (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS   how long one step may wait (default 15000)
//
// Screenshots go to tests/e2e/artifacts/ (collab-*.png). The measured figures
// are printed as one JSON line starting with "E2E_METRICS ".

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH, STEP_TIMEOUT, screenshot as shoot, uniqueName } from './browser.mjs';

const PAIR_CTL = process.env.PAIR_CTL || '';
const EDITOR = '[aria-label="Code editor"]';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const round = (x) => Math.round(x * 10) / 10;

/** Screenshots of this file are prefixed collab-. */
function screenshot(page, name) {
  return shoot(page, `collab-${name}`);
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT);
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // beforeunload warnings (unsent edits) are recorded and accepted.
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  return { context, page, errors, dialogs };
}

function userEntry(page, name) {
  return page.getByRole('list', { name: 'Users', exact: true }).getByRole('listitem', { name, exact: true });
}

/**
 * The editor's document as the person sees it: the text of its lines, without
 * widgets (remote cursor labels, ghost text). Fine for documents that fit the
 * viewport (CodeMirror draws only what is visible).
 */
function editorText(page) {
  return page.evaluate((sel) => {
    const content = document.querySelector(sel);
    if (!content) return null;
    const clone = content.cloneNode(true);
    clone.querySelectorAll('.cm-remote-caret, .cm-ghost-text, .cm-widgetBuffer').forEach((n) => n.remove());
    return [...clone.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n');
  }, EDITOR);
}

async function waitForText(page, predicate, what, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await editorText(page);
    if (last !== null && predicate(last)) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; editor has ${JSON.stringify(last)}`);
}

async function session(page, roomId) {
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`pair.session.${id}`) || 'null'), roomId);
}

async function serverCode(token, roomId) {
  const res = await fetch(`${BASE_URL}/rooms/${encodeURIComponent(roomId)}/code`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, 'GET /code answers 200');
  return res.text();
}

/** Puts the cursor at the end of line `n` (1-based) of the editor. */
async function cursorToLineEnd(page, n) {
  await page.locator(EDITOR).click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

function pairctl(command) {
  execFileSync(PAIR_CTL, [command], { stdio: 'pipe', timeout: 30_000 });
}

test('the collaborative editor: two people, one document', async (t) => {
  if (!BASE_URL) {
    t.skip('PAIR_URL is not set');
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());

  const alice = uniqueName('alice');
  const bob = uniqueName('bob');
  const a = await newPage(browser);
  const b = await newPage(browser);
  let roomId = '';
  let aliceToken = '';
  const metrics = {};

  let failed = '';
  async function step(name, fn, { skip = '' } = {}) {
    if (skip || failed) {
      await t.test(name, { skip: skip || `an earlier step failed: ${failed}` }, () => {});
      return;
    }
    await t.test(name, async () => {
      try {
        await fn();
      } catch (err) {
        failed = name;
        for (const [who, p] of [['alice', a.page], ['bob', b.page]]) {
          const status = await p.getByRole('status', { name: 'Connection' }).textContent().catch(() => '?');
          t.diagnostic(`${who} at ${p.url()}, connection: ${status}, editor: ${JSON.stringify(await editorText(p).catch(() => null))}`);
        }
        await screenshot(a.page, `FAILED-${name.replace(/\W+/g, '-')}-alice`).catch(() => {});
        await screenshot(b.page, `FAILED-${name.replace(/\W+/g, '-')}-bob`).catch(() => {});
        throw err;
      }
    });
  }

  await step('alice creates a room and gets an editable editor', async () => {
    await a.page.goto(`${BASE_URL}/`);
    await a.page.getByLabel('Username', { exact: true }).fill(alice);
    await a.page.getByRole('button', { name: 'Create room', exact: true }).click();
    await a.page.waitForURL(/\/r\/[A-Za-z0-9_-]+$/);
    roomId = decodeURIComponent(new URL(a.page.url()).pathname.slice(3));
    await a.page.locator(`${EDITOR}[contenteditable="true"]`).waitFor();
    await a.page.getByRole('status', { name: 'Connection' }).getByText('Connected').waitFor();
    aliceToken = (await session(a.page, roomId)).token;
    // Two lines to write on, one each (set through the API, as a script would).
    const res = await fetch(`${BASE_URL}/rooms/save`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${aliceToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId, username: alice, code: 'A:\nB:' }),
    });
    assert.equal(res.status, 200);
    await waitForText(a.page, (s) => s === 'A:\nB:', 'the saved text to arrive live');
  });

  await step('bob joins at /r/{id} and sees the document and alice online', async () => {
    await b.page.goto(`${BASE_URL}/r/${encodeURIComponent(roomId)}`);
    await b.page.getByLabel('Username', { exact: true }).fill(bob);
    await b.page.getByRole('button', { name: 'Join room', exact: true }).click();
    await b.page.locator(`${EDITOR}[contenteditable="true"]`).waitFor();
    await waitForText(b.page, (s) => s === 'A:\nB:', 'the document');
    await userEntry(b.page, `${alice}, online`).waitFor();
    await userEntry(a.page, `${bob}, online`).waitFor();
    await a.page.getByText(/^\s*2 \/ 5 online\s*$/).waitFor();
  });

  await step('a reload reaches an editable editor quickly (measured)', async () => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await b.page.goto(`${BASE_URL}/r/${encodeURIComponent(roomId)}`, { waitUntil: 'commit' });
      await b.page.locator(`${EDITOR}[contenteditable="true"]`).waitFor();
      await waitForText(b.page, (s) => s === 'A:\nB:', 'the document after the reload');
      times.push(performance.now() - t0);
    }
    metrics.openToEditableMs = round(median(times));
    metrics.openToEditableRunsMs = times.map(round);
    await userEntry(a.page, `${bob}, online`).waitFor();
  });

  await step('the language is shared by the room', async () => {
    await a.page.getByLabel('Language', { exact: true }).selectOption('javascript');
    await b.page.waitForFunction(() => document.querySelector('select')?.value === 'javascript');
    assert.equal(await b.page.getByLabel('Language', { exact: true }).inputValue(), 'javascript');
  });

  const aliceTyped = 'alpha bravo charlie delta echo foxtrot 1';
  const bobTyped = 'one two three four five six seven eight';
  await step('both type at the same time; both editors and the server end identical', async () => {
    await cursorToLineEnd(a.page, 1);
    await cursorToLineEnd(b.page, 2);
    const typing = Promise.all([
      a.page.keyboard.type(aliceTyped, { delay: 25 }),
      b.page.keyboard.type(bobTyped, { delay: 25 }),
    ]);
    // While they type, each sees the other typing, and the other's cursor label.
    await a.page.getByText(`${bob} is typing…`).waitFor();
    await b.page.getByText(`${alice} is typing…`).waitFor();
    await userEntry(a.page, `${bob}, online, typing`).waitFor();
    await screenshot(a.page, '01-typing-alice');
    await typing;
    const expected = `A:${aliceTyped}\nB:${bobTyped}`;
    await waitForText(a.page, (s) => s === expected, 'alice to see both lines');
    await waitForText(b.page, (s) => s === expected, 'bob to see both lines');
    await a.page.getByRole('status', { name: 'Connection' }).getByText(/^Connected$/).waitFor();
    await b.page.getByRole('status', { name: 'Connection' }).getByText(/^Connected$/).waitFor();
    assert.equal(await serverCode(aliceToken, roomId), expected);
    await a.page.locator('.cm-remote-label', { hasText: bob }).waitFor();
    await b.page.locator('.cm-remote-label', { hasText: alice }).waitFor();
    await screenshot(b.page, '02-both-typed-bob');
    // The typing marks go away once they stop.
    await a.page.getByText(`${bob} is typing…`).waitFor({ state: 'detached', timeout: 8000 });
  });

  await step('keystroke-to-remote-screen latency (measured over 50 keystrokes)', async () => {
    await cursorToLineEnd(a.page, 1);
    await a.page.keyboard.type(' L', { delay: 20 });
    await waitForText(b.page, (s) => s.split('\n')[0].endsWith(' L'), 'the marker');
    const before = (await editorText(b.page)).split('\n')[0];
    // Bob's page timestamps every change of the first line; alice's page every key.
    await b.page.evaluate((sel) => {
      window.__arrivals = [];
      const content = document.querySelector(sel);
      const record = () => {
        const line = content.querySelector('.cm-line');
        if (!line) return;
        const clone = line.cloneNode(true);
        clone.querySelectorAll('.cm-remote-caret, .cm-ghost-text, .cm-widgetBuffer').forEach((n) => n.remove());
        window.__arrivals.push([performance.timeOrigin + performance.now(), clone.textContent]);
      };
      new MutationObserver(record).observe(content, { childList: true, subtree: true, characterData: true });
    }, EDITOR);
    await a.page.evaluate(() => {
      window.__keys = [];
      document.addEventListener('keydown', () => window.__keys.push(performance.timeOrigin + performance.now()), true);
    });
    const keys = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx';
    for (const ch of keys) {
      await a.page.keyboard.press(ch);
      await sleep(40);
    }
    await waitForText(b.page, (s) => s.split('\n')[0] === before + keys, 'all 50 keystrokes');
    const sent = await a.page.evaluate(() => window.__keys);
    const arrivals = await b.page.evaluate(() => window.__arrivals);
    assert.equal(sent.length, 50);
    const latencies = [];
    for (let i = 0; i < 50; i++) {
      const want = before + keys.slice(0, i + 1);
      const hit = arrivals.find(([, text]) => text.startsWith(want));
      assert.ok(hit, `keystroke ${i} arrived`);
      latencies.push(hit[0] - sent[i]);
    }
    metrics.keystrokeToRemoteMs = { median: round(median(latencies)), max: round(Math.max(...latencies)), n: 50 };
  });

  await step('edits typed while the browser is offline are sent when it is back', async () => {
    await b.context.setOffline(true);
    try {
      await cursorToLineEnd(b.page, 2);
      await b.page.keyboard.type(' net', { delay: 20 });
      await b.page.getByRole('status', { name: 'Connection' }).getByText(/^Offline · \d+ unsent$/).waitFor();
    } finally {
      await b.context.setOffline(false);
    }
    await waitForText(a.page, (s) => s.split('\n')[1].endsWith(' net'), "bob's offline edit at alice");
    await b.page.getByRole('status', { name: 'Connection' }).getByText(/^Connected$/).waitFor();
  });

  await step('a reload keeps the document', async () => {
    const text = await editorText(b.page);
    await b.page.reload();
    await waitForText(b.page, (s) => s === text, 'the same document after the reload');
    await userEntry(b.page, `${alice}, online`).waitFor();
  });

  await step(
    'edits typed while the app server is down reach the other person after it restarts, even across a reload',
    async () => {
      const baseline = await editorText(a.page);
      try {
        pairctl('app-stop');
        await cursorToLineEnd(b.page, 2);
        await b.page.keyboard.type(' down1', { delay: 20 });
        await cursorToLineEnd(a.page, 1);
        await a.page.keyboard.type(' down2', { delay: 20 });
        await b.page.getByRole('status', { name: 'Connection' }).getByText(/unsent/).waitFor();
        await a.page.getByRole('status', { name: 'Connection' }).getByText(/Reconnecting… · \d+ unsent/).waitFor();
        await screenshot(b.page, '03-server-down-bob');
        const stored = await b.page.evaluate((id) => localStorage.getItem(`pair.outbox.${id}`), roomId);
        assert.ok(stored && JSON.parse(stored).changes.length > 0, 'unsent edits are kept in localStorage');
        // Bob reloads while the server is down: warned first, then the page waits to rejoin.
        await b.page.reload({ waitUntil: 'commit' });
        assert.ok(b.dialogs.includes('beforeunload'), 'a beforeunload warning was shown');
        await b.page.getByText(/rejoining room/i).waitFor();
        assert.equal(await editorText(a.page), baseline.replace(/^(.*)$/m, '$1 down2'));
      } finally {
        pairctl('app-start');
      }
      const expectedA = (s) => s.includes(' down1') && s.includes(' down2');
      await waitForText(a.page, expectedA, "bob's offline edit at alice", 20_000);
      await waitForText(b.page, expectedA, "alice's offline edit at bob", 20_000);
      const finalA = await editorText(a.page);
      await waitForText(b.page, (s) => s === finalA, 'identical documents');
      await a.page.getByRole('status', { name: 'Connection' }).getByText(/^Connected$/).waitFor({ timeout: 20_000 });
      assert.equal(await serverCode(aliceToken, roomId), finalA);
      assert.equal(await b.page.evaluate((id) => localStorage.getItem(`pair.outbox.${id}`), roomId), null);
      await screenshot(a.page, '04-after-restart-alice');
    },
    { skip: PAIR_CTL ? '' : 'PAIR_CTL is not set' },
  );

  await step('save, history, preview and restore', async () => {
    const before = await editorText(a.page);
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await a.page.getByRole('status', { name: 'Save status' }).getByText(/^Saved as version \d+$/).waitFor();
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await a.page.getByRole('status', { name: 'Save status' }).getByText('No changes since the last save').waitFor();
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${roomId}.js`, 'named after the room, with the language extension');
    const history = b.page.getByRole('region', { name: 'History', exact: true });
    await history.getByText(/^last edited by /).waitFor();
    // The first checkpoint is the API save of "A:\nB:" (version 1).
    await history.getByRole('button', { name: 'Preview version 1', exact: true }).click();
    const preview = b.page.getByRole('region', { name: 'Preview of version 1', exact: true });
    await preview.getByText('A:').first().waitFor();
    await screenshot(b.page, '05-preview');
    await preview.getByRole('button', { name: 'Restore this version' }).click();
    await waitForText(a.page, (s) => s === 'A:\nB:', 'the restored version at alice');
    await waitForText(b.page, (s) => s === 'A:\nB:', 'the restored version at bob');
    assert.notEqual(before, 'A:\nB:');
    assert.equal(await serverCode(aliceToken, roomId), 'A:\nB:');
  });

  await step('the owner changes the limit; a refusal is shown', async () => {
    await a.page.getByLabel('New limit', { exact: true }).fill('2');
    await a.page.getByRole('button', { name: 'Change limit', exact: true }).click();
    await a.page.getByRole('alert').filter({ hasText: /greater/ }).waitFor();
    await a.page.getByLabel('New limit', { exact: true }).fill('7');
    await a.page.getByRole('button', { name: 'Change limit', exact: true }).click();
    await b.page.getByText(/^\s*2 \/ 7 online\s*$/).waitFor();
    assert.equal(await b.page.getByLabel('New limit').count(), 0, 'only the owner has the control');
  });

  await step('bob disconnects and alice sees him offline', async () => {
    await b.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await b.page.waitForURL(`${BASE_URL}/`);
    await userEntry(a.page, `${bob}, offline`).waitFor();
    await a.page.locator('.cm-remote-label', { hasText: bob }).waitFor({ state: 'detached' });
    await a.page.getByText(/^\s*1 \/ 7 online\s*$/).waitFor();
    await screenshot(a.page, '06-bob-left');
  });

  await step('no script errors on either page', async () => {
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  });

  console.log(`E2E_METRICS ${JSON.stringify({ roomId, ...metrics })}`);
});
