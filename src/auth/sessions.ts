/**
 * @module Browser sessions, stored in the database so any app process serves any request. The
 * cookie carries a random token; the table keeps only its SHA-256. Each session has its own CSRF
 * token, which cookie-authenticated writes must echo in a header.
 */
import type { Kysely } from 'kysely';
import type { User } from '../domain/accounts.js';
import type { Database } from '../store/database.js';
import { randomSecret, sha256Hex } from './secrets.js';
import { userFromRow } from './users.js';

export const SESSION_COOKIE = 'pillars_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A session ends 12 hours after login, or after 2 hours without a request. */
export const SESSION_LIFETIME_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;
/** last_seen is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  readonly token: string;
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Creates a session; the caller has already ended any session the request came with (rotation). */
export async function createSession(
  trx: Kysely<Database>,
  userId: string,
  now = new Date(),
): Promise<NewSession> {
  const token = randomSecret();
  const session: NewSession = {
    token,
    idHash: sha256Hex(token),
    csrfToken: randomSecret(),
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  };
  await trx
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      expires_at: session.expiresAt,
      last_seen_at: now.toISOString(),
    })
    .execute();
  return session;
}

export interface LiveSession {
  readonly idHash: string;
  readonly csrfToken: string;
  readonly user: User;
}

/** The live session a cookie token names, or null (unknown, expired, idle too long, disabled user). */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<LiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const nowMs = now.getTime();
  const idle = nowMs - Date.parse(row.last_seen_at);
  if (row.disabled_at !== null || Date.parse(row.expires_at) <= nowMs || idle > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (idle > TOUCH_INTERVAL_MS)
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  return { idHash, csrfToken: row.csrf_token, user: userFromRow(row) };
}

export async function endSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}
