import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { FakeServer } from '../../test/fakeServer';
import { jsonResponse, mockFetch, SilentWebSocket, type Call } from '../../test/http';
import { remoteCursorField, remoteCursors } from '../presence/remoteCursors';
import { RoomSession } from './roomSession';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function open(server: FakeServer) {
  const presence: number[] = [];
  const calls = mockFetch((call: Call) => {
    if (call.url.pathname.endsWith('/presence')) {
      presence.push(Date.now());
      return jsonResponse(204);
    }
    if (call.url.pathname.endsWith('/history')) return jsonResponse(200, { version: 0, checkpoints: [], contributors: [] });
    return server.handle(call);
  });
  const store = makeStore();
  const sockets: SilentWebSocket[] = [];
  const session = new RoomSession({
    roomId: server.roomId,
    token: 'tok',
    username: 'alice',
    dispatch: store.dispatch,
    transport: {
      origin: new URL('http://x'),
      createSocket: (url) => {
        const s = new SilentWebSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    },
  });
  session.start();
  const opened = await session.open([remoteCursors()]);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  const view = new EditorView({ state: opened.state, parent });
  session.attach(view, opened);
  sockets[0]!.onopen?.();
  const send = (msg: unknown) => sockets[0]!.onmessage?.({ data: JSON.stringify(msg) });
  const close = () => {
    session.stop();
    view.destroy();
    parent.remove();
  };
  return { session, view, store, presence, calls, send, close };
}

describe('RoomSession', () => {
  it('sends our cursor at most about ten times a second, in synced positions', async () => {
    const server = new FakeServer('r1', 'hello');
    const { view, presence, calls, close } = await open(server);
    const start = Date.now();
    for (let i = 0; i < 40; i++) {
      view.dispatch({ selection: { anchor: i % 5 } });
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 150));
    const elapsed = (Date.now() - start) / 1000;
    expect(presence.length).toBeGreaterThan(1);
    expect(presence.length).toBeLessThanOrEqual(Math.ceil(elapsed * 10) + 1);
    const last = calls.filter((c) => c.url.pathname.endsWith('/presence')).at(-1)!;
    expect(last.body).toMatchObject({ version: 0, typing: false });
    close();
  });

  it("places others' cursors, mapped from the version they were sent at", async () => {
    const server = new FakeServer('r1', 'hello');
    const { view, send, close } = await open(server);
    // bob's cursor at 5 in version 1, which we have not seen yet: it waits.
    send({ type: 'cursor', username: 'bob', color: '#3cb44b', anchor: 5, head: 5, version: 1 });
    expect(view.state.field(remoteCursorField).size).toBe(0);
    const entry = server.append('b', [[0, 'oh '], 5]);
    send({ type: 'update', ...entry });
    expect(view.state.doc.toString()).toBe('oh hello');
    expect(view.state.field(remoteCursorField).get('bob')).toMatchObject({ head: 5 });
    // A cursor of version 0 is mapped through update 0.
    send({ type: 'cursor', username: 'carol', color: 'red', anchor: 0, head: 5, version: 0 });
    expect(view.state.field(remoteCursorField).get('carol')).toMatchObject({ anchor: 3, head: 8 });
    // Our own cursor echo is not drawn; someone going offline loses theirs.
    send({ type: 'cursor', username: 'Alice', color: 'red', anchor: 0, head: 0, version: 1 });
    send({
      type: 'presence',
      users: [{ username: 'carol', online: false, typing: false, color: 'red', role: 'editor' }],
      limit: 5,
      online: 1,
    });
    expect([...view.state.field(remoteCursorField).keys()]).toEqual(['bob']);
    close();
  });

  it('reloads the editor when the log does not fit the document', async () => {
    const server = new FakeServer('r1', 'abc');
    const { session, store, send, close } = await open(server);
    const reset = vi.fn();
    session.onReset = reset;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    send({ type: 'update', version: 0, clientID: 'x', changes: [10, [0, '!']], username: 'b', at: 'now' });
    await vi.waitFor(() => expect(reset).toHaveBeenCalledTimes(1));
    expect(store.getState().connection.problem).toMatch(/reloaded/);
    close();
  });
});
