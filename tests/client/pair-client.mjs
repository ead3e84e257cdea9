// PairClient: a headless reference client for Pair's collaboration protocol
// (shared/PROTOCOL.md: change sets, versions, POST/GET /rooms/{id}/updates
// and the WebSocket `update` message).
//
// It runs the real CodeMirror 6 collab machinery (@codemirror/state and
// @codemirror/collab) the way the browser does, without a view:
//
//   - local edits are transactions on an EditorState with the collab()
//     extension; they wait in `sendableUpdates` until the server's log shows
//     them back;
//   - one push loop sends them (one POST in flight at a time) at the synced
//     version; 409 -> pull, rebase (receiveUpdates does it), resend;
//     network errors and 5xx -> back off and resend (the server's version
//     check makes a resend of an update that was in fact committed a 409,
//     never a second copy);
//   - updates from the server (WebSocket or pull) go through one in-order
//     gate: below the synced version they are duplicates and dropped, ahead
//     of it they are buffered, and a gap that lasts `gapMs` triggers
//     GET /updates?since=.
//
// Nothing here depends on the order or completeness of WebSocket delivery:
// the socket only makes things faster, the pull is what guarantees progress.

import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { collab, getClientID, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/** An error after which the client cannot go on (a contract violation or a rejected edit). */
export class PairFatalError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'PairFatalError';
    Object.assign(this, details);
  }
}

/** An HTTP failure worth retrying (network error, timeout, 5xx). */
class TransientError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'TransientError';
    this.status = status;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A document string as a CodeMirror Text, splitting on "\n" only ("\r" stays a character). */
export function textOf(s) {
  return Text.of(String(s).split('\n'));
}

/** The canonical form of a change set: its merged changes [fromA, toA, inserted]. */
export function canonicalChanges(cs) {
  const out = [];
  cs.iterChanges((fromA, toA, _fromB, _toB, inserted) => out.push([fromA, toA, inserted.toString()]));
  return JSON.stringify([cs.length, out]);
}

export class PairClient {
  /**
   * @param {object} o
   * @param {string} o.baseUrl    e.g. http://127.0.0.1:8080
   * @param {string} o.roomId
   * @param {string} o.token      session token of create or join
   * @param {string} [o.clientID] 1-64 characters; random by default
   * @param {number} [o.gapMs]    how long a gap may last before a pull (500)
   * @param {number} [o.maxBatch] at most this many updates per POST (50)
   * @param {number} [o.requestTimeoutMs] per HTTP request (15000)
   * @param {boolean} [o.autoReconnect] reopen a socket that closed by itself (true)
   * @param {boolean} [o.keepHistory] remember the text of every version seen with nothing pending
   */
  constructor({ baseUrl, roomId, token, clientID, gapMs = 500, maxBatch = 50, requestTimeoutMs = 15_000, autoReconnect = true, keepHistory = false } = {}) {
    if (!baseUrl || !roomId || !token) throw new TypeError('PairClient needs baseUrl, roomId and token');
    this.baseUrl = String(baseUrl).replace(/\/+$/, '');
    this.roomId = roomId;
    this.token = token;
    this.clientID = clientID ?? `c-${randomBytes(8).toString('hex')}`;
    this.gapMs = gapMs;
    this.maxBatch = maxBatch;
    this.requestTimeoutMs = requestTimeoutMs;
    this.autoReconnect = autoReconnect;
    this.history = keepHistory ? new Map() : null;

    this.state = null;
    this.buffer = new Map(); // version -> {version, clientID, changes} ahead of the synced version
    this.serverVersion = 0; // highest version the server is known to have reached
    this.awaitVersion = 0; // after a 200: the version our accepted updates bring us to
    this.inflight = false;
    this.pushRunning = false;
    this.pullPromise = null;
    this.pullAgain = false;
    this.gapTimer = null;
    this.ws = null;
    this.connected = false;
    this.wantSocket = false;
    this.reconnectTimer = null;
    this.reconnectDelay = 0;
    this.opened = false;
    this.closed = false;
    this.error = null;
    this.waiters = new Set();

    // Counters, for tests and curiosity.
    this.acceptedUpdates = 0; // updates in POSTs answered 200
    this.acceptedPosts = 0;
    this.confirmedOwn = 0; // own updates seen in the server's log
    this.appliedRemote = 0; // other clients' updates applied
    this.conflicts = 0; // 409s
    this.retries = 0; // transient failures of POST /updates
    this.misdirected = 0; // 200s that cannot be the answer to their request
    this.pulls = 0;
    this.duplicates = 0; // updates received at or below the synced version
    this.buffered = 0; // updates that arrived ahead of a gap
    this.wsMessages = 0;
    this.wsOpens = 0;
  }

  // -------------------------------------------------------------------------
  // Public API

  /** Loads the document (GET /document) and opens the WebSocket. */
  async open() {
    if (this.opened) throw new Error('PairClient.open() called twice');
    this.opened = true;
    const res = await this._request('GET', `/rooms/${encodeURIComponent(this.roomId)}/document`);
    if (res.status !== 200) throw new PairFatalError(`GET /document answered ${res.status}: ${res.text.slice(0, 300)}`, { status: res.status });
    const { version, code } = res.json ?? {};
    if (!Number.isInteger(version) || version < 0 || typeof code !== 'string') {
      throw new PairFatalError(`GET /document: unexpected body ${res.text.slice(0, 300)}`);
    }
    this.state = EditorState.create({
      doc: textOf(code),
      extensions: [EditorState.lineSeparator.of('\n'), collab({ startVersion: version, clientID: this.clientID })],
    });
    this.serverVersion = version;
    this.awaitVersion = version;
    this._record();
    this.wantSocket = true;
    try {
      await this._connect();
    } catch (err) {
      this.close();
      throw err;
    }
    return this;
  }

  /**
   * Applies a local edit: a ChangeSpec, or a function of the EditorState
   * returning one. Returns the ChangeSet of the edit.
   */
  edit(spec) {
    this._assertUsable();
    if (typeof spec === 'function') spec = spec(this.state);
    const tr = this.state.update({ changes: spec });
    this.state = tr.state;
    this._kick();
    this._notify();
    return tr.changes;
  }

  /** The local document (including unconfirmed edits). */
  text() {
    return this.state ? this.state.doc.toString() : '';
  }

  /** The synced version: every update below it has been applied. */
  version() {
    return this.state ? getSyncedVersion(this.state) : 0;
  }

  /** Number of local updates the server's log has not shown back yet. */
  pending() {
    return this.state ? sendableUpdates(this.state).length : 0;
  }

  /** The collab clientID in use. */
  id() {
    return this.state ? getClientID(this.state) : this.clientID;
  }

  /** Whether the WebSocket is open. */
  isConnected() {
    return this.connected;
  }

  /**
   * Resolves when nothing is pending, no POST is in flight and the client has
   * applied every update up to the server's current version (it asks the
   * server). Rejects on timeout or after a fatal error.
   */
  async settle(timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.error) throw this.error;
      if (this.closed) throw new Error('PairClient is closed');
      if (this.pending() === 0 && !this.inflight) {
        let target = null;
        try {
          target = await this._pull();
        } catch (err) {
          if (this.error) throw this.error;
          if (err instanceof PairFatalError) throw err;
        }
        if (target !== null && this.pending() === 0 && !this.inflight && this.version() >= target) return;
      } else {
        this._kick();
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `settle: not settled after ${timeoutMs} ms (client ${this.clientID}: pending ${this.pending()}, inflight ${this.inflight}, ` +
            `version ${this.version()}, server version ${this.serverVersion}, buffered ${[...this.buffer.keys()].join(',')})`,
        );
      }
      await this._waitChange(Math.min(left, 100));
    }
  }

  /** Drops the WebSocket without a close frame and does not reopen it until reconnect(). */
  dropSocket() {
    this.wantSocket = false;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.connected = false;
    if (ws) ws.terminate();
  }

  /**
   * (Re)opens the WebSocket (dropping the current one) and catches up with a
   * pull. Rejects if this attempt fails; unless the handshake was refused
   * with a 4xx, the client keeps trying in the background.
   */
  async reconnect() {
    this._assertUsable();
    this.dropSocket();
    this.wantSocket = true;
    await this._connect();
  }

  /** Closes the socket and stops every loop. Pending edits are abandoned. */
  close() {
    if (this.closed) return;
    this.dropSocket();
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this._notify();
  }

  // -------------------------------------------------------------------------
  // HTTP

  async _request(method, path, json) {
    const headers = { Authorization: `Bearer ${this.token}` };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    }
    let res;
    try {
      res = await fetch(this.baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(this.requestTimeoutMs) });
    } catch (err) {
      throw new TransientError(`${method} ${path}: ${err.cause?.code || err.name}: ${err.cause?.message || err.message}`);
    }
    let text;
    try {
      text = await res.text();
    } catch (err) {
      throw new TransientError(`${method} ${path}: reading the body: ${err.message}`);
    }
    let parsed;
    try {
      parsed = text.length ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text, json: parsed };
  }

  // -------------------------------------------------------------------------
  // Push

  _kick() {
    if (this.pushRunning || this.closed || this.error || !this.state) return;
    if (this.pending() === 0) return;
    this.pushRunning = true;
    this._pushLoop()
      .catch((err) => this._fail(err))
      .finally(() => {
        this.pushRunning = false;
        this._notify();
        if (!this.closed && !this.error && this.pending() > 0) this._kick();
      });
  }

  async _pushLoop() {
    let backoff = 0;
    const pause = async () => {
      backoff = Math.min(backoff ? backoff * 2 : 50, 2000);
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    };
    const path = `/rooms/${encodeURIComponent(this.roomId)}/updates`;
    for (;;) {
      if (this.closed || this.error) return;
      const ups = sendableUpdates(this.state);
      if (!ups.length) return;
      const synced = getSyncedVersion(this.state);
      if (synced < this.awaitVersion) {
        // Our last accepted POST has not come back through the log yet. The
        // socket normally brings it; if it does not within gapMs, pull.
        const changed = await this._waitChange(this.gapMs);
        if (!changed && getSyncedVersion(this.state) < this.awaitVersion) {
          try {
            await this._pull();
          } catch (err) {
            if (err instanceof PairFatalError) throw err;
            await pause();
          }
        }
        continue;
      }
      const batch = ups.slice(0, this.maxBatch);
      const body = { version: synced, updates: batch.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() })) };
      let res;
      this.inflight = true;
      try {
        res = await this._request('POST', path, body);
      } catch (err) {
        if (!(err instanceof TransientError)) throw err;
        this.retries++;
        this.lastTransient = err.message;
        await pause();
        continue;
      } finally {
        this.inflight = false;
      }
      if (res.status === 200) {
        const v = res.json?.version;
        if (v !== synced + batch.length) {
          // Not the answer to this request. nginx with nchan in Redis mode
          // has been seen, while it reconnects to Redis, to write one
          // connection's answer to another (its error log then shows Redis
          // refusing an "HTTP/1.1" command). The outcome is unknown, as
          // after a lost answer: send again, and the version check turns a
          // resend of what was stored into a 409. (The editor reloads the
          // document in this case.)
          this.misdirected++;
          this.retries++;
          this.lastTransient = `POST /updates at version ${synced} with ${batch.length} update(s) answered 200 with version ${JSON.stringify(v)}, expected ${synced + batch.length}`;
          await pause();
          continue;
        }
        backoff = 0;
        this.acceptedUpdates += batch.length;
        this.acceptedPosts++;
        this.awaitVersion = Math.max(this.awaitVersion, v);
        this.serverVersion = Math.max(this.serverVersion, v);
        this._armGapTimer();
        continue;
      }
      if (res.status === 409) {
        this.conflicts++;
        const v = res.json?.version;
        if (!Number.isInteger(v)) throw new PairFatalError(`409 without an integer version: ${res.text.slice(0, 300)}`);
        this.serverVersion = Math.max(this.serverVersion, v);
        const before = this.version();
        try {
          await this._pull();
        } catch (err) {
          if (err instanceof PairFatalError) throw err;
          await pause();
          continue;
        }
        if (this.version() === before) await pause(); // no progress: do not spin
        else backoff = 0;
        continue;
      }
      if (res.status >= 500 || res.status === 408 || res.status === 429) {
        this.retries++;
        this.lastTransient = `POST /updates answered ${res.status}`;
        await pause();
        continue;
      }
      throw new PairFatalError(`POST /updates at version ${synced} answered ${res.status}: ${res.text.slice(0, 300)}`, { status: res.status, body });
    }
  }

  // -------------------------------------------------------------------------
  // Pull

  /**
   * GET /updates?since=<synced> and applies the result. Concurrent calls
   * share the request in flight, plus one more started after it, so a caller
   * always sees the server's state as of some moment after its call.
   * Resolves with the server's version as of that request.
   */
  _pull() {
    if (this.pullPromise) {
      this.pullAgain = true;
      return this.pullPromise;
    }
    this.pullPromise = (async () => {
      try {
        let v;
        do {
          this.pullAgain = false;
          v = await this._pullOnce();
        } while (this.pullAgain && !this.closed);
        return v;
      } finally {
        this.pullPromise = null;
      }
    })();
    return this.pullPromise;
  }

  async _pullOnce() {
    const since = this.version();
    this.pulls++;
    const res = await this._request('GET', `/rooms/${encodeURIComponent(this.roomId)}/updates?since=${since}`);
    if (res.status >= 500 || res.status === 408 || res.status === 429) throw new TransientError(`GET /updates answered ${res.status}`, res.status);
    // A pull is never answered 409: that is a push's answer, written to
    // this connection by mistake (see "misdirected" in _pushLoop).
    if (res.status !== 200 && res.status !== 409) throw new PairFatalError(`GET /updates?since=${since} answered ${res.status}: ${res.text.slice(0, 300)}`, { status: res.status });
    const body = res.json;
    // An answer of another shape, or one that starts at another version, is
    // not the answer to this request (see "misdirected" in _pushLoop): ask
    // again.
    if (res.status === 409 || !body || !Number.isInteger(body.version) || !Array.isArray(body.updates) || (body.updates.length > 0 && body.updates[0]?.version !== since)) {
      this.misdirected++;
      throw new TransientError(`GET /updates?since=${since}: not an answer to it: ${res.text.slice(0, 300)}`);
    }
    body.updates.forEach((u, i) => {
      if (!u || u.version !== since + i) {
        throw new PairFatalError(`GET /updates?since=${since}: update #${i} has version ${JSON.stringify(u?.version)}, expected ${since + i}`);
      }
    });
    if (body.version !== since + body.updates.length) {
      throw new PairFatalError(`GET /updates?since=${since}: version ${body.version} but ${body.updates.length} update(s)`);
    }
    this.serverVersion = Math.max(this.serverVersion, body.version);
    this._ingest(body.updates);
    return body.version;
  }

  // -------------------------------------------------------------------------
  // The in-order gate

  /** Takes updates {version, clientID, changes} in any order, applies what it can. */
  _ingest(updates) {
    if (this.error || this.closed) return;
    for (const u of updates) {
      if (!u || !Number.isInteger(u.version) || u.version < 0) {
        this._fail(new PairFatalError(`update without a valid version: ${JSON.stringify(u).slice(0, 300)}`));
        return;
      }
      if (u.version < this.version()) {
        this.duplicates++;
        continue;
      }
      if (u.version > this.version() && !this.buffer.has(u.version)) this.buffered++;
      if (this.buffer.has(u.version)) this.duplicates++;
      this.buffer.set(u.version, u);
      this.serverVersion = Math.max(this.serverVersion, u.version + 1);
    }
    // The contiguous run from the synced version on.
    const run = [];
    for (let v = this.version(); this.buffer.has(v); v++) {
      run.push(this.buffer.get(v));
      this.buffer.delete(v);
    }
    if (run.length) {
      try {
        this._apply(run);
      } catch (err) {
        this._fail(err instanceof PairFatalError ? err : new PairFatalError(`applying updates ${run[0].version}..${run[run.length - 1].version}: ${err.message}`));
        return;
      }
    }
    this._armGapTimer();
    this._notify();
    if (run.length) this._kick();
  }

  /** Applies consecutive updates starting at the synced version, after checking each one. */
  _apply(run) {
    const unconfirmed = sendableUpdates(this.state);
    // The server's document length at the synced version.
    let len = unconfirmed.length ? unconfirmed[0].changes.length : this.state.doc.length;
    let own = 0;
    const updates = run.map((u) => {
      if (typeof u.clientID !== 'string' || !Array.isArray(u.changes)) {
        throw new PairFatalError(`update ${u.version} has a bad shape: ${JSON.stringify(u).slice(0, 300)}`);
      }
      let changes;
      try {
        changes = ChangeSet.fromJSON(u.changes);
      } catch (err) {
        throw new PairFatalError(`update ${u.version}: invalid change set ${JSON.stringify(u.changes).slice(0, 300)}: ${err.message}`);
      }
      if (changes.length !== len) {
        throw new PairFatalError(`update ${u.version} covers ${changes.length} units but the document at that version has ${len}`);
      }
      len = changes.newLength;
      // receiveUpdates takes an update with our clientID for our oldest
      // unconfirmed one; check that the server stored exactly that.
      if (own < unconfirmed.length && u.clientID === unconfirmed[own].clientID) {
        if (canonicalChanges(changes) !== canonicalChanges(unconfirmed[own].changes)) {
          throw new PairFatalError(`update ${u.version} carries our clientID but not the change set we sent: ${JSON.stringify(u.changes).slice(0, 300)} vs ${JSON.stringify(unconfirmed[own].changes.toJSON()).slice(0, 300)}`);
        }
        own++;
      } else if (u.clientID === this.clientID) {
        throw new PairFatalError(`update ${u.version} carries our clientID but we have no unconfirmed update left for it (applied twice?)`);
      }
      return { changes, clientID: u.clientID };
    });
    const before = this.version();
    this.state = receiveUpdates(this.state, updates).state;
    if (this.version() !== before + run.length) {
      throw new PairFatalError(`internal: synced version ${this.version()} after applying ${run.length} update(s) from ${before}`);
    }
    this.confirmedOwn += own;
    this.appliedRemote += run.length - own;
    this._record();
  }

  _record() {
    if (this.history && this.pending() === 0) this.history.set(this.version(), this.text());
  }

  /**
   * While the client is behind what it knows of the server (a buffered update
   * ahead of a gap, or an accepted POST not yet seen in the log), a pull
   * happens after gapMs unless the gap fills first.
   */
  _armGapTimer() {
    const behind = this.buffer.size > 0 || this.version() < this.awaitVersion;
    if (!behind || this.closed || this.error) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer) return;
    const at = this.version();
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      const stillBehind = this.buffer.size > 0 || this.version() < this.awaitVersion;
      if (!stillBehind) return;
      if (this.version() > at) {
        this._armGapTimer(); // progress was made: give the rest its own delay
        return;
      }
      this._pull().then(
        () => this._armGapTimer(),
        (err) => {
          if (err instanceof PairFatalError) this._fail(err);
          else this._armGapTimer();
        },
      );
    }, this.gapMs);
  }

  // -------------------------------------------------------------------------
  // WebSocket

  _wsUrl() {
    const u = new URL(this.baseUrl);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = u.pathname === '/' ? '' : u.pathname.replace(/\/+$/, '');
    return `${u.origin}${base}/ws/${encodeURIComponent(this.roomId)}?token=${encodeURIComponent(this.token)}`;
  }

  /** Opens a socket; resolves once it is open and a catch-up pull is under way. */
  _connect() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this._wsUrl(), { handshakeTimeout: 5000 });
      this.ws = ws;
      let settled = false;
      const done = (err) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      ws.on('unexpected-response', (req, res) => {
        // A refusal (bad token, no such room) does not go away by retrying;
        // a 5xx (app restarting) may.
        if (res.statusCode < 500 && this.ws === ws) this.wantSocket = false;
        res.resume();
        req.destroy();
        done(new PairFatalError(`WebSocket handshake refused with HTTP ${res.statusCode}`, { status: res.statusCode }));
      });
      ws.on('error', (err) => done(err));
      ws.on('open', () => {
        if (this.ws !== ws) {
          ws.terminate();
          done(new Error('socket replaced while opening'));
          return;
        }
        this.connected = true;
        this.wsOpens++;
        this.reconnectDelay = 0;
        // Whatever was published before the subscription started is fetched.
        this._pull().catch((err) => {
          if (err instanceof PairFatalError) this._fail(err);
          else this._armGapTimer();
        });
        done();
      });
      ws.on('message', (data) => this._onMessage(data));
      ws.on('close', () => {
        done(new Error('WebSocket closed before it opened'));
        if (this.ws !== ws) return;
        this.ws = null;
        this.connected = false;
        if (this.wantSocket && this.autoReconnect && !this.closed && !this.error) this._scheduleReconnect();
      });
    });
  }

  _scheduleReconnect() {
    if (this.reconnectTimer) return;
    this.reconnectDelay = Math.min(this.reconnectDelay ? this.reconnectDelay * 2 : 100, 3000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.wantSocket || this.closed || this.error || this.ws) return;
      this._connect().catch(() => {
        if (this.wantSocket && !this.closed && !this.error && !this.ws) this._scheduleReconnect();
      });
    }, this.reconnectDelay);
  }

  _onMessage(data) {
    if (this.closed) return;
    let msg;
    try {
      msg = JSON.parse(data.toString('utf8'));
    } catch {
      return; // not ours to judge here
    }
    this.wsMessages++;
    if (!msg || msg.type !== 'update') return; // presence, cursor, typing, ... are not edits
    this._ingest([msg]);
  }

  // -------------------------------------------------------------------------
  // Plumbing

  _assertUsable() {
    if (!this.state) throw new Error('PairClient: call open() first');
    if (this.closed) throw new Error('PairClient is closed');
    if (this.error) throw this.error;
  }

  _fail(err) {
    if (this.error) return;
    this.error = err instanceof Error ? err : new Error(String(err));
    clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this._notify();
  }

  _notify() {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves true at the next state change, false after ms. */
  _waitChange(ms) {
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
