// Collaboration through faults: reference clients keep editing while
// PostgreSQL is stopped and started, and while the app is restarted. Their
// POSTs fail (5xx) meanwhile; no edit may be lost or stored twice, and every
// client must end with the server's text.
//
// Stops parts of the stack, so it needs PAIR_CTL and holds the stack to
// itself (holdStackExclusive), like faults.test.mjs.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  BASE_URL,
  createRoom,
  holdStackExclusive,
  joinOk,
  pairCtl,
  serverState,
  skipIfNoCtl,
  sleep,
  waitHealthy,
} from './helpers.mjs';

if (!skipIfNoCtl) await holdStackExclusive();

// Loaded only when there is a stack to test (the file skips without npm ci).
const { countByClient, runChaos } = skipIfNoCtl ? {} : await import('../client/chaos.mjs');

const open = [];
after(() => {
  for (const c of open) c.close();
});

/**
 * Runs 4 clients for `durationMs` while `fault` runs alongside, then checks
 * convergence and that each edit is in the log exactly once. (acceptedUpdates
 * may be short of the log here: a commit whose answer was lost to the fault
 * is confirmed through the log instead.)
 */
async function editThrough(seed, fault, durationMs = 5000) {
  const room = await createRoom({ username: 'owner', limit: 10 });
  const tokens = [room.token];
  for (let i = 1; i < 4; i++) tokens.push((await joinOk(room.roomId, `editor${i}`)).token);
  const chaos = runChaos({
    baseUrl: BASE_URL,
    roomId: room.roomId,
    tokens,
    seed,
    durationMs,
    delayMs: [10, 60],
    dropEveryMs: [400, 900],
    settleMs: 30_000,
  });
  const [run] = await Promise.all([chaos, fault()]);
  open.push(...run.clients);
  const { clients, edits } = run;

  const { text, doc, log } = await serverState(room.roomId, room.token);
  const byClient = countByClient(log.updates);
  const summary = clients.map((c, i) => `#${i} edits ${edits[i]} accepted ${c.acceptedUpdates} own ${c.confirmedOwn} retries ${c.retries} (${c.lastTransient}) 409s ${c.conflicts}`).join('\n');
  clients.forEach((c, i) => {
    assert.equal(c.text(), text, `client ${i} has the server's text\n${summary}`);
    assert.equal(c.version(), doc.version);
    assert.equal(byClient.get(c.clientID) || 0, edits[i], `client ${i}'s edits are in the log exactly once\n${summary}`);
    assert.equal(c.confirmedOwn, edits[i]);
    assert.ok(c.acceptedUpdates <= c.confirmedOwn);
    assert.equal(c.misdirected, 0, `client ${i} got only answers to its own requests`);
  });
  assert.equal(
    doc.version,
    edits.reduce((s, n) => s + n, 0),
  );
  return { clients, summary };
}

describe('editing through faults', { skip: skipIfNoCtl, concurrency: false }, () => {
  let pgStopped = false;
  let appStopped = false;
  after(async () => {
    if (pgStopped) pairCtl('pg-start');
    if (appStopped) pairCtl('app-start');
    await waitHealthy(30_000);
  });

  test('PostgreSQL stopped and started while 4 clients edit', { timeout: 90_000 }, async () => {
    const { clients, summary } = await editThrough(101, async () => {
      await sleep(1000);
      pairCtl('pg-stop');
      pgStopped = true;
      await sleep(1500);
      pairCtl('pg-start');
      pgStopped = false;
    });
    assert.ok(
      clients.some((c) => c.retries > 0),
      `some POST failed during the outage and was retried\n${summary}`,
    );
  });

  test('the server process killed (SIGKILL) while 4 clients edit: its supervisor restarts it', { timeout: 90_000 }, async () => {
    const { clients, summary } = await editThrough(303, async () => {
      await sleep(1000);
      pairCtl('app-crash');
    });
    assert.ok(
      clients.some((c) => c.retries > 0),
      `some POST failed while the server process was gone and was retried\n${summary}`,
    );
  });

  test('nginx restarted while 4 clients edit: they reconnect and catch up', { timeout: 90_000 }, async () => {
    let nginxStopped = false;
    try {
      const { clients, summary } = await editThrough(404, async () => {
        await sleep(1000);
        pairCtl('nginx-stop');
        nginxStopped = true;
        await sleep(1000);
        pairCtl('nginx-start');
        nginxStopped = false;
      });
      assert.ok(
        clients.some((c) => c.retries > 0),
        `some POST failed while nginx was down and was retried\n${summary}`,
      );
    } finally {
      if (nginxStopped) pairCtl('nginx-start');
    }
  });

  test('the app restarted while 4 clients edit', { timeout: 90_000 }, async () => {
    const { clients, summary } = await editThrough(202, async () => {
      await sleep(1000);
      pairCtl('app-stop');
      appStopped = true;
      await sleep(1000);
      pairCtl('app-start');
      appStopped = false;
    });
    assert.ok(
      clients.some((c) => c.retries > 0),
      `some POST failed while the app was down and was retried\n${summary}`,
    );
  });
});
