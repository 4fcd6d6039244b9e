/**
 * Real accounts for tests: users added the way `pillars user add` adds them (argon2id hashes,
 * one-time passwords), API tokens, and browser-style sessions (cookie + CSRF header).
 */
import type { FastifyInstance } from 'fastify';
import { TOKEN_SCOPES, type Role } from '../../src/domain/accounts.js';
import { createApiToken } from '../../src/auth/api-tokens.js';
import { addUser } from '../../src/auth/users.js';
import type { Store } from '../../src/store/open-store.js';

export interface TestAccount {
  readonly username: string;
  readonly password: string;
  /** `authorization: Bearer …` for a token with every scope. */
  readonly headers: Record<string, string>;
}

export async function addAccount(
  store: Store,
  username: string,
  role: Role,
  state?: string,
): Promise<TestAccount> {
  const { user, password } = await addUser(store.db, { username, role, state }, 'test-setup');
  const { token } = await createApiToken(
    store.db,
    user,
    { name: 'tests', scopes: [...TOKEN_SCOPES] },
    'test-setup',
  );
  return { username, password, headers: { authorization: `Bearer ${token}` } };
}

export interface BrowserSession {
  readonly cookie: string;
  readonly csrf: string;
  /** Cookie and CSRF header, as the web app sends them on a write. */
  readonly headers: Record<string, string>;
}

export async function logIn(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<BrowserSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'pillars_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = response.json<{ csrfToken: string }>().csrfToken;
  const header = `pillars_session=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}
