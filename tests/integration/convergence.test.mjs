// Convergence: several reference clients (tests/client/) edit one room at
// once, with random delays, while their WebSockets are dropped and reopened
// at random; afterwards every client has the server's text and the server's
// log holds every edit exactly once.
//
//   PAIR_SEEDS        comma-separated seeds, one test each (default 1,2,3)
//   PAIR_CLIENTS      clients per room (default 6, at most 20)
//   PAIR_DURATION_MS  how long the clients edit (default 4000)

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { BASE_URL, createRoom, holdStackShared, joinOk, serverState, skipIfNoServer } from './helpers.mjs';

await holdStackShared();

// Loaded only when there is a server to test (the file skips without npm ci).
const { countByClient, runChaos } = BASE_URL ? await import('../client/chaos.mjs') : {};

const SEEDS = (process.env.PAIR_SEEDS || '1,2,3')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map(Number);
const CLIENTS = Math.min(20, Math.max(2, Number(process.env.PAIR_CLIENTS || 6)));
const DURATION_MS = Number(process.env.PAIR_DURATION_MS || 4000);

const open = [];
after(() => {
  for (const c of open) c.close();
});

describe('convergence of concurrent editors', { skip: skipIfNoServer }, () => {
  for (const seed of SEEDS) {
    test(`${CLIENTS} clients, ${DURATION_MS} ms of random edits and socket drops (seed ${seed})`, { timeout: DURATION_MS + 60_000 }, async () => {
      const room = await createRoom({ username: `owner${seed}`, limit: 20 });
      const tokens = [room.token];
      for (let i = 1; i < CLIENTS; i++) tokens.push((await joinOk(room.roomId, `editor${i}`)).token);

      const run = await runChaos({ baseUrl: BASE_URL, roomId: room.roomId, tokens, seed, durationMs: DURATION_MS });
      open.push(...run.clients);
      const { clients, edits } = run;

      const { text, doc, log } = await serverState(room.roomId, room.token);

      const summary = clients.map((c, i) => `#${i} edits ${edits[i]} accepted ${c.acceptedUpdates} 409s ${c.conflicts} retries ${c.retries} pulls ${c.pulls} opens ${c.wsOpens}`).join('\n');
      const totalEdits = edits.reduce((s, n) => s + n, 0);
      assert.ok(totalEdits >= clients.length * 10, `the clients made edits (${totalEdits}):\n${summary}`);
      assert.ok(run.drops > 0, 'some sockets were dropped');

      clients.forEach((c, i) => {
        assert.equal(c.text(), text, `client ${i} has the server's text (GET /code)\n${summary}`);
        assert.equal(c.version(), doc.version, `client ${i} is at the server's version`);
        assert.equal(c.pending(), 0, `client ${i} has nothing pending`);
        assert.equal(c.misdirected, 0, `client ${i} got only answers to its own requests`);
      });
      assert.equal(doc.code, text);

      // Nothing lost, nothing applied twice.
      const accepted = clients.reduce((s, c) => s + c.acceptedUpdates, 0);
      assert.equal(doc.version, accepted, `the server's version equals the updates acknowledged with 200\n${summary}`);
      assert.equal(doc.version, totalEdits, `the server's version equals the number of edits made\n${summary}`);
      assert.equal(log.version, doc.version);
      assert.equal(log.updates.length, doc.version);
      const byClient = countByClient(log.updates);
      clients.forEach((c, i) => {
        assert.equal(byClient.get(c.clientID) || 0, edits[i], `client ${i}'s edits are in the log exactly once`);
        assert.equal(c.confirmedOwn, edits[i], `client ${i} saw each of its edits come back once`);
      });
      log.updates.forEach((u, i) => assert.equal(u.version, i));
    });
  }
});
