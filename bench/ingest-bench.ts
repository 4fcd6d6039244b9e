/**
 * Ingest benchmark: documents per second and MB/s through the whole pipeline (read, hash, detect,
 * extract, language, masthead, segments, symbol, meeting, authors, votes, search index, stored in
 * group transactions) on SQLite, against a bare baseline in the same run: the same texts inserted
 * and full-text indexed (FTS5) one transaction per file, with no parsing at all. Each side runs
 * three times, alternating; the medians are reported. Both timings end when the database is
 * closed, so every page is in the database file (the last checkpoint is counted).
 *
 * The pipeline runs the compiled modules (dist/), as `pillars ingest` does (bin/pillars.js): run
 * from the TypeScript sources, each worker thread would compile its modules when it starts,
 * inside the timed run. `npm run bench:ingest` builds first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type * as IngestFiles from '../src/ingest/ingest-files.js';
import type * as PreparePool from '../src/ingest/prepare-pool.js';
import type * as LoadReferenceData from '../src/reference/load-reference-data.js';
import type * as SeedReferenceData from '../src/reference/seed-reference-data.js';
import type * as OpenStore from '../src/store/open-store.js';
import { round, writeResult } from './bench-helpers.js';
import { generateCorpus } from './generate-corpus.js';

const REPEATS = 3;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const DIST = new URL('../dist/', import.meta.url);

/** The compiled pipeline, typed as its sources. */
async function compiledPipeline() {
  if (!existsSync(fileURLToPath(new URL('ingest/ingest-files.js', DIST))))
    throw new Error('bench: dist/ is missing: run `npm run build:server` first');
  const load = <T>(path: string) => import(new URL(path, DIST).href) as Promise<T>;
  const [ingest, pool, reference, seed, store] = await Promise.all([
    load<typeof IngestFiles>('ingest/ingest-files.js'),
    load<typeof PreparePool>('ingest/prepare-pool.js'),
    load<typeof LoadReferenceData>('reference/load-reference-data.js'),
    load<typeof SeedReferenceData>('reference/seed-reference-data.js'),
    load<typeof OpenStore>('store/open-store.js'),
  ]);
  return {
    ingestFiles: ingest.ingestFiles,
    workerCountFor: pool.workerCountFor,
    loadReferenceData: reference.loadReferenceData,
    seedReferenceData: seed.seedReferenceData,
    openStore: store.openStore,
  };
}
type Pipeline = Awaited<ReturnType<typeof compiledPipeline>>;

/** The bare baseline: each file inserted and FTS5-indexed as one row, one transaction per file. */
function runBaseline(file: string, files: readonly string[]): number {
  const baselineDb = new BetterSqlite3(file);
  baselineDb.pragma('journal_mode = WAL');
  baselineDb.pragma('synchronous = NORMAL');
  baselineDb.exec(
    "create table docs(id integer primary key, name text not null, body text not null); create virtual table docs_fts using fts5(body, content='docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');",
  );
  const insert = baselineDb.prepare('insert into docs(name, body) values (?, ?)');
  const index = baselineDb.prepare('insert into docs_fts(rowid, body) values (?, ?)');
  const store1 = baselineDb.transaction((name: string, body: string) => {
    const id = insert.run(name, body).lastInsertRowid;
    index.run(id, body);
  });
  const start = performance.now();
  for (const path of files) store1(path, readFileSync(path, 'utf8'));
  baselineDb.close();
  return (performance.now() - start) / 1000;
}

/** The whole pipeline into a fresh store, as `pillars ingest` runs it. */
async function runPipeline(
  pipeline: Pipeline,
  file: string,
  files: readonly string[],
): Promise<number> {
  const store = await pipeline.openStore({ kind: 'sqlite', file });
  let open = true;
  try {
    await pipeline.seedReferenceData(store, pipeline.loadReferenceData());
    const start = performance.now();
    const results = await pipeline.ingestFiles(
      store,
      files.map((path) => ({ name: path, path })),
    );
    open = false;
    await store.close();
    const seconds = (performance.now() - start) / 1000;
    const failed = results.filter((r) => r.status !== 'ok');
    if (failed.length > 0)
      throw new Error(
        `${failed.length} documents failed, e.g. ${failed[0]!.file}: ${failed[0]!.reason ?? ''}`,
      );
    return seconds;
  } finally {
    if (open) await store.close();
  }
}

export async function runIngestBench(
  count = Number(process.env.PILLARS_BENCH_DOCS ?? 10_000),
): Promise<string> {
  const pipeline = await compiledPipeline();
  const dir = mkdtempSync(join(tmpdir(), 'pillars-bench-ingest-'));
  try {
    const corpus = generateCorpus(join(dir, 'corpus'), count);
    const mb = corpus.bytes / 1024 / 1024;

    // This machine's speed drifts by several per cent from minute to minute: each side runs
    // REPEATS times, alternating, and the medians are reported (every run is in the details).
    const baselineRuns: number[] = [];
    const pipelineRuns: number[] = [];
    for (let run = 0; run < REPEATS; run++) {
      baselineRuns.push(runBaseline(join(dir, `baseline-${run}.db`), corpus.files));
      pipelineRuns.push(await runPipeline(pipeline, join(dir, `pillars-${run}.db`), corpus.files));
    }
    const baselineSeconds = median(baselineRuns);
    const seconds = median(pipelineRuns);
    const workers = pipeline.workerCountFor(corpus.files.length);
    const docsPerSecond = count / seconds;
    const baselineDocsPerSecond = count / baselineSeconds;
    return writeResult({
      benchmark: 'ingest',
      description: `Whole ingest pipeline and search index on SQLite as \`pillars ingest\` runs it (the compiled code, ${workers} worker thread(s) preparing files, groups of files per transaction) vs a bare baseline: the same texts inserted and FTS5-indexed one transaction per file without parsing. Both timings end with the database closed (last checkpoint included). Medians of ${REPEATS} alternating runs of each.`,
      details: {
        repeats: REPEATS,
        pipelineSeconds: pipelineRuns.map((v) => round(v, 2)),
        baselineSeconds: baselineRuns.map((v) => round(v, 2)),
      },
      corpus: {
        documents: count,
        megabytes: round(mb, 2),
        languages: 6,
        ...Object.fromEntries(
          Object.entries(corpus.perLanguage).map(([k, v]) => [`documents_${k}`, v]),
        ),
      },
      figures: [
        {
          name: 'pipeline throughput',
          value: round(mb / seconds, 2),
          unit: 'MB/s',
          baseline: {
            name: 'insert + FTS5 index, no parsing',
            value: round(mb / baselineSeconds, 2),
          },
          ratio: round(docsPerSecond / baselineDocsPerSecond, 3),
          target: '≥ 5 MB/s, ratio ≥ 0.33',
        },
        {
          name: 'pipeline documents per second',
          value: round(docsPerSecond, 1),
          unit: 'documents/s',
          baseline: {
            name: 'insert + FTS5 index, no parsing',
            value: round(baselineDocsPerSecond, 1),
          },
          ratio: round(docsPerSecond / baselineDocsPerSecond, 3),
        },
      ],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
