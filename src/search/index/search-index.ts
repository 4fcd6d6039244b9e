/**
 * @module Keeps the search index in step with the stored documents. Called inside the transaction
 * that stores, renames or removes a document, so the index never disagrees with the documents; and
 * by `pillars reindex`, which rebuilds it from the stored paragraphs with the same code.
 */
import { readMeta, writeMeta } from '../../store/meta.js';
import { sql, type Kysely } from 'kysely';
import { isLang } from '../../domain/language-codes.js';
import type { Database } from '../../store/database.js';
import { engineOf } from '../../store/engine-of.js';
import { SEARCH_LANGS } from '../../store/migrations/0004-search-index.js';
import type { AnalysisLang } from '../analysis/analyzer.js';
import { addToStats, IndexWriteBuffer, type DocValues } from './index-write-buffer.js';
import { searchDocId } from './search-ids.js';
import {
  buildSearchRows,
  yearOf,
  termCounts,
  tsvectorLiteral,
  type ParagraphOfDocument,
  type SearchRow,
} from './search-row.js';

/** FTS5 rows a rebuild holds before writing them in id order (a few tens of MB at most). */
const REBUILD_FTS_ROWS = 20_000;

const asLang = (lang: string): AnalysisLang => (isLang(lang) ? lang : 'und');

/** The paragraphs of these language versions, with what their filters need, as index rows. */
async function rowsFor(
  db: Kysely<Database>,
  expressionIds: readonly string[],
): Promise<SearchRow[]> {
  if (expressionIds.length === 0) return [];
  const rows: SearchRow[] = [];
  for (let i = 0; i < expressionIds.length; i += 500) {
    const chunk = expressionIds.slice(i, i + 500);
    const expressions = await db
      .selectFrom('expressions')
      .innerJoin('works', 'works.id', 'expressions.work_id')
      .leftJoin('meetings', 'meetings.id', 'works.meeting_id')
      .select([
        'expressions.id',
        'expressions.lang',
        'expressions.date',
        'works.id as workId',
        'works.symbol',
        'works.body',
        'works.doc_type as docType',
        'works.meeting_id as meetingId',
        'meetings.start_date as meetingDate',
      ])
      .where('expressions.id', 'in', chunk)
      .execute();
    const workIds = [...new Set(expressions.map((e) => e.workId))];
    const authors = await db
      .selectFrom('work_authors')
      .select(['work_id', 'author_id'])
      .where('work_id', 'in', workIds)
      .where('kind', '=', 'state')
      .orderBy('work_id')
      .orderBy('position')
      .execute();
    const statesOf = new Map<string, string[]>();
    for (const a of authors)
      statesOf.set(a.work_id, [...(statesOf.get(a.work_id) ?? []), a.author_id]);
    const segments = await db
      .selectFrom('segments')
      .select(['expression_id', 'position', 'eid', 'kind', 'text'])
      .where('expression_id', 'in', chunk)
      .orderBy('expression_id')
      .orderBy('position')
      .execute();
    const byExpression = new Map<string, ParagraphOfDocument[]>();
    for (const s of segments) {
      const paragraphs = byExpression.get(s.expression_id) ?? [];
      if (paragraphs.length === 0) byExpression.set(s.expression_id, paragraphs);
      paragraphs.push({ eid: s.eid, position: s.position, kind: s.kind, text: s.text });
    }
    // In the segments' order (by expression id), as the ids are handed out.
    const expressionById = new Map(expressions.map((e) => [e.id, e]));
    for (const [id, paragraphs] of byExpression) {
      const e = expressionById.get(id)!;
      const document = {
        expressionId: e.id,
        workId: e.workId,
        lang: asLang(e.lang),
        year: yearOf(e.date, e.meetingDate),
        docType: e.docType,
        symbol: e.symbol,
        body: e.body,
        meetingId: e.meetingId,
        states: statesOf.get(e.workId) ?? [],
      };
      // One by one: a spread of a very long document's rows would overflow the call stack.
      for (const row of buildSearchRows(document, paragraphs)) rows.push(row);
    }
  }
  return rows;
}

/**
 * Adds rows to the index. Ingestion calls it for a document whose work was created in the same
 * transaction, with the rows built from what was in hand (prepare-document.ts). With a buffer (a
 * group of ingested files, a rebuild), ids come from its block, and the FTS5 rows and the
 * statistics wait in it until it is written; without one, everything is written at once.
 */
export async function insertRows(
  db: Kysely<Database>,
  rows: readonly SearchRow[],
  buffer?: IndexWriteBuffer,
): Promise<void> {
  if (rows.length === 0) return;
  const engine = engineOf(db);
  const own = buffer ?? new IndexWriteBuffer();
  const first = await own.takeCounters(db, rows.length);
  const docs = rows.map((row, i): DocValues => {
    const values: [number, ...unknown[]] = [
      searchDocId(row.lang, first + i),
      row.expressionId,
      row.eid,
      row.position,
      row.workId,
      row.lang,
      row.kind,
      row.year,
      row.actions.join(' '),
      row.len,
    ];
    if (engine === 'postgres') values.push(tsvectorLiteral(row), JSON.stringify(termCounts(row)));
    return values;
  });
  own.add(rows, docs, engine === 'sqlite');
  if (!buffer) await own.write(db);
}

/** Takes these language versions out of the index (before they are deleted or replaced). */
export async function unindexExpressions(
  db: Kysely<Database>,
  expressionIds: readonly string[],
): Promise<void> {
  if (expressionIds.length === 0) return;
  const engine = engineOf(db);
  for (let i = 0; i < expressionIds.length; i += 500) {
    const chunk = expressionIds.slice(i, i + 500);
    const indexed = await db
      .selectFrom('search_docs')
      .select(['id', 'lang', 'len'])
      .where('expression_id', 'in', chunk)
      .execute();
    if (indexed.length === 0) continue;
    if (engine === 'sqlite') {
      for (const lang of SEARCH_LANGS) {
        const ids = indexed.filter((r) => r.lang === lang).map((r) => r.id);
        for (let j = 0; j < ids.length; j += 500) {
          await sql`delete from ${sql.table(`search_fts_${lang}`)} where rowid in (${sql.join(ids.slice(j, j + 500))})`.execute(
            db,
          );
        }
      }
    }
    await db.deleteFrom('search_docs').where('expression_id', 'in', chunk).execute();
    const totals = new Map<string, [number, number]>();
    for (const row of indexed) {
      const [docs, tokens] = totals.get(row.lang) ?? [0, 0];
      totals.set(row.lang, [docs + 1, tokens + row.len]);
    }
    for (const [lang, [docs, tokens]] of totals) await addToStats(db, lang, -docs, -tokens);
  }
}

/**
 * Brings the index in line with the current language versions of these works: versions no longer
 * current (or gone) leave it, new current ones enter. `refresh` re-indexes every version of the
 * works, for when something all their paragraphs carry (symbol, meeting, authors) changed.
 */
export async function syncSearchIndex(
  db: Kysely<Database>,
  workIds: readonly string[],
  options: { refresh?: boolean } = {},
): Promise<void> {
  const works = [...new Set(workIds)];
  if (works.length === 0) return;
  const expressions = await db
    .selectFrom('expressions')
    .select(['id', 'current'])
    .where('work_id', 'in', works)
    .execute();
  const currentIds = new Set(expressions.filter((e) => e.current === 1).map((e) => e.id));
  // Found by expression, not by the rows' work id: a renamed work's rows still carry the old one.
  const indexed = await db
    .selectFrom('search_docs')
    .select('expression_id')
    .distinct()
    .where('expression_id', 'in', expressions.length > 0 ? expressions.map((e) => e.id) : [''])
    .execute();
  const indexedIds = new Set(indexed.map((e) => e.expression_id));
  const stale = [...indexedIds].filter((id) => options.refresh || !currentIds.has(id));
  await unindexExpressions(db, stale);
  const fresh = [...currentIds].filter((id) => options.refresh || !indexedIds.has(id));
  await insertRows(db, await rowsFor(db, fresh));
}

/**
 * What the index's rows are made by (analysis, meta tokens, cited actions). Raise it when a change
 * alters the rows of existing paragraphs: stores built before are rebuilt on the next start.
 * 2: cited actions read Chinese lists ("行动 5、20 和 21", "行动1至3").
 */
export const INDEX_VERSION = '2';
const INDEX_VERSION_KEY = 'search_index_version';

function storedIndexVersion(db: Kysely<Database>): Promise<string | undefined> {
  return readMeta(db, INDEX_VERSION_KEY);
}

/** Only an older version rebuilds: a process still on an older release leaves a newer index be. */
function olderIndex(stored: string | undefined): boolean {
  return stored === undefined || Number(stored) < Number(INDEX_VERSION);
}

function recordIndexVersion(db: Kysely<Database>): Promise<void> {
  return writeMeta(db, INDEX_VERSION_KEY, INDEX_VERSION);
}

/** Empties the index and builds it again from every current language version. */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ documents: number; paragraphs: number }> {
  const engine = engineOf(db);
  await db.deleteFrom('search_docs').execute();
  if (engine === 'sqlite') {
    for (const lang of SEARCH_LANGS) {
      // The FTS5 'delete-all' command empties a contentless table in one step.
      await sql`insert into ${sql.table(`search_fts_${lang}`)} (${sql.table(`search_fts_${lang}`)}) values ('delete-all')`.execute(
        db,
      );
    }
  }
  await db.updateTable('search_stats').set({ docs: 0, tokens: 0 }).execute();
  const expressions = await db
    .selectFrom('expressions')
    .select('id')
    .where('current', '=', 1)
    .orderBy('id')
    .execute();
  let paragraphs = 0;
  const buffer = new IndexWriteBuffer();
  for (let i = 0; i < expressions.length; i += 200) {
    const rows = await rowsFor(
      db,
      expressions.slice(i, i + 200).map((e) => e.id),
    );
    await insertRows(db, rows, buffer);
    if (buffer.size >= REBUILD_FTS_ROWS) await buffer.write(db);
    paragraphs += rows.length;
    onProgress?.(Math.min(i + 200, expressions.length), expressions.length);
  }
  await buffer.write(db);
  await recordIndexVersion(db);
  return { documents: expressions.length, paragraphs };
}

/**
 * Builds the index when documents exist but the index is empty (a store from before search, or
 * one restored without it) or was made by an earlier INDEX_VERSION. Several processes may start
 * at once: on PostgreSQL an advisory lock lets one build while the others wait and then find it
 * built.
 */
export async function ensureSearchIndex(db: Kysely<Database>): Promise<boolean> {
  const needsBuild = async (trx: Kysely<Database>) => {
    const hasDocuments =
      (await trx.selectFrom('expressions').select('id').where('current', '=', 1).limit(1).execute())
        .length > 0;
    if (!hasDocuments) {
      // Whatever is indexed from now on is made by this version.
      if (olderIndex(await storedIndexVersion(trx))) await recordIndexVersion(trx);
      return false;
    }
    const isEmpty =
      (await trx.selectFrom('search_docs').select('id').limit(1).execute()).length === 0;
    return isEmpty || olderIndex(await storedIndexVersion(trx));
  };
  if (!(await needsBuild(db))) return false;
  return db.transaction().execute(async (trx) => {
    if (engineOf(trx) === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext('pillars:search-index'))`.execute(trx);
    }
    if (!(await needsBuild(trx))) return false;
    await rebuildSearchIndex(trx);
    return true;
  });
}

/**
 * The index's generation: it changes with every write that adds rows (each takes new ids from the
 * counter) or removes them (the per-language totals drop), so two equal readings mean the index
 * answers alike. Search answers are cached against it (search-cache.ts).
 */
export async function indexGeneration(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{
    n: string | number | null;
    d: string | number | null;
    t: string | number | null;
  }>`select
      (select next from search_counter where id = 1) as n,
      (select sum(docs) from search_stats) as d,
      (select sum(tokens) from search_stats) as t`.execute(db);
  const row = rows[0];
  return `${row?.n ?? 0}:${row?.d ?? 0}:${row?.t ?? 0}`;
}
