/**
 * @module Batch writes that behave the same on both engines: chunked inserts (SQLite caps bound
 * parameters) and replace-by-key upserts.
 */
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
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

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const insertTexts = new Map<string, string>();

/** A column of {@link insertValueRows}: its name, and a PostgreSQL cast for its parameter. */
export interface ValueColumn {
  readonly name: string;
  readonly pgCast?: string;
}

function insertText(
  engine: 'sqlite' | 'postgres',
  table: string,
  columns: readonly ValueColumn[],
  rows: number,
): string {
  const key = `${engine}|${table}|${columns.map((c) => `${c.name}:${c.pgCast ?? ''}`).join(',')}|${rows}`;
  let text = insertTexts.get(key);
  if (text !== undefined) return text;
  for (const name of [table, ...columns.map((c) => c.name), ...columns.map((c) => c.pgCast ?? 'x')])
    if (!IDENTIFIER.test(name)) throw new Error(`insertValueRows: '${name}' is not a plain name`);
  let n = 0;
  const tuple = () =>
    `(${columns
      .map((c) => (engine === 'postgres' ? `$${++n}${c.pgCast ? `::${c.pgCast}` : ''}` : '?'))
      .join(', ')})`;
  text = `insert into "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
  if (insertTexts.size >= 1024) insertTexts.clear();
  insertTexts.set(key, text);
  return text;
}

/**
 * Inserts rows given as arrays of values in `columns` order, in chunks, without the query
 * builder: ingestion inserts hundreds of thousands of paragraph rows, and building and compiling a
 * query tree for each statement cost the writer more than a fifth of its time. The SQL text of a
 * chunk size is built once. Names come from code, never from input (checked all the same).
 */
export async function insertValueRows(
  db: Kysely<Database>,
  table: string,
  columns: readonly ValueColumn[],
  rows: readonly (readonly unknown[])[],
  rowsPerStatement = ROWS_PER_STATEMENT,
): Promise<void> {
  const engine = engineOf(db);
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      if (row.length !== columns.length)
        throw new Error(
          `insertValueRows: a row of ${table} has ${row.length} values, not ${columns.length}`,
        );
      for (const value of row) parameters.push(value);
    }
    await db.executeQuery(
      CompiledQuery.raw(insertText(engine, table, columns, chunk.length), parameters),
    );
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
