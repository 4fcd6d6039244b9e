/**
 * @module Search on SQLite: one FTS5 table per language, ranked by FTS5's own bm25() with the
 * column weights of search-row.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import type { AnalysisLang } from '../analysis/analyzer.js';
import { COLUMN_WEIGHTS, SEARCH_COLUMNS } from '../index/search-row.js';
import { fts5Match } from '../query/fts5-match.js';
import type { MatchNode } from '../query/match-tree.js';
import {
  RECENCY,
  idTiebreak,
  isBrowse,
  type RankOptions,
  type SearchBackend,
} from './search-backend.js';

const WEIGHTS = SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ');

export function sqliteSearch(db: Kysely<Database>): SearchBackend {
  return {
    async topK(lang: AnalysisLang, match: MatchNode, k: number, options: RankOptions) {
      const table = `search_fts_${lang}`;
      const bm25 = sql.raw(`-bm25(${table}, ${WEIGHTS})`);
      const query = options.recency
        ? sql<{
            id: number;
            score: number;
          }>`select f.rowid as id, ${bm25} * (case when d.year is null then 1.0
              else 1.0 + ${RECENCY.boost} * max(0.0, 1.0 - (${options.currentYear} - d.year) / ${sql.raw(RECENCY.years.toFixed(1))}) end) as score
            from ${sql.table(table)} f join search_docs d on d.id = f.rowid
            where ${sql.table(table)} match ${fts5Match(match)}
            order by score desc, id limit ${k}`
        : sql<{
            id: number;
            score: number;
          }>`select rowid as id, ${bm25} as score from ${sql.table(table)}
            where ${sql.table(table)} match ${fts5Match(match)}
            order by score desc, id limit ${k}`;
      if (isBrowse(match)) {
        const { rows } = await sql<{ id: number; tiebreak: string }>`select f.rowid as id,
              printf('%04d|%s|%s|%06d', 9999 - coalesce(d.year, 0), d.work_id, d.expression_id, d.position) as tiebreak
            from ${sql.table(table)} f join search_docs d on d.id = f.rowid
            where ${sql.table(table)} match ${fts5Match(match)}
            order by tiebreak limit ${k}`.execute(db);
        return rows.map((r) => ({ id: r.id, score: 0, tiebreak: r.tiebreak }));
      }
      const { rows } = await query.execute(db);
      return rows.map((r) => ({ id: r.id, score: r.score, tiebreak: idTiebreak(r.id) }));
    },
    async countUpTo(lang: AnalysisLang, match: MatchNode, cap: number) {
      const table = `search_fts_${lang}`;
      const { rows } = await sql<{
        n: number;
        last: number | null;
      }>`select count(*) as n, max(id) as last
          from (select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${fts5Match(match)}
                order by rowid limit ${cap})`.execute(db);
      return { count: rows[0]?.n ?? 0, lastId: rows[0]?.last ?? null };
    },
    async firstIds(lang: AnalysisLang, match: MatchNode, n: number) {
      const table = `search_fts_${lang}`;
      const { rows } = await sql<{ id: number }>`select rowid as id from ${sql.table(table)}
          where ${sql.table(table)} match ${fts5Match(match)} order by rowid limit ${n}`.execute(
        db,
      );
      return rows.map((r) => r.id);
    },
  };
}
