#!/usr/bin/env node
// Presence and cursor benchmark for Pair.
//
//   close    how long after a client closes its WebSocket cleanly (close frame)
//            the other client of the room sees it offline in a `presence` message
//   drop     the same when the TCP connection is closed without a close frame
//   freeze   the same when the client goes silent without closing anything (a
//            child process stopped with SIGSTOP: its kernel keeps the TCP
//            connection open, nobody answers nchan's pings)
//   cursors  R rooms x U users, each POSTing a cursor every T ms: delivery
//            latency at every other client of the room, losses, 429s, and the
//            CPU and memory of nginx, the app and PostgreSQL
//
//   PAIR_URL=http://127.0.0.1:8080 PAIR_VAR=var node tests/bench/presence.mjs [--scenario close|drop|freeze|cursors]
//
// One JSON line per scenario on stdout; progress on stderr. Loopback only: a
// PAIR_URL whose host is not 127.0.0.1, localhost or ::1 is refused. Every wait
// is bounded and a watchdog ends the process. See tests/bench/README.md for
// the meaning of every field.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { parseJson, sleep, pool, withTimeout, parseStat, readStat, readStatAsync, readPssAsync, readPidFile, ProcGroups, round, parseArgs, numberArg, httpRequest, GeneratorWindow, generatorFields, closeSocket, loopbackUrl } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUEST_TIMEOUT_MS = 4000; // one cursor POST
const SETUP_REQUEST_TIMEOUT_MS = 10_000;
const WS_OPEN_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 5000; // a trial's set-up: the presence messages of the joins and connects
const SETTLE_MS = 50; // between "bob is connected" and the measured close
const OFFLINE_TIMEOUT_MS = 15_000; // close and drop: longer than a missed ping (interval 7 or 10 s)
const FREEZE_WAIT_MS = 25_000; // freeze: at most this long after SIGSTOP
const FREEZE_OFFSETS_MS = [0, 3000, 6000]; // freeze trial i stops the child this long after it connected
const AFTER_KILL_MS = 10_000; // freeze: wait after SIGKILL when the freeze went unnoticed
const CURSOR_SETUP_MS = 90_000;
const DRAIN_MS = 3000; // cursors: after the send phase
const DOC_LEN = 1000; // cursors: the document the cursors move in (UTF-16 units)
const WATCHDOG_MS = 25 * 60_000;
const SAMPLE_MS = 250;
const RESCAN_MS = 1000;
const ALL = ['close', 'drop', 'freeze', 'cursors'];

const log = (msg) => process.stderr.write(`presence.mjs: ${msg}\n`);
function die(message, code = 2) {
  log(message);
  process.exit(code);
}

// ---------------------------------------------------------------------------
// Command line

const USAGE = `usage: presence.mjs [--scenario close|drop|freeze|cursors[,…]] [--trials N] [--rooms R] [--users U] [--interval MS] [--duration S]
  default: every scenario; --trials (close, drop: 30); cursors: --rooms 50 --users 4 --interval 50 --duration 10
`;


const args = parseArgs(process.argv.slice(2), USAGE, die, ['scenario', 'trials', 'rooms', 'users', 'interval', 'duration']);
const numArg = (name, fallback, min, max) => numberArg(args, name, fallback, min, max, die);

const SCENARIOS = args.scenario ? args.scenario.split(',').filter(Boolean) : ALL;
for (const s of SCENARIOS) if (!ALL.includes(s)) die(`unknown scenario ${s}; known: ${ALL.join(', ')}`);
const TRIALS = Math.floor(numArg('trials', 30, 1, 500));
const CURSORS = {
  rooms: Math.floor(numArg('rooms', 50, 1, 1000)),
  users: Math.floor(numArg('users', 4, 2, 20)),
  interval: numArg('interval', 50, 10, 60_000),
  duration: numArg('duration', 10, 1, 300),
};

// ---------------------------------------------------------------------------
// Target

const base = loopbackUrl('PAIR_URL', 'http://127.0.0.1:8080', die);
const HOST = base.hostname.replace(/^\[|\]$/g, '');
const PORT = Number(base.port || 80);
const PREFIX = base.pathname.replace(/\/+$/, '');
const WS_BASE = `ws://${base.host}${PREFIX}`;
const PAIR_VAR = path.resolve(process.env.PAIR_VAR || path.join(REPO, 'var'));
const WS_MODULE = createRequire(import.meta.url).resolve('ws');

// Children of the freeze scenario: never leave one stopped behind.
const children = new Set();
function killChildren() {
  for (const c of children) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* gone already */
    }
  }
}
process.on('exit', killChildren);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killChildren();
    process.exit(130);
  });
}

const watchdog = setTimeout(() => die(`watchdog: still running after ${WATCHDOG_MS / 60000} min, giving up`, 3), WATCHDOG_MS);
watchdog.unref();

let agent = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 });

function request(method, p, { token, json, timeout = SETUP_REQUEST_TIMEOUT_MS } = {}) {
  return httpRequest({ host: HOST, port: PORT, prefix: PREFIX, agent }, method, p, { token, json, timeout });
}

function percentiles(values) {
  const a = Float64Array.from(values).sort();
  const at = (p) => (a.length === 0 ? null : round(a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))], 2));
  return { p50: at(50), p95: at(95), p99: at(99), min: a.length ? round(a[0], 2) : null, max: a.length ? round(a[a.length - 1], 2) : null };
}

// ---------------------------------------------------------------------------
// Rooms, members and a WebSocket that remembers what it received

const RUN_TAG = Date.now().toString(36).slice(-6);

async function createRoom(roomId, username, limit) {
  const res = await request('POST', '/rooms', { json: { username, limit, roomId } });
  const body = parseJson(res.body);
  if (res.status !== 201 || !body?.token) throw new Error(`POST /rooms (${roomId}) → ${res.status} ${String(res.body).slice(0, 200)}`);
  return body;
}

async function joinRoom(roomId, username) {
  const res = await request('GET', `/rooms/${roomId}?username=${encodeURIComponent(username)}`);
  const body = parseJson(res.body);
  if (res.status !== 200 || !body?.token) throw new Error(`GET /rooms/${roomId}?username=${username} → ${res.status} ${String(res.body).slice(0, 200)}`);
  return body;
}

const leave = (roomId, token) => request('POST', `/rooms/${roomId}/leave`, { token, timeout: 5000 });

/** The `online` flag of `username` in a presence message: true, false, or undefined when it is not listed. */
function onlineIn(m, username) {
  if (!m || m.type !== 'presence' || !Array.isArray(m.users)) return undefined;
  const key = username.toLowerCase();
  const u = m.users.find((x) => typeof x?.username === 'string' && x.username.toLowerCase() === key);
  return u ? u.online : undefined;
}

class Sock {
  constructor(roomId, token, onMessage = null) {
    this.roomId = roomId;
    this.token = token;
    this.onMessageHook = onMessage;
    this.ws = null;
    this.received = []; // [{t, m}] of presence messages (every message when no hook)
    this.waiters = new Set();
    this.pings = [];
    this.closedAt = null;
    this.errors = 0;
  }

  open() {
    return new Promise((resolve, reject) => {
      const url = `${WS_BASE}/ws/${encodeURIComponent(this.roomId)}?token=${encodeURIComponent(this.token)}`;
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: WS_OPEN_TIMEOUT_MS });
      this.ws = ws;
      let opened = false;
      ws.on('open', () => {
        opened = true;
        this.openedAt = performance.now();
        resolve();
      });
      ws.on('message', (data) => this.onMessage(data));
      ws.on('ping', () => this.pings.push(performance.now()));
      ws.on('error', (err) => {
        if (!opened) reject(new Error(`WebSocket to room ${this.roomId}: ${err.message}`));
        else this.errors++;
      });
      ws.on('unexpected-response', (_req, res) => {
        reject(new Error(`WebSocket to room ${this.roomId}: HTTP ${res.statusCode}`));
        res.resume();
        ws.terminate();
      });
      ws.on('close', () => {
        this.closedAt = performance.now();
      });
    });
  }

  onMessage(data) {
    const t = performance.now();
    let m;
    try {
      m = JSON.parse(data);
    } catch {
      return;
    }
    if (this.onMessageHook) {
      this.onMessageHook(m, t, this);
      return;
    }
    const e = { t, m };
    this.received.push(e);
    for (const w of this.waiters) {
      if (w.pred(m)) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(e);
      }
    }
  }

  /** The first message from now on (or already received after `since`) matching pred: {t, m}, or null after ms. */
  waitFor(pred, ms, since = Infinity) {
    const past = this.received.find((e) => e.t >= since && pred(e.m));
    if (past) return Promise.resolve(past);
    return new Promise((resolve) => {
      const w = { pred, resolve };
      w.timer = setTimeout(() => {
        this.waiters.delete(w);
        resolve(null);
      }, ms);
      this.waiters.add(w);
    });
  }

  count(pred) {
    return this.received.filter((e) => pred(e.m)).length;
  }

  /** Closes cleanly, or terminates after 2 s; resolves when closed. */
  shut() {
    return closeSocket(this.ws);
  }
}

const isPresence = (m) => m?.type === 'presence';

// ---------------------------------------------------------------------------
// close and drop: bob leaves one way or the other, alice watches

/**
 * Sets a trial's room up: alice (owner) connected, bob joined. Returns
 * {roomId, aliceName, bobName, aliceToken, bobToken, alice}.
 */
async function trialRoom(kind, i) {
  const roomId = `pres-${RUN_TAG}-${kind}-${i}`;
  const aliceName = `alice-${kind}-${i}`;
  const bobName = `bob-${kind}-${i}`;
  const aliceToken = (await createRoom(roomId, aliceName, 2)).token;
  const alice = new Sock(roomId, aliceToken);
  const t = { roomId, aliceName, bobName, aliceToken, bobToken: null, alice };
  await alice.open();
  // Alice's own connection publishes a presence in which she is online.
  if (!(await alice.waitFor((m) => onlineIn(m, aliceName) === true, READY_TIMEOUT_MS, 0))) throw new Error('alice never saw her own presence');
  t.bobToken = (await joinRoom(roomId, bobName)).token;
  // The join publishes a presence with bob online (his seat is held).
  if (!(await alice.waitFor((m) => onlineIn(m, bobName) === true, READY_TIMEOUT_MS, 0))) throw new Error('alice never saw bob join');
  return t;
}

async function cleanupTrial(t, bob) {
  await Promise.all([t.alice.shut(), bob ? bob.shut() : null]);
  await Promise.all([leave(t.roomId, t.aliceToken), t.bobToken ? leave(t.roomId, t.bobToken) : null]);
}

async function closeTrial(kind, i) {
  const t = await trialRoom(kind, i);
  const bob = new Sock(t.roomId, t.bobToken);
  try {
    const opened = performance.now();
    await bob.open();
    // Bob's subscribe hook publishes a presence after nchan has him in place:
    // bob receives it (nothing older reaches a new subscriber), and alice
    // receives it as her second presence with bob online.
    const bobSaw = await bob.waitFor(isPresence, READY_TIMEOUT_MS, 0);
    const aliceSaw = await waitUntil(() => t.alice.count((m) => onlineIn(m, t.bobName) === true) >= 2, READY_TIMEOUT_MS);
    if (!bobSaw || !aliceSaw) throw new Error(`bob's connection was not announced within ${READY_TIMEOUT_MS} ms (bob saw ${bobSaw ? 'it' : 'nothing'}, alice ${aliceSaw ? 'saw it' : 'did not'})`);
    const connectMs = bobSaw.t - opened;
    await sleep(SETTLE_MS);
    const t0 = performance.now();
    if (kind === 'close') bob.ws.close(1000);
    else bob.ws._socket.destroy(); // FIN without a close frame
    const seen = await t.alice.waitFor((m) => onlineIn(m, t.bobName) === false, OFFLINE_TIMEOUT_MS, t0);
    return { ms: seen ? seen.t - t0 : null, connectMs, bobCloseMs: bob.closedAt !== null ? bob.closedAt - t0 : null };
  } finally {
    await cleanupTrial(t, bob);
  }
}

async function waitUntil(cond, ms) {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() >= end) return false;
    await sleep(5);
  }
  return true;
}

async function runCloseOrDrop(kind) {
  log(`${kind}: ${TRIALS} trial(s)`);
  const lat = [];
  const connect = [];
  let timeouts = 0;
  const setupErrors = [];
  for (let i = 0; i < TRIALS; i++) {
    try {
      const r = await closeTrial(kind, i);
      connect.push(r.connectMs);
      if (r.ms === null) {
        timeouts++;
        log(`${kind} #${i}: alice did not see bob offline within ${OFFLINE_TIMEOUT_MS} ms`);
      } else lat.push(r.ms);
    } catch (err) {
      setupErrors.push(err.message);
      log(`${kind} #${i}: set-up failed: ${err.message}`);
    }
  }
  const p = percentiles(lat);
  const c = percentiles(connect);
  const line = {
    scenario: kind,
    how: kind === 'close' ? 'ws.close(1000): close frame, then TCP close' : 'socket.destroy(): TCP FIN, no close frame',
    trials: TRIALS,
    measured: lat.length,
    timeouts,
    timeout_ms: OFFLINE_TIMEOUT_MS,
    setup_errors: setupErrors.length,
    p50_ms: p.p50,
    p95_ms: p.p95,
    max_ms: p.max,
    min_ms: p.min,
    connect_p50_ms: c.p50,
    connect_max_ms: c.max,
    samples_ms: lat.map((x) => round(x, 1)),
  };
  if (setupErrors.length) line.setup_error = setupErrors[0];
  console.log(JSON.stringify(line));
  log(`${kind}: p50 ${p.p50} p95 ${p.p95} max ${p.max} ms, timeouts ${timeouts}, set-up errors ${setupErrors.length}`);
  return line;
}

// ---------------------------------------------------------------------------
// freeze: bob's process is stopped with his connection open

const CHILD_SRC = `
const WebSocket = require(process.env.PRES_WS_MODULE);
const ws = new WebSocket(process.env.PRES_WS_URL, { perMessageDeflate: false });
const say = (s) => process.stdout.write(s + '\\n');
ws.on('open', () => say('open'));
ws.on('ping', () => say('ping'));
ws.on('message', (d) => { try { if (JSON.parse(d).type === 'presence') say('presence'); } catch {} });
ws.on('unexpected-response', (_q, res) => { say('refused ' + res.statusCode); process.exit(1); });
ws.on('error', (e) => { say('error ' + e.message); process.exit(1); });
ws.on('close', () => { say('closed'); process.exit(0); });
setTimeout(() => process.exit(3), 120000).unref();
`;

/** A child process holding bob's WebSocket; lines it prints arrive as events with the parent's clock. */
function spawnBob(roomId, token) {
  const child = spawn(process.execPath, ['-e', CHILD_SRC], {
    env: { ...process.env, PRES_WS_MODULE: WS_MODULE, PRES_WS_URL: `${WS_BASE}/ws/${encodeURIComponent(roomId)}?token=${encodeURIComponent(token)}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const state = { child, events: [], exited: false, waiters: new Set() };
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d.toString('utf8');
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const e = { t: performance.now(), line };
      state.events.push(e);
      for (const w of state.waiters) {
        if (w.pred(line)) {
          state.waiters.delete(w);
          clearTimeout(w.timer);
          w.resolve(e);
        }
      }
    }
  });
  child.on('exit', () => {
    state.exited = true;
    children.delete(child);
  });
  state.waitFor = (pred, ms) => {
    const past = state.events.find((e) => pred(e.line));
    if (past) return Promise.resolve(past);
    return new Promise((resolve) => {
      const w = { pred, resolve };
      w.timer = setTimeout(() => {
        state.waiters.delete(w);
        resolve(null);
      }, ms);
      state.waiters.add(w);
    });
  };
  return state;
}

async function freezeTrial(i) {
  const t = await trialRoom('freeze', i);
  let bob = null;
  try {
    bob = spawnBob(t.roomId, t.bobToken);
    const opened = await bob.waitFor((l) => l === 'open' || /^(refused|error|closed)/.test(l), WS_OPEN_TIMEOUT_MS);
    if (!opened || opened.line !== 'open') throw new Error(`bob's child did not connect: ${opened ? opened.line : 'timeout'}`);
    const saw = await bob.waitFor((l) => l === 'presence', READY_TIMEOUT_MS);
    const aliceSaw = await waitUntil(() => t.alice.count((m) => onlineIn(m, t.bobName) === true) >= 2, READY_TIMEOUT_MS);
    if (!saw || !aliceSaw) throw new Error("bob's connection was not announced");
    await sleep(Math.max(0, opened.t + FREEZE_OFFSETS_MS[i % FREEZE_OFFSETS_MS.length] - performance.now()));
    const pingsBefore = bob.events.filter((e) => e.line === 'ping');
    const t0 = performance.now();
    bob.child.kill('SIGSTOP');
    const seen = await t.alice.waitFor((m) => onlineIn(m, t.bobName) === false, FREEZE_WAIT_MS, t0);
    const tKill = performance.now();
    bob.child.kill('SIGKILL');
    let afterKill = null;
    if (!seen) {
      const late = await t.alice.waitFor((m) => onlineIn(m, t.bobName) === false, AFTER_KILL_MS, tKill);
      afterKill = late ? round(late.t - tKill, 1) : null;
    }
    const last = pingsBefore.length ? pingsBefore[pingsBefore.length - 1].t : null;
    return {
      trial: i,
      frozen_after_connect_ms: round(t0 - opened.t, 0),
      pings_before_freeze: pingsBefore.length,
      since_last_ping_ms: last === null ? null : round(t0 - last, 0),
      noticed: !!seen,
      offline_ms: seen ? round(seen.t - t0, 1) : null,
      offline_after_connect_ms: seen ? round(seen.t - opened.t, 0) : null,
      offline_after_kill_ms: afterKill,
      alice_pings: t.alice.pings.length,
      alice_ping_gaps_ms: t.alice.pings.slice(1).map((p, k) => round(p - t.alice.pings[k], 0)),
    };
  } finally {
    if (bob && !bob.exited) bob.child.kill('SIGKILL');
    await cleanupTrial(t, null);
  }
}

async function runFreeze() {
  const n = FREEZE_OFFSETS_MS.length;
  log(`freeze: ${n} concurrent trial(s), at most ${FREEZE_WAIT_MS / 1000} s each`);
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      freezeTrial(i).catch((err) => {
        log(`freeze #${i}: ${err.message}`);
        return { trial: i, setup_error: err.message };
      }),
    ),
  );
  const ok = results.filter((r) => !r.setup_error);
  const noticed = ok.filter((r) => r.noticed).map((r) => r.offline_ms);
  const p = percentiles(noticed);
  const gaps = ok.flatMap((r) => r.alice_ping_gaps_ms);
  const line = {
    scenario: 'freeze',
    how: 'child process stopped with SIGSTOP (TCP connection open, pings unanswered), SIGKILLed afterwards',
    trials: n,
    wait_ms: FREEZE_WAIT_MS,
    noticed: noticed.length,
    not_noticed: ok.length - noticed.length,
    setup_errors: results.length - ok.length,
    min_ms: p.min,
    max_ms: p.max,
    server_ping_interval_ms: gaps.length ? percentiles(gaps).p50 : null,
    results: results.map(({ alice_ping_gaps_ms, ...r }) => r),
  };
  console.log(JSON.stringify(line));
  log(`freeze: noticed ${noticed.length}/${n}: ${noticed.map((x) => `${x} ms`).join(', ')}`);
  return line;
}

// ---------------------------------------------------------------------------
// cursors: R rooms x U users, a cursor POST every T ms from everyone

class CursorUser {
  constructor(S, room, index, username, token, color) {
    this.S = S;
    this.color = color;
    this.room = room;
    this.index = index;
    this.username = username;
    this.token = token;
    this.seq = 0;
    this.sent = new Map(); // seq -> {t0, status, seenBy (bitmask of room indexes), echo}
    this.lastFrom = new Map(); // sender index -> highest seq received from it
    this.sock = new Sock(room.id, token, (m, t) => this.onMessage(m, t));
  }

  onMessage(m, t) {
    const S = this.S;
    if (m?.type !== 'cursor') return;
    if (!S.measuring) {
      S.strayCursors++;
      return;
    }
    const sender = this.room.byName.get(String(m.username).toLowerCase());
    const seq = Number.isInteger(m.anchor) && Number.isInteger(m.head) ? m.head * (DOC_LEN + 1) + m.anchor : -1;
    const meta = sender ? sender.sent.get(seq) : undefined;
    if (meta === undefined) {
      S.foreign++;
      return;
    }
    if (m.version !== this.room.version) S.badVersion++;
    if (sender.color !== null && m.color !== sender.color) S.badColor++;
    if (sender === this) {
      if (meta.echo) S.duplicates++;
      meta.echo = true;
      return;
    }
    const bit = 1 << this.index;
    if (meta.seenBy & bit) {
      S.duplicates++;
      return;
    }
    meta.seenBy |= bit;
    S.delivered++;
    if (meta.status === 204 || meta.status === 0) S.latencies.push(t - meta.t0);
    const last = this.lastFrom.get(sender.index) ?? -1;
    if (seq < last) S.outOfOrder++;
    else this.lastFrom.set(sender.index, seq);
  }
}

function cursorState(spec) {
  return {
    spec,
    rooms: [],
    users: [],
    measuring: false,
    latencies: [],
    ackLatencies: [],
    sent: 0,
    acked: 0,
    rateLimited: 0,
    errors: 0,
    errorKinds: {},
    late: 0,
    inflight: 0,
    delivered: 0,
    duplicates: 0,
    foreign: 0,
    outOfOrder: 0,
    badVersion: 0,
    badColor: 0,
    strayCursors: 0,
    sendEnd: 0,
  };
}

async function cursorSetup(S) {
  const { rooms, users } = S.spec;
  for (let r = 0; r < rooms; r++) S.rooms.push({ id: `pres-${RUN_TAG}-cur-${r}`, users: [], byName: new Map(), version: 0 });
  const name = (r, u) => `c${RUN_TAG}r${r}u${u}`;
  await pool(S.rooms, 16, async (room, r) => {
    const body = await createRoom(room.id, name(r, 0), users);
    room.users.push(new CursorUser(S, room, 0, name(r, 0), body.token, colorOf(body, name(r, 0))));
  });
  const joins = [];
  for (const room of S.rooms) for (let u = 1; u < users; u++) joins.push([room, u]);
  await pool(joins, 32, async ([room, u]) => {
    const r = S.rooms.indexOf(room);
    const body = await joinRoom(room.id, name(r, u));
    room.users.push(new CursorUser(S, room, u, name(r, u), body.token, colorOf(body, name(r, u))));
  });
  for (const room of S.rooms) {
    room.users.sort((a, b) => a.index - b.index);
    for (const u of room.users) {
      room.byName.set(u.username.toLowerCase(), u);
      S.users.push(u);
    }
  }
  await pool(S.users, 64, (u) => u.sock.open());
  // A document to move in: DOC_LEN characters over a few lines, at version 1.
  const line = 'let cursor = "benchmark"; // ';
  const text = Array.from({ length: Math.ceil(DOC_LEN / line.length) + 1 }, () => line).join('\n').slice(0, DOC_LEN);
  await pool(S.rooms, 16, async (room) => {
    const res = await request('POST', `/rooms/${room.id}/updates`, { token: room.users[0].token, json: { version: 0, updates: [{ clientID: 'bench-seed', changes: [[0, ...text.split('\n')]] }] } });
    const body = parseJson(res.body);
    if (res.status !== 200 || !Number.isInteger(body?.version)) throw new Error(`POST /rooms/${room.id}/updates → ${res.status} ${String(res.body).slice(0, 200)}`);
    room.version = body.version;
  });
}

/** A member's colour in a create or join answer (it tags that member's cursor messages). */
function colorOf(body, username) {
  const key = username.toLowerCase();
  return (body.users || []).find((u) => String(u.username).toLowerCase() === key)?.color ?? null;
}

async function sendCursor(u) {
  const S = u.S;
  const seq = u.seq++;
  const anchor = seq % (DOC_LEN + 1);
  const head = Math.floor(seq / (DOC_LEN + 1));
  const meta = { t0: performance.now(), status: 0, seenBy: 0, echo: false };
  u.sent.set(seq, meta);
  S.sent++;
  S.inflight++;
  const res = await request('POST', `/rooms/${u.room.id}/presence`, { token: u.token, json: { anchor, head, version: u.room.version }, timeout: REQUEST_TIMEOUT_MS });
  S.inflight--;
  meta.status = res.status;
  if (res.status === 204) {
    S.acked++;
    S.ackLatencies.push(res.ms);
    return;
  }
  if (res.status === 429) S.rateLimited++;
  else {
    S.errors++;
    if (S.errors <= 3) log(`POST /rooms/${u.room.id}/presence → ${res.status} ${String(res.body).slice(0, 200)}`);
  }
  const kind = String(res.status);
  S.errorKinds[kind] = (S.errorKinds[kind] || 0) + 1;
}

async function userLoop(u) {
  const S = u.S;
  const T = S.spec.interval;
  await sleep(Math.random() * T);
  let next = performance.now();
  while (performance.now() < S.sendEnd) {
    await sendCursor(u);
    next += T;
    const now = performance.now();
    if (next < now) {
      S.late++; // the previous POST took longer than T: send at once, never in a burst
      next = now;
    }
    if (next >= S.sendEnd) break;
    await sleep(next - now);
  }
}

async function runCursors() {
  const spec = CURSORS;
  const { rooms, users, interval, duration } = spec;
  const S = cursorState(spec);
  const n = rooms * users;
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: Math.min(1024, Math.max(16, n)), maxFreeSockets: Math.min(1024, Math.max(16, n)) });
  const head = { scenario: 'cursors', rooms, users, interval_ms: interval, duration_s: duration, target_cursors_per_s: round((n * 1000) / interval, 1) };
  log(`cursors: ${rooms} room(s) × ${users} users, a cursor every ${interval} ms for ${duration} s: setting up`);
  const t0 = performance.now();
  try {
    await withTimeout(cursorSetup(S), CURSOR_SETUP_MS, 'set-up');
  } catch (err) {
    log(`cursors: set-up failed: ${err.message}`);
    await cursorTeardown(S).catch(() => {});
    const line = { ...head, setup_error: err.message };
    console.log(JSON.stringify(line));
    return line;
  }
  const setupMs = performance.now() - t0;
  await sleep(500); // let the join, connect and update traffic pass

  const procs = new ProcGroups(PAIR_VAR);
  const generator = new GeneratorWindow();
  log(`cursors: set up in ${(setupMs / 1000).toFixed(1)} s; sending`);
  S.measuring = true;
  procs.start();
  generator.start();
  const start = performance.now();
  S.sendEnd = start + duration * 1000;
  let w = null;
  const windowDone = new Promise((resolve) => {
    setTimeout(() => {
      const g = generator.stop();
      w = { ...g, ackedInWindow: S.acked, resources: procs.stop(g.wall, S.acked / g.wall, 'cursors') };
      resolve();
    }, duration * 1000);
  });
  let loopsDone = false;
  const loops = Promise.all(S.users.map((u) => userLoop(u))).then(() => {
    loopsDone = true;
  });
  await windowDone;

  // Drain: every POST answered and every acknowledged cursor seen, at most DRAIN_MS.
  const expected = () => S.acked * (users - 1);
  const seenAcked = () => {
    let k = 0;
    for (const u of S.users) for (const m of u.sent.values()) if (m.status === 204) k += popcount(m.seenBy);
    return k;
  };
  const drainStart = performance.now();
  while (performance.now() - drainStart < DRAIN_MS && !(loopsDone && S.delivered >= expected() && seenAcked() >= expected())) await sleep(20);
  const drainMs = performance.now() - drainStart;
  if (!loopsDone) await Promise.race([loops, sleep(REQUEST_TIMEOUT_MS)]);
  const unfinished = S.inflight;
  S.measuring = false;

  let expectedDeliveries = 0;
  let deliveries = 0;
  let phantom = 0;
  let echoMissing = 0;
  const lossByRoom = new Map();
  for (const u of S.users) {
    for (const m of u.sent.values()) {
      if (m.status === 204) {
        expectedDeliveries += users - 1;
        const got = popcount(m.seenBy);
        deliveries += got;
        if (got < users - 1) lossByRoom.set(u.room.id, (lossByRoom.get(u.room.id) || 0) + users - 1 - got);
        if (!m.echo) echoMissing++;
      } else if (m.seenBy || m.echo) phantom++;
    }
  }
  const lat = percentiles(S.latencies);
  const ack = percentiles(S.ackLatencies);
  const wsClosed = S.users.filter((u) => u.sock.closedAt !== null).length;
  const line = {
    ...head,
    sent: S.sent,
    acked: S.acked,
    rate_limited: S.rateLimited,
    errors: S.errors,
    error_kinds: S.errorKinds,
    late_sends: S.late,
    acked_per_s: round(w.ackedInWindow / w.wall, 1),
    p50_ms: lat.p50,
    p95_ms: lat.p95,
    p99_ms: lat.p99,
    max_ms: lat.max,
    ack_p50_ms: ack.p50,
    ack_p99_ms: ack.p99,
    expected_deliveries: expectedDeliveries,
    deliveries,
    lost: expectedDeliveries - deliveries,
    loss_ratio: expectedDeliveries ? round((expectedDeliveries - deliveries) / expectedDeliveries, 5) : null,
    rooms_with_loss: lossByRoom.size,
    echo_missing: echoMissing,
    phantom,
    duplicates: S.duplicates,
    out_of_order: S.outOfOrder,
    foreign: S.foreign,
    bad_version: S.badVersion,
    bad_color: S.badColor,
    ws_closed: wsClosed,
    ws_errors: S.users.reduce((a, u) => a + u.sock.errors, 0),
    drain_ms: round(drainMs, 0),
    unfinished,
    window_s: round(w.wall, 3),
    ...(w.resources || {}),
    ...generatorFields(w),
    setup_s: round(setupMs / 1000, 2),
  };
  await cursorTeardown(S);
  console.log(JSON.stringify(line));
  log(`cursors: acked ${line.acked} (${line.acked_per_s}/s), p50 ${line.p50_ms} p99 ${line.p99_ms} ms, lost ${line.lost}, 429s ${line.rate_limited}, errors ${line.errors}`);
  return line;
}

function popcount(x) {
  let k = 0;
  for (; x; x &= x - 1) k++;
  return k;
}

async function cursorTeardown(S) {
  await pool(
    S.users.filter((u) => u.sock.ws),
    128,
    (u) => u.sock.shut(),
  );
  await pool(S.users, 32, (u) => leave(u.room.id, u.token));
}

// ---------------------------------------------------------------------------

const probe = await request('GET', '/healthz', { timeout: 5000 });
if (probe.status !== 200) die(`GET /healthz answered ${probe.status}; is the stack running at ${base.origin}?`);
if (SCENARIOS.includes('cursors') && !new ProcGroups(PAIR_VAR).available) log(`no pid files under ${PAIR_VAR} (set PAIR_VAR): resource fields omitted`);

const results = [];
for (const s of SCENARIOS) {
  if (s === 'close' || s === 'drop') results.push(await runCloseOrDrop(s));
  else if (s === 'freeze') results.push(await runFreeze());
  else results.push(await runCursors());
}
agent.destroy();
process.exit(results.some((r) => r.setup_error) ? 1 : 0);
