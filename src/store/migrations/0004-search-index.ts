/**
 * @module The full-text search index. One row per paragraph of a current language version in
 * `search_docs` (ids carry the language in their high bits, so a language is a rowid range), and:
 * - on SQLite, one contentless FTS5 table per language (`search_fts_<lang>`) whose columns are
 *   body, head (titles and headings), chars (Chinese characters, for substrings) and meta
 *   (filter tokens such as `year_2015`), fed with tokens our analyzers produced;
 * - on PostgreSQL, a `tsv` column holding the same tokens as a tsvector, with the column encoded
 *   as the position weight (A body, B head, C chars, D meta), under a GIN index; the ranking
 *   (postgres-search.ts) counts hits the way FTS5's bm25() does, so both engines rank alike.
 * `search_stats` keeps the per-language row and token counts BM25 needs on PostgreSQL, and
 * `search_docs.tf` (PostgreSQL) each word's weighted count in the row.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of.js';

export const SEARCH_LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('search_docs')
    .addColumn('id', engine === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey())
    // No cascade: an expression leaves the index through search-index.ts, which also removes its
    // FTS5 rows; deleting an indexed expression any other way fails instead of orphaning them.
    .addColumn('expression_id', 'text', (c) => c.notNull().references('expressions.id'))
    .addColumn('eid', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('work_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('len', 'integer', (c) => c.notNull())
    .addUniqueConstraint('search_docs_segment_unique', ['expression_id', 'eid'])
    .execute();

  await db.schema
    .createTable('search_stats')
    .addColumn('lang', 'text', (c) => c.primaryKey())
    .addColumn('docs', 'bigint', (c) => c.notNull())
    .addColumn('tokens', 'bigint', (c) => c.notNull())
    .execute();
  // Ids are handed out from this counter (then permuted, see search-ids.ts).
  await db.schema
    .createTable('search_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('next', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into search_counter (id, next) values (1, 1)`.execute(db);
  for (const lang of SEARCH_LANGS) {
    await sql`insert into search_stats (lang, docs, tokens) values (${lang}, 0, 0)`.execute(db);
  }

  if (engine === 'sqlite') {
    for (const lang of SEARCH_LANGS) {
      await sql
        .raw(
          `create virtual table search_fts_${lang} using fts5(body, head, chars, meta, ` +
            `content='', contentless_delete=1, ` +
            `tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`,
        )
        .execute(db);
    }
    return;
  }
  await sql`alter table search_docs add column tsv tsvector not null`.execute(db);
  // Weighted hits per word (`t:` body and head, `c:` Chinese characters): BM25 reads a word's
  // count here in one lookup instead of unnesting the tsvector on every matching row.
  await sql`alter table search_docs add column tf jsonb not null`.execute(db);
  await sql`create index search_docs_tsv_idx on search_docs using gin (tsv)`.execute(db);
  await sql`create index search_docs_lang_idx on search_docs (lang, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    for (const lang of SEARCH_LANGS) {
      await sql.raw(`drop table if exists search_fts_${lang}`).execute(db);
    }
  }
  for (const table of ['search_counter', 'search_stats', 'search_docs']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
