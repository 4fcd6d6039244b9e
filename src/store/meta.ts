/**
 * @module The `meta` table: small named values the store keeps about itself (the hashes of the
 * seeded data and the glossary, the search index version), read and written alike on both engines.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
