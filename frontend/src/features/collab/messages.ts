// The messages the server publishes on `GET /ws/{roomId}` (PROTOCOL.md,
// "WebSocket"), as a discriminated union on `type`.
import type { RoomUser } from '../../common/types';

export type ServerMessage =
  | { type: 'update'; version: number; clientID: string; changes: unknown; username: string; at: string }
  | { type: 'presence'; users: RoomUser[]; limit: number; online: number }
  | { type: 'cursor'; username: string; color: string; anchor: number; head: number; version: number }
  | { type: 'typing'; username: string; typing: boolean }
  | { type: 'limit'; limit: number }
  | { type: 'language'; language: string; username: string }
  | { type: 'checkpoint'; version: number; label: string; username: string; at: string };

type Fields = Record<string, unknown>;

function isUser(value: unknown): value is RoomUser {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Fields;
  return typeof u.username === 'string' && typeof u.online === 'boolean';
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
      return typeof m.version === 'number' ? (m as ServerMessage) : null;
    case 'presence':
      return Array.isArray(m.users) && m.users.every(isUser) ? (m as ServerMessage) : null;
    case 'cursor':
      return typeof m.username === 'string' && typeof m.head === 'number' ? (m as ServerMessage) : null;
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
