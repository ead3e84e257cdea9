// Seats: a user who joined but never opened a WebSocket stops holding a seat
// 30 s after joining; one with an open WebSocket stays online. This file waits
// about 31 s, so it is on its own and runs beside the other files.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertError,
  closeAll,
  createRoom,
  holdStackShared,
  join,
  joinOk,
  openSocket,
  poll,
  skipIfNoServer,
  sleep,
  userIn,
} from './helpers.mjs';

await holdStackShared();

const SEAT_TTL_MS = 30_000;
const GRACE_MS = 1_000; // the first check comes 31 s after the join
const SLACK_MS = 4_000; // then keep trying a little longer

describe('seats without a WebSocket expire after 30 s', { skip: skipIfNoServer, timeout: 90_000 }, () => {
  let withSocket; // alice (socket open) + bob (never connects); limit 2
  let noSocket; // alice alone, never connects; limit 1
  let aliceSocket;
  let joinedAt;

  before(async () => {
    withSocket = await createRoom({ username: 'alice', limit: 2 });
    aliceSocket = await openSocket(withSocket.roomId, withSocket.token, { username: 'alice' });
    noSocket = await createRoom({ username: 'alice', limit: 1 });
    joinedAt = Date.now();
    await joinOk(withSocket.roomId, 'bob');

    // Right after joining, both rooms are full.
    assertError(await join(withSocket.roomId, 'carol'), 403, 'Room is full');
    assertError(await join(noSocket.roomId, 'carol'), 403, 'Room is full');

    await sleep(Math.max(0, joinedAt + SEAT_TTL_MS + GRACE_MS - Date.now()));
  });

  after(() => closeAll(aliceSocket));

  /** Joins as carol, retrying 403 for a few seconds past the 31 s mark. */
  function joinAfterExpiry(roomId) {
    return poll(
      async () => {
        const res = await join(roomId, 'carol');
        if (res.status === 403) return false;
        assert.equal(res.status, 200, res.text);
        return res.json;
      },
      { timeout: SLACK_MS, interval: 500, what: `a seat in ${roomId} to free up 30 s after the join` },
    );
  }

  let carolView;

  test('a joiner who never opened a WebSocket no longer holds a seat, and shows offline', async () => {
    carolView = await joinAfterExpiry(withSocket.roomId);
    assert.equal(userIn(carolView.users, 'bob')?.online, false);
  });

  test('a user with an open WebSocket stays online past 30 s', async () => {
    assert.ok(carolView, 'carol could join (previous test)');
    assert.equal(userIn(carolView.users, 'alice')?.online, true);
    // alice and carol hold both seats: alice still counts.
    assertError(await join(withSocket.roomId, 'Dave'), 403, 'Room is full');
  });

  test('an owner who never opened a WebSocket frees the seat too', async () => {
    const carol = await joinAfterExpiry(noSocket.roomId);
    assert.equal(userIn(carol.users, 'alice')?.online, false);
  });
});
