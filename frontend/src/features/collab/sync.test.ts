import { ChangeSet, EditorState, type ChangeSpec, type Transaction } from '@codemirror/state';
import { getSyncedVersion, sendableUpdates } from '@codemirror/collab';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeServer, restoreNetwork } from '../../test/fakeServer';
import { jsonResponse } from '../../test/http';
import { loadOutbox, outboxKey, saveOutbox } from './outbox';
import { CollabSync, collabStateExtensions, openDocument, textOf, type SyncEvents } from './sync';
import { RoomTransport } from './transport';

afterEach(() => {
  restoreNetwork();
});

const silent = { message: () => {}, socket: () => {}, opened: () => {} };

/** An editor without a view: a state, and a sync told about every transaction. */
class Host {
  sync: CollabSync | null = null;
  constructor(public state: EditorState) {}
  dispatch(tr: Transaction) {
    this.state = tr.state;
    this.sync?.changed();
  }
  edit(changes: ChangeSpec) {
    this.dispatch(this.state.update({ changes }));
  }
  text() {
    return this.state.doc.toString();
  }
}

function setup(server: FakeServer, opts: { clientID?: string; events?: SyncEvents; gapMs?: number; quietMs?: number } = {}) {
  const transport = new RoomTransport(server.roomId, 'tok', silent, { requestTimeoutMs: 2000 });
  const events = { pending: vi.fn(), synced: vi.fn(), reachable: vi.fn(), fatal: vi.fn(), refused: vi.fn(), ...opts.events };
  const sync = new CollabSync(transport, events, {
    roomId: server.roomId,
    gapMs: opts.gapMs ?? 30,
    quietMs: opts.quietMs,
    maxBackoffMs: 40,
  });
  return { transport, sync, events };
}

function hostAt(server: FakeServer, clientID = 'me') {
  return new Host(
    EditorState.create({
      doc: textOf(server.text()),
      extensions: collabStateExtensions(server.version, clientID),
    }),
  );
}

const posts = (server: FakeServer) => server.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/updates'));
const pulls = (server: FakeServer) => server.calls.filter((c) => c.method === 'GET' && c.url.pathname.endsWith('/updates'));

describe('CollabSync push', () => {
  it('keeps one POST in flight and sends what piled up in one batch', async () => {
    const server = new FakeServer('r1', 'ab').install();
    // Echo accepted updates on the "socket" shortly after the answer.
    const { sync } = setup(server);
    server.onAccept = (entry) => setTimeout(() => sync.receive([entry]), 5);
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    host.edit({ from: 2, insert: 'c' });
    host.edit({ from: 3, insert: 'd' });
    host.edit({ from: 4, insert: 'e' });
    expect(posts(server)).toHaveLength(1);
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(posts(server).map((c) => (c.body as { updates: unknown[] }).updates.length)).toEqual([1, 2]);
    expect((posts(server)[1]!.body as { version: number }).version).toBe(1);
    expect(server.text()).toBe('abcde');
    expect(host.text()).toBe('abcde');
    expect(getSyncedVersion(host.state)).toBe(3);
  });

  it('on 409 pulls, rebases over the other edits, and sends again', async () => {
    const server = new FakeServer('r1', 'hello').install();
    const { sync } = setup(server);
    const host = hostAt(server);
    host.sync = sync;
    // Someone else writes before our push reaches the server.
    server.append('other', ChangeSet.of({ from: 0, insert: '>> ' }, 5));
    sync.attach(host);
    host.edit({ from: 5, insert: ' world' });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(sync.stats.conflicts + pulls(server).length).toBeGreaterThan(0);
    expect(server.text()).toBe('>> hello world');
    expect(host.text()).toBe('>> hello world');
    // Exactly one copy of our edit in the log.
    expect(server.log.filter((e) => e.clientID === 'me')).toHaveLength(1);
  });

  /**
   * 'hello' in a room where someone else's update lands just before our
   * first POST (so it gets a 409); `socketBringsIt` says whether the socket
   * then delivers that update. Our own accepted updates echo back at once.
   * Returns the sync after our " world" was sent and confirmed.
   */
  async function conflictOnFirstPost(socketBringsIt: boolean, gapMs: number) {
    const server = new FakeServer('r1', 'hello').install();
    const { sync } = setup(server, { gapMs });
    server.onAccept = (entry) => setTimeout(() => sync.receive([entry]), 5);
    let raced = false;
    server.fault = (call) => {
      if (call.method === 'POST' && !raced) {
        raced = true;
        const entry = server.append('other', ChangeSet.of({ from: 0, insert: '>> ' }, server.text().length));
        if (socketBringsIt) setTimeout(() => sync.receive([entry]), 5);
      }
      return undefined;
    };
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(pulls(server)).toHaveLength(1)); // the catch-up on attach
    host.edit({ from: 5, insert: ' world' });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(sync.stats.conflicts).toBe(1);
    expect(server.text()).toBe('>> hello world');
    expect(host.text()).toBe('>> hello world');
    return server;
  }

  it('on 409 waits for the socket to bring the missing update, then sends again without a pull', async () => {
    const server = await conflictOnFirstPost(true, 1000);
    expect(pulls(server)).toHaveLength(1);
    expect(posts(server)).toHaveLength(2);
  });

  it('on 409 with a silent socket pulls after gapMs and sends again', async () => {
    const server = await conflictOnFirstPost(false, 30);
    expect(pulls(server)).toHaveLength(2);
  });

  it('a reader whose socket delivers nothing asks the log after quietMs', async () => {
    const server = new FakeServer('r1', 'hello').install();
    const { sync } = setup(server, { quietMs: 80 });
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(pulls(server)).toHaveLength(1)); // the catch-up on attach
    // Someone else writes; the socket never brings it, and we do not edit.
    server.append('other', ChangeSet.of({ from: 5, insert: '!' }, 5));
    await vi.waitFor(() => expect(host.text()).toBe('hello!'));
    expect(pulls(server)).toHaveLength(2);
    sync.stop();
  });

  it('retries when the server is unreachable, reporting it, and never sends twice', async () => {
    const server = new FakeServer('r1', '').install();
    let failures = 2;
    server.fault = (call) => (call.method === 'POST' && failures-- > 0 ? jsonResponse(502, { detail: 'bad gateway' }) : undefined);
    const { sync, events } = setup(server);
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    host.edit({ from: 0, insert: 'x' });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(events.reachable).toHaveBeenCalledWith(false);
    expect(events.reachable).toHaveBeenLastCalledWith(true);
    expect(server.text()).toBe('x');
    expect(server.log).toHaveLength(1);
  });

  it('a POST committed but answered with an error becomes a 409, not a second copy', async () => {
    const server = new FakeServer('r1', '').install();
    let lose = true;
    const { sync } = setup(server);
    server.fault = (call) => {
      if (call.method === 'POST' && lose) {
        lose = false;
        const body = call.body as { updates: { clientID: string; changes: unknown[] }[] };
        for (const u of body.updates) server.append(u.clientID, u.changes, 'alice'); // committed...
        return jsonResponse(504, { detail: 'timeout' }); // ...but the answer is lost
      }
      return undefined;
    };
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    host.edit({ from: 0, insert: 'once' });
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(server.text()).toBe('once');
    expect(host.text()).toBe('once');
  });
});

describe('CollabSync refusals', () => {
  it('stops sending and reports an update the server refuses for good (413)', async () => {
    const server = new FakeServer('r1', '').install();
    server.fault = (call) => (call.method === 'POST' ? jsonResponse(413, { detail: 'document too large' }) : undefined);
    const { sync, events } = setup(server);
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    host.edit({ from: 0, insert: 'huge' });
    await vi.waitFor(() => expect(events.refused).toHaveBeenCalledWith(413, 'document too large'));
    expect(posts(server)).toHaveLength(1);
    expect(events.fatal).not.toHaveBeenCalled();
  });

  it('treats a log that does not fit the document as fatal', async () => {
    const server = new FakeServer('r1', 'abc').install();
    const { sync, events } = setup(server, { gapMs: 10_000 });
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    sync.receive([{ version: 0, clientID: 'x', changes: [10, [0, '!']] }]);
    expect(events.fatal).toHaveBeenCalled();
    expect(host.text()).toBe('abc');
  });
});

describe('CollabSync receive', () => {
  it('applies updates strictly in order, buffering those ahead of a gap', () => {
    const server = new FakeServer('r1', '').install();
    const e0 = server.append('b', [[0, 'a']]);
    const e1 = server.append('b', [1, [0, 'b']]);
    const e2 = server.append('b', [2, [0, 'c']]);
    const { sync } = setup(server, { gapMs: 10_000 });
    const host = new Host(EditorState.create({ doc: '', extensions: collabStateExtensions(0, 'me') }));
    host.sync = sync;
    sync.attach(host);
    sync.receive([e2]);
    sync.receive([e1]);
    expect(host.text()).toBe('');
    sync.receive([e0]);
    expect(host.text()).toBe('abc');
    sync.receive([e0, e1]); // duplicates
    expect(host.text()).toBe('abc');
    expect(sync.stats.buffered).toBe(2);
    expect(sync.stats.duplicates).toBeGreaterThanOrEqual(2);
  });

  it('pulls when a gap lasts', async () => {
    const server = new FakeServer('r1', '').install();
    const { sync } = setup(server, { gapMs: 20 });
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(pulls(server)).toHaveLength(1)); // the catch-up pull of attach
    server.append('b', [[0, 'x']]);
    const e1 = server.append('b', [1, [0, 'y']]);
    sync.receive([e1]); // update 0 never arrives on the socket
    expect(host.text()).toBe('');
    await vi.waitFor(() => expect(host.text()).toBe('xy'));
    expect(pulls(server).length).toBe(2);
  });

  it('pulls after the socket reopens', async () => {
    const server = new FakeServer('r1', '').install();
    const { sync } = setup(server);
    const host = hostAt(server);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(pulls(server)).toHaveLength(1));
    server.append('b', [[0, 'missed']]);
    sync.socketOpened();
    await vi.waitFor(() => expect(host.text()).toBe('missed'));
  });

  it('keeps updates that arrive before the editor is attached', () => {
    const server = new FakeServer('r1', '').install();
    const e0 = server.append('b', [[0, 'a']]);
    const e1 = server.append('b', [1, [0, 'b']]);
    const { sync } = setup(server, { gapMs: 10_000 });
    sync.receive([e0, e1]);
    const host = new Host(EditorState.create({ doc: 'a', extensions: collabStateExtensions(1, 'me') }));
    host.sync = sync;
    sync.attach(host);
    expect(host.text()).toBe('ab');
  });

  it('maps positions from an older version and back to the synced one', () => {
    const server = new FakeServer('r1', 'hello').install();
    const e0 = server.append('b', [[0, '12'], 5]);
    const { sync } = setup(server, { gapMs: 10_000 });
    const host = hostAt(new FakeServer('r1', 'hello'));
    host.sync = sync;
    sync.attach(host);
    sync.receive([e0]);
    server.fault = () => jsonResponse(503, {}); // keep our edit unsent
    host.edit({ from: 0, insert: 'abc' });
    expect(host.text()).toBe('abc12hello');
    // "h" at 0 in version 0 -> 2 in version 1 -> 5 locally.
    expect(sync.mapFromVersion([0], 0)).toEqual([5]);
    expect(sync.mapFromVersion([0], 5)).toBe('later');
    expect(sync.mapToSynced(5)).toBe(2);
    sync.stop();
  });
});

describe('outbox', () => {
  it('stores unsent edits with their version, and removes them once confirmed', async () => {
    const server = new FakeServer('r1', 'abc').install();
    server.append('b', [3, [0, '!']]);
    let down = true;
    server.fault = () => (down ? jsonResponse(502, {}) : undefined);
    const { sync } = setup(server);
    const host = new Host(EditorState.create({ doc: 'abc!', extensions: collabStateExtensions(1, 'me') }));
    host.sync = sync;
    sync.attach(host);
    host.edit({ from: 0, insert: 'X' });
    host.edit({ from: 1, insert: 'Y' });
    const stored = loadOutbox('r1');
    expect(stored).toMatchObject({ roomId: 'r1', version: 1, clientID: 'me' });
    expect(stored!.changes).toEqual([
      [[0, 'X'], 4],
      [1, [0, 'Y'], 4],
    ]);
    down = false;
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(localStorage.getItem(outboxKey('r1'))).toBeNull();
    expect(server.text()).toBe('XYabc!');
  });

  it('reopens from the stored version and sends the edits rebased over what happened since', async () => {
    const server = new FakeServer('r1', 'one\n').install();
    server.append('b', [4, [0, 'two\n']]); // v1: "one\ntwo\n"
    // Our edit, made on version 1 and never sent, is in localStorage.
    saveOutbox({ roomId: 'r1', version: 1, clientID: 'old', changes: [[[0, '# '], 8]], savedAt: 0 });
    // Others went on meanwhile.
    server.append('b', [8, [0, 'three\n']]);
    const { sync } = setup(server);
    const opened = await openDocument(new RoomTransport('r1', 'tok', silent), 'r1', []);
    expect(opened.restored).toBe(1);
    expect(opened.document.version).toBe(1);
    const host = new Host(opened.state);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(sync.pending()).toBe(0));
    expect(server.text()).toBe('# one\ntwo\nthree\n');
    expect(host.text()).toBe('# one\ntwo\nthree\n');
    expect(loadOutbox('r1')).toBeNull();
  });

  it('does not send again a stored edit that the server had already accepted', async () => {
    const server = new FakeServer('r1', 'a').install();
    saveOutbox({ roomId: 'r1', version: 0, clientID: 'old', changes: [[1, [0, 'b']]], savedAt: 0 });
    server.append('old', [1, [0, 'b']]); // it was committed just before the page closed
    server.append('x', [2, [0, 'c']]);
    const { sync } = setup(server);
    const opened = await openDocument(new RoomTransport('r1', 'tok', silent), 'r1', []);
    const host = new Host(opened.state);
    host.sync = sync;
    sync.attach(host);
    await vi.waitFor(() => expect(getSyncedVersion(host.state)).toBe(2));
    expect(sendableUpdates(host.state)).toHaveLength(0);
    expect(host.text()).toBe('abc');
    expect(posts(server)).toHaveLength(0);
  });

  it('opens the current document when there is no outbox', async () => {
    const server = new FakeServer('r1', 'x').install();
    server.append('b', [1, [0, 'y']]);
    const opened = await openDocument(new RoomTransport('r1', 'tok', silent), 'r1', []);
    expect(opened.restored).toBe(0);
    expect(opened.state.doc.toString()).toBe('xy');
    expect(getSyncedVersion(opened.state)).toBe(1);
  });
});
