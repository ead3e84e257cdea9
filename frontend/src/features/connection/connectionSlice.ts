// The state of the room's link to the server, as the indicator shows it:
// the WebSocket, whether requests reach the server, whether the browser is
// online, and how many local edits the server has not confirmed yet.
import { createSelector, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { RootState } from '../../app/store';
import { leaveRoom, sessionExpired } from '../session/sessionSlice';

export type SocketState = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface ConnectionState {
  socket: SocketState;
  /** The last request reached the server (false after a failure, until one succeeds). */
  reachable: boolean;
  /** navigator.onLine as last reported. */
  browserOnline: boolean;
  /** Local updates not yet confirmed by the server's log. */
  unsent: number;
  /** The editor is loaded and editable. */
  ready: boolean;
  /** localStorage refused the unsent edits (they are only in memory). */
  storageFailed: boolean;
  /** A problem worth showing (a refused edit, a resync). */
  problem: string | null;
  /** Something good to know (unsent edits from a last visit were restored). */
  info: string | null;
}

export const initialConnectionState: ConnectionState = {
  socket: 'idle',
  reachable: true,
  browserOnline: true,
  unsent: 0,
  ready: false,
  storageFailed: false,
  problem: null,
  info: null,
};

const connectionSlice = createSlice({
  name: 'connection',
  initialState: initialConnectionState,
  reducers: {
    socketChanged(state, action: PayloadAction<SocketState>) {
      state.socket = action.payload;
    },
    reachabilityChanged(state, action: PayloadAction<boolean>) {
      state.reachable = action.payload;
    },
    browserOnlineChanged(state, action: PayloadAction<boolean>) {
      state.browserOnline = action.payload;
    },
    unsentChanged(state, action: PayloadAction<number>) {
      state.unsent = action.payload;
    },
    editorReady(state, action: PayloadAction<boolean>) {
      state.ready = action.payload;
    },
    storageFailed(state) {
      state.storageFailed = true;
    },
    problemShown(state, action: PayloadAction<string | null>) {
      state.problem = action.payload;
    },
    infoShown(state, action: PayloadAction<string | null>) {
      state.info = action.payload;
    },
    connectionReset() {
      return initialConnectionState;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(leaveRoom.fulfilled, () => initialConnectionState)
      .addCase(sessionExpired, () => initialConnectionState);
  },
});

export const {
  socketChanged,
  reachabilityChanged,
  browserOnlineChanged,
  unsentChanged,
  editorReady,
  storageFailed,
  problemShown,
  infoShown,
  connectionReset,
} = connectionSlice.actions;
export const connectionReducer = connectionSlice.reducer;

export const selectConnection = (state: RootState) => state.connection;
export const selectUnsent = (state: RootState) => state.connection.unsent;
export const selectEditorReady = (state: RootState) => state.connection.ready;

export type LinkState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** One word for the indicator: offline beats everything, connected needs the socket and requests to work. */
export const selectLinkState = createSelector([selectConnection], (c): LinkState => {
  if (c.socket === 'idle') return 'idle';
  if (!c.browserOnline) return 'offline';
  if (c.socket === 'open' && c.reachable) return 'connected';
  if (c.socket === 'connecting') return 'connecting';
  return 'reconnecting';
});

const LINK_TEXT: Record<LinkState, string> = {
  idle: '',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** The indicator's text: "Connected", "Reconnecting… · 3 unsent", "Offline · 1 unsent". */
export const selectConnectionText = createSelector([selectLinkState, selectUnsent], (link, unsent) => {
  const text = LINK_TEXT[link];
  if (unsent > 0) return text ? `${text} · ${unsent} unsent` : `${unsent} unsent`;
  return text;
});
