// Saving and reading code: POST /rooms/save, GET /rooms/{id}/document and
// GET /rooms/{id}/code, and what subscribers see of a save.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  ISO_8601_RE,
  applyChanges,
  assertError,
  assertStatus,
  closeAll,
  createRoom,
  documentOf,
  get,
  getCode,
  getDocument,
  holdStackShared,
  joinOk,
  openSocket,
  post,
  save,
  saveOk,
  skipIfNoServer,
  sleep,
  uniqueRoomId,
} from './helpers.mjs';

await holdStackShared();

const MiB = 1024 * 1024;

/** Text a person might write, with every kind of character that can go wrong. */
const TRICKY_TEXTS = [
  'def main():\n\tprint("héllo, wörld")\n\n\treturn 0\n',
  '# 日本語のコメント\nx = "中文"  # 한국어\n',
  'emoji = "😀🎉👩‍💻"\nflag = "🇫🇷"\n',
  '  leading spaces\n\n\n\ttabs\t\tinside\ntrailing spaces   \n',
  "'; DROP TABLE rooms; --\n../../etc/passwd\n\"quotes\" and \\backslashes\\ and {\"json\": [1]}\n",
  'no trailing newline',
  'a\u0301 combining, \u200b zero width, \u00a0 nbsp, \u2028 line separator',
];

async function assertCode(roomId, token, expected, version) {
  const res = await getCode(roomId, token, version);
  assertStatus(res, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain;\s*charset=utf-8$/i);
  assert.ok(res.body.equals(Buffer.from(expected, 'utf8')), `code bytes differ: got ${JSON.stringify(res.text.slice(0, 200))}`);
}

describe('GET /rooms/{id}/document', { skip: skipIfNoServer }, () => {
  test('a new room has an empty python document at version 0, never edited', async () => {
    const room = await createRoom({ username: 'alice' });
    const res = await getDocument(room.roomId, room.token);
    assertStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^application\/json\b/i);
    assert.deepEqual(res.json, {
      roomId: room.roomId,
      version: 0,
      code: '',
      language: 'python',
      lastEditedBy: null,
      lastEditedAt: null,
    });
    await assertCode(room.roomId, room.token, '');
  });

  test('after saves, older versions stay readable and later ones are 404', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const before = Date.now();
    assert.equal((await saveOk(room.token, { roomId: room.roomId, code: 'a', username: 'alice' })).version, 1);
    assert.equal((await saveOk(bob.token, { roomId: room.roomId, code: 'b', username: 'bob' })).version, 2);

    const current = await documentOf(room.roomId, room.token);
    assert.equal(current.version, 2);
    assert.equal(current.code, 'b');
    assert.equal(current.lastEditedBy, 'bob');
    assert.match(String(current.lastEditedAt), ISO_8601_RE);
    const at = Date.parse(current.lastEditedAt);
    assert.ok(Math.abs(at - before) < 60_000, `lastEditedAt ${current.lastEditedAt} is about now`);

    const v1 = await getDocument(room.roomId, room.token, 1);
    assertStatus(v1, 200);
    assert.equal(v1.json.version, 1);
    assert.equal(v1.json.code, 'a');
    const v0 = await getDocument(room.roomId, bob.token, 0);
    assertStatus(v0, 200);
    assert.equal(v0.json.version, 0);
    assert.equal(v0.json.code, '');
    const v2 = await getDocument(room.roomId, room.token, 2);
    assertStatus(v2, 200);
    assert.equal(v2.json.code, 'b');

    await assertCode(room.roomId, room.token, 'a', 1);
    await assertCode(room.roomId, room.token, '', 0);
    await assertCode(room.roomId, room.token, 'b', 2);
    await assertCode(room.roomId, room.token, 'b');

    assertError(await getDocument(room.roomId, room.token, 3), 404);
    assertError(await getCode(room.roomId, room.token, 3), 404);
  });

  test('a version that is not a non-negative integer is 400', async () => {
    const room = await createRoom({ username: 'alice' });
    for (const version of ['abc', '-1', '1.5', '', '1e0', '0x1', ' 1', "0'; DROP TABLE rooms; --", '../1']) {
      assertError(await getDocument(room.roomId, room.token, version), 400);
      assertError(await getCode(room.roomId, room.token, version), 400);
    }
  });
});

describe('POST /rooms/save', { skip: skipIfNoServer }, () => {
  const subscribers = [];
  after(() => closeAll(...subscribers));

  test('stores code exactly, byte for byte, one version per change', async () => {
    const room = await createRoom({ username: 'alice' });
    let version = 0;
    for (const code of TRICKY_TEXTS) {
      const res = await save(room.token, { roomId: room.roomId, code, username: 'alice' });
      assertStatus(res, 200);
      version += 1;
      assert.deepEqual(res.json, { message: 'Code saved successfully', version });
      await assertCode(room.roomId, room.token, code);
      const doc = await documentOf(room.roomId, room.token);
      assert.equal(doc.code, code);
      assert.equal(doc.version, version);
      assert.equal(doc.lastEditedBy, 'alice');
    }
    // Every version still reads back as it was saved.
    for (let i = 0; i < TRICKY_TEXTS.length; i++) {
      await assertCode(room.roomId, room.token, TRICKY_TEXTS[i], i + 1);
    }
  });

  test('saving the same code again right away is 304 without a body, and adds no version', async () => {
    const room = await createRoom({ username: 'alice' });
    await saveOk(room.token, { roomId: room.roomId, code: 'x = 1\n', username: 'alice' });
    const res = await save(room.token, { roomId: room.roomId, code: 'x = 1\n', username: 'alice' });
    assert.equal(res.status, 304);
    assert.equal(res.body.length, 0);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 1);
    assert.equal(doc.code, 'x = 1\n');
  });

  test('an editor can save, and the document shows them as last editor', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'Bob');
    const res = await saveOk(bob.token, { roomId: room.roomId, code: 'print(2)\n', username: 'Bob' });
    assert.equal(res.version, 1);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.lastEditedBy, 'Bob');
    assert.equal(doc.code, 'print(2)\n');
  });

  test('subscribers receive the update (numbered by the version before it) and the checkpoint', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const watcher = await openSocket(room.roomId, bob.token, { username: 'bob' });
    subscribers.push(watcher);

    // Edits in the middle of text with characters outside the BMP, so that
    // positions must be counted in UTF-16 units to rebuild the text.
    const texts = ['😀 hello\nworld\n', '😀 hello, brave\nnew world\n', '🎉\n😀 hello, brave\nnew world\n\tend 日本\n', ''];
    let doc = '';
    for (let v = 0; v < texts.length; v++) {
      const from = watcher.mark();
      const res = await saveOk(room.token, { roomId: room.roomId, code: texts[v], username: 'alice' });
      assert.equal(res.version, v + 1);

      const update = await watcher.waitFor((m) => m.type === 'update' && m.version === v, { from, what: `update ${v}` });
      assert.equal(update.username, 'alice');
      assert.ok(update.clientID !== undefined && update.clientID !== null, 'update has a clientID');
      assert.match(String(update.at), ISO_8601_RE);
      doc = applyChanges(doc, update.changes);
      assert.equal(doc, texts[v], `update ${v} turns the previous text into the saved one`);

      const checkpoint = await watcher.waitFor((m) => m.type === 'checkpoint' && m.version === v + 1, { from, what: `checkpoint at version ${v + 1}` });
      assert.equal(checkpoint.username, 'alice');
      assert.ok('label' in checkpoint, 'checkpoint has a label');
      assert.match(String(checkpoint.at), ISO_8601_RE);
    }
  });

  test('a 304 save broadcasts no update', async () => {
    const room = await createRoom({ username: 'alice' });
    const watcher = await openSocket(room.roomId, room.token, { username: 'alice' });
    subscribers.push(watcher);
    await saveOk(room.token, { roomId: room.roomId, code: 'same', username: 'alice' });
    await watcher.waitFor((m) => m.type === 'update' && m.version === 0, { what: 'update 0' });
    const from = watcher.mark();
    assert.equal((await save(room.token, { roomId: room.roomId, code: 'same', username: 'alice' })).status, 304);
    await sleep(1000);
    assert.deepEqual(watcher.ofType('update', from), []);
  });

  test('a roomId of another room than the token\'s is 403 and changes neither room', async () => {
    const mine = await createRoom({ username: 'alice' });
    const theirs = await createRoom({ username: 'alice' });
    assertError(await save(mine.token, { roomId: theirs.roomId, code: 'hijack', username: 'alice' }), 403);
    assert.equal((await documentOf(theirs.roomId, theirs.token)).version, 0);
    assert.equal((await documentOf(mine.roomId, mine.token)).version, 0);
  });

  test('a roomId that does not exist is 404', async () => {
    const mine = await createRoom({ username: 'alice' });
    assertError(await save(mine.token, { roomId: uniqueRoomId(), code: 'x', username: 'alice' }), 404);
  });

  test('a username other than the token\'s user is 403 and changes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    await joinOk(room.roomId, 'bob');
    for (const username of ['bob', 'ALICE_', 'mallory']) {
      assertError(await save(room.token, { roomId: room.roomId, code: 'forged', username }), 403);
    }
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 0);
    assert.equal(doc.code, '');
  });

  test('a missing field or a field of the wrong type is 400 and changes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    const good = { roomId: room.roomId, code: 'ok', username: 'alice' };
    const bad = [
      { roomId: room.roomId, username: 'alice' },
      { code: 'x', username: 'alice' },
      { roomId: room.roomId, code: 'x' },
      { ...good, code: 42 },
      { ...good, code: null },
      { ...good, code: ['x'] },
      { ...good, roomId: 7 },
      { ...good, username: { name: 'alice' } },
      {},
    ];
    for (const body of bad) {
      assertError(await save(room.token, body), 400);
    }
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 0);
    assert.equal(doc.code, '');
  });

  test('code of exactly 2 MiB of UTF-8 is stored', async () => {
    const room = await createRoom({ username: 'alice' });
    const code = 'é'.repeat(MiB); // 2 bytes each: 2 MiB
    assert.equal(Buffer.byteLength(code), 2 * MiB);
    const res = await save(room.token, { roomId: room.roomId, code, username: 'alice' }, { timeout: 30_000 });
    assertStatus(res, 200);
    const back = await getCode(room.roomId, room.token);
    assertStatus(back, 200);
    assert.equal(back.body.length, 2 * MiB);
    assert.ok(back.body.equals(Buffer.from(code)));
  });

  test('code over 2 MiB of UTF-8 is 413 with a JSON detail, and changes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    await saveOk(room.token, { roomId: room.roomId, code: 'small', username: 'alice' });
    const overAscii = 'x'.repeat(2 * MiB + 1);
    const overMultibyte = 'é'.repeat(MiB) + 'x'; // 1 Mi characters, but 2 MiB + 1 bytes
    for (const code of [overAscii, overMultibyte]) {
      assertError(await save(room.token, { roomId: room.roomId, code, username: 'alice' }), 413);
    }
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 1);
    assert.equal(doc.code, 'small');
  });

  test('a body over 8 MiB is 413 with a JSON detail', async () => {
    const room = await createRoom({ username: 'alice' });
    const body = JSON.stringify({ roomId: room.roomId, code: 'y'.repeat(9 * MiB), username: 'alice' });
    const res = await post('/rooms/save', {
      token: room.token,
      body,
      headers: { 'Content-Type': 'application/json' },
      timeout: 30_000,
    });
    assertError(res, 413);
    assert.equal((await documentOf(room.roomId, room.token)).version, 0);
  });
});

describe('GET /rooms/{id}/history', { skip: skipIfNoServer }, () => {
  test('lists each save as a checkpoint and every writer with their update count and last time', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const push = (token, version, changes) =>
      post(`/rooms/${encodeURIComponent(room.roomId)}/updates`, { token, json: { version, updates: [{ clientID: 'h', changes }] } });
    assertStatus(await push(room.token, 0, [[0, 'ab']]), 200);
    assertStatus(await push(room.token, 1, [2, [0, 'c']]), 200);
    const saved = await saveOk(bob.token, { roomId: room.roomId, code: 'abcd', username: 'bob' });
    assert.equal(saved.version, 3, "bob's save is an update of its own");
    const again = await save(room.token, { roomId: room.roomId, code: 'abcd', username: 'alice' });
    assert.equal(again.status, 304, 'nothing changed since the last checkpoint: no second one');

    const res = await get(`/rooms/${encodeURIComponent(room.roomId)}/history`, { token: bob.token });
    assertStatus(res, 200);
    const h = res.json;
    assert.equal(h.version, 3);
    assert.deepEqual(
      h.checkpoints.map(({ version, label, username }) => ({ version, label, username })),
      [{ version: 3, label: 'Saved', username: 'bob' }],
    );
    for (const k of h.checkpoints) assert.match(k.at, ISO_8601_RE);
    assert.deepEqual(
      h.contributors.map(({ username, updates }) => ({ username, updates })),
      [
        { username: 'alice', updates: 2 },
        { username: 'bob', updates: 1 },
      ],
      'most updates first',
    );
    for (const c of h.contributors) assert.match(c.lastAt, ISO_8601_RE);
    assert.ok(h.contributors[1].lastAt >= h.contributors[0].lastAt, 'bob wrote last');

    assertError(await get(`/rooms/${encodeURIComponent(room.roomId)}/history`), 401);
    const other = await createRoom({ username: 'carol' });
    assertError(await get(`/rooms/${encodeURIComponent(room.roomId)}/history`, { token: other.token }), 403);
  });
});
