// The room's history as GET /history tells it (checkpoints, contributors),
// a read-only preview of one version, and restoring one.
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { toErrorInfo, type ApiErrorInfo } from '../../common/api';
import { createAppAsyncThunk } from '../../app/thunk';
import type { RootState } from '../../app/store';
import type { Checkpoint, Contributor, RoomHistory } from '../collab/messages';
import { getRoomLink } from '../collab/registry';
import { leaveRoom, sessionExpired } from '../session/sessionSlice';
import { describeError } from '../session/validation';

export interface Preview {
  version: number;
  status: 'loading' | 'ready' | 'failed';
  /** The document at that version (plain data: a string, never an editor state). */
  code: string;
  error: string | null;
}

export interface HistoryState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  version: number;
  checkpoints: Checkpoint[];
  contributors: Contributor[];
  preview: Preview | null;
  restoring: number | null;
  notice: string | null;
}

export const initialHistoryState: HistoryState = {
  status: 'idle',
  error: null,
  version: 0,
  checkpoints: [],
  contributors: [],
  preview: null,
  restoring: null,
  notice: null,
};

const NOT_READY: ApiErrorInfo = { status: 0, detail: 'Not in a room' };

function link(state: RootState) {
  return state.room.roomId ? getRoomLink(state.room.roomId) : null;
}

export const fetchHistory = createAppAsyncThunk<RoomHistory, void>(
  'history/fetch',
  async (_arg, { getState, rejectWithValue }) => {
    const l = link(getState());
    if (!l) return rejectWithValue(NOT_READY);
    try {
      return await l.transport.history();
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

export const previewVersion = createAppAsyncThunk<{ version: number; code: string }, number>(
  'history/preview',
  async (version, { getState, rejectWithValue }) => {
    const l = link(getState());
    if (!l) return rejectWithValue(NOT_READY);
    try {
      const doc = await l.transport.document(version);
      return { version, code: doc.code };
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

export const restoreVersion = createAppAsyncThunk<number, number>(
  'history/restore',
  async (version, { getState, rejectWithValue }) => {
    const l = link(getState());
    if (!l) return rejectWithValue(NOT_READY);
    try {
      return await l.transport.restore(version);
    } catch (err) {
      return rejectWithValue(toErrorInfo(err));
    }
  },
);

const sortCheckpoints = (list: Checkpoint[]) => [...list].sort((a, b) => b.version - a.version);

const historySlice = createSlice({
  name: 'history',
  initialState: initialHistoryState,
  reducers: {
    /** A `checkpoint` message: shown at once, before the next fetch. */
    checkpointReceived(state, action: PayloadAction<Checkpoint>) {
      const cp = action.payload;
      if (state.checkpoints.some((c) => c.version === cp.version && c.at === cp.at)) return;
      state.checkpoints = sortCheckpoints([...state.checkpoints, cp]);
    },
    previewClosed(state) {
      state.preview = null;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(leaveRoom.fulfilled, () => initialHistoryState)
      .addCase(sessionExpired, () => initialHistoryState)
      .addCase(fetchHistory.pending, (state) => {
        if (state.status !== 'ready') state.status = 'loading';
      })
      .addCase(fetchHistory.fulfilled, (state, action) => {
        state.status = 'ready';
        state.error = null;
        state.version = action.payload.version;
        state.checkpoints = sortCheckpoints(action.payload.checkpoints ?? []);
        state.contributors = [...(action.payload.contributors ?? [])].sort((a, b) => b.updates - a.updates);
      })
      .addCase(fetchHistory.rejected, (state, action) => {
        state.status = 'failed';
        state.error = describeError('room', action.payload ?? { status: 0, detail: action.error.message ?? '' });
      })
      .addCase(previewVersion.pending, (state, action) => {
        state.preview = { version: action.meta.arg, status: 'loading', code: '', error: null };
      })
      .addCase(previewVersion.fulfilled, (state, action) => {
        if (state.preview?.version !== action.payload.version) return;
        state.preview = { version: action.payload.version, status: 'ready', code: action.payload.code, error: null };
      })
      .addCase(previewVersion.rejected, (state, action) => {
        if (state.preview?.version !== action.meta.arg) return;
        state.preview.status = 'failed';
        state.preview.error = describeError('room', action.payload ?? { status: 0, detail: action.error.message ?? '' });
      })
      .addCase(restoreVersion.pending, (state, action) => {
        state.restoring = action.meta.arg;
        state.notice = null;
      })
      .addCase(restoreVersion.fulfilled, (state, action) => {
        state.restoring = null;
        state.preview = null;
        state.notice = `Restored version ${action.meta.arg} as version ${action.payload}`;
      })
      .addCase(restoreVersion.rejected, (state, action) => {
        state.restoring = null;
        state.notice = describeError('room', action.payload ?? { status: 0, detail: action.error.message ?? '' });
      });
  },
});

export const { checkpointReceived, previewClosed } = historySlice.actions;
export const historyReducer = historySlice.reducer;

export const selectHistory = (state: RootState) => state.history;
export const selectPreview = (state: RootState) => state.history.preview;
