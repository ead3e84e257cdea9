// What the room page shows around the editor: the room's id, limit and
// language, the synced version and who edited last, and the outcome of the
// room's commands (save, change limit, change language). The document itself
// is never here: it lives in the editor's state.
import { createSelector, createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit';
import { toErrorInfo, type ApiErrorInfo } from '../../common/api';
import type { SaveResult } from '../collab/transport';
import { getRoomLink } from '../collab/registry';
import { createAppAsyncThunk } from '../../app/thunk';
import type { RootState } from '../../app/store';
import { presenceReceived } from '../presence/presenceSlice';
import { createRoom, joinRoom, leaveRoom, sessionExpired } from '../session/sessionSlice';
import { describeError } from '../session/validation';

export type CommandStatus = 'idle' | 'pending' | 'done' | 'failed';

export interface RoomState {
  roomId: string | null;
  limit: number;
  language: string;
  /** The synced version of the document in the editor. */
  version: number;
  lastEditedBy: string | null;
  lastEditedAt: string | null;
  save: { status: CommandStatus; message: string | null };
  limitChange: { status: CommandStatus; error: string | null };
  languageError: string | null;
  /** The language before an optimistic change, put back if the server refuses it. */
  languageBefore: string | null;
}

export const initialRoomState: RoomState = {
  roomId: null,
  limit: 0,
  language: '',
  version: 0,
  lastEditedBy: null,
  lastEditedAt: null,
  save: { status: 'idle', message: null },
  limitChange: { status: 'idle', error: null },
  languageError: null,
  languageBefore: null,
};

const NOT_READY: ApiErrorInfo = { status: 0, detail: 'The editor is not ready yet' };

function linkFor(state: RootState) {
  const roomId = state.room.roomId;
  return roomId ? getRoomLink(roomId) : null;
}

/**
 * Saves a checkpoint of the editor's text. Unsent edits are sent first, so the
 * text saved is the server's document and the save adds no second copy of them.
 */
export const saveCode = createAppAsyncThunk<SaveResult, void>(
  'room/save',
  async (_arg, { getState, rejectWithValue }) => {
    const state = getState();
    const link = linkFor(state);
    const username = state.session.current?.username;
    if (!link || !username) return rejectWithValue(NOT_READY);
    if (!(await link.flush(5000))) {
      return rejectWithValue({ status: 0, detail: 'Some edits are not sent yet; save again once connected' });
    }
    const code = link.text();
    if (code === null) return rejectWithValue(NOT_READY);
    try {
      return await link.transport.save(code, username);
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

/** Raises the room's limit (owner only). */
export const changeLimit = createAppAsyncThunk<number, number>(
  'room/changeLimit',
  async (limit, { getState, rejectWithValue }) => {
    const link = linkFor(getState());
    if (!link) return rejectWithValue(NOT_READY);
    try {
      return await link.transport.changeLimit(limit);
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

/** Sets the room's language for everyone; shown at once, put back if refused. */
export const changeLanguage = createAppAsyncThunk<string, string>(
  'room/changeLanguage',
  async (language, { getState, rejectWithValue }) => {
    const link = linkFor(getState());
    if (!link) return rejectWithValue(NOT_READY);
    try {
      await link.transport.setLanguage(language);
      return language;
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

function errorText(info: ApiErrorInfo | undefined, fallback: string | undefined): string {
  return describeError('room', info ?? { status: 0, detail: fallback ?? '' });
}

const roomSlice = createSlice({
  name: 'room',
  initialState: initialRoomState,
  reducers: {
    limitChanged(state, action: PayloadAction<number>) {
      state.limit = action.payload;
    },
    languageChanged(state, action: PayloadAction<string>) {
      state.language = action.payload;
      state.languageError = null;
    },
    /** The editor applied log updates up to `version`; `by`/`at`: the newest one's author. */
    versionSynced(state, action: PayloadAction<{ version: number; by?: string | null; at?: string | null }>) {
      state.version = action.payload.version;
      if (action.payload.by) {
        state.lastEditedBy = action.payload.by;
        state.lastEditedAt = action.payload.at ?? null;
      }
    },
    saveNoticeCleared(state) {
      state.save = { status: 'idle', message: null };
    },
    limitErrorCleared(state) {
      state.limitChange = { status: 'idle', error: null };
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(leaveRoom.fulfilled, () => initialRoomState)
      .addCase(sessionExpired, () => initialRoomState)
      .addCase(presenceReceived, (state, action) => {
        if (typeof action.payload.limit === 'number') state.limit = action.payload.limit;
      })
      .addCase(saveCode.pending, (state) => {
        state.save = { status: 'pending', message: 'Saving…' };
      })
      .addCase(saveCode.fulfilled, (state, action) => {
        state.save = action.payload.saved
          ? { status: 'done', message: `Saved as version ${action.payload.version}` }
          : { status: 'done', message: 'No changes since the last save' };
      })
      .addCase(saveCode.rejected, (state, action) => {
        state.save = { status: 'failed', message: errorText(action.payload, action.error.message) };
      })
      .addCase(changeLimit.pending, (state) => {
        state.limitChange = { status: 'pending', error: null };
      })
      .addCase(changeLimit.fulfilled, (state, action) => {
        state.limit = action.payload;
        state.limitChange = { status: 'done', error: null };
      })
      .addCase(changeLimit.rejected, (state, action) => {
        state.limitChange = { status: 'failed', error: errorText(action.payload, action.error.message) };
      })
      .addCase(changeLanguage.pending, (state, action) => {
        state.languageBefore = state.language;
        state.language = action.meta.arg;
        state.languageError = null;
      })
      .addCase(changeLanguage.fulfilled, (state) => {
        state.languageBefore = null;
      })
      .addCase(changeLanguage.rejected, (state, action) => {
        if (state.languageBefore !== null && state.language === action.meta.arg) state.language = state.languageBefore;
        state.languageBefore = null;
        state.languageError = errorText(action.payload, action.error.message);
      })
      .addMatcher(isAnyOf(createRoom.fulfilled, joinRoom.fulfilled), (_state, action) => {
        const { room } = action.payload;
        return {
          ...initialRoomState,
          roomId: room.roomId,
          limit: room.limit,
          version: room.version,
          language: room.language,
        };
      });
  },
});

export const { limitChanged, languageChanged, versionSynced, saveNoticeCleared, limitErrorCleared } =
  roomSlice.actions;
export const roomReducer = roomSlice.reducer;

export const selectRoomId = (state: RootState) => state.room.roomId;
export const selectLimit = (state: RootState) => state.room.limit;
export const selectLanguage = (state: RootState) => state.room.language;
export const selectVersion = (state: RootState) => state.room.version;
export const selectLastEdit = createSelector(
  [(state: RootState) => state.room.lastEditedBy, (state: RootState) => state.room.lastEditedAt],
  (by, at) => (by ? { by, at } : null),
);
export const selectSaveState = (state: RootState) => state.room.save;
export const selectLimitChange = (state: RootState) => state.room.limitChange;
export const selectLanguageError = (state: RootState) => state.room.languageError;
