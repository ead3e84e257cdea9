#!/usr/bin/env node
// Collaboration load benchmark for Pair: R rooms x U users, each user
// inserting a few characters through POST /rooms/{id}/updates every T ms and
// receiving every room's updates over its WebSocket. Measures the delivery
// latency (sender's POST start -> WebSocket frame at every other client, one
// process, one clock), losses, convergence, durability and the CPU and memory
// of nginx, the app and PostgreSQL. One JSON line per scenario on stdout;
// progress on stderr.
//
//   PAIR_URL=http://127.0.0.1:8080 PAIR_VAR=var node tests/bench/collab.mjs [--scenario pair|rooms50|ramp]
//   node tests/bench/collab.mjs --rooms 10 --users 4 --interval 200 --duration 10
//
// Two hosts (nginx+app each, sharing PostgreSQL and, through REDIS_URL,
// nchan's channels): with --hosts two (or one,two), user u of every room
// goes to host u % 2, PAIR_URL2/PAIR_VAR2 naming the second host, so every
// delivery between users on different hosts crosses Redis:
//   PAIR_URL=http://127.0.0.1:60080 PAIR_VAR=/tmp/a \
//   PAIR_URL2=http://127.0.0.1:60081 PAIR_VAR2=/tmp/b node tests/bench/collab.mjs --scenario ramp --hosts one,two
//
// Loopback only: a PAIR_URL whose host is not 127.0.0.1, localhost or ::1 is
// refused. Every phase is bounded in time and a watchdog ends the process.
// See tests/bench/README.md for the meaning of every field.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { parseJson, sleep, pool, withTimeout, parseStat, readStat, readStatAsync, readPssAsync, readPidFile, ProcGroups, round, percentiles, parseArgs, numberArg, httpRequest, HttpConnection, GeneratorWindow, generatorFields, closeSocket, loopbackUrl } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUEST_TIMEOUT_MS = 4000; // one POST /updates (or set-up request)
const RETRY_WINDOW_MS = 3000; // after the send phase, a 409'd update may still be retried this long
const DRAIN_MS = 5000; // at most, after the send phase
const WS_OPEN_TIMEOUT_MS = 10_000;
const SETUP_TIMEOUT_MS = 90_000; // create + join + connect of one scenario
const WATCHDOG_MS = 25 * 60_000; // whole process
const JITTER = 0.25; // each interval is T * (1 ± JITTER)
const SAMPLE_MS = 250; // RSS sampling
const RESCAN_MS = 1000; // process-tree rescan (new PostgreSQL backends, nginx workers)
const RAMP_STEPS = [25, 50, 75, 100, 125, 150, 200, 250, 300, 400];
const RAMP_USERS = 4;
const RAMP_INTERVAL = 200;
const RAMP_DURATION = 6;
const RAMP_REFINE = 5; // rooms: the precision of the ramp's limit

const log = (msg) => process.stderr.write(`collab.mjs: ${msg}\n`);
function die(message, code = 2) {
  log(message);
  process.exit(code);
}

// ---------------------------------------------------------------------------
// Command line


const USAGE = 'usage: collab.mjs [--scenario pair|rooms50|ramp] [--hosts one|two|one,two] | [--rooms R --users U --interval MS --duration S]';
const args = parseArgs(process.argv.slice(2), USAGE, die, ['scenario', 'rooms', 'users', 'interval', 'duration', 'hosts']);
const intArg = (name, fallback, min, max) => numberArg(args, name, fallback, min, max, die);

const custom = ['rooms', 'users', 'interval', 'duration'].some((k) => args[k] !== undefined);
if (custom && args.scenario) die('give either --scenario or --rooms/--users/--interval/--duration, not both');
const SCENARIOS = custom ? ['custom'] : args.scenario ? [args.scenario] : ['pair', 'rooms50', 'ramp'];
for (const s of SCENARIOS) if (!['pair', 'rooms50', 'ramp', 'custom'].includes(s)) die(`unknown scenario ${s}; known: pair, rooms50, ramp`);
const CUSTOM = custom
  ? {
      rooms: Math.floor(intArg('rooms', 10, 1, 1000)),
      users: Math.floor(intArg('users', 4, 2, 20)),
      interval: intArg('interval', 200, 5, 60_000),
      duration: intArg('duration', 10, 1, 300),
    }
  : null;

// ---------------------------------------------------------------------------
// Target

const base = loopbackUrl('PAIR_URL', 'http://127.0.0.1:8080', die);
const base2 = loopbackUrl('PAIR_URL2', 'http://127.0.0.1:8081', die);
const HOSTS = [base, base2].map((b) => ({
  host: b.hostname.replace(/^\[|\]$/g, ''),
  port: Number(b.port || 80),
  prefix: b.pathname.replace(/\/+$/, ''),
  ws: `ws://${b.host}${b.pathname.replace(/\/+$/, '')}`,
}));
const PAIR_VAR = path.resolve(process.env.PAIR_VAR || path.join(REPO, 'var'));
const PAIR_VAR2 = process.env.PAIR_VAR2 ? path.resolve(process.env.PAIR_VAR2) : null;
let HOSTS_IN_USE = 1; // 1: everything on host A; 2: user u of every room on host u % 2
const SETUPS = (args.hosts || 'one').split(',');
for (const s of SETUPS) if (!['one', 'two'].includes(s)) die(`unknown --hosts ${s}; known: one, two`);

const watchdog = setTimeout(() => die(`watchdog: still running after ${WATCHDOG_MS / 60000} min, giving up`, 3), WATCHDOG_MS);
watchdog.unref();

// One agent per host for set-up, checks and leaves (the POSTs of the send
// phase go over each user's own HttpConnection); made afresh for every
// scenario, so that no idle socket outlives one.
const newAgents = () => [0, 1].map(() => new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 }));
let agents = newAgents();

/** One request to host `host` (0: PAIR_URL, 1: PAIR_URL2). */
function request(method, p, { token, json, timeout = REQUEST_TIMEOUT_MS, host = 0 } = {}) {
  const H = HOSTS[host];
  return httpRequest({ host: H.host, port: H.port, prefix: H.prefix, agent: agents[host] }, method, p, { token, json, timeout });
}



// ---------------------------------------------------------------------------
// Edits: a few characters, now and then non-ASCII, a newline or an emoji

const ASCII = 'abcdefghijklmnopqrstuvwxyz ();=';
const BMP = 'éñßжλ日本€';

/** Returns {lines, edgeOnly}: the inserted lines (CodeMirror JSON form); an emoji goes only at 0 or the end. */
function pickInsert() {
  const r = Math.random();
  if (r < 0.05) return { lines: ['', ''], edgeOnly: false }; // a newline
  if (r < 0.07) return { lines: ['😀'], edgeOnly: true }; // two UTF-16 units
  const n = 1 + Math.floor(Math.random() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += Math.random() < 0.1 ? BMP[Math.floor(Math.random() * BMP.length)] : ASCII[Math.floor(Math.random() * ASCII.length)];
  return { lines: [s], edgeOnly: false };
}

/**
 * A change set inserting `ins` into a view of `len` units. A position must not
 * fall inside a surrogate pair (an emoji already in the document): the view
 * knows `head`, the units before the first astral character, and `tail`, the
 * units after the last one, and picks among the positions 0..head and
 * len-tail..len, which are all character boundaries (all of 0..len when the
 * document holds no astral character).
 */
function makeChanges(len, head, tail, ins) {
  let pos;
  if (ins.edgeOnly) pos = Math.random() < 0.5 ? 0 : len;
  else if (head >= len) pos = Math.floor(Math.random() * (len + 1));
  else {
    const r = Math.floor(Math.random() * (head + tail + 2));
    pos = r <= head ? r : len - tail + (r - head - 1);
  }
  const out = [];
  if (pos > 0) out.push(pos);
  out.push([0, ...ins.lines]);
  if (len - pos > 0) out.push(len - pos);
  return out;
}

/** Index of the first high surrogate in s, and the index just after the last astral character; -1 if none. */
function astralSpan(s) {
  let first = -1;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      if (first < 0) first = i;
      last = i + 2;
      i++;
    }
  }
  return [first, last];
}

// ---------------------------------------------------------------------------
// A scenario

class Client {
  constructor(S, room, index, gid, username, token) {
    this.S = S;
    this.room = room;
    this.index = index;
    this.gid = gid;
    this.username = username;
    this.token = token;
    this.version = 0; // in-order view: version, length, and where astral characters are
    this.length = 0;
    this.head = 0; // units before the first astral character (= length when there is none)
    this.tail = 0; // units after the last astral character (= length when there is none)
    this.ahead = new Map(); // version -> message that arrived ahead of a gap
    this.waiter = null;
    this.seq = 0;
    this.ws = null;
    this.host = HOSTS_IN_USE === 2 ? index % 2 : 0;
    this.http = new HttpConnection(HOSTS[this.host]); // its POSTs, one at a time
  }

  connect() {
    return new Promise((resolve, reject) => {
      const url = `${HOSTS[this.host].ws}/ws/${encodeURIComponent(this.room.id)}?token=${encodeURIComponent(this.token)}`;
      const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: WS_OPEN_TIMEOUT_MS });
      this.ws = ws;
      let opened = false;
      ws.on('open', () => {
        opened = true;
        resolve();
      });
      ws.on('message', (data) => this.onMessage(data));
      ws.on('error', (err) => {
        if (!opened) reject(new Error(`WebSocket to room ${this.room.id}: ${err.message}`));
        else this.S.wsErrors++;
      });
      ws.on('unexpected-response', (_req, res) => {
        reject(new Error(`WebSocket to room ${this.room.id}: HTTP ${res.statusCode}`));
        res.resume();
        ws.terminate();
      });
      ws.on('close', () => {
        if (!this.S.closing) this.S.wsClosed++;
      });
    });
  }

  onMessage(data) {
    const t = performance.now();
    const S = this.S;
    let m;
    try {
      m = JSON.parse(data);
    } catch {
      S.badFrames++;
      return;
    }
    if (m === null || m.type !== 'update') return;
    const v = m.version;
    if (!Number.isInteger(v) || v < this.version || this.ahead.has(v)) {
      S.duplicates++;
      return;
    }
    const meta = S.meta.get(m.clientID);
    if (meta === undefined) S.foreign++;
    else if (meta.sender === this) meta.echo = true;
    else {
      S.latencies.push(t - meta.t0);
      S.editLatencies.push(t - meta.due);
      meta.delivered++;
    }
    if (v !== this.version) {
      this.ahead.set(v, m);
      S.outOfOrder++;
      return;
    }
    this.apply(m);
    while (this.ahead.size > 0) {
      const next = this.ahead.get(this.version);
      if (next === undefined) break;
      this.ahead.delete(this.version);
      this.apply(next);
    }
    if (this.waiter !== null && this.version >= this.waiter.version) {
      const w = this.waiter;
      this.waiter = null;
      clearTimeout(w.timer);
      w.resolve(true);
    }
  }

  /** Applies an update to the view: length, head and tail (see makeChanges). */
  apply(m) {
    const changes = m.changes;
    this.version++;
    if (!Array.isArray(changes)) {
      this.S.lengthMismatches++;
      return;
    }
    const len = this.length;
    const hasAstral = this.head < len;
    const firstOld = this.head; // where the first astral character starts
    const lastOldEnd = len - this.tail; // where the last one ends
    let oldPos = 0;
    let newPos = 0;
    let first = hasAstral ? null : -1; // -1: none seen yet and none in the kept text
    let lastEnd = -1;
    let deleted = false;
    for (const part of changes) {
      if (typeof part === 'number') {
        if (hasAstral && first === null && firstOld >= oldPos && firstOld < oldPos + part) first = newPos + (firstOld - oldPos);
        if (hasAstral && lastOldEnd > oldPos && lastOldEnd <= oldPos + part) lastEnd = newPos + (lastOldEnd - oldPos);
        oldPos += part;
        newPos += part;
        continue;
      }
      if (part[0] > 0) deleted = true;
      oldPos += part[0];
      for (let i = 1; i < part.length; i++) {
        if (i > 1) newPos++; // the newline between lines
        const text = part[i];
        const [f, l] = astralSpan(text);
        if (f >= 0) {
          if (first === null || first === -1) first = newPos + f;
          lastEnd = newPos + l;
        }
        newPos += text.length;
      }
    }
    if (oldPos !== len) this.S.lengthMismatches++;
    this.length = newPos;
    if (deleted) {
      this.head = this.tail = 0; // not ours: only the two ends are known boundaries now
    } else {
      this.head = first === null || first < 0 ? newPos : first;
      this.tail = lastEnd < 0 ? newPos : newPos - lastEnd;
    }
  }

  /** Resolves true when the view reaches `version`, false after `ms`. */
  waitFor(version, ms) {
    if (this.version >= version) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(false);
      }, Math.max(1, ms));
      this.waiter = { version, resolve, timer };
    });
  }
}

let scenarioCounter = 0;
const RUN_TAG = Date.now().toString(36).slice(-6);

function newState(spec) {
  return {
    spec,
    rooms: [],
    clients: [],
    meta: new Map(), // clientID -> {t0, sender, delivered, echo, status}
    latencies: [],
    editLatencies: [], // from when the update was due, retries and waits included
    ackLatencies: [],
    updates: 0,
    sent: 0,
    accepted: 0,
    conflicts: 0,
    errors: 0,
    errorKinds: {},
    gaveUp: 0,
    late: 0,
    inflight: 0,
    duplicates: 0,
    outOfOrder: 0,
    foreign: 0,
    badFrames: 0,
    lengthMismatches: 0,
    wsErrors: 0,
    wsClosed: 0,
    closing: false,
    sendEnd: 0,
    retryEnd: 0,
  };
}

async function setup(S) {
  const { rooms, users } = S.spec;
  const tag = `${RUN_TAG}${(++scenarioCounter).toString(36)}`;
  for (let r = 0; r < rooms; r++) S.rooms.push({ id: `bench-${tag}-${r}`, clients: [], accepted: 0 });
  const name = (r, u) => `b${tag}r${r}u${u}`;
  let gid = 0;
  const failures = [];
  await pool(S.rooms, 16, async (room, r) => {
    const res = await request('POST', '/rooms', { json: { username: name(r, 0), limit: users, roomId: room.id }, timeout: 10_000 });
    const body = parseJson(res.body);
    if (res.status !== 201 || !body?.token) {
      failures.push(`POST /rooms ${res.status} ${res.body.slice(0, 200)}`);
      return;
    }
    room.clients.push(new Client(S, room, 0, 0, name(r, 0), body.token));
  });
  if (failures.length) throw new Error(`could not create ${failures.length} room(s): ${failures[0]}`);
  const joins = [];
  for (const room of S.rooms) for (let u = 1; u < users; u++) joins.push([room, u]);
  await pool(joins, 32, async ([room, u]) => {
    const r = S.rooms.indexOf(room);
    const res = await request('GET', `/rooms/${room.id}?username=${encodeURIComponent(name(r, u))}`, { timeout: 10_000, host: HOSTS_IN_USE === 2 ? u % 2 : 0 });
    const body = parseJson(res.body);
    if (res.status !== 200 || !body?.token) {
      failures.push(`GET /rooms/${room.id}?username= ${res.status} ${res.body.slice(0, 200)}`);
      return;
    }
    room.clients.push(new Client(S, room, u, 0, name(r, u), body.token));
  });
  for (const room of S.rooms) {
    room.clients.sort((a, b) => a.index - b.index);
    for (const c of room.clients) {
      c.gid = gid++;
      S.clients.push(c);
    }
  }
  if (failures.length) throw new Error(`${failures.length} join(s) failed: ${failures[0]}`);
  await pool(S.clients, 64, (c) => c.connect().catch((err) => failures.push(err.message)));
  if (failures.length) throw new Error(`${failures.length} WebSocket(s) did not open: ${failures[0]}`);
  // Every view starts from the server's document.
  await pool(S.rooms, 16, async (room) => {
    const res = await request('GET', `/rooms/${room.id}/document`, { token: room.clients[0].token, timeout: 10_000 });
    const doc = parseJson(res.body);
    if (res.status !== 200 || !doc) {
      failures.push(`GET /rooms/${room.id}/document ${res.status} ${res.body.slice(0, 200)}`);
      return;
    }
    room.startVersion = doc.version;
    const [f, l] = astralSpan(doc.code);
    for (const c of room.clients) {
      c.version = doc.version;
      c.length = doc.code.length;
      c.head = f < 0 ? c.length : f;
      c.tail = l < 0 ? c.length : c.length - l;
    }
  });
  if (failures.length) throw new Error(failures[0]);
}

/**
 * One logical update, due at `due` (when its user typed it): POST, and on
 * 409 wait for the view to reach the server's version and retry.
 */
async function sendUpdate(c, due) {
  const S = c.S;
  const ins = pickInsert();
  S.updates++;
  due = Math.min(due, performance.now()); // timers may fire a fraction of a millisecond early
  for (;;) {
    const version = c.version;
    const changes = makeChanges(c.length, c.head, c.tail, ins);
    const clientID = `u${c.gid}-${++c.seq}`;
    const meta = { t0: performance.now(), due, sender: c, delivered: 0, echo: false, status: 0 };
    S.meta.set(clientID, meta);
    S.sent++;
    S.inflight++;
    const res = await c.http.request('POST', `/rooms/${c.room.id}/updates`, { token: c.token, json: { version, updates: [{ clientID, changes }] }, timeout: REQUEST_TIMEOUT_MS });
    S.inflight--;
    meta.status = res.status;
    if (res.status === 200) {
      S.accepted++;
      c.room.accepted++;
      S.ackLatencies.push(res.ms);
      return;
    }
    if (res.status === 409) {
      S.conflicts++;
      const current = parseJson(res.body)?.version;
      const target = Number.isInteger(current) ? current : version + 1;
      const left = S.retryEnd - performance.now();
      if (left <= 0) {
        S.gaveUp++;
        return;
      }
      if (!(await c.waitFor(target, Math.min(left, RETRY_WINDOW_MS)))) {
        S.gaveUp++;
        S.errorKinds.view_stalled_after_409 = (S.errorKinds.view_stalled_after_409 || 0) + 1;
        return;
      }
      continue;
    }
    S.errors++;
    const kind = String(res.status);
    S.errorKinds[kind] = (S.errorKinds[kind] || 0) + 1;
    if (S.errors <= 3) log(`POST /rooms/${c.room.id}/updates → ${res.status} ${String(res.body).slice(0, 200)}`);
    S.gaveUp++;
    return;
  }
}

async function userLoop(c) {
  const S = c.S;
  const T = S.spec.interval;
  await sleep(Math.random() * T);
  let next = performance.now();
  while (performance.now() < S.sendEnd) {
    await sendUpdate(c, next);
    next += T * (1 + JITTER * (2 * Math.random() - 1));
    const now = performance.now();
    if (next < now) {
      S.late++; // the previous update took longer than the interval: send at once, do not burst
      next = now;
    }
    if (next >= S.sendEnd) break;
    await sleep(next - now);
  }
}

async function teardown(S) {
  S.closing = true;
  await pool(
    S.clients.filter((c) => c.ws),
    128,
    (c) => closeSocket(c.ws),
  );
  for (const c of S.clients) c.http.close();
  await pool(S.clients, 32, (c) => request('POST', `/rooms/${c.room.id}/leave`, { token: c.token, timeout: 5000, host: c.host }));
}

async function runScenario(name, spec) {
  const S = newState(spec);
  const { rooms, users, interval, duration } = spec;
  const n = rooms * users;
  for (const a of agents) a.destroy();
  agents = newAgents();
  const head = { scenario: name, hosts: HOSTS_IN_USE, rooms, users, interval_ms: interval, duration_s: duration, target_updates_per_s: round((n * 1000) / interval, 1) };
  log(`${name}: ${rooms} room(s) × ${users} users, every ${interval} ms for ${duration} s: setting up`);
  const t0 = performance.now();
  try {
    await withTimeout(setup(S), SETUP_TIMEOUT_MS, 'set-up');
  } catch (err) {
    log(`${name}: set-up failed: ${err.message}`);
    await teardown(S).catch(() => {});
    const line = { ...head, setup_error: err.message };
    console.log(JSON.stringify(line));
    return line;
  }
  const setupMs = performance.now() - t0;
  await sleep(300); // let the join/presence traffic settle

  // ---- send phase (the measured window)
  const procs = new ProcGroups(PAIR_VAR);
  const procsB = HOSTS_IN_USE === 2 && PAIR_VAR2 ? new ProcGroups(PAIR_VAR2) : null;
  if (procsB) procsB.roots = Object.fromEntries(Object.entries(procsB.roots).filter(([g]) => g !== 'postgres')); // shared with host A
  const generator = new GeneratorWindow();
  log(`${name}: set up in ${(setupMs / 1000).toFixed(1)} s; sending`);
  procs.start();
  if (procsB) procsB.start();
  generator.start();
  const start = performance.now();
  S.sendEnd = start + duration * 1000;
  S.retryEnd = S.sendEnd + RETRY_WINDOW_MS;
  let windowEnd = null;
  const windowDone = new Promise((resolve) => {
    setTimeout(() => {
      const g = generator.stop();
      const acceptedInWindow = S.accepted;
      windowEnd = {
        ...g,
        acceptedInWindow,
        resources: procs.stop(g.wall, acceptedInWindow / g.wall),
        resourcesB: procsB ? procsB.stop(g.wall, acceptedInWindow / g.wall) : null,
      };
      resolve();
    }, duration * 1000);
  });
  let loopsDone = false;
  const loops = Promise.all(S.clients.map((c) => userLoop(c))).then(() => {
    loopsDone = true;
  });
  await windowDone;

  // ---- drain: every client has seen every accepted update, at most DRAIN_MS
  const drainStart = performance.now();
  const caughtUp = () => S.rooms.every((room) => room.clients.every((c) => c.version - room.startVersion >= room.accepted));
  while (performance.now() - drainStart < DRAIN_MS && !(loopsDone && caughtUp())) await sleep(10);
  const drainMs = performance.now() - drainStart;
  const drained = loopsDone && caughtUp();
  const unfinished = S.inflight;
  if (!drained) {
    log(`${name}: drain incomplete after ${DRAIN_MS} ms (${unfinished} POST(s) still in flight)`);
    // Let the stragglers end (each request times out) so that the counts below are final.
    await Promise.race([loops, sleep(REQUEST_TIMEOUT_MS + RETRY_WINDOW_MS)]);
  }

  // ---- verification against the server
  let converged = true;
  let durable = true;
  let lengthsMatch = true;
  let checkErrors = 0;
  const bad = [];
  const acceptedIds = new Map(); // room -> Set of acknowledged clientIDs
  for (const [id, meta] of S.meta) {
    if (meta.status !== 200) continue;
    const r = meta.sender.room;
    if (!acceptedIds.has(r)) acceptedIds.set(r, new Set());
    acceptedIds.get(r).add(id);
  }
  await pool(S.rooms, 16, async (room) => {
    const token = room.clients[0].token;
    const [d, u] = await Promise.all([
      request('GET', `/rooms/${room.id}/document`, { token, timeout: 10_000 }),
      request('GET', `/rooms/${room.id}/updates?since=${room.startVersion}`, { token, timeout: 10_000 }),
    ]);
    const doc = parseJson(d.body);
    const log_ = parseJson(u.body);
    if (d.status !== 200 || !doc || u.status !== 200 || !log_) {
      checkErrors++;
      converged = durable = false;
      bad.push(`${room.id}: GET /document ${d.status}, GET /updates ${u.status}`);
      return;
    }
    const expected = room.startVersion + room.accepted;
    const views = room.clients.map((c) => c.version);
    if (!views.every((v) => v === doc.version) || doc.version !== expected) {
      converged = false;
      bad.push(`${room.id}: server version ${doc.version}, accepted ${room.accepted} (expected ${expected}), views ${views.join(',')}`);
    }
    if (!room.clients.every((c) => c.length === doc.code.length)) {
      lengthsMatch = false;
      bad.push(`${room.id}: server length ${doc.code.length}, view lengths ${room.clients.map((c) => c.length).join(',')}`);
    }
    const ids = acceptedIds.get(room) || new Set();
    const logged = Array.isArray(log_.updates) ? log_.updates : [];
    const loggedIds = new Set(logged.map((x) => x.clientID));
    const missing = [...ids].filter((id) => !loggedIds.has(id));
    if (doc.version !== expected || logged.length !== room.accepted || missing.length > 0) {
      durable = false;
      bad.push(`${room.id}: log holds ${logged.length} update(s) for ${room.accepted} acknowledged; ${missing.length} acknowledged clientID(s) missing${missing.length ? ` (e.g. ${missing[0]})` : ''}`);
    }
  });
  for (const b of bad.slice(0, 5)) log(`${name}: ${b}`);

  // ---- deliveries
  let expectedDeliveries = 0;
  let seen = 0;
  let phantom = 0;
  let echoMissing = 0;
  for (const meta of S.meta.values()) {
    if (meta.status === 200) {
      expectedDeliveries += users - 1;
      seen += Math.min(meta.delivered, users - 1);
      if (!meta.echo) echoMissing++;
    } else if (meta.delivered > 0 || meta.echo) phantom++;
  }
  const lat = percentiles(S.latencies);
  const edit = percentiles(S.editLatencies);
  const ack = percentiles(S.ackLatencies);
  const w = windowEnd;
  const line = {
    ...head,
    sent: S.sent,
    accepted: S.accepted,
    conflicts: S.conflicts,
    errors: S.errors,
    error_kinds: S.errorKinds,
    updates: S.updates,
    gave_up: S.gaveUp,
    late_sends: S.late,
    accepted_per_s: round(w.acceptedInWindow / w.wall, 1),
    p50_ms: lat.p50,
    p95_ms: lat.p95,
    p99_ms: lat.p99,
    max_ms: lat.max,
    edit_p50_ms: edit.p50,
    edit_p99_ms: edit.p99,
    ack_p50_ms: ack.p50,
    ack_p99_ms: ack.p99,
    expected_deliveries: expectedDeliveries,
    deliveries: seen,
    lost: expectedDeliveries - seen,
    echo_missing: echoMissing,
    phantom,
    duplicates: S.duplicates,
    out_of_order: S.outOfOrder,
    foreign: S.foreign,
    length_mismatches: S.lengthMismatches,
    ws_errors: S.wsErrors,
    ws_closed: S.wsClosed,
    drain_ms: round(drainMs, 0),
    drained,
    unfinished,
    converged,
    durable,
    lengths_match: lengthsMatch,
    check_errors: checkErrors,
    window_s: round(w.wall, 3),
    ...(w.resources || {}),
    ...(w.resourcesB ? { server_host_b: w.resourcesB.server, server_host_b_cores: w.resourcesB.server_cores } : {}),
    ...generatorFields(w),
    setup_s: round(setupMs / 1000, 2),
  };
  await teardown(S);
  console.log(JSON.stringify(line));
  log(
    `${name}: accepted ${line.accepted} (${line.accepted_per_s}/s), p50 ${line.p50_ms} p99 ${line.p99_ms} ms, lost ${line.lost}, errors ${line.errors}, converged ${converged}, durable ${durable}`,
  );
  return line;
}

async function ramp() {
  let best = null;
  let stop = null;
  const steps = [];
  /** One step; the reasons it failed (none when it held). */
  const step = async (rooms) => {
    const line = await runScenario('ramp', { rooms, users: RAMP_USERS, interval: RAMP_INTERVAL, duration: RAMP_DURATION });
    steps.push(line);
    const reasons = [];
    if (line.setup_error) reasons.push('setup failed');
    else {
      if (line.p99_ms === null || line.p99_ms > 100) reasons.push(`p99 ${line.p99_ms} ms > 100`);
      if (line.lost > 0) reasons.push(`lost ${line.lost}`);
      if (line.errors > 0.01 * line.sent) reasons.push(`errors ${line.errors} > 1 % of ${line.sent}`);
      // A step in a conflict storm can keep its p99 under the bound while
      // its users fall behind: it did not sustain the load it was offered.
      if (line.accepted_per_s < 0.95 * line.target_updates_per_s) reasons.push(`accepted ${line.accepted_per_s}/s < 95 % of ${line.target_updates_per_s}`);
    }
    if (reasons.length === 0) best = line;
    await sleep(1000); // let the unsubscribe hooks and leaves of this step pass
    return reasons;
  };
  for (const rooms of RAMP_STEPS) {
    const reasons = await step(rooms);
    if (reasons.length) {
      stop = { rooms, reason: reasons.join(', ') };
      break;
    }
  }
  // Between the last step that held and the first that did not, halve the
  // gap down to RAMP_REFINE rooms, so the limit is not understated by a
  // whole step.
  if (stop && best) {
    let lo = best.rooms;
    let hi = stop.rooms;
    while (hi - lo > RAMP_REFINE) {
      const mid = lo + Math.max(RAMP_REFINE, Math.round((hi - lo) / 2 / RAMP_REFINE) * RAMP_REFINE);
      if (mid >= hi) break;
      const reasons = await step(mid);
      if (reasons.length) {
        hi = mid;
        stop = { rooms: mid, reason: reasons.join(', ') };
      } else lo = mid;
    }
  }
  const summary = {
    scenario: 'ramp-summary',
    hosts: HOSTS_IN_USE,
    users: RAMP_USERS,
    interval_ms: RAMP_INTERVAL,
    duration_s: RAMP_DURATION,
    max_rooms_under_100ms: best ? best.rooms : 0,
    max_users_under_100ms: best ? best.rooms * RAMP_USERS : 0,
    accepted_per_s_at_max: best ? best.accepted_per_s : null,
    p99_ms_at_max: best ? best.p99_ms : null,
    server_cores_at_max: best ? (best.server_cores ?? null) : null,
    stopped_at_rooms: stop ? stop.rooms : null,
    stop_reason: stop ? stop.reason : `all ${RAMP_STEPS.length} steps passed`,
    steps: steps.map((s) => s.rooms),
    generator_saturated_at: steps.filter((s) => s.generator_saturated).map((s) => s.rooms),
    generator_lagging_at: steps.filter((s) => s.generator_lagging).map((s) => s.rooms),
    generator_cores_per_step: steps.map((s) => s.generator_cores ?? null),
    generator_loop_lag_p99_ms_per_step: steps.map((s) => s.generator_loop_lag_p99_ms ?? null),
    p99_ms_per_step: steps.map((s) => s.p99_ms ?? null),
    lost_per_step: steps.map((s) => s.lost ?? null),
    accepted_per_s_per_step: steps.map((s) => s.accepted_per_s ?? null),
  };
  console.log(JSON.stringify(summary));
  return [...steps, summary];
}

// ---------------------------------------------------------------------------

for (const h of [0, 1]) {
  if (h === 1 && !SETUPS.includes('two')) continue;
  const probe = await request('GET', '/healthz', { timeout: 5000, host: h });
  if (probe.status !== 200) die(`GET /healthz answered ${probe.status}; is host ${h === 0 ? 'A (PAIR_URL)' : 'B (PAIR_URL2)'} running?`);
}
if (!new ProcGroups(PAIR_VAR).available) log(`no pid files under ${PAIR_VAR} (set PAIR_VAR): resource fields omitted`);

const results = [];
for (const setup of SETUPS) {
  HOSTS_IN_USE = setup === 'two' ? 2 : 1;
  if (SETUPS.length > 1) log(`hosts ${setup}`);
  for (const s of SCENARIOS) {
    if (s === 'pair') results.push(await runScenario('pair', { rooms: 1, users: 2, interval: 100, duration: 10 }));
    else if (s === 'rooms50') results.push(await runScenario('rooms50', { rooms: 50, users: 4, interval: 200, duration: 10 }));
    else if (s === 'ramp') results.push(...(await ramp()));
    else results.push(await runScenario('custom', CUSTOM));
  }
}
for (const a of agents) a.destroy();
process.exit(results.some((r) => r.setup_error) ? 1 : 0);
