import { describe, expect, it } from 'vitest';
import { parseRoute, roomPath } from './router';

describe('parseRoute', () => {
  it('maps /r/{id} to the room and everything else to the landing page', () => {
    expect(parseRoute('/r/abc_1-2')).toEqual({ name: 'room', roomId: 'abc_1-2' });
    expect(parseRoute('/r/abc/')).toEqual({ name: 'room', roomId: 'abc' });
    expect(parseRoute('/')).toEqual({ name: 'landing' });
    expect(parseRoute('/r/')).toEqual({ name: 'landing' });
    expect(parseRoute('/r/a/b')).toEqual({ name: 'landing' });
    expect(parseRoute('/r/%E0%A4%A')).toEqual({ name: 'landing' });
  });

  it('round-trips room paths', () => {
    expect(parseRoute(roomPath('my room'))).toEqual({ name: 'room', roomId: 'my room' });
  });
});
