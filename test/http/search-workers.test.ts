/**
 * Searches computed in worker threads over their own read connections (SQLite) answer exactly as
 * searches on the event loop do: same bodies, same errors, and they see what the writer commits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { Promotion } from '../../src/lib/promotion.js';
import { SearchPool } from '../../src/search/search-pool.js';
import type { SearchRequest } from '../../src/search/search-service.js';
import { buildApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { bundledReferenceData } from '../support/for-each-store.js';

describe('searches in worker threads (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-search-workers-'));
  let store: Store;
  let inline: FastifyInstance;
  let pooled: FastifyInstance;

  beforeAll(async () => {
    store = await openStore({ kind: 'sqlite', file: join(dir, 'pillars.db') });
    await seedReferenceData(store, bundledReferenceData());
    await seedSampleDocuments(store);
    inline = await buildApp({ store, searchWorkers: 0 });
    pooled = await buildApp({ store, searchWorkers: 2 });
  }, 60_000);

  afterAll(async () => {
    await pooled.close();
    await inline.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (app: FastifyInstance, url: string) => {
    const response = await app.inject({ method: 'GET', url });
    const body = response.json<Record<string, unknown>>();
    delete body.tookMs;
    return { status: response.statusCode, body };
  };

  it('answer as the event loop does, facets, filters, languages and paging included', async () => {
    const urls = [
      '/api/v1/search?q=migrants',
      '/api/v1/search?q=%22family%20reunification%22&lang=en',
      '/api/v1/search?q=nucléaires&lang=fr&facets=false',
      '/api/v1/search?q=migrants&across=true&limit=2',
      '/api/v1/search?q=year:2000%20migrants',
      '/api/v1/search?q=%E6%97%85%E8%A1%8C%E8%87%AA%E7%94%B1',
      '/api/v1/search?q=reunif*&recency=true',
    ];
    for (const url of urls) {
      const [a, b] = await Promise.all([ask(inline, url), ask(pooled, url)]);
      expect(b, url).toEqual(a);
      expect(a.status, url).toBe(200);
    }
    const migrants = await ask(pooled, urls[0]!);
    expect((migrants.body.total as { value: number }).value).toBeGreaterThan(0);
    const first = await ask(pooled, '/api/v1/search?q=migrants&limit=1');
    const cursor = first.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    const next = `/api/v1/search?q=migrants&limit=1&cursor=${encodeURIComponent(cursor)}`;
    expect(await ask(pooled, next)).toEqual(await ask(inline, next));
  });

  it('give the same errors: a malformed query with its position, a foreign cursor', async () => {
    for (const url of [
      '/api/v1/search?q=%22unclosed',
      '/api/v1/search?q=state:Atlantis',
      '/api/v1/search?q=migrants&cursor=bm9wZQ',
    ]) {
      const [a, b] = await Promise.all([ask(inline, url), ask(pooled, url)]);
      expect(a.status, url).toBe(400);
      expect(b, url).toEqual(a);
    }
  });

  it('see documents as soon as the writer commits them', async () => {
    const url = '/api/v1/search?q=wombats';
    expect((await ask(pooled, url)).body.total).toEqual({ value: 0, exact: true });
    const [result] = await ingestFiles(store, [
      {
        name: 'wombats.txt',
        bytes: Buffer.from('Statement on wombats\n\n1. Wombats dig burrows in the bush.\n'),
      },
    ]);
    expect(result?.status).toBe('ok');
    const after = await ask(pooled, url);
    expect((after.body.total as { value: number }).value).toBeGreaterThan(0);
    expect(after).toEqual(await ask(inline, url));
  });

  it('finish the searches in flight when the app closes', async () => {
    const closing = await buildApp({ store, searchWorkers: 1 });
    const searches = Array.from({ length: 6 }, (_, i) =>
      closing.inject({ method: 'GET', url: `/api/v1/search?q=migrants&limit=${i + 1}` }),
    );
    // Let the requests reach the pool before closing.
    await new Promise((r) => setTimeout(r, 20));
    await closing.close();
    const answers = await Promise.all(searches);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
  });

  it('answer many searches at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        ask(pooled, `/api/v1/search?q=${i % 2 ? 'migrants' : 'governments'}&limit=${1 + (i % 5)}`),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('answer background searches only on an idle worker, after the requests queued before them', async () => {
    const pool = new SearchPool(store.file!, 1);
    const request = (q: string): SearchRequest => ({
      q,
      langs: ['en'],
      across: false,
      facets: true,
      recency: false,
      limit: 5,
    });
    const order: string[] = [];
    const track = (name: string, answer: Promise<string>) =>
      answer.then((body) => {
        order.push(name);
        return body;
      });
    const first = track('request 1', pool.search(request('migrants')));
    const refresh = track('refresh', pool.search(request('governments'), 'background'));
    const second = track('request 2', pool.search(request('reunification')));
    const [, refreshed] = await Promise.all([first, refresh, second]);
    expect(order).toEqual(['request 1', 'request 2', 'refresh']);
    const results = (body: string) => (JSON.parse(body) as { groups: unknown }).groups;
    expect(results(refreshed)).toEqual(results(await pool.search(request('governments'))));
    // A promoted refresh goes to the worker like a request: before requests that come after it.
    order.length = 0;
    const promotion = new Promotion();
    const busy = track('request 1', pool.search(request('migrants')));
    const promoted = track('refresh', pool.search(request('nuclear'), 'background', promotion));
    promotion.request();
    const later = track('request 2', pool.search(request('governments')));
    await Promise.all([busy, promoted, later]);
    expect(order).toEqual(['request 1', 'refresh', 'request 2']);
    // Closing drops refreshes nobody waits for.
    const pending = pool.search(request('migrants'));
    const dropped = pool.search(request('nuclear'), 'background');
    await pool.close();
    await expect(pending).resolves.toContain('"groups"');
    await expect(dropped).rejects.toThrow(/closed/);
  });
});
