// Leaving a room: POST /rooms/{id}/leave.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  closeAll,
  createRoom,
  getCode,
  getDocument,
  holdStackShared,
  join,
  joinOk,
  leave,
  openSocket,
  post,
  skipIfNoServer,
  userIn,
} from './helpers.mjs';

await holdStackShared();

describe('POST /rooms/{id}/leave', { skip: skipIfNoServer }, () => {
  const subscribers = [];
  after(() => closeAll(...subscribers));

  test('is 204 without a body, and the token stops working', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    assertStatus(await getDocument(room.roomId, bob.token), 200);

    const res = await leave(room.roomId, bob.token);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.body.length, 0);

    assertError(await getDocument(room.roomId, bob.token), 401);
    assertError(await getCode(room.roomId, bob.token), 401);
    assertError(await leave(room.roomId, bob.token), 401);
    // The others are not affected.
    assertStatus(await getDocument(room.roomId, room.token), 200);
  });

  test('works with the token as ?token=', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const res = await post(`/rooms/${room.roomId}/leave?token=${encodeURIComponent(bob.token)}`);
    assert.equal(res.status, 204, res.text);
    assertError(await getDocument(room.roomId, bob.token), 401);
  });

  test('the next joiner sees the leaver offline', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    assert.equal((await leave(room.roomId, bob.token)).status, 204);
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'bob')?.online, false);
    assert.equal(userIn(carol.users, 'alice')?.online, true);
    assert.equal(userIn(carol.users, 'carol')?.online, true);
  });

  test('the name of someone who left can be taken again, under a new token', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    assert.equal((await leave(room.roomId, bob.token)).status, 204);

    const again = await joinOk(room.roomId, 'BOB');
    assert.notEqual(again.token, bob.token);
    assert.equal(again.users.filter((u) => u.online && u.username.toLowerCase() === 'bob').length, 1);
    assertError(await getDocument(room.roomId, bob.token), 401);
    assertStatus(await getDocument(room.roomId, again.token), 200);
  });

  test('the owner leaving frees a seat in a full room', async () => {
    const room = await createRoom({ username: 'alice', limit: 2 });
    await joinOk(room.roomId, 'bob');
    assertError(await join(room.roomId, 'carol'), 403, 'Room is full');

    assert.equal((await leave(room.roomId, room.token)).status, 204);
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'alice')?.online, false);
    assert.equal(carol.users.filter((u) => u.online).length, 2);
  });

  test('subscribers receive a presence message with the leaver offline', async () => {
    const room = await createRoom({ username: 'alice', limit: 3 });
    const watcher = await openSocket(room.roomId, room.token, { username: 'alice' });
    subscribers.push(watcher);
    const bob = await joinOk(room.roomId, 'bob');

    const from = watcher.mark();
    assert.equal((await leave(room.roomId, bob.token)).status, 204);
    const msg = await watcher.waitForPresence('bob', false, { from });
    assert.equal(msg.limit, 3);
    assert.ok('online' in msg, 'presence has an online field');
    assert.equal(userIn(msg.users, 'alice')?.online, true);
  });
});
