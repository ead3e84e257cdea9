import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { jsonResponse, mockFetch, sampleRoom, sampleUsers } from '../../test/http';
import { registerRoomLink } from '../collab/registry';
import { RoomTransport } from '../collab/transport';
import { presenceReceived } from '../presence/presenceSlice';
import { joinRoom } from '../session/sessionSlice';
import {
  changeLanguage,
  changeLimit,
  initialRoomState,
  languageChanged,
  limitChanged,
  roomReducer,
  saveCode,
  selectLastEdit,
  versionSynced,
} from './roomSlice';

let unregister: (() => void) | null = null;

afterEach(() => {
  unregister?.();
  unregister = null;
  vi.unstubAllGlobals();
});

const silent = { message: () => {}, socket: () => {}, opened: () => {} };

/** A store in room r1 as alice, with a link whose editor holds `text`. */
async function inRoom(text = 'print(1)\n', flushed = true) {
  const store = makeStore();
  mockFetch(() => jsonResponse(200, sampleRoom()));
  await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
  const flush = vi.fn(async () => flushed);
  unregister = registerRoomLink({
    roomId: 'r1',
    transport: new RoomTransport('r1', 'tok-alice', silent),
    text: () => text,
    flush,
  });
  return { store, flush };
}

describe('room reducers', () => {
  it('takes the room from a join, without its code', () => {
    const room = sampleRoom({ users: [sampleUsers.alice, sampleUsers.bob] });
    const state = roomReducer(
      undefined,
      joinRoom.fulfilled({ session: { roomId: 'r1', username: 'bob', token: 't' }, room }, 'req', {
        roomId: 'r1',
        username: 'bob',
      }),
    );
    expect(state).toMatchObject({ roomId: 'r1', limit: 5, version: 3, language: 'python' });
    expect(JSON.stringify(state)).not.toContain('print');
  });

  it('applies limit, language, presence limit and synced versions', () => {
    let state = roomReducer(initialRoomState, presenceReceived({ users: [], limit: 4 }));
    expect(state.limit).toBe(4);
    state = roomReducer(state, limitChanged(9));
    state = roomReducer(state, languageChanged('javascript'));
    state = roomReducer(state, versionSynced({ version: 12, by: 'bob', at: '2026-01-01T00:00:00Z' }));
    state = roomReducer(state, versionSynced({ version: 13 }));
    expect(state).toMatchObject({ limit: 9, language: 'javascript', version: 13, lastEditedBy: 'bob' });
    expect(selectLastEdit({ room: state } as never)).toEqual({ by: 'bob', at: '2026-01-01T00:00:00Z' });
  });
});

describe('saveCode', () => {
  it('sends unsent edits first, then saves the editor text as the user', async () => {
    const { store, flush } = await inRoom('x = 1\n');
    const calls = mockFetch(() => jsonResponse(200, { message: 'Code saved successfully', version: 7 }));
    await store.dispatch(saveCode());
    expect(flush).toHaveBeenCalled();
    expect(calls[0]!.url.pathname).toBe('/rooms/save');
    expect(calls[0]!.body).toEqual({ roomId: 'r1', code: 'x = 1\n', username: 'alice' });
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok-alice');
    expect(store.getState().room.save).toEqual({ status: 'done', message: 'Saved as version 7' });
  });

  it('words a 304 as "No changes since the last save"', async () => {
    const { store } = await inRoom();
    mockFetch(() => new Response(null, { status: 304 }));
    await store.dispatch(saveCode());
    expect(store.getState().room.save.message).toBe('No changes since the last save');
  });

  it('does not save while edits cannot be sent', async () => {
    const { store } = await inRoom('x', false);
    const calls = mockFetch(() => jsonResponse(200, { version: 1 }));
    await store.dispatch(saveCode());
    expect(calls).toHaveLength(0);
    expect(store.getState().room.save.status).toBe('failed');
  });
});

describe('changeLimit', () => {
  it('patches the limit and keeps the new one', async () => {
    const { store } = await inRoom();
    const calls = mockFetch(() => jsonResponse(200, { message: 'Room limit updated', limit: 8 }));
    await store.dispatch(changeLimit(8));
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.url.pathname).toBe('/rooms/r1/limit');
    expect(calls[0]!.url.searchParams.get('new_limit')).toBe('8');
    expect(store.getState().room.limit).toBe(8);
  });

  it("shows the server's refusal", async () => {
    const { store } = await inRoom();
    mockFetch(() => jsonResponse(400, { detail: 'new_limit must be greater than the current limit (5)' }));
    await store.dispatch(changeLimit(3));
    expect(store.getState().room.limitChange).toEqual({
      status: 'failed',
      error: 'new_limit must be greater than the current limit (5)',
    });
    expect(store.getState().room.limit).toBe(5);
  });
});

describe('changeLanguage', () => {
  it('shows the new language at once and patches the room', async () => {
    const { store } = await inRoom();
    const calls = mockFetch(() => jsonResponse(200, { roomId: 'r1', language: 'go' }));
    const done = store.dispatch(changeLanguage('go'));
    expect(store.getState().room.language).toBe('go');
    await done;
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.url.pathname).toBe('/rooms/r1');
    expect(calls[0]!.body).toEqual({ language: 'go' });
  });

  it('puts the old language back when refused', async () => {
    const { store } = await inRoom();
    mockFetch(() => jsonResponse(400, { detail: 'unknown language' }));
    await store.dispatch(changeLanguage('cobol'));
    expect(store.getState().room.language).toBe('python');
    expect(store.getState().room.languageError).toBe('unknown language');
  });
});
