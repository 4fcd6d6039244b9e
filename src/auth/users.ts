/**
 * @module Accounts: adding one (with a one-time password shown once and stored only as a hash),
 * listing, disabling, changing a password. Every change is audited in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ROLES, usernameSchema, type Role, type User } from '../domain/accounts.js';
import { invalidParameter, notFound, PillarsError } from '../domain/errors.js';
import type { Database, UsersTable } from '../store/database.js';
import { findStateByCode } from '../store/repositories/states-repository.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { oneTimePassword } from './secrets.js';

export function userFromRow(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    stateCode: row.state_code,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export interface NewUser {
  readonly username: string;
  readonly role: string;
  /** Required for a delegate (alpha-2 or alpha-3), refused for other roles. */
  readonly state?: string | undefined;
  readonly displayName?: string | undefined;
}

export async function addUser(
  db: Kysely<Database>,
  input: NewUser,
  actor: string,
): Promise<{ user: User; password: string }> {
  const name = usernameSchema.safeParse(input.username);
  if (!name.success) throw invalidParameter('username', name.error.issues[0]?.message ?? 'invalid');
  if (!(ROLES as readonly string[]).includes(input.role))
    throw invalidParameter('role', `expected one of ${ROLES.join(', ')}`);
  const role = input.role as Role;
  let stateCode: string | null = null;
  if (role === 'delegate') {
    if (!input.state)
      throw invalidParameter('state', 'a delegate speaks for one State: give --state');
    const state = await findStateByCode(db, input.state);
    if (!state) throw invalidParameter('state', `no State with code '${input.state}'`);
    stateCode = state.id;
  } else if (input.state) {
    throw invalidParameter('state', `only a delegate is bound to a State, not a ${role}`);
  }
  const password = oneTimePassword();
  const row: UsersTable = {
    id: randomUUID(),
    username: name.data,
    display_name: input.displayName?.trim() || name.data,
    role,
    state_code: stateCode,
    password_hash: await hashPassword(password),
    created_at: new Date().toISOString(),
    created_by: actor,
    disabled_at: null,
  };
  await db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', row.username)
      .executeTakeFirst();
    if (taken)
      throw new PillarsError('conflict', `a user named '${row.username}' exists already`, {
        field: 'username',
      });
    await trx.insertInto('users').values(row).execute();
    await appendAudit(trx, {
      actor,
      action: 'user.add',
      target: `user:${row.username}`,
      detail: { role, state: stateCode },
    });
  });
  return { user: userFromRow(row), password };
}

export async function findUser(db: Kysely<Database>, username: string): Promise<User> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) throw notFound('user', username);
  return userFromRow(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(userFromRow);
}

/** Disables the account and ends its sessions and tokens at once. */
export async function disableUser(
  db: Kysely<Database>,
  username: string,
  actor: string,
): Promise<User> {
  const user = await findUser(db, username);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: at }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, { actor, action: 'user.disable', target: `user:${username}` });
  });
  return { ...user, disabledAt: at };
}

/** Sets a new password and ends every other session of the account. */
export async function setPassword(
  db: Kysely<Database>,
  user: User,
  password: string,
  actor: string,
  keepSessionHash?: string,
): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
    throw invalidParameter(
      'password',
      `a password has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    );
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', user.id)
      .execute();
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (keepSessionHash) sessions = sessions.where('id_hash', '!=', keepSessionHash);
    await sessions.execute();
    await appendAudit(trx, { actor, action: 'user.password', target: `user:${user.username}` });
  });
}

/** A fresh one-time password for an account (an admin's reset). */
export async function resetPassword(
  db: Kysely<Database>,
  username: string,
  actor: string,
): Promise<string> {
  const user = await findUser(db, username);
  const password = oneTimePassword();
  await setPassword(db, user, password, actor);
  return password;
}
