/**
 * Loads API data for a page, cancelling the request when the page or its query changes, and keeps
 * the last good data while a new query loads so result lists do not flash empty while typing.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-client.js';

export type Remote<T> =
  | { readonly status: 'loading'; readonly stale: T | undefined }
  | { readonly status: 'ok'; readonly data: T }
  | { readonly status: 'error'; readonly error: ApiError };

interface Settled<T> {
  readonly key: string;
  readonly remote: Remote<T>;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
}

/**
 * `key` identifies the request (its URL, say): a new key starts a new load. `load` is read when
 * the key changes, so it may be an inline arrow.
 */
export function useApi<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Remote<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const requestKey = `${key}#${attempt}`;

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setSettled({ key: requestKey, remote: { status: 'ok', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key: requestKey, remote: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => controller.abort();
    // `load` is deliberately not a dependency: the key says when the request changes.
  }, [requestKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  if (settled?.key === requestKey) return [settled.remote, retry];
  const stale = settled?.remote.status === 'ok' ? settled.remote.data : undefined;
  return [{ status: 'loading', stale }, retry];
}
