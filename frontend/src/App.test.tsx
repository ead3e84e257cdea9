import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { saveSession } from './common/storage';
import { FakeServer } from './test/fakeServer';
import { jsonResponse, mockFetch, sampleRoom, sampleUsers, SilentWebSocket, type Call } from './test/http';
import { renderWithStore } from './test/render';

beforeEach(() => {
  SilentWebSocket.instances = [];
  vi.stubGlobal('WebSocket', SilentWebSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The server of room r1: join, leave, presence, history, and the update log. */
function roomServer(room = sampleRoom(), code = 'print("hi")\n') {
  const server = new FakeServer('r1', code);
  const calls = mockFetch((call: Call) => {
    const path = call.url.pathname;
    if (path === '/rooms/r1' && call.method === 'GET') return jsonResponse(200, room);
    if (path.endsWith('/leave') || path.endsWith('/presence')) return jsonResponse(204);
    if (path.endsWith('/history')) return jsonResponse(200, { version: server.version, checkpoints: [], contributors: [] });
    if (path === '/autocomplete') return jsonResponse(404, { detail: 'Not Found' });
    return server.handle(call);
  });
  return { server, calls };
}

function socket(): SilentWebSocket {
  return SilentWebSocket.instances.at(-1)!;
}

function send(msg: unknown) {
  act(() => socket().onmessage?.({ data: JSON.stringify(msg) }));
}

async function editorView(): Promise<EditorView> {
  const content = await screen.findByRole('textbox', { name: 'Code editor' });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor view');
  return view;
}

describe('App routing', () => {
  it('shows the join form with the Room ID filled in at /r/{id} without a session', () => {
    const calls = mockFetch(() => jsonResponse(500));
    window.history.replaceState(null, '', '/r/room-42');
    renderWithStore(<App />);
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', 'room-42');
    expect(calls).toHaveLength(0);
  });

  it('rejoins with the stored token and shows the room with its document in the editor', async () => {
    saveSession({ roomId: 'r1', username: 'bob', token: 'tok-bob' });
    const { calls } = roomServer(
      sampleRoom({ users: [sampleUsers.alice, { ...sampleUsers.bob, online: true }], token: 'tok-bob' }),
    );
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);

    const users = await screen.findByRole('list', { name: 'Users' });
    expect(within(users).getByRole('listitem', { name: 'alice, online' })).toBeTruthy();
    expect(within(users).getByRole('listitem', { name: 'bob, online' })).toBeTruthy();
    expect(screen.getByText('2 / 5 online')).toBeTruthy();
    const view = await editorView();
    expect(view.state.doc.toString()).toBe('print("hi")\n');
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('python');
    expect(calls[0]!.url.searchParams.get('username')).toBe('bob');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok-bob');
    expect(calls.some((c) => c.url.pathname === '/rooms/r1/document')).toBe(true);
    // The room's socket is opened with the token.
    expect(socket().url).toBe('ws://localhost:3000/ws/r1?token=tok-bob');
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

  it('applies presence and typing from the socket and shows the connection', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    roomServer();
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    await screen.findByRole('listitem', { name: 'alice, online' });
    await editorView();
    act(() => socket().onopen?.());
    send({ type: 'presence', users: [sampleUsers.alice, { ...sampleUsers.bob, online: false }], limit: 6, online: 1 });
    expect(screen.getByRole('listitem', { name: 'bob, offline' })).toBeTruthy();
    expect(screen.getByText('1 / 6 online')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
    send({ type: 'presence', users: [sampleUsers.alice, sampleUsers.bob], limit: 6, online: 2 });
    send({ type: 'typing', username: 'bob', typing: true });
    expect(screen.getByRole('listitem', { name: 'bob, online, typing' })).toBeTruthy();
    expect(screen.getByText('bob is typing…')).toBeTruthy();
    send({ type: 'typing', username: 'bob', typing: false });
    expect(screen.getByRole('listitem', { name: 'bob, online' })).toBeTruthy();
    send({ type: 'language', language: 'go', username: 'bob' });
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('go');
  });

  it('sends local edits, applies remote ones, and shows remote cursors with names', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    const { server } = roomServer();
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    const view = await editorView();
    act(() => socket().onopen?.());
    server.onAccept = (entry) => setTimeout(() => send({ type: 'update', ...entry }), 1);
    act(() => view.dispatch({ changes: { from: 0, insert: '# ' }, userEvent: 'input.type' }));
    await waitFor(() => expect(server.text()).toBe('# print("hi")\n'));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
    // bob writes at the end, then puts his cursor there.
    const entry = server.append('bob-client', [14, [0, 'x']]);
    send({ type: 'update', ...entry });
    expect(view.state.doc.toString()).toBe('# print("hi")\nx');
    send({ type: 'cursor', username: 'bob', color: '#3cb44b', anchor: 15, head: 15, version: 2 });
    const label = await waitFor(() => {
      const el = document.querySelector('.cm-remote-label');
      if (!el) throw new Error('no label');
      return el;
    });
    expect(label.textContent).toBe('bob');
  });

  it('reconnects after a dropped socket and catches up with what it missed', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    const { server } = roomServer();
    window.history.replaceState(null, '', '/r/r1');
    renderWithStore(<App />);
    const view = await editorView();
    const first = socket();
    act(() => first.onopen?.());
    await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
    act(() => first.onclose?.());
    expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Reconnecting…');
    // While the socket is down, bob writes; nothing tells us.
    server.append('bob-client', [12, [0, '# bob\n']]);
    await waitFor(() => expect(SilentWebSocket.instances.length).toBeGreaterThan(1), { timeout: 3000 });
    act(() => socket().onopen?.());
    await waitFor(() => expect(view.state.doc.toString()).toBe('print("hi")\n# bob\n'));
    expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected');
  });

  it('disconnects: leave with the token, forget the session, back to /', async () => {
    saveSession({ roomId: 'r1', username: 'alice', token: 'tok-alice' });
    const { calls } = roomServer();
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
