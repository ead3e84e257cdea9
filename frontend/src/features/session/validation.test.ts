import { describe, expect, it } from 'vitest';
import { describeError, MESSAGES, parseLimit, validateRoomId, validateUsername } from './validation';

describe('validateUsername', () => {
  it('refuses empty and short names, after trimming', () => {
    expect(validateUsername('')).toBe('Username must be at least 3 characters');
    expect(validateUsername('   ')).toBe('Username must be at least 3 characters');
    expect(validateUsername(' ab ')).toBe('Username must be at least 3 characters');
  });

  it('accepts names of 3 to 32 allowed characters, Unicode letters included', () => {
    expect(validateUsername('bob')).toBeNull();
    expect(validateUsername('  Zoë O.Brien-2_x ')).toBeNull();
    expect(validateUsername('a'.repeat(32))).toBeNull();
  });

  it('refuses long names and disallowed characters', () => {
    expect(validateUsername('a'.repeat(33))).toBe(MESSAGES.usernameLong);
    expect(validateUsername('bob<script>')).toBe(MESSAGES.usernameChars);
    expect(validateUsername('bob@example')).toBe(MESSAGES.usernameChars);
  });
});

describe('parseLimit', () => {
  it('accepts whole numbers from 1 to 20', () => {
    expect(parseLimit('1')).toEqual({ limit: 1 });
    expect(parseLimit(' 20 ')).toEqual({ limit: 20 });
    expect(parseLimit('5')).toEqual({ limit: 5 });
  });

  it('refuses anything else with one message', () => {
    for (const raw of ['0', '21', '', '-3', '2.5', 'abc', '1e1']) {
      expect(parseLimit(raw)).toEqual({ error: 'Room limit must be between 1 and 20' });
    }
  });
});

describe('validateRoomId', () => {
  it('follows the protocol: 1-64 of [A-Za-z0-9_-]', () => {
    expect(validateRoomId('abc_DEF-123')).toBeNull();
    expect(validateRoomId('x'.repeat(64))).toBeNull();
    expect(validateRoomId('')).toBe(MESSAGES.roomIdMissing);
    expect(validateRoomId('x'.repeat(65))).toBe(MESSAGES.roomIdChars);
    expect(validateRoomId('a/b')).toBe(MESSAGES.roomIdChars);
  });
});

describe('describeError', () => {
  it('words refusals of a join', () => {
    expect(describeError('join', { status: 403, detail: 'full' })).toBe('Room is full');
    expect(describeError('join', { status: 409, detail: 'dup' })).toBe('Username already exists');
    expect(describeError('join', { status: 404, detail: 'nope' })).toBe('Room not found');
    expect(describeError('rejoin', { status: 403, detail: 'full' })).toBe('Room is full');
  });

  it('words refusals of a create', () => {
    expect(describeError('create', { status: 409, detail: 'exists' })).toBe('Room ID already exists');
    expect(describeError('create', { status: 403, detail: 'Forbidden thing' })).toBe('Forbidden thing');
  });

  it("falls back to the server's detail, then to the status", () => {
    expect(describeError('create', { status: 400, detail: 'limit must be 1-20' })).toBe('limit must be 1-20');
    expect(describeError('join', { status: 502, detail: '' })).toBe('Server error (502); try again');
    expect(describeError('join', { status: 418, detail: '' })).toBe('Request failed (418)');
    expect(describeError('join', { status: 0, detail: 'Failed to fetch' })).toBe('Cannot reach the server');
    expect(describeError('room', { status: 403, detail: 'token of another room' })).toBe('token of another room');
  });
});
