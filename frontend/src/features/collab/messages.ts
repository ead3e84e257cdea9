// The messages the server publishes on `GET /ws/{roomId}` (PROTOCOL.md,
// "WebSocket"), as a discriminated union on `type`, and the bodies of the
// room's REST answers that the transport hands on.
import type { RoomUser } from '../../common/types';

/** One entry of the server's update log (`update` message or `GET /updates`). */
export interface LogUpdate {
  version: number;
  clientID: string;
  /** ChangeSet.toJSON() form; validated when it is turned into a ChangeSet. */
  changes: unknown[];
  username?: string;
  at?: string;
}

export type ServerMessage =
  | ({ type: 'update' } & LogUpdate)
  | { type: 'presence'; users: RoomUser[]; limit: number; online: number }
  | { type: 'cursor'; username: string; color: string; anchor: number; head: number; version: number }
  | { type: 'typing'; username: string; typing: boolean }
  | { type: 'limit'; limit: number }
  | { type: 'language'; language: string; username: string }
  | { type: 'checkpoint'; version: number; label: string; username: string; at: string };

export interface Checkpoint {
  version: number;
  label: string;
  username: string;
  at: string;
}

export interface Contributor {
  username: string;
  updates: number;
  lastAt: string | null;
}

export interface RoomHistory {
  version: number;
  checkpoints: Checkpoint[];
  contributors: Contributor[];
}

export type CompletionKind = string;

export interface ServerCompletion {
  label: string;
  kind?: CompletionKind;
  detail?: string;
}

export interface AutocompleteAnswer {
  suggestion: string;
  suggestions: ServerCompletion[];
}

type Fields = Record<string, unknown>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isUser(value: unknown): value is RoomUser {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Fields;
  return typeof u.username === 'string' && typeof u.online === 'boolean';
}

/** Whether a value has the shape of a log entry (its change set is checked later). */
export function isLogUpdate(value: unknown): value is LogUpdate {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Fields;
  return isInt(u.version) && u.version >= 0 && typeof u.clientID === 'string' && Array.isArray(u.changes);
}

/**
 * Parses one text frame. Returns null for anything that is not JSON, has an
 * unknown `type`, or lacks the fields this client relies on, so a malformed
 * frame is dropped instead of corrupting state.
 */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Fields;
  switch (m.type) {
    case 'update':
      return isLogUpdate(m) ? (m as unknown as ServerMessage) : null;
    case 'presence':
      return Array.isArray(m.users) && m.users.every(isUser) ? (m as ServerMessage) : null;
    case 'cursor':
      return typeof m.username === 'string' && isInt(m.head) && isInt(m.anchor) && isInt(m.version)
        ? (m as ServerMessage)
        : null;
    case 'typing':
      return typeof m.username === 'string' && typeof m.typing === 'boolean' ? (m as ServerMessage) : null;
    case 'limit':
      return typeof m.limit === 'number' ? (m as ServerMessage) : null;
    case 'language':
      return typeof m.language === 'string' ? (m as ServerMessage) : null;
    case 'checkpoint':
      return typeof m.version === 'number' ? (m as ServerMessage) : null;
    default:
      return null;
  }
}
