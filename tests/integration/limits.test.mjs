// Limits that protect the service: per address (creating and joining rooms,
// open WebSockets; the machine's own 127.0.0.1 is exempt, so these tests
// come from 127.0.0.2), per token (edits), per room (seats, for WebSockets
// too) and per user (sockets). Each answers with a clear status.

import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { BASE_URL, createRoom, holdStackShared, joinOk, openSocket, post, skipIfNoServer, wsUrl } from './helpers.mjs';

await holdStackShared();

const FROM = '127.0.0.2';

/** A request from FROM; resolves to {status, json}. */
function fromOther(method, path, json) {
  const url = new URL(BASE_URL + path);
  const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: FROM,
        agent: false,
        headers: body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {},
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode, json: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('limits', { skip: skipIfNoServer }, () => {
  test('creating rooms is limited per address, with 429 and a detail', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => fromOther('POST', '/rooms', { username: 'alice' })));
    const limited = results.filter((r) => r.status === 429);
    assert.ok(limited.length > 0, 'some of 60 rooms at once are refused');
    assert.ok(results.filter((r) => r.status === 201).length >= 10, 'a burst of normal size goes through');
    assert.match(limited[0].json.detail, /\S/);
    // The machine's own address is not limited.
    const local = await Promise.all(Array.from({ length: 40 }, () => post('/rooms', { json: { username: 'alice' } })));
    assert.ok(local.every((r) => r.status === 201));
  });

  test('edits are limited per token; other users are not held back', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const flood = await Promise.all(
      Array.from({ length: 300 }, () =>
        post(`/rooms/${room.roomId}/updates`, { token: bob.token, json: { version: 99, updates: [{ clientID: 'x', changes: [[0, 'a']] }] } }).then((r) => r.status),
      ),
    );
    assert.ok(flood.includes(429), 'some of 300 edits at once are refused');
    assert.ok(flood.includes(409), 'the rest reach the app');
    const ok = await post(`/rooms/${room.roomId}/updates`, { token: room.token, json: { version: 0, updates: [{ clientID: 'y', changes: [[0, 'a']] }] } });
    assert.equal(ok.status, 200);
  });

  test('a WebSocket cannot take a seat in a full room', async () => {
    const room = await createRoom({ username: 'alice', limit: 2 });
    const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });
    await bobSocket.close();
    await alice.waitForPresence('bob', false);
    await joinOk(room.roomId, 'carol'); // takes the seat bob left
    await assert.rejects(openSocket(room.roomId, bob.token), (err) => err.status === 403);
    await alice.close();
  });

  test('one user holds at most 8 sockets; one address at most 64', async () => {
    const { default: WebSocket } = await import('ws');
    const room = await createRoom({ username: 'alice', limit: 10 });
    const tokens = [room.token];
    for (let i = 1; i < 9; i++) tokens.push((await joinOk(room.roomId, `user${i}`)).token);
    // Resolves once the socket is refused, or open and registered (its own
    // presence message comes after the app has counted it).
    const open = (token, localAddress) =>
      new Promise((resolve) => {
        const ws = new WebSocket(wsUrl(room.roomId, token), { localAddress });
        ws.on('message', (d) => {
          if (JSON.parse(d.toString()).type === 'presence') resolve({ ws, status: 101 });
        });
        ws.on('unexpected-response', (_, res) => resolve({ ws, status: res.statusCode }));
        ws.on('error', () => resolve({ ws, status: 0 }));
      });
    const sockets = [];
    try {
      for (let i = 0; i < 8; i++) sockets.push(await open(room.token));
      assert.ok(sockets.every((s) => s.status === 101));
      const ninth = await open(room.token);
      sockets.push(ninth);
      assert.equal(ninth.status, 403, 'a ninth socket of one user is refused');
      // From another address, 8 users x 8 sockets = 64 are let in, more are not.
      const results = [];
      for (let u = 1; u < 9; u++) for (let i = 0; i < 8; i++) results.push(await open(tokens[u], FROM));
      sockets.push(...results);
      assert.ok(results.every((s) => s.status === 101), 'up to 64 sockets from one address');
      const over = await open(room.token, FROM);
      sockets.push(over);
      assert.equal(over.status, 429, 'the 65th socket from one address is refused');
    } finally {
      for (const s of sockets) s.ws.terminate();
    }
  });
});
