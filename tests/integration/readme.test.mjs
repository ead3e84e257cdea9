// The README's curl examples, run as printed (only the host and the room ids
// are changed), in order, in one shell: each must succeed with a 2xx and the
// outputs must say what the README says they say.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BASE_URL, holdStackShared, skipIfNoServer, uniqueRoomId } from './helpers.mjs';

await holdStackShared();

const README = new URL('../../README.md', import.meta.url);

/** The ```sh blocks of the README's API section, in order. */
function apiExamples() {
  const text = readFileSync(README, 'utf8');
  const api = text.slice(text.indexOf('\n## API'), text.indexOf('\n## Deploying'));
  return [...api.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test('every curl example of the README works as printed', { skip: skipIfNoServer }, () => {
  const blocks = apiExamples();
  assert.ok(blocks.length >= 6, `found ${blocks.length} example blocks`);
  const demo = uniqueRoomId('demo');
  const script = blocks
    .join('\n')
    .replaceAll('http://localhost:8080', BASE_URL)
    .replace(/\bdemo2\b/g, `${demo}-2`)
    .replace(/\bdemo\b/g, demo);
  // curl fails on any status >= 400; the shell stops at the first failure.
  const out = execFileSync('bash', ['-c', `set -eo pipefail
curl() { command curl --fail-with-body "$@"; }
${script}`], { encoding: 'utf8', timeout: 60_000 });

  assert.match(out, new RegExp(`"roomId":"${demo}"`));
  assert.match(out, /"message":"Room limit updated","limit":8/);
  assert.match(out, /HTTP\/1\.1 204/);
  assert.match(out, /"message":"Code saved successfully","version":1/);
  assert.match(out, /"code":"print\(1\)\\n"/);
  assert.match(out, /"lastEditedBy":"carol"/);
  assert.match(out, /\{"version":2\}/);
  assert.match(out, /"clientID" ?: ?"curl"/);
  assert.match(out, /"contributors"/);
  assert.match(out, /\{"version":3\}/);
  assert.match(out, /HTTP\/1\.1 204 No Content/);
  assert.match(out, new RegExp(`"roomId":"${demo}","language":"javascript"`));
  assert.match(out, /"suggestion":"path"/);
  assert.match(out, /"suggestion":"print"/);
  assert.match(out, /\{"status":"ok"\}/);
});
