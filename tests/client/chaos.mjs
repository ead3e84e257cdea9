// A concurrent editing session for convergence tests: several PairClients in
// one room make random edits with random delays while their sockets are
// dropped and reopened at random; then everyone settles.
//
// Used by tests/integration/convergence.test.mjs (real stack) and by
// tests/client/pair-client.test.mjs (in-process mock with injected faults).

import { PairClient } from './pair-client.mjs';
import { int, randomChangeSpec, rng } from './random-edits.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} o
 * @param {string} o.baseUrl
 * @param {string} o.roomId
 * @param {string[]} o.tokens       one session per client
 * @param {number} o.seed
 * @param {number} [o.durationMs]   how long the clients edit (4000)
 * @param {number[]} [o.delayMs]    [min, max] pause between a client's edits
 * @param {number[]} [o.dropEveryMs] [min, max] pause between socket drops
 * @param {number[]} [o.downMs]     [min, max] time a dropped socket stays down
 * @param {number} [o.settleMs]     timeout of each settle round
 * @returns {Promise<{clients, edits: number[], drops: number, durationMs: number}>}
 *   `edits[i]`: the number of non-empty edits client i made (each is one
 *   collab update). The clients are left open: the caller closes them. When
 *   the run fails, they are closed before the error is thrown, so that no
 *   socket keeps the test process alive.
 */
export async function runChaos({
  baseUrl,
  roomId,
  tokens,
  seed,
  durationMs = 4000,
  delayMs = [5, 60],
  dropEveryMs = [150, 500],
  downMs = [30, 700],
  settleMs = 20_000,
  clientOptions = {},
}) {
  const master = rng(seed);
  const clients = tokens.map(
    (token, i) => new PairClient({ baseUrl, roomId, token, clientID: `s${seed}-c${i}-${int(master, 0, 1e9).toString(36)}`, ...clientOptions }),
  );
  try {
    return await session(clients, { seed, durationMs, delayMs, dropEveryMs, downMs, settleMs });
  } catch (err) {
    for (const c of clients) c.close();
    throw err;
  }
}

/** The editing, dropping and settling of runChaos, on its clients. */
async function session(clients, { seed, durationMs, delayMs, dropEveryMs, downMs, settleMs }) {
  await Promise.all(clients.map((c) => c.open()));
  const edits = clients.map(() => 0);
  const started = Date.now();
  const end = started + durationMs;

  const editor = async (c, i) => {
    const r = rng(seed * 1000 + i + 1);
    while (Date.now() < end && !c.error) {
      await sleep(int(r, delayMs[0], delayMs[1]));
      if (c.error || Date.now() >= end) break;
      const cs = c.edit(randomChangeSpec(r, c.text()));
      if (!cs.empty) edits[i]++;
    }
  };

  let drops = 0;
  const reopenings = [];
  const dropper = async () => {
    const r = rng(seed * 7919 + 17);
    while (Date.now() < end) {
      await sleep(int(r, dropEveryMs[0], dropEveryMs[1]));
      if (Date.now() >= end) break;
      const c = clients[int(r, 0, clients.length - 1)];
      if (!c.isConnected() || c.error) continue;
      c.dropSocket();
      drops++;
      const down = int(r, downMs[0], downMs[1]);
      reopenings.push(
        sleep(down).then(() =>
          c.reconnect().catch((err) => {
            // Another drop may hit a socket that is still opening; the next
            // reconnect below fixes it.
            c.lastReconnectError = err;
          }),
        ),
      );
    }
  };

  await Promise.all([...clients.map(editor), dropper()]);
  await Promise.all(reopenings);
  for (const c of clients) {
    // A 5xx handshake (a part of the stack still coming back) is retried.
    for (let tries = 0; !c.error && !c.isConnected(); tries++) {
      try {
        await c.reconnect();
      } catch (err) {
        if (!(err.status >= 500) || tries >= 60) throw err;
        await sleep(500);
      }
    }
  }
  const failed = clients.find((c) => c.error);
  if (failed) throw failed.error;
  // Round one: everyone's edits reach the server. Round two: everyone
  // catches up with the last of them.
  await Promise.all(clients.map((c) => c.settle(settleMs)));
  await Promise.all(clients.map((c) => c.settle(settleMs)));
  return { clients, edits, drops, durationMs: Date.now() - started };
}

/** Counts a log's updates per clientID. */
export function countByClient(updates) {
  const n = new Map();
  for (const u of updates) n.set(u.clientID, (n.get(u.clientID) || 0) + 1);
  return n;
}
