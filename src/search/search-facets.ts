/**
 * @module Facet counts: per language, year, meeting, document type, author State and cited
 * action. Counted over every result when a language has at most 2,000; above, over its first
 * 2,000 in id order — a fair sample, since ids are spread evenly — scaled to its total (exact up
 * to 10,000, estimated above). Two thousand keeps a facet's share within about ±2 points.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { engineOf } from '../store/engine-of.js';
import type { AnalysisLang } from './analysis/analyzer.js';
import { SEARCH_FACETS, type SearchResponse } from '../contract/api-schemas.js';

export interface LangSample {
  readonly lang: AnalysisLang;
  readonly ids: readonly number[];
  readonly count: number;
  readonly exact: boolean;
}

const TOP_VALUES = 30;
export const FACET_SAMPLE = 2_000;

export async function countFacets(
  db: Kysely<Database>,
  samples: readonly LangSample[],
): Promise<NonNullable<SearchResponse['facets']>> {
  const counts = Object.fromEntries(
    SEARCH_FACETS.map((f) => [f, new Map<string, number>()]),
  ) as Record<(typeof SEARCH_FACETS)[number], Map<string, number>>;
  const add = (facet: (typeof SEARCH_FACETS)[number], value: string | null, weight: number) => {
    if (value === null || value === '') return;
    counts[facet].set(value, (counts[facet].get(value) ?? 0) + weight);
  };
  const postgres = engineOf(db) === 'postgres';
  for (const sample of samples) {
    if (sample.ids.length === 0) continue;
    const counted = sample.ids.slice(0, FACET_SAMPLE);
    const weight = sample.count / counted.length;
    const ids = postgres
      ? sql`select unnest(${sql.val(counted.map(String))}::bigint[])`
      : sql`select value from json_each(${JSON.stringify(counted)})`;
    const rows = await db
      .selectFrom('search_docs as d')
      .innerJoin('works as w', 'w.id', 'd.work_id')
      .select(['d.work_id', 'd.year', 'd.actions', 'w.meeting_id', 'w.doc_type'])
      .where(sql<boolean>`d.id in (${ids})`)
      .execute();
    add('lang', sample.lang, sample.count);
    const perWork = new Map<string, number>();
    for (const row of rows) {
      add('year', row.year === null ? null : String(row.year), weight);
      add('meeting', row.meeting_id, weight);
      add('type', row.doc_type, weight);
      for (const action of row.actions.split(' ')) add('action', action, weight);
      perWork.set(row.work_id, (perWork.get(row.work_id) ?? 0) + 1);
    }
    const works = [...perWork.keys()];
    for (let i = 0; i < works.length; i += 500) {
      const authors = await db
        .selectFrom('work_authors')
        .select(['work_id', 'author_id'])
        .where('kind', '=', 'state')
        .where('work_id', 'in', works.slice(i, i + 500))
        .execute();
      for (const a of authors) add('state', a.author_id, perWork.get(a.work_id)! * weight);
    }
  }
  const exact = samples.every((s) => s.exact && s.count <= FACET_SAMPLE);
  return {
    exact,
    counts: Object.fromEntries(
      SEARCH_FACETS.map((facet) => [
        facet,
        [...counts[facet]]
          .map(([value, count]) => ({ value, count: Math.round(count) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, TOP_VALUES),
      ]),
    ) as NonNullable<SearchResponse['facets']>['counts'],
  };
}
