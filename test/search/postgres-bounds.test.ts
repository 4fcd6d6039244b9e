/**
 * PostgreSQL ranks phrase queries by a cheap bound first and counts only the best rows exactly
 * (postgres-search.ts). That must never change an answer: for phrases drawn from the stored
 * paragraphs, alone and combined, the ranking with the bound equals the ranking without it —
 * whether the bound's ranking is kept or falls back to counting every row.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/language-codes.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { analyzerFor } from '../../src/search/analysis/analyzers.js';
import { postgresSearch } from '../../src/search/backends/postgres-search.js';
import type { MatchNode, MatchPhrase } from '../../src/search/query/match-tree.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { bundledReferenceData, freshStoreConfig } from '../support/for-each-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL } from '../support/postgres-database.js';
import {
  corpusReferences,
  storeSynthetic,
  syntheticDocuments,
} from '../support/synthetic-corpus.js';

const unavailable = !TEST_DATABASE_URL;
if (unavailable && POSTGRES_REQUIRED)
  throw new Error('PostgreSQL is required for the search bound suite');

describe.skipIf(unavailable)('PostgreSQL phrase ranking by a bound', () => {
  let store: Store;
  let dispose: () => Promise<void> = () => Promise.resolve();
  /** Analysed paragraphs per language, to draw phrases from. */
  const texts = new Map<string, string[][]>();

  beforeAll(async () => {
    const fresh = await freshStoreConfig('postgres');
    dispose = fresh.dispose;
    store = await openStore(fresh.config);
    await seedReferenceData(store, bundledReferenceData());
    const { meetings, states } = await corpusReferences(store.db);
    await storeSynthetic(
      store.db,
      syntheticDocuments({ documents: 120, paragraphsPerDocument: 12, seed: 11, meetings, states }),
    );
    const rows = await store.db
      .selectFrom('segments as s')
      .innerJoin('expressions as e', 'e.id', 's.expression_id')
      .select(['e.lang', 's.text'])
      .where('s.kind', '=', 'paragraph')
      .limit(3000)
      .execute();
    for (const { lang, text } of rows) {
      if (!(LANGUAGES as readonly string[]).includes(lang)) continue;
      const terms = analyzerFor(lang as (typeof LANGUAGES)[number])
        .analyze(text)
        .map((t) => t.term);
      if (terms.length >= 3) texts.set(lang, [...(texts.get(lang) ?? []), terms]);
    }
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await dispose();
  });

  /** A run of 1–3 words from a stored paragraph, the last one sometimes a prefix. */
  const phraseOf = (lang: string) =>
    fc
      .record({
        text: fc.nat(),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 3 }),
        prefix: fc.boolean(),
      })
      .map(({ text, start, length, prefix }): MatchPhrase => {
        const pool = texts.get(lang)!;
        const terms = pool[text % pool.length]!;
        const from = start % (terms.length - length + 1);
        const chosen = terms.slice(from, from + length);
        const last = chosen.at(-1)!;
        const cut = prefix && length > 1 && last.length > 3;
        return {
          kind: 'phrase',
          terms: cut ? [...chosen.slice(0, -1), last.slice(0, 3)] : chosen,
          lastPrefix: cut,
          columns: ['body', 'head'],
        };
      });

  const query = (lang: string): fc.Arbitrary<MatchNode> =>
    fc.oneof(
      phraseOf(lang),
      fc
        .array(phraseOf(lang), { minLength: 2, maxLength: 3 })
        .map((children): MatchNode => ({ kind: 'or', children })),
      fc
        .tuple(phraseOf(lang), phraseOf(lang))
        .map(([a, b]): MatchNode => ({ kind: 'and', children: [a, b], exclude: [] })),
    );

  it('gives the ranking counting every row gives, kept or fallen back', async () => {
    const exact = postgresSearch(store.db, { bounds: false });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('en', 'fr', 'es', 'ru', 'ar', 'zh').chain((lang) =>
          fc.record({
            lang: fc.constant(lang),
            match: query(lang),
            k: fc.constantFrom(1, 3, 10, 21),
            candidates: fc.integer({ min: 2, max: 60 }),
            recency: fc.boolean(),
          }),
        ),
        async ({ lang, match, k, candidates, recency }) => {
          const options = { recency, currentYear: 2026 };
          const a = lang;
          const want = await exact.topK(a, match, k, options);
          const got = await postgresSearch(store.db, { candidates }).topK(a, match, k, options);
          expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
          got.forEach((r, i) => expect(r.score).toBe(want[i]!.score));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
