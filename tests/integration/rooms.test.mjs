// Creating and joining rooms: POST /rooms and GET /rooms/{id}.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  COLOR_RE,
  ROOM_ID_RE,
  assertError,
  assertRoomBody,
  assertStatus,
  createRoom,
  holdStackShared,
  join,
  joinOk,
  post,
  psql,
  qs,
  skipIfNoDb,
  skipIfNoServer,
  sqlLiteral,
  uniqueRoomId,
  userIn,
} from './helpers.mjs';

await holdStackShared();

/** POST /rooms with the fields in the query string. */
const createQuery = (fields) => post(`/rooms?${qs(fields)}`);
/** POST /rooms with the fields as a JSON body. */
const createJson = (fields) => post('/rooms', { json: fields });

/** After a refused create, the room must not exist. */
async function assertNoRoom(roomId) {
  const res = await join(roomId, 'checker');
  assertError(res, 404, 'Room not found');
}

describe('POST /rooms (create)', { skip: skipIfNoServer }, () => {
  test('creates a room from query fields: the creator is its online owner', async () => {
    const roomId = uniqueRoomId();
    const res = await createQuery({ username: 'alice', roomId, limit: 3 });
    assertStatus(res, 201);
    assert.match(String(res.headers['content-type']), /^application\/json\b/i);
    const body = res.json;
    const owner = assertRoomBody(body, { roomId, limit: 3, username: 'alice', role: 'owner' });
    assert.equal(body.version, 0);
    assert.equal(body.code, '');
    assert.equal(body.language, 'python');
    assert.equal(body.users.length, 1);
    assert.deepEqual(owner, { username: 'alice', online: true, typing: false, color: owner.color, role: 'owner' });
    assert.match(owner.color, COLOR_RE);
  });

  test('accepts the same fields as a JSON body', async () => {
    const roomId = uniqueRoomId();
    const res = await createJson({ username: 'alice', roomId, limit: 7 });
    assertStatus(res, 201);
    assertRoomBody(res.json, { roomId, limit: 7, username: 'alice', role: 'owner' });
    assert.equal(res.json.version, 0);
    assert.equal(res.json.code, '');
    assert.equal(res.json.language, 'python');
  });

  test('the limit defaults to 5', async () => {
    const viaQuery = await createQuery({ username: 'alice', roomId: uniqueRoomId() });
    assertStatus(viaQuery, 201);
    assert.equal(viaQuery.json.limit, 5);
    const viaJson = await createJson({ username: 'alice', roomId: uniqueRoomId() });
    assertStatus(viaJson, 201);
    assert.equal(viaJson.json.limit, 5);
  });

  test('accepts the limits 1 and 20', async () => {
    for (const limit of [1, 20]) {
      const res = await createQuery({ username: 'alice', roomId: uniqueRoomId(), limit });
      assertStatus(res, 201);
      assert.equal(res.json.limit, limit);
    }
  });

  test('generates a fresh room id when none is given, and others can join it', async () => {
    const a = await createQuery({ username: 'alice' });
    const b = await createJson({ username: 'alice' });
    assertStatus(a, 201);
    assertStatus(b, 201);
    assert.match(a.json.roomId, ROOM_ID_RE);
    assert.match(b.json.roomId, ROOM_ID_RE);
    assert.notEqual(a.json.roomId, b.json.roomId);
    const joined = await joinOk(a.json.roomId, 'bob');
    assert.equal(joined.roomId, a.json.roomId);
  });

  test('accepts a room id of 64 characters and one using every allowed kind of character', async () => {
    for (const roomId of [`${uniqueRoomId()}${'x'.repeat(64)}`.slice(0, 64), `Az09_-${uniqueRoomId()}`]) {
      const res = await createQuery({ username: 'alice', roomId });
      assertStatus(res, 201);
      assert.equal(res.json.roomId, roomId);
    }
  });

  test('refuses an existing room id with 409, and the first owner keeps the room', async () => {
    const { roomId } = await createRoom({ username: 'alice' });
    const again = await createQuery({ username: 'mallory', roomId });
    assertError(again, 409);
    const againJson = await createJson({ username: 'mallory', roomId });
    assertError(againJson, 409);
    const seen = await joinOk(roomId, 'bob');
    assert.equal(userIn(seen.users, 'alice')?.role, 'owner');
    assert.equal(userIn(seen.users, 'mallory'), undefined);
  });

  test('refuses bad room ids with 400 and creates nothing', async () => {
    const target = uniqueRoomId();
    const bad = ['', 'x'.repeat(65), `../${target}`, 'a;DROP TABLE rooms', 'a b', 'a.b', 'a/b', 'é', `${target}'`, '%2e%2e'];
    for (const roomId of bad) {
      assertError(await createQuery({ username: 'alice', roomId }), 400);
      assertError(await createJson({ username: 'alice', roomId }), 400);
    }
    await assertNoRoom(target);
  });

  test('refuses bad usernames with 400 and creates nothing', async () => {
    const bad = ['', 'ab', '  ab  ', "a'b--", '<script>', '../etc', 'x'.repeat(33), '   ', 'a\tbc', 'ab\ncd', 'a;b c', 'smile😀'];
    for (const username of bad) {
      const roomId = uniqueRoomId();
      assertError(await createQuery({ username, roomId }), 400);
      assertError(await createJson({ username, roomId }), 400);
      await assertNoRoom(roomId);
    }
  });

  test('refuses a missing username with 400', async () => {
    const roomId = uniqueRoomId();
    assertError(await createQuery({ roomId }), 400);
    assertError(await createJson({ roomId }), 400);
    await assertNoRoom(roomId);
  });

  test('accepts Unicode usernames and returns them exactly, trimmed', async () => {
    const cases = [
      ['Zoë', 'Zoë'],
      ['日本語', '日本語'],
      ['Ñandú', 'Ñandú'],
      ['  Zoë  ', 'Zoë'],
      ['Zoe\u0301', 'Zoe\u0301'], // e + combining acute accent
      ['a.b-c_d e', 'a.b-c_d e'],
      ['abc', 'abc'],
      ['x'.repeat(32), 'x'.repeat(32)],
    ];
    for (const [sent, expected] of cases) {
      const roomId = uniqueRoomId();
      const res = await createJson({ username: sent, roomId });
      assertStatus(res, 201);
      assertRoomBody(res.json, { roomId, username: expected, role: 'owner' });
      const viaQuery = await createQuery({ username: sent, roomId: uniqueRoomId() });
      assertStatus(viaQuery, 201);
      assert.equal(viaQuery.json.users[0].username, expected);
    }
  });

  test('refuses limits that are not integers from 1 to 20 with 400', async () => {
    for (const limit of ['0', '21', 'abc', '2.5', '-1', '', '99999999999999999999', '1e1', '0x5']) {
      const roomId = uniqueRoomId();
      assertError(await createQuery({ username: 'alice', roomId, limit }), 400);
      await assertNoRoom(roomId);
    }
    for (const limit of ['5', 2.5, 0, 21, -3, true, [5], { n: 5 }]) {
      const roomId = uniqueRoomId();
      assertError(await createJson({ username: 'alice', roomId, limit }), 400);
      await assertNoRoom(roomId);
    }
  });

  test('returns a different random token for every session', async () => {
    const a = await createRoom();
    const b = await createRoom();
    const c = await joinOk(a.roomId, 'bob');
    assert.equal(new Set([a.token, b.token, c.token]).size, 3);
  });
});

describe('GET /rooms/{id} (join)', { skip: skipIfNoServer }, () => {
  test('joins as an online editor with its own token and a colour nobody else online has', async () => {
    const created = await createRoom({ username: 'alice', limit: 4 });
    const res = await join(created.roomId, 'bob');
    assertStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^application\/json\b/i);
    const bob = assertRoomBody(res.json, { roomId: created.roomId, limit: 4, username: 'bob', role: 'editor' });
    assert.equal(bob.typing, false);
    assert.equal(res.json.version, 0);
    assert.equal(res.json.code, '');
    assert.equal(res.json.language, 'python');
    assert.notEqual(res.json.token, created.token);
    const alice = userIn(res.json.users, 'alice');
    assert.equal(alice?.role, 'owner');
    assert.equal(alice.online, true);
    assert.notEqual(bob.color, alice.color);
  });

  test('every online user gets a distinct colour', async () => {
    const { roomId } = await createRoom({ username: 'alice', limit: 8 });
    let last;
    for (const name of ['bob', 'carol', 'dave', 'erin', 'frank', 'grace']) last = await joinOk(roomId, name);
    const online = last.users.filter((u) => u.online);
    assert.equal(online.length, 7);
    assert.equal(new Set(online.map((u) => u.color.toLowerCase())).size, 7, JSON.stringify(online));
  });

  test('an unknown room is 404 "Room not found"', async () => {
    assertError(await join(uniqueRoomId(), 'bob'), 404, 'Room not found');
  });

  test('a full room is 403 "Room is full"', async () => {
    const single = await createRoom({ username: 'alice', limit: 1 });
    assertError(await join(single.roomId, 'bob'), 403, 'Room is full');

    const pair = await createRoom({ username: 'alice', limit: 2 });
    await joinOk(pair.roomId, 'bob');
    assertError(await join(pair.roomId, 'carol'), 403, 'Room is full');
  });

  test('a name already online in the room is 409 "Username already exists", whatever its case', async () => {
    const { roomId } = await createRoom({ username: 'alice', limit: 5 });
    await joinOk(roomId, 'Bob');
    for (const name of ['alice', 'ALICE', 'Alice', 'bob', 'BOB']) {
      assertError(await join(roomId, name), 409, 'Username already exists');
    }
    const seen = await joinOk(roomId, 'carol');
    assert.equal(seen.users.length, 3, 'the refused joins added nobody');
  });

  test('a missing or bad username is 400 and adds nobody', async () => {
    const { roomId } = await createRoom({ username: 'alice', limit: 20 });
    assertError(await join(roomId, undefined), 400);
    for (const name of ['', 'ab', "a'b--", '<script>', '../etc', 'x'.repeat(33), '  a  ']) {
      assertError(await join(roomId, name), 400);
    }
    const seen = await joinOk(roomId, 'bob');
    assert.deepEqual(seen.users.map((u) => u.username).sort(), ['alice', 'bob']);
  });

  test('accepts Unicode usernames and returns them exactly, trimmed', async () => {
    const { roomId } = await createRoom({ username: 'alice', limit: 5 });
    const zoe = await joinOk(roomId, ' Zoë ');
    assert.ok(userIn(zoe.users, 'Zoë'));
    const nandu = await joinOk(roomId, 'Ñandú');
    assert.ok(userIn(nandu.users, 'Ñandú'));
    const jp = await joinOk(roomId, '日本語');
    assert.ok(userIn(jp.users, '日本語'));
  });

  test('joining again under one\'s own name with one\'s own token is a reconnect', async () => {
    const created = await createRoom({ username: 'alice', limit: 3 });
    const bob = await joinOk(created.roomId, 'bob');

    const again = await joinOk(created.roomId, 'bob', { token: bob.token });
    assert.equal(again.token, bob.token);
    assert.equal(again.users.length, 2);
    assert.equal(userIn(again.users, 'bob')?.online, true);
    assert.equal(userIn(again.users, 'bob')?.role, 'editor');

    const owner = await joinOk(created.roomId, 'alice', { token: created.token });
    assert.equal(owner.token, created.token);
    assert.equal(owner.users.length, 2);
    assert.equal(userIn(owner.users, 'alice')?.role, 'owner');
  });

  test('a reconnect works in a full room', async () => {
    const created = await createRoom({ username: 'alice', limit: 2 });
    const bob = await joinOk(created.roomId, 'bob');
    const again = await joinOk(created.roomId, 'bob', { token: bob.token });
    assert.equal(again.token, bob.token);
  });

  test('someone else\'s token does not make a join under a taken name a reconnect', async () => {
    const created = await createRoom({ username: 'alice', limit: 3 });
    const bob = await joinOk(created.roomId, 'bob');
    assertError(await join(created.roomId, 'alice', { token: bob.token }), 409, 'Username already exists');
    const other = await createRoom({ username: 'bob' });
    assertError(await join(created.roomId, 'bob', { token: other.token }), 409, 'Username already exists');
  });
});

describe('session tokens in the database', { skip: skipIfNoDb }, () => {
  test('sessions has a token_hash bytea column of 32-byte values', async () => {
    await createRoom();
    const type = psql(
      "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name = 'sessions' AND column_name = 'token_hash'",
    );
    assert.equal(type, 'bytea');
    const [rows, hashes32] = psql('SELECT count(token_hash), count(*) FILTER (WHERE octet_length(token_hash) = 32) FROM sessions').split('|').map(Number);
    assert.ok(rows > 0, 'sessions has rows');
    assert.equal(hashes32, rows, 'every token_hash is 32 bytes');
  });

  test('the raw token is stored nowhere in the database', async () => {
    const created = await createRoom();
    const joined = await joinOk(created.roomId, 'bob');
    const tables = psql(
      "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
        "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
    )
      .split('\n')
      .filter(Boolean);
    assert.ok(tables.length > 0, 'the database has tables');
    for (const token of [created.token, joined.token]) {
      // The token as text, its bytes as a bytea (hex in a row's text form),
      // and the random bytes it encodes.
      const needles = [token, Buffer.from(token).toString('hex'), Buffer.from(token, 'base64url').toString('hex')];
      const conditions = needles.map((n) => `strpos(t::text, ${sqlLiteral(n)}) > 0`).join(' OR ');
      const sql = tables.map((t) => `SELECT ${sqlLiteral(t)} FROM ${t} t WHERE ${conditions}`).join(' UNION ');
      assert.equal(psql(sql), '', `tables holding the raw token ${token}`);
    }
  });
});
