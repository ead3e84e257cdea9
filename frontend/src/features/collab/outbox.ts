// Unsent edits kept in localStorage, one key per room
// (`pair.outbox.<roomId>`): the version they were made on, the collab
// clientID that made them, and their change sets in order. A reload (or a
// crash) reopens the room from that version and sends them again, rebased.

const PREFIX = 'pair.outbox.';

export interface Outbox {
  roomId: string;
  /** The synced version the first change set applies to. */
  version: number;
  clientID: string;
  /** ChangeSet.toJSON() of each unsent update, in order. */
  changes: unknown[][];
  savedAt: number;
}

export function outboxKey(roomId: string): string {
  return PREFIX + roomId;
}

function isOutbox(value: unknown): value is Outbox {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.roomId === 'string' &&
    typeof v.version === 'number' &&
    Number.isInteger(v.version) &&
    v.version >= 0 &&
    typeof v.clientID === 'string' &&
    Array.isArray(v.changes) &&
    v.changes.every(Array.isArray)
  );
}

/** The stored outbox of a room, or null if none (or unreadable). */
export function loadOutbox(roomId: string): Outbox | null {
  try {
    const raw = window.localStorage.getItem(outboxKey(roomId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isOutbox(parsed) && parsed.roomId === roomId && parsed.changes.length > 0 ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Stores the outbox (an empty one removes the key). Returns false when
 * storage refused it (quota, private mode): the edits are then only in memory.
 */
export function saveOutbox(outbox: Outbox): boolean {
  try {
    if (outbox.changes.length === 0) window.localStorage.removeItem(outboxKey(outbox.roomId));
    else window.localStorage.setItem(outboxKey(outbox.roomId), JSON.stringify(outbox));
    return true;
  } catch {
    return false;
  }
}

export function clearOutbox(roomId: string): void {
  try {
    window.localStorage.removeItem(outboxKey(roomId));
  } catch {
    /* nothing stored, or storage unavailable */
  }
}
