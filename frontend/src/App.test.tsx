import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { saveSession } from './common/storage';
import { jsonResponse, mockFetch, sampleRoom, sampleUsers, SilentWebSocket } from './test/http';
import { renderWithStore } from './test/render';

beforeEach(() => {
  SilentWebSocket.instances = [];
  vi.stubGlobal('WebSocket', SilentWebSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App routing', () => {
  it('shows the join form with the Room ID filled in at /r/{id} without a session', () => {
    const calls = mockFetch(() => jsonResponse(500));
    window.history.replaceState(null, '', '/r/room-42');
    renderWithStore(<App />);
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', 'room-42');
    expect(calls).toHaveLength(0);
  });

  it('rejoins with the stored token and shows the room', async () => {
    saveSession({ roomId: 'r1', username: 'bob', token: 'tok-bob' });
    const calls = mockFetch(() =>
      jsonResponse(200, sampleRoom({ users: [sampleUsers.alice, { ...sampleUsers.bob, online: true }], token: 'tok-bob' })),
    );
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);

    const users = await screen.findByRole('list', { name: 'Users' });
    expect(within(users).getByRole('listitem', { name: 'alice, online' })).toBeTruthy();
    expect(within(users).getByRole('listitem', { name: 'bob, online' })).toBeTruthy();
    expect(screen.getByText('2 / 5 online')).toBeTruthy();
    expect(screen.getByLabelText('Code').textContent).toBe('print("hi")\n');
    expect(screen.getByText('python')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.searchParams.get('username')).toBe('bob');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok-bob');
    // The room's socket is opened with the token.
    expect(SilentWebSocket.instances.at(-1)?.url).toBe('ws://localhost:3000/ws/r1?token=tok-bob');
  });

  it('falls back to the join form when the rejoin is refused', async () => {
    saveSession({ roomId: 'r1', username: 'bob', token: 'tok-bob' });
    mockFetch(() => jsonResponse(403, { detail: 'Room is full' }));
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    expect((await screen.findByRole('alert')).textContent).toBe('Room is full');
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', 'r1');
    expect(screen.getByLabelText('Username')).toHaveProperty('value', 'bob');
  });

  it('marks offline users and applies presence from the socket', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    mockFetch(() => jsonResponse(200, sampleRoom()));
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    await screen.findByRole('listitem', { name: 'alice, online' });
    const socket = SilentWebSocket.instances.at(-1)!;
    act(() => {
      socket.onopen?.();
      socket.onmessage?.({
        data: JSON.stringify({
          type: 'presence',
          users: [sampleUsers.alice, { ...sampleUsers.bob, online: false }],
          limit: 6,
          online: 1,
        }),
      });
    });
    expect(screen.getByRole('listitem', { name: 'bob, offline' })).toBeTruthy();
    expect(screen.getByText('1 / 6 online')).toBeTruthy();
    expect(screen.getByLabelText('Connection').textContent).toBe('Live');
  });

  it('disconnects: leave with the token, forget the session, back to /', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    const calls = mockFetch((call) =>
      call.url.pathname.endsWith('/leave') ? jsonResponse(204) : jsonResponse(200, sampleRoom()),
    );
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(localStorage.getItem('pair.session.r1')).toBeNull());
    expect(window.location.pathname).toBe('/');
    expect(screen.getByRole('button', { name: 'Create room' })).toBeTruthy();
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', '');
    const leave = calls.find((c) => c.url.pathname === '/rooms/r1/leave');
    expect(leave?.headers.get('Authorization')).toBe('Bearer tok-alice');
    expect(SilentWebSocket.instances.every((s) => s.closed)).toBe(true);
  });

  it('follows back and forward', () => {
    mockFetch(() => jsonResponse(500));
    renderWithStore(<App />);
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', '');
    act(() => {
      window.history.pushState(null, '', '/r/abc');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', 'abc');
  });
});
