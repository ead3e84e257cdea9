// HTTP basics: /healthz, unknown paths (404) and wrong methods (405), all
// with the JSON error shape {"detail": "..."}.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertError, assertStatus, createRoom, get, holdStackShared, request, skipIfNoServer } from './helpers.mjs';

await holdStackShared();

describe('GET /healthz', { skip: skipIfNoServer }, () => {
  test('answers 200 {"status":"ok"} as JSON', async () => {
    const res = await get('/healthz');
    assertStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^application\/json\b/i);
    assert.deepEqual(res.json, { status: 'ok' });
  });
});

describe('unknown paths and wrong methods', { skip: skipIfNoServer }, () => {
  let room;
  before(async () => {
    room = await createRoom({ username: 'alice' });
  });

  // Paths under the API prefix /rooms/; other unknown paths may belong to the
  // frontend that nginx serves.
  test('an unknown path under /rooms/ is 404 with a JSON detail', async () => {
    for (const path of ['/rooms/x/y/z', `/rooms/${room.roomId}/nope`, `/rooms/${room.roomId}/document/1`, '/rooms/save/extra']) {
      const res = await request('GET', path, { token: room.token });
      assertError(res, 404);
    }
  });

  test('a known path with a wrong method is 405 with a JSON detail', async () => {
    const id = room.roomId;
    const cases = [
      ['GET', '/rooms'],
      ['DELETE', '/rooms'],
      ['PUT', `/rooms/${id}`],
      ['DELETE', `/rooms/${id}`],
      ['GET', `/rooms/${id}/limit?new_limit=6`],
      ['POST', `/rooms/${id}/limit?new_limit=6`],
      ['PUT', '/rooms/save'],
      ['DELETE', `/rooms/${id}/document`],
      ['POST', `/rooms/${id}/code`],
      ['GET', `/rooms/${id}/leave`],
      ['POST', '/healthz'],
    ];
    for (const [method, path] of cases) {
      const res = await request(method, path, { token: room.token });
      assertError(res, 405);
    }
    // None of them did anything: the limit is unchanged and alice is still in.
    const doc = await get(`/rooms/${id}/document`, { token: room.token });
    assertStatus(doc, 200);
    const seen = await get(`/rooms/${id}?username=checker`);
    assertStatus(seen, 200);
    assert.equal(seen.json.limit, 5);
  });
});

describe('connections nginx keeps open to the app', { skip: skipIfNoServer }, () => {
  test('with more of them than the app has workers, every request is answered', async () => {
    // Each round leaves nginx holding more idle connections to the app than
    // the app has worker threads, and the next round's requests go on them:
    // a worker that waited on one connection would leave the others unread.
    for (let round = 0; round < 3; round++) {
      const res = await Promise.all(Array.from({ length: 48 }, () => get('/healthz', { timeout: 5000 })));
      assert.deepEqual(
        res.map((r) => r.status).filter((s) => s !== 200),
        [],
        `round ${round}: every request answered 200`,
      );
    }
  });
});
