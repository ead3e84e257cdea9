import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { sessionReducer } from '../features/session/sessionSlice';
import { roomReducer } from '../features/room/roomSlice';
import { presenceReducer } from '../features/presence/presenceSlice';
import { connectionReducer } from '../features/connection/connectionSlice';
import { historyReducer } from '../features/history/historySlice';

const rootReducer = combineReducers({
  session: sessionReducer,
  room: roomReducer,
  presence: presenceReducer,
  connection: connectionReducer,
  history: historyReducer,
});

export type RootState = ReturnType<typeof rootReducer>;

/** Builds a store; tests pass a preloaded state, the app passes nothing. */
export function makeStore(preloadedState?: Partial<RootState>) {
  return configureStore({ reducer: rootReducer, preloadedState });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
