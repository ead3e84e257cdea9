// Bad input on every endpoint: malformed JSON, bodies that are not objects,
// wrong types, invalid UTF-8, SQL metacharacters and ../ in every field, huge
// numbers. Each gets a 4xx with a JSON detail, and nothing changes.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  DATABASE_URL,
  assert4xx,
  assertError,
  assertStatus,
  createRoom,
  documentOf,
  get,
  holdStackShared,
  join,
  joinOk,
  post,
  psql,
  request,
  saveOk,
  skipIfNoServer,
  uniqueRoomId,
} from './helpers.mjs';

await holdStackShared();

const SQL = "'; DROP TABLE rooms; --";
const SQL2 = "x' OR '1'='1";
const DOTS = '../../etc/passwd';
const HUGE = '99999999999999999999';

const jsonPost = (path, body, options = {}) =>
  post(path, { ...options, body, headers: { 'Content-Type': 'application/json', ...(options.headers || {}) } });

/** A JSON text with invalid UTF-8 bytes spliced in where `@@` stands. */
function withBadBytes(text, bytes = [0xff, 0xfe]) {
  const [head, tail] = text.split('@@');
  return Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
}

/** Malformed or non-object JSON bodies. */
const NOT_AN_OBJECT = ['{"a":', '{"username": "alice"', '[]', '["alice"]', '"alice"', '5', 'null', 'true', '', '{"username": "alice",}', "{'username': 'alice'}", '['.repeat(100_000)];

/** Checks that a room we made earlier is still there as it was. */
async function assertRoomIntact(room, { version = 0, code = '' } = {}) {
  const doc = await documentOf(room.roomId, room.token);
  assert.equal(doc.version, version);
  assert.equal(doc.code, code);
  if (DATABASE_URL) assert.ok(Number(psql('SELECT count(*) FROM rooms')) > 0, 'the rooms table is still there');
}

describe('bad input to POST /rooms', { skip: skipIfNoServer }, () => {
  let witness;
  before(async () => {
    witness = await createRoom({ username: 'alice' });
  });

  const assertNotCreated = async (roomId) => assertError(await join(roomId, 'checker'), 404, 'Room not found');

  test('malformed JSON and bodies that are not objects are 400', async () => {
    for (const body of NOT_AN_OBJECT) {
      assertError(await jsonPost('/rooms', body), 400);
    }
    // A valid query with a broken JSON body does not create the room either.
    const roomId = uniqueRoomId();
    assertError(await jsonPost(`/rooms?username=alice&roomId=${roomId}`, '{"a":'), 400);
    await assertNotCreated(roomId);
  });

  test('fields of the wrong type are 400', async () => {
    const roomId = uniqueRoomId();
    for (const body of [
      { username: 123, roomId },
      { username: ['alice'], roomId },
      { username: null, roomId },
      { username: 'alice', roomId: 42 },
      { username: 'alice', roomId: { id: roomId } },
      { username: 'alice', roomId, limit: '5' },
      { username: 'alice', roomId, limit: 2.5 },
      { username: 'alice', roomId, limit: [3] },
    ]) {
      assertError(await post('/rooms', { json: body }), 400);
    }
    await assertNotCreated(roomId);
  });

  test('invalid UTF-8 in the body is 400 and creates nothing', async () => {
    const roomId = uniqueRoomId();
    const bodies = [
      withBadBytes(`{"username": "al@@ice", "roomId": "${roomId}"}`),
      withBadBytes(`{"username": "alice", "roomId": "${roomId}@@"}`),
      withBadBytes(`{"username": "al@@ice", "roomId": "${roomId}"}`, [0xc0, 0xaf]), // overlong '/'
      withBadBytes(`{"username": "al@@ice", "roomId": "${roomId}"}`, [0xed, 0xa0, 0x80]), // UTF-16 surrogate
      withBadBytes(`{"username": "alice", "roomId": "${roomId}"@@}`, [0x80]),
    ];
    for (const body of bodies) assertError(await jsonPost('/rooms', body), 400);
    assertError(await post('/rooms', { json: { username: 'al\ud800ice', roomId } }), 400); // lone surrogate
    await assertNotCreated(roomId);
  });

  test('invalid UTF-8 in query fields is 400 and creates nothing', async () => {
    const roomId = uniqueRoomId();
    assertError(await post(`/rooms?username=al%FFice&roomId=${roomId}`), 400);
    assertError(await post(`/rooms?username=alice&roomId=${roomId}%FF`), 400);
    assertError(await post(`/rooms?username=alice&roomId=${roomId}&limit=%FF`), 400);
    assertError(await post(`/rooms?username=%C0%AFalice&roomId=${roomId}`), 400);
    assertError(await post(`/rooms?username=alice&roomId=${roomId}%`), 400);
    await assertNotCreated(roomId);
  });

  test('SQL metacharacters and ../ in any field are 400 and harm nothing', async () => {
    const roomId = uniqueRoomId();
    for (const fields of [
      { username: 'alice', roomId: SQL },
      { username: 'alice', roomId: SQL2 },
      { username: 'alice', roomId: `../${roomId}` },
      { username: 'alice', roomId: DOTS },
      { username: SQL, roomId },
      { username: SQL2, roomId },
      { username: DOTS, roomId },
      { username: 'alice', roomId, limit: SQL },
      { username: 'alice', roomId, limit: DOTS },
    ]) {
      const query = Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      assertError(await post(`/rooms?${query}`), 400);
      assertError(await post('/rooms', { json: fields }), 400);
    }
    await assertNotCreated(roomId);
    await assertRoomIntact(witness);
  });

  test('a huge limit is 400', async () => {
    const roomId = uniqueRoomId();
    assertError(await post(`/rooms?username=alice&roomId=${roomId}&limit=${HUGE}`), 400);
    assertError(await jsonPost('/rooms', `{"username": "alice", "roomId": "${roomId}", "limit": ${HUGE}}`), 400);
    assertError(await jsonPost('/rooms', `{"username": "alice", "roomId": "${roomId}", "limit": 1e400}`), 400);
    assertError(await jsonPost('/rooms', `{"username": "alice", "roomId": "${roomId}", "limit": -${HUGE}}`), 400);
    await assertNotCreated(roomId);
  });

  test('the app still answers after all of this', async () => {
    assertStatus(await get('/healthz'), 200);
    await assertRoomIntact(witness);
  });
});

describe('bad input to GET /rooms/{id} (join)', { skip: skipIfNoServer }, () => {
  let room;
  before(async () => {
    room = await createRoom({ username: 'alice', limit: 20 });
  });

  test('bad usernames are 400 and add nobody', async () => {
    for (const q of ['username=al%FFice', 'username=%C0%AFabc', `username=${encodeURIComponent(SQL)}`, `username=${encodeURIComponent(SQL2)}`, `username=${encodeURIComponent(DOTS)}`, 'username=..%2F..%2Fetc', 'username=abc%00def', 'username=%']) {
      assertError(await get(`/rooms/${room.roomId}?${q}`), 400);
    }
    const seen = await joinOk(room.roomId, 'bob');
    assert.deepEqual(seen.users.map((u) => u.username).sort(), ['alice', 'bob']);
  });

  test('bad room ids in the path are 4xx', async () => {
    for (const id of ['%FF', encodeURIComponent(SQL), encodeURIComponent(SQL2), '..%2F..%2Fetc%2Fpasswd', `${room.roomId}%FF`, `${room.roomId}%00`, 'x'.repeat(65)]) {
      assert4xx(await get(`/rooms/${id}?username=carol`));
    }
    await assertRoomIntact(room);
    const seen = await joinOk(room.roomId, 'dave');
    assert.equal(seen.users.some((u) => u.username === 'carol'), false);
  });
});

describe('bad input to the room endpoints that need a token', { skip: skipIfNoServer }, () => {
  let room;
  before(async () => {
    room = await createRoom({ username: 'alice' });
    await saveOk(room.token, { roomId: room.roomId, code: 'keep me\n', username: 'alice' });
  });
  const intact = () => assertRoomIntact(room, { version: 1, code: 'keep me\n' });

  test('POST /rooms/save: malformed JSON and bodies that are not objects are 400', async () => {
    for (const body of NOT_AN_OBJECT) {
      assertError(await jsonPost('/rooms/save', body, { token: room.token }), 400);
    }
    await intact();
  });

  test('POST /rooms/save: invalid UTF-8 in code or username is 400', async () => {
    const { roomId } = room;
    for (const body of [
      withBadBytes(`{"roomId": "${roomId}", "code": "print(1)@@", "username": "alice"}`),
      withBadBytes(`{"roomId": "${roomId}", "code": "print(1)@@", "username": "alice"}`, [0xed, 0xa0, 0x80]),
      withBadBytes(`{"roomId": "${roomId}", "code": "print(1)", "username": "alice@@"}`),
      withBadBytes(`{"roomId": "${roomId}@@", "code": "print(1)", "username": "alice"}`),
    ]) {
      assertError(await jsonPost('/rooms/save', body, { token: room.token }), 400);
    }
    assertError(await post('/rooms/save', { token: room.token, json: { roomId, code: 'x\ud800y', username: 'alice' } }), 400);
    await intact();
  });

  test('POST /rooms/save: SQL metacharacters and ../ in roomId or username are 4xx', async () => {
    for (const body of [
      { roomId: SQL, code: 'x', username: 'alice' },
      { roomId: `../${room.roomId}`, code: 'x', username: 'alice' },
      { roomId: `${room.roomId}/../${room.roomId}`, code: 'x', username: 'alice' },
      { roomId: room.roomId, code: 'x', username: SQL },
      { roomId: room.roomId, code: 'x', username: SQL2 },
      { roomId: room.roomId, code: 'x', username: DOTS },
    ]) {
      assert4xx(await post('/rooms/save', { token: room.token, json: body }));
    }
    await intact();
  });

  test('GET document and code: a version in bad encodings or huge is 4xx', async () => {
    for (const version of ['%FF', encodeURIComponent(SQL), '..%2F1', HUGE, `-${HUGE}`]) {
      assert4xx(await get(`/rooms/${room.roomId}/document?version=${version}`, { token: room.token }));
      assert4xx(await get(`/rooms/${room.roomId}/code?version=${version}`, { token: room.token }));
    }
    await intact();
  });

  test('tokens with SQL metacharacters or ../ are 401, in bad encodings 4xx', async () => {
    for (const token of [encodeURIComponent(SQL), encodeURIComponent(DOTS)]) {
      assertError(await get(`/rooms/${room.roomId}/document?token=${token}`), 401);
      assertError(await request('POST', `/rooms/${room.roomId}/leave?token=${token}`), 401);
    }
    for (const token of ['%FF', '%00', `${encodeURIComponent(room.token)}%00`, `${encodeURIComponent(room.token)}%FF`]) {
      assert4xx(await get(`/rooms/${room.roomId}/document?token=${token}`));
      assert4xx(await request('POST', `/rooms/${room.roomId}/leave?token=${token}`));
    }
    await intact();
  });

  test('PATCH limit: bad new_limit values are 400', async () => {
    for (const n of ['%FF', encodeURIComponent(SQL), encodeURIComponent(DOTS), HUGE, '%00']) {
      assertError(await request('PATCH', `/rooms/${room.roomId}/limit?new_limit=${n}`, { token: room.token }), 400);
    }
    const seen = await joinOk(room.roomId, 'bob');
    assert.equal(seen.limit, 5);
  });

  test('an answer given before a large body was read arrives whole', async () => {
    // Refused before the body is read: an unknown path, a token that is not
    // valid. The app still takes the rest of the body before it closes, so
    // nginx never meets a closed connection (a 502).
    const big = JSON.stringify({ roomId: room.roomId, code: 'z'.repeat(6 * 1024 * 1024), username: 'alice' });
    const options = { body: big, headers: { 'Content-Type': 'application/json' }, timeout: 30_000 };
    for (let i = 0; i < 5; i++) {
      assertError(await post(`/rooms/${room.roomId}/nothing-here`, { ...options, token: room.token }), 404);
      assertError(await post('/rooms/save', { ...options, token: 'not-a-valid-token-at-all' }), 401);
    }
  });

  test('the app still answers after all of this', async () => {
    assertStatus(await get('/healthz'), 200);
    await intact();
  });
});
