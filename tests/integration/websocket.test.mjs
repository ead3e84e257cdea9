// The room WebSocket: ws://HOST/ws/{roomId}?token=..., handshake auth and
// presence as sockets open and close.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  assertUserShape,
  closeAll,
  createRoom,
  handshakeStatus,
  holdStackShared,
  join,
  joinOk,
  leave,
  openSocket,
  skipIfNoServer,
  sleep,
  uniqueRoomId,
  userIn,
} from './helpers.mjs';

await holdStackShared();

const is4xx = (status) => status >= 400 && status < 500;

describe('WebSocket handshake', { skip: skipIfNoServer }, () => {
  test('a valid token of the room opens the socket, for the owner and an editor', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const a = await openSocket(room.roomId, room.token);
    const b = await openSocket(room.roomId, bob.token);
    await closeAll(a, b);
  });

  test('a missing token is refused', async () => {
    const room = await createRoom();
    const status = await handshakeStatus(room.roomId, undefined);
    assert.ok(is4xx(status), `status ${status}`);
  });

  test('an unknown token is refused', async () => {
    const room = await createRoom();
    for (const token of [randomBytes(32).toString('base64url'), '', "' OR '1'='1", '../../etc/passwd', `${room.token}x`]) {
      const status = await handshakeStatus(room.roomId, token);
      assert.ok(is4xx(status), `status ${status} for token ${JSON.stringify(token)}`);
    }
  });

  test('a token of another room is refused', async () => {
    const room = await createRoom();
    const other = await createRoom();
    const status = await handshakeStatus(room.roomId, other.token);
    assert.ok(is4xx(status), `status ${status}`);
  });

  test('a valid token for a room that does not exist is refused', async () => {
    const room = await createRoom();
    const status = await handshakeStatus(uniqueRoomId(), room.token);
    assert.ok(is4xx(status), `status ${status}`);
  });

  test('a revoked token (after leave) is refused', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    assert.equal((await leave(room.roomId, bob.token)).status, 204);
    const status = await handshakeStatus(room.roomId, bob.token);
    assert.ok(is4xx(status), `status ${status}`);
  });
});

describe('WebSocket presence', { skip: skipIfNoServer }, () => {
  const open = [];
  after(() => closeAll(...open));
  const track = (sub) => {
    open.push(sub);
    return sub;
  };

  test('when a client connects, the others get a presence message showing it online', async () => {
    const room = await createRoom({ username: 'alice', limit: 4 });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');

    const from = alice.mark();
    track(await openSocket(room.roomId, bob.token));
    const msg = await alice.waitForPresence('bob', true, { from });
    assert.ok(Array.isArray(msg.users));
    msg.users.forEach(assertUserShape);
    assert.equal(msg.limit, 4);
    assert.ok('online' in msg, 'presence has an online field');
    assert.equal(userIn(msg.users, 'alice')?.online, true);
    assert.equal(userIn(msg.users, 'alice')?.role, 'owner');
    assert.equal(userIn(msg.users, 'bob')?.role, 'editor');
  });

  test('a clean close shows the user offline to the others', async () => {
    const room = await createRoom({ username: 'alice' });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });

    const from = alice.mark();
    await bobSocket.close();
    await alice.waitForPresence('bob', false, { from, timeout: 5000 });
  });

  test('a dropped connection (no close handshake) shows the user offline within 5 s', async () => {
    const room = await createRoom({ username: 'alice' });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });

    const from = alice.mark();
    bobSocket.terminate();
    await alice.waitForPresence('bob', false, { from, timeout: 5000 });
  });

  test('a user stays online until the last of their sockets closes', async () => {
    const room = await createRoom({ username: 'alice' });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const tab1 = await openSocket(room.roomId, bob.token, { username: 'bob' });
    const tab2 = await openSocket(room.roomId, bob.token, { username: 'bob' });

    let from = alice.mark();
    await tab1.close();
    await sleep(1500);
    const shownOffline = alice.ofType('presence', from).some((m) => userIn(m.users, 'bob')?.online === false);
    assert.equal(shownOffline, false, 'bob still has a socket open and must stay online');
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'bob')?.online, true);

    from = alice.mark();
    await tab2.close();
    await alice.waitForPresence('bob', false, { from, timeout: 5000 });
  });

  test('a user whose socket closed frees their seat', async () => {
    const room = await createRoom({ username: 'alice', limit: 2 });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });
    assertError(await join(room.roomId, 'carol'), 403, 'Room is full');

    const from = alice.mark();
    await bobSocket.close();
    await alice.waitForPresence('bob', false, { from, timeout: 5000 });
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(userIn(carol.users, 'bob')?.online, false);
  });

  test('a user whose socket closed comes back with their own token: same session, online again', async () => {
    const room = await createRoom({ username: 'alice' });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const first = await openSocket(room.roomId, bob.token, { username: 'bob' });
    let from = alice.mark();
    await first.close();
    await alice.waitForPresence('bob', false, { from, timeout: 5000 });

    const again = await join(room.roomId, 'bob', { token: bob.token });
    assertStatus(again, 200);
    assert.equal(again.json.token, bob.token);
    assert.equal(userIn(again.json.users, 'bob')?.online, true);
    assert.equal(again.json.users.filter((u) => u.username === 'bob').length, 1);

    from = alice.mark();
    track(await openSocket(room.roomId, bob.token));
    await alice.waitForPresence('bob', true, { from });
  });

  test('every message is a JSON text frame with a type', async () => {
    const room = await createRoom({ username: 'alice' });
    const alice = track(await openSocket(room.roomId, room.token, { username: 'alice' }));
    const bob = await joinOk(room.roomId, 'bob');
    const bobSocket = await openSocket(room.roomId, bob.token, { username: 'bob' });
    await bobSocket.close();
    await alice.waitForPresence('bob', false, { timeout: 5000 });
    assert.deepEqual(alice.nonJson, []);
    for (const m of alice.messages) assert.equal(typeof m.type, 'string', JSON.stringify(m));
  });
});
