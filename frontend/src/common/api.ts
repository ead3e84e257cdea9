// The one module that talks HTTP to the Pair server. Every call uses a
// same-origin relative URL, sends/receives JSON, and turns a non-2xx response
// into an ApiError carrying the status and the server's `detail`.
import type { RoomDocument, RoomSnapshot } from './types';

/** A refusal by the server (non-2xx) or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  /** The parsed JSON body, when there was one (e.g. 409 on updates adds `version`). */
  readonly body: unknown;

  constructor(status: number, detail: string, body: unknown = null) {
    super(detail || `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.body = body;
  }
}

/** The serializable form of an error, as stored by thunks' rejectWithValue. */
export interface ApiErrorInfo {
  status: number;
  detail: string;
}

export function toErrorInfo(err: unknown): ApiErrorInfo {
  if (err instanceof ApiError) return { status: err.status, detail: err.detail };
  if (err instanceof Error) return { status: 0, detail: err.message };
  return { status: 0, detail: String(err) };
}

/**
 * Reads `detail` from an error body. FastAPI-style bodies carry a string;
 * validation errors may carry an array of `{msg}`; anything else is ignored.
 */
export function detailOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('detail' in body)) return '';
  const detail = (body as { detail: unknown }).detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => (typeof d === 'object' && d !== null && 'msg' in d ? String(d.msg) : String(d)))
      .join('; ');
  }
  return '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  token?: string;
  query?: Record<string, string | number | undefined>;
  /** Abandon the request after this long (ApiError status 0). */
  timeoutMs?: number;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Sends one request and returns the parsed JSON body (undefined for 204 or an
 * empty body). Throws ApiError for a non-2xx status, and ApiError with status
 * 0 when the server cannot be reached.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const controller = options.timeoutMs ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs) : null;
  let response: Response;
  let text: string;
  try {
    try {
      response = await fetch(buildUrl(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller?.signal,
      });
    } catch (err) {
      throw new ApiError(0, 'Cannot reach the server', err instanceof Error ? err.message : null);
    }
    try {
      text = response.status === 204 || response.status === 304 ? '' : await response.text();
    } catch (err) {
      throw new ApiError(0, 'Cannot reach the server', err instanceof Error ? err.message : null);
    }
  } finally {
    if (timer !== null) clearTimeout(timer);
  }

  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, detailOf(body), body ?? null);
  }
  return body as T;
}

function roomPath(roomId: string, rest = ''): string {
  return `/rooms/${encodeURIComponent(roomId)}${rest}`;
}

/** `POST /rooms`: creates a room owned by `username`; the server picks the id. */
export function createRoom(username: string, limit: number): Promise<RoomSnapshot> {
  return request<RoomSnapshot>('/rooms', { method: 'POST', body: { username, limit } });
}

/**
 * `GET /rooms/{id}?username=`: joins a room. With the token of an earlier
 * session under the same name the server treats it as a reconnect.
 */
export function joinRoom(roomId: string, username: string, token?: string): Promise<RoomSnapshot> {
  return request<RoomSnapshot>(roomPath(roomId), { query: { username }, token });
}

/** `GET /rooms/{id}/document` (T): the room's current document. */
export function getDocument(roomId: string, token: string): Promise<RoomDocument> {
  return request<RoomDocument>(roomPath(roomId, '/document'), { token });
}

/** `POST /rooms/{id}/leave` (T): goes offline at once and revokes the token. */
export async function leaveRoom(roomId: string, token: string): Promise<void> {
  await request<void>(roomPath(roomId, '/leave'), { method: 'POST', token });
}
