// A client that freezes (its process stopped, its TCP connection still open,
// no close frame ever) is taken offline by nchan's pings within 15 s.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { createRoom, holdStackShared, joinOk, openSocket, skipIfNoServer, wsUrl } from './helpers.mjs';

await holdStackShared();

const require = createRequire(import.meta.url);

/** A child process holding a WebSocket; resolves once it is open. */
function socketInChild(url) {
  const wsPath = require.resolve('ws');
  const code = `
    const WebSocket = require(${JSON.stringify(wsPath)});
    const ws = new WebSocket(${JSON.stringify(url)});
    ws.on('open', () => process.stdout.write('open\\n'));
    ws.on('error', (e) => { process.stderr.write(String(e)); process.exit(1); });
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => d.toString().includes('open') && resolve(child));
    child.on('exit', (codeOut) => reject(new Error(`child exited with ${codeOut}`)));
  });
}

test('a frozen client goes offline within 15 s', { skip: skipIfNoServer, timeout: 40_000 }, async () => {
  const room = await createRoom({ username: 'alice' });
  const alice = await openSocket(room.roomId, room.token, { username: 'alice' });
  const bob = await joinOk(room.roomId, 'bob');
  const from = alice.mark();
  const child = await socketInChild(wsUrl(room.roomId, bob.token));
  try {
    await alice.waitForPresence('bob', true, { from, timeout: 5000 });
    const frozenAt = Date.now();
    child.kill('SIGSTOP');
    const mark = alice.mark();
    await alice.waitForPresence('bob', false, { from: mark, timeout: 16_000 });
    const took = Date.now() - frozenAt;
    assert.ok(took <= 15_000, `offline after ${took} ms`);
  } finally {
    child.kill('SIGKILL');
    await alice.close();
  }
});
