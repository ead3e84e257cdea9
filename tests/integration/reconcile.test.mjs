// nginx stopped with WebSockets open sends no unsubscribe hooks: the app
// asks nchan which sockets it really has, finds those gone, and the users
// they held online go offline (within about 40 s of the restart).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRoom, holdStackExclusive, joinOk, openSocket, pairCtl, poll, skipIfNoCtl, userIn, waitHealthy } from './helpers.mjs';

await holdStackExclusive();

test('users whose sockets vanished with an nginx restart go offline', { skip: skipIfNoCtl, timeout: 90_000 }, async () => {
  const room = await createRoom({ username: 'alice', limit: 2 });
  const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
  alice.ws.on('error', () => {});
  try {
    pairCtl('nginx-stop');
  } finally {
    pairCtl('nginx-start');
  }
  await waitHealthy();
  // Right after the restart the vanished socket still counts...
  const early = await joinOk(room.roomId, 'bob');
  assert.equal(userIn(early.users, 'alice').online, true);
  // ...until the reconciliation finds nchan no longer has it.
  await poll(
    async () => {
      const res = await joinOk(room.roomId, 'carol').catch(() => null);
      return res && userIn(res.users, 'alice').online === false;
    },
    { timeout: 60_000, interval: 2000, what: 'alice shown offline after the restart' },
  );
});
