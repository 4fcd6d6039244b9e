/**
 * Files prepared in worker threads give exactly what inline preparation gives, on SQLite and
 * PostgreSQL: the same per-file results, the same stored paragraphs, the same index (ids
 * included) and the same search answers. The batch mixes the paths a group of files can take: new
 * works, a work's other languages (which look at the index), a repeated file, a file that fails
 * and two files that claim the same symbol.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { sampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { ingestFiles, type IngestInput } from '../../src/ingest/ingest-files.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { rebuildSearchIndex } from '../../src/search/index/search-index.js';
import { search } from '../../src/search/search-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { bundledReferenceData, ENGINES, freshStoreConfig } from '../support/for-each-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL } from '../support/postgres-database.js';

const dir = mkdtempSync(join(tmpdir(), 'pillars-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function batch(): IngestInput[] {
  const corpus = generateCorpus(join(dir, 'corpus'), 40);
  const files: IngestInput[] = corpus.files.map((path) => ({ name: path, path }));
  const broken = join(dir, 'broken.pdf');
  writeFileSync(broken, '%PDF-1.7\nnot really a PDF');
  // The same symbol and language as a later file, with other bytes: both are refused.
  const clash = join(dir, 'clash.txt');
  writeFileSync(clash, `${readFileSync(corpus.files[25]!, 'utf8')}99. One paragraph more.\n`);
  return [
    ...files.slice(0, 20),
    ...sampleDocuments(),
    files[3]!,
    { name: broken, path: broken },
    { name: clash, path: clash },
    ...files.slice(20),
  ];
}

async function snapshot(store: Store) {
  const db = store.db;
  const docs = await db
    .selectFrom('search_docs')
    .select(['id', 'expression_id', 'eid', 'lang', 'len', 'actions', 'year', 'work_id'])
    .orderBy('id')
    .execute();
  const stats = await db.selectFrom('search_stats').selectAll().orderBy('lang').execute();
  const segments = await db
    .selectFrom('segments')
    .select(['expression_id', 'eid', 'position', 'kind', 'text'])
    .orderBy('expression_id')
    .orderBy('position')
    .execute();
  const expressions = await db
    .selectFrom('expressions')
    .select(['id', 'work_id', 'lang', 'version', 'current', 'title', 'date', 'warnings'])
    .orderBy('id')
    .execute();
  return {
    docs: docs.map((d) => ({ ...d, id: Number(d.id) })),
    stats: stats.map((s) => ({ ...s, docs: Number(s.docs), tokens: Number(s.tokens) })),
    segments,
    expressions,
  };
}

const QUERIES = ['family reunification', '核裁军', 'migrants OR migrantes', 'lang:ru', 'الحكومات'];

async function answers(store: Store) {
  const all = [];
  for (const q of QUERIES) all.push({ ...(await search(store.db, { q })), tookMs: 0 });
  return all;
}

for (const engine of ENGINES) {
  const unavailable = engine === 'postgres' && !TEST_DATABASE_URL;
  if (unavailable && POSTGRES_REQUIRED) throw new Error('PostgreSQL is required');
  describe.skipIf(unavailable)(`preparing files in worker threads [${engine}]`, () => {
    it('changes nothing but where the work is done', async () => {
      const inputs = batch();
      const runs = [];
      for (const workers of [0, 2]) {
        const fresh = await freshStoreConfig(engine);
        const store = await openStore(fresh.config);
        try {
          await seedReferenceData(store, bundledReferenceData());
          const results = await ingestFiles(store, inputs, { workers });
          runs.push({ results, snapshot: await snapshot(store), answers: await answers(store) });
          if (workers > 0) {
            // The index the writer built in groups is the one a rebuild makes from scratch.
            const ids = (s: Awaited<ReturnType<typeof snapshot>>) =>
              s.docs
                .map(({ id: _, ...rest }) => rest)
                .sort((a, b) =>
                  `${a.expression_id} ${a.eid}`.localeCompare(`${b.expression_id} ${b.eid}`),
                );
            const built = runs.at(-1)!;
            await store.db.transaction().execute((trx) => rebuildSearchIndex(trx));
            const rebuilt = await snapshot(store);
            expect(ids(rebuilt)).toEqual(ids(built.snapshot));
            expect(rebuilt.stats).toEqual(built.snapshot.stats);
            const totals = (all: Awaited<ReturnType<typeof answers>>) => all.map((a) => a.total);
            expect(totals(await answers(store))).toEqual(totals(built.answers));
          }
        } finally {
          await store.close();
          await fresh.dispose();
        }
      }
      const [inline, threaded] = runs;
      const statuses = inline!.results.map((r) => r.status);
      expect(statuses.filter((s) => s === 'ok').length).toBeGreaterThan(40);
      expect(statuses).toContain('skipped');
      expect(inline!.results.filter((r) => r.status === 'error').length).toBe(3);
      expect(threaded!.results).toEqual(inline!.results);
      expect(threaded!.snapshot).toEqual(inline!.snapshot);
      expect(threaded!.answers).toEqual(inline!.answers);
      expect(inline!.answers.every((a) => a.total.value > 0)).toBe(true);
    }, 120_000);
  });
}
