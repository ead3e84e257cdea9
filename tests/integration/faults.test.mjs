// Faults: PostgreSQL stopped and started under a running app, and an app
// restart. These stop parts of the stack, so the file holds the stack to
// itself (see holdStackExclusive in helpers.mjs) and puts everything back in
// `after`, whatever happened.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  createRoom,
  documentOf,
  get,
  getCode,
  getDocument,
  holdStackExclusive,
  join,
  joinOk,
  leave,
  pairCtl,
  poll,
  post,
  qs,
  save,
  saveOk,
  setLimit,
  skipIfNoCtl,
  uniqueRoomId,
  waitHealthy,
} from './helpers.mjs';

if (!skipIfNoCtl) await holdStackExclusive();

const QUICK = 5000; // no request may hang longer than this while PostgreSQL is down

/** A 5xx other than 502 (nginx's "the app is gone"), with a JSON detail. */
function assertServerFault(res) {
  assertError(res, (s) => s >= 500 && s < 600 && s !== 502);
}

describe('PostgreSQL outage', { skip: skipIfNoCtl, concurrency: false }, () => {
  let room;
  let pgStopped = false;

  before(async () => {
    room = await createRoom({ username: 'alice', limit: 5 });
    await saveOk(room.token, { roomId: room.roomId, code: 'before the outage\n', username: 'alice' });
  });

  after(async () => {
    if (pgStopped) pairCtl('pg-start');
    await waitHealthy(30_000);
  });

  test('while PostgreSQL is stopped, health and room endpoints answer 503 at once', async () => {
    pairCtl('pg-stop');
    pgStopped = true;

    // Twice each: the first request finds the broken connection, the second
    // one must not hang on a reconnect either.
    for (let i = 0; i < 2; i++) {
      const health = await get('/healthz', { timeout: QUICK });
      assertError(health, 503);

      assertError(await post(`/rooms?${qs({ username: 'alice', roomId: uniqueRoomId() })}`, { timeout: QUICK }), 503);
      assertError(await join(room.roomId, `bob${i}x`, { timeout: QUICK }), 503);

      assertServerFault(await getDocument(room.roomId, room.token, undefined, { timeout: QUICK }));
      assertServerFault(await save(room.token, { roomId: room.roomId, code: 'during the outage\n', username: 'alice' }, { timeout: QUICK }));
    }
  });

  test('once PostgreSQL is back, everything works again without restarting the app', async () => {
    pairCtl('pg-start');
    pgStopped = false;
    await poll(
      async () => {
        const res = await get('/healthz', { timeout: QUICK });
        return res.status === 200 && res.json?.status === 'ok';
      },
      { timeout: 15_000, what: '/healthz to answer 200 after pg-start' },
    );
    // Room endpoints too, within the same few seconds.
    const fresh = await poll(
      async () => {
        const res = await post(`/rooms?${qs({ username: 'carol', roomId: uniqueRoomId() })}`, { timeout: QUICK });
        return res.status === 201 && res.json;
      },
      { timeout: 15_000, what: 'POST /rooms to answer 201 after pg-start' },
    );
    assert.equal(fresh.users[0].username, 'carol');

    // What was there before is intact, and the failed save changed nothing.
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 1);
    assert.equal(doc.code, 'before the outage\n');
    await joinOk(room.roomId, 'dave');
    const saved = await saveOk(room.token, { roomId: room.roomId, code: 'after the outage\n', username: 'alice' });
    assert.equal(saved.version, 2);
  });
});

describe('PostgreSQL restarted while the app is idle', { skip: skipIfNoCtl, concurrency: false }, () => {
  let pgStopped = false;
  after(async () => {
    if (pgStopped) pairCtl('pg-start');
    await waitHealthy(30_000);
  });

  test('the first edits afterwards are accepted, not 503 (a connection that died idle is noticed before writing)', async () => {
    const room = await createRoom({ username: 'alice' });
    const push = (version, changes) =>
      post(`/rooms/${encodeURIComponent(room.roomId)}/updates`, { token: room.token, timeout: 10_000, json: { version, updates: [{ clientID: 'a', changes }] } });
    // Warm every worker's connection and the app's caches.
    let version = 0;
    for (; version < 24; version++) assertStatus(await push(version, [version, [0, 'x']]), 200);
    pairCtl('pg-stop');
    pgStopped = true;
    pairCtl('pg-start');
    pgStopped = false;
    // Nothing asked the app in between: every connection it holds is dead.
    for (let i = 0; i < 24; i++, version++) {
      const res = await push(version, [version, [0, 'y']]);
      assertStatus(res, 200);
    }
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 48);
    assert.equal(doc.code, 'x'.repeat(24) + 'y'.repeat(24));
  });
});

describe('app restart', { skip: skipIfNoCtl, concurrency: false }, () => {
  let room;
  let bob;
  let appStopped = false;

  before(async () => {
    room = await createRoom({ username: 'alice', limit: 5 });
    bob = await joinOk(room.roomId, 'bob');
    await saveOk(room.token, { roomId: room.roomId, code: 'first\n', username: 'alice' });
    await saveOk(bob.token, { roomId: room.roomId, code: 'first\nsecond 😀\n', username: 'bob' });
  });

  after(async () => {
    if (appStopped) pairCtl('app-start');
    await waitHealthy(30_000);
  });

  test('requests right after an app restart are answered, not lost on connections nginx kept to the old process', async () => {
    // nginx keeps idle FastCGI connections to the app; fill its cache.
    const warm = await Promise.all(Array.from({ length: 48 }, () => get('/healthz')));
    warm.forEach((r) => assertStatus(r, 200));
    pairCtl('app-stop');
    appStopped = true;
    pairCtl('app-start');
    appStopped = false;
    const statuses = (await Promise.all(Array.from({ length: 48 }, () => get('/healthz')))).map(
      (r) => r.status,
    );
    assert.deepEqual(
      statuses.filter((s) => s !== 200),
      [],
      'every request after the restart answered 200',
    );
  });

  test('rooms, tokens and documents survive an app restart', async () => {
    pairCtl('app-stop');
    appStopped = true;
    pairCtl('app-start');
    appStopped = false;
    await waitHealthy(15_000);

    // Documents and their history.
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 2);
    assert.equal(doc.code, 'first\nsecond 😀\n');
    assert.equal(doc.lastEditedBy, 'bob');
    const v1 = await getCode(room.roomId, bob.token, 1);
    assertStatus(v1, 200);
    assert.equal(v1.text, 'first\n');

    // The room still exists, with its limit and its owner.
    assertError(await post(`/rooms?${qs({ username: 'zed', roomId: room.roomId })}`), 409);
    const carol = await joinOk(room.roomId, 'carol');
    assert.equal(carol.limit, 5);
    assert.equal(carol.users.find((u) => u.username === 'alice')?.role, 'owner');

    // Both tokens still work, with their roles.
    assertError(await setLimit(room.roomId, bob.token, 6), 403);
    assertStatus(await setLimit(room.roomId, room.token, 6), 200);
    assertStatus(await save(bob.token, { roomId: room.roomId, code: 'third\n', username: 'bob' }), 200);
    assert.equal((await leave(room.roomId, bob.token)).status, 204);
    assertError(await getDocument(room.roomId, bob.token), 401);
  });
});
