/**
 * A small History-API router: enough for a handful of pages, real links and a working back
 * button, without a routing library. The location is an external store read with
 * useSyncExternalStore, so every component sees the same URL during a render.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { isLang, type Lang } from '../domain/language-codes.js';
import { GLOSSARY_DOMAINS, type GlossaryDomain } from '../domain/glossary-domains.js';
import type { Pillar, TextLang } from './api-types.js';
import { isPillar } from './pillars.js';

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
  /** `/parallel?symbol=&langs=en,ar`: language versions side by side (see parallelHref). */
  | { readonly page: 'parallel' }
  /** `/compare?older=&newer=&in=&across=`: what changed between two texts (see compareHref). */
  | { readonly page: 'compare' }
  /** `/monitoring?cycle=&group=&pillar=`: the action × State matrix (see monitoringHref). */
  | { readonly page: 'monitoring' }
  /** `/monitoring/evidence?action=&state=&cycle=&status=`: evidence and assessments (evidenceHref). */
  | { readonly page: 'monitoring-evidence' }
  /** `/glossary?q=&domain=&az=&letter=`: the term base, searched or A–Z (see glossaryHref). */
  | { readonly page: 'glossary' }
  /** `/glossary/{id}`: one concept in the six languages, its links and its history. */
  | { readonly page: 'glossary-concept'; readonly id: string }
  /** `/login?next=/reports`: the login form, then back where the reader came from. */
  | { readonly page: 'login' }
  /** `/reports?cycle=&state=`: published national reports, and a delegate's own (reportsHref). */
  | { readonly page: 'reports' }
  /** `/reports/{id}?version=&from=&to=&against=`: one report, its editor, versions, comparisons. */
  | { readonly page: 'report'; readonly id: string }
  /** `/admin/audit?actor=&action=&target=&page=`: the audit log (administrators). */
  | { readonly page: 'audit' }
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
    case 'parallel':
      return id === undefined ? { page: 'parallel' } : { page: 'not-found' };
    case 'compare':
      return id === undefined ? { page: 'compare' } : { page: 'not-found' };
    case 'monitoring':
      if (id === undefined) return { page: 'monitoring' };
      return id === 'evidence' ? { page: 'monitoring-evidence' } : { page: 'not-found' };
    case 'glossary':
      return id === undefined ? { page: 'glossary' } : { page: 'glossary-concept', id };
    case 'login':
      return id === undefined ? { page: 'login' } : { page: 'not-found' };
    case 'reports':
      return id === undefined ? { page: 'reports' } : { page: 'report', id };
    case 'admin':
      return id === 'audit' ? { page: 'audit' } : { page: 'not-found' };
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

/** The address of the page shown, as typed (`/parallel?symbol=A/RES/55/100#para_2`); read it in a
 * component that calls useLocation, so it re-renders when the address changes. */
export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
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

/* Addresses of the side-by-side reader and the comparison page: their state lives in the query,
 * so a view can be shared and the back button steps through the reader's choices. */

/** Encodes a query value but keeps the characters symbols and language lists are made of
 * (`A/RES/55/100@2`, `en,ar`) readable: they need no escaping in a query. */
function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2F|2C|40|3A)/gu, (escape) =>
    decodeURIComponent(escape),
  );
}

function queryString(params: readonly (readonly [string, string | undefined])[]): string {
  const parts = params
    .filter(
      (param): param is readonly [string, string] => param[1] !== undefined && param[1] !== '',
    )
    .map(([key, value]) => `${key}=${queryValue(value)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The reader shows two or three columns: more would leave each too narrow to read. */
export const MAX_PARALLEL_LANGS = 3;

export interface ParallelAddress {
  readonly symbol: string;
  /** The columns in order; the first is the pivot the others are aligned with. */
  readonly langs: readonly Lang[];
  /** The selected paragraph's anchor (parallelAnchor), without `#`. */
  readonly anchor?: string | undefined;
}

/** `/parallel?symbol=A/RES/55/100&langs=en,ar#para_2`. */
export function parallelHref(address: ParallelAddress): string {
  const anchor = address.anchor ?? '';
  return `/parallel${queryString([
    ['symbol', address.symbol],
    ['langs', address.langs.join(',')],
  ])}${anchor === '' ? '' : `#${anchor}`}`;
}

/** The reader's query: the symbol, and the valid languages named, each once, at most three. */
export function readParallelQuery(query: URLSearchParams): ParallelAddress {
  const langs = (query.get('langs') ?? '')
    .split(',')
    .map((lang) => lang.trim().toLowerCase())
    .filter(isLang);
  return {
    symbol: (query.get('symbol') ?? '').trim(),
    langs: [...new Set(langs)].slice(0, MAX_PARALLEL_LANGS),
  };
}

/**
 * A paragraph's anchor in the reader: its eId in the first column (as on the document page, so
 * `#para_2` means the same paragraph there), `lang-eId` in the others (eIds have no hyphen).
 */
export function parallelAnchor(langs: readonly Lang[], lang: Lang, eId: string): string {
  return lang === langs[0] ? eId : `${lang}-${eId}`;
}

/** Reads an anchor back: which column and which paragraph, or undefined for none. */
export function readParallelAnchor(
  langs: readonly Lang[],
  anchor: string,
): { readonly lang: Lang; readonly eId: string } | undefined {
  const match = /^(?:([a-z]{2})-)?([a-z][a-z0-9_]*)$/u.exec(anchor);
  if (match === null) return undefined;
  const [, prefix, eId] = match;
  const lang = prefix === undefined ? langs[0] : langs.find((l) => l === prefix);
  return lang === undefined || eId === undefined ? undefined : { lang, eId };
}

export interface CompareAddress {
  /** Symbols, with `@2` for a version other than the current one. */
  readonly older: string;
  readonly newer: string;
  readonly lang?: Lang | undefined;
  readonly across?: Lang | undefined;
}

/**
 * `/compare?older=A/RES/55/100@1&newer=A/RES/55/100@2&in=en&across=fr`. The language compared in
 * is `in`, not `lang` as in the API: `?lang=` in a page's address sets the UI language (see
 * initialLang), so a shared comparison of French texts would turn the reader's screens French.
 */
export function compareHref(address: CompareAddress): string {
  return `/compare${queryString([
    ['older', address.older.trim()],
    ['newer', address.newer.trim()],
    ['in', address.lang],
    ['across', address.across],
  ])}`;
}

export function readCompareQuery(query: URLSearchParams): CompareAddress {
  const lang = (name: string) => {
    const value = query.get(name) ?? '';
    return isLang(value) ? value : undefined;
  };
  return {
    older: (query.get('older') ?? '').trim(),
    newer: (query.get('newer') ?? '').trim(),
    // An address written with the API's `lang=` still compares in that language.
    lang: lang('in') ?? lang('lang'),
    across: lang('across'),
  };
}

/* Addresses of the monitoring pages: their filters live in the query, so a cell of the matrix, a
 * State's evidence for one action or a filtered matrix can be linked to and shared. */

/** Review cycles are named by their Review Conference's year; the API accepts 1995–2100. */
function readCycle(value: string | null): number | undefined {
  if (value === null || !/^\d{4}$/u.test(value.trim())) return undefined;
  const cycle = Number(value.trim());
  return cycle >= 1995 && cycle <= 2100 ? cycle : undefined;
}

export interface MonitoringAddress {
  readonly cycle?: number | undefined;
  /** A group of States (`P5`, `NAC`): the matrix's columns are its members. */
  readonly group?: string | undefined;
  readonly pillar?: Pillar | undefined;
}

/** `/monitoring?cycle=2015&group=P5&pillar=disarmament`. */
export function monitoringHref(address: MonitoringAddress = {}): string {
  return `/monitoring${queryString([
    ['cycle', address.cycle === undefined ? undefined : String(address.cycle)],
    ['group', address.group],
    ['pillar', address.pillar],
  ])}`;
}

export function readMonitoringQuery(query: URLSearchParams): MonitoringAddress {
  const group = (query.get('group') ?? '').trim().toUpperCase();
  const pillar = query.get('pillar');
  return {
    cycle: readCycle(query.get('cycle')),
    group: /^[A-Z0-9][A-Z0-9-]{0,39}$/u.test(group) ? group : undefined,
    pillar: isPillar(pillar) ? pillar : undefined,
  };
}

/** What a reviewer can set evidence to; `undefined` lists suggested and confirmed, as the API does. */
export type EvidenceStatusFilter = 'suggested' | 'confirmed' | 'rejected';
const EVIDENCE_STATUS_FILTERS: readonly EvidenceStatusFilter[] = [
  'suggested',
  'confirmed',
  'rejected',
];

export interface EvidenceAddress {
  /** An action as the API names it (`AP2010-A11`; `11`, `A11` and `ME` are read too). */
  readonly action?: string | undefined;
  /** A State's ISO alpha-3 code. */
  readonly state?: string | undefined;
  readonly cycle?: number | undefined;
  readonly status?: EvidenceStatusFilter | undefined;
}

/** `/monitoring/evidence?action=AP2010-A11&state=FRA&cycle=2015`. */
export function evidenceHref(address: EvidenceAddress = {}): string {
  return `/monitoring/evidence${queryString([
    ['action', address.action],
    ['state', address.state],
    ['cycle', address.cycle === undefined ? undefined : String(address.cycle)],
    ['status', address.status],
  ])}`;
}

export function readEvidenceQuery(query: URLSearchParams): EvidenceAddress {
  const action = (query.get('action') ?? '').trim();
  const state = (query.get('state') ?? '').trim().toUpperCase();
  const status = query.get('status') ?? '';
  return {
    action: /^[A-Za-z0-9-]{1,20}$/u.test(action) ? action : undefined,
    state: /^[A-Z]{2,3}$/u.test(state) ? state : undefined,
    cycle: readCycle(query.get('cycle')),
    status: EVIDENCE_STATUS_FILTERS.find((value) => value === status),
  };
}

/* The glossary's address: its search, domain and A–Z choices live in the query, so a filtered
 * list or a letter can be linked to and the back button steps through the reader's choices. */

export { GLOSSARY_DOMAINS };
export type GlossaryDomainName = GlossaryDomain;

const isGlossaryDomain = (value: string): value is GlossaryDomainName =>
  (GLOSSARY_DOMAINS as readonly string[]).includes(value);

export interface GlossaryAddress {
  /** A term in any of the six languages. */
  readonly q?: string | undefined;
  readonly domain?: GlossaryDomainName | undefined;
  /** The language of the A–Z list; undefined follows the UI language. */
  readonly az?: Lang | undefined;
  /** An initial of `az`'s preferred terms, as the API's alphabet gives it. */
  readonly letter?: string | undefined;
}

/**
 * `/glossary?q=&domain=safeguards&az=fr&letter=P`. The A–Z language is `az`, not `lang`: `?lang=`
 * in a page's address sets the UI language (see initialLang), so a shared French A–Z would turn
 * the reader's screens French.
 */
export function glossaryHref(address: GlossaryAddress = {}): string {
  return `/glossary${queryString([
    ['q', address.q],
    ['domain', address.domain],
    ['az', address.az],
    ['letter', address.letter],
  ])}`;
}

export function readGlossaryQuery(query: URLSearchParams): GlossaryAddress {
  const domain = (query.get('domain') ?? '').trim();
  const az = (query.get('az') ?? '').trim().toLowerCase();
  // Letters are one character (a Latin, Cyrillic or Arabic letter, a pinyin initial, `#`).
  const letter = [...(query.get('letter') ?? '').trim()].slice(0, 2).join('');
  return {
    q: (query.get('q') ?? '').slice(0, 200) || undefined,
    domain: isGlossaryDomain(domain) ? domain : undefined,
    az: isLang(az) ? az : undefined,
    letter: letter === '' ? undefined : letter,
  };
}

/** `/glossary/additional-protocol`. */
export function conceptHref(id: string): string {
  return `/glossary/${encodeURIComponent(id)}`;
}

/* Accounts: the login page's way back, and the audit log's filters. */

/**
 * Where the login page returns to: a path of this site only (`/reports?cycle=2026`), never
 * another origin (`//evil.example`, `/\evil.example`, `https://…`) and never the login page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (next === null || next === undefined) return '/';
  const value = next.trim();
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  try {
    const url = new URL(value, 'http://pillars.invalid');
    if (url.origin !== 'http://pillars.invalid') return '/';
    if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** `/login?next=%2Freports%3Fcycle%3D2026`; the overview needs no `next`. */
export function loginHref(next?: string): string {
  const back = safeNext(next);
  return back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`;
}

export function readLoginNext(query: URLSearchParams): string {
  return safeNext(query.get('next'));
}

export interface AuditAddress {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly target?: string | undefined;
  /** 1-based. */
  readonly page?: number | undefined;
}

/** `/admin/audit?actor=alice&action=report.submit&page=2`. */
export function auditHref(address: AuditAddress = {}): string {
  return `/admin/audit${queryString([
    ['actor', address.actor],
    ['action', address.action],
    ['target', address.target],
    ['page', address.page === undefined || address.page <= 1 ? undefined : String(address.page)],
  ])}`;
}

export function readAuditQuery(query: URLSearchParams): AuditAddress {
  const text = (name: string, max: number) => {
    const value = (query.get(name) ?? '').trim().slice(0, max);
    return value === '' ? undefined : value;
  };
  const page = Number(query.get('page') ?? '1');
  return {
    actor: text('actor', 100),
    action: text('action', 100),
    target: text('target', 300),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/* National reports: the public list's filters, and a report's version and comparison. */

export interface ReportsAddress {
  /** A review cycle, the year of its Review Conference (`2026`). */
  readonly cycle?: string | undefined;
  /** A State's ISO alpha-3 code. */
  readonly state?: string | undefined;
}

/** `/reports?cycle=2026&state=FRA`. */
export function reportsHref(address: ReportsAddress = {}): string {
  return `/reports${queryString([
    ['cycle', address.cycle],
    ['state', address.state],
  ])}`;
}

export function readReportsQuery(query: URLSearchParams): ReportsAddress {
  const cycle = (query.get('cycle') ?? '').trim();
  const state = (query.get('state') ?? '').trim().toUpperCase();
  return {
    cycle: /^20\d\d$/u.test(cycle) ? cycle : undefined,
    state: /^[A-Z]{3}$/u.test(state) ? state : undefined,
  };
}

export interface ReportAddress {
  /** A version to read other than the newest. */
  readonly version?: number | undefined;
  /** Compare two versions of the report: `from` (older) and `to` (newer). */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  /** Compare the report with another one (the previous cycle's, say). */
  readonly against?: string | undefined;
}

const positive = (value: number | undefined) => (value === undefined ? undefined : String(value));

/** `/reports/{id}?from=1&to=2`, `/reports/{id}?against={other}`, `/reports/{id}?version=1`. */
export function reportHref(id: string, address: ReportAddress = {}): string {
  return `/reports/${encodeURIComponent(id)}${queryString([
    ['version', positive(address.version)],
    ['from', positive(address.from)],
    ['to', positive(address.to)],
    ['against', address.against],
  ])}`;
}

export function readReportQuery(query: URLSearchParams): ReportAddress {
  const number = (name: string) => {
    const value = Number(query.get(name) ?? '');
    return Number.isInteger(value) && value >= 1 ? value : undefined;
  };
  const against = (query.get('against') ?? '').trim();
  return {
    version: number('version'),
    from: number('from'),
    to: number('to'),
    against: /^[A-Za-z0-9-]{1,100}$/u.test(against) ? against : undefined,
  };
}
