// Fits the autocomplete re-ranker's networks (fcgi/ac_net.h) and writes
// their weights as C (fcgi/ac_net.c). Input: what build/ac-features prints
// for benchmark samples (see "The re-ranker" in tests/bench/README.md).
//
//   node tests/bench/ac_train.mjs --seed N --json net_N.json [--epochs 3]
//        [--half even|odd|all] [--check f1,f2] features1.txt features2.txt ...
//   node tests/bench/ac_train.mjs --join --out fcgi/ac_net.c net_1.json net_2.json ...
//
// One network: the standardized inputs, 32 tanh units, an output bounded
// as RERANK_CAP in fcgi/autocomplete.c says, added to the engine's score.
// The loss: softmax cross-entropy of the right word among the candidates
// of its rank class (the engine's order puts the classes first), Adam,
// mini-batches of 32 samples, an L2 penalty. Only the samples of files in
// one half of the pool (by a hash of their path) are fitted on; --check
// files are scored on the other half after every epoch (top-1 / top-5
// among the 40 candidates shown). --seed sets the starting weights and the
// order of the samples: the same inputs and seed give the same network.
// --join writes as many networks as PAIR_AC_NETS in fcgi/ac_net.h says.

import fs from 'node:fs';

// The shape and the bound the engine uses, read from its sources.
const source = (file) => fs.readFileSync(new URL(`../../fcgi/${file}`, import.meta.url), 'utf8');
const defined = (text, name) => {
  const v = Number(new RegExp(`#define ${name} ([0-9.]+)`).exec(text)?.[1]);
  if (!(v > 0)) throw new Error(`ac_train: no #define ${name} in fcgi/`);
  return v;
};
const HEADER = source('ac_net.h');
const IN = defined(HEADER, 'PAIR_AC_NET_IN'), HIDDEN = defined(HEADER, 'PAIR_AC_NET_HIDDEN');
const NETS = defined(HEADER, 'PAIR_AC_NETS');
const CAP = defined(source('autocomplete.c'), 'RERANK_CAP'); // the output is CAP tanh(sum / CAP)
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const OUT = opt('--out', null);
const JSON_OUT = opt('--json', null);
const SEED = Number(opt('--seed', 1));
const JOIN = args.includes('--join');
if (JOIN) args.splice(args.indexOf('--join'), 1);
const EPOCHS = Number(opt('--epochs', 3));
const HALF = opt('--half', 'even');
const CHECK = (opt('--check', '') || '').split(',').filter(Boolean);
const LR = 0.003, L2 = 1e-4, BATCH = 32;
if (!['even', 'odd', 'all'].includes(HALF) || !(EPOCHS >= 1) || !Number.isInteger(SEED) || SEED < 1 || args.length === 0 || (JOIN ? !OUT : !JSON_OUT)) {
  console.error('usage: ac_train.mjs --seed N --json FILE [--epochs N] [--half even|odd|all] [--check f,...] features...');
  console.error('       ac_train.mjs --join --out fcgi/ac_net.c net.json...');
  process.exit(2);
}
if (JOIN) join(args, OUT);

// FNV-1a of the path: which half of the pool a file is in.
function half(path) {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return h % 2 ? 'odd' : 'even';
}

// A sample: its candidates' rank classes, inputs (row-major) and scores,
// the index of the right word (-1: not among them).
function load(file, which) {
  const out = [];
  let cur = null, rows = [];
  const flush = () => {
    if (cur === null || !cur.keep) return;
    const n = rows.length, x = new Float32Array(n * IN);
    rows.forEach((r, q) => x.set(r.f, q * IN));
    out.push({ found: cur.found, n, cls: Int8Array.from(rows, (r) => r.cls), yi: rows.findIndex((r) => r.y), x, score: Float32Array.from(rows, (r) => r.f[0]) });
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('S ')) {
      flush();
      const p = line.split(' ');
      cur = { found: Number(p[3]), keep: which === 'all' || half(p.slice(4).join(' ')) === which };
      rows = [];
    } else if (line.startsWith('C ') && cur.keep) {
      const p = line.split(' ').map(Number);
      if (p.length !== IN + 3) throw new Error(`${file}: a candidate with ${p.length - 3} inputs, not ${IN}`);
      rows.push({ cls: p[1], y: p[2] === 1, f: p.slice(3) });
    }
  }
  flush();
  return out;
}

let seed = SEED;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const train = args.flatMap((f) => load(f, HALF)).filter((s) => s.found >= 0);
const other = HALF === 'even' ? 'odd' : HALF === 'odd' ? 'even' : 'all';
const checks = CHECK.map((f) => load(f, other));
console.error(`ac_train: ${train.length} samples to fit on`);

const mean = new Float64Array(IN), sd = new Float64Array(IN);
const lo = new Float64Array(IN).fill(Infinity), hi = new Float64Array(IN).fill(-Infinity);
for (const s of train)
  for (let q = 0; q < s.n * IN; q++) {
    lo[q % IN] = Math.min(lo[q % IN], s.x[q]);
    hi[q % IN] = Math.max(hi[q % IN], s.x[q]);
  }
let count = 0;
for (const s of train) for (let q = 0; q < s.n; q++, count++) for (let i = 0; i < IN; i++) mean[i] += s.x[q * IN + i];
for (let i = 0; i < IN; i++) mean[i] /= count;
for (const s of train) for (let q = 0; q < s.n; q++) for (let i = 0; i < IN; i++) sd[i] += (s.x[q * IN + i] - mean[i]) ** 2;
for (let i = 0; i < IN; i++) sd[i] = Math.sqrt(sd[i] / count) || 1;
for (const s of [...train, ...checks.flat()])
  for (let q = 0; q < s.n; q++)
    for (let i = 0; i < IN; i++) s.x[q * IN + i] = (Math.min(hi[i], Math.max(lo[i], s.x[q * IN + i])) - mean[i]) / sd[i]; // as the engine

const w1 = new Float64Array(HIDDEN * IN).map(() => (random() - 0.5) * 2 * Math.sqrt(1 / IN));
const b1 = new Float64Array(HIDDEN), w2 = new Float64Array(HIDDEN).map(() => (random() - 0.5) * 0.02);
const hidden = new Float64Array(HIDDEN);

// The re-ranked score of candidate q (its hidden units left in `hidden`,
// the derivative of the cap in `slope`).
let slope = 1;
function forward(s, q) {
  let sum = 0;
  for (let j = 0; j < HIDDEN; j++) {
    let a = b1[j];
    for (let i = 0; i < IN; i++) a += w1[j * IN + i] * s.x[q * IN + i];
    hidden[j] = Math.tanh(a);
    sum += w2[j] * hidden[j];
  }
  const t = Math.tanh(sum / CAP);
  slope = 1 - t * t;
  return s.score[q] + CAP * t;
}

function check() {
  return checks.map((samples, c) => {
    let top1 = 0, top5 = 0;
    for (const s of samples) {
      if (s.found < 0) continue;
      const right = forward(s, s.yi);
      let rank = 0;
      for (let q = 0; q < s.n; q++)
        if (q !== s.yi && (s.cls[q] < s.cls[s.yi] || (s.cls[q] === s.cls[s.yi] && forward(s, q) >= right))) rank++;
      top1 += rank === 0;
      top5 += rank < 5;
    }
    const pct = (v) => ((100 * v) / (samples.length || 1)).toFixed(2);
    return `${CHECK[c]} ${pct(top1)} / ${pct(top5)}`;
  });
}
if (checks.length) console.error('before:', check().join(', '));

const params = [w1, b1, w2];
const grads = params.map((p) => new Float64Array(p.length));
const m1 = params.map((p) => new Float64Array(p.length)), m2 = params.map((p) => new Float64Array(p.length));
let step = 0;
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = train.map((s) => [random(), s]).sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  for (let at = 0; at < order.length; at += BATCH) {
    grads.forEach((g) => g.fill(0));
    const [gw1, gb1, gw2] = grads;
    for (const s of order.slice(at, at + BATCH)) {
      const cls = s.cls[s.yi], idx = [], scores = [], hs = [], slopes = [];
      for (let q = 0; q < s.n; q++)
        if (s.cls[q] === cls) {
          idx.push(q);
          scores.push(forward(s, q));
          hs.push(Float64Array.from(hidden));
          slopes.push(slope);
        }
      const max = Math.max(...scores), ex = scores.map((v) => Math.exp(v - max));
      const z = ex.reduce((a, b) => a + b, 0);
      idx.forEach((q, t) => {
        const g = (ex[t] / z - (q === s.yi ? 1 : 0)) * slopes[t];
        if (Math.abs(g) < 1e-7) return;
        for (let j = 0; j < HIDDEN; j++) {
          const h = hs[t][j], gh = g * w2[j] * (1 - h * h);
          gw2[j] += g * h;
          gb1[j] += gh;
          for (let i = 0; i < IN; i++) gw1[j * IN + i] += gh * s.x[q * IN + i];
        }
      });
    }
    step++;
    params.forEach((p, k) => {
      const g = grads[k], a = m1[k], b = m2[k];
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] / BATCH + L2 * p[i];
        a[i] = 0.9 * a[i] + 0.1 * gi;
        b[i] = 0.999 * b[i] + 0.001 * gi * gi;
        p[i] -= (LR * (a[i] / (1 - 0.9 ** step))) / (Math.sqrt(b[i] / (1 - 0.999 ** step)) + 1e-8);
      }
    });
  }
  console.error(`epoch ${epoch}:`, checks.length ? check().join(', ') : 'done');
}

fs.writeFileSync(JSON_OUT, JSON.stringify({ samples: train.length, epochs: EPOCHS, half: HALF, seed: SEED, lo: [...lo], hi: [...hi], mean: [...mean], sd: [...sd], w1: [...w1], b1: [...b1], w2: [...w2] }));
console.error(`ac_train: wrote ${JSON_OUT}`);

// Writes the networks of the JSON files as fcgi/ac_net.c, and exits.
function join(files, out) {
  if (files.length !== NETS) {
    console.error(`ac_train: fcgi/ac_net.h wants ${NETS} networks, not ${files.length}`);
    process.exit(2);
  }
  const nets = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const row = (v) => Array.from(v, (x) => Number(x.toPrecision(6))).join(', ');
  const lines = [
    '/*',
    ' * The weights of the autocomplete re-ranker\'s networks (fcgi/ac_net.h), as',
    ' * tests/bench/ac_train.mjs fitted them:',
    ...nets.map((n) => ` * seed ${n.seed}, ${n.samples} samples of the ${n.half} half of the pool, ${n.epochs} epochs.`),
    ' * Data, not code: fit again rather than edit.',
    ' */',
    '#include "ac_net.h"',
    '',
    '/* clang-format off */',
    'const struct pair_ac_net pair_ac_net[PAIR_AC_NETS] = {',
  ];
  for (const n of nets) {
    lines.push('    {', `        .lo = {${row(n.lo)}},`, `        .hi = {${row(n.hi)}},`, `        .mean = {${row(n.mean)}},`, `        .sd = {${row(n.sd)}},`, '        .w1 = {');
    // by input, as the engine reads them
    for (let i = 0; i < IN; i++) lines.push(`            {${row(Array.from({ length: HIDDEN }, (_, j) => n.w1[j * IN + i]))}},`);
    lines.push('        },', `        .b1 = {${row(n.b1)}},`, `        .w2 = {${row(n.w2)}},`, '    },');
  }
  lines.push('};', '/* clang-format on */', '');
  fs.writeFileSync(out, lines.join('\n'));
  console.error(`ac_train: wrote ${out}`);
  process.exit(0);
}
