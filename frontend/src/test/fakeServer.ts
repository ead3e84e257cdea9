// An in-memory stand-in for the server's update log behind a mocked fetch:
// POST/GET /rooms/{id}/updates and GET /rooms/{id}/document behave as
// PROTOCOL.md says (stale version: 409 with the current one). Tests use it to
// exercise the real transport and sync with only the network replaced.
import { ChangeSet, Text } from '@codemirror/state';
import { vi } from 'vitest';
import { jsonResponse, mockFetch, type Call } from './http';

export interface LogEntry {
  version: number;
  clientID: string;
  changes: unknown[];
  username: string;
  at: string;
}

export class FakeServer {
  readonly roomId: string;
  readonly log: LogEntry[] = [];
  readonly texts: Text[];
  calls: Call[] = [];
  /** Return a Response to override the normal answer (faults); undefined to answer normally. */
  fault: ((call: Call) => Response | Promise<Response> | undefined) | null = null;
  /** Called with each accepted entry (e.g. to deliver it as a socket message). */
  onAccept: ((entry: LogEntry) => void) | null = null;

  constructor(roomId = 'r1', initial = '') {
    this.roomId = roomId;
    this.texts = [Text.of(initial.split('\n'))];
  }

  get version(): number {
    return this.log.length;
  }

  text(version = this.version): string {
    return this.texts[version]!.toString();
  }

  /** Appends an update as another client would; returns the entry. */
  append(clientID: string, changes: ChangeSet | unknown[], username = 'bob'): LogEntry {
    const cs = changes instanceof ChangeSet ? changes : ChangeSet.fromJSON(changes);
    const doc = this.texts[this.version]!;
    if (cs.length !== doc.length) throw new Error(`length ${cs.length} != ${doc.length}`);
    const entry = { version: this.version, clientID, changes: cs.toJSON() as unknown[], username, at: new Date().toISOString() };
    this.texts.push(cs.apply(doc));
    this.log.push(entry);
    return entry;
  }

  /** Installs the mocked fetch. */
  install(): this {
    this.calls = mockFetch((call) => this.handle(call));
    return this;
  }

  async handle(call: Call): Promise<Response> {
    const faulted = this.fault?.(call);
    if (faulted) return faulted;
    const base = `/rooms/${this.roomId}`;
    const path = call.url.pathname;
    if (path === `${base}/updates` && call.method === 'POST') {
      const body = call.body as { version: number; updates: { clientID: string; changes: unknown[] }[] };
      if (body.version !== this.version) {
        return jsonResponse(409, { detail: 'stale', version: this.version });
      }
      for (const u of body.updates) {
        const entry = this.append(u.clientID, u.changes, 'alice');
        this.onAccept?.(entry);
      }
      return jsonResponse(200, { version: this.version });
    }
    if (path === `${base}/updates` && call.method === 'GET') {
      const since = Number(call.url.searchParams.get('since'));
      if (since > this.version) return jsonResponse(400, { detail: 'since beyond' });
      return jsonResponse(200, { version: this.version, updates: this.log.slice(since) });
    }
    if (path === `${base}/document`) {
      const v = call.url.searchParams.has('version') ? Number(call.url.searchParams.get('version')) : this.version;
      if (v > this.version) return jsonResponse(404, { detail: 'no such version' });
      return jsonResponse(200, {
        roomId: this.roomId,
        version: v,
        code: this.text(v),
        language: 'python',
        lastEditedBy: null,
        lastEditedAt: null,
      });
    }
    return jsonResponse(404, { detail: `no route ${call.method} ${path}` });
  }
}

export function restoreNetwork(): void {
  vi.unstubAllGlobals();
}
