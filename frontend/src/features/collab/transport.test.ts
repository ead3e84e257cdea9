import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, SilentWebSocket } from '../../test/http';
import { parseServerMessage } from './messages';
import { RoomTransport, socketUrl } from './transport';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('parseServerMessage', () => {
  it('accepts the protocol messages', () => {
    expect(parseServerMessage('{"type":"limit","limit":7}')).toEqual({ type: 'limit', limit: 7 });
    expect(parseServerMessage('{"type":"presence","users":[{"username":"a","online":true}],"limit":2,"online":1}'))
      .toMatchObject({ type: 'presence', limit: 2 });
    expect(parseServerMessage('{"type":"update","version":3,"clientID":"c","changes":[1],"username":"a","at":"t"}'))
      .toMatchObject({ type: 'update', version: 3 });
    expect(parseServerMessage('{"type":"cursor","username":"b","color":"#fff","anchor":1,"head":2,"version":4}'))
      .toMatchObject({ type: 'cursor', head: 2 });
    expect(parseServerMessage('{"type":"typing","username":"b","typing":true}')).toMatchObject({ typing: true });
  });

  it('drops malformed frames', () => {
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('{"type":"nope"}')).toBeNull();
    expect(parseServerMessage('{"type":"limit","limit":"7"}')).toBeNull();
    expect(parseServerMessage('{"type":"presence","users":[{"name":"a"}]}')).toBeNull();
    expect(parseServerMessage('{"type":"update","version":3,"clientID":"c","changes":"x"}')).toBeNull();
    expect(parseServerMessage('{"type":"update","version":-1,"clientID":"c","changes":[]}')).toBeNull();
    expect(parseServerMessage('{"type":"cursor","username":"b","anchor":1,"head":2}')).toBeNull();
    expect(parseServerMessage('null')).toBeNull();
    expect(parseServerMessage(42)).toBeNull();
  });
});

describe('socketUrl', () => {
  it('uses the page origin and ws/wss', () => {
    expect(socketUrl('r 1', 'a+b', new URL('http://127.0.0.1:18080/r/x'))).toBe('ws://127.0.0.1:18080/ws/r%201?token=a%2Bb');
    expect(socketUrl('r1', 't', new URL('https://pair.example/'))).toBe('wss://pair.example/ws/r1?token=t');
  });
});

describe('RoomTransport socket', () => {
  function setup() {
    const sockets: SilentWebSocket[] = [];
    const listener = { message: vi.fn(), socket: vi.fn(), opened: vi.fn(), unauthorized: vi.fn() };
    const transport = new RoomTransport('r1', 't', listener, {
      baseDelayMs: 100,
      maxDelayMs: 400,
      origin: new URL('http://x'),
      createSocket: (url) => {
        const s = new SilentWebSocket(url);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
    return { sockets, listener, transport };
  }

  it('passes parsed messages and status on', () => {
    const { sockets, listener, transport } = setup();
    transport.start();
    expect(sockets[0]!.url).toBe('ws://x/ws/r1?token=t');
    sockets[0]!.onopen?.();
    sockets[0]!.onmessage?.({ data: '{"type":"language","language":"go","username":"a"}' });
    sockets[0]!.onmessage?.({ data: 'garbage' });
    expect(listener.socket.mock.calls.map((c) => c[0])).toEqual(['connecting', 'open']);
    expect(listener.opened).toHaveBeenCalledWith(true);
    expect(listener.message).toHaveBeenCalledTimes(1);
    expect(listener.message).toHaveBeenCalledWith({ type: 'language', language: 'go', username: 'a' });
    transport.stop();
  });

  it('reconnects after a drop with a growing, capped delay, and never gives up', () => {
    vi.useFakeTimers();
    const { sockets, listener, transport } = setup();
    transport.start();
    sockets[0]!.onopen?.();
    sockets[0]!.onclose?.();
    expect(listener.socket).toHaveBeenLastCalledWith('reconnecting');
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    // Many failed attempts in a row: it keeps trying, at most every 400 ms.
    for (let i = 1; i < 12; i++) {
      sockets[i]!.onclose?.();
      vi.advanceTimersByTime(400);
      expect(sockets).toHaveLength(i + 2);
    }
    sockets.at(-1)!.onopen?.();
    expect(listener.opened).toHaveBeenLastCalledWith(false);
    expect(listener.socket).toHaveBeenLastCalledWith('open');
    transport.stop();
  });

  it('stays closed after stop()', () => {
    vi.useFakeTimers();
    const { sockets, listener, transport } = setup();
    transport.start();
    const first = sockets[0]!;
    transport.stop();
    expect(first.closed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(listener.socket).toHaveBeenCalledTimes(1);
  });

  it('reconnects at once when the browser comes back online', () => {
    vi.useFakeTimers();
    const { sockets, transport } = setup();
    transport.start();
    sockets[0]!.onclose?.();
    expect(sockets).toHaveLength(1);
    window.dispatchEvent(new Event('online'));
    expect(sockets).toHaveLength(2);
    transport.stop();
  });
});

describe('RoomTransport requests', () => {
  const silent = { message: () => {}, socket: () => {}, opened: () => {} };

  it('pushes updates with the token; a 409 is a result with the current version', async () => {
    const calls = mockFetch((call) =>
      (call.body as { version: number }).version === 4
        ? jsonResponse(200, { version: 5 })
        : jsonResponse(409, { detail: 'stale', version: 4 }),
    );
    const t = new RoomTransport('r1', 'tok', silent);
    expect(await t.pushUpdates(3, [{ clientID: 'c', changes: [1] }])).toEqual({ ok: false, conflict: true, version: 4 });
    expect(await t.pushUpdates(4, [{ clientID: 'c', changes: [1] }])).toEqual({ ok: true, version: 5 });
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(calls[0]!.body).toEqual({ version: 3, updates: [{ clientID: 'c', changes: [1] }] });
  });

  it('checks that a pull is consecutive from `since`', async () => {
    mockFetch(() =>
      jsonResponse(200, { version: 7, updates: [{ version: 5, clientID: 'a', changes: [1] }, { version: 7, clientID: 'a', changes: [1] }] }),
    );
    const t = new RoomTransport('r1', 'tok', silent);
    await expect(t.pullUpdates(5)).rejects.toThrow(/not update 6/);
  });

  it('reports a 401 once the transport runs', async () => {
    mockFetch(() => jsonResponse(401, { detail: 'revoked' }));
    const unauthorized = vi.fn();
    const t = new RoomTransport('r1', 'tok', { ...silent, unauthorized }, { createSocket: () => new SilentWebSocket('x') as unknown as WebSocket });
    t.start();
    await expect(t.history()).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledTimes(1);
    t.stop();
  });

  it('sends presence, language, restore and autocomplete as the protocol says', async () => {
    const calls = mockFetch((call) =>
      call.url.pathname === '/autocomplete' ? jsonResponse(404, { detail: 'Not Found' }) : jsonResponse(call.method === 'POST' && call.url.pathname.endsWith('/presence') ? 204 : 200, { version: 9 }),
    );
    const t = new RoomTransport('r1', 'tok', silent);
    await t.sendPresence({ anchor: 1, head: 2, version: 3, typing: true });
    await t.setLanguage('rust');
    expect(await t.restore(2)).toBe(9);
    await expect(t.autocomplete({ code: 'pri', cursorPosition: 3, language: 'python' })).rejects.toMatchObject({ status: 404 });
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'POST /rooms/r1/presence',
      'PATCH /rooms/r1',
      'POST /rooms/r1/restore',
      'POST /autocomplete',
    ]);
    expect(calls[0]!.body).toEqual({ anchor: 1, head: 2, version: 3, typing: true });
    expect(calls[2]!.body).toEqual({ version: 2 });
  });
});
