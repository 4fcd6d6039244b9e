/**
 * The search conformance suite: the same synthetic corpus (real sentences, six languages) stored
 * on SQLite and on PostgreSQL, the same queries, the same answers — totals, facets and rankings.
 * Scores are compared to 1e-9 (the engines add doubles in the same order but take logarithms
 * with different libraries); within a run of equal scores the order may differ, because ties are
 * broken by id on both engines and a last-bit difference can swap two tied rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/contract/api-schemas.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { search, type SearchRequest } from '../../src/search/search-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { bundledReferenceData, freshStoreConfig } from '../support/for-each-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL } from '../support/postgres-database.js';
import {
  corpusReferences,
  storeSynthetic,
  syntheticDocuments,
} from '../support/synthetic-corpus.js';

const QUERIES: readonly SearchRequest[] = [
  { q: 'family' },
  { q: 'family reunification' },
  { q: '"family reunification"' },
  { q: 'migrants OR families' },
  { q: 'governments -migrants' },
  { q: 'reunif*' },
  { q: 'disarm*' },
  // Prefixes that also begin filter tokens (state_…, action_…, year_…): only words may match.
  { q: 'stat*' },
  { q: 'act*' },
  { q: 'ye*' },
  { q: 'nuclear weapons lang:en' },
  { q: 'désarmement nucléaire' },
  { q: 'desarme nuclear' },
  { q: 'ядерного оружия' },
  { q: 'الأسلحة النووية' },
  { q: 'الاسلحه النوويه' },
  { q: '核裁军' },
  { q: '裁军' },
  { q: '核' },
  { q: '附加议定书' },
  { q: 'transparency year:2015' },
  { q: 'transparency year:2010..2015 -type:PV' },
  { q: 'action:21' },
  { q: 'action:5,20,21 lang:fr' },
  { q: 'state:FRA' },
  { q: 'state:France safeguards' },
  { q: 'type:WP series:NPT/CONF.2015' },
  { q: 'confidence OR trust lang:en,fr' },
  { q: 'nuclear', recency: true },
  { q: 'standard reporting form', across: true },
  { q: 'lang:zh' },
];

const TOLERANCE = 1e-9;

function ranking(response: SearchResponse) {
  return response.groups
    .flatMap((g) =>
      g.hits
        .filter((h) => h.via === 'query')
        .map((h) => ({ key: `${h.expressionId}#${h.eId}`, score: h.score })),
    )
    .sort((a, b) => b.score - a.score);
}

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));

/** Same scores position by position; the same rows in every run of equal scores but the last. */
function expectSameRanking(a: SearchResponse, b: SearchResponse, complete: boolean): void {
  const ra = ranking(a);
  const rb = ranking(b);
  expect(rb.length).toBe(ra.length);
  ra.forEach((hit, i) => expect(close(hit.score, rb[i]!.score), `score at ${i}`).toBe(true));
  let start = 0;
  for (let i = 1; i <= ra.length; i++) {
    if (i < ra.length && close(ra[i]!.score, ra[start]!.score)) continue;
    if (i < ra.length || complete) {
      const setA = ra
        .slice(start, i)
        .map((h) => h.key)
        .sort();
      const setB = rb
        .slice(start, i)
        .map((h) => h.key)
        .sort();
      expect(setB, `rows scored ${ra[start]!.score}`).toEqual(setA);
    }
    start = i;
  }
}

const unavailable = !TEST_DATABASE_URL;
if (unavailable && POSTGRES_REQUIRED)
  throw new Error('PostgreSQL is required for the conformance suite');

describe.skipIf(unavailable)(
  'search conformance: SQLite and PostgreSQL give the same answers',
  () => {
    const stores: Store[] = [];
    const disposals: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      for (const engine of ['sqlite', 'postgres'] as const) {
        const fresh = await freshStoreConfig(engine);
        disposals.push(fresh.dispose);
        const store = await openStore(fresh.config);
        stores.push(store);
        await seedReferenceData(store, bundledReferenceData());
        const { meetings, states } = await corpusReferences(store.db);
        await storeSynthetic(
          store.db,
          syntheticDocuments({
            documents: 180,
            paragraphsPerDocument: 12,
            seed: 7,
            meetings,
            states,
          }),
        );
      }
    }, 120_000);

    afterAll(async () => {
      for (const store of stores) await store.close();
      for (const dispose of disposals) await dispose();
    });

    it('indexes the same rows with the same lengths', async () => {
      const [sqlite, postgres] = stores;
      const rows = async (store: Store) =>
        (
          await store.db
            .selectFrom('search_docs')
            .select(['id', 'expression_id', 'eid', 'len', 'actions'])
            .orderBy('id')
            .execute()
        ).map((r) => ({ ...r, id: Number(r.id) }));
      const a = await rows(sqlite!);
      expect(a.length).toBe(180 * 12);
      expect(await rows(postgres!)).toEqual(a);
    });

    it.each(
      QUERIES.map(
        (q) => [q.q + (q.across ? ' (across)' : '') + (q.recency ? ' (recency)' : ''), q] as const,
      ),
    )('%s', async (_, request) => {
      const [a, b] = await Promise.all(
        stores.map((store) => search(store.db, { ...request, limit: 100 })),
      );
      expect(b!.total).toEqual(a!.total);
      expect(b!.facets).toEqual(a!.facets);
      expect(b!.expansions).toEqual(a!.expansions);
      expectSameRanking(a!, b!, a!.total.value <= 100);
    });

    it('finds something for most of the queries (the suite compares real results)', async () => {
      let found = 0;
      for (const request of QUERIES) {
        if ((await search(stores[0]!.db, request)).total.value > 0) found++;
      }
      expect(found).toBeGreaterThanOrEqual(QUERIES.length - 3);
    });
  },
);
