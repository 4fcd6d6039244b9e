/**
 * What an operator relies on, on both engines: request ids, Prometheus metrics that parse,
 * liveness that does not need the store, and readiness that says no while migrations are pending.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { migrateToLatest, openStore } from '../../src/store/open-store.js';
import { createTestDatabase } from '../support/postgres-database.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { bundledReferenceData, forEachStore, freshStoreConfig } from '../support/for-each-store.js';
import { parsePrometheusText } from '../support/prometheus-text.js';

forEachStore('operations', ({ store, engine }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const fresh = await app.inject({ method: 'GET', url: '/api/v1/groups' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({
      method: 'GET',
      url: '/api/v1/groups',
      headers: { 'x-request-id': 'lb-1234.abc' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/v1/groups',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves metrics in the Prometheus text format, by route pattern', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/states/FRA' });
    await app.inject({ method: 'GET', url: '/api/v1/states/NOPE' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(response.body);
    const family = (name: string) => families.get(name);
    const requests = family('pillars_http_requests_total');
    expect(requests?.type).toBe('counter');
    const byRoute = requests!.samples.filter((m) => m.labels.route === '/api/v1/states/:id');
    expect(byRoute.map((m) => m.labels.status)).toEqual(expect.arrayContaining(['200', '404']));
    const latency = family('pillars_http_request_duration_seconds');
    expect(latency?.type).toBe('histogram');
    expect(
      latency!.samples.some(
        (s) => s.labels.le === '0.5' && s.labels.route === '/api/v1/states/:id',
      ),
    ).toBe(true);
    const queries = family('pillars_store_query_duration_seconds');
    expect(
      queries!.samples.some(
        (m) => m.labels.engine === engine && m.labels.kind === 'select' && m.value > 0,
      ),
    ).toBe(true);
    expect(family('pillars_ingest_files_total')?.type).toBe('counter');
    expect(family('pillars_process_resident_memory_bytes')?.type).toBe('gauge');
    // The reader is strict: a malformed exposition is refused.
    expect(() => parsePrometheusText('# TYPE x counter\nx{a="unterminated} 1')).toThrow(/line 2/);
    expect(() => parsePrometheusText('orphan 1')).toThrow(/no declared family/);
  });

  it('is live without asking the store, and ready when every migration is applied', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      engine,
    });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', engine, pendingMigrations: [] });
  });

  it('reports not ready while migrations are pending, then ready once they are applied', async () => {
    const { config, dispose } = await freshStoreConfig(engine);
    const bare = await openStore(config, { migrate: false });
    const early = await buildApp({ store: bare });
    try {
      const pending = await early.inject({ method: 'GET', url: '/api/ready' });
      expect(pending.statusCode).toBe(503);
      const body = pending.json<{ status: string; pendingMigrations: string[]; reason: string }>();
      expect(body.status).toBe('not_ready');
      expect(body.pendingMigrations).toContain('0008-accounts-reports');
      expect(body.reason).toMatch(/pillars migrate/);
      expect((await early.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await migrateToLatest(bare.db);
      expect((await early.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    } finally {
      await early.close();
      await bare.close();
      await dispose();
    }
  });

  it('sends searches to a read replica when one is configured, everything else to the primary', async () => {
    // SQLite has no replicas: searches read the one file. PostgreSQL searches have a pool of
    // their own, to the primary when there is no replica.
    if (engine === 'sqlite') {
      expect(store().reader).toBe(store().db);
      return;
    }
    expect(store().reader).not.toBe(store().db);
    const { config, dispose } = await freshStoreConfig('postgres');
    const replica = await createTestDatabase();
    if (config.kind !== 'postgres') throw new Error('unreachable');
    // The "replica" is a second database, migrated and empty: searches show where they were answered.
    await (await openStore({ kind: 'postgres', url: replica.url })).close();
    const split = await openStore({ ...config, readUrl: replica.url });
    const splitApp = await buildApp({ store: split });
    try {
      await seedReferenceData(split, bundledReferenceData());
      await seedSampleDocuments(split);
      const documents = await splitApp.inject({ method: 'GET', url: '/api/v1/documents' });
      expect(documents.json<{ total: number }>().total).toBeGreaterThan(0);
      const searched = await splitApp.inject({ method: 'GET', url: '/api/v1/search?q=migrants' });
      expect(searched.statusCode).toBe(200);
      expect(searched.json<{ total: { value: number } }>().total.value).toBe(0);
      const primaryOnly = await buildApp({ store: { ...split, reader: split.db } });
      const onPrimary = await primaryOnly.inject({
        method: 'GET',
        url: '/api/v1/search?q=migrants',
      });
      expect(onPrimary.json<{ total: { value: number } }>().total.value).toBeGreaterThan(0);
      await primaryOnly.close();
    } finally {
      await splitApp.close();
      await split.close();
      await replica.drop();
      await dispose();
    }
  });

  it('lets identical searches within the cache window share one answer', async () => {
    const cached = await buildApp({ store: store(), searchCacheMs: 60_000 });
    try {
      const url = '/api/v1/search?q=migrants&lang=en';
      const outcomes = async () =>
        parsePrometheusText((await cached.inject({ method: 'GET', url: '/metrics' })).body)
          .get('pillars_search_cache_total')!
          .samples.reduce<Record<string, number>>(
            (acc, s) => ({ ...acc, [s.labels.outcome!]: s.value }),
            {},
          );
      const before: Record<string, number> = await outcomes().catch(() => ({}));
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => cached.inject({ method: 'GET', url })),
      );
      const again = await cached.inject({ method: 'GET', url });
      expect(new Set([...answers, again].map((a) => a.body)).size).toBe(1);
      const after = await outcomes();
      const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
      expect(delta('miss')).toBe(1);
      expect(delta('hit') + delta('joined')).toBe(5);
    } finally {
      await cached.close();
    }
  });

  it('past the window, serves an answer again only while the index is unchanged', async () => {
    const windowMs = 150;
    const cached = await buildApp({ store: store(), searchCacheMs: windowMs });
    const pause = () => new Promise((r) => setTimeout(r, windowMs + 50));
    try {
      const url = '/api/v1/search?q=quokkas&lang=en';
      const outcome = async () => {
        const samples = parsePrometheusText(
          (await cached.inject({ method: 'GET', url: '/metrics' })).body,
        ).get('pillars_search_cache_total')!.samples;
        return (name: string) => samples.find((s) => s.labels.outcome === name)?.value ?? 0;
      };
      const total = async () =>
        (await cached.inject({ method: 'GET', url })).json<{ total: { value: number } }>().total
          .value;
      expect(await total()).toBe(0);
      await pause();
      const before = await outcome();
      expect(await total()).toBe(0);
      expect((await outcome())('revalidated')).toBe(before('revalidated') + 1);
      // A new document in the index: the next search past the window is computed anew.
      const [result] = await ingestFiles(store(), [
        {
          name: 'quokkas.txt',
          bytes: Buffer.from(
            'Statement on quokkas\n\n1. The quokkas of Rottnest Island are counted every year.\n',
          ),
        },
      ]);
      expect(result?.status).toBe('ok');
      await pause();
      const misses = (await outcome())('miss');
      expect(await total()).toBeGreaterThan(0);
      expect((await outcome())('miss')).toBe(misses + 1);
    } finally {
      await cached.close();
    }
  });

  it('within the stale bound, answers at once and refreshes the answer in the background', async () => {
    const windowMs = 100;
    const cached = await buildApp({
      store: store(),
      searchCacheMs: windowMs,
      searchStaleMs: 60_000,
    });
    const pause = (ms = windowMs + 50) => new Promise((r) => setTimeout(r, ms));
    try {
      const url = '/api/v1/search?q=wombats&lang=en';
      const outcome = async (name: string) =>
        parsePrometheusText((await cached.inject({ method: 'GET', url: '/metrics' })).body)
          .get('pillars_search_cache_total')!
          .samples.find((s) => s.labels.outcome === name)?.value ?? 0;
      const total = async () =>
        (await cached.inject({ method: 'GET', url })).json<{ total: { value: number } }>().total
          .value;
      expect(await total()).toBe(0);
      const [result] = await ingestFiles(store(), [
        {
          name: 'wombats.txt',
          bytes: Buffer.from('Statement on wombats\n\n1. The wombats of Tasmania dig burrows.\n'),
        },
      ]);
      expect(result?.status).toBe('ok');
      await pause();
      const stale = await outcome('stale');
      // The index moved: the answer from before is served once more, and a refresh starts.
      expect(await total()).toBe(0);
      expect(await outcome('stale')).toBe(stale + 1);
      let found = 0;
      for (let i = 0; i < 100 && found === 0; i++) {
        await pause(20);
        found = await total();
      }
      expect(found).toBeGreaterThan(0);
    } finally {
      await cached.close();
    }
  });
});
