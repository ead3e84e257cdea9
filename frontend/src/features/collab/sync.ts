// Keeps a CodeMirror state in step with the server's update log, the way
// @codemirror/collab expects an authority to be used (PROTOCOL.md, "Live
// edits"): the document and the unconfirmed local updates live only in the
// editor's collab state; this class moves them over the network.
//
//   - Push: one POST in flight, every sendable update (up to maxBatch) at the
//     synced version. 200: wait until the log shows them back (the socket's
//     echo, or a pull after gapMs). 409: wait for the socket to bring the
//     missing updates (a pull if it has not within gapMs), let
//     receiveUpdates rebase, send again. Unreachable/5xx: back off and send
//     again (the version check turns a resend of something already committed
//     into a 409, never a second copy).
//   - Receive: updates from the socket or a pull go through one in-order
//     gate: below the synced version they are duplicates, ahead of it they
//     are buffered, and a gap that lasts gapMs triggers GET /updates?since=.
//   - Outbox: whenever the unsent updates change they are written to
//     localStorage with the version they apply to, so a reload can resend them.
import { ChangeSet, EditorState, Text, Transaction, type ChangeDesc, type Extension } from '@codemirror/state';
import { collab, getClientID, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { ApiError } from '../../common/api';
import type { RoomDocument } from '../../common/types';
import type { LogUpdate } from './messages';
import { clearOutbox, loadOutbox, saveOutbox } from './outbox';
import { isTransient, ProtocolError, type OutgoingUpdate, type PushResult } from './transport';

/** What the sync needs of an editor: its state and a way to apply a transaction. */
export interface SyncHost {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/** The network side: RoomTransport in the app, a stub over mocked fetch in tests. */
export interface SyncNetwork {
  pushUpdates(version: number, updates: OutgoingUpdate[]): Promise<PushResult>;
  pullUpdates(since: number): Promise<{ version: number; updates: LogUpdate[] }>;
}

export interface SyncEvents {
  /** The number of unsent local updates changed. */
  pending?(count: number): void;
  /** Updates from the log were applied; `last` is the newest one's author and time. */
  synced?(version: number, last: { username?: string; at?: string } | null): void;
  /** Whether the last request reached the server. */
  reachable?(ok: boolean): void;
  /** The server refused our updates for good (400, 413, …): they cannot be sent as they are. */
  refused?(status: number, detail: string): void;
  /** The log and our state disagree: the editor must be reopened from the server. */
  fatal?(err: Error): void;
  /** localStorage refused the outbox (quota, private mode). */
  storageFailed?(): void;
}

export interface SyncOptions {
  roomId: string;
  gapMs?: number;
  /** After this long without any update from the log, ask the server anyway. */
  quietMs?: number;
  maxBatch?: number;
  maxBackoffMs?: number;
}

const RECENT_LIMIT = 500;

/** A document string as a CodeMirror Text, splitting on "\n" only ("\r" stays a character). */
export function textOf(s: string): Text {
  return Text.of(s.split('\n'));
}

/** Extensions every synced state carries: "\n" as the only line break, and collab. */
export function collabStateExtensions(version: number, clientID: string): Extension[] {
  return [EditorState.lineSeparator.of('\n'), collab({ startVersion: version, clientID })];
}

/** A fresh collab clientID (the server takes 1-64 characters). */
export function newClientID(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return 'w-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface OpenedDocument {
  state: EditorState;
  document: RoomDocument;
  /** How many unsent updates from localStorage were put back as local edits. */
  restored: number;
}

/**
 * Builds the editor's starting state. Without a stored outbox: the current
 * document. With one: the document at the outbox's version with the stored
 * updates replayed on it as local edits (same clientID), so that the first
 * pull rebases them over whatever happened since and recognises those the
 * server had already accepted.
 */
export async function openDocument(
  source: { document(version?: number): Promise<RoomDocument> },
  roomId: string,
  extensions: Extension[],
): Promise<OpenedDocument> {
  const outbox = loadOutbox(roomId);
  if (outbox) {
    let doc: RoomDocument | null = null;
    try {
      doc = await source.document(outbox.version);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      clearOutbox(roomId); // that version does not exist (another server?): nothing to rebase on
    }
    if (doc) {
      let state = EditorState.create({
        doc: textOf(doc.code),
        extensions: [...collabStateExtensions(outbox.version, outbox.clientID), ...extensions],
      });
      let restored = 0;
      for (const json of outbox.changes) {
        let changes: ChangeSet;
        try {
          changes = ChangeSet.fromJSON(json);
        } catch {
          break;
        }
        if (changes.length !== state.doc.length) break;
        state = state.update({ changes, annotations: Transaction.addToHistory.of(false) }).state;
        restored++;
      }
      return { state, document: doc, restored };
    }
  }
  const doc = await source.document();
  const state = EditorState.create({
    doc: textOf(doc.code),
    extensions: [...collabStateExtensions(doc.version, newClientID()), ...extensions],
  });
  return { state, document: doc, restored: 0 };
}

export class CollabSync {
  private host: SyncHost | null = null;
  private readonly net: SyncNetwork;
  private readonly events: SyncEvents;
  private readonly roomId: string;
  private readonly gapMs: number;
  private readonly quietMs: number;
  private readonly maxBatch: number;
  private readonly maxBackoffMs: number;

  /** Updates ahead of the synced version, by version (and, before attach, all of them). */
  private readonly buffer = new Map<number, LogUpdate>();
  /** The change descs of recently applied log updates, by version: to map cursors. */
  private readonly recent = new Map<number, ChangeDesc>();
  /** After a 200: the version our accepted updates bring the log to. */
  private awaitVersion = 0;
  private pushRunning = false;
  private inflight = false;
  private pullPromise: Promise<number> | null = null;
  private pullAgain = false;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  /** When an update from the log last arrived (Date.now()). */
  private lastHeard = 0;
  private stopped = false;
  private blocked = false;
  private lastSendable: readonly unknown[] | null = null;
  private lastPending = -1;
  private readonly waiters = new Set<() => void>();
  private wakeRetry: (() => void) | null = null;

  // Counters, for tests and diagnostics.
  readonly stats = { posts: 0, conflicts: 0, pulls: 0, retries: 0, duplicates: 0, buffered: 0, applied: 0 };

  constructor(net: SyncNetwork, events: SyncEvents, options: SyncOptions) {
    this.net = net;
    this.events = events;
    this.roomId = options.roomId;
    this.gapMs = options.gapMs ?? 500;
    this.quietMs = options.quietMs ?? 20_000;
    this.maxBatch = options.maxBatch ?? 50;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
  }

  /** Starts syncing `host` (its state must carry collab()): catch up, then send what is unsent. */
  attach(host: SyncHost): void {
    this.host = host;
    this.stopped = false;
    this.awaitVersion = Math.max(this.awaitVersion, this.version());
    this.persist();
    this.ingest([]);
    // Catch up before sending: stored edits are rebased without a 409 round trip.
    this.pullSoon();
    this.armQuietTimer();
  }

  /** Stops for good: nothing is sent or applied any more (the outbox stays stored). */
  stop(): void {
    this.stopped = true;
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    this.notify();
  }

  get attached(): boolean {
    return this.host !== null;
  }

  /** The synced version: every log update below it has been applied. */
  version(): number {
    return this.host ? getSyncedVersion(this.host.state) : 0;
  }

  /** The number of local updates the log has not shown back yet. */
  pending(): number {
    return this.host ? sendableUpdates(this.host.state).length : 0;
  }

  clientID(): string | null {
    return this.host ? getClientID(this.host.state) : null;
  }

  /** Whether a POST is on its way. */
  get sending(): boolean {
    return this.inflight;
  }

  /** Call after every transaction of the host: stores and sends new local updates. */
  changed(): void {
    if (!this.host || this.stopped) return;
    this.persist();
    this.kick();
    this.notify();
  }

  /** Updates from the socket, in any order, possibly duplicated. */
  receive(updates: LogUpdate[]): void {
    this.ingest(updates);
  }

  /**
   * The socket (re)opened: whatever was published while it was closed is
   * fetched, and a push waiting out a back-off tries again at once.
   */
  socketOpened(): void {
    this.wakeRetry?.();
    this.pullSoon();
  }

  /** A back-off wait that socketOpened() cuts short. */
  private retryPause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeRetry === done) this.wakeRetry = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeRetry = done;
    });
  }

  /**
   * Resolves true once nothing is unsent and no POST is in flight, false after
   * `timeoutMs` (or when stopped).
   */
  async flush(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    this.kick();
    while (!this.stopped) {
      if (this.host && this.pending() === 0 && !this.inflight) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.waitChange(Math.min(left, 250));
    }
    return false;
  }

  /**
   * Maps positions given in log version `version` to the local document
   * (through the log updates since then and our unsent edits). Returns 'later'
   * when that version has not been applied yet, null when it is too old.
   */
  mapFromVersion(positions: number[], version: number): number[] | 'later' | null {
    if (!this.host) return 'later';
    const synced = this.version();
    if (version > synced) return 'later';
    const descs: ChangeDesc[] = [];
    for (let v = version; v < synced; v++) {
      const desc = this.recent.get(v);
      if (!desc) return null;
      descs.push(desc);
    }
    for (const u of sendableUpdates(this.host.state)) descs.push(u.changes.desc);
    return positions.map((p) => {
      let pos = p;
      for (const desc of descs) pos = desc.mapPos(Math.min(Math.max(pos, 0), desc.length), 1);
      return Math.min(Math.max(pos, 0), this.host!.state.doc.length);
    });
  }

  /** Maps a local position back to the synced version (before our unsent edits). */
  mapToSynced(pos: number): number {
    if (!this.host) return pos;
    const ups = sendableUpdates(this.host.state);
    for (let i = ups.length - 1; i >= 0; i--) {
      const inv = ups[i]!.changes.desc.invertedDesc;
      pos = inv.mapPos(Math.min(Math.max(pos, 0), inv.length), -1);
    }
    return pos;
  }

  // -------------------------------------------------------------------
  // Outbox

  private persist(): void {
    if (!this.host) return;
    const ups = sendableUpdates(this.host.state);
    if (ups !== this.lastSendable) {
      this.lastSendable = ups;
      const ok = saveOutbox({
        roomId: this.roomId,
        version: this.version(),
        clientID: getClientID(this.host.state),
        changes: ups.map((u) => u.changes.toJSON() as unknown[]),
        savedAt: Date.now(),
      });
      if (!ok) this.events.storageFailed?.();
    }
    if (ups.length !== this.lastPending) {
      this.lastPending = ups.length;
      this.events.pending?.(ups.length);
    }
  }

  // -------------------------------------------------------------------
  // Push

  private kick(): void {
    if (this.pushRunning || this.stopped || this.blocked || !this.host) return;
    if (this.pending() === 0) return;
    this.pushRunning = true;
    this.pushLoop()
      .catch((err: unknown) => this.fail(err))
      .finally(() => {
        this.pushRunning = false;
        this.notify();
        if (!this.stopped && !this.blocked && this.pending() > 0) this.kick();
      });
  }

  private async pushLoop(): Promise<void> {
    let backoff = 0;
    const pause = async () => {
      backoff = Math.min(backoff ? backoff * 2 : 100, this.maxBackoffMs);
      await this.retryPause(backoff / 2 + Math.random() * (backoff / 2));
    };
    /** A pull, or on a transient failure the back-off; whether the pull went through. */
    const pullOrPause = async (): Promise<boolean> => {
      try {
        await this.pull();
        return true;
      } catch (err) {
        if (!isTransient(err)) throw err;
        await pause();
        return false;
      }
    };
    for (;;) {
      if (this.stopped || this.blocked || !this.host) return;
      const ups = sendableUpdates(this.host.state);
      if (!ups.length) return;
      const synced = this.version();
      if (synced < this.awaitVersion) {
        // Our last accepted POST has not come back through the log yet: the
        // socket normally brings it; if it does not within gapMs, pull.
        const changed = await this.waitChange(this.gapMs);
        if (!changed && this.version() < this.awaitVersion) await pullOrPause();
        continue;
      }
      const batch = ups.slice(0, this.maxBatch);
      const body = batch.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() }));
      let res: PushResult;
      this.inflight = true;
      try {
        res = await this.net.pushUpdates(synced, body);
      } catch (err) {
        if (!isTransient(err)) throw err;
        this.stats.retries++;
        this.events.reachable?.(false);
        await pause();
        continue;
      } finally {
        this.inflight = false;
      }
      if (this.stopped) return;
      this.events.reachable?.(true);
      if (res.ok) {
        if (res.version !== synced + batch.length) {
          throw new ProtocolError(
            `POST /updates at ${synced} with ${batch.length} update(s) answered version ${res.version}`,
          );
        }
        backoff = 0;
        this.stats.posts++;
        this.awaitVersion = Math.max(this.awaitVersion, res.version);
        this.armGapTimer();
        continue;
      }
      this.stats.conflicts++;
      // The socket normally brings what we missed within milliseconds: wait
      // for it (at most gapMs) and ask the log only if it does not come.
      if (!(await this.waitVersion(res.version, this.gapMs)) && !(await pullOrPause())) continue;
      if (this.version() === synced) await pause(); // no progress: do not spin
      else backoff = 0;
    }
  }

  // -------------------------------------------------------------------
  // Pull

  /** A pull whose failure only re-arms the gap timer (or ends the sync when fatal). */
  private pullSoon(): void {
    if (!this.host || this.stopped) return;
    this.pull().then(
      () => {
        this.armGapTimer();
        this.kick();
      },
      (err: unknown) => {
        if (isTransient(err)) {
          this.events.reachable?.(false);
          this.kick(); // the push loop retries by itself
          // Try again: the gap timer only runs while we are known to be behind.
          setTimeout(() => this.pullSoon(), Math.min(this.maxBackoffMs, 1000));
        } else this.fail(err);
      },
    );
  }

  /**
   * GET /updates?since=<synced> and applies the result. Concurrent calls share
   * the request in flight plus one more after it, so a caller always sees the
   * log as of some moment after its call.
   */
  private pull(): Promise<number> {
    if (this.pullPromise) {
      this.pullAgain = true;
      return this.pullPromise;
    }
    this.pullPromise = (async () => {
      try {
        let v = this.version();
        do {
          this.pullAgain = false;
          v = await this.pullOnce();
        } while (this.pullAgain && !this.stopped);
        return v;
      } finally {
        this.pullPromise = null;
      }
    })();
    return this.pullPromise;
  }

  private async pullOnce(): Promise<number> {
    if (!this.host || this.stopped) return this.version();
    const since = this.version();
    this.stats.pulls++;
    const body = await this.net.pullUpdates(since);
    this.events.reachable?.(true);
    if (body.version !== since + body.updates.length) {
      throw new ProtocolError(`GET /updates?since=${since}: version ${body.version} with ${body.updates.length} update(s)`);
    }
    this.ingest(body.updates);
    return body.version;
  }

  // -------------------------------------------------------------------
  // The in-order gate

  private ingest(updates: LogUpdate[]): void {
    if (this.stopped) return;
    if (updates.length) this.lastHeard = Date.now();
    const synced = this.version();
    for (const u of updates) {
      if (this.host && u.version < synced) {
        this.stats.duplicates++;
        continue;
      }
      if (this.buffer.has(u.version)) this.stats.duplicates++;
      else if (this.host && u.version > synced) this.stats.buffered++;
      this.buffer.set(u.version, u);
    }
    if (!this.host) return; // kept until attach
    for (const v of [...this.buffer.keys()]) if (v < synced) this.buffer.delete(v);
    const run: LogUpdate[] = [];
    for (let v = synced; this.buffer.has(v); v++) {
      run.push(this.buffer.get(v)!);
      this.buffer.delete(v);
    }
    if (run.length) {
      try {
        this.apply(run);
      } catch (err) {
        this.fail(err);
        return;
      }
    }
    this.armGapTimer();
    this.notify();
    if (run.length) this.kick();
  }

  /** Applies consecutive log updates starting at the synced version, checking each. */
  private apply(run: LogUpdate[]): void {
    const host = this.host!;
    const unconfirmed = sendableUpdates(host.state);
    let len = unconfirmed.length ? unconfirmed[0]!.changes.length : host.state.doc.length;
    const updates = run.map((u) => {
      let changes: ChangeSet;
      try {
        changes = ChangeSet.fromJSON(u.changes);
      } catch (err) {
        throw new ProtocolError(`update ${u.version}: invalid change set (${(err as Error).message})`);
      }
      if (changes.length !== len) {
        throw new ProtocolError(`update ${u.version} covers ${changes.length} units, the document has ${len}`);
      }
      len = changes.newLength;
      return { changes, clientID: u.clientID };
    });
    const before = this.version();
    host.dispatch(receiveUpdates(host.state, updates));
    if (this.version() !== before + run.length) {
      throw new ProtocolError(`synced version ${this.version()} after applying ${run.length} from ${before}`);
    }
    run.forEach((u, i) => this.recent.set(u.version, updates[i]!.changes.desc));
    for (const v of this.recent.keys()) {
      if (this.recent.size <= RECENT_LIMIT) break;
      this.recent.delete(v);
    }
    this.stats.applied += run.length;
    this.persist();
    const last = run[run.length - 1]!;
    this.events.synced?.(this.version(), { username: last.username, at: last.at });
  }

  /**
   * A socket can stay open and deliver nothing (nchan in Redis mode has been
   * seen to, after Redis restarts), and an editor that is only reading would
   * never notice: after quietMs without any update, the log is asked.
   */
  private armQuietTimer(delay = this.quietMs): void {
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      if (this.stopped || !this.host) return;
      const quiet = Date.now() - this.lastHeard;
      if (quiet < this.quietMs) {
        this.armQuietTimer(this.quietMs - quiet); // heard from the log meanwhile
        return;
      }
      this.pull().then(
        () => this.armQuietTimer(),
        (err: unknown) => {
          if (isTransient(err)) this.armQuietTimer();
          else this.fail(err);
        },
      );
    }, delay);
  }

  /**
   * While behind what we know of the log (a buffered update ahead of a gap,
   * or an accepted POST not seen yet), pull after gapMs unless the gap fills.
   */
  private armGapTimer(): void {
    const behind = () => this.buffer.size > 0 || this.version() < this.awaitVersion;
    if (!behind() || this.stopped || !this.host) {
      if (this.gapTimer !== null) clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer !== null) return;
    const at = this.version();
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (!behind() || this.stopped) return;
      if (this.version() > at) {
        this.armGapTimer(); // progress: give the rest its own delay
        return;
      }
      this.pull().then(
        () => this.armGapTimer(),
        (err: unknown) => {
          if (isTransient(err)) {
            this.events.reachable?.(false);
            this.armGapTimer();
          } else this.fail(err);
        },
      );
    }, this.gapMs);
  }

  // -------------------------------------------------------------------

  private fail(err: unknown): void {
    if (this.stopped) return;
    if (err instanceof ApiError && !isTransient(err) && err.status !== 409) {
      if (err.status === 401 || err.status === 403) {
        this.stop(); // the session is over; the outbox stays for the next one
        return;
      }
      // A refusal of our updates (400 invalid, 413 too large): resending the
      // same thing cannot succeed.
      this.blocked = true;
      this.events.refused?.(err.status, err.detail);
      return;
    }
    this.stop();
    this.events.fatal?.(err instanceof Error ? err : new Error(String(err)));
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves true once the synced version reaches `version`, false after ms (or when stopped). */
  private async waitVersion(version: number, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.version() < version) {
      const left = deadline - Date.now();
      if (left <= 0 || this.stopped) return false;
      await this.waitChange(left);
    }
    return true;
  }

  /** Resolves true at the next state change, false after ms. */
  private waitChange(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(true);
      };
      this.waiters.add(wake);
    });
  }
}
