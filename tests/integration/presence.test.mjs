// Typing, cursors, the room language, and tokens confined to their room,
// over the real WebSocket.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  createRoom,
  holdStackShared,
  joinOk,
  openSocket,
  patch,
  post,
  request,
  skipIfNoServer,
  sleep,
  userIn,
} from './helpers.mjs';

await holdStackShared();

/** Pushes one insert at the start of the document. */
function push(roomId, token, version, text, length) {
  const changes = length > 0 ? [[0, text], length] : [[0, text]];
  return post(`/rooms/${roomId}/updates`, { token, json: { version, updates: [{ clientID: 'presence-test', changes }] } });
}

/** Room with alice (owner, watching) and bob, both on sockets. */
async function twoPeople() {
  const room = await createRoom({ username: 'alice', limit: 5 });
  const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
  const bob = await joinOk(room.roomId, 'bob');
  const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });
  return { room, alice, bob, bobSocket };
}

describe('typing', { skip: skipIfNoServer }, () => {
  test('an update starts typing once, and typing stops 2 s after the last one', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    const from = alice.mark();
    const sent = Date.now();
    assertStatus(await push(room.roomId, bob.token, 0, 'a', 0), 200);
    assertStatus(await push(room.roomId, bob.token, 1, 'b', 1), 200);
    const started = await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && m.typing, { from });
    assert.ok(started);
    // Typing stops once 2 s have passed since the first update (the second
    // came too soon to renew it), seen by a sweep that runs twice a second;
    // later only when the machine is very busy, which the bound allows.
    const stopped = await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && !m.typing, {
      from,
      timeout: 8000,
    });
    assert.ok(stopped);
    const after = Date.now() - sent;
    assert.ok(after >= 1950, `typing stopped ${after} ms after the updates, not 2 s`);
    const typingOn = alice.ofType('typing', from).filter((m) => m.username === 'bob' && m.typing);
    assert.equal(typingOn.length, 1, 'two quick updates are one typing spell');
    // The user list agrees once it stopped.
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'bob').typing, false);
    await Promise.all([alice.close(), bobSocket.close()]);
  });

  test('typing can be set explicitly and shows in the user list while on', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    const from = alice.mark();
    assertStatus(await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 0, head: 0, version: 0, typing: true } }), 204);
    await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && m.typing, { from });
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'bob').typing, true);
    assertStatus(await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 0, head: 0, version: 0, typing: false } }), 204);
    await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && !m.typing, { from });
    await Promise.all([alice.close(), bobSocket.close()]);
  });
});

describe('cursors', { skip: skipIfNoServer }, () => {
  test('a cursor is published with the name and colour, and never stored', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    assertStatus(await push(room.roomId, bob.token, 0, 'hello 😀', 0), 200);
    const from = alice.mark();
    assertStatus(await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 2, head: 8, version: 1 } }), 204);
    const cursor = await alice.waitFor((m) => m.type === 'cursor' && m.username === 'bob', { from });
    const bobColor = userIn(bob.users, 'bob').color;
    assert.deepEqual(cursor, { type: 'cursor', username: 'bob', color: bobColor, anchor: 2, head: 8, version: 1 });
    // Positions at an older version are checked against that version.
    assertStatus(await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 0, head: 0, version: 0 } }), 204);
    await Promise.all([alice.close(), bobSocket.close()]);
  });

  test('positions outside the document, bad versions and bad types are 400', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    assertStatus(await push(room.roomId, bob.token, 0, 'abc', 0), 200);
    for (const json of [
      { anchor: 4, head: 0, version: 1 },
      { anchor: 0, head: 1, version: 0 },
      { anchor: 0, head: 0, version: 2 },
      { anchor: -1, head: 0, version: 1 },
      { anchor: '1', head: 0, version: 1 },
      { anchor: 1.5, head: 0, version: 1 },
      { head: 0, version: 1 },
      { anchor: 0, head: 0, version: 1, typing: 'yes' },
    ]) {
      assertError(await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json }), 400);
    }
    await Promise.all([alice.close(), bobSocket.close()]);
  });

  test('a flood of cursors is limited without affecting another room', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    const other = await createRoom({ username: 'zoe' });
    const statuses = await Promise.all(
      Array.from({ length: 120 }, () =>
        post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 0, head: 0, version: 0 } }).then((r) => r.status),
      ),
    );
    const limited = statuses.filter((s) => s === 429).length;
    assert.ok(limited > 0, 'some of 120 cursor messages at once are refused');
    assert.ok(statuses.filter((s) => s === 204).length >= 20, 'a burst of normal size is accepted');
    const refused = await post(`/rooms/${room.roomId}/presence`, { token: bob.token, json: { anchor: 0, head: 0, version: 0 } });
    if (refused.status === 429) assert.match(refused.json.detail, /\S/);
    // Spelling the scheme differently or escaping the token gets no fresh allowance.
    const lower = await Promise.all(
      Array.from({ length: 60 }, () =>
        request('POST', `/rooms/${room.roomId}/presence`, { headers: { Authorization: `bearer ${bob.token}` }, json: { anchor: 0, head: 0, version: 0 } }).then((r) => r.status),
      ),
    );
    assert.ok(lower.filter((s) => s === 429).length > 0, '"bearer" is the same token');
    const escaped = bob.token.replace(/[A-Za-z]/, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    assertError(await post(`/rooms/${room.roomId}/presence?token=${escaped}`, { json: { anchor: 0, head: 0, version: 0 } }), 400);
    const anonymous = await Promise.all(
      Array.from({ length: 80 }, () => post(`/rooms/${room.roomId}/presence`, { json: { anchor: 0, head: 0, version: 0 } }).then((r) => r.status)),
    );
    assert.ok(anonymous.filter((s) => s === 429).length > 0, 'requests without a token are limited per address');
    // Another user, in another room, is not held back.
    assertStatus(await post(`/rooms/${other.roomId}/presence`, { token: other.token, json: { anchor: 0, head: 0, version: 0 } }), 204);
    // Nor is the flooding user's own editing.
    assertStatus(await push(room.roomId, bob.token, 0, 'x', 0), 200);
    await Promise.all([alice.close(), bobSocket.close()]);
  });
});

describe('room language', { skip: skipIfNoServer }, () => {
  test('any member may change it; it is published and kept', async () => {
    const { room, alice, bob, bobSocket } = await twoPeople();
    const from = alice.mark();
    const res = await patch(`/rooms/${room.roomId}`, { token: bob.token, json: { language: 'rust' } });
    assertStatus(res, 200);
    assert.equal(res.json.language, 'rust');
    const msg = await alice.waitFor((m) => m.type === 'language', { from });
    assert.deepEqual(msg, { type: 'language', language: 'rust', username: 'bob' });
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(carol.language, 'rust');
    await Promise.all([alice.close(), bobSocket.close()]);
  });

  test('an unknown language or a wrong type is 400 and changes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    for (const json of [{ language: 'cobol' }, { language: '' }, { language: 5 }, { language: 'python\u0000' }, {}]) {
      assertError(await patch(`/rooms/${room.roomId}`, { token: room.token, json }), 400);
    }
    const doc = await request('GET', `/rooms/${room.roomId}/document`, { token: room.token });
    assert.equal(doc.json.language, 'python');
  });
});

describe('a token works only in its own room', { skip: skipIfNoServer }, () => {
  test('every room-scoped endpoint refuses a token of another room with 403', async () => {
    const a = await createRoom({ username: 'alice' });
    const b = await createRoom({ username: 'bob' });
    const t = a.token;
    const id = b.roomId;
    const calls = [
      ['GET', `/rooms/${id}/document`],
      ['GET', `/rooms/${id}/code`],
      ['GET', `/rooms/${id}/updates?since=0`],
      ['POST', `/rooms/${id}/updates`, { version: 0, updates: [{ clientID: 'x', changes: [[0, 'evil']] }] }],
      ['GET', `/rooms/${id}/history`],
      ['POST', `/rooms/${id}/restore`, { version: 0 }],
      ['POST', `/rooms/${id}/presence`, { anchor: 0, head: 0, version: 0 }],
      ['PATCH', `/rooms/${id}`, { language: 'go' }],
      ['PATCH', `/rooms/${id}/limit?new_limit=10`],
      ['POST', `/rooms/${id}/leave`],
      ['POST', '/rooms/save', { roomId: id, code: 'evil', username: 'alice' }],
    ];
    for (const [method, path, json] of calls) {
      const res = await request(method, path, { token: t, json });
      assertError(res, 403);
    }
    const doc = await request('GET', `/rooms/${id}/document`, { token: b.token });
    assert.equal(doc.json.version, 0);
    assert.equal(doc.json.language, 'python');
  });
});

describe('presence under concurrent joins and leaves', { skip: skipIfNoServer }, () => {
  test('two users joining and leaving at the same moment leave the list right (20 rounds)', async () => {
    const room = await createRoom({ username: 'alice', limit: 3 });
    const watcher = await openSocket(room.roomId, room.token, { username: 'alice' });
    for (let i = 0; i < 20; i++) {
      const [bob, carol] = await Promise.all([joinOk(room.roomId, 'bob'), joinOk(room.roomId, 'carol')]);
      const [bs, cs] = await Promise.all([
        openSocket(room.roomId, bob.token, { username: 'bob' }),
        openSocket(room.roomId, carol.token, { username: 'carol' }),
      ]);
      await Promise.all([
        request('POST', `/rooms/${room.roomId}/leave`, { token: bob.token }),
        request('POST', `/rooms/${room.roomId}/leave`, { token: carol.token }),
      ]);
      await Promise.all([bs.close(), cs.close()]);
      // The room is never left believing them online: both can join again at
      // once (limit 3, alice holds one seat).
    }
    await sleep(300);
    const dave = await joinOk(room.roomId, 'dave');
    const online = dave.users.filter((u) => u.online).map((u) => u.username).sort();
    assert.deepEqual(online, ['alice', 'dave']);
    const last = watcher.ofType('presence').at(-1);
    assert.deepEqual(last.users.filter((u) => u.online).map((u) => u.username).sort(), ['alice', 'dave']);
    await watcher.close();
  });
});
