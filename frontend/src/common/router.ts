// A tiny router on top of the History API: `/` is the landing page and
// `/r/{roomId}` a room. nginx serves index.html for `/r/*`.
import { useSyncExternalStore } from 'react';

export type Route = { name: 'landing' } | { name: 'room'; roomId: string };

const NAVIGATE_EVENT = 'pair:navigate';

export function roomPath(roomId: string): string {
  return `/r/${encodeURIComponent(roomId)}`;
}

/** Maps a pathname to a route; anything unknown is the landing page. */
export function parseRoute(pathname: string): Route {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (match && match[1]) {
    try {
      return { name: 'room', roomId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'landing' };
    }
  }
  return { name: 'landing' };
}

/** Changes the URL without a reload and tells subscribers. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (window.location.pathname === path && !options.replace) {
    window.dispatchEvent(new Event(NAVIGATE_EVENT));
    return;
  }
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

/** The current pathname, re-rendering on navigate() and back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, getPathname);
}
