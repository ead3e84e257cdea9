#!/usr/bin/env node
// Time to recover after a fault: 4 users of one room keep editing (each loops:
// POST /rooms/{id}/updates inserting "a" at position 0 against the version it
// knows, learning the current version from the 200 or 409 body; 20 ms between
// attempts; 2 s timeout per request), a fault is triggered through pairctl,
// and we measure from the moment the fault starts to the first acknowledged
// (200) update of a POST sent after the fault took hold (after the stop
// command returned). `net_ms` subtracts the deliberate downtime (the 2 s
// between pg-stop and pg-start). Faults: app-crash (SIGKILL, the supervisor
// restarts it), app-restart (app-stop + app-start), pg-restart (pg-stop, 2 s,
// pg-start), nginx-restart (nginx-stop + nginx-start). RUNS runs per fault,
// one JSON line each, then one `recovery-median` line per fault.
//
// It drives the stack through scripts/pairctl, so run it with the same
// environment the stack was started with (PAIR_VAR, PORT, PAIR_PG_PORT,
// PAIR_HOOK_PORT, DATABASE_URL, REDIS_URL, PAIR_APP_BIN):
//
//   PAIR_VAR=/tmp/s PORT=38080 PAIR_PG_PORT=35488 PAIR_HOOK_PORT=38091 node tests/bench/recovery.mjs [--runs 3] [--faults app-crash,pg-restart]
//
// Loopback only (PAIR_URL defaults to http://127.0.0.1:$PORT). Bounded: every
// run gives up 30 s after its fault; a watchdog ends the process.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseJson, sleep, round, parseArgs, numberArg, httpRequest, loopbackUrl } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAIRCTL = process.env.PAIR_CTL || path.join(REPO, 'scripts', 'pairctl');
const log = (m) => process.stderr.write(`recovery.mjs: ${m}\n`);
const die = (m, code = 2) => {
  log(m);
  process.exit(code);
};
setTimeout(() => die('watchdog: still running after 15 min', 3), 15 * 60_000).unref();

const args = parseArgs(process.argv.slice(2), 'usage: recovery.mjs [--runs N] [--faults a,b]', die, ['runs', 'faults']);
const RUNS = numberArg(args, 'runs', 3, 1, 10, die);
const ALL_FAULTS = ['app-crash', 'app-restart', 'pg-restart', 'nginx-restart'];
const FAULTS = (args.faults || ALL_FAULTS.join(',')).split(',');
for (const f of FAULTS) if (!ALL_FAULTS.includes(f)) die(`unknown fault ${f}; known: ${ALL_FAULTS.join(', ')}`);
const USERS = 4;
const PAUSE_MS = 20;
const REQ_TIMEOUT_MS = 2000;
const GIVE_UP_MS = 30_000;
const PG_DOWN_MS = 2000;

const base = loopbackUrl('PAIR_URL', `http://127.0.0.1:${process.env.PORT || 8080}`, die);
const HOST = base.hostname.replace(/^\[|\]$/g, '');
const PORT = Number(base.port || 80);

// A fresh connection each time: no stale keep-alive across an nginx restart.
function request(method, p, { token, json, timeout = REQ_TIMEOUT_MS } = {}) {
  return httpRequest({ host: HOST, port: PORT, agent: false }, method, p, { token, json, timeout, headers: { Connection: 'close' } });
}

function ctl(command) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(PAIRCTL, [command], { env: process.env, timeout: 60_000 }, (err, _out, stderr) => {
      if (err) log(`pairctl ${command} failed: ${err.message.split('\n')[0]} ${String(stderr).slice(-200)}`);
      resolve({ ok: !err, ms: performance.now() - t0 });
    });
  });
}

const RUN_TAG = Date.now().toString(36).slice(-6);
let roomCounter = 0;

/** A fresh room of USERS users; resolves {id, tokens, version, length}. */
async function makeRoom() {
  const id = `rec-${RUN_TAG}-${++roomCounter}`;
  const r = await request('POST', '/rooms', { json: { username: 'rec0', limit: USERS, roomId: id }, timeout: 10_000 });
  const b = parseJson(r.body);
  if (r.status !== 201 || !b?.token) throw new Error(`POST /rooms ${r.status} ${r.body.slice(0, 200)}`);
  const tokens = [b.token];
  for (let u = 1; u < USERS; u++) {
    const j = await request('GET', `/rooms/${id}?username=rec${u}`, { timeout: 10_000 });
    const jb = parseJson(j.body);
    if (j.status !== 200 || !jb?.token) throw new Error(`join ${j.status} ${j.body.slice(0, 200)}`);
    tokens.push(jb.token);
  }
  return { id, tokens, version0: b.version ?? 0, length0: (b.code ?? '').length };
}

/**
 * The editors: every user loops until `stop`. `known` is the newest version
 * any answer told us; the document's length is length0 + (version - version0)
 * since every update inserts exactly one "a".
 */
function startEditors(room, S) {
  let known = room.version0;
  const loops = room.tokens.map(async (token, u) => {
    let seq = 0;
    while (!S.stop) {
      const v = known;
      const len = room.length0 + (v - room.version0);
      const changes = len > 0 ? [[0, 'a'], len] : [[0, 'a']];
      const sentAt = performance.now();
      const clientID = `r${u}-${++seq}`;
      const res = await request('POST', `/rooms/${room.id}/updates`, { token, json: { version: v, updates: [{ clientID, changes }] } });
      const now = performance.now();
      const b = parseJson(res.body);
      if (res.status === 200) {
        S.accepted++;
        S.acked.add(clientID);
        if (Number.isInteger(b?.version) && b.version > known) known = b.version;
        S.onAck(sentAt, now);
      } else {
        if (res.status === 409) {
          S.conflicts++;
          if (Number.isInteger(b?.version) && b.version > known) known = b.version;
        } else {
          S.failures++;
          S.failureKinds[res.status] = (S.failureKinds[res.status] || 0) + 1;
          if (S.firstFailure === null && S.faultAt !== null) S.firstFailure = now;
        }
      }
      await sleep(PAUSE_MS);
    }
  });
  return Promise.all(loops);
}

async function oneRun(fault, run) {
  const room = await makeRoom();
  const S = { stop: false, acked: new Set(), accepted: 0, conflicts: 0, failures: 0, failureKinds: {}, faultAt: null, heldAt: null, firstFailure: null, recoveredAt: null, ackAfterFault: null };
  let recovered;
  const recoveredP = new Promise((r) => (recovered = r));
  S.onAck = (sentAt, now) => {
    if (S.faultAt !== null && S.ackAfterFault === null && now >= S.faultAt) S.ackAfterFault = now;
    if (S.heldAt !== null && S.recoveredAt === null && sentAt >= S.heldAt) {
      S.recoveredAt = now;
      recovered();
    }
  };
  const editors = startEditors(room, S);
  await sleep(1000); // steady state
  const acceptedBefore = S.accepted;
  let deliberate = 0;
  let startCmdAt = null; // when the start command began (the service is down until then)
  const cmds = {};
  S.faultAt = performance.now();
  if (fault === 'app-crash') {
    cmds.crash_ms = (await ctl('app-crash')).ms;
  } else if (fault === 'app-restart') {
    cmds.stop_ms = (await ctl('app-stop')).ms;
    S.heldAt = performance.now();
    startCmdAt = performance.now();
    cmds.start_ms = (await ctl('app-start')).ms;
  } else if (fault === 'pg-restart') {
    cmds.stop_ms = (await ctl('pg-stop')).ms;
    S.heldAt = performance.now();
    await sleep(PG_DOWN_MS);
    deliberate = PG_DOWN_MS;
    startCmdAt = performance.now();
    cmds.start_ms = (await ctl('pg-start')).ms;
  } else if (fault === 'nginx-restart') {
    cmds.stop_ms = (await ctl('nginx-stop')).ms;
    S.heldAt = performance.now();
    startCmdAt = performance.now();
    cmds.start_ms = (await ctl('nginx-start')).ms;
  }
  if (S.heldAt === null) S.heldAt = performance.now();
  const commandsDone = performance.now();
  await Promise.race([recoveredP, sleep(GIVE_UP_MS)]);
  await sleep(300);
  S.stop = true;
  await editors;
  // Durability: the document holds every acknowledged update.
  const d = await request('GET', `/rooms/${room.id}/document`, { token: room.tokens[0], timeout: 10_000 });
  const doc = parseJson(d.body);
  const u = await request('GET', `/rooms/${room.id}/updates?since=${room.version0}`, { token: room.tokens[0], timeout: 10_000 });
  const logged = parseJson(u.body)?.updates;
  const loggedIds = new Set(Array.isArray(logged) ? logged.map((x) => x.clientID) : []);
  const missing = [...S.acked].filter((id) => !loggedIds.has(id)).length;
  const raw = S.recoveredAt === null ? null : S.recoveredAt - S.faultAt;
  const line = {
    scenario: 'recovery',
    fault,
    run,
    recovered: S.recoveredAt !== null,
    raw_ms: round(raw, 1),
    net_ms: round(raw === null ? null : raw - deliberate, 1),
    deliberate_downtime_ms: deliberate,
    commands_ms: round(commandsDone - S.faultAt, 1),
    // From the start command's beginning to the first 200 (null for app-crash, where the supervisor restarts it).
    since_start_cmd_ms: startCmdAt === null || S.recoveredAt === null ? null : round(S.recoveredAt - startCmdAt, 1),
    ...Object.fromEntries(Object.entries(cmds).map(([k, v]) => [k, round(v, 1)])),
    outage_observed_ms: S.firstFailure === null || S.recoveredAt === null ? null : round(S.recoveredAt - S.firstFailure, 1),
    failures: S.failures,
    failure_kinds: S.failureKinds,
    accepted_in_1s_before_fault: acceptedBefore,
    accepted: S.accepted,
    conflicts: S.conflicts,
    document_version: doc?.version ?? null,
    // durable: every acknowledged update is in the log, and the document matches the log. An update
    // whose answer was lost in the fault (502, reset) may still have been applied: applied_unacknowledged.
    acknowledged_missing: Array.isArray(logged) ? missing : null,
    applied_unacknowledged: Array.isArray(logged) ? logged.length - S.accepted + missing : null,
    durable: Boolean(doc && Array.isArray(logged) && missing === 0 && doc.version === room.version0 + logged.length && doc.code.length === room.length0 + logged.length),
  };
  console.log(JSON.stringify(line));
  log(`${fault} #${run}: raw ${line.raw_ms} ms, net ${line.net_ms} ms, failures ${line.failures}, durable ${line.durable}`);
  for (const t of room.tokens) await request('POST', `/rooms/${room.id}/leave`, { token: t, timeout: 5000 });
  return line;
}

async function waitHealthy(ms) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const r = await request('GET', '/healthz', { timeout: 2000 });
    if (r.status === 200) return true;
    await sleep(200);
  }
  return false;
}

if (!(await waitHealthy(5000))) die(`GET /healthz does not answer 200 at ${base.origin}`);
const med = (xs) => {
  const a = xs.filter((x) => x !== null && x !== undefined).sort((p, q) => p - q);
  return a.length ? a[Math.floor((a.length - 1) / 2)] : null;
};
let failed = false;
for (const fault of FAULTS) {
  const lines = [];
  for (let run = 1; run <= RUNS; run++) {
    if (!(await waitHealthy(30_000))) die('the stack did not come back healthy within 30 s');
    await sleep(500);
    try {
      lines.push(await oneRun(fault, run));
    } catch (err) {
      failed = true;
      log(`${fault} #${run}: ${err.message}`);
    }
  }
  console.log(
    JSON.stringify({
      scenario: 'recovery-median',
      fault,
      runs: lines.length,
      recovered: lines.filter((l) => l.recovered).length,
      raw_ms: med(lines.map((l) => l.raw_ms)),
      net_ms: med(lines.map((l) => l.net_ms)),
      commands_ms: med(lines.map((l) => l.commands_ms)),
      stop_ms: med(lines.map((l) => l.stop_ms)),
      since_start_cmd_ms: med(lines.map((l) => l.since_start_cmd_ms)),
      failures: med(lines.map((l) => l.failures)),
      all_durable: lines.every((l) => l.durable),
      applied_unacknowledged: lines.reduce((a, l) => a + (l.applied_unacknowledged || 0), 0),
    }),
  );
}
process.exit(failed ? 1 : 0);
