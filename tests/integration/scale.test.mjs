// What an update costs must not grow with what the server has stored over
// time. This file holds the stack alone: it counts the rows PostgreSQL reads
// from its tables, and other files' requests would add to the count.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertStatus, createRoom, holdStackExclusive, post, psql, skipIfNoCtl, skipIfNoDb, sqlLiteral } from './helpers.mjs';

if (!skipIfNoCtl && !skipIfNoDb) await holdStackExclusive();

const enc = encodeURIComponent;

async function pushOk(roomId, token, version, changes) {
  const res = await post(`/rooms/${enc(roomId)}/updates`, { token, timeout: 60_000, json: { version, updates: [{ clientID: 'c1', changes }] } });
  assertStatus(res, 200);
  assert.deepEqual(res.json, { version: version + 1 });
}

describe('the cost of an update does not grow with the tables', { skip: skipIfNoCtl || skipIfNoDb }, () => {
  test('with 20,000 former members of 1,000 rooms and their sessions stored, 30 updates read neither table whole', async () => {
    // A server keeps every member and session it ever had: people who left
    // keep their row (and their name) until someone takes it. If the
    // statement that stores updates joined its batch to members or sessions
    // by reading them whole, every update would cost more as they pile up.
    const room = await createRoom({ username: 'alice' });
    // Former members of 1,000 other rooms, 20 each, with their sessions.
    const BULK = 20_000;
    const tag = sqlLiteral(`${room.roomId}-former`);
    psql(
      `WITH r AS (INSERT INTO rooms (id, user_limit) SELECT ${tag} || '-' || g, 20 ` +
        `FROM generate_series(1, ${BULK / 20}) g RETURNING id), ` +
        `m AS (INSERT INTO members (room_id, username, username_key, role, color, left_at) ` +
        `SELECT r.id, 'former' || g, 'former' || g, 'editor', '#336699', now() ` +
        `FROM r, generate_series(1, 20) g RETURNING id) ` +
        `INSERT INTO sessions (token_hash, member_id, revoked_at) ` +
        `SELECT sha256(convert_to(${tag} || m.id, 'UTF8')), m.id, now() FROM m`,
    );
    psql('ANALYZE rooms, members, sessions');
    // Rows read from the two tables, by scans and through indexes, and rows
    // inserted into the log, as pg_stat_user_tables counts them.
    const counts = () => {
      const [read, inserted] = psql(
        `SELECT sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)) FILTER (WHERE relname IN ('members', 'sessions')) ` +
          `|| ' ' || sum(n_tup_ins) FILTER (WHERE relname = 'updates') FROM pg_stat_user_tables`,
      )
        .split(' ')
        .map(Number);
      return { read, inserted };
    };
    const before = counts();
    const UPDATES = 30;
    for (let v = 0; v < UPDATES; v++) await pushOk(room.roomId, room.token, v, [v, [0, 'x']]);
    // A backend's counts reach pg_stat_user_tables when it flushes them, at
    // the latest about 10 s after it went idle: once the inserts show, the
    // reads of the same statements show too.
    let after = counts();
    for (let waited = 0; after.inserted < before.inserted + UPDATES && waited < 20_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      after = counts();
    }
    assert.ok(after.inserted >= before.inserted + UPDATES, 'the updates were counted as inserted');
    const read = after.read - before.read;
    assert.ok(read < BULK, `${read} rows of members and sessions read for ${UPDATES} updates`);
  });
});
