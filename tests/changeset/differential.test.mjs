// Differential test of the server's C change-set code (the CLI
// build/asan/pair-changeset) against @codemirror/state as the oracle.
//
//   node --test tests/changeset/
//
//   PAIR_CHANGESET_BIN  the CLI (default <repo>/build/asan/pair-changeset);
//                       the tests skip when it does not exist
//   PAIR_DIFF_SEED      seed of the random cases (default 20240601)
//   PAIR_DIFF_COUNT     number of random valid cases (default 5000)
//
// The CLI reads JSON lines {"doc": "<text>", "changes": <ChangeSet JSON>} and
// answers one JSON line each: {"ok": true, "doc": "<result>", "length": <UTF-16
// length>} or {"ok": false, "error": "..."}. One process serves every case.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { CHARS, boundary, int, pick, randomString, rng } from '../client/random-edits.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.PAIR_CHANGESET_BIN || `${ROOT}build/asan/pair-changeset`;
const SEED = Number(process.env.PAIR_DIFF_SEED || 20240601);
const COUNT = Number(process.env.PAIR_DIFF_COUNT || 5000);
const skip = fs.existsSync(BIN) ? false : `${BIN} does not exist (make build/asan/pair-changeset)`;
// The oracle is loaded only when there is something to compare it with.
const { ChangeSet, Text } = skip ? {} : await import('@codemirror/state');

/** The oracle: CodeMirror applies the change set to the document. */
function oracle(doc, changesJSON) {
  return ChangeSet.fromJSON(changesJSON).apply(Text.of(doc.split('\n'))).toString();
}

/** JSON with every non-ASCII character escaped as \uXXXX (pairs as two escapes). */
function asciiJSON(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Sends every line to one CLI process and returns its answers, one per line.
 * Rejects if the process dies, writes to stderr (sanitizer reports) or
 * answers a different number of lines.
 */
function runCli(lines, { timeout = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${BIN} did not finish within ${timeout} ms`));
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stdin.on('error', () => {}); // a crash shows up below
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0 || signal) {
        reject(new Error(`${BIN} exited with ${signal || code}; stderr:\n${stderr.slice(0, 4000)}`));
        return;
      }
      if (/AddressSanitizer|UndefinedBehaviorSanitizer|runtime error|LeakSanitizer/.test(stderr)) {
        reject(new Error(`${BIN} reported a sanitizer error:\n${stderr.slice(0, 4000)}`));
        return;
      }
      const answers = stdout.split('\n');
      if (answers[answers.length - 1] === '') answers.pop();
      if (answers.length !== lines.length) {
        reject(new Error(`${BIN} answered ${answers.length} lines to ${lines.length}; stderr:\n${stderr.slice(0, 2000)}`));
        return;
      }
      resolve(answers);
    });
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

function parseAnswer(line, i) {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`answer ${i} is not JSON: ${line.slice(0, 300)}`);
  }
}

const show = (s, n = 160) => {
  const j = JSON.stringify(s);
  return j.length > n ? `${j.slice(0, n)}…(${j.length})` : j;
};

// ---------------------------------------------------------------------------
// Random cases

function randomDoc(r) {
  const k = r();
  if (k < 0.08) return '';
  if (k < 0.12) return '\n'.repeat(int(r, 1, 5));
  if (k < 0.16) return pick(r, CHARS.astral).repeat(int(r, 1, 6));
  if (k < 0.2) return randomString(r, int(r, 1, 30), ['ascii']);
  if (k < 0.25) return randomString(r, int(r, 1, 20), ['ascii', 'space']).replace(/ /g, '\r');
  const classes = Object.keys(CHARS).filter(() => r() < 0.7);
  return randomString(r, int(r, 1, k < 0.9 ? 60 : 400), classes.length ? classes : ['ascii']);
}

function randomInsert(r) {
  const k = r();
  if (k < 0.1) return '\n';
  if (k < 0.15) return '\n'.repeat(int(r, 2, 4));
  if (k < 0.2) return `x\r\ny`;
  return randomString(r, int(r, 1, k < 0.95 ? 6 : 40));
}

/** Random ChangeSpec array for doc: 1–5 sorted, disjoint ranges; positions never split a pair. */
function randomSpecs(r, doc) {
  const n = r() < 0.5 ? 1 : int(r, 2, 5);
  const points = [];
  for (let i = 0; i < 2 * n; i++) points.push(boundary(doc, int(r, 0, doc.length)));
  points.sort((a, b) => a - b);
  const specs = [];
  for (let i = 0; i < n; i++) {
    const from = points[2 * i];
    let to = points[2 * i + 1];
    const k = r();
    let insert;
    if (k < 0.4) {
      to = from;
      insert = randomInsert(r);
    } else if (k < 0.7) {
      insert = undefined; // delete (maybe empty: a no-op)
    } else {
      insert = randomInsert(r);
    }
    specs.push(insert === undefined ? { from, to } : { from, to, insert });
  }
  if (r() < 0.05) return []; // the empty change set
  if (r() < 0.03) return [{ from: 0, to: doc.length, insert: randomInsert(r) }]; // replace everything
  return specs;
}

function randomCases(seed, count) {
  const r = rng(seed);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const doc = randomDoc(r);
    // "\n" as the line separator so that "\r" in inserted text stays a character.
    const cs = ChangeSet.of(randomSpecs(r, doc), doc.length, '\n');
    const changes = cs.toJSON();
    cases.push({ doc, changes, expected: oracle(doc, changes), escaped: r() < 0.3 });
  }
  return cases;
}

// Deliberately unusual but well-formed: what ChangeSet.fromJSON accepts and
// the protocol's description allows (zero-length keeps and deletions,
// adjacent keeps, adjacent deletions). Splits happen only where they do not
// fall inside a surrogate pair.
function denormalize(r, doc, changes) {
  const out = [];
  let pos = 0;
  const cut = (n) => {
    if (n < 2) return 0;
    const a = boundary(doc, pos + int(r, 1, n - 1)) - pos;
    return a > 0 && a < n ? a : 0;
  };
  for (const part of changes) {
    const n = typeof part === 'number' ? part : part[0];
    const a = r() < 0.5 ? cut(n) : 0;
    if (typeof part === 'number' && a) out.push(a, part - a);
    else if (Array.isArray(part) && part.length === 1 && a) out.push([a], [n - a]);
    else out.push(part);
    pos += n;
    if (r() < 0.15) out.push(0);
    if (r() < 0.1) out.push([0]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Invalid cases: each must be answered {"ok": false, "error": "..."}.

const E = '😀'; // two UTF-16 units

const INVALID = [
  ['total length longer than the document', 'abc', [4]],
  ['total length longer (insertion past the end)', 'abc', [3, [1, 'x']]],
  ['total length shorter than the document', 'abc', [2]],
  ['total length shorter (deletion)', 'abcdef', [[2], 3]],
  ['empty change set on a non-empty document', 'abc', []],
  ['keep on an empty document', '', [1]],
  ['length counted in code points, not UTF-16 units', `a${E}b`, [3]],
  ['length counted in UTF-8 bytes, not UTF-16 units', 'é', [2]],
  ['negative keep', 'abc', [-1, 4]],
  ['negative delete', 'abc', [[-1], 4]],
  ['negative replace', 'abc', [[-1, 'x'], 4]],
  ['non-integer keep', 'abc', [1.5, 1.5]],
  ['non-integer delete', 'abc', [[0.5], 2.5]],
  ['huge number', 'abc', [1e20]],
  ['2^53 + 1', 'abc', [9007199254740993]],
  ['changes is a string', 'abc', 'x'],
  ['changes is an object', 'abc', {}],
  ['changes is a number', 'abc', 3],
  ['changes is null', 'abc', null],
  ['changes is null on an empty document', '', null],
  ['changes missing', 'abc', undefined],
  ['part is a string', 'abc', ['abc']],
  ['part is null', 'abc', [null, 3]],
  ['part is true', 'abc', [true, 2]],
  ['part is an object', 'abc', [{ n: 3 }]],
  ['part is an empty array', 'abc', [[], 3]],
  ['inserted line is a number ([1, 2])', 'abc', [[1, 2], 2]],
  ['inserted line is null', 'abc', [[1, null], 2]],
  ['part starts with a string', 'abc', [['a', 1], 3]],
  ['nested array as a part', 'abc', [[[1]], 2]],
  ['nested array as an inserted line', 'abc', [[1, ['a']], 2]],
  ['nested array of a keep', 'abc', [[[3]]]],
  ['numeric string as a keep', 'abc', ['3']],
  ['insertion inside a surrogate pair', E, [1, [0, 'x'], 1]],
  ['deletion starting inside a surrogate pair', `${E}ab`, [1, [1], 2]],
  ['deletion ending inside a surrogate pair', `a${E}b`, [1, [1], 2]],
  ['replacement ending inside a surrogate pair', `a${E}`, [[2, 'x'], 1]],
  ['replacement starting inside a surrogate pair', `${E}a`, [1, [2, 'x']]],
  ['deletion of half of the last pair', `ab${E}`, [3, [1]]],
  ['deletion of the first half of a pair', `${E}`, [[1], 1]],
];

function invalidLines() {
  const lines = INVALID.map(([what, doc, changes]) => ({ what, line: JSON.stringify(changes === undefined ? { doc } : { doc, changes }) }));
  lines.push({ what: 'the whole line is null', line: 'null' });
  lines.push({ what: 'doc missing', line: JSON.stringify({ changes: [0] }) });
  lines.push({ what: 'doc is a number', line: JSON.stringify({ doc: 3, changes: [3] }) });
  lines.push({ what: 'doc is null', line: JSON.stringify({ doc: null, changes: [] }) });
  lines.push({ what: 'not JSON', line: '{"doc": "abc", "changes": [3' });
  return lines;
}

// ---------------------------------------------------------------------------

function checkValid(cases, answers, label) {
  const failures = [];
  cases.forEach((c, i) => {
    let a;
    try {
      a = parseAnswer(answers[i], i);
    } catch (err) {
      failures.push(err.message);
      return;
    }
    if (!a || a.ok !== true) {
      failures.push(`#${i} doc ${show(c.doc)} changes ${show(c.changes)}: expected ok, got ${answers[i].slice(0, 300)}`);
      return;
    }
    const same = typeof a.doc === 'string' && Buffer.from(a.doc, 'utf8').equals(Buffer.from(c.expected, 'utf8'));
    if (!same) {
      failures.push(`#${i} doc ${show(c.doc)} changes ${show(c.changes)}: expected ${show(c.expected)}, got ${show(a.doc)}`);
      return;
    }
    if (a.length !== c.expected.length) {
      failures.push(`#${i} doc ${show(c.doc)} changes ${show(c.changes)}: length ${a.length}, expected ${c.expected.length} UTF-16 units`);
    }
  });
  assert.ok(failures.length === 0, `${label}: ${failures.length} of ${cases.length} cases differ from @codemirror/state:\n${failures.slice(0, 15).join('\n')}`);
}

describe('pair-changeset vs @codemirror/state', { skip }, () => {
  test(`${COUNT} random change sets (seed ${SEED}) give the oracle's document, byte for byte`, async () => {
    const cases = randomCases(SEED, COUNT);
    // Corner cases first, so a failure shows the simplest one.
    const fixed = [
      ['', []],
      ['', [[0, 'a']]],
      ['', [[0, '', '']]],
      ['a', [[1]]],
      ['\n', [1, [0, '', '']]],
      [E, [[2, 'x']]],
      [E, [[0, E], 2, [0, E]]],
      [`${E}${E}`, [2, [2]]],
      ['héllo', [1, [1, 'e'], 3]],
      ['中文', [[2, '日本', '語']]],
      ['a\r\nb', [1, [2, '\r'], 1]],
    ].map(([doc, changes]) => ({ doc, changes, expected: oracle(doc, changes), escaped: false }));
    const all = [...fixed, ...cases];
    const lines = all.map((c) => (c.escaped ? asciiJSON({ doc: c.doc, changes: c.changes }) : JSON.stringify({ doc: c.doc, changes: c.changes })));
    const answers = await runCli(lines);
    checkValid(all, answers, 'random change sets');
  });

  test('the same change sets written in non-canonical but well-formed JSON (zero-length parts, split keeps and deletions)', async () => {
    const r = rng(SEED ^ 0x5a5a5a5a);
    const cases = randomCases(SEED + 1, Math.min(COUNT, 1000)).map((c) => ({ ...c, changes: denormalize(r, c.doc, c.changes) }));
    for (const c of cases) c.expected = oracle(c.doc, c.changes);
    const answers = await runCli(cases.map((c) => JSON.stringify({ doc: c.doc, changes: c.changes })));
    checkValid(cases, answers, 'non-canonical change sets');
  });

  test('large documents and change sets with many ranges', async () => {
    const r = rng(SEED ^ 0x1234567);
    const cases = [];
    for (let i = 0; i < 24; i++) {
      const doc = randomString(r, int(r, 10_000, 120_000));
      const ranges = int(r, 100, 2000);
      const points = [];
      for (let k = 0; k < 2 * ranges; k++) points.push(boundary(doc, int(r, 0, doc.length)));
      points.sort((a, b) => a - b);
      const specs = [];
      for (let k = 0; k < ranges; k++) {
        const kind = r();
        const from = points[2 * k];
        const to = kind < 0.4 ? from : points[2 * k + 1];
        specs.push(kind < 0.7 && kind >= 0.4 ? { from, to } : { from, to, insert: randomInsert(r) });
      }
      const changes = ChangeSet.of(specs, doc.length, '\n').toJSON();
      cases.push({ doc, changes, expected: oracle(doc, changes) });
    }
    const answers = await runCli(cases.map((c) => JSON.stringify({ doc: c.doc, changes: c.changes })));
    checkValid(cases, answers, 'large change sets');
  });

  test('invalid inputs are answered ok: false, one line each, and the process goes on', async () => {
    const bad = invalidLines();
    // A valid case after each invalid one checks that nothing is left over.
    const lines = [];
    for (const b of bad) lines.push(b.line, JSON.stringify({ doc: 'ok', changes: [2, [0, '!']] }));
    const answers = await runCli(lines);
    const failures = [];
    bad.forEach((b, i) => {
      let a;
      try {
        a = parseAnswer(answers[2 * i], 2 * i);
      } catch (err) {
        failures.push(`${b.what}: ${err.message}`);
        return;
      }
      if (!a || a.ok !== false || typeof a.error !== 'string' || !a.error.length) {
        failures.push(`${b.what}: input ${b.line.slice(0, 120)} answered ${answers[2 * i].slice(0, 200)}`);
      }
      let after;
      try {
        after = parseAnswer(answers[2 * i + 1], 2 * i + 1);
      } catch (err) {
        failures.push(`after ${b.what}: ${err.message}`);
        return;
      }
      if (!after || after.ok !== true || after.doc !== 'ok!' || after.length !== 3) {
        failures.push(`the valid line after "${b.what}" answered ${answers[2 * i + 1].slice(0, 200)}`);
      }
    });
    assert.ok(failures.length === 0, `${failures.length} problem(s) with ${bad.length} invalid inputs:\n${failures.join('\n')}`);
  });
});
