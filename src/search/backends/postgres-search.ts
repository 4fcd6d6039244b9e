/**
 * @module Search on PostgreSQL: the GIN index over `tsv` finds the rows, and the ranking repeats
 * FTS5's bm25() — same IDF, same length normalisation, hits weighted by column — from the
 * per-language counts in search_stats and each row's hits (tf jsonb, positions for phrases), so
 * both engines order alike.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/database.js';
import type { AnalysisLang } from '../analysis/analyzer.js';
import { COLUMN_LABELS, COLUMN_WEIGHTS } from '../index/search-row.js';
import { scoredPhrases, type MatchNode } from '../query/match-tree.js';
import { FACET_SAMPLE } from '../search-facets.js';
import { phraseTsquery, tsquery } from '../query/tsquery.js';
import {
  BM25,
  RECENCY,
  idTiebreak,
  isBrowse,
  type RankOptions,
  type SearchBackend,
} from './search-backend.js';

/** FTS5's IDF: never zero or negative, so a very common word still counts a little. */
export function fts5Idf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** The tf keys of a phrase's columns: body and head count as `t:`, characters as `c:`. */
function tfPrefix(labels: string): 't:' | 'c:' | null {
  if (labels === 'AB') return 't:';
  if (labels === 'C') return 'c:';
  return null;
}

const LABEL_WEIGHT = sql.raw(
  `case x1.w when 'A' then ${COLUMN_WEIGHTS.body} when 'B' then ${COLUMN_WEIGHTS.head} ` +
    `when 'C' then ${COLUMN_WEIGHTS.chars} else 0 end`,
);

/**
 * A phrase's weighted hits in the row. One word — most clauses — is read from the row's `tf`
 * jsonb (one lookup; a prefix sums the keys it begins). A longer phrase is counted from the
 * tsvector's positions: each place where its words stand at consecutive positions, weighted by
 * the column of its first word (a position holds one word, and columns are a position apart, so a
 * hit never spans two columns).
 */
function phraseTf(terms: readonly string[], lastPrefix: boolean, labels: string) {
  const key = tfPrefix(labels);
  if (terms.length === 1 && key !== null) {
    if (!lastPrefix) return sql`coalesce((tf ->> ${key + terms[0]!})::float8, 0)`;
    return sql`coalesce((select sum(value::float8) from jsonb_each_text(tf)
        where starts_with(key, ${key + terms[0]!})), 0)`;
  }
  const from: RawBuilder<unknown>[] = [];
  const where: RawBuilder<unknown>[] = [];
  terms.forEach((term, i) => {
    const u = sql.raw(`u${i + 1}`);
    const x = sql.raw(`x${i + 1}`);
    from.push(
      i === 0
        ? sql`unnest(tsv) ${u}, unnest(${u}.positions, ${u}.weights) as ${x}(p, w)`
        : sql`unnest(tsv) ${u}, unnest(${u}.positions) as ${x}(p)`,
    );
    const last = lastPrefix && i === terms.length - 1;
    where.push(last ? sql`starts_with(${u}.lexeme, ${term})` : sql`${u}.lexeme = ${term}`);
    if (i > 0) where.push(sql`${x}.p = x1.p + ${i}`);
  });
  where.push(sql`strpos(${labels}, x1.w) > 0`);
  return sql`coalesce((select sum(${LABEL_WEIGHT})::float8 from ${sql.join(from)}
      where ${sql.join(where, sql` and `)}), 0)`;
}

/**
 * A bound on a phrase's weighted hits that costs one jsonb lookup per word: every place the
 * phrase stands holds each of its words, in the same column, so the phrase is counted at most as
 * often as its rarest word. Null where no such bound is cheap (a lone prefix, mixed columns).
 */
function phraseTfBound(terms: readonly string[], lastPrefix: boolean, labels: string) {
  const key = tfPrefix(labels);
  if (key === null) return null;
  const whole = lastPrefix ? terms.slice(0, -1) : terms;
  if (whole.length === 0) return null;
  return sql`least(${sql.join(whole.map((t) => sql`coalesce((tf ->> ${key + t})::float8, 0)`))})`;
}

/** Candidates ranked by the bound for each one asked for; never fewer than this. */
const CANDIDATES_PER_RESULT = 8;
const MIN_CANDIDATES = 200;

export interface PostgresSearchOptions {
  /** Rank by a cheap bound first where it pays (on by default; tests compare with it off). */
  readonly bounds?: boolean;
  /** How many rows are ranked by the bound (by default 8 per result, at least 200). */
  readonly candidates?: number;
}

/**
 * One search's backend. It remembers the rows each phrase matched (counted for its IDF), so that
 * a query of one phrase — most queries — is not read a second time for its total, nor a third
 * for the first ids its facets sample.
 */
export function postgresSearch(
  db: Kysely<Database>,
  tuning: PostgresSearchOptions = {},
): SearchBackend {
  const counted = new Map<string, { hits: number; first?: number[] }>();
  const key = (lang: AnalysisLang, match: MatchNode) => `${lang}\u0000${tsquery(match, lang)}`;
  return {
    async topK(lang: AnalysisLang, match: MatchNode, k: number, options: RankOptions) {
      if (isBrowse(match)) {
        const { rows } = await sql<{ id: string; tiebreak: string }>`select id,
              lpad((9999 - coalesce(year, 0))::text, 4, '0') || '|' || work_id || '|' ||
              expression_id || '|' || lpad(position::text, 6, '0') as tiebreak
            from search_docs where lang = ${lang} and tsv @@ ${tsquery(match, lang)}::tsquery
            order by tiebreak limit ${k}`.execute(db);
        return rows.map((r) => ({ id: Number(r.id), score: 0, tiebreak: r.tiebreak }));
      }
      const stats = await db
        .selectFrom('search_stats')
        .select(['docs', 'tokens'])
        .where('lang', '=', lang)
        .executeTakeFirst();
      const rows = Number(stats?.docs ?? 0);
      if (rows === 0) return [];
      const avgdl = Number(stats!.tokens) / rows;
      const phrases = scoredPhrases(match).filter((p) =>
        p.columns.some((c) => COLUMN_WEIGHTS[c] > 0),
      );
      const terms: RawBuilder<unknown>[] = [];
      const tfs: RawBuilder<unknown>[] = [];
      const bounds: (RawBuilder<unknown> | null)[] = [];
      for (const [i, phrase] of phrases.entries()) {
        // The whole query is this phrase: the same pass yields the facets' sample.
        const sample = match.kind === 'phrase' && phrases.length === 1;
        const { hits, first } = await sql<{ hits: string; first: string[] | null }>`select
              count(*) as hits,
              ${sample ? sql`(array_agg(id order by id))[1:${FACET_SAMPLE}]` : sql`null`} as first
            from search_docs
            where lang = ${lang} and tsv @@ ${phraseTsquery(phrase, lang)}::tsquery`
          .execute(db)
          .then((r) => ({
            hits: Number(r.rows[0]!.hits),
            first: r.rows[0]!.first?.map(Number),
          }));
        counted.set(key(lang, phrase), first ? { hits, first } : { hits });
        const idf = fts5Idf(rows, hits);
        const labels = phrase.columns.map((c) => COLUMN_LABELS[c]).join('');
        const tf = sql.raw(`tf${i}`);
        tfs.push(sql`${phraseTf(phrase.terms, phrase.lastPrefix, labels)} as ${tf}`);
        const bound =
          phrase.terms.length === 1 && !phrase.lastPrefix
            ? phraseTf(phrase.terms, false, labels)
            : phraseTfBound(phrase.terms, phrase.lastPrefix, labels);
        bounds.push(bound && sql`${bound} as ${tf}`);
        terms.push(
          sql`(${idf}::float8 * (${tf} * ${BM25.k1 + 1}::float8)) / (${tf} + ${BM25.k1}::float8 * ((1 - ${BM25.b}::float8) + (${BM25.b}::float8 * len) / ${avgdl}::float8))`,
        );
      }
      const bm25 = terms.length > 0 ? sql.join(terms, sql` + `) : sql`0.0::float8`;
      const recency = options.recency
        ? sql`(case when year is null then 1.0 else 1.0 + ${RECENCY.boost} * greatest(0.0, 1.0 - (${options.currentYear} - year) / ${sql.raw(RECENCY.years.toFixed(1))}) end)`
        : sql`1.0`;
      const columns = tfs.length > 0 ? sql`, ${sql.join(tfs)}` : sql``;
      const toRanked = (r: { id: string; score: number }) => ({
        id: Number(r.id),
        score: Number(r.score),
        tiebreak: idTiebreak(Number(r.id)),
      });
      // Counting a phrase's hits means reading the positions of every word of every matching
      // row, which is slow over many rows. So when every phrase has a cheap bound and one of
      // them is longer than a word, the rows are first ranked by the bound and only the best of
      // them counted exactly. Exact, not an estimate: that ranking is kept only when its k-th
      // score beats the bound of every row left out; otherwise every row is counted.
      const bounded =
        tuning.bounds !== false &&
        bounds.every((b) => b !== null) &&
        phrases.some((p) => p.terms.length > 1);
      if (bounded) {
        const n = tuning.candidates ?? Math.max(MIN_CANDIDATES, CANDIDATES_PER_RESULT * k);
        const candidates = await sql<{ id: string; score: number }>`select id,
              (${bm25}) * ${recency} as score
            from (select id, len, year, ${sql.join(bounds)}
                  from search_docs where lang = ${lang}
                    and tsv @@ ${tsquery(match, lang)}::tsquery) m
            order by score desc, id limit ${n}`.execute(db);
        if (candidates.rows.length === 0) return [];
        const ids = candidates.rows.map((r) => Number(r.id));
        const exact = await sql<{ id: string; score: number }>`select id,
              (${bm25}) * ${recency} as score
            from (select id, len, year${columns} from search_docs
                  where id = any(${ids}::bigint[])) m
            order by score desc, id limit ${k}`.execute(db);
        const complete = candidates.rows.length < n;
        const kth = exact.rows[k - 1];
        const threshold = Number(candidates.rows.at(-1)!.score);
        if (complete || (kth !== undefined && Number(kth.score) > threshold))
          return exact.rows.map(toRanked);
      }
      const result = await sql<{
        id: string;
        score: number;
      }>`select id, (${bm25}) * ${recency} as score
          from (select id, len, year${columns} from search_docs
                 where lang = ${lang} and tsv @@ ${tsquery(match, lang)}::tsquery) m
          order by score desc, id limit ${k}`.execute(db);
      return result.rows.map(toRanked);
    },
    async countUpTo(lang: AnalysisLang, match: MatchNode, cap: number) {
      const known = counted.get(key(lang, match));
      if (known !== undefined) return { count: known.hits, lastId: null, exact: true };
      const { rows } = await sql<{
        n: string;
        last: string | null;
      }>`select count(*) as n, max(id) as last
          from (select id from search_docs where lang = ${lang} and tsv @@ ${tsquery(match, lang)}::tsquery
                order by id limit ${cap}) s`.execute(db);
      const last = rows[0]?.last;
      return {
        count: Number(rows[0]?.n ?? 0),
        lastId: last === null || last === undefined ? null : Number(last),
      };
    },
    async firstIds(lang: AnalysisLang, match: MatchNode, n: number) {
      const first = counted.get(key(lang, match))?.first;
      if (first && (n <= first.length || first.length === counted.get(key(lang, match))!.hits))
        return first.slice(0, n);
      const { rows } = await sql<{ id: string }>`select id from search_docs
          where lang = ${lang} and tsv @@ ${tsquery(match, lang)}::tsquery order by id limit ${n}`.execute(
        db,
      );
      return rows.map((r) => Number(r.id));
    },
  };
}
