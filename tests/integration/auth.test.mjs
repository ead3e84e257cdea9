// Session tokens on every room-scoped endpoint (T): Bearer header or
// ?token=, 401 for a missing or unknown token, 403 for another room's token,
// 404 for a room that does not exist.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  assertError,
  assertStatus,
  createRoom,
  documentOf,
  get,
  holdStackShared,
  joinOk,
  request,
  skipIfNoServer,
  uniqueRoomId,
} from './helpers.mjs';

await holdStackShared();

/**
 * The endpoints that need a token, as functions of (roomId, auth) where
 * auth is {token} (Bearer), {query} (?token=) or {header} (raw Authorization).
 */
function send(endpoint, roomId, auth = {}, username = 'alice') {
  const headers = auth.header === undefined ? {} : { Authorization: auth.header };
  const options = { headers, token: auth.token };
  const tq = (sep) => (auth.query === undefined ? '' : `${sep}token=${encodeURIComponent(auth.query)}`);
  const id = encodeURIComponent(roomId);
  switch (endpoint) {
    case 'GET document':
      return request('GET', `/rooms/${id}/document${tq('?')}`, options);
    case 'GET code':
      return request('GET', `/rooms/${id}/code${tq('?')}`, options);
    case 'PATCH limit':
      return request('PATCH', `/rooms/${id}/limit?new_limit=6${tq('&')}`, options);
    case 'POST save':
      return request('POST', `/rooms/save${tq('?')}`, { ...options, json: { roomId, code: 'print("hi")\n', username } });
    case 'POST leave':
      return request('POST', `/rooms/${id}/leave${tq('?')}`, options);
    default:
      throw new Error(endpoint);
  }
}

const ENDPOINTS = ['GET document', 'GET code', 'PATCH limit', 'POST save', 'POST leave'];

describe('authentication of room endpoints', { skip: skipIfNoServer }, () => {
  let room;
  let other;

  before(async () => {
    room = await createRoom({ username: 'alice', limit: 5 });
    other = await createRoom({ username: 'alice', limit: 5 });
  });

  /** Nothing the refused requests tried happened: same limit, no new version, token still valid. */
  async function assertRoomUntouched(r) {
    const doc = await documentOf(r.roomId, r.token);
    assert.equal(doc.version, 0);
    assert.equal(doc.code, '');
    const seen = await joinOk(r.roomId, `c${randomBytes(4).toString('hex')}`);
    assert.equal(seen.limit, 5);
  }

  for (const endpoint of ENDPOINTS) {
    test(`${endpoint}: no token is 401`, async () => {
      assertError(await send(endpoint, room.roomId), 401);
    });

    test(`${endpoint}: an unknown token is 401, as header or query`, async () => {
      const forged = randomBytes(32).toString('base64url');
      assertError(await send(endpoint, room.roomId, { token: forged }), 401);
      assertError(await send(endpoint, room.roomId, { query: forged }), 401);
    });

    test(`${endpoint}: a malformed Authorization header is 401`, async () => {
      for (const header of ['Bearer', 'Bearer ', `Basic ${Buffer.from('alice:x').toString('base64')}`, "Bearer ' OR '1'='1", 'Bearer ../../etc/passwd', `Bearer ${room.token}x`]) {
        assertError(await send(endpoint, room.roomId, { header }), 401);
      }
    });

    test(`${endpoint}: another room's token is 403`, async () => {
      assertError(await send(endpoint, room.roomId, { token: other.token }), 403);
      assertError(await send(endpoint, room.roomId, { query: other.token }), 403);
    });

    test(`${endpoint}: a room that does not exist is 404, with a valid token`, async () => {
      assertError(await send(endpoint, uniqueRoomId(), { token: room.token }), 404);
    });
  }

  test('the refused requests changed nothing in either room', async () => {
    await assertRoomUntouched(room);
    await assertRoomUntouched(other);
  });

  test('a token works as Bearer header and as ?token= query parameter', async () => {
    const viaHeader = await get(`/rooms/${room.roomId}/document`, { token: room.token });
    assertStatus(viaHeader, 200);
    const viaQuery = await get(`/rooms/${room.roomId}/document?token=${encodeURIComponent(room.token)}`);
    assertStatus(viaQuery, 200);
    assert.deepEqual(viaQuery.json, viaHeader.json);
    const code = await get(`/rooms/${room.roomId}/code?token=${encodeURIComponent(room.token)}`);
    assertStatus(code, 200);
  });

  test('an editor\'s token works on its room too', async () => {
    const bob = await joinOk(room.roomId, 'bob');
    assertStatus(await get(`/rooms/${room.roomId}/document`, { token: bob.token }), 200);
  });
});
