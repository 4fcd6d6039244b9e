/**
 * @module Opens the configured store (SQLite or PostgreSQL) and brings its schema up to date.
 */
import { Migrator, type Kysely } from 'kysely';
import type { StoreConfig } from '../config/config.js';
import { storeUnavailable } from '../domain/errors.js';
import type { Database } from './database.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';

export type Engine = StoreConfig['kind'];

export interface Store {
  readonly db: Kysely<Database>;
  /**
   * Where read-only work that tolerates replication lag goes (search). On PostgreSQL a pool of
   * its own — to the read replica when one is configured, else to the primary — so that document
   * views, lists and writes never queue for a connection behind searches; on SQLite `db` itself.
   */
  readonly reader: Kysely<Database>;
  readonly engine: Engine;
  /** The SQLite file, for connections of its own (search workers); none on PostgreSQL. */
  readonly file?: string;
  close(): Promise<void>;
}

export async function openStore(
  config: StoreConfig,
  options: { migrate?: boolean } = {},
): Promise<Store> {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : await openPostgres(config.url);
  let reader = db;
  if (config.kind === 'postgres') {
    try {
      reader = await openPostgres(config.readUrl ?? config.url);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  const store: Store = {
    db,
    reader,
    engine: config.kind,
    ...(config.kind === 'sqlite' ? { file: config.file } : {}),
    close: async () => {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw storeUnavailable(`migration ${failed} failed: ${(error as Error).message}`, error);
  }
}
