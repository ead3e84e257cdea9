// The update path under load and against other hosts: updates of many
// rooms are written together (one statement, one commit), and the app's
// caches of tokens and texts never let through what PostgreSQL would refuse.
// "Another host" is played here by writing to the database directly, as a
// second app would.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  createRoom,
  documentOf,
  get,
  holdStackShared,
  joinOk,
  leave,
  post,
  psql,
  skipIfNoDb,
  skipIfNoServer,
  sqlLiteral,
} from './helpers.mjs';

await holdStackShared();

const enc = encodeURIComponent;
const push = (roomId, token, version, changes, clientID = 'c1') =>
  post(`/rooms/${enc(roomId)}/updates`, { token, timeout: 60_000, json: { version, updates: [{ clientID, changes }] } });

async function pushOk(roomId, token, version, changes) {
  const res = await push(roomId, token, version, changes);
  assertStatus(res, 200);
  assert.deepEqual(res.json, { version: version + 1 });
}

describe('updates of many rooms at once', { skip: skipIfNoServer }, () => {
  test('40 rooms each writing 15 updates concurrently: every update stored once, in order, with the right text', async () => {
    const ROOMS = 40;
    const EACH = 15;
    const rooms = await Promise.all(Array.from({ length: ROOMS }, () => createRoom({ username: 'alice' })));
    // Every room writes as fast as its own acknowledgements allow, all rooms
    // at once, so that writers of different rooms meet in the same commits.
    await Promise.all(
      rooms.map(async (room, r) => {
        let text = '';
        for (let v = 0; v < EACH; v++) {
          const piece = `${r}:${v};`;
          await pushOk(room.roomId, room.token, v, [text.length, [0, piece]]);
          text += piece;
        }
      }),
    );
    for (const [r, room] of rooms.entries()) {
      const doc = await documentOf(room.roomId, room.token);
      const want = Array.from({ length: EACH }, (_, v) => `${r}:${v};`).join('');
      assert.equal(doc.version, EACH, `room ${r} version`);
      assert.equal(doc.code, want, `room ${r} text`);
      const log = await get(`/rooms/${enc(room.roomId)}/updates?since=0`, { token: room.token });
      assertStatus(log, 200);
      assert.deepEqual(
        log.json.updates.map((u) => u.version),
        Array.from({ length: EACH }, (_, v) => v),
        `room ${r}: one log entry per version`,
      );
    }
  });
});

describe('what the caches must not hide', { skip: skipIfNoDb }, () => {
  test('a token revoked by another host is refused on its very next update, and nothing is stored', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    await pushOk(room.roomId, bob.token, 0, [[0, 'ab']]);
    await pushOk(room.roomId, bob.token, 1, [2, [0, 'c']]);
    // Another host handles bob's leave: only the database knows.
    psql(`UPDATE sessions SET revoked_at = now() WHERE token_hash = sha256(convert_to(${sqlLiteral(bob.token)}, 'UTF8'))`);
    const res = await push(room.roomId, bob.token, 2, [3, [0, 'd']]);
    assertError(res, 401);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 2);
    assert.equal(doc.code, 'abc');
  });

  test('a leave on this host is refused at once too', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    await pushOk(room.roomId, bob.token, 0, [[0, 'x']]);
    assertStatus(await leave(room.roomId, bob.token), 204);
    assertError(await push(room.roomId, bob.token, 1, [1, [0, 'y']]), 401);
    // A stale version after a leave is 401 too, not 409.
    assertError(await push(room.roomId, bob.token, 0, [[0, 'y']]), 401);
    assert.equal((await documentOf(room.roomId, room.token)).code, 'x');
  });

  test('a version written by another host meanwhile: 409 with the current version, then the rebased update is accepted', async () => {
    const room = await createRoom({ username: 'alice' });
    await pushOk(room.roomId, room.token, 0, [[0, 'hello']]);
    // Another host appends version 1 (" world") as its app would.
    const id = sqlLiteral(room.roomId);
    psql(
      `WITH m AS (SELECT id FROM members WHERE room_id = ${id} AND current), ` +
        `b AS (UPDATE rooms SET version = 2, doc_length = 11 WHERE id = ${id} AND version = 1 RETURNING id) ` +
        `INSERT INTO updates (room_id, version, client_id, member_id, changes) ` +
        `SELECT b.id, 1, 'other-host', m.id, '[5,[0," world"]]'::json FROM b, m`,
    );
    // This host still has version 1 cached; the write must not go through.
    const stale = await push(room.roomId, room.token, 1, [5, [0, '!']]);
    assertError(stale, 409);
    assert.equal(stale.json.version, 2, 'the 409 tells the version the other host wrote');
    await pushOk(room.roomId, room.token, 2, [11, [0, '!']]);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 3);
    assert.equal(doc.code, 'hello world!');
  });
});
