/**
 * @module The process's Prometheus metrics (prom-client): HTTP requests by route, ingested files
 * by outcome, store query timings, and Node's own (CPU, memory, event-loop lag). One registry per
 * process: each app process is scraped on its own and Prometheus sums them.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'pillars_' });

export const httpRequests = new Counter({
  name: 'pillars_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'pillars_http_request_duration_seconds',
  help: 'Time from receiving a request to sending its response, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const ingestedFiles = new Counter({
  name: 'pillars_ingest_files_total',
  help: 'Files through ingestion, by outcome (ok, skipped, error)',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const storeQueryDuration = new Histogram({
  name: 'pillars_store_query_duration_seconds',
  help: 'Store query time as the driver reports it, by engine and statement kind',
  labelNames: ['engine', 'kind'] as const,
  buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [registry],
});

export const searchCacheOutcomes = new Counter({
  name: 'pillars_search_cache_total',
  help: 'Searches answered by the cache: hit (a stored answer), revalidated (a stored answer whose index generation still matches), stale (a stored answer served while a background refresh replaces it), joined (one in flight), miss (computed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const storeQueryErrors = new Counter({
  name: 'pillars_store_query_errors_total',
  help: 'Store queries that failed, by engine',
  labelNames: ['engine'] as const,
  registers: [registry],
});

const KINDS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'begin',
  'commit',
  'rollback',
  'savepoint',
  'release',
]);

/** A Kysely `log` callback feeding the store histograms. */
export function storeQueryLogger(engine: 'sqlite' | 'postgres') {
  return (event: {
    level: 'query' | 'error';
    queryDurationMillis: number;
    query: { sql: string };
  }) => {
    if (event.level === 'error') {
      storeQueryErrors.inc({ engine });
      return;
    }
    const first = /^\s*([a-z]+)/i.exec(event.query.sql)?.[1]?.toLowerCase() ?? 'other';
    storeQueryDuration.observe(
      { engine, kind: KINDS.has(first) ? first : 'other' },
      event.queryDurationMillis / 1000,
    );
  };
}
