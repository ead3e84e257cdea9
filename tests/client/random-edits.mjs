// Seeded random documents and edits for the collaboration tests. Positions
// are in UTF-16 code units and never fall inside a surrogate pair.

/** mulberry32: a small, fast, seedable PRNG. Returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
export const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

/** Character classes, each a list of whole characters (astral ones are 2 units). */
export const CHARS = {
  ascii: [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-+=(){}[];:,.<>/?!@#$%^&*|~`\'"\\'],
  accents: [...'éèêëàâäôöùûüçñÉÀÇßøåæœ'],
  cjk: [...'中文日本語한국어漢字かなカナ'],
  astral: ['😀', '🎉', '👍', '🚀', '𝄞', '𠀋', '🇫', '🇷', '🙂', '💻'],
  space: [' ', ' ', '\t', '\n', '\n'],
};

const ALL_CLASSES = Object.keys(CHARS);

/** A random string of whole characters, about `n` characters long. */
export function randomString(r, n, classes = ALL_CLASSES) {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, CHARS[pick(r, classes)]);
  return s;
}

/** Whether a position splits a surrogate pair of s. */
export function splitsPair(s, pos) {
  if (pos <= 0 || pos >= s.length) return false;
  const hi = s.charCodeAt(pos - 1);
  const lo = s.charCodeAt(pos);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The nearest position at or before pos that does not split a pair. */
export function boundary(s, pos) {
  return splitsPair(s, pos) ? pos - 1 : pos;
}

/** A random position of s (0..length) that does not split a pair. */
export function randomPos(r, s) {
  return boundary(s, int(r, 0, s.length));
}

/**
 * A random ChangeSpec (array of {from, to, insert}, sorted, non-overlapping)
 * for document s: inserts, deletes and replacements, sometimes several ranges.
 * Documents longer than `maxLength` get more deletions.
 */
export function randomChangeSpec(r, s, { maxLength = 3000, maxRanges = 3, maxInsert = 8 } = {}) {
  const ranges = r() < 0.7 ? 1 : int(r, 2, maxRanges);
  const points = [];
  for (let i = 0; i < ranges * 2; i++) points.push(randomPos(r, s));
  points.sort((a, b) => a - b);
  const specs = [];
  const big = s.length > maxLength;
  for (let i = 0; i < ranges; i++) {
    let from = points[2 * i];
    let to = points[2 * i + 1];
    const k = r();
    let insert = '';
    if (k < (big ? 0.2 : 0.5)) {
      to = from; // insert
      insert = randomString(r, int(r, 1, maxInsert));
    } else if (k < (big ? 0.9 : 0.75)) {
      // delete (a short range unless the document is too long)
      if (!big && to - from > 20) to = boundary(s, from + int(r, 1, 20));
      if (to === from && to < s.length) to = boundary(s, Math.min(s.length, from + 2));
    } else {
      if (!big && to - from > 20) to = boundary(s, from + int(r, 1, 20));
      insert = randomString(r, int(r, 1, maxInsert));
    }
    // keep ranges sorted and disjoint
    const prevEnd = specs.length ? specs[specs.length - 1].to : 0;
    if (from < prevEnd) from = prevEnd;
    if (to < from) to = from;
    if (from === to && !insert) continue;
    specs.push({ from, to, insert });
  }
  if (!specs.length) specs.push({ from: randomPos(r, s), insert: randomString(r, int(r, 1, maxInsert)) });
  return specs;
}
