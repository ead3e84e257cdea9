// Shared helpers for the Pair integration tests.
//
// The tests talk to a running stack (nginx + nchan + the FastCGI app +
// PostgreSQL) through PAIR_URL. Without PAIR_URL every test file skips.
//
//   PAIR_URL      base URL of nginx, e.g. http://127.0.0.1:18080
//   DATABASE_URL  libpq URL of the test database (checks of what is stored)
//   PAIR_CTL      executable: pg-stop | pg-start | app-stop | app-start

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export const BASE_URL = (process.env.PAIR_URL || '').replace(/\/+$/, '');

// `ws` (tests/package.json; `npm ci` in tests/) is only loaded when there is
// a server to test, so that the files still skip cleanly without it.
const WebSocket = BASE_URL ? (await import('ws')).default : null;

export const DATABASE_URL = process.env.DATABASE_URL || '';
export const PAIR_CTL = process.env.PAIR_CTL || '';

/** `skip` option for describe()/test(): a reason string, or false. */
export const skipIfNoServer = BASE_URL ? false : 'PAIR_URL is not set';
export const skipIfNoDb = skipIfNoServer || (DATABASE_URL ? false : 'DATABASE_URL is not set');
export const skipIfNoCtl = skipIfNoServer || (PAIR_CTL ? false : 'PAIR_CTL is not set');

// ---------------------------------------------------------------------------
// Identifiers and patterns

/** A room id no other test uses: `t-` + 12 URL-safe random characters. */
export function uniqueRoomId(prefix = 't') {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

/** A valid username no other test uses (letters and digits, 11 characters). */
export function uniqueName(prefix = 'u') {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export const ROOM_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const TOKEN_RE = /^[A-Za-z0-9_-]{22,}$/;
export const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
export const ISO_8601_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;

// ---------------------------------------------------------------------------
// HTTP

/**
 * One HTTP request with node:http, so that the path goes out byte for byte
 * (no `../` normalisation, raw `%FF`) and bodies can be arbitrary bytes.
 *
 * options:
 *   json     value sent as a JSON body (sets Content-Type)
 *   body     string or Buffer sent as is
 *   headers  extra headers
 *   token    sent as `Authorization: Bearer <token>`
 *   timeout  ms before the request is abandoned (rejects)
 *
 * Resolves to {status, headers, text, json, body, ms}; `json` is undefined
 * when the body is not JSON.
 */
export function request(method, urlPath, options = {}) {
  const { json, token, timeout = 10_000 } = options;
  let { body } = options;
  const headers = { ...(options.headers || {}) };
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers['Content-Type'] ??= 'application/json';
  }
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    body = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    headers['Content-Length'] = String(body.length);
  }
  const base = new URL(BASE_URL);
  const lib = base.protocol === 'https:' ? https : http;
  const started = Date.now();

  return new Promise((resolve, reject) => {
    let settled = false;
    let gotResponse = false;
    const fail = (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    };
    const req = lib.request(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method,
        path: (base.pathname === '/' ? '' : base.pathname) + urlPath,
        headers,
        agent: false,
      },
      (res) => {
        gotResponse = true;
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          let parsed;
          try {
            parsed = text.length ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json: parsed, body: buf, ms: Date.now() - started });
        });
      },
    );
    const timer = setTimeout(() => {
      fail(new Error(`${method} ${urlPath}: no complete response within ${timeout} ms`));
      req.destroy();
    }, timeout);
    req.on('error', (err) => {
      // A server may answer (e.g. 413) and close before it has read a large
      // body; the write error that follows does not matter then.
      if (gotResponse && (err.code === 'EPIPE' || err.code === 'ECONNRESET')) return;
      clearTimeout(timer);
      fail(err);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** Builds a query string from an object; values are percent-encoded. */
export function qs(params) {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export const get = (p, o) => request('GET', p, o);
export const post = (p, o) => request('POST', p, o);
export const patch = (p, o) => request('PATCH', p, o);

/** Asserts an error response: the status, a JSON content type and a non-empty `detail`. */
export function assertError(res, status, detail) {
  const where = `${res.status} ${res.text.slice(0, 300)}`;
  if (typeof status === 'function') assert.ok(status(res.status), `unexpected status: ${where}`);
  else assert.equal(res.status, status, `unexpected status: ${where}`);
  assert.match(String(res.headers['content-type'] || ''), /^application\/json\b/i, `error content type: ${where}`);
  assert.ok(res.json && typeof res.json === 'object' && !Array.isArray(res.json), `error body is not a JSON object: ${where}`);
  assert.equal(typeof res.json.detail, 'string', `error has no string detail: ${where}`);
  assert.ok(res.json.detail.trim().length > 0, `error detail is empty: ${where}`);
  if (detail !== undefined) assert.equal(res.json.detail, detail);
}

/** Asserts any 4xx with a JSON `detail`. */
export function assert4xx(res) {
  assertError(res, (s) => s >= 400 && s < 500);
}

/** Asserts a status, showing the body when it differs. */
export function assertStatus(res, status) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
}

// ---------------------------------------------------------------------------
// Pair API shortcuts

/** POST /rooms with query fields; asserts 201 and returns the body. */
export async function createRoom({ username = 'alice', roomId = uniqueRoomId(), limit } = {}) {
  const res = await post(`/rooms?${qs({ username, roomId, limit })}`);
  assertStatus(res, 201);
  return res.json;
}

/** GET /rooms/{id}?username= (join); returns the raw response. */
export function join(roomId, username, options = {}) {
  return get(`/rooms/${encodeURIComponent(roomId)}?${qs({ username })}`, options);
}

/** Joins and asserts 200; returns the body. */
export async function joinOk(roomId, username, options) {
  const res = await join(roomId, username, options);
  assertStatus(res, 200);
  return res.json;
}

export function getDocument(roomId, token, version, options = {}) {
  const q = version === undefined ? '' : `?${qs({ version })}`;
  return get(`/rooms/${encodeURIComponent(roomId)}/document${q}`, { ...options, token });
}

export function getCode(roomId, token, version, options = {}) {
  const q = version === undefined ? '' : `?${qs({ version })}`;
  return get(`/rooms/${encodeURIComponent(roomId)}/code${q}`, { ...options, token });
}

export function save(token, body, options = {}) {
  return post('/rooms/save', { timeout: 30_000, ...options, token, json: body });
}

/** Saves and asserts 200; returns the body. */
export async function saveOk(token, body) {
  const res = await save(token, body);
  assertStatus(res, 200);
  return res.json;
}

export function setLimit(roomId, token, newLimit) {
  return patch(`/rooms/${encodeURIComponent(roomId)}/limit?${qs({ new_limit: newLimit })}`, { token });
}

export function leave(roomId, token) {
  return post(`/rooms/${encodeURIComponent(roomId)}/leave`, { token });
}

/** The current document (asserts 200). */
export async function documentOf(roomId, token) {
  const res = await getDocument(roomId, token);
  assertStatus(res, 200);
  return res.json;
}

/**
 * What the server holds for a room after a run: GET /code's text, GET
 * /document and the whole update log (GET /updates?since=0), each asserted
 * 200.
 */
export async function serverState(roomId, token) {
  const code = await getCode(roomId, token);
  assertStatus(code, 200);
  const doc = await documentOf(roomId, token);
  const log = await get(`/rooms/${encodeURIComponent(roomId)}/updates?since=0`, { token, timeout: 30_000 });
  assertStatus(log, 200);
  return { text: code.text, doc, log: log.json };
}

/** Finds a user in a `users` array (exact username). */
export function userIn(users, username) {
  return users.find((u) => u.username === username);
}

/** Polls fn until it returns a truthy value; returns it, or throws after timeout. */
export async function poll(fn, { timeout = 15_000, interval = 250, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await sleep(interval);
  }
}

// ---------------------------------------------------------------------------
// CodeMirror change sets (ChangeSet.toJSON form), positions in UTF-16 units

/** Applies a change set to a string; throws if its length does not match. */
export function applyChanges(doc, changes) {
  assert.ok(Array.isArray(changes), `changes is not an array: ${JSON.stringify(changes)}`);
  let pos = 0;
  let out = '';
  for (const part of changes) {
    if (typeof part === 'number') {
      out += doc.slice(pos, pos + part);
      pos += part;
    } else if (Array.isArray(part) && typeof part[0] === 'number') {
      pos += part[0];
      if (part.length > 1) out += part.slice(1).join('\n');
    } else {
      throw new Error(`bad change-set part ${JSON.stringify(part)}`);
    }
  }
  assert.equal(pos, doc.length, 'change set length differs from the document length (UTF-16 units)');
  return out;
}

// ---------------------------------------------------------------------------
// WebSocket subscriber

export function wsUrl(roomId, token) {
  const u = new URL(BASE_URL);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = token === undefined ? '' : `?${qs({ token })}`;
  return `${u.origin}${u.pathname === '/' ? '' : u.pathname}/ws/${encodeURIComponent(roomId)}${q}`;
}

// Every socket a test opened is dropped when the file's tests are over, so a
// test that failed before closing its sockets cannot keep the process alive.
const liveSockets = new Set();
after(() => {
  for (const ws of liveSockets) ws.terminate();
});

/**
 * A WebSocket connection to a room that keeps every JSON message it
 * receives in `messages`.
 */
export class Subscriber {
  constructor(ws) {
    this.ws = ws;
    liveSockets.add(ws);
    this.messages = [];
    this.nonJson = [];
    this.closed = false;
    this.waiters = new Set();
    ws.on('message', (data, isBinary) => {
      const text = data.toString('utf8');
      let msg;
      try {
        msg = JSON.parse(text);
      } catch {
        this.nonJson.push({ text, isBinary });
        return;
      }
      this.messages.push(msg);
      for (const w of this.waiters) w();
    });
    ws.on('close', () => {
      liveSockets.delete(ws);
      this.closed = true;
      for (const w of this.waiters) w();
    });
    ws.on('error', () => {});
  }

  /** Index to pass as `from` to only consider messages that arrive later. */
  mark() {
    return this.messages.length;
  }

  /** Messages of a type (from index `from`). */
  ofType(type, from = 0) {
    return this.messages.slice(from).filter((m) => m && m.type === type);
  }

  /**
   * Resolves with the first message (at index >= from) for which pred is
   * true, waiting up to `timeout` ms.
   */
  waitFor(pred, { timeout = 5000, from = 0, what = 'a matching message' } = {}) {
    return new Promise((resolve, reject) => {
      let i = from;
      const check = () => {
        for (; i < this.messages.length; i++) {
          if (pred(this.messages[i])) {
            done();
            resolve(this.messages[i]);
            return;
          }
        }
      };
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.messages.slice(from).map((m) => JSON.stringify(m).slice(0, 200));
        reject(new Error(`timed out after ${timeout} ms waiting for ${what}; received: ${seen.length ? seen.join('\n  ') : '(nothing)'}`));
      }, timeout);
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for a `presence` message in which `username` has online === `online`. */
  waitForPresence(username, online, options = {}) {
    return this.waitFor(
      (m) => m.type === 'presence' && Array.isArray(m.users) && m.users.some((u) => u.username === username && u.online === online),
      { what: `presence with ${username} online=${online}`, ...options },
    );
  }

  /** Clean close; resolves when the socket is closed. */
  close() {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close(1000);
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 3000).unref();
    });
  }

  /** Drops the TCP connection without a close handshake. */
  terminate() {
    this.ws.terminate();
  }
}

/**
 * Opens `ws://HOST/ws/{roomId}?token=...`. Resolves with a Subscriber once
 * the socket is open; with `username`, also waits until a presence message
 * shows that user online (the connection's own presence broadcast), so the
 * socket is known to be subscribed before the test goes on.
 * Rejects with err.status set when the handshake is refused.
 */
export function openSocket(roomId, token, { username, timeout = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(roomId, token), { handshakeTimeout: timeout });
    const sub = new Subscriber(ws);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`WebSocket to room ${roomId} did not open within ${timeout} ms`));
    }, timeout);
    ws.on('unexpected-response', (req, res) => {
      clearTimeout(timer);
      const err = new Error(`WebSocket handshake refused with HTTP ${res.statusCode}`);
      err.status = res.statusCode;
      res.resume();
      req.destroy();
      reject(err);
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('open', () => {
      clearTimeout(timer);
      if (!username) {
        resolve(sub);
        return;
      }
      sub.waitForPresence(username, true, { timeout }).then(
        () => resolve(sub),
        (err) => {
          ws.terminate();
          reject(new Error(`socket opened but no presence showed ${username} online: ${err.message}`));
        },
      );
    });
  });
}

/**
 * Tries a handshake that must be refused. Resolves with the HTTP status of
 * the refusal; fails the test if the socket opens.
 */
export async function handshakeStatus(roomId, token) {
  try {
    const sub = await openSocket(roomId, token);
    sub.terminate();
  } catch (err) {
    if (typeof err.status === 'number') return err.status;
    throw err;
  }
  assert.fail(`WebSocket to room ${roomId} opened although the token should be refused`);
}

/** Closes every subscriber given (ignores undefined). */
export async function closeAll(...subs) {
  await Promise.all(subs.filter(Boolean).map((s) => s.close()));
}

// ---------------------------------------------------------------------------
// Database and stack control

/** Runs one SQL statement with psql; returns trimmed unaligned output. */
export function psql(sql) {
  return execFileSync('psql', [DATABASE_URL, '-XAtq', '-c', sql], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Quotes a string as an SQL literal. */
export function sqlLiteral(s) {
  return `'${String(s).replaceAll("'", "''")}'`;
}

/** Runs `$PAIR_CTL <command>` (blocking). */
export function pairCtl(command) {
  execFileSync(PAIR_CTL, [command], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 });
}

/** Waits until GET /healthz answers 200. */
export function waitHealthy(timeout = 15_000) {
  return poll(
    async () => {
      const res = await get('/healthz', { timeout: 2000 });
      return res.status === 200;
    },
    { timeout, what: 'GET /healthz to answer 200' },
  );
}

// ---------------------------------------------------------------------------
// Cross-process lock on the stack.
//
// `node --test` runs test files in parallel processes. faults.test.mjs stops
// PostgreSQL and the app, which would break any file running at the same
// time, so every ordinary file holds the stack shared and faults.test.mjs
// holds it exclusively: it waits until no other test file is running, and
// files that start meanwhile wait until it is done. Each side announces
// itself first and then looks at the other, so both can never go ahead at
// once. Entries of dead processes are ignored.

const lockDir = path.join(os.tmpdir(), `pair-integration-${Buffer.from(BASE_URL || 'none').toString('hex').slice(0, 60)}`);
const readersDir = path.join(lockDir, 'readers');
const writerFile = path.join(lockDir, 'writer');

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function writerActive() {
  let pid;
  try {
    pid = Number(fs.readFileSync(writerFile, 'utf8'));
  } catch {
    return false;
  }
  if (pid === process.pid) return false;
  if (alive(pid)) return true;
  fs.rmSync(writerFile, { force: true });
  return false;
}

function otherReaders() {
  let names = [];
  try {
    names = fs.readdirSync(readersDir);
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (alive(pid)) n++;
    else fs.rmSync(path.join(readersDir, name), { force: true });
  }
  return n;
}

let lockHeld = false;

/** Holds the stack shared for the life of this process (ordinary test files). */
export async function holdStackShared() {
  if (!BASE_URL || lockHeld) return;
  fs.mkdirSync(readersDir, { recursive: true });
  const mine = path.join(readersDir, String(process.pid));
  for (;;) {
    fs.writeFileSync(mine, '');
    if (!writerActive()) break;
    fs.rmSync(mine, { force: true });
    await sleep(200 + Math.random() * 200);
  }
  lockHeld = true;
  process.on('exit', () => fs.rmSync(mine, { force: true }));
}

/** Holds the stack exclusively for the life of this process (faults.test.mjs). */
export async function holdStackExclusive({ timeout = 30 * 60_000 } = {}) {
  if (!BASE_URL || lockHeld) return;
  fs.mkdirSync(readersDir, { recursive: true });
  const deadline = Date.now() + timeout;
  for (;;) {
    let created = false;
    try {
      fs.writeFileSync(writerFile, String(process.pid), { flag: 'wx' });
      created = true;
    } catch {
      writerActive(); // clears the entry of a dead writer
    }
    if (created) {
      if (otherReaders() === 0) break;
      fs.rmSync(writerFile, { force: true });
    }
    if (Date.now() > deadline) throw new Error('other integration test files kept running; could not get the stack to myself');
    await sleep(300 + Math.random() * 300);
  }
  lockHeld = true;
  process.on('exit', () => fs.rmSync(writerFile, { force: true }));
}

// ---------------------------------------------------------------------------
// Shapes

/** Asserts one entry of a `users` array. */
export function assertUserShape(user) {
  assert.equal(typeof user.username, 'string');
  assert.equal(typeof user.online, 'boolean', `online of ${user.username}`);
  assert.equal(typeof user.typing, 'boolean', `typing of ${user.username}`);
  assert.match(String(user.color), COLOR_RE, `color of ${user.username}`);
  assert.ok(user.role === 'owner' || user.role === 'editor', `role of ${user.username}: ${user.role}`);
}

/**
 * Asserts the body of a create or join: {roomId, limit, users, token,
 * version, code, language}, and that `username` is in `users`, online, with
 * `role`. Returns that user's entry.
 */
export function assertRoomBody(body, { roomId, limit, username, role }) {
  assert.ok(body && typeof body === 'object', 'body is a JSON object');
  if (roomId !== undefined) assert.equal(body.roomId, roomId);
  assert.match(String(body.roomId), ROOM_ID_RE);
  if (limit !== undefined) assert.equal(body.limit, limit);
  assert.ok(Number.isInteger(body.limit), 'limit is an integer');
  assert.match(String(body.token), TOKEN_RE, 'token is 22+ characters of URL-safe base64');
  assert.ok(Number.isInteger(body.version) && body.version >= 0, 'version is a non-negative integer');
  assert.equal(typeof body.code, 'string');
  assert.equal(typeof body.language, 'string');
  assert.ok(Array.isArray(body.users), 'users is an array');
  body.users.forEach(assertUserShape);
  const me = userIn(body.users, username);
  assert.ok(me, `${username} is in users: ${JSON.stringify(body.users)}`);
  assert.equal(me.online, true, `${username} is online`);
  if (role !== undefined) assert.equal(me.role, role);
  return me;
}
