// The one owner of a room's network traffic: the WebSocket
// `/ws/{roomId}?token=` and every authenticated request of the room
// (updates, presence, language, save, limit, history, restore, documents,
// autocomplete). It parses what arrives into typed messages and results and
// hands them to its listener; it never touches Redux or CodeMirror. The
// socket reopens after any unexpected close, with a growing delay, for as
// long as the transport runs.
import { ApiError, request } from '../../common/api';
import type { RoomDocument } from '../../common/types';
import {
  isLogUpdate,
  parseServerMessage,
  type AutocompleteAnswer,
  type LogUpdate,
  type RoomHistory,
  type ServerMessage,
} from './messages';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting';

export interface TransportListener {
  message(msg: ServerMessage): void;
  /** The socket's state: first attempt, open, or waiting to reopen after a drop. */
  socket(status: SocketStatus): void;
  /** The socket opened (`first` is false after a drop: messages may have been missed). */
  opened(first: boolean): void;
  /** A request was refused with 401: the token is no longer valid. */
  unauthorized?(): void;
}

export interface TransportOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  requestTimeoutMs?: number;
  createSocket?: (url: string) => WebSocket;
  origin?: Location | URL;
}

/** An update as sent in `POST /updates`. */
export interface OutgoingUpdate {
  clientID: string;
  changes: unknown;
}

export type PushResult = { ok: true; version: number } | { ok: false; conflict: true; version: number };

export type SaveResult = { saved: true; version: number } | { saved: false; unchanged: true };

/** The WebSocket URL for a room on the page's own origin. */
export function socketUrl(roomId: string, token: string, origin: Location | URL = window.location): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}/ws/${encodeURIComponent(roomId)}?token=${encodeURIComponent(token)}`;
}

/** Whether a failure is worth retrying: unreachable, timeout, 5xx, 408, 429. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return err.status === 0 || err.status >= 500 || err.status === 408 || err.status === 429;
}

/** A protocol violation in an answer (a body that is not what PROTOCOL.md says). */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export class RoomTransport {
  readonly roomId: string;
  private readonly token: string;
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private everOpened = false;
  private running = false;
  private readonly listener: TransportListener;
  private readonly options: Required<Omit<TransportOptions, 'origin'>> & { origin?: Location | URL };
  private readonly onOnline = () => this.reconnectNow();

  constructor(roomId: string, token: string, listener: TransportListener, options: TransportOptions = {}) {
    this.roomId = roomId;
    this.token = token;
    this.listener = listener;
    this.options = {
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 5000,
      requestTimeoutMs: options.requestTimeoutMs ?? 15000,
      createSocket: options.createSocket ?? ((u) => new WebSocket(u)),
      origin: options.origin,
    };
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.open();
  }

  /** Closes the socket for good; no callbacks follow, answers in flight are dropped. */
  stop(): void {
    this.running = false;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'leaving');
    }
  }

  /** Drops the socket as a network fault would (it reopens by itself). */
  dropSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    this.socket = null;
    socket.close(4000, 'dropped');
    this.dropped();
  }

  /** Skips the wait before the next attempt (the browser says it is online again). */
  reconnectNow(): void {
    if (!this.running || this.socket || this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  private open(): void {
    this.listener.socket(this.everOpened || this.attempts > 0 ? 'reconnecting' : 'connecting');
    let socket: WebSocket;
    const origin = this.options.origin ?? window.location;
    try {
      socket = this.options.createSocket(socketUrl(this.roomId, this.token, origin));
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const first = !this.everOpened;
      this.attempts = 0;
      this.everOpened = true;
      this.listener.socket('open');
      this.listener.opened(first);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      const msg = parseServerMessage(event.data);
      if (msg) this.listener.message(msg);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.dropped();
    };
  }

  private dropped(): void {
    if (!this.running) return;
    this.listener.socket('reconnecting');
    const base = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(this.attempts, 10));
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempts += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running && !this.socket) this.open();
    }, delay);
  }

  // ---------------------------------------------------------------------
  // Requests. Each throws ApiError (status 0: unreachable or timed out).

  private path(rest: string): string {
    return `/rooms/${encodeURIComponent(this.roomId)}${rest}`;
  }

  private async call<T>(path: string, options: Parameters<typeof request>[1] = {}): Promise<T> {
    try {
      return await request<T>(path, { token: this.token, timeoutMs: this.options.requestTimeoutMs, ...options });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && this.running) this.listener.unauthorized?.();
      throw err;
    }
  }

  /**
   * `POST /updates`: sends updates made on `version`. 200 gives the new
   * version; 409 (stale) is a result, not an error, with the server's version.
   */
  async pushUpdates(version: number, updates: OutgoingUpdate[]): Promise<PushResult> {
    try {
      const body = await this.call<{ version?: unknown }>(this.path('/updates'), {
        method: 'POST',
        body: { version, updates },
      });
      if (typeof body?.version !== 'number') throw new ProtocolError('POST /updates answered 200 without a version');
      return { ok: true, version: body.version };
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const v = (err.body as { version?: unknown } | null)?.version;
        if (typeof v !== 'number') throw new ProtocolError('409 on POST /updates without a version');
        return { ok: false, conflict: true, version: v };
      }
      throw err;
    }
  }

  /** `GET /updates?since=`: every update from `since` on, checked to be consecutive. */
  async pullUpdates(since: number): Promise<{ version: number; updates: LogUpdate[] }> {
    const body = await this.call<{ version?: unknown; updates?: unknown }>(this.path('/updates'), {
      query: { since },
    });
    if (!body || typeof body.version !== 'number' || !Array.isArray(body.updates)) {
      throw new ProtocolError('GET /updates: unexpected body');
    }
    const updates = body.updates as unknown[];
    updates.forEach((u, i) => {
      if (!isLogUpdate(u) || u.version !== since + i) {
        throw new ProtocolError(`GET /updates?since=${since}: entry ${i} is not update ${since + i}`);
      }
    });
    return { version: body.version, updates: updates as LogUpdate[] };
  }

  /** `GET /document` at the current version or at `version`. */
  document(version?: number): Promise<RoomDocument> {
    return this.call<RoomDocument>(this.path('/document'), { query: { version } });
  }

  /** `POST /presence`: our cursor (positions in `version`) and typing state. */
  async sendPresence(presence: { anchor: number; head: number; version: number; typing?: boolean }): Promise<void> {
    await this.call<void>(this.path('/presence'), { method: 'POST', body: presence, timeoutMs: 5000 });
  }

  /** `PATCH /rooms/{id}`: the room's language. */
  async setLanguage(language: string): Promise<void> {
    await this.call<unknown>(this.path(''), { method: 'PATCH', body: { language } });
  }

  /** `POST /rooms/save`: a checkpoint of `code`; 304 means nothing changed since the last one. */
  async save(code: string, username: string): Promise<SaveResult> {
    try {
      const body = await this.call<{ version: number }>('/rooms/save', {
        method: 'POST',
        body: { roomId: this.roomId, code, username },
      });
      return { saved: true, version: body.version };
    } catch (err) {
      if (err instanceof ApiError && err.status === 304) return { saved: false, unchanged: true };
      throw err;
    }
  }

  /** `PATCH /rooms/{id}/limit?new_limit=` (owner only). */
  async changeLimit(limit: number): Promise<number> {
    const body = await this.call<{ limit: number }>(this.path('/limit'), {
      method: 'PATCH',
      query: { new_limit: limit },
    });
    return body.limit;
  }

  /** `GET /history`: checkpoints and contributors. */
  history(): Promise<RoomHistory> {
    return this.call<RoomHistory>(this.path('/history'));
  }

  /** `POST /restore`: one new update that brings back an old version's text. */
  async restore(version: number): Promise<number> {
    const body = await this.call<{ version: number }>(this.path('/restore'), {
      method: 'POST',
      body: { version },
    });
    return body.version;
  }

  /** `POST /autocomplete` (no token needed). */
  autocomplete(req: { code: string; cursorPosition: number; language: string }): Promise<AutocompleteAnswer> {
    return request<AutocompleteAnswer>('/autocomplete', { method: 'POST', body: req, timeoutMs: 3000 });
  }
}
