// What the room page shows: who is in the room, the limit, the document as
// last fetched, its language and version, and the live connection status.
// Plain data only; the socket lives in features/collab and feeds these
// reducers through actions.
import { createSelector, createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit';
import * as api from '../../common/api';
import { toErrorInfo } from '../../common/api';
import { clearSession } from '../../common/storage';
import type { RoomDocument, RoomUser } from '../../common/types';
import { createAppAsyncThunk } from '../../app/thunk';
import type { RootState } from '../../app/store';
import { createRoom, joinRoom, leaveRoom, sessionExpired } from '../session/sessionSlice';
import { describeError, MESSAGES } from '../session/validation';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'closed';

export interface RoomState {
  roomId: string | null;
  limit: number;
  users: RoomUser[];
  version: number;
  code: string;
  language: string;
  lastEditedBy: string | null;
  lastEditedAt: string | null;
  documentStatus: 'idle' | 'loading' | 'failed';
  documentError: string | null;
  connection: ConnectionStatus;
}

export const initialRoomState: RoomState = {
  roomId: null,
  limit: 0,
  users: [],
  version: 0,
  code: '',
  language: '',
  lastEditedBy: null,
  lastEditedAt: null,
  documentStatus: 'idle',
  documentError: null,
  connection: 'idle',
};

/**
 * Fetches the room's current document with the session token. A 401 means
 * the token was revoked: the stored session is forgotten and the person is
 * sent back to the join form.
 */
export const refreshDocument = createAppAsyncThunk<RoomDocument, void>(
  'room/refreshDocument',
  async (_arg, { getState, dispatch, rejectWithValue }) => {
    const session = getState().session.current;
    if (!session) return rejectWithValue({ status: 401, detail: 'Not in a room' });
    try {
      return await api.getDocument(session.roomId, session.token);
    } catch (err) {
      const info = toErrorInfo(err);
      if (info.status === 401) {
        clearSession(session.roomId);
        dispatch(sessionExpired(MESSAGES.sessionExpired));
      }
      return rejectWithValue(info);
    }
  },
);

const roomSlice = createSlice({
  name: 'room',
  initialState: initialRoomState,
  reducers: {
    /** A `presence` message: the full user list and the limit. */
    presenceReceived(state, action: PayloadAction<{ users: RoomUser[]; limit?: number }>) {
      state.users = action.payload.users;
      if (typeof action.payload.limit === 'number') state.limit = action.payload.limit;
    },
    limitChanged(state, action: PayloadAction<number>) {
      state.limit = action.payload;
    },
    languageChanged(state, action: PayloadAction<string>) {
      state.language = action.payload;
    },
    connectionChanged(state, action: PayloadAction<ConnectionStatus>) {
      state.connection = action.payload;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(leaveRoom.fulfilled, () => initialRoomState)
      .addCase(sessionExpired, () => initialRoomState)
      .addCase(refreshDocument.pending, (state) => {
        state.documentStatus = 'loading';
        state.documentError = null;
      })
      .addCase(refreshDocument.fulfilled, (state, action) => {
        const doc = action.payload;
        if (doc.roomId !== state.roomId) return; // a late answer for a room we left
        state.documentStatus = 'idle';
        state.code = doc.code;
        state.version = doc.version;
        state.language = doc.language;
        state.lastEditedBy = doc.lastEditedBy ?? null;
        state.lastEditedAt = doc.lastEditedAt ?? null;
      })
      .addCase(refreshDocument.rejected, (state, action) => {
        if (state.roomId === null) return;
        state.documentStatus = 'failed';
        const info = action.payload ?? { status: 0, detail: action.error.message ?? '' };
        state.documentError = describeError('room', info);
      })
      .addMatcher(isAnyOf(createRoom.fulfilled, joinRoom.fulfilled), (state, action) => {
        const { room } = action.payload;
        return {
          ...initialRoomState,
          roomId: room.roomId,
          limit: room.limit,
          users: room.users,
          version: room.version,
          code: room.code,
          language: room.language,
          // Keep the socket status when a reconnect re-joins the same room.
          connection: state.roomId === room.roomId ? state.connection : 'idle',
        };
      });
  },
});

export const { presenceReceived, limitChanged, languageChanged, connectionChanged } =
  roomSlice.actions;
export const roomReducer = roomSlice.reducer;

export const selectRoomId = (state: RootState) => state.room.roomId;
export const selectUsers = (state: RootState) => state.room.users;
export const selectLimit = (state: RootState) => state.room.limit;
export const selectCode = (state: RootState) => state.room.code;
export const selectLanguage = (state: RootState) => state.room.language;
export const selectVersion = (state: RootState) => state.room.version;
export const selectConnection = (state: RootState) => state.room.connection;
export const selectDocumentStatus = (state: RootState) => state.room.documentStatus;
export const selectDocumentError = (state: RootState) => state.room.documentError;

export const selectOnlineCount = createSelector(
  [selectUsers],
  (users) => users.filter((u) => u.online).length,
);

export const selectOwner = createSelector(
  [selectUsers],
  (users) => users.find((u) => u.role === 'owner')?.username ?? null,
);

/** Users in display order: the owner first, then online before offline, then by name. */
export const selectUsersForDisplay = createSelector([selectUsers], (users) =>
  [...users].sort((a, b) => {
    if ((a.role === 'owner') !== (b.role === 'owner')) return a.role === 'owner' ? -1 : 1;
    if (a.online !== b.online) return a.online ? -1 : 1;
    return a.username.localeCompare(b.username, undefined, { sensitivity: 'base' });
  }),
);
