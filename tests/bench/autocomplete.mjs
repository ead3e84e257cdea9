#!/usr/bin/env node
// Autocomplete quality and latency benchmark for Pair, on real code nobody
// in this project wrote: the Python standard library, JavaScript and
// TypeScript of well-known npm packages, C and C++ from the system, Go from
// git's contrib. Token occurrences are picked with a fixed seed, cut after
// 1-3 characters (the rest of the file is kept), and sent to a running
// stack's POST /autocomplete; it reports top-1 and top-5 accuracy per
// language and per prefix length, latency percentiles, and the same
// accuracy for a frequency-only ranking of the same samples, for scale.
//
//   PAIR_URL=http://127.0.0.1:8080 node tests/bench/autocomplete.mjs
//
// Options:
//   --files N        files per language (default 40)
//   --per-file N     samples per file (default 25)
//   --seed S         random seed (default 20240611)
//   --langs a,b      subset of python,javascript,typescript,c,cpp,go
//   --no-latency     skip the 100 KB and 2 MiB latency scenarios
//   --no-line        skip the line-completion (insertText) pass
//   --json FILE      also write every number as JSON
//   --dump FILE      write the samples (path, offsets, prefix length) as JSON lines
//   --dump-only      ... and stop there, without a stack (to fit the re-ranker)
//
// Tokens that count as samples come from tokenizers independent of the
// server's: Python's own `tokenize` module, TypeScript's scanner (for
// JavaScript and TypeScript), and a small C-family scanner below (for C,
// C++ and Go). Loopback only.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loopbackUrl } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC_MAX = 2 * 1024 * 1024;

function die(message, code = 2) {
  console.error(`autocomplete.mjs: ${message}`);
  process.exit(code);
}

// ---------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (v === undefined) die(`${name} needs a value`);
  return v;
}
const FILES = Number(opt('--files', 40));
const PER_FILE = Number(opt('--per-file', 25));
const SEED = Number(opt('--seed', 20240611));
const LANGS = opt('--langs', 'python,javascript,typescript,c,cpp,go').split(',').filter(Boolean);
const JSON_OUT = opt('--json', null);
const DUMP = opt('--dump', null);
const DUMP_ONLY = args.includes('--dump-only');
const LATENCY = !args.includes('--no-latency');
const LINE = !args.includes('--no-line');
for (const [n, v] of [['--files', FILES], ['--per-file', PER_FILE], ['--seed', SEED]])
  if (!Number.isInteger(v) || v < 1) die(`${n} must be a positive integer`);

// --dump-only sends nothing.
const base = DUMP_ONLY ? null : loopbackUrl('PAIR_URL', null, die);
const prefixPath = base ? base.pathname.replace(/\/+$/, '') : '';

// ---------------------------------------------------------------------------
// Seeded randomness (mulberry32)

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(method, urlPath, { json, token } = {}) {
  return new Promise((resolve) => {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers = {};
    if (body) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = body.length;
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    const started = process.hrtime.bigint();
    const req = http.request(
      { host: base.hostname.replace(/^\[|\]$/g, ''), port: base.port || 80, path: prefixPath + urlPath, method, headers, agent, timeout: 10_000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode, json: parsed, ms });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (body) req.end(body);
    else req.end();
  });
}

// ---------------------------------------------------------------------------
// Corpora: what is on this machine

function walk(dir, accept, out = [], depth = 0) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.isSymbolicLink() && depth < 12) walk(p, accept, out, depth + 1);
    else if (e.isFile() && accept(p)) out.push(p);
  }
  return out;
}

const NM = path.join(ROOT, 'frontend/node_modules');
const JS_PACKAGES = ['react-dom/cjs', 'react/cjs', '@codemirror', '@lezer', 'redux', '@reduxjs/toolkit/dist', 'immer/dist', 'reselect/dist', 'react-redux/dist', 'parse5/dist', 'entities', 'tough-cookie', 'css-tree/lib', 'postcss/lib', 'chai', 'undici/lib', 'jsdom/lib', 'magic-string/dist', 'picomatch', 'vitest/dist'];
const TS_DIRS = ['typescript/lib', '@codemirror', '@lezer', '@reduxjs/toolkit', 'redux', 'immer', 'reselect', '@types', 'vite/dist', 'undici-types', 'react-redux'];

const corpora = {
  python: () => walk('/usr/lib/python3.11', (p) => p.endsWith('.py') && !p.includes('/site-packages/') && !p.includes('/dist-packages/') && !p.includes('lib2to3/tests/data')),
  javascript: () => JS_PACKAGES.flatMap((d) => walk(path.join(NM, d), (p) => /\.(c|m)?js$/.test(p) && !/\.min\.js$/.test(p) && !p.includes('production') && !p.includes('profiling'))),
  typescript: () => TS_DIRS.flatMap((d) => walk(path.join(NM, d), (p) => /\.(d\.)?[cm]?ts$/.test(p))),
  // C: .c files and headers alternately (there are far more headers);
  // generated per-architecture copies and C++ headers left out.
  c: () => interleave(
    [...walk('/usr/share/doc', (p) => p.endsWith('.c')), ...walk('/usr/include', (p) => p.endsWith('.c')), ...walk('/usr/src', (p) => p.endsWith('.c')), ...walk('/root/.pyenv/versions/3.11.7/lib', (p) => p.endsWith('.c'))],
    walk('/usr/include', (p) => p.endsWith('.h') && !/\/(c\+\+|llvm[^/]*|boost|eigen3|python3[^/]*|cuda[^/]*)\//.test(p) && !p.includes('/archs/')),
  ),
  cpp: () => interleave(
    [...walk('/usr/src/googletest', (p) => /\.(cc|h)$/.test(p)), ...walk('/usr/include/c++/12/bits', (p) => /\.(h|tcc)$/.test(p))],
    walk('/usr/include/llvm-14/llvm', (p) => p.endsWith('.h')),
  ),
  go: () => walk('/usr/share/doc/git/contrib', (p) => p.endsWith('.go')),
};

/** Marks two pools to be drawn from alternately (see pickFiles). */
function interleave(a, b) {
  return { pools: [a, b] };
}

const seenContent = new Set();

/** The file's text when it is a usable sample file, else null (also when
 * a file with the same content was already taken). */
function readUsable(p, { dedupe = true } = {}) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return null;
  }
  if (st.size < 1024 || st.size > DOC_MAX) return null;
  const buf = fs.readFileSync(p);
  const digest = createHash('sha1').update(buf).digest('hex');
  if (dedupe && seenContent.has(digest)) return null; // the same file under another path
  if (dedupe) seenContent.add(digest);
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) return null;
  const lines = text.split('\n');
  if (text.length / lines.length > 200) return null; // minified
  return text;
}

// ---------------------------------------------------------------------------
// Independent tokenizers: [start, end) in UTF-16 units of every identifier
// and keyword in code (not in comments or strings).

const PY_TOKENIZE = String.raw`
import io, json, sys, tokenize
out = {}
for path in json.load(sys.stdin):
    try:
        text = open(path, encoding='utf-8', newline='').read()
        # Lines exactly as tokenize reads them (str.splitlines would also
        # split at form feeds and other separators).
        lines = io.StringIO(text, newline='').readlines()
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line.encode('utf-16-le')) // 2)
        toks = []
        for t in tokenize.generate_tokens(io.StringIO(text, newline='').readline):
            if t.type == tokenize.NAME:
                (r, c) = t.start
                line = lines[r - 1]
                s = starts[r - 1] + len(line[:c].encode('utf-16-le')) // 2
                toks.append([s, s + len(t.string.encode('utf-16-le')) // 2])
        out[path] = toks
    except Exception:
        out[path] = None
json.dump(out, sys.stdout)
`;

function pythonTokens(paths) {
  const raw = execFileSync('python3', ['-c', PY_TOKENIZE], { input: JSON.stringify(paths), maxBuffer: 1 << 30 });
  return JSON.parse(raw.toString('utf8'));
}

let ts = null;
function tsTokens(text, jsx) {
  if (ts === null) ts = createRequire(path.join(NM, 'x.js'))('typescript');
  const K = ts.SyntaxKind;
  const sc = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const out = [];
  const templates = [];
  let depth = 0;
  let prev;
  const regexAfterKeyword = new Set([K.ReturnKeyword, K.TypeOfKeyword, K.InstanceOfKeyword, K.InKeyword, K.OfKeyword, K.NewKeyword, K.DeleteKeyword, K.VoidKeyword, K.ThrowKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword, K.YieldKeyword, K.AwaitKeyword]);
  for (let guard = 0; guard < 5_000_000; guard++) {
    let kind = sc.scan();
    if (kind === K.EndOfFileToken) break;
    if ((kind === K.SlashToken || kind === K.SlashEqualsToken) &&
        (prev === undefined || regexAfterKeyword.has(prev) ||
         (prev >= K.FirstPunctuation && prev <= K.LastPunctuation && prev !== K.CloseParenToken && prev !== K.CloseBracketToken && prev !== K.CloseBraceToken)))
      kind = sc.reScanSlashToken();
    if (kind === K.OpenBraceToken || kind === K.DollarOpenBraceToken) depth++;
    else if (kind === K.CloseBraceToken) {
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        kind = sc.reScanTemplateToken(false);
        if (kind === K.TemplateMiddle) templates.push(depth);
      } else depth--;
    } else if (kind === K.TemplateHead) templates.push(depth);
    if (kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword)) out.push([sc.getTokenStart(), sc.getTokenEnd()]);
    prev = kind;
  }
  return out;
}

function clikeTokens(text, lang) {
  const out = [];
  const n = text.length;
  let i = 0;
  const isStart = (c) => /[A-Za-z_]/.test(c);
  const isWord = (c) => /[A-Za-z0-9_]/.test(c);
  while (i < n) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      const j = text.indexOf('\n', i);
      i = j < 0 ? n : j;
    } else if (ch === '/' && text[i + 1] === '*') {
      const j = text.indexOf('*/', i + 2);
      i = j < 0 ? n : j + 2;
    } else if (ch === '`' && lang === 'go') {
      const j = text.indexOf('`', i + 1);
      i = j < 0 ? n : j + 1;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < n && (isWord(text[j]) || text[j] === '.' || (lang === 'cpp' && text[j] === "'" && isWord(text[j + 1] || '')))) j++;
      i = j;
    } else if (isStart(ch)) {
      let j = i + 1;
      while (j < n && isWord(text[j])) j++;
      const w = text.slice(i, j);
      if (lang === 'cpp' && text[j] === '"' && /^(u8|[uUL])?R$/.test(w)) {
        const open = text.indexOf('(', j);
        const delim = text.slice(j + 1, open);
        const close = text.indexOf(`)${delim}"`, open);
        i = close < 0 ? n : close + delim.length + 2;
        continue;
      }
      if (!((text[j] === '"' || text[j] === "'") && /^(u8|[uUL])$/.test(w))) out.push([i, j]);
      i = j;
    } else i++;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Samples

/** Candidate files of a language in a seeded random order (alternating
 * between pools when there are two). */
function pickFiles(lang) {
  const c = corpora[lang]();
  const pools = (Array.isArray(c) ? [c] : c.pools).map((pool) => shuffle([...new Set(pool)].sort()));
  const out = [];
  for (let i = 0; pools.some((p) => i < p.length); i++) for (const p of pools) if (i < p.length) out.push(p[i]);
  return out;
}

/** Up to PER_FILE samples of one file: {lang, path, start, end, k, token}. */
function samplesOf(lang, p, text, toks) {
  const eligible = toks.filter(([s, e]) => e - s >= 2 && !/[\uD800-\uDBFF]/.test(text.slice(s, s + 3)));
  if (eligible.length < 20) return null;
  const picked = shuffle(eligible.slice()).slice(0, PER_FILE);
  return picked.map(([s, e]) => {
    const k = randInt(1, Math.min(3, e - s - 1));
    return { lang, path: p, start: s, end: e, k, token: text.slice(s, e) };
  });
}

function gatherSamples() {
  const samples = [];
  const files = {};
  for (const lang of LANGS) {
    if (!corpora[lang]) die(`unknown language ${lang}`);
    const candidates = pickFiles(lang);
    const chosen = [];
    if (lang === 'python') {
      // Tokenize a generous slice in one python process.
      const texts = new Map();
      for (const p of candidates) {
        if (texts.size >= FILES * 3) break;
        const t = readUsable(p);
        if (t !== null) texts.set(p, t);
      }
      const toks = pythonTokens([...texts.keys()]);
      for (const [p, t] of texts) {
        if (chosen.length >= FILES) break;
        if (!toks[p]) continue;
        const s = samplesOf(lang, p, t, toks[p]);
        if (s) {
          chosen.push(p);
          samples.push(...s);
        }
      }
    } else {
      for (const p of candidates) {
        if (chosen.length >= FILES) break;
        const t = readUsable(p);
        if (t === null) continue;
        const toks = lang === 'javascript' || lang === 'typescript' ? tsTokens(t, /\.[jt]sx$/.test(p)) : clikeTokens(t, lang);
        const s = samplesOf(lang, p, t, toks);
        if (s) {
          chosen.push(p);
          samples.push(...s);
        }
      }
    }
    files[lang] = chosen;
  }
  return { samples, files };
}

// ---------------------------------------------------------------------------
// The frequency-only reference: the document's words that start with the
// prefix, most frequent first (the partial word itself not counted).

function frequencyRanking(code, cursor, prefix) {
  const counts = new Map();
  const re = /[A-Za-z_$][\w$]*/g;
  let m;
  while ((m = re.exec(code)) !== null) {
    if (m.index <= cursor && cursor <= m.index + m[0].length) continue;
    if (m[0].length > prefix.length && m[0].startsWith(prefix)) counts.set(m[0], (counts.get(m[0]) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

// ---------------------------------------------------------------------------
// Measurement

function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

function stats(ms) {
  const s = ms.slice().sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s.length ? Math.round(s[s.length - 1] * 100) / 100 : null };
}

const texts = new Map();
const textOf = (p) => {
  if (!texts.has(p)) texts.set(p, fs.readFileSync(p, 'utf8'));
  return texts.get(p);
};

async function runWordPass(samples) {
  const rows = [];
  for (const s of samples) {
    const text = textOf(s.path);
    const prefix = text.slice(s.start, s.start + s.k);
    const code = text.slice(0, s.start + s.k) + text.slice(s.end);
    const cursor = s.start + s.k;
    const res = await request('POST', '/autocomplete', { json: { code, cursorPosition: cursor, language: s.lang } });
    if (res.status !== 200 || !res.json) {
      rows.push({ ...s, ok: false, status: res.status, ms: res.ms });
      continue;
    }
    const labels = (res.json.suggestions || []).map((x) => x.label);
    const freq = frequencyRanking(code, cursor, prefix);
    rows.push({
      ...s,
      ok: true,
      ms: res.ms,
      top1: res.json.suggestion === s.token,
      top5: labels.slice(0, 5).includes(s.token),
      freq1: freq[0] === s.token,
      freq5: freq.slice(0, 5).includes(s.token),
    });
  }
  return rows;
}

// Line completion: the rest of the cut line is removed too, as when typing
// at the end of a line; an insertText counts as right when the original
// line goes on exactly with it.
async function runLinePass(samples) {
  let asked = 0, offered = 0, right = 0;
  const byLang = {};
  for (const s of samples) {
    const text = textOf(s.path);
    let eol = text.indexOf('\n', s.end);
    if (eol < 0) eol = text.length;
    const code = text.slice(0, s.start + s.k) + text.slice(eol);
    const res = await request('POST', '/autocomplete', { json: { code, cursorPosition: s.start + s.k, language: s.lang } });
    if (res.status !== 200 || !res.json) continue;
    const l = (byLang[s.lang] ??= { asked: 0, offered: 0, right: 0 });
    asked++;
    l.asked++;
    const ins = res.json.insertText;
    if (typeof ins === 'string') {
      offered++;
      l.offered++;
      if (text.slice(s.start, eol).startsWith(ins)) {
        right++;
        l.right++;
      }
    }
  }
  return { asked, offered, right, byLang };
}

function closestBySize(paths, target) {
  let best = null;
  for (const p of paths) {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (best === null || Math.abs(st.size - target) < Math.abs(best.size - target)) best = { p, size: st.size };
  }
  return best;
}

/** Random code positions of a file: cut a word after 1-3 characters. */
function positionsIn(text, count) {
  const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]{2,}/g)];
  return Array.from({ length: count }, () => {
    const m = words[randInt(0, words.length - 1)];
    const k = randInt(1, 3);
    return { code: text.slice(0, m.index + k) + text.slice(m.index + m[0].length), cursor: m.index + k };
  });
}

async function latencyScenario(name, lang, file, count) {
  const text = fs.readFileSync(file, 'utf8');
  const pos = positionsIn(text, count + 20);
  const ms = [];
  let errors = 0;
  for (let i = 0; i < pos.length; i++) {
    const res = await request('POST', '/autocomplete', { json: { code: pos[i].code, cursorPosition: pos[i].cursor, language: lang } });
    if (res.status !== 200) errors++;
    if (i >= 20) ms.push(res.ms);
  }
  return { scenario: name, file: path.relative('/', file), bytes: Buffer.byteLength(text), ...stats(ms), errors };
}

async function roomScenario(name, lang, file, count) {
  const text = fs.readFileSync(file, 'utf8');
  const roomId = `acbench-${process.pid}-${Date.now().toString(36)}`;
  const username = `bench${process.pid % 100000}`;
  const created = await request('POST', `/rooms?username=${username}&roomId=${roomId}&limit=2`);
  if (created.status !== 201) return { scenario: name, setup_error: `create ${created.status}` };
  const token = created.json.token;
  const saved = await request('POST', '/rooms/save', { json: { roomId, code: text, username }, token });
  if (saved.status !== 200) return { scenario: name, setup_error: `save ${saved.status}` };
  const version = saved.json.version;
  const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]{2,}/g)];
  const ms = [];
  let errors = 0;
  for (let i = 0; i < count + 20; i++) {
    // The stored document is whole: place the cursor right after a word's
    // first characters (a mid-word position, the word itself excluded).
    const m = words[randInt(0, words.length - 1)];
    const res = await request('POST', '/autocomplete', { json: { roomId, version, cursorPosition: m.index + randInt(1, 3), language: lang }, token });
    if (res.status !== 200) errors++;
    if (i >= 20) ms.push(res.ms);
  }
  await request('POST', `/rooms/${roomId}/leave`, { token });
  return { scenario: name, file: path.relative('/', file), bytes: Buffer.byteLength(text), ...stats(ms), errors };
}

// ---------------------------------------------------------------------------
// Report

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

function table(rows) {
  const out = [];
  const groups = [...LANGS.filter((l) => rows.some((r) => r.lang === l)), 'all'];
  out.push('| language | files | samples | top-1 | top-5 | k=1 top-1 / top-5 | k=2 top-1 / top-5 | k=3 top-1 / top-5 | frequency-only top-1 / top-5 | p50 ms | p99 ms |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const summary = {};
  for (const g of groups) {
    const rs = rows.filter((r) => r.ok && (g === 'all' || r.lang === g));
    const all = rows.filter((r) => g === 'all' || r.lang === g);
    const t1 = rs.filter((r) => r.top1).length, t5 = rs.filter((r) => r.top5).length;
    const byK = [1, 2, 3].map((k) => {
      const kr = rs.filter((r) => r.k === k);
      return { n: kr.length, top1: kr.filter((r) => r.top1).length, top5: kr.filter((r) => r.top5).length };
    });
    const f1 = rs.filter((r) => r.freq1).length, f5 = rs.filter((r) => r.freq5).length;
    const lat = stats(rs.map((r) => r.ms));
    const nfiles = g === 'all' ? Object.values(gathered.files).reduce((a, f) => a + f.length, 0) : gathered.files[g].length;
    summary[g] = { files: nfiles, samples: all.length, errors: all.length - rs.length, top1: t1 / (rs.length || 1), top5: t5 / (rs.length || 1), byK, freq_top1: f1 / (rs.length || 1), freq_top5: f5 / (rs.length || 1), latency_ms: lat };
    out.push(`| ${g === 'all' ? '**all**' : g} | ${nfiles} | ${all.length} | ${pct(t1, rs.length)} | ${pct(t5, rs.length)} | ${byK.map((b) => `${pct(b.top1, b.n)} / ${pct(b.top5, b.n)}`).join(' | ')} | ${pct(f1, rs.length)} / ${pct(f5, rs.length)} | ${lat.p50} | ${lat.p99} |`);
  }
  return { text: out.join('\n'), summary };
}

// ---------------------------------------------------------------------------

if (DUMP_ONLY && !DUMP) die('--dump-only needs --dump FILE');
if (!DUMP_ONLY) {
  const health = await request('GET', '/healthz');
  if (health.status !== 200) die(`the stack does not answer at ${process.env.PAIR_URL} (GET /healthz: ${health.status || health.error})`);
}

const gathered = gatherSamples();
if (DUMP) fs.writeFileSync(DUMP, gathered.samples.map((s) => JSON.stringify({ lang: s.lang, path: s.path, start: s.start, end: s.end, k: s.k, token: s.token })).join('\n') + '\n');
if (DUMP_ONLY) process.exit(0);
console.error(`autocomplete.mjs: ${gathered.samples.length} samples from ${Object.values(gathered.files).reduce((a, f) => a + f.length, 0)} files (seed ${SEED})`);

// Warm up (the first request builds the process's tables).
for (let i = 0; i < 10 && i < gathered.samples.length; i++) await runWordPass([gathered.samples[i]]);

const rows = await runWordPass(gathered.samples);
const words = table(rows);
console.log(`## Word completion (seed ${SEED}, ${FILES} files × ${PER_FILE} samples per language)\n`);
console.log(words.text);

const result = { seed: SEED, files: gathered.files, words: words.summary };

if (LINE) {
  const line = await runLinePass(gathered.samples);
  result.line = line;
  console.log('\n## Line completion (insertText), rest of the line removed\n');
  console.log('| language | asked | insertText offered | right when offered |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [lang, l] of Object.entries(line.byLang)) console.log(`| ${lang} | ${l.asked} | ${pct(l.offered, l.asked)} | ${pct(l.right, l.offered)} |`);
  console.log(`| **all** | ${line.asked} | ${pct(line.offered, line.asked)} | ${pct(line.right, line.offered)} |`);
}

if (LATENCY) {
  const scenarios = [];
  const py = closestBySize(corpora.python(), 100 * 1024);
  if (py) scenarios.push(await latencyScenario('100 KB python, code sent', 'python', py.p, 500));
  const js = closestBySize(corpora.javascript().filter((p) => readUsable(p, { dedupe: false }) !== null), 100 * 1024);
  if (js) scenarios.push(await latencyScenario('100 KB javascript, code sent', 'javascript', js.p, 500));
  const big = path.join(NM, 'typescript/lib/lib.dom.d.ts');
  if (fs.existsSync(big) && fs.statSync(big).size <= DOC_MAX) {
    scenarios.push(await latencyScenario('~2 MiB typescript, code sent', 'typescript', big, 100));
    scenarios.push(await roomScenario('~2 MiB typescript, stored document (roomId)', 'typescript', big, 100));
  }
  if (py) scenarios.push(await roomScenario('100 KB python, stored document (roomId)', 'python', py.p, 500));
  result.latency = scenarios;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  result.machine = { cores: os.cpus().length, loadavg: os.loadavg() };
  console.log(`\n## Latency (one request at a time, client-side, through nginx; ${os.cpus().length} cores, load average ${load})\n`);
  console.log('| scenario | file | bytes | requests | p50 ms | p99 ms | max ms | errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of scenarios) {
    if (s.setup_error) console.log(`| ${s.scenario} | set-up failed: ${s.setup_error} | | | | | | |`);
    else console.log(`| ${s.scenario} | ${s.file} | ${s.bytes} | ${s.n} | ${s.p50} | ${s.p99} | ${s.max} | ${s.errors} |`);
  }
}

if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
agent.destroy();
