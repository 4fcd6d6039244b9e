/**
 * The loading, error and not-found views every page shares, so they look and read the same
 * everywhere and carry the right live-region semantics for screen readers.
 */
import type { ReactNode } from 'react';
import type { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Remote } from '../use-api.js';
import { Link } from './link.js';

export function LoadingView() {
  const { t } = useI18n();
  return (
    <p className="status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('view.loading')}
    </p>
  );
}

export function ErrorView({
  error,
  onRetry,
}: {
  readonly error: ApiError;
  readonly onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="status-error" role="alert">
      <h2>{t('view.error.title')}</h2>
      {/* The API's messages are English; marking them keeps screen readers from misreading. */}
      <p lang="en" dir="ltr" className="error-message">
        {error.message}
      </p>
      <p className="muted">{t('view.error.code', { code: error.code })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('view.error.retry')}
        </button>
      )}
    </div>
  );
}

export function NotFoundView({ message }: { readonly message?: string }) {
  const { t } = useI18n();
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('view.notFound.title')}</h1>
      <p>{message ?? t('view.notFound.body')}</p>
      <p>
        <Link href="/">{t('view.notFound.home')}</Link>
      </p>
    </section>
  );
}

/**
 * Renders `children(data)` once loaded, the shared views otherwise. A 404 from the API shows the
 * not-found view with `notFoundMessage` when given.
 */
export function Async<T>({
  remote,
  retry,
  notFoundMessage,
  children,
}: {
  readonly remote: Remote<T>;
  readonly retry: () => void;
  readonly notFoundMessage?: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (remote.status === 'loading') return <LoadingView />;
  if (remote.status === 'error') {
    if (remote.error.isNotFound && notFoundMessage !== undefined) {
      return <NotFoundView message={notFoundMessage} />;
    }
    return <ErrorView error={remote.error} onRetry={retry} />;
  }
  return <>{children(remote.data)}</>;
}
