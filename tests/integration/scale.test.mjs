// What the server does must not cost more with what it has stored over
// time. This file holds the stack alone: it counts the rows PostgreSQL reads
// from its tables, and other files' requests would add to the count.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertStatus, createRoom, holdStackExclusive, pairCtl, poll, post, psql, skipIfNoCtl, skipIfNoDb, sqlLiteral, waitHealthy } from './helpers.mjs';

if (!skipIfNoCtl && !skipIfNoDb) await holdStackExclusive();

const enc = encodeURIComponent;
// Former members of 1,000 other rooms, 20 each, with their sessions.
const BULK = 20_000;
const ROOMS = BULK / 20;

async function pushOk(roomId, token, version, changes) {
  const res = await post(`/rooms/${enc(roomId)}/updates`, { token, timeout: 60_000, json: { version, updates: [{ clientID: 'c1', changes }] } });
  assertStatus(res, 200);
  assert.deepEqual(res.json, { version: version + 1 });
}

// Rows read from members and sessions, by scans and through indexes, and
// rows inserted into the log and deleted from the socket rows, as
// pg_stat_user_tables counts them.
function counts() {
  const [read, inserted, deleted] = psql(
    `SELECT sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)) FILTER (WHERE relname IN ('members', 'sessions')) ` +
      `|| ' ' || sum(n_tup_ins) FILTER (WHERE relname = 'updates') ` +
      `|| ' ' || sum(n_tup_del) FILTER (WHERE relname = 'ws_connections') FROM pg_stat_user_tables`,
  )
    .split(' ')
    .map(Number);
  return { read, inserted, deleted };
}

// A backend's counts reach pg_stat_user_tables when it flushes them, at the
// latest about 10 s after it went idle: once what a piece of work wrote
// shows, what the same work read shows too.
async function countsOnce(done) {
  let after = counts();
  for (let waited = 0; !done(after) && waited < 20_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    after = counts();
  }
  return after;
}

// Waits until the read count holds still for a second (at most 15 s).
async function settled() {
  let last = counts().read;
  for (let waited = 0, still = 0; still < 4 && waited < 15_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const now = counts().read;
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

describe('the cost of the server\'s work does not grow with its tables', { skip: skipIfNoCtl || skipIfNoDb }, () => {
  let tag;

  before(async () => {
    // A server keeps every member and session it ever had: people who left
    // keep their row (and their name) until someone takes it. The rows and
    // their statistics come in one transaction: a plan the server made for
    // the smaller tables is replanned before it can read the new rows (a
    // sweep reading them whole just before the counting starts would show
    // in the counts, which come seconds late).
    tag = `former-${process.pid}-${Date.now()}`;
    const t = sqlLiteral(tag);
    const start = counts();
    psql(
      `WITH r AS (INSERT INTO rooms (id, user_limit) SELECT ${t} || '-' || g, 20 ` +
        `FROM generate_series(1, ${ROOMS}) g RETURNING id), ` +
        `m AS (INSERT INTO members (room_id, username, username_key, role, color, left_at) ` +
        `SELECT r.id, 'former' || g, 'former' || g, 'editor', '#336699', now() ` +
        `FROM r, generate_series(1, 20) g RETURNING id) ` +
        `INSERT INTO sessions (token_hash, member_id, revoked_at) ` +
        `SELECT sha256(convert_to(${t} || m.id, 'UTF8')), m.id, now() FROM m; ` +
        'ANALYZE rooms, members, sessions',
    );
    // The server's connections hold counts they have not flushed yet: while
    // members was small, its statements read it whole (hundreds of rows a
    // time, thousands in all), and an idle backend flushes up to 10 s late.
    // Such counts could satisfy the wait below before the set-up's own
    // reads show, and those would then land in a test's count. A restart
    // ends every connection of the server, and a backend flushes all it
    // holds when it exits; the new connections plan for the grown tables.
    pairCtl('app-stop');
    pairCtl('app-start');
    await waitHealthy();
    // The sessions' foreign-key checks read members 20,000 times by index.
    // A backend that finds the table's counters busy keeps its counts and
    // flushes them later, as late as its exit after psql has returned: the
    // tests count from when they show, and from when nothing more comes.
    await countsOnce((c) => c.read >= start.read + BULK);
    await settled();
  });

  test('with 20,000 former members of 1,000 rooms and their sessions stored, 30 updates read neither table whole', async () => {
    // If the statement that stores updates joined its batch to members or
    // sessions by reading them whole, every update would cost more as they
    // pile up.
    const room = await createRoom({ username: 'alice' });
    const before = counts();
    const UPDATES = 30;
    for (let v = 0; v < UPDATES; v++) await pushOk(room.roomId, room.token, v, [v, [0, 'x']]);
    const after = await countsOnce((c) => c.inserted >= before.inserted + UPDATES);
    assert.ok(after.inserted >= before.inserted + UPDATES, 'the updates were counted as inserted');
    const read = after.read - before.read;
    assert.ok(read < BULK, `${read} rows of members and sessions read for ${UPDATES} updates`);
  });

  test('sockets nchan no longer has are looked for and forgotten without reading every member', { timeout: 90_000 }, async () => {
    // 300 socket rows of 15 rooms, opened a minute ago, that nchan never
    // had (as after a crash of nginx). Every 10 s the server compares the
    // old rows with the sockets nchan has, room by room; with this many
    // rows, going through members read that table whole for the rooms and
    // once more for every room.
    const ghosts = 300;
    const prefix = `${tag}-ws-`;
    const start = counts();
    psql(
      `INSERT INTO ws_connections (ws_key, member_id, room_id, opened_at) ` +
        `SELECT ${sqlLiteral(prefix)} || m.id, m.id, m.room_id, now() - interval '1 minute' FROM members m ` +
        `WHERE m.room_id IN (SELECT ${sqlLiteral(tag)} || '-' || g FROM generate_series(1, ${ghosts / 20}) g); ` +
        'ANALYZE ws_connections',
    );
    // The rows' own reads of members (and their foreign-key checks) show
    // before the counting starts.
    await countsOnce((c) => c.read >= start.read + ghosts);
    const left = () => Number(psql(`SELECT count(*) FROM ws_connections WHERE ws_key LIKE ${sqlLiteral(`${prefix}%`)}`));
    assert.equal(left(), ghosts);
    const before = counts();
    await poll(() => left() === 0, { timeout: 60_000, interval: 250, what: 'the sockets nchan does not have to be forgotten' });
    const after = await countsOnce((c) => c.deleted >= before.deleted + ghosts);
    assert.ok(after.deleted >= before.deleted + ghosts, 'the forgotten sockets were counted as deleted');
    const read = after.read - before.read;
    assert.ok(read < BULK, `${read} rows of members and sessions read while ${ghosts} sockets were looked for`);
  });
});
