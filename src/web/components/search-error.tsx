/**
 * A search that failed. A query the API could not read (`invalid_query`) shows the API's message
 * and the query with the character it stopped at marked, a caret under it, so the reader sees
 * what to change; any other failure gets the shared error view with its retry button.
 */
import type { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { splitAtPosition } from '../search-query.js';
import { ErrorView } from './status-views.js';

export function isQueryError(error: ApiError): boolean {
  return error.code === 'invalid_query' || (error.status === 400 && error.field === 'q');
}

export function SearchError({
  error,
  query,
  onRetry,
  onEdit,
}: {
  readonly error: ApiError;
  /** The query the API was sent, which the error's position counts in. */
  readonly query: string;
  readonly onRetry: () => void;
  /** Puts the cursor in the query box at the given offset. */
  readonly onEdit: (position: number | undefined) => void;
}) {
  const { t } = useI18n();
  if (!isQueryError(error)) {
    return (
      <div data-testid="search-error">
        <ErrorView error={error} onRetry={onRetry} />
      </div>
    );
  }
  return (
    <div className="status-error search-error" role="alert" data-testid="search-error">
      <h2>{t('search.error.title')}</h2>
      {/* The API's messages are English, as in the shared error view. */}
      <p lang="en" dir="ltr" className="error-message">
        {error.message}
      </p>
      {error.position !== undefined && <QueryMark query={query} position={error.position} />}
      <button type="button" className="link-button" onClick={() => onEdit(error.position)}>
        {t('search.error.edit')}
      </button>
    </div>
  );
}

function QueryMark({ query, position }: { readonly query: string; readonly position: number }) {
  const { t, formatNumber } = useI18n();
  const { before, at, after } = splitAtPosition(query, position);
  // Counted in characters as a reader sees them, from 1.
  const column = [...before].length + 1;
  return (
    <>
      <p>
        {at === ''
          ? t('search.error.atEnd')
          : t('search.error.at', { position: formatNumber(column) })}
      </p>
      <pre className="query-mark" dir="auto" data-testid="search-error-query">
        <code>
          {before}
          <mark
            className={at === '' ? 'query-fault at-end' : 'query-fault'}
            data-testid="search-error-mark"
          >
            {at === '' ? ' ' : at}
          </mark>
          {after}
        </code>
      </pre>
    </>
  );
}
