/**
 * @module Batch writes that behave the same on both engines: chunked inserts (SQLite caps bound
 * parameters) and replace-by-key upserts.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './database.js';

const ROWS_PER_STATEMENT = 400;

export async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    // Kysely cannot narrow a generic table name; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}

/** Inserts the rows, leaving any row whose key exists already (another process wrote it). */
export async function insertNewChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) => oc.doNothing())
      .execute();
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
