#!/usr/bin/env node
// REST benchmark for Pair: a few bounded scenarios against a running stack on
// this machine, one JSON line per scenario on stdout.
//
//   PAIR_URL=http://127.0.0.1:8080 node tests/bench/rest.mjs [--wrk]
//
// Environment (all optional):
//   BENCH_SECONDS       measured time per scenario (default 3)
//   BENCH_WARMUP        warm-up time per scenario, not measured (default 0.5)
//   BENCH_CONCURRENCY   requests in flight at once (default 32)
//   BENCH_SCENARIOS     comma-separated subset of: healthz,join,document
// --wrk: also measure GET /healthz with wrk, when wrk is installed.
//
// Loopback only: a PAIR_URL whose host is not 127.0.0.1, localhost or ::1 is
// refused. Every loop stops at its deadline, and at MAX_REQUESTS in any case.

import { execFileSync, spawnSync } from 'node:child_process';
import http from 'node:http';
import { loopbackUrl } from './lib.mjs';

const MAX_REQUESTS = 2_000_000; // per scenario, whatever the clock says

function die(message) {
  console.error(`rest.mjs: ${message}`);
  process.exit(2);
}

function numberEnv(name, fallback, { min, max }) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) die(`${name} must be a number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

const SECONDS = numberEnv('BENCH_SECONDS', 3, { min: 0.1, max: 60 });
const WARMUP = numberEnv('BENCH_WARMUP', 0.5, { min: 0, max: 10 });
const CONCURRENCY = Math.floor(numberEnv('BENCH_CONCURRENCY', 32, { min: 1, max: 256 }));
const SCENARIOS = (process.env.BENCH_SCENARIOS || 'healthz,join,document').split(',').map((s) => s.trim()).filter(Boolean);

const base = loopbackUrl('PAIR_URL', null, die);
const prefix = base.pathname.replace(/\/+$/, '');

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });

/** One request over the keep-alive agent; resolves {status, body, ms}. */
function request(method, path, { headers = {}, json } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const h = { ...headers };
    if (body) {
      h['Content-Type'] = 'application/json';
      h['Content-Length'] = String(body.length);
    }
    const req = http.request(
      { host: base.hostname.replace(/^\[|\]$/g, ''), port: base.port || 80, method, path: prefix + path, headers: h, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms });
        });
        res.on('error', (err) => resolve({ status: `ERR:${err.code || err.message}`, body: '', ms: 0 }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: `ERR:${err.code || err.message}`, body: '', ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 1000) / 1000;
}

/**
 * Runs `step(worker)` in CONCURRENCY parallel loops for `seconds`. A step
 * resolves {ok, status, ms}: ms is the latency of the request being measured.
 */
async function drive(step, seconds) {
  const deadline = Date.now() + seconds * 1000;
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let count = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (Date.now() < deadline && count < MAX_REQUESTS) {
        count++;
        const r = await step(worker);
        statuses[r.status] = (statuses[r.status] || 0) + 1;
        if (r.ok) latencies.push(r.ms);
        else errors++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, statuses, errors, count, elapsed };
}

async function scenario(name, description, step, extra = () => ({})) {
  if (WARMUP > 0) await drive(step, WARMUP);
  const before = extra();
  const { latencies, statuses, errors, count, elapsed } = await drive(step, SECONDS);
  latencies.sort((a, b) => a - b);
  const line = {
    scenario: name,
    what: description,
    seconds: Math.round(elapsed * 1000) / 1000,
    concurrency: CONCURRENCY,
    requests: count,
    rps: Math.round((count / elapsed) * 10) / 10,
    p50_ms: percentile(latencies, 50),
    p90_ms: percentile(latencies, 90),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.length ? Math.round(latencies[latencies.length - 1] * 1000) / 1000 : null,
    errors,
    statuses,
    ...extra(before),
  };
  console.log(JSON.stringify(line));
  return line;
}

// ---------------------------------------------------------------------------
// Set-up helpers (fail loudly: a benchmark on a broken stack means nothing)

async function mustCreateRoom(username, limit) {
  const res = await request('POST', `/rooms?username=${encodeURIComponent(username)}&limit=${limit}`);
  if (res.status !== 201) die(`could not create a room: ${res.status} ${res.body.slice(0, 200)}`);
  return JSON.parse(res.body);
}

const tag = Date.now().toString(36);

// ---------------------------------------------------------------------------
// Scenarios

async function healthz() {
  return scenario('healthz', 'GET /healthz', async () => {
    const r = await request('GET', '/healthz');
    return { ok: r.status === 200, status: r.status, ms: r.ms };
  });
}

/**
 * Joins in steady state: rooms of limit 20 with at most 8 workers each; every
 * worker joins under its own name, then leaves so the seat and the name are
 * free for its next join. Only the joins are measured; the leaves are
 * reported apart.
 */
async function join() {
  const roomCount = Math.ceil(CONCURRENCY / 8);
  const rooms = [];
  for (let i = 0; i < roomCount; i++) rooms.push(await mustCreateRoom(`owner${i}`, 20));
  const leaveMs = [];
  let leaveErrors = 0;
  return scenario(
    'join',
    'GET /rooms/{id}?username= (each join followed by POST /rooms/{id}/leave, not counted)',
    async (worker) => {
      const room = rooms[worker % roomCount];
      const name = `b${tag}w${worker}`;
      const r = await request('GET', `/rooms/${room.roomId}?username=${name}`);
      if (r.status !== 200) return { ok: false, status: r.status, ms: r.ms };
      const { token } = JSON.parse(r.body);
      const l = await request('POST', `/rooms/${room.roomId}/leave`, { headers: { Authorization: `Bearer ${token}` } });
      if (l.status === 204) leaveMs.push(l.ms);
      else leaveErrors++;
      return { ok: true, status: r.status, ms: r.ms };
    },
    (before) => {
      if (!before) return { leaveMs: leaveMs.length, leaveErrors };
      const measured = leaveMs.slice(before.leaveMs).sort((a, b) => a - b);
      return { leave_p50_ms: percentile(measured, 50), leave_p99_ms: percentile(measured, 99), leave_errors: leaveErrors - before.leaveErrors };
    },
  );
}

/** Reads a ~4 KB document (at version 3) from a few rooms. */
async function document() {
  const rooms = [];
  const line = 'def handler(request):  # ünïcödé 日本 😀\n    return {"status": 200, "body": request.body}\n';
  for (let i = 0; i < 4; i++) {
    const room = await mustCreateRoom(`owner${i}`, 5);
    for (let v = 1; v <= 3; v++) {
      const code = line.repeat(15 * v);
      const res = await request('POST', '/rooms/save', {
        headers: { Authorization: `Bearer ${room.token}` },
        json: { roomId: room.roomId, code, username: `owner${i}` },
      });
      if (res.status !== 200) die(`could not save code: ${res.status} ${res.body.slice(0, 200)}`);
    }
    rooms.push(room);
  }
  return scenario('document', 'GET /rooms/{id}/document (Bearer token)', async (worker) => {
    const room = rooms[worker % rooms.length];
    const r = await request('GET', `/rooms/${room.roomId}/document`, { headers: { Authorization: `Bearer ${room.token}` } });
    return { ok: r.status === 200, status: r.status, ms: r.ms };
  });
}

/** GET /healthz with wrk, if installed: same concurrency and duration. */
function wrkHealthz() {
  if (spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status !== 0) {
    console.error('rest.mjs: --wrk given but wrk is not installed; skipped');
    return;
  }
  const url = `${base.origin}${prefix}/healthz`;
  const out = execFileSync('wrk', ['-t2', `-c${CONCURRENCY}`, `-d${Math.max(1, Math.round(SECONDS))}s`, '--latency', url], {
    encoding: 'utf8',
    timeout: (SECONDS + 30) * 1000,
  });
  const toMs = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit] ?? NaN);
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? Math.round(toMs(m[1], m[2]) * 1000) / 1000 : null;
  };
  const num = (re) => Number(re.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const requests = num(/(\d+) requests in/);
  const errors = num(/Non-2xx or 3xx responses: (\d+)/) + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  console.log(
    JSON.stringify({
      scenario: 'healthz-wrk',
      what: 'GET /healthz with wrk -t2',
      concurrency: CONCURRENCY,
      requests,
      rps: num(/Requests\/sec:\s+([\d.]+)/),
      p50_ms: pct(50),
      p90_ms: pct(90),
      p99_ms: pct(99),
      errors,
    }),
  );
}

// ---------------------------------------------------------------------------

const all = { healthz, join, document };
for (const name of SCENARIOS) if (!all[name]) die(`unknown scenario ${name}; known: ${Object.keys(all).join(', ')}`);

const probe = await request('GET', '/healthz');
if (probe.status !== 200) die(`GET /healthz answered ${probe.status}; is the stack running at ${base.origin}?`);

for (const name of SCENARIOS) await all[name]();
if (process.argv.includes('--wrk')) wrkHealthz();
agent.destroy();
