// Shared by the benchmarks: small async helpers, and the resource readings
// of the server's processes (CPU and memory of nginx, the app and PostgreSQL
// from /proc, found through the pid files under PAIR_VAR) and of the load
// generator itself.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const SAMPLE_MS = 250; // RSS sampling
const RESCAN_MS = 1000; // process-tree rescan (new PostgreSQL backends, nginx workers)

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Runs fn(item, index) over items with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------
// Server processes: CPU (utime+stime, plus reaped children) and RSS per group

export let CLK_TCK = 100;
export let PAGE = 4096;
try {
  CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  PAGE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
} catch {
  /* the defaults are right on x86-64 Linux */
}

/** Parses /proc/<pid>/stat text: ppid, CPU ticks (own + reaped children), RSS bytes. */
export function parseStat(s) {
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17, rss 24
  return {
    ppid: Number(f[1]),
    ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    rss: Number(f[21]) * PAGE,
  };
}

export function readStat(pid) {
  try {
    return parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return null;
  }
}

export async function readStatAsync(pid) {
  try {
    return parseStat(await fs.promises.readFile(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return null;
  }
}

/** Proportional set size in bytes (shared pages divided among their users), or 0. */
export async function readPssAsync(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(await fs.promises.readFile(`/proc/${pid}/smaps_rollup`, 'latin1'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function readPidFile(file) {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0].trim());
    return Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * nginx (master + workers), the app, PostgreSQL (postmaster + every child):
 * CPU ticks at the start and the end of the window, read synchronously (a few
 * small files), and RSS/PSS peaks sampled in between with asynchronous reads,
 * so that the sampling does not hold up the event loop that timestamps the
 * WebSocket frames.
 */
export class ProcGroups {
  constructor(varDir) {
    const roots = {
      nginx: readPidFile(path.join(varDir, 'run', 'nginx.pid')),
      app: readPidFile(path.join(varDir, 'run', 'app.pid')),
      postgres: readPidFile(path.join(varDir, 'pg', 'postmaster.pid')),
    };
    this.roots = Object.fromEntries(Object.entries(roots).filter(([, pid]) => pid));
    this.members = {};
    this.peak = {};
    this.peakPss = {};
    this.timer = null;
    this.busy = false;
    this.lastScan = 0;
  }

  get available() {
    return Object.keys(this.roots).length > 0;
  }

  /** Every group's pids from a {pid: ppid} map: the root and all its descendants. */
  setMembers(parents) {
    const children = new Map();
    for (const [pid, ppid] of parents) {
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    }
    for (const [group, root] of Object.entries(this.roots)) {
      const all = [root];
      for (let i = 0; i < all.length; i++) for (const c of children.get(all[i]) || []) all.push(c);
      this.members[group] = all;
    }
    this.lastScan = performance.now();
  }

  rescan() {
    const parents = [];
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const st = readStat(name);
      if (st) parents.push([Number(name), st.ppid]);
    }
    this.setMembers(parents);
  }

  async rescanAsync() {
    const names = (await fs.promises.readdir('/proc')).filter((n) => /^\d+$/.test(n));
    const stats = await Promise.all(names.map((n) => readStatAsync(n)));
    this.setMembers(names.map((n, i) => [Number(n), stats[i]?.ppid]).filter(([, ppid]) => ppid !== undefined));
  }

  /** {group: {ticks, rss}} now. A reaped child's CPU is in its parent's cutime/cstime. */
  read() {
    const out = {};
    for (const [group, pids] of Object.entries(this.members)) {
      let ticks = 0;
      let rss = 0;
      for (const pid of pids) {
        const st = readStat(pid);
        if (!st) continue;
        ticks += st.ticks;
        rss += st.rss;
      }
      out[group] = { ticks, rss };
      this.peak[group] = Math.max(this.peak[group] || 0, rss);
    }
    return out;
  }

  async sampleAsync(withPss) {
    for (const [group, pids] of Object.entries(this.members)) {
      const stats = await Promise.all(pids.map((pid) => readStatAsync(pid)));
      this.peak[group] = Math.max(this.peak[group] || 0, stats.reduce((a, st) => a + (st ? st.rss : 0), 0));
      if (withPss) {
        const pss = await Promise.all(pids.map((pid) => readPssAsync(pid)));
        this.peakPss[group] = Math.max(this.peakPss[group] || 0, pss.reduce((a, b) => a + b, 0));
      }
    }
  }

  start() {
    if (!this.available) return;
    this.rescan();
    this.begin = this.read();
    this.timer = setInterval(async () => {
      if (this.busy) return;
      this.busy = true;
      try {
        const due = performance.now() - this.lastScan >= RESCAN_MS;
        if (due) await this.rescanAsync();
        await this.sampleAsync(due || Object.keys(this.peakPss).length === 0);
      } catch {
        /* a process came or went: the next sample will do */
      }
      this.busy = false;
    }, SAMPLE_MS);
  }

  /** Stops sampling; returns the resource fields for `wall` seconds, or null. */
  /** `perSecond` events of kind `unit` (updates, cursors) give the cost per 1,000 a second. */
  stop(wall, perSecond, unit = 'updates') {
    if (!this.available || !this.begin) return null;
    clearInterval(this.timer);
    const end = this.read(); // members from the last rescan (at most RESCAN_MS old)
    const out = {};
    let total = 0;
    for (const g of Object.keys(this.roots)) {
      if (!end[g] || !this.begin[g]) continue;
      const cpu = Math.max(0, end[g].ticks - this.begin[g].ticks) / CLK_TCK;
      total += cpu;
      out[g] = {
        cpu_s: round(cpu, 3),
        cores: round(cpu / wall, 3),
        rss_peak_mib: round(this.peak[g] / 1048576, 1),
        pss_peak_mib: this.peakPss[g] ? round(this.peakPss[g] / 1048576, 1) : null,
        processes: this.members[g].length,
      };
    }
    const cores = total / wall;
    return {
      server: out,
      server_cpu_s: round(total, 3),
      server_cores: round(cores, 3),
      [`cores_per_1000_${unit}_per_s`]: perSecond > 0 ? round(cores / (perSecond / 1000), 3) : null,
    };
  }
}

/** The whole machine's busy CPU ticks (all cores) from /proc/stat, or null. */
export function machineTicks() {
  try {
    const f = fs.readFileSync('/proc/stat', 'latin1').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    // user nice system idle iowait irq softirq steal
    return f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
  } catch {
    return null;
  }
}

/** This process's main thread: [ns on a CPU, ns runnable but waiting for one] from /proc/self/schedstat, or null. */
export function schedstat() {
  try {
    const f = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'latin1').trim().split(' ').map(Number);
    return [f[0], f[1]];
  } catch {
    return null;
  }
}

/** The generator's event-loop lag: how late a 20 ms timer fires, sampled through the window. */
export class LoopLag {
  start() {
    this.samples = [];
    let expected = performance.now() + 20;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.samples.push(Math.max(0, now - expected));
      expected = now + 20;
    }, 20);
  }

  stop() {
    clearInterval(this.timer);
    return percentiles(this.samples);
  }
}

const SATURATED = 0.85; // of one core, or of the window runnable: generator_saturated
const LAG_LIMIT_MS = 10; // generator_lagging when the event loop's p99 lag exceeds this

/**
 * What the load generator itself used over a measured window: its CPU, its
 * main thread's time runnable and waiting for a CPU, its event-loop lag, and
 * the machine's busy cores. start(), then stop() → the window's readings.
 */
export class GeneratorWindow {
  start() {
    this.loop = new LoopLag();
    this.loop.start();
    this.cpu0 = process.cpuUsage();
    this.machine0 = machineTicks();
    this.sched0 = schedstat();
    this.t0 = performance.now();
  }

  stop() {
    const wall = (performance.now() - this.t0) / 1000;
    const gcpu = process.cpuUsage(this.cpu0);
    const machine1 = machineTicks();
    const sched1 = schedstat();
    const lag = this.loop.stop();
    const s0 = this.sched0;
    return {
      wall,
      generatorCores: (gcpu.user + gcpu.system) / 1e6 / wall,
      machineCores: this.machine0 !== null && machine1 !== null ? (machine1 - this.machine0) / CLK_TCK / wall : null,
      waitShare: s0 && sched1 ? (sched1[1] - s0[1]) / 1e9 / wall : null,
      wantShare: s0 && sched1 ? (sched1[0] - s0[0] + sched1[1] - s0[1]) / 1e9 / wall : null,
      lagP99: lag.p99,
      lagMax: lag.max,
    };
  }
}

/** The generator_* and machine_* fields of a result line, from GeneratorWindow.stop(). */
export function generatorFields(w) {
  return {
    generator_cpu_s: round(w.generatorCores * w.wall, 3),
    generator_cores: round(w.generatorCores, 3),
    // Saturated: it used more than 85 % of a core, or its main thread was
    // runnable (on a CPU or waiting for one) more than 85 % of the window.
    generator_saturated: w.generatorCores > SATURATED || (w.wantShare !== null && w.wantShare > SATURATED),
    generator_loop_lag_p99_ms: w.lagP99,
    generator_loop_lag_max_ms: w.lagMax,
    generator_lagging: w.lagP99 !== null && w.lagP99 > LAG_LIMIT_MS,
    generator_runnable: round(w.wantShare, 3),
    generator_runqueue_wait: round(w.waitShare, 3),
    machine_cores: os.availableParallelism(),
    machine_cores_busy: round(w.machineCores, 3),
  };
}

/** Closes a WebSocket cleanly, or terminates it after 2 s; resolves when closed. */
export function closeSocket(ws) {
  return new Promise((resolve) => {
    if (!ws || ws.readyState === ws.CLOSED) return resolve();
    const t = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 2000);
    ws.once('close', () => {
      clearTimeout(t);
      resolve();
    });
    if (ws.readyState === ws.CONNECTING) ws.terminate();
    else ws.close(1000);
  });
}

// ---------------------------------------------------------------------------
// Numbers

export function round(x, digits = 1) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** p50, p95, p99 and max of a list of milliseconds, rounded to 0.01. */
export function percentiles(values) {
  const a = Float64Array.from(values).sort();
  const at = (p) => (a.length === 0 ? null : round(a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))], 2));
  return { p50: at(50), p95: at(95), p99: at(99), max: a.length ? round(a[a.length - 1], 2) : null };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The server to load: the URL in environment variable `name` (or fallback
 * when it is unset), which must be http:// on this machine's loopback;
 * anything else ends the benchmark through die(message).
 */
export function loopbackUrl(name, fallback, die) {
  const text = process.env[name] || fallback;
  if (!text) die(`set ${name}, e.g. ${name}=http://127.0.0.1:8080`);
  let url;
  try {
    url = new URL(text);
  } catch {
    die(`${name} is not a URL: ${text}`);
  }
  if (url.protocol !== 'http:') die(`${name} must be http://`);
  if (!LOOPBACK_HOSTS.has(url.hostname)) die(`refusing to load ${url.hostname}: only 127.0.0.1, localhost or ::1`);
  return url;
}

/**
 * Parses `--name value` and `--name=value` options into an object; `--help`
 * prints usage and exits. die(message) is called on anything else, an
 * option not among `known` included.
 */
export function parseArgs(argv, usage, die, known) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) die(`unexpected argument ${argv[i]}`);
    if (m[1] === 'help') {
      process.stderr.write(usage.endsWith('\n') ? usage : `${usage}\n`);
      process.exit(0);
    }
    if (!known.includes(m[1])) die(`unknown option --${m[1]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) die(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

/** Option `name` of parsed args as a number from min to max (fallback when absent). */
export function numberArg(args, name, fallback, min, max, die) {
  if (args[name] === undefined) return fallback;
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n < min || n > max) die(`--${name} must be a number from ${min} to ${max}, not ${args[name]}`);
  return n;
}

/**
 * One HTTP request to target {host, port, prefix, agent} (agent false: a
 * fresh connection). Never rejects: resolves {status, body, ms, started},
 * status being 'ERR:<code>' on a network error or timeout.
 */
export function httpRequest(target, method, p, { token, json, timeout = 10_000, headers: extra = {} } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers = { ...extra };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(body.length);
    }
    let done = false;
    const finish = (status, text) => {
      if (done) return;
      done = true;
      resolve({ status, body: text, ms: performance.now() - started, started });
    };
    const req = http.request(
      { host: target.host, port: target.port, method, path: (target.prefix || '') + p, headers, agent: target.agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => finish(res.statusCode, Buffer.concat(chunks).toString('utf8')));
        res.on('error', (err) => finish(`ERR:${err.code || err.message}`, ''));
      },
    );
    req.setTimeout(timeout, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err) => finish(`ERR:${err.code || err.message}`, ''));
    req.end(body);
  });
}

/**
 * One kept-alive HTTP/1.1 connection carrying one request at a time, for a
 * benchmark's hot path: it writes the request in one piece and reads the
 * answer by its Content-Length (or chunks), without node:http's request,
 * agent and header objects, which cost the load generator about half of its
 * CPU in the collaboration benchmark. It answers like httpRequest:
 * {status, body, ms, started}, status "ERR:<code>" on a failure; a failed
 * or timed-out connection is closed and the next request opens a new one.
 */
export class HttpConnection {
  constructor(target) {
    this.target = target;
    this.socket = null;
    this.buf = null;
    this.pending = null; // {resolve, started, timer}
  }

  request(method, p, { token, json, timeout = 10_000 } = {}) {
    return new Promise((resolve) => {
      if (this.pending) throw new Error('HttpConnection: one request at a time');
      const started = performance.now();
      const body = json === undefined ? '' : JSON.stringify(json);
      const host = this.target.host.includes(':') ? `[${this.target.host}]` : this.target.host;
      let head = `${method} ${(this.target.prefix || '') + p} HTTP/1.1\r\nHost: ${host}:${this.target.port}\r\n`;
      if (token) head += `Authorization: Bearer ${token}\r\n`;
      if (json !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
      this.pending = { resolve, started, timer: setTimeout(() => this.fail('TIMEOUT'), timeout) };
      this.buf = null;
      if (this.socket === null) this.open();
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  open() {
    const s = net.connect({ host: this.target.host, port: this.target.port, noDelay: true });
    this.socket = s;
    s.on('data', (chunk) => {
      if (s !== this.socket) return;
      this.buf = this.buf === null ? chunk : Buffer.concat([this.buf, chunk]);
      this.parse();
    });
    s.on('error', (err) => {
      if (s === this.socket) this.fail(err.code || err.message);
    });
    s.on('close', () => {
      if (s === this.socket) this.fail('ECONNRESET');
    });
  }

  /** Resolves the request once its whole answer is in the buffer. */
  parse() {
    const buf = this.buf;
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body;
    if (length) {
      const n = Number(length[1]);
      if (buf.length < end + 4 + n) return;
      body = buf.toString('utf8', end + 4, end + 4 + n);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts = [];
      let at = end + 4;
      for (;;) {
        const eol = buf.indexOf('\r\n', at);
        if (eol < 0) return;
        const size = parseInt(buf.toString('latin1', at, eol), 16);
        if (buf.length < eol + 2 + size + 2) return;
        if (size === 0) break;
        parts.push(buf.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      return this.fail('NO_LENGTH');
    }
    const { resolve, started, timer } = this.pending;
    clearTimeout(timer);
    this.pending = null;
    this.buf = null;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    resolve({ status, body, ms: performance.now() - started, started });
  }

  fail(code) {
    this.close();
    if (!this.pending) return;
    const { resolve, started, timer } = this.pending;
    clearTimeout(timer);
    this.pending = null;
    resolve({ status: `ERR:${code}`, body: '', ms: performance.now() - started, started });
  }

  close() {
    if (this.socket) this.socket.destroy();
    this.socket = null;
    this.buf = null;
  }
}
