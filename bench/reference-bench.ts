/**
 * Reference-data benchmark: State-name resolution and the states API on SQLite.
 *
 * Corpus: every name in the recorded votes of A/RES/55/100 in the six languages (1,044 names),
 * resolved with the full resolver; baseline: exact lookups of the same names in a Map of the
 * stored names (no folding, no variants) — the cheapest thing that could be called resolution.
 * API: GET /api/v1/states?q=… through the real app on SQLite; baseline: the same page computed by
 * calling the query function directly, so the ratio is the cost of HTTP, validation and JSON.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES } from '../src/domain/languages.js';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { seedReferenceData } from '../src/reference/seed-reference-data.js';
import { buildApp } from '../src/server/app.js';
import { allNames, queryStates, resolverFromStates } from '../src/states/state-queries.js';
import { splitNameList } from '../src/states/split-name-list.js';
import { openStore } from '../src/store/open-store.js';
import { measure, round, writeResult } from './bench-helpers.js';

export async function runReferenceBench(): Promise<string> {
  const data = loadReferenceData();
  const names = LANGUAGES.flatMap((lang) =>
    readFileSync(
      new URL(`../data/samples/un-ga-res-55-100/UN_GA_res55-100.${lang}.txt`, import.meta.url),
      'utf8',
    )
      .split('\n')
      .slice(2, 5)
      .flatMap((line) => splitNameList(line).names.map((name) => ({ name, lang }))),
  );
  const resolver = resolverFromStates(data.states);
  // Baseline: the naive resolver — lower-cased exact lookup of the stored names, no folding or variants.
  const exact = new Map(
    data.states.flatMap((s) => allNames(s).map((n) => [n.name.toLowerCase(), s.id] as const)),
  );
  let sink = 0;
  const resolvePerSecond =
    (await measure(() => {
      for (const { name, lang } of names) sink += resolver.resolve(name, lang).status.length;
    })) * names.length;
  const exactPerSecond =
    (await measure(() => {
      for (const { name } of names) sink += exact.get(name.toLowerCase())?.length ?? 0;
    })) * names.length;
  if (sink === 0) throw new Error('nothing resolved');

  const dir = mkdtempSync(join(tmpdir(), 'pillars-bench-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
  await seedReferenceData(store, data);
  const app = await buildApp({ store, rateLimitPerMinute: 1e9 });
  const queries = ['fr', 'rep', 'корея', '共和国', 'جمهورية', 'Islas'];
  let i = 0;
  const apiPerSecond = await measure(async () => {
    const q = queries[i++ % queries.length]!;
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/states?q=${encodeURIComponent(q)}&limit=50`,
    });
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
  });
  const directPerSecond = await measure(async () => {
    const q = queries[i++ % queries.length]!;
    JSON.stringify(await queryStates(store.db, { q, limit: 50 }));
  });
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  return writeResult({
    benchmark: 'reference',
    description:
      'State-name resolution and the states API over the bundled reference data (SQLite).',
    corpus: {
      names: names.length,
      languages: LANGUAGES.length,
      states: data.states.length,
      storedNames: exact.size,
    },
    figures: [
      {
        name: 'State names resolved per second',
        value: Math.round(resolvePerSecond),
        unit: 'names/s',
        baseline: {
          name: 'naive lower-cased exact lookup of the same names',
          value: Math.round(exactPerSecond),
        },
        ratio: round(resolvePerSecond / exactPerSecond, 4),
      },
      {
        name: 'GET /api/v1/states?q= requests per second',
        value: round(apiPerSecond),
        unit: 'requests/s',
        baseline: {
          name: 'the same query called directly, serialised to JSON',
          value: round(directPerSecond),
        },
        ratio: round(apiPerSecond / directPerSecond, 3),
      },
    ],
  });
}
