// Who the person is in which room: the session token and the create / join /
// rejoin / leave flows. Side effects (HTTP, localStorage) live in the thunks;
// the reducers only record outcomes.
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import * as api from '../../common/api';
import { toErrorInfo } from '../../common/api';
import { clearSession, loadSession, saveSession } from '../../common/storage';
import type { RoomSnapshot, StoredSession } from '../../common/types';
import { createAppAsyncThunk } from '../../app/thunk';
import type { RootState } from '../../app/store';
import { describeError, type SessionAction } from './validation';

export interface SessionState {
  /** The session in use, or null on the landing page. */
  current: StoredSession | null;
  /** The flow in flight, if any. */
  pending: SessionAction | null;
  /** The last refusal, worded for a person, and its HTTP status (0: unreachable). */
  error: { message: string; status: number } | null;
}

const initialState: SessionState = { current: null, pending: null, error: null };

/** What create and join resolve with: the session and the room as the server sent it. */
export interface EnteredRoom {
  session: StoredSession;
  room: RoomSnapshot;
}

/** The server's spelling of our name (it compares names case-insensitively). */
function canonicalName(room: RoomSnapshot, username: string): string {
  const lower = username.toLowerCase();
  return room.users.find((u) => u.username.toLowerCase() === lower)?.username ?? username;
}

function entered(room: RoomSnapshot, username: string): EnteredRoom {
  const session = { roomId: room.roomId, username: canonicalName(room, username), token: room.token };
  saveSession(session);
  return { session, room };
}

/** Creates a room owned by `username` and stores the session. */
export const createRoom = createAppAsyncThunk<EnteredRoom, { username: string; limit: number }>(
  'session/createRoom',
  async ({ username, limit }, { rejectWithValue }) => {
    try {
      return entered(await api.createRoom(username, limit), username);
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

export interface JoinArgs {
  roomId: string;
  username: string;
  /** A token of an earlier session; when absent, a stored one for the same name is used. */
  token?: string;
  /** 'rejoin' when reopening a room from a stored session (wording of errors only). */
  mode?: 'join' | 'rejoin';
}

/**
 * Joins a room. With a token (given, or stored for the same room and name) the
 * server takes it as a reconnect; if it answers 401 (token revoked or
 * expired), the stale session is forgotten and the join is retried without it.
 */
export const joinRoom = createAppAsyncThunk<EnteredRoom, JoinArgs>(
  'session/joinRoom',
  async ({ roomId, username, token }, { rejectWithValue }) => {
    let useToken = token;
    if (useToken === undefined) {
      const stored = loadSession(roomId);
      if (stored && stored.username.toLowerCase() === username.toLowerCase()) useToken = stored.token;
    }
    try {
      try {
        return entered(await api.joinRoom(roomId, username, useToken), username);
      } catch (err) {
        if (!useToken || !(err instanceof api.ApiError) || err.status !== 401) throw err;
        clearSession(roomId);
        return entered(await api.joinRoom(roomId, username), username);
      }
    } catch (err) {
      if (err instanceof api.ApiError && err.status === 404) clearSession(roomId);
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

/**
 * Leaves the current room: forgets the stored session, then tells the server
 * (best effort: a revoked token or an unreachable server must not trap the
 * person in the room).
 */
export const leaveRoom = createAppAsyncThunk<void, void>(
  'session/leaveRoom',
  async (_arg, { getState }) => {
    const current = getState().session.current;
    if (!current) return;
    // Forgotten first: a reload while the request is on its way must not rejoin.
    clearSession(current.roomId);
    try {
      await api.leaveRoom(current.roomId, current.token);
    } catch {
      /* the token is revoked or the server gone: either way we are out */
    }
  },
);

const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    errorCleared(state) {
      state.error = null;
    },
    /** A client-side refusal (validation) shown where server refusals are. */
    errorShown(state, action: PayloadAction<string>) {
      state.error = { message: action.payload, status: 0 };
    },
    /** The server no longer accepts our token (e.g. 401 on a room request). */
    sessionExpired(state, action: PayloadAction<string>) {
      state.current = null;
      state.error = { message: action.payload, status: 401 };
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(createRoom.pending, (state) => {
        state.pending = 'create';
        state.error = null;
      })
      .addCase(joinRoom.pending, (state, action) => {
        state.pending = action.meta.arg.mode ?? 'join';
        state.error = null;
      })
      .addCase(leaveRoom.pending, (state) => {
        state.pending = 'leave';
      })
      .addCase(createRoom.fulfilled, (state, action) => {
        state.current = action.payload.session;
        state.pending = null;
      })
      .addCase(joinRoom.fulfilled, (state, action) => {
        state.current = action.payload.session;
        state.pending = null;
      })
      .addCase(leaveRoom.fulfilled, (state) => {
        state.current = null;
        state.pending = null;
        state.error = null;
      })
      .addCase(createRoom.rejected, (state, action) => {
        state.pending = null;
        const info = action.payload ?? toErrorInfo(action.error.message ?? 'Unknown error');
        state.error = { message: describeError('create', info), status: info.status };
      })
      .addCase(joinRoom.rejected, (state, action) => {
        state.pending = null;
        const info = action.payload ?? toErrorInfo(action.error.message ?? 'Unknown error');
        state.error = {
          message: describeError(action.meta.arg.mode ?? 'join', info),
          status: info.status,
        };
      });
  },
});

export const { errorCleared, errorShown, sessionExpired } = sessionSlice.actions;
export const sessionReducer = sessionSlice.reducer;

export const selectSession = (state: RootState) => state.session.current;
export const selectSessionPending = (state: RootState) => state.session.pending;
export const selectSessionError = (state: RootState) => state.session.error?.message ?? null;
export const selectUsername = (state: RootState) => state.session.current?.username ?? null;
export const selectToken = (state: RootState) => state.session.current?.token ?? null;
