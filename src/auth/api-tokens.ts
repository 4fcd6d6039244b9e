/**
 * @module API tokens for scripts: `pil_` and a random secret, shown once, stored as SHA-256,
 * scoped to the areas they may write, revocable, optionally expiring.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { TOKEN_SCOPES, type ApiTokenInfo, type TokenScope, type User } from '../domain/accounts.js';
import { invalidParameter, notFound } from '../domain/errors.js';
import type { ApiTokensTable, Database } from '../store/database.js';
import { randomSecret, sha256Hex } from './secrets.js';
import { userFromRow } from './users.js';

export const TOKEN_PREFIX = 'pil_';

function infoOf(row: ApiTokensTable): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function createApiToken(
  db: Kysely<Database>,
  user: User,
  input: { name: string; scopes: readonly string[]; expiresInDays?: number | undefined },
  actor: string,
): Promise<{ token: string; info: ApiTokenInfo }> {
  const name = input.name.trim();
  if (name === '' || name.length > 100)
    throw invalidParameter('name', 'a token needs a name of 1–100 characters');
  const unknown = input.scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw invalidParameter(
      'scopes',
      `unknown scope ${unknown.join(', ')}; expected some of ${TOKEN_SCOPES.join(', ')}`,
    );
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const now = new Date();
  const row: ApiTokensTable = {
    id: randomUUID(),
    user_id: user.id,
    name,
    token_hash: sha256Hex(token),
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    created_at: now.toISOString(),
    expires_at:
      input.expiresInDays === undefined
        ? null
        : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await appendAudit(trx, {
      actor,
      action: 'token.create',
      target: `user:${user.username}`,
      detail: { token: row.id, name, scopes: JSON.parse(row.scopes) as string[] },
    });
  });
  return { token, info: infoOf(row) };
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map(infoOf);
}

export async function revokeApiToken(
  db: Kysely<Database>,
  user: User,
  tokenId: string,
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select('id')
      .where('id', '=', tokenId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!row) throw notFound('token', tokenId);
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', tokenId)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'token.revoke',
      target: `user:${user.username}`,
      detail: { token: tokenId },
    });
  });
}

/** The user and scopes a bearer token stands for, or null when it is unknown, revoked or expired. */
export async function findApiToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<{ user: User; tokenId: string; scopes: TokenScope[] } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scopes',
      'api_tokens.revoked_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return null;
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > 60_000)
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.token_id)
      .execute();
  return {
    user: userFromRow(row),
    tokenId: row.token_id,
    scopes: JSON.parse(row.scopes) as TokenScope[],
  };
}
