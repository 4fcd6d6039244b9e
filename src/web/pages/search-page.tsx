/**
 * `/search`: full-text search over the documents' paragraphs. The query, the languages, the
 * "across languages" switch and the starting cursor live in the address
 * (`?q=&langs=&across=&cursor=`, see search-query.ts), so a search can be shared and the back
 * button steps through searches. Facet choices are written into the query text itself, where the
 * reader sees and can edit them. "More results" appends the next page below the ones shown.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { LANGUAGES } from '../../domain/language-codes.js';
import { api, ApiError } from '../api-client.js';
import type { Meeting, SearchFacet, SearchQuery, SearchResponse } from '../api-types.js';
import { SearchError, isQueryError } from '../components/search-error.js';
import { SearchFacetsPanel } from '../components/search-facets.js';
import { SearchExpansions, SearchGroups, SearchTotal } from '../components/search-results.js';
import { SearchIcon } from '../components/search-box.js';
import { ErrorView, LoadingView } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, useLocation } from '../router.js';
import {
  mergeSearchPages,
  readSearchState,
  searchHref,
  toggleFilter,
  toggleLang,
  type SearchState,
} from '../search-query.js';
import { useApi, type Remote } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

/** Matching paragraphs per page (the API's `limit`); their aligned versions come on top. */
const PAGE_SIZE = 20;

export function SearchPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const state = useMemo(() => readSearchState(query), [query]);
  const hasQuery = state.q.trim() !== '';
  useDocumentTitle(hasQuery ? t('search.titleFor', { query: state.q }) : t('search.title'));
  const search = useSearch(state);
  const [meetings] = useApi('meetings', (signal) => api.meetings({}, signal));
  const input = useRef<HTMLInputElement>(null);

  /** Runs a search: a new address, or the same search again when nothing changed. */
  const run = (next: SearchState) => {
    const href = searchHref({ ...next, cursor: undefined });
    if (href === searchHref(state)) search.retry();
    else navigate(href);
  };
  const toggleFacet = (facet: SearchFacet, value: string) =>
    run({ ...state, q: toggleFilter(state.q, facet, value) });
  const editAt = (position: number | undefined) => {
    const box = input.current;
    if (box === null) return;
    box.focus();
    if (position !== undefined) box.setSelectionRange(position, position + 1);
  };
  const queryError =
    search.first.status === 'error' && isQueryError(search.first.error)
      ? 'search-error'
      : undefined;

  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      <p className="lede">{t('search.intro')}</p>
      <SearchForm state={state} input={input} errorId={queryError} onSearch={run} />
      {hasQuery ? (
        <SearchResultsView
          state={state}
          search={search}
          meetings={meetings.status === 'ok' ? meetings.data : []}
          onToggleFacet={toggleFacet}
          onEdit={editAt}
        />
      ) : (
        <p className="empty">{t('search.prompt')}</p>
      )}
    </div>
  );
}

/* ---- the form ---- */

function SearchForm({
  state,
  input,
  errorId,
  onSearch,
}: {
  readonly state: SearchState;
  readonly input: RefObject<HTMLInputElement | null>;
  /** The id of the message saying the query could not be read, when it could not. */
  readonly errorId: string | undefined;
  readonly onSearch: (next: SearchState) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(state.q);
  const [shownQuery, setShownQuery] = useState(state.q);
  // The address changed under the form (a facet, the back button, the header's box): show its query.
  if (shownQuery !== state.q) {
    setShownQuery(state.q);
    setDraft(state.q);
  }
  // Languages and the switch apply at once, to what is typed now.
  const change = (changes: Partial<SearchState>) =>
    onSearch({ ...state, q: draft.trim(), ...changes });

  return (
    <form
      className="search-form"
      role="search"
      aria-label={t('search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        change({});
      }}
    >
      <label htmlFor="search-q" className="search-label">
        {t('search.label')}
      </label>
      <div className="search-row">
        <input
          id="search-q"
          ref={input}
          type="search"
          value={draft}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-invalid={errorId !== undefined}
          aria-describedby={errorId}
          data-testid="search-input"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button search-submit" data-testid="search-submit">
          <SearchIcon />
          <span>{t('search.submit')}</span>
        </button>
      </div>
      <div className="search-options">
        <div className="search-langs" role="group" aria-labelledby="search-langs-label">
          <span id="search-langs-label" className="search-option-label">
            {t('search.langs')}
          </span>
          {LANGUAGES.map((code) => {
            const on = state.langs.includes(code);
            return (
              <button
                key={code}
                type="button"
                className={on ? 'chip on' : 'chip'}
                aria-pressed={on}
                data-testid={`search-lang-${code}`}
                onClick={() => change({ langs: toggleLang(state.langs, code) })}
              >
                {t(`langName.${code}`)}
              </button>
            );
          })}
          {state.langs.length === 0 && (
            <span className="search-option-hint">{t('search.langsAll')}</span>
          )}
        </div>
        <div className="search-across">
          <input
            id="search-across"
            type="checkbox"
            checked={state.across}
            aria-describedby="search-across-hint"
            data-testid="search-across"
            onChange={(event) => change({ across: event.target.checked })}
          />
          <label htmlFor="search-across">{t('search.across')}</label>
          <span id="search-across-hint" className="search-option-hint">
            {t('search.acrossHint')}
          </span>
        </div>
      </div>
      <SyntaxHelp />
    </form>
  );
}

/** The query language in examples; the examples are query text, so they are not translated. */
const SYNTAX = [
  { example: 'nuclear disarmament', key: 'search.help.words' },
  { example: '"negative security assurances"', key: 'search.help.phrase' },
  { example: 'safeguards OR verification', key: 'search.help.or' },
  { example: 'disarmament -chemical', key: 'search.help.exclude' },
  { example: 'prolifer*', key: 'search.help.prefix' },
  {
    example:
      'lang:fr year:2010..2015 symbol:NPT/CONF.2015/WP.13 series:NPT/CONF.2015 meeting:NPT-REVCON-2015 type:WP state:FRA action:21',
    key: 'search.help.filters',
  },
] as const;

function SyntaxHelp() {
  const { t } = useI18n();
  return (
    <details className="search-help">
      <summary>{t('search.help')}</summary>
      <dl>
        {SYNTAX.map(({ example, key }) => (
          <div key={key}>
            <dt>
              <code lang="en" dir="ltr">
                {example}
              </code>
            </dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/* ---- loading pages ---- */

interface MorePages {
  /** The search these pages continue. */
  readonly key: string;
  readonly pages: readonly SearchResponse[];
  readonly status: 'idle' | 'loading' | 'error';
  readonly error?: ApiError;
}

interface Search {
  /** The first page: the answer to the address. */
  readonly first: Remote<SearchResponse | null>;
  readonly more: MorePages;
  readonly loadMore: () => void;
  readonly retry: () => void;
}

const toApiError = (error: unknown) =>
  error instanceof ApiError
    ? error
    : new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));

function requestFor(state: SearchState): SearchQuery {
  return {
    q: state.q,
    lang: state.langs,
    across: state.across,
    cursor: state.cursor,
    limit: PAGE_SIZE,
  };
}

/** The address's search, and the pages "More results" has added to it. */
function useSearch(state: SearchState): Search {
  const request = requestFor(state);
  const key = JSON.stringify(request);
  const [first, retryFirst] = useApi(`search:${key}`, (signal) =>
    request.q.trim() === '' ? Promise.resolve(null) : api.search(request, signal),
  );
  const [loaded, setLoaded] = useState<MorePages>({ key, pages: [], status: 'idle' });
  const pending = useRef<AbortController | null>(null);
  const more: MorePages = loaded.key === key ? loaded : { key, pages: [], status: 'idle' };

  // A new search, or leaving the page, cancels a page still loading.
  useEffect(() => () => pending.current?.abort(), [key]);

  const loadMore = () => {
    if (first.status !== 'ok' || first.data === null || more.status === 'loading') return;
    const cursor = (more.pages.at(-1) ?? first.data).nextCursor;
    if (cursor === null) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setLoaded({ key, pages: more.pages, status: 'loading' });
    // Facets and totals come with the first page; later pages only add results.
    void api.search({ ...request, cursor, facets: false }, controller.signal).then(
      (page) =>
        setLoaded((was) =>
          was.key === key ? { key, pages: [...was.pages, page], status: 'idle' } : was,
        ),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded((was) =>
          was.key === key ? { ...was, status: 'error', error: toApiError(error) } : was,
        );
      },
    );
  };

  const retry = useCallback(() => {
    pending.current?.abort();
    setLoaded({ key, pages: [], status: 'idle' });
    retryFirst();
  }, [key, retryFirst]);

  return { first, more, loadMore, retry };
}

/* ---- results ---- */

function SearchResultsView({
  state,
  search,
  meetings,
  onToggleFacet,
  onEdit,
}: {
  readonly state: SearchState;
  readonly search: Search;
  readonly meetings: readonly Meeting[];
  readonly onToggleFacet: (facet: SearchFacet, value: string) => void;
  readonly onEdit: (position: number | undefined) => void;
}) {
  const { t } = useI18n();
  const { first, more } = search;
  if (first.status === 'error') {
    return (
      <div id="search-error">
        <SearchError error={first.error} query={state.q} onRetry={search.retry} onEdit={onEdit} />
      </div>
    );
  }
  // While a new search loads, the last results stay, dimmed, rather than a flash of spinner.
  const base = first.status === 'ok' ? first.data : first.stale;
  if (base === undefined) return <LoadingView />;
  if (base === null) return <p className="empty">{t('search.prompt')}</p>;
  const busy = first.status === 'loading';
  const data = busy ? base : mergeSearchPages(base, more.pages);
  const facets =
    data.facets !== null && Object.values(data.facets.counts).some((counts) => counts.length > 0);
  return (
    <div className={facets ? 'search-layout with-facets' : 'search-layout'} aria-busy={busy}>
      {data.facets !== null && (
        <SearchFacetsPanel
          facets={data.facets}
          meetings={meetings}
          query={state.q}
          onToggle={onToggleFacet}
        />
      )}
      <section className="search-results" aria-label={t('search.results')}>
        <SearchTotal value={data.total.value} exact={data.total.exact} />
        <SearchExpansions expansions={data.expansions} />
        {data.groups.length === 0 ? (
          <p className="empty" data-testid="search-empty">
            {t('search.none')}
          </p>
        ) : (
          <SearchGroups groups={data.groups} meetings={meetings} />
        )}
        {!busy && more.status === 'error' && more.error !== undefined && (
          <ErrorView error={more.error} onRetry={search.loadMore} />
        )}
        {!busy && data.nextCursor !== null && more.status !== 'error' && (
          <p className="search-more">
            <button
              type="button"
              className="button"
              disabled={more.status === 'loading'}
              aria-busy={more.status === 'loading'}
              data-testid="search-more"
              onClick={search.loadMore}
            >
              {more.status === 'loading' ? t('view.loading') : t('search.more')}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
