/**
 * @module One typed configuration, from environment variables overridden by flags.
 *
 * `PILLARS_DATABASE_URL` (or `--database-url`) selects PostgreSQL and wins over `PILLARS_DB`
 * (or `--db`), the SQLite file used otherwise.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { invalidParameter } from '../domain/errors.js';

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** A read replica for search (PILLARS_READ_DATABASE_URL); the primary when absent. */
      readonly readUrl?: string;
    };

export interface Config {
  readonly store: StoreConfig;
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe: addresses, CIDR ranges or the
   * keywords loopback, linklocal, uniquelocal (comma-separated). Only these may tell the app the
   * client's address (login throttling, rate limits) and that TLS was used (Secure cookies).
   */
  readonly trustProxy: string;
  /**
   * `auto` (the default): `serve` applies pending migrations at start. `off`: it does not, and
   * /api/ready answers 503 until an operator runs `pillars migrate` — for several app processes
   * on one PostgreSQL, where one deliberate migration is wanted rather than a race at start-up.
   */
  readonly migrate: 'auto' | 'off';
  /**
   * Requests a minute per client address on /api, counted by each process on its own (behind a
   * load balancer over N processes a client gets up to N times this); 0 turns the limit off.
   * Logins have their own throttle, shared through the database.
   */
  readonly rateLimitPerMinute: number;
  /** How long identical searches share one answer, in ms (PILLARS_SEARCH_CACHE_MS); 0 is off. */
  readonly searchCacheMs: number;
  /**
   * How far behind the index a cached search answer may be while a fresh one is computed in the
   * background, in ms (PILLARS_SEARCH_STALE_MS); 0 recomputes in the request.
   */
  readonly searchStaleMs: number;
  /**
   * Worker threads computing searches over SQLite (PILLARS_SEARCH_WORKERS): `auto` (every core
   * but one, one to four), a number, or 0 for searches on the event loop.
   */
  readonly searchWorkers: number | 'auto';
}

export interface ConfigFlags {
  db?: string | undefined;
  databaseUrl?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
}

export const DEFAULT_SQLITE_FILE = './data/pillars.db';
export const DEFAULT_PORT = 8080;

const portSchema = z.coerce.number().int().min(0).max(65535);
const postgresUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL');
const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']);

function parseField<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalidParameter(field, result.error.issues[0]?.message ?? 'invalid value');
  }
  return result.data;
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const url = flags.databaseUrl ?? nonEmpty(env.PILLARS_DATABASE_URL);
  const readUrl = nonEmpty(env.PILLARS_READ_DATABASE_URL);
  const store: StoreConfig =
    url !== undefined
      ? {
          kind: 'postgres',
          url: parseField(
            postgresUrlSchema,
            url,
            flags.databaseUrl !== undefined ? '--database-url' : 'PILLARS_DATABASE_URL',
          ),
          ...(readUrl !== undefined
            ? { readUrl: parseField(postgresUrlSchema, readUrl, 'PILLARS_READ_DATABASE_URL') }
            : {}),
        }
      : {
          kind: 'sqlite',
          file: resolve(flags.db ?? nonEmpty(env.PILLARS_DB) ?? DEFAULT_SQLITE_FILE),
        };
  const port = parseField(
    portSchema,
    flags.port ?? nonEmpty(env.PILLARS_PORT) ?? DEFAULT_PORT,
    flags.port !== undefined ? '--port' : 'PILLARS_PORT',
  );
  const host = flags.host ?? nonEmpty(env.PILLARS_HOST) ?? '0.0.0.0';
  const logLevel = parseField(
    logLevelSchema,
    nonEmpty(env.PILLARS_LOG_LEVEL) ?? 'info',
    'PILLARS_LOG_LEVEL',
  );
  const trustProxy = nonEmpty(env.PILLARS_TRUST_PROXY) ?? 'loopback';
  const migrate = parseField(
    z.enum(['auto', 'off']),
    nonEmpty(env.PILLARS_MIGRATE) ?? 'auto',
    'PILLARS_MIGRATE',
  );
  const rateLimitPerMinute = parseField(
    z.coerce.number().int().min(0),
    nonEmpty(env.PILLARS_RATE_LIMIT) ?? 1200,
    'PILLARS_RATE_LIMIT',
  );
  const searchCacheMs = parseField(
    z.coerce.number().int().min(0).max(60_000),
    nonEmpty(env.PILLARS_SEARCH_CACHE_MS) ?? 2000,
    'PILLARS_SEARCH_CACHE_MS',
  );
  const searchStaleMs = parseField(
    z.coerce.number().int().min(0).max(300_000),
    nonEmpty(env.PILLARS_SEARCH_STALE_MS) ?? 120_000,
    'PILLARS_SEARCH_STALE_MS',
  );
  const workersSetting = nonEmpty(env.PILLARS_SEARCH_WORKERS) ?? 'auto';
  const searchWorkers =
    workersSetting === 'auto'
      ? 'auto'
      : parseField(
          z.coerce.number().int().min(0).max(16),
          workersSetting,
          'PILLARS_SEARCH_WORKERS',
        );
  return {
    store,
    port,
    host,
    logLevel,
    trustProxy,
    migrate,
    rateLimitPerMinute,
    searchCacheMs,
    searchStaleMs,
    searchWorkers,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** A description of the store safe to print: never the password of a database URL. */
export function describeStore(store: StoreConfig): string {
  if (store.kind === 'sqlite') return `sqlite:${store.file}`;
  try {
    const url = new URL(store.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres';
  }
}
