// Who is in the room: the users with their online and typing state, as the
// `presence` and `typing` messages tell. Cursors are not here: their
// positions must follow the document's changes, so they live in the
// editor's state (remoteCursors.ts).
import { createSelector, createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit';
import type { RootState } from '../../app/store';
import type { RoomUser } from '../../common/types';
import { createRoom, joinRoom, leaveRoom, sessionExpired } from '../session/sessionSlice';

export interface PresenceState {
  users: RoomUser[];
}

export const initialPresenceState: PresenceState = { users: [] };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const presenceSlice = createSlice({
  name: 'presence',
  initialState: initialPresenceState,
  reducers: {
    /** A `presence` message: the full user list (and the limit, which the room slice takes). */
    presenceReceived(state, action: PayloadAction<{ users: RoomUser[]; limit?: number }>) {
      state.users = action.payload.users;
    },
    /** A `typing` message, or the local expiry of a stale one. */
    typingChanged(state, action: PayloadAction<{ username: string; typing: boolean }>) {
      const user = state.users.find((u) => sameName(u.username, action.payload.username));
      if (user) user.typing = action.payload.typing;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(leaveRoom.fulfilled, () => initialPresenceState)
      .addCase(sessionExpired, () => initialPresenceState)
      .addMatcher(isAnyOf(createRoom.fulfilled, joinRoom.fulfilled), (state, action) => {
        state.users = action.payload.room.users;
      });
  },
});

export const { presenceReceived, typingChanged } = presenceSlice.actions;
export const presenceReducer = presenceSlice.reducer;

export const selectUsers = (state: RootState) => state.presence.users;
const selectMe = (state: RootState) => state.session.current?.username ?? null;

export const selectOnlineCount = createSelector(
  [selectUsers],
  (users) => users.filter((u) => u.online).length,
);

export const selectOwner = createSelector(
  [selectUsers],
  (users) => users.find((u) => u.role === 'owner')?.username ?? null,
);

/** Whether the session's user owns the room. */
export const selectIsOwner = createSelector([selectOwner, selectMe], (owner, me) =>
  owner !== null && me !== null && sameName(owner, me),
);

/** Users in display order: the owner first, then online before offline, then by name. */
export const selectUsersForDisplay = createSelector([selectUsers], (users) =>
  [...users].sort((a, b) => {
    if ((a.role === 'owner') !== (b.role === 'owner')) return a.role === 'owner' ? -1 : 1;
    if (a.online !== b.online) return a.online ? -1 : 1;
    return a.username.localeCompare(b.username, undefined, { sensitivity: 'base' });
  }),
);

/** The names of the other users typing now. */
export const selectOthersTyping = createSelector([selectUsers, selectMe], (users, me) =>
  users.filter((u) => u.online && u.typing && (me === null || !sameName(u.username, me))).map((u) => u.username),
);

/** "bob is typing…", "bob and carol are typing…", "3 people are typing…", or "". */
export function typingSentence(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
