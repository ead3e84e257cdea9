import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { jsonResponse, mockFetch, sampleRoom } from '../../test/http';
import { registerRoomLink } from '../collab/registry';
import { RoomTransport } from '../collab/transport';
import { joinRoom } from '../session/sessionSlice';
import { checkpointReceived, fetchHistory, previewClosed, previewVersion, restoreVersion } from './historySlice';

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  vi.unstubAllGlobals();
});

async function inRoom() {
  const store = makeStore();
  mockFetch(() => jsonResponse(200, sampleRoom()));
  await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
  unregister = registerRoomLink({
    roomId: 'r1',
    transport: new RoomTransport('r1', 'tok', { message: () => {}, socket: () => {}, opened: () => {} }),
    text: () => '',
    flush: async () => true,
  });
  return store;
}

describe('history', () => {
  it('loads checkpoints (newest first) and contributors', async () => {
    const store = await inRoom();
    const calls = mockFetch(() =>
      jsonResponse(200, {
        version: 9,
        checkpoints: [
          { version: 2, label: 'Saved', username: 'alice', at: '2026-01-01T00:00:00Z' },
          { version: 7, label: 'Saved', username: 'bob', at: '2026-01-01T00:01:00Z' },
        ],
        contributors: [
          { username: 'alice', updates: 3, lastAt: null },
          { username: 'bob', updates: 6, lastAt: null },
        ],
      }),
    );
    await store.dispatch(fetchHistory());
    expect(calls[0]!.url.pathname).toBe('/rooms/r1/history');
    const h = store.getState().history;
    expect(h.status).toBe('ready');
    expect(h.checkpoints.map((c) => c.version)).toEqual([7, 2]);
    expect(h.contributors.map((c) => c.username)).toEqual(['bob', 'alice']);
    store.dispatch(checkpointReceived({ version: 9, label: 'Saved', username: 'bob', at: 'x' }));
    store.dispatch(checkpointReceived({ version: 9, label: 'Saved', username: 'bob', at: 'x' }));
    expect(store.getState().history.checkpoints.map((c) => c.version)).toEqual([9, 7, 2]);
  });

  it('previews a version read-only and restores it', async () => {
    const store = await inRoom();
    const calls = mockFetch((call) =>
      call.url.pathname.endsWith('/document')
        ? jsonResponse(200, { roomId: 'r1', version: 2, code: 'old\n', language: 'python', lastEditedBy: null, lastEditedAt: null })
        : jsonResponse(200, { version: 10 }),
    );
    await store.dispatch(previewVersion(2));
    expect(calls[0]!.url.searchParams.get('version')).toBe('2');
    expect(store.getState().history.preview).toMatchObject({ version: 2, status: 'ready', code: 'old\n' });
    await store.dispatch(restoreVersion(2));
    expect(calls[1]!.method).toBe('POST');
    expect(calls[1]!.url.pathname).toBe('/rooms/r1/restore');
    expect(calls[1]!.body).toEqual({ version: 2 });
    expect(store.getState().history.preview).toBeNull();
    expect(store.getState().history.notice).toBe('Restored version 2 as version 10');
    store.dispatch(previewClosed());
  });

  it('shows why a preview failed', async () => {
    const store = await inRoom();
    mockFetch(() => jsonResponse(404, { detail: 'no such version' }));
    await store.dispatch(previewVersion(99));
    expect(store.getState().history.preview).toMatchObject({ status: 'failed' });
  });
});
