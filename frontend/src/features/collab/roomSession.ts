// A room while its page is open: the transport (socket + requests), the
// collab sync of the editor, our cursor and typing state sent to the others,
// and theirs shown in the editor. It is the bridge between the network and
// the app: messages and sync events become Redux actions here; reducers
// never see a socket and Redux never sees the document.
import { Transaction, type Extension } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import type { AppDispatch } from '../../app/store';
import { ApiError } from '../../common/api';
import {
  browserOnlineChanged,
  editorReady,
  problemShown,
  reachabilityChanged,
  socketChanged,
  storageFailed,
  unsentChanged,
} from '../connection/connectionSlice';
import { checkpointReceived, fetchHistory } from '../history/historySlice';
import { presenceReceived, typingChanged } from '../presence/presenceSlice';
import { removeRemoteCursors, remoteCursorField, setRemoteCursor } from '../presence/remoteCursors';
import { languageChanged, limitChanged, versionSynced } from '../room/roomSlice';
import { sessionExpired } from '../session/sessionSlice';
import { MESSAGES } from '../session/validation';
import type { ServerMessage } from './messages';
import { clearOutbox } from './outbox';
import type { RoomLink } from './registry';
import { CollabSync, openDocument, type OpenedDocument } from './sync';
import { RoomTransport, type TransportOptions } from './transport';

type CursorMessage = Extract<ServerMessage, { type: 'cursor' }>;

export interface RoomSessionOptions {
  roomId: string;
  token: string;
  username: string;
  dispatch: AppDispatch;
  transport?: TransportOptions;
  gapMs?: number;
  /** Minimum time between two presence POSTs (the server allows ~30/s). */
  presenceIntervalMs?: number;
  /** How long after the last local edit we still count as typing. */
  typingIdleMs?: number;
  /** How long someone counts as typing after the last sign of it. */
  remoteTypingMs?: number;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class RoomSession implements RoomLink {
  readonly roomId: string;
  readonly username: string;
  readonly transport: RoomTransport;
  sync: CollabSync;
  /** Called when the editor must be rebuilt from the server (divergence, refused edit). */
  onReset: (() => void) | null = null;

  private readonly dispatch: AppDispatch;
  private readonly options: RoomSessionOptions;
  private view: EditorView | null = null;
  private running = false;
  private reachable = true;
  private storageWarned = false;
  private lastResetAt = 0;
  private readonly pendingCursors = new Map<string, CursorMessage>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private syncedTimer: ReturnType<typeof setTimeout> | null = null;
  private syncedLast: { version: number; by?: string; at?: string } | null = null;
  private historyTimer: ReturnType<typeof setTimeout> | null = null;

  // Our presence: at most one POST in flight, at most one per interval.
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceInflight = false;
  private presenceDirty = false;
  private presenceLastAt = 0;
  private presenceLastSent = '';
  private typingUntil = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly onOnline = () => this.dispatch(browserOnlineChanged(true));
  private readonly onOffline = () => this.dispatch(browserOnlineChanged(false));

  constructor(options: RoomSessionOptions) {
    this.options = options;
    this.roomId = options.roomId;
    this.username = options.username;
    this.dispatch = options.dispatch;
    this.transport = new RoomTransport(
      options.roomId,
      options.token,
      {
        message: (msg) => this.onMessage(msg),
        socket: (status) => this.dispatch(socketChanged(status)),
        opened: () => {
          this.sync.socketOpened();
          this.presenceLastSent = ''; // others may have missed it
          this.schedulePresence();
        },
        unauthorized: () => this.expired(),
      },
      options.transport,
    );
    this.sync = this.makeSync();
  }

  private makeSync(): CollabSync {
    return new CollabSync(
      this.transport,
      {
        pending: (n) => this.dispatch(unsentChanged(n)),
        synced: (version, last) => this.onSynced(version, last),
        reachable: (ok) => {
          if (ok === this.reachable) return;
          this.reachable = ok;
          this.dispatch(reachabilityChanged(ok));
        },
        refused: (status, detail) => {
          // Our unsent edits can never be accepted as they are (e.g. 413 too large):
          // drop them and reload the document, saying so.
          clearOutbox(this.roomId);
          this.dispatch(
            problemShown(
              `The server refused an edit (${status}${detail ? `: ${detail}` : ''}); the document was reloaded`,
            ),
          );
          this.reset();
        },
        fatal: (err) => {
          console.error('pair: sync error, reloading the document', err);
          this.dispatch(problemShown('The editor was out of step with the server and was reloaded'));
          this.reset();
        },
        storageFailed: () => {
          if (this.storageWarned) return;
          this.storageWarned = true;
          this.dispatch(storageFailed());
          this.dispatch(problemShown('This browser refused to keep unsent edits; keep the tab open until they are sent'));
        },
      },
      { roomId: this.roomId, gapMs: this.options.gapMs },
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.dispatch(browserOnlineChanged(navigator.onLine !== false));
    this.transport.start();
  }

  /** Stops everything; unsent edits stay in localStorage for the next visit. */
  stop(): void {
    this.running = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.transport.stop();
    this.sync.stop();
    for (const t of this.typingTimers.values()) clearTimeout(t);
    this.typingTimers.clear();
    for (const t of [this.syncedTimer, this.historyTimer, this.presenceTimer, this.typingTimer]) {
      if (t !== null) clearTimeout(t);
    }
    this.syncedTimer = this.historyTimer = this.presenceTimer = this.typingTimer = null;
    this.view = null;
    this.dispatch(socketChanged('idle'));
    this.dispatch(editorReady(false));
  }

  // -------------------------------------------------------------------
  // The editor

  /** Loads the starting state (with unsent edits from localStorage replayed). */
  open(extensions: Extension[]): Promise<OpenedDocument> {
    return openDocument(this.transport, this.roomId, [...extensions, this.viewExtension()]);
  }

  /** Starts syncing a view made from open()'s state. */
  attach(view: EditorView, opened: OpenedDocument): void {
    if (!this.running) return;
    this.view = view;
    this.dispatch(
      versionSynced({
        version: opened.document.version,
        by: opened.document.lastEditedBy,
        at: opened.document.lastEditedAt,
      }),
    );
    this.sync.attach(view);
    this.dispatch(editorReady(true));
    this.schedulePresence();
  }

  /** Forgets the view (it is being destroyed); a new sync is made for the next one. */
  detach(): void {
    this.view = null;
    this.sync.stop();
    this.sync = this.makeSync();
    this.dispatch(editorReady(false));
  }

  /** Rebuilds the editor from the server; repeated resets are spaced out so a bad log cannot spin. */
  private reset(): void {
    if (!this.running) return;
    const wait = Math.max(0, this.lastResetAt + 3000 - Date.now());
    setTimeout(() => {
      if (!this.running) return;
      this.lastResetAt = Date.now();
      this.onReset?.();
    }, wait);
  }

  /** The editor's text, or null while none is attached. */
  text(): string | null {
    return this.view ? this.view.state.doc.toString() : null;
  }

  flush(timeoutMs: number): Promise<boolean> {
    return this.sync.flush(timeoutMs);
  }

  private viewExtension(): Extension {
    return EditorView.updateListener.of((u: ViewUpdate) => this.onViewUpdate(u));
  }

  private onViewUpdate(u: ViewUpdate): void {
    if (u.view !== this.view) return;
    if (u.docChanged) this.sync.changed();
    const local = u.transactions.some((tr) => tr.docChanged && !tr.annotation(Transaction.remote));
    if (local) this.markTyping();
    if (u.selectionSet || local) this.schedulePresence();
  }

  // -------------------------------------------------------------------
  // Incoming

  private onMessage(msg: ServerMessage): void {
    switch (msg.type) {
      case 'update':
        this.sync.receive([msg]);
        if (msg.username) this.refreshTyping(msg.username, false);
        break;
      case 'presence': {
        this.dispatch(presenceReceived({ users: msg.users, limit: msg.limit }));
        const gone = msg.users.filter((u) => !u.online).map((u) => u.username);
        this.removeCursors(gone);
        for (const u of msg.users) if (u.typing && u.online) this.refreshTyping(u.username, true);
        break;
      }
      case 'cursor':
        if (sameName(msg.username, this.username)) break;
        this.placeCursor(msg);
        this.refreshTyping(msg.username, false);
        break;
      case 'typing':
        this.dispatch(typingChanged({ username: msg.username, typing: msg.typing }));
        if (msg.typing) this.refreshTyping(msg.username, true);
        else this.clearTypingTimer(msg.username);
        break;
      case 'limit':
        this.dispatch(limitChanged(msg.limit));
        break;
      case 'language':
        this.dispatch(languageChanged(msg.language));
        break;
      case 'checkpoint':
        this.dispatch(
          checkpointReceived({ version: msg.version, label: msg.label, username: msg.username, at: msg.at }),
        );
        this.scheduleHistory();
        break;
    }
  }

  private onSynced(version: number, last: { username?: string; at?: string } | null): void {
    this.syncedLast = { version, by: last?.username, at: last?.at };
    if (this.syncedTimer === null) {
      // Coalesced: a burst of updates is one render.
      this.syncedTimer = setTimeout(() => {
        this.syncedTimer = null;
        const s = this.syncedLast;
        if (s && this.running) this.dispatch(versionSynced(s));
      }, 50);
    }
    this.scheduleHistory(3000);
    if (this.pendingCursors.size) {
      for (const [name, msg] of [...this.pendingCursors]) {
        if (msg.version <= version) {
          this.pendingCursors.delete(name);
          this.placeCursor(msg);
        }
      }
    }
  }

  private placeCursor(msg: CursorMessage): void {
    const view = this.view;
    if (!view) {
      this.pendingCursors.set(msg.username.toLowerCase(), msg);
      return;
    }
    const mapped = this.sync.mapFromVersion([msg.anchor, msg.head], msg.version);
    if (mapped === 'later') {
      this.pendingCursors.set(msg.username.toLowerCase(), msg);
      return;
    }
    this.pendingCursors.delete(msg.username.toLowerCase());
    // Too old to map exactly (rare): show it where it says, clamped.
    const [anchor, head] = mapped ?? [msg.anchor, msg.head];
    view.dispatch({
      effects: setRemoteCursor.of({ username: msg.username, color: msg.color, anchor: anchor!, head: head! }),
    });
  }

  private removeCursors(names: string[]): void {
    for (const n of names) this.pendingCursors.delete(n.toLowerCase());
    const view = this.view;
    if (!view || !names.length) return;
    const shown = view.state.field(remoteCursorField, false);
    if (!shown || !names.some((n) => shown.has(n.toLowerCase()))) return;
    view.dispatch({ effects: removeRemoteCursors.of(names) });
  }

  /**
   * Keeps someone's "typing" for remoteTypingMs after the last sign of it;
   * `start` marks them typing (a typing message), otherwise only an existing
   * mark is extended.
   */
  private refreshTyping(username: string, start: boolean): void {
    if (sameName(username, this.username)) return;
    const key = username.toLowerCase();
    if (!start && !this.typingTimers.has(key)) return;
    this.clearTypingTimer(username);
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        this.dispatch(typingChanged({ username, typing: false }));
      }, this.options.remoteTypingMs ?? 5000),
    );
  }

  private clearTypingTimer(username: string): void {
    const key = username.toLowerCase();
    const t = this.typingTimers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.typingTimers.delete(key);
  }

  /** Refetches the history (contributors change with every edit) at most once per `delayMs`. */
  private scheduleHistory(delayMs = 300): void {
    if (this.historyTimer !== null) return;
    this.historyTimer = setTimeout(() => {
      this.historyTimer = null;
      if (this.running) void this.dispatch(fetchHistory());
    }, delayMs);
  }

  private expired(): void {
    if (!this.running) return;
    this.stop();
    this.dispatch(sessionExpired(MESSAGES.sessionExpired));
  }

  // -------------------------------------------------------------------
  // Our presence

  private markTyping(): void {
    const idle = this.options.typingIdleMs ?? 2000;
    this.typingUntil = Date.now() + idle;
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null;
      this.schedulePresence();
    }, idle + 10);
  }

  private schedulePresence(): void {
    if (!this.running || !this.view) return;
    this.presenceDirty = true;
    if (this.presenceTimer !== null || this.presenceInflight) return;
    const interval = this.options.presenceIntervalMs ?? 100;
    const wait = Math.max(0, this.presenceLastAt + interval - Date.now());
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      void this.sendPresence();
    }, wait);
  }

  private async sendPresence(): Promise<void> {
    const view = this.view;
    if (!view || !this.running || !this.sync.attached) return;
    this.presenceDirty = false;
    const sel = view.state.selection.main;
    const body = {
      anchor: this.sync.mapToSynced(sel.anchor),
      head: this.sync.mapToSynced(sel.head),
      version: this.sync.version(),
      typing: Date.now() < this.typingUntil,
    };
    const key = JSON.stringify(body);
    if (key === this.presenceLastSent) return;
    this.presenceInflight = true;
    this.presenceLastAt = Date.now();
    let pause = 0;
    try {
      await this.transport.sendPresence(body);
      this.presenceLastSent = key;
    } catch (err) {
      // Cursors are droppable; back off when told to slow down or unreachable.
      pause = err instanceof ApiError && (err.status === 429 || err.status === 0 || err.status >= 500) ? 1000 : 0;
      if (pause) this.presenceDirty = true;
    } finally {
      this.presenceInflight = false;
    }
    if (this.presenceDirty && this.running) {
      this.presenceLastAt = Date.now() + pause;
      this.schedulePresence();
    }
  }
}
