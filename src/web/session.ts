/**
 * Who is signed in. The session lives in an HttpOnly cookie the page cannot read, so the app asks
 * `GET /api/v1/session` at start-up (and again after logging in or out, or when a write finds the
 * session gone) and keeps the answer in a tiny external store every component reads the same way.
 * The answer's CSRF token goes to the API client, which sends it with every write.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, apiUrl, getJson, onSessionStale, sendJson, setCsrfToken } from './api-client.js';
import type { Session, SessionUser } from './api-types.js';

export type SessionState =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly user: SessionUser | null };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function apply(session: Session): void {
  setCsrfToken(session.csrfToken);
  publish({ status: 'ready', user: session.user });
}

const ANONYMOUS: Session = { user: null, csrfToken: null, via: 'anonymous' };

/** Asks the server who this browser is signed in as. An unreachable server reads as nobody. */
export async function loadSession(): Promise<void> {
  try {
    apply(await getJson<Session>(apiUrl('/session')));
  } catch {
    apply(ANONYMOUS);
  }
}

onSessionStale(loadSession);

/** Logs in; the server's refusal ("wrong user name or password", too many tries) is thrown. */
export async function logIn(username: string, password: string): Promise<SessionUser | null> {
  const session = await sendJson<Session>('POST', apiUrl('/session'), { username, password });
  apply(session);
  return session.user;
}

/** Logs out. A session already gone (expired, ended elsewhere) is as good as logged out. */
export async function logOut(): Promise<void> {
  try {
    await sendJson<{ ok: true }>('DELETE', apiUrl('/session'));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  apply(ANONYMOUS);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The signed-in user, or null while the session loads and for the public. */
export function useSessionUser(): SessionUser | null {
  const session = useSession();
  return session.status === 'ready' ? session.user : null;
}
