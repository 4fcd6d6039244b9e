/**
 * Search benchmark. A deterministic corpus of UN-like paragraphs in six languages, built from the
 * real sample texts (test/support/synthetic-corpus.ts), stored and indexed through the real store
 * API on SQLite (and PostgreSQL when PILLARS_BENCH_DATABASE_URL is set). Measures the index build
 * rate, index size and RSS, then p50/p95/p99 latency of a fixed query mix per language — single
 * term, two-term AND, phrase, prefix, filtered — top 20 with snippets, with and without facets.
 * The baseline, in the same run: bare FTS5 (unicode61) over the raw paragraph text, the same
 * queries as `MATCH … ORDER BY rank LIMIT 20`.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { LANGUAGES, type Lang } from '../src/domain/language-codes.js';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { seedReferenceData } from '../src/reference/seed-reference-data.js';
import { search } from '../src/search/search-service.js';
import { openStore, type Store } from '../src/store/open-store.js';
import {
  corpusReferences,
  storeSynthetic,
  syntheticDocuments,
} from '../test/support/synthetic-corpus.js';
import { round, writeResult, type BenchFigure } from './bench-helpers.js';

const PARAGRAPHS_PER_DOCUMENT = 20;

type Kind = 'term' | 'and' | 'phrase' | 'prefix' | 'filtered';

/** Per language: queries of each kind (what a user types) and the bare FTS5 equivalent. */
export const MIX: Record<Lang, Record<Kind, string[]>> = {
  en: {
    term: ['nuclear', 'transparency', 'migrants', 'governments', 'safeguards'],
    and: [
      'nuclear weapons',
      'family reunification',
      'confidence measures',
      'states parties',
      'human rights',
    ],
    phrase: [
      '"nuclear weapons"',
      '"family reunification"',
      '"Additional Protocol"',
      '"States parties"',
      '"nuclear disarmament"',
    ],
    prefix: ['disarm*', 'reunif*', 'prolif*', 'verif*', 'safeg*'],
    filtered: [
      'nuclear year:2015',
      'transparency type:WP',
      'migrants year:2010..2015',
      'safeguards -type:PV',
      'weapons state:FRA',
    ],
  },
  fr: {
    term: ['nucléaires', 'transparence', 'migrants', 'gouvernements', 'garanties'],
    and: [
      'armes nucléaires',
      'regroupement familial',
      'mesures confiance',
      'États parties',
      'droits homme',
    ],
    phrase: [
      '"armes nucléaires"',
      '"regroupement familial"',
      '"protocole additionnel"',
      '"États parties"',
      '"désarmement nucléaire"',
    ],
    prefix: ['désarm*', 'regroup*', 'prolif*', 'vérif*', 'garant*'],
    filtered: [
      'nucléaires year:2015',
      'transparence type:WP',
      'migrants year:2010..2015',
      'garanties -type:PV',
      'armes state:FRA',
    ],
  },
  es: {
    term: ['nucleares', 'transparencia', 'migrantes', 'gobiernos', 'salvaguardias'],
    and: [
      'armas nucleares',
      'reunificación familias',
      'medidas confianza',
      'Estados partes',
      'derechos humanos',
    ],
    phrase: [
      '"armas nucleares"',
      '"reunificación de las familias"',
      '"protocolo adicional"',
      '"Estados partes"',
      '"desarme nuclear"',
    ],
    prefix: ['desarm*', 'reunif*', 'prolif*', 'verif*', 'salvag*'],
    filtered: [
      'nucleares year:2015',
      'transparencia type:WP',
      'migrantes year:2010..2015',
      'salvaguardias -type:PV',
      'armas state:FRA',
    ],
  },
  ru: {
    term: ['ядерного', 'транспарентность', 'мигрантов', 'правительства', 'гарантий'],
    and: [
      'ядерного оружия',
      'воссоединения семей',
      'меры доверия',
      'государства участники',
      'прав человека',
    ],
    phrase: [
      '"ядерного оружия"',
      '"воссоединения семей"',
      '"дополнительного протокола"',
      '"государства-участники"',
      '"ядерного разоружения"',
    ],
    prefix: ['разоруж*', 'воссоедин*', 'нераспростр*', 'провер*', 'гарант*'],
    filtered: [
      'ядерного year:2015',
      'транспарентность type:WP',
      'мигрантов year:2010..2015',
      'гарантий -type:PV',
      'оружия state:FRA',
    ],
  },
  ar: {
    term: ['النووية', 'الشفافية', 'المهاجرين', 'الحكومات', 'الضمانات'],
    and: ['الأسلحة النووية', 'شمل الأسرة', 'بناء الثقة', 'الدول الأطراف', 'حقوق الإنسان'],
    phrase: [
      '"الأسلحة النووية"',
      '"جمع شمل الأسرة"',
      '"البروتوكول الإضافي"',
      '"الدول الأطراف"',
      '"نزع السلاح النووي"',
    ],
    prefix: ['النوو*', 'الشفاف*', 'المهاج*', 'الحكوم*', 'الضمان*'],
    filtered: [
      'النووية year:2015',
      'الشفافية type:WP',
      'المهاجرين year:2010..2015',
      'الضمانات -type:PV',
      'الأسلحة state:FRA',
    ],
  },
  zh: {
    term: ['核武器', '透明度', '移徙', '政府', '保障监督'],
    and: ['核武器 国家', '家庭 团聚', '建立 信任', '缔约国 条约', '人权 自由'],
    phrase: ['"核裁军"', '"附加议定书"', '"裂变材料禁产条约"', '"不扩散条约"', '"建立信任措施"'],
    prefix: ['核武*', '透明*', '移徙*', '政府*', '保障*'],
    filtered: [
      '核武器 year:2015',
      '透明度 type:WP',
      '移徙 year:2010..2015',
      '保障监督 -type:PV',
      '核裁军 state:FRA',
    ],
  },
};

/** What a bare FTS5 user would type for the same query: the words, no filters. */
function bareMatch(query: string): string {
  const parts = query.match(/"[^"]*"|\S+/gu) ?? [];
  return parts
    .filter((w) => !/^-?[a-z]+:/u.test(w))
    .map((w) => (w.startsWith('"') ? w : w.endsWith('*') ? `"${w.slice(0, -1)}" *` : `"${w}"`))
    .join(' ');
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
}

function summarize(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
  };
}

const REPEAT = Number(process.env.PILLARS_BENCH_REPEAT ?? 5);

async function timeQueries(
  run: (query: string) => Promise<void> | void,
  queries: readonly string[],
): Promise<number[]> {
  for (const q of queries) await run(q); // warm-up: first touches of each index page
  const samples: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    for (const q of queries) {
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function buildCorpus(store: Store, segments: number): Promise<number> {
  await seedReferenceData(store, loadReferenceData());
  const { meetings, states } = await corpusReferences(store.db);
  const documents = Math.ceil(segments / PARAGRAPHS_PER_DOCUMENT);
  const start = performance.now();
  let done = 0;
  const timer = setInterval(() => {
    sampleRss();
    process.stderr.write(
      `\r  indexing: ${done.toLocaleString('en')} / ${documents.toLocaleString('en')} documents`,
    );
  }, 2000);
  const docs = syntheticDocuments({
    documents,
    paragraphsPerDocument: PARAGRAPHS_PER_DOCUMENT,
    seed: 2026,
    meetings,
    states,
  });
  function* counted() {
    for (const doc of docs) {
      done++;
      yield doc;
    }
  }
  await storeSynthetic(store.db, counted(), 500);
  clearInterval(timer);
  process.stderr.write('\n');
  return (performance.now() - start) / 1000;
}

async function measureEngine(store: Store) {
  const perLang: Record<
    string,
    { withoutFacets: Latencies; withFacets: Latencies; byKind: Record<string, Latencies> }
  > = {};
  const all: number[] = [];
  const allFacets: number[] = [];
  for (const lang of LANGUAGES) {
    const timeSearch = (queries: readonly string[], facets: boolean) =>
      timeQueries(async (q) => {
        await search(store.db, { q, langs: [lang], facets });
      }, queries);
    const queries = Object.values(MIX[lang]).flat();
    const without = await timeSearch(queries, false);
    const withFacets = await timeSearch(queries, true);
    const byKind: Record<string, Latencies> = {};
    for (const [kind, list] of Object.entries(MIX[lang])) {
      byKind[kind] = summarize(await timeSearch(list, false));
    }
    perLang[lang] = {
      withoutFacets: summarize(without),
      withFacets: summarize(withFacets),
      byKind,
    };
    all.push(...without);
    allFacets.push(...withFacets);
    sampleRss();
    process.stderr.write(
      `  ${lang}: p50 ${perLang[lang].withoutFacets.p50} ms, p95 ${perLang[lang].withoutFacets.p95} ms, facets p95 ${perLang[lang].withFacets.p95} ms\n`,
    );
  }
  return { perLang, overall: summarize(all), overallFacets: summarize(allFacets) };
}

function dirSize(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(file + suffix)) bytes += statSync(file + suffix).size;
  return bytes;
}

export async function runSearchBench(
  segments = Number(process.env.PILLARS_BENCH_SEGMENTS ?? 1_000_000),
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-bench-search-'));
  try {
    const file = join(dir, 'pillars.db');
    const store = await openStore({ kind: 'sqlite', file });
    const buildSeconds = await buildCorpus(store, segments);
    const paragraphs = Number(
      (
        await store.db
          .selectFrom('search_docs')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const ftsBytes = dirSize(file);
    const sqlite = await measureEngine(store);
    await store.close();

    // The baseline: bare FTS5 over the raw text of the same paragraphs.
    const bare = new BetterSqlite3(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.exec(`attach database '${file}' as p`);
    const bareStart = performance.now();
    bare.exec(
      "create virtual table bare_fts using fts5(body, tokenize='unicode61 remove_diacritics 2'); " +
        'insert into bare_fts(rowid, body) select rowid, text from p.segments;',
    );
    const bareBuildSeconds = (performance.now() - bareStart) / 1000;
    bare.exec('detach database p');
    const bareQuery = bare.prepare(
      'select rowid, rank from bare_fts where bare_fts match ? order by rank limit 20',
    );
    const barePerLang: Record<string, Latencies> = {};
    const bareAll: number[] = [];
    const bareEmpty: Record<string, number> = {};
    for (const lang of LANGUAGES) {
      const queries = Object.values(MIX[lang]).flat().map(bareMatch);
      let empty = 0;
      const samples = await timeQueries((q) => {
        if (bareQuery.all(q).length === 0) empty++;
      }, queries);
      barePerLang[lang] = summarize(samples);
      bareEmpty[lang] = Math.round(empty / (REPEAT + 1));
      bareAll.push(...samples);
    }
    bare.close();
    const bareBytes = dirSize(join(dir, 'bare.db'));
    const bareOverall = summarize(bareAll);

    let postgres: Awaited<ReturnType<typeof measureEngine>> | undefined;
    let postgresBuild = 0;
    let postgresSegments = 0;
    const url = process.env.PILLARS_BENCH_DATABASE_URL;
    if (url) {
      postgresSegments = Number(process.env.PILLARS_BENCH_PG_SEGMENTS ?? segments);
      const pg = await openStore({ kind: 'postgres', url });
      postgresBuild = await buildCorpus(pg, postgresSegments);
      postgres = await measureEngine(pg);
      await pg.close();
    }
    sampleRss();

    const figures: BenchFigure[] = [
      {
        name: 'index build rate (store + analyse + index), SQLite',
        value: round(paragraphs / buildSeconds, 0),
        unit: 'paragraphs/s',
        baseline: {
          name: 'bare FTS5 build over raw text',
          value: round(paragraphs / bareBuildSeconds, 0),
        },
        ratio: round(bareBuildSeconds / buildSeconds, 3),
      },
      {
        name: 'database size with index, SQLite',
        value: round(ftsBytes / 2 ** 20, 1),
        unit: 'MiB',
        baseline: { name: 'bare FTS5 index alone', value: round(bareBytes / 2 ** 20, 1) },
        ratio: round(ftsBytes / bareBytes, 3),
      },
      {
        name: 'latency p50, all languages, top 20 with snippets, no facets',
        value: sqlite.overall.p50,
        unit: 'ms',
        baseline: { name: 'bare FTS5 MATCH … ORDER BY rank LIMIT 20', value: bareOverall.p50 },
        ratio: round(sqlite.overall.p50 / bareOverall.p50, 3),
        target: 'median ≤ 1.5× bare',
      },
      {
        name: 'latency p95, all languages, no facets',
        value: sqlite.overall.p95,
        unit: 'ms',
        baseline: { name: 'bare FTS5 MATCH … ORDER BY rank LIMIT 20', value: bareOverall.p95 },
        ratio: round(sqlite.overall.p95 / bareOverall.p95, 3),
        target: '≤ 100 ms',
      },
      {
        name: 'latency p95, all languages, with facets',
        value: sqlite.overallFacets.p95,
        unit: 'ms',
        baseline: {
          name: 'bare FTS5 MATCH … ORDER BY rank LIMIT 20 (no facets)',
          value: bareOverall.p95,
        },
        ratio: round(sqlite.overallFacets.p95 / bareOverall.p95, 3),
        target: '≤ 250 ms',
      },
      ...LANGUAGES.map((lang) => ({
        name: `latency p95 ${lang}, no facets`,
        value: sqlite.perLang[lang]!.withoutFacets.p95,
        unit: 'ms',
        baseline: { name: 'bare FTS5', value: barePerLang[lang]!.p95 },
        ratio: round(sqlite.perLang[lang]!.withoutFacets.p95 / barePerLang[lang]!.p95, 3),
        target: '≤ 100 ms',
      })),
    ];
    return writeResult({
      benchmark: 'search',
      description:
        'Search over a deterministic six-language corpus built from the real sample texts: build rate, size, RSS and latency of a fixed query mix per language (term, AND, phrase, prefix, filtered), top 20 with snippets, with and without facets; baseline bare FTS5 unicode61 over the same raw text in the same run.',
      corpus: {
        paragraphs,
        documents: Math.ceil(segments / PARAGRAPHS_PER_DOCUMENT),
        languages: 6,
        queriesPerLanguage: Object.values(MIX.en).flat().length,
        repeats: REPEAT,
        peakRssMiB: round(peakRss / 2 ** 20, 0),
        ...(postgres ? { postgresParagraphs: postgresSegments } : {}),
      },
      figures,
      details: {
        sqlite: sqlite.perLang,
        bare: { perLang: barePerLang, queriesWithNoResult: bareEmpty },
        ...(postgres
          ? {
              postgres: {
                buildParagraphsPerSecond: round(postgresSegments / postgresBuild, 0),
                overall: postgres.overall,
                overallWithFacets: postgres.overallFacets,
                perLang: postgres.perLang,
              },
            }
          : {}),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
