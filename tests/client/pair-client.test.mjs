// PairClient against an in-process mock of the collaboration endpoints with
// injected faults (node --test tests/client/). Needs no stack: it checks the
// client's own robustness (reordered, dropped and duplicated WebSocket
// messages, failed and lost POSTs, failed pulls, dropped sockets).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countByClient, runChaos } from './chaos.mjs';
import { MockPairServer } from './mock-server.mjs';
import { PairClient, PairFatalError } from './pair-client.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function session(server, roomId, username) {
  const res = await fetch(`${server.url}/rooms/${roomId}?username=${username}`);
  return (await res.json()).token;
}

async function newRoom(server, username = 'alice') {
  const res = await fetch(`${server.url}/rooms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  assert.equal(res.status, 201);
  return res.json();
}

describe('PairClient (mock server)', () => {
  let server;
  before(async () => {
    server = new MockPairServer();
    await server.listen();
  });
  after(() => server.close());

  test('two clients see each other\'s edits, in order, with non-ASCII and astral text', async () => {
    const room = await newRoom(server);
    const a = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: room.token, keepHistory: true });
    const b = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: await session(server, room.roomId, 'bob') });
    await a.open();
    await b.open();
    a.edit({ from: 0, insert: 'héllo 😀\n' });
    b.edit({ from: 0, insert: '中文' });
    await a.settle();
    await b.settle();
    await a.settle();
    assert.equal(a.text(), b.text());
    assert.equal(a.text(), server.code(room.roomId));
    assert.equal(a.version(), 2);
    assert.equal(a.acceptedUpdates + b.acceptedUpdates, 2);
    a.edit((state) => ({ from: 0, to: state.doc.length, insert: '' }));
    await a.settle();
    await b.settle();
    assert.equal(b.text(), '');
    assert.equal(a.history.get(3), '');
    a.close();
    b.close();
  });

  test('"\\r" stays a character (no line-break normalisation)', async () => {
    const room = await newRoom(server);
    const a = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: room.token });
    await a.open();
    a.edit({ from: 0, insert: 'a\r\nb\rc' });
    await a.settle();
    assert.equal(a.text(), 'a\r\nb\rc');
    assert.equal(server.code(room.roomId), 'a\r\nb\rc');
    a.close();
  });

  test('an edit the server rejects (400) makes the client fail loudly', async () => {
    const room = await newRoom(server);
    const a = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: room.token });
    await a.open();
    a.edit({ from: 0, insert: '😀' });
    await a.settle();
    a.edit({ from: 1, insert: 'x' }); // inside the pair
    await assert.rejects(a.settle(5000), (err) => err instanceof PairFatalError && err.status === 400);
    a.close();
  });

  test('a 200 that cannot answer the request (another request\'s version) is an unknown outcome: sent again, stored once', async () => {
    server.faults = { ...server.faults, postMisanswerRate: 0.5, pullMisanswerRate: 0.3 };
    try {
      const room = await newRoom(server);
      const a = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: room.token, gapMs: 50 });
      await a.open();
      for (let i = 0; i < 20; i++) {
        a.edit({ from: 0, insert: String(i % 10) });
        await sleep(3);
      }
      await a.settle(10_000);
      assert.ok(a.misdirected > 0, 'the fault did reach the client');
      assert.equal(a.text(), server.code(room.roomId));
      assert.equal(countByClient(server.log(room.roomId)).get(a.clientID), 20, "every edit stored exactly once");
      assert.equal(a.version(), server.log(room.roomId).length);
      a.close();
    } finally {
      server.faults = { ...server.faults, postMisanswerRate: 0, pullMisanswerRate: 0 };
    }
  });

  test('updates that arrive out of order, twice or not at all are applied once each, in order', async () => {
    server.faults = { ...server.faults, wsDelayMs: [0, 120], wsDupRate: 0.3, wsDropRate: 0.2, wsNoise: true };
    try {
      const room = await newRoom(server);
      const a = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: room.token });
      const b = new PairClient({ baseUrl: server.url, roomId: room.roomId, token: await session(server, room.roomId, 'bob') });
      await a.open();
      await b.open();
      for (let i = 0; i < 60; i++) {
        a.edit({ from: 0, insert: String(i % 10) });
        if (i % 7 === 0) await sleep(5);
      }
      await a.settle(10_000);
      await b.settle(10_000);
      assert.equal(b.text(), server.code(room.roomId));
      assert.equal(a.text(), b.text());
      assert.ok(b.buffered > 0 || b.pulls > 1, 'the faults did reach the client');
      a.close();
      b.close();
    } finally {
      server.faults = new MockPairServer().faults;
    }
  });

  for (const seed of [1, 2, 3]) {
    test(`6 clients converge under injected faults (seed ${seed})`, async () => {
      server.faults = {
        wsDelayMs: [0, 80],
        wsDropRate: 0.1,
        wsDupRate: 0.1,
        wsNoise: true,
        postErrorRate: 0.05,
        postLoseRate: 0.05,
        pullErrorRate: 0.05,
      };
      const room = await newRoom(server);
      const tokens = [room.token];
      for (let i = 1; i < 6; i++) tokens.push(await session(server, room.roomId, `user${i}`));
      let run;
      try {
        run = await runChaos({ baseUrl: server.url, roomId: room.roomId, tokens, seed, durationMs: 2000 });
      } finally {
        server.faults = new MockPairServer().faults;
      }
      const { clients, edits } = run;
      const code = server.code(room.roomId);
      const log = server.log(room.roomId);
      const byClient = countByClient(log);
      clients.forEach((c, i) => {
        assert.equal(c.text(), code, `client ${i} text`);
        assert.equal(c.version(), log.length, `client ${i} version`);
        assert.equal(c.pending(), 0);
        assert.equal(c.confirmedOwn, edits[i], `client ${i}: every edit confirmed exactly once`);
        assert.equal(byClient.get(c.clientID) || 0, edits[i], `client ${i}: the log has each edit exactly once`);
        assert.ok(c.acceptedUpdates <= c.confirmedOwn);
      });
      assert.equal(
        edits.reduce((s, n) => s + n, 0),
        log.length,
      );
      assert.ok(server.stats.lost > 0 || server.stats.errors > 0, 'faults were injected');
      for (const c of clients) c.close();
    });
  }
});
