// The one owner of a room's WebSocket. It opens `/ws/{roomId}?token=`,
// hands parsed messages to its listener, reports its status, and reopens
// after an unexpected close with a bounded, growing delay. It never touches
// Redux: the hook that creates it turns callbacks into actions.
import type { ConnectionStatus } from '../room/roomSlice';
import { parseServerMessage, type ServerMessage } from './messages';

export interface TransportListener {
  message(msg: ServerMessage): void;
  status(status: ConnectionStatus): void;
  /** Called when the socket opens again after a drop (state may be stale). */
  reopened(): void;
}

export interface TransportOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  createSocket?: (url: string) => WebSocket;
}

/** The WebSocket URL for a room on the page's own origin. */
export function socketUrl(roomId: string, token: string, origin: Location | URL = window.location): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}/ws/${encodeURIComponent(roomId)}?token=${encodeURIComponent(token)}`;
}

export class RoomTransport {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private everOpened = false;
  private stopped = false;
  private readonly url: string;
  private readonly listener: TransportListener;
  private readonly options: Required<TransportOptions>;

  constructor(url: string, listener: TransportListener, options: TransportOptions = {}) {
    this.url = url;
    this.listener = listener;
    this.options = {
      maxAttempts: options.maxAttempts ?? 8,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 15000,
      createSocket: options.createSocket ?? ((u) => new WebSocket(u)),
    };
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Closes the socket for good; no callbacks follow. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'leaving');
    }
  }

  private open(): void {
    this.listener.status('connecting');
    let socket: WebSocket;
    try {
      socket = this.options.createSocket(this.url);
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.listener.status('open');
      if (this.everOpened) this.listener.reopened();
      this.everOpened = true;
    };
    socket.onmessage = (event: MessageEvent) => {
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
    if (this.stopped) return;
    this.listener.status('closed');
    if (this.attempts >= this.options.maxAttempts) return;
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** this.attempts);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }
}
