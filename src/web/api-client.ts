/**
 * Typed fetch wrapper for /api. Every failure, HTTP or network, becomes an ApiError carrying the
 * server's `{code, message}` body so pages can show the API's own explanation.
 *
 * Writes ride on the session cookie (HttpOnly, SameSite=Strict), so each one also carries the
 * session's CSRF token in `x-csrf-token`; session.ts hands the token over whenever the session
 * changes. A write refused for a stale token (another tab logged in again, say) asks session.ts
 * for the current session and is sent once more.
 */
import type {
  Action,
  ActionsQuery,
  DocumentsQuery,
  DocumentSummary,
  ErrorBody,
  GroupSummary,
  IngestResponse,
  Instrument,
  InstrumentStatus,
  Lang,
  LanguageVersion,
  Meeting,
  MeetingsQuery,
  Overview,
  PageOf,
  ParticipationEvent,
  ProtocolMatrix,
  RecordedVote,
  SearchQuery,
  SearchResponse,
  StateDetail,
  State,
  StatesQuery,
  TextLang,
  Work,
} from './api-types.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** For `invalid_query`: the 0-based offset in the query text where reading it failed. */
    readonly position?: number,
    /** What the API adds to some errors (a stale edit's `current` and `yours` texts, say). */
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

type Params = Record<string, string | number | undefined>;

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api/v1${path}${query === '' ? '' : `?${query}`}`;
}

/** The header the server reads the CSRF token from on every write made with the cookie. */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;
let refreshSession: (() => Promise<void>) | undefined;

/** The current session's CSRF token (null when nobody is signed in). Set by session.ts. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to fetch the session again when a write is refused as unauthenticated or for its token. */
export function onSessionStale(refresh: () => Promise<void>): void {
  refreshSession = refresh;
}

const SESSION_PATH = '/api/v1/session';

const isRead = (method: string | undefined) =>
  method === undefined || method === 'GET' || method === 'HEAD';

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(url, { headers: { accept: 'application/json' } }, signal);
}

/** Sends a JSON body; the API's `{code, message, field}` becomes an ApiError as for reads. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return requestJson<T>(
    url,
    {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    signal,
  );
}

/** Posts a JSON body. */
export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('POST', url, body, signal);
}

/** Sends a form (files included) as multipart/form-data; the browser sets the boundary. */
export async function postForm<T>(url: string, form: FormData, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(
    url,
    { method: 'POST', body: form, headers: { accept: 'application/json' } },
    signal,
  );
}

/** The request as sent: a write carries the session's CSRF token, and every request the cookie. */
function withSession(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  if (!isRead(init.method) && csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);
  return { ...init, headers, credentials: 'same-origin' };
}

async function requestJson<T>(
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
  retried = false,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...withSession(init), signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new ApiError(0, 'network_error', `The server could not be reached (${String(error)}).`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) {
      // The session changed behind this page (it expired, or another tab logged out or in
      // again): learn the current one, and send a write refused only for its token once more.
      // A failed login is a 401 too, but says nothing about the session.
      const stale =
        !isRead(init.method) &&
        !url.endsWith(SESSION_PATH) &&
        (body.code === 'csrf_failed' || body.code === 'unauthenticated');
      if (stale && refreshSession !== undefined) {
        await refreshSession().catch(() => undefined);
        if (body.code === 'csrf_failed' && !retried && csrfToken !== null)
          return requestJson<T>(url, init, signal, true);
      }
      const position = Number.isInteger(body.position) ? body.position : undefined;
      throw new ApiError(
        response.status,
        body.code,
        body.message,
        body.field,
        position,
        body.detail,
      );
    }
    throw new ApiError(
      response.status,
      'http_error',
      `HTTP ${response.status} ${response.statusText}`,
    );
  }
  if (body === undefined)
    throw new ApiError(response.status, 'bad_response', 'The server sent no JSON.');
  return body as T;
}

/** The server caps `limit` at 500; lists the UI shows whole are fetched page by page. */
const MAX_LIMIT = 500;

async function getAll<T>(path: string, params: Params, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await getJson<PageOf<T>>(
      apiUrl(path, { ...params, limit: MAX_LIMIT, offset }),
      signal,
    );
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

const id = (value: string) => encodeURIComponent(value);

/** A document's path: its id (symbol or `pillars:…`) as one segment, slashes encoded, and the
 * revision asked for by its suffix (`…/Rev.1`), which is how the API selects a revision. */
const documentPath = (workId: string, revision = '') =>
  `/documents/${id(revision === '' ? workId : `${workId}/${revision}`)}`;

/** Where the Akoma Ntoso export of a language version is downloaded from. */
export function aknUrl(workId: string, lang: TextLang, revision = ''): string {
  return apiUrl(`${documentPath(workId, revision)}/${lang}/akn`);
}

/** The server draws the status map on a day, and the timeline up to that day, as SVG labelled in
 * `lang` (the server may not honour `lang` yet; the images' text is then English). */
export function instrumentMapUrl(instrumentId: string, asOf: string, lang: Lang): string {
  return apiUrl(`/instruments/${id(instrumentId)}/map.svg`, { asOf, lang });
}
export function instrumentTimelineUrl(instrumentId: string, asOf: string, lang: Lang): string {
  return apiUrl(`/instruments/${id(instrumentId)}/timeline.svg`, { asOf, lang });
}

export const api = {
  overview: (signal?: AbortSignal) => getJson<Overview>(apiUrl('/overview'), signal),
  states: (query: StatesQuery, signal?: AbortSignal) =>
    getAll<State>('/states', { q: query.q, group: query.group, status: query.status }, signal),
  state: (stateId: string, signal?: AbortSignal) =>
    getJson<StateDetail>(apiUrl(`/states/${id(stateId)}`), signal),
  groups: (signal?: AbortSignal) => getAll<GroupSummary>('/groups', {}, signal),
  instruments: (signal?: AbortSignal) => getAll<Instrument>('/instruments', {}, signal),
  instrument: (instrumentId: string, signal?: AbortSignal) =>
    getJson<Instrument>(apiUrl(`/instruments/${id(instrumentId)}`), signal),
  /** Each State's standing on `asOf`; with `state`, only that State's row (counts stay global). */
  instrumentStatus: (
    instrumentId: string,
    query: { readonly asOf: string; readonly state?: string },
    signal?: AbortSignal,
  ) =>
    getJson<InstrumentStatus>(
      apiUrl(`/instruments/${id(instrumentId)}/status`, { asOf: query.asOf, state: query.state }),
      signal,
    ),
  events: (
    query: { readonly state?: string; readonly instrument?: string },
    signal?: AbortSignal,
  ) =>
    getAll<ParticipationEvent>(
      '/events',
      { state: query.state, instrument: query.instrument },
      signal,
    ),
  nwfzProtocols: (asOf: string, signal?: AbortSignal) =>
    getJson<ProtocolMatrix>(apiUrl('/nwfz-protocols', { asOf }), signal),
  meetings: (query: MeetingsQuery, signal?: AbortSignal) =>
    getAll<Meeting>('/meetings', { cycle: query.cycle, kind: query.kind }, signal),
  actions: (query: ActionsQuery, signal?: AbortSignal) =>
    getAll<Action>('/actions', { pillar: query.pillar }, signal),
  action: (actionId: string, signal?: AbortSignal) =>
    getJson<Action>(apiUrl(`/actions/${id(actionId)}`), signal),
  documents: (query: DocumentsQuery, signal?: AbortSignal) =>
    getJson<PageOf<DocumentSummary>>(apiUrl('/documents', { ...query }), signal),
  document: (workId: string, signal?: AbortSignal) =>
    getJson<Work>(apiUrl(documentPath(workId)), signal),
  languageVersion: (
    ref: {
      readonly workId: string;
      readonly lang: TextLang;
      readonly revision?: string;
      readonly version?: number;
    },
    signal?: AbortSignal,
  ) =>
    getJson<LanguageVersion>(
      apiUrl(`${documentPath(ref.workId, ref.revision)}/${ref.lang}`, { version: ref.version }),
      signal,
    ),
  /** 404 when the document has no recorded vote. */
  votes: (workId: string, signal?: AbortSignal) =>
    getJson<RecordedVote[]>(apiUrl(`${documentPath(workId)}/votes`), signal),
  upload: (form: FormData, signal?: AbortSignal) =>
    postForm<IngestResponse>(apiUrl('/documents'), form, signal),
  /** Full-text search over the paragraphs; a malformed query is a 400 `invalid_query`. */
  search: (query: SearchQuery, signal?: AbortSignal) =>
    getJson<SearchResponse>(
      apiUrl('/search', {
        q: query.q,
        lang:
          query.lang === undefined || query.lang.length === 0 ? undefined : query.lang.join(','),
        across: query.across === true ? 'true' : undefined,
        facets: query.facets === false ? 'false' : undefined,
        limit: query.limit,
        cursor: query.cursor,
      }),
      signal,
    ),
};
