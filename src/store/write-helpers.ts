/**
 * @module Batch writes that behave the same on both engines: chunked inserts (SQLite caps bound
 * parameters) and replace-by-key upserts.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { engineOf } from './engine-of.js';
import type { Database } from './database.js';

const ROWS_PER_STATEMENT = 400;

/**
 * Serialises writers of one thing (an alignment's corrections, an evidence's revisions) until the
 * transaction ends, so two processes on PostgreSQL cannot both take the next revision number.
 * SQLite has one writer at a time already.
 */
export async function lockKey(trx: Kysely<Database>, key: string): Promise<void> {
  if (engineOf(trx) === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

export async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  /** Leave a row whose key exists already (another process wrote it) instead of failing. */
  options: { skipExisting?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    // Kysely cannot narrow a generic table name; the rows are typed by the caller.
    const insert = db.insertInto(table).values(rows.slice(i, i + ROWS_PER_STATEMENT));
    await (
      options.skipExisting === true ? insert.onConflict((oc) => oc.doNothing()) : insert
    ).execute();
  }
}

/** Inserts the rows, replacing every column of a row whose `id` already exists. */
export async function upsertById<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: (Insertable<Database[T]> & { id: string })[],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first).filter((c) => c !== 'id');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .column('id' as never)
          .doUpdateSet(
            (eb) =>
              Object.fromEntries(
                columns.map((c) => [c, eb.ref(`excluded.${c}` as never)]),
              ) as never,
          ),
      )
      .execute();
  }
}
