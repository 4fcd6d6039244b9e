/**
 * A small History-API router: enough for a handful of pages, real links and a working back
 * button, without a routing library. The location is an external store read with
 * useSyncExternalStore, so every component sees the same URL during a render.
 */
import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'states' }
  | { readonly page: 'state'; readonly id: string }
  | { readonly page: 'actions' }
  | { readonly page: 'action'; readonly id: string }
  | { readonly page: 'meetings' }
  | { readonly page: 'instruments' }
  | { readonly page: 'instrument'; readonly id: string }
  | { readonly page: 'not-found' };

const NAVIGATE_EVENT = 'pillars:navigate';

/** Maps a pathname to a page; unknown paths get the not-found view. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  const [section, rawId, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found' };
  let id: string | undefined;
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {
    return { page: 'not-found' };
  }
  switch (section) {
    case undefined:
      return { page: 'dashboard' };
    case 'states':
      return id === undefined ? { page: 'states' } : { page: 'state', id };
    case 'actions':
      return id === undefined ? { page: 'actions' } : { page: 'action', id };
    case 'meetings':
      return id === undefined ? { page: 'meetings' } : { page: 'not-found' };
    case 'instruments':
      return id === undefined ? { page: 'instruments' } : { page: 'instrument', id };
    default:
      return { page: 'not-found' };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// A string snapshot is stable between changes, which useSyncExternalStore requires.
const snapshot = () => `${window.location.pathname}${window.location.search}`;

export interface AppLocation {
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly route: Route;
}

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, query: url.searchParams, route: parseRoute(url.pathname) };
  }, [href]);
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const target = new URL(href, window.location.href);
  if (target.href === window.location.href) return;
  if (options.replace === true) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Sets or clears query parameters on the current page; replaces the entry so typing in a
 * search box does not flood the history. */
export function setQuery(changes: Record<string, string | undefined>): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  navigate(`${url.pathname}${url.search}`, { replace: true });
}
