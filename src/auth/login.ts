/**
 * @module Logging in and out. One message for every failure (no user enumeration), the same
 * amount of hashing work whether or not the account exists, throttling per account and address,
 * and a fresh session on every login (the one the request came with is ended: no fixation).
 */
import type { Kysely } from 'kysely';
import { appendAudit, recordAudit } from '../audit/audit-log.js';
import type { User } from '../domain/accounts.js';
import { PillarsError } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import {
  clearFailures,
  recordFailure,
  throttleWait,
  type ThrottleLimits,
} from './login-throttle.js';
import { checkPassword } from './passwords.js';
import { createSession, endSession, type NewSession } from './sessions.js';
import { userFromRow } from './users.js';

export const LOGIN_FAILED = 'wrong user name or password';

export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  readonly address: string;
  /** The session the request already had, ended so its id cannot be carried across a login. */
  readonly previousSessionHash?: string | undefined;
}

export async function login(
  db: Kysely<Database>,
  attempt: LoginAttempt,
  limits: ThrottleLimits,
): Promise<{ user: User; session: NewSession }> {
  const username = attempt.username.trim().toLowerCase().slice(0, 100);
  const wait = await throttleWait(db, username, attempt.address, limits);
  if (wait > 0) {
    await recordAudit(db, {
      actor: username,
      action: 'login.throttled',
      target: `user:${username}`,
      detail: { address: attempt.address },
    });
    throw new PillarsError('rate_limited', `too many failed logins; try again in ${wait} s`);
  }
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const passwordOk = await checkPassword(row?.password_hash, attempt.password);
  if (!row || !passwordOk || row.disabled_at !== null) {
    await recordFailure(db, username, attempt.address, limits);
    await recordAudit(db, {
      actor: username,
      action: 'login.failed',
      target: `user:${username}`,
      detail: { address: attempt.address },
    });
    throw new PillarsError('unauthenticated', LOGIN_FAILED);
  }
  await clearFailures(db, username, limits);
  const session = await db.transaction().execute(async (trx) => {
    if (attempt.previousSessionHash) await endSession(trx, attempt.previousSessionHash);
    const created = await createSession(trx, row.id);
    // Housekeeping on a rare, cheap occasion: sessions past their lifetime go.
    await trx.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
    await appendAudit(trx, {
      actor: username,
      action: 'login',
      target: `user:${username}`,
      detail: { address: attempt.address },
    });
    return created;
  });
  return { user: userFromRow(row), session };
}

export async function logout(db: Kysely<Database>, user: User, sessionHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, sessionHash);
    await appendAudit(trx, {
      actor: user.username,
      action: 'logout',
      target: `user:${user.username}`,
    });
  });
}
