/**
 * @module Login throttling, kept in the database so every app process counts the same failures:
 * per account name (whether or not it exists, so the lock-out reveals nothing) and per address.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';

export interface ThrottleLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60_000,
};

const keysOf = (username: string, address: string) => [
  `account:${username.toLowerCase()}`,
  `address:${address}`,
];

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function throttleWait(
  db: Kysely<Database>,
  username: string,
  address: string,
  limits: ThrottleLimits,
  now = Date.now(),
): Promise<number> {
  const [accountKey, addressKey] = keysOf(username, address);
  const rows = await db
    .selectFrom('login_failures')
    .selectAll()
    .where('key', 'in', [accountKey!, addressKey!])
    .execute();
  let wait = 0;
  for (const row of rows) {
    const started = Date.parse(row.window_start);
    const limit = row.key === accountKey ? limits.perAccount : limits.perAddress;
    if (now - started < limits.windowMs && Number(row.count) >= limit)
      wait = Math.max(wait, Math.ceil((started + limits.windowMs - now) / 1000));
  }
  return wait;
}

export async function recordFailure(
  db: Kysely<Database>,
  username: string,
  address: string,
  limits: ThrottleLimits,
  now = Date.now(),
): Promise<void> {
  const nowIso = new Date(now).toISOString();
  const windowStartBefore = new Date(now - limits.windowMs).toISOString();
  for (const key of keysOf(username, address)) {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('login_failures')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) {
        await trx
          .insertInto('login_failures')
          .values({ key, count: 1, window_start: nowIso })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({ count: eb('login_failures.count', '+', 1) })),
          )
          .execute();
      } else if (row.window_start < windowStartBefore) {
        await trx
          .updateTable('login_failures')
          .set({ count: 1, window_start: nowIso })
          .where('key', '=', key)
          .execute();
      } else {
        await trx
          .updateTable('login_failures')
          .set((eb) => ({ count: eb('count', '+', 1) }))
          .where('key', '=', key)
          .execute();
      }
    });
  }
}

/** A successful login clears the account's count (not the address's: one good password there does not vouch for the rest). */
export async function clearFailures(
  db: Kysely<Database>,
  username: string,
  limits: ThrottleLimits,
  now = Date.now(),
): Promise<void> {
  // Counters whose window has passed mean nothing any more.
  await db
    .deleteFrom('login_failures')
    .where('window_start', '<', new Date(now - limits.windowMs).toISOString())
    .execute();
  await db
    .deleteFrom('login_failures')
    .where('key', '=', `account:${username.toLowerCase()}`)
    .execute();
}
