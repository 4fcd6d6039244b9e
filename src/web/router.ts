/**
 * A small History-API router: enough for a handful of pages, real links and a working back
 * button, without a routing library. The location is an external store read with
 * useSyncExternalStore, so every component sees the same URL during a render.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { isLang } from '../domain/language-codes.js';
import type { TextLang } from './api-types.js';

export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'states' }
  | { readonly page: 'state'; readonly id: string }
  | { readonly page: 'actions' }
  | { readonly page: 'action'; readonly id: string }
  | { readonly page: 'meetings' }
  | { readonly page: 'instruments' }
  | { readonly page: 'instrument'; readonly id: string }
  | { readonly page: 'nwfz-protocols' }
  | { readonly page: 'documents' }
  | { readonly page: 'upload' }
  | { readonly page: 'document'; readonly id: string; readonly lang: TextLang | undefined }
  /** `/search?q=&langs=&across=&cursor=`: the query lives in the address (see search-query.ts). */
  | { readonly page: 'search' }
  | { readonly page: 'not-found' };

const NAVIGATE_EVENT = 'pillars:navigate';

const isTextLang = (value: string | undefined): value is TextLang =>
  value !== undefined && (value === 'und' || isLang(value));

/**
 * `/documents/{id}[/{lang}]`. The id is one segment with its slashes encoded
 * (`A%2FRES%2F55%2F100`), but a symbol typed with literal slashes works too: a trailing language
 * code is the language, the rest the symbol.
 */
function documentRoute(parts: readonly string[]): Route {
  if (parts.length === 0) return { page: 'documents' };
  if (parts.length === 1 && parts[0] === 'upload') return { page: 'upload' };
  const last = parts.at(-1);
  const lang = parts.length > 1 && isTextLang(last) ? last : undefined;
  const id = (lang === undefined ? parts : parts.slice(0, -1)).join('/');
  return { page: 'document', id, lang };
}

/** Maps a pathname to a page; unknown paths get the not-found view. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  if (parts[0] === 'documents') {
    try {
      return documentRoute(parts.slice(1).map((part) => decodeURIComponent(part)));
    } catch {
      return { page: 'not-found' };
    }
  }
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
    case 'search':
      return id === undefined ? { page: 'search' } : { page: 'not-found' };
    // `/treaties/…` holds views across instruments; the P5 × protocols matrix is the first.
    case 'treaties':
      return id === 'nwfz-protocols' ? { page: 'nwfz-protocols' } : { page: 'not-found' };
    default:
      return { page: 'not-found' };
  }
}

// hashchange too: a paragraph's ¶ link changes only the fragment, which the page highlights.
const EVENTS = ['popstate', 'hashchange', NAVIGATE_EVENT] as const;

function subscribe(onChange: () => void): () => void {
  for (const name of EVENTS) window.addEventListener(name, onChange);
  return () => {
    for (const name of EVENTS) window.removeEventListener(name, onChange);
  };
}

// A string snapshot is stable between changes, which useSyncExternalStore requires.
const snapshot = () =>
  `${window.location.pathname}${window.location.search}${window.location.hash}`;

export interface AppLocation {
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** The fragment without its `#`, decoded (`para_6`), or '' when there is none. */
  readonly hash: string;
  readonly route: Route;
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return {
      pathname: url.pathname,
      query: url.searchParams,
      hash: decodeHash(url.hash),
      route: parseRoute(url.pathname),
    };
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
