// Client-side checks for the landing form and the wording of the server's
// refusals. The server checks everything again; these only save a round trip
// and make the messages read as a person would expect.
import type { ApiErrorInfo } from '../../common/api';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const LIMIT_MIN = 1;
export const LIMIT_MAX = 20;
export const DEFAULT_LIMIT = 5;

export const MESSAGES = {
  usernameShort: 'Username must be at least 3 characters',
  usernameLong: 'Username must be at most 32 characters',
  usernameChars: 'Username may contain only letters, digits, spaces, _, - and .',
  limitRange: 'Room limit must be between 1 and 20',
  roomIdMissing: 'Enter a Room ID',
  roomIdChars: 'Room ID may contain only letters, digits, _ and - (at most 64)',
  roomFull: 'Room is full',
  usernameTaken: 'Username already exists',
  roomNotFound: 'Room not found',
  roomExists: 'Room ID already exists',
  unreachable: 'Cannot reach the server',
  sessionExpired: 'Your session has expired; join the room again',
} as const;

const USERNAME_CHARS = /^[\p{L}\p{M}\p{N} _.-]+$/u;
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Length in characters as a person counts them (code points). */
function charLength(s: string): number {
  return Array.from(s).length;
}

/** Returns an error message for a username, or null when it is acceptable. */
export function validateUsername(raw: string): string | null {
  const name = raw.trim();
  if (charLength(name) < USERNAME_MIN) return MESSAGES.usernameShort;
  if (charLength(name) > USERNAME_MAX) return MESSAGES.usernameLong;
  if (!USERNAME_CHARS.test(name)) return MESSAGES.usernameChars;
  return null;
}

/**
 * Parses the "Room limit" field. Returns the integer, or an error message
 * when the field is empty, not a whole number, or outside 1–20.
 */
export function parseLimit(raw: string): { limit: number } | { error: string } {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { error: MESSAGES.limitRange };
  const limit = Number(text);
  if (limit < LIMIT_MIN || limit > LIMIT_MAX) return { error: MESSAGES.limitRange };
  return { limit };
}

/** Returns an error message for a room id, or null when it is acceptable. */
export function validateRoomId(raw: string): string | null {
  const id = raw.trim();
  if (id === '') return MESSAGES.roomIdMissing;
  if (!ROOM_ID.test(id)) return MESSAGES.roomIdChars;
  return null;
}

export type SessionAction = 'create' | 'join' | 'rejoin' | 'leave';

/** What was being attempted: the wording of a refusal depends on it. */
export type ErrorContext = 'create' | 'join' | 'rejoin' | 'room';

/** Words a server refusal for the action the person attempted. */
export function describeError(action: ErrorContext, error: ApiErrorInfo): string {
  const { status, detail } = error;
  if (status === 0) return MESSAGES.unreachable;
  if (action === 'join' || action === 'rejoin') {
    if (status === 403) return MESSAGES.roomFull;
    if (status === 409) return MESSAGES.usernameTaken;
  }
  if (action === 'create' && status === 409) return MESSAGES.roomExists;
  if (status === 404) return MESSAGES.roomNotFound;
  if (status === 401) return MESSAGES.sessionExpired;
  if (detail) return detail;
  return status >= 500 ? `Server error (${status}); try again` : `Request failed (${status})`;
}
