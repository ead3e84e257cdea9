import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseServerMessage } from './messages';
import { RoomTransport, socketUrl } from './transport';
import { SilentWebSocket } from '../../test/http';

afterEach(() => {
  vi.useRealTimers();
});

describe('parseServerMessage', () => {
  it('accepts the protocol messages', () => {
    expect(parseServerMessage('{"type":"limit","limit":7}')).toEqual({ type: 'limit', limit: 7 });
    expect(parseServerMessage('{"type":"presence","users":[{"username":"a","online":true}],"limit":2,"online":1}'))
      .toMatchObject({ type: 'presence', limit: 2 });
    expect(parseServerMessage('{"type":"update","version":3,"clientID":"c","changes":[1],"username":"a","at":"t"}'))
      .toMatchObject({ type: 'update', version: 3 });
  });

  it('drops malformed frames', () => {
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('{"type":"nope"}')).toBeNull();
    expect(parseServerMessage('{"type":"limit","limit":"7"}')).toBeNull();
    expect(parseServerMessage('{"type":"presence","users":[{"name":"a"}]}')).toBeNull();
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

describe('RoomTransport', () => {
  function setup(maxAttempts = 2) {
    const sockets: SilentWebSocket[] = [];
    const listener = { message: vi.fn(), status: vi.fn(), reopened: vi.fn() };
    const transport = new RoomTransport('ws://x/ws/r1?token=t', listener, {
      maxAttempts,
      baseDelayMs: 100,
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
    sockets[0]!.onopen?.();
    sockets[0]!.onmessage?.({ data: '{"type":"language","language":"go","username":"a"}' });
    sockets[0]!.onmessage?.({ data: 'garbage' });
    expect(listener.status.mock.calls.map((c) => c[0])).toEqual(['connecting', 'open']);
    expect(listener.message).toHaveBeenCalledTimes(1);
    expect(listener.message).toHaveBeenCalledWith({ type: 'language', language: 'go', username: 'a' });
  });

  it('reopens after a drop, with a bounded number of attempts', () => {
    vi.useFakeTimers();
    const { sockets, listener, transport } = setup(2);
    transport.start();
    sockets[0]!.onopen?.();
    sockets[0]!.onclose?.();
    expect(listener.status).toHaveBeenLastCalledWith('closed');
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.onopen?.();
    expect(listener.reopened).toHaveBeenCalledTimes(1);
    // Two failed attempts in a row, then it gives up.
    sockets[1]!.onclose?.();
    vi.advanceTimersByTime(100);
    sockets[2]!.onclose?.();
    vi.advanceTimersByTime(200);
    sockets[3]!.onclose?.();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(4);
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
    expect(listener.status).toHaveBeenCalledTimes(1);
  });
});
