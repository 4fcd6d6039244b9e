/**
 * Migration 0009 on a store indexed before it: every index row and every search answer survive,
 * SQLite's rows are then kept in write order (rowid `seq`) with the id unique beside them, new
 * documents index as before, and going back down restores the id-keyed table.
 */
import { readdirSync } from 'node:fs';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { search } from '../../src/search/search-service.js';
import type { Database } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations/index.js';
import { migrateToLatest, openStore, type Store } from '../../src/store/open-store.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { bundledReferenceData, ENGINES, freshStoreConfig } from '../support/for-each-store.js';
import { TEST_DATABASE_URL } from '../support/postgres-database.js';

const SAMPLES = new URL('../../data/samples/', import.meta.url);
const GA = new URL('un-ga-res-55-100/', SAMPLES);
const gaFiles = () =>
  readdirSync(GA)
    .sort()
    .map((name) => ({ name, path: new URL(name, GA).pathname }));
const SEED = new URL('seed/p5-joint-statement-2013.zh.txt', SAMPLES).pathname;

const QUERIES = ['nuclear', '"nuclear weapons"', 'désarmement', 'ядерного', '核武器', 'year:2000'];

const migrator = (db: Kysely<Database>) =>
  new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });

async function indexRows(db: Kysely<Database>) {
  return db
    .selectFrom('search_docs')
    .select(['id', 'expression_id', 'eid', 'position', 'work_id', 'lang', 'kind', 'year', 'len'])
    .orderBy('id')
    .execute();
}

async function answers(db: Kysely<Database>) {
  const out = [];
  for (const q of QUERIES) {
    const response = await search(db, { q, facets: true });
    out.push({
      q,
      total: response.total,
      groups: response.groups.map((g) => [g.workId, g.hits.map((h) => [h.eId, h.score])]),
      facets: response.facets,
    });
  }
  return out;
}

describe.each(ENGINES)('migration 0009-search-docs-order [%s]', (engine) => {
  let store: Store | undefined;
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await store?.close();
    await dispose?.();
    store = undefined;
  });

  it.skipIf(engine === 'postgres' && !TEST_DATABASE_URL)(
    'keeps every index row and answer of a store indexed before it',
    async () => {
      const fresh = await freshStoreConfig(engine);
      dispose = fresh.dispose;
      store = await openStore(fresh.config, { migrate: false });
      const { error } = await migrator(store.db).migrateTo('0008-accounts-reports');
      expect(error).toBeUndefined();
      await seedReferenceData(store, bundledReferenceData());
      const first = await ingestFiles(store, gaFiles(), { workers: 0 });
      expect(first.every((r) => r.status === 'ok')).toBe(true);
      const rowsBefore = await indexRows(store.db);
      const answersBefore = await answers(store.db);
      expect(rowsBefore.length).toBeGreaterThanOrEqual(6 * 12);

      await migrateToLatest(store.db);
      expect(await indexRows(store.db)).toEqual(rowsBefore);
      expect(await answers(store.db)).toEqual(answersBefore);
      if (engine === 'sqlite') {
        const columns = await sql<{
          name: string;
          pk: number;
        }>`select name, pk from pragma_table_info('search_docs')`.execute(store.db);
        expect(columns.rows.find((c) => c.pk === 1)?.name).toBe('seq');
        // The id stays unique: a second row with it is refused.
        const [row] = rowsBefore;
        await expect(
          sql`insert into search_docs (id, expression_id, eid, position, work_id, lang, kind, year, actions, len)
              values (${row!.id}, ${row!.expression_id}, 'other', 0, ${row!.work_id}, 'en', 'paragraph', null, '', 1)`.execute(
            store.db,
          ),
        ).rejects.toThrow(/UNIQUE/);
      }

      // A document ingested now is indexed and found like the others.
      const second = await ingestFiles(store, [{ name: 'seed.zh.txt', path: SEED }], {
        workers: 0,
      });
      expect(second[0]!.status).toBe('ok');
      const seedHits = await search(store.db, { q: '核查', langs: ['zh'] });
      expect(seedHits.groups.some((g) => g.workId === second[0]!.workId)).toBe(true);
      const rowsAfter = await indexRows(store.db);

      const down = await migrator(store.db).migrateDown();
      expect(down.error).toBeUndefined();
      expect(await indexRows(store.db)).toEqual(rowsAfter);
    },
  );
});
