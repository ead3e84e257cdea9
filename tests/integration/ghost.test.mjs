// A socket closed the moment its handshake completes gets no unsubscribe hook
// from nchan. The app checks its rows against the sockets nchan really has,
// so such a user does not stay online, holding a seat and a name.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRoom, holdStackShared, join, joinOk, openSocket, poll, skipIfNoServer, userIn, wsUrl } from './helpers.mjs';

await holdStackShared();

test('sockets closed right after their handshake do not keep a user online', { skip: skipIfNoServer, timeout: 60_000 }, async () => {
  const { default: WebSocket } = await import('ws');
  const room = await createRoom({ username: 'alice', limit: 2 });
  const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
  const bob = await joinOk(room.roomId, 'bob');
  for (let i = 0; i < 5; i++) {
    const ws = new WebSocket(wsUrl(room.roomId, bob.token));
    ws.on('error', () => {});
    ws.on('open', () => ws.close(1000));
    await new Promise((resolve) => ws.on('close', resolve));
  }
  // Bob holds no socket now: within the reconciliation period (10 s after
  // the socket, checked every 10 s) his seat and his name are free again.
  await poll(
    async () => {
      const res = await join(room.roomId, 'carol');
      return res.status === 200 && userIn(res.json.users, 'bob')?.online === false;
    },
    { timeout: 40_000, interval: 1000, what: 'bob offline and his seat free' },
  );
  assert.ok(alice.ofType('presence').some((m) => userIn(m.users, 'bob')?.online === false), 'alice was told');
  await alice.close();
});
