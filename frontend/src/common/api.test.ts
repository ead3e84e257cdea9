import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createRoom, detailOf, getDocument, joinRoom, leaveRoom, toErrorInfo } from './api';
import { jsonResponse, mockFetch, sampleRoom } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('creates a room with a JSON body of only username and limit', async () => {
    const calls = mockFetch(() => jsonResponse(201, sampleRoom()));
    const room = await createRoom('alice', 7);
    expect(room.roomId).toBe('r1');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url.pathname).toBe('/rooms');
    expect(calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]!.body).toEqual({ username: 'alice', limit: 7 });
    expect(calls[0]!.headers.has('Authorization')).toBe(false);
  });

  it('joins with the username in the query and an optional bearer token', async () => {
    const calls = mockFetch(() => jsonResponse(200, sampleRoom()));
    await joinRoom('my-room', 'Zoë B', undefined);
    await joinRoom('my-room', 'Zoë B', 'secret');
    expect(calls[0]!.url.pathname).toBe('/rooms/my-room');
    expect(calls[0]!.url.searchParams.get('username')).toBe('Zoë B');
    expect(calls[0]!.headers.has('Authorization')).toBe(false);
    expect(calls[1]!.headers.get('Authorization')).toBe('Bearer secret');
  });

  it('turns a non-2xx response into an ApiError with status and detail', async () => {
    mockFetch(() => jsonResponse(409, { detail: 'Username already exists in this room' }));
    const err = await joinRoom('r1', 'alice').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).detail).toBe('Username already exists in this room');
    expect(toErrorInfo(err)).toEqual({ status: 409, detail: 'Username already exists in this room' });
  });

  it('keeps the whole error body (e.g. the version of a 409 on updates)', async () => {
    mockFetch(() => jsonResponse(409, { detail: 'stale', version: 12 }));
    const err = (await getDocument('r1', 't').catch((e: unknown) => e)) as ApiError;
    expect(err.body).toEqual({ detail: 'stale', version: 12 });
  });

  it('copes with error bodies that are not JSON', async () => {
    mockFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const err = (await getDocument('r1', 't').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(err.detail).toBe('');
    expect(err.message).toBe('Request failed with status 502');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const err = (await createRoom('alice', 5).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
  });

  it('leaves with POST and the token, accepting 204', async () => {
    const calls = mockFetch(() => jsonResponse(204));
    await expect(leaveRoom('r 1', 'tok')).resolves.toBeUndefined();
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url.pathname).toBe('/rooms/r%201/leave');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('fetches the document with the token', async () => {
    const calls = mockFetch(() =>
      jsonResponse(200, { roomId: 'r1', version: 4, code: 'x', language: 'python', lastEditedBy: null, lastEditedAt: null }),
    );
    const doc = await getDocument('r1', 'tok');
    expect(doc.version).toBe(4);
    expect(calls[0]!.url.pathname).toBe('/rooms/r1/document');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('reads detail strings and FastAPI validation arrays', () => {
    expect(detailOf({ detail: 'Room not found' })).toBe('Room not found');
    expect(detailOf({ detail: [{ msg: 'field required' }, { msg: 'bad limit' }] })).toBe(
      'field required; bad limit',
    );
    expect(detailOf({ message: 'x' })).toBe('');
    expect(detailOf(null)).toBe('');
  });
});
