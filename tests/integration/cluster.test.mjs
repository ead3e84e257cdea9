// Two hosts, one Redis, one PostgreSQL: nginx+app on two loopback ports, both
// with nchan in Redis mode, sharing the test database. Reference clients
// split across the hosts edit one room and converge; presence seen through
// one host includes users connected through the other, and their drop.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATABASE_URL, PAIR_CTL, holdStackShared, poll, psql, sleep, sqlLiteral } from './helpers.mjs';

await holdStackShared();

const base = Number(process.env.PORT || 18080) + 100;
const REDIS_PORT = base + 20;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
const VAR = process.env.PAIR_VAR ? path.join(process.env.PAIR_VAR, 'cluster') : '';
const hosts = ['a', 'b'].map((name, i) => ({
  name,
  url: `http://127.0.0.1:${base + i}`,
  env: {
    ...process.env,
    PAIR_VAR: path.join(VAR, `host-${name}`),
    PORT: String(base + i),
    PAIR_HOOK_PORT: String(base + 10 + i),
    DATABASE_URL,
    REDIS_URL,
  },
}));

function redisServer() {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const skip = !PAIR_CTL || !DATABASE_URL || !VAR ? 'needs PAIR_CTL, PAIR_VAR and DATABASE_URL' : !redisServer() ? 'redis-server is not installed' : false;

let redis;

/** Starts (or restarts) the test's own Redis. */
async function startRedis() {
  fs.mkdirSync(path.join(VAR, 'redis'), { recursive: true });
  redis = spawn(redisServer(), ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', path.join(VAR, 'redis')], {
    stdio: 'ignore',
  });
  await poll(
    () =>
      new Promise((resolve) => {
        const c = net.connect(REDIS_PORT, '127.0.0.1');
        c.on('connect', () => {
          c.destroy();
          resolve(true);
        });
        c.on('error', () => resolve(false));
      }),
    { timeout: 10_000, interval: 100, what: 'redis listening' },
  );
  await sleep(200);
}

function ctl(host, command) {
  execFileSync(PAIR_CTL, [command], { env: host.env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
}

async function api(host, method, p, { token, json } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(host.url + p, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, json: body, text };
}

describe('two hosts sharing Redis and PostgreSQL', { skip, concurrency: false }, () => {
  let WebSocket;
  let runChaos;
  let countByClient;

  before(async () => {
    ({ default: WebSocket } = await import('ws'));
    ({ runChaos, countByClient } = await import('../client/chaos.mjs'));
    await startRedis();
    for (const h of hosts) ctl(h, 'start');
    for (const h of hosts) {
      await poll(async () => (await api(h, 'GET', '/healthz')).status === 200, { timeout: 20_000, what: `host ${h.name} healthy` });
    }
  });

  after(() => {
    for (const h of hosts) {
      try {
        ctl(h, 'stop');
      } catch {
        // already down
      }
    }
    redis?.kill('SIGKILL');
  });

  /** A socket on host h that collects messages. */
  function socket(h, roomId, token) {
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws/${roomId}?token=${encodeURIComponent(token)}`);
    const messages = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    ws.on('error', () => {});
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve({ ws, messages }));
      ws.on('unexpected-response', (_, res) => reject(new Error(`refused ${res.statusCode}`)));
    });
  }

  test('clients on both hosts edit one room and converge, nothing lost', { timeout: 120_000 }, async () => {
    const [A, B] = hosts;
    const room = (await api(A, 'POST', '/rooms', { json: { username: 'owner', limit: 10 } })).json;
    const tokens = [room.token];
    for (let i = 1; i < 6; i++) tokens.push((await api(i % 2 ? B : A, 'GET', `/rooms/${room.roomId}?username=editor${i}`)).json.token);
    const onA = tokens.filter((_, i) => i % 2 === 0);
    const onB = tokens.filter((_, i) => i % 2 === 1);
    const common = { roomId: room.roomId, durationMs: 4000, delayMs: [10, 60], dropEveryMs: [300, 900], settleMs: 30_000 };
    const [ra, rb] = await Promise.all([
      runChaos({ ...common, baseUrl: A.url, tokens: onA, seed: 11 }),
      runChaos({ ...common, baseUrl: B.url, tokens: onB, seed: 12 }),
    ]);
    // While nchan reconnects to Redis, a POST can get an answer that is not
    // its own (see the reference client); the client then sends again, as
    // after a lost answer, and the checks below still hold.
    const clients = [...ra.clients, ...rb.clients];
    const edits = [...ra.edits, ...rb.edits];
    // Both runs stop editing before either settles fully; wait until every
    // client holds the final version.
    const final = (await api(A, 'GET', `/rooms/${room.roomId}/document`, { token: room.token })).json;
    await poll(() => clients.every((c) => c.version() === final.version && c.pending() === 0), { timeout: 30_000, what: 'all clients at the final version' });
    const codeA = (await api(A, 'GET', `/rooms/${room.roomId}/code`, { token: room.token })).text;
    const codeB = (await api(B, 'GET', `/rooms/${room.roomId}/code`, { token: tokens[1] })).text;
    assert.equal(codeA, codeB);
    const log = (await api(B, 'GET', `/rooms/${room.roomId}/updates?since=0`, { token: tokens[1] })).json;
    const byClient = countByClient(log.updates);
    clients.forEach((c, i) => {
      assert.equal(c.text(), codeA, `client ${i} has the server's text`);
      assert.equal(byClient.get(c.clientID) || 0, edits[i], `client ${i}'s edits are in the log once`);
    });
    assert.equal(final.version, edits.reduce((s, n) => s + n, 0));
    for (const c of clients) c.close();
  });

  test('presence through host A shows a user connected through host B, and the drop', { timeout: 60_000 }, async () => {
    const [A, B] = hosts;
    const room = (await api(A, 'POST', '/rooms', { json: { username: 'alice', limit: 5 } })).json;
    const alice = await socket(A, room.roomId, room.token);
    const bob = (await api(B, 'GET', `/rooms/${room.roomId}?username=bob`)).json;
    const seen = (online) => alice.messages.some((m) => m.type === 'presence' && m.users.some((u) => u.username === 'bob' && u.online === online));
    const bobSocket = await socket(B, room.roomId, bob.token);
    // Host B has recorded bob's socket (its subscribe hook ran), and A has
    // shown him online.
    const sockets = () =>
      Number(psql(`SELECT count(*) FROM ws_connections w JOIN members m ON m.id = w.member_id WHERE m.room_id = ${sqlLiteral(room.roomId)} AND m.username = 'bob'`));
    await poll(() => sockets() === 1, { timeout: 10_000, what: "bob's socket recorded" });
    await poll(() => seen(true), { timeout: 10_000, what: 'bob online at A' });
    alice.messages.length = 0;
    bobSocket.ws.terminate();
    // The unsubscribe hook, or at worst the reconciliation with nchan's
    // subscribers (every 10 s), takes him offline.
    await poll(() => seen(false), { timeout: 30_000, what: 'bob offline at A after his drop at B' });
    // An update through B reaches A's socket.
    const r = await api(B, 'POST', `/rooms/${room.roomId}/updates`, { token: bob.token, json: { version: 0, updates: [{ clientID: 'b1', changes: [[0, 'hi']] }] } });
    assert.equal(r.status, 200, r.text);
    await poll(() => alice.messages.some((m) => m.type === 'update' && m.clientID === 'b1'), { timeout: 5000, what: 'update from B delivered at A' });
    alice.ws.close();
  });

  test('Redis restarted while clients on both hosts edit: they reconnect, catch up, converge', { timeout: 120_000 }, async () => {
    const [A, B] = hosts;
    const room = (await api(A, 'POST', '/rooms', { json: { username: 'owner', limit: 10 } })).json;
    const tokens = [room.token];
    for (let i = 1; i < 4; i++) tokens.push((await api(i % 2 ? B : A, 'GET', `/rooms/${room.roomId}?username=editor${i}`)).json.token);
    const common = { roomId: room.roomId, durationMs: 5000, delayMs: [10, 60], dropEveryMs: [600, 1200], settleMs: 40_000 };
    const fault = (async () => {
      await sleep(1500);
      redis.kill('SIGKILL');
      await sleep(1000);
      await startRedis();
    })();
    const [ra, rb] = await Promise.all([
      runChaos({ ...common, baseUrl: A.url, tokens: [tokens[0], tokens[2]], seed: 21 }),
      runChaos({ ...common, baseUrl: B.url, tokens: [tokens[1], tokens[3]], seed: 22 }),
      fault,
    ]);
    // A POST can get another request's answer here too (see above).
    const clients = [...ra.clients, ...rb.clients];
    const edits = [...ra.edits, ...rb.edits];
    const final = (await api(A, 'GET', `/rooms/${room.roomId}/document`, { token: room.token })).json;
    // While nchan reconnects to Redis it can also leave a socket open that
    // no longer delivers, which a client that has stopped editing cannot
    // notice: each client asks the server (settle pulls) until it is there.
    const state = () => clients.map((c, i) => `#${i} v${c.version()} pending ${c.pending()} connected ${c.isConnected()} misdirected ${c.misdirected} error ${c.error?.message ?? '-'}`).join('; ');
    await poll(
      async () => {
        await Promise.all(clients.map((c) => c.settle(5000).catch(() => {})));
        return clients.every((c) => c.version() === final.version && c.pending() === 0);
      },
      { timeout: 40_000, what: `all clients at the final version ${final.version}` },
    ).catch((err) => {
      throw new Error(`${err.message}: ${state()}`);
    });
    const code = (await api(B, 'GET', `/rooms/${room.roomId}/code`, { token: tokens[1] })).text;
    clients.forEach((c, i) => assert.equal(c.text(), code, `client ${i} has the server's text`));
    assert.equal(final.version, edits.reduce((s2, n) => s2 + n, 0));
    for (const c of clients) c.close();
  });
});
