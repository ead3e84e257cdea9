// Helpers for unit tests that mock fetch. Only unit tests use them.
import { vi } from 'vitest';

export function jsonResponse(status: number, body?: unknown): Response {
  if (body === undefined || status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/**
 * Replaces fetch with a handler that sees each request as a parsed Call and
 * returns a Response. Returns the list of calls made, in order.
 */
export function mockFetch(handler: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const call: Call = {
        method: init.method ?? 'GET',
        url: new URL(String(input), 'http://pair.test'),
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      };
      calls.push(call);
      return handler(call);
    }),
  );
  return calls;
}

/** A WebSocket stand-in that never connects, so components can mount in jsdom. */
export class SilentWebSocket {
  static instances: SilentWebSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(public url: string) {
    SilentWebSocket.instances.push(this);
  }
  close() {
    this.closed = true;
  }
}

export const sampleUsers = {
  alice: { username: 'alice', online: true, typing: false, color: '#e06c75', role: 'owner' as const },
  bob: { username: 'bob', online: true, typing: false, color: '#61afef', role: 'editor' as const },
};

export function sampleRoom(overrides: Record<string, unknown> = {}) {
  return {
    roomId: 'r1',
    limit: 5,
    users: [sampleUsers.alice],
    token: 'tok-alice',
    version: 3,
    code: 'print("hi")\n',
    language: 'python',
    ...overrides,
  };
}
