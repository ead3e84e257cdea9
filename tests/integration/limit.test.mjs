// Raising a room's limit: PATCH /rooms/{id}/limit?new_limit=N (owner only).

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  closeAll,
  createRoom,
  holdStackShared,
  join,
  joinOk,
  openSocket,
  patch,
  setLimit,
  skipIfNoServer,
  uniqueName,
} from './helpers.mjs';

await holdStackShared();

/** The limit that a new joiner sees. */
async function limitSeenByJoiner(roomId) {
  return (await joinOk(roomId, uniqueName('c'))).limit;
}

describe('PATCH /rooms/{id}/limit', { skip: skipIfNoServer }, () => {
  const subscribers = [];
  after(() => closeAll(...subscribers));

  test('the owner raises the limit; joiners and subscribers see the new one', async () => {
    const room = await createRoom({ username: 'alice', limit: 2 });
    const bob = await joinOk(room.roomId, 'bob');
    const watcher = await openSocket(room.roomId, bob.token, { username: 'bob' });
    subscribers.push(watcher);

    const from = watcher.mark();
    const res = await setLimit(room.roomId, room.token, 4);
    assertStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^application\/json\b/i);
    assert.deepEqual(res.json, { message: 'Room limit updated', limit: 4 });

    const msg = await watcher.waitFor((m) => m.type === 'limit', { from, what: 'a limit message' });
    assert.equal(msg.limit, 4);
    assert.equal(await limitSeenByJoiner(room.roomId), 4);
  });

  test('a full room accepts a join once the limit is raised', async () => {
    const room = await createRoom({ username: 'alice', limit: 1 });
    assertError(await join(room.roomId, 'bob'), 403, 'Room is full');
    assertStatus(await setLimit(room.roomId, room.token, 2), 200);
    const bob = await joinOk(room.roomId, 'bob');
    assert.equal(bob.limit, 2);
  });

  test('the limit can be raised up to 20 and no further', async () => {
    const room = await createRoom({ username: 'alice', limit: 5 });
    const res = await setLimit(room.roomId, room.token, 20);
    assertStatus(res, 200);
    assert.equal(res.json.limit, 20);
    assertError(await setLimit(room.roomId, room.token, 21), 400);
    assert.equal(await limitSeenByJoiner(room.roomId), 20);
  });

  test('the token may also come as ?token=', async () => {
    const room = await createRoom({ username: 'alice', limit: 3 });
    const res = await patch(`/rooms/${room.roomId}/limit?new_limit=4&token=${encodeURIComponent(room.token)}`);
    assertStatus(res, 200);
    assert.equal(res.json.limit, 4);
  });

  test('a limit not greater than the current one, over 20 or not an integer is 400 and changes nothing', async () => {
    const room = await createRoom({ username: 'alice', limit: 5 });
    for (const n of ['5', '4', '1', '0', '-6', '21', '99999999999999999999', 'abc', '2.5', '', '1e1', '0x10', "6'; DROP TABLE rooms; --", '../6']) {
      assertError(await setLimit(room.roomId, room.token, n), 400);
    }
    assertError(await patch(`/rooms/${room.roomId}/limit`, { token: room.token }), 400);
    assertError(await patch(`/rooms/${room.roomId}/limit?new_limit=%FF`, { token: room.token }), 400);
    assert.equal(await limitSeenByJoiner(room.roomId), 5);
  });

  test('an editor cannot change the limit: 403, and the limit stays', async () => {
    const room = await createRoom({ username: 'alice', limit: 3 });
    const bob = await joinOk(room.roomId, 'bob');
    const res = await setLimit(room.roomId, bob.token, 5);
    assertError(res, 403);
    assert.equal(await limitSeenByJoiner(room.roomId), 3);
  });
});
