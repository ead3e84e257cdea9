import { describe, expect, it } from 'vitest';
import { makeStore } from '../../app/store';
import {
  browserOnlineChanged,
  reachabilityChanged,
  selectConnectionText,
  selectLinkState,
  socketChanged,
  unsentChanged,
} from './connectionSlice';

describe('connection indicator', () => {
  it('says Connected only with an open socket and requests that work', () => {
    const store = makeStore();
    expect(selectConnectionText(store.getState())).toBe('');
    store.dispatch(socketChanged('connecting'));
    expect(selectConnectionText(store.getState())).toBe('Connecting…');
    store.dispatch(socketChanged('open'));
    expect(selectConnectionText(store.getState())).toBe('Connected');
    store.dispatch(reachabilityChanged(false));
    expect(selectLinkState(store.getState())).toBe('reconnecting');
    store.dispatch(reachabilityChanged(true));
    store.dispatch(socketChanged('reconnecting'));
    expect(selectConnectionText(store.getState())).toBe('Reconnecting…');
  });

  it('adds the unsent count, and says Offline when the browser is', () => {
    const store = makeStore();
    store.dispatch(socketChanged('open'));
    store.dispatch(unsentChanged(3));
    expect(selectConnectionText(store.getState())).toBe('Connected · 3 unsent');
    store.dispatch(browserOnlineChanged(false));
    expect(selectConnectionText(store.getState())).toBe('Offline · 3 unsent');
    store.dispatch(unsentChanged(0));
    expect(selectConnectionText(store.getState())).toBe('Offline');
  });
});
