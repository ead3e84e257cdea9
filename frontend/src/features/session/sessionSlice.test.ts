import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { loadSession, saveSession, sessionKey } from '../../common/storage';
import { jsonResponse, mockFetch, sampleRoom, sampleUsers } from '../../test/http';
import {
  createRoom,
  errorCleared,
  errorShown,
  joinRoom,
  leaveRoom,
  selectSession,
  selectSessionError,
  selectSessionPending,
  sessionReducer,
} from './sessionSlice';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session reducers', () => {
  it('shows and clears a message', () => {
    let state = sessionReducer(undefined, errorShown('Username must be at least 3 characters'));
    expect(state.error?.message).toBe('Username must be at least 3 characters');
    state = sessionReducer(state, errorCleared());
    expect(state.error).toBeNull();
  });
});

describe('createRoom', () => {
  it('stores the session in state and localStorage', async () => {
    mockFetch(() => jsonResponse(201, sampleRoom({ roomId: 'abc123', token: 't1' })));
    const store = makeStore();
    const pending = store.dispatch(createRoom({ username: 'alice', limit: 5 }));
    expect(selectSessionPending(store.getState())).toBe('create');
    await pending;
    expect(selectSessionPending(store.getState())).toBeNull();
    expect(selectSession(store.getState())).toEqual({ roomId: 'abc123', username: 'alice', token: 't1' });
    expect(JSON.parse(localStorage.getItem('pair.session.abc123')!)).toEqual({
      roomId: 'abc123',
      username: 'alice',
      token: 't1',
    });
    expect(store.getState().presence.users).toEqual([sampleUsers.alice]);
  });

  it('words a 409 as "Room ID already exists" and stores nothing', async () => {
    mockFetch(() => jsonResponse(409, { detail: 'Room already exists' }));
    const store = makeStore();
    await store.dispatch(createRoom({ username: 'alice', limit: 5 }));
    expect(selectSessionError(store.getState())).toBe('Room ID already exists');
    expect(selectSession(store.getState())).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("uses the server's spelling of the name", async () => {
    mockFetch(() => jsonResponse(201, sampleRoom({ users: [{ ...sampleUsers.alice, username: 'Alice' }] })));
    const store = makeStore();
    await store.dispatch(createRoom({ username: 'alice', limit: 5 }));
    expect(selectSession(store.getState())?.username).toBe('Alice');
  });
});

describe('joinRoom', () => {
  it.each([
    [403, 'Room is full'],
    [409, 'Username already exists'],
    [404, 'Room not found'],
    [400, 'Username has invalid characters'],
  ])('words a %i refusal as %s', async (status, message) => {
    mockFetch(() => jsonResponse(status, { detail: 'Username has invalid characters' }));
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'bob' }));
    expect(selectSessionError(store.getState())).toBe(message);
    expect(selectSession(store.getState())).toBeNull();
  });

  it('sends a stored token for the same name, so the server sees a reconnect', async () => {
    saveSession({ roomId: 'r1', username: 'Bob', token: 'old-token' });
    const calls = mockFetch(() =>
      jsonResponse(200, sampleRoom({ users: [sampleUsers.alice, sampleUsers.bob], token: 'old-token' })),
    );
    const store = makeStore();
    await store.dispatch(joinRoom({ roomId: 'r1', username: 'bob' }));
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer old-token');
    expect(selectSession(store.getState())).toEqual({ roomId: 'r1', username: 'bob', token: 'old-token' });
  });

  it('does not send a stored token of another name', async () => {
    saveSession({ roomId: 'r1', username: 'carol', token: 'carol-token' });
    const calls = mockFetch(() => jsonResponse(200, sampleRoom({ token: 'new' })));
    await makeStore().dispatch(joinRoom({ roomId: 'r1', username: 'bob' }));
    expect(calls[0]!.headers.has('Authorization')).toBe(false);
  });

  it('retries without the token when the server answers 401', async () => {
    saveSession({ roomId: 'r1', username: 'bob', token: 'revoked' });
    const calls = mockFetch((call) =>
      call.headers.has('Authorization')
        ? jsonResponse(401, { detail: 'invalid token' })
        : jsonResponse(200, sampleRoom({ users: [sampleUsers.alice, sampleUsers.bob], token: 'fresh' })),
    );
    const store = makeStore();
    await store.dispatch(
      joinRoom({ roomId: 'r1', username: 'bob', token: 'revoked', mode: 'rejoin' }),
    );
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers.has('Authorization')).toBe(false);
    expect(selectSession(store.getState())?.token).toBe('fresh');
    expect(loadSession('r1')?.token).toBe('fresh');
  });

  it('forgets the stored session of a room that no longer exists', async () => {
    saveSession({ roomId: 'gone', username: 'bob', token: 't' });
    mockFetch(() => jsonResponse(404, { detail: 'Room not found' }));
    await makeStore().dispatch(joinRoom({ roomId: 'gone', username: 'bob', mode: 'rejoin' }));
    expect(localStorage.getItem(sessionKey('gone'))).toBeNull();
  });
});

describe('leaveRoom', () => {
  it('posts leave with the token, then forgets the session', async () => {
    const calls = mockFetch((call) =>
      call.url.pathname.endsWith('/leave') ? jsonResponse(204) : jsonResponse(201, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(createRoom({ username: 'alice', limit: 5 }));
    await store.dispatch(leaveRoom());
    const leave = calls.find((c) => c.url.pathname === '/rooms/r1/leave');
    expect(leave?.method).toBe('POST');
    expect(leave?.headers.get('Authorization')).toBe('Bearer tok-alice');
    expect(selectSession(store.getState())).toBeNull();
    expect(store.getState().room.roomId).toBeNull();
    expect(loadSession('r1')).toBeNull();
  });

  it('still leaves locally when the server refuses', async () => {
    mockFetch((call) =>
      call.url.pathname.endsWith('/leave') ? jsonResponse(401, { detail: 'bad token' }) : jsonResponse(201, sampleRoom()),
    );
    const store = makeStore();
    await store.dispatch(createRoom({ username: 'alice', limit: 5 }));
    await store.dispatch(leaveRoom());
    expect(selectSession(store.getState())).toBeNull();
    expect(loadSession('r1')).toBeNull();
  });
});
