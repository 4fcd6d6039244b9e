/**
 * Load benchmark (`npm run bench:load`): the server on loopback over the 1M-paragraph generated
 * corpus, on SQLite and on PostgreSQL, under a mixed workload from autocannon — search 60 %,
 * document and paragraph views 30 %, list endpoints 10 % of the connections — at 50 and at 200
 * concurrent connections for 60 s each, while a separate process ingests 1,000 new documents.
 * Reports requests/s, p50/p99 latency per route class, errors and non-2xx answers, and the
 * ingest's throughput under load against the same ingest with no load (the baseline).
 *
 * PILLARS_LOAD_SEGMENTS, PILLARS_LOAD_SECONDS and PILLARS_LOAD_ENGINES (sqlite,postgres) scale it
 * down for a quick look (PILLARS_LOAD_SQLITE_FILE reuses a corpus file between looks); PostgreSQL comes from PILLARS_BENCH_DATABASE_URL, or a throwaway server
 * started with scripts/start-postgres.sh (the Debian packages the test command installs).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { LANGUAGES } from '../src/domain/language-codes.js';
import { parseSymbol } from '../src/ingest/symbols/un-symbol.js';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { seedReferenceData } from '../src/reference/seed-reference-data.js';
import { openStore, type Engine, type Store } from '../src/store/open-store.js';
import {
  corpusReferences,
  prng,
  storeSynthetic,
  syntheticDocuments,
} from '../test/support/synthetic-corpus.js';
import { round, writeResult, type BenchFigure } from './bench-helpers.js';
import { generateCorpus } from './generate-corpus.js';
import { MIX } from './search-bench.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PARAGRAPHS_PER_DOCUMENT = 20;
const INGEST_DOCUMENTS = 1000;
/** Shares of the connections per route class. */
const CLASSES = [
  ['search', 0.6],
  ['views', 0.3],
  ['lists', 0.1],
] as const;
type RouteClass = (typeof CLASSES)[number][0];

interface ClassFigures {
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
  /** Socket errors and timeouts (autocannon counts the timeouts among the errors). */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

interface RunFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly classes: Record<RouteClass, ClassFigures>;
  readonly ingest: IngestFigures;
}

interface IngestFigures {
  readonly files: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly ok: number;
  readonly error: number;
  readonly documentsPerSecond: number;
}

function log(text: string): void {
  process.stderr.write(`  load: ${text}\n`);
}

async function buildCorpus(store: Store, segments: number): Promise<number> {
  await seedReferenceData(store, loadReferenceData());
  const existing = await store.db
    .selectFrom('segments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) >= segments) return 0;
  const { meetings, states } = await corpusReferences(store.db);
  const documents = Math.ceil(segments / PARAGRAPHS_PER_DOCUMENT);
  const start = performance.now();
  let done = 0;
  const timer = setInterval(
    () => log(`corpus ${done.toLocaleString('en')} / ${documents.toLocaleString('en')} documents`),
    15_000,
  );
  function* counted() {
    for (const doc of syntheticDocuments({
      documents,
      paragraphsPerDocument: PARAGRAPHS_PER_DOCUMENT,
      seed: 2026,
      meetings,
      states,
    })) {
      done++;
      yield doc;
    }
  }
  try {
    await storeSynthetic(store.db, counted(), 500);
  } finally {
    clearInterval(timer);
  }
  return (performance.now() - start) / 1000;
}

/** What the views ask for: documents that exist, in their languages, and their paragraphs. */
async function viewTargets(store: Store): Promise<{ symbol: string; lang: string }[]> {
  const rows = await store.db
    .selectFrom('expressions')
    .select(['work_id', 'lang'])
    .where('current', '=', 1)
    .orderBy('id')
    .limit(5000)
    .execute();
  // Synthetic symbols the parser would write differently (PV.1, INF.1) are not addressable as
  // such; real documents are stored under their canonical symbol.
  return rows
    .filter((r) => {
      const parsed = parseSymbol(r.work_id);
      return parsed.ok && parsed.symbol.canonical === r.work_id;
    })
    .map((r) => ({ symbol: r.work_id, lang: r.lang }));
}

/** Every search the mix asks: each query of the search benchmark, in its language and in all. */
function searchPaths(): string[] {
  return LANGUAGES.flatMap((lang) =>
    Object.values(MIX[lang])
      .flat()
      .flatMap((q) => [
        `/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`,
        `/api/v1/search?q=${encodeURIComponent(q)}`,
      ]),
  );
}

/** Asks each path once, `concurrency` at a time; fails on any answer but 200. */
async function visitAll(url: string, paths: readonly string[], concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const response = await fetch(url + path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`warm-up: ${path} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function requestMaker(
  routeClass: RouteClass,
  targets: readonly { symbol: string; lang: string }[],
  seed: number,
) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const queries = LANGUAGES.flatMap((lang) =>
    Object.values(MIX[lang])
      .flat()
      .map((q) => ({ q, lang })),
  );
  const lists = [
    '/api/v1/documents?limit=20',
    '/api/v1/documents?limit=20&lang=fr',
    '/api/v1/states',
    '/api/v1/meetings',
    '/api/v1/actions',
    '/api/v1/groups',
    '/api/v1/reports',
  ];
  return (): string => {
    if (routeClass === 'search') {
      const { q, lang } = pick(queries);
      // The web app's first page of results: with facet counts.
      return `/api/v1/search?q=${encodeURIComponent(q)}${random() < 0.5 ? `&lang=${lang}` : ''}`;
    }
    if (routeClass === 'lists') return pick(lists);
    const { symbol, lang } = pick(targets);
    const base = `/api/v1/documents/${encodeURIComponent(symbol)}/${lang}`;
    return random() < 0.5
      ? base
      : `${base}/segments/para_${1 + Math.floor(random() * PARAGRAPHS_PER_DOCUMENT)}`;
  };
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/load-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PILLARS_DB: '', PILLARS_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`load server exited with ${code}`)));
  });
}

function runIngest(env: NodeJS.ProcessEnv, dir: string): Promise<IngestFigures> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/load-ingest.ts'), dir],
    {
      cwd: ROOT,
      env: { ...process.env, PILLARS_DB: '', PILLARS_DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ingest exited with ${code}`));
      const r = JSON.parse(out) as Omit<IngestFigures, 'documentsPerSecond'>;
      resolve({ ...r, documentsPerSecond: round(r.ok / r.seconds, 1) });
    });
  });
}

async function hammer(
  url: string,
  routeClass: RouteClass,
  connections: number,
  seconds: number,
  targets: readonly { symbol: string; lang: string }[],
): Promise<ClassFigures> {
  const next = requestMaker(routeClass, targets, connections * 7 + routeClass.length);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  return {
    connections,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average, 1),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: round(result.latency.average, 1),
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function loadRun(
  url: string,
  env: NodeJS.ProcessEnv,
  connections: number,
  seconds: number,
  targets: readonly { symbol: string; lang: string }[],
  work: string,
  seed: number,
): Promise<RunFigures> {
  const dir = join(work, `ingest-${connections}`);
  generateCorpus(dir, INGEST_DOCUMENTS, seed);
  const ingest = runIngest(env, dir);
  const shares = CLASSES.map(
    ([name, share]) => [name, Math.max(1, Math.round(connections * share))] as const,
  );
  const figures = await Promise.all(
    shares.map(([name, n]) => hammer(url, name, n, seconds, targets)),
  );
  const classes = Object.fromEntries(shares.map(([name], i) => [name, figures[i]!])) as Record<
    RouteClass,
    ClassFigures
  >;
  const ingested = await ingest;
  const total = figures.reduce((sum, f) => sum + f.requests, 0);
  return {
    connections,
    seconds,
    requestsPerSecond: round(total / seconds, 1),
    // autocannon counts timeouts among errors.
    errors: figures.reduce((s, f) => s + f.errors, 0),
    non2xx: figures.reduce((s, f) => s + f.non2xx, 0),
    classes,
    ingest: ingested,
  };
}

async function benchEngine(
  engine: Engine,
  env: NodeJS.ProcessEnv,
  segments: number,
  seconds: number,
  work: string,
) {
  const store = await openStore(
    engine === 'sqlite'
      ? { kind: 'sqlite', file: env.PILLARS_DB! }
      : { kind: 'postgres', url: env.PILLARS_DATABASE_URL! },
  );
  log(`${engine}: building the ${segments.toLocaleString('en')}-paragraph corpus`);
  const buildSeconds = await buildCorpus(store, segments);
  const targets = await viewTargets(store);
  const stored = await store.db
    .selectFrom('segments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await store.close();
  log(
    `${engine}: corpus ready (${Number(stored.n).toLocaleString('en')} paragraphs, built in ${round(buildSeconds, 0)} s)`,
  );

  // Baseline: the same size of ingest with nobody reading.
  const baselineDir = join(work, 'ingest-baseline');
  generateCorpus(baselineDir, INGEST_DOCUMENTS, 101);
  const baseline = await runIngest(env, baselineDir);
  log(`${engine}: ingest with no load ${baseline.documentsPerSecond} documents/s`);

  const server = await startServer(env);
  try {
    // Warm-up, not recorded: every search of the mix asked once — the steady state of a
    // conference, where the popular searches have been asked before (a cold cache is a start-up
    // cost, measured by the search benchmark) — then load for the analyzers and the JIT.
    const warmStart = performance.now();
    await visitAll(server.url, searchPaths(), 4);
    log(
      `${engine}: warm-up asked ${searchPaths().length} searches in ${round((performance.now() - warmStart) / 1000, 1)} s`,
    );
    await hammer(server.url, 'search', 20, Math.min(10, seconds), targets);
    const runs: RunFigures[] = [];
    for (const [i, connections] of [50, 200].entries()) {
      log(`${engine}: ${connections} connections for ${seconds} s, ingest beside`);
      const run = await loadRun(server.url, env, connections, seconds, targets, work, 200 + i);
      log(
        `${engine}: ${connections} conns → ${run.requestsPerSecond} req/s, search p99 ${run.classes.search.p99} ms, errors ${run.errors}, non-2xx ${run.non2xx}, ingest ${run.ingest.documentsPerSecond} docs/s`,
      );
      runs.push(run);
    }
    return {
      engine,
      paragraphs: Number(stored.n),
      buildSeconds: round(buildSeconds, 1),
      baseline,
      runs,
    };
  } finally {
    // Its connections must close before the database server stops.
    if (server.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
}

function startPostgres(): { url: string; stop: () => void } {
  if (process.env.PILLARS_BENCH_DATABASE_URL)
    return { url: process.env.PILLARS_BENCH_DATABASE_URL, stop: () => undefined };
  // Configured as docs/deploy.md advises: shared buffers a quarter of the machine's memory
  // (PostgreSQL's own guidance), so that the search index is read from them, not from the OS.
  const sharedBuffers = `${Math.floor(totalmem() / 4 / 2 ** 20)}MB`;
  const out = execFileSync('bash', [join(ROOT, 'scripts/start-postgres.sh')], {
    encoding: 'utf8',
    env: { ...process.env, PILLARS_PG_SETTINGS: `-c shared_buffers=${sharedBuffers}` },
  });
  const env = Object.fromEntries(
    [...out.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]),
  );
  const url = env.PILLARS_TEST_DATABASE_URL!;
  return {
    url,
    stop: () => execFileSync('bash', [join(ROOT, 'scripts/stop-postgres.sh'), env.PILLARS_PG_DIR!]),
  };
}

export async function runLoadBench(): Promise<string> {
  const segments = Number(process.env.PILLARS_LOAD_SEGMENTS ?? 1_000_000);
  const seconds = Number(process.env.PILLARS_LOAD_SECONDS ?? 60);
  const engines = (process.env.PILLARS_LOAD_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
  const work = mkdtempSync(join(tmpdir(), 'pillars-load-'));
  const results = [];
  try {
    for (const engine of engines) {
      if (engine === 'sqlite') {
        results.push(
          await benchEngine(
            'sqlite',
            { PILLARS_DB: process.env.PILLARS_LOAD_SQLITE_FILE ?? join(work, 'load.db') },
            segments,
            seconds,
            work,
          ),
        );
      } else {
        const pg = startPostgres();
        try {
          results.push(
            await benchEngine(
              'postgres',
              { PILLARS_DATABASE_URL: pg.url },
              segments,
              seconds,
              work,
            ),
          );
        } finally {
          pg.stop();
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const figures: BenchFigure[] = [];
  for (const r of results) {
    for (const run of r.runs) {
      const at = `${r.engine}, ${run.connections} connections`;
      figures.push({
        name: `search p99 latency, ${at}`,
        value: run.classes.search.p99,
        unit: 'ms',
        baseline: { name: 'target', value: 500 },
        ratio: round(run.classes.search.p99 / 500, 2),
        target: '≤ 500 ms at 200 connections',
      });
      figures.push({
        name: `requests per second (all classes), ${at}`,
        value: run.requestsPerSecond,
        unit: 'requests/s',
        baseline: { name: 'the same run at 50 connections', value: r.runs[0]!.requestsPerSecond },
        ratio: round(run.requestsPerSecond / r.runs[0]!.requestsPerSecond, 2),
      });
      figures.push({
        name: `errors, timeouts and non-2xx answers, ${at}`,
        value: run.errors + run.non2xx,
        unit: 'responses',
        baseline: { name: 'target', value: 0 },
        ratio: run.errors + run.non2xx === 0 ? 1 : 0,
        target: 'zero',
      });
      figures.push({
        name: `ingest of ${INGEST_DOCUMENTS} documents beside the load, ${at}`,
        value: run.ingest.documentsPerSecond,
        unit: 'documents/s',
        baseline: { name: 'the same ingest with no load', value: r.baseline.documentsPerSecond },
        ratio: round(run.ingest.documentsPerSecond / r.baseline.documentsPerSecond, 2),
      });
    }
  }
  return writeResult({
    benchmark: 'load',
    description:
      "The server on loopback over the generated corpus; autocannon: search 60 %, document and paragraph views 30 %, lists 10 % of the connections, at 50 and 200 connections, while another process ingests 1,000 new documents. Latency in ms per route class; the ingest baseline is the same ingest with no load. Before the runs, not recorded: each of the mix's 300 searches asked once, then 10 s of search load. PostgreSQL runs with shared_buffers a quarter of memory, as docs/deploy.md advises.",
    corpus: {
      paragraphs: results[0]?.paragraphs ?? segments,
      documents: Math.ceil(segments / PARAGRAPHS_PER_DOCUMENT),
      secondsPerRun: seconds,
      ingestDocuments: INGEST_DOCUMENTS,
      engines: engines.join(','),
    },
    figures,
    details: results,
  });
}
