// A small in-process stand-in for Pair's collaboration endpoints, with fault
// injection, to exercise PairClient's robustness without the real stack:
// WebSocket messages delayed (so reordered), dropped, duplicated, mixed with
// other message types; POSTs that fail before committing (503) or commit
// and then lose their response; pulls that fail.
//
// It implements just the contract of shared/PROTOCOL.md that PairClient uses:
//   POST /rooms {username, roomId?}            -> 201 {roomId, token, version, code}
//   GET  /rooms/{id}?username=                 -> 200 same shape
//   GET  /rooms/{id}/document, /rooms/{id}/code
//   POST /rooms/{id}/updates, GET /rooms/{id}/updates?since=
//   WS   /ws/{id}?token=

import { ChangeSet } from '@codemirror/state';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { textOf } from './pair-client.mjs';
import { splitsPair } from './random-edits.mjs';

export class MockPairServer {
  constructor(faults = {}) {
    this.faults = {
      wsDelayMs: [0, 0], // random delay per message (reorders)
      wsDropRate: 0,
      wsDupRate: 0,
      wsNoise: false, // presence/cursor messages in between
      postErrorRate: 0, // 503 without committing
      postLoseRate: 0, // commit, then drop the connection without a response
      postMisanswerRate: 0, // commit, then answer with another request's version
      pullMisanswerRate: 0, // answer a pull as if it were a POST
      pullErrorRate: 0,
      ...faults,
    };
    this.rooms = new Map(); // id -> {doc, log: [{version, clientID, changes, username, at}], sockets:Set}
    this.tokens = new Map(); // token -> {roomId, username}
    this.stats = { posts: 0, committed: 0, lost: 0, errors: 0, conflicts: 0 };
    this.server = http.createServer((req, res) => this._handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this._upgrade(req, socket, head));
  }

  async listen() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
    return this.url;
  }

  async close() {
    for (const ws of this.wss.clients) ws.terminate();
    this.server.closeAllConnections?.();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The room's current text. */
  code(roomId) {
    return this.rooms.get(roomId).doc;
  }

  log(roomId) {
    return this.rooms.get(roomId).log;
  }

  _room(roomId) {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { doc: '', log: [], sockets: new Set() };
      this.rooms.set(roomId, room);
    }
    return room;
  }

  _session(roomId, username) {
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, { roomId, username });
    const room = this._room(roomId);
    return { roomId, token, version: room.log.length, code: room.doc, language: 'python', users: [], limit: 20 };
  }

  _auth(req, url, roomId) {
    const h = req.headers.authorization || '';
    const token = h.startsWith('Bearer ') ? h.slice(7) : url.searchParams.get('token');
    const s = token && this.tokens.get(token);
    if (!s) return [401, null];
    if (s.roomId !== roomId) return [403, null];
    return [0, s];
  }

  _publish(room, msg) {
    const text = JSON.stringify(msg);
    const f = this.faults;
    for (const ws of room.sockets) {
      if (Math.random() < f.wsDropRate) continue;
      const copies = Math.random() < f.wsDupRate ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        const [lo, hi] = f.wsDelayMs;
        const delay = lo + Math.random() * (hi - lo);
        const send = () => {
          if (ws.readyState !== 1) return;
          if (f.wsNoise) ws.send(JSON.stringify({ type: 'cursor', username: 'x', anchor: 0, head: 0, version: msg.version }));
          ws.send(text);
        };
        if (delay > 0) setTimeout(send, delay);
        else send();
      }
    }
  }

  async _handle(req, res) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://x');
    const reply = (status, body) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
      res.end(text);
    };
    const m = url.pathname.match(/^\/rooms(?:\/([A-Za-z0-9_-]{1,64}))?(?:\/(document|code|updates))?$/);
    if (!m) return reply(404, { detail: 'not found' });
    const [, roomId, sub] = m;
    if (!roomId && req.method === 'POST') {
      let body = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return reply(400, { detail: 'bad JSON' });
      }
      const id = body.roomId || `r-${randomBytes(6).toString('hex')}`;
      if (this.rooms.has(id)) return reply(409, { detail: 'room exists' });
      return reply(201, this._session(id, body.username));
    }
    if (!roomId) return reply(404, { detail: 'not found' });
    if (!sub && req.method === 'GET') {
      if (!this.rooms.has(roomId)) return reply(404, { detail: 'no such room' });
      return reply(200, this._session(roomId, url.searchParams.get('username')));
    }
    const room = this.rooms.get(roomId);
    if (!room) return reply(404, { detail: 'no such room' });
    const [authStatus, session] = this._auth(req, url, roomId);
    if (authStatus) return reply(authStatus, { detail: 'auth' });
    if (sub === 'document' && req.method === 'GET') {
      return reply(200, { roomId, version: room.log.length, code: room.doc, language: 'python', lastEditedBy: null, lastEditedAt: null });
    }
    if (sub === 'code' && req.method === 'GET') return reply(200, room.doc);
    if (sub === 'updates' && req.method === 'GET') {
      if (Math.random() < this.faults.pullErrorRate) return reply(503, { detail: 'injected' });
      if (Math.random() < this.faults.pullMisanswerRate) return reply(200, { version: room.log.length });
      const since = Number(url.searchParams.get('since'));
      if (!Number.isInteger(since) || since < 0 || since > room.log.length) return reply(400, { detail: 'bad since' });
      return reply(200, { version: room.log.length, updates: room.log.slice(since) });
    }
    if (sub === 'updates' && req.method === 'POST') {
      this.stats.posts++;
      if (Math.random() < this.faults.postErrorRate) {
        this.stats.errors++;
        return reply(503, { detail: 'injected' });
      }
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(400, { detail: 'bad JSON' });
      }
      if (!body || !Number.isInteger(body.version) || !Array.isArray(body.updates) || !body.updates.length) return reply(400, { detail: 'bad body' });
      if (body.version !== room.log.length) {
        this.stats.conflicts++;
        return reply(409, { detail: 'stale version', version: room.log.length });
      }
      let doc = room.doc;
      const entries = [];
      for (const u of body.updates) {
        if (typeof u?.clientID !== 'string' || u.clientID.length < 1 || u.clientID.length > 64) return reply(400, { detail: 'bad clientID' });
        let cs;
        try {
          cs = ChangeSet.fromJSON(u.changes);
        } catch {
          return reply(400, { detail: 'bad change set' });
        }
        if (cs.length !== doc.length) return reply(400, { detail: 'length mismatch' });
        let split = false;
        cs.iterChanges((fromA, toA) => {
          if (splitsPair(doc, fromA) || splitsPair(doc, toA)) split = true;
        });
        if (split) return reply(400, { detail: 'splits a surrogate pair' });
        doc = cs.apply(textOf(doc)).toString();
        entries.push({ clientID: u.clientID, changes: u.changes });
      }
      const at = new Date().toISOString();
      const start = room.log.length;
      entries.forEach((e, i) => room.log.push({ version: start + i, clientID: e.clientID, changes: e.changes, username: session.username, at }));
      room.doc = doc;
      this.stats.committed += entries.length;
      for (const e of room.log.slice(start)) this._publish(room, { type: 'update', ...e });
      if (Math.random() < this.faults.postLoseRate) {
        this.stats.lost++;
        req.socket.destroy();
        return undefined;
      }
      if (start > 0 && Math.random() < this.faults.postMisanswerRate) {
        this.stats.misanswered = (this.stats.misanswered || 0) + 1;
        return reply(200, { version: start }); // the answer to an earlier request
      }
      return reply(200, { version: room.log.length });
    }
    return reply(405, { detail: 'method' });
  }

  _upgrade(req, socket, head) {
    const url = new URL(req.url, 'http://x');
    const m = url.pathname.match(/^\/ws\/([A-Za-z0-9_-]{1,64})$/);
    const token = url.searchParams.get('token');
    const s = token && this.tokens.get(token);
    if (!m || !s || s.roomId !== m[1] || !this.rooms.has(m[1])) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const room = this.rooms.get(m[1]);
      room.sockets.add(ws);
      ws.on('close', () => room.sockets.delete(ws));
      ws.on('error', () => {});
      if (this.faults.wsNoise) ws.send(JSON.stringify({ type: 'presence', users: [], limit: 20, online: 1 }));
    });
  }
}
