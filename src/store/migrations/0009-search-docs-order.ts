/**
 * @module SQLite stores `search_docs` in the order rows are written, not in id order.
 *
 * A paragraph's id is spread over its language's range on purpose (search-ids.ts: the first
 * matches in id order are a fair sample). As the table's key, that sent every insert to a random
 * leaf: a group of files dirtied nearly every page of the table at each commit, and each insert
 * split and rebalanced pages instead of appending. In a profile of the ingest benchmark (10,000
 * documents), the writer's time in SQLite went from 7.2 s to 6.0 s with this change; the search
 * benchmark's index build (1M paragraphs) from 8,249 to 9,885 paragraphs/s, and its file from
 * 881 to 803 MiB (random inserts leave pages half full).
 *
 * Now the table's rowid is `seq`, which only grows, and `id` has its own unique index: an index
 * entry is a tenth of a row, so the random inserts touch a tenth of the pages. Lookups by id take
 * one more step through that index. PostgreSQL keeps rows in write order anyway (a heap) and is
 * unchanged.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of.js';

const COLUMNS = 'id, expression_id, eid, position, work_id, lang, kind, year, actions, len';

/**
 * Copies `search_docs` into a table of the same columns keyed by `seq` (write order, with the id
 * unique beside it) or by `id`, rows in the order given, and puts the copy in its place.
 */
async function rebuildSearchDocs(
  db: Kysely<unknown>,
  key: 'seq' | 'id',
  order: string,
): Promise<void> {
  const keyColumns =
    key === 'seq'
      ? 'seq integer primary key, id integer not null unique,'
      : 'id integer primary key,';
  await sql
    .raw(
      `create table search_docs_rebuilt (
        ${keyColumns}
        expression_id text not null references expressions (id),
        eid text not null,
        position integer not null,
        work_id text not null,
        lang text not null,
        kind text not null,
        year integer,
        actions text not null,
        len integer not null,
        constraint search_docs_segment_unique unique (expression_id, eid)
      )`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into search_docs_rebuilt (${COLUMNS}) select ${COLUMNS} from search_docs order by ${order}`,
    )
    .execute(db);
  await sql`drop table search_docs`.execute(db);
  await sql`alter table search_docs_rebuilt rename to search_docs`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') await rebuildSearchDocs(db, 'seq', 'expression_id, position');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') await rebuildSearchDocs(db, 'id', 'id');
}
