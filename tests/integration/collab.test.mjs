// Collaborative editing: POST/GET /rooms/{id}/updates, the WebSocket `update`
// message, and reading any version (shared/PROTOCOL.md). The server is an
// append-only log that accepts an update only on the current version.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { randomChangeSpec, rng } from '../client/random-edits.mjs';
import {
  BASE_URL,
  ISO_8601_RE,
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
  skipIfNoServer,
  sleep,
} from './helpers.mjs';

await holdStackShared();

// Loaded only when there is a server to test, so that the file still skips
// cleanly without `npm ci` in tests/ (as helpers.mjs does with ws).
const { ChangeSet, Text } = BASE_URL ? await import('@codemirror/state') : {};
const { PairClient } = BASE_URL ? await import('../client/pair-client.mjs') : {};

const MiB = 1024 * 1024;
const E = '😀'; // 2 UTF-16 units

const enc = encodeURIComponent;
const pushUpdates = (roomId, token, body, options = {}) => post(`/rooms/${enc(roomId)}/updates`, { timeout: 60_000, ...options, token, json: body });
const pullUpdates = (roomId, token, since) => get(`/rooms/${enc(roomId)}/updates?since=${since}`, { token });

/** POSTs and asserts 200 {version}; returns the new version. */
async function pushOk(roomId, token, version, updates) {
  const res = await pushUpdates(roomId, token, { version, updates });
  assertStatus(res, 200);
  assert.deepEqual(res.json, { version: version + updates.length }, 'the new version is the old one plus the number of updates');
  return res.json.version;
}

/** GET /updates?since= asserting 200; returns the body. */
async function pullOk(roomId, token, since) {
  const res = await pullUpdates(roomId, token, since);
  assertStatus(res, 200);
  assert.ok(Number.isInteger(res.json?.version) && Array.isArray(res.json?.updates), `body ${res.text.slice(0, 300)}`);
  return res.json;
}

/** The server's version and code must be exactly these (nothing stored by a rejected request). */
async function assertUnchanged(roomId, token, version, code) {
  const doc = await documentOf(roomId, token);
  assert.equal(doc.version, version, 'version unchanged');
  assert.equal(doc.code, code, 'document unchanged');
  const log = await pullOk(roomId, token, 0);
  assert.equal(log.version, version);
  assert.equal(log.updates.length, version, 'nothing appended to the log');
}

/** Applies change-set JSON to a string with CodeMirror (the oracle). */
function applyJSON(doc, changes) {
  return ChangeSet.fromJSON(changes).apply(Text.of(doc.split('\n'))).toString();
}

/** A change set (JSON) replacing the whole of doc with text. */
function replaceAll(doc, text) {
  return ChangeSet.of([{ from: 0, to: doc.length, insert: text }], doc.length, '\n').toJSON();
}

const clients = [];
after(() => {
  for (const c of clients) c.close();
});
async function openClient(roomId, token, options = {}) {
  const c = new PairClient({ baseUrl: BASE_URL, roomId, token, ...options });
  clients.push(c);
  await c.open();
  return c;
}

describe('POST /rooms/{id}/updates', { skip: skipIfNoServer }, () => {
  test('an update on the current version is accepted and raises the version by one', async () => {
    const room = await createRoom({ username: 'alice' });
    assert.equal(room.version, 0);
    assert.equal(await pushOk(room.roomId, room.token, 0, [{ clientID: 'a1', changes: [[0, 'hello', 'world']] }]), 1);
    assert.equal(await pushOk(room.roomId, room.token, 1, [{ clientID: 'a1', changes: [5, [1, ' '], 5] }]), 2);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 2);
    assert.equal(doc.code, 'hello world');
    assert.equal(doc.lastEditedBy, 'alice');
    assert.match(String(doc.lastEditedAt), ISO_8601_RE);
  });

  test('a stale (or future) version is 409 with the current version, and nothing is stored', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, 'abc']] }]);
    await pushOk(room.roomId, bob.token, 1, [{ clientID: 'b', changes: [3, [0, 'd']] }]);
    for (const version of [0, 1, 3, 100]) {
      // The change set would even be valid at `version` (length 3 at version 1).
      const res = await pushUpdates(room.roomId, room.token, { version, updates: [{ clientID: 'a', changes: version === 0 ? [[0, 'x']] : [3, [0, 'x']] }] });
      assertError(res, 409);
      assert.equal(res.json.version, 2, `409 for version ${version} tells the current version`);
      await assertUnchanged(room.roomId, room.token, 2, 'abcd');
    }
  });

  test('concurrent POSTs on the same version: exactly one is accepted, the others are 409', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, 'start']] }]);
    for (let round = 0; round < 5; round++) {
      const doc = await documentOf(room.roomId, room.token);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          pushUpdates(room.roomId, i % 2 ? bob.token : room.token, {
            version: doc.version,
            updates: [
              { clientID: `racer${i}`, changes: [doc.code.length, [0, ` ${i}`]] },
              { clientID: `racer${i}`, changes: [doc.code.length + String(i).length + 1, [0, '.']] },
            ],
          }),
        ),
      );
      const won = results.filter((res) => res.status === 200);
      assert.equal(won.length, 1, `statuses ${results.map((res) => res.status)}`);
      assert.deepEqual(won[0].json, { version: doc.version + 2 });
      for (const res of results) if (res.status !== 200) assertError(res, 409);
      for (const res of results) if (res.status === 409) assert.equal(res.json.version, doc.version + 2);
      const winner = results.indexOf(won[0]);
      const now = await documentOf(room.roomId, room.token);
      assert.equal(now.version, doc.version + 2);
      assert.equal(now.code, `${doc.code} ${winner}.`);
    }
  });

  test('invalid change sets and clientIDs are 400 and change nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, `a${E}b`]] }]); // length 4
    const cases = [
      ['total length longer than the document', { clientID: 'a', changes: [5] }],
      ['total length shorter than the document', { clientID: 'a', changes: [3] }],
      ['length counted in code points', { clientID: 'a', changes: [3, [0, 'x']] }],
      ['empty change set on a non-empty document', { clientID: 'a', changes: [] }],
      ['changes is a string', { clientID: 'a', changes: 'x' }],
      ['changes is an object', { clientID: 'a', changes: {} }],
      ['changes is null', { clientID: 'a', changes: null }],
      ['changes is missing', { clientID: 'a' }],
      ['an inserted line is a number', { clientID: 'a', changes: [[1, 2], 3] }],
      ['a nested array', { clientID: 'a', changes: [[[1]], 3] }],
      ['a part is a string', { clientID: 'a', changes: ['abcd'] }],
      ['a negative length', { clientID: 'a', changes: [-1, 5] }],
      ['a negative deletion', { clientID: 'a', changes: [[-1], 5] }],
      ['a non-integer length', { clientID: 'a', changes: [1.5, 2.5] }],
      ['an insertion inside a surrogate pair', { clientID: 'a', changes: [2, [0, 'x'], 2] }],
      ['a deletion starting inside a surrogate pair', { clientID: 'a', changes: [2, [2]] }],
      ['a deletion ending inside a surrogate pair', { clientID: 'a', changes: [1, [1], 2] }],
      ['a replacement ending inside a surrogate pair', { clientID: 'a', changes: [[2, 'x'], 2] }],
      ['an empty clientID', { clientID: '', changes: [4, [0, 'x']] }],
      ['a clientID of 65 characters', { clientID: 'c'.repeat(65), changes: [4, [0, 'x']] }],
      ['a missing clientID', { changes: [4, [0, 'x']] }],
      ['a numeric clientID', { clientID: 7, changes: [4, [0, 'x']] }],
      ['an update that is not an object', 'x'],
    ];
    for (const [what, update] of cases) {
      const res = await pushUpdates(room.roomId, room.token, { version: 1, updates: [update] });
      assertError(res, 400);
      await assertUnchanged(room.roomId, room.token, 1, `a${E}b`).catch((err) => {
        throw new Error(`after ${what}: ${err.message}`);
      });
    }
    for (const [what, body] of [
      ['updates missing', { version: 1 }],
      ['updates not an array', { version: 1, updates: { clientID: 'a', changes: [4] } }],
      ['version missing', { updates: [{ clientID: 'a', changes: [4, [0, 'x']] }] }],
      ['version a string', { version: '1', updates: [{ clientID: 'a', changes: [4, [0, 'x']] }] }],
      ['version not an integer', { version: 1.5, updates: [{ clientID: 'a', changes: [4, [0, 'x']] }] }],
    ]) {
      const res = await pushUpdates(room.roomId, room.token, body);
      assert.equal(res.status, 400, `${what}: ${res.status} ${res.text.slice(0, 200)}`);
      assertError(res, 400);
    }
    await assertUnchanged(room.roomId, room.token, 1, `a${E}b`);
  });

  test('clientIDs of 1 and of 64 characters are accepted', async () => {
    const room = await createRoom({ username: 'alice' });
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'x', changes: [[0, 'a']] }]);
    await pushOk(room.roomId, room.token, 1, [{ clientID: 'y'.repeat(64), changes: [1, [0, 'b']] }]);
    const log = await pullOk(room.roomId, room.token, 0);
    assert.deepEqual(
      log.updates.map((u) => u.clientID),
      ['x', 'y'.repeat(64)],
    );
  });

  test('several updates in one POST: each gets its version, in order', async () => {
    const room = await createRoom({ username: 'alice' });
    const sub = await openSocket(room.roomId, room.token, { username: 'alice' });
    const from = sub.mark();
    const updates = [
      { clientID: 'a', changes: [[0, 'one']] },
      { clientID: 'a', changes: [3, [0, '', 'two']] },
      { clientID: 'b', changes: [[3, '1'], 4] },
    ];
    assert.equal(await pushOk(room.roomId, room.token, 0, updates), 3);
    assert.equal((await documentOf(room.roomId, room.token)).code, '1\ntwo');
    const log = await pullOk(room.roomId, room.token, 0);
    assert.deepEqual(
      log.updates.map((u) => [u.version, u.clientID, u.changes]),
      updates.map((u, i) => [i, u.clientID, u.changes]),
    );
    for (let v = 0; v < 3; v++) await sub.waitFor((m) => m.type === 'update' && m.version === v, { from, what: `update ${v}` });
    await closeAll(sub);
  });

  test('a POST whose second update is invalid stores and publishes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, 'base']] }]);
    const sub = await openSocket(room.roomId, room.token, { username: 'alice' });
    const from = sub.mark();
    for (const second of [
      { clientID: 'a', changes: [4] }, // length of the document before the first update
      { clientID: 'a', changes: [5, [0, 'x'], 1] }, // too long
      { clientID: '', changes: [5] },
      { clientID: 'a', changes: 'nope' },
    ]) {
      const res = await pushUpdates(room.roomId, room.token, { version: 1, updates: [{ clientID: 'a', changes: [4, [0, '!']] }, second] });
      assertError(res, 400);
      await assertUnchanged(room.roomId, room.token, 1, 'base');
    }
    // The next accepted update is update 1, and it is the first update message seen.
    await pushOk(room.roomId, room.token, 1, [{ clientID: 'a', changes: [4, [0, '?']] }]);
    const msg = await sub.waitFor((m) => m.type === 'update', { from, what: 'an update message' });
    assert.equal(msg.version, 1);
    assert.deepEqual(msg.changes, [4, [0, '?']]);
    await closeAll(sub);
  });

  test('a document over 2 MiB is 413 and changes nothing', async () => {
    const room = await createRoom({ username: 'alice' });
    const big = 'x'.repeat(2 * MiB + 1);
    let res = await pushUpdates(room.roomId, room.token, { version: 0, updates: [{ clientID: 'a', changes: [[0, big]] }] });
    assertError(res, 413);
    await assertUnchanged(room.roomId, room.token, 0, '');
    // Exactly 2 MiB is allowed; one more unit is not, whether in one update or spread over two.
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, big.slice(1)]] }]);
    res = await pushUpdates(room.roomId, room.token, { version: 1, updates: [{ clientID: 'a', changes: [2 * MiB, [0, 'y']] }] });
    assertError(res, 413);
    res = await pushUpdates(room.roomId, room.token, {
      version: 1,
      updates: [
        { clientID: 'a', changes: [[1], 2 * MiB - 1] },
        { clientID: 'a', changes: [2 * MiB - 1, [0, 'yz']] },
      ],
    });
    assertError(res, 413);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.version, 1);
    assert.equal(doc.code.length, 2 * MiB);
  });

  test('a body over 8 MiB is 413', async () => {
    const room = await createRoom({ username: 'alice' });
    const res = await pushUpdates(room.roomId, room.token, { version: 0, updates: [{ clientID: 'a', changes: [[0, 'x'.repeat(8 * MiB + 16)]] }] });
    assertError(res, 413);
    await assertUnchanged(room.roomId, room.token, 0, '');
  });

  test('a token of another room is 403, no token 401, for POST and GET /updates', async () => {
    const room = await createRoom({ username: 'alice' });
    const other = await createRoom({ username: 'mallory' });
    assertError(await pushUpdates(room.roomId, other.token, { version: 0, updates: [{ clientID: 'm', changes: [[0, 'x']] }] }), 403);
    assertError(await pullUpdates(room.roomId, other.token, 0), 403);
    assertError(await post(`/rooms/${enc(room.roomId)}/updates`, { json: { version: 0, updates: [{ clientID: 'm', changes: [[0, 'x']] }] } }), 401);
    assertError(await get(`/rooms/${enc(room.roomId)}/updates?since=0`), 401);
    await assertUnchanged(room.roomId, room.token, 0, '');
  });
});

describe('GET /rooms/{id}/updates', { skip: skipIfNoServer }, () => {
  test('returns exactly what was accepted, in order, with username and at', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const sent = [];
    let doc = '';
    let version = 0;
    const r = rng(11);
    const before = Date.now();
    for (let i = 0; i < 12; i++) {
      const [token, username] = i % 3 === 2 ? [bob.token, 'bob'] : [room.token, 'alice'];
      const n = 1 + (i % 2);
      const updates = [];
      for (let k = 0; k < n; k++) {
        const changes = ChangeSet.of(randomChangeSpec(r, doc), doc.length, '\n').toJSON();
        updates.push({ clientID: `${username}-${k}`, changes });
        doc = applyJSON(doc, changes);
      }
      version = await pushOk(room.roomId, token, version, updates);
      for (const u of updates) sent.push({ ...u, username });
    }
    const all = await pullOk(room.roomId, room.token, 0);
    assert.equal(all.version, sent.length);
    assert.equal(all.updates.length, sent.length);
    all.updates.forEach((u, i) => {
      assert.equal(u.version, i);
      assert.equal(u.clientID, sent[i].clientID);
      assert.deepEqual(u.changes, sent[i].changes, `changes of update ${i}`);
      assert.equal(u.username, sent[i].username);
      assert.match(String(u.at), ISO_8601_RE);
      assert.ok(Math.abs(Date.parse(u.at) - before) < 120_000, `at ${u.at} is about now`);
    });
    // Replaying the log gives the document.
    assert.equal(
      all.updates.reduce((d, u) => applyJSON(d, u.changes), ''),
      (await documentOf(room.roomId, room.token)).code,
    );
    for (const since of [1, 5, sent.length - 1, sent.length]) {
      const part = await pullOk(room.roomId, bob.token, since);
      assert.equal(part.version, sent.length);
      assert.deepEqual(part.updates, all.updates.slice(since), `since=${since}`);
    }
  });

  test('since greater than the current version is 400; a bad since is 400', async () => {
    const room = await createRoom({ username: 'alice' });
    await pushOk(room.roomId, room.token, 0, [{ clientID: 'a', changes: [[0, 'x']] }]);
    assert.deepEqual(await pullOk(room.roomId, room.token, 1), { version: 1, updates: [] });
    for (const since of ['2', '1000', '-1', 'x', '1.5', '']) {
      assertError(await get(`/rooms/${enc(room.roomId)}/updates?since=${since}`, { token: room.token }), 400);
    }
    assertError(await get(`/rooms/${enc(room.roomId)}/updates`, { token: room.token }), 400);
  });
});

describe('the WebSocket update message', { skip: skipIfNoServer }, () => {
  test('every accepted update reaches every subscriber, the sender included, with its version', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const carol = await joinOk(room.roomId, 'carol');
    const subs = [
      await openSocket(room.roomId, room.token, { username: 'alice' }),
      await openSocket(room.roomId, bob.token, { username: 'bob' }),
      await openSocket(room.roomId, carol.token, { username: 'carol' }),
    ];
    // Every socket has seen everyone's presence, so every socket is subscribed.
    await subs[0].waitForPresence('carol', true);
    const marks = subs.map((s) => s.mark());
    const sent = [];
    let doc = '';
    let version = 0;
    const authors = [
      [room.token, 'alice'],
      [bob.token, 'bob'],
    ];
    for (let i = 0; i < 10; i++) {
      const [token, username] = authors[i % 2];
      const changes = ChangeSet.of([{ from: doc.length, insert: `${username}${i}${i % 3 ? '\n' : E}` }], doc.length, '\n').toJSON();
      doc = applyJSON(doc, changes);
      const clientID = `${username}-client`;
      version = await pushOk(room.roomId, token, version, [{ clientID, changes }]);
      sent.push({ version: version - 1, clientID, changes, username });
    }
    for (const [k, sub] of subs.entries()) {
      for (const s of sent) {
        const msg = await sub.waitFor((m) => m.type === 'update' && m.version === s.version, { from: marks[k], what: `update ${s.version} on socket ${k}` });
        assert.equal(msg.clientID, s.clientID);
        assert.deepEqual(msg.changes, s.changes);
        assert.equal(msg.username, s.username);
        assert.match(String(msg.at), ISO_8601_RE);
      }
      await sleep(50);
      const versions = sub.ofType('update', marks[k]).map((m) => m.version);
      assert.equal(versions.length, sent.length, `socket ${k} got each update once: ${versions}`);
    }
    await closeAll(...subs);
  });
});

describe('documents through the reference client', { skip: skipIfNoServer }, () => {
  test('non-ASCII and astral text round-trips: GET /code equals the client text', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const a = await openClient(room.roomId, room.token);
    const b = await openClient(room.roomId, bob.token);
    a.edit({ from: 0, insert: `# 日本語 ${E}\nx = "héllo wörld"\n` });
    await a.settle();
    await b.settle();
    b.edit({ from: b.text().indexOf(E) + 2, insert: '🎉👩‍💻🇫🇷𝄞' });
    b.edit({ from: 0, to: 1, insert: '//' });
    a.edit({ from: a.text().length, insert: '中文\t한국어\r\n\u2028end' });
    await Promise.all([a.settle(), b.settle()]);
    await Promise.all([a.settle(), b.settle()]);
    assert.equal(a.text(), b.text());
    const res = await getCode(room.roomId, room.token);
    assertStatus(res, 200);
    assert.ok(res.body.equals(Buffer.from(a.text(), 'utf8')), `GET /code ${JSON.stringify(res.text)} vs client ${JSON.stringify(a.text())}`);
    const doc = await documentOf(room.roomId, room.token);
    assert.equal(doc.code, a.text());
    assert.equal(doc.version, a.version());
  });

  test('a save by another user reaches the client as an update, and edits made meanwhile survive', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const a = await openClient(room.roomId, room.token);
    a.edit({ from: 0, insert: 'line one\nline two\n' });
    await a.settle();
    const saved = 'line one\nline 2 😀\nline three\n';
    const res = await post('/rooms/save', { token: bob.token, json: { roomId: room.roomId, code: saved, username: 'bob' } });
    assertStatus(res, 200);
    a.edit({ from: 0, insert: '# ' });
    await a.settle();
    await a.settle();
    assert.equal(a.text(), `# ${saved}`);
    assert.equal((await documentOf(room.roomId, room.token)).code, a.text());
  });

  test('GET /document?version=V equals the client text at V, for every earlier V (across snapshots)', async () => {
    const room = await createRoom({ username: 'alice' });
    const bob = await joinOk(room.roomId, 'bob');
    const a = await openClient(room.roomId, room.token);
    const b = await openClient(room.roomId, bob.token);
    const history = new Map([[0, '']]);
    const r = rng(42);
    for (let i = 0; i < 230; i++) {
      const c = i % 4 === 3 ? b : a;
      c.edit(randomChangeSpec(r, c.text(), { maxLength: 400 }));
      await c.settle();
      history.set(c.version(), c.text());
    }
    await b.settle();
    assert.equal(a.version(), 230);
    assert.equal(b.text(), a.text());
    const mismatches = [];
    for (const [v, text] of history) {
      const res = await getDocument(room.roomId, room.token, v);
      assertStatus(res, 200);
      if (res.json.version !== v || res.json.code !== text) mismatches.push(`version ${v}: got version ${res.json.version} ${JSON.stringify(res.json.code).slice(0, 120)}, expected ${JSON.stringify(text).slice(0, 120)}`);
    }
    for (const v of [1, 99, 100, 101, 200, 229]) {
      const res = await getCode(room.roomId, bob.token, v);
      assertStatus(res, 200);
      if (res.text !== history.get(v)) mismatches.push(`GET /code?version=${v} differs`);
    }
    assert.deepEqual(mismatches, []);
    assertError(await getDocument(room.roomId, room.token, 231), 404);
  });
});
