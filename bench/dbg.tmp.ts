import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { seedReferenceData } from '../src/reference/seed-reference-data.js';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { storeSynthetic, syntheticDocuments } from '../test/support/synthetic-corpus.js';
import { buildApp } from '../src/server/app.js';
import { MIX } from './search-bench.js';
import { LANGUAGES } from '../src/domain/language-codes.js';
const store = await openStore({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'x-')), 'a.db') });
await seedReferenceData(store, loadReferenceData());
const meetings = (await store.db.selectFrom('meetings').select(['id', 'start_date']).execute()).map((m) => ({ id: m.id, year: Number(m.start_date.slice(0, 4)) }));
await storeSynthetic(store.db, syntheticDocuments({ documents: 5000, paragraphsPerDocument: 20, seed: 2026, meetings, states: ['FRA'] }), 500);
const app = await buildApp({ store, rateLimitPerMinute: 0 });
const qs = LANGUAGES.flatMap((l) => Object.values(MIX[l]).flat());
for (const facets of [true, false]) {
  const times: number[] = [];
  for (const q of qs) { const t = performance.now(); const r = await app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${facets ? '' : '&facets=false'}` }); times.push(performance.now() - t); if (r.statusCode !== 200) console.log(r.statusCode, q); }
  times.sort((a, b) => a - b);
  console.log('facets', facets, 'n', times.length, 'p50', times[times.length >> 1]!.toFixed(1), 'p90', times[Math.floor(times.length * 0.9)]!.toFixed(1), 'max', times.at(-1)!.toFixed(1), 'mean', (times.reduce((a, b) => a + b) / times.length).toFixed(1));
}
const v: number[] = [];
const rows = await store.db.selectFrom('expressions').select(['work_id', 'lang']).limit(200).execute();
for (const r of rows) { const t = performance.now(); await app.inject({ method: 'GET', url: `/api/v1/documents/${encodeURIComponent(r.work_id)}/${r.lang}` }); v.push(performance.now() - t); }
v.sort((a, b) => a - b); console.log('doc view p50', v[100]!.toFixed(1), 'p90', v[180]!.toFixed(1));
for (const u of ['/api/v1/documents?limit=20', '/api/v1/states', '/api/v1/meetings', '/api/v1/actions', '/api/v1/reports']) { const t = performance.now(); for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url: u }); console.log(u, ((performance.now() - t) / 10).toFixed(1)); }
await app.close(); await store.close();
