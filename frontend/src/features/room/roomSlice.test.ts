import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { loadSession } from '../../common/storage';
import type { RoomUser } from '../../common/types';
import { jsonResponse, mockFetch, sampleRoom, sampleUsers } from '../../test/http';
import { joinRoom, selectSession, selectSessionError } from '../session/sessionSlice';
import {
  connectionChanged,
  initialRoomState,
  languageChanged,
  limitChanged,
  presenceReceived,
  refreshDocument,
  roomReducer,
  selectCode,
  selectOnlineCount,
  selectOwner,
  selectUsersForDisplay,
} from './roomSlice';

afterEach(() => {
  vi.unstubAllGlobals();
});

const carol: RoomUser = { username: 'carol', online: false, typing: false, color: '#98c379', role: 'editor' };
const dave: RoomUser = { username: 'Dave', online: true, typing: false, color: '#c678dd', role: 'editor' };

function stateWith(users: RoomUser[], limit = 5) {
  const store = makeStore();
  store.dispatch(presenceReceived({ users, limit }));
  return store.getState();
}

describe('room reducers', () => {
  it('takes the room from a join', () => {
    const room = sampleRoom({ users: [sampleUsers.alice, sampleUsers.bob] });
    const state = roomReducer(
      undefined,
      joinRoom.fulfilled({ session: { roomId: 'r1', username: 'bob', token: 't' }, room }, 'req', {
        roomId: 'r1',
        username: 'bob',
      }),
    );
    expect(state).toMatchObject({ roomId: 'r1', limit: 5, version: 3, code: 'print("hi")\n', language: 'python' });
    expect(state.users).toHaveLength(2);
  });

  it('applies presence, limit, language and connection changes', () => {
    let state = roomReducer(initialRoomState, presenceReceived({ users: [sampleUsers.alice, carol], limit: 4 }));
    expect(state.users.map((u) => u.username)).toEqual(['alice', 'carol']);
    expect(state.limit).toBe(4);
    state = roomReducer(state, limitChanged(9));
    state = roomReducer(state, languageChanged('javascript'));
    state = roomReducer(state, connectionChanged('open'));
    expect(state).toMatchObject({ limit: 9, language: 'javascript', connection: 'open' });
  });
});

describe('room selectors', () => {
  it('counts online users only', () => {
    expect(selectOnlineCount(stateWith([sampleUsers.alice, sampleUsers.bob, carol]))).toBe(2);
    expect(selectOnlineCount(stateWith([carol]))).toBe(0);
  });

  it('finds the owner', () => {
    expect(selectOwner(stateWith([sampleUsers.bob, sampleUsers.alice]))).toBe('alice');
    expect(selectOwner(stateWith([sampleUsers.bob]))).toBeNull();
  });

  it('orders users: owner, then online, then by name', () => {
    const state = stateWith([carol, sampleUsers.bob, dave, sampleUsers.alice]);
    expect(selectUsersForDisplay(state).map((u) => u.username)).toEqual(['alice', 'bob', 'Dave', 'carol']);
    // Memoised: same input, same array.
    expect(selectUsersForDisplay(state)).toBe(selectUsersForDisplay(state));
  });
});

describe('refreshDocument', () => {
  it('replaces code, version and language', async () => {
    mockFetch((call) =>
      call.url.pathname === '/rooms/r1/document'
        ? jsonResponse(200, { roomId: 'r1', version: 8, code: 'new code', language: 'go', lastEditedBy: 'bob', lastEditedAt: null })
        : jsonResponse(200, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
    await store.dispatch(refreshDocument());
    expect(selectCode(store.getState())).toBe('new code');
    expect(store.getState().room).toMatchObject({ version: 8, language: 'go', lastEditedBy: 'bob', documentStatus: 'idle' });
  });

  it('ignores a document of another room', async () => {
    mockFetch((call) =>
      call.url.pathname.endsWith('/document')
        ? jsonResponse(200, { roomId: 'other', version: 8, code: 'other', language: 'go', lastEditedBy: null, lastEditedAt: null })
        : jsonResponse(200, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
    await store.dispatch(refreshDocument());
    expect(selectCode(store.getState())).toBe('print("hi")\n');
  });

  it('ends the session on 401', async () => {
    mockFetch((call) =>
      call.url.pathname.endsWith('/document') ? jsonResponse(401, { detail: 'token revoked' }) : jsonResponse(200, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
    expect(loadSession('r1')).not.toBeNull();
    await store.dispatch(refreshDocument());
    expect(selectSession(store.getState())).toBeNull();
    expect(store.getState().room.roomId).toBeNull();
    expect(loadSession('r1')).toBeNull();
    expect(selectSessionError(store.getState())).toMatch(/session has expired/);
  });

  it('shows other failures next to the document', async () => {
    mockFetch((call) =>
      call.url.pathname.endsWith('/document') ? jsonResponse(500, { detail: 'database unavailable' }) : jsonResponse(200, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'alice' }));
    await store.dispatch(refreshDocument());
    expect(store.getState().room).toMatchObject({ documentStatus: 'failed', documentError: 'database unavailable' });
    expect(selectSession(store.getState())).not.toBeNull();
  });
});
