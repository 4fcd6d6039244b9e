/**
 * @module What adding rows to the search index leaves to be written later, for a group of files
 * or a rebuild: the search_docs rows, the FTS5 rows (SQLite), the per-language statistics, and a
 * block of ids.
 *
 * Ids are spread over the range on purpose (search-ids.ts), so rows written as each file comes
 * land at random places: FTS5 writes its pending terms out as a new segment at every savepoint
 * release and whenever a rowid comes lower than the one before, and every id inserted into the
 * search_docs id index (SQLite) or primary key (PostgreSQL) is a descent from the root to a random
 * leaf. Held here and written once, in id order, the group's rows make one FTS5 segment per
 * language and walk each id index once from left to right (at 10,000 documents on SQLite, the
 * search_docs inserts took 0.53 s instead of 0.90 s). Statistics are sums, so one update per
 * language replaces one per file; ids come from a block taken from the counter once instead of one
 * update per file.
 *
 * A file's own buffer (BatchWriter) takes ids from its group's block and joins the group only
 * once the file is stored, so nothing of a failed file is ever written.
 */
import type { Kysely } from 'kysely';
import { engineOf } from '../../store/engine-of.js';
import { insertValueRows, type ValueColumn } from '../../store/write-helpers.js';
import type { Database } from '../../store/database.js';
import { SEARCH_LANGS } from '../../store/migrations/0004-search-index.js';
import type { AnalysisLang } from '../analysis/analyzer.js';
import type { SearchRow } from './search-row.js';

/** Rows per multi-row insert, well under SQLite's limit of 32,766 parameters. */
export const ROWS_PER_STATEMENT = 300;
const FTS_COLUMNS = ['rowid', 'body', 'head', 'chars', 'meta'].map((name) => ({ name }));
/** Counter values taken at a time; unused ones are simply never ids. */
const ID_BLOCK = 4096;

/** search_docs' columns as the buffer writes them (PostgreSQL adds the tsvector and term counts). */
const DOC_COLUMNS: readonly ValueColumn[] = [
  'id',
  'expression_id',
  'eid',
  'position',
  'work_id',
  'lang',
  'kind',
  'year',
  'actions',
  'len',
].map((name) => ({ name }));
const POSTGRES_DOC_COLUMNS: readonly ValueColumn[] = [
  ...DOC_COLUMNS,
  { name: 'tsv', pgCast: 'tsvector' },
  { name: 'tf', pgCast: 'jsonb' },
];

/** One row of search_docs in the order of its columns (DOC_COLUMNS): the id first. */
export type DocValues = readonly [id: number, ...rest: unknown[]];

/** One row of a language's FTS5 table: the analysed columns joined by spaces. */
interface FtsRow {
  readonly id: number;
  readonly lang: AnalysisLang;
  readonly body: string;
  readonly head: string;
  readonly chars: string;
  readonly meta: string;
}

/** Hands out `n` consecutive counter values; the first is returned. */
async function takeCounters(db: Kysely<Database>, n: number): Promise<number> {
  const { next } = await db
    .updateTable('search_counter')
    .set((eb) => ({ next: eb('next', '+', n) }))
    .where('id', '=', 1)
    .returning('next')
    .executeTakeFirstOrThrow();
  return Number(next) - n;
}

export async function addToStats(
  db: Kysely<Database>,
  lang: string,
  docs: number,
  tokens: number,
): Promise<void> {
  await db
    .updateTable('search_stats')
    .set((eb) => ({ docs: eb('docs', '+', docs), tokens: eb('tokens', '+', tokens) }))
    .where('lang', '=', lang)
    .execute();
}

export class IndexWriteBuffer {
  readonly #group: IndexWriteBuffer | undefined;
  #docs: DocValues[] = [];
  #fts: FtsRow[] = [];
  #stats = new Map<string, [docs: number, tokens: number]>();
  #block: { next: number; end: number } | undefined;

  /** `group`: the buffer whose id block this one draws on. */
  constructor(group?: IndexWriteBuffer) {
    this.#group = group;
  }

  /** Rows waiting (search_docs rows; on SQLite each has its FTS5 row). */
  get size(): number {
    return this.#docs.length;
  }

  /** `n` consecutive counter values (the first is returned), from the block when it has room. */
  async takeCounters(db: Kysely<Database>, n: number): Promise<number> {
    if (this.#group) return this.#group.takeCounters(db, n);
    if (!this.#block || this.#block.end - this.#block.next < n) {
      const size = Math.max(n, ID_BLOCK);
      const first = await takeCounters(db, size);
      this.#block = { next: first, end: first + size };
    }
    const first = this.#block.next;
    this.#block.next += n;
    return first;
  }

  /**
   * Forgets the id block: the counter update that took it may be rolled back with a failed file,
   * and its values handed out again.
   */
  dropIds(): void {
    this.#block = undefined;
  }

  /**
   * Rows to add: `docs` their search_docs rows (each with its id), in the same order; `fts`: they
   * need FTS5 rows too.
   */
  add(rows: readonly SearchRow[], docs: readonly DocValues[], fts: boolean): void {
    for (const values of docs) this.#docs.push(values);
    rows.forEach((row, i) => {
      if (fts)
        this.#fts.push({
          id: docs[i]![0],
          lang: row.lang,
          body: row.columns.body,
          head: row.columns.head,
          chars: row.columns.chars,
          meta: row.columns.meta,
        });
      const [count, tokens] = this.#stats.get(row.lang) ?? [0, 0];
      this.#stats.set(row.lang, [count + 1, tokens + row.len]);
    });
  }

  /** Hands what waits here to `other` (a file's rows joining its group once the file is stored). */
  moveTo(other: IndexWriteBuffer): void {
    for (const values of this.#docs) other.#docs.push(values);
    for (const row of this.#fts) other.#fts.push(row);
    for (const [lang, [docs, tokens]] of this.#stats) {
      const [d, t] = other.#stats.get(lang) ?? [0, 0];
      other.#stats.set(lang, [d + docs, t + tokens]);
    }
    this.clear();
  }

  /** Forgets everything, the id block included (its transaction was rolled back). */
  clear(): void {
    this.#docs = [];
    this.#fts = [];
    this.#stats = new Map();
    this.#block = undefined;
  }

  /** Writes what waits (the id block is kept: its counter update is in the same transaction). */
  async write(db: Kysely<Database>): Promise<void> {
    const docs = this.#docs.sort((a, b) => a[0] - b[0]);
    const rows = this.#fts.sort((a, b) => a.id - b.id);
    const stats = this.#stats;
    this.#docs = [];
    this.#fts = [];
    this.#stats = new Map();
    await insertValueRows(
      db,
      'search_docs',
      engineOf(db) === 'postgres' ? POSTGRES_DOC_COLUMNS : DOC_COLUMNS,
      docs,
      ROWS_PER_STATEMENT,
    );
    for (const lang of SEARCH_LANGS) {
      const mine = rows.filter((r) => r.lang === lang);
      await insertValueRows(
        db,
        `search_fts_${lang}`,
        FTS_COLUMNS,
        mine.map((r) => [r.id, r.body, r.head, r.chars, r.meta]),
        ROWS_PER_STATEMENT,
      );
    }
    for (const [lang, [docs, tokens]] of stats) await addToStats(db, lang, docs, tokens);
  }
}
