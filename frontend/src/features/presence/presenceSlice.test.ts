import { describe, expect, it } from 'vitest';
import { makeStore } from '../../app/store';
import type { RoomUser } from '../../common/types';
import { sampleRoom, sampleUsers } from '../../test/http';
import { joinRoom } from '../session/sessionSlice';
import {
  presenceReceived,
  selectIsOwner,
  selectOnlineCount,
  selectOthersTyping,
  selectOwner,
  selectUsersForDisplay,
  typingChanged,
  typingSentence,
} from './presenceSlice';

const carol: RoomUser = { username: 'carol', online: false, typing: false, color: '#98c379', role: 'editor' };
const dave: RoomUser = { username: 'Dave', online: true, typing: false, color: '#c678dd', role: 'editor' };

function storeWith(users: RoomUser[], me = 'alice') {
  const store = makeStore();
  store.dispatch(
    joinRoom.fulfilled(
      { session: { roomId: 'r1', username: me, token: 't' }, room: sampleRoom({ users }) as never },
      'req',
      { roomId: 'r1', username: me },
    ),
  );
  return store;
}

describe('presence', () => {
  it('takes the users from a join and from presence messages', () => {
    const store = storeWith([sampleUsers.alice]);
    expect(store.getState().presence.users).toEqual([sampleUsers.alice]);
    store.dispatch(presenceReceived({ users: [sampleUsers.alice, carol], limit: 4 }));
    expect(store.getState().presence.users.map((u) => u.username)).toEqual(['alice', 'carol']);
    expect(store.getState().room.limit).toBe(4);
  });

  it('counts online users only', () => {
    expect(selectOnlineCount(storeWith([sampleUsers.alice, sampleUsers.bob, carol]).getState())).toBe(2);
    expect(selectOnlineCount(storeWith([carol]).getState())).toBe(0);
  });

  it('finds the owner and whether it is me', () => {
    expect(selectOwner(storeWith([sampleUsers.bob, sampleUsers.alice]).getState())).toBe('alice');
    expect(selectOwner(storeWith([sampleUsers.bob]).getState())).toBeNull();
    expect(selectIsOwner(storeWith([sampleUsers.alice], 'Alice').getState())).toBe(true);
    expect(selectIsOwner(storeWith([sampleUsers.alice, sampleUsers.bob], 'bob').getState())).toBe(false);
  });

  it('orders users: owner, then online, then by name', () => {
    const state = storeWith([carol, sampleUsers.bob, dave, sampleUsers.alice]).getState();
    expect(selectUsersForDisplay(state).map((u) => u.username)).toEqual(['alice', 'bob', 'Dave', 'carol']);
    expect(selectUsersForDisplay(state)).toBe(selectUsersForDisplay(state));
  });

  it('tracks who else is typing', () => {
    const store = storeWith([sampleUsers.alice, sampleUsers.bob, dave]);
    store.dispatch(typingChanged({ username: 'BOB', typing: true }));
    store.dispatch(typingChanged({ username: 'alice', typing: true }));
    expect(selectOthersTyping(store.getState())).toEqual(['bob']);
    store.dispatch(typingChanged({ username: 'dave', typing: true }));
    expect(typingSentence(selectOthersTyping(store.getState()))).toBe('bob and Dave are typing…');
    store.dispatch(typingChanged({ username: 'bob', typing: false }));
    expect(typingSentence(selectOthersTyping(store.getState()))).toBe('Dave is typing…');
    expect(typingSentence([])).toBe('');
    expect(typingSentence(['a', 'b', 'c'])).toBe('3 people are typing…');
  });
});
