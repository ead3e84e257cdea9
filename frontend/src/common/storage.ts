// Sessions kept in localStorage so that a reload of /r/{roomId} can rejoin
// with the same token. One key per room: `pair.session.<roomId>`.
import type { StoredSession } from './types';

const PREFIX = 'pair.session.';

export function sessionKey(roomId: string): string {
  return PREFIX + roomId;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.roomId === 'string' &&
    typeof v.username === 'string' &&
    typeof v.token === 'string' &&
    v.roomId !== '' &&
    v.token !== ''
  );
}

/** Returns the stored session for a room, or null if none or unreadable. */
export function loadSession(roomId: string): StoredSession | null {
  try {
    const raw = window.localStorage.getItem(sessionKey(roomId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredSession(parsed) && parsed.roomId === roomId ? parsed : null;
  } catch {
    return null;
  }
}

/** Stores a session; storage failures (private mode, quota) are ignored. */
export function saveSession(session: StoredSession): void {
  try {
    const { roomId, username, token } = session;
    window.localStorage.setItem(sessionKey(roomId), JSON.stringify({ roomId, username, token }));
  } catch {
    /* the session then simply does not survive a reload */
  }
}

export function clearSession(roomId: string): void {
  try {
    window.localStorage.removeItem(sessionKey(roomId));
  } catch {
    /* nothing to do */
  }
}
