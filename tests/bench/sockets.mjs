#!/usr/bin/env node
// Memory per connected WebSocket: RSS and PSS of nginx (master + workers), the
// app and PostgreSQL (postmaster + every backend) with 0 bench sockets, then
// with N idle subscribers (R rooms x U users, each holding /ws/{room}), once
// every one of them is registered as subscribed (ws_connections in the
// database, when DATABASE_URL is given and psql is installed; otherwise after
// the resident sizes have stopped growing). Reports (mem_N - mem_0) / N in KiB
// per group. Runs RUNS times in one process (one JSON line each) and prints a
// `median` line. Progress on stderr.
//
//   PAIR_URL=http://127.0.0.1:8080 PAIR_VAR=var DATABASE_URL=postgresql:///pair?host=var/run\&port=5488\&user=pair \
//     node tests/bench/sockets.mjs [--rooms 100] [--users 20] [--runs 3]
//
// Loopback only; every phase is bounded; a watchdog ends the process.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { parseJson, sleep, pool, withTimeout, readStat, readPssAsync, readPidFile, round, parseArgs, numberArg, httpRequest, closeSocket, loopbackUrl } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (m) => process.stderr.write(`sockets.mjs: ${m}\n`);
const die = (m, code = 2) => {
  log(m);
  process.exit(code);
};
setTimeout(() => die('watchdog: still running after 10 min', 3), 10 * 60_000).unref();

const args = parseArgs(process.argv.slice(2), 'usage: sockets.mjs [--rooms R] [--users U] [--runs N]', die, ['rooms', 'users', 'runs']);
const ROOMS = numberArg(args, 'rooms', 100, 1, 1000, die);
const USERS = numberArg(args, 'users', 20, 1, 20, die);
const RUNS = numberArg(args, 'runs', 3, 1, 10, die);
const N = ROOMS * USERS;

const base = loopbackUrl('PAIR_URL', 'http://127.0.0.1:8080', die);
const HOST = base.hostname.replace(/^\[|\]$/g, '');
const PORT = Number(base.port || 80);
const WS_BASE = `ws://${base.host}`;
const PAIR_VAR = path.resolve(process.env.PAIR_VAR || path.join(REPO, 'var'));
const DATABASE_URL = process.env.DATABASE_URL || '';
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(method, p, { token, json, timeout = 10_000 } = {}) {
  return httpRequest({ host: HOST, port: PORT, agent }, method, p, { token, json, timeout });
}

// ---- memory of the three process groups

function groups() {
  const roots = {
    nginx: readPidFile(path.join(PAIR_VAR, 'run', 'nginx.pid')),
    app: readPidFile(path.join(PAIR_VAR, 'run', 'app.pid')),
    postgres: readPidFile(path.join(PAIR_VAR, 'pg', 'postmaster.pid')),
  };
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(name);
    if (!st) continue;
    if (!children.has(st.ppid)) children.set(st.ppid, []);
    children.get(st.ppid).push(Number(name));
  }
  const out = {};
  for (const [g, root] of Object.entries(roots)) {
    if (!root) continue;
    const all = [root];
    for (let i = 0; i < all.length; i++) for (const c of children.get(all[i]) || []) all.push(c);
    out[g] = all;
  }
  return out;
}

async function memory() {
  const out = {};
  for (const [g, pids] of Object.entries(groups())) {
    let rss = 0;
    let pss = 0;
    for (const pid of pids) {
      const st = readStat(pid);
      if (st) rss += st.rss;
      pss += await readPssAsync(pid);
    }
    out[g] = { rss, pss, processes: pids.length };
  }
  return out;
}

function subscribedCount(prefix) {
  if (!DATABASE_URL) return null;
  try {
    const out = execFileSync(
      'psql',
      [DATABASE_URL, '-Atc', `SELECT count(*) FROM ws_connections w JOIN members m ON m.id = w.member_id WHERE m.room_id LIKE '${prefix}%'`],
      { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return Number(out.trim());
  } catch {
    return null;
  }
}

/** Waits until `n` sockets of the run are registered (or, without psql, until nginx's RSS is stable for 1 s); at most 60 s. */
async function waitSubscribed(prefix, n) {
  const t0 = performance.now();
  let last = -1;
  let stableSince = performance.now();
  while (performance.now() - t0 < 60_000) {
    const c = subscribedCount(prefix);
    if (c !== null) {
      if (c >= n) return { subscribed: c, how: 'ws_connections', wait_s: round((performance.now() - t0) / 1000, 2) };
      if (c !== last) log(`  ${c}/${n} subscribed`);
      last = c;
    } else {
      const m = await memory();
      const rss = m.nginx?.rss ?? 0;
      if (rss !== last) {
        last = rss;
        stableSince = performance.now();
      } else if (performance.now() - stableSince > 1000 && performance.now() - t0 > 3000) {
        return { subscribed: null, how: 'rss_stable', wait_s: round((performance.now() - t0) / 1000, 2) };
      }
    }
    await sleep(250);
  }
  return { subscribed: subscribedCount(prefix), how: 'timeout', wait_s: 60 };
}

const RUN_TAG = Date.now().toString(36).slice(-6);

async function oneRun(run) {
  const prefix = `sock-${RUN_TAG}${run}-`;
  await sleep(2000); // let the previous run's unsubscribe hooks and leaves pass
  const m0 = await memory();
  log(`run ${run}: baseline nginx ${round(m0.nginx?.rss / 1048576, 1)} MiB RSS; creating ${ROOMS} rooms × ${USERS} users`);
  const tokens = [];
  const failures = [];
  await pool([...Array(ROOMS).keys()], 16, async (r) => {
    const res = await request('POST', '/rooms', { json: { username: `s${r}u0`, limit: USERS, roomId: `${prefix}${r}` } });
    const body = parseJson(res.body);
    if (res.status !== 201 || !body?.token) return failures.push(`POST /rooms ${res.status} ${res.body.slice(0, 120)}`);
    tokens.push([`${prefix}${r}`, body.token]);
  });
  const joins = [];
  for (let r = 0; r < ROOMS; r++) for (let u = 1; u < USERS; u++) joins.push([r, u]);
  await pool(joins, 32, async ([r, u]) => {
    const res = await request('GET', `/rooms/${prefix}${r}?username=s${r}u${u}`);
    const body = parseJson(res.body);
    if (res.status !== 200 || !body?.token) return failures.push(`join ${res.status} ${res.body.slice(0, 120)}`);
    tokens.push([`${prefix}${r}`, body.token]);
  });
  if (failures.length) log(`run ${run}: ${failures.length} set-up failure(s), e.g. ${failures[0]}`);
  const sockets = [];
  let wsFailed = 0;
  const t0 = performance.now();
  await pool(tokens, 64, ([room, token]) =>
    new Promise((resolve) => {
      const ws = new WebSocket(`${WS_BASE}/ws/${room}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false, handshakeTimeout: 10_000 });
      ws.on('open', () => {
        sockets.push(ws);
        resolve();
      });
      ws.on('message', () => {});
      ws.on('error', () => {
        wsFailed++;
        resolve();
      });
      ws.on('unexpected-response', (_q, res) => {
        wsFailed++;
        res.resume();
        ws.terminate();
        resolve();
      });
    }),
  );
  log(`run ${run}: ${sockets.length} socket(s) open in ${round((performance.now() - t0) / 1000, 1)} s (${wsFailed} failed); waiting for subscriptions`);
  const sub = await waitSubscribed(prefix, sockets.length);
  await sleep(1000);
  const m1 = await memory();
  const n = sockets.length;
  const line = { scenario: 'sockets', run, rooms: ROOMS, users: USERS, sockets: n, ws_failed: wsFailed, setup_failures: failures.length, ...sub, open_s: round((performance.now() - t0) / 1000, 2) };
  for (const g of Object.keys(m1)) {
    const a = m0[g] || { rss: 0, pss: 0 };
    line[g] = {
      rss_0_mib: round(a.rss / 1048576, 1),
      rss_n_mib: round(m1[g].rss / 1048576, 1),
      pss_0_mib: round(a.pss / 1048576, 1),
      pss_n_mib: round(m1[g].pss / 1048576, 1),
      rss_kib_per_socket: n ? round((m1[g].rss - a.rss) / 1024 / n, 2) : null,
      pss_kib_per_socket: n ? round((m1[g].pss - a.pss) / 1024 / n, 2) : null,
      processes: m1[g].processes,
    };
  }
  console.log(JSON.stringify(line));
  // teardown
  await pool(sockets, 256, closeSocket);
  await pool(tokens, 32, ([room, token]) => request('POST', `/rooms/${room}/leave`, { token, timeout: 5000 }));
  return line;
}

const probe = await request('GET', '/healthz', { timeout: 5000 });
if (probe.status !== 200) die(`GET /healthz answered ${probe.status}`);
if (!DATABASE_URL) log('DATABASE_URL not set: waiting for RSS to settle instead of counting ws_connections');
const lines = [];
for (let run = 1; run <= RUNS; run++) lines.push(await withTimeout(oneRun(run), 180_000, `run ${run}`));
const med = (xs) => {
  const a = xs.filter((x) => x !== null && x !== undefined).sort((p, q) => p - q);
  return a.length ? a[Math.floor((a.length - 1) / 2)] : null;
};
const summary = { scenario: 'sockets-median', runs: RUNS, sockets: N };
for (const g of ['nginx', 'app', 'postgres']) {
  if (!lines.some((l) => l[g])) continue;
  summary[g] = {
    rss_kib_per_socket: med(lines.map((l) => l[g]?.rss_kib_per_socket)),
    pss_kib_per_socket: med(lines.map((l) => l[g]?.pss_kib_per_socket)),
    // Run 1 pays for first use (allocator pools, shared-memory pages touched for the first time);
    // later runs reuse what the process kept after the previous run's sockets closed.
    first_run_rss_kib_per_socket: lines[0]?.[g]?.rss_kib_per_socket ?? null,
    first_run_pss_kib_per_socket: lines[0]?.[g]?.pss_kib_per_socket ?? null,
    rss_0_mib_per_run: lines.map((l) => l[g]?.rss_0_mib ?? null),
  };
}
console.log(JSON.stringify(summary));
agent.destroy();
process.exit(0);
