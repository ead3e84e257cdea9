// nginx stopped with WebSockets open sends no unsubscribe hooks: the app
// asks nchan which sockets it really has, finds those gone, and the users
// they held online go offline (within about 40 s of the restart). Asking
// takes time, and the typing sweep does not wait for it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertStatus,
  createRoom,
  holdStackExclusive,
  joinOk,
  openSocket,
  pairCtl,
  poll,
  post,
  psql,
  skipIfNoCtl,
  skipIfNoDb,
  sqlLiteral,
  userIn,
  waitHealthy,
} from './helpers.mjs';

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

test('typing stops 2 s after the last update while vanished sockets are being looked for', { skip: skipIfNoDb, timeout: 180_000 }, async () => {
  // 40 rooms each hold a socket row nchan never had, as after a crash of
  // nginx. nchan is asked about them room by room, and each answer waits
  // out its window: the look-up takes seconds.
  const prefix = `ghost-${process.pid}-`;
  const ghosts = [];
  for (let i = 0; i < 40; i++) ghosts.push(await createRoom({ username: 'ghost' }));
  const values = ghosts
    .map((g, i) => `(${sqlLiteral(prefix + g.roomId)}, ${sqlLiteral(g.roomId)}, ${i})`)
    .join(', ');
  psql(
    `INSERT INTO ws_connections (ws_key, member_id, room_id, opened_at) SELECT v.key, m.id, m.room_id, now() - interval '1 minute' + v.i * interval '1 ms' ` +
      `FROM (VALUES ${values}) AS v(key, room, i) JOIN members m ON m.room_id = v.room AND m.username = 'ghost'`,
  );
  const left = () => Number(psql(`SELECT count(*) FROM ws_connections WHERE ws_key LIKE ${sqlLiteral(`${prefix}%`)}`));
  assert.equal(left(), 40);
  const room = await createRoom({ username: 'alice', limit: 2 });
  const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
  const bob = await joinOk(room.roomId, 'bob');
  // Once the first ghost is forgotten, the look-up is under way.
  await poll(() => left() < 40, { timeout: 75_000, interval: 50, what: 'the look-up for vanished sockets to start' });
  assert.ok(left() > 20, 'the look-up is still going on');
  const from = alice.mark();
  const res = await post(`/rooms/${room.roomId}/updates`, {
    token: bob.token,
    json: { version: 0, updates: [{ clientID: 'reconcile-test', changes: [[0, 'x']] }] },
  });
  assertStatus(res, 200);
  await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && m.typing, { from });
  const started = Date.now();
  await alice.waitFor((m) => m.type === 'typing' && m.username === 'bob' && !m.typing, { from, timeout: 8000 });
  assert.ok(left() > 0, `the look-up was over before typing stopped (${Date.now() - started} ms)`);
  // The look-up finishes and forgets every ghost.
  await poll(() => left() === 0, { timeout: 60_000, interval: 500, what: 'every vanished socket forgotten' });
  await alice.close();
});
